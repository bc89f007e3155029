"""What the web UI's pages read from the store: an article with all its records, an actor's
profile, the who-did-what-to-whom network, event places for the map, and the list of articles.

Like :mod:`dateline.storage.search`, every function takes plain values and binds them as
parameters; the server never writes SQL.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dateline.storage.query import fetch_rows
from dateline.storage.search import EventSearch, Page, event_clauses, like_pattern

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

Row = dict[str, Any]

#: The kinds of record marked in the article reader, in the order a segment lists them.
MARK_KINDS = ("actor", "quote", "event", "time", "place", "claim")


@dataclass(frozen=True)
class Mark:
    """A highlighted span of an article: which record it belongs to, and where."""

    kind: str
    key: str  # the record's key in ArticleRecords.records, e.g. "event:ev21-1499"
    start: int
    end: int
    actor: str | None = None  # the actor a mention designates
    factuality: str | None = None  # an event's factuality


@dataclass(frozen=True)
class Segment:
    """A run of article text covered by the same marks (none: plain text)."""

    start: int
    end: int
    text: str
    marks: tuple[Mark, ...]


@dataclass(frozen=True)
class ArticleRecords:
    """An article, every record extracted from it, and the spans that mark them."""

    article: Row
    records: dict[str, Row]
    marks: list[Mark]
    names: dict[str, str]

    def segments(self, extra_cuts: tuple[int, ...] = ()) -> list[Segment]:
        """The text cut at every mark boundary (and at ``extra_cuts``), each piece with the
        marks that cover it."""
        text = self.article["text"]
        cuts = {0, len(text), *extra_cuts}
        for mark in self.marks:
            cuts.update((mark.start, mark.end))
        points = sorted(c for c in cuts if 0 <= c <= len(text))
        pieces = []
        for start, end in itertools.pairwise(points):
            covering = tuple(m for m in self.marks if m.start <= start and m.end >= end)
            pieces.append(Segment(start, end, text[start:end], covering))
        return pieces

    def records_at(self, offset: int) -> list[Row]:
        """The records whose span holds character ``offset``, innermost first."""
        hits = [m for m in self.marks if m.start <= offset < m.end]
        hits.sort(key=lambda m: (m.end - m.start, MARK_KINDS.index(m.kind)))
        return [self.records[m.key] for m in dict.fromkeys(hits)]

    def mentions_of(self, actor_id: str) -> list[Mark]:
        return [m for m in self.marks if m.kind == "actor" and m.actor == actor_id]


def _span_mark(kind: str, row: Row, key: str, **extra: Any) -> Mark:
    return Mark(kind, key, row["start_char"], row["end_char"], **extra)


def article_records(conn: DuckDBPyConnection, article_id: str) -> ArticleRecords | None:
    """The article ``article_id`` with its mentions, quotes, events, times, places and claims."""
    found = fetch_rows(conn, "SELECT * FROM articles WHERE article_id = ?", [article_id])
    if not found:
        return None
    article = found[0]

    def rows(sql: str) -> list[Row]:
        return fetch_rows(conn, sql, [article_id])

    names = {
        row["actor_id"]: row["name"] or row["actor_id"]
        for row in rows("SELECT actor_id, name FROM article_actors WHERE article_id = ?")
    }
    records: dict[str, Row] = {}
    marks: list[Mark] = []
    for row in rows(
        "SELECT m.*, y.name AS actor_name, y.country, y.sector, y.kind AS actor_kind "
        "FROM mentions m LEFT JOIN article_actors y USING (article_id, actor_id) "
        "WHERE m.article_id = ? ORDER BY m.seq"
    ):
        key = f"mention:{row['seq']}"
        records[key] = {"record": "mention", "key": key, **row}
        marks.append(_span_mark("actor", row, key, actor=row["actor_id"]))
    for row in rows("SELECT * FROM quotes WHERE article_id = ? ORDER BY start_char"):
        key = f"quote:{row['quote_id']}"
        records[key] = {"record": "quote", "key": key, **row}
        marks.append(_span_mark("quote", row, key))
    roles: dict[str, dict[str, list[str]]] = {}
    for row in rows(
        "SELECT event_id, role, actor_id FROM event_actors WHERE article_id = ? ORDER BY seq"
    ):
        roles.setdefault(row["event_id"], {}).setdefault(row["role"], []).append(row["actor_id"])
    for row in rows("SELECT * FROM events WHERE article_id = ? ORDER BY evidence_start"):
        key = f"event:{row['event_id']}"
        sides = roles.get(row["event_id"], {})
        records[key] = {
            "record": "event",
            "key": key,
            **row,
            "actors": sides.get("actor", []),
            "recipients": sides.get("recipient", []),
        }
        start, end = row["trigger_start"], row["trigger_end"]
        if start is None:  # no trigger: the whole evidence sentence stands for the event
            start, end = row["evidence_start"], row["evidence_end"]
        marks.append(Mark("event", key, start, end, factuality=row["factuality"]))
    for kind, table in (("time", "times"), ("place", "places")):
        for row in rows(f"SELECT * FROM {table} WHERE article_id = ? ORDER BY seq"):
            key = f"{kind}:{row['seq']}"
            records[key] = {"record": kind, "key": key, **row}
            marks.append(_span_mark(kind, row, key))
    for row in rows("SELECT * FROM claims WHERE article_id = ? ORDER BY start_char"):
        key = f"claim:{row['claim_id']}"
        records[key] = {"record": "claim", "key": key, **row}
        marks.append(_span_mark("claim", row, key))
    return ArticleRecords(article, records, marks, names)


def list_articles(conn: DuckDBPyConnection, *, text: str | None, limit: int, offset: int) -> Page:
    """Articles newest first, with counts of their records; ``text`` filters titles."""
    where, params = "TRUE", []
    if text:
        where, params = "a.title ILIKE ? ESCAPE '\\'", [like_pattern(text)]
    rows = fetch_rows(
        conn,
        f"""
        SELECT a.article_id, a.date, a.title, a.source, a.url,
            (SELECT count(*) FROM events e WHERE e.article_id = a.article_id) AS n_events,
            (SELECT count(*) FROM quotes q WHERE q.article_id = a.article_id) AS n_quotes
        FROM articles a WHERE {where}
        ORDER BY a.date DESC, a.article_id LIMIT ? OFFSET ?
        """,
        [*params, limit, offset],
    )
    total = conn.execute(f"SELECT count(*) FROM articles a WHERE {where}", params).fetchone()
    return Page(rows, int(total[0]) if total else 0, limit, offset)


@dataclass(frozen=True)
class ActorProfile:
    """An actor across the store: how articles name it and what roles they give it, what it did
    to whom and what others did to it (by PLOVER type), when it was active."""

    actor: Row
    spellings: list[Row]
    roles: list[Row]
    activity: list[Row]
    did: list[Row]  # the actor as source: type, counterpart (a recipient), count
    received: list[Row]  # the actor as recipient: type, counterpart (an actor), count


def actor_profile(conn: DuckDBPyConnection, actor_id: str, *, top: int = 8) -> ActorProfile | None:
    found = fetch_rows(conn, "SELECT * FROM actors WHERE actor_id = ?", [actor_id])
    if not found:
        return None
    spellings = fetch_rows(
        conn,
        """
        SELECT text AS spelling, count(*) AS n FROM mentions
        WHERE actor_id = ? AND kind IN ('name', 'title', 'role', 'capital', 'demonym')
        GROUP BY 1 ORDER BY n DESC, spelling LIMIT 12
        """,
        [actor_id],
    )
    roles = fetch_rows(
        conn,
        """
        SELECT y.kind, y.country, y.sector, min(a.date) AS first_seen, max(a.date) AS last_seen,
            count(DISTINCT y.article_id) AS n_articles
        FROM article_actors y JOIN articles a USING (article_id)
        WHERE y.actor_id = ? GROUP BY ALL ORDER BY first_seen, n_articles DESC
        """,
        [actor_id],
    )
    activity = fetch_rows(
        conn,
        """
        SELECT strftime(date_trunc('month', coalesce(e.date_earliest, a.date)), '%Y-%m') AS month,
            count(*) FILTER (WHERE x.role = 'actor') AS as_source,
            count(*) FILTER (WHERE x.role = 'recipient') AS as_target
        FROM event_actors x JOIN events e USING (article_id, event_id)
        JOIN articles a USING (article_id)
        WHERE x.actor_id = ? GROUP BY 1 ORDER BY 1
        """,
        [actor_id],
    )

    # who it acted on and who acted on it, in one pass over its events (two cost 1.8x)
    pairs = fetch_rows(
        conn,
        """
        WITH pairs AS (
            SELECT x.role AS own, e.type, e.quad, o.actor_id AS counterpart, count(*) AS n
            FROM event_actors x JOIN events e USING (article_id, event_id)
            JOIN event_actors o ON o.article_id = x.article_id AND o.event_id = x.event_id
                AND o.role IN ('actor', 'recipient') AND o.role <> x.role
            WHERE x.actor_id = ? AND x.role IN ('actor', 'recipient')
                AND o.actor_id <> x.actor_id
            GROUP BY ALL
        )
        SELECT p.*, coalesce(r.name, p.counterpart) AS name,
            row_number() OVER (PARTITION BY p.own, p.type ORDER BY p.n DESC, p.counterpart)
                AS rank
        FROM pairs p LEFT JOIN actors r ON r.actor_id = p.counterpart
        QUALIFY rank <= ? ORDER BY p.quad, p.type, p.n DESC, p.counterpart
        """,
        [actor_id, top],
    )

    def counterparts(own: str) -> list[Row]:
        return [
            {key: value for key, value in row.items() if key != "own"}
            for row in pairs
            if row["own"] == own
        ]

    return ActorProfile(
        found[0],
        spellings,
        roles,
        activity,
        counterparts("actor"),
        counterparts("recipient"),
    )


def event_network(
    conn: DuckDBPyConnection, search: EventSearch, *, max_edges: int
) -> tuple[list[Row], list[Row]]:
    """Who did what to whom among the events matching ``search``: nodes and edges.

    An edge is (source, target, quad) with the number of events; the ``max_edges`` heaviest
    are kept, and the nodes are their ends.
    """
    where = event_clauses(conn, search)
    edges = fetch_rows(
        conn,
        f"""
        SELECT s.actor_id AS source, t.actor_id AS target, e.quad, count(*) AS n,
            string_agg(DISTINCT e.type, ', ' ORDER BY e.type) AS types
        FROM events e JOIN articles a USING (article_id)
        JOIN event_actors s ON s.article_id = e.article_id AND s.event_id = e.event_id
            AND s.role = 'actor'
        JOIN event_actors t ON t.article_id = e.article_id AND t.event_id = e.event_id
            AND t.role = 'recipient'
        WHERE {where.sql} AND s.actor_id <> t.actor_id
        GROUP BY ALL ORDER BY n DESC, source, target, e.quad LIMIT ?
        """,
        [*where.params, max_edges],
    )
    ids = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
    nodes = fetch_rows(
        conn,
        """
        SELECT actor_id AS id, coalesce(name, actor_id) AS name, kind, country, sector,
            n_articles FROM actors WHERE actor_id IN (SELECT unnest(?::VARCHAR[]))
        ORDER BY actor_id
        """,
        [ids],
    )
    return nodes, edges


def event_places(conn: DuckDBPyConnection, search: EventSearch, *, max_places: int) -> list[Row]:
    """Places of the events matching ``search`` with coordinates, the busiest first, each with
    its event count and the evidence of its three latest events."""
    where = event_clauses(conn, search)
    places = fetch_rows(
        conn,
        f"""
        SELECT e.place_name AS name, e.place_country AS country, e.place_admin1 AS admin1,
            e.place_lat AS lat, e.place_lon AS lon, count(*) AS n
        FROM events e JOIN articles a USING (article_id)
        WHERE {where.sql} AND e.place_lat IS NOT NULL AND e.place_lon IS NOT NULL
        GROUP BY ALL ORDER BY n DESC, name, lat, lon LIMIT ?
        """,
        [*where.params, max_places],
    )
    examples = fetch_rows(
        conn,
        f"""
        SELECT e.place_name AS name, e.place_lat AS lat, e.place_lon AS lon, e.article_id,
            e.event_id, e.type, e.factuality, a.date, a.title, e.evidence_text AS evidence
        FROM events e JOIN articles a USING (article_id)
        WHERE {where.sql} AND e.place_lat IS NOT NULL AND e.place_lon IS NOT NULL
        QUALIFY row_number() OVER (PARTITION BY e.place_name, e.place_lat, e.place_lon
            ORDER BY a.date DESC, e.article_id, e.event_id) <= 3
        """,
        where.params,
    )
    by_place: dict[tuple[Any, ...], list[Row]] = {}
    for row in examples:
        key = (row.pop("name"), row.pop("lat"), row.pop("lon"))
        by_place.setdefault(key, []).append(row)
    for place in places:
        found = by_place.get((place["name"], place["lat"], place["lon"]), [])
        place["examples"] = sorted(
            found, key=lambda r: (r["date"], r["article_id"], r["event_id"]), reverse=True
        )
    return places
