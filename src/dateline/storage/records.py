"""Stored rows back into the contract's record shapes (design.md, "Output contract").

The inverse of :mod:`dateline.storage.rows`, from the same declarations (:mod:`dateline.schema`):
a row becomes its record, which becomes contract JSON. Records get ``article_id`` and
``article_date`` so each can be traced to its article.
"""

from __future__ import annotations

from typing import Any

from dateline.contract import iso_day, span_json
from dateline.model import PLACE_ATTRIBUTES
from dateline.schema import ARTICLE, EVENT, QUOTE, SpanField

Row = dict[str, Any]


def span_record(row: Row, prefix: str) -> dict[str, Any] | None:
    """The span in a row's ``{prefix}_start, _end, _text`` columns as ``{start, end, text}``."""
    return span_json(SpanField(prefix).from_row(row, ""))


def place_columns(row: Row, prefix: str = "place_") -> dict[str, Any]:
    """A place's attributes from a row's ``place_name``, ``place_lat``, ... columns."""
    return {name: row[f"{prefix}{name}"] for name in PLACE_ATTRIBUTES}


def _traced(record: dict[str, Any], row: Row) -> dict[str, Any]:
    """A contract record with ``article_id`` and ``article_date`` after its id."""
    record_id = record.pop("id")
    where = {"article_id": row["article_id"], "article_date": iso_day(row.get("article_date"))}
    return {"id": record_id, **where, **record}


def event_record(row: Row) -> dict[str, Any]:
    """An ``events`` row (with its ``actors`` and ``recipients`` lists) as a contract event."""
    return _traced(EVENT.to_json(EVENT.from_row(row)), row)


def quote_record(row: Row) -> dict[str, Any]:
    return _traced(QUOTE.to_json(QUOTE.from_row(row)), row)


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
        **ARTICLE.to_json(ARTICLE.from_row(row)),
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
