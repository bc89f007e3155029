"""The JSON output contract (design.md, "Output contract"; docs/contract.md).

Key names are a contract: fields may be added, none renamed without bumping
:data:`CONTRACT_VERSION`. Every record carries ``stage`` (``name@version``) and offsets into
``article.text``; records that have an evidence sentence carry it as ``evidence``.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from dateline.model import Extraction, Span
from dateline.schema import ACTOR, ARTICLE, CLAIM, EVENT, MENTION, PLACE, QUOTE, TIME
from dateline.version import __version__

CONTRACT_VERSION = "1"


def span_json(span: Span | None) -> dict[str, Any] | None:
    return None if span is None else {"start": span.start, "end": span.end, "text": span.text}


def iso_day(day: dt.date | None) -> str | None:
    """A day as ISO 8601 text, None for none (the contract's date form)."""
    return day.isoformat() if day else None


# Each record's JSON comes from its declaration in dateline.schema (one per record type).
article_json = ARTICLE.to_json
actor_json = ACTOR.to_json
mention_json = MENTION.to_json
time_json = TIME.to_json
place_json = PLACE.to_json
quote_json = QUOTE.to_json
event_json = EVENT.to_json
claim_json = CLAIM.to_json


def to_dict(extraction: Extraction) -> dict[str, Any]:
    """The contract document for one article, as plain JSON-ready data."""
    return {
        "article": article_json(extraction.article),
        "actors": [actor_json(a) for a in extraction.actors],
        "times": [time_json(t) for t in extraction.times],
        "places": [place_json(p) for p in extraction.places],
        "quotes": [quote_json(q) for q in extraction.quotes],
        "events": [event_json(e) for e in extraction.events],
        "claims": [claim_json(c) for c in extraction.claims],
        "meta": {
            "dateline_version": __version__,
            "contract_version": CONTRACT_VERSION,
            "model": extraction.model,
            "stages": list(extraction.stages),
        },
    }


def from_dict(document: dict[str, Any]) -> Extraction:
    """The Extraction a contract document was written from (the inverse of :func:`to_dict`,
    but for what the contract does not carry: see :data:`dateline.schema.EVENT`)."""
    meta = document.get("meta", {})
    return Extraction(
        article=ARTICLE.from_json(document["article"]),
        actors=[ACTOR.from_json(a) for a in document.get("actors", [])],
        times=[TIME.from_json(t) for t in document.get("times", [])],
        places=[PLACE.from_json(p) for p in document.get("places", [])],
        quotes=[QUOTE.from_json(q) for q in document.get("quotes", [])],
        events=[EVENT.from_json(e) for e in document.get("events", [])],
        claims=[CLAIM.from_json(c) for c in document.get("claims", [])],
        stages=list(meta.get("stages", [])),
        model=meta.get("model", ""),
    )


def to_json(extraction: Extraction, *, indent: int | None = 2) -> str:
    return json.dumps(to_dict(extraction), ensure_ascii=False, indent=indent)
