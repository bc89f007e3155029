"""Beliefs are not statements, and one actor answers to each of its spellings (issue 13).

The store is a handful of real press releases from the Kremlin/Zelenskyy corpus, chosen by what
they say: the Kremlin's "Zelensky" and the Ukrainian site's "Zelenskyy", its "Oleg Ustenko" and
"Oleh Ustenko". Like any press release they hold quotes whose cue is a belief, a wish or a
perception ("I know ...", "we want ..."): quotes@1.2.0 gives those the kind "belief", and the
server leaves them out of quotes, the actor page and timelines unless asked, as
``dateline quotes --kind`` does.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from dateline.model import SPEECH_KINDS
from server.server_helpers import CORPUS, make_client

pytestmark = pytest.mark.skipif(
    not CORPUS.exists(), reason=f"needs the press-release corpus at {CORPUS}"
)

#: (CSV, a phrase the chosen press release must hold), one press release each.
WANTED = (
    ("putin.csv", re.compile(r"\bZelensky\b")),
    ("zelenskyy.csv", re.compile(r"\bOleh Ustenko\b")),
    ("zelenskyy.csv", re.compile(r"\bOleg Ustenko\b")),
    ("zelenskyy.csv", re.compile(r"\bI know\b")),
)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from dateline.ingest import ingest
    from dateline.io import read_articles

    chosen = []
    for name, phrase in WANTED:
        articles = read_articles([CORPUS / name])
        found = next(a for a in articles if phrase.search(a.text) and a not in chosen)
        chosen.append(found)
    db = tmp_path_factory.mktemp("spellings") / "s.duckdb"
    ingest(chosen, db=db, workers=1, progress=False)
    return db


@pytest.fixture(scope="module")
def client(store: Path) -> Any:
    return make_client(store)


def rows(client: Any, url: str) -> list[dict]:
    body = client.get(url).json()
    assert body["ok"], body
    assert body["total"] == len(body["rows"]), "raise the limit"
    return body["rows"]


def keys(found: list[dict]) -> set[tuple[str, str]]:
    return {(r["article_id"], r["quote_id"]) for r in found}


@pytest.fixture(scope="module")
def beliefs(client: Any) -> list[dict]:
    found = rows(client, "/api/quotes?kind=belief&limit=500")
    assert found, "press releases hold beliefs ('I know ...', 'we want ...')"
    return found


@pytest.fixture(scope="module")
def speaker(client: Any, beliefs: list[dict]) -> str:
    """A speaker with beliefs and speech quotes both (the timelines must hold either)."""
    said = {r["speaker_actor"] for r in rows(client, "/api/quotes?limit=500")}
    return next(r["speaker_actor"] for r in beliefs if r["speaker_actor"] in said - {None})


def test_quotes_leave_beliefs_out_unless_asked(client: Any, beliefs: list[dict]) -> None:
    assert {r["kind"] for r in beliefs} == {"belief"}
    said = rows(client, "/api/quotes?limit=500")
    assert said and {r["kind"] for r in said} <= set(SPEECH_KINDS)
    assert keys(said).isdisjoint(keys(beliefs))
    every = rows(client, "/api/quotes?kind=all&limit=500")
    assert keys(every) == keys(said) | keys(beliefs)
    # the CLI's grammar: speech is the default, kinds join with commas
    assert keys(rows(client, "/api/quotes?kind=speech&limit=500")) == keys(said)
    both = rows(client, "/api/quotes?kind=direct,belief&limit=500")
    assert {r["kind"] for r in both} == {"direct", "belief"}
    download = client.get("/api/quotes.csv?limit=500").text
    assert ",belief," not in download
    assert ",belief," in client.get("/api/quotes.csv?kind=all&limit=500").text


def test_the_quotes_table_counts_beliefs_in_its_kind_facet(
    client: Any, beliefs: list[dict]
) -> None:
    first = beliefs[0]
    row = f'data-quote="{first["article_id"]}/{first["quote_id"]}"'
    page = client.get("/quotes?limit=500").text
    assert row not in page
    facets = client.get("/api/quotes/facets").json()["facets"]
    counted = {f["value"]: f["count"] for f in facets["kind"]}
    assert counted["belief"] == len(beliefs)  # the way to them, though they are not shown
    assert 'href="?limit=500&amp;kind=belief"' in page
    assert row in client.get("/quotes?kind=belief&limit=500").text
    assert row in client.get("/quotes?kind=all&limit=500").text
    assert "kind: all" in client.get("/quotes?kind=all").text  # a filter chip to take it off


def test_the_actor_page_shows_what_the_actor_said_not_believed(
    client: Any, beliefs: list[dict], speaker: str
) -> None:
    believed = keys([r for r in beliefs if r["speaker_actor"] == speaker])
    document = client.get(f"/api/actors/{speaker}").json()
    shown = keys(document["quotes"])
    assert shown.isdisjoint(believed)
    said = rows(client, f"/api/quotes?actor={speaker}&limit=500")
    assert document["n_quotes"] == len(said)
    page = client.get(f"/actors/{speaker}").text
    for article_id, quote_id in believed:
        assert f"/articles/{article_id}?quote={quote_id}#" not in page
    # the way to them: the quotes table with kind=belief
    assert f'href="/quotes?actor={speaker}&amp;kind=belief"' in page
    listed = client.get(f"/quotes?actor={speaker}&kind=belief&limit=500").text
    for article_id, quote_id in believed:
        assert f'data-quote="{article_id}/{quote_id}"' in listed


def test_timelines_leave_beliefs_out_unless_asked(
    client: Any, beliefs: list[dict], speaker: str
) -> None:
    believed = keys([r for r in beliefs if r["speaker_actor"] == speaker])

    def quoted(url: str) -> set[tuple[str, str]]:
        body = client.get(url).json()
        assert body["ok"], body
        return {(e["article_id"], e["quote_id"]) for e in body["rows"] if e["kind"] == "quote"}

    default = quoted(f"/api/timeline?q={speaker}&limit=500")
    assert default and default.isdisjoint(believed)
    assert believed <= quoted(f"/api/timeline?q={speaker}&kind=all&limit=500")
    article_id, quote_id = sorted(believed)[0]
    link = f"/articles/{article_id}?quote={quote_id}#"
    assert link not in client.get(f"/timeline?q={speaker}&limit=500").text
    assert link in client.get(f"/timeline?q={speaker}&kind=belief&limit=500").text


def test_the_timeline_command_leaves_beliefs_out_unless_asked(
    store: Path, beliefs: list[dict], speaker: str
) -> None:
    import json

    from typer.testing import CliRunner

    from dateline.cli import app

    believed = {r["text"] for r in beliefs if r["speaker_actor"] == speaker}

    def quoted(*options: str) -> set[str]:
        command = ["timeline", speaker, "--db", str(store), "-f", "json", *options]
        result = CliRunner().invoke(app, command)
        assert result.exit_code == 0, result.output
        return {e["text"] for e in json.loads(result.output) if e["kind"] == "quote"}

    assert quoted().isdisjoint(believed)
    assert believed <= quoted("--kind", "all")
    assert quoted("--kind", "belief") <= believed


@pytest.mark.parametrize(
    ("one", "other"), [("Zelensky", "Zelenskyy"), ("Oleh Ustenko", "Oleg Ustenko")]
)
def test_both_spellings_find_the_same_actors(client: Any, one: str, other: str) -> None:
    from urllib.parse import quote

    found = {
        name: [r["actor_id"] for r in client.get(f"/api/actors?q={quote(name)}").json()["rows"]]
        for name in (one, other)
    }
    assert found[one] and found[one] == found[other]
    events = {
        name: {
            (r["article_id"], r["event_id"])
            for r in client.get(f"/api/events?actor={quote(name)}&limit=500").json()["rows"]
        }
        for name in (one, other)
    }
    assert events[one] and events[one] == events[other]


def test_the_cli_filter_and_the_server_filter_are_one(store: Path) -> None:
    from dateline.storage.query import matching_actors
    from dateline.storage.search import actor_ids
    from dateline.storage.store import connect

    with connect(store, read_only=True) as conn:
        for name in (
            "Zelensky",
            "zelenskyy",
            "Oleh Ustenko",
            "Oleg",
            "Putin",
            "volodymyr-zelensky",
        ):
            assert matching_actors(conn, name) == actor_ids(conn, name), name
        # an id is that actor alone; the Ustenko of each transliteration is one person
        assert actor_ids(conn, "volodymyr-zelensky") == ["volodymyr-zelensky"]
        assert {"oleg-ustenko", "oleh-ustenko"} <= set(actor_ids(conn, "Oleh Ustenko"))
