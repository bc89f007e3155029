"""Who may write a store, and how readers get in while an ingest runs.

DuckDB lets one process open a file for writing, or several for reading, never both at once
(https://duckdb.org/docs/connect/concurrency). A long ingest must still let ``dateline events``,
``stats`` or the server read, so dateline adds two advisory locks (``flock``) beside the store:

* ``<store>.lock``, held exclusively for the whole of an ``ingest`` or ``merge``: one writer at a
  time, and a run left 'running' in the ``runs`` table by a process that no longer holds it was
  cut off (the kernel drops the lock of a killed process). It holds the writer's pid.
* ``<store>.readers``, held shared by a reader while it waits to open the store: the writer sees
  it between batches (and every quarter second while it waits for its workers) and closes its
  DuckDB connection, which it reopens for the next batch. So the writer holds the DuckDB lock
  for a batch at a time while someone wants to read, and for the whole run otherwise (an open
  and a close cost about 0.1 s, and the checkpoint on close more on a large store).

Both files stay beside the store (they are empty but for a pid). On a system without ``fcntl``
(Windows) the locks are not taken: one writer is then only DuckDB's own rule.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from dateline.errors import StoreError

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Linux or macOS
    fcntl = None  # type: ignore[assignment]


def lock_path(store: Path) -> Path:
    return store.with_name(store.name + ".lock")


def readers_path(store: Path) -> Path:
    return store.with_name(store.name + ".readers")


def _open(path: Path) -> int | None:
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:  # a read-only folder: nobody can write the store there anyway
        return None


@contextlib.contextmanager
def writer_lock(store: Path, command: str = "ingest") -> Iterator[None]:
    """Hold ``<store>.lock`` for the block; a StoreError naming the holder when another has it."""
    if fcntl is None:
        yield
        return
    fd = _open(lock_path(store))
    if fd is None:
        yield
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            raise StoreError(
                f"Store {store} is being written by another dateline process{holder}. Wait for "
                "it to finish (queries work meanwhile), or use another --db."
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()} {command}\n".encode())
        yield
    finally:
        os.close(fd)  # releases the lock


def _holder(fd: int) -> str:
    try:
        words = os.pread(fd, 100, 0).decode().split()
    except (OSError, UnicodeDecodeError):
        return ""
    return f" (pid {words[0]}: {' '.join(words[1:])})" if words else ""


def writer(store: Path) -> str | None:
    """'pid command' of the process writing ``store`` now, or None when nobody is."""
    if fcntl is None or not lock_path(store).exists():
        return None
    fd = _open(lock_path(store))
    if fd is None:
        return None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return _holder(fd).strip(" ()").replace(":", "") or "another process"
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)


@contextlib.contextmanager
def waiting_to_read(store: Path) -> Iterator[None]:
    """Tell a writer, for the block, that a reader waits for the store."""
    fd = _open(readers_path(store)) if fcntl is not None and store.parent.exists() else None
    if fd is None:
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_SH)
        yield
    finally:
        os.close(fd)


def readers_waiting(store: Path) -> bool:
    """Whether some reader waits for ``store`` (holds ``<store>.readers``)."""
    if fcntl is None or not readers_path(store).exists():
        return False
    fd = _open(readers_path(store))
    if fd is None:
        return False
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)
