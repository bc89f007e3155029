"""National bodies named without their country: "the State Department", "the Home Office".

A body whose name words are all generic has a country only from outside its name. Two sources,
in this order (issue 11):

1. ``data/national_bodies.csv``: names that belong to one state in English-language news
   ("the Pentagon" is the United States', "the Kremlin" Russia's), with their PLOVER sector;
2. the article's only country (``anaphora.context_country``), for a state body every state has
   ("the Foreign Ministry", "the Ministry of Defence" in a Kremlin readout): a ministry or
   department, whose sector is GOV.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from dateline.words import word_set

STATE_BODY_WORDS = word_set("actors", "bodies.state_body_words")
#: the head nouns that make a name of those words a state body
STATE_BODY_HEADS = frozenset({"ministry", "department"}) & STATE_BODY_WORDS


class Body(NamedTuple):
    name: str
    country: str
    sector: str


_LEADING_THE = re.compile(r"^the\s+", flags=re.I)


def _key(name: str) -> str:
    return _LEADING_THE.sub("", " ".join(name.replace("’", "'").split())).casefold()


@lru_cache(maxsize=1)
def _bodies() -> dict[str, Body]:
    found: dict[str, Body] = {}
    with (
        resources.files("dateline.data")
        .joinpath("national_bodies.csv")
        .open(encoding="utf-8") as fh
    ):
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    for row in rows:
        body = Body(row["name"], row["country"], row["sector"])
        for name in [row["name"], *filter(None, row["aliases"].split("|"))]:
            found.setdefault(_key(name), body)
    return found


def national_body(name: str) -> Body | None:
    """The table's body of that name ("the Home Office" -> GBR/GOV), or None."""
    return _bodies().get(_key(name))


def every_states_body(name: str) -> bool:
    """Whether ``name`` is a body every state has ("the Foreign Ministry", "the Ministry of
    Defence"): its words are all a cabinet portfolio's, a ministry or department among them."""
    words = _key(name).split()
    return bool(words) and set(words) <= STATE_BODY_WORDS and bool(set(words) & STATE_BODY_HEADS)
