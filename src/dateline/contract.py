"""The JSON output contract (design.md, "Output contract"; docs/contract.md).

Key names are a contract: fields may be added, none renamed without bumping
:data:`CONTRACT_VERSION`. Every record carries ``stage`` (``name@version``) and offsets into
``article.text``; records that have an evidence sentence carry it as ``evidence``.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from dateline.model import (
    PLACE_ATTRIBUTES,
    Actor,
    Article,
    Claim,
    Event,
    EventDate,
    Extraction,
    Mention,
    Place,
    Quote,
    Span,
    TimeExpression,
)
from dateline.version import __version__

CONTRACT_VERSION = "1"


def span_json(span: Span | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": span.text}


def iso_day(day: dt.date | None) -> str | None:
    """A day as ISO 8601 text, None for none (the contract's date form)."""
    return day.isoformat() if day else None


def article_json(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "date": article.date.isoformat(),
        "title": article.title,
        "subtitle": article.subtitle,
        "source": article.source,
        "url": article.url,
        "text": article.text,
    }


def mention_json(mention: Mention) -> dict[str, Any]:
    return {
        **span_json(mention.span),  # type: ignore[dict-item]
        "kind": mention.kind,
        "evidence": span_json(mention.sentence),
        "stage": mention.stage,
    }


def actor_json(actor: Actor) -> dict[str, Any]:
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "country": actor.country,
        "sector": actor.sector,
        "source": actor.source,
        "mentions": [mention_json(m) for m in actor.mentions],
        "stage": actor.stage,
    }


def time_json(time: TimeExpression) -> dict[str, Any]:
    return {
        **span_json(time.span),  # type: ignore[dict-item]
        "type": time.type,
        "value": time.value,
        "earliest": iso_day(time.earliest),
        "latest": iso_day(time.latest),
        "granularity": time.granularity,
        "evidence": span_json(time.sentence),
        "stage": time.stage,
    }


def place_fields(place: Place) -> dict[str, Any]:
    return {
        **span_json(place.span),  # type: ignore[dict-item]
        **{name: getattr(place, name) for name in PLACE_ATTRIBUTES},
    }


def place_json(place: Place) -> dict[str, Any]:
    return {**place_fields(place), "evidence": span_json(place.sentence), "stage": place.stage}


def quote_json(quote: Quote) -> dict[str, Any]:
    return {
        "id": quote.id,
        **span_json(quote.span),  # type: ignore[dict-item]
        "kind": quote.kind,
        "speaker": {
            "actor": quote.speaker.actor,
            "text": quote.speaker.span.text if quote.speaker.span else None,
            "start": quote.speaker.span.start if quote.speaker.span else None,
            "end": quote.speaker.span.end if quote.speaker.span else None,
        },
        "cue": span_json(quote.cue),
        "evidence": span_json(quote.sentence),
        "stage": quote.stage,
        "rule": quote.rule,
    }


def event_date_json(date: EventDate) -> dict[str, Any]:
    return {
        "text": date.span.text if date.span else None,
        "start": date.span.start if date.span else None,
        "end": date.span.end if date.span else None,
        "value": date.value,
        "earliest": iso_day(date.earliest),
        "latest": iso_day(date.latest),
        "source": date.source,
    }


def event_json(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "type": event.type,
        "mode": event.mode,
        "context": list(event.context),
        "quad": event.quad,
        "cameo": event.cameo,
        "score": event.score,
        "actors": list(event.actors),
        "recipients": list(event.recipients),
        "date": event_date_json(event.date),
        "place": (
            {**place_fields(event.place.place), "precision": event.place.precision}
            if event.place
            else None
        ),
        "factuality": event.factuality,
        "reporter": {"actor": event.reporter} if event.reporter else None,
        "evidence": span_json(event.evidence),
        "trigger": span_json(event.trigger),
        "confidence": event.confidence,
        "stage": event.stage,
        "rule": event.rule,
    }


def claim_json(claim: Claim) -> dict[str, Any]:
    return {
        "id": claim.id,
        **span_json(claim.span),  # type: ignore[dict-item]
        "source": {"actor": claim.source},
        "repeated_by": [{"actor": actor} for actor in claim.repeated_by],
        "stance": claim.stance,
        "evidence": span_json(claim.sentence),
        "stage": claim.stage,
        "rule": claim.rule,
    }


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


def to_json(extraction: Extraction, *, indent: int | None = 2) -> str:
    return json.dumps(to_dict(extraction), ensure_ascii=False, indent=indent)
