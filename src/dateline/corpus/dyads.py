"""Dyad time series: a cooperation/conflict score per day for each (actor, recipient) pair.

The score of a day is the sum, over the merged events of that day in which the first actor acts
on the second, of the event's PLOVER conflict–cooperation score (``Event.score``: the PLOVER
manual's score for the type and mode, derived from the Goldstein 1992 scale, -10 to +10; see
:mod:`dateline.events.vocabulary`). Merged events count once however many articles report them,
and reports from near-duplicate articles not at all (GDELT sums reports, so a story repeated by
many outlets looks like many events). ``cooperation`` sums the positive scores, ``conflict`` the
negative ones; an event without a score adds 0 and is still counted in ``n_events``.

A merged event's day is its earliest day when its date range spans at most
:data:`dateline.corpus.merge.MAX_RANGE_DAYS` days, else the date of its first report (a vague
"in January" is placed when it was reported). Pairs are directed (actor -> recipient) unless
``undirected`` folds them alphabetically; an actor paired with itself is left out.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from dateline.corpus.merge import MAX_RANGE_DAYS

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

Row = dict[str, Any]


def dyads(
    conn: DuckDBPyConnection,
    *,
    actor_ids: list[str] | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    undirected: bool = False,
    limit: int | None = None,
) -> list[Row]:
    """Rows (day, actor, recipient, n_events, n_reports, score, cooperation, conflict)."""
    pair = (
        "least(actor, recipient) AS actor, greatest(actor, recipient) AS recipient"
        if undirected
        else "actor, recipient"
    )
    where: list[str] = ["actor != recipient"]
    params: list[Any] = []
    if actor_ids is not None:
        where.append(
            "(actor IN (SELECT unnest(?::VARCHAR[])) OR recipient IN (SELECT unnest(?::VARCHAR[])))"
        )
        params += [actor_ids, actor_ids]
    if since:
        where.append("day >= ?")
        params.append(since)
    if until:
        where.append("day <= ?")
        params.append(until)
    sql = f"""
        WITH events AS (
            SELECT merged_id, score, n_reports,
                CASE WHEN date_earliest IS NOT NULL
                     AND date_diff('day', date_earliest, coalesce(date_latest, date_earliest)) <= ?
                     THEN date_earliest ELSE first_report END AS day,
                unnest(actors) AS actor, recipients
            FROM merged_events
        ), pairs AS (
            SELECT merged_id, score, n_reports, day, actor, unnest(recipients) AS recipient
            FROM events
        ), kept AS (
            SELECT merged_id, score, n_reports, day, {pair} FROM pairs
            WHERE {" AND ".join(where)}
        )
        SELECT day, actor, recipient, count(DISTINCT merged_id) AS n_events,
            sum(n_reports) AS n_reports,
            round(coalesce(sum(score), 0), 2) AS score,
            round(coalesce(sum(score) FILTER (WHERE score > 0), 0), 2) AS cooperation,
            round(coalesce(sum(score) FILTER (WHERE score < 0), 0), 2) AS conflict
        FROM kept GROUP BY day, actor, recipient
        ORDER BY day, actor, recipient
    """
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    cursor = conn.execute(sql, [MAX_RANGE_DAYS, *params])
    names = [d[0] for d in cursor.description or []]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
