"""`dateline eval events`: PLV marks, format detection, event choice and the report's figures."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import shared_path
from dateline.errors import EvalError
from dateline.eval import events as ev
from dateline.model import Event, EventDate, Span

PLV_HEADER = "sentence_id\tsentence\tmarked_sentence\tsource\ttarget\tgold_penta\tgold_root\n"
ROWS = [
    (
        "Ukraine accuses Russia of sending tanks.",
        "<s>Ukraine</s> accuses <t>Russia</t> of sending tanks.",
        "ACCUSE",
    ),
    (
        "Vladimir Putin held talks with Xi Jinping in Moscow.",
        "<s>Vladimir Putin</s> held talks with <t>Xi Jinping</t> in Moscow.",
        "CONSULT",
    ),
    (
        "Russia withdrew its troops from Belarus.",
        "<s>Russia</s> withdrew its troops from <t>Belarus</t>.",
        "YIELD",
    ),
    ("The weather was fine.", "<s>The weather</s> was <t>fine</t>.", "AGREE"),
]


def plv_file(tmp_path: Path) -> Path:
    path = tmp_path / "plv.tsv"
    lines = [PLV_HEADER] + [f"{i}\t{s}\t{m}\tx\ty\t1\t{g}\n" for i, (s, m, g) in enumerate(ROWS)]
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_strip_marks_gives_offsets_into_the_plain_text() -> None:
    text, sources, targets = ev.strip_marks(
        "The <s>WHO </s>is helping <t>Malawi</t> and <t>Chad</t>."
    )
    assert text == "The WHO is helping Malawi and Chad."
    assert [text[a:b] for a, b in sources] == ["WHO"]
    assert [text[a:b] for a, b in targets] == ["Malawi", "Chad"]


def test_detect_format_and_errors(tmp_path: Path) -> None:
    assert ev.detect_format(plv_file(tmp_path)) == "plv"
    gsr = tmp_path / "gsr.json"
    gsr.write_text("[]", encoding="utf-8")
    assert ev.detect_format(gsr) == "gsr"
    other = tmp_path / "other.txt"
    other.write_text("hello", encoding="utf-8")
    with pytest.raises(EvalError, match="neither a PLV TSV file"):
        ev.detect_format(other)
    with pytest.raises(EvalError, match="not found"):
        ev.detect_format(tmp_path / "missing.tsv")


def _event(
    kind: str, actor: tuple[int, int], recipient: tuple[int, int], text: str, trigger: int
) -> Event:
    def span(a: int, b: int) -> Span:
        return Span.of(text, a, b)

    return Event(
        id=kind, type=kind, mode=None, context=(), quad=1, actors=("a",), recipients=("b",),
        date=EventDate("2020", None, None), place=None, factuality="asserted", reporter=None,
        evidence=span(0, len(text)), trigger=span(trigger, trigger + 1), confidence=1.0, stage="t",
        actor_spans=(span(*actor),), recipient_spans=(span(*recipient),),
    )  # fmt: skip


def test_choose_event_prefers_the_dyad_then_source_as_actor() -> None:
    text = "Ukraine accused Russia and thanked France."
    item = ev.Item(text, ((0, 7),), ((16, 22),), "ACCUSE")
    thank = _event("SUPPORT", (0, 7), (34, 40), text, 26)
    accuse = _event("ACCUSE", (0, 7), (16, 22), text, 8)
    assert ev.choose_event([thank, accuse], item, {})[0] is accuse
    assert ev.choose_event([thank], item, {}) == (thank, False)  # source only: relaxed match
    other = ev.Item(text, ((34, 40),), ((16, 22),), "ACCUSE")
    assert ev.choose_event([accuse], other, {}) == (None, False)


def test_choose_event_prefers_the_main_clause_act(nlp) -> None:
    # both events code the dyad; the refusal governs the meeting it refuses
    text = "Herrera refused to meet Biden."
    item = ev.Item(text, ((0, 7),), ((24, 29),), "REJECT")
    meet = _event("CONSULT", (0, 7), (24, 29), text, 19)
    refuse = _event("REJECT", (0, 7), (24, 29), text, 8)
    meet = replace(meet, trigger=Span.of(text, 19, 23))
    refuse = replace(refuse, trigger=Span.of(text, 8, 15))
    assert ev.choose_event([meet, refuse], item, {}, nlp(text))[0] is refuse
    assert ev.choose_event([meet, refuse], item, {})[0] is meet  # without a parse: nearest


def test_evaluate_on_a_tiny_plv_file(tmp_path: Path) -> None:
    report = ev.evaluate(plv_file(tmp_path))
    assert report["n_rows"] == 4
    assert report["confusion"]["AGREE"] == {"NONE": 1}  # no event, counted wrong
    assert report["confusion"]["ACCUSE"].get("ACCUSE") == 1
    assert report["confusion"]["YIELD"].get("YIELD") == 1  # RETREAT folded into YIELD
    assert report["coverage"] == 0.75 and report["accuracy"] == 0.75
    assert {"accuracy", "macro_f1", "coverage", "per_class"} <= set(report)


def test_gsr_reader_maps_v05_categories(tmp_path: Path) -> None:
    records = [
        {"id": "d", "event": "DOCUMENT"},
        {"event": "DEMAND", "text": "Iran demanded that Iraq release prisoners.", "source": [{"actorText": "Iran"}], "target": [{"actorText": "Iraq"}]},
    ]  # fmt: skip
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    items = list(ev.read_gsr(path))
    assert len(items) == 1 and items[0].gold == "REQUEST"
    assert items[0].sources == ((0, 4),) and items[0].targets == ((19, 23),)


@pytest.mark.shared
def test_plv_first_rows_have_the_contract_keys() -> None:
    path = shared_path("eval", "events-plv", "PLV_train.tsv")
    report = ev.evaluate(path, limit=20)
    assert report["n_rows"] == 20
    assert 0.0 <= report["macro_f1"] <= 1.0 and report["coverage"] > 0.3


def test_save_then_diff_lists_what_a_change_did(tmp_path: Path) -> None:
    """--save writes a verdict per sentence; --diff against an earlier run lists each changed
    row with its effect; a file that is not one is refused with its reason."""
    from typer.testing import CliRunner

    from dateline.cli import app

    plv = shared_path("eval", "events-plv", "PLV_train.tsv")
    runner = CliRunner()
    saved = tmp_path / "now.jsonl"
    result = runner.invoke(app, ["eval", "events", str(plv), "--limit", "8", "--save", str(saved)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in saved.read_text(encoding="utf-8").splitlines()]
    assert [r["article"] for r in rows] == [f"row {n}" for n in range(1, 9)]
    assert {r["verdict"] for r in rows} <= {"right", "wrong", "missed"}
    right = next(r for r in rows[1:] if r["verdict"] == "right")
    # the earlier run: without row 1, and wrong where this one is right
    earlier = [dict(r, type="AID", verdict="wrong") if r is right else r for r in rows[1:]]
    baseline = tmp_path / "before.jsonl"
    baseline.write_text("".join(json.dumps(r) + "\n" for r in earlier), encoding="utf-8")
    result = runner.invoke(
        app, ["eval", "events", str(plv), "--limit", "8", "--diff", str(baseline), "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    changes = json.loads(result.output)["changes"]
    by_row = {c["article"]: c for c in changes["rows"]}
    assert set(by_row) == {"row 1", right["article"]}
    assert by_row["row 1"]["change"] == "added"
    assert by_row[right["article"]]["effect"] == "better"
    assert by_row[right["article"]]["fields"] == ["type"]
    result = runner.invoke(app, ["eval", "events", str(plv), "--diff", str(tmp_path / "none")])
    assert "not a predictions file written by --save" in str(result.exception)
