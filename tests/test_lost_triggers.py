"""scripts/lost_triggers.py: the step at which a dev gold event whose trigger word has lexicon rows
is lost, on a real dev article (text from ../shared)."""

from __future__ import annotations

import importlib.util

import pytest

from conftest import ROOT, shared_path
from dateline.config import PipelineConfig

DEV = ROOT / "eval" / "records" / "dev"


@pytest.mark.shared
def test_each_lost_event_is_named_its_step() -> None:
    spec = importlib.util.spec_from_file_location(
        "lost_triggers", ROOT / "scripts" / "lost_triggers.py"
    )
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    from dateline.eval.records import documents
    from dateline.eval.records_gold import read_gold

    golds = read_gold([DEV / "GUM_news_clock.json"], texts=shared_path())
    config = PipelineConfig(stage_options={"events": {"filter": False}})
    (doc,) = documents(golds, config)
    rows = script.lost(golds[0], doc)
    steps = {row["trigger"]: row["step"] for row in rows}
    # '"support movement"': the trigger noun only modifies a noun that is no event
    assert steps["support movement"] == "coder: modifier only", steps
    # "social movement": no word of it has a lexicon row
    assert steps["social movement"] == "not in lexicon", steps
    for row in rows:
        assert row["step"] == "not in lexicon" or script._rank(row["step"]) >= 0, row
