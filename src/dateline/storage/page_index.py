"""Pages of events and quotes ordered, cut and counted from per-generation arrays, not SQL.

A filtered events page (:func:`dateline.storage.search.event_table`) needs the events its
filter selects three times: to count them per type, quad, factuality and place country, to
count their sources and targets, and to sort them for its page. In SQL that was a temporary
table of the matching events with their sort keys, two scans of it (the second joined to
``event_actors``) and a top-N sort: 25-40 ms of DuckDB on the 1,796 press releases, and a
``sort=source`` or ``target`` looked up each matching event's first name in a correlated
subquery. Only the filter depends on the request, so once per store generation
(:mod:`dateline.storage.generation`) this module keeps, by event position:

* each event's facet values as small integer codes, and each ``event_actors`` row as (event,
  actor code) per role;
* for each sort and direction asked for, the rank of every event in the SQL's own order
  (``ORDER BY k0 ... NULLS LAST, k1, k2, article_id, k4, event_id``, computed once by DuckDB
  over every event): the order is total (no two events share an article and event id), so
  the matching events in rank order are exactly the SQL's order of them.

A request then asks DuckDB only for the rowids its filter selects, and counts and sorts them
with numpy. The counts are SQL's ``count(*)``: an actor twice on one side of an event counts
twice; values that are NULL are not facets; ties are broken by value, as SQL's
``ORDER BY n DESC, value``. A store's rowids stay put while it is read-only, which is the only
time this is kept.

Quotes (:class:`QuoteIndex`) the same way, for the searches by speaker and kinds alone (an
actor page's 20 latest quotes): chosen by their speaker's and kind's codes with no SQL at all.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    from duckdb import DuckDBPyConnection

    from dateline.storage.search import EventSearch, QuoteSearch

Facets = dict[str, list[tuple[Any, int]]]


@dataclass(frozen=True)
class Coded:
    """One column as codes into its distinct values, sorted (code -1: NULL)."""

    codes: np.ndarray
    values: list[Any]

    @classmethod
    def of(cls, column: list[Any]) -> Coded:
        import numpy as np

        values = sorted({v for v in column if v is not None})
        code = {v: i for i, v in enumerate(values)}
        return cls(np.array([code.get(v, -1) for v in column], dtype=np.int32), values)

    @cached_property
    def code(self) -> dict[Any, int]:
        """Value -> code (made once, not per search: 0.5 ms for 5,000 actors)."""
        return {v: i for i, v in enumerate(self.values)}

    @cached_property
    def by_code(self) -> tuple[np.ndarray, np.ndarray]:
        """The positions grouped by code (a stable sort of the codes: each group in order of
        position; int32) and where each code's group starts (code c: ``starts[c]`` up to
        ``starts[c + 1]``; NULLs before ``starts[0]``): made once per store generation, 4
        bytes a position (1.5 MB for every column of the indexes of the 1,796 press
        releases), so that a test of a few values reads their positions instead of comparing
        every code (``np.isin``: 60 us for 4 speakers among 18,595 quotes, 11% of a quotes
        page's samples)."""
        import numpy as np

        order = np.argsort(self.codes, kind="stable").astype(np.int32)
        starts = np.searchsorted(self.codes[order], np.arange(len(self.values) + 1))
        return order, starts

    def positions(self, wanted: list[Any] | tuple[Any, ...]) -> np.ndarray:
        """The positions holding one of ``wanted`` (grouped by value, not sorted)."""
        import numpy as np

        code = self.code
        order, starts = self.by_code
        groups = [order[starts[code[v]] : starts[code[v] + 1]] for v in wanted if v in code]
        if len(groups) == 1:
            return groups[0]
        return np.concatenate(groups) if groups else np.zeros(0, dtype=np.int32)

    def among(self, wanted: list[Any] | tuple[Any, ...]) -> np.ndarray:
        """Whether each position holds one of ``wanted`` (a new boolean array)."""
        import numpy as np

        picked = np.zeros(len(self.codes), dtype=bool)
        picked[self.positions(wanted)] = True
        return picked

    def top(self, chosen: np.ndarray | None, top: int) -> list[tuple[Any, int]]:
        """The ``top`` most frequent values at positions ``chosen`` (None: every position; or
        a boolean mask of them), most frequent first, ties by value."""
        import numpy as np

        codes = self.codes if chosen is None else self.codes[chosen]
        # NULL (-1) counted in slot 0 and dropped: no mask and copy of the non-NULL codes
        counts = np.bincount(codes + 1, minlength=len(self.values) + 1)[1:]
        present = np.flatnonzero(counts)
        # values are sorted, so their codes order ties by value: stable sort by count only
        order = present[np.argsort(-counts[present], kind="stable")][:top]
        return [(self.values[i], int(counts[i])) for i in order]


@dataclass
class Ranked:
    """Rows of one table by position, and their orders (see the module docstring)."""

    positions: np.ndarray  # rowid -> position (-1: none)
    keys: list[tuple[str, str]]  # position -> the row's key
    order_sql: Callable[[str, bool], str]  # (sort, descending) -> the rowids in that order
    _orders: dict[tuple[str, bool], tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def chosen(self, rowids: Any) -> np.ndarray:
        """The positions of the rows of ``rowids`` (as ``fetchnumpy`` gave them)."""
        import numpy as np

        return self.positions[np.asarray(rowids, dtype=np.int64)]

    def order(
        self, conn: DuckDBPyConnection, sort: str, descending: bool
    ) -> tuple[np.ndarray, np.ndarray]:
        """(rank by position, position by rank) of ``sort`` in ``descending`` order, read
        through ``conn`` the first time it is asked for."""
        import numpy as np

        key = (sort, descending)
        with self._lock:
            found = self._orders.get(key)
            if found is None:
                ordered = conn.execute(self.order_sql(sort, descending)).fetchnumpy()["rowid"]
                by_rank = self.positions[np.asarray(ordered, dtype=np.int64)]
                rank = np.full(len(self.keys), len(self.keys), dtype=np.int64)  # not in it: last
                rank[by_rank] = np.arange(len(by_rank))
                found = self._orders[key] = (rank, by_rank)
        return found

    def page(
        self, conn: DuckDBPyConnection, chosen: np.ndarray | None, search: EventSearch | QuoteSearch
    ) -> list[tuple[str, str]]:
        """The keys of the page of ``search`` among the rows at ``chosen`` (None: every row
        in the order), in its order."""
        import numpy as np

        limit, offset = search.limit, search.offset
        rank, by_rank = self.order(conn, search.sort, search.descending)
        if chosen is None:
            picked = by_rank[offset : offset + limit]
        else:
            ranks = rank[chosen]
            end = offset + limit
            if end < len(ranks):
                ranks = np.partition(ranks, end - 1)[:end]
            picked = by_rank[np.sort(ranks)[offset:end]]
        return [self.keys[p] for p in picked.tolist()]


@dataclass(frozen=True)
class EventIndex:
    """The events of one store generation by position (see the module docstring)."""

    rows: Ranked
    rowids: np.ndarray  # position -> rowid
    facets: dict[str, Coded]  # facet name -> its column by position
    sides: dict[str, tuple[np.ndarray, Coded]]  # role -> (event positions, actors)
    countries: tuple[np.ndarray, Coded]  # (event positions, a country of one of its actors)
    #: by position, days since 1970-01-01 of the event's latest and earliest date, each
    #: falling back on the other and on its article's date (NULL: no test holds; see below)
    dates: tuple[np.ndarray, np.ndarray]

    def since(self, day: dt.date) -> np.ndarray:
        """Whether each event (by position) ends on or after ``day`` (SQL's
        ``coalesce(e.date_latest, e.date_earliest, a.date) >= ?``)."""
        return self.dates[0] >= _days(day)

    def until(self, day: dt.date) -> np.ndarray:
        """Whether each event (by position) starts on or before ``day`` (SQL's
        ``coalesce(e.date_earliest, e.date_latest, a.date) <= ?``)."""
        return self.dates[1] <= _days(day)

    def with_actors(self, actors: list[str], roles: tuple[str, ...]) -> np.ndarray:
        """Whether each event (by position) has one of ``actors`` in one of ``roles`` (SQL's
        ``EXISTS (... event_actors x ... x.role = ... AND x.actor_id IN (...))``)."""
        import numpy as np

        picked = np.zeros(len(self.rowids), dtype=bool)
        for role in roles:
            events, coded = self.sides[role]
            picked[events[coded.positions(actors)]] = True
        return picked

    def holding(self, rowids: list[int]) -> np.ndarray:
        """Whether each event (by position) is one of ``rowids``."""
        import numpy as np

        picked = np.zeros(len(self.rowids), dtype=bool)
        picked[self.rows.chosen(rowids)] = True
        return picked

    def in_country(self, country: str, facet: str) -> np.ndarray:
        """Whether each event (by position) is in ``country`` (the ``facet`` column) or with an actor
        of that country in its article (SQL's ``place_country = ? OR EXISTS (...)``)."""
        picked = self.facets[facet].among([country])
        events, coded = self.countries
        picked[events[coded.positions([country])]] = True
        return picked

    def facets_of(self, chosen: np.ndarray, top: int) -> Facets:
        """The facets of the events at ``chosen``: type, quad, factuality, country, then the
        most frequent sources and targets (actor ids)."""
        import numpy as np

        found = {name: coded.top(chosen, top) for name, coded in self.facets.items()}
        picked = np.zeros(len(self.rows.keys), dtype=bool)
        picked[chosen] = True
        for facet, role in (("source", "actor"), ("target", "recipient")):
            events, actors = self.sides[role]
            found[facet] = actors.top(picked[events], top)
        return found


def event_index(
    conn: DuckDBPyConnection, facets: dict[str, str], order_sql: Callable[[str, bool], str]
) -> EventIndex | None:
    """The store's :class:`EventIndex` (None for a store that is not read-only: SQL answers
    those), read once per store generation. ``facets``: facet name -> column of ``events e``;
    ``order_sql(sort, descending)``: the rowids of every event (of an article) in that order."""
    from dateline.storage.generation import per_generation, read_only_path

    if read_only_path(conn) is None:
        return None

    def read() -> EventIndex | None:
        import numpy as np

        columns = ", ".join(f"{column} AS {name}" for name, column in facets.items())
        found = conn.execute(
            f"SELECT rowid, article_id, event_id, {columns} FROM events e"
        ).fetchnumpy()
        rowids = found["rowid"].astype(np.int64)
        keys = _keys(found["article_id"], found["event_id"])
        positions = np.full(int(rowids.max()) + 1 if len(rowids) else 0, -1, dtype=np.int64)
        positions[rowids] = np.arange(len(rowids))
        at = {key: i for i, key in enumerate(keys)}
        coded = {name: Coded.of(_values(found[name])) for name in facets}
        sides = {}
        for role in ("actor", "recipient"):
            rows = conn.execute(
                "SELECT article_id, event_id, actor_id FROM event_actors WHERE role = ?", [role]
            ).fetchall()
            events = [at.get((a, e), -1) for a, e, _ in rows]
            kept = [i for i, p in enumerate(events) if p >= 0]  # SQL's join drops the others
            sides[role] = (
                np.array([events[i] for i in kept], dtype=np.int64),
                Coded.of([rows[i][2] for i in kept]),
            )

        countries = conn.execute(
            "SELECT DISTINCT x.article_id, x.event_id, y.country FROM event_actors x "
            "JOIN article_actors y ON y.article_id = x.article_id AND y.actor_id = x.actor_id "
            "WHERE y.country IS NOT NULL"
        ).fetchall()
        events_of = [at.get((a, e), -1) for a, e, _ in countries]
        kept_countries = [i for i, p in enumerate(events_of) if p >= 0]
        # NULL (and an event without its article, which SQL's join drops) fails both tests
        latest = np.full(len(keys), np.iinfo(np.int64).min, dtype=np.int64)
        earliest = np.full(len(keys), np.iinfo(np.int64).max, dtype=np.int64)
        dated = conn.execute(
            "SELECT e.rowid AS rowid, "
            "coalesce(e.date_latest, e.date_earliest, a.date) - DATE '1970-01-01' AS latest, "
            "coalesce(e.date_earliest, e.date_latest, a.date) - DATE '1970-01-01' AS earliest "
            "FROM events e JOIN articles a USING (article_id)"
        ).fetchnumpy()
        at_rows = positions[np.asarray(dated["rowid"], dtype=np.int64)]
        for name, into in (("latest", latest), ("earliest", earliest)):
            column = dated[name]
            known = ~np.ma.getmaskarray(column)
            into[at_rows[known]] = np.ma.getdata(column)[known].astype(np.int64)
        if len(at) != len(keys):  # two events of one key: SQL's joins count them otherwise
            return None
        return EventIndex(
            Ranked(positions, keys, order_sql),
            rowids,
            coded,
            sides,
            (
                np.array([events_of[i] for i in kept_countries], dtype=np.int64),
                Coded.of([countries[i][2] for i in kept_countries]),
            ),
            (latest, earliest),
        )

    return per_generation(conn, "event_index", read)


def _days(day: dt.date) -> int:
    """``day`` as days since 1970-01-01 (DuckDB's ``day - DATE '1970-01-01'``)."""
    return (day - dt.date(1970, 1, 1)).days


def _keys(articles: Any, ids: Any) -> list[tuple[str, str]]:
    """(article id, id) pairs, one string object per article (1,796 rather than 42,768)."""
    shared: dict[str, str] = {}
    return [
        (shared.setdefault(article, article), own)
        for article, own in zip(articles.tolist(), ids.tolist(), strict=True)
    ]


def _values(column: Any) -> list[Any]:
    """A fetched column as Python values, NULL as None (``fetchnumpy`` masks them)."""
    import numpy as np

    if isinstance(column, np.ma.MaskedArray):
        masked = np.ma.getmaskarray(column).tolist()
        return [None if m else v for v, m in zip(column.data.tolist(), masked, strict=True)]
    return list(column.tolist())


@dataclass(frozen=True)
class QuoteIndex:
    """The quotes (of an article) of one store generation by position, with their speaker
    and kind: a search by speaker and kinds alone (an actor page's quotes, a quotes page of
    one actor) is chosen, counted and paged here with no SQL (the SQL's ``speaker_actor IN
    (...) AND kind IN (...)``, then its order)."""

    rows: Ranked
    speakers: Coded
    kinds: Coded
    #: the speaker's country in the quote's article, else in the registry (None when a quote
    #: has two entries for its speaker in its article: SQL's join would count it twice)
    countries: Coded | None

    def facets(
        self, speakers: list[str] | None, kinds: tuple[str, ...], top: int
    ) -> tuple[Facets, int]:
        """The facets of a quotes page by speaker and kinds alone, and its number of quotes:
        kinds counted over the speaker's quotes of every kind, speakers and their countries
        over those of ``kinds`` (``countries`` must be known)."""
        import numpy as np

        assert self.countries is not None
        every = (
            np.ones(len(self.rows.keys), dtype=bool)
            if speakers is None
            else self.speakers.among(speakers)
        )
        chosen = np.flatnonzero(every & self.kinds.among(kinds))
        found = {
            "kind": self.kinds.top(np.flatnonzero(every), top),
            "speaker": self.speakers.top(chosen, top),
            "country": self.countries.top(chosen, top),
        }
        return found, len(chosen)

    def chosen(self, speakers: list[str] | None, kinds: tuple[str, ...]) -> np.ndarray:
        """The positions of the quotes by one of ``speakers`` (None: anyone) of ``kinds``."""
        import numpy as np

        mask = self.kinds.among(kinds)
        if speakers is not None:
            mask &= self.speakers.among(speakers)
        return np.flatnonzero(mask)


def quote_index(
    conn: DuckDBPyConnection, order_sql: Callable[[str, bool], str]
) -> QuoteIndex | None:
    """The store's :class:`QuoteIndex` (None for a store that is not read-only), read once per
    store generation. ``order_sql(sort, descending)``: the rowids of every quote (of an
    article) in that order."""
    from dateline.storage.generation import per_generation, read_only_path

    if read_only_path(conn) is None:
        return None

    def read() -> QuoteIndex | None:
        import numpy as np

        found = conn.execute(
            "SELECT q.rowid AS rowid, q.article_id, q.quote_id, q.speaker_actor, q.kind "
            "FROM quotes q JOIN articles a USING (article_id)"
        ).fetchnumpy()
        rowids = np.asarray(found["rowid"], dtype=np.int64)
        keys = _keys(found["article_id"], found["quote_id"])
        if len(set(keys)) != len(keys):  # two quotes of one key: not a total order
            return None
        positions = np.full(int(rowids.max()) + 1 if len(rowids) else 0, -1, dtype=np.int64)
        positions[rowids] = np.arange(len(rowids))
        where = conn.execute(
            "SELECT q.rowid AS rowid, coalesce(y.country, r.country) AS country "
            "FROM quotes q JOIN articles a USING (article_id) "
            "LEFT JOIN actors r ON r.actor_id = q.speaker_actor "
            "LEFT JOIN article_actors y "
            "ON y.article_id = q.article_id AND y.actor_id = q.speaker_actor "
            "WHERE q.speaker_actor IS NOT NULL"
        ).fetchnumpy()
        spoken = positions[np.asarray(where["rowid"], dtype=np.int64)]
        countries = None
        if len(np.unique(spoken)) == len(spoken):
            country: list[Any] = [None] * len(keys)
            for at, value in zip(spoken.tolist(), _values(where["country"]), strict=True):
                country[at] = value
            countries = Coded.of(country)
        return QuoteIndex(
            Ranked(positions, keys, order_sql),
            Coded.of(_values(found["speaker_actor"])),
            Coded.of(_values(found["kind"])),
            countries,
        )

    return per_generation(conn, "quote_index", read)
