"""Opening a dateline store (one DuckDB file), transactions, and errors the user can fix.

DuckDB allows one writer *process* per file, or several readers, not both at once
(https://duckdb.org/docs/connect/concurrency), so :func:`open_store` takes the file's lock for
writing only when asked to (``ingest``, ``merge``, ``migrate``); query commands open it
read-only. While an ingest runs, the file is locked by its writer between the moments it lets
readers in (:mod:`dateline.storage.lock`): :func:`open_store` then waits and tries again, up to
``wait`` seconds (for readers ``DATELINE_LOCK_WAIT``, 60 by default). Every DuckDB error that a
user can fix (no file, a file that is not a DuckDB database, a lock held too long by another
process, a store written by a newer dateline) becomes a one-line
:class:`~dateline.errors.StoreError` naming the fix.
"""

from __future__ import annotations

import os
import re
import time
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


def _open_error(path: Path, exc: Exception, *, waited: float = 0.0) -> StoreError:
    """Translate DuckDB's message about a file it cannot open into the problem and the fix."""
    message = str(exc)
    if _locked(exc):
        pid = _PID.search(message)
        held = f" (pid {pid[1]})" if pid else ""
        if waited:
            return StoreLocked(
                f"Store {path} stayed locked by another process{held} for {waited:g} s. "
                "Wait for it to finish (or set DATELINE_LOCK_WAIT to wait longer), or use "
                "another --db."
            )
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


def read_wait() -> float:
    """Seconds a reader waits for a writer to let it in (``DATELINE_LOCK_WAIT``, default 60)."""
    try:
        return max(0.0, float(os.environ.get("DATELINE_LOCK_WAIT", "60")))
    except ValueError:
        return 60.0


def _locked(exc: Exception) -> bool:
    message = str(exc)
    return "Could not set lock" in message or "Conflicting lock" in message


def _connect(path: Path, *, read_only: bool, wait: float) -> DuckDBPyConnection:
    """``duckdb.connect``, tried again while another process holds the file, up to ``wait`` s."""
    import duckdb

    from dateline.storage.lock import waiting_to_read

    deadline = time.monotonic() + wait
    pause = 0.02
    # A writer tries often: a server lets writers in through short gaps between its readers.
    longest = 0.25 if read_only else 0.05
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.Error as exc:
        if not _locked(exc) or wait <= 0:
            raise _open_error(path, exc) from None
    # A reader says it waits, so that an ingest lets it in between two batches.
    with waiting_to_read(path) if read_only else _nothing():
        while True:
            time.sleep(min(pause, max(0.0, deadline - time.monotonic())))
            pause = min(pause * 2, longest)
            try:
                return duckdb.connect(str(path), read_only=read_only)
            except duckdb.Error as exc:
                if not _locked(exc) or time.monotonic() >= deadline:
                    raise _open_error(path, exc, waited=wait) from None


@contextmanager
def _nothing() -> Iterator[None]:
    yield


def open_store(
    path: Path | str, *, read_only: bool = False, wait: float | None = None
) -> DuckDBPyConnection:
    """Open the store at ``path``, migrated to this dateline's schema.

    For writing (``read_only=False``) a missing file is created and pending migrations are
    applied. For reading, the file must exist and be at the current schema version. While
    another process holds the file, wait up to ``wait`` seconds (default: :func:`read_wait` to
    read, none to write) for it to let go.
    """
    path = Path(path)
    _check_store_file(path)
    if read_only and not path.exists():
        raise missing_store(path)
    if not read_only and not path.parent.exists():
        raise StoreError(
            f"Folder {path.parent} for store {path} does not exist. Create it, or use another --db."
        )
    if wait is None:
        wait = read_wait() if read_only else 0.0
    conn = _connect(path, read_only=read_only, wait=wait)
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
    if _locked(exc) or "not a valid DuckDB database" in message:
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
def connect(
    path: Path | str, *, read_only: bool = False, wait: float | None = None
) -> Iterator[DuckDBPyConnection]:
    """``open_store`` as a context manager that closes the connection."""
    conn = open_store(path, read_only=read_only, wait=wait)
    try:
        with store_errors(path):
            yield conn
    finally:
        conn.close()


#: Seconds a writer waits to open the store again after letting readers in: readers are short
#: (a query), so only a reader that keeps the store open for minutes makes an ingest give up.
WRITER_WAIT = 600.0


class WriterSession:
    """A writer's connection to a store, opened when needed and closed when readers wait.

    ``conn`` opens the store for writing (waiting for readers that hold it, up to
    :data:`WRITER_WAIT` seconds after the first open); :meth:`let_readers_in` closes it when a
    reader waits (:func:`dateline.storage.lock.readers_waiting`), between two transactions.
    """

    def __init__(self, path: Path, *, first_wait: float | None = None) -> None:
        self.path = path
        self._conn: DuckDBPyConnection | None = None
        self._wait = read_wait() if first_wait is None else first_wait
        self.reopened = 0

    @property
    def conn(self) -> DuckDBPyConnection:
        if self._conn is None:
            self._conn = open_store(self.path, wait=self._wait)
            self.reopened += 1
            self._wait = max(self._wait, WRITER_WAIT)
        return self._conn

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    def let_readers_in(self) -> None:
        from dateline.storage.lock import readers_waiting

        if self._conn is not None and readers_waiting(self.path):
            self.release()

    def release(self) -> None:
        if self._conn is not None:
            conn, self._conn = self._conn, None
            conn.close()
