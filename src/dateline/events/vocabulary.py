"""The pinned PLOVER vocabulary (``plover-v1``) and the CAMEO code of a PLOVER type and mode.

Types, quad classes, modes and the conflict/cooperation scores come from the PLOVER manual
(openeventdata/PLOVER, CC BY-SA 4.0) as pinned in ``data/plover-v1.json``; the score of an event is
the manual's "PLOVER conflict--cooperation scores" table entry for its type and mode (the type's
score when the mode has none). These PLOVER scores were derived by the PLOVER team from the CAMEO
Goldstein scale (Goldstein 1992), so they play the Goldstein role for GDELT-style exports.

CAMEO codes come from ``data/cameo2plover.csv`` (derived from CAMEO2PLOVER-2021.txt): the CAMEO
code of a type and mode is the first (most general) CAMEO code that maps to them.
"""

from __future__ import annotations

import csv
import functools
import json
from dataclasses import dataclass
from importlib import resources

VOCABULARY_VERSION = "plover-v1"


@dataclass(frozen=True, slots=True)
class PloverType:
    name: str
    quad: int
    score: float
    modes: dict[str, float | None]
    manual: str


@functools.cache
def plover_types() -> dict[str, PloverType]:
    """The 16 PLOVER types of ``plover-v1``, by name."""
    raw = json.loads(resources.files("dateline.data").joinpath("plover-v1.json").read_text("utf-8"))
    return {
        name: PloverType(
            name, entry["quad"], float(entry["score"]), dict(entry["modes"]), entry["manual"]
        )
        for name, entry in raw["types"].items()
    }


def quad_of(event_type: str) -> int:
    return plover_types()[event_type].quad


def score_of(event_type: str, mode: str | None) -> float:
    """The PLOVER score of a type and mode (manual table), the type's score for no/unscored mode."""
    entry = plover_types()[event_type]
    value = entry.modes.get(mode) if mode else None
    return float(value) if value is not None else entry.score


@functools.cache
def _cameo_table() -> list[tuple[str, str, str]]:
    text = resources.files("dateline.data").joinpath("cameo2plover.csv").read_text("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return [(row["cameo"], row["plover"], row["mode"]) for row in csv.DictReader(lines)]


@functools.cache  # asked for every event; the table is read once per process
def cameo_of(event_type: str, mode: str | None) -> str | None:
    """The most general CAMEO code mapped to this type and mode, else to the type alone."""
    table = _cameo_table()
    if mode:
        for code, plover, cameo_mode in table:
            if plover == event_type and cameo_mode == mode:
                return code
    candidates = [
        code for code, plover, cameo_mode in table if plover == event_type and not cameo_mode
    ]
    candidates = candidates or [code for code, plover, _ in table if plover == event_type]
    return min(candidates, key=lambda code: (len(code), code)) if candidates else None
