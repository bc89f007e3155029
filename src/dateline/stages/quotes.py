"""Stage ``quotes``: who said what — direct, partial, indirect and "according to" attributions.

The rules live in :mod:`dateline.quotes.rules` (quotation marks in :mod:`dateline.quotes.marks`,
cue verbs in :mod:`dateline.quotes.cues`, speakers in :mod:`dateline.quotes.speakers`, transcript
turns and addresses in :mod:`dateline.quotes.voices`). This module turns what they find into
:class:`~dateline.model.Quote` records whose speaker carries both the local mention ("he") and
the actor it stands for, and merges duplicates. Who reports an event told in a quote is
:func:`dateline.quotes.reporting.reporter_of`.

A quote's cue is a speech or writing act; an attribution whose cue is a belief, desire,
perception or stance ("believes", "wants", "sees", "supports") is a record of kind ``belief``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from dateline.config import PipelineConfig
from dateline.model import SPEECH_KINDS, Quote, QuoteKind, Span, Speaker
from dateline.quotes.cues import act_of
from dateline.quotes.rules import Found, Rules
from dateline.quotes.speakers import speaker_of, with_last_speaker
from dateline.quotes.voices import voice_quotes, without_own_words
from dateline.stages import register
from dateline.stages.base import Document

if TYPE_CHECKING:
    pass

#: kinds ordered by how much they say: a direct quote wins over indirect speech of the same words
_PRIORITY = {"direct": 0, "partial": 1, "according_to": 2, "indirect": 3}
#: kinds whose span is exactly the words inside quotation marks
_QUOTED = frozenset({"direct", "partial"})


class QuotesStage:
    name = "quotes"
    version = "1.2.0"

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
        voiced = voice_quotes(doc, stamp)
        speakers: dict[int, Speaker] = {}
        quotes: list[Quote] = []
        seen: set[tuple[int, int]] = set()
        for item in sorted(found, key=lambda f: (_PRIORITY[f.kind], f.start)):
            if (item.start, item.end) in seen:
                continue
            seen.add((item.start, item.end))
            inherit = item.inherit
            speaker = speakers.get(id(inherit)) if inherit else speaker_of(doc, item, voiced)
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
                    kind=_kind(item),
                    speaker=speaker,
                    cue=cue,
                    sentence=doc.sentence_at(item.start),
                    stage=stamp,
                    rule=rule_of[id(item)] + (", continued" if item.inherit else ""),
                )
            )
        quotes = with_last_speaker(doc, quotes)
        quotes = without_own_words(_without_duplicates(doc, quotes), voiced) + voiced
        doc.extraction.quotes.extend(sorted(quotes, key=lambda q: (q.span.start, q.span.end)))
        return doc


def _without_duplicates(doc: Document, quotes: list[Quote]) -> list[Quote]:
    """One record for words one speaker is given twice by two cues that both stand outside
    them ("According to him, X" and "X, he said"), or twice by one cue of indirect speech.

    The record of the stronger kind stays (a quotation keeps its exact words; indirect speech
    grows to cover both). Not duplicates: a chain of attribution, whose inner cue lies inside the
    outer words ("Yermak noted that Zelensky emphasizes X": the claims stage needs both), and a
    partial quote inside the indirect speech of its own cue ("said the soldiers should be treated
    as “terrorists”": the quoted words and the reported clause, both of which the reference
    article asks for).
    """
    kept: list[Quote] = []
    for quote in sorted(quotes, key=lambda q: (_PRIORITY.get(q.kind, 9), q.span.start)):
        twin = next((k for k in kept if _same_words_twice(k, quote)), None)
        if twin is None:
            kept.append(quote)
        elif twin.kind not in _QUOTED:
            start = min(twin.span.start, quote.span.start)
            end = max(twin.span.end, quote.span.end)
            kept[kept.index(twin)] = replace(twin, span=doc.span(start, end))
    return kept


def _same_words_twice(a: Quote, b: Quote) -> bool:
    if a.kind not in SPEECH_KINDS or b.kind not in SPEECH_KINDS:
        return False
    if a.speaker.actor is None or a.speaker.actor != b.speaker.actor:
        return False
    if not (a.span.start < b.span.end and b.span.start < a.span.end):
        return False
    if a.cue == b.cue:
        return a.kind not in _QUOTED and b.kind not in _QUOTED
    return not any(
        cue is not None and quote.span.start <= cue.start < quote.span.end
        for cue in (a.cue, b.cue)
        for quote in (a, b)
    )


def _kind(item: Found) -> QuoteKind:
    """The record's kind: how the words are given, unless its cue is no speech act (a belief)."""
    cue = item.inherit.cue if item.inherit is not None else item.cue
    if cue is not None and item.kind != "according_to" and act_of(cue) == "belief":
        return "belief"
    return {"direct": "direct", "partial": "partial", "indirect": "indirect"}.get(
        item.kind, "according_to"
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


@register("quotes")
def create(config: PipelineConfig) -> QuotesStage:
    return QuotesStage(config)
