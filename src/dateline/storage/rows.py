"""An :class:`~dateline.model.Extraction` as flat rows, one list per table.

This is the one place that knows how the contract's nested records map onto the store's
columns (``migrations/0001_initial.sql``): a span named X becomes ``X_start, X_end, X_text``; a
record's own span is ``start_char, end_char, text``. The rows become Arrow tables
(:func:`arrow_table`) that DuckDB inserts by column name, and that a Parquet writer can write
unchanged, so a Parquet partition has exactly the columns of the table it mirrors.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import TYPE_CHECKING, Any

from dateline.model import (
    PLACE_ATTRIBUTES,
    Actor,
    Claim,
    Event,
    Extraction,
    Mention,
    Place,
    Quote,
    Span,
    TimeExpression,
)
from dateline.version import __version__

if TYPE_CHECKING:
    import pyarrow as pa

Row = dict[str, Any]

#: Tables filled per article, children first (the order rows are deleted in).
ARTICLE_TABLES: tuple[str, ...] = (
    "article_actors",
    "mentions",
    "times",
    "places",
    "quotes",
    "event_actors",
    "events",
    "claims",
    "articles",
)
#: Per-article rows that are not records: the MinHash signature of the text and its LSH bands
#: (:mod:`dateline.corpus.dedup`), written with the article and replaced with it.
SIGNATURE_TABLES: tuple[str, ...] = ("article_bands", "article_minhashes")
#: Every table an article's rows go to, children first.
STORED_TABLES: tuple[str, ...] = SIGNATURE_TABLES + ARTICLE_TABLES


def _span(prefix: str, span: Span | None) -> Row:
    if span is None:
        return {f"{prefix}_start": None, f"{prefix}_end": None, f"{prefix}_text": None}
    return {f"{prefix}_start": span.start, f"{prefix}_end": span.end, f"{prefix}_text": span.text}


def _own(span: Span) -> Row:
    return {"start_char": span.start, "end_char": span.end, "text": span.text}


def article_row(extraction: Extraction, *, pipeline_version: str, run_id: int | None) -> Row:
    article = extraction.article
    return {
        "article_id": article.id,
        "date": article.date,
        "title": article.title,
        "subtitle": article.subtitle,
        "source": article.source,
        "url": article.url,
        "text": article.text,
        "content_hash": article.content_hash,
        "pipeline_version": pipeline_version,
        "model": extraction.model,
        "stages": list(extraction.stages),
        "dateline_version": __version__,
        "run_id": run_id,
        "ingested_at": dt.datetime.now(),
    }


def actor_row(article_id: str, actor: Actor) -> Row:
    return {
        "article_id": article_id,
        "actor_id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "country": actor.country,
        "sector": actor.sector,
        "source": actor.source,
        "n_mentions": len(actor.mentions),
        "stage": actor.stage,
    }


def mention_row(article_id: str, seq: int, mention: Mention) -> Row:
    return {
        "article_id": article_id,
        "seq": seq,
        "actor_id": mention.actor,
        **_own(mention.span),
        "kind": mention.kind,
        **_span("evidence", mention.sentence),
        "stage": mention.stage,
    }


def time_row(article_id: str, seq: int, time: TimeExpression) -> Row:
    return {
        "article_id": article_id,
        "seq": seq,
        **_own(time.span),
        "type": time.type,
        "value": time.value,
        "earliest": time.earliest,
        "latest": time.latest,
        "granularity": time.granularity,
        **_span("evidence", time.sentence),
        "stage": time.stage,
    }


def place_row(article_id: str, seq: int, place: Place) -> Row:
    return {
        "article_id": article_id,
        "seq": seq,
        **_own(place.span),
        **{name: getattr(place, name) for name in PLACE_ATTRIBUTES},
        **_span("evidence", place.sentence),
        "stage": place.stage,
    }


def quote_row(article_id: str, quote: Quote) -> Row:
    return {
        "article_id": article_id,
        "quote_id": quote.id,
        **_own(quote.span),
        "kind": quote.kind,
        "speaker_actor": quote.speaker.actor,
        **_span("speaker", quote.speaker.span),
        **_span("cue", quote.cue),
        **_span("evidence", quote.sentence),
        "stage": quote.stage,
        "rule": quote.rule,
    }


def event_row(article_id: str, event: Event) -> Row:
    place = event.place.place if event.place else None
    return {
        "article_id": article_id,
        "event_id": event.id,
        "type": event.type,
        "mode": event.mode,
        "context": list(event.context),
        "quad": event.quad,
        "cameo": event.cameo,
        "score": event.score,
        **_span("date", event.date.span),
        "date_value": event.date.value,
        "date_earliest": event.date.earliest,
        "date_latest": event.date.latest,
        "date_source": event.date.source,
        **_span("place", place.span if place else None),
        "place_name": place.name if place else None,
        "place_feature": place.feature if place else None,
        "place_country": place.country if place else None,
        "place_admin1": place.admin1 if place else None,
        "place_lat": place.lat if place else None,
        "place_lon": place.lon if place else None,
        "place_geonameid": place.geonameid if place else None,
        "place_precision": event.place.precision if event.place else None,
        "factuality": event.factuality,
        "reporter": event.reporter,
        **_span("evidence", event.evidence),
        **_span("trigger", event.trigger),
        "confidence": event.confidence,
        "stage": event.stage,
        "rule": event.rule,
    }


def event_actor_rows(article_id: str, event: Event) -> list[Row]:
    rows = []
    for role, ids in (("actor", event.actors), ("recipient", event.recipients)):
        for seq, actor_id in enumerate(ids):
            rows.append(
                {
                    "article_id": article_id,
                    "event_id": event.id,
                    "actor_id": actor_id,
                    "role": role,
                    "seq": seq,
                }
            )
    return rows


def claim_row(article_id: str, claim: Claim) -> Row:
    return {
        "article_id": article_id,
        "claim_id": claim.id,
        **_own(claim.span),
        "source_actor": claim.source,
        "repeated_by": list(claim.repeated_by),
        "stance": claim.stance,
        **_span("evidence", claim.sentence),
        "stage": claim.stage,
        "rule": claim.rule,
    }


def extraction_rows(
    extraction: Extraction, *, pipeline_version: str, run_id: int | None = None
) -> dict[str, list[Row]]:
    """Every row one article contributes, keyed by table name."""
    aid = extraction.article.id
    mentions = sorted(
        (m for actor in extraction.actors for m in actor.mentions),
        key=lambda m: (m.span.start, m.span.end),
    )
    return {
        "articles": [article_row(extraction, pipeline_version=pipeline_version, run_id=run_id)],
        "article_actors": [actor_row(aid, a) for a in extraction.actors],
        "mentions": [mention_row(aid, i, m) for i, m in enumerate(mentions)],
        "times": [time_row(aid, i, t) for i, t in enumerate(extraction.times)],
        "places": [place_row(aid, i, p) for i, p in enumerate(extraction.places)],
        "quotes": [quote_row(aid, q) for q in extraction.quotes],
        "events": [event_row(aid, e) for e in extraction.events],
        "event_actors": [row for e in extraction.events for row in event_actor_rows(aid, e)],
        "claims": [claim_row(aid, c) for c in extraction.claims],
    }


@cache
def arrow_schemas() -> dict[str, pa.Schema]:
    """The Arrow schema of every per-article table, read from an in-memory store.

    Taken from the migrations themselves, so rows, the DuckDB tables and Parquet partitions
    cannot drift apart.
    """
    import duckdb

    from dateline.storage.schema import migrate

    conn = duckdb.connect(":memory:")
    try:
        migrate(conn)
        return {
            table: conn.sql(f"SELECT * FROM {table} LIMIT 0").to_arrow_table().schema
            for table in STORED_TABLES
        }
    finally:
        conn.close()


def arrow_table(table: str, rows: list[Row]) -> pa.Table:
    import pyarrow as pa

    return pa.Table.from_pylist(rows, schema=arrow_schemas()[table])
