"""Timelines: merged events and quotes about an actor, a place or a phrase, by date, with evidence.

A query is terms joined by ``AND`` / ``OR`` (``AND`` binds tighter, as in most search engines):
``Kursk``, ``Trump AND Putin``, ``"grain deal" OR Odesa``. Words not separated by an operator
form one phrase (``Vladimir Putin``). A term matches

* a merged event when the term names one of its actors or recipients (an actor id, or part of a
  registry name: :func:`dateline.storage.query.matching_actors`), or its place, or when the
  evidence sentence or place of one of its reports contains it (case-insensitive);
* a quote when it names the speaker, or the quote or its sentence contains it. Quotes are the
  speech kinds unless asked otherwise: a "belief" ("I know he is right") is not something said.

Merged events are the corpus-level events of :mod:`dateline.corpus.merge` (only events that
happened); quotes from near-duplicate articles are left out, like their reports are.
"""

from __future__ import annotations

import datetime as dt
import shlex
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dateline.contract import iso_day, span_json
from dateline.errors import ConfigError
from dateline.model import SPEECH_KINDS
from dateline.schema import SpanField
from dateline.storage.query import fetch_rows
from dateline.storage.search import quote_rows
from dateline.storage.views_rows import KeyedRows

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

Row = dict[str, Any]
_OPERATORS = {"AND", "OR"}


def parse_query(query: str) -> list[list[str]]:
    """``a AND b OR c`` -> ``[["a", "b"], ["c"]]`` (an OR of AND groups of phrases)."""
    try:
        tokens = shlex.split(query)
    except ValueError as exc:
        raise ConfigError(f"Cannot read the query {query!r} ({exc}). Close the quotes.") from None
    groups: list[list[str]] = [[]]
    phrase: list[str] = []
    last = None
    for token in tokens:
        if token in _OPERATORS:
            if not phrase:
                raise ConfigError(
                    f"The query {query!r} has {token} without a term before it. "
                    "Write e.g. 'Trump AND Putin'."
                )
            groups[-1].append(" ".join(phrase))
            phrase = []
            if token == "OR":
                groups.append([])
        else:
            phrase.append(token)
        last = token
    if phrase:
        groups[-1].append(" ".join(phrase))
    if last in _OPERATORS or not any(groups):
        raise ConfigError(
            f"The query {query!r} needs a term after {last}." if last else "The query is empty."
        )
    return groups


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _where(
    conn: DuckDBPyConnection, groups: list[list[str]], term_sql: Any
) -> tuple[str, list[Any]]:
    from dateline.storage.query import matching_actors

    ors, params = [], []
    for group in groups:
        ands = []
        for term in group:
            sql, term_params = term_sql(term, matching_actors(conn, term))
            ands.append(sql)
            params.extend(term_params)
        ors.append("(" + " AND ".join(ands) + ")")
    return "(" + " OR ".join(ors) + ")", params


def _event_term(term: str, ids: list[str]) -> tuple[str, list[Any]]:
    like = _like(term)
    sql = (
        "(list_has_any(list_concat(m.actors, m.recipients), ?::VARCHAR[]) "
        "OR m.place_name ILIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM merged_event_reports r "
        "JOIN events e USING (article_id, event_id) WHERE r.merged_id = m.merged_id AND "
        "(e.evidence_text ILIKE ? ESCAPE '\\' OR e.place_name ILIKE ? ESCAPE '\\')))"
    )
    return sql, [ids, like, like, like]


def _quote_term(term: str, ids: list[str]) -> tuple[str, list[Any]]:
    like = _like(term)
    sql = (
        "(q.speaker_actor IN (SELECT unnest(?::VARCHAR[])) OR q.text ILIKE ? ESCAPE '\\' "
        "OR q.evidence_text ILIKE ? ESCAPE '\\')"
    )
    return sql, [ids, like, like]


#: The spans entries show, declared once: a declaration caches its column names, and a page
#: of 100 entries reads 400 spans (``storage.records.span_record`` declares one per call).
_SPANS = {prefix: SpanField(prefix) for prefix in ("evidence", "trigger", "cue")}


def span_record(row: Row, prefix: str) -> dict[str, Any] | None:
    """The span in a row's ``{prefix}_start, _end, _text`` columns as ``{start, end, text}``."""
    return span_json(_SPANS[prefix].from_row(row, ""))


@dataclass(frozen=True)
class Window:
    since: dt.date | None = None
    until: dt.date | None = None


#: The reports of merged events, with their article and evidence, originals first.
_REPORTS = """
    SELECT r.merged_id, r.article_id, r.event_id, r.duplicate, a.date AS article_date,
        a.title, a.url, a.source, e.factuality, e.reporter, e.evidence_start,
        e.evidence_end, e.evidence_text, e.trigger_start, e.trigger_end, e.trigger_text
    FROM merged_event_reports r JOIN events e USING (article_id, event_id)
    JOIN articles a USING (article_id)
"""
_REPORT_ORDER = "r.duplicate, a.date, r.article_id, e.evidence_start, r.event_id"


def reports_by_event(conn: DuckDBPyConnection, merged_ids: list[str]) -> dict[str, list[Row]]:
    """The reports of each merged event, with their article and evidence, originals first."""
    by_event: dict[str, list[Row]] = {}
    for report in fetch_rows(
        conn,
        f"{_REPORTS} WHERE r.merged_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY {_REPORT_ORDER}",
        [merged_ids],
    ):
        by_event.setdefault(report["merged_id"], []).append(report)
    return by_event


@dataclass(frozen=True)
class TimelineRows:
    """What a timeline page shows of its entries, in memory by key for one store generation
    (:mod:`dateline.storage.views_rows`): each merged event's row, its reports in
    :func:`reports_by_event`'s order, and each quote's row with its article. A page of 100
    entries read them in three scans of whole tables, 30 ms of DuckDB whatever the page."""

    events: KeyedRows  # merged_id -> the merged_events row
    reports: KeyedRows  # merged_id -> its reports (grouped)
    quotes: KeyedRows  # (article_id, quote_id) -> the quote with its article (shared)

    @classmethod
    def read(cls, conn: DuckDBPyConnection) -> TimelineRows:
        return cls(
            events=KeyedRows.read(conn, "SELECT * FROM merged_events", lambda row: row[0]),
            reports=KeyedRows.read(
                conn,
                f"{_REPORTS} ORDER BY r.merged_id, {_REPORT_ORDER}",
                lambda row: row[0],
                grouped=True,
            ),
            quotes=quote_rows(conn),
        )


def timeline_rows(conn: DuckDBPyConnection) -> TimelineRows:
    """The store's :class:`TimelineRows`, read once per store generation."""
    from dateline.storage.generation import per_generation

    return per_generation(conn, "timeline_rows", lambda: TimelineRows.read(conn))


def timeline_events(conn: DuckDBPyConnection, query: str, window: Window) -> list[Row]:
    where, params = _where(conn, parse_query(query), _event_term)
    if window.since:
        where += " AND coalesce(m.date_latest, m.first_report) >= ?"
        params.append(window.since)
    if window.until:
        where += " AND coalesce(m.date_earliest, m.first_report) <= ?"
        params.append(window.until)
    events = fetch_rows(
        conn,
        f"SELECT m.* FROM merged_events m WHERE {where} "
        "ORDER BY coalesce(m.date_earliest, m.first_report), m.merged_id",
        params,
    )
    if not events:
        return []
    by_event = reports_by_event(conn, [e["merged_id"] for e in events])
    for event in events:
        event["reports"] = by_event.get(event["merged_id"], [])
    return events


def timeline_quotes(
    conn: DuckDBPyConnection, query: str, window: Window, kinds: tuple[str, ...] = SPEECH_KINDS
) -> list[Row]:
    where, params = _where(conn, parse_query(query), _quote_term)
    where += " AND q.kind IN (SELECT unnest(?::VARCHAR[]))"
    params.append(list(kinds))
    if window.since:
        where += " AND a.date >= ?"
        params.append(window.since)
    if window.until:
        where += " AND a.date <= ?"
        params.append(window.until)
    return fetch_rows(
        conn,
        f"""
        SELECT q.*, a.date AS article_date, a.title, a.url, a.source
        FROM quotes q JOIN articles a USING (article_id)
        WHERE {where} AND NOT EXISTS
            (SELECT 1 FROM article_duplicates d WHERE d.article_id = q.article_id)
        ORDER BY a.date, q.article_id, q.start_char, q.quote_id
        """,
        params,
    )


def event_entry(row: Row, names: dict[str, str]) -> dict[str, Any]:
    from dateline.corpus.merge import event_day

    named = lambda ids: [{"id": i, "name": names.get(i, i)} for i in ids or []]  # noqa: E731
    place = None
    if row["place_name"] is not None:
        place = {
            k: row[f"place_{k}"] for k in ("name", "feature", "country", "admin1", "lat", "lon")
        }
    return {
        "kind": "event",
        "date": iso_day(event_day(row)),
        "merged_id": row["merged_id"],
        "type": row["type"],
        "mode": row["mode"],
        "quad": row["quad"],
        "score": row["score"],
        "actors": named(row["actors"]),
        "recipients": named(row["recipients"]),
        "earliest": iso_day(row["date_earliest"]),
        "latest": iso_day(row["date_latest"]),
        "place": place,
        "n_reports": row["n_reports"],
        "n_articles": row["n_articles"],
        "n_sources": row["n_sources"],
        "evidence": [
            {
                "article_id": r["article_id"],
                "event_id": r["event_id"],
                "article_date": iso_day(r["article_date"]),
                "title": r["title"],
                "url": r["url"],
                "source": r["source"],
                "factuality": r["factuality"],
                "duplicate": r["duplicate"],
                "evidence": span_record(r, "evidence"),
                "trigger": span_record(r, "trigger"),
            }
            for r in row["reports"]
        ],
    }


def quote_entry(row: Row, names: dict[str, str]) -> dict[str, Any]:
    speaker = row["speaker_actor"]
    return {
        "kind": "quote",
        "date": iso_day(row["article_date"]),
        "quote_id": row["quote_id"],
        "article_id": row["article_id"],
        "title": row["title"],
        "url": row["url"],
        "speaker": {"actor": speaker, "name": names.get(speaker, row["speaker_text"])},
        "quote_kind": row["kind"],
        "text": row["text"],
        "start": row["start_char"],
        "end": row["end_char"],
        "cue": span_record(row, "cue"),
        "evidence": span_record(row, "evidence"),
    }


def timeline(
    conn: DuckDBPyConnection,
    query: str,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    quotes: bool = True,
    limit: int | None = None,
    kinds: tuple[str, ...] = SPEECH_KINDS,
) -> list[dict[str, Any]]:
    """Timeline entries (merged events, then quotes of ``kinds``, on each day), oldest first."""
    from dateline.storage.query import actor_names

    window = Window(since, until)
    names = actor_names(conn)
    entries = [event_entry(row, names) for row in timeline_events(conn, query, window)]
    if quotes:
        entries += [quote_entry(row, names) for row in timeline_quotes(conn, query, window, kinds)]
    entries.sort(key=lambda e: (e["date"] or "", e["kind"] != "event"))
    return entries[:limit] if limit is not None else entries


def timeline_page(
    conn: DuckDBPyConnection,
    query: str,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    quotes: bool = True,
    limit: int = 50,
    offset: int = 0,
    kinds: tuple[str, ...] = SPEECH_KINDS,
) -> tuple[list[dict[str, Any]], int]:
    """One page of :func:`timeline` (the same entries in the same order) and the number of
    entries in all.

    The matches and their order come from the store's timeline index
    (:mod:`dateline.storage.timeline_index`, built once per store generation); merged events,
    quotes and reports are read for the page alone, so a page of a query that matches
    thousands (``Putin`` in the 1,796 press releases: 5,000 merged events and 2,400 quotes)
    costs little more than a small query.
    """
    chosen, total = timeline_page_keys(
        conn,
        query,
        since=since,
        until=until,
        quotes=quotes,
        limit=limit,
        offset=offset,
        kinds=kinds,
    )
    return timeline_entries(conn, chosen), total


#: An entry of the timeline index: (is a quote, its position among the index's quotes or
#: merged events); an entry's content depends on nothing else (for one store generation).
EntryKey = tuple[bool, int]


def timeline_page_keys(
    conn: DuckDBPyConnection,
    query: str,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    quotes: bool = True,
    limit: int = 50,
    offset: int = 0,
    kinds: tuple[str, ...] = SPEECH_KINDS,
) -> tuple[list[EntryKey], int]:
    """The keys of the entries of :func:`timeline_page`, in its order, and its total."""
    from dateline.storage.query import matching_actors
    from dateline.storage.timeline_index import timeline_index

    index = timeline_index(conn)
    terms = [
        [(term, matching_actors(conn, term)) for term in group] for group in parse_query(query)
    ]
    return index.page(terms, since, until, kinds if quotes else None, offset=offset, limit=limit)


def timeline_entries(conn: DuckDBPyConnection, chosen: list[EntryKey]) -> list[dict[str, Any]]:
    """The entries of ``chosen`` (:func:`timeline_page_keys`), in their order: new dicts."""
    from dateline.storage.query import actor_names
    from dateline.storage.timeline_index import timeline_index

    if not chosen:
        return []
    index = timeline_index(conn)
    rows = timeline_rows(conn)
    names = actor_names(conn)
    entries = []
    for is_quote, i in chosen:
        if is_quote:
            said = rows.quotes.row(index.quote_keys[i])
            if said is None:  # the index and the rows are of one generation: never
                raise KeyError(index.quote_keys[i])
            entries.append(quote_entry(said, names))
        else:
            merged_id = index.event_ids[i]
            row = rows.events.row(merged_id)
            if row is None:
                raise KeyError(merged_id)
            entries.append(event_entry({**row, "reports": rows.reports.group(merged_id)}, names))
    return entries
