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
from dateline.schema import (
    ACTOR,
    ARTICLE,
    CLAIM,
    DOCUMENT_LISTS,
    EVENT,
    MENTION,
    PLACE,
    QUOTE,
    TIME,
)
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
        "article": ARTICLE.to_json(extraction.article),
        **{
            name: [record.to_json(item) for item in getattr(extraction, name)]
            for name, record in DOCUMENT_LISTS.items()
        },
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
    lists = {
        name: [record.from_json(item) for item in document.get(name, [])]
        for name, record in DOCUMENT_LISTS.items()
    }
    return Extraction(
        article=ARTICLE.from_json(document["article"]),
        **lists,
        stages=list(meta.get("stages", [])),
        model=meta.get("model", ""),
    )


def to_json(extraction: Extraction, *, indent: int | None = 2) -> str:
    return json.dumps(to_dict(extraction), ensure_ascii=False, indent=indent)
