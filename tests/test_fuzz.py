"""Fuzzing: hostile input gives valid records or one clear error line, never a traceback.

Every reader (dated and plain text, JSONL/JSON, CSV, HTML, RSS/Atom, WARC) gets random bytes,
invalid UTF-8, UTF-16 with and without a byte-order mark, NUL and other control characters,
deeply nested and hostile HTML, malformed and far-future dates, unbalanced quotation marks,
right-to-left text and emoji. For each input either

- the reader returns articles whose text is clean (no NUL, no control characters, no lone
  surrogates) and within the size limit, and the whole pipeline turns them into records whose
  offsets lie inside the text with ``text[start:end]`` equal to the record's text; or
- it raises one :class:`~dateline.errors.InputError` of one line.

Anything else (a traceback) fails. Hypothesis runs derandomized (the same examples on every run,
so CI is stable); ``DATELINE_FUZZ_EXAMPLES=500 DATELINE_FUZZ_RANDOM=1`` searches further. The
huge inputs (50 MB single lines, 100,000 paragraphs) are a few fixed cases marked ``slow``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gzip
import io
import json
import os
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.contract import to_dict
from dateline.errors import InputError
from dateline.io import read_articles
from dateline.model import Article, Extraction, Span
from dateline.readers.common import MAX_ARTICLE_CHARS

EXAMPLES = int(os.environ.get("DATELINE_FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not os.environ.get("DATELINE_FUZZ_RANDOM"),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)

# --- what hostile text is made of ---------------------------------------------------------------

ENGLISH = (
    "Ukrainian president Volodymyr Zelensky said on Monday that his delegation would meet "
    "Russian officials in Istanbul next week, and the Kremlin said it had not agreed to a "
    "ceasefire."
)
PIECES = [
    ENGLISH,
    " “We are ready to talk,” Zelensky told reporters. ",
    ' He said "the talks ',  # an unclosed quotation
    " ‘partial’ « guillemets » „low-9“ ",
    "”“”“ ",
    " in 1648, call 1648, 9999, 10000, 2025-02-30, 31/31/31 ",
    " next year, three centuries ago, the following day, at 25:99 ",
    " שלום עולם مرحبا بالعالم ",  # right-to-left scripts
    "\u202eevil\u202c \u200f\u200e\u061c",  # bidi controls
    " \U0001f600\U0001f1fa\U0001f1e6\U0001f469\u200d\U0001f4bb ",  # emoji, flags, ZWJ
    "\0",
    "\x1b[31m\x07\x7f\x85\x9f",
    "\r\n",
    "\n\n\n",
    "\u2028\u2029\x0b\x0c",
    "\ufeff",
    "\ud800",  # a lone surrogate (only JSON can carry it)
    "&amp;&lt;&#0;&#xD800;&#x110000;",
    "<b>",
    "\t \u00a0 ",
]
pieces = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=30)), max_size=12)
hostile_text = pieces.map("".join)
DATES = [
    "2025-03-14",
    "2025-02-30",
    "2025-13-01",
    "0000-01-01",
    "0001-01-01",
    "9999-12-31",
    "+10000-01-01",
    "2025-03-14T25:61:00Z",
    "Fri, 31 Dec 9999 23:59:59 +9999",
    "Mon, 32 Foo 2025",
    "20250314",
    "99999999",
    "1e308",
    "-1",
    "yesterday",
    "",
]
dates = st.one_of(st.sampled_from(DATES), st.text(max_size=25))
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1"]


def encode(text: str, encoding: str) -> bytes:
    """``text`` in ``encoding``; surrogates pass through as invalid UTF-8 bytes."""
    errors = "surrogatepass" if encoding.startswith("utf") else "replace"
    return text.encode(encoding, errors)


@st.composite
def corrupted(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` with random bytes spliced in, or cut short, sometimes."""
    how = draw(st.sampled_from(["as is", "as is", "splice", "truncate"]))
    if how == "splice" and data:
        at = draw(st.integers(0, len(data)))
        return data[:at] + draw(st.binary(min_size=1, max_size=8)) + data[at:]
    if how == "truncate" and data:
        return data[: draw(st.integers(0, len(data)))]
    return data


# --- one file per format ------------------------------------------------------------------------


@st.composite
def dated_text_file(draw: st.DrawFn) -> tuple[str, bytes]:
    text = f" date {draw(dates)} {draw(hostile_text)}\n{draw(hostile_text)}\n{draw(hostile_text)}"
    data = encode(text, draw(st.sampled_from(ENCODINGS)))
    return ".txt", draw(corrupted(data))


@st.composite
def jsonl_file(draw: st.DrawFn) -> tuple[str, bytes]:
    values = st.one_of(
        hostile_text,
        dates,
        st.integers(min_value=-(10**20), max_value=10**20),
        st.floats(allow_nan=True, allow_infinity=True),
        st.none(),
        st.booleans(),
        st.lists(st.text(max_size=5), max_size=3),
        st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=2),
    )
    keys = st.sampled_from(["date", "published", "title", "headline", "text", "body", "url", "id"])
    record = st.dictionaries(keys, values, max_size=6)
    lines = []
    for item in draw(st.lists(st.one_of(record, values), min_size=1, max_size=5)):
        lines.append(json.dumps(item, ensure_ascii=draw(st.booleans())))
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(["{not json", "[" * 5000, '{"a": ' * 3000, "", "   "])))
    suffix = draw(st.sampled_from([".jsonl", ".json"]))
    body = "\n".join(lines) if suffix == ".jsonl" or len(lines) > 1 else lines[0]
    if suffix == ".json" and draw(st.booleans()):
        body = "[" + ",".join(lines) + "]"
    return suffix, draw(corrupted(encode(body, draw(st.sampled_from(ENCODINGS)))))


@st.composite
def csv_file(draw: st.DrawFn) -> tuple[str, bytes]:
    delimiter = draw(st.sampled_from([",", "\t", ";"]))
    header = draw(st.sampled_from(["date,title,text", "date,text", "text", "published,body", ""]))
    rows = [header.replace(",", delimiter)]
    for _ in range(draw(st.integers(0, 4))):
        cells = [draw(dates), draw(hostile_text), draw(hostile_text)]
        quote = draw(st.sampled_from(['"', "", '"unbalanced ']))
        rows.append(delimiter.join(f"{quote}{cell}{quote}" for cell in cells))
    data = encode("\n".join(rows), draw(st.sampled_from(ENCODINGS)))
    return draw(st.sampled_from([".csv", ".tsv"])), draw(corrupted(data))


TAGS = ["div", "p", "span", "b", "table", "tr", "td", "article", "section", "li", "a", "font"]


@st.composite
def html_file(draw: st.DrawFn) -> tuple[str, bytes]:
    depth = draw(st.sampled_from([0, 3, 50, 1000, 20_000]))
    tag = draw(st.sampled_from(TAGS))
    closed = draw(st.booleans())
    body = "".join(f"<p>{draw(hostile_text)}</p>" for _ in range(draw(st.integers(0, 4))))
    body = f"<{tag}>" * depth + body + (f"</{tag}>" * depth if closed else "")
    hostile = draw(
        st.sampled_from(
            [
                "",
                "<script>while(1){}</script><style>*{}</style>",
                "<!-- unclosed comment",
                "<![CDATA[ x ]]>",
                "&" * 5000,
                "<a href='" + "x" * 10000,
                "<svg><foreignObject><math><mi>",
                "<meta http-equiv='refresh' content='0'>",
            ]
        )
    )
    charset = draw(st.sampled_from(["", "utf-8", "utf-16", "x-unknown", "cp1252", "shift_jis"]))
    meta = f"<meta charset='{charset}'>" if charset else ""
    published = f"<meta property='article:published_time' content='{draw(dates)}'>"
    title = f"<title>{draw(hostile_text)}</title>"
    page = f"<html><head>{meta}{published}{title}{hostile}</head><body>{body}</body></html>"
    data = encode(page, draw(st.sampled_from(ENCODINGS)))
    return draw(st.sampled_from([".html", ".htm"])), draw(corrupted(data))


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


@st.composite
def feed_file(draw: st.DrawFn) -> tuple[str, bytes]:
    atom = draw(st.booleans())
    entries = []
    for _ in range(draw(st.integers(0, 4))):
        title, body, day = _xml(draw(hostile_text)), draw(hostile_text), _xml(draw(dates))
        content = f"<![CDATA[{body}]]>" if draw(st.booleans()) else _xml(body)
        if atom:
            entries.append(
                f"<entry><title>{title}</title><content type='html'>{content}</content>"
                f"<updated>{day}</updated></entry>"
            )
        else:
            entries.append(
                f"<item><title>{title}</title><description>{content}</description>"
                f"<pubDate>{day}</pubDate></item>"
            )
    if draw(st.booleans()):
        entries.append(draw(st.sampled_from(["<item>" * 2000, "<item><title>x", "&bogus;"])))
    if atom:
        xml = f"<feed xmlns='http://www.w3.org/2005/Atom'><title>Wire</title>{''.join(entries)}</feed>"
    else:
        xml = f"<rss version='2.0'><channel><title>Wire</title>{''.join(entries)}</channel></rss>"
    data = encode(xml, draw(st.sampled_from(ENCODINGS)))
    return draw(st.sampled_from([".rss", ".atom", ".xml"])), draw(corrupted(data))


@st.composite
def warc_file(draw: st.DrawFn) -> tuple[str, bytes]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    compress = draw(st.booleans())
    writer = WARCWriter(out, gzip=compress)
    for number in range(draw(st.integers(0, 3))):
        _, page = draw(html_file())
        status = draw(st.sampled_from(["200 OK", "404 Not Found", "301 Moved", "999 ?"]))
        kind = draw(st.sampled_from(["text/html; charset=utf-8", "text/html", "image/png", ""]))
        headers = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
        uri = draw(st.sampled_from(["https://example.org/a", "", "not a uri"]))
        fixed = {  # the same bytes on every run (hypothesis replays examples)
            "WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{number:012d}>",
            "WARC-Date": draw(st.sampled_from(["2025-03-14T10:00:00Z", "9999-99-99", ""])),
        }
        record = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(page), http_headers=headers, warc_headers_dict=fixed
        )
        writer.write_record(record)
    return ".warc.gz" if compress else ".warc", draw(corrupted(out.getvalue()))


random_file = st.tuples(
    st.sampled_from([".txt", ".jsonl", ".json", ".csv", ".html", ".rss", ".xml", ".warc"]),
    st.binary(max_size=3000),
)
any_file = st.one_of(
    dated_text_file(), jsonl_file(), csv_file(), html_file(), feed_file(), warc_file(), random_file
)


# --- what must hold -----------------------------------------------------------------------------


def read_or_error(path: Path, **options: object) -> list[Article] | str:
    """The articles of ``path``, each checked, or the reader's one-line error."""
    try:
        articles = read_articles(path, **options)  # type: ignore[arg-type]
    except InputError as exc:
        message = str(exc)
        assert message.strip()
        assert len(message.splitlines()) == 1, message
        return message
    for article in articles:
        assert article.text.strip()
        assert len(article.text) <= MAX_ARTICLE_CHARS
        assert article.text.split("\n", 1)[0] == article.title
        # no control characters but the newlines between paragraphs, no lone surrogates
        # (format characters stay: bidi marks, the zero-width joiner of emoji)
        odd = {c for c in set(article.text) if unicodedata.category(c) in ("Cc", "Cs")} - {"\n"}
        assert not odd, sorted(odd)
        assert not any(line.strip() != line or not line for line in article.text.split("\n"))
    return articles


def spans_of(value: object) -> list[Span]:
    """Every Span inside a record (dataclasses, lists and tuples, recursively)."""
    if isinstance(value, Span):
        return [value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [s for f in dataclasses.fields(value) for s in spans_of(getattr(value, f.name))]
    if isinstance(value, list | tuple):
        return [s for item in value for s in spans_of(item)]
    return []


def check_records(extraction: Extraction) -> None:
    text = extraction.article.text
    records = [
        extraction.actors,
        extraction.times,
        extraction.places,
        extraction.quotes,
        extraction.events,
        extraction.claims,
    ]
    for span in spans_of(records):
        assert 0 <= span.start <= span.end <= len(text), span
        assert text[span.start : span.end] == span.text, span
    json.dumps(to_dict(extraction), ensure_ascii=False).encode("utf-8")


def _write(tmp_path: Path, suffix: str, data: bytes) -> Path:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    return path


# --- the tests ----------------------------------------------------------------------------------


@FUZZ
@given(item=any_file, date=st.sampled_from([None, "2025-03-14"]))
def test_every_reader_returns_clean_articles_or_one_error_line(
    tmp_path_factory: pytest.TempPathFactory, item: tuple[str, bytes], date: str | None
) -> None:
    suffix, data = item
    read_or_error(_write(tmp_path_factory.mktemp("fuzz"), suffix, data), date=date)


@FUZZ
@given(
    item=any_file,
    forced=st.sampled_from(["dated-text", "text", "jsonl", "csv", "html", "feed", "warc"]),
)
def test_a_forced_format_that_does_not_fit_is_one_error_line(
    tmp_path_factory: pytest.TempPathFactory, item: tuple[str, bytes], forced: str
) -> None:
    _, data = item
    path = _write(tmp_path_factory.mktemp("fuzz"), ".dat", data)
    read_or_error(path, date="2025-03-14", format=forced)


@pytest.fixture(scope="module")
def pipeline():  # type: ignore[no-untyped-def]
    from dateline.pipeline import Pipeline

    return Pipeline()


@settings(FUZZ, max_examples=max(10, EXAMPLES // 2))
@given(
    texts=st.lists(hostile_text, min_size=1, max_size=6),
    date=st.sampled_from(["2025-03-14", "1000-01-01", "8999-12-31", "1970-01-01"]),
)
def test_the_pipeline_gives_records_inside_the_text(pipeline, texts: list[str], date: str) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from dateline.readers.common import build_article

    try:
        article = build_article(
            name="fuzz",
            date=dt.date.fromisoformat(date),
            title=None,
            paragraphs=[ENGLISH, *texts],  # English enough to pass the language check, mostly
        )
    except InputError as exc:
        assert len(str(exc).splitlines()) == 1
        return
    for extraction in pipeline.pipe([article]):
        check_records(extraction)


# --- the command line: one error line, never a traceback ------------------------------------------


def run_cli(*args: str) -> tuple[int, str, str]:
    from dateline.cli import main

    out, err = io.StringIO(), io.StringIO()
    argv = sys.argv
    sys.argv = ["dateline", *args]
    code = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main()
    except SystemExit as exc:
        code = int(exc.code or 0)
    finally:
        sys.argv = argv
    return code, out.getvalue(), err.getvalue()


@settings(FUZZ, max_examples=max(10, EXAMPLES // 2))
@given(item=any_file)
def test_extract_prints_records_or_error_lines(
    tmp_path_factory: pytest.TempPathFactory, item: tuple[str, bytes]
) -> None:
    path = _write(tmp_path_factory.mktemp("cli"), *item)
    code, out, err = run_cli("extract", str(path), "--date", "2025-03-14", "--format", "jsonl")
    assert "Traceback" not in err
    problems = [line for line in err.splitlines() if not line.startswith("Skipped")]
    if code:
        assert code == 2 and len(problems) == 1 and problems[0].startswith("Error: "), err
    for line in out.splitlines():
        record = json.loads(line)
        text = record["article"]["text"]
        for event in record["events"]:
            evidence = event["evidence"]
            assert text[evidence["start"] : evidence["end"]] == evidence["text"]


# --- a store holds what the pipeline makes of hostile text ------------------------------------------


def test_hostile_articles_reach_the_store_and_come_back(tmp_path: Path) -> None:
    from dateline.ingest import ingest
    from dateline.storage.query import make_filters, query_events, query_quotes
    from dateline.storage.store import connect

    rows = [
        {"date": "2025-03-14", "title": "RTL and emoji \U0001f600", "text": ENGLISH + " שלום \u202eevil\u202c مرحبا"},
        {"date": "2025-03-14", "title": "Quotes", "text": ENGLISH + ' He said "the talks ‘would’ « go on'},
        {"date": "2025-03-14", "title": "Controls", "text": ENGLISH + " \0 \x1b[31m \x7f \ud800 end."},
        {"date": "8999-12-31", "title": "Far future", "text": ENGLISH + " Next year and the following day."},
    ]  # fmt: skip
    path = tmp_path / "hostile.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    db = tmp_path / "s.duckdb"
    report = ingest([path], db=db, progress=False)
    assert (report.extracted, report.failed) == (4, 0)
    with connect(db, read_only=True) as conn:
        texts = {
            row[0]: row[1]
            for row in conn.execute("SELECT article_id, text FROM articles").fetchall()
        }
        events = query_events(conn, make_filters("events"))
        quotes = query_quotes(conn, make_filters("quotes"))
    assert events
    for row in [*events, *quotes]:
        text = texts[row["article_id"]]
        assert text[row["evidence_start"] : row["evidence_end"]] == row["evidence_text"]
    assert not any("\0" in text or "\ud800" in text for text in texts.values())


# --- huge inputs (few, bounded) ---------------------------------------------------------------------

FIFTY_MB = 50 * 1024 * 1024


@pytest.mark.slow
@pytest.mark.parametrize("suffix", [".txt", ".jsonl", ".csv", ".html", ".rss", ".warc"])
def test_a_50_mb_single_line_is_refused_in_one_line(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"huge{suffix}"
    head = {".csv": b"date,text\n2025-03-14,", ".jsonl": b'{"date": "2025-03-14", "text": "'}
    with path.open("wb") as handle:
        handle.write(head.get(suffix, b""))
        chunk = b"word " * (1024 * 1024 // 5)
        for _ in range(FIFTY_MB // len(chunk)):
            handle.write(chunk)
    message = read_or_error(path, date="2025-03-14")
    assert isinstance(message, str), "a 50 MB line is over every reader's limit"
    assert message.startswith(str(path)), message  # it names the file, in one line


def test_100k_paragraphs_are_read_as_one_article(tmp_path: Path) -> None:
    path = tmp_path / "paragraphs.txt"
    path.write_text(
        " date 2025-03-14 Many paragraphs\n" + "\n".join("Kyiv won" for _ in range(100_000)),
        encoding="utf-8",
    )
    [article] = read_or_error(path)  # type: ignore[misc]
    # the title, then 100,000 paragraphs; the second line (a subtitle) repeats the first
    # paragraph, so it is kept once
    assert article.text.count("\n") == 99_999


@pytest.mark.slow
def test_100k_paragraphs_through_the_pipeline(pipeline) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from dateline.readers.common import build_article

    paragraphs = [("Kyiv won" if i % 3 else "Rain fell") for i in range(100_000)]
    article = build_article(
        name="many", date=dt.date(2025, 3, 14), title="Many paragraphs", paragraphs=paragraphs
    )
    [extraction] = list(pipeline.pipe([article]))
    check_records(extraction)


def test_deeply_nested_html_is_an_article_or_one_error_line(tmp_path: Path) -> None:
    for depth in (1000, 100_000):
        page = "<html><body>" + "<div>" * depth + f"<p>{ENGLISH}</p>" + "</div>" * depth
        path = tmp_path / f"deep{depth}.html"
        path.write_text(page + "</body></html>", encoding="utf-8")
        read_or_error(path, date="2025-03-14")


def test_gzip_that_is_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "x.warc.gz"
    path.write_bytes(gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n\r\n") + b"junk")
    assert isinstance(read_or_error(path), str)
