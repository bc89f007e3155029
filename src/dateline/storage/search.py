"""Searching events and quotes with every filter the web UI and HTTP API offer, a page at a time.

:mod:`dateline.storage.query` answers the CLI's few filters with whole tables; this module
answers the server's: filters are values of a frozen dataclass (:class:`EventSearch`,
:class:`QuoteSearch`), never SQL, and every value reaches DuckDB as a bound parameter. Sorting
is by name from a fixed list. Results come a page at a time with the total count, plus facet
counts under the same filters.

The **flat events table** (:data:`FLAT_EVENT_COLUMNS`) is one row per event with everything a
spreadsheet user needs and no joins left to do: the date interval, type, source and target
names with their countries and sectors, factuality, the place with coordinates, the evidence
sentence, and the article's title, URL and date. The API's ``/api/events`` (JSON, CSV and
Parquet) and ``dateline export --flat-events`` give exactly these columns.

Filters and what they mean (events):

* ``actor`` / ``source`` / ``target``: an actor id, or a name as any article spelled it, spelling
  variants included (:func:`dateline.storage.spellings.actor_ids`, as the CLI's ``--actor``); ``actor`` matches either side, ``source`` the actors, ``target`` the
  recipients.
* ``type`` (PLOVER), ``quad`` (1-4), ``factuality``, ``country`` (the place's country or an
  actor's, ISO alpha-3), ``place`` (part of the place name or its admin1), ``text`` (part of
  the evidence sentence), ``article`` (an article id).
* ``since``/``until``: the event's date interval must overlap [since, until]; an event with no
  date takes its article's date (overlap semantics, as :mod:`dateline.storage.query`).
"""

from __future__ import annotations

import datetime as dt
from array import array
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from dateline.model import SPEECH_KINDS
from dateline.storage.spellings import actor_ids
from dateline.storage.views_rows import KeyedRows

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

    from dateline.storage.page_index import EventIndex, QuoteIndex
    from dateline.storage.timeline_index import Texts

Row = dict[str, Any]


def like_pattern(term: str) -> str:
    """``%term%`` for ILIKE ... ESCAPE '\\', with LIKE's wildcards in ``term`` taken literally."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class Clauses:
    """A WHERE clause built from parts, each with its bound parameters."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.params: list[Any] = []
        #: tests answered from memory: whether each event of the :class:`EventIndex` passes
        self.masks: list[Any] = []

    def add(self, sql: str, *params: Any) -> None:
        self.parts.append(sql)
        self.params.extend(params)

    @property
    def sql(self) -> str:
        return " AND ".join(self.parts) if self.parts else "TRUE"


@dataclass(frozen=True)
class EventSearch:
    """Filters, order and page of an event search (all optional; see the module docstring)."""

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    type: str | None = None
    quad: int | None = None
    country: str | None = None
    place: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    factuality: str | None = None
    text: str | None = None
    article: str | None = None
    sort: str = "date"
    descending: bool = False
    limit: int = 50
    offset: int = 0

    def filters(self) -> dict[str, Any]:
        """The filters that are set, by name (not order or page)."""
        skip = {"sort", "descending", "limit", "offset"}
        return {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if f.name not in skip and getattr(self, f.name) is not None
        }


_SIDE = (
    "EXISTS (SELECT 1 FROM event_actors x WHERE x.article_id = e.article_id "
    "AND x.event_id = e.event_id{role} AND x.actor_id IN (SELECT unnest(?::VARCHAR[])))"
)


#: The events of a list of rowids (a filter answered from memory).
_ROWIDS = "e.rowid IN (SELECT unnest(?::BIGINT[]))"


def _first_name(role: str) -> str:
    """The name shown first on one side of an event (as the flat table names it)."""
    return (
        "(SELECT coalesce(y.name, r.name, x.actor_id) FROM event_actors x "
        "LEFT JOIN article_actors y ON y.article_id = x.article_id AND y.actor_id = x.actor_id "
        "LEFT JOIN actors r ON r.actor_id = x.actor_id "
        "WHERE x.article_id = e.article_id AND x.event_id = e.event_id AND "
        f"x.role = '{role}' ORDER BY x.seq LIMIT 1)"
    )


#: Sort names and the SQL expression they order by (ties: date, article, position).
EVENT_SORTS: dict[str, str] = {
    "date": "coalesce(e.date_earliest, e.date_latest, a.date)",
    "article_date": "a.date",
    "type": "e.type",
    "quad": "e.quad",
    "factuality": "e.factuality",
    "place": "e.place_name",
    "source": _first_name("actor"),
    "target": _first_name("recipient"),
    "confidence": "e.confidence",
}


def event_clauses(conn: DuckDBPyConnection, search: EventSearch, *, masks: bool = False) -> Clauses:
    """The WHERE clause of ``search`` over ``events e JOIN articles a``; with ``masks``, on a
    read-only store, the tests of actors, countries and text are left to the
    :class:`EventIndex` (``where.masks``: an EXISTS over ``event_actors``, and
    ``article_actors`` for a country, cost DuckDB 8-12 ms a page; passed to it as a list of
    rowids, as much again), and so are the equality tests of :data:`_CODED_FILTERS` and the
    date range (`since`, `until`)."""
    where = Clauses()
    tests: tuple[Any, ...] = (
        search.actor,
        search.source,
        search.target,
        search.country,
        search.text,
    )
    tests += tuple(getattr(search, name) for name in _CODED_FILTERS)
    tests += (search.since, search.until)
    index = _event_index(conn) if masks and any(v is not None for v in tests) else None
    for value, role, roles in (
        (search.actor, "", ("actor", "recipient")),
        (search.source, " AND x.role = 'actor'", ("actor",)),
        (search.target, " AND x.role = 'recipient'", ("recipient",)),
    ):
        if value is None:
            continue
        if index is not None:
            where.masks.append(index.with_actors(actor_ids(conn, value), roles))
        else:
            where.add(_SIDE.format(role=role), actor_ids(conn, value))
    equal: tuple[tuple[str, str | int | None], ...] = (
        ("e.type", search.type),
        ("e.quad", search.quad),
        ("e.factuality", search.factuality),
        ("e.article_id", search.article),
    )
    for column, wanted in equal:
        if wanted is None:
            continue
        facet = _CODED_FILTERS.get(column[2:])
        if index is not None and facet is not None:
            # the index's codes of the column: SQL's "column = ?" (NULL equals nothing)
            where.masks.append(index.facets[facet].among([wanted]))
        else:
            where.add(f"{column} = ?", wanted)
    if search.country is not None and index is not None:
        where.masks.append(index.in_country(search.country, "country"))
    elif search.country is not None:
        where.add(
            "(e.place_country = ? OR EXISTS (SELECT 1 FROM event_actors x JOIN article_actors y "
            "ON y.article_id = x.article_id AND y.actor_id = x.actor_id WHERE x.article_id = "
            "e.article_id AND x.event_id = e.event_id AND y.country = ?))",
            search.country,
            search.country,
        )
    if search.place is not None:
        like = like_pattern(search.place)
        where.add(
            "(e.place_name ILIKE ? ESCAPE '\\' OR e.place_admin1 ILIKE ? ESCAPE '\\' "
            "OR e.place_text ILIKE ? ESCAPE '\\')",
            like,
            like,
            like,
        )
    if search.text is not None:
        holding = _events_holding(conn, search.text)
        if holding is None:
            where.add("e.evidence_text ILIKE ? ESCAPE '\\'", like_pattern(search.text))
        elif index is not None:
            where.masks.append(index.holding(holding))
        else:
            where.add(_ROWIDS, holding)
    # on a read-only store, the index's dates (SQL selecting the rowids of a date range cost
    # a page about 3 ms)
    if search.since is not None and index is not None:
        where.masks.append(index.since(search.since))
    elif search.since is not None:
        where.add("coalesce(e.date_latest, e.date_earliest, a.date) >= ?", search.since)
    if search.until is not None and index is not None:
        where.masks.append(index.until(search.until))
    elif search.until is not None:
        where.add("coalesce(e.date_earliest, e.date_latest, a.date) <= ?", search.until)
    return where


#: Equality filters that a read-only store tests with the :class:`EventIndex`'s codes of the
#: column (a mask) rather than in SQL: search field -> its facet in :data:`EVENT_FACETS`. With
#: no other test in SQL left, a page asks DuckDB nothing (its rowids cost 1.5-2 ms).
_CODED_FILTERS = {"type": "type", "quad": "quad", "factuality": "factuality"}


@dataclass(frozen=True)
class EvidenceTexts:
    """The evidence sentence of every event, lower-cased by DuckDB (``lower``, the folding
    its ``ILIKE`` uses), by the event's rowid, with an index of their words
    (:class:`dateline.storage.timeline_index.Texts`).

    A text filter is an ``ILIKE '%term%'`` of every evidence sentence: 17 ms of DuckDB on
    the 42,768 events of the 1,796 press releases (43 ms into a page's temporary table),
    against 1 ms here and 4 ms for DuckDB to select the events by rowid. The same events:
    checked on 26 terms (ASCII, "İstanbul", "ERDOĞAN", Greek, punctuation, ``%`` and ``_``)
    on that store, and pinned by a test. A store's rowids stay put while it is read-only,
    which is when this is kept (:mod:`dateline.storage.generation`).
    """

    rowids: array[int]
    texts: Texts

    def holding(self, lowered: str) -> list[int]:
        return [self.rowids[i] for i in self.texts.holding(lowered)]


def _events_holding(conn: DuckDBPyConnection, text: str) -> list[int] | None:
    """The rowids of the events whose evidence sentence contains ``text`` (case-insensitive,
    as ``ILIKE``), or None where SQL should look (a writable store, an empty term)."""
    from dateline.storage.generation import per_generation, read_only_path

    if not text or read_only_path(conn) is None:
        return None

    def read() -> EvidenceTexts:
        from dateline.storage.timeline_index import Texts

        rows = conn.execute("SELECT rowid, lower(evidence_text) FROM events").fetchall()
        return EvidenceTexts(
            array("q", (rowid for rowid, _ in rows)), Texts.of([text or "" for _, text in rows])
        )

    if text.isascii():  # A-Z to a-z in DuckDB's lower as in Python's: no round trip to it
        lowered = text.lower()
    else:
        row = conn.execute("SELECT lower(?)", [text]).fetchone()
        lowered = str(row[0]) if row else text.lower()
    return per_generation(conn, "evidence_texts", read).holding(lowered)


#: The columns of the flat events table, in order (CSV header, Parquet schema).
FLAT_EVENT_COLUMNS: tuple[str, ...] = (
    "article_id",
    "event_id",
    "date_earliest",
    "date_latest",
    "date_value",
    "date_text",
    "type",
    "mode",
    "quad",
    "cameo",
    "source_ids",
    "source_names",
    "source_countries",
    "source_sectors",
    "target_ids",
    "target_names",
    "target_countries",
    "target_sectors",
    "factuality",
    "reporter",
    "place_name",
    "place_admin1",
    "place_country",
    "place_lat",
    "place_lon",
    "evidence_start",
    "evidence_end",
    "evidence_text",
    "trigger_start",
    "trigger_end",
    "trigger_text",
    "confidence",
    "stage",
    "article_title",
    "article_url",
    "article_date",
    "article_source",
)


#: the flat table's columns: an event's own and its article's (the page of the flat events
#: SQL selects them; :func:`event_rows` keeps them in memory by key)
_EVENT_COLUMNS = """e.article_id, e.event_id, e.date_earliest, e.date_latest, e.date_value,
    e.date_text, e.type, e.mode, e.quad, e.cameo, e.factuality, e.reporter, e.place_name,
    e.place_admin1, e.place_country, e.place_lat, e.place_lon, e.evidence_start, e.evidence_end,
    e.evidence_text, e.trigger_start, e.trigger_end, e.trigger_text, e.confidence, e.stage"""
_ARTICLE_COLUMNS = """a.title AS article_title, a.url AS article_url, a.date AS article_date,
    a.source AS article_source"""
_FLAT_COLUMNS = f"{_EVENT_COLUMNS},\n    {_ARTICLE_COLUMNS}"
_SEL_ORDER = "k0 {direction} NULLS LAST, k1, k2, article_id, k4, event_id"


def _sel_sql(where: str, sort: str, descending: bool, page: str) -> str:
    """``WITH sel AS (...)``: the events ``where`` selects with their article's columns and
    sort keys, ordered, one page of them (one top-N sort carrying the columns, measured faster
    than sorting keys and joining the events back)."""
    order = _SEL_ORDER.format(direction="DESC" if descending else "ASC")
    return f"""
        WITH sel AS (
            SELECT {_FLAT_COLUMNS},
                {EVENT_SORTS[sort]} AS k0, coalesce(e.date_earliest, e.date_latest, a.date) AS k1,
                a.date AS k2, e.evidence_start AS k4
            FROM events e JOIN articles a USING (article_id)
            WHERE {where}
            ORDER BY {order} {page}
        )"""


def _flat_events_sql(where: str, sort: str, descending: bool, page: str) -> str:
    """The flat events of the events that ``where`` selects, ordered, one page of them.

    The page is chosen first (``sel``: one top-N sort carrying the columns, measured faster
    than sorting keys and joining the events back), then names, countries and sectors are
    gathered only for its events: the article's own resolution of an actor first, the
    registry's otherwise.
    """
    direction = "DESC" if descending else "ASC"
    order = _SEL_ORDER.format(direction=direction)
    return f"""
        {_sel_sql(where, sort, descending, page)},
        sides AS (
            SELECT x.article_id, x.event_id, x.role,
                string_agg(x.actor_id, '; ' ORDER BY x.seq) AS ids,
                string_agg(coalesce(y.name, r.name, x.actor_id), '; ' ORDER BY x.seq) AS names,
                string_agg(coalesce(y.country, r.country, ''), '; ' ORDER BY x.seq) AS countries,
                string_agg(coalesce(y.sector, r.sector, ''), '; ' ORDER BY x.seq) AS sectors
            FROM event_actors x JOIN sel USING (article_id, event_id)
            LEFT JOIN article_actors y ON y.article_id = x.article_id AND y.actor_id = x.actor_id
            LEFT JOIN actors r ON r.actor_id = x.actor_id
            GROUP BY x.article_id, x.event_id, x.role
        )
        SELECT e.article_id, e.event_id, e.date_earliest, e.date_latest, e.date_value,
            e.date_text, e.type, e.mode, e.quad, e.cameo,
            s.ids AS source_ids, s.names AS source_names, s.countries AS source_countries,
            s.sectors AS source_sectors, t.ids AS target_ids, t.names AS target_names,
            t.countries AS target_countries, t.sectors AS target_sectors,
            e.factuality, e.reporter, e.place_name, e.place_admin1, e.place_country,
            e.place_lat, e.place_lon, e.evidence_start, e.evidence_end, e.evidence_text,
            e.trigger_start, e.trigger_end, e.trigger_text, e.confidence, e.stage,
            e.article_title, e.article_url, e.article_date, e.article_source
        FROM sel e
        LEFT JOIN sides s ON s.article_id = e.article_id AND s.event_id = e.event_id
            AND s.role = 'actor'
        LEFT JOIN sides t ON t.article_id = e.article_id AND t.event_id = e.event_id
            AND t.role = 'recipient'
        ORDER BY {", ".join("e." + part for part in order.split(", "))}
    """


def _order(sorts: dict[str, str], ties: str, sort: str, descending: bool) -> str:
    direction = "DESC" if descending else "ASC"
    return f"{sorts[sort]} {direction} NULLS LAST, {ties}"


@dataclass(frozen=True)
class Page:
    """One page of rows and the number of rows matching in all."""

    rows: list[Row]
    total: int
    limit: int
    offset: int


def search_events(conn: DuckDBPyConnection, search: EventSearch, *, count: bool = True) -> Page:
    """One page of flat events matching ``search``, in its order, and the total count (0
    unless ``count``: a page that counts them with its facets says so).

    The same rows as :func:`flat_events_arrow`, read in two steps: the page, then the actors
    of its events with their names, countries and sectors, from the store's
    :class:`ActorDetails` (read once per store generation) instead of two joins per page
    (11 ms against 21 for the first page on the 1,796 press releases). With a filter, the
    filter that costs (:data:`_COSTLY_FILTERS`) is evaluated once for the page and its count
    (:func:`_matched_events`); a page without its count evaluates it once anyway (an actor
    filter 13.5 against 16 ms). Every page sorts narrow rows (keys and sort keys) and reads
    its own events from memory (:func:`event_rows`). On a read-only store the order and
    the count come from the per-generation :class:`dateline.storage.page_index.EventIndex`
    (DuckDB only selects the filter's rowids; no sort key is computed per request).
    """
    found = event_page_keys(conn, search, count=count)
    if found is not None:
        keys, total = found
        return Page(page_rows(conn, keys), total, search.limit, search.offset)
    where = event_clauses(conn, search, masks=True)
    if count and any(getattr(search, name) is not None for name in _COSTLY_FILTERS):
        with _matched_events(conn, where, search.sort):
            rows = _matched_page(conn, search)
            total = _count(conn, f"SELECT count(*) FROM {_MATCHED}", []) if count else 0
        return Page(rows, total, search.limit, search.offset)
    rows = _matched_page(conn, search, _sort_keys_sql(search.sort, where.sql), where.params)
    total = (
        _count(
            conn,
            f"SELECT count(*) FROM events e JOIN articles a USING (article_id) WHERE {where.sql}",
            where.params,
        )
        if count
        else 0
    )
    return Page(rows, total, search.limit, search.offset)


def event_page_keys(
    conn: DuckDBPyConnection, search: EventSearch, *, count: bool = True
) -> tuple[list[tuple[str, str]], int] | None:
    """The keys (article and event ids) of the events of the page of ``search``, in its order,
    and their total (0 unless ``count``): :func:`search_events`'s page without reading its
    rows, from the per-generation :class:`EventIndex` (None when SQL answers: a store that is
    not read-only)."""
    index = _event_index(conn)
    if index is None:
        return None
    where = event_clauses(conn, search, masks=True)
    chosen = _chosen(conn, where) if where.parts or where.masks else None
    keys = index.rows.page(conn, chosen, search)
    if not count:
        total = 0
    elif chosen is None:
        total = len(index.rows.order(conn, search.sort, search.descending)[1])
    else:
        total = len(chosen)
    return keys, total


#: Filters whose test is a subquery or a substring search: a page and its count with one of
#: them evaluate it once (:func:`_matched_events`); with only comparisons of columns, twice
#: costs less than the temporary table (a type filter: 16.9 against 20.2 ms; a text filter:
#: 40.9 against 34.5; an actor and a type: 29.9 against 26.4).
_COSTLY_FILTERS = ("actor", "source", "target", "country", "place", "text")


#: Kept for the tests of deep pages (every page now sorts narrow rows and reads its events
#: from memory, :func:`event_rows`): an offset that used to take the keys-first path.
KEYS_FIRST_OFFSET = 200


def event_table(
    conn: DuckDBPyConnection, search: EventSearch, *, top: int = 20
) -> tuple[Page, dict[str, list[tuple[Any, int]]]]:
    """What the events page shows: one page of flat events, the total, and the facets
    (:func:`event_facets_and_total`), with a filter evaluated once for all three.

    On a read-only store DuckDB only selects the rowids of the filter's events; the order,
    the page and the facets come from the per-generation
    :class:`dateline.storage.page_index.EventIndex` (the same rows and counts as the SQL of
    a store that is not read-only, which evaluates the filter into a temporary table)."""
    keyed = event_table_keys(conn, search, top=top)
    if keyed is not None:
        keys, total, facets = keyed
        return Page(page_rows(conn, keys), total, search.limit, search.offset), facets
    where = event_clauses(conn, search, masks=True)
    if not where.parts and not where.masks:
        facets, total = _all_events_facets(conn, top)
        found = search_events(conn, search, count=False)
        return Page(found.rows, total, search.limit, search.offset), facets
    with _matched_events(conn, where, search.sort):
        facets, total = _facets_and_total(conn, f"{_MATCHED} e", Clauses(), top=top)
        rows = _matched_page(conn, search)
    return Page(rows, total, search.limit, search.offset), facets


def event_table_keys(
    conn: DuckDBPyConnection, search: EventSearch, *, top: int = 20
) -> tuple[list[tuple[str, str]], int, dict[str, list[tuple[Any, int]]]] | None:
    """:func:`event_table` without reading its rows: the keys (article and event ids) of the
    page's events in its order, the total and the facets, from the per-generation
    :class:`EventIndex` (None when SQL answers: a store that is not read-only). The events
    page renders a row it has kept from its key alone, and reads only the rows it has not
    (:func:`page_rows`: unpickling and flattening were a tenth of its CPU)."""
    index = _event_index(conn)
    if index is None:
        return None
    where = event_clauses(conn, search, masks=True)
    if not where.parts and not where.masks:
        facets, total = _all_events_facets(conn, top)
        return index.rows.page(conn, None, search), total, facets
    chosen = _chosen(conn, where)
    return index.rows.page(conn, chosen, search), len(chosen), index.facets_of(chosen, top)


def _all_events_facets(
    conn: DuckDBPyConnection, top: int
) -> tuple[dict[str, list[tuple[Any, int]]], int]:
    """The facets and total of every event: the same for every unfiltered page of one store
    generation, so counted once per generation (two scans, 10 ms per page before)."""
    from dateline.storage.generation import per_generation

    facets, total = per_generation(
        conn,
        f"all_events_facets:{top}",
        lambda: event_facets_and_total(conn, EventSearch(), top=top),
    )
    return {name: list(values) for name, values in facets.items()}, total


def _count(conn: DuckDBPyConnection, sql: str, params: list[Any]) -> int:
    found = conn.execute(sql, params).fetchone()
    return int(found[0]) if found else 0


#: The temporary table (private to one connection) of the events a filter selects.
_MATCHED = "matched_events"


@contextmanager
def _matched_events(conn: DuckDBPyConnection, where: Clauses, sort: str) -> Iterator[None]:
    """For the block, :data:`_MATCHED` holds the events ``where`` selects: their keys, the
    columns the facets count and the sort keys (narrow rows).

    A filtered page needs the matching events three times (its rows, its facets, the actors
    of its facets): evaluating the filter once into a temporary table and reading that
    three times costs about half of evaluating it three times (on the 1,796 press releases,
    an actor filter 19 against 39 ms, a text filter 24 against 79). A temporary table
    belongs to the connection (a request's own cursor) and lives in memory: the store's
    file is not written, and a read-only store allows it.
    """
    conn.execute(
        f"CREATE OR REPLACE TEMP TABLE {_MATCHED} AS {_sort_keys_sql(sort, where.sql)}",
        where.params,
    )
    try:
        yield
    finally:
        conn.execute(f"DROP TABLE IF EXISTS temp.{_MATCHED}")


def _sort_keys_sql(sort: str, where: str) -> str:
    """The events ``where`` selects as narrow rows: keys, the columns the facets count, and
    the sort keys of ``sort`` (k0) and its ties (k1, k2, k4)."""
    return f"""
        SELECT e.article_id, e.event_id, e.type, e.quad, e.factuality, e.place_country,
            {EVENT_SORTS[sort]} AS k0, coalesce(e.date_earliest, e.date_latest, a.date) AS k1,
            a.date AS k2, e.evidence_start AS k4
        FROM events e JOIN articles a USING (article_id)
        WHERE {where}
    """


def _matched_page(
    conn: DuckDBPyConnection,
    search: EventSearch,
    narrow: str = f"SELECT * FROM {_MATCHED}",
    params: list[Any] | None = None,
) -> list[Row]:
    """One page of the ``narrow`` rows (:func:`_sort_keys_sql` with its ``params``; by
    default those of :data:`_MATCHED`), in the order of ``search``, as flat events: the
    page's keys by a top-N of the narrow rows, then its events from memory
    (:func:`event_rows`: 0.2 ms for 50 rows, against 7-12 ms for DuckDB to join them back,
    which scans every column of the 42,768 events of the 1,796 press releases)."""
    order = _SEL_ORDER.format(direction="DESC" if search.descending else "ASC")
    keys = conn.execute(
        f"SELECT article_id, event_id FROM ({narrow}) ORDER BY {order} LIMIT ? OFFSET ?",
        [*(params or []), search.limit, search.offset],
    ).fetchall()
    return page_rows(conn, keys)


def page_rows(conn: DuckDBPyConnection, keys: list[tuple[str, str]]) -> list[Row]:
    """The flat events of ``keys`` (article and event ids), in their order, from memory."""
    stored = event_rows(conn)
    page = []
    for key in keys:
        row = stored.events.row(key)
        article = stored.articles.row(key[0])
        if row is None or article is None:  # rows and keys are of one generation: never
            raise KeyError(key)
        page.append({**row, **article})
    return _flat_rows(conn, page)


def _event_index(conn: DuckDBPyConnection) -> EventIndex | None:
    """The store's :class:`dateline.storage.page_index.EventIndex` (None when SQL answers:
    a store that is not read-only)."""
    from dateline.storage.page_index import event_index

    return event_index(conn, EVENT_FACETS, _order_sql)


def _order_sql(sort: str, descending: bool) -> str:
    """The rowids of every event (of an article) in the order of ``sort``: the order of
    :data:`_SEL_ORDER`, total (ties broken down to the article and event ids)."""
    order = _SEL_ORDER.format(direction="DESC" if descending else "ASC")
    return f"""
        SELECT e.rowid AS rowid, e.article_id, e.event_id,
            {EVENT_SORTS[sort]} AS k0, coalesce(e.date_earliest, e.date_latest, a.date) AS k1,
            a.date AS k2, e.evidence_start AS k4
        FROM events e JOIN articles a USING (article_id)
        ORDER BY {order}
    """


def _chosen(conn: DuckDBPyConnection, where: Clauses) -> Any:
    """The positions in the :class:`EventIndex` of the events ``where`` selects (numpy):
    DuckDB evaluates its SQL and returns rowids, nothing else (without SQL: every event of an
    article); then its masks keep theirs."""
    index = _event_index(conn)
    assert index is not None
    if where.parts:
        found = conn.execute(
            f"SELECT e.rowid AS rowid FROM events e JOIN articles a USING (article_id) "
            f"WHERE {where.sql}",
            where.params,
        ).fetchnumpy()["rowid"]
        chosen = index.rows.chosen(found)
    else:
        chosen = index.rows.order(conn, "date", False)[1]
    for mask in where.masks:
        chosen = chosen[mask[chosen]]
    return chosen


@dataclass(frozen=True)
class EventRows:
    """Each event's own columns of the flat table, and each article's, in memory by key for
    one store generation (:class:`dateline.storage.views_rows.KeyedRows`; 18 MB and 0.2 s
    of CPU for the 1,796 press releases)."""

    events: KeyedRows  # (article_id, event_id) -> the event's columns
    articles: KeyedRows  # article_id -> article_title, article_url, article_date, article_source


def event_rows(conn: DuckDBPyConnection) -> EventRows:
    """The store's :class:`EventRows`, read once per store generation."""
    from dateline.storage.generation import per_generation

    def read() -> EventRows:
        return EventRows(
            events=KeyedRows.read(
                conn, f"SELECT {_EVENT_COLUMNS} FROM events e", lambda row: (row[0], row[1])
            ),
            articles=KeyedRows.read(
                conn,
                f"SELECT article_id, {_ARTICLE_COLUMNS} FROM articles a",
                lambda row: row[0],
            ),
        )

    return per_generation(conn, "event_rows", read)


def _flat_rows(conn: DuckDBPyConnection, page: list[Row]) -> list[Row]:
    """Events with their article's columns made flat events: the names, countries and
    sectors of their sources and targets from :func:`actor_details`."""
    details = actor_details(conn)
    sides = details.sides
    rows = []
    for row in page:
        flat = dict.fromkeys(FLAT_EVENT_COLUMNS)
        flat.update(row)
        for role, side in (("actor", "source"), ("recipient", "target")):
            actors = sides.get((row["article_id"], row["event_id"], role))
            if actors:
                named = [details.of(row["article_id"], actor) for actor in actors]
                flat[f"{side}_ids"] = "; ".join(actors)
                flat[f"{side}_names"] = "; ".join(n[0] for n in named)
                flat[f"{side}_countries"] = "; ".join(n[1] for n in named)
                flat[f"{side}_sectors"] = "; ".join(n[2] for n in named)
        rows.append(flat)
    return rows


@dataclass(frozen=True)
class ActorDetails:
    """Name, country and sector of every actor: as each article resolved it, and as the
    registry has it (the flat table's "the article's own resolution first"); and the actors of
    every event by role."""

    in_article: dict[tuple[str, str], tuple[str | None, str | None, str | None]]
    registry: dict[str, tuple[str | None, str | None, str | None]]
    #: (article_id, event_id, role) -> the event's actors in that role, in order
    sides: dict[tuple[str, str, str], list[str]]

    def coalesced(
        self, article_id: str, actor_id: str
    ) -> tuple[str | None, str | None, str | None]:
        """(name, country, sector): the article's own value, else the registry's, else None."""
        mine = self.in_article.get((article_id, actor_id), (None, None, None))
        known = self.registry.get(actor_id, (None, None, None))
        name, country, sector = (
            m if m is not None else k for m, k in zip(mine, known, strict=True)
        )
        return name, country, sector

    def of(self, article_id: str, actor_id: str) -> tuple[str, str, str]:
        """(name, country, sector) as the flat table gives them (SQL's coalesce): '' for a
        missing country or sector, the id for a missing name."""
        name, country, sector = self.coalesced(article_id, actor_id)
        return (
            name if name is not None else actor_id,
            country if country is not None else "",
            sector if sector is not None else "",
        )


def actor_details(conn: DuckDBPyConnection) -> ActorDetails:
    """The store's :class:`ActorDetails`, read once per store generation."""
    from dateline.storage.generation import per_generation

    def read() -> ActorDetails:
        in_article = conn.execute(
            "SELECT article_id, actor_id, name, country, sector FROM article_actors"
        ).fetchall()
        registry = conn.execute("SELECT actor_id, name, country, sector FROM actors").fetchall()
        sides: dict[tuple[str, str, str], list[str]] = {}
        for article_id, event_id, role, actor_id in conn.execute(
            "SELECT article_id, event_id, role, actor_id FROM event_actors "
            "ORDER BY article_id, event_id, role, seq"
        ).fetchall():
            sides.setdefault((article_id, event_id, role), []).append(actor_id)
        return ActorDetails(
            {(a, actor): (name, country, sector) for a, actor, name, country, sector in in_article},
            {actor: (name, country, sector) for actor, name, country, sector in registry},
            sides,
        )

    return per_generation(conn, "actor_details", read)


def flat_events_arrow(conn: DuckDBPyConnection, search: EventSearch | None = None) -> Any:
    """The flat events table (a ``pyarrow.Table``): all events, or one page of ``search``."""
    if search is None:
        sql, params = _flat_events_sql("TRUE", "date", False, ""), []
    else:
        where = event_clauses(conn, search)
        sql = _flat_events_sql(where.sql, search.sort, search.descending, "LIMIT ? OFFSET ?")
        params = [*where.params, search.limit, search.offset]
    cursor = conn.cursor()  # a relation needs a connection with no result pending
    try:
        return cursor.sql(sql, params=params).to_arrow_table()
    finally:
        cursor.close()


def _facet(
    conn: DuckDBPyConnection, from_where: str, params: list[Any], key: str, top: int
) -> list[tuple[Any, int]]:
    rows = conn.execute(
        f"SELECT {key} AS value, count(*) AS n {from_where} GROUP BY 1 "
        "HAVING value IS NOT NULL ORDER BY n DESC, value LIMIT ?",
        [*params, top],
    ).fetchall()
    return [(value, int(n)) for value, n in rows]


#: Facets shown beside the events table: name -> SQL expression counted.
EVENT_FACETS = {
    "type": "e.type",
    "quad": "e.quad",
    "factuality": "e.factuality",
    "country": "e.place_country",
}


def event_facets(
    conn: DuckDBPyConnection, search: EventSearch, *, top: int = 20
) -> dict[str, list[tuple[Any, int]]]:
    """Counts of events matching ``search`` per type, quad, factuality, place country, and the
    most frequent sources and targets (actor ids): two scans, with grouping sets."""
    return event_facets_and_total(conn, search, top=top)[0]


def event_facets_and_total(
    conn: DuckDBPyConnection, search: EventSearch, *, top: int = 20
) -> tuple[dict[str, list[tuple[Any, int]]], int]:
    """:func:`event_facets` and the number of matching events, counted in the same scan (a
    page showing both needs no count of its own: ``search_events(..., count=False)``)."""
    where = event_clauses(conn, search)
    return _facets_and_total(conn, "events e JOIN articles a USING (article_id)", where, top=top)


def _facets_and_total(
    conn: DuckDBPyConnection, events: str, where: Clauses, *, top: int
) -> tuple[dict[str, list[tuple[Any, int]]], int]:
    """Facets and total of the ``events`` (a FROM naming them ``e``) that ``where`` selects."""
    facets: dict[str, list[tuple[Any, int]]] = {name: [] for name in EVENT_FACETS}
    keys = list(EVENT_FACETS.values())
    sets = ", ".join(f"({key})" for key in keys)
    columns = ", ".join(f"{key} AS {name}" for name, key in EVENT_FACETS.items())
    rows = conn.execute(
        f"""
        SELECT {columns}, grouping({", ".join(keys)}) AS g, count(*) AS n
        FROM {events} WHERE {where.sql}
        GROUP BY GROUPING SETS ({sets}, ())
        """,
        where.params,
    ).fetchall()
    names = list(EVENT_FACETS)
    total = 0
    for row in rows:
        if row[-2] == 2 ** len(keys) - 1:  # the () set: every event
            total = int(row[-1])
            continue
        for name, value in zip(names, row[:-2], strict=True):
            if value is not None:
                facets[name].append((value, int(row[-1])))
    for name in names:  # most frequent first, then by value; the top ones
        facets[name] = sorted(facets[name], key=lambda vn: (-vn[1], vn[0]))[:top]
    # with no filter every event counts: its actors alone (4 ms against 15 with the joins)
    with_actors = (
        "FROM event_actors x"
        if not where.parts and events.startswith("events ")
        else f"FROM {events} JOIN event_actors x "
        "ON x.article_id = e.article_id AND x.event_id = e.event_id"
    )
    sides = conn.execute(
        f"""
        SELECT x.role, x.actor_id, count(*) AS n
        {with_actors}
        WHERE {where.sql}
        GROUP BY x.role, x.actor_id
        QUALIFY row_number() OVER (PARTITION BY x.role ORDER BY n DESC, x.actor_id) <= ?
        ORDER BY x.role, n DESC, x.actor_id
        """,
        [*where.params, top],
    ).fetchall()
    facets["source"] = [(actor, int(n)) for role, actor, n in sides if role == "actor"]
    facets["target"] = [(actor, int(n)) for role, actor, n in sides if role == "recipient"]
    return facets, total


@dataclass(frozen=True)
class QuoteSearch:
    """Filters, order and page of a quote search.

    ``actor`` the speaker (spelling variants included), ``country`` the speaker's country in
    that article, ``kinds`` the quote kinds shown (by default the speech kinds: what someone
    said or wrote, not a "belief" such as "I know he is right"; as the CLI's ``dateline quotes
    --kind``), ``text`` part of the quote or its sentence, ``since``/``until`` the article's
    date, ``article`` an article id.
    """

    actor: str | None = None
    country: str | None = None
    kinds: tuple[str, ...] = SPEECH_KINDS
    text: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    article: str | None = None
    sort: str = "date"
    descending: bool = False
    limit: int = 50
    offset: int = 0


QUOTE_SORTS: dict[str, str] = {
    "date": "a.date",
    "speaker": "coalesce(r.name, q.speaker_text)",
    "kind": "q.kind",
}
_QUOTE_TIES = "a.date, q.article_id, q.start_char, q.quote_id"

#: The columns of a quote row in the API and its CSV.
QUOTE_COLUMNS: tuple[str, ...] = (
    "article_id",
    "quote_id",
    "article_date",
    "speaker_actor",
    "speaker_name",
    "speaker_country",
    "speaker_sector",
    "speaker_text",
    "kind",
    "text",
    "start_char",
    "end_char",
    "cue_text",
    "evidence_start",
    "evidence_end",
    "evidence_text",
    "stage",
    "article_title",
    "article_url",
)

#: The speaker's columns of a quote row, in the order of :meth:`ActorDetails.coalesced`.
_SPEAKER = ("speaker_name", "speaker_country", "speaker_sector")

_QUOTES_BARE = "FROM quotes q JOIN articles a USING (article_id)"
_QUOTES_FROM = """
    FROM quotes q JOIN articles a USING (article_id)
    LEFT JOIN actors r ON r.actor_id = q.speaker_actor
    LEFT JOIN article_actors y ON y.article_id = q.article_id AND y.actor_id = q.speaker_actor
"""


def quote_clauses(conn: DuckDBPyConnection, search: QuoteSearch, *, kinds: bool = True) -> Clauses:
    """The WHERE clause of ``search`` over :data:`_QUOTES_FROM` (without its kinds: the kind
    facet counts every kind)."""
    where = Clauses()
    if search.actor is not None:
        where.add("q.speaker_actor IN (SELECT unnest(?::VARCHAR[]))", actor_ids(conn, search.actor))
    if search.country is not None:
        where.add("coalesce(y.country, r.country) = ?", search.country)
    if kinds:
        where.add("q.kind IN (SELECT unnest(?::VARCHAR[]))", list(search.kinds))
    if search.article is not None:
        where.add("q.article_id = ?", search.article)
    if search.text is not None:
        like = like_pattern(search.text)
        where.add("(q.text ILIKE ? ESCAPE '\\' OR q.evidence_text ILIKE ? ESCAPE '\\')", like, like)
    if search.since is not None:
        where.add("a.date >= ?", search.since)
    if search.until is not None:
        where.add("a.date <= ?", search.until)
    return where


def _quotes_from(search: QuoteSearch, *, sorting: bool) -> str:
    """The quotes' FROM, joined to the speaker's registry and article entries only when a
    filter (country) or the order (speaker) needs them: the two joins cost more than the rest
    of a count (8 ms against 2 on the 1,796 press releases)."""
    if search.country is not None or (sorting and search.sort == "speaker"):
        return _QUOTES_FROM
    return _QUOTES_BARE


def search_quotes(conn: DuckDBPyConnection, search: QuoteSearch, *, count: bool = True) -> Page:
    """One page of quotes matching ``search``, in its order, and the total count (0 unless
    ``count``).

    The page's keys are chosen first (one top-N sort of narrow rows), then its rows are
    taken from memory (:func:`quote_rows`) instead of a join back to the quotes, which
    scanned every column of them (8 ms a page on the 1,796 press releases). The speaker's name,
    country and sector come from :func:`actor_details` (the article's resolution first, the
    registry's otherwise, as SQL's ``coalesce``), not two joins per page (9 against 14 ms
    for a page of Vladimir Putin's quotes). On a read-only store, a search by speaker and
    kinds alone in the order of the date or the kind is chosen, counted and paged from the
    per-generation :class:`dateline.storage.page_index.QuoteIndex`, with no SQL.
    """
    keys, total = quote_page_keys(conn, search, count=count)
    return Page(quote_page_rows(conn, keys), total, search.limit, search.offset)


def quote_page_keys(
    conn: DuckDBPyConnection, search: QuoteSearch, *, count: bool = True
) -> tuple[list[tuple[str, str]], int]:
    """The keys (article and quote ids) of the quotes of the page of ``search``, in its order,
    and their total (0 unless ``count``): :func:`search_quotes`'s page without reading its
    rows. The quotes page renders a row it has kept from its key alone and reads only the
    rows it has not (unpickling and naming the 50 rows were a sixth of its CPU)."""
    index = _quote_index(conn) if search.sort in _INDEXED_QUOTE_SORTS else None
    if index is not None and all(
        getattr(search, name) is None for name in _QUOTE_FILTERS if name != "actor"
    ):
        speakers = actor_ids(conn, search.actor) if search.actor is not None else None
        chosen = index.chosen(speakers, search.kinds)
        return index.rows.page(conn, chosen, search), len(chosen) if count else 0
    where = quote_clauses(conn, search)
    direction = "DESC" if search.descending else "ASC"
    found = conn.execute(
        f"""
        SELECT q.article_id, q.quote_id, {QUOTE_SORTS[search.sort]} AS k0
        {_quotes_from(search, sorting=True)} WHERE {where.sql}
        ORDER BY k0 {direction} NULLS LAST, {_QUOTE_TIES} LIMIT ? OFFSET ?
        """,
        [*where.params, search.limit, search.offset],
    ).fetchall()
    keys = [(article_id, quote_id) for article_id, quote_id, _ in found]
    if not count:
        return keys, 0
    total = conn.execute(
        f"SELECT count(*) {_quotes_from(search, sorting=False)} WHERE {where.sql}", where.params
    ).fetchone()
    return keys, int(total[0]) if total else 0


#: Quote sorts whose order the :class:`QuoteIndex` keeps: those over the quotes and their
#: article alone (the speaker's order joins the speaker's entries, which can repeat a quote).
_INDEXED_QUOTE_SORTS = ("date", "kind")


def _quote_index(conn: DuckDBPyConnection) -> QuoteIndex | None:
    """The store's :class:`dateline.storage.page_index.QuoteIndex` (None when SQL answers)."""
    from dateline.storage.page_index import quote_index

    return quote_index(conn, _quote_order_sql)


def _quote_order_sql(sort: str, descending: bool) -> str:
    """The rowids of every quote (of an article) in the order of ``sort`` (total: ties down
    to the article and quote ids)."""
    direction = "DESC" if descending else "ASC"
    return f"""
        SELECT q.rowid AS rowid, {QUOTE_SORTS[sort]} AS k0 {_QUOTES_BARE}
        ORDER BY k0 {direction} NULLS LAST, {_QUOTE_TIES}
    """


def quote_page_rows(conn: DuckDBPyConnection, keys: list[tuple[str, str]]) -> list[Row]:
    """The quote rows of ``keys`` (article and quote ids), in order, from memory, their
    speakers named from :func:`actor_details`."""
    stored = quote_rows(conn)
    rows = []
    for article_id, quote_id in keys:
        said = stored.row((article_id, quote_id))
        if said is None:  # rows and keys are of one generation: never
            raise KeyError((article_id, quote_id))
        said["article_title"], said["article_url"] = said["title"], said["url"]
        rows.append(said)
    details = actor_details(conn)
    for at, row in enumerate(rows):
        speaker = row["speaker_actor"]
        named = details.coalesced(row["article_id"], speaker) if speaker else (None, None, None)
        rows[at] = {
            column: row[column] if column in row else named[_SPEAKER.index(column)]
            for column in QUOTE_COLUMNS
        }
    return rows


#: A quote with its article's date, title, URL and source (:func:`quote_rows`).
QUOTE_ROWS_SQL = """
    SELECT q.*, a.date AS article_date, a.title, a.url, a.source
    FROM quotes q JOIN articles a USING (article_id)
"""


def quote_rows(conn: DuckDBPyConnection) -> KeyedRows:
    """Every quote (:data:`QUOTE_ROWS_SQL`) by ``(article_id, quote_id)``, in memory, read once
    per store generation: the rows of a page of quotes or of a timeline."""
    from dateline.storage.generation import per_generation

    return per_generation(
        conn,
        "quote_rows",
        lambda: KeyedRows.read(conn, QUOTE_ROWS_SQL, lambda row: (row[0], row[1])),
    )


def quote_facets(
    conn: DuckDBPyConnection, search: QuoteSearch, *, top: int = 20
) -> dict[str, list[tuple[Any, int]]]:
    """Counts of quotes matching ``search`` per kind, speaker and speaker country (see
    :func:`quote_facets_and_total`)."""
    return quote_facets_and_total(conn, search, top=top)[0]


def quote_facets_and_total(
    conn: DuckDBPyConnection, search: QuoteSearch, *, top: int = 20
) -> tuple[dict[str, list[tuple[Any, int]]], int]:
    """Counts of quotes matching ``search`` per kind, speaker and speaker country, and the
    number of matching quotes (counted in the same scan).

    The kind counts leave the kind filter out, so that beliefs, left out by default, are
    counted too (the way to ask for them). Kinds and speakers are counted in one scan without
    the speaker joins; countries, which need them, in a second. Without a filter and with
    the default kinds they are the same for every page of one store generation, and counted
    once for it (other kinds are counted afresh: a client choosing among 127 combinations
    of kinds must not push the store's indexes out of :mod:`dateline.storage.generation`).
    On a read-only store, a search by speaker and kinds alone is counted from the
    per-generation :class:`dateline.storage.page_index.QuoteIndex` (its kind, speaker and
    speaker-country codes), with no SQL.
    """
    unfiltered = all(getattr(search, name) is None for name in _QUOTE_FILTERS)
    if unfiltered and search.kinds == SPEECH_KINDS:
        from dateline.storage.generation import per_generation

        facets, total = per_generation(
            conn,
            f"all_quote_facets:{top}",
            lambda: _quote_facets_and_total(conn, QuoteSearch(), top=top),
        )
        return {name: list(values) for name, values in facets.items()}, total
    index = _quote_index(conn)
    if (
        index is not None
        and index.countries is not None
        and all(getattr(search, name) is None for name in _QUOTE_FILTERS if name != "actor")
    ):  # by speaker and kinds alone: counted from the index, no SQL (two scans, 8-9 ms)
        speakers = actor_ids(conn, search.actor) if search.actor is not None else None
        return index.facets(speakers, search.kinds, top)
    return _quote_facets_and_total(conn, search, top=top)


#: The filters of a quote search (besides its kinds).
_QUOTE_FILTERS = ("actor", "country", "text", "since", "until", "article")


def _quote_facets_and_total(
    conn: DuckDBPyConnection, search: QuoteSearch, *, top: int
) -> tuple[dict[str, list[tuple[Any, int]]], int]:
    every_kind = quote_clauses(conn, search, kinds=False)
    kinds = list(search.kinds)
    rows = conn.execute(
        f"""
        SELECT q.kind, q.speaker_actor, grouping(q.kind, q.speaker_actor) AS g,
            count(*) AS n_every_kind,
            count(*) FILTER (WHERE q.kind IN (SELECT unnest(?::VARCHAR[]))) AS n
        {_quotes_from(search, sorting=False)} WHERE {every_kind.sql}
        GROUP BY GROUPING SETS ((q.kind), (q.speaker_actor), ())
        """,
        [kinds, *every_kind.params],
    ).fetchall()
    total = next((int(n) for _, _, g, _, n in rows if g == 3), 0)
    by_kind = [(kind, int(n)) for kind, _, g, n, _ in rows if g == 1 and kind is not None]
    by_speaker = [(who, int(n)) for _, who, g, _, n in rows if g == 2 and who is not None and n]

    def most(counts: list[tuple[Any, int]]) -> list[tuple[Any, int]]:
        return sorted(counts, key=lambda vn: (-vn[1], vn[0]))[:top]

    where = quote_clauses(conn, search)
    facets = {
        "kind": most(by_kind),
        "speaker": most(by_speaker),
        "country": _facet(
            conn,
            f"{_QUOTES_FROM} WHERE {where.sql} AND q.speaker_actor IS NOT NULL",
            where.params,
            "coalesce(y.country, r.country)",
            top,
        ),
    }
    return facets, total
