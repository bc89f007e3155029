"""Whose "the occupiers" are: the enemy of a war speech named only by its noun.

Records DECISIONS.md D9 and D11 read "the occupiers", "the invaders", "the enemy" of Zelenskyy's
addresses as the invading force (Russian, RUS): the gold gives them the invader's country, and an
address's agentless attacks take that attacker (D41, D84). The actors stage leaves such a noun
without a country (``anaphora.FOREIGN``: never the invaded country the text names), so the
country comes from the text itself, never the speaker's own: the foreign state whose demonym or
name it sets before most of its war nouns ("Russian troops", "the Russian invasion", "Russia's
aggression"), else, when no war noun has a foreign owner, the foreign state it names clearly most
often (an address of the war's third day says "the invaders" and "everyone in Russia").
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from dateline.actors.index import token_index
from dateline.countries import country_by_demonym, country_by_name
from dateline.words import word_set

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: the bare nouns of an enemy force whose country the war noun's owner gives
ENEMY_NOUNS = word_set("actors", "enemies.enemy_nouns")
#: lemmas of an armed force or of its war ("troops", "invasion"), whose owner is a side
WAR_NOUNS = word_set("actors", "enemies.war_nouns")
#: dependencies of the word that says whose a war noun is ("Russian troops", "Russia's war")
OWNER_DEPS = word_set("actors", "enemies.owner_deps")


def war_sides(doc: Doc) -> Counter[str]:
    """How often the text gives each country (alpha-3) as the owner of a war noun."""
    sides: Counter[str] = Counter()
    # the index's tokens whose lemma is a war noun (each distinct lemma read once), not a new
    # Token and a lemma read back for every word of the article
    for token in token_index(doc).with_lemmas(WAR_NOUNS):
        for child in token.children:
            if child.dep_ not in OWNER_DEPS:
                continue
            country = country_by_demonym(child.text) or country_by_name(child.text)
            if country is not None:
                sides[country.alpha3] += 1
    return sides


#: how many times as often as any other foreign state an address must name a state for it to be
#: the war's other side when no war noun has a foreign owner: "Russia" 3 times against "Germany"
#: once (zelenskyy-612), not "Belarus" 10 times against "Russia" 7 (zelenskyy-607, about talks
#: held in Belarus)
CLEAR_LEAD = 2


def enemy_country(sides: Counter[str], named: Counter[str], home: set[str | None]) -> str | None:
    """The side of the text's war that is not the speaker's (``home``): the foreign owner of most
    of its war nouns ("Russian troops" against one "Belarusian troops"); when none has a foreign
    owner, the foreign state the text names (``named``: mentions by country) clearly most often
    (``CLEAR_LEAD``); None when neither is clear."""
    foes = Counter({country: n for country, n in sides.items() if country not in home})
    if foes:
        country, count = foes.most_common(1)[0]
        return country if 2 * count > foes.total() else None
    ranked = [(c, n) for c, n in named.most_common() if c not in home][:2]
    if not ranked:
        return None
    if len(ranked) > 1 and ranked[0][1] < CLEAR_LEAD * ranked[1][1]:
        return None
    return ranked[0][0]
