"""Who reports an event: the speaker of the quote or reported speech an event is told in.

The events stage asks it for every event (through :mod:`dateline.events.links`), once the quotes
stage has found the article's quotes (``doc.extraction.quotes``).
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from dateline.caches import QuoteIndex
from dateline.document import Document

if TYPE_CHECKING:
    from spacy.tokens import Token


def reporter_of(doc: Document, trigger: Token) -> str | None:
    """The actor id of the speaker whose quote or reported speech contains ``trigger``.

    The innermost (shortest) attribution wins: in "Trump said Putin claimed X", X is Putin's.
    None when the outlet itself asserts it or the speaker is not a known actor.
    """
    offset = trigger.idx
    index = _quote_index(doc)
    quotes, starts = index.quotes, index.starts
    # of the quotes that start at or before the trigger, only those starting less than the
    # longest quote's length before it can reach it: walked back from the nearest
    lowest = offset - index.longest
    best: tuple[int, int] | None = None  # (length, place in doc.extraction.quotes)
    for n in range(bisect.bisect_right(starts, offset) - 1, -1, -1):
        if starts[n] <= lowest:
            break
        place = index.places[n]
        span = quotes[place].span
        if offset < span.end:
            key = (span.end - span.start, place)  # of equal lengths the first listed, as min()
            if best is None or key < best:
                best = key
    if best is None:
        return None
    return quotes[best[1]].speaker.actor


def _quote_index(doc: Document) -> QuoteIndex:
    """The article's quotes by start (``doc.quote_index``), made on the first event's ask
    (the events stage asks for every event; each ask walked every quote of the article). Made
    again should the quotes change (the quotes stage writes them once, before the events)."""
    quotes = doc.extraction.quotes
    index = doc.quote_index
    if index is None or index.quotes is not quotes or index.count != len(quotes):
        places = sorted(range(len(quotes)), key=lambda n: quotes[n].span.start)
        index = doc.quote_index = QuoteIndex(
            quotes=quotes,
            count=len(quotes),
            places=tuple(places),
            starts=tuple(quotes[n].span.start for n in places),
            longest=max((q.span.end - q.span.start for q in quotes), default=0),
        )
    return index
