"""Scoring the events stage: PLV sentences (TSV) and the PLOVER gold-standard records (JSON).

PLV (Hu et al. 2024, github.com/snowood1/Zero-Shot-PLOVER): one row per (sentence, source,
target) with the PLOVER root code, CONCEDE and RETREAT merged as YIELD. Only the columns
``sentence``, ``marked_sentence``, ``source``, ``target`` and ``gold_root`` are read; the others
are another system's predictions. Each sentence is run alone through the pipeline (article date
fixed at 2020-01-01; the sentence's text is ``marked_sentence`` without its tags, so the marked
offsets hold exactly).

Matching a row to an event: an event *matches* when one of its argument spans, or a mention of
one of its actors or recipients, overlaps the marked source (in either role). Among matching
events the one that also overlaps the target is preferred, then source as actor, then an event
that happened, then the trigger highest in the parse, then the trigger nearest the target.
``coverage`` is the share of rows with a matching event; ``coverage_strict`` the share where the
event overlaps both source and target (``accuracy_strict``/``macro_f1_strict`` score only those
as matches). A row without a matching event counts as wrong.

PLOVER GSR (openeventdata/PLOVER gold_standard_records, v0.5b1 categories mapped to the current
16: DEMAND->REQUEST, DISAPPROVE->ACCUSE, INVESTIGATE->ACCUSE, FIGHT->ASSAULT): the source and
target actor texts are located in ``text``; the same matching and metrics, over the 16 types
(CONCEDE and RETREAT kept apart, as the GSR codes them).
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import json
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dateline.errors import EvalError, InputError
from dateline.eval.skips import Skipped
from dateline.model import Article, Event

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc

    from dateline.pipeline import Pipeline

ARTICLE_DATE = dt.date(2020, 1, 1)
PLV_COLUMNS = ("sentence", "marked_sentence", "source", "target", "gold_root")
YIELD = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}
GSR_V05 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
EVAL_STAGES = ("segment", "actors", "times", "places", "quotes", "events")
_TAG = re.compile(r"</?[st]>")


@dataclass(frozen=True, slots=True)
class Item:
    """One scored sentence: its text, the marked source/target offsets and the gold type."""

    text: str
    sources: tuple[tuple[int, int], ...]
    targets: tuple[tuple[int, int], ...]
    gold: str


def strip_marks(marked: str) -> tuple[str, list[tuple[int, int]], list[tuple[int, int]]]:
    """The plain text of a PLV marked sentence and the offsets of its <s> and <t> spans."""
    text: list[str] = []
    spans: dict[str, list[tuple[int, int]]] = {"s": [], "t": []}
    opened: dict[str, int] = {}
    position = 0
    cursor = 0
    for tag in _TAG.finditer(marked):
        piece = marked[cursor : tag.start()]
        text.append(piece)
        position += len(piece)
        name = tag.group().strip("</>")
        if tag.group().startswith("</"):
            if name in opened:
                spans[name].append((opened.pop(name), position))
        else:
            opened[name] = position
        cursor = tag.end()
    text.append(marked[cursor:])
    plain = "".join(text)

    # trim spaces inside the marks ("(WHO) </s>is")
    def trim(span: tuple[int, int]) -> tuple[int, int]:
        start, end = span
        while start < end and plain[start].isspace():
            start += 1
        while end > start and plain[end - 1].isspace():
            end -= 1
        return start, end

    return plain, [trim(s) for s in spans["s"]], [trim(t) for t in spans["t"]]


def read_plv(path: Path) -> Iterator[Item]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t")
        missing = [c for c in PLV_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise EvalError(
                f"{path} is not a PLV TSV file: column(s) {', '.join(missing)} missing. Give the PLV_train.tsv/PLV_test.tsv file."
            )
        for row in reader:
            text, sources, targets = strip_marks(row["marked_sentence"])
            yield Item(
                " ".join(text.split()) if False else text,
                tuple(sources),
                tuple(targets),
                row["gold_root"].strip(),
            )


def _find_all(text: str, needle: str) -> list[tuple[int, int]]:
    needle = needle.strip()
    if not needle:
        return []
    found = [(m.start(), m.end()) for m in re.finditer(re.escape(needle), text)]
    if not found:  # the GSR's actorText is sometimes a shortened form ("Tokyo" for "Tokyo's")
        found = [(m.start(), m.end()) for m in re.finditer(re.escape(needle), text, re.IGNORECASE)]
    return found


def read_gsr(path: Path) -> Iterator[Item]:
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise EvalError(
            f"{path} is not valid JSON ({exc}). Give the PLOVER_GSR_CAMEO.txt file."
        ) from None
    for record in records:
        event = record.get("event")
        text = record.get("text")
        if not text or not event or event == "DOCUMENT":
            continue

        def actors(
            field: str, record: dict[str, Any] = record, text: str = text
        ) -> list[tuple[int, int]]:
            value = record.get(field) or []
            if isinstance(value, dict):
                value = [value]
            spans: list[tuple[int, int]] = []
            for actor in value if isinstance(value, list) else []:
                spans.extend(_find_all(text, actor.get("actorText", "")))
            return spans

        yield Item(
            text, tuple(actors("source")), tuple(actors("target")), GSR_V05.get(event, event)
        )


def _overlaps(spans: list[tuple[int, int]], marks: tuple[tuple[int, int], ...]) -> bool:
    return any(s < me and ms < e for s, e in spans for ms, me in marks)


def choose_event(
    events: list[Event],
    item: Item,
    mention_spans: dict[str, list[tuple[int, int]]],
    parsed: SpacyDoc | None = None,
) -> tuple[Event | None, bool]:
    """The event that codes the marked dyad (see the module docstring) and whether it is strict."""
    best: tuple[tuple[float, ...], Event, bool] | None = None
    for event in events:
        depth = 0  # the trigger's depth in the parse: the main clause's act before its content
        if parsed is not None:
            trigger = parsed.char_span(
                event.trigger.start, event.trigger.end, alignment_mode="expand"
            )
            depth = sum(1 for _ in trigger.root.ancestors) if trigger is not None else 0
        actor = [(s.start, s.end) for s in event.actor_spans] + [
            sp for a in event.actors for sp in mention_spans.get(a, [])
        ]
        recipient = [(s.start, s.end) for s in event.recipient_spans] + [
            sp for a in event.recipients for sp in mention_spans.get(a, [])
        ]
        source_as_actor = _overlaps(actor, item.sources)
        source_any = source_as_actor or _overlaps(recipient, item.sources)
        if not source_any:
            continue
        target_any = _overlaps(actor + recipient, item.targets)
        distance = min((abs(event.trigger.start - t) for t, _ in item.targets), default=0)
        key = (
            float(target_any),
            float(source_as_actor),
            float(event.happened),
            -float(depth),
            -float(distance),
        )
        if best is None or key > best[0]:
            best = (key, event, target_any)
    return (best[1], best[2]) if best else (None, False)


def _scores(pairs: list[tuple[str, str | None]], classes: list[str]) -> dict[str, Any]:
    per_class: dict[str, dict[str, float]] = {}
    for label in classes:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        predicted = sum(1 for _, p in pairs if p == label)
        gold = sum(1 for g, _ in pairs if g == label)
        precision = tp / predicted if predicted else 0.0
        recall = tp / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[label] = {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "n": gold,
        }
    accuracy = sum(1 for g, p in pairs if g == p) / len(pairs) if pairs else 0.0
    macro = sum(v["f1"] for v in per_class.values()) / len(per_class) if per_class else 0.0
    return {"accuracy": round(accuracy, 4), "macro_f1": round(macro, 4), "per_class": per_class}


#: verdicts of a scored sentence, worst first (``--diff``: a change up this list is better)
VERDICT_RANK = {"wrong": 0, "missed": 1, "right": 2}


def prediction_row(
    number: int, item: Item, event: Event | None, predicted: str | None
) -> dict[str, Any]:
    """One scored sentence for ``--save``: its row number, the event chosen, and the verdict
    (right, wrong type, or missed: no event for the marked dyad)."""
    verdict = "missed" if predicted is None else "right" if predicted == item.gold else "wrong"
    return {
        "article": f"row {number}",
        "sentence": item.text,
        "gold": item.gold,
        "type": predicted,
        "trigger": [event.trigger.start, event.trigger.end] if event else None,
        "trigger_text": event.trigger.text if event else "",
        "rule": event.rule if event else None,
        "verdict": verdict,
    }


def diff_predictions(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> dict[str, Any]:
    """What changed between two runs (:mod:`dateline.eval.changes`): a prediction is its row
    and sentence; its type, trigger and rule are compared."""
    from dateline.eval import changes

    return changes.diff_predictions(
        before,
        after,
        key=lambda row: (row["article"], row["sentence"]),
        compared=("type", "trigger", "rule"),
        rank=VERDICT_RANK,
        absent=VERDICT_RANK["missed"],
    )


def _pipeline(model: str | None, config: Any) -> Pipeline:
    from dateline.config import PipelineConfig
    from dateline.pipeline import Pipeline

    available = tuple(
        s for s in EVAL_STAGES if importlib.util.find_spec(f"dateline.stages.{s}") is not None
    )
    base = config or PipelineConfig()
    return Pipeline(base, stages=available, model=model)


def dataset_file(path: Path) -> Path:
    """The dataset file itself, or the one PLV or GSR file inside a folder given instead."""
    if not path.is_dir():
        return path
    found = []
    for candidate in sorted(p for p in path.iterdir() if p.is_file()):
        try:
            detect_format(candidate)
        except EvalError:
            continue
        found.append(candidate)
    if len(found) != 1:
        what = ", ".join(p.name for p in found) if found else "none"
        raise EvalError(
            f"{path} is a folder holding {len(found)} PLV TSV or PLOVER GSR JSON files ({what}). "
            "Give one file."
        )
    return found[0]


def detect_format(path: Path) -> str:
    if not path.exists():
        raise EvalError(f"{path} not found. Give the PLV TSV file or the PLOVER GSR JSON file.")
    try:
        with path.open(encoding="utf-8") as fh:
            head = fh.read(2000).lstrip()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(
            f"{path} cannot be read as UTF-8 text ({exc}). Give a PLV or GSR file."
        ) from None
    if head.startswith("["):
        return "gsr"
    if "marked_sentence" in head.split("\n", 1)[0]:
        return "plv"
    raise EvalError(
        f"{path} is neither a PLV TSV file (a 'marked_sentence' column) nor PLOVER GSR JSON (an array). Give one of those."
    )


def evaluate(
    path: Path,
    *,
    pipeline: Pipeline | None = None,
    limit: int | None = None,
    model: str | None = None,
    config: Any = None,
    predictions: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Score event types on PLV or the PLOVER GSR; a flat report (see the module docstring).
    ``predictions``, when given, receives one row per scored sentence (:func:`prediction_row`)
    for ``--save`` and ``--diff``."""
    from dateline.nlp import load_nlp, parse

    path = dataset_file(path)
    kind = detect_format(path)
    items = list(read_plv(path) if kind == "plv" else read_gsr(path))[: limit if limit else None]
    pipeline = pipeline or _pipeline(model, config)
    nlp = load_nlp(pipeline.config.model)
    timing: dict[str, float] = defaultdict(float)
    pairs_relaxed: list[tuple[str, str | None]] = []
    pairs_strict: list[tuple[str, str | None]] = []
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    covered = 0
    strict_covered = 0
    fold = YIELD if kind == "plv" else {}
    skipped = Skipped()
    for start in range(0, len(items), 64):
        batch = items[start : start + 64]
        began = time.perf_counter()
        parsed = list(parse(nlp, [item.text for item in batch]))
        timing["spacy"] += time.perf_counter() - began
        for offset, (item, spacy_doc) in enumerate(zip(batch, parsed, strict=True)):
            article = Article(
                id=Article.make_id(ARTICLE_DATE, item.text),
                date=ARTICLE_DATE,
                title=item.text,
                text=item.text,
            )
            try:
                document = pipeline.new_document(article, parsed=spacy_doc)
            except InputError as exc:  # not English or empty: not scored, counted (.skips)
                skipped.add_error(item.text[:60], exc)
                continue
            for stage in pipeline.stages:
                began = time.perf_counter()
                document = stage(document)
                timing[stage.name] += time.perf_counter() - began
            mention_spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
            for mention in document.mentions:
                mention_spans[mention.actor].append((mention.span.start, mention.span.end))
            event, strict = choose_event(
                document.extraction.events, item, mention_spans, document.parsed
            )
            predicted = fold.get(event.type, event.type) if event else None
            covered += int(event is not None)
            strict_covered += int(strict)
            pairs_relaxed.append((item.gold, predicted))
            pairs_strict.append((item.gold, predicted if strict else None))
            confusion[item.gold][predicted or "NONE"] += 1
            if predictions is not None:
                predictions.append(prediction_row(start + offset + 1, item, event, predicted))
    classes = sorted({gold for gold, _ in pairs_relaxed})
    relaxed = _scores(pairs_relaxed, classes)
    strict_scores = _scores(pairs_strict, classes)
    n = len(pairs_relaxed)
    dataset = (
        "PLV (train split unless the file says otherwise)"
        if kind == "plv"
        else "PLOVER gold-standard records (v0.5b1 mapped)"
    )
    report: dict[str, Any] = {
        "dataset": f"{dataset}: {path.name}",
        "n_rows": n,
        **skipped.figures(),
        "accuracy": relaxed["accuracy"],
        "macro_f1": relaxed["macro_f1"],
        "coverage": round(covered / n, 4) if n else 0.0,
        "accuracy_strict": strict_scores["accuracy"],
        "macro_f1_strict": strict_scores["macro_f1"],
        "coverage_strict": round(strict_covered / n, 4) if n else 0.0,
        "stages": ",".join(pipeline.stage_versions()),
        "seconds_spacy": round(timing["spacy"], 2),
        "seconds_events": round(timing["events"], 2),
        "events_time_share": round(timing["events"] / timing["spacy"], 4)
        if timing["spacy"]
        else 0.0,
        "per_class": relaxed["per_class"],
        "confusion": {gold: dict(row.most_common()) for gold, row in sorted(confusion.items())},
    }
    return report


def evaluate_coders(
    path: Path,
    coders: tuple[str, ...],
    *,
    limit: int | None = None,
    model: str | None = None,
    config: Any = None,
) -> dict[str, Any]:
    """One report per events coder ("rules", "embedding") over the same rows, keyed by coder.

    Each coder runs in its own pipeline (``stage_options["events"]["coder"]``); the rows, the
    matching and the scores are the same. ``events_sentences_per_second`` is rows / events time.
    """
    from dataclasses import replace

    from dateline.config import PipelineConfig

    base = (config or PipelineConfig()).with_overrides(model=model)
    reports: dict[str, Any] = {}
    for coder in coders:
        options = {
            **base.stage_options,
            "events": {**base.stage_options.get("events", {}), "coder": coder},
        }
        report = evaluate(path, limit=limit, config=replace(base, stage_options=options))
        seconds = report["seconds_events"]
        report["events_sentences_per_second"] = (
            round(report["n_rows"] / seconds, 1) if seconds else 0.0
        )
        if coder == "embedding" and detect_format(path) == "gsr":
            report["warning"] = (
                "the embedding coder's classifier is trained on the PLOVER GSR: "
                "this is a training-set score, not a test; compare the coders on PLV"
            )
        reports[coder] = report
    return reports
