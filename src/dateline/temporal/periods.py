"""Normalisation of calendar periods: quarters and halves, seasons, "the year", holidays.

Financial news names quarters and compares them with "a year ago"; TBAQ-cleaned (mostly Wall
Street Journal text) annotates those as the same quarter a year before, which
:func:`quarter_a_year_off` implements. Holidays are the US federal ones that newswire dates by
name (5 U.S.C. 6103) plus common observances.
"""

from __future__ import annotations

import datetime as dt

from dateline.temporal.calendar import decade_value, month_end, week_value
from dateline.temporal.context import Context, Norm, date_norm, year_for
from dateline.temporal.lexicon import MONTHS, NUMBERS, SEASONS
from dateline.words import word_map, word_set

_QUARTER_ORDINALS: dict[str, int] = word_map("times", "periods.quarter_ordinals")
_LATEST_WORDS = word_set("times", "periods.latest_words")
#: "last winter", "next spring": the words of shared.shift that point back or forward (shared
#: with dateline.temporal.normalize: months and weekdays)
BACKWARD_WORDS = frozenset(w for w, step in word_map("times", "shared.shift").items() if step < 0)
FORWARD_WORDS = frozenset(w for w, step in word_map("times", "shared.shift").items() if step > 0)


#: calendar facts
QUARTERS_PER_YEAR = 4
HALVES_PER_YEAR = 2


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def norm_quarter(g: dict[str, str], ctx: Context) -> Norm:
    ordinal = g["ord"].lower()
    number = _QUARTER_ORDINALS.get(ordinal, 4)
    half = g["unit"].lower() == "half"
    if half:
        number = 1 if number == 1 else 2
    current = quarter_of(ctx.dct) if not half else (1 if ctx.dct.month <= 6 else 2)
    qrel, yrel = g.get("qrel", "").lower(), g.get("yrel", "").lower()
    if "year" in g or "qyear" in g:  # "the third quarter of 1988", "the 1988 third quarter"
        year = int(g.get("year") or g["qyear"])
    elif qrel.startswith("last") or qrel.startswith("year-") or yrel == "last":
        year = ctx.dct.year - 1
    elif qrel.startswith("next") or yrel == "next":
        year = ctx.dct.year + 1
    elif qrel or yrel:
        year = ctx.dct.year
    elif ctx.tense == "past" and number > current:
        # a later quarter in the past tense is last year's when that one is nearer: "reported
        # a loss in the fourth quarter" in February; in August "the closure of plants during
        # the fourth quarter" is this year's, announced (MEANTIME)
        parts = HALVES_PER_YEAR if half else QUARTERS_PER_YEAR
        back, ahead = current + parts - number, number - current
        year = ctx.dct.year - 1 if back <= ahead else ctx.dct.year
    else:
        year = ctx.dct.year
    return date_norm(f"{year:04d}-{'H' if half else 'Q'}{number}", ctx)


#: the ordinal a quarter's or half's number stands for ("Q3" is the third quarter)
_CODE_ORDINALS = {1: "1st", 2: "2nd", 3: "3rd", 4: "4th"}


def norm_quarter_code(g: dict[str, str], ctx: Context) -> Norm | None:
    """ "Q3", "H1 2024": as "the third quarter", "the first half of 2024"."""
    half, number = g["code"].lower() == "h", int(g["n"])
    if half and number > HALVES_PER_YEAR:
        return None  # "H3" is no half
    words = {"ord": _CODE_ORDINALS[number], "unit": "half" if half else "quarter"}
    return norm_quarter({**words, **({"year": g["year"]} if "year" in g else {})}, ctx)


def norm_two_quarters(g: dict[str, str], ctx: Context) -> Norm:
    """ "the first two quarters of 1990" = 1990-H1, "the last two quarters" the second half."""
    words = {"ord": _CODE_ORDINALS[1 if g["which"].lower() == "first" else 2], "unit": "half"}
    return norm_quarter({**words, **({"year": g["year"]} if "year" in g else {})}, ctx)


def norm_this_quarter(g: dict[str, str], ctx: Context) -> Norm:
    words = g["q"].lower().split()
    year, quarter = ctx.dct.year, quarter_of(ctx.dct)
    if "qyear" in g:  # "the 1988 period": the quarter under discussion, in that year
        if ctx.quarter is None:
            return date_norm(g["qyear"], ctx)
        return date_norm(f"{g['qyear']}-Q{ctx.quarter[-1]}", ctx)
    if words[1] in _LATEST_WORDS:  # the last completed quarter (TBAQ: 10 of 15)
        year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    elif ctx.quarter and words[0] == "the" and words[-1] == "period":
        year, quarter = int(ctx.quarter[:4]), int(ctx.quarter[-1])
    elif words[0] in ("this", "current") or "current" in words:
        pass
    elif words[0] == "next":
        year, quarter = (year, quarter + 1) if quarter < 4 else (year + 1, 1)
    elif ctx.quarter and words[0] == "the":  # "the quarter" = the one the story is about
        year, quarter = int(ctx.quarter[:4]), int(ctx.quarter[-1])
    else:  # "last quarter", "the latest quarter": the last completed one
        year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    if "back" in g:  # "the same period last year"
        year -= 1
    return date_norm(f"{year:04d}-Q{quarter}", ctx)


_WEEK_ORDINALS: dict[str, int] = word_map("times", "periods.week_ordinals")
#: the day of a seven-day block that names its ISO week: the middle one, as ISO 8601 names a
#: year's first week by the week that holds January 4
WEEK_MIDDLE_DAY = 4
#: a calendar fact
DAYS_PER_WEEK = 7


def norm_month_week(g: dict[str, str], ctx: Context) -> Norm:
    """ "the third week of January", "the last week of March" (MEANTIME: 2009-W13): the ISO
    week that holds the middle day of the month's nth seven days (counted back from its end
    for "last"); the month's year by tense when not given."""
    month = MONTHS[g["month"].rstrip(".").lower()]
    year = int(g["year"]) if "year" in g else year_for(month, 0, ctx)
    nth = _WEEK_ORDINALS[g["ord"].lower()]
    if nth < 0:
        day = month_end(year, month) - dt.timedelta(days=WEEK_MIDDLE_DAY - 1)
    else:
        day = dt.date(year, month, DAYS_PER_WEEK * (nth - 1) + WEEK_MIDDLE_DAY)
    return date_norm(week_value(day), ctx)


#: the last month of each season but winter (meteorological seasons, as the values' bounds)
SEASON_LAST_MONTH = {"SP": 5, "SU": 8, "FA": 11, "WI": 12}


def norm_season(g: dict[str, str], ctx: Context) -> Norm | None:
    word = g["season"].lower()
    rel = (g.get("rel") or "").split()[0].lower() if g.get("rel") else ""
    if word == "fall" and not (rel or "year" in g or "t" in g):
        return None  # "the fall of the Berlin Wall", "a fall in prices" (but "in the fall")
    code = SEASONS[word]
    order = ["SP", "SU", "FA", "WI"]
    current = order[(ctx.dct.month - 3) % 12 // 3]
    year = ctx.dct.year if ctx.dct.month > 2 else ctx.dct.year - 1  # January is last year's winter
    words = (g.get("rel") or "").lower().split()
    if words[1:]:  # "this past summer", "this coming spring"
        rel = words[1]
    if "year" in g:
        year = int(g["year"])
    elif (rel == "this" or not (rel or ctx.tense)) and code != "WI":
        year = ctx.dct.year  # "this summer" in February is the coming one, of this year
        over = ctx.dct.month > SEASON_LAST_MONTH[code]
        if rel == "this" and ctx.tense == "future" and over:
            year += 1  # in December, what "this spring" will bring is next year's spring
    elif rel in BACKWARD_WORDS:
        year -= order.index(code) >= order.index(current)
    elif not rel and ctx.tense == "past":  # the current season counts as this year's
        year -= order.index(code) > order.index(current)
    elif rel in FORWARD_WORDS:
        year += order.index(code) <= order.index(current)
    elif not rel and ctx.tense == "future":
        year += order.index(code) < order.index(current)
    return date_norm(f"{year:04d}-{code}", ctx)


def quarter_a_year_off(ctx: Context, sign: int) -> Norm:
    """In an earnings story "a year ago" is the same quarter a year before (TBAQ convention)."""
    assert ctx.quarter is not None
    return date_norm(f"{int(ctx.quarter[:4]) + sign:04d}{ctx.quarter[4:]}", ctx)


def norm_year_earlier(g: dict[str, str], ctx: Context) -> Norm:
    if ctx.quarter:
        return quarter_a_year_off(ctx, -1)
    return date_norm(f"{ctx.dct.year - 1:04d}", ctx)


def norm_the_year(g: dict[str, str], ctx: Context) -> Norm:
    """ "the year", "the fiscal year", "year-end": the article's year (its first weeks: the last)."""
    if "ended" in g:  # "the year ended March 31": a twelve-month period (TBAQ: 7 of 8)
        return Norm("DURATION", "P1Y", None, None, "duration")
    past = ctx.tense == "past" and ctx.dct.month == 1 and "current" not in g
    return date_norm(f"{ctx.dct.year - past:04d}", ctx)  # "the current year" is this one


def norm_year_end(g: dict[str, str], ctx: Context) -> Norm:
    """ "by year-end": December 31 (TBAQ-cleaned); in the past tense the last one passed."""
    year = ctx.dct.year - 1 if ctx.tense == "past" and ctx.dct.month < 12 else ctx.dct.year
    return date_norm(f"{year:04d}-12-31", ctx)


def norm_weekend(g: dict[str, str], ctx: Context) -> Norm:
    """ "the weekend": the coming one for the future tense, else the last one begun by the DCT."""
    weekday = ctx.dct.isoweekday()
    if ctx.tense == "future" and weekday < 6:
        saturday = ctx.dct + dt.timedelta(days=6 - weekday)
    else:
        saturday = ctx.dct - dt.timedelta(days=(weekday - 6) % 7)
    return date_norm(week_value(saturday) + "-WE", ctx)


_SPELLED: dict[str, int] = word_map("times", "periods.spelled_teens")


def norm_spelled_year(g: dict[str, str], ctx: Context) -> Norm:
    """Broadcast transcripts spell years: "nineteen ninety-six", "the year two thousand"."""
    if "tens" in g:
        tens = g["tens"].lower()
        year = (
            1900
            + _SPELLED.get(tens, NUMBERS.get(tens, 0))
            + NUMBERS.get(g.get("ones", "").lower(), 0)
        )
    else:
        year = 2000 + NUMBERS.get(g.get("ones2", "").lower(), 0)
    if "month" in g:  # "January nineteen ninety-seven"
        return date_norm(f"{year:04d}-{MONTHS[g['month'].rstrip('.').lower()]:02d}", ctx)
    return date_norm(f"{year:04d}", ctx)


#: decades in words, with the decade's tens
_DECADE_WORDS: dict[str, int] = word_map("times", "periods.decade_words")


def norm_spelled_decade(g: dict[str, str], ctx: Context) -> Norm:
    """ "the nineties": the latest such decade that has begun by the article date."""
    tens = _DECADE_WORDS[g["tens"].lower()]
    century = ctx.dct.year // 100 - (tens * 10 > ctx.dct.year % 100)
    return date_norm(decade_value(int(f"{century}{tens}")), ctx)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The nth (1-based; -1 = last) ISO weekday of a month."""
    if nth < 0:
        day = dt.date(year, month + 1, 1) - dt.timedelta(days=1)
        return day - dt.timedelta(days=(day.isoweekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))


#: US federal and common holidays: fixed (month, day) or (month, ISO weekday, nth)
_HOLIDAYS: dict[str, tuple[int, ...]] = {
    name: tuple(rule) for name, rule in word_map("times", "periods.holidays").items()
}


def norm_holiday(g: dict[str, str], ctx: Context) -> Norm:
    """A holiday by name: the one the tense points to, or with "last"/"next" the latest one
    before the article date / the first one after it ("last Thanksgiving" in January 2000 is
    1999's)."""
    name = " ".join(g["holiday"].lower().split())
    if name == "election day":  # US: the Tuesday after the first Monday of November
        rule: tuple[int, ...] = (11, 1, 1)
    else:
        rule = _HOLIDAYS[name]
    rel = g.get("rel", "").lower()
    if rel in ("last", "next"):
        days = [
            _holiday_day(name, rule, year) for year in range(ctx.dct.year - 1, ctx.dct.year + 2)
        ]
        before = [d for d in days if d < ctx.dct]
        after = [d for d in days if d > ctx.dct]
        return date_norm((before[-1] if rel == "last" else after[0]).isoformat(), ctx)
    year = year_for(rule[0], 1 if len(rule) == 3 else rule[1], ctx)
    return date_norm(_holiday_day(name, rule, year).isoformat(), ctx)


def _holiday_day(name: str, rule: tuple[int, ...], year: int) -> dt.date:
    if len(rule) == 2:
        return dt.date(year, rule[0], rule[1])
    day = _nth_weekday(year, rule[0], rule[1], rule[2])
    return day + dt.timedelta(days=1) if name == "election day" else day
