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
from dataclasses import dataclass, replace
from typing import TypeVar

from dateline.temporal.lexicon import (
    MONTHS,
    NUMBER,
    PART_OF_DAY,
    PARTS_OF_DAY,
    SEASON,
    SEASONS,
    UNIT,
    WEEKDAY,
)
from dateline.words import word_seq

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    #: modifiers or determiners that may precede the core match and belong to the extent
    left: re.Pattern[str] | None = None
    #: the rule matches only when ``left`` does (the core is a unit word, the number is left)
    needs_left: bool = False
    #: words one of which every match contains (lower case): a text with none of them is not
    #: scanned (a quick test; scanning is most of recognition's time)
    needs: tuple[str, ...] = ()
    #: ``pattern`` without the ``\b`` or look-behind it starts with (``_rule(prescan=True)``):
    #: every match of ``pattern`` is one of it at the same start, so the scan starts at its
    #: first match, and a text where it has none is not scanned. Python's ``re`` skips quickly
    #: to where a pattern can start when it begins with a word or a choice of words, not when
    #: it begins with a zero-width test (tried at every position): one quick pass of
    #: "the\s+day..." finds whether and where a text can hold "\bthe\s+day...". Set only for
    #: rules whose rest begins with words: for the others (an optional group, a digit or a
    #: group of groups first) the pass costs more than it saves. Over the 400 press releases
    #: of ``benchmarks/bench_stages.py`` these 12 rules' scans took 0.19 s before, 0.02 s so.
    prescan: re.Pattern[str] | None = None


@dataclass(frozen=True, slots=True)
class Candidate:
    """One regex match: the extent and the named groups that matched."""

    start: int
    end: int
    rule: str
    groups: dict[str, str]


def _rule(
    name: str,
    pattern: str,
    *,
    left: re.Pattern[str] | None = None,
    needs_left: bool = False,
    needs: tuple[str, ...] = (),
    prescan: bool = False,
) -> Rule:
    compiled = re.compile(pattern, re.VERBOSE)
    first = _without_leading_assertion(compiled) if prescan else None
    return Rule(name, compiled, left, needs_left, needs, first)


#: a zero-width test at the start of a pattern: a word boundary, or a look-behind at one
#: character class ("(?<![\w'])")
_LEADING_ASSERTION = re.compile(r"\s*(?:\\b|\(\?<[=!]\[[^]()]*\]\))")


def _without_leading_assertion(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` without the zero-width test it starts with: it matches wherever ``pattern``
    does, at the same start (and maybe elsewhere too)."""
    leading = _LEADING_ASSERTION.match(pattern.pattern)
    if leading is None:
        raise ValueError(f"{pattern.pattern!r} starts with no \\b or look-behind")
    return re.compile(pattern.pattern[leading.end() :], pattern.flags)


# Modifiers before an expression stay in its extent, with TIMEX3 mod START/MID/END (TimeML 1.2.1
# guidelines, section 2.2.4). They are matched leftwards from the core match, not as a leading
# optional group, because a leading optional group makes the regex engine try every position
# (it made recognition four times slower).
_MODS = r"""(?P<mod>(?:early|late|later|earlier)\s+in|early|late|mid|earlier|later|(?:the\s+)?(?:very\s+)?(?:end|beginning|start|
    middle|turn|close)\s+of)[\s-]+"""
LEFT_MOD = re.compile(rf"\b(?:the\s+)?{_MODS}\Z", re.VERBOSE)
LEFT_MOD_THE = re.compile(rf"(?:\b(?:the\s+)?{_MODS}|\b(?P<the>the)\s+)\Z", re.VERBOSE)
LEFT_FISCAL = re.compile(
    rf"(?:\b(?:the\s+)?{_MODS}|\b(?P<fiscal>fiscal(?:\s+year)?)\s+)\Z", re.VERBOSE
)
LEFT_ARTICLE = re.compile(r"\b(?:the|a)\s+\Z")
#: the number of a duration, found leftwards from its unit ("three" in "three-year-old"), with
#: a half ("5 1/2 hours", "two and a half years")
_NUMBER_LEFT = (
    rf"\b(?P<num>{NUMBER})(?P<half>\s+1/2|[\s-]+and[\s-]+a[\s-]+half)?"
    r"(?:\s+(?:more|consecutive|straight|full|trading|business|working))?"
    r"(?P<sep>[\s-]+)\Z"
)
LEFT_NUMBER = re.compile(_NUMBER_LEFT, re.VERBOSE)
LEFT_DET_NUMBER = re.compile(
    r"""(?:\b(?P<det>(?:the\s+)?(?:past|last|next|first|previous|coming|final|following|
    remaining|another)|the)\s+)?"""
    + _NUMBER_LEFT,
    re.VERBOSE,
)
#: "a 6-year-old girl" gives an age, not a temporal expression (TimeML 1.2.1 guidelines, 2.2:
#: ages are not annotated); "the three-year-old war" gives a duration
_PERSON_NOUNS = r"""(?:boy|girl|man|woman|son|daughter|child|kid|baby|mother|father|brother|
    sister|student|player|son-in-law|grandson|granddaughter|niece|nephew|twin|victim|male|female|
    youth|teen|teenager|suspect)"""
_REL = r"(?P<rel>last|next|this(?:\s+past|\s+coming)?|past|coming|previous|following|current)"
#: month and weekday names count only when capitalised in the text (see ``_CAPITALISED``)
_CAP_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?)"
)
_CAP_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:s\b)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[6-9]|20)\d\d)"
#: a day's year named relative to the article's: "on 25 February last year"
_DAY_YREL = r"\s+(?P<yrel>this|last|next)\s+year\b"
_ORDINAL = r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)"

RULES: tuple[Rule, ...] = (
    _rule("iso_date", r"\b(?P<year>\d{4})-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
    _rule("numeric_date", r"\b(?P<month>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>\d{4}|\d{2})\b"),
    _rule(
        "month_day",
        rf"\b(?P<month>{_CAP_MONTH})\s+{_DAY}\b(?:\s*,?\s*{_YEAR}\b|{_DAY_YREL})?",
        left=LEFT_MOD,
    ),
    _rule(
        "day_month",
        rf"\b{_DAY}\s+(?:of\s+)?(?P<month>{_CAP_MONTH})(?:\s*,?\s*{_YEAR}\b|{_DAY_YREL})?",
    ),
    _rule(
        "month_year",
        rf"\b(?P<month>{_CAP_MONTH})(?:\s+of)?,?\s+(?:(?P<fiscal>fiscal\s+)?{_YEAR}\b)",
        left=LEFT_MOD,
    ),
    _rule(
        "month",
        rf"""\b(?:{_REL}\s+)?(?P<month>{_CAP_MONTH})(?![\w-])
        (?:\s+(?:of\s+)?(?P<yrel>this|last|next)\s+year\b)?""",
        left=LEFT_MOD,
    ),
    _rule(
        "weekday",
        rf"""\b(?:{_REL}\s+)?(?P<weekday>{_CAP_WEEKDAY})(?:'s)?(?:\s+(?P<pod>{PART_OF_DAY})
        (?P<plural>s)?)?\b""",
    ),
    _rule(
        "year",
        rf"(?<![$\d,.])(?:\bfy|\b){_YEAR}\b(?!\s*(?:%|percent|-\d|\.\d|,\d))",
        left=LEFT_FISCAL,
    ),
    _rule(  # "in his 30s" is an age, not a decade
        "decade",
        r"""(?<!\bhis\s)(?<!\bher\s)(?<!\btheir\s)(?<![\w$])
        (?P<decade>(?:1[6-9]|20)\d0|'?[2-9]0)'?s\b""",
        left=LEFT_MOD_THE,
    ),
    _rule("short_year", r"(?<![\w'])'(?P<yy>\d\d)\b(?!')", prescan=True),
    # "FY25", "FY '26": a fiscal year by its last two digits (as "FY2025" is the year rule's)
    _rule("fiscal_short", r"\bfy\s?'?(?P<yy>\d\d)\b(?![/-]\d)"),
    _rule("century", r"\b(?P<century>\d{1,2})(?:st|nd|rd|th)[\s-]+century\b", left=LEFT_MOD_THE),
    _rule(
        "quarter",
        rf"""\b(?:the\s+)?(?:(?P<qyear>(?:19|20)\d\d)\s+)?(?:(?P<qrel>this\s+year's|last\s+year's|next\s+year's|year-earlier|
        year-ago)\s+)?(?:fiscal\s+)?{_ORDINAL}[\s-]+(?:fiscal[\s-]+)?(?P<unit>quarter|half)\b
        (?:\s+(?:of\s+)?(?:(?:fiscal\s+)?{_YEAR}\b|(?:fiscal\s+)?(?P<yrel>this|last|next)\s+year))?""",
    ),
    _rule(  # "the first two quarters of 1990": a year's first half (TBAQ-cleaned: 1990-H1)
        "two_quarters",
        rf"""\b(?:the\s+)?(?P<which>first|last|final)\s+two\s+quarters\b
        (?:\s+of\s+(?:fiscal\s+)?{_YEAR}\b)?""",
    ),
    _rule(  # "Q3", "H1 2024", "Q4 of 2023": a quarter or half by its code (capitalised)
        "quarter_code",
        rf"""\b(?P<code>[qh])(?P<n>[1-4])\b(?!-)(?:\s+(?:of\s+)?(?:fy\s*)?{_YEAR}\b)?""",
    ),
    _rule(
        "this_quarter",
        r"""\b(?P<q>the\s+(?:latest|most\s+recent|current|same|recent|(?P<qyear>(?:19|20)\d\d))
        \s+(?:quarter|period)|
        the\s+quarter|(?:this|last|next|that)\s+quarter)\b(?:\s+(?:of\s+)?(?P<back>last\s+year|
        the\s+last\s+year|the\s+previous\s+year|a\s+year\s+(?:earlier|ago|before)))?""",
    ),
    _rule(
        "year_earlier",
        r"""\b(?:the\s+(?:comparable\s+|corresponding\s+)?)?(?P<w>year-earlier|year-ago)
        (?:\s+(?P<what>period|quarter))?\b""",
    ),
    _rule(
        "the_year",
        # a modified year is one even before a clause ("sales in the current fiscal year that
        # are slightly above"); "the year that followed" is not the article's
        r"""\bthe\s+(?:(?:(?P<current>current\s+)|(?:full|fiscal|whole|entire|latest|calendar)\s+)
        {1,2}year\b
        (?!-|\s+(?:ago|earlier|before|later|after|old|of|to)\b)|
        year\b(?!-|\s+(?:ago|earlier|before|later|after|old|of|in|to|that|when)\b))
        (?:(?P<ended>)(?=\s+end(?:ed|ing)\b))?""",
        left=LEFT_MOD,
        prescan=True,
    ),
    _rule("year_end", r"\b(?:year-end|year\s+end|year's\s+end)\b", prescan=True),
    _rule("weekend", r"\bthe\s+weekend\b", prescan=True),
    _rule(
        "week_of",
        rf"\bthe\s+week\s+of\s+(?P<month>{_CAP_MONTH})\s+{_DAY}\b(?:\s*,?\s*{_YEAR}\b)?",
        prescan=True,
    ),
    _rule(  # "the last week of March": a week of a named month, not of the article's
        "month_week",
        rf"""\bthe\s+(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)\s+week\s+
        (?:of|in)\s+(?P<month>{_CAP_MONTH})(?![\w-])(?:\s*,?\s*{_YEAR}\b)?""",
        prescan=True,
    ),
    _rule(
        "the_day",
        r"""\bthe\s+day\b(?!\s+(?:after(?!\s+\w+ing\b)|before|of|when|that|which|in|on|and|is|was|
        he|she|they|it|we|i|you|will|would|has|had)\b)""",
        left=LEFT_MOD,
        prescan=True,
    ),
    _rule(
        "anaphor",
        r"""\b(?:(?:that|the\s+same)\s+(?P<unit>day|week|month|year)|that\s+(?P<time>time)|
        the\s+(?P<arel>following|next|
        previous|preceding|prior)\s+(?P<unit2>day|morning|afternoon|evening|night))\b
        (?!-|\s+(?:of|after|before|when)\b)|
        # "than the year previous.", "the day before,": the unit before the one last named
        \bthe\s+(?P<unit3>day|week|month|year)\s+(?P<before>before|previous|earlier)\b
        (?=\s*(?:[,.;:)]|$))""",
    ),
    _rule(
        "ordinal_day",
        r"""\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|
        (?!1st)\d+(?:st|nd|rd|th))\s+(?:(?:straight|consecutive|successive)\s+)?
        (?P<unit>day|week)\b(?!s|-)""",
        left=LEFT_ARTICLE,
    ),
    _rule(
        "month_prep",
        r"""\b(?:in|since|until|by|from|through|during|before|after|of|for|mid)[\s-]+
        (?P<t>(?P<month>may))\b(?!\s+\d)""",
    ),
    _rule(
        "spelled_year",
        rf"""\b(?:the\s+year\s+|(?P<month>{_CAP_MONTH})\s+)?(?P<w>nineteen[\s-]+(?P<tens>ten|eleven|
        twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|
        fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?P<ones>one|two|three|four|five|six|seven|eight|
        nine))?|two\s+thousand(?:\s+and)?(?:[\s-]+(?P<ones2>one|two|three|four|five|six|seven|eight|
        nine|ten))?)\b""",
    ),
    _rule(  # "the nineties", "the nineteen-sixties": a decade in words
        "spelled_decade",
        r"""\bthe\s+(?:nineteen[\s-]?)?(?P<tens>twenties|thirties|forties|fifties|sixties|seventies|
        eighties|nineties)\b""",
        prescan=True,
    ),
    _rule(  # "the Independence Day of the State of Israel" is another country's: not July 4
        "holiday",
        r"""\b(?:(?P<rel>last|next|this)\s+)?(?P<holiday>christmas(?:\s+day|\s+eve)?|new\s+year's
        (?:\s+day|\s+eve)|thanksgiving(?:\s+day)?|labor\s+day|
        independence\s+day(?!\s+of\s+(?!the\s+united\s+states\b|america\b|the\s+u\.s\.))|
        memorial\s+day|election\s+day|halloween|valentine's\s+day|veterans\s+day)\b""",
    ),
    _rule(
        "season",
        rf"\b(?:{_REL}\s+)?(?P<season>{SEASON})(?:\s+(?:of\s+)?{_YEAR}\b)?",
        left=LEFT_MOD_THE,
    ),
    _rule(  # "in the fall": the season, where "the fall of the Wall" and "a fall" are not
        "season_fall",
        r"""\b(?:in|during|by|until|through|since|for)\s+(?P<t>the\s+(?P<season>fall))\b
        (?![\s-]+(?:of|in|from|to|and)\b)""",
    ),
    _rule(
        "relative_unit",
        rf"""\b(?:(?P<pos>earlier|later)\s+(?:in\s+)?(?:this|the)|{_REL})\s+
        (?P<unit>week|weekend|month|year|decade|century)\b""",
        left=LEFT_MOD_THE,
    ),
    _rule(
        "ago",
        r"""(?<=[\s-])(?P<unit>second|minute|hour|day|night|week|weekend|month|quarter|year|decade|
        century|centurie)s?\s+(?P<dir>ago|earlier|from\s+now|hence)\b
        (?!\s+(?:the|a|an|his|her|its|their|this)\b)""",
        left=LEFT_NUMBER,
        needs_left=True,
    ),
    _rule(
        "duration",
        rf"""(?<=[\s-])(?P<unit>second|minute|hour|day|night|week|weekend|month|quarter|year|decade|
        century|centurie)(?P<plural>s)?(?P<adj>-long|-old(?=\s+(?!{_PERSON_NOUNS}\b)(?P<noun>[a-z])))?
        \b(?!-)(?!\s+old\b)(?![\s-]+(?:quarter|half)\b)""",
        left=LEFT_DET_NUMBER,
        needs_left=True,
    ),
    _rule(  # "between 60 and 90 days": the lower bound is a duration in the upper's unit
        # (TBAQ-cleaned and MEANTIME annotate each bound); the upper one is ``duration``'s
        "range_start",
        rf"""between\s+(?P<t>(?P<num>{NUMBER}))\s+(?:and|to)\s+{NUMBER}\s+
        (?P<unit>minute|hour|day|week|month|year|decade)s\b""",
    ),
    _rule(
        "vague_units",
        r"""\b(?:for|after|within|over|in|than|take|took|taking|lasted|lasting|spent|just|only|
        recent|past|coming|next)\s+(?P<t>(?:several\s+|many\s+|a\s+few\s+|few\s+)?
        (?P<unit>minute|hour|day|week|month|year|decade)s)\b""",
    ),
    _rule(  # "over the years", "in the years that followed": a span of unknown length (TBAQ,
        # MEANTIME: DURATION PXY); "in the days before the shooting" is a time, left alone
        "vague_the_units",
        r"""\b(?:over|in|for|through|throughout|during)\s+(?P<t>the\s+(?P<unit>year|decade)s)\b
        (?!\s+(?:of|\d|ago|before|since)\b)""",
        prescan=True,
    ),
    _rule("vague_units_adj", r"\b(?P<unit>minute|hour|day|week|month|year|decade)s-long\b"),
    _rule(  # "Now," opening a sentence is a discourse marker, not a time (TBAQ: 0 of 3)
        "deictic",
        r"""\b(?P<word>today|yesterday|tomorrow|tonight|now(?!,)|(?<=[a-z]\s)now|nowadays|currently|
        presently|
        the\s+time\s+being|at\s+present|recently|lately|these\s+days|
        the\s+past|the\s+near\s+future|the\s+future|the\s+long\s+term|
        the\s+near\s+term|the\s+short\s+term|(?P<then>then[\s-]+)?current|
        at\s+the\s+time(?!\s+(?:of|when|that)\b)|
        (?<!most\s)recent(?!\s+(?:quarters|periods|days|weeks|months|years|decades)))\b(?!-)""",
    ),
    _rule(  # "in recent years", "in the coming weeks": a span of unknown length (TBAQ: PXY),
        # or, backwards without the perfect, a past time (temporal.expressions: PAST_REF)
        "vague_span",
        r"""\b(?P<t>(?P<way>recent|past|coming)\s+(?P<unit>day|week|month|year|decade)s)\b""",
        prescan=True,
    ),
    _rule(
        "part_of_day",
        rf"""\b(?:(?P<anchor>this|yesterday|tomorrow|last|today)\s+(?P<pod>{PART_OF_DAY})|
        (?:mid-?)?(?P<pod2>{PART_OF_DAY})\s+(?P<anchor2>yesterday|today|tomorrow))\b""",
    ),
    _rule(
        "clock",
        r"""\b(?P<hour>[01]?\d)(?::(?P<minute>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b)
        (?:\s+(?P<tz>[ecmp][sd]t|gmt|utc)\b)?""",
    ),
    _rule(  # "at 4 in the morning", "at 10 o'clock at night": the hour and the part of the day
        # (single spaces, as in the phrases that gate the scan)
        "clock_words",
        r"""\bat\s(?P<t>(?P<hour>[01]?\d)(?::(?P<minute>[0-5]\d))?(?:\s+o'clock)?[ ]
        (?:in[ ]the|at)[ ](?P<pod>morning|afternoon|evening|night))\b""",
        prescan=True,
    ),
    _rule(
        "clock24",
        r"\b(?P<hour>[01]?\d|2[0-3]):?(?P<minute>[0-5]\d)\s*(?P<tz>utc|gmt)\b",
    ),
    _rule("noon", r"\b(?P<word>noon|midday|midnight)\b(?<!\bhigh\snoon)"),
    _rule(  # "each July", "every summer"
        "set_named",
        rf"\b(?:every|each)\s+(?:(?P<month>{_CAP_MONTH})|(?P<season>{SEASON}))\b",
        prescan=True,
    ),
    _rule(
        "set",
        rf"""\b(?:(?:every|each|per)\s+(?:(?P<num>other|{NUMBER})\s+)?(?P<unit>{UNIT}|
        {WEEKDAY})s?|(?P<adverb>daily|weekly|monthly|annually|yearly|
        nightly|hourly)|(?P<annual>annual)(?=\s+(?:profit|loss|revenue|sales|dividend|rate|
        earnings|income|budget|output|growth|production|deficit|surplus))|(?P<times>once|twice|\w+\s+times)\s+a\s+(?P<unit2>{UNIT}))\b""",
    ),
)


_MONTHS = tuple(sorted({month[:3] for month in MONTHS}))  # "jan" ... "dec"
_UNITS = tuple(re.findall(r"\w+", UNIT))  # "second" ... "centurie"
#: words one of which every match of a rule contains (``Rule.needs``; a month's or weekday's
#: name, a unit word): tests/test_temporal.py checks them against the rules' matches
_NEEDS: dict[str, tuple[str, ...]] = {
    "numeric_date": ("/",),
    "month_day": _MONTHS,
    "day_month": _MONTHS,
    "month_year": _MONTHS,
    "month": _MONTHS,
    "weekday": tuple(re.findall(r"[a-z]+day", _CAP_WEEKDAY)),  # "monday" ... "sunday"
    "decade": ("0s", "0's"),
    "century": ("century",),
    "fiscal_short": ("fy",),
    "quarter": ("quarter", "half"),
    "two_quarters": ("two quarters",),
    "quarter_code": ("q1", "q2", "q3", "q4", "h1", "h2"),
    "this_quarter": ("quarter", "period"),
    "year_earlier": ("year-earlier", "year-ago"),
    "the_year": ("year",),
    "year_end": ("year",),
    "weekend": ("weekend",),
    "week_of": ("week",),
    "month_week": ("week",),
    "the_day": ("day",),
    "anaphor": ("day", "week", "month", "year", "time", *PARTS_OF_DAY),
    "ordinal_day": ("day", "week"),
    "month_prep": ("may",),
    "spelled_year": ("nineteen", "thousand"),
    "spelled_decade": ("ties",),  # twenties ... nineties
    "holiday": word_seq("times", "grammar.holiday_words"),
    "season": tuple(SEASONS),
    "season_fall": ("fall",),
    "relative_unit": ("week", "month", "year", "decade", "century"),
    "ago": word_seq("times", "grammar.ago_words"),
    "duration": _UNITS,
    "range_start": ("between",),
    "vague_units": _UNITS,
    "vague_units_adj": ("s-long",),
    "vague_the_units": ("years", "decades"),
    "vague_span": word_seq("times", "grammar.vague_span_words"),
    "clock": ("am", "pm", "a.m.", "p.m."),
    "clock_words": word_seq("times", "grammar.clock_word_phrases"),
    "clock24": ("utc", "gmt"),
    "noon": word_seq("times", "grammar.noon_words"),
    "part_of_day": tuple(sorted({word.split()[0] for word in PARTS_OF_DAY})),  # "night" ...
    "set_named": ("every", "each"),
}


RULES = tuple(replace(rule, needs=_NEEDS.get(rule.name, ())) for rule in RULES)

#: a capitalised month or season followed by "of" and a name is part of that name
_NAMED_AFTER = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
#: a quantity before "a week" makes a rate, not a duration ("700 seats a week")
_RATE = re.compile(rf"(?:\d|\b{NUMBER})\s+(?:[a-z]+\s+)?\Z")
#: how far before a match (characters) a rule's left context is looked for ("the first week of")
LEFT_CONTEXT_CHARS = 40
#: how far before "a week", "a year" (characters) the count that makes it a rate is looked for
#: ("four flights a week")
RATE_COUNT_CHARS = 30
#: how far before a bare number (characters) the cue that makes it a year is looked for ("in",
#: "since", "the 1990s'", "(")
YEAR_CUE_CHARS = 30

#: groups whose first letter must have this case in the original text: names are capitalised
#: ("May" the month, not "may" the modal); the noun after "-year-old" is a common noun
_CAPITALISED = {"month": True, "weekday": True, "holiday": True, "code": True, "noun": False}


#: A bare four-digit number is a year with a cue before it: a preposition or determiner
#: ("in 1648", "the 2016 election", "Russia's 2022 invasion", "post-1959"), or another year it
#: ranges from or follows in a list ("2014-2022", "in 1994, 1995 and 1997"). Fiscal years and
#: modifiers ("fiscal 1998", "early 2014") are cues of the rule's own (``left``). Without a cue
#: (a phone number "1648", "2000 troops", but also "WWDC 2005", "his unsuccessful 1996
#: campaign") it is marked ``bare`` and is a year only near the article's own year.
_YEAR_CUE = re.compile(
    rf"""(?:\b(?:{"|".join(word_seq("times", "grammar.year_cues"))})[\s-]|['’]s\s|
    \b(?:1[6-9]|20)\d\d\s*[-–,]\s*|\(\s*)\s*\Z""",
    re.VERBOSE,
)
_YEAR_RANGE_AFTER = re.compile(r"\s*[-–]\s*(?:1[6-9]|20)\d\d\b")


def _year_has_cue(low: str, start: int, end: int, groups: dict[str, str]) -> bool:
    if "fiscal" in groups or "mod" in groups or low.startswith("fy", start):
        return True
    return bool(
        _YEAR_CUE.search(low, max(0, start - YEAR_CUE_CHARS), start)
        or _YEAR_RANGE_AFTER.match(low, end)
    )


#: "Today" after an acronym is a title ("USA Today", "VOA Today"); checked at a match's end
_NAMED_TODAY = re.compile(r"\b[A-Z]{2,}\s+Today\Z")


def lowercase(text: str) -> str:
    """``text`` in lower case with the same length (offsets stay valid)."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)  # e.g. "İ"


def candidates(text: str) -> Iterator[Candidate]:
    """Every match of every rule (overlapping; the caller picks).

    The rules are written in lower case and run over the lower-cased text: case-insensitive
    matching (re.IGNORECASE) was five times slower. Groups that need a capital are checked
    against the original text afterwards.
    """
    low = lowercase(text)
    has_needs: dict[tuple[str, ...], bool] = {}  # rules share them (the months, the units)
    for rule in RULES:
        if rule.needs:
            present = has_needs.get(rule.needs)
            if present is None:
                present = has_needs[rule.needs] = any(word in low for word in rule.needs)
            if not present:
                continue
        start = 0
        if rule.prescan is not None:
            first = rule.prescan.search(low)
            if first is None:
                continue
            start = first.start()  # no match starts before (``\b`` and look-behinds still see
            # the text before ``start``: finditer's ``pos`` does not cut the string)
        for match in rule.pattern.finditer(low, start):
            if any(
                match.start(name) >= 0
                and text[match.start(name)].isalpha()
                and text[match.start(name)].isupper() != upper
                for name, upper in _CAPITALISED.items()
                if name in rule.pattern.groupindex
            ):
                continue
            if (
                rule.name in ("month", "season")
                and text[match.start()].isupper()
                and _NAMED_AFTER.match(text, match.end())
            ):
                continue  # "the March of the Combatant Mothers", "Spring of Life" rallies
            if rule.name == "relative_unit" and text[match.start("unit")].isupper():
                continue  # ABC's "This Week": a unit word is capitalised only in a title
            if rule.name == "deictic" and _NAMED_TODAY.search(
                text, max(0, match.start() - LEFT_CONTEXT_CHARS), match.end()
            ):
                continue  # "USA Today", "This is VOA Today": a name, not the article's day
            groups = {
                k: text[match.start(k) : match.end(k)]
                for k, v in match.groupdict().items()
                if v is not None
            }
            start, end = match.span("t") if "t" in groups else match.span()
            if rule.left is not None:
                before = rule.left.search(low, max(0, start - LEFT_CONTEXT_CHARS), start)
                if before is None or before.start() == start:
                    if rule.needs_left:
                        continue
                else:
                    groups.update(
                        (k, text[before.start(k) : before.end(k)])
                        for k, v in before.groupdict().items()
                        if v is not None
                    )
                    start = before.start()
                    if (
                        rule.name == "duration"
                        and groups.get("num", "").lower() in ("a", "an")
                        and _RATE.search(low, max(0, start - RATE_COUNT_CHARS), start)
                    ):
                        # "four flights a week", "$1 billion a year": a rate, a SET in TimeML
                        yield Candidate(start, end, "rate", groups)
                        continue
                    # an adjectival duration ("the three-year-old war") leaves "the" to the noun
                    if "det" in groups and ("adj" in groups or "-" in groups["sep"]):
                        start = before.start("num")
            if rule.name == "year" and not _year_has_cue(low, start, end, groups):
                groups["bare"] = ""  # a year only if near the article's (normalize.norm_year)
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
