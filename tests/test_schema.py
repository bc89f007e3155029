"""One declaration per record type (dateline.schema): the store's tables, the contract's keys and
the four mappings all agree with it, and every record type survives model -> row -> model and
model -> JSON -> model, on records the pipeline extracted from real text."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import duckdb
import pytest

from dateline.contract import from_dict, to_dict, to_json
from dateline.exports.contract import iter_extractions
from dateline.model import Actor, Article, Event, Extraction, Quote, Speaker
from dateline.schema import (
    ACTOR,
    ARTICLE,
    CLAIM,
    DOCUMENT_LISTS,
    EVENT,
    EVENT_DATE,
    MENTION,
    PLACE,
    QUOTE,
    RECORDS,
    SPEAKER,
    TABLES,
    TIME,
    Record,
    link_rows,
    with_links,
)
from dateline.schema.fields import Children, Nested
from dateline.storage.schema import migrate
from dateline.storage.store import open_store, transaction
from dateline.storage.write import write_batch

CONTRACT_DOC = Path(__file__).parents[1] / "docs" / "contract.md"

#: Not the example article: a short text with what the seed lacks (events with no place, a
#: speaker the text does not resolve, "according to" attribution, a repeated claim).
OTHER_TEXT = (
    "Protesters demand new elections\n"
    "The government rejected the opposition's demand for new elections on Tuesday, according "
    "to state media.\n"
    "“We will never accept this,” a spokesman said.\n"
    "Officials said the army would not attack the rebels. The rebels accused the government of "
    "lying.\n"
    "Russia claims Ukraine shelled the town, a claim Trump repeated."
)


@pytest.fixture(scope="module")
def other_extraction(pipeline) -> Extraction:  # type: ignore[no-untyped-def]
    day = dt.date(2025, 3, 18)
    article = Article(
        id=Article.make_id(day, OTHER_TEXT),
        date=day,
        title=OTHER_TEXT.split("\n", 1)[0],
        text=OTHER_TEXT,
        source="Example Wire",
    )
    return pipeline(article)


@pytest.fixture(scope="module")
def extractions(seed_extraction, other_extraction) -> list[Extraction]:  # type: ignore[no-untyped-def]
    return [seed_extraction, other_extraction]


# --- what a round trip may change: the fields the declaration says are not kept ----------------


def kept(event: Event) -> Event:
    """``event`` as it reads back: no argument spans (NotKept), and its place's sentence and
    stage are the event's own (Inherited)."""
    place = event.place
    if place is not None:
        inner = dataclasses.replace(place.place, sentence=event.evidence, stage=event.stage)
        place = dataclasses.replace(place, place=inner)
    return dataclasses.replace(event, place=place, actor_spans=(), recipient_spans=())


def with_nulls(extraction: Extraction) -> dict[Record[Any], list[Any]]:
    """Real records, plus each optional part of a quote and an event set to None."""
    quote, event = extraction.quotes[0], extraction.events[0]
    return {
        ARTICLE: [extraction.article],
        ACTOR: extraction.actors,
        TIME: extraction.times,
        PLACE: extraction.places,
        QUOTE: [
            *extraction.quotes,
            dataclasses.replace(quote, cue=None, speaker=Speaker(None, None), rule=None),
        ],
        EVENT: [
            *extraction.events,
            dataclasses.replace(
                event,
                place=None,
                reporter=None,
                mode=None,
                date=dataclasses.replace(event.date, span=None),
            ),
        ],
        CLAIM: extraction.claims,
    }


def test_the_texts_hold_every_record_type_and_the_optional_parts(extractions) -> None:  # type: ignore[no-untyped-def]
    for name in ("actors", "times", "places", "quotes", "events", "claims"):
        assert all(getattr(x, name) for x in extractions), name
    events = [e for x in extractions for e in x.events]
    assert any(e.place for e in events) and any(e.place is None for e in events)
    assert any(e.reporter for e in events) and any(e.reporter is None for e in events)
    assert any(e.date.span for e in events) and any(e.date.span is None for e in events)
    assert any(q.speaker.actor is None for x in extractions for q in x.quotes)
    assert any(c.repeated_by or c.source for x in extractions for c in x.claims)


# --- the declarations against the model, the store and the documented contract ----------------


def _with_inner(records: tuple[Record[Any], ...]) -> list[Record[Any]]:
    """The records and those declared inside them (an event place's place)."""
    found: list[Record[Any]] = []
    for record in records:
        if record not in found:
            found.append(record)
            inner = [f.record for f in record.fields if isinstance(f, Nested | Children)]
            found.extend(r for r in _with_inner(tuple(inner)) if r not in found)
    return found


@pytest.mark.parametrize("record", _with_inner(RECORDS), ids=lambda r: r.type.__name__)
def test_every_field_of_every_record_is_declared(record: Record[Any]) -> None:
    declared = {field.attr for field in record.fields}
    assert declared == {f.name for f in dataclasses.fields(record.type)}, (
        f"declare every field of {record.type.__name__} in dateline.schema "
        "(NotKept for one that is neither written nor stored)"
    )


def test_store_tables_have_exactly_the_declared_columns_and_types() -> None:
    conn = duckdb.connect(":memory:")
    migrate(conn)
    for table in TABLES.values():
        stored = dict(
            conn.execute(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_name = ? ORDER BY ordinal_position",
                [table.name],
            ).fetchall()
        )
        declared = {column.name: column.sql for column in table.columns()}
        missing = [f"{n} {t}" for n, t in declared.items() if stored.get(n) != t]
        assert not missing, (
            f"table {table.name}: declared columns the migrations do not make; add a migration "
            f"with ALTER TABLE {table.name} ADD COLUMN ... for: {', '.join(missing)}"
        )
        assert set(stored) == set(declared), (table.name, set(stored) ^ set(declared))


def test_rows_have_exactly_the_columns_of_their_table(extractions) -> None:  # type: ignore[no-untyped-def]
    from dateline.storage.rows import extraction_rows

    for extraction in extractions:
        for table, rows in extraction_rows(extraction, pipeline_version="v1").items():
            declared = [column.name for column in TABLES[table].columns()]
            for row in rows:
                assert sorted(row) == sorted(declared), table


def _contract_blocks() -> dict[str, str]:
    """The record shapes of docs/contract.md's block: name -> the text inside its braces."""
    block = CONTRACT_DOC.read_text(encoding="utf-8").split("```")[1]
    shapes: dict[str, str] = {}
    name = ""
    for line in block.strip().splitlines():
        if line[:1].strip():
            name, line = line.split(None, 1)
        shapes[name] = shapes.get(name, "") + " " + line.strip()
    return {name: shape.strip().strip("[]")[1:-1] for name, shape in shapes.items()}


def _top_level(shape: str) -> list[tuple[str, str]]:
    """The keys of ``{a, b {c, d}, e [..]}``'s inside, each with the text after the key."""
    items, depth, current = [], 0, ""
    for char in shape + ",":
        depth += (char in "{[(") - (char in "}])")
        if char == "," and depth == 0:
            key, _, rest = current.strip().partition(" ")
            items.append((key.rstrip("?"), rest))
            current = ""
        else:
            current += char
    return items


def _keys_in(shape: str) -> tuple[str, ...]:
    return tuple(key for key, _ in _top_level(shape))


def _nested(shape: str, key: str) -> str:
    rest = dict(_top_level(shape))[key]
    return re.search(r"\{(.*)\}", rest).group(1)  # type: ignore[union-attr]


def test_documented_contract_keys_are_the_declared_keys() -> None:
    shapes = _contract_blocks()
    for name, record in {"article": ARTICLE, **DOCUMENT_LISTS}.items():
        documented, declared = _keys_in(shapes[name]), record.json_keys()
        assert documented == declared, (
            f"docs/contract.md's {name} lists {documented}; dateline.schema declares {declared}"
        )
    assert _keys_in(_nested(shapes["actors"], "mentions")) == MENTION.json_keys()
    assert _keys_in(_nested(shapes["quotes"], "speaker")) == SPEAKER.json_keys()
    assert _keys_in(_nested(shapes["events"], "date")) == EVENT_DATE.json_keys()


def test_contract_json_has_the_declared_keys_in_order(extractions) -> None:  # type: ignore[no-untyped-def]
    for extraction in extractions:
        document = to_dict(extraction)
        assert tuple(document["article"]) == ARTICLE.json_keys()
        for name, record in DOCUMENT_LISTS.items():
            for item in document[name]:
                assert tuple(item) == record.json_keys(), name
        for actor in document["actors"]:
            for mention in actor["mentions"]:
                assert tuple(mention) == MENTION.json_keys()


# --- round trips ------------------------------------------------------------------------------


def _expected(record: Record[Any], item: Any) -> Any:
    return kept(item) if record is EVENT else item


def _row_of(record: Record[Any], item: Any, table: str, article_id: str) -> dict[str, Any]:
    """The stored row of ``item`` with what a reader puts in it: an actor's mention rows, an
    event's actor ids."""
    row = TABLES[table].row(item, article_id=article_id, seq=0)
    if record is ACTOR:
        row["mentions"] = [MENTION.to_row(m) for m in item.mentions]
    if record is EVENT:
        ids: dict[str, list[str]] = {}
        for link in link_rows(EVENT, article_id, item):
            ids.setdefault(link["role"], []).append(link["actor_id"])
        row = with_links(EVENT, row, ids)
    return row


_TABLE_OF = {
    ARTICLE: "articles",
    ACTOR: "article_actors",
    TIME: "times",
    PLACE: "places",
    QUOTE: "quotes",
    EVENT: "events",
    CLAIM: "claims",
}


def test_every_record_survives_model_to_row_to_model(extractions) -> None:  # type: ignore[no-untyped-def]
    checked = 0
    for extraction in extractions:
        for record, items in with_nulls(extraction).items():
            for item in items:
                row = _row_of(record, item, _TABLE_OF[record], extraction.article.id)
                assert record.from_row(row) == _expected(record, item)
                checked += 1
    assert checked > 100


def test_every_record_survives_model_to_json_to_model(extractions) -> None:  # type: ignore[no-untyped-def]
    checked = 0
    for extraction in extractions:
        for record, items in with_nulls(extraction).items():
            for item in items:
                text = json.dumps(record.to_json(item), ensure_ascii=False)
                assert record.from_json(json.loads(text)) == _expected(record, item)
                checked += 1
    assert checked > 100


def test_contract_document_reads_back_to_the_same_document(extractions) -> None:  # type: ignore[no-untyped-def]
    for extraction in extractions:
        document = json.loads(to_json(extraction))
        back = from_dict(document)
        assert to_dict(back) == document
        assert back.events == [kept(e) for e in extraction.events]
        assert (back.actors, back.quotes, back.claims) == (
            extraction.actors,
            extraction.quotes,
            extraction.claims,
        )


def _canonical(extraction: Extraction) -> Extraction:
    """The lists in the store's order (rows are read back by offset)."""

    def actor(a: Actor) -> Actor:
        return dataclasses.replace(
            a, mentions=tuple(sorted(a.mentions, key=lambda m: (m.span.start, m.span.end)))
        )

    return dataclasses.replace(
        extraction,
        actors=sorted((actor(a) for a in extraction.actors), key=lambda a: a.id),
        quotes=sorted(extraction.quotes, key=lambda q: (q.span.start, q.id)),
        events=sorted((kept(e) for e in extraction.events), key=lambda e: (e.evidence.start, e.id)),
        claims=sorted(extraction.claims, key=lambda c: (c.span.start, c.id)),
    )


def test_extractions_read_back_from_a_real_store_unchanged(extractions, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    conn = open_store(tmp_path / "s.duckdb")
    with transaction(conn):
        write_batch(conn, extractions, pipeline_version="v1")
    stored = {x.article.id: x for x in iter_extractions(conn)}
    assert len(stored) == len(extractions)
    for extraction in extractions:
        back = stored[extraction.article.id]
        assert _canonical(back) == _canonical(extraction)


def test_a_quote_row_reads_back_as_its_contract_record(other_extraction) -> None:  # type: ignore[no-untyped-def]
    from dateline.storage.records import quote_record

    quote: Quote = other_extraction.quotes[0]
    row = {**TABLES["quotes"].row(quote, article_id="a1"), "article_date": dt.date(2025, 3, 18)}
    record = quote_record(row)
    assert (record.pop("article_id"), record.pop("article_date")) == ("a1", "2025-03-18")
    assert record == QUOTE.to_json(quote)
