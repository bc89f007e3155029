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
from dateline.storage.search import (
    ActorDetails,
    EventSearch,
    Page,
    actor_details,
    event_clauses,
    like_pattern,
)
from dateline.storage.views_rows import KeyedRows

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
    named = actor_names_and_roles(conn)
    index = actor_events(conn)
    return ActorProfile(
        found[0],
        named.spellings_of(actor_id),
        named.roles_of(actor_id),
        index.activity(actor_id),
        *index.counterparts(actor_id, actor_details(conn), top=top),
    )


#: How many spellings an actor page lists.
TOP_SPELLINGS = 12


@dataclass(frozen=True)
class ActorNamesAndRoles:
    """Every actor's most frequent spellings (name, title, role, capital and demonym
    mentions) and the roles articles give it (kind, country, sector, first and last article
    date, articles), read once per store generation (:func:`actor_names_and_roles`) instead
    of a scan of the 115,445 mentions and a join of articles per actor page (10-12 ms of SQL
    on the 1,796 press releases). Rows pickled per actor (:mod:`views_rows`)."""

    spellings: KeyedRows  # actor_id -> spelling, n (grouped, most frequent first)
    roles: KeyedRows  # actor_id -> kind, country, sector, first_seen, last_seen, n_articles

    def spellings_of(self, actor_id: str) -> list[Row]:
        return [
            {"spelling": row["spelling"], "n": row["n"]} for row in self.spellings.group(actor_id)
        ]

    def roles_of(self, actor_id: str) -> list[Row]:
        return [
            {k: v for k, v in row.items() if k != "actor_id"} for row in self.roles.group(actor_id)
        ]


def actor_names_and_roles(conn: DuckDBPyConnection) -> ActorNamesAndRoles:
    """The store's :class:`ActorNamesAndRoles`, read once per store generation."""
    from dateline.storage.generation import per_generation

    def read() -> ActorNamesAndRoles:
        spellings = KeyedRows.read(
            conn,
            f"""
            SELECT actor_id, text AS spelling, count(*) AS n FROM mentions
            WHERE actor_id IS NOT NULL AND kind IN ('name', 'title', 'role', 'capital', 'demonym')
            GROUP BY 1, 2
            QUALIFY row_number() OVER (PARTITION BY actor_id ORDER BY n DESC, spelling)
                <= {TOP_SPELLINGS}
            ORDER BY actor_id, n DESC, spelling
            """,
            lambda row: row[0],
            grouped=True,
        )
        roles = KeyedRows.read(
            conn,
            """
            SELECT y.actor_id, y.kind, y.country, y.sector, min(a.date) AS first_seen,
                max(a.date) AS last_seen, count(DISTINCT y.article_id) AS n_articles
            FROM article_actors y JOIN articles a USING (article_id)
            GROUP BY ALL
            ORDER BY y.actor_id, first_seen, n_articles DESC, y.kind NULLS FIRST,
                y.country NULLS FIRST, y.sector NULLS FIRST
            """,
            lambda row: row[0],
            grouped=True,
        )
        return ActorNamesAndRoles(spellings, roles)

    return per_generation(conn, "actor_names_and_roles", read)


def _nulls_last(value: Any) -> tuple[bool, Any]:
    """A sort key putting None last, as SQL's ``NULLS LAST``."""
    return (value is None, value if value is not None else 0)


#: One place of an actor in an event: its role, the event's type, quad and month ('YYYY-MM'
#: of the event's date or its article's), and the actors on the other side of the event.
ActorPlace = tuple[str, str, "int | None", "str | None", "list[str]"]
#: A counterpart of an actor on one side of one event type: (type, quad, actor, events).
Counterpart = tuple[str, "int | None", str, int]


@dataclass(frozen=True)
class ActorEvents:
    """What an actor page counts of each actor's places in events, counted for every actor
    once per store generation (:func:`actor_events`) instead of two joins of ``event_actors``
    and ``events`` per actor page (22 ms of SQL for Vladimir Putin's 7,116 places on the
    1,796 press releases) or a pass over the actor's places per page (7 ms for him):

    * ``months``: per month, the events with the actor as source and as target, in month
      order (None last);
    * ``ranked``: per side the actor was on and event type (in the order the places first
      show them), the counterparts on the other side with their number of events, most
      first, ties by counterpart id and then by first place.
    """

    months: dict[str, list[tuple[str | None, int, int]]]
    ranked: dict[str, list[tuple[str, list[Counterpart]]]]

    @classmethod
    def of(cls, places: dict[str, list[ActorPlace]]) -> ActorEvents:
        months: dict[str, list[tuple[str | None, int, int]]] = {}
        ranked: dict[str, list[tuple[str, list[Counterpart]]]] = {}
        for actor_id, held in places.items():
            counts: dict[str | None, list[int]] = {}
            pairs: dict[tuple[str, str, int | None, str], int] = {}
            for role, kind, quad, month, others in held:
                per_month = counts.get(month)
                if per_month is None:
                    per_month = counts[month] = [0, 0]
                if role == "actor":
                    per_month[0] += 1
                elif role == "recipient":
                    per_month[1] += 1
                for other in others:
                    if other != actor_id:
                        key = (role, kind, quad, other)
                        pairs[key] = pairs.get(key, 0) + 1
            months[actor_id] = [
                (month, source, target)
                for month, (source, target) in sorted(
                    counts.items(), key=lambda m: _nulls_last(m[0])
                )
            ]
            grouped: dict[tuple[str, str], list[Counterpart]] = {}
            for (own, kind, quad, other), n in pairs.items():
                grouped.setdefault((own, kind), []).append((kind, quad, other, n))
            for found in grouped.values():
                found.sort(key=lambda p: (-p[3], p[2]))  # stable: ties keep the places' order
            ranked[actor_id] = [(own, found) for (own, _), found in grouped.items()]
        return cls(months, ranked)

    def activity(self, actor_id: str) -> list[Row]:
        """Per month, the events with the actor as source and as target (as the SQL
        ``count(*) FILTER (WHERE role = ...) ... GROUP BY month ORDER BY month``)."""
        return [
            {"month": month, "as_source": source, "as_target": target}
            for month, source, target in self.months.get(actor_id, ())
        ]

    def counterparts(
        self, actor_id: str, details: ActorDetails, *, top: int
    ) -> tuple[list[Row], list[Row]]:
        """Whom the actor acted on and who acted on it, by event type: the ``top`` most
        frequent counterparts of each type and side, ordered by quad, type, count."""
        chosen: dict[str, list[Row]] = {"actor": [], "recipient": []}
        for own, found in self.ranked.get(actor_id, ()):
            chosen[own].extend(_counterpart_rows(found, details, 0, top))
        for rows in chosen.values():
            rows.sort(
                key=lambda r: (
                    _nulls_last(r["quad"]),
                    _nulls_last(r["type"]),
                    -r["n"],
                    r["counterpart"],
                )
            )
        return chosen["actor"], chosen["recipient"]

    def counterpart_totals(self, actor_id: str) -> dict[tuple[str, str], int]:
        """How many counterparts the actor has on each side it was on ('actor' or
        'recipient') and event type: all of them, not only the ``top`` that
        :meth:`counterparts` names."""
        return {(own, found[0][0]): len(found) for own, found in self.ranked.get(actor_id, ())}

    def counterpart_page(
        self, actor_id: str, own: str, kind: str, details: ActorDetails, *, offset: int, limit: int
    ) -> list[Row]:
        """The counterparts of the actor on one side and event type, ``limit`` at most from
        ``offset`` in their ranking (most events first, ties by counterpart id): rows as
        :meth:`counterparts` writes them."""
        for side, found in self.ranked.get(actor_id, ()):
            if side != own or found[0][0] != kind:
                continue
            return _counterpart_rows(found, details, offset, limit)
        return []


def _counterpart_rows(
    found: list[Counterpart], details: ActorDetails, offset: int, limit: int
) -> list[Row]:
    """``limit`` of the ranked counterparts ``found`` from ``offset``, named by the registry,
    with their rank."""
    rows = []
    for rank, (kind, quad, other, n) in enumerate(found[offset : offset + limit], start=offset + 1):
        name = details.registry.get(other, (None, None, None))[0]
        rows.append(
            {
                "type": kind,
                "quad": quad,
                "counterpart": other,
                "n": n,
                "name": name if name is not None else other,
                "rank": rank,
            }
        )
    return rows


#: The side an event's actor acts on, and the reverse (the counterparts of an actor page).
_OTHER_SIDE = {"actor": "recipient", "recipient": "actor"}


def actor_events(conn: DuckDBPyConnection) -> ActorEvents:
    """The store's :class:`ActorEvents`, read and counted once per store generation."""
    from dateline.storage.generation import per_generation

    def read() -> ActorEvents:
        shared: dict[Any, Any] = {}  # one string object per type and month, not one per event
        facts = {
            (article_id, event_id): (
                shared.setdefault(kind, kind),
                quad,
                shared.setdefault(month, month),
            )
            for article_id, event_id, kind, quad, month in conn.execute(
                "SELECT e.article_id, e.event_id, e.type, e.quad, "
                "strftime(date_trunc('month', coalesce(e.date_earliest, a.date)), '%Y-%m') "
                "FROM events e JOIN articles a USING (article_id)"
            ).fetchall()
        }
        sides = actor_details(conn).sides
        nobody: list[str] = []
        places: dict[str, list[ActorPlace]] = {}
        for (article_id, event_id, role), actors in sides.items():
            fact = facts.get((article_id, event_id))
            if fact is None:  # an event's actors without the event: not counted (SQL's join)
                continue
            other = _OTHER_SIDE.get(role)
            others = sides.get((article_id, event_id, other), nobody) if other else nobody
            for actor in actors:
                places.setdefault(actor, []).append((role, *fact, others))
        return ActorEvents.of(places)

    return per_generation(conn, "actor_events", read)


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
