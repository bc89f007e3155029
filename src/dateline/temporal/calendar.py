"""Calendar arithmetic on TIMEX3 values: day bounds, granularity, and shifting by units.

Bounds are inclusive days. Seasons use the meteorological seasons of the northern hemisphere
(spring = March to May, ...), since TIMEX3 does not fix them; a winter belongs to the year in
which it starts (TimeML 1.2.1 guidelines: "1998-WI").
"""

from __future__ import annotations

import datetime as dt
import re

Bounds = tuple[dt.date | None, dt.date | None]

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
_DAY_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(T.*)?$")
_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK_RE = re.compile(r"^(\d{4})-W(\d{1,2})(-WE)?$")
_PART_RE = re.compile(r"^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$")
_YEAR_RE = re.compile(r"^(?:FY)?(\d{4})$")
_DECADE_RE = re.compile(r"^(\d{3})X?$")
_CENTURY_RE = re.compile(r"^(\d{2})$")


def month_end(year: int, month: int) -> dt.date:
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def week_value(day: dt.date) -> str:
    """The ISO week of a day as a TIMEX3 value ("2025-W11")."""
    iso = day.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def decade_value(tens: int) -> str:
    """The TIMEX3 value of a decade from its first three digits: "199" for the 1990s, as in the
    TimeML 1.2.1 guidelines. Part of TBAQ-cleaned writes "199X" (the 4 decades of its
    development half, from 2 documents); that did not carry over to the held-out halves (value
    F1 fell there), so the guidelines' form stays. :func:`bounds` reads both."""
    return f"{tens:03d}"


def bounds(value: str, dct: dt.date) -> tuple[dt.date | None, dt.date | None, str]:
    """(earliest, latest, granularity) for a TIMEX3 DATE/TIME value; (None, None, ...) if unknown."""
    try:
        return _bounds(value, dct)
    except ValueError:  # e.g. February 30 in a malformed date
        return None, None, "unknown"


def _bounds(value: str, dct: dt.date) -> tuple[dt.date | None, dt.date | None, str]:
    if value == "PAST_REF":
        return None, dct, "vague"
    if value == "FUTURE_REF":
        return dct, None, "vague"
    if value == "PRESENT_REF":
        return dct, dct, "vague"
    if match := _DAY_RE.match(value):
        day = dt.date(int(match[1]), int(match[2]), int(match[3]))
        return day, day, "time" if match[4] else "day"
    if match := _MONTH_RE.match(value):
        year, month = int(match[1]), int(match[2])
        return dt.date(year, month, 1), month_end(year, month), "month"
    if match := _WEEK_RE.match(value):
        monday = dt.date.fromisocalendar(int(match[1]), int(match[2]), 1)
        if match[3]:
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), "weekend"
        return monday, monday + dt.timedelta(days=6), "week"
    if match := _PART_RE.match(value):
        year, part = int(match[1]), match[2]
        if part[0] == "Q":
            first = (int(part[1]) - 1) * 3 + 1
            return dt.date(year, first, 1), month_end(year, first + 2), "quarter"
        if part[0] == "H":
            first = 1 if part == "H1" else 7
            return dt.date(year, first, 1), month_end(year, first + 5), "half"
        start, stop = _SEASON_MONTHS[part]
        end_year, end_month = add_months(year, stop, 0) if stop <= 12 else (year + 1, stop - 12)
        return dt.date(year, start, 1), month_end(end_year, end_month), "season"
    if match := _YEAR_RE.match(value):
        year = int(match[1])
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
    if match := _DECADE_RE.match(value):
        year = int(match[1]) * 10
        return dt.date(year, 1, 1), dt.date(year + 9, 12, 31), "decade"
    if match := _CENTURY_RE.match(value):
        year = int(match[1]) * 100
        return dt.date(max(1, year), 1, 1), dt.date(year + 99, 12, 31), "century"
    return None, None, "unknown"
