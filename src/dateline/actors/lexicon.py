"""Word lists the actor rules read: group nouns, role nouns, titles, pronouns, sector cues.

Sector codes are PLOVER's (PLOVER manual, "Sector Codes": GOV, MIL, COP, JUD, LEG, PTY, REB,
SPY, JRN, MED, BUS, EDU, REL, CVL, ...). The word lists are hand-written from AP Stylebook
titles and the nouns news writers use for state forces and officials; each maps a head noun
(lemma, lower case) to the sector it signals.
"""

from __future__ import annotations

#: "Russian forces", "Ukrainian soldiers", "Kyiv's troops": the country's armed forces (MIL),
#: police (COP), intelligence (SPY), officials (GOV), rebels (REB).
#: Dependency labels of a verb's subjects, and of the arguments that are its co-arguments (a
#: pronoun is never a co-argument of its antecedent: "X called Y to congratulate him").
SUBJECT_DEPS: frozenset[str] = frozenset({"nsubj", "nsubjpass"})
ARGUMENT_DEPS: frozenset[str] = frozenset({"nsubj", "nsubjpass", "dobj", "iobj", "dative"})

GROUP_NOUNS: dict[str, str] = {
    "force": "MIL",
    "troop": "MIL",
    "soldier": "MIL",
    "army": "MIL",
    "military": "MIL",
    "navy": "MIL",
    "serviceman": "MIL",
    "servicemen": "MIL",
    "unit": "MIL",
    "paratrooper": "MIL",
    "marine": "MIL",
    "artillery": "MIL",
    "airstrike": "MIL",
    "warplane": "MIL",
    "jet": "MIL",
    "drone": "MIL",
    "commander": "MIL",
    "general": "MIL",
    "police": "COP",
    "policeman": "COP",
    "officer": "COP",
    "intelligence": "SPY",
    "spy": "SPY",
    "official": "GOV",
    "government": "GOV",
    "authority": "GOV",
    "administration": "GOV",
    "diplomat": "GOV",
    "ministry": "GOV",
    "regime": "GOV",
    "lawmaker": "LEG",
    "legislator": "LEG",
    "parliament": "LEG",
    "rebel": "REB",
    "militant": "REB",
    "insurgent": "REB",
    "separatist": "REB",
    "fighter": "REB",
    "court": "JUD",
    "judge": "JUD",
}

#: Canonical group names by sector: every MIL mention of Ukraine is one actor "Ukrainian forces".
GROUP_NAMES: dict[str, str] = {
    "MIL": "{demonym} forces",
    "COP": "{demonym} police",
    "SPY": "{demonym} intelligence",
    "REB": "{demonym} rebels",
    "LEG": "{demonym} lawmakers",
    "JUD": "{demonym} courts",
}

#: Role nouns naming one office holder: role -> the offices it can denote in the actor table.
#: "leader" is whoever leads: head of state or of government.
ROLE_NOUNS: dict[str, tuple[str, ...]] = {
    "president": ("president", "head of state"),
    # Ukrainian and Russian presidential press releases: "The Head of State noted ..."
    "head of state": ("president", "head of state", "king", "queen", "emir", "supreme leader"),
    "leader": (
        "president",
        "prime minister",
        "chancellor",
        "head of state",
        "supreme leader",
        "king",
    ),
    "prime minister": ("prime minister", "premier", "chancellor"),
    "premier": ("prime minister", "premier"),
    "chancellor": ("chancellor",),
    "foreign minister": ("foreign minister", "foreign secretary", "secretary of state"),
    "secretary of state": ("secretary of state",),
    "foreign secretary": ("foreign secretary", "foreign minister"),
    "king": ("king",),
    "supreme leader": ("supreme leader",),
    "secretary-general": ("secretary-general",),
    "envoy": (),
    "ambassador": (),
    "spokesman": (),
    "spokeswoman": (),
    "spokesperson": (),
    "defence minister": (),
    "defense minister": (),
    "defense secretary": (),
    "minister": (),
}

#: Countries where "the leader" is the head of government, not a ceremonial head of state
#: (parliamentary systems among the G20 and the conflict parties; CIA World Factbook,
#: "Government type").
PARLIAMENTARY: frozenset[str] = frozenset(
    {
        "GBR",
        "DEU",
        "ITA",
        "JPN",
        "IND",
        "CAN",
        "AUS",
        "ISR",
        "ESP",
        "NLD",
        "BEL",
        "SWE",
        "NOR",
        "DNK",
        "GRC",
        "IRL",
        "HUN",
        "CZE",
        "PAK",
        "IRQ",
    }
)

#: Title words that may precede a name and belong to the mention ("President Donald Trump",
#: "Foreign Minister Sergei Lavrov", "Sen. Bernie Sanders").
TITLE_WORDS: frozenset[str] = frozenset(
    [
        "president",
        "vice",
        "prime",
        "minister",
        "foreign",
        "defence",
        "defense",
        "finance",
        "interior",
        "secretary",
        "chancellor",
        "premier",
        "king",
        "queen",
        "prince",
        "crown",
        "emperor",
        "supreme",
        "leader",
        "general",
        "gen.",
        "gen",
        "sen.",
        "sen",
        "senator",
        "rep.",
        "rep",
        "representative",
        "gov.",
        "gov",
        "governor",
        "mayor",
        "ambassador",
        "envoy",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "chief",
        "commander",
        "lt.",
        "col.",
        "colonel",
        "admiral",
        "sheikh",
        "emir",
        "ayatollah",
        "pope",
        "dr.",
        "dr",
        "mr.",
        "mr",
        "mrs.",
        "mrs",
        "ms.",
        "ms",
        "former",
        "then",
        "state",
        "attorney",
        "speaker",
        "minority",
        "majority",
        "house",
        "senate",
        "judge",
        "justice",
        # government press releases: "Head of State", "Deputy Head of the Office", "Chairman of"
        "head",
        "deputy",
        "chairman",
        "chairwoman",
    ]
)

#: Titles that carry a sector when they precede a name.
TITLE_SECTORS: dict[str, str] = {
    "president": "GOV",
    "minister": "GOV",
    "secretary": "GOV",
    "chancellor": "GOV",
    "premier": "GOV",
    "king": "GOV",
    "queen": "GOV",
    "emir": "GOV",
    "governor": "GOV",
    "gov.": "GOV",
    "mayor": "GOV",
    "ambassador": "GOV",
    "envoy": "GOV",
    "leader": "GOV",
    "senator": "LEG",
    "sen.": "LEG",
    "rep.": "LEG",
    "representative": "LEG",
    "lawmaker": "LEG",
    "congressman": "LEG",
    "congresswoman": "LEG",
    "speaker": "LEG",
    "general": "MIL",
    "gen.": "MIL",
    "commander": "MIL",
    "admiral": "MIL",
    "colonel": "MIL",
    "judge": "JUD",
    "justice": "JUD",
}

MALE_PRONOUNS: frozenset[str] = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS: frozenset[str] = frozenset({"she", "her", "hers", "herself"})
PERSON_PRONOUNS: frozenset[str] = MALE_PRONOUNS | FEMALE_PRONOUNS
MALE_TITLES: frozenset[str] = frozenset({"mr.", "mr", "king", "prince", "sheikh", "emir"})
FEMALE_TITLES: frozenset[str] = frozenset({"mrs.", "mrs", "ms.", "ms", "queen", "princess"})

#: Words in an organisation's name that reveal its sector.
ORG_SECTOR_WORDS: dict[str, str] = {
    "ministry": "GOV",
    "department": "GOV",
    "white house": "GOV",
    "kremlin": "GOV",
    "pentagon": "MIL",
    "army": "MIL",
    "navy": "MIL",
    "air force": "MIL",
    "forces": "MIL",
    "police": "COP",
    "fbi": "COP",
    "cia": "SPY",
    "intelligence": "SPY",
    "court": "JUD",
    "senate": "LEG",
    "congress": "LEG",
    "parliament": "LEG",
    "house": "LEG",
    "party": "PTY",
    "gop": "PTY",
    "times": "JRN",
    "post": "JRN",
    "news": "JRN",
    "cnn": "JRN",
    "reuters": "JRN",
    "associated press": "JRN",
    "bbc": "JRN",
    "journal": "JRN",
    "university": "EDU",
    "college": "EDU",
    "church": "REL",
    "hospital": "MED",
    "inc": "BUS",
    "corp": "BUS",
    "company": "BUS",
    "bank": "BUS",
}

#: prepositions after which a capital is a place, not a government ("in Moscow", "to Kyiv")
LOCATIVE_PREPOSITIONS = frozenset(
    {
        "in",
        "at",
        "to",
        "from",
        "near",
        "into",
        "outside",
        "across",
        "around",
        "toward",
        "towards",
        "inside",
        "via",
        "through",
    }
)
#: singular group nouns that name the whole body ("the Russian army"), unlike "a Russian soldier"
COLLECTIVE_NOUNS = frozenset(
    {
        "force",
        "army",
        "military",
        "navy",
        "police",
        "government",
        "intelligence",
        "administration",
        "ministry",
        "regime",
        "parliament",
        "artillery",
        "authority",
    }
)
