"""Re-merging only around what changed: the incremental form of :func:`merge.merge_reports`.

The merge rules (:mod:`dateline.corpus.merge`) are a greedy pass per type over reports in key
order (earliest day, article date, ids). What the pass does at a report depends only on the
merged events still *open* there, and every member of an open event lies within
:data:`~dateline.corpus.merge.MAX_RANGE_DAYS` days before it (an event is open while its latest
day, the smallest of its members' latest days, is not before the report's earliest day, and no
member spans more than MAX_RANGE_DAYS days). So after some reports are added, removed or changed:

1. the state just before the first changed report is rebuilt from the stored assignments of the
   reports of the MAX_RANGE_DAYS days before it (``corpus_reports.merged_id``);
2. the pass runs forward from there over the stored reports (read a window of days at a time),
   with the changed ones in their new form, noting every report whose merged event differs from
   the stored one;
3. it stops at the first report after the last changed one where no report that differs could
   still belong to an open event: from there on the state, hence every later decision, is the
   stored one.

Merged events that gained or lost a report are rewritten whole; nothing else is read. The result
equals a merge from scratch (``tests/test_corpus_incremental.py`` checks it on random reports).
The cost grows with the changed reports and the density of reports of their type in the weeks
around them, not with the size of the store.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from dateline.corpus.merge import (
    MAX_RANGE_DAYS,
    MergedEvent,
    Report,
    Sweep,
    insert_table,
    load_reports,
    merged_rows,
)
from dateline.model import PLACE_ATTRIBUTES

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

Key = tuple[str, str]  # (article_id, event_id)

#: Days of stored reports read at a time while the pass has not yet caught up with the store.
WINDOW_DAYS = 2 * (MAX_RANGE_DAYS + 1)


@dataclass
class Plan:
    """What one re-merge changes, applied at the end in one go."""

    drop_reports: set[Key] = field(default_factory=set)
    put_reports: dict[Key, tuple[Report, str | None]] = field(default_factory=dict)
    drop_events: set[str] = field(default_factory=set)
    put_events: dict[str, MergedEvent] = field(default_factory=dict)

    def apply(self, conn: DuckDBPyConnection) -> None:
        _delete_keys(conn, sorted(self.drop_reports | set(self.put_reports)))
        _insert_reports(conn, list(self.put_reports.values()))
        drop = sorted(self.drop_events | set(self.put_events))
        for table in ("merged_event_reports", "merged_events"):
            conn.execute(
                f"DELETE FROM {table} WHERE merged_id IN (SELECT unnest(?::VARCHAR[]))", [drop]
            )
        merged, links = merged_rows(list(self.put_events.values()))
        insert_table(conn, "merged_events", merged)
        insert_table(conn, "merged_event_reports", links)


def update_merged_events(
    conn: DuckDBPyConnection, article_ids: Sequence[str], links: dict[str, str]
) -> int:
    """Re-merge after the reports of ``article_ids`` changed; return how many reports changed.

    ``links`` maps every linked actor id of these articles to the id it links to. Call inside a
    transaction.
    """
    ids = sorted(set(article_ids))
    if not ids:
        return 0
    old = {(r.article_id, r.event_id): r for r in stored_reports(conn, ids)}
    new = {(r.article_id, r.event_id): r for r in load_reports(conn, ids, links)}
    removed = [r for key, r in old.items() if key not in new or new[key] != r]
    added = [r for key, r in new.items() if key not in old or old[key] != r]
    plan = Plan()
    for kind in sorted({r.type for r in removed + added}):
        remerge_type(
            conn,
            kind,
            [r for r in removed if r.type == kind],
            [r for r in added if r.type == kind],
            plan,
        )
    plan.apply(conn)
    return len(removed) + len(added)


def remerge_type(
    conn: DuckDBPyConnection, kind: str, removed: list[Report], added: list[Report], plan: Plan
) -> None:
    """Plan the re-merge of one PLOVER type after ``removed`` and ``added`` reports."""
    for report in removed:
        plan.drop_reports.add((report.article_id, report.event_id))
        if report.lone and report.merged_id is not None:
            plan.drop_events.add(report.merged_id)
    for report in (r for r in added if r.lone):
        event = None
        if not report.duplicate:
            event = MergedEvent()
            event.add(report)
            plan.put_events[event.merged_id] = event
        _put(plan, report, event.merged_id if event else None)
    gone = [r for r in removed if not r.lone]
    new = sorted((r for r in added if not r.lone), key=lambda r: r.key)
    if not gone and not new:
        return
    keys = sorted([r.key for r in gone] + [r.key for r in new])
    first, last = keys[0], keys[-1]
    sweep, events = _state_before(conn, kind, first)
    # Reports whose merged event differs from the stored one: key -> latest day (module doc, 3).
    differing: dict[tuple[Any, ...], dt.date] = {}
    dirty: set[str] = set()
    for report in gone:
        differing[report.key] = report.latest
        if report.merged_id is not None:
            dirty.add(report.merged_id)
    fresh = {r.key for r in new}
    skip = {(r.article_id, r.event_id) for r in gone}
    for report in _forward(conn, kind, first, last, skip, new):
        if report.key > last:
            differing = {k: day for k, day in differing.items() if day >= report.earliest}
            if not differing:
                break  # caught up: from here on every decision is the stored one
        target = sweep.add(report)
        merged_id = target.merged_id if target is not None else None
        if target is not None:
            events.setdefault(merged_id, target)  # type: ignore[arg-type]
        if report.key in fresh or merged_id != report.merged_id:
            differing[report.key] = report.latest
            dirty.update(i for i in (report.merged_id, merged_id) if i is not None)
            _put(plan, report, merged_id)
    plan.drop_events |= dirty
    for merged_id in dirty:
        if merged_id in events:
            plan.put_events[merged_id] = events[merged_id]


def _put(plan: Plan, report: Report, merged_id: str | None) -> None:
    plan.put_reports[(report.article_id, report.event_id)] = (report, merged_id)


def _state_before(
    conn: DuckDBPyConnection, kind: str, first: tuple[Any, ...]
) -> tuple[Sweep, dict[str, MergedEvent]]:
    """The open merged events just before the report with key ``first`` (module doc, 1)."""
    day = first[0]
    window = sorted(
        _stored(conn, kind, day - dt.timedelta(days=MAX_RANGE_DAYS), day), key=lambda r: r.key
    )
    groups: dict[str, MergedEvent] = {}
    for report in window:
        if report.key >= first or report.merged_id is None:
            continue
        groups.setdefault(report.merged_id, MergedEvent()).add(report)
    events = {}
    for merged_id, event in groups.items():
        # An event whose first report is older than the window closed before it.
        if event.merged_id == merged_id and event.latest is not None and event.latest >= day:
            events[merged_id] = event
    return Sweep(list(events.values())), events


def _forward(
    conn: DuckDBPyConnection,
    kind: str,
    first: tuple[Any, ...],
    last: tuple[Any, ...],
    skip: set[Key],
    new: list[Report],
) -> Iterator[Report]:
    """Stored reports of ``kind`` from key ``first`` on, without ``skip``, merged with ``new``."""
    row = conn.execute(
        "SELECT max(earliest) FROM corpus_reports WHERE type = ? AND "
        "date_diff('day', earliest, latest) <= ?",
        [kind, MAX_RANGE_DAYS],
    ).fetchone()
    end = row[0] if row and row[0] is not None else first[0]
    pending = list(new)
    start, span = first[0], (last[0] - first[0]).days + WINDOW_DAYS
    while True:
        stop = start + dt.timedelta(days=span)
        stored = [
            r
            for r in _stored(conn, kind, start, stop - dt.timedelta(days=1))
            if r.key >= first and (r.article_id, r.event_id) not in skip
        ]
        fresh = [r for r in pending if r.earliest < stop]
        pending = [r for r in pending if r.earliest >= stop]
        yield from sorted(stored + fresh, key=lambda r: r.key)
        if stop > end and not pending:
            return
        start, span = stop, span * 2


_COLUMNS = (
    "article_id, event_id, type, mode, quad, cameo, score, earliest, latest, article_date, "
    "outlet, duplicate, evidence_text, place_name, place_feature, place_country, place_admin1, "
    "place_lat, place_lon, place_geonameid, actors, recipients, actor_keys, recipient_keys, "
    "merged_id"
)


def _stored(conn: DuckDBPyConnection, kind: str, since: dt.date, until: dt.date) -> list[Report]:
    """Stored reports of ``kind`` that are not lone, with earliest day in [since, until], in no
    particular order."""
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM corpus_reports WHERE type = ? AND earliest BETWEEN ? AND ? "
        "AND date_diff('day', earliest, latest) <= ?",
        [kind, since, until, MAX_RANGE_DAYS],
    ).fetchall()
    return [_report(row) for row in rows]


def stored_reports(conn: DuckDBPyConnection, article_ids: Sequence[str]) -> list[Report]:
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM corpus_reports WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
        [list(article_ids)],
    ).fetchall()
    return [_report(row) for row in rows]


def _report(row: tuple[Any, ...]) -> Report:
    (article_id, event_id, kind, mode, quad, cameo, score, earliest, latest, article_date) = row[
        :10
    ]
    outlet, duplicate, evidence = row[10:13]
    place_values = row[13:20]
    actors, recipients, actor_keys, recipient_keys, merged_id = row[20:]
    place = None
    if place_values[4] is not None and place_values[5] is not None:  # lat and lon
        place = dict(zip(PLACE_ATTRIBUTES, place_values, strict=True))
    return Report(
        article_id=article_id,
        event_id=event_id,
        type=kind,
        mode=mode,
        quad=quad,
        cameo=cameo,
        score=score,
        earliest=earliest,
        latest=latest,
        article_date=article_date,
        outlet=outlet,
        duplicate=duplicate,
        evidence=evidence,
        place=place,
        actors=tuple(actors),
        recipients=tuple(recipients),
        actor_keys=frozenset(actor_keys),
        recipient_keys=frozenset(recipient_keys),
        merged_id=merged_id,
    )


def _insert_reports(conn: DuckDBPyConnection, reports: list[tuple[Report, str | None]]) -> None:
    """Insert ``corpus_reports`` rows, built column by column (a full pass writes a million)."""
    if not reports:
        return
    import pyarrow as pa

    from dateline.corpus.merge import table_schemas

    places = [r.place or {} for r, _ in reports]
    columns: dict[str, list[Any]] = {
        "article_id": [r.article_id for r, _ in reports],
        "event_id": [r.event_id for r, _ in reports],
        "type": [r.type for r, _ in reports],
        "mode": [r.mode for r, _ in reports],
        "quad": [r.quad for r, _ in reports],
        "cameo": [r.cameo for r, _ in reports],
        "score": [r.score for r, _ in reports],
        "earliest": [r.earliest for r, _ in reports],
        "latest": [r.latest for r, _ in reports],
        "article_date": [r.article_date for r, _ in reports],
        "outlet": [r.outlet for r, _ in reports],
        "duplicate": [r.duplicate for r, _ in reports],
        "evidence_text": [r.evidence for r, _ in reports],
        **{f"place_{n}": [p.get(n) for p in places] for n in PLACE_ATTRIBUTES},
        "actors": [list(r.actors) for r, _ in reports],
        "recipients": [list(r.recipients) for r, _ in reports],
        "actor_keys": [sorted(r.actor_keys) for r, _ in reports],
        "recipient_keys": [sorted(r.recipient_keys) for r, _ in reports],
        "merged_id": [merged_id for _, merged_id in reports],
    }
    schema = table_schemas()["corpus_reports"]
    table = pa.table(
        {name: pa.array(columns[name], schema.field(name).type) for name in schema.names}
    )
    conn.register("_dateline_reports", table)
    try:
        conn.execute("INSERT INTO corpus_reports BY NAME SELECT * FROM _dateline_reports")
    finally:
        conn.unregister("_dateline_reports")


def _delete_keys(conn: DuckDBPyConnection, keys: Sequence[Key]) -> None:
    if not keys:
        return
    import pyarrow as pa

    conn.register(
        "_dateline_keys",
        pa.table({"article_id": [k[0] for k in keys], "event_id": [k[1] for k in keys]}),
    )
    try:
        conn.execute(
            "DELETE FROM corpus_reports c USING _dateline_keys k "
            "WHERE c.article_id = k.article_id AND c.event_id = k.event_id"
        )
    finally:
        conn.unregister("_dateline_keys")
