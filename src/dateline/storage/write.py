"""Writing extractions into the store: all rows of an article, or none.

:func:`write_batch` is called inside one transaction per batch
(:func:`dateline.storage.store.transaction`): it deletes whatever an article had stored before
(a re-extraction under a new pipeline version, or changed content under the same id), inserts
the new rows through Arrow, and refreshes the actor registry for the actors it touched.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from dateline.storage.rows import ARTICLE_TABLES, Row, arrow_table, extraction_rows

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


def delete_articles(conn: DuckDBPyConnection, article_ids: Sequence[str]) -> set[str]:
    """Delete every row of these articles; return the actor ids they referred to."""
    if not article_ids:
        return set()
    ids = list(article_ids)
    actors = conn.execute(
        "SELECT DISTINCT actor_id FROM article_actors WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
        [ids],
    ).fetchall()
    for table in ARTICLE_TABLES:
        conn.execute(
            f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [ids]
        )
    return {row[0] for row in actors}


def insert_rows(conn: DuckDBPyConnection, table: str, rows: list[Row]) -> None:
    if not rows:
        return
    data = arrow_table(table, rows)
    name = f"_dateline_{table}"
    conn.register(name, data)
    try:
        conn.execute(f"INSERT INTO {table} BY NAME SELECT * FROM {name}")
    finally:
        conn.unregister(name)


def refresh_registry(conn: DuckDBPyConnection, actor_ids: Iterable[str]) -> None:
    """Recompute the registry rows of ``actor_ids`` from every article that mentions them.

    The registry is derived data: the most frequent name, kind, country and sector an actor id
    was given across articles, the dates of the first and last article, and counts. Deriving it
    (rather than incrementing counters) keeps it right when an article is re-extracted.
    """
    ids = sorted(set(actor_ids))
    if not ids:
        return
    conn.execute("DELETE FROM actors WHERE actor_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
    conn.execute(
        """
        INSERT INTO actors
        SELECT aa.actor_id, mode(aa.name), mode(aa.kind), mode(aa.country), mode(aa.sector),
               min(a.date), max(a.date), count(DISTINCT aa.article_id), sum(aa.n_mentions)
        FROM article_actors aa JOIN articles a USING (article_id)
        WHERE aa.actor_id IN (SELECT unnest(?::VARCHAR[]))
        GROUP BY aa.actor_id
        """,
        [ids],
    )


def write_batch(
    conn: DuckDBPyConnection,
    extractions: Sequence[Extraction],
    *,
    pipeline_version: str,
    run_id: int | None = None,
) -> Counter[str]:
    """Replace the stored rows of these articles with their new extraction.

    Call inside a transaction. Returns the number of rows inserted per table.
    """
    # The last extraction of an id wins, as it would if the articles came in two batches.
    latest = {extraction.article.id: extraction for extraction in extractions}
    # Delete only what is stored: a DELETE scans each table, an articles lookup uses its key,
    # so a corpus of new articles pays no scans that grow with the store.
    stored = stored_versions(conn, list(latest))
    touched = delete_articles(conn, [aid for aid in latest if aid in stored])
    tables: dict[str, list[Row]] = {table: [] for table in ARTICLE_TABLES}
    for extraction in latest.values():
        for table, rows in extraction_rows(
            extraction, pipeline_version=pipeline_version, run_id=run_id
        ).items():
            tables[table].extend(rows)
    # Parents first, so a reader of a half-written batch could never see orphans (it cannot
    # anyway: the batch is one transaction).
    for table in reversed(ARTICLE_TABLES):
        insert_rows(conn, table, tables[table])
    touched.update(row["actor_id"] for row in tables["article_actors"])
    refresh_registry(conn, touched)
    return Counter({table: len(rows) for table, rows in tables.items()})


def load_partition(
    conn: DuckDBPyConnection, folder: Path, article_ids: Sequence[str]
) -> Counter[str]:
    """Replace these articles' rows with a Parquet partition's (a Dask worker's output).

    ``folder`` holds ``<table>.parquet`` per table of :data:`ARTICLE_TABLES` (written from
    :func:`~dateline.storage.rows.extraction_rows`, so with the tables' columns). Call inside a
    transaction: the same all-or-nothing rule as :func:`write_batch`. Returns rows per table.
    """
    stored = stored_versions(conn, list(article_ids))
    touched = delete_articles(conn, [aid for aid in article_ids if aid in stored])
    counts: Counter[str] = Counter()
    for table in reversed(ARTICLE_TABLES):
        path = folder / f"{table}.parquet"
        if not path.exists():
            continue
        inserted = conn.execute(
            f"INSERT INTO {table} BY NAME SELECT * FROM read_parquet(?)", [str(path)]
        ).fetchone()
        counts[table] = int(inserted[0]) if inserted else 0
    actors = folder / "article_actors.parquet"
    if actors.exists():
        query = "SELECT DISTINCT actor_id FROM read_parquet(?)"
        touched.update(row[0] for row in conn.execute(query, [str(actors)]).fetchall())
    refresh_registry(conn, touched)
    return +counts
