"""How each record is written out: one declaration per record type (issue 15, item 4).

A record type is declared once, as a :class:`Record`: its dataclass and, for each field, how the
field is encoded (a plain value, a span, a nested record, child records, actor references). From
that declaration come all four mappings, so they cannot drift apart:

- model to JSON (:meth:`Record.to_json`, the output contract of :mod:`dateline.contract`);
- JSON to model (:meth:`Record.from_json`);
- model to row (:meth:`Record.to_row`, the store's columns, :mod:`dateline.storage.rows`);
- row to model (:meth:`Record.from_row`), and so row to contract JSON
  (:mod:`dateline.storage.records`) and the JSONL export (:mod:`dateline.exports.contract`).

A :class:`Table` adds the columns a row has that the record does not (``article_id``, ``seq``).
The store's tables are made by the recorded migrations (``storage/migrations``), never from this
module; ``tests/test_schema.py`` checks that the migrated tables have exactly the declared columns
and types, and that the contract's keys are the declared keys.

Naming rules, the same everywhere: a field's JSON key and column are its attribute name unless
declared otherwise; a span ``X`` becomes ``X_start, X_end, X_text`` columns and a ``{start, end,
text}`` object; a record's own span is ``start_char, end_char, text`` ("end" is a reserved word
in SQL) and its ``start, end, text`` keys sit in the record's object; a nested record's columns
carry its prefix (``date_value``, ``place_lat``).

To add a field to a record: add it to the dataclass in :mod:`dateline.model` (with a default, so
older JSON and rows still read), declare it below, add a migration ``ALTER TABLE ... ADD
COLUMN`` when it is stored, and its key to ``docs/contract.md``. ``tests/test_schema.py`` fails
until the four agree, naming the missing column or key.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dateline import model
from dateline.model import PLACE_ATTRIBUTES
from dateline.schema.fields import (
    OWN_SPAN,
    ActorRef,
    ActorRefs,
    Children,
    Column,
    Field,
    Inherited,
    Links,
    Nested,
    NotKept,
    ParentId,
    Record,
    Row,
    SpanField,
    Table,
    Value,
)

__all__ = [
    "ACTOR",
    "ARTICLE",
    "CLAIM",
    "DOCUMENT_LISTS",
    "EVENT",
    "EVENT_DATE",
    "EVENT_PLACE",
    "MENTION",
    "PLACE",
    "QUOTE",
    "RECORDS",
    "SPEAKER",
    "TABLES",
    "TIME",
    "Column",
    "Field",
    "Record",
    "SpanField",
    "Table",
    "link_rows",
    "with_links",
]

# --- the declarations --------------------------------------------------------------------------

#: The evidence sentence of a record (``sentence`` in the model, ``evidence`` in JSON and rows).
EVIDENCE = SpanField("sentence", key="evidence", or_own=True)
STAGE = Value("stage")

ARTICLE: Record[model.Article] = Record(
    model.Article,
    (
        Value("id", column="article_id"),
        Value("date", "DATE"),
        Value("title"),
        Value("subtitle"),
        Value("source"),
        Value("url"),
        Value("text"),
    ),
)

MENTION: Record[model.Mention] = Record(
    model.Mention,
    (ParentId("actor", column="actor_id"), OWN_SPAN, Value("kind"), EVIDENCE, STAGE),
)

ACTOR: Record[model.Actor] = Record(
    model.Actor,
    (
        Value("id", column="actor_id"),
        Value("name"),
        Value("kind"),
        Value("country"),
        Value("sector"),
        Value("source", default="ner"),
        Children("mentions", MENTION, count_column="n_mentions"),
        STAGE,
    ),
)

TIME: Record[model.TimeExpression] = Record(
    model.TimeExpression,
    (
        OWN_SPAN,
        Value("type"),
        Value("value"),
        Value("earliest", "DATE"),
        Value("latest", "DATE"),
        Value("granularity"),
        EVIDENCE,
        STAGE,
    ),
)

#: The SQL type of each of a place's own attributes (``PLACE_ATTRIBUTES``) that is no text.
_PLACE_TYPES = {"lat": "DOUBLE", "lon": "DOUBLE", "geonameid": "BIGINT"}
PLACE_VALUES = tuple(Value(name, _PLACE_TYPES.get(name, "VARCHAR")) for name in PLACE_ATTRIBUTES)

PLACE: Record[model.Place] = Record(model.Place, (OWN_SPAN, *PLACE_VALUES, EVIDENCE, STAGE))

SPEAKER: Record[model.Speaker] = Record(
    model.Speaker, (Value("actor"), SpanField("span", own=True, order=("text", "start", "end")))
)

QUOTE: Record[model.Quote] = Record(
    model.Quote,
    (
        Value("id", column="quote_id"),
        OWN_SPAN,
        Value("kind"),
        Nested("speaker", SPEAKER),
        SpanField("cue"),
        EVIDENCE,
        STAGE,
        Value("rule"),
    ),
)

EVENT_DATE: Record[model.EventDate] = Record(
    model.EventDate,
    (
        SpanField("span", own=True, order=("text", "start", "end")),
        Value("value"),
        Value("earliest", "DATE"),
        Value("latest", "DATE"),
        Value("source"),
    ),
)

_EVENT_EVIDENCE = SpanField("evidence")

#: An event's place: the place's span and attributes, not its sentence and stage (the event's).
EVENT_PLACE: Record[model.EventPlace] = Record(
    model.EventPlace,
    (
        Nested(
            "place",
            Record(
                model.Place,
                (
                    OWN_SPAN,
                    *PLACE_VALUES,
                    Inherited("sentence", _EVENT_EVIDENCE),
                    Inherited("stage", STAGE),
                ),
            ),
            inline=True,
        ),
        Value("precision"),
    ),
)

EVENT: Record[model.Event] = Record(
    model.Event,
    (
        Value("id", column="event_id"),
        Value("type"),
        Value("mode"),
        Value("context", "VARCHAR[]"),
        Value("quad", "INTEGER"),
        Value("cameo"),
        Value("score", "DOUBLE"),
        Links("actors", role="actor"),
        Links("recipients", role="recipient"),
        Nested("date", EVENT_DATE),
        Nested("place", EVENT_PLACE, optional=True),
        Value("factuality"),
        ActorRef("reporter"),
        _EVENT_EVIDENCE,
        SpanField("trigger"),
        Value("confidence", "DOUBLE"),
        STAGE,
        Value("rule"),
        NotKept("actor_spans"),
        NotKept("recipient_spans"),
    ),
)

CLAIM: Record[model.Claim] = Record(
    model.Claim,
    (
        Value("id", column="claim_id"),
        OWN_SPAN,
        ActorRef("source", column="source_actor", always=True),
        ActorRefs("repeated_by"),
        Value("stance"),
        EVIDENCE,
        STAGE,
        Value("rule"),
    ),
)

#: The record lists of a contract document (and the Extraction attributes of the same names).
DOCUMENT_LISTS: dict[str, Record[Any]] = {
    "actors": ACTOR,
    "times": TIME,
    "places": PLACE,
    "quotes": QUOTE,
    "events": EVENT,
    "claims": CLAIM,
}

#: Every declared record type (the round-trip and coverage tests walk these).
RECORDS: tuple[Record[Any], ...] = (
    ARTICLE,
    MENTION,
    ACTOR,
    TIME,
    PLACE,
    SPEAKER,
    QUOTE,
    EVENT_DATE,
    EVENT_PLACE,
    EVENT,
    CLAIM,
)

# --- the store's per-article tables -------------------------------------------------------------

ARTICLE_ID = Column("article_id")
SEQ = Column("seq", "INTEGER")

TABLES: dict[str, Table] = {
    table.name: table
    for table in (
        Table(
            "articles",
            ARTICLE,
            extra=(
                Column("content_hash"),
                Column("pipeline_version"),
                Column("model"),
                Column("stages", "VARCHAR[]"),
                Column("dateline_version"),
                Column("run_id", "BIGINT"),
                Column("ingested_at", "TIMESTAMP"),
            ),
        ),
        Table("article_actors", ACTOR, keys=(ARTICLE_ID,)),
        Table("mentions", MENTION, keys=(ARTICLE_ID, SEQ)),
        Table("times", TIME, keys=(ARTICLE_ID, SEQ)),
        Table("places", PLACE, keys=(ARTICLE_ID, SEQ)),
        Table("quotes", QUOTE, keys=(ARTICLE_ID,)),
        Table("events", EVENT, keys=(ARTICLE_ID,)),
        # Event.actors and Event.recipients (the Links fields), in order: seq within the role
        Table(
            "event_actors",
            None,
            keys=(ARTICLE_ID, Column("event_id"), Column("actor_id"), Column("role"), SEQ),
        ),
        Table("claims", CLAIM, keys=(ARTICLE_ID,)),
    )
}


def link_rows(record: Record[Any], article_id: str, item: Any) -> list[Row]:
    """The ``event_actors`` rows of an event: one per actor id of each :class:`Links` field."""
    rows = []
    for field in record.fields:
        if isinstance(field, Links):
            for seq, actor_id in enumerate(getattr(item, field.attr)):
                rows.append(
                    {
                        "article_id": article_id,
                        "event_id": item.id,
                        "actor_id": actor_id,
                        "role": field.role,
                        "seq": seq,
                    }
                )
    return rows


def with_links(record: Record[Any], row: Row, ids_by_role: Mapping[str, list[str]]) -> Row:
    """``row`` with the actor ids of each :class:`Links` field put in (for :meth:`from_row`)."""
    return {
        **row,
        **{
            field.attr: ids_by_role.get(field.role, [])
            for field in record.fields
            if isinstance(field, Links)
        },
    }
