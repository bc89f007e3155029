"""Same articles, same store: whatever the order, batches, runs or workers (issue 12, item 1).

Extraction is a pure function of the article, the pipeline and the actor tables; the corpus pass
(registry, name links, near-duplicates, merged events) is a function of the set of articles. So
ingesting one corpus forwards, backwards, in two halves, or with two worker processes must give
stores with the same digest of every stored record. (When ingest seeded extraction with the
store's actor registry, the two halves second-half-first gave 3 of these 40 articles other rows.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.ingest import ingest
from ingest_corpus import digest, press_releases, table_digests

pytestmark = [pytest.mark.slow, pytest.mark.shared]


@pytest.fixture
def clean(press_store: Path) -> Path:
    """The corpus ingested forwards in one run, one process, batches of 8 (conftest.py)."""
    return press_store


def test_the_corpus_exercises_the_corpus_pass(clean: Path) -> None:
    from dateline.storage.store import connect

    with connect(clean, read_only=True) as conn:
        reports = conn.execute("SELECT max(n_reports) FROM merged_events").fetchone()[0]  # type: ignore[index]
        events = conn.execute("SELECT count(*) FROM events").fetchone()[0]  # type: ignore[index]
    assert events > 100 and reports >= 2


@pytest.mark.parametrize(
    "how",
    ["backwards", "two halves, second first", "two workers", "batches of 3"],
)
def test_any_order_batches_or_workers_give_the_same_store(
    clean: Path, tmp_path: Path, how: str
) -> None:
    articles = press_releases()
    db = tmp_path / "s.duckdb"
    if how == "backwards":
        ingest(articles[::-1], db=db, progress=False, batch_size=8)
    elif how == "two halves, second first":
        ingest(articles[20:], db=db, progress=False)
        ingest(articles[:20], db=db, progress=False)
    elif how == "two workers":
        ingest(articles, db=db, progress=False, batch_size=4, workers=2)
    else:
        ingest(articles, db=db, progress=False, batch_size=3)
    assert table_digests(db) == table_digests(clean)
    assert digest(db) == digest(clean)
