"""Merged events with what the PLOVER and GDELT exports need: actors, reports, evidence."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from dateline.exports.contract import row_chunks
from dateline.storage.query import fetch_rows

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

Row = dict[str, Any]
CHUNK = 2000


def registry(conn: DuckDBPyConnection) -> dict[str, Row]:
    """actor id -> registry row (name, kind, country, sector)."""
    return {row["actor_id"]: row for row in fetch_rows(conn, "SELECT * FROM actors", [])}


def iter_merged(conn: DuckDBPyConnection) -> Iterator[Row]:
    """Merged events by date, each with ``reports`` (evidence, article url/source/title, text
    position) and ``context`` (the union of its reports' contexts)."""
    order = "coalesce(date_earliest, first_report), merged_id"
    for events in row_chunks(conn, "merged_events", "merged_id", order, CHUNK):
        chunk = [event["merged_id"] for event in events]
        reports: dict[str, list[Row]] = {}
        for report in fetch_rows(
            conn,
            """
            SELECT r.merged_id, r.article_id, r.event_id, r.duplicate, e.context, e.factuality,
                e.reporter, e.evidence_start, e.evidence_end, e.evidence_text, e.trigger_start,
                e.trigger_end, e.trigger_text, e.confidence, e.stage, a.date AS article_date,
                a.url, a.source, a.title, a.ingested_at,
                -- lines before the evidence: 0 title, 1 (subtitle or) lead paragraph
                length(substring(a.text, 1, e.evidence_start))
                    - length(replace(substring(a.text, 1, e.evidence_start), chr(10), ''))
                    - (a.subtitle IS NOT NULL)::INTEGER AS line
            FROM merged_event_reports r JOIN events e USING (article_id, event_id)
            JOIN articles a USING (article_id)
            WHERE r.merged_id IN (SELECT unnest(?::VARCHAR[]))
            ORDER BY r.duplicate, a.date, r.article_id, e.evidence_start
            """,
            [chunk],
        ):
            reports.setdefault(report["merged_id"], []).append(report)
        for event in events:
            event["reports"] = reports.get(event["merged_id"], [])
            event["context"] = sorted({c for r in event["reports"] for c in (r["context"] or [])})
            yield event
