"""Plain-text articles: the seed's dated format, and undated text with ``date=``.

The dated format (examples/2025-03-14-trump-putin-kursk.txt)::

     date 2025-03-14 <title>
    <subtitle>
    <paragraph>
    <paragraph> ...

The first line starts with `` date`` (the leading space is optional); the second line is the
subtitle (a blank second line means there is none); then one paragraph a line. Only this format
has a subtitle: in plain text the second line is an ordinary paragraph, because nothing tells
a standfirst from a lead paragraph there.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from dateline.errors import InputError
from dateline.model import Article
from dateline.readers.common import (
    DATE_HELP,
    MAX_TEXT_BYTES,
    build_article,
    decode,
    read_bounded,
)

#: `` date YYYY-MM-DD title`` — the date token may be any non-space word so that a bad date
#: gets its own message instead of "not the dated format".
DATED_LINE = re.compile(r"^\ufeff?[ \t]?date[ \t]+(\d{4}-\S+)(?:[ \t]+(.*))?$")


def is_dated_text(first_line: str) -> bool:
    return DATED_LINE.match(first_line) is not None


def read_dated_text_file(path: Path, *, name: str, date: dt.date | None) -> Article:
    text = decode(name, read_bounded(path, MAX_TEXT_BYTES, name=name))
    return parse_dated_text(text, name=name)


def read_plain_text_file(path: Path, *, name: str, date: dt.date | None) -> Article:
    text = decode(name, read_bounded(path, MAX_TEXT_BYTES, name=name))
    return parse_plain_text(text, name=name, date=date)


def parse_dated_text(text: str, *, name: str) -> Article:
    lines = text.splitlines()
    match = DATED_LINE.match(lines[0]) if lines else None
    if match is None:
        raise InputError(
            f"{name} is not in the dated text format: its first line must be "
            "' date YYYY-MM-DD <title>'. Fix the first line, or read it as plain text with "
            "--input-format text --date YYYY-MM-DD."
        )
    try:
        day = dt.date.fromisoformat(match.group(1))
    except ValueError:
        raise InputError(
            f"{name} line 1 has the date {match.group(1)!r}, not a real YYYY-MM-DD day. "
            "Correct the first line."
        ) from None
    rest = lines[1:]
    title = match.group(2) or (rest.pop(0) if rest else "")  # a title on its own line
    subtitle = rest[0] if rest and match.group(2) else None
    body = rest[1:] if subtitle is not None else rest
    return build_article(name=name, date=day, title=title, subtitle=subtitle, paragraphs=body)


def parse_plain_text(text: str, *, name: str, date: dt.date | None) -> Article:
    if date is None:
        raise InputError(f"{name} has no date. {DATE_HELP}, or start it with ' date YYYY-MM-DD'.")
    return build_article(name=name, date=date, title=None, paragraphs=text.splitlines())
