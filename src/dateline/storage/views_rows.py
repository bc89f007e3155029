"""Rows of a store kept in memory by key, for pages that show a few of many rows.

A page of a timeline or of the events table shows 50-100 rows picked from tens of thousands
(the 30,122 merged events of the 1,796 press releases). DuckDB finds them by scanning every
column of the whole table: 5-10 ms of CPU per query, three such queries per timeline page,
whatever the page's size; a query of one row costs 1 ms. The server reads the same store for
as long as it is unchanged, so once per store generation (:mod:`dateline.storage.generation`)
a :class:`KeyedRows` reads a query's rows once and keeps each row pickled under its key:
fetching a page's 60 rows is then 0.2 ms instead of 8.

Pickled rows (bytes, one object per key) rather than tuples of Python values: 12 MB for the
merged events against about three times that as live objects, and nothing for the garbage
collector to walk. A row read back is exactly what ``fetchall`` gave (the same Python types).
Only bytes pickled here, in this process, from the store's rows are ever unpickled: nothing
from a request or a file reaches ``pickle.loads``.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

Row = dict[str, Any]


@dataclass(frozen=True)
class KeyedRows:
    """Rows of one query, pickled, under a key made from each row."""

    columns: tuple[str, ...]
    by_key: dict[Hashable, bytes]

    @classmethod
    def read(
        cls,
        conn: DuckDBPyConnection,
        sql: str,
        key: Callable[[tuple[Any, ...]], Hashable],
        *,
        grouped: bool = False,
    ) -> KeyedRows:
        """The rows of ``sql`` by ``key(row)``; with ``grouped`` every row of a key, in the
        query's order (one list per key), else the one row of each key."""
        cursor = conn.execute(sql)
        columns = tuple(d[0] for d in cursor.description or [])
        rows = cursor.fetchall()
        by_key: dict[Hashable, bytes] = {}
        if grouped:
            groups: dict[Hashable, list[tuple[Any, ...]]] = {}
            for row in rows:
                groups.setdefault(key(row), []).append(row)
            for name, group in groups.items():
                by_key[name] = pickle.dumps(group, protocol=pickle.HIGHEST_PROTOCOL)
        else:
            for row in rows:
                by_key[key(row)] = pickle.dumps(row, protocol=pickle.HIGHEST_PROTOCOL)
        return cls(columns, by_key)

    def row(self, key: Hashable) -> Row | None:
        """The row of ``key`` as a dict keyed by column name (None when there is none)."""
        data = self.by_key.get(key)
        return None if data is None else dict(zip(self.columns, pickle.loads(data), strict=True))

    def rows(self, keys: Iterable[Hashable]) -> dict[Hashable, Row]:
        """The rows of ``keys`` that exist, by key."""
        found = {}
        for key in keys:
            row = self.row(key)
            if row is not None:
                found[key] = row
        return found

    def group(self, key: Hashable) -> list[Row]:
        """Every row of ``key`` (a ``grouped`` read), in the query's order."""
        data = self.by_key.get(key)
        if data is None:
            return []
        return [dict(zip(self.columns, row, strict=True)) for row in pickle.loads(data)]
