"""Entity-ruler patterns: what dateline knows, overriding the statistical NER.

Each knowledge source contributes patterns here; :func:`dateline.nlp.load_nlp` adds them to an
entity ruler placed after spaCy's ``ner`` with ``overwrite_ents=True``.
"""

from __future__ import annotations

from typing import Any

from dateline.actor_table import actor_patterns
from dateline.countries import load_countries
from dateline.gazetteer import place_patterns


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


def entity_patterns() -> list[dict[str, Any]]:
    """All patterns, later sources winning ties (the ruler keeps the longest match)."""
    patterns = country_patterns()
    patterns.extend(place_patterns())
    patterns.extend(actor_patterns())
    return patterns
