"""Articles from JSONL (and JSON) records and CSV rows, with columns found by name.

Columns are matched case-insensitively, ignoring ``_``, ``-`` and spaces, against the aliases
below (the names used by common news datasets and APIs: NewsAPI, GDELT GKG article lists,
Common Crawl news extracts, Kaggle news dumps, the Kremlin/Zelenskyy press-release CSVs).
``columns={"text": "body"}`` (``--column text=body``) names a column explicitly.

Both readers stream: one line or row at a time, each read with a size bound, so a file of any
size is read in bounded memory. A bad record is skipped with a warning (see readers.common).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from dateline.errors import EmptyInputError, InputError
from dateline.model import Article
from dateline.readers.common import (
    DATE_HELP,
    MAX_FEED_BYTES,
    MAX_RECORD_BYTES,
    SNIFF_BYTES,
    SkipListener,
    Skips,
    build_article,
    check_bytes,
    decode,
    megabytes,
    not_utf8,
    paragraphs_of,
    parse_date,
    read_bounded,
    read_head,
    too_large,
)

#: Article field -> column names that mean it, best first (normalised: lower case, no _ - space).
ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "articleid", "docid", "guid", "uid"),
    "date": (
        "date",
        "published",
        "pubdate",
        "publishdate",
        "publishedat",
        "publicationdate",
        "datepublished",
        "datetime",
        "publishedtime",
        "seendate",
        "time",
    ),
    "title": ("title", "headline", "heading"),
    # summary/description only count when non-empty: the Kremlin CSV has mostly empty summaries.
    "subtitle": ("subtitle", "subheadline", "standfirst", "dek", "summary", "description"),
    "text": ("text", "body", "content", "article", "articletext", "maintext", "fulltext"),
    "url": ("url", "link", "href", "permalink", "sourceurl"),
    "source": ("source", "outlet", "publisher", "sitename", "site", "domain", "sourcename"),
}
FIELDS = tuple(ALIASES)
# Markup in a text field: the record holds HTML, which goes through the HTML path.
_HTML_TAG = re.compile(
    r"<(?:p|br|div|span|a|script|style|h[1-6]|ul|ol|li|em|strong|b|i|figure|img|table|"
    r"blockquote|section|article)\b[^>]*>",
    re.IGNORECASE,
)


def _norm(column: str) -> str:
    return re.sub(r"[\s_\-]+", "", column).lower()


def parse_columns(specs: Iterable[str]) -> dict[str, str]:
    """``["text=body", "date=published_at"]`` (the CLI's --column) to a columns dict."""
    columns: dict[str, str] = {}
    for spec in specs:
        field, sep, column = spec.partition("=")
        if not sep or not field.strip() or not column.strip():
            raise InputError(f"Bad --column {spec!r}: write FIELD=COLUMN, e.g. --column text=body.")
        columns[field.strip()] = column.strip()
    check_columns(columns)
    return columns


def check_columns(columns: Mapping[str, str]) -> None:
    for field in columns:
        if field not in ALIASES:
            raise InputError(
                f"Unknown article field {field!r} in --column {field}={columns[field]}; "
                f"the fields are: {', '.join(FIELDS)}."
            )


def column_map(keys: Iterable[str], overrides: Mapping[str, str]) -> dict[str, str]:
    """Article field -> the record's key for it, for the fields the record has."""
    names = list(keys)
    by_norm: dict[str, str] = {}
    for name in names:
        by_norm.setdefault(_norm(name), name)
    found: dict[str, str] = {}
    for field, aliases in ALIASES.items():
        if field in overrides:
            wanted = overrides[field]
            match = wanted if wanted in names else by_norm.get(_norm(wanted))
            if match is not None:
                found[field] = match
            continue
        for alias in aliases:
            if alias in by_norm:
                found[field] = by_norm[alias]
                break
    return found


def _value(record: Mapping[str, object], key: str | None) -> object:
    if key is None:
        return None
    value = record.get(key)
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _string(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, Mapping):  # NewsAPI: "source": {"id": ..., "name": "BBC News"}
        value = value.get("name") or value.get("title") or value.get("id")
        return None if value is None else str(value)
    if isinstance(value, list):  # paragraphs given as a list
        return "\n".join(str(item) for item in value if item is not None)
    return str(value)


def record_article(
    record: Mapping[str, object], cols: Mapping[str, str], *, name: str, date: dt.date | None
) -> Article:
    """One JSON record or CSV row as an Article; InputError names ``name`` and the fix."""
    fields = ", ".join(str(key) for key in record)
    text = _string(_value(record, cols.get("text")))
    if text is None:
        what = "an empty text" if "text" in cols else "no text field"
        raise InputError(
            f"{name} has {what} (fields: {fields}). Name the text with --column text=FIELD."
        )
    raw_date = _value(record, cols.get("date"))
    day = date
    if raw_date is not None:
        try:
            day = parse_date(raw_date)
        except (ValueError, OverflowError, OSError):
            raise InputError(
                f"{name} has the date {raw_date!r} in {cols['date']!r}, which is not a date. "
                "Use YYYY-MM-DD or an ISO 8601 datetime."
            ) from None
    if day is None:
        raise InputError(f"{name} has no date. {DATE_HELP}, or name it with --column date=FIELD.")
    if _HTML_TAG.search(text):
        from dateline.readers.web import html_paragraphs

        paragraphs = html_paragraphs(text)
    else:
        paragraphs = paragraphs_of(text)
    return build_article(
        name=name,
        date=day,
        title=_string(_value(record, cols.get("title"))),
        subtitle=_string(_value(record, cols.get("subtitle"))),
        paragraphs=paragraphs,
        source=_string(_value(record, cols.get("source"))),
        url=_string(_value(record, cols.get("url"))),
        id=_string(_value(record, cols.get("id"))),
    )


def _records_article(
    records: Iterable[tuple[str, object]],
    skips: Skips,
    *,
    columns: Mapping[str, str],
    date: dt.date | None,
) -> Iterator[Article]:
    for where, record in records:
        if not isinstance(record, dict):
            kind = type(record).__name__
            skips.skip(InputError(f"{where} is a JSON {kind}, not an object with article fields."))
            continue
        try:
            article = record_article(record, column_map(record, columns), name=where, date=date)
        except InputError as exc:
            skips.skip(exc)
            continue
        skips.read += 1
        yield article
    skips.finish()


def parse_json(text: str, where: str, fix: str) -> object:
    """``json.loads``, with its errors (bad syntax, nesting too deep to parse) as InputError."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        at = f"line {exc.lineno} column {exc.colno}" if "\n" in text else f"column {exc.colno}"
        raise InputError(f"{where} is not valid JSON ({exc.msg}, {at}). {fix}") from None
    except RecursionError:  # "[[[[..." deeper than Python's recursion limit
        raise InputError(f"{where} is JSON nested too deeply to read. {fix}") from None


def _jsonl_records(path: Path, name: str) -> Iterator[tuple[str, object]]:
    with path.open("rb") as handle:
        check_bytes(name, handle.read(SNIFF_BYTES), size=path.stat().st_size)
        handle.seek(0)
        number = 0
        while line := handle.readline(MAX_RECORD_BYTES + 1):
            number += 1
            where = f"{name} line {number}"
            if len(line) > MAX_RECORD_BYTES and not line.endswith(b"\n"):
                while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass  # drain the over-long line without holding it
                yield where, too_large(where, f"over {megabytes(MAX_RECORD_BYTES)}")
                continue
            if not line.strip():
                continue
            try:
                text = decode(name, line.rstrip(b"\r\n"), f" on line {number}")
                yield (
                    where,
                    parse_json(
                        text, where, "Fix or remove that line; JSONL has one JSON object per line."
                    ),
                )
            except InputError as exc:
                yield where, exc


def read_jsonl(
    path: Path,
    *,
    name: str,
    date: dt.date | None,
    columns: Mapping[str, str],
    on_skip: SkipListener | None = None,
) -> Iterator[Article]:
    """JSON Lines, one article object a line; a ``.json`` file may hold a list of them."""
    skips = Skips(name, "lines", listener=on_skip)
    head = read_head_text(path)
    if path.suffix.lower() == ".json" or head.lstrip().startswith("["):
        text = decode(name, read_bounded(path, MAX_FEED_BYTES, name=name))
        data = parse_json(
            text,
            name,
            "Fix it; a .json file holds one JSON document (a list of articles), a .jsonl file "
            "one article object a line.",
        )
        if isinstance(data, dict):
            data = data.get("articles", [data])  # NewsAPI responses wrap them in "articles"
        items = data if isinstance(data, list) else [data]
        records: Iterable[tuple[str, object]] = (
            (f"{name} item {n}", item) for n, item in enumerate(items, 1)
        )
        skips.what = "items"
    else:
        records = _errors_skipped(_jsonl_records(path, name), skips)
    yield from _records_article(records, skips, columns=columns, date=date)


def _errors_skipped(
    records: Iterable[tuple[str, object]], skips: Skips
) -> Iterator[tuple[str, object]]:
    for where, record in records:
        if isinstance(record, InputError):
            skips.skip(record)
        else:
            yield where, record


def read_head_text(path: Path) -> str:
    with path.open("rb") as handle:
        return handle.read(SNIFF_BYTES).decode("utf-8", "replace")


def read_csv(
    path: Path,
    *,
    name: str,
    date: dt.date | None,
    columns: Mapping[str, str],
    on_skip: SkipListener | None = None,
) -> Iterator[Article]:
    """CSV (or TSV) with a header row; quoted fields may span lines."""
    check_bytes(name, read_head(path), size=path.stat().st_size)
    # Fields longer than the default 131,072 characters are ordinary article bodies; the bound
    # still stops a corrupt file (an unclosed quote) from being read whole into one field.
    csv.field_size_limit(MAX_RECORD_BYTES)
    skips = Skips(name, "rows", listener=on_skip)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        try:
            first = handle.readline(MAX_RECORD_BYTES)
        except UnicodeDecodeError as exc:
            raise not_utf8(name, exc.object, exc, " on line 1") from None
        delimiter = max(",\t;", key=first.count)
        handle.seek(0)
        reader = csv.reader(handle, delimiter=delimiter)
        try:
            header = next(reader, None)
            if header is None:
                raise EmptyInputError(f"{name} is empty. Give a CSV file with a header row.")
            cols = _csv_columns(header, columns, name=name, date=date)
            start = reader.line_num + 1
            for row in reader:
                where, start = f"{name} line {start}", reader.line_num + 1
                if not any(cell.strip() for cell in row):
                    continue
                if len(row) != len(header):
                    skips.skip(
                        InputError(f"{where} has {len(row)} fields; the header has {len(header)}.")
                    )
                    continue
                try:
                    article = record_article(
                        dict(zip(header, row, strict=True)), cols, name=where, date=date
                    )
                except InputError as exc:
                    skips.skip(exc)
                    continue
                skips.read += 1
                yield article
        except UnicodeDecodeError as exc:
            raise not_utf8(name, exc.object, exc, f" near line {reader.line_num + 1}") from None
        except csv.Error as exc:
            if "field larger than field limit" in str(exc):
                where = f"{name} line {reader.line_num}"
                raise too_large(where, f"a field over {megabytes(MAX_RECORD_BYTES)}") from None
            raise InputError(
                f"{name} line {reader.line_num} is not valid CSV ({exc}). Check for an unclosed "
                "quote on or before that line."
            ) from None
    skips.finish()


def _csv_columns(
    header: list[str], columns: Mapping[str, str], *, name: str, date: dt.date | None
) -> dict[str, str]:
    found = ", ".join(header)
    cols = column_map(header, columns)
    for field, column in columns.items():
        if field not in cols:
            raise InputError(
                f"{name} has no column {column!r} (named by --column {field}={column}); "
                f"its columns are: {found}."
            )
    if "text" not in cols:
        raise InputError(
            f"{name} has no text column (columns: {found}). Name it with --column text=COLUMN."
        )
    if "date" not in cols and date is None:
        raise InputError(
            f"{name} has no date column (columns: {found}). Name it with --column date=COLUMN, "
            "or pass --date YYYY-MM-DD."
        )
    return cols
