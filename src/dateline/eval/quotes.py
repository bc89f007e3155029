"""Scoring the quotes stage on PolNeAR (Newell, Margolin & Ruths, LREC 2018).

A PolNeAR split folder holds ``text/<doc>.txt`` and ``attributions/<doc>_<annotator>.ann``
(brat standoff: T lines ``Source|Cue|Content|Attribution start end[;start end]``, E lines linking
one attribution's parts). Some documents have several annotators; we score against **one
annotator per document: the first .ann file in sorted order**. The article date is the
``publication_date`` of ``metadata.tsv`` (looked up beside or above the split folder), else the
date in the file name.

Scoring (issue 3):

- a predicted attribution matches a gold one when it covers at least 50% of the gold Content's
  characters; pairs are matched one-to-one, greedily, best coverage first;
- every record of the quotes stage is a predicted attribution, kind ``belief`` included: PolNeAR
  annotates beliefs, desires and perceptions ("believes", "wants", "sees") as attributions too,
  which dateline keeps apart from quotes (issue 11), and transcript turns (cue ":");
- dateline's quotes that share one cue span are one predicted attribution (their content is
  unioned): PolNeAR annotates one attribution per cue, so "said there was “a very good chance”
  that ..." is one mixed attribution, not a partial quote plus an indirect one, and the pieces
  of one transcript turn are one;
- speaker accuracy over matched pairs whose gold has a Source: the predicted speaker mention
  overlaps the gold Source, or some mention of the predicted speaker's actor does (gold "he",
  ours "Trump": the same person);
- cue accuracy over matched pairs whose gold has a Cue: the predicted cue overlaps it;
- the same figures per gold kind: direct (the content is all inside quotation marks), mixed
  (quoted and unquoted words), indirect (no quotation marks).

``baseline="textacy"`` also runs :func:`textacy.extract.triples.direct_quotations` over the same
spaCy parses through the same scorer. textacy refuses a document with an odd number of quotation
marks (it raises ValueError); such a document counts as one with no textacy predictions.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dateline.config import PipelineConfig
from dateline.errors import EvalError
from dateline.eval.skips import Skipped
from dateline.model import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc

    from dateline.document import Document
    from dateline.pipeline import Pipeline

QUOTE_CHARS = "\"“”‘’«»'"
KINDS = ("direct", "mixed", "indirect")
#: the share of the gold Content a prediction must cover (issue 3)
MIN_COVERAGE = 0.5

Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class GoldAttribution:
    content: Spans
    source: Spans
    cue: Spans
    kind: str


@dataclass
class Predicted:
    """One predicted attribution: content characters, speaker spans, cue span."""

    content: set[int]
    speaker: Spans
    cue: Spans
    kind: str


@dataclass
class Tally:
    n_gold: int = 0
    n_pred: int = 0
    n_matched: int = 0
    n_speaker: int = 0
    n_speaker_correct: int = 0
    n_cue: int = 0
    n_cue_correct: int = 0

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def report(self) -> dict[str, Any]:
        precision = self.n_matched / self.n_pred if self.n_pred else 0.0
        recall = self.n_matched / self.n_gold if self.n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "speaker_accuracy": round(self.n_speaker_correct / self.n_speaker, 4)
            if self.n_speaker
            else 0.0,
            "cue_accuracy": round(self.n_cue_correct / self.n_cue, 4) if self.n_cue else 0.0,
            "n_gold": self.n_gold,
            "n_pred": self.n_pred,
            "n_matched": self.n_matched,
            "n_speaker_scored": self.n_speaker,
            "n_cue_scored": self.n_cue,
        }


@dataclass
class Scores:
    total: Tally = field(default_factory=Tally)
    by_kind: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in KINDS})

    def report(self) -> dict[str, Any]:
        report = self.total.report()
        report["by_kind"] = {kind: tally.report() for kind, tally in self.by_kind.items()}
        return report


# -- reading PolNeAR --------------------------------------------------------------------------
def _spans(field_text: str) -> Spans:
    return tuple((int(a), int(b)) for a, b in (part.split() for part in field_text.split(";")))


def read_ann(path: Path, text: str) -> list[GoldAttribution]:
    """The attribution relations of one brat .ann file."""
    spans: dict[str, tuple[str, Spans]] = {}
    relations: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            spans[parts[0]] = (label, _spans(offsets))
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    gold = []
    for relation in relations:
        content = spans.get(relation.get("Content", ""), ("", ()))[1]
        if not content:
            continue
        gold.append(
            GoldAttribution(
                content=content,
                source=spans.get(relation.get("Source", ""), ("", ()))[1],
                cue=spans.get(relation.get("Cue", ""), ("", ()))[1],
                kind=gold_kind(text, content),
            )
        )
    return gold


def gold_kind(text: str, content: Spans) -> str:
    """direct: all inside quotation marks; mixed: some quoted words; indirect: none."""
    start, end = content[0][0], content[-1][1]
    inner = text[start:end].strip()
    before = text[max(0, start - 2) : start]
    after = text[end : end + 2]
    quoted_outside = any(c in QUOTE_CHARS for c in before) and any(c in QUOTE_CHARS for c in after)
    if len(content) == 1 and inner:
        wrapped = inner[0] in QUOTE_CHARS and inner.rstrip(".,!?;: ")[-1:] in QUOTE_CHARS
        has_inner_quote = any(c in '"“”«»' for c in inner[1:-1])
        if (wrapped or quoted_outside) and not has_inner_quote:
            return "direct"
    pieces = [text[a:b] for a, b in content]
    if all(p.strip()[:1] in QUOTE_CHARS for p in pieces if p.strip()) and all(
        p.rstrip(".,!?;: ")[-1:] in QUOTE_CHARS for p in pieces if p.strip()
    ):
        return "direct"  # "A," he said, "B."
    if any(c in '"“”«»' for piece in pieces for c in piece) or quoted_outside:
        return "mixed"
    return "indirect"


def _metadata_dates(folder: Path) -> dict[str, dt.date]:
    for candidate in (
        folder / "metadata.tsv",
        folder.parent / "metadata.tsv",
        folder.parent.parent / "metadata.tsv",
    ):
        if candidate.is_file():
            dates = {}
            with candidate.open(encoding="utf-8") as fh:
                for row in csv.DictReader(fh, delimiter="\t"):
                    try:
                        dates[row["filename"]] = dt.date.fromisoformat(row["publication_date"])
                    except (KeyError, ValueError):
                        continue
            return dates
    return {}


@dataclass(frozen=True)
class GoldDocument:
    name: str
    text: str
    date: dt.date
    annotator: str
    attributions: list[GoldAttribution]


def read_split(
    folder: Path, limit: int | None = None, skipped: Skipped | None = None
) -> list[GoldDocument]:
    """The documents of a PolNeAR split folder, one annotator each (the first .ann sorted).

    With ``skipped``, a text that is not UTF-8 is skipped and counted there, not an error.
    """
    texts, anns = folder / "text", folder / "attributions"
    if not texts.is_dir() or not anns.is_dir():
        raise EvalError(
            f"{folder} is not a PolNeAR split folder: it needs text/ and attributions/ "
            "(e.g. ../shared/eval/quotes-polnear/data/dev)."
        )
    dates = _metadata_dates(folder)
    documents = []
    for path in sorted(texts.glob("*.txt")):
        ann_files = sorted(anns.glob(f"{path.stem}_*.ann"))
        if not ann_files:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            message = f"{path} is not UTF-8 (byte {exc.start})"
            if skipped is None:
                raise EvalError(f"{message}. Re-encode it to UTF-8.") from None
            skipped.add(path.stem, "unreadable", message)
            continue
        found = re.search(r"_(\d{4}-\d\d-\d\d)_", path.name)
        fallback = dt.date.fromisoformat(found.group(1)) if found else dt.date(2016, 1, 1)
        documents.append(
            GoldDocument(
                name=path.stem,
                text=text,
                date=dates.get(path.stem, fallback),
                annotator=ann_files[0].stem.rsplit("_", 1)[-1],
                attributions=read_ann(ann_files[0], text),
            )
        )
        if limit is not None and len(documents) >= limit:
            break
    if not documents:
        raise EvalError(
            f"No annotated documents in {folder}: expected text/*.txt with attributions/*.ann."
        )
    return documents


# -- predictions --------------------------------------------------------------------------------
def dateline_predictions(document: Document) -> list[Predicted]:
    """dateline's quotes, those sharing a cue merged into one attribution."""
    by_cue: dict[tuple[int, int] | int, Predicted] = {}
    mentions_by_actor: dict[str, list[tuple[int, int]]] = {}
    for mention in document.mentions:
        mentions_by_actor.setdefault(mention.actor, []).append(
            (mention.span.start, mention.span.end)
        )
    for index, quote in enumerate(document.extraction.quotes):
        key: tuple[int, int] | int = (quote.cue.start, quote.cue.end) if quote.cue else index
        speaker: list[tuple[int, int]] = []
        if quote.speaker.span is not None:
            speaker.append((quote.speaker.span.start, quote.speaker.span.end))
        if quote.speaker.actor is not None:
            speaker.extend(mentions_by_actor.get(quote.speaker.actor, []))
        content = set(range(quote.span.start, quote.span.end))
        kind = (
            "direct"
            if quote.kind == "direct"
            else "mixed"
            if quote.kind == "partial"
            else "indirect"
        )
        if key in by_cue:
            merged = by_cue[key]
            merged.content |= content
            merged.kind = merged.kind if merged.kind == kind else "mixed"
        else:
            cue = ((quote.cue.start, quote.cue.end),) if quote.cue else ()
            by_cue[key] = Predicted(content, tuple(speaker), cue, kind)
    return list(by_cue.values())


def textacy_predictions(parsed: SpacyDoc) -> list[Predicted]:
    from textacy.extract.triples import direct_quotations

    predicted = []
    try:
        triples = list(direct_quotations(parsed))
    except ValueError:  # an odd number of quotation marks: textacy bails out
        return []
    for speaker, cue, content in triples:
        start, end = content.start_char, content.end_char
        text = parsed.text
        while start < end and text[start] in QUOTE_CHARS:
            start += 1
        while end > start and text[end - 1] in QUOTE_CHARS:
            end -= 1
        predicted.append(
            Predicted(
                set(range(start, end)),
                tuple((t.idx, t.idx + len(t.text)) for t in speaker),
                tuple((t.idx, t.idx + len(t.text)) for t in cue),
                "direct",
            )
        )
    return predicted


# -- scoring ------------------------------------------------------------------------------------
def _overlaps(a: Spans, b: Spans) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def score(gold: list[GoldAttribution], predicted: list[Predicted], scores: Scores) -> None:
    """Match one document's predictions to its gold attributions and add up the figures."""
    gold_chars = [set().union(*(range(a, b) for a, b in g.content)) for g in gold]
    pairs = []
    for gi, chars in enumerate(gold_chars):
        for pi, pred in enumerate(predicted):
            if chars:
                coverage = len(chars & pred.content) / len(chars)
                if coverage >= MIN_COVERAGE:
                    pairs.append((coverage, -abs(len(pred.content) - len(chars)), gi, pi))
    matched_gold: dict[int, int] = {}
    used: set[int] = set()
    for _, _, gi, pi in sorted(pairs, reverse=True):
        if gi not in matched_gold and pi not in used:
            matched_gold[gi] = pi
            used.add(pi)
    for gi, attribution in enumerate(gold):
        tallies = (scores.total, scores.by_kind[attribution.kind])
        for tally in tallies:
            tally.n_gold += 1
        if gi not in matched_gold:
            continue
        pred = predicted[matched_gold[gi]]
        for tally in tallies:
            tally.n_matched += 1
            tally.n_pred += 1
            if attribution.source:
                tally.n_speaker += 1
                tally.n_speaker_correct += _overlaps(pred.speaker, attribution.source)
            if attribution.cue:
                tally.n_cue += 1
                tally.n_cue_correct += _overlaps(pred.cue, attribution.cue)
    for pi, pred in enumerate(predicted):
        if pi not in used:
            scores.total.n_pred += 1
            scores.by_kind[pred.kind].n_pred += 1


def _article(gold: GoldDocument) -> Article:
    return Article(id=gold.name, date=gold.date, title=gold.text.split("\n", 1)[0], text=gold.text)


def _parsed_documents(
    pipeline: Pipeline, documents: list[GoldDocument]
) -> Iterator[tuple[GoldDocument, Document]]:
    from dateline.nlp import load_nlp, parse

    nlp = load_nlp(pipeline.config.model)
    for gold, parsed in zip(documents, parse(nlp, (d.text for d in documents)), strict=True):
        document = pipeline.new_document(_article(gold), parsed=parsed)
        for stage in pipeline.stages:
            document = stage(document)
        yield gold, document


def evaluate(
    path: Path,
    *,
    config: PipelineConfig | None = None,
    pipeline: Pipeline | None = None,
    limit: int | None = None,
    baseline: str | None = None,
) -> dict[str, Any]:
    """Score dateline (and optionally a baseline) on a PolNeAR split folder."""
    from dateline.pipeline import Pipeline

    if baseline not in (None, "textacy"):
        raise EvalError(f"Unknown baseline {baseline!r}. Valid baselines: textacy.")
    skipped = Skipped()
    documents = read_split(Path(path), limit, skipped)
    documents = skipped.usable(documents, _article, lambda gold: gold.name)
    if pipeline is None:
        pipeline = Pipeline(config or PipelineConfig())
    stages = tuple(s for s in pipeline.config.stages if s in {"segment", "actors", "quotes"})
    quotes_pipeline = Pipeline(pipeline.config.with_overrides(stages=stages))
    ours, theirs = Scores(), Scores()
    for gold, document in _parsed_documents(quotes_pipeline, documents):
        score(gold.attributions, dateline_predictions(document), ours)
        if baseline == "textacy":
            score(gold.attributions, textacy_predictions(document.parsed), theirs)
    dataset = {
        "path": str(path),
        "documents": len(documents),
        "annotator": "first .ann per document, sorted",
        "match": f"prediction covers >= {MIN_COVERAGE:.0%} of the gold Content, one-to-one greedy",
    }
    report = ours.report()
    report["n_documents"] = len(documents)
    report |= skipped.figures()
    report["dataset"] = dataset
    if baseline is None:
        return report
    other = theirs.report()
    other["n_documents"] = len(documents)
    other |= skipped.figures()
    return {"dateline": report, "textacy": other, "dataset": dataset}
