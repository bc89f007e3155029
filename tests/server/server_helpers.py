"""Stores for the server's tests, made by ingesting real text with the real pipeline.

* the demo store: the shipped example article, plus (when ../shared is present) a slice of the
  Kremlin/Zelenskyy press releases, so that timelines, the network and the map have something
  to show; ``DEMO_SLICE`` articles from each CSV, read evenly spaced;
* the hostile store: one article whose title, URL and text carry script payloads
  (:data:`HOSTILE_TEXT`), for the escaping and Content-Security-Policy tests.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

from dateline.model import Article

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "2025-03-14-trump-putin-kursk.txt"
CORPUS = ROOT.parent / "shared" / "corpora" / "kremlin-zelenskyy-2021-2022"
#: Press releases taken from each of the corpus's two CSV files for the demo store.
DEMO_SLICE = 12

#: Every payload sets window.__xss (or opens a dialog) if it ever runs.
PAYLOADS = (
    "<script>window.__xss = 'script'</script>",
    "<img src=x onerror=\"window.__xss = 'onerror'\">",
    "<a href=\"javascript:window.__xss='href'\">javascript link</a>",
    "<svg onload=\"window.__xss = 'svg'\"><script>window.__xss = 'svg script'</script></svg>",
    "\"><script>alert('attribute breakout')</script>",
    "<iframe srcdoc=\"<script>parent.__xss='iframe'</script>\"></iframe>",
    "<body onload=alert('body')>",
    "{{ 7 * 7 }} <style>body { display: none }</style>",
)
HOSTILE_TITLE = (
    "Putin <script>window.__xss = 'title'</script> meets Zelensky <img src=x onerror=alert(1)>"
)
HOSTILE_URL = "javascript:window.__xss='url'"
HOSTILE_TEXT = (
    "President Vladimir Putin met Ukrainian president Volodymyr Zelensky in Istanbul on Monday "
    "<script>window.__xss = 'in sentence'</script> and said “we are ready <img src=x "
    "onerror=\"window.__xss='quote'\"> to talk”.\n"
    "Russian forces attacked Kharkiv <svg onload=\"window.__xss='svg'\"></svg> on Sunday, "
    "Zelensky said.\n" + "\n".join(f"Officials said {p} was found in a report." for p in PAYLOADS)
)


def hostile_article() -> Article:
    """The hostile article, stored as given: readers strip markup from some formats, but a
    store may hold any text (the dated-text reader keeps it), so the server must not trust it."""
    import datetime as dt

    day = dt.date(2025, 5, 12)
    subtitle = "Kyiv <b onmouseover=\"window.__xss='subtitle'\">demands</b> a ceasefire"
    text = f"{HOSTILE_TITLE}\n{subtitle}\n{HOSTILE_TEXT}"
    return Article(
        id=Article.make_id(day, text),
        date=day,
        title=HOSTILE_TITLE,
        subtitle=subtitle,
        text=text,
        source="<b onmouseover=alert(1)>Wire</b>",
        url=HOSTILE_URL,
    )


def corpus_slice(n: int = DEMO_SLICE) -> list[Article]:
    """``n`` press releases from each CSV of the corpus, evenly spaced; none when absent."""
    from dateline.io import read_articles

    if not CORPUS.exists():
        return []
    chosen: list[Article] = []
    for name in ("putin.csv", "zelenskyy.csv"):
        articles = read_articles([CORPUS / name])
        step = max(len(articles) // n, 1)
        chosen += articles[::step][:n]
    return chosen


def make_demo_store(db: Path, *, with_corpus: bool = True) -> Path:
    from dateline.ingest import ingest

    sources: list[Article | Path] = [EXAMPLE]
    if with_corpus:
        sources += corpus_slice()
    ingest(sources, db=db, workers=1, progress=False)
    return db


def make_hostile_store(db: Path) -> Path:
    from dateline.ingest import ingest

    ingest([hostile_article()], db=db, workers=1, progress=False)
    return db


def make_client(db: Path) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette suggests httpx2 for its TestClient
        from fastapi.testclient import TestClient

    from dateline.server.app import create_app

    return TestClient(create_app(db), raise_server_exceptions=False)
