"""A digest of everything a store holds about its articles: two stores with equal digests hold
the same records, whatever order, batches, workers or interruptions produced them.

Left out: what says *when* and *by which run* rows were written (``run_id``, ``ingested_at``,
the ``runs`` and ``failures`` tables, the migrations' dates) and the corpus pass's work queue.
Rows are hashed in sorted order, so the digest does not depend on the order they were stored in.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

#: Tables that record the history of the store, not its content.
HISTORY_TABLES = frozenset({"runs", "failures", "schema_migrations", "corpus_queue"})
#: Columns that record when or by which run a row was written.
HISTORY_COLUMNS = frozenset({"run_id", "ingested_at"})


def table_digests(conn: DuckDBPyConnection) -> dict[str, str]:
    """table -> sha256 of its rows (sorted, without history columns), for every content table."""
    from dateline.storage.schema import store_tables

    digests = {}
    for table in store_tables(conn):
        if table in HISTORY_TABLES:
            continue
        columns = [
            name
            for (name,) in conn.execute(
                "SELECT column_name FROM duckdb_columns() WHERE table_name = ? "
                "AND schema_name = 'main' ORDER BY column_name",
                [table],
            ).fetchall()
            if name not in HISTORY_COLUMNS
        ]
        listed = ", ".join(f'"{c}"' for c in columns)
        digest = hashlib.sha256(listed.encode())
        for row in conn.execute(f"SELECT {listed} FROM {table} ORDER BY ALL").fetchall():
            digest.update(repr(row).encode())
        digests[table] = digest.hexdigest()
    return digests


def store_digest(conn: DuckDBPyConnection) -> str:
    """One sha256 over :func:`table_digests`."""
    digest = hashlib.sha256()
    for table, value in sorted(table_digests(conn).items()):
        digest.update(f"{table}={value};".encode())
    return digest.hexdigest()
