"""The JSON contract rebuilt from the store: one document per article (``--format jsonl``).

The inverse of :func:`dateline.storage.rows.extraction_rows`: the stored rows of an article
become an :class:`~dateline.model.Extraction` again, which :func:`dateline.contract.to_dict`
turns into the same document ``dateline extract --format jsonl`` prints. What the store does not
keep is left at its default: the argument spans of an event (``Event.actor_spans``), and the
sentence and stage of an event's place (the event's stand in): the ``NotKept`` and ``Inherited``
fields of :data:`dateline.schema.EVENT`. Lists come in offset order.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any

from dateline.model import Extraction
from dateline.schema import ACTOR, ARTICLE, CLAIM, EVENT, PLACE, QUOTE, TIME, with_links
from dateline.storage.query import fetch_rows

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


def rebuild(article: Row, tables: dict[str, list[Row]]) -> Extraction:
    """One article's stored rows (``tables``: rows per table) as an Extraction.

    Each record is read by its declaration (:mod:`dateline.schema`); the rows of its children
    (an actor's mentions, an event's actor ids) are put in its row first.
    """
    mentions: dict[str, list[Row]] = {}
    for row in tables.get("mentions", []):
        mentions.setdefault(row["actor_id"], []).append(row)
    actors = [
        ACTOR.from_row({**row, "mentions": mentions.get(row["actor_id"], [])})
        for row in tables.get("article_actors", [])
    ]
    actors.sort(key=lambda a: (a.mentions[0].span.start if a.mentions else -1, a.id))
    roles: dict[str, dict[str, list[str]]] = {}
    for row in tables.get("event_actors", []):
        roles.setdefault(row["event_id"], {}).setdefault(row["role"], []).append(row["actor_id"])
    return Extraction(
        article=ARTICLE.from_row(article),
        actors=actors,
        times=[TIME.from_row(row) for row in tables.get("times", [])],
        places=[PLACE.from_row(row) for row in tables.get("places", [])],
        quotes=[QUOTE.from_row(row) for row in tables.get("quotes", [])],
        events=[
            EVENT.from_row(with_links(EVENT, row, roles.get(row["event_id"], {})))
            for row in tables.get("events", [])
        ],
        claims=[CLAIM.from_row(row) for row in tables.get("claims", [])],
        stages=list(article["stages"] or []),
        model=article["model"] or "",
    )


def row_chunks(
    conn: DuckDBPyConnection, table: str, key: str, order: str, size: int
) -> Iterator[list[Row]]:
    """Every row of ``table`` in ``order``, ``size`` rows a round: an export's memory stays
    bounded, and each round's ``key`` values select its child rows in one query."""
    keys = [
        row[0] for row in conn.execute(f"SELECT {key} FROM {table} ORDER BY {order}").fetchall()
    ]
    for start in range(0, len(keys), size):
        yield fetch_rows(
            conn,
            f"SELECT * FROM {table} WHERE {key} IN (SELECT unnest(?::VARCHAR[])) ORDER BY {order}",
            [keys[start : start + size]],
        )


def iter_extractions(conn: DuckDBPyConnection) -> Iterator[Extraction]:
    """Every stored article as an Extraction, by date and id, ``CHUNK`` articles at a time."""
    for articles in row_chunks(conn, "articles", "article_id", "date, article_id", CHUNK):
        chunk = [article["article_id"] for article in articles]
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
