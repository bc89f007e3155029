"""Articles from the web: HTML pages, RSS/Atom feeds and WARC archives.

A full page goes through trafilatura (main text without navigation, comments or boilerplate)
and htmldate (the publication date from the page's metadata); a fragment of HTML (a feed
entry's content, a JSONL body with markup) goes through :func:`html_paragraphs`, which keeps
every block as a line. Either way scripts, styles and markup never reach ``Article.text``.

Dates: the page's own date first (htmldate with ``extensive_search=False``, which reads
metadata and markup but does not guess from free text), then ``date=``, then for a WARC record
its WARC-Date (the crawl time: later than publication, so only a last resort).
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import logging
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from dateline.errors import EmptyInputError, InputError
from dateline.model import Article
from dateline.readers.common import (
    DATE_HELP,
    MAX_FEED_BYTES,
    MAX_HTML_BYTES,
    SNIFF_BYTES,
    SkipListener,
    Skips,
    build_article,
    check_bytes,
    clean_line,
    megabytes,
    not_utf8,
    paragraphs_of,
    parse_date,
    read_bounded,
)

# Elements that end a line of text (HTML 5 block-level and line-breaking elements).
_BLOCKS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "section",
        "article",
        "header",
        "footer",
        "figure",
        "figcaption",
        "table",
        "tr",
        "pre",
        "hr",
        "dd",
        "dt",
        "aside",
        "main",
        "address",
    ]
)
#: Libraries that log their own warnings about odd input ("discarding data: None", "Replacing
#: spaces in invalid WARC-Target-URI"): with no logging set up, Python prints them on stderr
#: beside dateline's one-line messages. Unless the user set their level, only errors show.
_CHATTY_LOGGERS = ("trafilatura", "htmldate", "courlan", "warcio", "charset_normalizer")
for _name in _CHATTY_LOGGERS:
    if logging.getLogger(_name).level == logging.NOTSET:
        logging.getLogger(_name).setLevel(logging.ERROR)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_HTML_TYPES = ("text/html", "application/xhtml+xml")


#: Characters lxml refuses in a string ("All strings must be XML compatible"): C0 controls but
#: tab and newlines, lone surrogates, and the two non-characters U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(html: str) -> str:
    """``html`` with the characters lxml cannot hold as spaces (a NUL or an ESC in a page)."""
    return _NOT_XML.sub(" ", html)


def html_paragraphs(fragment: str) -> list[str]:
    """The text of an HTML fragment, one block a line; scripts, styles and comments removed."""
    import lxml.html
    from lxml_html_clean import Cleaner

    if not fragment.strip():
        return []
    root = lxml.html.fragment_fromstring(xml_safe(fragment), create_parent="div")
    root = Cleaner(scripts=True, javascript=True, style=True, comments=True).clean_html(root)
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.text = "\n" + (element.text or "")
            element.tail = "\n" + (element.tail or "")
    return paragraphs_of(root.text_content())


def decode_html(name: str, data: bytes, charset: str | None = None) -> str:
    """Bytes of a page in the charset its HTTP header or <meta> declares, else UTF-8."""
    match = _META_CHARSET.search(data[:4096])
    declared = charset or (match.group(1).decode("ascii") if match else None)
    try:
        return data.decode(declared or "utf-8-sig")
    except LookupError:  # an unknown charset name: fall back to UTF-8
        return decode_html(name, data, "utf-8-sig")
    except UnicodeDecodeError as exc:
        if declared and declared.lower().replace("_", "-") not in ("utf-8", "utf8", "utf-8-sig"):
            raise InputError(
                f"{name} is not valid {declared} as its page declares. Fix its charset."
            ) from None
        raise not_utf8(name, data, exc) from None


def html_article(
    html: str,
    *,
    name: str,
    date: dt.date | None,
    url: str | None = None,
    fallback_date: dt.date | None = None,
) -> Article:
    """A full HTML page as an Article (trafilatura for the text, htmldate for the date)."""
    import htmldate
    import trafilatura

    html = xml_safe(html)
    extracted = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or not text.strip():
        raise InputError(
            f"{name} has no article text that trafilatura could find (a page of links, a "
            "login wall or a script-only page?). Give the article's own page."
        )
    found = htmldate.find_date(html, url=url, original_date=True, extensive_search=False)
    day = parse_date(found) if found else (date or fallback_date)
    if day is None:
        raise InputError(f"{name} has no date in its page. {DATE_HELP}.")
    page_url = url or getattr(extracted, "url", None)
    return build_article(
        name=name,
        date=day,
        title=getattr(extracted, "title", None),
        paragraphs=paragraphs_of(text),
        source=getattr(extracted, "sitename", None),
        url=page_url,
    )


def read_html(path: Path, *, name: str, date: dt.date | None) -> Article:
    html = decode_html(name, read_bounded(path, MAX_HTML_BYTES, name=name))
    return html_article(html, name=name, date=date)


def _entry_date(entry: Any, name: str) -> dt.date | None:
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if raw:
            try:
                return parse_date(raw)
            except ValueError:
                parsed = entry.get(f"{key}_parsed")  # feedparser's own (UTC) reading
                try:
                    return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
                except (AttributeError, TypeError, ValueError):  # none, or year 0
                    raise InputError(f"{name} has the date {raw!r}, which is not a date.") from None
    return None


_CHAR_REF = re.compile(rb"&#(?:x([0-9a-fA-F]+)|([0-9]+));")


def _valid_char_refs(data: bytes) -> bytes:
    """Numeric character references that name no character ("&#xD800;", "&#0;", past
    U+10FFFF) as U+FFFD: feedparser's loose parser crashes on them (UnicodeEncodeError)."""

    def fix(found: re.Match[bytes]) -> bytes:
        hexa, decimal = found.groups()
        digits = (hexa or decimal or b"").lstrip(b"0") or b"0"
        if len(digits) > 8:
            return b"&#xFFFD;"
        code = int(digits, 16 if hexa else 10)
        valid = 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF
        return found.group() if valid else b"&#xFFFD;"

    return _CHAR_REF.sub(fix, data)


def read_feed(
    path: Path, *, name: str, date: dt.date | None, on_skip: SkipListener | None = None
) -> Iterator[Article]:
    """Each entry of an RSS or Atom feed is an article; the feed's title is its source."""
    import feedparser

    data = _valid_char_refs(read_bounded(path, MAX_FEED_BYTES, name=name))
    try:
        parsed = feedparser.parse(data)
    except (ValueError, UnicodeError, OverflowError, RecursionError) as exc:
        raise InputError(
            f"{name} could not be parsed as a feed ({type(exc).__name__}: {exc}). Check the file."
        ) from None
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        reason = clean_line(str(parsed.get("bozo_exception") or "no <item> or <entry>"))
        raise InputError(f"{name} is not an RSS or Atom feed ({reason}). Check the file.")
    source = clean_line(parsed.feed.get("title") or "") or None
    skips = Skips(name, "entries", listener=on_skip)
    for number, entry in enumerate(parsed.entries, 1):
        where = f"{name} entry {number}"
        try:
            contents = entry.get("content") or []
            body = contents[0].get("value", "") if contents else entry.get("summary", "")
            entry_date = _entry_date(entry, where) or date
            if entry_date is None:
                raise InputError(f"{where} has no date. {DATE_HELP}.")
            article = build_article(
                name=where,
                date=entry_date,
                title=" ".join(html_paragraphs(entry.get("title", ""))),
                paragraphs=html_paragraphs(body),
                source=source,
                url=entry.get("link"),
            )
        except InputError as exc:
            skips.skip(exc)
            continue
        skips.read += 1
        yield article
    skips.finish()


def read_warc(
    path: Path, *, name: str, date: dt.date | None, on_skip: SkipListener | None = None
) -> Iterator[Article]:
    """The HTML ``response`` records of a WARC (or .warc.gz), each through the HTML reader."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    skips = Skips(name, "HTML pages", listener=on_skip)
    with path.open("rb") as handle:
        if path.stat().st_size == 0:
            raise EmptyInputError(
                f"{name} is empty. Give a file with an article in it, or leave it out."
            )
        _check_warc_start(name, handle)
        records = ArchiveIterator(handle)
        number = 0
        while True:
            try:
                record = next(records)
            except StopIteration:
                break
            except ArchiveLoadFailed as exc:
                raise InputError(
                    f"{name} is not a valid WARC file ({clean_line(str(exc))}). Check the file."
                ) from None
            except _WARC_ERRORS as exc:  # warcio trips over malformed headers in its own code
                raise InputError(
                    f"{name} record {number + 1} is malformed ({type(exc).__name__}: "
                    f"{clean_line(str(exc))[:200]}); the records before it were read. Check the "
                    "file (warcio: warcio index FILE)."
                ) from None
            number += 1
            if record.rec_type != "response" or record.http_headers is None:
                continue
            content_type = record.http_headers.get_header("Content-Type") or ""
            if not content_type.lower().startswith(_HTML_TYPES):
                continue  # images, scripts, robots.txt: not articles
            if not (record.http_headers.get_statuscode() or "").startswith("2"):
                continue  # redirects and errors carry no article
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{name} record {number} ({url})"
            try:
                article = _warc_page(record, where, url, content_type, date)
            except InputError as exc:
                skips.skip(exc)
                continue
            except _WARC_ERRORS as exc:  # a truncated or corrupt payload
                skips.skip(
                    InputError(f"{where} cannot be read ({type(exc).__name__}: {exc}); skipped.")
                )
                continue
            skips.read += 1
            yield article
    skips.finish()


def _check_warc_start(name: str, handle: BinaryIO) -> None:
    """Refuse a file that does not start as a WARC (or ARC) does, gzipped or not, before warcio
    reads it: warcio looks for a record header through the whole first line (90 s for a 50 MB
    line)."""
    head = handle.read(SNIFF_BYTES)
    handle.seek(0)
    if head.startswith(b"\x1f\x8b"):
        try:
            head = gzip.GzipFile(fileobj=io.BytesIO(head)).read(16)
        except (OSError, EOFError):  # not gzip after all, or a member longer than the sniff
            head = head if len(head) < SNIFF_BYTES else b"WARC/"
    if not head.startswith((b"WARC/", b"filedesc:")):
        raise InputError(
            f"{name} is not a WARC file: it does not start with 'WARC/'. Check the file, or "
            "name its format with --input-format."
        )


#: What warcio raises, besides ArchiveLoadFailed, on a malformed record or payload (a missing
#: WARC-Target-URI is an AttributeError in its header parser; a truncated gzip member an
#: EOFError or zlib.error).
_WARC_ERRORS = (AttributeError, ValueError, KeyError, IndexError, EOFError, OSError, zlib.error)


def _warc_page(
    record: Any, where: str, url: str | None, content_type: str, date: dt.date | None
) -> Article:
    data = record.content_stream().read(MAX_HTML_BYTES + 1)
    if len(data) > MAX_HTML_BYTES:
        raise InputError(f"{where} is larger than {megabytes(MAX_HTML_BYTES)}; skipped.")
    check_bytes(where, data[:1024], size=len(data))
    charset = re.search(r"charset=([\w\-]+)", content_type)
    html = decode_html(where, data, charset.group(1) if charset else None)
    crawled = record.rec_headers.get_header("WARC-Date")
    fallback = None
    if crawled:
        try:
            fallback = parse_date(crawled)
        except ValueError:
            fallback = None
    return html_article(html, name=where, date=date, url=url, fallback_date=fallback)
