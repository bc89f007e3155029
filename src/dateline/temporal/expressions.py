"""The temporal expressions of an article, normalised against its date.

Recognition and normalisation are the grammar and its normalisation functions
(:mod:`dateline.temporal.grammar`, :mod:`dateline.temporal.normalize`: HeidelTime-style rules in
pure Python, Strötgen & Gertz 2013); this module adds what needs the parse: the direction of an
underspecified expression from the tense of its verb (:mod:`dateline.temporal.direction`),
offsets and unnamed future times told apart from durations, anaphoric expressions re-anchored
to the reference time, and clock times joined to their day. The times stage
(:mod:`dateline.stages.times`) turns what :func:`find_expressions` returns into records.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from dateline.document import Document
from dateline.temporal.anaphora import (
    ANAPHORIC_RULES,
    CLOCK_RULES,
    Reference,
    clock_day,
    resolve,
)
from dateline.temporal.calendar import bounds
from dateline.temporal.context import Context, Norm, date_norm, year_for
from dateline.temporal.direction import CUE_CHARS, direction_at, verb_of
from dateline.temporal.grammar import Candidate, candidates, lowercase, pick_longest
from dateline.temporal.history import historical_events
from dateline.temporal.lexicon import MONTHS
from dateline.temporal.normalize import normalize, offset_from_article, outside_calendar
from dateline.temporal.periods import quarter_of
from dateline.words import word_set

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc

#: "would be redeemed in five years": a future event that many units after the article date
#: is dated by an offset (TimeML: DATE; TBAQ-cleaned "in five years" in 1989 is 1994), not a
#: duration ("within five years" stays one)
_IN_CUE = re.compile(r"(?<!\w)in\s+\Z", re.I)
#: an offset given roughly ("in a year or two", "in a month or so") is only a future time
_OR_SO = re.compile(r"\s+or\s+(?:so|more|two|three)\b", re.I)
#: "the quarter ended Sept. 30", "the period ending July 31, 1989"
_ENDED = re.compile(
    r"\s+(?:that\s+)?(?:ended|ending|ends)\s+(?P<month>[A-Z][a-z]{2,8}\.?)\s+(?P<day>[0-3]?\d)\b"
    r"(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
)
#: days back from a quarter's last day to its middle (a quarter is about 91 days long)
QUARTER_MIDDLE_DAYS = 45
#: the rules of expressions that name a day: a present tense governing one is a schedule
_DAY_RULES = frozenset({"weekday", "month_day", "day_month", "numeric_date", "holiday"})
#: units of a span long enough that "recent" ones are a past time of their own (``vague_span``)
_LONG_UNITS = word_set("times", "stage.long_span_units")


def find_expressions(doc: Document) -> list[tuple[Candidate, Norm]]:
    """Every temporal expression of the article with its normalisation, in text order."""
    text, dct, parsed = doc.text, doc.article.date, doc.parsed
    found: list[tuple[Candidate, Norm]] = []
    contexts: dict[int, Context] = {}
    # the quarter a story reports on, and the last one it named with that one's sentence
    quarter: str | None = None
    named: tuple[str, int] | None = None
    matches = list(candidates(text))
    matches += [
        Candidate(start, end, "history", {"value": value})
        for start, end, value in historical_events(lowercase(text))
    ]
    for cand in sorted(matches, key=lambda c: c.start):
        if cand.rule == "history":
            value = cand.groups["value"]
            earliest, latest, granularity = bounds(value, dct)
            found.append((cand, Norm("DATE", value, earliest, latest, granularity)))
            continue
        tense = direction_at(text, parsed, cand.start, cand.end, day=cand.rule in _DAY_RULES)
        sentence = doc.sentence_at(cand.start).start
        local = named[0] if named is not None and named[1] == sentence else None
        ctx = Context(dct, tense, local or quarter)
        norm = normalize(cand.rule, cand.groups, ctx)
        if norm is None:
            continue
        if (
            cand.rule == "duration"
            and tense == "future"
            and _IN_CUE.search(text, max(0, cand.start - CUE_CHARS), cand.start)
        ):
            vague = _OR_SO.match(text, cand.end)  # "you may, in a year or two, save lives"
            norm = (
                date_norm("FUTURE_REF", ctx)
                if vague
                else offset_from_article(cand.groups, ctx) or norm
            )
        if (
            cand.rule == "this_quarter"
            and not quarter
            and (ended := _quarter_ended(text, cand, ctx))
        ):
            norm = ended
            quarter = norm.value
        if cand.rule == "quarter" and "-Q" in norm.value:
            named = (norm.value, sentence)
            quarter = norm.value if _reported(norm, dct) else quarter
        if cand.rule == "duration" and _someday(parsed, cand):
            norm = date_norm("FUTURE_REF", ctx)
        if cand.rule == "vague_span" and _past_time_not_span(parsed, cand):
            norm = date_norm("PAST_REF", ctx)
        contexts[id(cand)] = ctx
        found.append((cand, norm))
    return _anchored(doc, _clock_with_day(text, pick_longest(found)), contexts)


def _reported(norm: Norm, dct: dt.date) -> bool:
    """Whether a quarter is over by the article date, so that figures for it can be reported:
    the quarter a story compares with "a year ago" ("third-quarter net fell ... from $101.4
    million in the year-ago period"), where a forecast for "the fourth quarter" or "the third
    quarter of 1990" is not, but in its own sentence ("sales in the fourth quarter should top
    those of a year ago")."""
    return norm.latest is not None and norm.latest < dct


def _quarter_ended(text: str, cand: Candidate, ctx: Context) -> Norm | None:
    """ "sales of $538.5 million for the quarter ended Sept. 29": an unnamed quarter is the
    three months that end on the date that follows it, named by the calendar quarter that
    holds most of them (the quarter of its middle day: "the quarter ended July 31" is 1989-Q2).
    A named quarter keeps its name ("its fourth quarter ended June 30" is a fiscal one), and so
    does the quarter a story has named before (TBAQ-cleaned names fiscal quarters: "the fiscal
    first quarter", then "the quarter ended Sept. 29", is 1989-Q1); only the first quarter of a
    story is dated by its end."""
    if cand.groups.get("back") or cand.groups.get("qyear"):
        return None
    end = _ENDED.match(text, cand.end)
    if end is None or (month := MONTHS.get(end["month"].lower().rstrip("."))) is None:
        return None
    year = int(end["year"]) if end["year"] else year_for(month, int(end["day"]), ctx)
    try:
        last = dt.date(year, month, int(end["day"]))
    except ValueError:
        return None
    middle = last - dt.timedelta(days=QUARTER_MIDDLE_DAYS)
    return date_norm(f"{middle.year:04d}-Q{quarter_of(middle)}", ctx)


def _someday(parsed: SpacyDoc, cand: Candidate) -> bool:
    """ "Islam will one day be the second largest religion": "one day" between a modal and its
    verb is an unnamed future time (TBAQ-cleaned: FUTURE_REF), not a day's length ("the
    strike will last one day")."""
    groups = cand.groups
    if groups.get("num", "").lower() != "one" or groups["unit"].lower() != "day" or "det" in groups:
        return False
    span = parsed.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    return parsed[span.start - 1].tag_ == "MD"


def _past_time_not_span(parsed: SpacyDoc, cand: Candidate) -> bool:
    """ "As the yen soared in recent years", "there were sell programs in past years": without
    the perfect, recent or past years are a past time (TimeML: DATE PAST_REF), not a span; the
    perfect makes them the span that reaches the present ("Kidnappings have risen in recent
    years": DURATION PXY). Weeks and months stay spans whatever the tense ("in recent weeks,
    sources reported": PXW). TBAQ-cleaned and MEANTIME dev halves: 7 of 7 years by this test."""
    if cand.groups["way"].lower() == "coming" or cand.groups["unit"].lower() not in _LONG_UNITS:
        return False
    verb = verb_of(parsed, cand.start, cand.end)
    return verb is not None and not any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children
    )


def _anchored(
    doc: Document, found: list[tuple[Candidate, Norm]], contexts: dict[int, Context]
) -> list[tuple[Candidate, Norm]]:
    """Anaphoric expressions re-anchored to the reference time, clock times to their day."""
    ref = Reference()
    out: list[tuple[Candidate, Norm]] = []
    for cand, norm in found:
        if cand.rule in ANAPHORIC_RULES and id(cand) in contexts:
            try:
                norm = resolve(cand.rule, cand.groups, norm, ref, contexts[id(cand)])
            except (OverflowError, ValueError) as exc:
                if not outside_calendar(exc):  # "the following year" after 9999: unresolved
                    raise
        ref.update(norm)
        out.append((cand, norm))
    sentences = [doc.sentence_at(cand.start).start for cand, _ in out]
    for i, (cand, norm) in enumerate(out):
        if cand.rule not in CLOCK_RULES or norm.granularity != "time":
            continue
        # a day, or a clock time given with its day ("at 4 in the morning (4 a.m. EDT
        # Thursday)")
        days = [
            (abs(other.start - cand.start), other_norm.earliest)
            for j, (other, other_norm) in enumerate(out)
            if sentences[j] == sentences[i]
            and (other_norm.granularity == "day" or other.rule == CLOCK_WITH_DAY)
            and other_norm.earliest is not None
        ]
        if days:
            out[i] = (cand, clock_day(norm, min(days)[1]))
    return out


#: the rule name of a clock time merged with the day that follows it: its day is its own
CLOCK_WITH_DAY = "clock_day"


def _clock_with_day(text: str, found: list[tuple[Candidate, Norm]]) -> list[tuple[Candidate, Norm]]:
    """ "noon Thursday", "10 p.m. Wednesday": a clock time followed by its day is one TIME
    (MEANTIME keeps "16:15 UTC , June 1st" apart)."""
    merged: list[tuple[Candidate, Norm]] = []
    for cand, norm in found:
        if merged:
            last, last_norm = merged[-1]
            if (
                last.rule in CLOCK_RULES
                and norm.granularity == "day"
                and not text[last.end : cand.start].strip()
            ):
                value = norm.value + last_norm.value[10:]
                span = Candidate(last.start, cand.end, CLOCK_WITH_DAY, last.groups)
                merged[-1] = (span, Norm("TIME", value, norm.earliest, norm.latest, "time"))
                continue
        merged.append((cand, norm))
    return merged
