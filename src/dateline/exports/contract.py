"""The JSON contract rebuilt from the store: one document per article (``--format jsonl``).

The inverse of :func:`dateline.storage.rows.extraction_rows`: the stored rows of an article
become an :class:`~dateline.model.Extraction` again, which :func:`dateline.contract.to_dict`
turns into the same document ``dateline extract --format jsonl`` prints. What the store does not
keep is left at its default: the argument spans of an event (``Event.actor_spans``), and the
sentence of an event's place (its evidence sentence stands in). Lists come in offset order.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any

from dateline.model import (
    Actor,
    Article,
    Claim,
    Event,
    EventDate,
    EventPlace,
    Extraction,
    Mention,
    Place,
    Quote,
    Span,
    Speaker,
    TimeExpression,
)
from dateline.storage.query import fetch_rows
from dateline.storage.records import place_columns

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

Row = dict[str, Any]
#: Articles rebuilt per round of queries: bounds memory, keeps the number of scans small.
CHUNK = 256

_ORDER = {
    "article_actors": "article_id, actor_id",
    "mentions": "article_id, seq",
    "times": "article_id, seq",
    "places": "article_id, seq",
    "quotes": "article_id, start_char, quote_id",
    "events": "article_id, evidence_start, event_id",
    "event_actors": "article_id, event_id, role, seq",
    "claims": "article_id, start_char, claim_id",
}


def _span(row: Row, prefix: str | None = None) -> Span | None:
    if prefix is None:
        return Span(row["start_char"], row["end_char"], row["text"])
    if row.get(f"{prefix}_start") is None:
        return None
    return Span(row[f"{prefix}_start"], row[f"{prefix}_end"], row[f"{prefix}_text"] or "")


def _sentence(row: Row) -> Span:
    return _span(row, "evidence") or _span(row)  # type: ignore[return-value]


def _place(row: Row) -> Place:
    return Place(
        span=_span(row),  # type: ignore[arg-type]
        sentence=_sentence(row),
        stage=row["stage"],
        **place_columns(row, prefix=""),
    )


def _event(row: Row, roles: dict[str, list[str]]) -> Event:
    place = None
    place_span = _span(row, "place")
    if row["place_name"] is not None and place_span is not None:
        place = EventPlace(
            Place(
                span=place_span,
                sentence=_span(row, "evidence"),  # type: ignore[arg-type]
                stage=row["stage"],
                **place_columns(row),
            ),
            row["place_precision"],
        )
    return Event(
        id=row["event_id"],
        type=row["type"],
        mode=row["mode"],
        context=tuple(row["context"] or ()),
        quad=row["quad"],
        actors=tuple(roles.get("actor", ())),
        recipients=tuple(roles.get("recipient", ())),
        date=EventDate(
            row["date_value"],
            row["date_earliest"],
            row["date_latest"],
            _span(row, "date"),
            row["date_source"],
        ),
        place=place,
        factuality=row["factuality"],
        reporter=row["reporter"],
        evidence=_span(row, "evidence"),  # type: ignore[arg-type]
        trigger=_span(row, "trigger"),  # type: ignore[arg-type]
        confidence=row["confidence"],
        stage=row["stage"],
        cameo=row["cameo"],
        score=row["score"],
        rule=row.get("rule"),
    )


def rebuild(article: Row, tables: dict[str, list[Row]]) -> Extraction:
    """One article's stored rows (``tables``: rows per table) as an Extraction."""
    mentions: dict[str, list[Mention]] = {}
    for row in tables.get("mentions", []):
        mentions.setdefault(row["actor_id"], []).append(
            Mention(_span(row), row["actor_id"], row["kind"], _sentence(row), row["stage"])  # type: ignore[arg-type]
        )
    actors = [
        Actor(
            id=row["actor_id"],
            name=row["name"],
            kind=row["kind"],
            country=row["country"],
            sector=row["sector"],
            mentions=tuple(mentions.get(row["actor_id"], ())),
            stage=row["stage"],
            source=row["source"] or "ner",
        )
        for row in tables.get("article_actors", [])
    ]
    actors.sort(key=lambda a: (a.mentions[0].span.start if a.mentions else -1, a.id))
    roles: dict[str, dict[str, list[str]]] = {}
    for row in tables.get("event_actors", []):
        roles.setdefault(row["event_id"], {}).setdefault(row["role"], []).append(row["actor_id"])
    return Extraction(
        article=Article(
            id=article["article_id"],
            date=article["date"],
            title=article["title"],
            text=article["text"],
            subtitle=article["subtitle"],
            source=article["source"],
            url=article["url"],
        ),
        actors=actors,
        times=[
            TimeExpression(
                _span(row),  # type: ignore[arg-type]
                row["type"],
                row["value"],
                row["earliest"],
                row["latest"],
                row["granularity"],
                _sentence(row),
                row["stage"],
            )
            for row in tables.get("times", [])
        ],
        places=[_place(row) for row in tables.get("places", [])],
        quotes=[
            Quote(
                id=row["quote_id"],
                span=_span(row),  # type: ignore[arg-type]
                kind=row["kind"],
                speaker=Speaker(row["speaker_actor"], _span(row, "speaker")),
                cue=_span(row, "cue"),
                sentence=_sentence(row),
                stage=row["stage"],
                rule=row.get("rule"),
            )
            for row in tables.get("quotes", [])
        ],
        events=[_event(row, roles.get(row["event_id"], {})) for row in tables.get("events", [])],
        claims=[
            Claim(
                id=row["claim_id"],
                span=_span(row),  # type: ignore[arg-type]
                source=row["source_actor"],
                repeated_by=tuple(row["repeated_by"] or ()),
                stance=row["stance"],
                sentence=_sentence(row),
                stage=row["stage"],
                rule=row.get("rule"),
            )
            for row in tables.get("claims", [])
        ],
        stages=list(article["stages"] or []),
        model=article["model"] or "",
    )


def iter_extractions(conn: DuckDBPyConnection) -> Iterator[Extraction]:
    """Every stored article as an Extraction, by date and id, ``CHUNK`` articles at a time."""
    ids = [
        row[0]
        for row in conn.execute(
            "SELECT article_id FROM articles ORDER BY date, article_id"
        ).fetchall()
    ]
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        articles = fetch_rows(
            conn,
            "SELECT * FROM articles WHERE article_id IN (SELECT unnest(?::VARCHAR[])) "
            "ORDER BY date, article_id",
            [chunk],
        )
        tables: dict[str, dict[str, list[Row]]] = {}
        for table, order in _ORDER.items():
            for row in fetch_rows(
                conn,
                f"SELECT * FROM {table} WHERE article_id IN (SELECT unnest(?::VARCHAR[])) "
                f"ORDER BY {order}",
                [chunk],
            ):
                tables.setdefault(row["article_id"], {}).setdefault(table, []).append(row)
        for article in articles:
            yield rebuild(article, tables.get(article["article_id"], {}))


def write_contract(conn: DuckDBPyConnection, out: IO[str]) -> int:
    from dateline.contract import to_dict

    count = 0
    for extraction in iter_extractions(conn):
        out.write(json.dumps(to_dict(extraction), ensure_ascii=False) + "\n")
        count += 1
    return count
