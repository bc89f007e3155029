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
def _table() -> tuple[tuple[re.Pattern[str], str], ...]:
    text = resources.files("dateline.data").joinpath("historical_events.csv").read_text("utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    return tuple(
        (
            re.compile(r"\b" + row["pattern"].replace(" ", r"\s+") + r"\b", re.IGNORECASE),
            row["value"],
        )
        for row in rows
    )


def historical_events(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, TIMEX3 value) of every mention of a tabled historical event."""
    for pattern, value in _table():
        for match in pattern.finditer(text):
            yield match.start(), match.end(), value
