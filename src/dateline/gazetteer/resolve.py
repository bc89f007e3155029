"""Toponym resolution: which gazetteer place each toponym of an article refers to.

Scoring follows the heuristics that the geoparsing literature found to carry most of the
signal (Leidner 2007, *Toponym Resolution in Text*, ch. 5; Lieberman, Samet & Sankaranarayanan
2010, "Geotagging with local lexicons"; Gritta et al. 2018, "What's missing in geographical
parsing?"):

1. a prior from population and feature level: a country beats an admin1 area beats a big city
   beats a small town for an ambiguous name ("Georgia", "Paris");
2. the article's country context: the countries its other toponyms and demonyms point to;
3. admin1 co-mentions: "Sudzha ... the Kursk region" picks the Sudzha in Kursk Oblast;
4. a qualifier right after the name ("Portland, Ore.", "Pandi, Bulacan");
5. closeness to the article's other places (one sense per discourse, spatial minimality).

Resolution is in rounds: the first takes the best candidate by prior alone; each later round
(up to ``PASSES``) rescores every toponym in the context that the *other* toponyms had in the
round before (a toponym never votes for itself). Before scoring, the words around a name narrow
its candidates: its qualifier ("Paris, Texas") and the list it is in ("Virginia, Washington and
Wyoming"). A toponym without candidates gets None and changes nothing for the others.
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from dateline.gazetteer import Gazetteer, PlaceEntry, name_key
from dateline.gazetteer.build import LOCAL_ADMIN_PREFIXES

# distance_km is re-exported: the eval and the tests import it from here
from dateline.gazetteer.candidates import (
    areas_of,
    distance_km,  # re-exported: the eval and the tests import it from here
    lookup_toponym,
    part_of,
    prefer_towns,
    within,
)
from dateline.gazetteer.sources import DERIVED

#: Feature bonus on top of log10(population): continents, countries and named regions are what
#: an unqualified name means in news ("Georgia" the country in world news; Leidner's
#: "superordinate" heuristic); admin2 areas rarely appear bare.
FEATURE_BONUS = {
    "continent": 6.0,
    "country": 3.0,
    "region": 9.0,  # no population figure: the bonus stands for it
    "admin1": 1.5,
    "admin2": -0.5,
    "town": 0.0,
}
#: How the name matched (sources.PRIMARY..DEMONYM): an alternate name is weaker evidence.
KIND_PENALTY = (0.0, -1.5, 0.0, 0.0, -2.0)
#: A county named "X County" looked up as bare "X": US news writes "Delaware County" for the
#: county, and bare "Delaware" is the state, a town or a company's state of incorporation.
BARE_COUNTY_PENALTY = -2.5
#: added to a population before its log10: a place with no figure scores 1, not minus infinity
POPULATION_OFFSET = 10
#: an admin1 area named this many times, twice as often as any other, is the article's focus
FOCUS_MIN_MENTIONS = 3
#: A national capital: "Washington" is the city, not the state, in news unless qualified.
CAPITAL_BONUS = 3.0
POPULATION_WEIGHT = 1.5
#: Bonus for a candidate in the article's countries, times that country's share of the other
#: toponyms (and demonyms): a single "U.S." in a story about Kursk moves nothing.
COUNTRY_CONTEXT = 3.0
#: The candidate's country is itself named in the article ("France ... Paris"): the same
#: containment evidence as ``ADMIN1_CONTEXT`` one level up (Leidner 2007, "contained-in").
COUNTRY_NAMED = 2.0
ADMIN1_CONTEXT = 2.5  # the candidate's admin1 area is named elsewhere in the article
#: The admin1 area the article names at least twice as often as any other (and 3+ times) is
#: its focus, the home of a local story's places (Lieberman, Samet & Sankaranarayanan 2010,
#: "local lexicons"): "Monroe County" in a Missouri story, not the more populous New York one.
ADMIN1_FOCUS = 1.5
ADMIN1_IMPLIED = 1.0  # another place resolved inside the same admin1 area
QUALIFIER_BONUS = 6.0  # "X, Y" with the candidate inside Y
#: A candidate in the country of the outlet that published the article (see
#: :mod:`dateline.gazetteer.outlets`): "Edmonton" on a London weekly's site is in London.
OUTLET_BONUS = 2.0
NEAR_KM = 150.0
NEAR_BONUS = 1.0


@dataclass
class Toponym:
    """A stretch of text to resolve. ``area`` is set when the words around it say the name is
    an area: "Washington state", "New York Gov.", "the state of Washington", or the qualifier
    after a town ("Buffalo, New York")."""

    start: int
    end: int
    text: str
    qualifier: str | None = None  # "Bulacan" in "Pandi, Bulacan"
    area: bool = False
    candidates: tuple[PlaceEntry, ...] = field(default_factory=tuple)
    part: bool = False  # the candidates are of the place it lies in (see ``part_of``)
    #: the index of the toponym the text puts it in: "Toronto" in "Toronto's Pearson
    #: International Airport", "Idlib" in "Kfraya in Idlib" (see ``candidates.within``)
    container: int | None = None
    #: it names an event held there: "the Venice International Film Festival", "the Cannes
    #: Grand Prix"; such an event carries the world-known place's name, so the article's
    #: context does not move it to a namesake (Venice, Florida, in a Canadian story)
    event_name: bool = False
    #: "the" right before it: "the Pacific side of the Americas", "The Atlantic flyway" name an
    #: ocean or a region, not a town (towns take no article: Pacific, Missouri)
    after_article: bool = False


def prior(entry: PlaceEntry) -> float:
    population = math.log10(max(entry.population, 0) + POPULATION_OFFSET)
    return (
        POPULATION_WEIGHT * population
        + FEATURE_BONUS.get(entry.feature, 0.0)
        + (KIND_PENALTY[entry.kind] if entry.kind < len(KIND_PENALTY) else 0.0)
        + (CAPITAL_BONUS if entry.capital else 0.0)
        + (BARE_COUNTY_PENALTY if _bare_county(entry) else 0.0)
    )


def _bare_county(entry: PlaceEntry) -> bool:
    """ "Delaware" for Delaware County; "Bergamo" for the Provincia di Bergamo (the town)."""
    return (
        entry.feature == "admin2"
        and entry.kind == DERIVED
        and (
            entry.name.endswith(" County") or name_key(entry.name).startswith(LOCAL_ADMIN_PREFIXES)
        )
    )


@dataclass
class _Context:
    countries: Counter[str]
    countries_named: Counter[str]
    admin1_named: Counter[tuple[str, str]]
    admin1_implied: Counter[tuple[str, str]]
    points: list[tuple[str, float, float]]  # (name key, lat, lon) of pass-1 towns and areas
    outlet: str | None = None  # alpha-2 country of the publishing outlet


def _focus(context: _Context) -> tuple[str, str] | None:
    ranked = context.admin1_named.most_common(2)
    if not ranked or ranked[0][1] < FOCUS_MIN_MENTIONS:
        return None
    if len(ranked) == 2 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    return ranked[0][0]


#: name keys of admin1 names, computed once per process (scoring compares them thousands of
#: times an article)
_admin1_key = functools.lru_cache(maxsize=8192)(name_key)


def _admin1_id(entry: PlaceEntry) -> tuple[str, str] | None:
    if entry.cc and entry.admin1:
        return (entry.cc, _admin1_key(entry.admin1))
    return None


def _context(best: Sequence[PlaceEntry | None], keys: Sequence[str]) -> _Context:
    context = _Context(Counter(), Counter(), Counter(), Counter(), [])
    for entry, key in zip(best, keys, strict=True):
        if entry is None:
            continue
        if entry.cc:
            context.countries[entry.cc] += 1
            if entry.feature == "country":
                context.countries_named[entry.cc] += 1
        admin1 = _admin1_id(entry)
        if admin1 and entry.feature == "admin1":
            context.admin1_named[admin1] += 1
        elif admin1:
            context.admin1_implied[admin1] += 1
        if entry.feature in ("town", "admin2", "admin1") and entry.lat is not None:
            context.points.append((key, entry.lat, entry.lon or 0.0))
    return context


def resolve_toponyms(
    gazetteer: Gazetteer,
    toponyms: Sequence[Toponym],
    *,
    demonym_countries: Counter[str] | None = None,
    outlet: str | None = None,
    groups: Sequence[Sequence[int]] = (),
) -> list[PlaceEntry | None]:
    """The best place for each toponym, in the article's context (see module docstring).
    ``groups``: indexes of toponyms that the text lists together (see ``_same_level``)."""
    listed = {i for group in groups for i in group}
    for index, toponym in enumerate(toponyms):
        if not toponym.candidates:
            found = lookup_toponym(gazetteer, toponym.text)
            # a listed name keeps every reading until its list has chosen their level
            toponym.candidates = (
                found
                if index in listed
                else (areas_of(found) if toponym.area else ()) or prefer_towns(found)
            )
        if not toponym.candidates:
            toponym.candidates = part_of(gazetteer, toponym.text)
            toponym.part = bool(toponym.candidates)
        if toponym.after_article:
            regions = tuple(c for c in toponym.candidates if c.feature in ("region", "continent"))
            toponym.candidates = regions or toponym.candidates
    for group in groups:
        _same_level(toponyms, group)
    _break_container_cycles(toponyms)
    qualifiers = [_qualifier_area(gazetteer, t.qualifier) for t in toponyms]
    qualified = [
        _restrict_to_qualifier(t, q, listed=i in listed)
        for i, (t, q) in enumerate(zip(toponyms, qualifiers, strict=True))
    ]
    follows = {}  # toponym -> its container, whose place it takes (nothing of it is known)
    for index, toponym in enumerate(toponyms):
        if toponym.container is not None and not qualified[index]:
            owner = toponyms[toponym.container].candidates
            inside = within(toponym.candidates, owner)
            if inside:
                toponym.candidates, toponym.part = inside, False
                qualified[index] = True  # its sense holds for its other mentions, as a qualifier's
            elif inside is not None:
                toponym.candidates, toponym.part = owner, False
                follows[index] = toponym.container
    keys = [name_key(t.text) for t in toponyms]
    resolved: list[PlaceEntry | None] = [
        max(t.candidates, key=prior) if t.candidates else None for t in toponyms
    ]
    siblings = {i: [j for j in group if j != i] for group in groups for i in group}
    for _ in range(PASSES):
        previous = resolved
        resolved = _rescore(
            toponyms, keys, qualifiers, previous, demonym_countries, outlet, siblings
        )
        if resolved == previous:
            break
    for index, container in follows.items():
        resolved[index] = resolved[container]
    resolved = _short_country_names(keys, resolved)
    return _one_sense_per_discourse(keys, qualified, toponyms, resolved)


def _short_country_names(
    keys: list[str], resolved: list[PlaceEntry | None]
) -> list[PlaceEntry | None]:
    """ "Congo" in a story that names "the Democratic Republic of the Congo" (or "DRC") and
    no other form of the Republic of the Congo: a short form of one country's name that is a
    part of another country's name the article uses means that other country (one sense per
    discourse, Gale, Church & Yarowsky 1992). A country's own name ("Sudan" beside "South
    Sudan", "Guinea" beside "Equatorial Guinea") keeps its sense."""
    countries = {e.cc: e for e in resolved if e is not None and e.feature == "country"}
    named = Counter(e.cc for e in resolved if e is not None and e.feature == "country")
    found = list(resolved)
    for index, entry in enumerate(resolved):
        if entry is None or entry.feature != "country" or keys[index] == name_key(entry.name):
            continue
        if named[entry.cc] > keys.count(keys[index]):
            continue  # the short form's own country is named in another form too
        longer = [
            other
            for cc, other in countries.items()
            if cc != entry.cc and f" {keys[index]} " in f" {name_key(other.name)} "
        ]
        if len(longer) == 1:
            found[index] = longer[0]
    return found


def _break_container_cycles(toponyms: Sequence[Toponym]) -> None:
    """ "the Cincinnati suburb of West Chester" reads both ways ("suburb of" after one name,
    before the other), as does "the Adhamiyah district of Baghdad": of two toponyms that each
    contain the other, the larger place (by prior) is the container."""
    for index, toponym in enumerate(toponyms):
        other = toponym.container
        if other is None or toponyms[other].container != index:
            continue
        mine, theirs = (
            max(map(prior, t.candidates), default=-math.inf) for t in (toponym, toponyms[other])
        )
        if mine >= theirs:
            toponym.container = None
        else:
            toponyms[other].container = None


#: Rescoring rounds after the prior-only pass: each takes its context from the previous round,
#: so a place that context moved ("St. Thomas" to Ontario, not the Virgin Islands) informs the
#: others in turn ("London" beside it). Most articles are stable after two.
PASSES = 3


def _rescore(
    toponyms: Sequence[Toponym],
    keys: list[str],
    qualifiers: list[PlaceEntry | None],
    previous: list[PlaceEntry | None],
    demonym_countries: Counter[str] | None,
    outlet: str | None,
    siblings: dict[int, list[int]],
) -> list[PlaceEntry | None]:
    """One round: each toponym's best candidate in the context of the others' previous round
    (a toponym never votes for itself, nor do other mentions of its name)."""
    resolved: list[PlaceEntry | None] = []
    best: PlaceEntry | None
    contexts: dict[str, _Context] = {}  # the same for every mention of a name
    for index, toponym in enumerate(toponyms):
        if not toponym.candidates:
            resolved.append(None)
            continue
        context = contexts.get(keys[index])
        if context is None:
            others = [e if keys[i] != keys[index] else None for i, e in enumerate(previous)]
            context = contexts[keys[index]] = _context(others, keys)
            context.outlet = outlet
            if demonym_countries:
                context.countries.update(demonym_countries)
        qualifier = qualifiers[index]
        near = _sibling_points(siblings.get(index, ()), previous)
        sibling_countries = {
            e.cc for j in siblings.get(index, ()) if (e := previous[j]) is not None and e.cc
        }
        if toponym.event_name and qualifier is None:
            best = max(toponym.candidates, key=prior)
        else:
            best = max(
                toponym.candidates,
                key=lambda c: (
                    _score(c, context, qualifier)
                    + _sibling_bonus(c, near)
                    + (SIBLING_COUNTRY_BONUS if c.cc in sibling_countries else 0.0)
                ),
            )
        if toponym.part and not (best.cc and (context.countries[best.cc] or best.cc == outlet)):
            best = None  # "Pearson International Airport" is not in some Pearson, Georgia
        resolved.append(best)
    return resolved


#: A town listed with others ("the communities of San Juan, Choropampa, and Magdalena") is
#: near them: comma groups are siblings (Lieberman, Samet & Sankaranarayanan 2010, the
#: proximity clue). Added on top of ``NEAR_BONUS``, which any place of the article gives.
SIBLING_NEAR_BONUS = 1.5
#: ... and in the same country as them: "San Juan, Choropampa, and Magdalena" in a Cajamarca
#: story are Peru's, not Colombia's Magdalena department (a comma group is one country's
#: places, the sibling clue of the same paper)
SIBLING_COUNTRY_BONUS = 1.0


def _sibling_points(
    others: Sequence[int], previous: list[PlaceEntry | None]
) -> list[tuple[float, float]]:
    places = (previous[j] for j in others)
    return [
        (e.lat, e.lon or 0.0) for e in places if e and e.feature == "town" and e.lat is not None
    ]


def _sibling_bonus(candidate: PlaceEntry, points: list[tuple[float, float]]) -> float:
    if candidate.feature != "town" or candidate.lat is None:
        return 0.0
    lat, lon = candidate.lat, candidate.lon or 0.0
    near = any(distance_km(lat, lon, plat, plon) < NEAR_KM for plat, plon in points)
    return SIBLING_NEAR_BONUS if near else 0.0


#: The levels a list of names can share, highest first (see ``_same_level``).
LIST_LEVELS = ("country", "admin1")


def _same_level(toponyms: Sequence[Toponym], group: Sequence[int]) -> None:
    """Names listed together are siblings of one level: "Virginia, Washington, West Virginia and
    Wyoming" are states, "Alberta, Manitoba, Ontario and New Brunswick" provinces (Lieberman,
    Samet & Sankaranarayanan 2010, "Geotagging: using proximity, sibling, and prominence clues
    to understand comma groups"). When every name of the list has a reading at a country or
    admin1 level, only those readings stay; a list with a name that has none ("Richmond,
    Virginia, Fort Lauderdale and Orlando") is left alone."""
    members = [toponyms[i] for i in group]
    for level in LIST_LEVELS:
        if all(any(c.feature == level for c in t.candidates) for t in members):
            for toponym in members:
                toponym.candidates = tuple(c for c in toponym.candidates if c.feature == level)
                toponym.area = True
            return
    for toponym in members:  # not a list of areas: the readings an unlisted name would have
        toponym.candidates = (areas_of(toponym.candidates) if toponym.area else ()) or prefer_towns(
            toponym.candidates
        )


def _inside(candidate: PlaceEntry, area: PlaceEntry) -> bool:
    return candidate.cc == area.cc and (area.feature == "country" or _same_admin1(candidate, area))


#: Levels of the hierarchy, for telling a qualifier ("Paris, Texas") from a list ("China, Japan").
LEVEL = {"town": 0, "admin2": 1, "admin1": 2, "country": 3, "region": 4, "continent": 5}


def _restrict_to_qualifier(
    toponym: Toponym, qualifier: PlaceEntry | None, *, listed: bool = False
) -> bool:
    """ "Paris, Texas", "LONDON, Ky.": a qualifier that holds a place of the name leaves only the
    places inside it (a bonus cannot outweigh a world capital's prior); with none inside an
    admin1 qualifier, the qualifier itself. A name that is itself
    an area of the qualifier's level is a list ("China, Japan", "Kansas, Missouri"), not
    qualified, unless it is a country's name before a state that holds a town of that name
    ("Turkey, Texas"). In a list ("Siaya, Kisumu, Bondo, Nyando, Kisii, Wajir, Mandera"), the
    name after a comma is the next member: it restricts the name to the places inside it, but
    stands in for it only when the name has no place in its country (a namesake abroad is
    worse). Returns whether the candidates were restricted."""
    if qualifier is None or toponym.area:
        return False
    level = LEVEL.get(qualifier.feature, 0)
    inside = tuple(c for c in toponym.candidates if _inside(c, qualifier))
    if any(LEVEL.get(c.feature, 0) >= level for c in toponym.candidates) and not (
        # "Turkey, Texas", "Paris, Texas": a country's name before a state is a town in it,
        # in the gazetteer or not; "Kansas, Missouri" (two states) stays a list
        qualifier.feature == "admin1"
        and not any(c.feature == "admin1" for c in toponym.candidates)
        and not any(c.feature == "country" and c.cc == qualifier.cc for c in toponym.candidates)
    ):
        return False
    if inside:
        toponym.candidates = inside
    elif qualifier.feature == "admin1" and not (
        listed and any(c.cc == qualifier.cc for c in toponym.candidates)
    ):
        # "HOLLIDAY, Mo.", "Fort Detrick, Maryland": a place the gazetteer lacks (cities500
        # stops at 500 people, facilities are not in it) is in the admin1 area the text names,
        # not at a namesake elsewhere (Holliday, Texas): the area is the best point known
        toponym.candidates = (qualifier,)
        return True
    return bool(inside)


def _one_sense_per_discourse(
    keys: list[str],
    qualified: list[bool],
    toponyms: Sequence[Toponym],
    resolved: list[PlaceEntry | None],
) -> list[PlaceEntry | None]:
    """A name qualified once ("LONDON, Ky. ... London Police say") means the same place at its
    other mentions (Gale, Church & Yarowsky 1992, "One sense per discourse")."""
    sense = {keys[i]: resolved[i] for i in range(len(keys)) if qualified[i] and resolved[i]}
    # a name the text calls an area ("New York state", "the state of Washington", "Buffalo,
    # New York") is that area at its bare mentions too, unless a qualifier fixed its sense
    for i, key in enumerate(keys):
        entry = resolved[i]
        if toponyms[i].area and entry is not None and entry.feature == "admin1":
            sense.setdefault(key, entry)
    return [
        sense.get(key, entry) if not (qualified[i] or toponyms[i].area) else entry
        for i, (key, entry) in enumerate(zip(keys, resolved, strict=True))
    ]


def _qualifier_area(gazetteer: Gazetteer, text: str | None) -> PlaceEntry | None:
    if not text:
        return None
    areas = [e for e in lookup_toponym(gazetteer, text) if e.feature != "town"]
    return max(areas, key=prior) if areas else None


def _same_admin1(a: PlaceEntry, b: PlaceEntry) -> bool:
    return bool(a.admin1 and b.admin1 and _admin1_key(a.admin1) == _admin1_key(b.admin1))


def _score(candidate: PlaceEntry, context: _Context, qualifier: PlaceEntry | None) -> float:
    score = prior(candidate)
    total = sum(context.countries.values())
    if total and candidate.cc:
        score += COUNTRY_CONTEXT * context.countries[candidate.cc] / total
    if candidate.feature != "country" and context.countries_named[candidate.cc or ""]:
        score += COUNTRY_NAMED
    if context.outlet and candidate.cc == context.outlet:
        score += OUTLET_BONUS
    admin1 = _admin1_id(candidate)
    if admin1 and candidate.feature != "admin1":
        if context.admin1_named[admin1]:
            score += ADMIN1_CONTEXT + (ADMIN1_FOCUS if _focus(context) == admin1 else 0.0)
        elif context.admin1_implied[admin1]:
            score += ADMIN1_IMPLIED
    if (
        qualifier is not None
        and candidate.cc == qualifier.cc
        and (qualifier.feature == "country" or _same_admin1(candidate, qualifier))
    ):
        score += QUALIFIER_BONUS
    if candidate.feature in ("town", "admin2") and candidate.lat is not None:
        for _key, lat, lon in context.points:
            if distance_km(candidate.lat, candidate.lon or 0.0, lat, lon) < NEAR_KM:
                score += NEAR_BONUS
                break
    return score
