"""The context of normalisation: the article date, the tense, and the year rule they share.

A :class:`Context` is what a normalisation function knows besides the words it matched; a
:class:`Norm` is what it returns (a TIMEX3 type and value with day bounds and a granularity).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dateline.temporal.calendar import bounds

Tense = str | None  # "past" | "present" | "future" | None (no verb found)


@dataclass(frozen=True, slots=True)
class Context:
    dct: dt.date
    tense: Tense
    #: the quarter ("1989-Q3") that the document last named, for "the quarter", "a year ago"
    quarter: str | None = None


@dataclass(frozen=True, slots=True)
class Norm:
    type: str  # DATE | TIME | DURATION | SET
    value: str
    earliest: dt.date | None
    latest: dt.date | None
    granularity: str


def date_norm(value: str, ctx: Context, kind: str = "DATE") -> Norm:
    earliest, latest, granularity = bounds(value, ctx.dct)
    return Norm(kind, value, earliest, latest, granularity)


def period(kind: str, value: str, granularity: str) -> Norm:
    return Norm(kind, value, None, None, granularity)


#: how far (days) the tense may push an underspecified date away from the article date before
#: the nearest reading wins: news rarely names a day or month a whole year off without its year
_TENSE_REACH = 330
#: a month with no day is compared with the article date at its middle day
MID_MONTH_DAY = 15
#: February 29 in a year without one is compared as the 28th
LEAP_DAY_STANDIN = 28


def year_for(month: int, day: int, ctx: Context) -> int:
    """The year of an underspecified month (and day): by tense when near, else the nearest.

    HeidelTime's news rule (Strötgen & Gertz 2013): past tense → the latest one not after the
    article date, future → the next one not before it, otherwise the nearest. A wrong tense
    (a parse error, or a past-tense report of a scheduled event) would move it a year away, so
    the tense only decides within ``_TENSE_REACH`` days.
    """
    dct = ctx.dct
    options = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        try:
            options.append((dt.date(year, month, day or MID_MONTH_DAY), year))
        except ValueError:  # February 29
            options.append((dt.date(year, month, LEAP_DAY_STANDIN), year))
    if not day:  # a month: compare with the article's month
        options = [
            (d if (d.year, d.month) != (dct.year, dct.month) else dct, y) for d, y in options
        ]
    if ctx.tense == "past":
        past = [(d, y) for d, y in options if d <= dct]
        if past and (dct - past[-1][0]).days <= _TENSE_REACH:
            return past[-1][1]
    elif ctx.tense == "future":
        future = [(d, y) for d, y in options if d >= dct]
        if future and (future[0][0] - dct).days <= _TENSE_REACH:
            return future[0][1]
    return min(options, key=lambda o: abs((o[0] - dct).days))[1]
