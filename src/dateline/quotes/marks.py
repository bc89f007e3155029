"""Quoted stretches of text, in every quotation-mark style news writers use.

Styles: curly double “ ”, straight double ", guillemets « », curly single ‘ ’ (headlines and
nested quotes), and a straight single ' used as a quotation mark in headlines. A quotation that
runs over several paragraphs follows the typographic convention (Chicago Manual of Style 13.30):
each paragraph opens with a quotation mark and only the last one closes; such a quotation is one
:class:`Quoted` whose content spans the paragraphs. An unclosed quotation ends at its paragraph.
Single quotes inside a double-quoted stretch are part of its content, not quotations of their own.
"""

from __future__ import annotations

from dataclasses import dataclass

from dateline.model import Span

OPENERS = {"“": "”", "«": "»", '"': '"'}
#: characters that may sit before an opening mark, or after a closing one
BOUNDARY = set(" \t\n([{—–-/:;,.!?") | {""}


@dataclass(frozen=True, slots=True)
class Quoted:
    """One quotation: the marks' offsets and the content between them (whitespace trimmed)."""

    open: int
    close: int  # offset of the closing mark (or the end of the paragraph when unclosed)
    start: int
    end: int


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def _double(text: str, paragraphs: list[Span]) -> list[Quoted]:
    found: list[Quoted] = []
    open_at: int | None = None
    closer = ""
    for p_index, para in enumerate(paragraphs):
        i = para.start
        if open_at is not None:
            i += 1  # the mark that reopens a quotation continued from the previous paragraph
        while i < para.end:
            char = text[i]
            if open_at is None and char in OPENERS:
                before = text[i - 1] if i > para.start else ""
                if char != '"' or before in BOUNDARY or before in "“‘'":
                    open_at, closer = i, OPENERS[char]
            elif open_at is not None and char == closer and i > open_at:
                start, end = _trim(text, open_at + 1, i)
                if end > start:
                    found.append(Quoted(open_at, i, start, end))
                open_at = None
            i += 1
        if open_at is not None:
            following = paragraphs[p_index + 1] if p_index + 1 < len(paragraphs) else None
            if following is not None and text[following.start] in OPENERS:
                continue  # the quotation goes on in the next paragraph, which reopens it
            start, end = _trim(text, open_at + 1, para.end)
            if end > start:
                found.append(Quoted(open_at, para.end, start, end))
            open_at = None
    return found


def _single(text: str, paragraphs: list[Span], taken: list[tuple[int, int]]) -> list[Quoted]:
    """‘...’ and headline '...': an opening mark after a boundary, a closing one before one."""
    found = []
    inside = bytearray(len(text) + 1)  # 1 where a double-quoted stretch lies (O(1) lookups)
    for a, b in taken:
        inside[a : b + 1] = b"\x01" * (b + 1 - a)
    for para in paragraphs:
        i = para.start
        open_at: int | None = None
        while i < para.end:
            char = text[i]
            if inside[i]:
                i += 1
                continue
            before = text[i - 1] if i > para.start else ""
            after = text[i + 1] if i + 1 < para.end else ""
            if char in "‘'" and open_at is None and before in BOUNDARY and after.isalnum():
                open_at = i
            elif (
                char in "’'" and open_at is not None and (after in BOUNDARY or not after.isalnum())
            ) and (before.isalnum() or before in ".!?"):
                start, end = _trim(text, open_at + 1, i)
                if end > start and i - open_at < 200:
                    found.append(Quoted(open_at, i, start, end))
                open_at = None
            i += 1
    return found


def find_quoted(text: str, paragraphs: list[Span]) -> list[Quoted]:
    """Every quotation in ``text``, in text order."""
    # Two apostrophes are a double quotation mark in ASCII-only text (NYT archives: ''Yes,'' he
    # said). Same length replacement, so offsets hold.
    text = text.replace("''", '" ')
    doubles = _double(text, paragraphs)
    singles = _single(text, paragraphs, [(q.open, q.close) for q in doubles])
    return sorted(doubles + singles, key=lambda q: q.open)
