"""PLOVER JSON records, one per merged event (``--format plover``, JSON lines).

Field names follow the POLECAT release of PLOVER-coded events (NGEC; POLECAT codebook: event
id, dates, ``event_type``, ``event_mode``, ``event_context``, actor and recipient names with
country and sector, location with coordinates, ``event_text``), with lists where dateline has
several actors, plus what POLECAT lacks: every report's evidence sentence and offsets, its
factuality, and the counts of reports and distinct sources.
"""

from __future__ import annotations

import json
from typing import IO, TYPE_CHECKING, Any

from dateline.contract import iso_day
from dateline.exports.merged import iter_merged, registry
from dateline.storage.records import place_columns

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

Row = dict[str, Any]


def _side(ids: list[str], actors: dict[str, Row]) -> dict[str, list[Any]]:
    known = [actors.get(i, {}) for i in ids]
    return {
        "ids": list(ids),
        "names": [a.get("name") or i for a, i in zip(known, ids, strict=True)],
        "countries": [a.get("country") for a in known],
        "sectors": [a.get("sector") for a in known],
    }


def plover_record(event: Row, actors: dict[str, Row]) -> dict[str, Any]:
    from dateline.corpus.merge import event_day
    from dateline.events.vocabulary import VOCABULARY_VERSION

    actor, recipient = _side(event["actors"], actors), _side(event["recipients"], actors)
    location = None
    if event["place_name"] is not None:
        place = place_columns(event)
        location = {"placename": place.pop("name"), **place}
    return {
        "id": event["merged_id"],
        "date": iso_day(event_day(event)),
        "date_earliest": iso_day(event["date_earliest"]),
        "date_latest": iso_day(event["date_latest"]),
        "story_date": iso_day(event["first_report"]),
        "event_type": event["type"],
        "event_mode": event["mode"],
        "event_context": event["context"],
        "quad_class": event["quad"],
        "score": event["score"],
        "cameo": event["cameo"],
        "actor": actor["names"],
        "actor_id": actor["ids"],
        "actor_country": actor["countries"],
        "actor_sector": actor["sectors"],
        "recipient": recipient["names"],
        "recipient_id": recipient["ids"],
        "recipient_country": recipient["countries"],
        "recipient_sector": recipient["sectors"],
        "location": location,
        "event_text": event["evidence_text"],
        "n_reports": event["n_reports"],
        "n_articles": event["n_articles"],
        "n_sources": event["n_sources"],
        "reports": [
            {
                "article_id": r["article_id"],
                "event_id": r["event_id"],
                "story_date": iso_day(r["article_date"]),
                "url": r["url"],
                "publisher": r["source"],
                "factuality": r["factuality"],
                "duplicate": r["duplicate"],
                "evidence": {
                    "start": r["evidence_start"],
                    "end": r["evidence_end"],
                    "text": r["evidence_text"],
                },
                "trigger": {
                    "start": r["trigger_start"],
                    "end": r["trigger_end"],
                    "text": r["trigger_text"],
                },
                "stage": r["stage"],
            }
            for r in event["reports"]
        ],
        "version": {"vocabulary": VOCABULARY_VERSION, "merge": event["method"]},
    }


def write_plover(conn: DuckDBPyConnection, out: IO[str]) -> int:
    actors = registry(conn)
    count = 0
    for event in iter_merged(conn):
        out.write(json.dumps(plover_record(event, actors), ensure_ascii=False) + "\n")
        count += 1
    return count
