"""Links from an event to the other stages' results: date, place, reporter, actor mentions.

The only place that knows how the events stage reaches the times, places, quotes and actors
stages. While one of those stages (or its function) is missing, the fallback here is used:
the article date bounded by tense, no place, no reporter, and spaCy's named entities as
provisional actor mentions. Remove a fallback once the stage it stands in for exists.
"""

from __future__ import annotations

import datetime as dt
import importlib
from typing import TYPE_CHECKING, Any

from dateline.model import EventDate, EventPlace, Mention
from dateline.words import word_set

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dateline.document import Document

_FALLBACK_LABELS = word_set("events", "links.fallback_labels")
_PERFECT_AUXILIARIES = word_set("events", "links.perfect_auxiliaries")


def _function(module: str, name: str) -> Any:
    try:
        return getattr(importlib.import_module(module), name, None)
    except ImportError:
        return None


def event_date(doc: Document, trigger: Token, *, future: bool = False) -> EventDate:
    """The times stage's date for the event, else the article date bounded by tense."""
    linked = _function("dateline.stages.times", "event_date")
    if linked is not None and "times" in doc.config.stages:
        result: EventDate = linked(doc, trigger, future=future)
        return result
    day = doc.article.date
    if future:
        return EventDate(value="FUTURE_REF", earliest=day, latest=None, span=None, source="article")
    past = trigger.tag_ in {"VBD", "VBN"} or any(
        c.dep_ == "aux" and c.lower_ in _PERFECT_AUXILIARIES for c in trigger.children
    )
    if past:
        return EventDate(value="PAST_REF", earliest=None, latest=day, span=None, source="article")
    return EventDate(
        value=day.isoformat(),
        earliest=day - dt.timedelta(days=0),
        latest=day,
        span=None,
        source="article",
    )


def event_place(doc: Document, trigger: Token) -> EventPlace | None:
    linked = _function("dateline.stages.places", "event_place")
    if linked is not None and "places" in doc.config.stages:
        result: EventPlace | None = linked(doc, trigger)
        return result
    return None


def reporter_of(doc: Document, trigger: Token) -> str | None:
    linked = _function("dateline.stages.quotes", "reporter_of")
    if linked is not None and "quotes" in doc.config.stages:
        result: str | None = linked(doc, trigger)
        return result
    return None


def ensure_mentions(doc: Document, stamp: str) -> None:
    """Provisional actor mentions from named entities when the actors stage has not run."""
    if doc.mentions or "actors" in doc.config.stages:
        return
    mentions = []
    for ent in doc.parsed.ents:
        if ent.label_ not in _FALLBACK_LABELS:
            continue
        span = doc.span(ent.start_char, ent.end_char)
        actor = "ner:" + "-".join(ent.text.lower().split())
        mentions.append(
            Mention(
                span=span,
                actor=actor,
                kind="name",
                sentence=doc.sentence_span(ent.sent),
                stage=stamp,
            )
        )
    doc.set_mentions(mentions)
