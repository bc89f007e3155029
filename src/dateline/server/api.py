"""The JSON API under ``/api``: events (also CSV and Parquet), quotes, articles, actors,
timelines, the network and the map, each row with its evidence.

Lists come a page at a time: ``{"ok": true, "total": N, "limit": L, "offset": O, "next": URL
or null, "rows": [...]}``. ``/api/events`` rows are the flat events table
(:data:`dateline.storage.search.FLAT_EVENT_COLUMNS`); ``/api/events.csv`` and
``/api/events.parquet`` give the same rows for the same parameters, so a download holds exactly
the page a person sees.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from dateline.errors import NotFound
from dateline.server.app import dumps
from dateline.server.params import (
    DEFAULT_PAGE,
    ID_PATTERN,
    MAX_EDGES,
    MAX_PAGE,
    MAX_PLACES,
    EventFilters,
    Offset,
    QuoteKinds,
    Text,
    check_day,
    check_id,
    check_kinds,
    check_text,
    event_download,
    event_page,
    quote_download,
    quote_page,
)
from dateline.server.reading import reading
from dateline.storage.search import (
    FLAT_EVENT_COLUMNS,
    QUOTE_COLUMNS,
    EventSearch,
    Page,
    QuoteSearch,
)

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

    from dateline.corpus.timeline import EntryKey

T = TypeVar("T")
Row = dict[str, Any]


class ErrorBody(BaseModel):
    """The one shape of every error (see :mod:`dateline.server.app`)."""

    ok: bool = False
    status: int
    error: str
    parameter: str | None
    message: str


_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "A parameter is not valid."},
    404: {"model": ErrorBody, "description": "No such record."},
    503: {"model": ErrorBody, "description": "The store stayed locked by an ingest."},
}
router = APIRouter(prefix="/api", tags=["api"], responses=_ERRORS)

ArticleId = Annotated[str, Path(pattern=ID_PATTERN, description="An article id.")]
ActorId = Annotated[str, Path(pattern=ID_PATTERN, description="An actor id.")]


def read(request: Request, work: Callable[[DuckDBPyConnection], T]) -> T:
    """Run ``work`` on a read-only connection that lives for this request only."""
    with reading(request.app.state.db) as conn:
        return work(conn)


def json_response(value: Any) -> Response:
    return Response(dumps(value), media_type="application/json")


def page_body(request: Request, page: Page, rows: list[Row]) -> dict[str, Any]:
    following = None
    if page.offset + page.limit < page.total:
        following = str(request.url.include_query_params(offset=page.offset + page.limit))
    return {
        "ok": True,
        "total": page.total,
        "limit": page.limit,
        "offset": page.offset,
        "next": following,
        "rows": rows,
    }


def json_page(request: Request, page: Page, rows: list[bytes]) -> Response:
    """``json_response(page_body(request, page, rows))`` for rows already written as JSON
    (:func:`dumps`): the body's ``"rows"`` comes last, and ``json.dumps`` writes a list as
    its items joined by ``", "``, so the rows are put in its place as they are."""
    head = dumps(page_body(request, page, []))
    if not head.endswith(_EMPTY_ROWS):
        raise AssertionError(head)
    return Response(
        head[: -len(_EMPTY_ROWS)] + b'"rows": [' + b", ".join(rows) + b"]}",
        media_type="application/json",
    )


_EMPTY_ROWS = b'"rows": []}'


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    isoformat = getattr(value, "isoformat", None)
    return isoformat() if isoformat else value


#: Types the csv module writes as :func:`_csv_value` would (None as an empty field).
_CSV_PLAIN = frozenset({str, int, float, bool, type(None)})


def _csv_fields(rows: list[Row], columns: tuple[str, ...]) -> list[list[Any]]:
    """``rows``' values column by column, as the CSV writer is given them: a column whose
    values are all of :data:`_CSV_PLAIN` as it is (the writer prints None as nothing), the
    others through :func:`_csv_value`."""
    fields = [[row[c] for row in rows] for c in columns]
    return [
        values if _CSV_PLAIN.issuperset(map(type, values)) else list(map(_csv_value, values))
        for values in fields
    ]


def csv_text(rows: list[Row], columns: tuple[str, ...]) -> str:
    """``rows`` as CSV, a header of ``columns`` first; NULL as an empty field, dates as ISO
    text. Column by column (:func:`_csv_fields`): 500 rows in 2-3 ms instead of 7 for a call
    per value."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    if rows:
        writer.writerows(zip(*_csv_fields(rows, columns), strict=True))
    return out.getvalue()


def csv_lines(rows: list[Row], columns: tuple[str, ...]) -> list[bytes]:
    """Each of ``rows`` as its line of :func:`csv_text` (no header), UTF-8: the writer
    decides the quoting of each field alone, so a CSV is its header and its rows' lines
    joined. One writer for all the rows; its ``writerow`` returns how many characters it
    wrote, which cuts the text into lines (a quoted field may hold a newline)."""
    if not rows:
        return []
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    lengths = [writer.writerow(row) for row in zip(*_csv_fields(rows, columns), strict=True)]
    text = out.getvalue()
    lines = []
    start = 0
    for length in lengths:
        lines.append(text[start : start + length].encode("utf-8"))
        start += length
    return lines


def csv_response(body: str | bytes, filename: str) -> Response:
    return Response(
        body,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


#: The header line of the events CSV.
_EVENTS_CSV_HEADER = csv_text([], FLAT_EVENT_COLUMNS).encode("utf-8")


def events_csv_bytes(conn: DuckDBPyConnection, search: EventSearch) -> bytes:
    """The events CSV of ``search``: the bytes of ``csv_text(search_events(...).rows)``,
    encoded.

    Each event's line depends only on the store's content, so on a read-only store the lines
    are kept for the store's generation (:func:`dateline.server.cache.kept_parts`) as they
    are first written: a download is its page's keys from the
    :class:`dateline.storage.page_index.EventIndex` and their lines joined. Reading and
    writing 500 rows cost 10-12 ms of CPU (the rows from memory, made flat, then the writer);
    a line kept costs a dict lookup. All the lines of the 42,840 events of the 1,796 press
    releases would take 25.5 MB: at most :data:`dateline.server.cache.MAX_KEPT_CHARS` are
    kept, and they go with their generation."""
    from dateline.server.cache import kept_parts
    from dateline.storage.search import event_page_keys, page_rows, search_events

    found = event_page_keys(conn, search, count=False)
    if found is None:
        rows = search_events(conn, search, count=False).rows
        return csv_text(rows, FLAT_EVENT_COLUMNS).encode("utf-8")
    keys, _ = found
    lines = kept_parts(conn, "events_csv_lines").many(
        keys, lambda missing: csv_lines(page_rows(conn, missing), FLAT_EVENT_COLUMNS)
    )
    return _EVENTS_CSV_HEADER + b"".join(lines)


@router.get("/stats", summary="Row counts, date range and pipeline versions of the store")
def stats(request: Request) -> Response:
    from dateline.storage.query import stats as store_stats

    return json_response({"ok": True, **read(request, store_stats)})


@router.get("/events", summary="Events, one flat row each, with filters and pages")
def events(request: Request, search: Annotated[EventSearch, Depends(event_page)]) -> Response:
    page, rows = read(request, lambda conn: events_json_rows(conn, search))
    return json_page(request, page, rows)


def events_json_rows(conn: DuckDBPyConnection, search: EventSearch) -> tuple[Page, list[bytes]]:
    """The page of ``/api/events`` (its rows left out) and its rows as JSON (:func:`dumps`).

    On a read-only store each event's JSON is kept for the store's generation as it is first
    written (:func:`dateline.server.cache.kept_parts`: a flat event depends only on the
    store's content), so a page is its keys from the
    :class:`dateline.storage.page_index.EventIndex` and their JSON joined: 100 rows read,
    made flat and written cost about 3 ms."""
    from dateline.server.cache import kept_parts
    from dateline.storage.search import event_page_keys, page_rows, search_events

    found = event_page_keys(conn, search)
    if found is None:
        page = search_events(conn, search)
        return replace(page, rows=[]), [dumps(row) for row in page.rows]
    keys, total = found
    rows = kept_parts(conn, "events_api_rows").many(
        keys, lambda missing: [dumps(row) for row in page_rows(conn, missing)]
    )
    return Page([], total, search.limit, search.offset), rows


@router.get("/events.csv", summary="The same rows as /api/events, as CSV")
def events_csv(
    request: Request, search: Annotated[EventSearch, Depends(event_download)]
) -> Response:
    return csv_response(read(request, lambda conn: events_csv_bytes(conn, search)), "events.csv")


@router.get("/events.parquet", summary="The same rows as /api/events, as Parquet")
def events_parquet(
    request: Request, search: Annotated[EventSearch, Depends(event_download)]
) -> Response:
    import pyarrow.parquet as pq

    from dateline.storage.search import flat_events_arrow

    table = read(request, lambda conn: flat_events_arrow(conn, search))
    out = io.BytesIO()
    pq.write_table(table, out, compression="zstd")
    return Response(
        out.getvalue(),
        media_type="application/vnd.apache.parquet",
        headers={"Content-Disposition": 'attachment; filename="events.parquet"'},
    )


def _named_facets(conn: DuckDBPyConnection, facets: dict[str, list[tuple[Any, int]]]) -> Row:
    from dateline.storage.query import actor_names

    names = actor_names(conn)
    actorish = {"source", "target", "speaker"}
    return {
        name: [
            {
                "value": value,
                "count": n,
                **({"name": names.get(value, value)} if name in actorish else {}),
            }
            for value, n in counts
        ]
        for name, counts in facets.items()
    }


@router.get("/events/facets", summary="Counts of the matching events per type, quad, ...")
def events_facets(
    request: Request, search: Annotated[EventSearch, Depends(event_page)]
) -> Response:
    from dateline.storage.search import event_facets

    facets = read(request, lambda conn: _named_facets(conn, event_facets(conn, search)))
    return json_response({"ok": True, "facets": facets})


@router.get("/quotes", summary="Quotes with their speaker, cue and sentence, with filters")
def quotes(request: Request, search: Annotated[QuoteSearch, Depends(quote_page)]) -> Response:
    page, rows = read(request, lambda conn: quotes_json_rows(conn, search))
    return json_page(request, page, rows)


def quotes_json_rows(conn: DuckDBPyConnection, search: QuoteSearch) -> tuple[Page, list[bytes]]:
    """The page of ``/api/quotes`` (its rows left out) and its rows as JSON (:func:`dumps`),
    each quote's JSON kept for the store's generation as it is first written
    (:func:`dateline.server.cache.kept_parts`, as :func:`events_json_rows`: a quote row
    depends only on the store's content), so that a page is its keys
    (:func:`dateline.storage.search.quote_page_keys`) and their JSON joined, and only the
    quotes not kept are read (:func:`dateline.storage.search.quote_page_rows`) and written."""
    from dateline.server.cache import kept_parts
    from dateline.storage.search import quote_page_keys, quote_page_rows

    keys, total = quote_page_keys(conn, search)
    rows = kept_parts(conn, "quotes_api_rows").many(
        keys, lambda missing: [dumps(row) for row in quote_page_rows(conn, missing)]
    )
    return Page([], total, search.limit, search.offset), rows


@router.get("/quotes.csv", summary="The same rows as /api/quotes, as CSV")
def quotes_csv(
    request: Request, search: Annotated[QuoteSearch, Depends(quote_download)]
) -> Response:
    from dateline.storage.search import search_quotes

    page = read(request, lambda conn: search_quotes(conn, search, count=False))  # rows only
    return csv_response(csv_text(page.rows, QUOTE_COLUMNS), "quotes.csv")


@router.get("/quotes/facets", summary="Counts of the matching quotes per kind, speaker, country")
def quotes_facets(
    request: Request, search: Annotated[QuoteSearch, Depends(quote_page)]
) -> Response:
    from dateline.storage.search import quote_facets

    facets = read(request, lambda conn: _named_facets(conn, quote_facets(conn, search)))
    return json_response({"ok": True, "facets": facets})


Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]


@router.get("/articles", summary="Articles, newest first, with counts of their records")
def articles(
    request: Request, q: Text = None, limit: Limit = DEFAULT_PAGE, offset: Offset = 0
) -> Response:
    from dateline.storage.views import list_articles

    text = check_text("q", q)
    page = read(request, lambda conn: list_articles(conn, text=text, limit=limit, offset=offset))
    return json_response(page_body(request, page, page.rows))


def article_document(conn: DuckDBPyConnection, article_id: str) -> Row:
    from dateline.storage.views import article_records

    found = article_records(conn, article_id)
    if found is None:
        raise NotFound(f"No article {article_id!r} in this store.")
    records: dict[str, list[Row]] = {}
    for record in found.records.values():
        records.setdefault(record["record"] + "s", []).append(record)
    return {"ok": True, "article": found.article, "records": records}


@router.get("/articles/{article_id}", summary="An article with every record extracted from it")
def article(request: Request, article_id: ArticleId) -> Response:
    return json_response(read(request, lambda conn: article_document(conn, article_id)))


@router.get("/actors", summary="Actors a name designates (spelling variants included)")
def actors(request: Request, q: Text = None, limit: Limit = DEFAULT_PAGE) -> Response:
    from dateline.storage.query import fetch_rows
    from dateline.storage.search import actor_ids

    name = check_text("q", q)

    def find(conn: DuckDBPyConnection) -> list[Row]:
        if name is None:
            return fetch_rows(
                conn,
                "SELECT * FROM actors ORDER BY n_articles DESC, n_mentions DESC, actor_id LIMIT ?",
                [limit],
            )
        ids = actor_ids(conn, name)[:limit]
        rows = fetch_rows(
            conn, "SELECT * FROM actors WHERE actor_id IN (SELECT unnest(?::VARCHAR[]))", [ids]
        )
        order = {actor_id: i for i, actor_id in enumerate(ids)}
        return sorted(rows, key=lambda row: order[row["actor_id"]])

    rows = read(request, find)
    return json_response({"ok": True, "total": len(rows), "rows": rows})


def actor_document(conn: DuckDBPyConnection, actor_id: str) -> Row:
    """An actor's profile and its newest quotes (``/api/actors/{id}``'s answer and the actor
    page's data), made once per store generation and kept
    (:func:`dateline.server.cache.kept_parts`): it depends only on the store's content, and
    making it cost 3.4 ms of CPU per request for Vladimir Putin on the 1,796 press releases
    (the actor's row and quotes from DuckDB on the request's fresh cursor, its counterparts
    named and sorted). At most :data:`dateline.server.cache.MAX_KEPT_ACTOR_CHARS` of them
    (in characters of their JSON) are kept; the rest are made every time. Every request gets
    the same dict: callers read it and never change it."""
    from dateline.server.cache import MAX_KEPT_ACTOR_CHARS, kept_parts

    kept = kept_parts(conn, "actor_documents")
    document = kept.get(actor_id)
    if document is None:  # an actor not in the store raises NotFound: nothing is kept
        document = plain_actor_document(conn, actor_id)
        size = len(dumps(document))
        kept.keep(actor_id, document, size=size, ceiling=MAX_KEPT_ACTOR_CHARS)
    return document


def plain_actor_document(conn: DuckDBPyConnection, actor_id: str) -> Row:
    """An actor's document as :func:`actor_document` gives it, made afresh."""
    from dataclasses import fields

    from dateline.storage.search import search_quotes
    from dateline.storage.views import actor_profile

    profile = actor_profile(conn, actor_id)
    if profile is None:
        raise NotFound(f"No actor {actor_id!r} in this store.")
    quotes = search_quotes(
        conn, QuoteSearch(actor=actor_id, sort="date", descending=True, limit=20)
    )
    # the profile's fields as they are: its rows are new dicts of plain values, made for this
    # call, so dataclasses.asdict's deep copy of them (a third of Putin's 20 ms) bought nothing
    parts = {field.name: getattr(profile, field.name) for field in fields(profile)}
    return {"ok": True, **parts, "quotes": quotes.rows, "n_quotes": quotes.total}


@router.get("/actors/{actor_id}", summary="An actor: names, roles over time, who it acted on")
def actor(request: Request, actor_id: ActorId) -> Response:
    return json_response(read(request, lambda conn: actor_document(conn, actor_id)))


def timeline_api_rows(conn: DuckDBPyConnection, chosen: list[EntryKey]) -> list[bytes]:
    """The JSON (:func:`dumps`) of the timeline entries of ``chosen``, each written once per
    store generation: an entry shows only its own values and the registry's names of its
    actors, so its JSON is fixed for a generation and kept
    (:func:`dateline.server.cache.kept_parts`); reading and writing 100 entries cost 3-4 ms."""
    from dateline.corpus.timeline import timeline_entries
    from dateline.server.cache import kept_parts

    return kept_parts(conn, "timeline_api_entries").many(
        chosen, lambda keys: [dumps(entry) for entry in timeline_entries(conn, keys)]
    )


@router.get("/timeline", summary="Merged events and quotes for a query, by date, with evidence")
def timeline(
    request: Request,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=200,
            description="Terms joined by AND / OR: an actor, a dyad ('Trump AND Putin'), a "
            "place or a phrase.",
        ),
    ],
    since: Annotated[str | None, Query(description="YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(description="YYYY-MM-DD")] = None,
    quotes: bool = True,
    kind: QuoteKinds = None,
    limit: Limit = DEFAULT_PAGE,
    offset: Offset = 0,
) -> Response:
    from dateline.corpus.timeline import timeline_page_keys

    query = check_text("q", q) or ""
    first, last = check_day("since", since), check_day("until", until)
    kinds = check_kinds("kind", kind)

    def work(conn: DuckDBPyConnection) -> tuple[list[bytes], int]:
        chosen, total = timeline_page_keys(
            conn,
            query,
            since=first,
            until=last,
            quotes=quotes,
            limit=limit,
            offset=offset,
            kinds=kinds,
        )
        return timeline_api_rows(conn, chosen), total

    entries, total = read(request, work)
    return json_page(request, Page([], total, limit, offset), entries)


@router.get("/network", summary="Who did what to whom: actors and edges by quad class")
def network(
    request: Request,
    filters: EventFilters,
    edges: Annotated[int, Query(ge=1, le=MAX_EDGES, description="Edges at most.")] = 150,
) -> Response:
    from dateline.storage.views import event_network

    search = EventSearch(**filters)
    nodes, links = read(request, lambda conn: event_network(conn, search, max_edges=edges))
    return json_response({"ok": True, "nodes": nodes, "edges": links})


@router.get("/map", summary="Places of the matching events with counts and evidence")
def places(
    request: Request,
    filters: EventFilters,
    places: Annotated[int, Query(ge=1, le=MAX_PLACES, description="Places at most.")] = 500,
) -> Response:
    from dateline.storage.views import event_places

    search = EventSearch(**filters)
    rows = read(request, lambda conn: event_places(conn, search, max_places=places))
    return json_response({"ok": True, "places": rows})


__all__ = ["check_id", "router"]
