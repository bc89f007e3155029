"""Entity-ruler patterns for places: what the statistical NER misses and the gazetteer knows.

The ruler overrides spaCy's NER (``overwrite_ents``), so the patterns are kept few and safe:
admin1 areas with 200k+ inhabitants, their "X Oblast" / "X region" / "province of X" forms,
towns with 200k+ inhabitants, continents and the regions of ``data/regions.csv``, never a name
listed in ``data/place_stopwords.txt`` (common words, given names). The small English model tags
"Kursk" as PRODUCT; with these patterns it is a GPE and "the Kursk region" one entity.
"""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING, Any

from dateline.words import word_map, word_seq

if TYPE_CHECKING:
    from dateline.gazetteer import Gazetteer

#: Population above which an admin1 area or a town gets a ruler pattern (GeoNames figures).
MIN_POPULATION = 200_000
#: Admin forms news writers use: "the Kursk region", "Helmand province", and the local forms of
#: countries whose admin1 areas carry them in English news ("Donetsk Oblast", "Krasnodar Krai",
#: "Nineveh Governorate"). ``recognise`` in the places stage widens other entities the same way.
AREA_FORMS = word_seq("gazetteer", "patterns.area_forms")
LOCAL_FORMS: dict[str, list[str]] = word_map("gazetteer", "patterns.local_forms")
_STRIP_SUFFIXES = tuple(" " + w for w in word_seq("gazetteer", "patterns.strip_suffixes"))


def _stopwords() -> frozenset[str]:
    text = resources.files("dateline.data").joinpath("place_stopwords.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line and line[0] != "#")


def _usable(name: str, stop: frozenset[str]) -> bool:
    return len(name) >= 4 and name not in stop and name[0].isupper()


def place_patterns(gazetteer: Gazetteer) -> list[dict[str, Any]]:
    stop = _stopwords()
    patterns: list[dict[str, Any]] = []
    seen: set[str] = set()

    def add(label: str, text: str) -> None:
        if text not in seen:
            seen.add(text)
            patterns.append({"label": label, "pattern": text})

    for area in gazetteer.places("admin1", MIN_POPULATION):
        base = area.name
        for suffix in _STRIP_SUFFIXES:
            base = base.removesuffix(suffix)
        if not _usable(base, stop):
            continue
        add("GPE", area.name)
        add("GPE", base)
        for form in (*AREA_FORMS, *LOCAL_FORMS.get(area.cc or "", ())):
            add("GPE", form.format(base))
    for town in gazetteer.places("town", MIN_POPULATION):
        if _usable(town.name, stop) and town.name.isascii():
            add("GPE", town.name)
    for feature in ("continent", "region"):
        for place in gazetteer.places(feature):
            if _usable(place.name, stop):
                add("LOC", place.name)
    return patterns
