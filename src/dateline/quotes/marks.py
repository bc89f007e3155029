"""Quoted stretches of text, in every quotation-mark style news writers use.

Styles: curly double “ ”, straight double ", guillemets « », curly single ‘ ’ (headlines and
nested quotes), a straight single ' used as a quotation mark in headlines, and the ASCII pairs of
old wire archives (two backquotes open, two apostrophes close). A quotation that runs over
several paragraphs follows the typographic convention (Chicago Manual of Style 13.30): each
paragraph opens with a quotation mark and only the last one closes; such a quotation is one
:class:`Quoted` whose content spans the paragraphs. An unclosed quotation ends at its paragraph.
Single quotes inside a double-quoted stretch are part of its content, not quotations of their own,
and so are double quotes nested in the same marks ('"... a beautiful "Antonov", all ..."').
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from dateline.model import Span
from dateline.words import word_map

#: opening quotation marks and the mark that closes each
OPENERS: dict[str, str] = word_map("quotes", "marks.openers")
#: characters that may sit before an opening mark, or after a closing one
BOUNDARY = set(" \t\n([{—–-/:;,.!?") | {""}
#: the marks that end a sentence, after which backquotes inside a quotation reopen it
SENTENCE_ENDS = frozenset(".!?")
#: a single-quoted stretch longer than this (characters) is two apostrophes, not a quotation:
#: headlines and scare quotes use single marks for a few words
SINGLE_QUOTED_MAX_CHARS = 200


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


def _may_open(text: str, i: int, para: Span, doubled: frozenset[int]) -> bool:
    """Whether the mark at ``i`` may open a quotation.

    A straight mark opens after a boundary (a space, a bracket, a dash) and before a word; one
    followed by a space closes ('... economy." Our'), even after a mark the scraper glued to the
    word before it ('the term"closed economy." Our'), so that one missed opening does not turn
    every later quotation inside out.
    """
    char = text[i]
    before = text[i - 1] if i > para.start else ""
    after = text[i + 1] if i + 1 < para.end else ""
    if char != '"':
        return True
    if before not in BOUNDARY and before not in "“‘'":
        return False
    return i in doubled or (not after.isspace() and after != "")


def _nested_open(text: str, i: int, para: Span, opener: str) -> bool:
    """A mark inside an open quotation that opens a quotation within it: 'a beautiful "Antonov",'.

    It is the same mark as the opening one, after a space or a bracket and before a word.
    """
    before = text[i - 1] if i > para.start else ""
    after = text[i + 1] if i + 1 < para.end else ""
    return text[i] == opener and (before.isspace() or before in "([") and after.isalnum()


def _reopens(text: str, i: int, backquoted: frozenset[int]) -> bool:
    """Backquotes after a sentence's end inside an open quotation: the mark that reopens a
    quotation going on in a new paragraph (Chicago Manual of Style 13.30) where the archive lost
    the break ("... distort the truth. ``We believe ..."), not a quotation within it."""
    before = text[:i].rstrip(" \t")
    return i in backquoted and before[-1:] in SENTENCE_ENDS


def _double(
    text: str,
    paragraphs: list[Span],
    doubled: frozenset[int],
    backquoted: frozenset[int] = frozenset(),
) -> list[Quoted]:
    found: list[Quoted] = []
    open_at: int | None = None
    closer = ""
    depth = 0  # quotations open inside the open one, in the same marks
    marks = _positions(text, set(OPENERS) | set(OPENERS.values()))
    for p_index, para in enumerate(paragraphs):
        first = para.start
        if open_at is not None:
            first += 1  # the mark that reopens a quotation continued from the previous paragraph
        for i in marks[bisect.bisect_left(marks, first) : bisect.bisect_left(marks, para.end)]:
            char = text[i]
            if open_at is None:
                if char in OPENERS and _may_open(text, i, para, doubled):
                    open_at, closer, depth = i, OPENERS[char], 0
            elif i > open_at and _reopens(text, i, backquoted):
                start, end = _trim(text, open_at + 1, i)
                if end > start:
                    found.append(Quoted(open_at, i, start, end))
                open_at, depth = i, 0
            elif i > open_at and _nested_open(text, i, para, text[open_at]):
                depth += 1
            elif i > open_at and char == closer and depth:
                depth -= 1
            elif i > open_at and char == closer:
                start, end = _trim(text, open_at + 1, i)
                if end > start:
                    found.append(Quoted(open_at, i, start, end))
                open_at = None
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
    marks = _positions(text, {"‘", "’", "'"})
    for para in paragraphs:
        open_at: int | None = None
        for i in marks[bisect.bisect_left(marks, para.start) : bisect.bisect_left(marks, para.end)]:
            char = text[i]
            if inside[i]:
                continue
            before = text[i - 1] if i > para.start else ""
            after = text[i + 1] if i + 1 < para.end else ""
            if char in "‘'" and open_at is None and before in BOUNDARY and after.isalnum():
                open_at = i
            elif (
                char in "’'" and open_at is not None and (after in BOUNDARY or not after.isalnum())
            ) and (before.isalnum() or before in ".!?"):
                start, end = _trim(text, open_at + 1, i)
                if end > start and i - open_at < SINGLE_QUOTED_MAX_CHARS:
                    found.append(Quoted(open_at, i, start, end))
                open_at = None
    return found


def _positions(text: str, chars: set[str]) -> list[int]:
    """Offsets of the characters ``chars`` in ``text``, in order (the only places a rule looks)."""
    pattern = "[" + re.escape("".join(sorted(chars))) + "]"
    return [m.start() for m in re.finditer(pattern, text)]


def find_quoted(text: str, paragraphs: list[Span]) -> list[Quoted]:
    """Every quotation in ``text``, in text order."""
    # Two apostrophes are a double quotation mark in ASCII-only text (NYT archives: ''Yes,'' he
    # said), and so are two backquotes that open one (the Penn Treebank's ASCII convention, in
    # the AP and NYT wire of TimeBank: ``We are back,'' Adams said). Same length replacements,
    # so offsets hold.
    backquoted = frozenset(m.start() for m in re.finditer("(?=``)", text))
    doubled = frozenset(m.start() for m in re.finditer("(?='')", text)) | backquoted
    text = text.replace("''", '" ').replace("``", '" ')
    doubles = _double(text, paragraphs, doubled, backquoted)
    singles = _single(text, paragraphs, [(q.open, q.close) for q in doubles])
    return sorted(doubles + singles, key=lambda q: q.open)
