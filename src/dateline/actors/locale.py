"""The country of a local story's unnamed people and police (records DECISIONS.md D16).

"Police arrested a 23-year-old man": neither names a country, yet a police force is of the
country it polices, and the residents, victims and suspects of a town's story are of the town's
country (D16). The actors stage runs before places are resolved, so this is a step of its own,
run by the places stage once it knows where the story happens: when most of the article's
resolved place mentions lie in one country, the actors of the local sectors (civilians,
suspects, police) that have no country take it. Named people keep theirs (none is a guess
about a person), and so does every actor whose country the text gave. And a story told from
one town (most of its place mentions) calls its bare "police" that town's police, as the records
gold does ("Regina police" for "police" in a Regina story): a force with a town named in the
text has that name already (actors/agents.py ``titled_forces``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from dateline.model import Actor, Place
from dateline.words import word_set

#: the sectors of a story's local actors (PLOVER sector codes as the actors stage sets them)
LOCAL_SECTORS = word_set("actors", "locale.local_sectors")
#: the kinds of actor that may take the story's country: unnamed groups and bodies, not persons
LOCAL_KINDS = word_set("actors", "locale.local_kinds")
#: the share of the article's place mentions that must lie in one country for it to be the
#: story's: a story told from one town may mention another country once
STORY_COUNTRY_SHARE = 0.75
#: the share of the article's place mentions its town must have for a bare "police" to be its
STORY_TOWN_SHARE = 0.5
#: bare names of a town's force ("police"), which a story's town qualifies
TOWN_FORCES = word_set("actors", "locale.town_forces")
#: the sectors of the police a wire story's dateline places (PLOVER sector codes)
POLICE_SECTORS = word_set("actors", "locale.police_sectors")
#: a dateline's town is named in capitals with at least this many letters ("NAIROBI", not "UK")
DATELINE_MIN_CHARS = 4
#: where an actor's country came from when this step gave it (Actor.source)
SOURCE = "places"


def story_country(places: Iterable[Place]) -> str | None:
    """The country most of the article's resolved place mentions lie in, if most do."""
    countries = Counter(p.country for p in places if p.country)
    if not countries:
        return None
    country, count = countries.most_common(1)[0]
    return country if count / countries.total() >= STORY_COUNTRY_SHARE else None


def story_town(places: list[Place]) -> str | None:
    """The town at least half of the article's place mentions name, if one does."""
    towns = Counter(p.name for p in places if p.feature == "town")
    if not towns:
        return None
    town, count = towns.most_common(1)[0]
    return town if count / len(places) >= STORY_TOWN_SHARE else None


def dateline_country(places: list[Place]) -> str | None:
    """The country of a wire story's dateline ("CAPE TOWN, South Africa (AP) _"): of the first
    place whose name opens its sentence in capitals."""
    for place in sorted(places, key=lambda p: p.span.start):
        text = place.span.text
        opens = place.span.start == place.sentence.start and len(text) >= DATELINE_MIN_CHARS
        if opens and text.isupper() and text.replace(" ", "").isalpha():
            return place.country
    return None


def localise(actors: list[Actor], places: list[Place]) -> list[Actor]:
    """``actors`` with the story's country given to its unnamed local groups and police, and
    the story's town to its bare "police"; in a story of several countries, its bare police
    are of the dateline's country (the police a wire reporter there quotes)."""
    country = story_country(places)
    if country is None:
        police = dateline_country(places)
        if police is None:
            return actors
        return [
            replace(actor, country=police, source=SOURCE)
            if actor.country is None
            and actor.kind in LOCAL_KINDS
            and actor.sector in POLICE_SECTORS
            and actor.name.lower() in TOWN_FORCES
            else actor
            for actor in actors
        ]
    town = story_town(places)
    found = []
    for actor in actors:
        if actor.country is None and actor.kind in LOCAL_KINDS and actor.sector in LOCAL_SECTORS:
            actor = replace(actor, country=country, source=SOURCE)
        if town is not None and actor.country == country and actor.name.lower() in TOWN_FORCES:
            actor = replace(actor, name=f"{town} {actor.name}")
        found.append(actor)
    return found
