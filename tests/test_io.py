"""Readers: every format, built around the seed article's own title and paragraphs."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import EXAMPLE, shared_path
from dateline.io import detect_format, iter_articles, read_articles
from dateline.model import Article
from dateline.readers.common import parse_date

SEED_DATE = dt.date(2025, 3, 14)


@pytest.fixture(scope="module")
def seed() -> dict:
    """The seed's title, subtitle and paragraphs, read directly from the file."""
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    title = lines[0].split(" ", 3)[3]
    return {"title": title, "subtitle": lines[1], "paragraphs": lines[2:]}


def assert_seed_body(article: Article, seed: dict) -> None:
    """Every seed paragraph is one line of the text, in order; no markup."""
    lines = article.text.split("\n")
    positions = [lines.index(p) for p in seed["paragraphs"]]
    assert positions == sorted(positions)
    assert "<" not in article.text and ">" not in article.text
    assert not article.text.endswith("\n")


# --- text ---------------------------------------------------------------------------------------


def test_dated_text_seed(seed):
    [article] = read_articles(EXAMPLE)
    assert article.date == SEED_DATE
    assert article.title == seed["title"]
    assert article.subtitle == seed["subtitle"]
    assert article.text == "\n".join([seed["title"], seed["subtitle"], *seed["paragraphs"]])
    assert article.id == Article.make_id(SEED_DATE, article.text)
    assert article.source is None and article.url is None


def test_dated_text_without_leading_space_blank_lines_and_whitespace(tmp_path, seed):
    body = "\n\n".join(f"  {p}\t " for p in seed["paragraphs"][:3])
    path = tmp_path / "article.txt"
    path.write_text(f"date 2025-03-14 {seed['title']}\n{seed['subtitle']}\n\n{body}\n\n")
    [article] = read_articles(path)
    assert article.date == SEED_DATE
    assert article.text == "\n".join([seed["title"], seed["subtitle"], *seed["paragraphs"][:3]])


def test_dated_text_blank_second_line_means_no_subtitle(tmp_path, seed):
    path = tmp_path / "a.txt"
    path.write_text(f" date 2025-03-14 {seed['title']}\n\n{seed['paragraphs'][0]}\n")
    [article] = read_articles(path)
    assert article.subtitle is None
    assert article.text == f"{seed['title']}\n{seed['paragraphs'][0]}"


def test_plain_text_takes_the_date_argument_and_has_no_subtitle(tmp_path, seed):
    path = tmp_path / "plain.txt"
    path.write_text("\n" + seed["title"] + "\n" + "\n\n".join(seed["paragraphs"]) + "\n")
    for date in ("2025-03-14", SEED_DATE):
        [article] = read_articles(path, date=date)
        assert article.date == SEED_DATE
        assert article.title == seed["title"]
        assert article.subtitle is None
        assert article.text == "\n".join([seed["title"], *seed["paragraphs"]])


def test_forced_plain_text_keeps_a_date_line_as_the_title(tmp_path, seed):
    path = tmp_path / "odd.dat"
    path.write_text(f"date 2025-03-14 {seed['title']}\n{seed['paragraphs'][0]}\n")
    assert detect_format(path) == "dated-text"
    [article] = read_articles(path, format="text", date="2024-01-02")
    assert article.date == dt.date(2024, 1, 2)
    assert article.title.startswith("date 2025-03-14")


# --- JSONL and CSV ------------------------------------------------------------------------------


def test_jsonl_detects_columns_by_many_names(tmp_path, seed):
    records = [
        {
            "Headline": seed["title"],
            "Body": "\n\n".join(seed["paragraphs"]),
            "published_at": "2025-03-14T18:05:00Z",
            "link": "https://www.independent.co.uk/news/world/trump-putin-kursk.html",
        },
        {
            "title": "Second",
            "content": seed["paragraphs"][:2],  # paragraphs as a list
            "pubDate": "Fri, 14 Mar 2025 22:30:00 +0000",
            "source": {"id": "ind", "name": "The Independent"},
            "summary": "",
            "id": "ind-2",
        },
    ]
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n\n", encoding="utf-8")
    first, second = read_articles(path)
    assert first.date == SEED_DATE and second.date == SEED_DATE
    assert first.text == "\n".join([seed["title"], *seed["paragraphs"]])
    assert first.source == "independent.co.uk"  # no source column: the URL's domain
    assert first.url == records[0]["link"]
    assert first.id == Article.make_id(SEED_DATE, first.text)
    assert second.id == "ind-2" and second.source == "The Independent"
    assert second.subtitle is None  # an empty summary is no subtitle
    assert second.text.split("\n")[1:] == seed["paragraphs"][:2]


def test_jsonl_column_overrides_and_date_fallback(tmp_path, seed):
    path = tmp_path / "odd.ndjson"
    path.write_text(json.dumps({"story": seed["paragraphs"][0], "hed": seed["title"]}) + "\n")
    columns = {"text": "story", "title": "HED"}
    [article] = read_articles(path, columns=columns, date="2025-03-14")
    assert article.title == seed["title"]
    assert article.text == f"{seed['title']}\n{seed['paragraphs'][0]}"


def test_json_list_and_html_bodies_are_stripped(tmp_path, seed):
    body = "<p>" + "</p><p>".join(seed["paragraphs"][:2]) + "</p><script>alert('x')</script>"
    path = tmp_path / "news.json"
    path.write_text(json.dumps([{"title": seed["title"], "text": body, "date": "2025-03-14"}]))
    [article] = read_articles(path)
    assert article.text.split("\n")[1:] == seed["paragraphs"][:2]
    assert "alert" not in article.text


def test_iter_articles_streams(tmp_path, seed):
    path = tmp_path / "many.jsonl"
    rows = [
        {"title": f"Item {n}", "text": seed["paragraphs"][n], "date": "2025-03-14"}
        for n in range(3)
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    stream = iter_articles(path)
    assert next(stream).title == "Item 0"
    assert [a.title for a in stream] == ["Item 1", "Item 2"]


def test_csv_multiline_quoted_fields_and_summary_subtitle(tmp_path, seed):
    path = tmp_path / "news.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Link", "Headline", "Date", "Location", "Summary", "Body"])
        writer.writerow(
            [
                "https://x.example/1",
                seed["title"],
                "2025-03-14T06:00:00Z",
                "NA",
                seed["subtitle"],
                "\n".join(seed["paragraphs"]),
            ]
        )
        writer.writerow(
            ["https://x.example/2", "Other", "2025-03-15", "NA", "", seed["paragraphs"][0]]
        )
    first, second = read_articles(path)
    assert first.subtitle == seed["subtitle"]
    assert first.text == "\n".join([seed["title"], seed["subtitle"], *seed["paragraphs"]])
    assert first.source == "x.example"
    assert second.subtitle is None and second.date == dt.date(2025, 3, 15)


def test_tsv_and_column_override(tmp_path, seed):
    path = tmp_path / "news.tsv"
    path.write_text(f"when\tstory\n14 March 2025\t{seed['paragraphs'][0]}\n", encoding="utf-8")
    [article] = read_articles(path, columns={"text": "story", "date": "when"})
    assert article.date == SEED_DATE
    assert article.title == seed["paragraphs"][0]  # no title column: the first paragraph


@pytest.mark.shared
def test_kremlin_csv_reads_every_row():
    path = shared_path("corpora", "kremlin-zelenskyy-2021-2022", "putin.csv")
    articles = read_articles(path)
    assert len(articles) == 816
    assert all(dt.date(2021, 10, 24) <= a.date <= dt.date(2022, 6, 24) for a in articles)
    assert all(a.source == "en.kremlin.ru" and a.url for a in articles)
    assert len({a.id for a in articles}) == 816
    assert all(a.subtitle is None or a.subtitle.strip() for a in articles)
    brics = next(a for a in articles if a.url.endswith("/68700"))
    assert brics.title == "BRICS+ meeting" and brics.date == dt.date(2022, 6, 24)


# --- HTML, feeds, WARC --------------------------------------------------------------------------


def seed_page(seed: dict, *, dated: bool = True) -> str:
    meta = (
        '<meta property="article:published_time" content="2025-03-14T18:00:00Z">' if dated else ""
    )
    paragraphs = "".join(f"<p>{p}</p>" for p in seed["paragraphs"])
    return (
        f"<!DOCTYPE html><html><head><title>{seed['title']} | The Independent</title>{meta}"
        '<meta property="og:site_name" content="The Independent">'
        "<style>p {color: red}</style><script>var tracker = '<p>evil</p>';</script></head>"
        '<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>'
        f"<article><h1>{seed['title']}</h1><h2>{seed['subtitle']}</h2>{paragraphs}</article>"
        "<footer>© 2025 Independent Digital News &amp; Media</footer></body></html>"
    )


def test_html_page(tmp_path, seed):
    path = tmp_path / "page.html"
    path.write_text(seed_page(seed), encoding="utf-8")
    [article] = read_articles(path)
    assert article.date == SEED_DATE
    assert article.title == seed["title"]
    assert article.source == "The Independent"
    assert_seed_body(article, seed)
    assert "evil" not in article.text and "tracker" not in article.text
    assert "color" not in article.text and "Home" not in article.text


def test_html_page_without_date_takes_the_date_argument(tmp_path, seed):
    path = tmp_path / "page.htm"
    path.write_text(seed_page(seed, dated=False), encoding="utf-8")
    [article] = read_articles(path, date="2025-03-14")
    assert article.date == SEED_DATE
    assert_seed_body(article, seed)


def test_html_declared_legacy_charset(tmp_path, seed):
    page = seed_page(seed).replace("<head>", '<head><meta charset="windows-1252">')
    page = page.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    path = tmp_path / "legacy.html"
    path.write_bytes(page.replace("—", "-").encode("cp1252"))
    [article] = read_articles(path)
    assert article.title == seed["title"].replace("‘", "'").replace("’", "'")


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>World news | The Independent</title><link>https://www.independent.co.uk</link>
<item><title>{title}</title><link>https://www.independent.co.uk/a1.html</link>
<pubDate>Fri, 14 Mar 2025 18:00:00 +0000</pubDate>
<description>{lead}</description>
<content:encoded><![CDATA[{content}]]></content:encoded></item>
<item><title>Only a summary</title><link>https://www.independent.co.uk/a2.html</link>
<pubDate>Thu, 13 Mar 2025 09:00:00 GMT</pubDate>
<description>&lt;p&gt;{lead}&lt;/p&gt;</description></item>
</channel></rss>"""


def test_rss_feed(tmp_path, seed):
    content = "".join(f"<p>{p}</p>" for p in seed["paragraphs"]) + "<script>x()</script>"
    path = tmp_path / "world.rss"
    path.write_text(
        RSS.format(title=seed["title"], lead=seed["paragraphs"][0], content=content),
        encoding="utf-8",
    )
    full, summary = read_articles(path)
    assert full.date == SEED_DATE and summary.date == dt.date(2025, 3, 13)
    assert full.source == summary.source == "World news | The Independent"
    assert full.url == "https://www.independent.co.uk/a1.html"
    assert full.title == seed["title"]
    assert_seed_body(full, seed)
    assert "x()" not in full.text
    assert summary.text == f"Only a summary\n{seed['paragraphs'][0]}"


def test_atom_feed_sniffed_without_extension(tmp_path, seed):
    entry = (
        f"<entry><title>{seed['title']}</title><link href='https://ex.org/a'/>"
        "<id>urn:a</id><updated>2025-03-14T18:00:00Z</updated>"
        f"<content type='html'>&lt;p&gt;{seed['paragraphs'][0]}&lt;/p&gt;</content></entry>"
    )
    path = tmp_path / "feed"
    path.write_text(
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        f"<title>Example Atom</title><id>urn:f</id><updated>2025-03-14T18:00:00Z</updated>{entry}</feed>"
    )
    assert detect_format(path) == "feed"
    [article] = read_articles(path)
    assert article.source == "Example Atom" and article.url == "https://ex.org/a"
    assert article.text == f"{seed['title']}\n{seed['paragraphs'][0]}"


def write_warc(path: Path, pages: list[tuple[str, str, bytes, str]], *, gz: bool) -> None:
    """pages: (url, content type, body, WARC-Date)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gz)
        for url, content_type, body, warc_date in pages:
            request = writer.create_warc_record(
                url,
                "request",
                payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"),
                warc_headers_dict={"WARC-Date": warc_date},
            )
            writer.write_record(request)
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": warc_date},
            )
            writer.write_record(record)


@pytest.mark.parametrize("gz", [True, False])
def test_warc_html_responses(tmp_path, seed, gz):
    url = "https://www.independent.co.uk/news/world/americas/us-politics/trump-putin-call.html"
    pages = [
        (url, "text/html; charset=utf-8", seed_page(seed).encode(), "2025-03-20T10:00:00Z"),
        ("https://ex.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n\0\0", "2025-03-20T10:00:01Z"),
        (
            "https://ex.org/undated",
            "text/html",
            seed_page(seed, dated=False).encode(),
            "2025-03-21T08:00:00Z",
        ),
    ]
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    write_warc(path, pages, gz=gz)
    assert detect_format(path) == "warc"
    dated, undated = read_articles(path)
    assert dated.url == url and dated.date == SEED_DATE  # the page's date, not the crawl's
    assert dated.title == seed["title"]
    assert_seed_body(dated, seed)
    assert undated.url == "https://ex.org/undated"
    assert undated.date == dt.date(2025, 3, 21)  # no page date: WARC-Date
    [forced] = read_articles(path, date="2025-03-14", format="warc")[1:]
    assert forced.date == SEED_DATE  # --date beats the crawl time


# --- paths --------------------------------------------------------------------------------------


def test_directories_and_globs_recurse(tmp_path, seed):
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    (nested / "seed.txt").write_text(EXAMPLE.read_text(encoding="utf-8"))
    (tmp_path / "a" / "page.html").write_text(seed_page(seed))
    (tmp_path / "a" / "notes.pdf").write_bytes(b"%PDF-1.4 \0\0")  # unknown extension: left out
    (tmp_path / "a" / ".hidden.txt").write_text("")  # hidden: left out
    by_dir = read_articles(tmp_path)
    assert sorted(a.title for a in by_dir) == [seed["title"], seed["title"]]
    by_glob = read_articles(str(tmp_path / "**" / "*.txt"))
    assert [a.id for a in by_glob] == [read_articles(EXAMPLE)[0].id]
    assert len(read_articles([str(tmp_path / "a" / "*.html"), EXAMPLE])) == 2


def test_content_sniffing(tmp_path, seed):
    cases = {
        "page": seed_page(seed),
        "records": json.dumps({"text": "x", "date": "2025-03-14"}),
        "dated": EXAMPLE.read_text(encoding="utf-8"),
        "plain": "Just text\nMore text",
    }
    found = {}
    for name, text in cases.items():
        (tmp_path / name).write_text(text)
        found[name] = detect_format(tmp_path / name)
    assert found == {"page": "html", "records": "jsonl", "dated": "dated-text", "plain": "text"}


@pytest.mark.parametrize(
    ("raw", "day"),
    [
        ("2025-03-14", SEED_DATE),
        ("2022-02-24T23:30:00Z", dt.date(2022, 2, 24)),  # the day as written, not shifted
        ("2025-03-14 18:05:00+01:00", SEED_DATE),
        ("Fri, 14 Mar 2025 18:00:00 +0000", SEED_DATE),
        ("14 March 2025", SEED_DATE),
        ("March 14, 2025", SEED_DATE),
        ("Mar 14 2025", SEED_DATE),
        ("14.03.2025", SEED_DATE),
        (1741975200, SEED_DATE),
        (1741975200000, SEED_DATE),
        (20250314, SEED_DATE),
        ("20250314T180000Z", SEED_DATE),
        ("20250314180000", SEED_DATE),
        ("2025-03-14T18:00:00.123456789+00:00", SEED_DATE),
    ],
)
def test_parse_date(raw, day):
    assert parse_date(raw) == day


@pytest.mark.parametrize("raw", ["03/04/2025", "yesterday", "2025-02-30", ""])
def test_parse_date_refuses_ambiguous_and_invalid(raw):
    with pytest.raises(ValueError):
        parse_date(raw)


# Every other word an English function word, so each text stays English to language.looks_english.
_WORDS = st.tuples(
    st.sampled_from(["the", "of", "and", "to", "said"]),
    st.sampled_from(["war", "Trump", "Kyiv’s", "“talks”", "Sudzha,", "U.S."]),
).map(" ".join)
_GAPS = st.sampled_from([" ", "  ", "\t", "\u00a0", " \t "])


@st.composite
def _paragraph(draw) -> tuple[str, str]:
    """(a paragraph as written, with odd whitespace; the same paragraph normalised)."""
    words = draw(st.lists(_WORDS, min_size=1, max_size=12))
    gaps = draw(st.lists(_GAPS, min_size=len(words) + 1, max_size=len(words) + 1))
    written = gaps[0] + "".join(w + g for w, g in zip(words, gaps[1:], strict=True))
    return written, " ".join(words)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    paragraphs=st.lists(_paragraph(), min_size=1, max_size=8),
    blank=st.sampled_from(["", "\n", " \n"]),
)
def test_plain_text_lines_are_the_normalised_paragraphs(tmp_path, paragraphs, blank):
    path = tmp_path / "prop.txt"
    path.write_text("".join(written + "\n" + blank for written, _ in paragraphs), encoding="utf-8")
    [article] = read_articles(path, date="2025-03-14")
    assert article.text.split("\n") == [clean for _, clean in paragraphs]
    assert article.title == paragraphs[0][1]
