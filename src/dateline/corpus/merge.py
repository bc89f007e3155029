"""Merging reports of the same event across articles into one merged event.

GDELT codes reports, not events: one kidnapping became 366 rows. Here every stored event is a
*report* (an article's sentence saying something happened); reports of the same real event are
merged, and the merged event counts its reports, articles and distinct sources. Rules
(``METHOD`` names their version):

1. Only events that happened merge: factuality asserted, reported or claimed (``HAPPENED``).
   Negated, hypothetical and future events are not events yet; they stay per article.
2. Same PLOVER type.
3. Overlapping actors, and overlapping recipients: an actor id in common, or, when the ids
   differ, a country+sector in common ("Russian forces" / "the Russian army": RUS/MIL). Two
   reports without recipients match; one with and one without do not.
4. Overlapping date ranges (the event's [earliest, latest], the article date when it has none).
   A report whose range is wider than :data:`MAX_RANGE_DAYS` ("in 2021") is too vague to say it
   is the same event and stays alone. A merged event's range is the intersection of its reports'.
5. Places within :data:`MAX_KM` km of each other, or unknown on either side. 50 km is about the
   error of city-level geocoding (a town vs its region's centroid) — a tunable constant, not a
   published figure; a merged event's place is its first known one.
6. Reports from a near-duplicate article (``article_duplicates``) may join a merged event, linked
   with ``duplicate = TRUE`` for their evidence, but are not counted and never start one.

Merging is greedy in date order (type, earliest day, article date, ids), so it is a function of
the set of reports, whatever order they were stored in; a report joins the first open merged
event it matches. A merged event stops being open once the reports' earliest day passes its
latest day, which keeps the work linear in the reports, and makes it local: the corpus pass
re-merges only around the reports that changed (:mod:`dateline.corpus.remerge`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import heapq
import itertools
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from dateline.model import HAPPENED, PLACE_ATTRIBUTES
from dateline.storage.records import place_columns

if TYPE_CHECKING:
    import pyarrow as pa
    from duckdb import DuckDBPyConnection

MAX_KM = 50.0
MAX_RANGE_DAYS = 14
METHOD = f"merge@1;km={MAX_KM:g};days={MAX_RANGE_DAYS}"


@dataclass
class Report:
    """One stored event, as the merge rules see it."""

    article_id: str
    event_id: str
    type: str
    mode: str | None
    quad: int | None
    cameo: str | None
    score: float | None
    earliest: dt.date
    latest: dt.date
    article_date: dt.date
    outlet: str
    duplicate: bool
    evidence: str | None
    place: dict[str, Any] | None
    actors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    actor_keys: frozenset[str] = frozenset()
    recipient_keys: frozenset[str] = frozenset()
    #: the merged event it joined when it was stored (None: none, or not stored yet)
    merged_id: str | None = field(default=None, compare=False)

    @property
    def key(self) -> tuple[dt.date, dt.date, str, str]:
        """The order of the greedy pass within a type."""
        return (self.earliest, self.article_date, self.article_id, self.event_id)

    @property
    def lone(self) -> bool:
        """Too vague a date to be the same event as another report (rule 4)."""
        return (self.latest - self.earliest).days > MAX_RANGE_DAYS


@dataclass
class MergedEvent:
    reports: list[Report] = field(default_factory=list)
    earliest: dt.date | None = None
    latest: dt.date | None = None
    place: dict[str, Any] | None = None
    actor_ids: set[str] = field(default_factory=set)
    recipient_ids: set[str] = field(default_factory=set)
    actor_keys: set[str] = field(default_factory=set)
    recipient_keys: set[str] = field(default_factory=set)
    _id: str | None = field(default=None, repr=False)

    def add(self, report: Report) -> None:
        first = not self.reports
        self.reports.append(report)
        self.earliest = report.earliest if first else max(self.earliest, report.earliest)  # type: ignore[type-var]
        self.latest = report.latest if first else min(self.latest, report.latest)  # type: ignore[type-var]
        if self.place is None:
            self.place = report.place
        self.actor_ids.update(report.actors)
        self.recipient_ids.update(report.recipients)
        self.actor_keys.update(report.actor_keys)
        self.recipient_keys.update(report.recipient_keys)

    @property
    def merged_id(self) -> str:
        """Named after its first report, which never changes."""
        if self._id is None:
            first = self.reports[0]
            digest = hashlib.sha1(f"{first.article_id}\0{first.event_id}".encode()).hexdigest()
            self._id = f"m-{digest[:12]}"
        return self._id


def event_day(row: dict[str, Any]) -> dt.date:
    """The day a merged event is placed on: its earliest day when its range is at most
    :data:`MAX_RANGE_DAYS` long, else (a vague "in the 18th century") its first report's date."""
    earliest, latest = row["date_earliest"], row["date_latest"] or row["date_earliest"]
    if earliest is not None and (latest - earliest).days <= MAX_RANGE_DAYS:
        return earliest
    return row["first_report"]


def km_between(a: dict[str, Any], b: dict[str, Any]) -> float:
    """Great-circle distance (haversine, mean Earth radius 6371 km)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def _overlap(
    ids: Iterable[str], keys: frozenset[str], other_ids: set[str], other_keys: set[str]
) -> bool:
    return not other_ids.isdisjoint(ids) or not other_keys.isdisjoint(keys)


def matches(event: MergedEvent, report: Report) -> bool:
    """Rules 3-5 (the type is the same by construction, rule 1 applied when loading)."""
    assert event.earliest is not None and event.latest is not None
    if report.earliest > event.latest or report.latest < event.earliest:
        return False
    if not _overlap(report.actors, report.actor_keys, event.actor_ids, event.actor_keys):
        return False
    if (report.recipients or event.recipient_ids) and not _overlap(
        report.recipients, report.recipient_keys, event.recipient_ids, event.recipient_keys
    ):
        return False
    if event.place is not None and report.place is not None:
        return km_between(event.place, report.place) <= MAX_KM
    return True


class Sweep:
    """The greedy pass over one type's reports in :attr:`Report.key` order (rules 3-6).

    A report joins the first open merged event, in the order they were started, that it
    matches. Only events sharing an actor id or a country+sector key with the report can match
    (rule 3), so open events are indexed by those, and closed ones leave a heap by latest day:
    each report looks at a handful of candidates instead of every open event (on a dense store
    of a million reports, hundreds are open at once).
    """

    def __init__(self, open_events: list[MergedEvent] | None = None) -> None:
        self._started = itertools.count()
        self._open: dict[int, MergedEvent] = {}  # start number -> event, still open
        self._closing: list[tuple[dt.date, int]] = []  # (latest day, start number), a heap
        self._by_party: dict[str, set[int]] = {}  # "id:<actor>" / "key:<RUS/GOV>" -> events
        self._parties: dict[int, set[str]] = {}
        for event in open_events or []:
            self._start(event)

    @property
    def open(self) -> list[MergedEvent]:
        """The open events, in the order they were started."""
        return list(self._open.values())

    def add(self, report: Report) -> MergedEvent | None:
        """The merged event ``report`` joins or starts; None for a duplicate's that matched none."""
        self._close_before(report.earliest)
        candidates: set[int] = set()
        for party in _parties(report.actors, report.actor_keys):
            candidates.update(self._by_party.get(party, ()))
        for number in sorted(candidates):
            event = self._open[number]
            if matches(event, report):
                event.add(report)
                self._index(number, event)
                return event
        if report.duplicate:
            return None
        event = MergedEvent()
        event.add(report)
        self._start(event)
        return event

    def _start(self, event: MergedEvent) -> None:
        number = next(self._started)
        self._open[number] = event
        self._parties[number] = set()
        self._index(number, event)

    def _index(self, number: int, event: MergedEvent) -> None:
        assert event.latest is not None
        heapq.heappush(self._closing, (event.latest, number))  # latest only ever shrinks
        known = self._parties[number]
        for party in _parties(event.actor_ids, event.actor_keys) - known:
            self._by_party.setdefault(party, set()).add(number)
            known.add(party)

    def _close_before(self, day: dt.date) -> None:
        # Reports come by earliest day: an event whose range ended before it is closed for good.
        while self._closing and self._closing[0][0] < day:
            _, number = heapq.heappop(self._closing)
            event = self._open.pop(number, None)
            if event is None:
                continue
            for party in self._parties.pop(number):
                self._by_party[party].discard(number)


def _parties(actor_ids: Iterable[str], keys: Iterable[str]) -> set[str]:
    return {f"id:{a}" for a in actor_ids} | {f"key:{k}" for k in keys}


def merge_reports(reports: Sequence[Report]) -> list[MergedEvent]:
    """Group reports into merged events (rules 2-6), from scratch, in a deterministic order."""
    ordered = sorted(reports, key=lambda r: (r.type, r.key))
    merged: list[MergedEvent] = []
    sweep, current_type = Sweep(), None
    for report in ordered:
        if report.type != current_type:
            current_type, sweep = report.type, Sweep()
        if report.lone:
            if not report.duplicate:
                alone = MergedEvent()
                alone.add(report)
                merged.append(alone)
            continue
        target = sweep.add(report)
        if target is not None and len(target.reports) == 1:  # it started a new one
            merged.append(target)
    return merged


def _keys(actor_ids: Sequence[str], article_actor: dict[str, tuple[Any, Any]]) -> frozenset[str]:
    keys = set()
    for actor_id in actor_ids:
        country, sector = article_actor.get(actor_id, (None, None))
        if country:
            keys.add(f"{country}/{sector or ''}")
    return frozenset(keys)


def load_reports(
    conn: DuckDBPyConnection, article_ids: Sequence[str], links: dict[str, str] | None = None
) -> list[Report]:
    """The stored events of these articles that happened (rule 1), with what the rules compare.

    Actor ids go through ``links`` (a name link of :mod:`dateline.corpus.registry`: "chakwera"
    counts as "lazarus-chakwera"); the country+sector keys are those the article itself gave.
    """
    happened = sorted(HAPPENED)
    ids = list(article_ids)
    links = links or {}
    cursor = conn.execute(
        """
        SELECT e.article_id, e.event_id, e.type, e.mode, e.quad, e.cameo, e.score,
            coalesce(e.date_earliest, e.date_latest, a.date) AS earliest,
            coalesce(e.date_latest, e.date_earliest, a.date) AS latest,
            a.date AS article_date,
            coalesce(nullif(a.source, ''), nullif(regexp_extract(a.url, '://([^/]+)', 1), ''),
                     a.article_id) AS outlet,
            EXISTS (SELECT 1 FROM article_duplicates d WHERE d.article_id = e.article_id)
                AS duplicate,
            e.evidence_text, e.place_name, e.place_feature, e.place_country, e.place_admin1,
            e.place_lat, e.place_lon, e.place_geonameid
        FROM events e JOIN articles a USING (article_id)
        WHERE e.factuality IN (SELECT unnest(?::VARCHAR[]))
            AND e.article_id IN (SELECT unnest(?::VARCHAR[]))
        """,
        [happened, ids],
    )
    names = [d[0] for d in cursor.description or []]
    rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    roles: dict[tuple[str, str], dict[str, list[str]]] = {}
    for article_id, event_id, actor_id, role in conn.execute(
        "SELECT article_id, event_id, actor_id, role FROM event_actors "
        "WHERE article_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY article_id, event_id, role, seq",
        [ids],
    ).fetchall():
        roles.setdefault((article_id, event_id), {}).setdefault(role, []).append(actor_id)
    attributes: dict[str, dict[str, tuple[Any, Any]]] = {}
    for article_id, actor_id, country, sector in conn.execute(
        "SELECT article_id, actor_id, country, sector FROM article_actors "
        "WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
        [ids],
    ).fetchall():
        attributes.setdefault(article_id, {})[actor_id] = (country, sector)
    reports = []
    for row in rows:
        found = roles.get((row["article_id"], row["event_id"]), {})
        actors, recipients = found.get("actor", []), found.get("recipient", [])
        known = attributes.get(row["article_id"], {})
        place = None
        if row["place_lat"] is not None and row["place_lon"] is not None:
            place = place_columns(row)
        reports.append(
            Report(
                article_id=row["article_id"],
                event_id=row["event_id"],
                type=row["type"],
                mode=row["mode"],
                quad=row["quad"],
                cameo=row["cameo"],
                score=row["score"],
                earliest=row["earliest"],
                latest=max(row["latest"], row["earliest"]),
                article_date=row["article_date"],
                outlet=row["outlet"],
                duplicate=bool(row["duplicate"]),
                evidence=row["evidence_text"],
                place=place,
                actors=_linked(actors, links),
                recipients=_linked(recipients, links),
                actor_keys=_keys(actors, known),
                recipient_keys=_keys(recipients, known),
            )
        )
    return reports


def _linked(ids: Sequence[str], links: dict[str, str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(links.get(i, i) for i in ids))


def _ranked(ids: Iterable[str]) -> list[str]:
    """Ids by how many reports name them, then alphabetically."""
    counts = Counter(ids)
    return sorted(counts, key=lambda i: (-counts[i], i))


def merged_rows(events: Sequence[MergedEvent]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Rows of ``merged_events`` and ``merged_event_reports``."""
    merged: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    for event in events:
        counted = [r for r in event.reports if not r.duplicate]
        first = counted[0]
        mode = Counter(r.mode for r in counted if r.mode).most_common(1)
        place = event.place or {}
        merged_id = event.merged_id
        merged.append(
            {
                "merged_id": merged_id,
                "type": first.type,
                "mode": mode[0][0] if mode else None,
                "quad": first.quad,
                "cameo": first.cameo,
                "score": first.score,
                "actors": _ranked(a for r in counted for a in r.actors),
                "recipients": _ranked(a for r in counted for a in r.recipients),
                "date_earliest": event.earliest,
                "date_latest": event.latest,
                **{f"place_{name}": place.get(name) for name in PLACE_ATTRIBUTES},
                "n_reports": len(counted),
                "n_articles": len({r.article_id for r in counted}),
                "n_sources": len({r.outlet for r in counted}),
                "first_report": min(r.article_date for r in counted),
                "last_report": max(r.article_date for r in counted),
                "article_id": first.article_id,
                "event_id": first.event_id,
                "evidence_text": first.evidence,
                "method": METHOD,
            }
        )
        links.extend(
            {
                "merged_id": merged_id,
                "article_id": r.article_id,
                "event_id": r.event_id,
                "duplicate": r.duplicate,
            }
            for r in event.reports
        )
    return merged, links


@cache
def table_schemas() -> dict[str, pa.Schema]:
    """Arrow schemas of the corpus tables, from the migrations (an in-memory store)."""
    import duckdb

    from dateline.storage.schema import migrate

    conn = duckdb.connect(":memory:")
    try:
        migrate(conn)
        return {
            table: conn.sql(f"SELECT * FROM {table} LIMIT 0").to_arrow_table().schema
            for table in ("merged_events", "merged_event_reports", "corpus_reports")
        }
    finally:
        conn.close()


def insert_table(conn: DuckDBPyConnection, table: str, rows: list[dict[str, Any]]) -> None:
    """Insert dict rows through Arrow, with the table's own column types."""
    if not rows:
        return
    import pyarrow as pa

    conn.register("_dateline_rows", pa.Table.from_pylist(rows, schema=table_schemas()[table]))
    try:
        conn.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _dateline_rows")
    finally:
        conn.unregister("_dateline_rows")
