"""Entity-ruler patterns: what dateline knows, overriding the statistical NER.

Each knowledge source contributes patterns here; :func:`dateline.nlp.load_nlp` adds them to an
entity ruler placed after spaCy's ``ner`` with ``overwrite_ents=True``. The actors stage
reads the entities with the organisation names the ruler cut put back together
(:func:`dateline.actors.entities.joined_entities`).
"""

from __future__ import annotations

import csv
from importlib import resources
from typing import TYPE_CHECKING, Any

from dateline.actor_table import actor_patterns
from dateline.countries import load_countries
from dateline.gazetteer import place_patterns

if TYPE_CHECKING:
    pass


def country_patterns() -> list[dict[str, Any]]:
    patterns: list[dict[str, Any]] = []
    for country in load_countries():
        for name in country.names:
            patterns.append({"label": "GPE", "pattern": name, "id": country.alpha3})
        for capital in country.capitals:
            patterns.append({"label": "GPE", "pattern": capital, "id": country.alpha3})
        for demonym in country.demonyms:
            if demonym.isupper() or "." in demonym:
                continue  # "US" and "U.S." are names first; the actors stage reads them as demonyms
            patterns.append({"label": "NORP", "pattern": demonym, "id": country.alpha3})
    return patterns


def region_alias_patterns() -> list[dict[str, Any]]:
    """The other spellings of ``data/regions.csv``'s regions ("Donbass" for Donbas).

    The gazetteer's patterns cover each region's own name; its aliases resolve in the places
    stage but, without a pattern, the small model tags "Donbass" as a PERSON (the Kremlin's
    spelling: a "person" in 107 of 816 Kremlin press releases before this pattern).
    """
    patterns: list[dict[str, Any]] = []
    source = resources.files("dateline.data").joinpath("regions.csv")
    with source.open(encoding="utf-8") as fh:
        for row in csv.DictReader(line for line in fh if not line.startswith("#")):
            label = "GPE" if row["feature"] == "country" else "LOC"
            for alias in (row.get("aliases") or "").split("|"):
                alias = alias.strip()
                if alias[:1].isupper() and len(alias) >= 4:  # "the Balkans" is the NER's own
                    patterns.append({"label": label, "pattern": alias})
    return patterns


def entity_patterns() -> list[dict[str, Any]]:
    """All patterns, later sources winning ties (the ruler keeps the longest match)."""
    patterns = country_patterns()
    patterns.extend(place_patterns())
    patterns.extend(region_alias_patterns())
    patterns.extend(actor_patterns())
    return patterns
