"""Recorded, numbered, transactional schema migrations.

Each migration is a SQL file ``migrations/NNNN_name.sql``; ``NNNN`` is its version. A store
records every migration applied to it in ``schema_migrations`` (version, name, applied_at,
dateline_version). Opening a store for writing applies the pending migrations in order, each in
its own transaction, so a failed migration leaves the store at the previous version. A store
whose newest migration is unknown to this dateline was written by a newer dateline and is
refused rather than guessed at. The pattern follows sqlite-utils' ``migrations.py``.

Never edit a released migration: add the next number instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from dateline.version import __version__

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

_FILE = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")

CREATE_MIGRATIONS_TABLE = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version          INTEGER PRIMARY KEY,
    name             VARCHAR NOT NULL,
    applied_at       TIMESTAMP NOT NULL,
    dateline_version VARCHAR NOT NULL
)
"""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


@cache
def migrations() -> tuple[Migration, ...]:
    """The migrations shipped with this dateline, in version order."""
    folder = resources.files("dateline.storage") / "migrations"
    found = []
    for entry in folder.iterdir():
        match = _FILE.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):  # a gap means a file went missing
        raise RuntimeError(f"dateline's migrations are not numbered 1..n: {versions}")
    return tuple(found)


def latest_version() -> int:
    return migrations()[-1].version


def has_migrations_table(conn: DuckDBPyConnection) -> bool:
    row = conn.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'schema_migrations' "
        "AND schema_name = 'main'"
    ).fetchone()
    return bool(row and row[0])


def user_tables(conn: DuckDBPyConnection) -> list[str]:
    rows = conn.execute(
        "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'"
    ).fetchall()
    return [row[0] for row in rows]


def store_tables(conn: DuckDBPyConnection) -> list[str]:
    """Every table of the store, by name (the exports write one file each; the digest hashes
    them). Here, not in exports, so that storage never imports the exports above it."""
    rows = conn.execute(
        "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' ORDER BY table_name"
    ).fetchall()
    return [row[0] for row in rows]


def current_version(conn: DuckDBPyConnection) -> int:
    """The newest migration recorded in the store (0 for a store without any)."""
    if not has_migrations_table(conn):
        return 0
    row = conn.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()
    return int(row[0]) if row else 0


def pending(conn: DuckDBPyConnection) -> list[Migration]:
    applied = current_version(conn)
    return [m for m in migrations() if m.version > applied]


def migrate(conn: DuckDBPyConnection) -> list[Migration]:
    """Apply the pending migrations, one transaction each; return those applied."""
    done = []
    for migration in pending(conn):
        conn.execute("BEGIN TRANSACTION")
        try:
            conn.execute(CREATE_MIGRATIONS_TABLE)
            conn.execute(migration.sql)
            conn.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, current_localtimestamp(), ?)",
                [migration.version, migration.name, __version__],
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        done.append(migration)
    return done
