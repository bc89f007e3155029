"""Whole-record event gold (``../shared/eval/records/GUIDELINES.md``): reading both of its forms.

Two forms of one annotation exist:

* **inline** (the form of ``../shared/eval/records/dev``): ``article.text`` holds the text, and
  each event's ``sentence`` and ``trigger`` are strings, the sentence an exact substring of the
  text and the trigger an exact substring of the sentence;
* **offset** (the form the project commits, ``eval/records/``): the text is not copied.
  ``article.text_ref`` names a file under the shared data folder and a record in it, and
  ``article.text_sha256`` pins what the offsets point into; each event's ``sentence`` and
  ``trigger`` are ``[start, end]`` character offsets into that text.

The article text of a reference is rebuilt the same way the annotators saw it: the title on the
first line, then one paragraph per line (:func:`reference_text`). ``to_offsets`` turns the
inline form into the offset form and fails loudly on a sentence that is not a unique substring,
so the committed gold never points at the wrong clause.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from dateline.errors import EvalError
from dateline.eval.skips import Skipped

GOLD_FORMAT = "dateline-records-gold/1"
PLOVER_TYPES = frozenset(
    [
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    ]
)
FACTUALITIES = frozenset({"happened", "negated", "possible"})
SECTORS = frozenset(
    [
        "GOV",
        "LEG",
        "JUD",
        "MIL",
        "POL",
        "PTY",
        "REB",
        "CVL",
        "BUS",
        "MED",
        "NGO",
        "IGO",
        "EDU",
        "REL",
        "OTHER",
    ]
)
ACTOR_KINDS = frozenset({"person", "organization", "country", "group"})
GENRES = ("wire", "local", "press-release", "speech", "transcript", "opinion")


@dataclass(frozen=True, slots=True)
class GoldActor:
    name: str
    country: str | None
    sector: str | None
    #: person | organization | country | group when the annotator gave it (the offset form's
    #: annotations do); None for the inline dev set, whose kind the scorer infers from the name
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class GoldPlace:
    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class GoldEvent:
    sentence: tuple[int, int]
    trigger: tuple[int, int]
    types: tuple[str, ...]
    source: tuple[GoldActor, ...]
    target: tuple[GoldActor, ...]
    factuality: str
    date: tuple[dt.date, dt.date] | None
    place: GoldPlace | None
    required: bool


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    date: dt.date
    genre: str
    title: str
    text: str
    events: tuple[GoldEvent, ...]
    source: str | None = None
    url: str | None = None
    path: Path | None = None
    notes: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


# ---------------------------------------------------------------------------------------------
# Article texts named by reference into the shared data folder


def _paragraph_lines(lines: Iterable[str]) -> str:
    return "\n".join(line.strip() for line in lines if line.strip())


def _stamp(path: Path) -> tuple[Path, int, int]:
    """A cache key that changes when the file does (a corpus file is read once per run)."""
    stat = path.stat()
    return path, stat.st_mtime_ns, stat.st_size


@lru_cache(maxsize=8)
def _csv_rows(stamp: tuple[Path, int, int]) -> list[dict[str, str]]:
    path = stamp[0]
    csv.field_size_limit(1 << 30)
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@lru_cache(maxsize=8)
def _jsonl_records(stamp: tuple[Path, int, int]) -> dict[str, dict[str, Any]]:
    path = stamp[0]
    records = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                records[str(record.get("id"))] = record
    return records


@lru_cache(maxsize=4)
def _xml_articles(stamp: tuple[Path, int, int]) -> dict[str, ET.Element]:
    path = stamp[0]
    root = ET.parse(path).getroot()
    return {node.get("docid", ""): node for node in root.iter("article")}


def reference_text(ref: dict[str, Any], root: Path) -> tuple[str, dict[str, str]]:
    """(article text, metadata) of a text reference, built the way the annotators saw it.

    * ``.csv`` (the press-release corpus) with ``row``: ``headline`` + newline + ``body``;
    * ``.jsonl`` (GUM Wikinews) with ``id``: its paragraphs (blank-line separated) one a line;
    * ``.xml`` (TR-News) with ``docid``: the title, then the text's non-empty lines;
    * ``.tml`` (TimeBank): the non-empty lines of the ``TEXT`` element.
    """
    name = ref.get("file")
    if not isinstance(name, str) or not name:
        raise EvalError(f"text_ref {ref!r} names no file. Give text_ref.file relative to --texts.")
    path = root / name
    if not path.is_file():
        raise EvalError(
            f"{path} is missing (named by a gold file's text_ref). Point --texts at the shared "
            "data folder (../shared) that holds it."
        )
    suffix = path.suffix.lower()
    if suffix == ".csv":
        rows = _csv_rows(_stamp(path))
        row_number = ref.get("row")
        if not isinstance(row_number, int) or not 0 <= row_number < len(rows):
            raise EvalError(
                f"text_ref row {row_number!r} is not a row of {path} (0..{len(rows) - 1})."
            )
        row = rows[row_number]
        meta = {"title": row["headline"], "url": row.get("link", ""), "date": row["date"][:10]}
        return f"{row['headline']}\n{row['body']}", meta
    if suffix == ".jsonl":
        record = _jsonl_records(_stamp(path)).get(str(ref.get("id")))
        if record is None:
            raise EvalError(f"text_ref id {ref.get('id')!r} is not a record of {path}.")
        paragraphs = [p.replace("\n", " ") for p in record["text"].split("\n\n")]
        meta = {
            "title": record.get("title", ""),
            "url": record.get("url", ""),
            "date": record.get("date", ""),
        }
        return "\n".join(paragraphs), meta
    if suffix == ".xml":
        node = _xml_articles(_stamp(path)).get(str(ref.get("docid")))
        if node is None:
            raise EvalError(f"text_ref docid {ref.get('docid')!r} is not an article of {path}.")
        title = (node.findtext("title") or "").strip()
        body = _paragraph_lines((node.findtext("text") or "").splitlines())
        meta = {"title": title, "url": (node.findtext("url") or "").strip(), "date": ""}
        return f"{title}\n{body}", meta
    if suffix == ".tml":
        text_node = ET.parse(path).getroot().find("TEXT")
        if text_node is None:
            raise EvalError(f"{path} has no TEXT element; not TimeML.")
        text = _paragraph_lines("".join(text_node.itertext()).splitlines())
        return text, {"title": text.split("\n", 1)[0], "url": "", "date": ""}
    raise EvalError(
        f"text_ref file {name!r}: unknown kind {suffix!r}. Valid: .csv, .jsonl, .xml, .tml."
    )


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# ---------------------------------------------------------------------------------------------
# Reading gold files


def gold_files(paths: Iterable[Path]) -> list[Path]:
    """Every ``*.json`` gold file named, or under a named folder, sorted and once each."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*.json") if p.is_file()))
        elif path.is_file():
            found.append(path)
        else:
            raise EvalError(f"{path} does not exist. Give gold .json files or folders of them.")
    unique = list(dict.fromkeys(p.resolve() for p in found))
    if not unique:
        raise EvalError(f"No .json gold files under {', '.join(map(str, paths))}.")
    return unique


def read_gold(
    paths: Iterable[Path], *, texts: Path | None = None, skipped: Skipped | None = None
) -> list[GoldArticle]:
    """The gold articles of the named files and folders, in either form. With ``skipped``, a
    file found in a folder that cannot be read is left out and counted; a file named on its own
    always raises (the user asked for it)."""
    paths = list(paths)
    named = {p.resolve() for p in paths if p.is_file()}
    golds = []
    for path in gold_files(paths):
        try:
            golds.append(read_gold_file(path, texts=texts))
        except EvalError as exc:
            if skipped is None or path in named:
                raise
            skipped.add(path.name, "unreadable", str(exc))
    return golds


def read_gold_file(path: Path, *, texts: Path | None = None) -> GoldArticle:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvalError(f"{path} is not a readable JSON gold file ({exc}).") from None
    if not isinstance(data, dict) or not isinstance(data.get("article"), dict):
        raise EvalError(f"{path} has no 'article' object; not a records gold file (GUIDELINES.md).")
    article = data["article"]
    # the URL the text was published at, as ingest reads it from the same file ("link" of a
    # CSV row): the outlet's press office decides whose "the President" and "our country" are
    published: str | None = article.get("url")
    if "text" in article:
        text = str(article["text"])
        locate = _inline_locator(path, text)
    elif "text_ref" in article:
        root = texts if texts is not None else default_texts_root()
        text, meta = reference_text(article["text_ref"], root)
        published = published or meta.get("url") or None
        expected = article.get("text_sha256")
        if expected and expected != text_sha256(text):
            raise EvalError(
                f"{path}: the text named by text_ref has changed since annotation (sha256 "
                f"differs). Check --texts points at the same shared data ({root})."
            )
        locate = _offset_locator(path, text)
    else:
        raise EvalError(f"{path}: article has neither 'text' nor 'text_ref'.")
    try:
        date = dt.date.fromisoformat(str(article.get("date")))
    except ValueError:
        raise EvalError(
            f"{path}: article.date {article.get('date')!r} is not YYYY-MM-DD."
        ) from None
    genre = str(article.get("genre") or "unknown")
    events = tuple(
        _event(path, number, raw, locate) for number, raw in enumerate(data.get("events") or [])
    )
    return GoldArticle(
        id=str(article.get("id") or path.stem),
        date=date,
        genre=genre,
        title=str(article.get("title") or text.split("\n", 1)[0]),
        text=text,
        events=events,
        source=article.get("source"),
        url=published,
        path=path,
        notes=str(data.get("annotator_notes") or ""),
    )


def default_texts_root() -> Path:
    """``../shared`` of the working directory (the layout of every checkout and of CI)."""
    return Path("..") / "shared"


Locator = Any  # (event number, raw event) -> ((sentence start, end), (trigger start, end))


def _inline_locator(path: Path, text: str) -> Locator:
    def locate(number: int, raw: dict[str, Any]) -> tuple[tuple[int, int], tuple[int, int]]:
        sentence, trigger = raw.get("sentence"), raw.get("trigger")
        if not isinstance(sentence, str) or not isinstance(trigger, str):
            raise EvalError(f"{path} event {number}: sentence and trigger must be strings.")
        start = text.find(sentence)
        if start < 0:
            raise EvalError(
                f"{path} event {number}: sentence is not in article.text: {sentence[:60]!r}"
            )
        occurrence = int(raw.get("trigger_occurrence", 0))
        at = -1
        for _ in range(occurrence + 1):
            at = sentence.find(trigger, at + 1)
            if at < 0:
                raise EvalError(
                    f"{path} event {number}: trigger {trigger!r} is not in its sentence."
                )
        return (start, start + len(sentence)), (start + at, start + at + len(trigger))

    return locate


def _offset_locator(path: Path, text: str) -> Locator:
    def pair(value: Any, what: str, number: int) -> tuple[int, int]:
        if (
            not isinstance(value, list)
            or len(value) != 2
            or not all(isinstance(v, int) for v in value)
            or not 0 <= value[0] < value[1] <= len(text)
        ):
            raise EvalError(
                f"{path} event {number}: {what} {value!r} is not [start, end] in the text."
            )
        return value[0], value[1]

    def locate(number: int, raw: dict[str, Any]) -> tuple[tuple[int, int], tuple[int, int]]:
        sentence = pair(raw.get("sentence"), "sentence", number)
        trigger = pair(raw.get("trigger"), "trigger", number)
        if not sentence[0] <= trigger[0] < trigger[1] <= sentence[1]:
            raise EvalError(f"{path} event {number}: trigger {trigger} lies outside its sentence.")
        return sentence, trigger

    return locate


def _actor(path: Path, number: int, raw: Any) -> GoldActor:
    if not isinstance(raw, dict) or not raw.get("name"):
        raise EvalError(f"{path} event {number}: an actor needs at least a name: {raw!r}")
    sector = raw.get("sector")
    if sector is not None and sector not in SECTORS:
        raise EvalError(
            f"{path} event {number}: sector {sector!r}. Valid: {', '.join(sorted(SECTORS))}."
        )
    kind = raw.get("kind")
    if kind is not None and kind not in ACTOR_KINDS:
        raise EvalError(
            f"{path} event {number}: kind {kind!r}. Valid: {', '.join(sorted(ACTOR_KINDS))}."
        )
    return GoldActor(str(raw["name"]), raw.get("country"), sector, kind)


def _event(path: Path, number: int, raw: dict[str, Any], locate: Locator) -> GoldEvent:
    sentence, trigger = locate(number, raw)
    types = raw.get("type")
    types = (types,) if isinstance(types, str) else tuple(types or ())
    bad = [t for t in types if t not in PLOVER_TYPES]
    if not types or bad:
        raise EvalError(f"{path} event {number}: type {raw.get('type')!r} is not a PLOVER type.")
    factuality = raw.get("factuality")
    if factuality not in FACTUALITIES:
        raise EvalError(
            f"{path} event {number}: factuality {factuality!r}. Valid: happened, negated, possible."
        )
    date = raw.get("date")
    interval = None
    if date is not None:
        try:
            interval = (
                dt.date.fromisoformat(date["earliest"]),
                dt.date.fromisoformat(date["latest"]),
            )
        except (KeyError, TypeError, ValueError):
            raise EvalError(
                f"{path} event {number}: date {date!r} is not {{earliest, latest}}."
            ) from None
    place = raw.get("place")
    gold_place = None
    if place is not None:
        if not isinstance(place, dict) or not place.get("name"):
            raise EvalError(f"{path} event {number}: place {place!r} needs a name.")
        gold_place = GoldPlace(
            str(place["name"]), place.get("country"), place.get("lat"), place.get("lon")
        )
    return GoldEvent(
        sentence=sentence,
        trigger=trigger,
        types=types,
        source=tuple(_actor(path, number, a) for a in raw.get("source") or []),
        target=tuple(_actor(path, number, a) for a in raw.get("target") or []),
        factuality=factuality,
        date=interval,
        place=gold_place,
        required=bool(raw.get("required", True)),
    )


# ---------------------------------------------------------------------------------------------
# Converting inline annotations into the committed offset form


def to_offsets(inline: dict[str, Any], text_ref: dict[str, Any], *, texts: Path) -> dict[str, Any]:
    """The offset form of an inline annotation whose text is the one ``text_ref`` names.

    Fails when the inline text differs from the referenced text, or when an event's sentence is
    not a unique substring of it (make it longer, as the guidelines ask).
    """
    article = dict(inline["article"])
    text = article.pop("text")
    referenced, _ = reference_text(text_ref, texts)
    if referenced != text:
        raise EvalError(f"article {article.get('id')!r}: its text differs from {text_ref!r}.")
    events = []
    for number, raw in enumerate(inline.get("events") or []):
        sentence = raw["sentence"]
        if text.count(sentence) != 1:
            raise EvalError(
                f"article {article.get('id')!r} event {number}: sentence occurs "
                f"{text.count(sentence)} times; make it a unique substring: {sentence[:70]!r}"
            )
        (s_start, s_end), (t_start, t_end) = _inline_locator(Path(str(article.get("id"))), text)(
            number, raw
        )
        event = {
            k: v for k, v in raw.items() if k not in {"sentence", "trigger", "trigger_occurrence"}
        }
        events.append({"sentence": [s_start, s_end], "trigger": [t_start, t_end], **event})
    return {
        "format": GOLD_FORMAT,
        "article": {**article, "text_ref": text_ref, "text_sha256": text_sha256(text)},
        "annotator_notes": inline.get("annotator_notes", ""),
        "events": events,
    }
