"""Read-only connections for requests, short-lived, retried while another process holds the lock.

DuckDB lets one process write a file, and a process with the file open holds its lock: an
ingest takes it for one batch at a time (issue 12), and a reader holds a shared lock that keeps
the writer out. So the server never keeps the store open for long:

* requests that overlap in time share one read-only DuckDB instance (each gets its own cursor):
  opening the file costs 15-50 ms here, a cursor nothing;
* the instance closes :data:`LINGER` seconds after the last request ends, so an idle server
  holds no lock at all;
* while a writer (an ingest or merge, holding ``<store>.lock``: :mod:`dateline.storage.lock`)
  waits, an instance older than :data:`MAX_AGE` seconds takes no new requests: they wait for
  the running ones to end, the file is closed for :data:`GAP` seconds (a window for the
  writer), then opened again, which also shows what the writer committed meanwhile. With no
  writer the instance stays open while requests keep coming: nothing can change the file, and
  closing it would throw away DuckDB's cache and stall every request in flight every
  :data:`MAX_AGE` seconds;
* opening meets a writer's lock: retried after each of :data:`RETRY_PAUSES`, then the request
  fails with :class:`StoreBusy` (HTTP 503, "try again shortly").
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from dateline.errors import StoreError, StoreLocked
from dateline.storage.generation import reading_store
from dateline.storage.lock import writer
from dateline.storage.store import open_store, store_errors

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

#: Pauses between attempts to open a locked store (seconds): about 3 s in all, longer than an
#: ingest batch of 32 articles takes to commit.
RETRY_PAUSES: tuple[float, ...] = (0.02, 0.05, 0.1, 0.2, 0.4, 0.8, 1.5)
LINGER = 0.25
MAX_AGE = 2.0
GAP = 0.05


class StoreBusy(StoreError):
    """The store stayed locked by a writer through every retry."""


def open_reader(path: Path, pauses: tuple[float, ...] = RETRY_PAUSES) -> DuckDBPyConnection:
    """A read-only connection to ``path``, waiting up to ``sum(pauses)`` s while another process
    holds the lock. ``open_store`` retries, and tells an ingest that a reader waits
    (:mod:`dateline.storage.lock`): the ingest closes the store after its current batch."""
    try:
        return open_store(path, read_only=True, wait=sum(pauses))
    except StoreLocked:
        raise StoreBusy(
            f"Store {path} is locked by another process; it stayed locked for "
            f"{sum(pauses):.1f} s; try again shortly."
        ) from None


class SharedReader:
    """One read-only instance of a store shared by the requests running at the same time."""

    def __init__(
        self,
        path: Path,
        *,
        linger: float = LINGER,
        max_age: float = MAX_AGE,
        pauses: tuple[float, ...] = RETRY_PAUSES,
    ) -> None:
        self.path = path
        self.linger = linger
        self.max_age = max_age
        self.pauses = pauses
        self._cond = threading.Condition()
        self._conn: DuckDBPyConnection | None = None
        self._opened = 0.0
        self._active = 0
        self._last_release = 0.0
        self._draining = False
        self._timer_pending = False

    @property
    def is_open(self) -> bool:
        with self._cond:
            return self._conn is not None

    def acquire(self) -> DuckDBPyConnection:
        with self._cond:
            if self._conn is not None and time.monotonic() - self._opened > self.max_age:
                if writer(self.path) is not None:
                    self._draining = True
                else:  # nobody to let in: look again in max_age seconds
                    self._opened = time.monotonic()
            while self._draining and self._active:
                self._cond.wait()
            if self._draining:
                self._close()
                time.sleep(GAP)
                self._draining = False
                self._cond.notify_all()
            if self._conn is None:
                self._conn = open_reader(self.path, self.pauses)
                self._opened = time.monotonic()
            self._active += 1
            return self._conn.cursor()

    def release(self, cursor: DuckDBPyConnection) -> None:
        cursor.close()
        with self._cond:
            self._active -= 1
            self._last_release = time.monotonic()
            if self._active == 0:
                self._cond.notify_all()
                if self.linger <= 0:
                    self._close()
                elif not self._timer_pending:  # one timer at a time, not a thread a request
                    self._timer_pending = True
                    self._arm(self.linger)

    def _arm(self, delay: float) -> None:
        timer = threading.Timer(delay, self._close_if_idle)
        timer.daemon = True
        timer.start()

    def _close_if_idle(self) -> None:
        """Close the instance when no request ran for ``linger`` seconds; if some ended
        since the timer was set, look again ``linger`` after the last one ended; if some run,
        the last of them to end sets a timer."""
        with self._cond:
            if self._active:
                self._timer_pending = False
                return
            idle = time.monotonic() - self._last_release
            if idle >= self.linger * 0.9:
                self._timer_pending = False
                self._close()
            else:
                self._arm(self.linger - idle)

    def _close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            # forgotten even if closing fails: a half-closed instance kept here would fail
            # every later request ("Connection already closed"); the next opens a new one
            conn.close()

    def close(self) -> None:
        with self._cond:
            self._close()


_READERS: dict[Path, SharedReader] = {}
_READERS_LOCK = threading.Lock()


def shared_reader(path: Path) -> SharedReader:
    with _READERS_LOCK:
        reader = _READERS.get(path)
        if reader is None:
            reader = _READERS[path] = SharedReader(path)
        return reader


@contextmanager
def reading(path: Path) -> Iterator[DuckDBPyConnection]:
    """A read-only cursor on the store at ``path`` for one request."""
    reader = shared_reader(Path(path))
    cursor = reader.acquire()
    try:
        with store_errors(path), reading_store(Path(path)):
            yield cursor
    finally:
        reader.release(cursor)
