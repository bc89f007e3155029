"""Values derived from a store, computed once while the store is unchanged.

A reader may keep things it derived from the whole store (the spellings of every actor, the
registry's names) for as long as the store's content stays the same. The content is identified
by its **generation**: size, modification time and inode of the file and of its write-ahead
log. The generation is only trusted for a read-only connection: while any process has the file
open read-only, DuckDB's lock keeps every writer out, so the files cannot change under it. A
writable (or in-memory) connection gets a fresh value every time.

The server's response cache (:mod:`dateline.server.cache`) keys its answers on the same
generation.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

T = TypeVar("T")
Generation = tuple[Any, ...]

#: Derived values kept at most (several stores, or a store and its older generations). The
#: server asks for 16 per generation (tests/server/test_server_reads.py counts them): with
#: less room than that, a page would push out an index that another page rebuilds at once
#: (0.2-2 s each).
MAX_KEPT = 24


def generation(db: Path) -> Generation:
    """What identifies the store's content: size, mtime and inode of the file and its WAL."""
    marks: list[Any] = []
    for path in (db, db.with_name(db.name + ".wal")):
        try:
            stat = os.stat(path)
        except FileNotFoundError:
            marks.append(None)
        else:
            marks.append((stat.st_size, stat.st_mtime_ns, stat.st_ino))
    return tuple(marks)


@dataclass
class _Declared:
    """A store read through read-only connections for the length of a block, and what
    :func:`per_generation` keys on (its resolved path and generation), found once for the
    block: no writer can change the file while a read-only connection holds it, and a
    request asks for four to ten per-generation values (each a ``realpath`` and two
    ``stat`` calls otherwise)."""

    path: Path
    where: tuple[str, Generation] | None = None


#: The store that the current request reads through a read-only connection, when its
#: reader says so (:func:`reading_store`): saves asking DuckDB on every call.
_READING: ContextVar[_Declared | None] = ContextVar("dateline_reading_store", default=None)


@contextmanager
def reading_store(path: Path) -> Iterator[None]:
    """Declare, for the block, that the connections used are read-only ones on ``path``."""
    token = _READING.set(_Declared(path))
    try:
        yield
    finally:
        _READING.reset(token)


def read_only_path(conn: DuckDBPyConnection) -> Path | None:
    """The file of the store ``conn`` reads, when it is open read-only (None otherwise)."""
    declared = _READING.get()
    if declared is not None:
        return declared.path
    row = conn.execute(
        "SELECT path, readonly FROM duckdb_databases() WHERE database_name = current_database()"
    ).fetchone()
    if row is None or not row[0] or not row[1]:
        return None
    return Path(row[0])


_KEPT: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
_LOCK = threading.Lock()
#: One lock per value being built.
_BUILDING: dict[tuple[Any, ...], threading.Lock] = {}

#: Called after a value is built and kept, with whether the build pushed out the last value
#: kept of an older generation (or of another store): the server freezes the garbage
#: collector's generations there, and collects what the older generation left in cycles
#: (:func:`dateline.server.app.settle_collector`).
AFTER_BUILD: list[Callable[[bool], None]] = []


def per_generation(conn: DuckDBPyConnection, name: str, build: Callable[[], T]) -> T:
    """``build()``, or the value it gave for this store's current generation under ``name``.

    ``build`` reads through ``conn``. Threads asking at once for a value not built yet wait for
    the first one to build it (16 clients must not build it 16 times).
    """
    declared = _READING.get()
    if declared is not None:
        if declared.where is None:
            declared.where = (str(declared.path.resolve()), generation(declared.path))
        key = (name, *declared.where)
    else:
        path = read_only_path(conn)
        if path is None:
            return build()
        key = (name, str(path.resolve()), generation(path))
    with _LOCK:
        if key in _KEPT:
            _KEPT.move_to_end(key)
            return _KEPT[key]
        building = _BUILDING.setdefault(key, threading.Lock())
    with building:
        with _LOCK:
            if key in _KEPT:
                return _KEPT[key]
        value = build()
        with _LOCK:
            _KEPT[key] = value
            _BUILDING.pop(key, None)
            pushed_out = []
            while len(_KEPT) > MAX_KEPT:
                pushed_out.append(_KEPT.popitem(last=False)[0])  # the value dropped here
            left = {kept[1:] for kept in _KEPT}
            gone = any(old[1:] not in left for old in pushed_out)
    for hook in AFTER_BUILD:
        hook(gone)
    return value
