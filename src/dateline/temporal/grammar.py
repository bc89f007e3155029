"""Recognition: precompiled regular expressions, one per kind of temporal expression.

Each :class:`Rule` names the normalisation function that turns its match into a TIMEX3 value
(:mod:`dateline.temporal.normalize`). Extents follow the TimeML 1.2.1 annotation guidelines as
applied in TBAQ-cleaned: a leading preposition ("on Friday", "in January") is left out, a
determiner or modifier that is part of the expression ("the third quarter", "last week",
"early next year", "three years ago") is kept. A named group ``t`` narrows the extent when the
pattern needs context that is not part of the expression ("after months" → "months").

Overlaps are resolved leftmost-longest (as HeidelTime does, Strötgen & Gertz 2013, section 4).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TypeVar

from dateline.temporal.lexicon import NUMBER, PART_OF_DAY, SEASON, UNIT, WEEKDAY

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Candidate:
    """One regex match: the extent and the named groups that matched."""

    start: int
    end: int
    rule: str
    groups: dict[str, str]


def _rule(name: str, pattern: str, *, case: bool = False) -> Rule:
    flags = 0 if case else re.IGNORECASE
    return Rule(name, re.compile(pattern, flags | re.VERBOSE))


# Modifiers kept in the extent, with TIMEX3 mod START/MID/END (guidelines, section 2.2.4).
_MOD = r"""(?:(?P<mod>early|late|mid|the\s+(?:end|beginning|start|middle|turn|close)\s+of|
    (?:the\s+)?(?:early|late|mid)|(?:end|beginning|start|middle)\s+of)[\s-]+)?"""
_REL = r"(?P<rel>last|next|this(?:\s+past|\s+coming)?|past|coming|previous|following|current)"
_CAP_MONTH = (
    r"(?-i:(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_CAP_WEEKDAY = r"(?-i:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:s\b)?)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[6-9]|20)\d\d)"
_ORDINAL = r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)"

RULES: tuple[Rule, ...] = (
    _rule("iso_date", r"\b(?P<year>\d{4})-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
    _rule(
        "numeric_date",
        r"\b(?P<month>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>\d{4}|\d{2})\b",
    ),
    _rule(
        "month_day",
        _MOD + rf"\b(?P<month>{_CAP_MONTH})\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?",
    ),
    _rule(
        "day_month",
        rf"\b(?:the\s+)?{_DAY}\s+(?:of\s+)?(?P<month>{_CAP_MONTH})(?:,?\s+{_YEAR}\b)?",
    ),
    _rule(
        "month_year",
        _MOD + rf"\b(?P<month>{_CAP_MONTH})(?:\s+of)?,?\s+(?:(?P<fiscal>fiscal\s+)?{_YEAR}\b)",
    ),
    _rule(
        "month",
        _MOD + rf"\b(?:{_REL}\s+)?(?P<month>{_CAP_MONTH})(?![\w-])",
    ),
    _rule(
        "weekday",
        rf"\b(?:{_REL}\s+)?(?P<weekday>{_CAP_WEEKDAY})(?:'s)?"
        rf"(?:\s+(?P<pod>{PART_OF_DAY}))?\b",
    ),
    _rule(
        "year",
        _MOD + rf"(?<![$\d,.])\b(?:(?P<fiscal>fiscal(?:\s+year)?|FY)\s*)?{_YEAR}\b"
        r"(?!\s*(?:%|percent|-\d|\.\d|,\d))",
    ),
    _rule(
        "decade",
        _MOD + r"\b(?:the\s+)?(?P<decade>(?:1[6-9]|20)\d0|'\d0)'?s\b",
    ),
    _rule(
        "century",
        _MOD + r"\b(?:the\s+)?(?P<century>\d{1,2})(?:st|nd|rd|th)[\s-]+century\b",
    ),
    _rule(
        "quarter",
        rf"""\b(?:the\s+)?(?:(?P<qrel>this\s+year's|last\s+year's|next\s+year's|year-earlier|
        year-ago)\s+)?(?:fiscal\s+)?{_ORDINAL}[\s-]+(?:fiscal[\s-]+)?(?P<unit>quarter|half)\b
        (?:\s+(?:of\s+)?(?:(?:fiscal\s+)?{_YEAR}\b|(?:fiscal\s+)?(?P<yrel>this|last|next)\s+year))?""",
    ),
    _rule(
        "this_quarter",
        r"\b(?P<q>the\s+(?:latest|most\s+recent|current|same|recent|year-earlier|year-ago)\s+"
        r"quarter|the\s+quarter|(?:this|last|next|that)\s+quarter)\b",
    ),
    _rule(
        "season",
        _MOD + rf"\b(?:{_REL}\s+|the\s+)?(?P<season>{SEASON})(?:\s+(?:of\s+)?{_YEAR}\b)?",
    ),
    _rule(
        "relative_unit",
        _MOD
        + rf"""\b(?:(?P<pos>earlier|later)\s+(?:in\s+)?(?:this|the)\s+|(?P<the>the\s+)?{_REL}\s+)
        (?P<unit>week|weekend|month|year|decade|century)\b""",
    ),
    _rule(
        "early_unit",
        r"\b(?P<pos>earlier|later|early|late)\s+(?P<rel>this|next|last)\s+"
        r"(?P<unit>week|month|year)\b",
    ),
    _rule(
        "ago",
        rf"""\b(?P<num>{NUMBER})\s+(?P<unit>{UNIT})s?\s+
        (?P<dir>ago|earlier|before|later|after|from\s+now|hence)\b(?!\s+(?:the|a|an|his|her|its|their|this)\b)""",
    ),
    _rule(
        "duration",
        rf"""\b(?:(?P<det>the\s+(?:past|last|next|first|previous|coming|final|following|
        remaining)|the|(?:past|last|next|first|previous|coming|another|final))\s+)?
        (?P<num>{NUMBER})(?:\s+(?:more|consecutive|straight|full|trading|business|working))?
        [\s-]+(?P<unit>{UNIT})s?(?P<adj>-old|-long)?\b(?!-)""",
    ),
    _rule(
        "vague_units",
        r"""\b(?:for|after|within|over|in|than|take|took|taking|lasted|lasting|spent|
        recent|past|the\s+past|the\s+last|coming|next|the\s+coming|the\s+next)\s+
        (?P<t>(?:several\s+|many\s+|a\s+few\s+|few\s+)?(?P<unit>minute|hour|day|week|month|year|
        decade)s)\b""",
    ),
    _rule(
        "vague_units_adj",
        r"\b(?P<unit>minute|hour|day|week|month|year|decade)s-long\b",
    ),
    _rule(
        "deictic",
        r"""\b(?P<word>today|yesterday|tomorrow|tonight|now|nowadays|currently|presently|
        the\s+time\s+being|at\s+present|recently|lately|recent|previously|formerly|
        the\s+past|the\s+near\s+future|the\s+future|soon|shortly|the\s+long\s+term|
        the\s+near\s+term|the\s+short\s+term|current|recent\s+years|recent\s+months|
        recent\s+weeks|recent\s+days|the\s+coming\s+(?:days|weeks|months|years))\b(?!-)""",
    ),
    _rule(
        "part_of_day",
        rf"\b(?P<anchor>this|yesterday|tomorrow|last|today)\s+(?P<pod>{PART_OF_DAY})\b",
    ),
    _rule(
        "clock",
        r"""\b(?P<hour>[01]?\d)(?::(?P<minute>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b)
        (?:\s+(?P<tz>[ECMP][SD]T|GMT|UTC)\b)?""",
    ),
    _rule("noon", r"\b(?P<word>noon|midday|midnight)\b"),
    _rule(
        "set",
        rf"""\b(?:(?:every|each|per)\s+(?:(?P<num>other|{NUMBER})\s+)?(?P<unit>{UNIT}|
        {WEEKDAY})s?|(?P<adverb>daily|weekly|monthly|quarterly|annually|yearly|annual|
        nightly|hourly)|(?P<times>once|twice|\w+\s+times)\s+a\s+(?P<unit2>{UNIT}))\b""",
    ),
)


def candidates(text: str) -> Iterator[Candidate]:
    """Every match of every rule (overlapping; the caller picks)."""
    for rule in RULES:
        for match in rule.pattern.finditer(text):
            groups = {k: v for k, v in match.groupdict().items() if v is not None}
            start, end = match.span("t") if "t" in groups else match.span()
            if end > start:
                yield Candidate(start, end, rule.name, groups)


def pick_longest(found: list[tuple[Candidate, T]]) -> list[tuple[Candidate, T]]:
    """Non-overlapping matches, longest first, then leftmost; returned in text order."""
    chosen: list[tuple[Candidate, T]] = []
    taken: list[tuple[int, int]] = []
    for item in sorted(found, key=lambda c: (c[0].start - c[0].end, c[0].start)):
        cand = item[0]
        if all(cand.end <= s or cand.start >= e for s, e in taken):
            chosen.append(item)
            taken.append((cand.start, cand.end))
    return sorted(chosen, key=lambda c: c[0].start)
