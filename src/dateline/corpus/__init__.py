"""Corpus-level work over a store: near-duplicate articles, merged events, timelines, dyads.

Everything here is derived from the per-article rows (``dateline.storage``), which stay as they
are, so every merged event and aggregate can be traced to its reports and their evidence.
:func:`refresh` rebuilds the derived tables; ``dateline ingest`` calls it after every run and
``dateline merge`` on demand.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection


@dataclass(frozen=True)
class CorpusReport:
    duplicates: int
    merged_events: int
    seconds: float


def refresh(conn: DuckDBPyConnection) -> CorpusReport:
    """Recompute near-duplicates, then merged events, in one transaction."""
    import time

    from dateline.corpus.dedup import refresh_duplicates
    from dateline.corpus.merge import refresh_merged_events
    from dateline.storage.store import transaction

    started = time.perf_counter()
    with transaction(conn):
        duplicates = refresh_duplicates(conn)
        merged = refresh_merged_events(conn)
    return CorpusReport(len(duplicates), merged, time.perf_counter() - started)
