"""The HTML pages: articles (home), events, quotes, the article reader, actors, timeline,
network and map. Each page reads through the storage layer and renders a Jinja2 template;
the network and map pages draw with vendored scripts from the same parameters' JSON.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse

from dateline.errors import NotFound
from dateline.server.api import read
from dateline.server.params import (
    DEFAULT_PAGE,
    FACTUALITIES,
    ID_PATTERN,
    MAX_EDGES,
    MAX_PAGE,
    QUOTE_KINDS,
    BadParameter,
    EventFilters,
    Offset,
    QuoteKinds,
    Text,
    check_choice,
    check_day,
    check_id,
    check_kinds,
    check_text,
    event_page,
    kind_value,
    plover_names,
    quote_page,
)
from dateline.server.reader import panel, reader_segments
from dateline.server.templating import render_html
from dateline.storage.search import EVENT_SORTS, QUOTE_SORTS, EventSearch, Page, QuoteSearch

if TYPE_CHECKING:
    from collections.abc import Mapping

    from duckdb import DuckDBPyConnection
    from markupsafe import Markup

    from dateline.corpus.timeline import EntryKey
    from dateline.storage.views import ArticleRecords

Row = dict[str, Any]
router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]


def page(request: Request, template: str, **context: Any) -> HTMLResponse:
    return HTMLResponse(render_html(template, request, **context))


def pager(page_: Page) -> dict[str, Any]:
    """Numbers for the pager: first and last row shown, previous and next offsets."""
    last = min(page_.offset + page_.limit, page_.total)
    return {
        "first": page_.offset + 1 if page_.total else 0,
        "last": last,
        "total": page_.total,
        "previous": max(page_.offset - page_.limit, 0) if page_.offset > 0 else None,
        "next": page_.offset + page_.limit if last < page_.total else None,
    }


def evidence_parts(
    text: str | None, base: int | None, start: int | None, end: int | None
) -> tuple[str, str, str]:
    """An evidence sentence as (before, marked, after), the mark at [start, end) of the article."""
    if not text:
        return ("", "", "")
    if base is None or start is None or end is None or not base <= start <= end <= base + len(text):
        return (text, "", "")
    a, b = start - base, end - base
    return (text[:a], text[a:b], text[b:])


@router.get("/")
def home(
    request: Request, q: Text = None, limit: Limit = DEFAULT_PAGE, offset: Offset = 0
) -> HTMLResponse:
    from dateline.storage.query import Filters, stats, top_actors
    from dateline.storage.views import list_articles

    text = check_text("q", q)

    def work(conn: DuckDBPyConnection) -> dict[str, Any]:
        return {
            "stats": stats(conn),
            "actors": top_actors(conn, Filters(limit=15)),
            "articles": list_articles(conn, text=text, limit=limit, offset=offset),
        }

    data = read(request, work)
    return page(request, "home.html", q=text or "", pager=pager(data["articles"]), **data)


#: how many values each facet of a table page lists
FACET_TOP = 12


def _names(conn: DuckDBPyConnection) -> dict[str, str]:
    from dateline.storage.query import actor_names

    return actor_names(conn)


def _shared_names(conn: DuckDBPyConnection) -> Mapping[str, str]:
    """The registry's names (:func:`_names`) of the store's generation, read-only and not
    copied: copying the 7,945 names of the press releases cost an events page 0.3 ms."""
    from dateline.storage.query import shared_actor_names

    return shared_actor_names(conn)


def event_rows_html(
    conn: DuckDBPyConnection, rows: list[Row], names: Mapping[str, str]
) -> list[Markup]:
    """Each of ``rows`` (flat events) as its row of the events table (``_event_row.html``),
    rendered once per event and store generation.

    A row shows only the event's own values and the registry's names of its actors (``names``,
    :func:`_names`), both fixed for a generation, so its HTML is too: it is kept
    (:func:`dateline.server.cache.kept_parts`) as the macro rendered it, escaped
    as in any template, and printed as it is. Rendering is most of an events page's CPU (a
    macro call per row and per cell, every value escaped: about 3.5 of its 9 ms); a row
    kept is a dict lookup. All the rows of the 42,840 events of the 1,796 press releases
    would take 44 MB: at most :data:`dateline.server.cache.MAX_KEPT_CHARS` are kept, and
    they go with their generation."""
    by_key = {(row["article_id"], row["event_id"]): row for row in rows}

    def render(keys: list[tuple[str, str]]) -> list[Markup]:
        return _render_rows([by_key[key] for key in keys], names)

    keys = [(row["article_id"], row["event_id"]) for row in rows]
    return _kept_rows(conn).many(keys, render)


def _kept_rows(conn: DuckDBPyConnection) -> Any:
    """The events table's rows kept for the store's generation, by (article, event) id."""
    from dateline.server.cache import kept_parts

    return kept_parts(conn, "events_page_rows")


def _render_rows(rows: list[Row], names: Mapping[str, str]) -> list[Markup]:
    """Each of ``rows`` (flat events) rendered by ``_event_row.html``."""
    macro = _event_row()
    return [
        macro(
            {
                **row,
                "parts": evidence_parts(
                    row["evidence_text"],
                    row["evidence_start"],
                    row["trigger_start"],
                    row["trigger_end"],
                ),
            },
            names,
        )
        for row in rows
    ]


def _event_row() -> Any:
    """The ``event_row`` macro of ``_event_row.html``."""
    from dateline.server.templating import environment

    return environment().get_template("_event_row.html").module.event_row  # type: ignore[attr-defined]


@router.get("/events")
def events(request: Request, search: Annotated[EventSearch, Depends(event_page)]) -> HTMLResponse:
    from dateline.storage.search import event_table, event_table_keys, page_rows

    def work(
        conn: DuckDBPyConnection,
    ) -> tuple[Page, dict[str, Any], Mapping[str, str], list[Markup]]:
        names = _shared_names(conn)
        keyed = event_table_keys(conn, search, top=FACET_TOP)
        if keyed is None:  # a store that is not read-only: nothing is kept
            found, facets = event_table(conn, search, top=FACET_TOP)
            return found, facets, names, event_rows_html(conn, found.rows, names)
        keys, total, facets = keyed
        # only the rows not kept yet are read (page_rows) and rendered
        html = _kept_rows(conn).many(
            keys, lambda missing: _render_rows(page_rows(conn, missing), names)
        )
        return Page([], total, search.limit, search.offset), facets, names, html

    found, facets, names, rows = read(request, work)
    return page(
        request,
        "events.html",
        search=search,
        filters=search.filters(),
        rows=rows,
        facets=facets,
        names=names,
        pager=pager(found),
        sorts=tuple(EVENT_SORTS),
        types=plover_names(),
        factualities=FACTUALITIES,
    )


def quote_rows_html(conn: DuckDBPyConnection, keys: list[tuple[str, str]]) -> list[Markup]:
    """The rows of the quotes table of ``keys`` (article and quote ids), in order, each as the
    ``quote_row`` macro of ``_quote_row.html`` rendered it, kept for the store's generation
    (:func:`dateline.server.cache.kept_parts`, as :func:`event_rows_html`): a row shows only
    the quote's values and its speaker's name, country and sector as the store has them, all
    fixed for a generation. Only the rows not kept are read (unpickled and named:
    :func:`dateline.storage.search.quote_page_rows`) and rendered: reading and rendering 50
    rows were about half of a quotes page's CPU."""
    from dateline.server.cache import kept_parts
    from dateline.storage.search import quote_page_rows

    return kept_parts(conn, "quotes_page_rows").many(
        keys, lambda missing: _render_quote_rows(quote_page_rows(conn, missing))
    )


def _render_quote_rows(rows: list[Row]) -> list[Markup]:
    """Each of ``rows`` (quote rows) rendered by ``_quote_row.html``."""
    from dateline.server.templating import environment

    macro = environment().get_template("_quote_row.html").module.quote_row  # type: ignore[attr-defined]
    return [
        macro(
            {
                **row,
                "parts": evidence_parts(
                    row["evidence_text"], row["evidence_start"], row["start_char"], row["end_char"]
                ),
            }
        )
        for row in rows
    ]


@router.get("/quotes")
def quotes(request: Request, search: Annotated[QuoteSearch, Depends(quote_page)]) -> HTMLResponse:
    from dateline.storage.search import quote_facets_and_total, quote_page_keys

    def work(
        conn: DuckDBPyConnection,
    ) -> tuple[Page, dict[str, Any], Mapping[str, str], list[Markup]]:
        # the facets count the rows too: no count query of the page's own
        facets, total = quote_facets_and_total(conn, search, top=FACET_TOP)
        keys, _ = quote_page_keys(conn, search, count=False)
        found = Page([], total, search.limit, search.offset)
        return found, facets, _shared_names(conn), quote_rows_html(conn, keys)

    found, facets, names, rows = read(request, work)
    filters = {
        name: getattr(search, name)
        for name in ("actor", "country", "text", "since", "until", "article")
        if getattr(search, name) is not None
    }
    kind = kind_value(search.kinds)
    if kind is not None:
        filters["kind"] = kind
    return page(
        request,
        "quotes.html",
        search=search,
        filters=filters,
        rows=rows,
        facets=facets,
        names=names,
        pager=pager(found),
        sorts=tuple(QUOTE_SORTS),
        kinds=QUOTE_KINDS,
    )


ArticleId = Annotated[str, Path(pattern=ID_PATTERN)]
ActorId = Annotated[str, Path(pattern=ID_PATTERN)]
At = Annotated[int | None, Query(ge=0, le=10_000_000, description="A character offset.")]


def _article(conn: DuckDBPyConnection, article_id: str) -> ArticleRecords:
    from dateline.storage.views import article_records

    found = article_records(conn, article_id)
    if found is None:
        raise NotFound(f"No article {article_id!r} in this store.")
    return found


@router.get("/articles/{article_id}")
def article(
    request: Request,
    article_id: ArticleId,
    at: At = None,
    event: Annotated[str | None, Query(max_length=200)] = None,
    quote: Annotated[str | None, Query(max_length=200)] = None,
) -> HTMLResponse:
    event, quote = check_id("event", event), check_id("quote", quote)
    found = read(request, lambda conn: _article(conn, article_id))
    focus = None
    chosen: list[Row] = []
    for kind, record_id in (("event", event), ("quote", quote)):
        if record_id is None:
            continue
        record = found.records.get(f"{kind}:{record_id}")
        if record is None:
            raise NotFound(f"No {kind} {record_id!r} in article {article_id!r}.")
        chosen.append(record)
        if record["evidence_start"] is not None:
            focus = (record["evidence_start"], record["evidence_end"])
    if at is not None:
        chosen = found.records_at(at) or chosen
    counts: dict[str, int] = {}
    for record in found.records.values():
        counts[record["record"]] = counts.get(record["record"], 0) + 1
    return page(
        request,
        "article.html",
        article=found.article,
        segments=reader_segments(found, focus),
        records=panel(found, chosen),
        counts=counts,
    )


@router.get("/articles/{article_id}/records")
def article_records_at(request: Request, article_id: ArticleId, at: At = None) -> HTMLResponse:
    """The record panel for character ``at`` (what the reader's spans load when clicked)."""
    found = read(request, lambda conn: _article(conn, article_id))
    records = found.records_at(at) if at is not None else []
    return page(request, "_records.html", article=found.article, records=panel(found, records))


#: Counterparts an actor page shows at first for each side and event type (of the
#: :func:`dateline.storage.views.actor_profile` ``top`` that its document holds); the rest
#: come :data:`COUNTERPARTS_PAGE` at a time when asked (a "more" row loads them in its place).
#: Showing every document row made Vladimir Putin's page 93 KB (191 rows), half of it these
#: tables, and their rows most of its rendering.
COUNTERPARTS_SHOWN = 3
COUNTERPARTS_PAGE = 25
#: An actor page's tables of counterparts: table -> the actor's side in their events.
COUNTERPART_TABLES = {"did": "actor", "received": "recipient"}


def counterpart_groups(
    rows: list[Row], totals: dict[tuple[str, str], int], own: str, *, shown: int, first: int = 0
) -> list[Row]:
    """An actor's counterparts on one side (``rows``: those of one or more event types, in
    the document's order, each type's together) as a table shows them: per type, its rows of
    rank ``first + 1`` to ``first + shown``, how many counterparts of the type come after
    them (``more``, from ``totals``: every counterpart, not only the document's) and the
    offset of the next ones."""
    from itertools import groupby

    groups = []
    for kind, of_kind in groupby(rows, key=lambda r: r["type"]):
        chosen = [r for r in of_kind if first < r["rank"] <= first + shown]
        last = first + len(chosen)
        more = totals.get((own, kind), 0) - last
        groups.append({"type": kind, "rows": chosen, "more": max(more, 0), "next": last})
    return groups


@router.get("/actors/{actor_id}")
def actor(request: Request, actor_id: ActorId) -> HTMLResponse:
    from dateline.server.api import actor_document
    from dateline.storage.views import actor_events

    def work(conn: DuckDBPyConnection) -> tuple[Row, dict[tuple[str, str], int]]:
        return actor_document(conn, actor_id), actor_events(conn).counterpart_totals(actor_id)

    document, totals = read(request, work)
    tables = {
        table: counterpart_groups(document[table], totals, own, shown=COUNTERPARTS_SHOWN)
        for table, own in COUNTERPART_TABLES.items()
    }
    peak = max([max(m["as_source"], m["as_target"]) for m in document["activity"]] or [1])
    return page(request, "actor.html", profile=document, tables=tables, peak=max(peak, 1))


@router.get("/actors/{actor_id}/counterparts")
def actor_counterparts(
    request: Request,
    actor_id: ActorId,
    side: Annotated[str, Query(max_length=20)],
    kind: Annotated[str, Query(alias="type", max_length=40)],
    offset: Offset = 0,
) -> HTMLResponse:
    """The next rows of an actor page's table of counterparts (``side``: did or received)
    for one event type from ``offset``, and a "more" row if some are left: what a "more" row
    loads in its place."""
    from dateline.storage.search import actor_details
    from dateline.storage.views import actor_events

    table = check_choice("side", side, tuple(COUNTERPART_TABLES))
    chosen = check_choice("type", kind.upper(), plover_names())
    if table is None or chosen is None:
        name = "side" if table is None else "type"
        raise BadParameter(name, f"{name} is empty; give one.")
    own = COUNTERPART_TABLES[table]

    def work(conn: DuckDBPyConnection) -> tuple[list[Row], dict[tuple[str, str], int]]:
        details = actor_details(conn)
        if actor_id not in details.registry:
            raise NotFound(f"No actor {actor_id!r} in this store.")
        index = actor_events(conn)
        rows = index.counterpart_page(
            actor_id, own, chosen, details, offset=offset, limit=COUNTERPARTS_PAGE
        )
        return rows, index.counterpart_totals(actor_id)

    rows, totals = read(request, work)
    groups = counterpart_groups(rows, totals, own, shown=COUNTERPARTS_PAGE, first=offset)
    return page(request, "_counterparts.html", actor_id=actor_id, table=table, groups=groups)


def timeline_entries_html(conn: DuckDBPyConnection, chosen: list[EntryKey]) -> list[Markup]:
    """The timeline entries of ``chosen`` as the ``timeline_entry`` macro
    (``_timeline_entry.html``) renders them, each once per store generation.

    An entry (a merged event with its reports, or a quote) shows nothing but its own values
    and the registry's names of its actors, so its HTML is fixed for a generation and kept
    (:func:`dateline.server.cache.kept_parts`); rendering was about half of a timeline
    page's CPU."""
    from dateline.corpus.timeline import timeline_entries
    from dateline.server.cache import kept_parts
    from dateline.server.templating import environment

    macro = environment().get_template("_timeline_entry.html").module.timeline_entry  # type: ignore[attr-defined]

    def render(keys: list[EntryKey]) -> list[Markup]:
        entries = timeline_entries(conn, keys)
        for entry in entries:
            for report in entry["evidence"] if entry["kind"] == "event" else []:
                ev, trig = report["evidence"], report["trigger"]
                report["parts"] = evidence_parts(
                    ev["text"] if ev else None,
                    ev["start"] if ev else None,
                    trig["start"] if trig else None,
                    trig["end"] if trig else None,
                )
        return [macro(entry) for entry in entries]

    return kept_parts(conn, "timeline_page_entries").many(chosen, render)


@router.get("/timeline")
def timeline(
    request: Request,
    q: Text = None,
    since: Annotated[str | None, Query()] = None,
    until: Annotated[str | None, Query()] = None,
    kind: QuoteKinds = None,
    limit: Limit = DEFAULT_PAGE,
    offset: Offset = 0,
) -> HTMLResponse:
    from dateline.corpus.timeline import timeline_page_keys

    query = check_text("q", q)
    first, last = check_day("since", since), check_day("until", until)
    kinds = check_kinds("kind", kind)
    entries: list[Markup] = []
    total = 0
    if query:

        def work(conn: DuckDBPyConnection) -> tuple[list[Markup], int]:
            chosen, total = timeline_page_keys(
                conn, query, since=first, until=last, limit=limit, offset=offset, kinds=kinds
            )
            return timeline_entries_html(conn, chosen), total

        entries, total = read(request, work)
    shown = Page([], total, limit, offset)  # the pager's numbers
    return page(
        request,
        "timeline.html",
        q=query or "",
        since=first,
        until=last,
        kind=kind_value(kinds) or "",
        kinds=(*QUOTE_KINDS, "all"),
        entries=entries,
        pager=pager(shown),
    )


@router.get("/network")
def network(
    request: Request,
    filters: EventFilters,
    edges: Annotated[int, Query(ge=1, le=MAX_EDGES)] = 150,
) -> HTMLResponse:
    from dateline.storage.views import event_network

    search = EventSearch(**filters)
    nodes, links = read(request, lambda conn: event_network(conn, search, max_edges=edges))
    names = {n["id"]: n["name"] for n in nodes}
    return page(
        request,
        "network.html",
        filters=search.filters(),
        nodes=nodes,
        edges=links,
        names=names,
        types=plover_names(),
        factualities=FACTUALITIES,
        max_edges=edges,
    )


@router.get("/map")
def places_map(request: Request, filters: EventFilters) -> HTMLResponse:
    from dateline.storage.views import event_places

    search = EventSearch(**filters)
    rows = read(request, lambda conn: event_places(conn, search, max_places=60))
    return page(
        request,
        "map.html",
        filters=search.filters(),
        places=rows,
        types=plover_names(),
        factualities=FACTUALITIES,
    )
