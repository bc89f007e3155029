"""From what the attribution rules found to quote records: the record's kind, its cue's span, and
one record for words one speaker is given twice.

The quotes stage (:mod:`dateline.stages.quotes`) makes a :class:`~dateline.model.Quote` of each
:class:`~dateline.quotes.rules.Found`, the stronger kind first (:data:`PRIORITY`), with its kind
(:func:`kind_of`: an attribution whose cue is a belief, desire, perception or stance is a
``belief``) and its cue (:func:`cue_span`), then drops duplicates (:func:`without_duplicates`).
"""

from __future__ import annotations

from dataclasses import replace

from dateline.document import Document
from dateline.model import SPEECH_KINDS, Quote, QuoteKind, Span
from dateline.quotes.cues import act_of
from dateline.quotes.rules import Found

#: kinds ordered by how much they say: a direct quote wins over indirect speech of the same words
PRIORITY = {"direct": 0, "partial": 1, "according_to": 2, "indirect": 3}
#: the rank of a kind PRIORITY does not list (a belief, a voiced turn): after every listed one
UNLISTED_PRIORITY = len(PRIORITY)
#: kinds whose span is exactly the words inside quotation marks
QUOTED = frozenset({"direct", "partial"})


def without_duplicates(doc: Document, quotes: list[Quote]) -> list[Quote]:
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
    for quote in sorted(
        quotes, key=lambda q: (PRIORITY.get(q.kind, UNLISTED_PRIORITY), q.span.start)
    ):
        twin = next((k for k in kept if _same_words_twice(k, quote)), None)
        if twin is None:
            kept.append(quote)
        elif twin.kind not in QUOTED:
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
        return a.kind not in QUOTED and b.kind not in QUOTED
    return not any(
        cue is not None and quote.span.start <= cue.start < quote.span.end
        for cue in (a.cue, b.cue)
        for quote in (a, b)
    )


def kind_of(item: Found) -> QuoteKind:
    """The record's kind: how the words are given, unless its cue is no speech act (a belief)."""
    cue = item.inherit.cue if item.inherit is not None else item.cue
    if cue is not None and item.kind != "according_to" and act_of(cue) == "belief":
        return "belief"
    return {"direct": "direct", "partial": "partial", "indirect": "indirect"}.get(
        item.kind, "according_to"
    )  # type: ignore[return-value]


def cue_span(doc: Document, item: Found) -> Span:
    assert item.cue is not None
    start = item.cue.idx
    end = item.cue_end or start + len(item.cue.text)
    # particles belong to the cue: "pointed out", "called for"
    for child in item.cue.children:
        if child.dep_ == "prt" and child.i == item.cue.i + 1:
            end = child.idx + len(child.text)
    return doc.span(start, end)
