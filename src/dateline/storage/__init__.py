"""The DuckDB store: schema migrations, batched idempotent ingest, queries.

    >>> from dateline.ingest import ingest
    >>> from dateline.storage import connect
    >>> ingest(["news/"], db="dateline.duckdb")
    >>> with connect("dateline.duckdb", read_only=True) as conn:
    ...     conn.sql("SELECT type, count(*) FROM events GROUP BY type").show()

Modules: :mod:`~dateline.storage.store` (open, lock and corruption errors, transactions, the
writer's session), :mod:`~dateline.storage.lock` (one writer; readers let in during an ingest),
:mod:`~dateline.storage.schema` (recorded migrations), :mod:`~dateline.storage.rows`
(extraction to table rows and Arrow, also the shape of Parquet partitions),
:mod:`~dateline.storage.write`, :mod:`~dateline.storage.report` (what an ingest did),
:mod:`~dateline.storage.query`,
:mod:`~dateline.storage.records` (rows back to contract records),
:mod:`~dateline.storage.status` (stale articles, pending corpus work) and
:mod:`~dateline.storage.digest` (one hash of every stored record).

Corpus scale (issue 7):

* Parquet export mirrors the tables: ``dateline export --format parquet OUT`` writes
  ``COPY table TO 'OUT/table.parquet'`` for every table (:mod:`dateline.exports`), and
  ``rows.arrow_table(table, rows)`` has exactly the table's columns and types (taken from the
  migrations), so a Dask worker's ``pyarrow.parquet.write_table`` gives the same files.
* Dask workers (:mod:`dateline.engines.dask_engine`) write one Parquet partition per table and
  batch; the ingest process loads each with :func:`~dateline.storage.write.load_partition`
  (deletes those articles' rows, ``INSERT INTO t BY NAME SELECT * FROM read_parquet(...)``,
  queues them for the corpus pass) in one transaction: the rule of ``write.write_batch``.
* An article's rows are a function of the article alone (with its text's MinHash signature,
  ``article_minhashes`` and ``article_bands``). Everything across articles (``actors``,
  ``article_duplicates``, ``merged_events``, ``merged_event_reports``, ``corpus_reports``) is
  derived by the incremental corpus pass, :func:`dateline.corpus.refresh`, from the articles
  queued in ``corpus_queue`` (migration 0004); the per-article rows stay untouched, so every
  report keeps its evidence. :func:`~dateline.storage.digest.store_digest` hashes every record
  of a store, to check that two ways of filling it agree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

# The ingest driver is application code, above storage: ``from dateline.ingest import ingest``.
__all__ = ["IngestReport", "connect", "open_store"]

if TYPE_CHECKING:
    from dateline.storage.report import IngestReport
    from dateline.storage.store import connect, open_store

_LAZY = {
    "IngestReport": "dateline.storage.report",
    "connect": "dateline.storage.store",
    "open_store": "dateline.storage.store",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'dateline.storage' has no attribute {name!r}")
