"""eval quotes: the PolNeAR reader, the 50%-coverage scorer, the textacy baseline."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import shared_path
from dateline.errors import EvalError
from dateline.eval.quotes import evaluate, gold_kind, read_split

TEXT = (
    "Talks failed\n"
    "\n"
    "“We tried very hard,” Senator Jane Smith said on Monday, “but they walked away.”\n"
    "\n"
    "She said the deal was dead and the vote would not happen this year.\n"
    "\n"
    "The weather was fine.\n"
)


def _offsets(sub: str) -> tuple[int, int]:
    start = TEXT.index(sub)
    return start, start + len(sub)


def _write_split(root: Path) -> Path:
    split = root / "dev"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / "paper_2016-10-01_talks.txt").write_text(TEXT, encoding="utf-8")
    a1, a2 = _offsets("“We tried very hard,”"), _offsets("“but they walked away.”")
    src, cue = _offsets("Senator Jane Smith"), _offsets("said on")
    she = _offsets("She")
    said2 = (she[1] + 1, she[1] + 5)
    content2 = _offsets("the deal was dead and the vote would not happen this year")
    lines = [
        f"T1\tSource {src[0]} {src[1]}\tSenator Jane Smith",
        f"T2\tCue {cue[0]} {cue[0] + 4}\tsaid",
        f"T3\tContent {a1[0]} {a1[1]};{a2[0]} {a2[1]}\tx",
        f"T4\tAttribution {cue[0]} {cue[0] + 4}\tsaid",
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        f"T5\tSource {she[0]} {she[1]}\tShe",
        f"T6\tCue {said2[0]} {said2[1]}\tsaid",
        f"T7\tContent {content2[0]} {content2[1]}\tx",
        f"T8\tAttribution {said2[0]} {said2[1]}\tsaid",
        "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5",
    ]
    (split / "attributions" / "paper_2016-10-01_talks_aaaa.ann").write_text("\n".join(lines) + "\n")
    (split / "attributions" / "paper_2016-10-01_talks_zzzz.ann").write_text("")  # second annotator
    return split


def test_reader_takes_the_first_annotator_and_the_date_from_the_name(tmp_path: Path) -> None:
    (document,) = read_split(_write_split(tmp_path))
    assert document.annotator == "aaaa"
    assert str(document.date) == "2016-10-01"
    kinds = [a.kind for a in document.attributions]
    assert kinds == ["direct", "indirect"]


def test_scores_interrupted_quote_and_pronoun_speaker(tmp_path: Path) -> None:
    report = evaluate(_write_split(tmp_path))
    assert report["n_gold"] == 2
    assert report["recall"] == 1.0
    assert report["precision"] == 1.0
    assert report["speaker_accuracy"] == 1.0
    assert report["cue_accuracy"] == 1.0
    assert report["by_kind"]["direct"]["n_gold"] == 1


def test_textacy_baseline_side_by_side(tmp_path: Path) -> None:
    report = evaluate(_write_split(tmp_path), baseline="textacy")
    assert set(report) >= {"dateline", "textacy"}
    assert report["textacy"]["by_kind"]["indirect"]["recall"] == 0.0  # textacy: direct only
    assert report["dateline"]["f1"] >= report["textacy"]["f1"]


def test_gold_kind() -> None:
    text = 'He said "we will win." They said it was over, calling it "a farce."'
    assert gold_kind(text, ((9, 21),)) == "direct"
    assert gold_kind(text, ((36, 47),)) == "indirect"
    assert gold_kind(text, ((36, 67),)) == "mixed"


def test_not_a_polnear_folder(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="is not a PolNeAR split folder"):
        evaluate(tmp_path)
    with pytest.raises(EvalError, match="Unknown baseline 'x'"):
        evaluate(_write_split(tmp_path), baseline="x")


def test_polnear_dev_subset_beats_textacy() -> None:
    dev = shared_path("eval", "quotes-polnear", "data", "dev")
    report = evaluate(dev, limit=4, baseline="textacy")
    assert report["dateline"]["n_gold"] > 15
    assert report["dateline"]["f1"] > report["textacy"]["f1"]
    assert report["dateline"]["speaker_accuracy"] >= 0.8


BELIEF_TEXT = (
    "Budget talks stall\n\nThe governor believes the budget will pass before the summer recess.\n"
)


def test_belief_records_count_as_attributions(tmp_path: Path) -> None:
    """PolNeAR annotates beliefs ("believes") as attributions; dateline's are kind belief."""
    split = tmp_path / "dev"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / "paper_2016-10-02_budget.txt").write_text(BELIEF_TEXT, encoding="utf-8")

    def at(sub: str) -> tuple[int, int]:
        start = BELIEF_TEXT.index(sub)
        return start, start + len(sub)

    source, cue = at("The governor"), at("believes")
    content = at("the budget will pass before the summer recess")
    lines = [
        f"T1\tSource {source[0]} {source[1]}\tThe governor",
        f"T2\tCue {cue[0]} {cue[1]}\tbelieves",
        f"T3\tContent {content[0]} {content[1]}\tx",
        f"T4\tAttribution {cue[0]} {cue[1]}\tbelieves",
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
    ]
    (split / "attributions" / "paper_2016-10-02_budget_aaaa.ann").write_text("\n".join(lines))
    report = evaluate(split)
    assert (report["n_gold"], report["n_matched"], report["n_pred"]) == (1, 1, 1)
    assert report["speaker_accuracy"] == 1.0 and report["cue_accuracy"] == 1.0
