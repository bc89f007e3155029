"""Candidates of a toponym: the gazetteer's places of its name, narrowed by the words around it.

``lookup_toponym`` falls back from "Kursk regions" to "Kursk"; ``part_of`` gives the place a
part or facility lies in ("North Dallas", "Da Nang International Airport"); ``areas_of`` keeps
the areas of a name the text calls an area ("Washington state"); ``prefer_towns`` drops an
admin1 area that a big same-named town overshadows (bare "New York", "Kursk"); ``within``
keeps the candidates inside a place the text puts the name in ("Toronto's Pearson International
Airport", "Kfraya in Idlib").
"""

from __future__ import annotations

import math

from dateline.gazetteer import Gazetteer, PlaceEntry, name_key
from dateline.gazetteer.build import ADMIN_PREFIXES, ADMIN_SUFFIXES
from dateline.gazetteer.sources import DERIVED
from dateline.words import word_seq, word_set

#: A town this big inside a same-named admin1 area is what the bare name means ("New York",
#: "Kursk", "Mexico City"); the area needs "state", "region", ... (see ``prefer_towns``).
SAME_NAME_TOWN_POPULATION = 100_000
SAME_NAME_TOWN_SHARE = 0.2
AREA_FEATURES = frozenset({"admin1", "admin2", "country", "region", "continent"})


def lookup_toponym(gazetteer: Gazetteer, text: str) -> tuple[PlaceEntry, ...]:
    """Candidates for a toponym's text, falling back to its bare name ("Kursk regions")."""
    found = gazetteer.lookup(text)
    if found:
        return found
    key = name_key(text)
    for suffix in ADMIN_SUFFIXES:
        for form in (suffix, suffix + "s"):
            if key.endswith(" " + form):
                base = gazetteer.lookup(key[: -len(form) - 1])
                return tuple(e for e in base if e.feature in ("admin1", "admin2")) or base
    for prefix in ADMIN_PREFIXES:
        if key.startswith(prefix + " "):
            return gazetteer.lookup(key[len(prefix) + 1 :])
    return ()


#: Words before a place name that narrow it without naming another place ("North London",
#: "Greater Toronto Area", "Southern California", "Lake Erie")...
PART_WORDS = word_set("gazetteer", "candidates.part_words")
#: ... and heads after it that name something in or at the place ("Vancouver Art Gallery",
#: "Da Nang International Airport", "Swat Valley"). GeoVirus and TR-News give such toponyms
#: the point of the thing, which is within a few km of the town for most.
PART_HEADS = word_seq("gazetteer", "candidates.part_heads")


def part_of(gazetteer: Gazetteer, text: str) -> tuple[PlaceEntry, ...]:
    """Candidates for the place a name without an entry lies in: the name without a leading
    part word or a trailing head (own or GeoNames alternate names only)."""
    key = name_key(text)
    words = key.split()
    rests = []
    if len(words) > 1 and words[0] in PART_WORDS:
        rests.append(" ".join(words[1:]))
    for rest in (key, *rests):  # "Greater Toronto Area": both a part word and a head
        rests.extend(rest[: -len(head) - 1] for head in PART_HEADS if rest.endswith(" " + head))
    for rest in rests:
        found = tuple(e for e in gazetteer.lookup(rest) if e.kind <= 1)
        if found:
            return found
    return ()


def areas_of(candidates: tuple[PlaceEntry, ...]) -> tuple[PlaceEntry, ...]:
    """The area candidates of a name the text calls an area. A county is no better than a big
    town of the name ("the Houston region" is the city's, not Houston County's)."""
    areas = tuple(e for e in candidates if e.feature in AREA_FEATURES - {"admin2"})
    if areas:
        return areas
    if any(e.feature == "town" and e.population >= SAME_NAME_TOWN_POPULATION for e in candidates):
        return ()
    return tuple(e for e in candidates if e.feature == "admin2")


def prefer_towns(candidates: tuple[PlaceEntry, ...]) -> tuple[PlaceEntry, ...]:
    """Drop an admin1 area when a big town of the same name lies in it and holds a good share
    of its people (bare "New York", "Kursk", "Donetsk"; but "Quebec" is the province)."""
    towns = {
        (e.cc, name_key(e.admin1)): e.population
        for e in candidates
        if e.feature == "town" and e.admin1 and e.population >= SAME_NAME_TOWN_POPULATION
    }
    if not towns:
        return candidates

    def overshadowed(area: PlaceEntry) -> bool:
        town = towns.get((area.cc, name_key(area.admin1 or "")), 0)
        return area.kind != 2 and town >= SAME_NAME_TOWN_SHARE * area.population

    return tuple(e for e in candidates if not (e.feature == "admin1" and overshadowed(e)))


#: How far from a town its districts, parks and airports lie ("Giza's Haram district", "Ottawa's
#: Macdonald-Cartier International Airport"): the 100-mile accuracy threshold of the literature.
TOWN_REACH_KM = 161.0
CONTAINER_LEVEL = {"town": 0, "admin2": 1, "admin1": 2, "country": 3}
#: the Earth's mean radius (km), for the haversine distance
EARTH_RADIUS_KM = 6371.0


def within(
    candidates: tuple[PlaceEntry, ...], owners: tuple[PlaceEntry, ...]
) -> tuple[PlaceEntry, ...] | None:
    """The candidates inside one of ``owners``, the candidates of a place the text puts the name
    in (a country holds its towns and areas, an admin1 area its towns and counties, a town what
    lies within ``TOWN_REACH_KM``). Empty when none is: the gazetteer lacks the name or only
    has namesakes elsewhere ("Whittier's Penn Park"), and the name takes its container's place.
    None when the words make no container: the name is of the container's level or above
    ("Russia's Ukraine policy", "Russia in Ukraine")."""
    owners = tuple(e for e in owners if e.feature in CONTAINER_LEVEL)
    if not owners:
        return None
    top = max(CONTAINER_LEVEL[e.feature] for e in owners)
    # a county reached by dropping "County" is no reading of the bare name: "Austin, in Scott
    # County" is the town, whatever Austin County is
    readings = (c for c in candidates if not (c.feature == "admin2" and c.kind == DERIVED))
    if any(CONTAINER_LEVEL.get(c.feature, 4) >= max(top, 1) for c in readings):
        return None  # (a town holds towns: GeoNames files many districts as towns)
    return tuple(c for c in candidates if any(_contains(o, c) for o in owners))


def _contains(owner: PlaceEntry, place: PlaceEntry) -> bool:
    if owner.cc != place.cc:
        return False
    if owner.feature == "country":
        return True
    if owner.feature == "admin1":
        return bool(place.admin1) and name_key(place.admin1 or "") == name_key(owner.admin1 or "")
    if None in (owner.lat, owner.lon, place.lat, place.lon):
        return False
    return distance_km(owner.lat or 0.0, owner.lon or 0.0, place.lat or 0.0, place.lon or 0.0) <= (
        TOWN_REACH_KM
    )


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, Earth radius 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))
