"""Who reports an event: the speaker of the quote or reported speech an event is told in.

The events stage asks it for every event (through :mod:`dateline.events.links`), once the quotes
stage has found the article's quotes (``doc.extraction.quotes``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.document import Document

if TYPE_CHECKING:
    from spacy.tokens import Token


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
