"""The trained filter of false events (issue 11, events/event_filter.py): it drops an event the
rules code but no annotator would, keeps a clear one, can be switched off, and its training is
reproducible. The sentences are dev records' (never the example article's)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import make_document
from dateline.config import PipelineConfig
from dateline.events import event_filter
from dateline.events.lexicon import load_lexicon
from dateline.pipeline import Pipeline
from dateline.stages.events import EventsStage

STAGES = ("segment", "actors", "times", "places", "quotes", "events")
ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

# dev trnews-1130003: parents not able to provide details give no aid (a false AID of the rules)
NO_AID = (
    "Fire\nFinney says at first her parents weren't able to provide a lot of details about what "
    "was going on, only that they were alive and ok."
)
# dev GUM_news_defector: a clear arrest
ARREST = (
    "Scientology\nDaniel Montalvo, 19, a member of Scientology all his life, was arrested after "
    "leaving its elite group the Sea Org."
)

# dev timebank-APW20000107.0318 and timebank-APW19980308.0201: a gesture given is no aid, a
# religion shared no cooperation (false events filter1 kept, at p 0.62 and 0.67 in their articles)
PEACE_SIGN = "Elian\nHe gave the peace sign before heading back indoors."
SHARED_FAITH = "Kosovo\nThey also share Islam with the ethnic Albanians."
# dev GUM_news_sensitive: a document handed to a broadcaster is no aid (no gold event there)
HANDED_DOCUMENT = (
    "Document found\nA sensitive Environment Canada document was found wet on an Ottawa street "
    "by someone who gave it to the CBC today."
)


def _events(text: str, *, filtered: bool = True) -> list[tuple[str, str]]:
    if filtered:
        document = make_document(text, stages=STAGES)
    else:
        config = PipelineConfig(stages=STAGES, stage_options={"events": {"filter": False}})
        pipeline = Pipeline(config)
        document = pipeline.new_document(make_document(text).article)
        for stage in pipeline.stages:
            document = stage(document)
    return [(e.trigger.text, e.type) for e in document.extraction.events]


def test_a_false_event_of_the_rules_is_dropped():
    # round 16 (pattern14): the rules no longer make this false AID, which the filter used to
    # drop: the "provide detail" row (no event) now reads "a lot of details" through the
    # object's "of" complement (lexicon.object_words); the filter's dropping of a rules' false
    # event is still tested on PEACE_SIGN below
    assert ("provide", "AID") not in _events(NO_AID, filtered=False)
    assert ("provide", "AID") not in _events(NO_AID)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (HANDED_DOCUMENT, ("gave", "AID")),
        # kept by filter2 from round 18's retraining to round 21's; dropped again by the retraining
        # over round 22's rules (events@1.8.166)
        (PEACE_SIGN, ("gave", "AID")),
        pytest.param(
            SHARED_FAITH,
            ("share", "COOPERATE"),
            marks=pytest.mark.xfail(
                strict=True,
                reason="filter2 retrained on the 273-article dev (round 15) keeps this false "
                "COOPERATE: a known regression on this sentence",
            ),
        ),
    ],
)
def test_false_events_filter2_drops(text, event):
    assert event in _events(text, filtered=False)
    assert event not in _events(text)


def test_a_clear_event_is_kept():
    assert ("arrested", "COERCE") in _events(ARREST)


def test_the_switch_and_the_version():
    on = EventsStage(PipelineConfig())
    off = EventsStage(PipelineConfig(stage_options={"events": {"filter": False}}))
    assert on.version.endswith(f"+{event_filter.FILTER_VERSION}")
    assert event_filter.FILTER_VERSION not in off.version


def test_the_weights_say_how_they_were_trained():
    model = event_filter.load_model()
    assert 0.0 < model.threshold < 1.0
    data = json.loads((ROOT / "src" / "dateline" / "data" / event_filter.WEIGHTS_FILE).read_text())
    assert len(data["training_sha256"]) == 64
    assert data["counts"]["articles"] > 100
    assert data["version"] == event_filter.FILTER_VERSION
    # feature names only: "name=value" of a tag set, lexicon row or rule, never raw text
    assert all("=" in name for name in model.weights)


def test_no_article_word_in_the_weights():
    # a lexicon row ("row=verb 'strike'") names the lexicon's words or a word list's; a rule or
    # a recoding rule is named in the package's source; every other name is a tag or a bucket
    # ("dep=nsubj", "sent_tokens=<=15"): no space, no quote, so no phrase of an article
    rows = {f"{e.pos} '{e.pattern}'" for es in load_lexicon().values() for e in es}
    package = ROOT / "src" / "dateline"
    source = "\n".join(p.read_text("utf-8") for p in package.rglob("*.py"))
    lists = "\n".join(p.read_text("utf-8") for p in (package / "data" / "words").glob("*.toml"))
    odd = []
    for name in event_filter.load_model().weights:
        group, _, value = name.partition("=")
        if group == "row":
            pattern = value.partition(" ")[2].strip("'")
            # a lexicon row, a word list's, or an entry a coder rule builds in the package's
            # source ("hear report": events/coder.py HEARD_REPORT_ENTRY)
            ok = value in rows or f'"{pattern}"' in lists or f'"{pattern}"' in source
        elif group in ("rule", "recode"):
            ok = value in source
        else:
            ok = re.fullmatch(r"[A-Za-z0-9_<>=.*+-]+", value) is not None
        if not ok:
            odd.append(name)
    assert not odd


@pytest.mark.skipif(not (SHARED / "eval").is_dir(), reason=f"needs the dev texts in {SHARED}")
def test_training_is_deterministic(tmp_path):
    outputs = []
    for run in ("one", "two"):
        out = tmp_path / f"{run}.json"
        subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "train_event_filter.py"),
             "--texts", str(SHARED), "--limit", "8", "--out", str(out)],
            check=True, capture_output=True,
            env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        )  # fmt: skip
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert json.loads(outputs[0])["counts"]["articles"] == 8
