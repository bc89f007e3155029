"""Entity-ruler patterns: what dateline knows, overriding the statistical NER.

Each knowledge source contributes patterns here; :func:`dateline.nlp.load_nlp` adds them to an
entity ruler placed after spaCy's ``ner`` with ``overwrite_ents=True``, followed by
:func:`join_of_names`, which puts back together the organisation names the ruler cut.
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

#: the spaCy component that runs :func:`join_of_names` (registered by :mod:`dateline.nlp`)
JOIN_COMPONENT = "dateline_join_of_names"


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


def join_of_names(doc: Doc) -> Doc:
    """One ORG for "<institution> of <country>", where the ruler or the NER split it in two.

    The ruler (``overwrite_ents``) takes the country out of the NER's longer ORG span, leaving
    "the Office of the President of" + "Ukraine" (140 mentions of an actor "Office of the
    President of" on the Kremlin/Zelenskyy press releases), and the small model itself often
    stops at "the Ministry of Foreign Affairs" before "of Russia". OntoNotes, which the model
    was trained on, annotates the whole name as one ORG, and the institution is a different
    actor from the country, so the two are joined when the ORG ends in "of"/"of the", or is a
    multi-word name followed by "of"/"of the", and the place comes right after.
    """
    ents = list(doc.ents)
    if len(ents) < 2:
        return doc
    joined: list[Span] = []
    changed = False
    i = 0
    while i < len(ents):
        ent = ents[i]
        place = ents[i + 1] if i + 1 < len(ents) else None
        if place is not None and _joinable(doc, ent, place):
            from spacy.tokens import Span as SpacySpan

            span = SpacySpan(doc, ent.start, place.end, label="ORG")
            for token in span:  # a span's id is its root token's: "Security Council" of Russia
                token.ent_id_ = ""  # is not the UN's, nor is the whole name Ukraine
            joined.append(span)
            changed = True
            i += 2
            continue
        joined.append(ent)
        i += 1
    if changed:
        doc.ents = joined
    return doc


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
