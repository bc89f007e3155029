"""Readers: files of news articles to :class:`~dateline.model.Article` records.

``read_articles(paths)`` returns a list, ``iter_articles(paths)`` streams. ``paths`` is a path,
a string or a list of them; directories and globs recurse. The format of each file is forced
with ``format=`` or detected from its extension and first bytes:

============  =======================================================  =================
format        what                                                     detected by
============  =======================================================  =================
dated-text    the seed's `` date YYYY-MM-DD title`` / subtitle / paras  first line
text          plain text, first line the title; needs ``date=``        .txt, fallback
jsonl         JSON Lines (and .json lists) of article records          .jsonl .ndjson .json, ``{``
csv           CSV/TSV with a header row                                .csv .tsv
html          one article page (trafilatura + htmldate)                .html .htm, ``<html``
feed          RSS or Atom, one article an entry (feedparser)           .rss .atom .xml, ``<rss``
warc          WARC / WARC.gz, its HTML responses (warcio)              .warc(.gz), ``WARC/``
============  =======================================================  =================

Errors are :class:`~dateline.errors.InputError`; see :mod:`dateline.readers.common` for the
policy on bad records inside multi-article files (skipped with a warning and counted).
"""

from __future__ import annotations

import datetime as dt
import glob
import gzip
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from dateline.errors import InputError
from dateline.model import Article
from dateline.readers.common import (
    MAX_ARTICLE_CHARS,
    SkipListener,
    check_bytes,
    parse_date,
    parse_date_option,
)
from dateline.readers.tabular import check_columns, parse_columns, read_csv, read_jsonl
from dateline.readers.text import is_dated_text, read_dated_text_file, read_plain_text_file

PathLike = str | os.PathLike[str]
FORMATS = ("dated-text", "text", "jsonl", "csv", "html", "feed", "warc")

_EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".warc": "warc",
    ".arc": "warc",
}


def iter_articles(
    paths: PathLike | Iterable[PathLike],
    *,
    date: str | dt.date | None = None,
    format: str | None = None,
    columns: Mapping[str, str] | None = None,
    on_skip: SkipListener | None = None,
) -> Iterator[Article]:
    """Stream the articles of ``paths``, file by file, record by record.

    Arguments are checked at once (a missing path, a bad ``date`` or ``format`` raise here, not
    at the first ``next``); files are read lazily, so a big JSONL or WARC never sits in memory.
    ``on_skip`` is called with the error of each record a JSONL, CSV, feed or WARC file skips.
    """
    day = parse_date_option(date)
    if format is not None and format not in FORMATS:
        raise InputError(f"Unknown input format {format!r}; choose one of: {', '.join(FORMATS)}.")
    overrides = dict(columns or {})
    check_columns(overrides)
    files = list(expand_paths(paths))
    return _iter_files(files, day=day, format=format, columns=overrides, on_skip=on_skip)


def read_articles(
    paths: PathLike | Iterable[PathLike],
    *,
    date: str | dt.date | None = None,
    format: str | None = None,
    columns: Mapping[str, str] | None = None,
) -> list[Article]:
    """All the articles of ``paths`` as a list (see :func:`iter_articles`)."""
    return list(iter_articles(paths, date=date, format=format, columns=columns))


def _iter_files(
    files: list[Path],
    *,
    day: dt.date | None,
    format: str | None,
    columns: dict[str, str],
    on_skip: SkipListener | None,
) -> Iterator[Article]:
    for path in files:
        kind = format or detect_format(path)
        name = str(path)
        if kind in ("jsonl", "csv"):
            reader = read_jsonl if kind == "jsonl" else read_csv
            yield from reader(path, name=name, date=day, columns=columns, on_skip=on_skip)
        elif kind in _MANY:
            yield from _MANY[kind](path, name=name, date=day, on_skip=on_skip)
        else:
            yield _ONE[kind](path, name=name, date=day)


def _html(path: Path, *, name: str, date: dt.date | None) -> Article:
    from dateline.readers.web import read_html

    return read_html(path, name=name, date=date)


def _feed(
    path: Path, *, name: str, date: dt.date | None, on_skip: SkipListener | None
) -> Iterator[Article]:
    from dateline.readers.web import read_feed

    return read_feed(path, name=name, date=date, on_skip=on_skip)


def _warc(
    path: Path, *, name: str, date: dt.date | None, on_skip: SkipListener | None
) -> Iterator[Article]:
    from dateline.readers.web import read_warc

    return read_warc(path, name=name, date=date, on_skip=on_skip)


_ONE: dict[str, Callable[..., Article]] = {
    "dated-text": read_dated_text_file,
    "text": read_plain_text_file,
    "html": _html,
}
_MANY: dict[str, Callable[..., Iterator[Article]]] = {"feed": _feed, "warc": _warc}
__all__ = [
    "FORMATS",
    "MAX_ARTICLE_CHARS",
    "detect_format",
    "expand_paths",
    "iter_articles",
    "parse_columns",
    "parse_date",
    "read_articles",
]


def detect_format(path: Path) -> str:
    """The reader for ``path``: by extension, else by its first bytes."""
    suffixes = [suffix.lower() for suffix in path.suffixes[-2:]]
    if suffixes[-2:] in ([".warc", ".gz"], [".arc", ".gz"]):
        return "warc"
    head = _head(path)
    if head.startswith(b"WARC/"):
        return "warc"
    by_extension = _EXTENSIONS.get(suffixes[-1]) if suffixes else None
    if by_extension == "text":
        return _text_kind(head)
    if by_extension is not None:
        return by_extension
    check_bytes(str(path), head, size=path.stat().st_size)
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html")):
        return "html"
    if start.startswith(b"<?xml") or start.startswith((b"<rss", b"<feed", b"<rdf")):
        return "feed" if any(tag in start for tag in (b"<rss", b"<feed", b"<rdf")) else "html"
    if start.startswith((b"{", b"[")):
        return "jsonl"
    return _text_kind(head)


def _head(path: Path) -> bytes:
    with path.open("rb") as handle:
        head = handle.read(1024)
    if head.startswith(b"\x1f\x8b"):  # gzip: a WARC.gz under another name?
        try:
            with gzip.open(path, "rb") as handle:
                inner = handle.read(5)
        except (OSError, EOFError):  # not gzip after all, or truncated
            return head
        return b"WARC/" if inner == b"WARC/" else head
    return head


def _text_kind(head: bytes) -> str:
    first = head.split(b"\n", 1)[0].decode("utf-8", "replace")
    return "dated-text" if is_dated_text(first) else "text"


_GLOB_CHARS = frozenset("*?[")


def expand_paths(paths: PathLike | Iterable[PathLike]) -> Iterator[Path]:
    """Files named by ``paths``: files as given, directories and globs recursively, sorted.

    In a directory only files with a known extension (or none) are read, and hidden files are
    left out, so a README.pdf or .DS_Store beside the articles does not stop a run.
    """
    items = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    if not items:
        raise InputError("No input given. Name article files, directories or globs.")
    for item in items:
        text = os.fspath(item)
        path = Path(text).expanduser()
        if path.is_file():
            yield path
        elif path.is_dir():
            found = sorted(_article_files(path))
            if not found:
                raise InputError(
                    f"{text} has no article files in it ({', '.join(sorted(_EXTENSIONS))}, "
                    ".warc.gz). Name the files, or force one with --input-format."
                )
            yield from found
        elif _GLOB_CHARS & set(text):
            matches = sorted(Path(match) for match in glob.glob(text, recursive=True))
            files = [m for m in matches if m.is_file()]
            files += [f for m in matches if m.is_dir() for f in sorted(_article_files(m))]
            if not files:
                raise InputError(f"No files match {text!r}. Check the pattern and the folder.")
            yield from files
        else:
            raise InputError(f"No such file or directory: {text}. Check the path.")


def _article_files(folder: Path) -> Iterator[Path]:
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for file_name in names:
            path = Path(root, file_name)
            if file_name.startswith("."):
                continue
            if path.suffix == "" or _is_known(path):
                yield path


def _is_known(path: Path) -> bool:
    suffixes = [suffix.lower() for suffix in path.suffixes[-2:]]
    return suffixes[-1] in _EXTENSIONS or suffixes[-2:] in ([".warc", ".gz"], [".arc", ".gz"])
