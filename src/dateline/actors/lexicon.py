"""Word lists the actor rules read: group nouns, role nouns, titles, pronouns, sector cues.

Sector codes are PLOVER's (PLOVER manual, "Sector Codes": GOV, MIL, COP, JUD, LEG, PTY, REB,
SPY, JRN, MED, BUS, EDU, REL, CVL, ...). The word lists are hand-written from AP Stylebook
titles and the nouns news writers use for state forces and officials; each maps a head noun
(lemma, lower case) to the sector it signals.
"""

from __future__ import annotations

from dateline.words import word_map, word_set

SUBJECT_DEPS = word_set("grammar", "dependencies.subjects")
ARGUMENT_DEPS = word_set("actors", "lexicon.argument_deps")

GROUP_NOUNS = word_map("actors", "lexicon.group_nouns")

GROUP_NAMES = word_map("actors", "lexicon.group_names")

#: role -> the offices it can denote in the actor table (a tuple: str.startswith takes one)
ROLE_NOUNS: dict[str, tuple[str, ...]] = {
    role: tuple(offices) for role, offices in word_map("actors", "lexicon.role_nouns").items()
}

PARLIAMENTARY = word_set("actors", "lexicon.parliamentary")

TITLE_WORDS = word_set("actors", "lexicon.title_words")

TITLE_SECTORS = word_map("actors", "lexicon.title_sectors")

MALE_PRONOUNS = word_set("actors", "lexicon.male_pronouns")
FEMALE_PRONOUNS = word_set("actors", "lexicon.female_pronouns")
PERSON_PRONOUNS: frozenset[str] = MALE_PRONOUNS | FEMALE_PRONOUNS
MALE_TITLES = word_set("actors", "lexicon.male_titles")
FEMALE_TITLES = word_set("actors", "lexicon.female_titles")

ORG_SECTOR_WORDS = word_map("actors", "lexicon.org_sector_words")

LOCATIVE_PREPOSITIONS = word_set("actors", "lexicon.locative_prepositions")
COLLECTIVE_NOUNS = word_set("actors", "lexicon.collective_nouns")
