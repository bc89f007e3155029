"""Writing extractions into the store: all rows of an article, or none.

:func:`write_batch` is called inside one transaction per batch
(:func:`dateline.storage.store.transaction`): it deletes whatever an article had stored before
(a re-extraction under a new pipeline version, or changed content under the same id), inserts
the new rows through Arrow (with the text's MinHash signature), and queues the article for the
corpus pass (``corpus_queue``, :mod:`dateline.corpus`), which derives everything across
articles. Nothing here reads another article's rows, so what is stored for an article does not
depend on what was written before it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from dateline.storage.rows import STORED_TABLES, Row, arrow_table, extraction_rows

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

    from dateline.model import Extraction


def stored_versions(
    conn: DuckDBPyConnection, article_ids: Sequence[str]
) -> dict[str, tuple[str, str]]:
    """article_id -> (content_hash, pipeline_version) for those of ``article_ids`` stored."""
    if not article_ids:
        return {}
    rows = conn.execute(
        "SELECT article_id, content_hash, pipeline_version FROM articles "
        "WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
        [list(article_ids)],
    ).fetchall()
    return {aid: (content_hash, version) for aid, content_hash, version in rows}


def stored_hashes(
    conn: DuckDBPyConnection, hashes: Sequence[str], pipeline_version: str
) -> set[str]:
    """Those of ``hashes`` already extracted by ``pipeline_version`` (under any article id)."""
    if not hashes:
        return set()
    rows = conn.execute(
        "SELECT content_hash FROM articles WHERE pipeline_version = ? "
        "AND content_hash IN (SELECT unnest(?::VARCHAR[]))",
        [pipeline_version, list(hashes)],
    ).fetchall()
    return {row[0] for row in rows}


def delete_articles(conn: DuckDBPyConnection, article_ids: Sequence[str]) -> dict[str, list[str]]:
    """Delete every row of these articles; return the actor ids each of them named."""
    if not article_ids:
        return {}
    ids = list(article_ids)
    named: dict[str, list[str]] = {aid: [] for aid in ids}
    for article_id, actor_id in conn.execute(
        "SELECT DISTINCT article_id, actor_id FROM article_actors "
        "WHERE article_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY ALL",
        [ids],
    ).fetchall():
        named[article_id].append(actor_id)
    for table in STORED_TABLES:
        conn.execute(
            f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [ids]
        )
    return named


def queue_for_corpus(
    conn: DuckDBPyConnection, article_ids: Sequence[str], replaced: Mapping[str, list[str]]
) -> None:
    """Queue written articles for the corpus pass, with the actor ids of the rows they replaced."""
    if article_ids:
        # One statement: executemany runs one INSERT per article (20 ms a batch of 32, 2 ms so)
        conn.execute(
            "INSERT INTO corpus_queue SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[][])",
            [list(article_ids), [replaced.get(aid, []) for aid in article_ids]],
        )


def insert_rows(conn: DuckDBPyConnection, table: str, rows: list[Row]) -> None:
    if not rows:
        return
    _dateline_rows = arrow_table(table, rows)  # read by the INSERT below
    # DuckDB reads the Arrow table through the local variable of that name (a replacement
    # scan): 0.35 -> 0.24 CPU s per 400 press releases against register() + unregister() each
    # table and batch, and unlike from_arrow().insert_into() the columns still go by name.
    conn.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _dateline_rows")


def write_batch(
    conn: DuckDBPyConnection,
    extractions: Sequence[Extraction],
    *,
    pipeline_version: str,
    run_id: int | None = None,
    signatures: Mapping[str, Sequence[int]] | None = None,
) -> Counter[str]:
    """Replace the stored rows of these articles with their new extraction.

    ``signatures`` are the articles' MinHash signatures when a worker computed them already.
    Call inside a transaction. Returns the number of record rows inserted per table.
    """
    from dateline.corpus.dedup import signature_rows
    from dateline.storage.rows import ARTICLE_TABLES

    signatures = signatures or {}
    # The last extraction of an id wins, as it would if the articles came in two batches.
    latest = {extraction.article.id: extraction for extraction in extractions}
    # Delete only what is stored: a DELETE scans each table, an articles lookup uses its key,
    # so a corpus of new articles pays no scans that grow with the store.
    stored = stored_versions(conn, list(latest))
    replaced = delete_articles(conn, [aid for aid in latest if aid in stored])
    tables: dict[str, list[Row]] = {table: [] for table in STORED_TABLES}
    for extraction in latest.values():
        rows = extraction_rows(extraction, pipeline_version=pipeline_version, run_id=run_id)
        article = extraction.article
        rows.update(signature_rows(article, signatures.get(article.id)))
        for table, table_rows in rows.items():
            tables[table].extend(table_rows)
    # Parents first, so a reader of a half-written batch could never see orphans (it cannot
    # anyway: the batch is one transaction).
    for table in reversed(STORED_TABLES):
        insert_rows(conn, table, tables[table])
    queue_for_corpus(conn, list(latest), replaced)
    return Counter({table: len(tables[table]) for table in ARTICLE_TABLES})


def load_partition(
    conn: DuckDBPyConnection, folder: Path, article_ids: Sequence[str]
) -> Counter[str]:
    """Replace these articles' rows with a Parquet partition's (a Dask worker's output).

    ``folder`` holds ``<table>.parquet`` per table of :data:`STORED_TABLES` (written from
    :func:`~dateline.storage.rows.extraction_rows`, so with the tables' columns). Call inside a
    transaction: the same all-or-nothing rule as :func:`write_batch`. Returns rows per table.
    """
    from dateline.storage.rows import ARTICLE_TABLES

    stored = stored_versions(conn, list(article_ids))
    replaced = delete_articles(conn, [aid for aid in article_ids if aid in stored])
    counts: Counter[str] = Counter()
    for table in reversed(STORED_TABLES):
        path = folder / f"{table}.parquet"
        if not path.exists():
            continue
        inserted = conn.execute(
            f"INSERT INTO {table} BY NAME SELECT * FROM read_parquet(?)", [str(path)]
        ).fetchone()
        if table in ARTICLE_TABLES:
            counts[table] = int(inserted[0]) if inserted else 0
    queue_for_corpus(conn, list(dict.fromkeys(article_ids)), replaced)
    return +counts
