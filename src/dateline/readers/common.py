"""What every reader shares: size limits, byte sniffing, dates and building an Article.

Policy for bad input (documented in the README's CLI reference too):

- a file that holds one article (dated text, plain text, an HTML page) and cannot be read is an
  error: :class:`~dateline.errors.InputError`, one line naming the file and the fix;
- a file that holds many articles (JSONL, CSV, a feed, a WARC) skips a bad record with a warning
  on stderr (logging) and goes on; at the end it says how many were skipped, and when *no*
  record could be read it raises the first record's error, since then the file itself is wrong.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from dateline.errors import EmptyInputError, InputError, NotEnglishError
from dateline.language import looks_english
from dateline.model import Article

log = logging.getLogger("dateline.readers")

#: At most this many characters of text per article. It is spaCy's default ``nlp.max_length``:
#: spaCy refuses longer texts because its parser and NER need roughly 1 GB of temporary memory
#: per 100,000 characters (spaCy error E088). The longest item of the Kremlin press-release
#: corpus (putin.csv) is 176,709 characters, so real articles stay well below it.
MAX_ARTICLE_CHARS = 1_000_000
#: A text file larger than this cannot hold MAX_ARTICLE_CHARS or fewer characters (UTF-8 uses at
#: most 4 bytes a character), so it is refused from its size alone, before it is read.
MAX_TEXT_BYTES = 4 * MAX_ARTICLE_CHARS
#: HTML pages carry markup, inline scripts and styles beside the text: news pages measure
#: 0.1-3 MB, so 20 MB is generous and still bounds what lxml holds in memory.
MAX_HTML_BYTES = 20_000_000
#: feedparser parses a whole feed in memory; real feeds are well under 5 MB.
MAX_FEED_BYTES = 50_000_000
#: One JSONL line or CSV field: an article at its limit plus its metadata. Longer lines are
#: skipped after reading at most this much of them, so memory stays bounded on any file.
MAX_RECORD_BYTES = 4 * MAX_ARTICLE_CHARS + 1_000_000
#: How many bad records of one file are warned about one by one before only the count is kept.
MAX_WARNINGS = 5

SNIFF_BYTES = 1024
#: Publication dates dateline accepts. Relative expressions reach centuries from the article's
#: date ("three centuries ago", "the next decade"), and Python's calendar (so every record's
#: day) ends at years 1 and 9999: an article dated 9999-12-31, a feed's junk date, would have
#: no "next week". Nothing real is refused: the oldest printed newspapers are from 1605.
EARLIEST_ARTICLE_DATE = dt.date(1000, 1, 1)
LATEST_ARTICLE_DATE = dt.date(8999, 12, 31)
DATE_HELP = "Pass --date YYYY-MM-DD (date= in Python)"


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def too_large(name: str, size: str) -> InputError:
    return InputError(
        f"{name} is too large for one article ({size}); dateline analyses at most "
        f"{MAX_ARTICLE_CHARS:,} characters per article. Split it into one file per article, "
        "or one JSONL line per article."
    )


# --- bytes ------------------------------------------------------------------------------------

_MAGIC = {
    b"%PDF-": "a PDF file; convert it to text first (e.g. pdftotext)",
    b"PK\x03\x04": "a ZIP archive (or a .docx/.xlsx); unpack or convert it to text first",
    b"\x1f\x8b": "gzip-compressed; decompress it first (gunzip)",
}


def check_bytes(name: str, head: bytes, *, size: int | None = None) -> None:
    """Refuse empty, binary and UTF-16 input from its first bytes, before decoding anything."""
    whole = size is not None and size <= len(head)
    if size == 0 or (whole and not head.strip()):
        raise EmptyInputError(
            f"{name} is empty. Give a file with an article in it, or leave it out."
        )
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(
            f"{name} is UTF-16, not UTF-8. Re-encode it: iconv -f utf-16 -t utf-8 {name} > out.txt"
        )
    utf16 = _utf16_without_bom(head)
    if utf16:
        raise InputError(
            f"{name} is {utf16} without a byte-order mark, not UTF-8. Re-encode it: "
            f"iconv -f {utf16} -t utf-8 {name} > out.txt"
        )
    for magic, what in _MAGIC.items():
        if head.startswith(magic):
            raise InputError(f"{name} is {what}.")
    if b"\0" in head:
        raise InputError(
            f"{name} is a binary file (NUL bytes in its first KB), not text. dateline reads "
            "text, HTML, JSONL, CSV, RSS/Atom and WARC files."
        )


def _utf16_without_bom(head: bytes) -> str | None:
    """ "UTF-16LE" or "UTF-16BE" when ``head`` reads as text in it: mostly-ASCII UTF-16 has a NUL
    in every other byte (at odd offsets little-endian, at even ones big-endian)."""
    pairs = len(head) // 2
    if pairs < 4:
        return None
    odd = sum(head[i] == 0 for i in range(1, 2 * pairs, 2))
    even = sum(head[i] == 0 for i in range(0, 2 * pairs, 2))
    if odd >= 0.8 * pairs and even == 0:
        return "UTF-16LE"
    if even >= 0.8 * pairs and odd == 0:
        return "UTF-16BE"
    return None


def guess_legacy_encoding(data: bytes) -> str:
    """The likeliest 8-bit encoding of text that is not UTF-8, for the iconv hint.

    Russian or Ukrainian text in cp1251 is mostly bytes 0xC0-0xFF (the Cyrillic letters), where
    Western European text in cp1252 has mostly ASCII letters with a few accented ones between.
    cp1252 leaves five bytes undefined; text that uses them is latin-1.
    """
    letters = sum(65 <= b <= 90 or 97 <= b <= 122 for b in data)
    if sum(b >= 0xC0 for b in data) > letters:
        return "cp1251"
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return "latin-1"
    return "cp1252"


def not_utf8(name: str, data: bytes, error: UnicodeDecodeError, where: str = "") -> InputError:
    encoding = guess_legacy_encoding(data)
    bad = data[error.start : error.start + 1].hex()
    return InputError(
        f"{name} is not UTF-8 (byte 0x{bad}{where}; it looks like {encoding}). Re-encode it "
        f"with iconv -f {encoding} -t utf-8 {name} > out.txt"
    )


def decode(name: str, data: bytes, where: str = "") -> str:
    """UTF-8 (a byte-order mark is allowed) or an error that says how to re-encode."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise not_utf8(name, data, exc, where) from None


def read_head(path: Path, size: int = SNIFF_BYTES) -> bytes:
    with path.open("rb") as handle:
        return handle.read(size)


def read_bounded(path: Path, limit: int, *, name: str) -> bytes:
    """The whole file, after refusing from its size alone anything over ``limit`` bytes."""
    size = path.stat().st_size
    check_bytes(name, read_head(path), size=size)
    if size > limit:
        raise too_large(name, megabytes(size))
    return path.read_bytes()


# --- dates ------------------------------------------------------------------------------------

# Unambiguous written forms only. Numeric day/month orders (03/04/2025) are refused rather
# than guessed: the US and most other countries read them differently.
_DATE_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y%m%d",
    "%Y%m%dT%H%M%SZ",  # GDELT DOC API seendate
    "%Y%m%d%H%M%S",  # GDELT event and GKG DATEADDED
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%A, %d %B %Y",
    "%A, %B %d, %Y",
    "%d.%m.%Y",  # German and Russian order; never read as month-first anywhere
)
_ISO_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]|$)")


def parse_date(value: object) -> dt.date:
    """A publication date from the forms news data uses; ValueError when it is not one.

    A datetime keeps the calendar day it is written with (``2022-02-24T23:30:00Z`` is the 24th):
    converting to another zone would move articles across days for no reader's benefit.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 1900_01_01 <= value <= 2100_12_31 and value == int(value):  # 20250314, not epoch
            return dt.datetime.strptime(str(int(value)), "%Y%m%d").date()
        seconds = value / 1000 if value > 1e11 else value  # JavaScript milliseconds
        try:
            return dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date()
        except (OverflowError, OSError, ValueError):  # beyond the calendar, inf, NaN
            raise ValueError(f"not a date: {value!r}") from None
    text = " ".join(str(value).split())
    if not text:
        raise ValueError("empty date")
    if _ISO_PREFIX.match(text):
        try:
            return dt.datetime.fromisoformat(text.replace(" ", "T", 1)).date()
        except ValueError:  # nanoseconds, odd zones: the leading YYYY-MM-DD is still exact
            return dt.date.fromisoformat(text[:10])
    for form in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, form).date()
        except ValueError:
            continue
    try:  # RFC 2822, the date of RSS <pubDate> and of e-mail
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    raise ValueError(f"not a date: {text!r}")


def parse_date_option(value: str | dt.date | None) -> dt.date | None:
    """The ``date=`` / ``--date`` argument: strictly YYYY-MM-DD."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(
            f"Bad date {value!r}: expected YYYY-MM-DD, a real calendar day, e.g. --date 2025-03-14."
        ) from None


# --- building articles ------------------------------------------------------------------------


#: Control characters that are not whitespace (NUL, ESC, DEL, C1 controls but NEL): they are
#: not text, and NUL in particular breaks tools downstream. Each becomes a space.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
#: Lone surrogates (JSON's "\ud800" escapes) cannot be written as UTF-8: each becomes U+FFFD.
_SURROGATES = re.compile("[\ud800-\udfff]")


def clean_line(text: str) -> str:
    """One line with its internal whitespace normalised (tabs, NBSPs, newlines to one space),
    control characters as spaces and lone surrogates as U+FFFD (the replacement character)."""
    if not text.isprintable():
        text = _SURROGATES.sub("\ufffd", _CONTROLS.sub(" ", text))
    return " ".join(text.split())


def paragraphs_of(text: str) -> list[str]:
    """One paragraph a line, blank lines dropped."""
    return [line for line in (clean_line(raw) for raw in text.splitlines()) if line]


def domain_of(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None


def build_article(
    *,
    name: str,
    date: dt.date | None,
    title: str | None,
    paragraphs: Iterable[str],
    subtitle: str | None = None,
    source: str | None = None,
    url: str | None = None,
    id: str | None = None,
) -> Article:
    """The Article of model.Article's docstring: title line, subtitle line, one paragraph a line.

    Without a title the first paragraph is the title, as in plain text. Raises InputError with
    ``name`` (a file, or "file line N") for input that is empty, undated, too long or not English.
    """
    lines = [line for line in (clean_line(p) for p in paragraphs) if line]
    head = clean_line(title or "")
    if not head:
        if not lines:
            raise EmptyInputError(
                f"{name} has no text. Give it a title or a body, or leave it out."
            )
        head, lines = lines[0], lines[1:]
    elif lines and lines[0] == head:  # pages and feeds repeat their headline in the body
        lines = lines[1:]
    sub = clean_line(subtitle or "") or None
    if sub is not None and lines and lines[0] == sub:  # a description that is the lead paragraph
        sub = None
    if date is None:
        raise InputError(f"{name} has no date. {DATE_HELP}, or give the date in the input.")
    check_article_date(name, date)
    text = "\n".join([head, *([sub] if sub else []), *lines])
    if len(text) > MAX_ARTICLE_CHARS:
        raise too_large(name, f"{len(text):,} characters")
    if not looks_english(text):
        raise NotEnglishError(
            f"{name} does not look like English text; dateline's pipeline is English-only. "
            "Translate it first, or leave it out."
        )
    return Article(
        id=clean_line(id or "") or Article.make_id(date, text),
        date=date,
        title=head,
        text=text,
        subtitle=sub,
        source=clean_line(source or "") or domain_of(url),
        url=clean_line(url or "") or None,
    )


#: Called with each record a multi-article file skips (``on_skip=`` of the readers), so that
#: ``ingest`` can put it in the store's failures table.
SkipListener = Callable[[InputError], None]


def check_article_date(name: str, date: dt.date) -> None:
    if not EARLIEST_ARTICLE_DATE <= date <= LATEST_ARTICLE_DATE:
        raise InputError(
            f"{name} has the date {date.isoformat()}, which is not a publication date dateline "
            f"can work from (years {EARLIEST_ARTICLE_DATE.year} to {LATEST_ARTICLE_DATE.year}). "
            "Correct the date, or give one with --date YYYY-MM-DD."
        )


@dataclass
class Skips:
    """Bad records of one multi-article file: warned about, counted, and reported at the end."""

    name: str
    what: str = "records"
    read: int = 0
    skipped: int = 0
    first: InputError | None = field(default=None)
    listener: SkipListener | None = None

    def skip(self, error: InputError) -> None:
        self.skipped += 1
        self.first = self.first or error
        if self.listener is not None:
            self.listener(error)
        if self.skipped <= MAX_WARNINGS:
            log.warning("Skipped: %s", error)

    def finish(self) -> None:
        """Say how many were skipped; when nothing could be read, the file is wrong: raise."""
        if self.read == 0:
            if self.first is not None:
                unit = self.what if self.skipped > 1 else self.what.removesuffix("s")
                raise InputError(f"{self.first} ({self.skipped} bad {unit}, none readable)")
            raise InputError(f"{self.name} has no {self.what}. Give a file with articles in it.")
        if self.skipped:
            log.warning(
                "Skipped %d of %d %s in %s; fix or remove them to read them too.",
                self.skipped,
                self.skipped + self.read,
                self.what,
                self.name,
            )
