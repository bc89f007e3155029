"""Stage ``quotes``: who said what — direct, partial, indirect and "according to" attributions.

The rules live in :mod:`dateline.quotes.rules` (quotation marks in :mod:`dateline.quotes.marks`,
cue verbs and speakers in :mod:`dateline.quotes.cues`). This module turns what they find into
:class:`~dateline.model.Quote` records whose speaker carries both the local mention ("he") and
the actor the actors stage resolved it to, and exposes :func:`reporter_of` for the events stage.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.config import PipelineConfig
from dateline.model import Quote, QuoteKind, Span, Speaker
from dateline.quotes.cues import speaker_span
from dateline.quotes.rules import Found, Rules
from dateline.stages import register
from dateline.stages.base import Document

if TYPE_CHECKING:
    from spacy.tokens import Token

#: kinds ordered by how much they say: a direct quote wins over indirect speech of the same words
_PRIORITY = {"direct": 0, "partial": 1, "according_to": 2, "indirect": 3}


class QuotesStage:
    name = "quotes"
    version = "1.1.0"

    def __init__(self, config: PipelineConfig) -> None:
        self.config = config

    def __call__(self, doc: Document) -> Document:
        rules = Rules(doc)
        named = {
            "quotation marks": rules.quotations(),
            "according to": rules.according_to(),
            "reported speech": rules.indirect(),
            "cue noun": rules.noun_cues(),
        }
        rule_of = {id(item): name for name, items in named.items() for item in items}
        found = [item for items in named.values() for item in items]
        stamp = doc.stamp(self)
        speakers: dict[int, Speaker] = {}
        quotes: list[Quote] = []
        seen: set[tuple[int, int]] = set()
        for item in sorted(found, key=lambda f: (_PRIORITY[f.kind], f.start)):
            if (item.start, item.end) in seen:
                continue
            seen.add((item.start, item.end))
            speaker = (
                speakers.get(id(item.inherit)) if item.inherit else _speaker(doc, item.subject)
            )
            speaker = speaker or Speaker(None, None)
            speakers[id(item)] = speaker
            cue = None
            if item.inherit is not None and item.inherit.cue is not None:
                cue = _cue_span(doc, item.inherit)
            elif item.cue is not None:
                cue = _cue_span(doc, item)
            quotes.append(
                Quote(
                    id=f"quote-{item.start}-{item.end}",
                    span=doc.span(item.start, item.end),
                    kind=_kind(item.kind),
                    speaker=speaker,
                    cue=cue,
                    sentence=doc.sentence_at(item.start),
                    stage=stamp,
                    rule=rule_of[id(item)] + (", continued" if item.inherit else ""),
                )
            )
        doc.extraction.quotes.extend(sorted(quotes, key=lambda q: (q.span.start, q.span.end)))
        return doc


def _kind(kind: str) -> QuoteKind:
    return {"direct": "direct", "partial": "partial", "indirect": "indirect"}.get(
        kind, "according_to"
    )  # type: ignore[return-value]


def _cue_span(doc: Document, item: Found) -> Span:
    assert item.cue is not None
    start = item.cue.idx
    end = item.cue_end or start + len(item.cue.text)
    # particles belong to the cue: "pointed out", "called for"
    for child in item.cue.children:
        if child.dep_ == "prt" and child.i == item.cue.i + 1:
            end = child.idx + len(child.text)
    return doc.span(start, end)


def _speaker(doc: Document, subject: Token | None) -> Speaker | None:
    if subject is None:
        return None
    mention = doc.mention_for_token(subject)
    start, end = speaker_span(doc.parsed, subject, mention.span if mention else None)
    return Speaker(actor=mention.actor if mention else None, span=doc.span(start, end))


def reporter_of(doc: Document, trigger: Token) -> str | None:
    """The actor id of the speaker whose quote or reported speech contains ``trigger``.

    The innermost (shortest) attribution wins: in "Trump said Putin claimed X", X is Putin's.
    None when the outlet itself asserts it or the speaker is not a known actor.
    """
    offset = trigger.idx
    containing = [q for q in doc.extraction.quotes if q.span.start <= offset < q.span.end]
    if not containing:
        return None
    innermost = min(containing, key=lambda q: q.span.end - q.span.start)
    return innermost.speaker.actor


@register("quotes")
def create(config: PipelineConfig) -> QuotesStage:
    return QuotesStage(config)
