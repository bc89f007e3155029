"""Stored rows back into the contract's record shapes (design.md, "Output contract").

The inverse of :mod:`dateline.storage.rows`: ``X_start, X_end, X_text`` columns become a span
``X`` again. Records get ``article_id`` and ``article_date`` so each can be traced to its article.
"""

from __future__ import annotations

from typing import Any

from dateline.contract import iso_day
from dateline.model import PLACE_ATTRIBUTES

Row = dict[str, Any]


def span_record(row: Row, prefix: str) -> dict[str, Any] | None:
    if row.get(f"{prefix}_start") is None:
        return None
    return {
        "start": row[f"{prefix}_start"],
        "end": row[f"{prefix}_end"],
        "text": row[f"{prefix}_text"],
    }


def place_columns(row: Row, prefix: str = "place_") -> dict[str, Any]:
    """A place's attributes from a row's ``place_name``, ``place_lat``, ... columns."""
    return {name: row[f"{prefix}{name}"] for name in PLACE_ATTRIBUTES}


def _where(row: Row) -> dict[str, Any]:
    return {"article_id": row["article_id"], "article_date": iso_day(row.get("article_date"))}


def event_record(row: Row) -> dict[str, Any]:
    place = None
    if row["place_name"] is not None:
        place = {
            "start": row["place_start"],
            "end": row["place_end"],
            "text": row["place_text"],
            **place_columns(row),
            "precision": row["place_precision"],
        }
    return {
        "id": row["event_id"],
        **_where(row),
        "type": row["type"],
        "mode": row["mode"],
        "context": list(row["context"] or []),
        "quad": row["quad"],
        "cameo": row["cameo"],
        "score": row["score"],
        "actors": list(row["actors"]),
        "recipients": list(row["recipients"]),
        "date": {
            "text": row["date_text"],
            "start": row["date_start"],
            "end": row["date_end"],
            "value": row["date_value"],
            "earliest": iso_day(row["date_earliest"]),
            "latest": iso_day(row["date_latest"]),
            "source": row["date_source"],
        },
        "place": place,
        "factuality": row["factuality"],
        "reporter": {"actor": row["reporter"]} if row["reporter"] else None,
        "evidence": span_record(row, "evidence"),
        "trigger": span_record(row, "trigger"),
        "confidence": row["confidence"],
        "stage": row["stage"],
        "rule": row.get("rule"),
    }


def quote_record(row: Row) -> dict[str, Any]:
    return {
        "id": row["quote_id"],
        **_where(row),
        "start": row["start_char"],
        "end": row["end_char"],
        "text": row["text"],
        "kind": row["kind"],
        "speaker": {
            "actor": row["speaker_actor"],
            "text": row["speaker_text"],
            "start": row["speaker_start"],
            "end": row["speaker_end"],
        },
        "cue": span_record(row, "cue"),
        "evidence": span_record(row, "evidence"),
        "stage": row["stage"],
        "rule": row.get("rule"),
    }


def actor_record(row: Row) -> dict[str, Any]:
    return {
        "id": row["actor_id"],
        "name": row["name"],
        "kind": row["kind"],
        "country": row["country"],
        "sector": row["sector"],
        "first_seen": iso_day(row["first_seen"]),
        "last_seen": iso_day(row["last_seen"]),
        "n_articles": row["n_articles"],
        "n_mentions": row["n_mentions"],
        # the actor this one is linked to by name across articles (dateline.corpus.registry)
        "linked_to": row.get("linked_to"),
    }


def article_record(row: Row) -> dict[str, Any]:
    return {
        "id": row["article_id"],
        "date": iso_day(row["date"]),
        "title": row["title"],
        "subtitle": row["subtitle"],
        "source": row["source"],
        "url": row["url"],
        "text": row["text"],
        "content_hash": row["content_hash"],
        "pipeline_version": row["pipeline_version"],
        "counts": {
            "actors": row["n_article_actors"],
            "quotes": row["n_quotes"],
            "events": row["n_events"],
            "claims": row["n_claims"],
        },
    }


TO_JSON = {
    "events": event_record,
    "quotes": quote_record,
    "actors": actor_record,
    "articles": article_record,
}
