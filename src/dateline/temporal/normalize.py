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
from dataclasses import dataclass

from dateline.temporal.calendar import add_months, bounds, week_value
from dateline.temporal.lexicon import (
    MONTHS,
    PARTS_OF_DAY,
    SEASONS,
    VAGUE,
    WEEKDAYS,
    number_value,
)

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


def _year_for(month: int, day: int, ctx: Context) -> int:
    """The year of an underspecified month (and day), by the tense (HeidelTime's news rule)."""
    here = (ctx.dct.month, ctx.dct.day if day else 0)
    there = (month, day)
    if ctx.tense == "past" and there > here:
        return ctx.dct.year - 1
    if ctx.tense == "future" and there < here:
        return ctx.dct.year + 1
    return ctx.dct.year


def _year(text: str, ctx: Context) -> int:
    year = int(text)
    if len(text) == 2:  # "3/14/98": the century nearest to the DCT
        year += (ctx.dct.year // 100) * 100
        if year > ctx.dct.year + 20:
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
    year = _year(g["year"], ctx) if "year" in g else _year_for(month, day, ctx)
    value = _day(year, month, day)
    return date_norm(value, ctx) if value else None


def norm_month_year(g: dict[str, str], ctx: Context) -> Norm:
    month = MONTHS[g["month"].rstrip(".").lower()]
    return date_norm(f"{int(g['year']):04d}-{month:02d}", ctx)


def norm_month(g: dict[str, str], ctx: Context) -> Norm | None:
    word = g["month"].rstrip(".").lower()
    if word in ("may", "mar", "jan", "sep", "sept") and not (g.get("rel") or g.get("mod")):
        return None  # "may" the modal, "Mar" a name; the full dates are other rules
    month = MONTHS[word]
    rel = (g.get("rel") or "").split()[0] if g.get("rel") else ""
    if rel in ("last", "past", "previous"):
        year = ctx.dct.year if month < ctx.dct.month else ctx.dct.year - 1
    elif rel in ("next", "coming", "following"):
        year = ctx.dct.year if month > ctx.dct.month else ctx.dct.year + 1
    else:
        year = _year_for(month, 0, ctx)
    return date_norm(f"{year:04d}-{month:02d}", ctx)


def norm_weekday(g: dict[str, str], ctx: Context) -> Norm:
    name = g["weekday"].lower()
    if name.endswith("s") and name.rstrip("s") in WEEKDAYS:  # "on Tuesdays": a SET
        return period("SET", f"XXXX-WXX-{WEEKDAYS[name.rstrip('s')]}", "set")
    target = WEEKDAYS[name]
    today = ctx.dct.isoweekday()
    rel = (g.get("rel") or "").split()[0] if g.get("rel") else ""
    if rel in ("next", "coming", "following"):
        delta = (target - today) % 7 or 7
    elif rel in ("last", "past", "previous"):
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


def norm_year(g: dict[str, str], ctx: Context) -> Norm | None:
    year = int(g["year"])
    if year > ctx.dct.year + 30:
        return None  # a number rather than a year ("2500 troops")
    return date_norm(f"{year:04d}", ctx)


def norm_decade(g: dict[str, str], ctx: Context) -> Norm:
    text = g["decade"]
    if text.startswith("'"):
        century = (
            ctx.dct.year // 100
            if int(text[1]) * 10 <= ctx.dct.year % 100
            else ctx.dct.year // 100 - 1
        )
        text = f"{century}{text[1]}0"
    return date_norm(text[:3], ctx)


def norm_century(g: dict[str, str], ctx: Context) -> Norm:
    return date_norm(f"{int(g['century']) - 1:02d}", ctx)


def _quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def norm_quarter(g: dict[str, str], ctx: Context) -> Norm:
    ordinal = g["ord"].lower()
    number = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}.get(ordinal, 4)
    half = g["unit"].lower() == "half"
    if half:
        number = 1 if number == 1 else 2
    current = _quarter_of(ctx.dct) if not half else (1 if ctx.dct.month <= 6 else 2)
    qrel, yrel = g.get("qrel", "").lower(), g.get("yrel", "").lower()
    if "year" in g:
        year = int(g["year"])
    elif qrel.startswith("last") or qrel.startswith("year-") or yrel == "last":
        year = ctx.dct.year - 1
    elif qrel.startswith("next") or yrel == "next":
        year = ctx.dct.year + 1
    elif qrel or yrel:
        year = ctx.dct.year
    elif ctx.tense == "past" and number >= current:
        year = ctx.dct.year - 1 if number > current else ctx.dct.year
    else:
        year = ctx.dct.year
    return date_norm(f"{year:04d}-{'H' if half else 'Q'}{number}", ctx)


def norm_this_quarter(g: dict[str, str], ctx: Context) -> Norm:
    words = g["q"].lower().split()
    year, quarter = ctx.dct.year, _quarter_of(ctx.dct)
    if words[0] in ("this", "current") or "current" in words:
        pass
    elif words[0] == "next":
        year, quarter = (year, quarter + 1) if quarter < 4 else (year + 1, 1)
    elif ctx.quarter and words[0] == "the":  # "the quarter" = the one the story is about
        year, quarter = int(ctx.quarter[:4]), int(ctx.quarter[-1])
    else:  # "last quarter", "the latest quarter": the last completed one
        year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    if "year-earlier" in words or "year-ago" in words:
        year -= 1
    return date_norm(f"{year:04d}-Q{quarter}", ctx)


def norm_season(g: dict[str, str], ctx: Context) -> Norm | None:
    word = g["season"].lower()
    rel = (g.get("rel") or "").split()[0] if g.get("rel") else ""
    if word == "fall" and not (rel or "year" in g):
        return None  # "the fall of the Berlin Wall", "a fall in prices"
    code = SEASONS[word]
    order = ["SP", "SU", "FA", "WI"]
    current = order[(ctx.dct.month - 3) % 12 // 3]
    year = ctx.dct.year if ctx.dct.month > 2 else ctx.dct.year - 1  # January is last year's winter
    if "year" in g:
        year = int(g["year"])
    elif rel in ("last", "past", "previous") or (not rel and ctx.tense == "past"):
        if order.index(code) >= order.index(current):
            year -= 1
    elif (rel in ("next", "coming", "following") or (not rel and ctx.tense == "future")) and (
        order.index(code) <= order.index(current)
    ):
        year += 1
    return date_norm(f"{year:04d}-{code}", ctx)


_SHIFT = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}


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
        return f"{dct.year // 10 + steps:03d}"
    if unit == "century":
        return f"{dct.year // 100 + steps:02d}"
    return f"{dct.year + steps:04d}"


def norm_relative_unit(g: dict[str, str], ctx: Context) -> Norm | None:
    unit = g["unit"].lower()
    rel = (g.get("rel") or "this").split()[0].lower()
    pos = g.get("pos", "").lower()
    if g.get("the") and rel == "past":  # "the past year" is a stretch of time (TBAQ: P1Y)
        return period("DURATION", duration_value(1, unit), "duration")
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
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    if number is None:
        return date_norm("PAST_REF" if sign < 0 else "FUTURE_REF", ctx)
    if unit in ("second", "minute", "hour"):
        return date_norm(ctx.dct.isoformat(), ctx)
    if unit == "decade":
        unit, number = "year", number * 10
    return date_norm(shifted(unit, sign * number, ctx), ctx)


def duration_value(number: int | None, unit: str) -> str:
    letter = {"second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
              "weekend": "WE", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE",
              "century": "CE"}[unit]  # fmt: skip
    if unit == "decade" and number is not None:
        letter, number = "Y", number * 10  # TBAQ annotates "two decades" as P20Y
    amount = "X" if number is None else str(number)
    return f"PT{amount}{letter}" if unit in ("second", "minute", "hour") else f"P{amount}{letter}"


def norm_duration(g: dict[str, str], ctx: Context) -> Norm | None:
    unit = g["unit"].lower().rstrip("s")
    unit = "century" if unit == "centurie" else unit
    word = g["num"].lower()
    number = number_value(word)
    if word in ("a", "an", "one") and not (g.get("det") or g.get("adj")) and unit == "weekend":
        return None
    if number is None and word not in VAGUE:
        return None
    return period("DURATION", duration_value(number, unit), "duration")


def norm_vague_units(g: dict[str, str], ctx: Context) -> Norm:
    return period("DURATION", duration_value(None, g["unit"].lower()), "duration")


_DEICTIC = {
    "today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
}  # fmt: skip
_PRESENT = ("now", "nowadays", "currently", "presently", "the time being", "at present", "current")
_FUTURE = ("the near future", "the future", "soon", "shortly", "the long term", "the near term",
           "the short term", "the coming")  # fmt: skip


def norm_deictic(g: dict[str, str], ctx: Context) -> Norm:
    word = " ".join(g["word"].lower().split())
    if word in _DEICTIC:
        day = ctx.dct + dt.timedelta(days=_DEICTIC[word])
        if word == "tonight":
            return Norm("TIME", f"{day.isoformat()}TNI", day, day, "time")
        return date_norm(day.isoformat(), ctx)
    if word in _PRESENT:
        return date_norm("PRESENT_REF", ctx)
    if word.startswith(_FUTURE):
        return date_norm("FUTURE_REF", ctx)
    return date_norm("PAST_REF", ctx)


def norm_part_of_day(g: dict[str, str], ctx: Context) -> Norm:
    anchor = g["anchor"].lower()
    pod = PARTS_OF_DAY[g["pod"].lower()]
    day = ctx.dct + dt.timedelta(days={"yesterday": -1, "tomorrow": 1, "last": -1}.get(anchor, 0))
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


def norm_noon(g: dict[str, str], ctx: Context) -> Norm:
    clock = "24:00" if g["word"].lower() == "midnight" else "12:00"
    return Norm("TIME", f"{ctx.dct.isoformat()}T{clock}", ctx.dct, ctx.dct, "time")


_ADVERB_SET = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M",
               "quarterly": "P1Q", "annually": "P1Y", "yearly": "P1Y", "annual": "P1Y",
               "hourly": "PT1H"}  # fmt: skip


def norm_set(g: dict[str, str], ctx: Context) -> Norm | None:
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
    "quarter": norm_quarter,
    "this_quarter": norm_this_quarter,
    "season": norm_season,
    "relative_unit": norm_relative_unit,
    "early_unit": norm_relative_unit,
    "ago": norm_ago,
    "duration": norm_duration,
    "vague_units": norm_vague_units,
    "vague_units_adj": norm_vague_units,
    "deictic": norm_deictic,
    "part_of_day": norm_part_of_day,
    "clock": norm_clock,
    "noon": norm_noon,
    "set": norm_set,
}


def normalize(rule: str, groups: dict[str, str], ctx: Context) -> Norm | None:
    return NORMALIZERS[rule](groups, ctx)
