"""Entity-ruler patterns: what dateline knows, overriding the statistical NER.

Each knowledge source contributes patterns here; :func:`dateline.nlp.load_nlp` adds them to an
entity ruler placed after spaCy's ``ner`` with ``overwrite_ents=True``. :func:`joined_entities`
reads the entities with the organisation names the ruler cut put back together.
"""

from __future__ import annotations

import csv
from importlib import resources
from typing import TYPE_CHECKING, Any

from dateline.actor_table import actor_patterns
from dateline.countries import load_countries
from dateline.gazetteer import place_patterns

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


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


#: what joins an institution to the country it belongs to: "Office of the President *of*
#: Ukraine", "Ministry of Defence *of the* Russian Federation"
_LINKS = (("of",), ("of", "the"))
_PLACE_LABELS = frozenset({"GPE", "LOC"})


def joined_entities(doc: Doc) -> list[Span]:
    """``doc.ents`` with "<institution> of <country>" as one ORG where the ruler or the NER split it.

    The ruler (``overwrite_ents``) takes the country out of the NER's longer ORG span, leaving
    "the Office of the President of" + "Ukraine" (140 mentions of an actor "Office of the
    President of" on the Kremlin/Zelenskyy press releases), and the small model itself often
    stops at "the Ministry of Foreign Affairs" before "of Russia". OntoNotes, which the model
    was trained on, annotates the whole name as one ORG, and the institution is a different
    actor from the country, so the actors stage reads the two as one when the ORG ends in
    "of"/"of the", or is a multi-word name followed by "of"/"of the", and the place comes right
    after. ``doc.ents`` itself is left alone: geoparsing corpora annotate the place inside such
    a name ("the Human Rights League of France" in TR-News), and the places stage reads it.
    The joined span carries no ruler id ("Security Council" of Russia is not the UN's).
    """
    from spacy.tokens import Span as SpacySpan

    ents = list(doc.ents)
    joined: list[Span] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        place = ents[i + 1] if i + 1 < len(ents) else None
        if place is not None and _joinable(doc, ent, place):
            joined.append(SpacySpan(doc, ent.start, place.end, label="ORG"))
            i += 2
            continue
        joined.append(ent)
        i += 1
    return joined


def _joinable(doc: Doc, org: Span, place: Span) -> bool:
    if org.label_ != "ORG" or place.label_ not in _PLACE_LABELS:
        return False
    words = [t.lower_ for t in org]
    inside = 0  # link words at the end of the ORG span
    while inside < len(words) and words[len(words) - 1 - inside] in {"of", "the"}:
        inside += 1
    link = (*words[len(words) - inside :], *(t.lower_ for t in doc[org.end : place.start]))
    if link not in _LINKS:
        return False
    name = [t for t in org[: len(words) - inside] if t.lower_ != "the"]
    if not name or not name[0].text[:1].isupper():
        return False
    # an acronym or a one-word name ("NATO of Ukraine", "Kremlin of Russia") is no such title
    return inside > 0 or len(name) >= 2
