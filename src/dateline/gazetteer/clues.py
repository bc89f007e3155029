"""What the words around a toponym say about it, read from the article text for resolution
(:mod:`dateline.gazetteer.resolve`): that it is an area ("the Kursk region", "Washington
state"), its qualifier ("Paris, Texas"), the place the text puts it in ("Toronto's Pearson
International Airport", "Kfraya in Idlib") and the lists it is in ("Alberta, Manitoba and
Ontario").
"""

from __future__ import annotations

import re

from dateline.gazetteer.resolve import Toponym
from dateline.words import word_seq, word_set

#: Words that make a toponym an admin area when they follow it ("the Kursk region").
AREA_WORDS = word_set("gazetteer", "clues.area_words")
#: Words after a name that make it an area: "Washington state", "New York Gov. Andrew Cuomo".
AREA_CUES = word_set("gazetteer", "clues.area_cues")
#: "the state of", "the governor of": the place name after them is the area
AREA_HEADS = word_seq("gazetteer", "clues.area_heads")
_WORD = re.compile(r"[A-Za-z]+")
EVENT_WORDS = "(?:" + "|".join(sorted(word_set("gazetteer", "clues.event_words"))) + r")\b"
#: how far before a toponym (characters) an area head is looked for ("the governor of ")
AREA_HEAD_CHARS = 24
#: how far before a toponym (characters) a possessor is looked for ("Toronto's new ")
POSSESSOR_CHARS = 16
#: how far before a toponym (characters) "suburb of" and the like are looked for
PART_OF_CHARS = 30
#: how far after a toponym's comma (characters) its qualifier is read, and its most words
#: ("Pandi, Bulacan", "Columbia, Missouri", "Santa Cruz de Tenerife")
QUALIFIER_CHARS = 40
QUALIFIER_MAX_WORDS = 3
#: names joined by commas alone are a list from three on (two are a name and its qualifier)
LIST_MIN_NAMES = 3


def area_hint(text: str, start: int, end: int) -> bool:
    """Whether the words around the span say it names an area (see ``Toponym.area``)."""
    after = _WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    if after and after.group().lower() in AREA_CUES:
        return True
    before = text[max(0, start - AREA_HEAD_CHARS) : start].lower()
    # "the governor of Washington" governs the state, not the capital
    return before.endswith(AREA_HEADS)


def qualifies_previous(text: str, start: int, ends: set[int]) -> bool:
    """ "Buffalo, New York": a toponym right after another one and a comma is its area."""
    return text[max(0, start - 2) : start] == ", " and (start - 2) in ends


#: "Toronto's Pearson International Airport", "Paris' iconic Champs-Elysees": a possessor
#: (and at most one lower-case word) right before the name...
_POSSESSOR = re.compile(r"(?:'s|’s|'|’) (?:[a-z]+ )?$")
#: ... or "(located) in" / "near" a place right after it: "Kfraya in Idlib", "Kalam in the Swat
#: Valley", "Crawford County located in Pennsylvania",
#: "the Adhamiyah district of Baghdad", "Mabvuku, a suburb located east of Harare" ...
#: directions allowed between "in" and the container: "Monroe County in northeast Missouri"
_DIRECTION = "(?:" + "|".join(sorted(word_set("gazetteer", "clues.direction_words"))) + r")\ "
_LOCATED_IN = re.compile(
    r"""(?:,?\ (?:(?:located|situated|based)\ )?(?:in|near|outside)\ (?:the\ )?(?:"""
    + _DIRECTION
    + r""")?
    |\ (?:district|suburb|neighbourhood|neighborhood|area|township|village|quarter)\ of[ ]
    |,\ an?\ (?:[a-z]+\ ){0,2}(?:suburb|district|neighbourhood|neighborhood|township|village|town)
    \ (?:[a-z]+\ ){0,2}(?:of|in)\ (?:the\ )?)""",
    re.VERBOSE,
)
#: ... or a place before it whose part it is: "the Cincinnati suburb of West Chester"
_PART_OF_BEFORE = re.compile(r" (?:suburb|district|neighbourhood|neighborhood|borough) of $")


def container(
    text: str, offsets: list[tuple[int, int]], start: int, end: int, starts: dict[int, int]
) -> int | None:
    """The index of the toponym that the text puts this one in (see ``Toponym.container``):
    only another toponym, so "Trump's Washington" or "in March" make no container."""
    before = _POSSESSOR.search(text, max(0, start - POSSESSOR_CHARS), start)
    if before is not None:
        owner = next((i for i, (_s, e) in enumerate(offsets) if e == before.start()), None)
        if owner is not None:
            return owner
    after = _LOCATED_IN.match(text, end)
    if after is not None and after.end() in starts:
        return starts[after.end()]
    part = _PART_OF_BEFORE.search(text, max(0, start - PART_OF_CHARS), start)
    if part is not None:
        return next((i for i, (_s, e) in enumerate(offsets) if e == part.start()), None)
    return None


def qualifier(text: str, end: int) -> str | None:
    """ "Pandi, Bulacan": the capitalised words after a comma that follows the toponym."""
    if text[end : end + 2] != ", ":
        return None
    words = []
    # not past a paragraph
    for word in text[end + 2 : end + QUALIFIER_CHARS].split("\n")[0].split(" "):
        clean = word.rstrip(",;:)")
        if not clean or not clean[0].isupper():
            break
        words.append(clean.rstrip("."))
        if (
            clean != word
            or len(words) == QUALIFIER_MAX_WORDS
            or (clean.endswith(".") and len(clean) > 4)
        ):
            break  # "Columbia, Missouri. Kody Berrey was" (but "St. Louis" goes on)
    return " ".join(words) + ("." if len(words) == 1 and len(words[0]) <= 5 else "") or None


#: What separates the names of a list: "Alberta, Manitoba, Ontario and New Brunswick".
_LIST_SEPARATOR = re.compile(r"(?:,|,? and|,? or|,? &) ")


def lists(text: str, offsets: list[tuple[int, int]]) -> list[list[int]]:
    """Indexes of toponyms listed together: three or more names, or two joined by "and"/"or"
    (two joined by a comma are a name and its qualifier, "Paris, Texas")."""
    order = sorted(range(len(offsets)), key=lambda i: offsets[i])
    groups: list[list[int]] = []
    current: list[int] = []
    joined_by_word = False
    for i in order:
        if current and _LIST_SEPARATOR.fullmatch(text[offsets[current[-1]][1] : offsets[i][0]]):
            joined_by_word |= text[offsets[current[-1]][1] : offsets[i][0]] != ", "
            current.append(i)
            continue
        if len(current) >= LIST_MIN_NAMES or (len(current) == 2 and joined_by_word):
            groups.append(current)
        current, joined_by_word = [i], False
    if len(current) >= LIST_MIN_NAMES or (len(current) == 2 and joined_by_word):
        groups.append(current)
    return groups


#: the name of an event after a place name: "Venice International Film Festival", "Cannes Grand
#: Prix", "Sochi Winter Olympics" (capitalised words, then an event word)
_EVENT_NAME = re.compile(r"(?: [A-Z][a-z]+){0,3} " + EVENT_WORDS)


def names_event(text: str, end: int) -> bool:
    """Whether the place name ending at ``end`` opens the name of an event held there."""
    return _EVENT_NAME.match(text, end) is not None


#: the article before a name that makes an ocean or region of it ("the Pacific side")
_ARTICLE = "the "


def toponyms_at(text: str, offsets: list[tuple[int, int]]) -> list[Toponym]:
    """The toponyms at ``offsets`` with what the words around each say."""
    ends = {end for _, end in offsets}
    starts = {start: i for i, (start, _end) in enumerate(offsets)}
    return [
        Toponym(
            start,
            end,
            text[start:end],
            qualifier(text, end),
            area_hint(text, start, end) or qualifies_previous(text, start, ends),
            container=container(text, offsets, start, end, starts),
            event_name=names_event(text, end),
            after_article=text[max(0, start - len(_ARTICLE)) : start].lower() == _ARTICLE,
        )
        for start, end in offsets
    ]
