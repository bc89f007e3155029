"""The JSON output contract (design.md) on the real seed article: every key, true offsets."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

# design.md's minimum ("add fields freely, rename none without a version bump"); the full key
# lists are declared once in dateline.schema and pinned to docs/contract.md by tests/test_schema.py
TOP_KEYS = {"article", "actors", "times", "places", "quotes", "events", "claims", "meta"}
ARTICLE_KEYS = {"id", "date", "title", "subtitle", "source", "url", "text"}
ACTOR_KEYS = {"id", "name", "kind", "country", "sector", "mentions"}
TIME_KEYS = {"start", "end", "text", "value", "earliest", "latest"}
PLACE_KEYS = {
    "start",
    "end",
    "text",
    "name",
    "feature",
    "country",
    "admin1",
    "lat",
    "lon",
    "geonameid",
}
QUOTE_KEYS = {"id", "start", "end", "text", "kind", "speaker", "cue"}
EVENT_KEYS = {
    "id", "type", "mode", "context", "quad", "actors", "recipients", "date", "place",
    "factuality", "reporter", "evidence", "trigger", "confidence",
}  # fmt: skip
CLAIM_KEYS = {"id", "start", "end", "text", "source", "repeated_by", "stance"}
META_KEYS = {"dateline_version", "model", "stages"}


@pytest.fixture(scope="module")
def seed_json(example_path: Path) -> dict:
    dateline = Path(sys.executable).with_name("dateline")
    out = subprocess.run(
        [str(dateline), "extract", "--format", "json", str(example_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def _check_span(text: str, record: dict) -> None:
    assert text[record["start"] : record["end"]] == record["text"], record


def test_every_contract_key_is_present(seed_json: dict) -> None:
    assert TOP_KEYS <= seed_json.keys()
    assert ARTICLE_KEYS <= seed_json["article"].keys()
    assert META_KEYS <= seed_json["meta"].keys()
    for name, keys in (
        ("actors", ACTOR_KEYS),
        ("times", TIME_KEYS),
        ("places", PLACE_KEYS),
        ("quotes", QUOTE_KEYS),
        ("events", EVENT_KEYS),
    ):
        assert seed_json[name], f"no {name} found in the seed article"
        for record in seed_json[name]:
            assert keys <= record.keys(), (name, keys - record.keys())
    for claim in seed_json["claims"]:
        assert CLAIM_KEYS <= claim.keys()


def test_cli_prints_exactly_the_declared_keys_in_order(seed_json: dict) -> None:
    from dateline.schema import ARTICLE, DOCUMENT_LISTS

    assert tuple(seed_json["article"]) == ARTICLE.json_keys()
    for name, record in DOCUMENT_LISTS.items():
        for item in seed_json[name]:
            assert tuple(item) == record.json_keys(), name


def test_offsets_match_article_text(seed_json: dict) -> None:
    text = seed_json["article"]["text"]
    for actor in seed_json["actors"]:
        for mention in actor["mentions"]:
            _check_span(text, mention)
    for name in ("times", "places", "quotes", "claims"):
        for record in seed_json[name]:
            _check_span(text, record)
            _check_span(text, record["evidence"])
    for quote in seed_json["quotes"]:
        if quote["cue"]:
            _check_span(text, quote["cue"])
    for event in seed_json["events"]:
        _check_span(text, event["evidence"])
        _check_span(text, event["trigger"])
        # the trigger lies inside its evidence sentence
        assert event["evidence"]["start"] <= event["trigger"]["start"] < event["evidence"]["end"]


def test_every_record_names_its_stage(seed_json: dict) -> None:
    # meta names each stage's declared version with its fingerprint (dateline.fingerprint),
    # records the declared version alone
    stages = {s.split("+fp.")[0] for s in seed_json["meta"]["stages"]}
    assert all("+fp." in s for s in seed_json["meta"]["stages"])
    assert {s.split("@")[0] for s in stages} >= {
        "segment",
        "actors",
        "times",
        "places",
        "quotes",
        "events",
        "claims",
    }
    for name in ("actors", "times", "places", "quotes", "events", "claims"):
        for record in seed_json[name]:
            assert record["stage"] in stages, (name, record["stage"])


def test_event_arguments_are_actor_ids(seed_json: dict) -> None:
    ids = {actor["id"] for actor in seed_json["actors"]}
    for event in seed_json["events"]:
        # an event whose actor the text does not name has none, and a lower confidence
        assert event["actors"] or event["confidence"] < 0.6, event
        assert set(event["actors"]) <= ids
        assert set(event["recipients"]) <= ids
        assert event["date"]["value"]
