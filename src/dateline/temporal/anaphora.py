"""Anaphoric expressions, resolved against the reference time: the last date the text named.

Most relative expressions in news are anchored to the document creation time ("last year",
"Tuesday"). Some point back to a time the text has just named instead: "On May 22, 1995 he was
made a general, and the following year ...", "a report released on the same day", "imports
that year", "the index ended the day at 7,114", "the second day of the offensive", "stocks rose for a fourth
straight week". HeidelTime (Strötgen & Gertz 2013, "Multilingual
and cross-domain temporal tagging", section 3.2: the reference time of news documents) resolves
these against the last mentioned expression of the granularity the expression needs, and the
DCT when there is none; :class:`Reference` keeps that state while the stage walks the chosen
expressions in text order.

A clock time without a day ("at 18:00 UTC") takes the day of a date in its own sentence ("the
plane took off Tuesday at 18:00 UTC", "at 16:15 UTC, June 1st"), else the DCT.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateline.temporal.calendar import add_months, week_value
from dateline.temporal.context import Context, Norm, date_norm
from dateline.words import word_map, word_set

_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_MONTH = re.compile(r"^(\d{4})-(\d\d)$")
_YEAR = re.compile(r"^(\d{4})(?:$|-(?:Q|H|W|SP|SU|FA|WI))")
#: words that make a unit expression point back: "the following year", "the previous day"
_BACKWARD: dict[str, int] = word_map("times", "anaphora.steps")
#: the rules whose value depends on the reference time
ANAPHORIC_RULES = frozenset({"anaphor", "ordinal_day", "the_day", "relative_unit", "ago"})
CLOCK_RULES = frozenset({"clock", "clock_words", "clock24", "noon"})


@dataclass
class Reference:
    """The last day, month and year the text has named (None until it names one)."""

    day: dt.date | None = None
    month: tuple[int, int] | None = None
    year: int | None = None

    def update(self, norm: Norm) -> None:
        """Remember ``norm`` as the latest mention of its granularity (and the coarser ones)."""
        if norm.type not in ("DATE", "TIME"):
            return
        value = norm.value
        if match := _DAY.match(value):
            try:
                day = dt.date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                return
            self.day, self.month, self.year = day, (day.year, day.month), day.year
        elif match := _MONTH.match(value):
            self.day, self.month, self.year = None, (int(match[1]), int(match[2])), int(match[1])
        elif match := _YEAR.match(value):
            self.day, self.month, self.year = None, None, int(match[1])

    def shifted(self, unit: str, steps: int, dct: dt.date) -> str:
        """The value of the referenced ``unit`` moved by ``steps`` (the DCT's when none)."""
        if unit in ("day", "week"):
            day = (self.day or dct) + dt.timedelta(days=steps if unit == "day" else 7 * steps)
            return day.isoformat() if unit == "day" else week_value(day)
        if unit == "month":
            year, month = self.month or (dct.year, dct.month)
            year, month = add_months(year, month, steps)
            return f"{year:04d}-{month:02d}"
        return f"{(self.year or dct.year) + steps:04d}"


def resolve(rule: str, groups: dict[str, str], norm: Norm, ref: Reference, ctx: Context) -> Norm:
    """``norm`` re-anchored to the reference time when its expression points back."""
    if rule == "the_day":
        return date_norm(ref.shifted("day", 0, ctx.dct), ctx)
    if rule == "anaphor" and "time" in groups:
        return _that_time(ref, ctx)
    if rule in ("anaphor", "ordinal_day"):
        return date_norm(ref.shifted(*_unit_steps(groups), ctx.dct), ctx)
    if rule == "ago":
        return _offset(groups, norm, ref, ctx)
    rel = (groups.get("rel") or "").lower()
    unit = groups.get("unit", "").lower()
    backward = rel in _BACKWARD and rel != "next" and unit in ("week", "month", "year")
    if rule == "relative_unit" and groups.get("the") and backward:
        # "the following year", "the previous month"
        return date_norm(ref.shifted(unit, _BACKWARD[rel], ctx.dct), ctx)
    return norm


#: offsets counted from the time the text last named ("In September 1998 ... a month
#: earlier"), not from the article date as "ago" and "from now" are (TimeML 1.2.1 guidelines:
#: the anchor of "earlier" is the reference time). "Three days later" is a DURATION of "three
#: days" in TBAQ-cleaned and MEANTIME (the grammar leaves "later" out of the extent).
_FROM_REFERENCE = {"earlier": -1}
_OFFSET_UNITS = frozenset({"day", "week", "month", "year", "decade"})
#: "the next morning" steps by days
_DAY_PARTS = word_set("times", "anaphora.day_parts")


def _offset(groups: dict[str, str], norm: Norm, ref: Reference, ctx: Context) -> Norm:
    """ "In September 1998 ... A month earlier": August 1998; with nothing named yet, or a
    number the words do not give ("months earlier"), the article-date reading stands."""
    from dateline.temporal.lexicon import number_value

    sign = _FROM_REFERENCE.get(groups.get("dir", "").lower())
    unit = groups.get("unit", "").lower().rstrip("s")
    number = number_value(groups.get("num", ""))
    if sign is None or unit not in _OFFSET_UNITS or number is None or norm.type != "DATE":
        return norm
    if ctx.quarter and unit == "year" and number == 1:
        return norm  # "a year earlier" in an earnings story: the quarter a year back
    if unit == "decade":
        unit, number = "year", number * 10
    known = {"day": ref.day, "week": ref.day, "month": ref.month, "year": ref.year}[unit]
    if known is None:
        return norm
    return date_norm(ref.shifted(unit, sign * number, ctx.dct), ctx)


def _that_time(ref: Reference, ctx: Context) -> Norm:
    """ "If a price is not agreed on by that time" after "by June 10": the time the text named
    last, at the finest granularity it gave (MEANTIME: DATE 2011-06-10); a past time of its own
    when it named none ("at that time", TimeML PAST_REF)."""
    if ref.day is not None:
        return date_norm(ref.day.isoformat(), ctx)
    if ref.month is not None:
        return date_norm(f"{ref.month[0]:04d}-{ref.month[1]:02d}", ctx)
    if ref.year is not None:
        return date_norm(f"{ref.year:04d}", ctx)
    return date_norm("PAST_REF", ctx)


def norm_anaphor(g: dict[str, str], ctx: Context) -> Norm:
    """ "that year", "the same day", "the next day": against the DCT until the stage re-anchors."""
    if "time" in g:
        return _that_time(Reference(), ctx)
    return date_norm(Reference().shifted(*_unit_steps(g), ctx.dct), ctx)


def _unit_steps(g: dict[str, str]) -> tuple[str, int]:
    """The unit of an anaphor and how many of them it steps from the reference time: "the
    next morning" one day on, "the year before" one year back, "that week" none."""
    unit = _day_unit((g.get("unit") or g.get("unit2") or g.get("unit3") or "").lower())
    steps = -1 if "before" in g else _BACKWARD.get(g.get("arel", "").lower(), 0)
    return unit, steps


def _day_unit(unit: str) -> str:
    """ "the next morning" is the next day (TBAQ-cleaned: a DATE of that day)."""
    return "day" if unit in _DAY_PARTS else unit


def clock_day(norm: Norm, day: dt.date) -> Norm:
    """A clock time moved onto ``day`` ("at 18:00 UTC" in a sentence about Tuesday)."""
    return Norm("TIME", day.isoformat() + norm.value[10:], day, day, "time")
