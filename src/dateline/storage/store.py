"""Opening a dateline store (one DuckDB file), transactions, and errors the user can fix.

DuckDB allows one writer *process* per file (https://duckdb.org/docs/connect/concurrency), so
:func:`open_store` takes the file's lock for writing only when asked to (``ingest``,
``migrate``); query commands open it read-only. Every DuckDB error that a user can fix (no
file, a file that is not a DuckDB database, a lock held by another process, a store written by
a newer dateline) becomes a one-line :class:`~dateline.errors.StoreError` naming the fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from dateline.errors import StoreError, StoreLocked
from dateline.storage import schema

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

_PID = re.compile(r"\(PID (\d+)\)")


def missing_store(path: Path) -> StoreError:
    return StoreError(
        f"No dateline store at {path}. Create one with: dateline ingest FILE --db {path}"
    )


def _open_error(path: Path, exc: Exception) -> StoreError:
    """Translate DuckDB's message about a file it cannot open into the problem and the fix."""
    message = str(exc)
    if "Could not set lock" in message or "Conflicting lock" in message:
        pid = _PID.search(message)
        held = f" (pid {pid[1]})" if pid else ""
        return StoreLocked(
            f"Store {path} is locked by another process{held}. "
            "Wait for it to finish or use another --db."
        )
    if "not a valid DuckDB database" in message or "Could not read enough bytes" in message:
        return StoreError(
            f"{path} is not a dateline store: it is not a DuckDB database, or it is corrupt. "
            "Give another --db, or move the file away and ingest again."
        )
    if "version number" in message or "newer version" in message.lower():
        return StoreError(
            f"Store {path} was written by a newer DuckDB than this one ({message.splitlines()[0]}). "
            "Upgrade dateline's duckdb, or use another --db."
        )
    if "does not exist" in message:
        return missing_store(path)
    first = message.splitlines()[0] if message else type(exc).__name__
    return StoreError(f"Cannot open store {path}: {first}. Check the file, or use another --db.")


#: DuckDB writes this magic at byte 8 of every database file (its main header).
_DUCKDB_MAGIC = b"DUCK"
#: Files DuckDB opens as an in-memory database with the file as a table, not as a store: given
#: to --db, reads failed with "Cannot launch in-memory database in read-only mode!" and an
#: ingest wrote into memory and lost everything. They are inputs, not stores.
_DATA_SUFFIXES = (".csv", ".tsv", ".json", ".jsonl", ".ndjson", ".parquet", ".txt", ".xlsx")


def _check_store_file(path: Path) -> None:
    """Refuse a --db that names an input file, or a file that is not a DuckDB database."""
    suffixes = "".join(path.suffixes).lower()
    if any(suffixes.endswith(s) or suffixes.endswith(s + ".gz") for s in _DATA_SUFFIXES):
        raise StoreError(
            f"--db {path} names a {path.suffix.lstrip('.').upper() or 'data'} file, not a "
            "dateline store. Give the store file (e.g. --db dateline.duckdb); articles to ingest "
            "are arguments: dateline ingest FILE --db dateline.duckdb"
        )
    if path.is_file() and path.stat().st_size >= 12:
        with path.open("rb") as handle:
            if handle.read(12)[8:12] != _DUCKDB_MAGIC:
                raise StoreError(
                    f"{path} is not a dateline store: it is not a DuckDB database, or it is "
                    "corrupt. Give another --db, or move the file away and ingest again."
                )


def open_store(path: Path | str, *, read_only: bool = False) -> DuckDBPyConnection:
    """Open the store at ``path``, migrated to this dateline's schema.

    For writing (``read_only=False``) a missing file is created and pending migrations are
    applied. For reading, the file must exist and be at the current schema version.
    """
    import duckdb

    path = Path(path)
    _check_store_file(path)
    if read_only and not path.exists():
        raise missing_store(path)
    if not read_only and not path.parent.exists():
        raise StoreError(
            f"Folder {path.parent} for store {path} does not exist. Create it, or use another --db."
        )
    try:
        conn = duckdb.connect(str(path), read_only=read_only)
    except duckdb.Error as exc:
        raise _open_error(path, exc) from None
    try:
        with store_errors(path):
            _check_schema(conn, path, read_only=read_only)
    except BaseException:
        conn.close()
        raise
    return conn


def _use_error(path: Path, exc: Exception) -> StoreError:
    """A DuckDB error met while reading or writing an open store."""
    message = str(exc)
    first = message.splitlines()[0] if message else type(exc).__name__
    if "No space left" in message:
        return StoreError(
            f"The disk holding store {path} is full ({first}). Free some space and run again; "
            "committed batches are kept."
        )
    if "Could not set lock" in message or "not a valid DuckDB database" in message:
        return _open_error(path, exc)
    return StoreError(
        f"Store {path} could not be read or written ({first}). It may be corrupt: move it away "
        "and ingest again, or use another --db."
    )


@contextmanager
def store_errors(path: Path | str) -> Iterator[None]:
    """Turn DuckDB errors inside the block into a one-line StoreError about ``path``."""
    import duckdb

    try:
        yield
    except duckdb.Error as exc:
        raise _use_error(Path(path), exc) from exc


def _check_schema(conn: DuckDBPyConnection, path: Path, *, read_only: bool) -> None:
    if not schema.has_migrations_table(conn) and schema.user_tables(conn):
        raise StoreError(
            f"{path} is a DuckDB database but not a dateline store (it has no schema_migrations "
            "table). Give another --db."
        )
    version = schema.current_version(conn)
    latest = schema.latest_version()
    if version > latest:
        raise StoreError(
            f"Store {path} has schema version {version}, newer than this dateline knows "
            f"({latest}). Upgrade dateline (pip install -U dateline), or use another --db."
        )
    if version < latest:
        if read_only:
            if version == 0:
                raise missing_store(path)
            raise StoreError(
                f"Store {path} has schema version {version}; this dateline uses {latest}. "
                f"Upgrade it with: dateline migrate --db {path}"
            )
        _migrate(conn, path)


def _migrate(conn: DuckDBPyConnection, path: Path) -> None:
    import duckdb

    try:
        schema.migrate(conn)
    except duckdb.Error as exc:
        first = str(exc).splitlines()[0]
        version = schema.current_version(conn)
        raise StoreError(
            f"Could not upgrade store {path} beyond schema version {version} ({first}); it is "
            "unchanged at that version. Use this dateline with another --db, and report the error."
        ) from exc


@contextmanager
def transaction(conn: DuckDBPyConnection) -> Iterator[DuckDBPyConnection]:
    """All or nothing: commit when the block ends, roll back on any exception (even Ctrl-C)."""
    conn.execute("BEGIN TRANSACTION")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


@contextmanager
def connect(path: Path | str, *, read_only: bool = False) -> Iterator[DuckDBPyConnection]:
    """``open_store`` as a context manager that closes the connection."""
    conn = open_store(path, read_only=read_only)
    try:
        with store_errors(path):
            yield conn
    finally:
        conn.close()
