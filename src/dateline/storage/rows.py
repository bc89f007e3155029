"""An :class:`~dateline.model.Extraction` as flat rows, one list per table.

Each row comes from its record's declaration (:data:`dateline.schema.TABLES`), which says how
the contract's nested records map onto the store's columns (``migrations/``): a span named X
becomes ``X_start, X_end, X_text``; a record's own span is ``start_char, end_char, text``. The
rows become Arrow tables (:func:`arrow_table`) that DuckDB inserts by column name, and that a
Parquet writer can write unchanged, so a Parquet partition has exactly the columns of the table
it mirrors.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from dateline.model import Extraction
from dateline.schema import EVENT, TABLES, link_rows
from dateline.version import __version__

if TYPE_CHECKING:
    import pyarrow as pa

Row = dict[str, Any]

#: Tables filled per article, children first (the order rows are deleted in).
ARTICLE_TABLES: tuple[str, ...] = (
    "article_actors",
    "mentions",
    "times",
    "places",
    "quotes",
    "event_actors",
    "events",
    "claims",
    "articles",
)
#: Per-article rows that are not records: the MinHash signature of the text and its LSH bands
#: (:mod:`dateline.corpus.dedup`), written with the article and replaced with it.
SIGNATURE_TABLES: tuple[str, ...] = ("article_bands", "article_minhashes")
#: Every table an article's rows go to, children first.
STORED_TABLES: tuple[str, ...] = SIGNATURE_TABLES + ARTICLE_TABLES


def article_row(extraction: Extraction, *, pipeline_version: str, run_id: int | None) -> Row:
    """The article's row: its declared columns, then what the writer knows (``Table.extra``)."""
    article = extraction.article
    return {
        **TABLES["articles"].row(article),
        "content_hash": article.content_hash,
        "pipeline_version": pipeline_version,
        "model": extraction.model,
        "stages": list(extraction.stages),
        "dateline_version": __version__,
        "run_id": run_id,
        "ingested_at": dt.datetime.now(),
    }


def extraction_rows(
    extraction: Extraction, *, pipeline_version: str, run_id: int | None = None
) -> dict[str, list[Row]]:
    """Every row one article contributes, keyed by table name."""
    aid = extraction.article.id
    mentions = sorted(
        (m for actor in extraction.actors for m in actor.mentions),
        key=lambda m: (m.span.start, m.span.end),
    )
    # records without an id (mentions, times, places) are numbered by their position: seq
    numbered: dict[str, Sequence[Any]] = {
        "mentions": mentions,
        "times": extraction.times,
        "places": extraction.places,
    }
    with_id: dict[str, Sequence[Any]] = {
        "article_actors": extraction.actors,
        "quotes": extraction.quotes,
        "events": extraction.events,
        "claims": extraction.claims,
    }
    rows: dict[str, list[Row]] = {
        "articles": [article_row(extraction, pipeline_version=pipeline_version, run_id=run_id)],
        **{
            table: [TABLES[table].row(item, article_id=aid, seq=i) for i, item in enumerate(items)]
            for table, items in numbered.items()
        },
        **{
            table: [TABLES[table].row(item, article_id=aid) for item in items]
            for table, items in with_id.items()
        },
        "event_actors": [row for e in extraction.events for row in link_rows(EVENT, aid, e)],
    }
    return {table: rows[table] for table in TABLES}  # parents first


@cache
def arrow_schemas() -> dict[str, pa.Schema]:
    """The Arrow schema of every per-article table, read from an in-memory store.

    Taken from the migrations themselves, so rows, the DuckDB tables and Parquet partitions
    cannot drift apart.
    """
    import duckdb

    from dateline.storage.schema import migrate

    conn = duckdb.connect(":memory:")
    try:
        migrate(conn)
        return {
            table: conn.sql(f"SELECT * FROM {table} LIMIT 0").to_arrow_table().schema
            for table in STORED_TABLES
        }
    finally:
        conn.close()


def arrow_table(table: str, rows: list[Row]) -> pa.Table:
    import pyarrow as pa

    return pa.Table.from_pylist(rows, schema=arrow_schemas()[table])
