"""Links from an event to the other stages' results: date, place, reporter, actor mentions.

The only place that knows how the events stage reaches what the times, places, quotes and actors
stages found. The date, the place and the reporter are the rules of those packages
(:func:`dateline.temporal.dating.event_date`, :func:`dateline.gazetteer.placing.event_place`,
:func:`dateline.quotes.reporting.reporter_of`), which read the stages' records on the Document.
While one of those stages is not configured (``doc.config.stages``), the fallback here is used:
the article date bounded by tense, no place, no reporter, and spaCy's named entities as
provisional actor mentions.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from dateline.gazetteer import placing
from dateline.model import EventDate, EventPlace, Mention
from dateline.quotes import reporting
from dateline.temporal import dating
from dateline.words import word_set

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dateline.document import Document

_FALLBACK_LABELS = word_set("events", "links.fallback_labels")
_PERFECT_AUXILIARIES = word_set("events", "links.perfect_auxiliaries")


def event_date(
    doc: Document, trigger: Token, *, future: bool = False, happening: bool = False
) -> EventDate:
    """The times stage's date for the event, else the article date bounded by tense."""
    if "times" in doc.config.stages:
        return dating.event_date(doc, trigger, future=future, happening=happening)
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
    """The places stage's place for the event, else none."""
    if "places" in doc.config.stages:
        return placing.event_place(doc, trigger)
    return None


def reporter_of(doc: Document, trigger: Token) -> str | None:
    """Who the quotes stage says reports the event, else no one."""
    if "quotes" in doc.config.stages:
        return reporting.reporter_of(doc, trigger)
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
