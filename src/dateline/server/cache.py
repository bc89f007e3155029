"""A cache of whole responses for as long as the store does not change.

The server only reads, so the answer to a URL changes only when an ingest writes the store.
Every request stats the store's file and its write-ahead log (microseconds); a response is
reused only if both are unchanged since it was made. Only successful GET answers are kept,
each of at most :data:`MAX_ENTRY` bytes, least recently used first out once the cache holds
``max_bytes``, so its memory has a ceiling. ``dateline serve --cache-mb 0`` turns it off.
The header ``X-Dateline-Cache: hit`` or ``miss`` says which an answer was.

Parts of answers are kept the same way, whatever the cache's size (:class:`KeptParts`): an
event's CSV line, JSON and row of the events table, a quote's JSON and row of the quotes
table, a timeline entry's HTML and JSON, an actor's document (its profile and newest quotes,
the data of its page and its API answer) depend only on the store's content, and one part
serves every URL whose answer holds it (any filter, sort or page), not one URL.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dateline.storage.generation import generation

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: Larger answers (big CSV or Parquet downloads) are never kept.
MAX_ENTRY = 2 * 2**20

#: Memory for the parts of answers of one kind kept for a store generation, at most
#: (:class:`KeptParts`; characters or bytes). Every event of the 1,796 press releases would
#: take 25.5 MB of CSV lines and 44 MB of rows of the events table; every quote 12.5 Mi
#: characters (25.4 MB) of rows of the quotes table and 18.9 MiB of JSON (16 MiB kept).
MAX_KEPT_CHARS = 16 * 2**20

#: Memory for the actor documents kept for a store generation, at most, in characters of their
#: JSON (:func:`dateline.server.api.actor_document`). A document held as Python objects takes
#: about 3.5 times its JSON: the documents of all 7,945 actors of the 1,796 press releases are
#: 8.3 MiB of JSON and 29 MB of objects, so this ceiling is about 14 MB.
MAX_KEPT_ACTOR_CHARS = 4 * 2**20


class KeptParts(dict[Any, Any]):
    """Parts of answers that depend only on the store's content (an event's CSV line, its
    row of the events table, a timeline entry), by key, for one store generation: filled as
    answers first make them, until they hold :data:`MAX_KEPT_CHARS` (then the rest is made
    every time), so their memory has a ceiling. Two threads may make one part at once: both
    make the same value."""

    size: int = 0

    def keep(
        self, key: Any, value: Any, *, size: int | None = None, ceiling: int | None = None
    ) -> Any:
        """``value``, kept under ``key`` while there is room: ``size`` is what it counts
        against the ceiling (its length unless given), ``ceiling`` that of its kind
        (:data:`MAX_KEPT_CHARS` unless given)."""
        length = len(value) if size is None else size
        if self.size + length <= (MAX_KEPT_CHARS if ceiling is None else ceiling):
            self[key] = value
            self.size += length
        return value

    def many(self, keys: list[Any], make: Callable[[list[Any]], list[Any]]) -> list[Any]:
        """The parts of ``keys``, in their order: those not kept made by ``make`` (given the
        keys missing, in order; it returns their parts in the same order) and kept."""
        found = [self.get(key) for key in keys]
        missing = [key for key, part in zip(keys, found, strict=True) if part is None]
        if not missing:
            return found
        made = dict(zip(missing, make(missing), strict=True))
        return [
            self.keep(key, made[key]) if part is None else part
            for key, part in zip(keys, found, strict=True)
        ]


def kept_parts(conn: DuckDBPyConnection, name: str) -> KeptParts:
    """The parts ``name`` kept for the generation of the store ``conn`` reads (a new, empty
    one each time for a store that is not read-only: nothing is kept). Every kind shares one
    per-generation value (:data:`dateline.storage.generation.MAX_KEPT` counts values, and
    the indexes must not push each other out)."""
    from dateline.storage.generation import per_generation

    kinds: dict[str, KeptParts] = per_generation(conn, "kept_parts", dict)
    return kinds.setdefault(name, KeptParts())


class ResponseCache:
    """An ASGI middleware keeping whole GET responses of an unchanged store."""

    def __init__(self, app: ASGIApp, *, db: Path, max_bytes: int) -> None:
        self.app = app
        self.db = db
        self.max_bytes = max_bytes
        self.entries: OrderedDict[tuple[Any, ...], tuple[int, list[tuple[bytes, bytes]], bytes]]
        self.entries = OrderedDict()
        self.size = 0
        self.hits = 0
        self.misses = 0
        self.lock = threading.Lock()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or self.max_bytes <= 0:
            await self.app(scope, receive, send)
            return
        key = (scope["path"], scope["query_string"], generation(self.db))
        with self.lock:
            found = self.entries.get(key)
            if found is not None:
                self.entries.move_to_end(key)
                self.hits += 1
        if found is not None:
            status, headers, body = found
            headers = [*headers, (b"x-dateline-cache", b"hit")]
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        self.misses += 1
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def keep(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
                message = {
                    **message,
                    "headers": [*message.get("headers", []), (b"x-dateline-cache", b"miss")],
                }
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            await send(message)

        await self.app(scope, receive, keep)
        body = b"".join(chunks)
        if start.get("status") != 200 or len(body) > MAX_ENTRY:
            return
        if key[2] != generation(self.db):  # the store changed while this was being read
            return
        self._store(key, (200, list(start.get("headers", [])), body))

    def _store(
        self, key: tuple[Any, ...], entry: tuple[int, list[tuple[bytes, bytes]], bytes]
    ) -> None:
        with self.lock:
            if key in self.entries:
                return
            self.entries[key] = entry
            self.size += len(entry[2])
            while self.size > self.max_bytes and self.entries:
                _, (_, _, dropped) = self.entries.popitem(last=False)
                self.size -= len(dropped)
