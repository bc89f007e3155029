"""Well-known historical events used as dates, from ``data/historical_events.csv``.

"the end of the Second World War" is a date (1945) that no calendar rule can find; a small
table of such anchors, each with its source in the CSV, covers the ones news text repeats.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterator
from importlib import resources


@functools.cache
def _table() -> tuple[tuple[str, re.Pattern[str], str], ...]:
    text = resources.files("dateline.data").joinpath("historical_events.csv").read_text("utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    return tuple(
        (
            row["keyword"],
            re.compile(r"\b" + row["pattern"].lower().replace(" ", r"\s+") + r"\b"),
            row["value"],
        )
        for row in rows
    )


def historical_events(low: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, TIMEX3 value) of every tabled historical event in the lower-cased text."""
    for keyword, pattern, value in _table():
        if keyword not in low:  # a substring test is far cheaper than a regex scan
            continue
        for match in pattern.finditer(low):
            yield match.start(), match.end(), value
