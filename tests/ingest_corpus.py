"""A small corpus of short real press releases, and a store's digest, for ingest tests.

The texts are read from ../shared (never copied here); tests that need them skip when it is
absent. 40 releases of 2022-02-24..2022-03-05 under 1,500 characters: a dense stretch (calls
and meetings of the first days of the invasion), so merged events have several reports.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

from conftest import shared_path
from dateline.model import Article

FIRST, LAST = dt.date(2022, 2, 24), dt.date(2022, 3, 6)
MAX_CHARS = 1500


@cache
def _releases() -> tuple[Article, ...]:
    from dateline.io import iter_articles

    folder = shared_path("corpora", "kremlin-zelenskyy-2021-2022")
    found = [
        article
        for name in ("putin.csv", "zelenskyy.csv")
        for article in iter_articles([folder / name])
        if FIRST <= article.date <= LAST and len(article.text) < MAX_CHARS
    ]
    return tuple(sorted(found, key=lambda a: (a.date, a.id)))


def press_releases(n: int = 40) -> list[Article]:
    """``n`` short press releases in date order (skips the test when ../shared is absent)."""
    return list(_releases()[:n])


def digest(db: Path) -> str:
    from dateline.storage.digest import store_digest
    from dateline.storage.store import connect

    with connect(db, read_only=True) as conn:
        return store_digest(conn)


def table_digests(db: Path) -> dict[str, str]:
    from dateline.storage.digest import table_digests as digests
    from dateline.storage.store import connect

    with connect(db, read_only=True) as conn:
        return digests(conn)
