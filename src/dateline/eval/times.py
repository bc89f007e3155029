"""``dateline eval times``: TIMEX3 recognition and normalisation scored as in TempEval-3.

Readers for the two TimeML flavours of the dev sets:

* TimeML ``.tml`` (TempEval-3 TBAQ-cleaned: TimeBank 1.2 and AQUAINT): the text is the
  ``<TEXT>`` element's character data, gold TIMEX3s are inline elements;
* CAT XML (NewsReader MEANTIME): ``<token t_id sentence>`` elements joined with spaces, one line
  per sentence; TIMEX3 markables point to tokens with ``<token_anchor t_id>``.

The article date is the CREATION_TIME TIMEX3 (``functionInDocument``); that expression is not
scored (in MEANTIME it is the dateline in the text: predictions on it are dropped too).

Metrics follow UzZaman et al. (2013), "SemEval-2013 Task 1: TempEval-3", section 4: strict and
relaxed (overlap) span precision/recall/F1 over one-to-one matched pairs; value F1 counts the
relaxed matches whose TIMEX3 value is right, over predictions (precision) and over gold
(recall; a week number's leading zero is not a difference, see :func:`same_value`); type
accuracy is the share of relaxed matches with the right type.
"""

from __future__ import annotations

import datetime as dt
import re
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.errors import EvalError
from dateline.eval.skips import Skipped
from dateline.model import Article


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


@dataclass
class GoldDocument:
    name: str
    text: str
    dct: dt.date
    timexes: list[GoldTimex]
    #: character ranges not scored (the creation time when it is part of the text, and text
    #: beyond what the annotators covered)
    excluded: list[tuple[int, int]] = field(default_factory=list)


def _date(value: str | None, where: str) -> dt.date:
    text = (value or "")[:10]
    if len(text) == 10 and text[2] == "-" and text[5] == "-":  # one MEANTIME file: DD-MM-YYYY
        text = f"{text[6:]}-{text[3:5]}-{text[:2]}"
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise EvalError(f"{where}: creation time {value!r} is not a date. Fix the file.") from None


def read_tml(path: Path) -> GoldDocument:
    """A TimeML 1.2 file: the TEXT element, its inline TIMEX3s, and the DCT."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise EvalError(f"{path} is not well-formed XML ({exc}). Fix or remove it.") from None
    dct = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = _date(timex.get("value"), str(path))
            break
    body = root.find("TEXT")
    if dct is None or body is None:
        raise EvalError(f"{path} has no CREATION_TIME TIMEX3 or no TEXT element; not TimeML.")
    parts: list[str] = []
    timexes: list[GoldTimex] = []

    def walk(element: ET.Element, offset: int) -> int:
        start = offset
        if element.text:
            parts.append(element.text)
            offset += len(element.text)
        for child in element:
            offset = walk(child, offset)
            if child.tail:
                parts.append(child.tail)
                offset += len(child.tail)
        if element.tag == "TIMEX3" and element.get("functionInDocument") != "CREATION_TIME":
            timexes.append(
                GoldTimex(start, offset, element.get("type", ""), element.get("value", ""))
            )
        return offset

    walk(body, 0)
    return GoldDocument(path.stem, "".join(parts), dct, timexes)


#: MEANTIME annotates temporal expressions in the title, the dateline and the first four
#: sentences only (Minard et al. 2016, "MEANTIME, the NewsReader Multilingual Event and Time
#: Corpus", LREC, section 3: "the first five sentences"); no TIMEX3 lies beyond sentence 5.
MEANTIME_LAST_SENTENCE = 5


def read_cat(path: Path) -> GoldDocument | None:
    """A CAT XML file (MEANTIME): tokens joined per sentence, TIMEX3 markables over tokens.

    None when the file has no creation time (2 of MEANTIME's 120): nothing to anchor to.
    """
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise EvalError(f"{path} is not well-formed XML ({exc}). Fix or remove it.") from None
    offsets: dict[str, tuple[int, int]] = {}
    text = ""
    sentence = None
    annotated_end = None
    for token in root.iter("token"):
        if annotated_end is None and int(token.get("sentence", "0")) > MEANTIME_LAST_SENTENCE:
            annotated_end = len(text)
        if sentence is not None and token.get("sentence") != sentence:
            text += "\n"
        elif sentence is not None:
            text += " "
        sentence = token.get("sentence")
        word = token.text or ""
        offsets[token.get("t_id", "")] = (len(text), len(text) + len(word))
        text += word
    dct = None
    timexes, excluded = [], []
    for timex in root.iter("TIMEX3"):
        anchors = [offsets[a.get("t_id", "")] for a in timex.findall("token_anchor")]
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = _date(timex.get("value"), str(path))
            excluded += anchors and [(min(s for s, _ in anchors), max(e for _, e in anchors))]
        elif anchors:
            start, end = min(s for s, _ in anchors), max(e for _, e in anchors)
            timexes.append(GoldTimex(start, end, timex.get("type", ""), timex.get("value", "")))
    if dct is None:
        return None
    if annotated_end is not None:
        excluded.append((annotated_end, len(text)))
    return GoldDocument(path.stem, text, dct, sorted(timexes, key=lambda t: t.start), excluded)


#: the folder of MEANTIME's English release with the full (intra- and cross-document) annotation
MEANTIME_GOLD_DIR = "intra_cross-doc_annotation"


def read_documents(path: Path, skipped: Skipped | None = None) -> tuple[str, list[GoldDocument]]:
    """(dataset description, documents) for a .tml file or folder, or a CAT XML folder.

    With ``skipped``, a file of a folder that cannot be read (malformed XML, no creation time)
    is skipped and counted there; without it, or when no file can be read, it is an error.
    """
    if not path.exists():
        raise EvalError(f"{path} does not exist. Give a .tml file or a TimeML/CAT XML folder.")
    if path.is_dir() and path.name != MEANTIME_GOLD_DIR:
        # the MEANTIME release root also holds SemEval-2015 TimeLine copies of its articles
        # (TimeML without TIMEX3 gold, CAT duplicates): score the MEANTIME gold folder only
        gold = sorted(p for p in path.rglob(MEANTIME_GOLD_DIR) if p.is_dir())
        if gold:
            path = gold[0]
    files = [path] if path.is_file() else sorted(path.rglob("*.tml"))
    if files and files[0].suffix == ".tml":
        # TBAQ-cleaned's testpipeline/ repeats a TimeBank file: score each document once
        unique = list({f.name: f for f in reversed(files)}.values())[::-1]
        timeml = _read_each(sorted(unique), read_tml, skipped)
        return f"TimeML {path}", [doc for doc in timeml if doc is not None]
    files = [path] if path.is_file() else sorted(path.rglob("*.xml"))
    cat = [f for f in files if "<token" in f.read_text(encoding="utf-8", errors="replace")[:4000]]
    if not cat:
        raise EvalError(
            f"No TimeML (.tml) or CAT XML (<token> elements) files under {path}. "
            "Point at TBAQ-cleaned or at MEANTIME's intra_cross-doc_annotation folder."
        )
    read = _read_each(cat, read_cat, skipped)
    docs = [doc for doc in read if doc is not None]
    if skipped is not None:
        for file, doc in zip(cat, read, strict=True):
            if doc is None:
                skipped.add(file.stem, "no creation time", f"{file} has no CREATION_TIME TIMEX3")
    return f"MEANTIME CAT {path} ({len(read) - len(docs)} without creation time skipped)", docs


def _read_each(
    files: list[Path],
    read: Callable[[Path], GoldDocument | None],
    skipped: Skipped | None,
) -> list[GoldDocument | None]:
    """Each file read; one that fails is skipped (None) when ``skipped`` counts it, unless all do."""
    documents: list[GoldDocument | None] = []
    first: EvalError | None = None
    for file in files:
        try:
            documents.append(read(file))
        except (EvalError, UnicodeDecodeError) as exc:
            error = exc if isinstance(exc, EvalError) else EvalError(f"{file} is not UTF-8.")
            if skipped is None or len(files) == 1:
                raise error from None
            first = first or error
            skipped.add(file.stem, "unreadable", str(error))
    if first is not None and not any(doc is not None for doc in documents):
        raise first
    return documents


def _article(doc: GoldDocument) -> Article:
    title = next((line for line in doc.text.splitlines() if line.strip()), doc.name)
    return Article(id=doc.name, date=doc.dct, title=title.strip(), text=doc.text)


Pred = tuple[int, int, str, str]  # start, end, type, value


def match_pairs(gold: list[GoldTimex], pred: list[Pred]) -> list[tuple[GoldTimex, Pred]]:
    """One-to-one pairs of overlapping gold and predicted spans, largest overlap first."""
    options = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            overlap = min(g.end, p[1]) - max(g.start, p[0])
            if overlap > 0:
                options.append((overlap, gi, pi))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in sorted(options, reverse=True):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gold[gi], pred[pi]))
    return pairs


#: an ISO-8601 week number with or without its leading zero ("2000-W7" in AQUAINT, "1998-W07")
_WEEK_NUMBER = re.compile(r"(?<=-W)0(?=\d)")


def same_value(gold: str, predicted: str) -> bool:
    """Whether two TIMEX3 values denote the same time.

    The only equivalence is the week number's leading zero: TIMEX3 values are ISO 8601, where
    weeks are two digits ("1998-W07"), but part of TBAQ-cleaned writes "2000-W7" for the same
    week. Everything else must be equal, as in the TempEval-3 scorer.
    """
    return gold == predicted or _WEEK_NUMBER.sub("", gold) == _WEEK_NUMBER.sub("", predicted)


def _prf(hits: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = hits / n_pred if n_pred else 0.0
    r = hits / n_gold if n_gold else 0.0
    return round(p, 4), round(r, 4), round(2 * p * r / (p + r) if p + r else 0.0, 4)


def iter_predictions(
    docs: list[GoldDocument], config: Any, timing: dict[str, float]
) -> Iterator[list[Pred]]:
    """Run segment + times over each document; ``timing`` gets the parse and times seconds."""
    from dateline.config import PipelineConfig
    from dateline.nlp import load_nlp, parse_one
    from dateline.pipeline import Pipeline

    config = (config or PipelineConfig()).with_overrides(stages=("segment", "times"))
    pipeline = Pipeline(config)
    nlp = load_nlp(config.model)
    segment, times = pipeline.stages
    for doc in docs:
        tick = time.perf_counter()
        parsed = parse_one(nlp, doc.text)
        timing["parse_seconds"] += time.perf_counter() - tick
        document = segment(pipeline.new_document(_article(doc), parsed=parsed))
        tick = time.perf_counter()
        document = times(document)
        timing["times_seconds"] += time.perf_counter() - tick
        yield [(t.span.start, t.span.end, t.type, t.value) for t in document.extraction.times]


def evaluate(
    path: Path,
    *,
    limit: int | None = None,
    config: Any = None,
    mismatches: list[str] | None = None,
    split: str = "all",
) -> dict[str, Any]:
    """Score the times stage on TimeML/CAT gold; ``mismatches`` collects readable errors.
    ``split``: every document, or the development or report half (:mod:`dateline.eval.splits`).
    Documents that cannot be read or analysed are skipped and counted (:mod:`.skips`).
    """
    from dateline.eval.splits import select_split

    skipped = Skipped()
    dataset, docs = read_documents(path, skipped)
    docs = select_split(docs, split)
    docs = docs[:limit] if limit else docs
    docs = skipped.usable(docs, _article, lambda doc: doc.name)
    timing = {"parse_seconds": 0.0, "times_seconds": 0.0}
    n_gold = n_pred = strict = relaxed = values = types = 0
    for doc, pred in zip(docs, iter_predictions(docs, config, timing), strict=True):
        pred = [p for p in pred if not any(p[0] < e and s < p[1] for s, e in doc.excluded)]
        pairs = match_pairs(doc.timexes, pred)
        n_gold += len(doc.timexes)
        n_pred += len(pred)
        relaxed += len(pairs)
        strict += sum(g.start == p[0] and g.end == p[1] for g, p in pairs)
        values += sum(same_value(g.value, p[3]) for g, p in pairs)
        types += sum(g.type == p[2] for g, p in pairs)
        if mismatches is not None:
            mismatches.extend(_mismatches(doc, pred, pairs))
    sp, sr, sf = _prf(strict, n_pred, n_gold)
    rp, rr, rf = _prf(relaxed, n_pred, n_gold)
    vp, vr, vf = _prf(values, n_pred, n_gold)
    return {
        "dataset": dataset if split == "all" else f"{dataset}, {split} half",
        "n_docs": len(docs),
        **skipped.figures(),
        "n_gold": n_gold,
        "n_pred": n_pred,
        "strict_precision": sp, "strict_recall": sr, "strict_f1": sf,
        "relaxed_precision": rp, "relaxed_recall": rr, "relaxed_f1": rf,
        "value_precision": vp, "value_recall": vr, "value_f1": vf,
        "type_accuracy": round(types / relaxed, 4) if relaxed else 0.0,
        "parse_seconds": round(timing["parse_seconds"], 3),
        "times_seconds": round(timing["times_seconds"], 3),
        "times_overhead": round(timing["times_seconds"] / timing["parse_seconds"], 4)
        if timing["parse_seconds"]
        else 0.0,
    }  # fmt: skip


def _mismatches(
    doc: GoldDocument, pred: list[Pred], pairs: list[tuple[GoldTimex, Pred]]
) -> Iterator[str]:
    paired_g = {id(g) for g, _ in pairs}
    paired_p = {p for _, p in pairs}
    for g, p in pairs:
        if not same_value(g.value, p[3]) or g.type != p[2]:
            yield f"VALUE\t{doc.name}\t{doc.dct}\t{doc.text[g.start : g.end]!r}\t{g.type} {g.value}\t{doc.text[p[0] : p[1]]!r}\t{p[2]} {p[3]}\t{_context(doc, g.start, g.end)}"
    for g in doc.timexes:
        if id(g) not in paired_g:
            yield f"MISS\t{doc.name}\t{doc.dct}\t{doc.text[g.start : g.end]!r}\t{g.type} {g.value}\t\t\t{_context(doc, g.start, g.end)}"
    for p in pred:
        if p not in paired_p:
            yield f"EXTRA\t{doc.name}\t{doc.dct}\t\t\t{doc.text[p[0] : p[1]]!r}\t{p[2]} {p[3]}\t{_context(doc, p[0], p[1])}"


def _context(doc: GoldDocument, start: int, end: int) -> str:
    left = doc.text[max(0, start - 60) : start].replace("\n", " ")
    right = doc.text[end : end + 60].replace("\n", " ")
    return f"{left}[{doc.text[start:end]}]{right}"
