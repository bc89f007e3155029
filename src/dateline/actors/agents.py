"""Mentions without a (recognised) name: common-noun agents, "it"/"they", acronyms and proper-noun
subjects that NER missed.

News text names many actors only by a common noun: "Police arrested ...", "the strikers",
"A suicide bomber killed ...", "Israeli troops", "Iran's parliament", "the court", "striking
workers". PLOVER codes these by country and sector (manual, "Sector Codes"), so each such noun
phrase becomes a mention candidate with the sector its head noun signals (the shipped lexicon
``data/agent_nouns.csv``) and the country its modifiers give:

- a demonym or country modifier: "Israeli police", "the Syrian government", "Russia's army";
- a locative or "of" complement naming a country: "authorities in Pakistan", "the government of
  Iraq";
- otherwise :mod:`dateline.actors.coref` takes the article's only country, when it has one.

"the group", "the organization", "the company" are anaphoric as often as not: the candidate
carries ``definite`` so the resolver can first look for a named organisation before it.
"""

from __future__ import annotations

import bisect
import csv
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from dateline.actors.gender import is_first_name
from dateline.actors.index import token_index
from dateline.actors.lexicon import (
    GROUP_NOUNS,
    MALE_PRONOUNS,
    PERSON_PRONOUNS,
    SUBJECT_DEPS,
    TITLE_WORDS,
)
from dateline.actors.mentions import (
    PEOPLE_NOUNS,
    POSSESSIVE,
    Candidate,
    country_of,
    names_an_offence,
)
from dateline.words import word_map, word_set

if TYPE_CHECKING:
    from spacy.strings import StringStore
    from spacy.tokens import Doc, Token


@dataclass(frozen=True, slots=True)
class AgentNoun:
    """One row of ``data/agent_nouns.csv``."""

    lemma: str
    sector: str | None
    kind: str  # organization | group
    name: str  # canonical name when no country is known ("police", "rebels")
    subject_only: bool


ANAPHORIC_NOUNS = word_set("actors", "agents.anaphoric_nouns")
PERSONAL_POSSESSIVES = word_set("actors", "agents.personal_possessives")
VAGUE_HEADS = word_set("actors", "agents.vague_heads")
NON_REFERRING_DEPS = word_set("actors", "agents.non_referring_deps")
NAMED = word_set("actors", "agents.named")
PARTITIVE_HEADS = word_set("actors", "agents.partitive_heads")
AGENTIVE_SUFFIXES = tuple(sorted(word_set("actors", "agents.agentive_suffixes")))
THING_OR_AGENT_SUFFIXES = tuple(sorted(word_set("actors", "agents.thing_or_agent_suffixes")))
NON_AGENTIVE_PLURALS = word_set("actors", "agents.non_agentive_plurals")
SHERIFF_OFFICES = word_set("actors", "agents.sheriff_offices")
POLICE_BODY_HEADS = word_set("actors", "agents.police_body_heads")
#: a state's posts abroad: a body of their own, not the state acting (anaphora.agent)
POSTS_ABROAD = word_set("actors", "anaphora.posts_abroad")
#: NER labels a police body's name may carry when NER missed it as one
UNNAMED_BODY_TAGS = word_set("actors", "agents.unnamed_body_tags")
CORPORATE_TITLE_MODIFIERS = word_set("actors", "agents.corporate_title_modifiers")
DETERMINERS = word_set("actors", "agents.determiners")
TALK_PARTY_NOUNS = word_set("actors", "agents.talk_party_nouns")
#: what follows a noun and says which ones it is ("the parties to the conflict", "the parties
#: that signed"): no bare talk's parties
QUALIFYING_DEPS = word_set("actors", "agents.qualifying_deps")
COUNTRY_PREPOSITIONS = word_set("actors", "agents.country_prepositions")
#: "a suicide car bomb": the weapon names its carrier, a bomber (bare weapons are no actors)
SUICIDE_WEAPONS = word_map("actors", "agents.suicide_weapons")
SUICIDE_MARKS = word_set("actors", "agents.suicide_marks")
PREDICATIVE_PREPOSITIONS = word_set("actors", "agents.predicative_prepositions")


@cache
def agent_nouns() -> dict[str, AgentNoun]:
    """The shipped agent-noun lexicon by lemma (lower case)."""
    table: dict[str, AgentNoun] = {}
    with resources.files("dateline.data").joinpath("agent_nouns.csv").open(encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        for row in rows:
            table[row["lemma"]] = AgentNoun(
                row["lemma"],
                row["sector"] or None,
                row["kind"],
                row["name"],
                row["subject_only"] == "1",
            )
    for noun in ANAPHORIC_NOUNS:
        table.setdefault(noun, AgentNoun(noun, None, "organization", noun, False))
    return table


#: the fewest letters before an agentive ending: "callers" (4) names people, "papers" (3) and
#: "others" (3) do not
AGENTIVE_MIN_STEM = 4


def _agentive_subject(token: Token) -> AgentNoun | None:
    """A plural subject headed by a noun of people by what they do ("Extremists have bombed two
    towns", "mediators who are fighting for Ukraine") that the table lacks: a group with no sector
    (GUIDELINES "Political actors": protesters and civilians as a group; records gold D15).
    Only a verb's active subject: elsewhere such plurals name things as often as people; and
    an "-er", "-or" or "-ant" noun only with a "who" clause ("callers who lambasted him")."""
    if token.tag_ != "NNS" or not _acts(token):
        return None
    lower = token.lower_
    if lower in NON_AGENTIVE_PLURALS or (not token.is_alpha and "-" not in lower):
        return None
    if token.text[:1].isupper() and not token.is_sent_start:
        return None  # "the Reformers said": a name NER missed is read elsewhere
    lemma = token.lemma_.lower()
    if lemma in PEOPLE_NOUNS or lemma in TITLE_WORDS:
        return None  # "the leaders", "ministers": other rules read them (pairs, titles)
    ending = next((s for s in AGENTIVE_SUFFIXES if lower.endswith(s)), None)
    if ending is None:
        # "mediators who are fighting for Ukraine", not "helicopters hit our homes": an
        # ending that names things as often as people needs a "who" clause saying they are
        # people (issue 11: weapons and things are never actors)
        ending = next((s for s in THING_OR_AGENT_SUFFIXES if lower.endswith(s)), None)
        if ending is not None and not _who_clause(token):
            return None
    if ending is None or len(lower) - len(ending) < AGENTIVE_MIN_STEM:
        return None
    return AgentNoun(lower, None, "group", lower, False)  # _acts has read its place


def _who_clause(token: Token) -> bool:
    """Whether a noun heads a relative clause whose subject is "who" ("demonstrators who keep
    vigil"): the clause says the noun names people."""
    return any(
        child.dep_ == "relcl" and any(g.dep_ == "nsubj" and g.tag_ == "WP" for g in child.children)
        for child in token.rights
    )


def _acts(token: Token) -> bool:
    """Whether a noun is the doer of a clause: a verb's active subject ("Extremists have
    bombed"), a passive's "by" ("attacked by demonstrators") or the antecedent of a relative
    subject ("demonstrators who keep vigil"). Not an "-ing" clause's noun: "loudspeakers
    broadcasting propaganda" are things as often as "callers lambasting him" are people."""
    while token.dep_ == "conj" and token.head.pos_ == "NOUN":
        token = token.head  # "FBI agents and police officers scanned the crowd"
    if token.dep_ == "nsubj":
        return token.head.pos_ == "VERB"
    if token.dep_ == "pobj" and token.head.dep_ == "agent":
        return True
    return _who_clause(token)


#: the most (lemma, lower-case form) pairs :func:`_lookup` remembers
LOOKUP_MEMO_ENTRIES = 50_000


def _lookup(token: Token) -> AgentNoun | None:
    # keyed by the vocabulary's hashes of the two strings: every noun of an article is looked up
    # several times (titled_forces, then agent_candidates), and reading a token's strings back
    # costs more than the table's lookups
    return _lookup_ids(token.lemma, token.lower, token.vocab.strings)


@lru_cache(maxsize=LOOKUP_MEMO_ENTRIES)
def _lookup_ids(lemma_id: int, lower_id: int, strings: StringStore) -> AgentNoun | None:
    table = agent_nouns()
    lemma, lower = strings[lemma_id].lower(), strings[lower_id]
    found = table.get(lemma) or table.get(lower)
    if found is None and lower.endswith("s"):  # lemmatiser misses: "strikers", "MPs"
        found = table.get(lower[:-1])
    return found


def _name_heads(doc: Doc) -> dict[str, int]:
    """The last words of the organisations' names of several words in ``doc`` ("Academy" of
    "the Islamic Saudi Academy"), each with the index of its first such use: computed once per
    document, so that :func:`_name_head` need not walk the text before every noun."""
    heads: dict[str, int] = {}
    for prior in token_index(doc).where("tag_", {"NNP"}):
        if (
            prior.dep_ != "compound"
            and prior.text not in heads
            and (prior.i + 1 == len(doc) or doc[prior.i + 1].ent_iob_ != "I")
            and any(c.dep_ == "compound" and c.tag_ == "NNP" for c in prior.lefts)
            # an organisation's name: NER's, or a demonym body's ("the Islamic Saudi Academy")
            and (
                prior.ent_type_ == "ORG"
                or any(c.dep_ == "compound" and c.ent_type_ == "NORP" for c in prior.lefts)
            )
        ):
            heads[prior.text] = prior.i
    return heads


def _name_head(token: Token, heads: dict[str, int]) -> AgentNoun | None:
    """ "the academy" after "the Islamic Saudi Academy", "the clinic" after "the Mayo Clinic": a
    definite singular common noun that is the last word of a name of several words the text gave
    before (``heads``: :func:`_name_heads`) stands for what it names (a name's last word is what
    a story keeps calling it), as "the group" does; the resolver takes the organisation whose
    name holds it."""
    if token.tag_ != "NN" or not token.is_lower:
        return None
    lefts = list(token.lefts)
    if len(lefts) != 1 or lefts[0].lower_ != "the" or lefts[0].dep_ != "det":
        return None
    first = heads.get(token.text.capitalize())
    if first is None or first >= token.i:
        return None
    lemma = token.lemma_.lower()
    return AgentNoun(lemma, None, "organization", lemma, False)


def capitalised_description(token: Token) -> bool:
    """ "the Church denied", "the Ministry said": a one-word entity that is an agent noun is a
    description written with a capital, which refers back to the body the article named ("the
    Church of Scientology"), not a name of its own (nor, as NER's ORG "Church", a town)."""
    if token.ent_type_ != "ORG" or token.ent_iob_ != "B" or token.ent_id_:
        return False
    doc = token.doc
    if token.i + 1 < len(doc) and doc[token.i + 1].ent_iob_ == "I":
        return False
    return token.pos_ == "PROPN" and _lookup(token) is not None


def _counted_people(head: Token) -> Candidate | None:
    """ "A group of Montreal-area mayors", "a crowd of protesters": a noun that gathers the people
    of its plural "of" phrase is a group named by those people's words (D47), not "group"."""
    if head.lemma_.lower() not in PARTITIVE_HEADS:
        return None
    people = next(
        (
            p
            for c in head.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children
            if p.dep_ == "pobj" and p.tag_ in {"NNS", "NNPS"}
        ),
        None,
    )
    if people is None:
        return None
    first = people.left_edge.i
    while first < people.i and head.doc[first].dep_ in {"det", "predet"}:
        first += 1
    name = head.doc[first : people.i + 1].text
    start = min([head.i] + [c.i for c in head.lefts if c.dep_ in {"det", "predet"}])
    return Candidate(start, people.i + 1, head.i, "group", "group", name=name, described=True)


def missed_name(head: Token) -> Candidate | None:
    """ "the Australian Broadcasting Corporation", "the Royal Canadian Mounted Police": a
    capitalised agent noun after a capitalised word that is neither a place, a country nor an
    agent noun is the end of an organisation's name NER missed, not a description ("Montreal
    Police", "Russian Army" stay descriptions of a town's or country's body)."""
    if head.tag_ != "NNP" or not head.text[:1].isupper():
        return None  # "Prime Ministers", "Armed Forces": no body's name
    noun = _lookup(head)
    if noun is None or noun.kind != "organization":
        return None
    following = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if following is not None and following.lower_ == "of":
        return None  # "the Armed Forces of Ukraine": the complement says whose
    parts: list[Token] = []
    for child in reversed(list(head.lefts)):
        if child.dep_ != "compound" or child.i != (parts[-1].i if parts else head.i) - 1:
            break
        parts.append(child)
    own = [
        p
        for p in parts
        if p.pos_ == "PROPN"
        and p.text[:1].isupper()
        and p.ent_type_ not in {"GPE", "LOC", "NORP"}
        and _lookup(p) is None
        and not _a_place(p.text)
    ]
    if not own:
        return None
    start = parts[-1].i
    name = head.doc[start : head.i + 1].text
    # "the Greek Orthodox Church": a nationality in the name says whose
    nationality = next((country_of(p) for p in parts if p.ent_type_ == "NORP"), None)
    country = nationality.alpha3 if nationality is not None else None
    return Candidate(start, head.i + 1, head.i, "name", "organization", name=name, country=country)


def _named_in_apposition(head: Token) -> Candidate | None:
    """ "Northern Ireland's biggest Protestant party, the Ulster Unionists, is threatening": a
    group described, then named in apposition by capitalised words NER left untagged; the
    description is a mention of the named body (GUIDELINES "Political actors": a party is an
    organisation by its name), not of an anonymous "Irish party"."""
    name = next((c for c in head.rights if c.dep_ == "appos"), None)
    if name is None or name.pos_ != "PROPN" or name.ent_type_:
        return None
    words = [t for t in name.lefts if t.dep_ == "compound"] + [name]
    if any(t.pos_ != "PROPN" or t.ent_type_ or not t.text[:1].isupper() for t in words):
        return None
    if words[-1].i - words[0].i + 1 != len(words) or _a_place(name.text):
        return None  # "the party, the Greens of Berlin": only a run of capitalised words
    text = head.doc[words[0].i : name.i + 1].text
    country, start = _country_from(head)
    noun = _lookup(head)
    return Candidate(
        start,
        head.i + 1,
        head.i,
        "name",
        "organization",
        name=text,
        country=country,
        sector=noun.sector if noun is not None else None,
    )


def _place_modifier(token: Token) -> str | None:
    """A town or region that modifies an agent noun: "Montreal police", "Regina police",
    "police in Thunder Bay" (the force of a place keeps its name; its country comes from the
    article). A capital's police are a town's force too ("London Police" of London, Kentucky;
    "Paris police")."""
    agent = _lookup(token)
    local_force = agent is not None and agent.sector == "COP"
    places = [c for c in token.lefts if c.dep_ in {"compound", "nmod"}]
    if local_force:
        places += [
            p
            for c in token.rights
            if c.dep_ == "prep" and c.lower_ == "in"
            for p in c.children
            if p.dep_ == "pobj"
        ]
    for child in places:
        if (
            child.ent_type_ in {"GPE", "LOC"}
            and child.pos_ == "PROPN"
            and (country_of(child) is None or (local_force and _capital_only(child.text)))
        ):
            start = child.i  # the whole name ("Thunder Bay police"), not a dateline before it
            while start > 0 and token.doc[start].ent_iob_ == "I":
                start -= 1
            return token.doc[start : child.i + 1].text
    return None


def titled_forces(doc: Doc) -> dict[str, str]:
    """Agent noun -> town, for a town's force the article names somewhere, in a title too
    ("Winnipeg police Const. Jason Michalyshen", "Regina police spokesperson X", "Regina police
    arrested him"), so that its bare "police", before or after, is that force; a noun with two
    towns is left out (which force a bare "police" is would be a guess)."""
    found: dict[str, set[str]] = {}
    index = token_index(doc)
    nouns = index.positions("pos_", {"NOUN", "PROPN"})
    # each noun looked up by its ids (:func:`_lookup`'s memo), the few police nouns read as
    # Tokens: a Token's strings read back for every noun of the article cost more than the rest
    lemmas, lowers = index.column("lemma_")[nouns].tolist(), index.column("lower_")[nouns].tolist()
    strings = doc.vocab.strings
    for position, lemma_id, lower_id in zip(nouns, lemmas, lowers, strict=True):
        agent = _lookup_ids(lemma_id, lower_id, strings)
        if agent is None or agent.sector != "COP":
            continue
        token = index.tokens[position]
        place = _place_modifier(token) or _town_before(token)
        if place is not None:
            found.setdefault(agent.name, set()).add(place)
    return {noun: next(iter(places)) for noun, places in found.items() if len(places) == 1}


def _town_before(token: Token) -> str | None:
    """The town named right before a noun the parser hung elsewhere ("[Winnipeg] police Const.")."""
    doc = token.doc
    if token.i == 0 or doc[token.i - 1].ent_type_ not in {"GPE", "LOC"}:
        return None
    start = token.i - 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    name = doc[start : token.i].text
    if country_of(doc[token.i - 1]) is not None and not _capital_only(name):
        return None  # "Ukrainian police": a country's force (the agent rules)
    return name


def _capital_only(name: str) -> bool:
    """A capital's name that is not also a country's ("London", not "Singapore")."""
    from dateline.countries import country_by_capital, country_by_name

    return country_by_name(name) is None and country_by_capital(name) is not None


def _elsewhere(doc: Doc, capital: str) -> bool:
    """Whether the article puts a capital's namesake in another country: "LONDON, Ky." (a
    place name followed by a region or country that is not the capital's own)."""
    from dateline.countries import country_by_capital

    own = country_by_capital(capital)
    for token in doc:
        if (
            token.lower_ != capital.lower()
            or token.i + 2 >= len(doc)
            or doc[token.i + 1].text != ","
        ):
            continue
        after = doc[token.i + 2]
        if after.ent_type_ == "GPE" and (own is None or country_of(after) != own):
            return True
    return False


def _country_from(token: Token) -> tuple[str | None, int]:
    """(the country the noun's modifiers or complements name, the first token of the mention)."""
    start = token.left_edge.i
    country: str | None = None
    for child in token.lefts:
        if child.dep_ == "poss" and (child.ent_type_ == "PERSON" or child.pos_ == "PRON"):
            # "Trump's lawyers", "its forces": the owner stays a mention of its own
            start = max(start, child.right_edge.i + 1)
            continue
        if child.dep_ in {"poss", "amod", "compound", "nmod"} and child.ent_type_ in {
            "GPE",
            "NORP",
        }:
            found = country_of(child)
            if found is not None:
                country = found.alpha3
    if country is None:
        for child in token.rights:
            if child.dep_ == "prep" and child.lower_ in COUNTRY_PREPOSITIONS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.ent_type_ == "GPE":
                        found = country_of(pobj)
                        if found is not None:
                            country = found.alpha3
    for between in token.doc[start : token.i]:
        if between.text in DASHES and between.i > 0 and token.doc[between.i - 1].whitespace_:
            # "Senior Lieutenant Ahasyiev Kyrylo Yashar oğlu - platoon commander": a spaced dash
            # sets the description apart from the name before it, a mention of its own
            start = between.i + 1
    while start < token.i and token.doc[start].text in POSSESSIVE:
        start += 1
    return country, start


#: dashes that, spaced, set a description apart ("X - platoon commander of ...")
DASHES = word_set("actors", "agents.dashes")


NOT_ACRONYMS = word_set("actors", "agents.not_acronyms")
ACRONYM_DEPS = word_set("actors", "agents.acronym_deps")
#: the longest acronym of an organisation ("UN", "ICE", "USAID", "UNICEF"); a longer word in
#: capitals is a shouted word or a headline's
ACRONYM_MAX_CHARS = 6
#: the most names whose gazetteer answer :func:`_a_place` remembers
PLACE_NAMES_CACHED = 4096
#: a sentence with fewer lower-case words is a title-case headline, whose capitals name nothing
SENTENCE_MIN_LOWER_WORDS = 3


def _police_body(doc: Doc, start: int, head: Token) -> Candidate:
    """A police organisation named from ``start`` (its determiners left out) to ``head``."""
    while start < head.i and doc[start].dep_ == "det":
        start += 1
    name = doc[start : head.i + 1].text
    return Candidate(start, head.i + 1, head.i, "name", "organization", name=name, sector="COP")


def sheriff_candidates(doc: Doc) -> list[Candidate]:
    """ "the Los Angeles Sheriff's office", "the Barren County Sheriff's Department": a sheriff's
    force named by its place, which NER leaves untagged: a police organisation."""
    found: list[Candidate] = []
    for token in token_index(doc).where("lower_", SHERIFF_OFFICES):
        if token.ent_type_ not in UNNAMED_BODY_TAGS:
            continue  # NER may take it for a building or a county; an ORG is a name already
        owner = next(
            (c for c in token.children if c.dep_ == "poss" and c.lower_ == "sheriff"), None
        )
        if owner is None or not any(c.dep_ == "compound" for c in owner.children):
            continue  # "the sheriff's office" names no one force
        found.append(_police_body(doc, owner.left_edge.i, token))
    return found


def patrol_candidates(doc: Doc) -> list[Candidate]:
    """ "reported the Missouri State Highway Patrol", "according to the Highway Patrol": a
    police body named by a capitalised head NER leaves untagged (or takes for a building, FAC)
    after capitalised words of its own; "a joint patrol" is an activity, no body."""
    found: list[Candidate] = []
    for token in token_index(doc).where("lower_", POLICE_BODY_HEADS):
        if token.tag_ != "NNP" or not token.is_title:
            continue
        if token.ent_type_ not in UNNAMED_BODY_TAGS:
            continue  # an ORG is a name already
        parts = [c for c in token.lefts if c.dep_ == "compound"]
        if not parts or not all(p.text[:1].isupper() for p in parts):
            continue
        found.append(_police_body(doc, min(p.left_edge.i for p in parts), token))
    return found


def demonym_bodies(doc: Doc) -> list[Candidate]:
    """ "the British Red Cross", "the Greek Ministry of Culture": a demonym and capitalised words
    NER left untagged, ending in a proper noun (and its capitalised "of" phrase), are a body's
    name, of the demonym's country; not a title ("Russian President"), a person or a force
    noun ("the Indonesian Navy", a group of its country)."""
    found: list[Candidate] = []
    for head in token_index(doc).where("tag_", {"NNP"}):
        if not head.is_title or head.ent_type_:
            continue
        if head.lower_ in TITLE_WORDS:
            continue
        parts = [c for c in head.lefts if c.dep_ == "compound"]
        if not parts or parts[-1].i != head.i - 1 or len(parts) != head.i - parts[0].i:
            continue
        # the demonym may follow other capitalised words of the name ("the Islamic Saudi
        # Academy"), which NER left untagged or took for demonyms of no country
        at = next((k for k, w in enumerate(parts) if w.ent_type_ == "NORP" and country_of(w)), None)
        if at is None or any(
            not w.is_title
            or w.ent_type_ not in {"", "NORP"}
            or w.lower_ in TITLE_WORDS
            or is_first_name(w.text)
            for w in parts[:at]
        ):
            continue
        words = parts[at + 1 :]
        if any(
            not w.is_title or w.ent_type_ or w.lower_ in TITLE_WORDS or is_first_name(w.text)
            for w in words
        ):
            continue
        end = head.i + 1
        of = doc[end] if end < len(doc) else None
        if of is not None and of.lower_ == "of" and of.head.i == head.i:
            whose = [t for t in of.children if t.dep_ == "pobj"]
            if whose and whose[0].tag_ == "NNP" and whose[0].is_title and not whose[0].ent_type_:
                end = whose[0].i + 1
        if end == head.i + 1 and head.lemma_.lower() in GROUP_NOUNS:
            continue  # "the Indonesian Navy", "the Greek Ministry": its country's (not "of X")
        start = parts[0].i
        name = doc[start:end].text
        found.append(Candidate(start, end, head.i, "name", "organization", name=name))
    return found


def acronym_candidates(doc: Doc) -> list[Candidate]:
    """An all-capital word NER missed, as an argument, is an organisation ("ICE", "ELN", "USAID").

    Newswire introduces organisations by their acronym far more often than anything else in
    capitals; headlines and datelines in capitals ("UNITED NATIONS --") are left out by requiring
    lower-case neighbours.
    """
    found: list[Candidate] = []
    index = token_index(doc)
    # only the words all capitals and letters (the lexemes' flags, one column each) are read as
    # Tokens: a third of an article's words are nouns or adjectives, few of them acronyms
    capitals = (index.column("is_alpha") & index.column("is_upper")).nonzero()[0].tolist()
    words = set(index.positions("pos_", {"NOUN", "PROPN", "ADJ"})).intersection(capitals)
    tokens = index.tokens
    for position in sorted(words):  # in text order
        token = tokens[position]
        text = token.text
        if not (2 <= len(text) <= ACRONYM_MAX_CHARS and text.isalpha() and text.isupper()):
            continue
        if token.ent_type_ or text in NOT_ACRONYMS:
            continue
        if token.dep_ not in ACRONYM_DEPS or names_an_offence(token):
            continue
        neighbours = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
        if any(n.is_alpha and n.is_upper for n in neighbours):
            continue
        found.append(Candidate(token.i, token.i + 1, token.i, "name", "organization", name=text))
    return found


@lru_cache(maxsize=PLACE_NAMES_CACHED)
def _a_place(name: str) -> bool:
    """Whether the gazetteer knows ``name`` as a populated place or an area (its own name);
    remembered for the names asked most lately (the gazetteer does not change in a run)."""
    from dateline.gazetteer import load_gazetteer

    return any(entry.kind == 0 for entry in load_gazetteer().lookup(name))


def unnamed_subject_candidates(doc: Doc) -> list[Candidate]:
    """A capitalised proper noun NER missed, as a clause's subject, names an actor ("Sisi",
    "Peshmerga"): the subject of a news verb is nearly always somebody. Headlines in title case
    are left out (a sentence needs three lower-case words), and so are words the other rules
    read (agent nouns, countries, titles).
    """
    found: list[Candidate] = []
    index = token_index(doc)
    # lower-case words counted up to each token, from the columns (not a walk per sentence);
    # the proper nouns visited sentence by sentence, as a walk of each sentence would
    lower_words = (index.column("is_alpha") & index.column("is_lower")).cumsum().tolist()
    proper = index.positions("pos_", {"PROPN"})
    for sent in index.sentences:
        before = lower_words[sent.start - 1] if sent.start else 0
        if lower_words[sent.end - 1] - before < SENTENCE_MIN_LOWER_WORDS:
            continue
        first = bisect.bisect_left(proper, sent.start)
        for i in proper[first : bisect.bisect_left(proper, sent.end)]:
            token = index.tokens[i]
            if token.dep_ not in SUBJECT_DEPS or token.ent_type_:
                continue
            if not token.text[:1].isupper() or _lookup(token) is not None:
                continue
            parts = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
            # "Toronto MPP Jessica Bell": a place among the title words before a given name
            given = next((p.i for p in parts if is_first_name(p.text)), None)
            named = [p for p in parts if given is None or p.i >= given]
            if any(p.ent_type_ for p in named) or token.lower_ in TITLE_WORDS:
                continue
            if token.tag_ == "NNPS":
                continue  # "The Chornobyls remember": a plural name NER missed is no actor
            start = parts[0].i if parts else token.i
            if _a_place(doc[start : token.i + 1].text):
                continue  # "Yuzhno-Sakhalinsk hosted the forum": a town, not an actor
            name = doc[start : token.i + 1].text
            found.append(Candidate(start, token.i + 1, token.i, "name", "organization", name=name))
    return found


def _after_a_kicker(token: Token) -> bool:
    """ "Turkish bus attack: 13 off-duty soldiers killed by car bomb": the parser makes the
    title's subject an apposition of the kicker before the colon; it is a mention of its own."""
    start = token.left_edge.i
    return token.dep_ == "appos" and start > 0 and token.doc[start - 1].text == ":"


def _suicide_carrier(token: Token) -> AgentNoun | None:
    """ "A suicide car bomb killed 13 soldiers": the bomber did it; "a car bomb" names no one."""
    carrier = SUICIDE_WEAPONS.get(token.lemma_.lower())
    if carrier is None or not any(c.lower_ in SUICIDE_MARKS for c in token.lefts):
        return None
    return agent_nouns().get(carrier)


#: the most (lemma, lower-case form, tag) triples :func:`_may_name_an_agent` remembers
MAY_NAME_MEMO_ENTRIES = 50_000


@lru_cache(maxsize=MAY_NAME_MEMO_ENTRIES)
def _may_name_an_agent(
    lemma_id: int, lower_id: int, tag_id: int, strings: StringStore
) -> bool | None:
    """Whether a noun of these vocabulary ids may be an agent for :func:`agent_candidates`: a
    superset of the words ``_lookup``, ``_suicide_carrier`` and ``_agentive_subject`` can
    answer for (None: only as ``_name_head``'s singular common noun, which needs a name of the
    article). Read from the ids once per distinct word, so that the loop leaves at once the
    nouns no test can make an agent (most of an article's nouns: "talks", "Ukraine")."""
    if _lookup_ids(lemma_id, lower_id, strings) is not None:
        return True
    if strings[lemma_id].lower() in SUICIDE_WEAPONS:
        return True
    tag = strings[tag_id]
    if tag == "NNS":
        lower = strings[lower_id]
        return lower not in NON_AGENTIVE_PLURALS and any(
            lower.endswith(s) for s in AGENTIVE_SUFFIXES + THING_OR_AGENT_SUFFIXES
        )
    return None if tag == "NN" else False


def agent_candidates(doc: Doc) -> list[Candidate]:
    """A candidate for every noun phrase headed by an agent noun (see the module docstring)."""
    found: list[Candidate] = []
    name_heads = _name_heads(doc)
    index = token_index(doc)
    nouns = index.positions("pos_", {"NOUN", "PROPN"})
    # the nouns no agent test can answer for, left before any of their attributes is read
    # (one lookup per noun in a memo of the word's ids; the columns are read once per Doc)
    ids = zip(
        index.column("lemma_")[nouns].tolist(),
        index.column("lower_")[nouns].tolist(),
        index.column("tag_")[nouns].tolist(),
        strict=True,
    )
    strings = doc.vocab.strings
    tokens = index.tokens
    for position, (lemma_id, lower_id, tag_id) in zip(nouns, ids, strict=True):
        may = _may_name_an_agent(lemma_id, lower_id, tag_id, strings)
        if may is False or (
            # _name_head's noun is lower-case: its word, capitalised, ends a name given before
            may is None and (not name_heads or strings[lower_id].capitalize() not in name_heads)
        ):
            continue
        token = tokens[position]
        if token.ent_type_ in NAMED and not (
            capitalised_description(token) or _name_head(token, name_heads)
        ):
            continue
        if token.dep_ in NON_REFERRING_DEPS and not _after_a_kicker(token):
            continue  # "police station", "a court ruling", "he is a judge"
        if (
            token.dep_ == "pobj"
            and token.head.lower_ in PREDICATIVE_PREPOSITIONS
            and token.head.head.pos_ in {"VERB", "AUX"}
        ):
            continue  # "treated as terrorists", "served as a mediator": what one is taken for
        agent = (
            _lookup(token)
            or _name_head(token, name_heads)
            or _suicide_carrier(token)
            or _agentive_subject(token)
        )
        if agent is None:
            continue
        if any(c.lower_ in CORPORATE_TITLE_MODIFIERS for c in token.lefts):
            continue  # "chief executive officer": a company's title, no police
        if agent.lemma in TALK_PARTY_NOUNS and _talk_parties(token):
            continue  # "The parties discussed ...": the talk's sides, no political party
        if agent.lemma in ANAPHORIC_NOUNS and any(
            c.dep_ == "compound" and c.lemma_.lower() in GROUP_NOUNS for c in token.lefts
        ):
            continue  # "troop movements": where the troops go, no body of their own
        counted = _counted_people(token)
        if counted is not None:
            found.append(counted)
            continue
        missed = missed_name(token) or _named_in_apposition(token)
        if missed is not None:
            found.append(missed)
            continue
        if any(
            c.dep_ in {"poss", "compound", "amod"} and c.ent_type_ == "ORG" for c in token.lefts
        ):
            continue  # "AU officials", "Hamas fighters": the named body is the actor
        if agent.subject_only and not (
            token.dep_ in SUBJECT_DEPS or (token.dep_ == "pobj" and token.head.dep_ == "agent")
        ):
            continue
        sector = agent.sector
        if agent.lemma in VAGUE_HEADS:
            for child in token.lefts:
                modifier = _lookup(child) if child.dep_ in {"compound", "amod"} else None
                if modifier is not None and modifier.sector:
                    sector = modifier.sector  # "army officers" are MIL, "police officials" COP
        country, start = _country_from(token)
        target = agent.kind
        if sector == "GOV" and country is not None and agent.lemma not in POSTS_ABROAD:
            target = "country"  # "the Iranian government", "Russian officials": the state
        candidate = Candidate(
            start, token.i + 1, token.i, "group", target, country=country, sector=sector
        )
        candidate.agent = agent.name
        place = _place_modifier(token)
        if place is not None:
            candidate.place = place
            if _capital_only(place) and _elsewhere(doc, place):
                candidate.country = None  # "LONDON, Ky. - London Police": not Britain's
        candidate.number = "plural" if token.tag_ in {"NNS", "NNPS"} else "singular"
        if country is None:  # "his troops": the country of whoever "his" is
            owner = next((c for c in token.lefts if c.dep_ == "poss"), None)
            if owner is not None and owner.lower_ in PERSONAL_POSSESSIVES:
                candidate.possessor = owner.i
        first = doc[start]
        if first.lower_ in DETERMINERS and candidate.number == "singular":
            candidate.definite = True
        found.append(candidate)
    return found


def _talk_parties(token: Token) -> bool:
    """ "The parties discussed the situation": a bare definite plural (nothing before it but a
    determiner, nothing after it saying which) in an article where no body of that noun is
    named or described ("the Labour Party", "opposition parties"): the parties of a talk."""
    if token.tag_ != "NNS" or not all(c.lower_ in DETERMINERS for c in token.lefts):
        return False
    if any(c.dep_ in QUALIFYING_DEPS for c in token.rights):
        return False
    return not any(
        other.text[:1].isupper() or any(c.dep_ in {"amod", "compound"} for c in other.lefts)
        for other in token_index(token.doc).where("lower_", {token.lower_, token.lemma_.lower()})
        if other.i != token.i and not other.is_sent_start
    )


THING_PRONOUNS = word_map("actors", "agents.thing_pronouns")
OBJECT_THING_PRONOUNS = word_set("actors", "agents.object_thing_pronouns")
DUMMY_IT_VERBS = word_set("actors", "agents.dummy_it_verbs")


def pronoun_candidates(doc: Doc) -> list[Candidate]:
    found = []
    for token in token_index(doc).where("pos_", {"PRON"}):
        if token.lower_ in PERSON_PRONOUNS:
            gender = "m" if token.lower_ in MALE_PRONOUNS else "f"
            found.append(
                Candidate(token.i, token.i + 1, token.i, "pronoun", "person", gender=gender)
            )
        elif token.lower_ in THING_PRONOUNS and (
            token.dep_ in {"nsubj", "nsubjpass", "poss"}
            or (token.lower_ in OBJECT_THING_PRONOUNS and token.dep_ in {"dobj", "dative"})
        ):
            if token.dep_ != "poss" and token.head.lemma_.lower() in DUMMY_IT_VERBS:
                continue
            if (
                token.lower_ == "it"
                and token.dep_ == "nsubjpass"
                and any(c.dep_ in {"ccomp", "xcomp"} for c in token.head.children)
            ):
                continue  # "It was agreed to ...", "it was noted that ...": nothing is referred to
            candidate = Candidate(token.i, token.i + 1, token.i, "pronoun", "organization")
            candidate.number = THING_PRONOUNS[token.lower_]
            found.append(candidate)
    return found


__all__ = [
    "ANAPHORIC_NOUNS",
    "AgentNoun",
    "acronym_candidates",
    "agent_candidates",
    "agent_nouns",
    "pronoun_candidates",
    "unnamed_subject_candidates",
]
