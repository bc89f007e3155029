"""The country of a local story's unnamed people and police (records DECISIONS.md D16).

"Police arrested a 23-year-old man": neither names a country, yet a police force is of the
country it polices, and the residents, victims and suspects of a town's story are of the town's
country (D16). The actors stage runs before places are resolved, so this is a step of its own,
run by the places stage once it knows where the story happens: when most of the article's
resolved place mentions lie in one country, the actors of the local sectors (civilians,
suspects, police) that have no country take it. Named people keep theirs (none is a guess
about a person), and so does every actor whose country the text gave.
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
#: where an actor's country came from when this step gave it (Actor.source)
SOURCE = "places"


def story_country(places: Iterable[Place]) -> str | None:
    """The country most of the article's resolved place mentions lie in, if most do."""
    countries = Counter(p.country for p in places if p.country)
    if not countries:
        return None
    country, count = countries.most_common(1)[0]
    return country if count / countries.total() >= STORY_COUNTRY_SHARE else None


def localise(actors: list[Actor], country: str | None) -> list[Actor]:
    """``actors`` with the story's ``country`` given to its unnamed local groups and police."""
    if country is None:
        return actors
    return [
        replace(actor, country=country, source=SOURCE)
        if actor.country is None and actor.kind in LOCAL_KINDS and actor.sector in LOCAL_SECTORS
        else actor
        for actor in actors
    ]
