"""Normalisation: a recognised expression, the article date and the tense → a TIMEX3 value.

Underspecified expressions ("Tuesday", "in January", "Oct. 23") are anchored to the document
creation time (DCT) in the direction the tense of the governing verb points to, as HeidelTime
does for news (Strötgen & Gertz 2013, "news-style documents"): past tense → the most recent one
not after the DCT, future → the next one not before it, otherwise the one in the DCT's own year
or week. Values follow TimeML 1.2.1 / TBAQ-cleaned: "1998-W06", "1998-Q1", "199" (1990s),
"P3Y", "PXM" (vague "months"), "PAST_REF", "PRESENT_REF", "FUTURE_REF", "XXXX-WXX-1" (SET).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from dateline.temporal.anaphora import _OFFSET_UNITS, norm_anaphor
from dateline.temporal.calendar import add_months, decade_value, week_value
from dateline.temporal.context import Context, Norm, date_norm, period, year_for
from dateline.temporal.lexicon import MONTHS, PARTS_OF_DAY, SEASONS, VAGUE, WEEKDAYS, number_value
from dateline.temporal.periods import (
    BACKWARD_WORDS,
    FORWARD_WORDS,
    norm_holiday,
    norm_month_week,
    norm_quarter,
    norm_quarter_code,
    norm_season,
    norm_spelled_decade,
    norm_spelled_year,
    norm_the_year,
    norm_this_quarter,
    norm_two_quarters,
    norm_weekend,
    norm_year_earlier,
    norm_year_end,
    quarter_a_year_off,
)
from dateline.words import word_map, word_seq, word_set

#: "may" the modal, "Mar" a name: a month only with a modifier or a day
_AMBIGUOUS_MONTHS = word_set("times", "normalize.ambiguous_months")
_BACKWARD_DIRECTIONS = word_set("times", "normalize.backward_directions")
_ONE_WORDS = word_set("times", "normalize.one_words")
_PART_OF_DAY_ANCHORS: dict[str, int] = word_map("times", "normalize.part_of_day_anchors")


def _year(text: str, ctx: Context) -> int:
    year = int(text)
    if len(text) == 2:  # "3/14/98": the century nearest to the DCT
        year += (ctx.dct.year // 100) * 100
        if year > ctx.dct.year + TWO_DIGIT_YEAR_AHEAD:
            year -= 100
    return year


def _day(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def norm_day(g: dict[str, str], ctx: Context) -> Norm | None:
    month_text = g["month"].rstrip(".").lower()
    month = MONTHS[month_text] if month_text in MONTHS else int(month_text)
    day = int(g["day"])
    yrel = g.get("yrel", "").lower()
    if "year" in g:
        year = _year(g["year"], ctx)
    elif yrel:  # "25 February last year"
        year = ctx.dct.year + {"last": -1, "next": 1}.get(yrel, 0)
    else:
        year = year_for(month, day, ctx)
    value = _day(year, month, day)
    return date_norm(value, ctx) if value else None


def norm_month_year(g: dict[str, str], ctx: Context) -> Norm:
    month = MONTHS[g["month"].rstrip(".").lower()]
    return date_norm(f"{int(g['year']):04d}-{month:02d}", ctx)


def norm_month(g: dict[str, str], ctx: Context) -> Norm | None:
    word = g["month"].rstrip(".").lower()
    if word in _AMBIGUOUS_MONTHS and not (g.get("rel") or g.get("mod") or "t" in g):
        return None  # "may" the modal, "Mar" a name; the full dates are other rules
    month = MONTHS[word]
    rel = (g.get("rel") or "").split()[0].lower() if g.get("rel") else ""
    yrel = g.get("yrel", "").lower()
    if yrel:  # "February this year", "July last year"
        year = ctx.dct.year + {"last": -1, "next": 1}.get(yrel, 0)
    elif rel == "this":
        year = ctx.dct.year
    elif rel in BACKWARD_WORDS:
        year = ctx.dct.year if month < ctx.dct.month else ctx.dct.year - 1
    elif rel in FORWARD_WORDS:
        year = ctx.dct.year if month > ctx.dct.month else ctx.dct.year + 1
    else:
        year = year_for(month, 0, ctx)
    return date_norm(f"{year:04d}-{month:02d}", ctx)


def norm_weekday(g: dict[str, str], ctx: Context) -> Norm:
    name = g["weekday"].lower()
    if (name.endswith("s") and name.rstrip("s") in WEEKDAYS) or "plural" in g:  # "on Tuesdays"
        pod = f"T{PARTS_OF_DAY[g['pod'].lower()]}" if "pod" in g else ""
        return period("SET", f"XXXX-WXX-{WEEKDAYS[name.rstrip('s')]}{pod}", "set")
    target = WEEKDAYS[name]
    today = ctx.dct.isoweekday()
    rel = (g.get("rel") or "").split()[0].lower() if g.get("rel") else ""
    if rel in FORWARD_WORDS:
        delta = (target - today) % 7 or 7
    elif rel in BACKWARD_WORDS:
        delta = -((today - target) % 7 or 7)
    elif rel == "this":
        delta = target - today
    elif ctx.tense == "future":
        delta = (target - today) % 7
    else:
        delta = -((today - target) % 7)
    day = ctx.dct + dt.timedelta(days=delta)
    if "pod" in g:
        value = f"{day.isoformat()}T{PARTS_OF_DAY[g['pod'].lower()]}"
        return Norm("TIME", value, day, day, "time")
    return date_norm(day.isoformat(), ctx)


#: A four-digit number with no temporal cue before it (grammar's ``bare``) is a year only this
#: close to the article's year: "WWDC 2005" in a 2005 article, "his unsuccessful 1996 campaign"
#: in a 1998 one (TBAQ-cleaned and MEANTIME annotate both), but not a phone number "1648" or
#: "2000 troops" in a 2025 article. The bare years of those two corpora's TIMEX3s are all
#: within 2 years of their article's.
BARE_YEAR_REACH = 10
#: a two-digit year is in the article's century unless that puts it more than this many years
#: after the article ("3/14/98" in a 2025 article is 1998, "3/14/31" is 2031)
TWO_DIGIT_YEAR_AHEAD = 20
#: a four-digit number more than this many years after the article's is a count, not a year
#: ("2500 troops"); plans and forecasts reach about a generation ahead
YEAR_AHEAD_MAX = 30


def norm_year(g: dict[str, str], ctx: Context) -> Norm | None:
    year = int(g["year"])
    if year > ctx.dct.year + YEAR_AHEAD_MAX:
        return None  # a number rather than a year ("2500 troops")
    if "bare" in g and abs(year - ctx.dct.year) > BARE_YEAR_REACH:
        return None  # a number with no temporal cue, far from the article's year ("call 1648")
    return date_norm(f"{year:04d}", ctx)


def norm_decade(g: dict[str, str], ctx: Context) -> Norm:
    text = g["decade"]
    if len(text.lstrip("'")) == 2:  # "the '90s", "the 70s": the latest such decade
        digit = text.lstrip("'")[0]
        century = ctx.dct.year // 100 - (int(digit) * 10 > ctx.dct.year % 100)
        text = f"{century}{digit}0"
    return date_norm(decade_value(int(text[:3])), ctx)


def norm_short_year(g: dict[str, str], ctx: Context) -> Norm:
    """ "since '82": the latest such year not after the article's."""
    year = (ctx.dct.year // 100) * 100 + int(g["yy"])
    return date_norm(f"{year - 100 if year > ctx.dct.year else year:04d}", ctx)


#: a calendar fact: two digits name a year within a century
YEARS_PER_CENTURY = 100


def norm_fiscal_short(g: dict[str, str], ctx: Context) -> Norm:
    """ "FY25", "FY'26": the year of those last two digits nearest the article's (a fiscal year
    is as often the coming one as the last)."""
    year = (ctx.dct.year // YEARS_PER_CENTURY) * YEARS_PER_CENTURY + int(g["yy"])
    options = (year - YEARS_PER_CENTURY, year, year + YEARS_PER_CENTURY)
    return date_norm(f"{min(options, key=lambda y: abs(y - ctx.dct.year)):04d}", ctx)


def norm_the_day(g: dict[str, str], ctx: Context) -> Norm:
    """ "ended the day", "late in the day": in news, the day of the report."""
    return date_norm(ctx.dct.isoformat(), ctx)


def norm_century(g: dict[str, str], ctx: Context) -> Norm:
    return date_norm(f"{int(g['century']) - 1:02d}", ctx)


_SHIFT: dict[str, int] = word_map("times", "shared.shift")


def shifted(unit: str, steps: int, ctx: Context) -> str:
    """The value of the DCT's week/month/year/... moved by ``steps`` units."""
    dct = ctx.dct
    if unit in ("day", "night"):
        return (dct + dt.timedelta(days=steps)).isoformat()
    if unit in ("week", "weekend"):
        value = week_value(dct + dt.timedelta(weeks=steps))
        return value + "-WE" if unit == "weekend" else value
    if unit == "month":
        year, month = add_months(dct.year, dct.month, steps)
        return f"{year:04d}-{month:02d}"
    if unit == "quarter":
        year, month = add_months(dct.year, dct.month, 3 * steps)
        return f"{year:04d}-Q{(month - 1) // 3 + 1}"
    if unit == "decade":
        return decade_value(dct.year // 10 + steps)
    if unit == "century":
        return f"{dct.year // 100 + steps:02d}"
    return f"{dct.year + steps:04d}"


#: "the past decade", "the next century": the span of that length up to or from the article
#: date (issue 14: a duration, not the calendar decade before or after the article's)
_SPAN_RELATIVES = word_set("times", "normalize.span_relatives")
_SPAN_UNIT_VALUES = {"decade": "P10Y", "century": "P100Y"}  # TBAQ-cleaned writes years


def norm_relative_unit(g: dict[str, str], ctx: Context) -> Norm | None:
    unit = g["unit"].lower()
    rel = (g.get("rel") or "this").split()[0].lower()
    if "the" in g and rel in _SPAN_RELATIVES and unit in _SPAN_UNIT_VALUES:
        return period("DURATION", _SPAN_UNIT_VALUES[unit], "duration")
    pos = g.get("pos", "").lower()
    value = shifted(unit, _SHIFT.get(rel, 0), ctx)
    norm = date_norm(value, ctx)
    if (
        pos == "earlier" and norm.earliest
    ):  # "earlier in the week": from its start to the day before
        latest = max(norm.earliest, ctx.dct - dt.timedelta(days=1))
        return Norm("DATE", value, norm.earliest, latest, norm.granularity)
    if pos == "later" and norm.latest:
        earliest = min(norm.latest, ctx.dct + dt.timedelta(days=1))
        return Norm("DATE", value, earliest, norm.latest, norm.granularity)
    return norm


def norm_ago(g: dict[str, str], ctx: Context) -> Norm | None:
    unit = g["unit"].lower().rstrip("s")
    number = number_value(g["num"])
    direction = g["dir"].lower()
    sign = -1 if direction in _BACKWARD_DIRECTIONS else 1
    if unit in ("second", "minute", "hour"):
        return date_norm(ctx.dct.isoformat(), ctx)  # "a few minutes ago": today
    if number is None:
        return date_norm("PAST_REF" if sign < 0 else "FUTURE_REF", ctx)
    if unit == "decade":
        unit, number = "year", number * 10
    if unit == "year" and number == 1 and ctx.quarter and direction != "from now":
        return quarter_a_year_off(ctx, sign)
    return date_norm(shifted(unit, sign * number, ctx), ctx)


#: minutes in half an hour: "5 1/2 hours" is PT5H30M (TBAQ-cleaned)
HALF_HOUR_MINUTES = 30


def duration_value(number: int | None, unit: str, *, half: bool = False) -> str:
    """The TIMEX3 value of a duration; ``half`` adds half a unit ("two and a half years" is
    P2.5Y in MEANTIME, "5 1/2 hours" PT5H30M in TBAQ-cleaned)."""
    if half and number is not None and unit == "hour":
        return f"PT{number}H{HALF_HOUR_MINUTES}M"
    letter = {"second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
              "weekend": "WE", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE",
              "century": "CE"}[unit]  # fmt: skip
    if unit == "decade":  # TBAQ annotates "two decades" as P20Y, "decades-long" as PXY
        letter, number, half = "Y", None if number is None else number * 10, False
    amount = "X" if number is None else f"{number}.5" if half else str(number)
    return f"PT{amount}{letter}" if unit in ("second", "minute", "hour") else f"P{amount}{letter}"


def norm_duration(g: dict[str, str], ctx: Context) -> Norm | None:
    unit = g["unit"].lower().rstrip("s")
    unit = "century" if unit == "centurie" else unit
    word = g["num"].lower()
    if unit == "quarter" and "plural" in g and "-" in g.get("sep", ""):
        return None  # "three-quarters of its food": a fraction
    if g.get("adj") == "-old" and word[:1].isdigit():
        return None  # "a 44-year-old protester": AP style gives ages in figures
    number = number_value(word)
    if word in _ONE_WORDS and not (g.get("det") or g.get("adj")) and unit == "weekend":
        return None
    if number is None and word not in VAGUE:
        return None
    return period("DURATION", duration_value(number, unit, half="half" in g), "duration")


#: a calendar fact
YEARS_PER_DECADE = 10


def offset_from_article(g: dict[str, str], ctx: Context) -> Norm | None:
    """ "will be redeemed in five years": the date that many units after the article date, at
    the unit's granularity; None for a vague number, a half, or "the next five years". The
    units are those of offsets from the reference time; hours and minutes stay durations ("in
    48 hours" bounds an event, see stages.times._within)."""
    unit = g["unit"].lower().rstrip("s")
    number = number_value(g["num"])
    if unit not in _OFFSET_UNITS or number is None or "half" in g or "det" in g or "adj" in g:
        return None
    if unit == "decade":  # "in two decades": the year twenty years on
        unit, number = "year", number * YEARS_PER_DECADE
    return date_norm(shifted(unit, number, ctx), ctx)


def norm_rate(g: dict[str, str], ctx: Context) -> Norm:
    """ "$1 billion a year": once a unit, a SET (TBAQ-cleaned: SET P1Y)."""
    return period("SET", duration_value(1, g["unit"].lower()), "set")


def norm_week_of(g: dict[str, str], ctx: Context) -> Norm | None:
    """ "the week of March 6": the ISO week that holds the day."""
    day = norm_day(g, ctx)
    return None if day is None or day.earliest is None else date_norm(week_value(day.earliest), ctx)


def norm_vague_units(g: dict[str, str], ctx: Context) -> Norm:
    return period("DURATION", duration_value(None, g["unit"].lower()), "duration")


_DEICTIC: dict[str, int] = word_map("times", "normalize.deictic_days")
_PRESENT = word_seq("times", "normalize.present_words")
_FUTURE = word_seq("times", "normalize.future_prefixes")


def norm_deictic(g: dict[str, str], ctx: Context) -> Norm:
    word = " ".join(g["word"].lower().split())
    if "then" in g:  # "the then current market price": the present of a past time
        return date_norm("PAST_REF", ctx)
    if word in _DEICTIC:
        day = ctx.dct + dt.timedelta(days=_DEICTIC[word])
        if word == "tonight":
            return Norm("TIME", f"{day.isoformat()}TNI", day, day, "time")
        return date_norm(day.isoformat(), ctx)
    if word in _PRESENT:
        return date_norm("PRESENT_REF", ctx)
    if word.startswith(_FUTURE):
        return date_norm("FUTURE_REF", ctx)
    if word.startswith("at the time"):  # a time the text is about: past unless said otherwise
        return date_norm("PRESENT_REF" if ctx.tense in ("present", "future") else "PAST_REF", ctx)
    return date_norm("PAST_REF", ctx)


def norm_part_of_day(g: dict[str, str], ctx: Context) -> Norm:
    """ "this morning", "yesterday afternoon", "mid-afternoon yesterday"."""
    anchor = (g.get("anchor") or g["anchor2"]).lower()
    pod = PARTS_OF_DAY[(g.get("pod") or g["pod2"]).lower()]
    day = ctx.dct + dt.timedelta(days=_PART_OF_DAY_ANCHORS.get(anchor, 0))
    return Norm("TIME", f"{day.isoformat()}T{pod}", day, day, "time")


def norm_clock(g: dict[str, str], ctx: Context) -> Norm | None:
    hour = int(g["hour"])
    if hour > 12:
        return None
    if g["ampm"].lower().startswith("p") and hour < 12:
        hour += 12
    elif g["ampm"].lower().startswith("a") and hour == 12:
        hour = 0
    minute = int(g.get("minute", "0"))
    day = ctx.dct
    return Norm("TIME", f"{day.isoformat()}T{hour:02d}:{minute:02d}", day, day, "time")


#: the first evening hour: "at 7 at night" is 19:00, "at 2 at night" 02:00
EVENING_FROM_HOUR = 6


def norm_clock_words(g: dict[str, str], ctx: Context) -> Norm | None:
    """ "at 4 in the morning" = 04:00, "at 3 in the afternoon" = 15:00."""
    hour, pod = int(g["hour"]), g["pod"].lower()
    after_noon = pod != "morning" and (pod != "night" or hour >= EVENING_FROM_HOUR)
    return norm_clock({**g, "ampm": "pm" if after_noon else "am"}, ctx)


def norm_clock24(g: dict[str, str], ctx: Context) -> Norm:
    value = f"{ctx.dct.isoformat()}T{int(g['hour']):02d}:{g['minute']}Z"
    return Norm("TIME", value, ctx.dct, ctx.dct, "time")


def norm_noon(g: dict[str, str], ctx: Context) -> Norm:
    clock = "24:00" if g["word"].lower() == "midnight" else "12:00"
    return Norm("TIME", f"{ctx.dct.isoformat()}T{clock}", ctx.dct, ctx.dct, "time")


_ADVERB_SET: dict[str, str] = word_map("times", "normalize.adverb_sets")


def norm_set_named(g: dict[str, str], ctx: Context) -> Norm:
    """ "each July" = XXXX-07, "every summer" = XXXX-SU (TimeML 1.2.1 guidelines, SET)."""
    if "month" in g:
        return period("SET", f"XXXX-{MONTHS[g['month'].rstrip('.').lower()]:02d}", "set")
    return period("SET", f"XXXX-{SEASONS[g['season'].lower()]}", "set")


def norm_set(g: dict[str, str], ctx: Context) -> Norm | None:
    if "annual" in g:  # "an annual loss": the loss of a year (MEANTIME: DURATION P1Y)
        return period("DURATION", "P1Y", "duration")
    if "adverb" in g:
        return period("SET", _ADVERB_SET[g["adverb"].lower()], "set")
    unit = (g.get("unit") or g.get("unit2") or "").lower()
    unit = unit[:-1] if unit.endswith("s") and unit[:-1] in WEEKDAYS else unit
    unit = "century" if unit.startswith("centur") else unit
    if unit.rstrip(".") in WEEKDAYS:
        return period("SET", f"XXXX-WXX-{WEEKDAYS[unit.rstrip('.')]}", "set")
    if unit not in ("second", "minute", "hour", "day", "night", "week", "weekend", "month",
                    "quarter", "year", "decade", "century"):  # fmt: skip
        return None
    number = g.get("num", "").lower()
    count = 2 if number == "other" else (number_value(number) if number else 1)
    return period("SET", duration_value(count, unit), "set")


NORMALIZERS: dict[str, Callable[[dict[str, str], Context], Norm | None]] = {
    "iso_date": norm_day,
    "numeric_date": norm_day,
    "month_day": norm_day,
    "day_month": norm_day,
    "month_year": norm_month_year,
    "month": norm_month,
    "weekday": norm_weekday,
    "year": norm_year,
    "decade": norm_decade,
    "century": norm_century,
    "short_year": norm_short_year,
    "fiscal_short": norm_fiscal_short,
    "the_day": norm_the_day,
    "anaphor": norm_anaphor,
    "ordinal_day": norm_anaphor,
    "quarter": norm_quarter,
    "quarter_code": norm_quarter_code,
    "two_quarters": norm_two_quarters,
    "this_quarter": norm_this_quarter,
    "season": norm_season,
    "season_fall": norm_season,
    "relative_unit": norm_relative_unit,
    "early_unit": norm_relative_unit,
    "ago": norm_ago,
    "duration": norm_duration,
    "range_start": norm_duration,
    "vague_units": norm_vague_units,
    "vague_units_adj": norm_vague_units,
    "vague_the_units": norm_vague_units,
    "vague_span": norm_vague_units,
    "rate": norm_rate,
    "week_of": norm_week_of,
    "month_week": norm_month_week,
    "deictic": norm_deictic,
    "part_of_day": norm_part_of_day,
    "clock": norm_clock,
    "clock_words": norm_clock_words,
    "clock24": norm_clock24,
    "year_earlier": norm_year_earlier,
    "the_year": norm_the_year,
    "year_end": norm_year_end,
    "weekend": norm_weekend,
    "month_prep": norm_month,
    "spelled_year": norm_spelled_year,
    "spelled_decade": norm_spelled_decade,
    "holiday": norm_holiday,
    "noon": norm_noon,
    "set": norm_set,
    "set_named": norm_set_named,
}


def normalize(rule: str, groups: dict[str, str], ctx: Context) -> Norm | None:
    """The TIMEX3 value of a match, or None when it has none (not a date after all, or one
    outside the years 1-9999 that Python's calendar and so dateline's records can hold)."""
    try:
        return NORMALIZERS[rule](groups, ctx)
    except (OverflowError, ValueError) as exc:
        if outside_calendar(exc):  # "the next day" after 9999-12-31
            return None
        raise


def outside_calendar(exc: Exception) -> bool:
    """Whether ``exc`` is date arithmetic leaving Python's calendar (years 1 to 9999)."""
    return isinstance(exc, OverflowError) or "out of range" in str(exc)
