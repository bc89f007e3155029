"""A read-only connection per request, retried briefly while another process holds the lock.

DuckDB lets one process write a file, and a process that writes holds the file's lock; an
ingest takes it for one batch at a time (issue 12), so a request that meets the lock waits a
little and tries again. Connections live for one request only: a long-lived one would hold a
shared lock and keep the ingest from ever writing.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from dateline.errors import StoreError, StoreLocked
from dateline.storage.store import open_store, store_errors

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

#: Pauses between attempts to open a locked store (seconds): about 3 s in all, longer than an
#: ingest batch of 32 articles takes to commit.
RETRY_PAUSES: tuple[float, ...] = (0.02, 0.05, 0.1, 0.2, 0.4, 0.8, 1.5)


class StoreBusy(StoreError):
    """The store stayed locked by a writer through every retry."""


def open_reader(path: Path, pauses: tuple[float, ...] = RETRY_PAUSES) -> DuckDBPyConnection:
    for pause in (*pauses, None):
        try:
            return open_store(path, read_only=True)
        except StoreLocked as exc:
            if pause is None:
                raise StoreBusy(
                    f"{exc} The store stayed locked for {sum(pauses):.1f} s; try again shortly."
                ) from None
            time.sleep(pause)
    raise AssertionError("unreachable")  # pragma: no cover


@contextmanager
def reading(path: Path) -> Iterator[DuckDBPyConnection]:
    """A read-only connection to ``path`` for one request, closed after it."""
    conn = open_reader(path)
    try:
        with store_errors(path):
            yield conn
    finally:
        conn.close()
