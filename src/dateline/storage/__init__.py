"""The DuckDB store: schema migrations, batched idempotent ingest, queries.

    >>> from dateline.storage import ingest, connect
    >>> ingest(["news/"], db="dateline.duckdb")
    >>> with connect("dateline.duckdb", read_only=True) as conn:
    ...     conn.sql("SELECT type, count(*) FROM events GROUP BY type").show()

Modules: :mod:`~dateline.storage.store` (open, lock and corruption errors, transactions),
:mod:`~dateline.storage.schema` (recorded migrations), :mod:`~dateline.storage.rows`
(extraction to table rows and Arrow, also the shape of Parquet partitions),
:mod:`~dateline.storage.write`, :mod:`~dateline.storage.ingest`, :mod:`~dateline.storage.query`
and :mod:`~dateline.storage.records` (rows back to contract records).

Room left for corpus scale (issue 7), without changing what is here:

* Parquet export mirrors the tables: ``rows.arrow_table(table, rows)`` has exactly the table's
  columns and types (taken from the migrations), so ``COPY table TO 'x.parquet'`` and a worker's
  own ``pyarrow.parquet.write_table`` give the same files, and DuckDB reads them back.
* Dask workers write one Parquet partition per table and batch (``extraction_rows`` of their
  extractions); one load command then deletes those articles' rows and inserts the partitions
  (``INSERT INTO t BY NAME SELECT * FROM read_parquet(...)``) in one transaction, the same
  all-or-nothing rule as ``write.write_batch``, and refreshes the actor registry.
* Merged events and near-duplicate articles are new tables in a new numbered migration
  (e.g. ``merged_events``, ``event_reports(article_id, event_id, merged_id)``,
  ``article_duplicates(article_id, duplicate_of, similarity)``), derived from the per-article
  rows, which stay untouched so every report keeps its evidence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["IngestReport", "connect", "ingest", "open_store"]

if TYPE_CHECKING:
    from dateline.storage.ingest import IngestReport, ingest
    from dateline.storage.store import connect, open_store

_LAZY = {
    "IngestReport": "dateline.storage.ingest",
    "ingest": "dateline.storage.ingest",
    "connect": "dateline.storage.store",
    "open_store": "dateline.storage.store",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'dateline.storage' has no attribute {name!r}")
