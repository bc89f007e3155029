"""Resolving mention candidates to actors: names, surnames, roles, pronouns (rule-based coreference).

No offline coreference model exists for this setting (design.md), so this is a small set of rules
in the spirit of Lappin & Leass (1994) and Raghunathan et al.'s sieves (2010), applied in text order:

1. names: an actor-table id from the entity ruler, else the registry of earlier articles, else a
   slug of the name; a bare surname ("Putin", "Mr. Clinton") joins the full name ending with it;
2. role nouns ("the Russian leader", "the American president"): the person in the article already
   known to hold a matching role in that country, else the actor table's office holder on the
   article's date, else a new role actor ("United States envoy to Ukraine"); a bare "the
   President" is the article's salient holder, not the nearest (:mod:`dateline.actors.salience`);
3. pronouns (he/she/his/her): the most recent compatible person, subjects first, within three
   sentences; gender learned from earlier pronouns and titles, else the prior of
   :mod:`dateline.actors.gender` (the actor table, a confident first name), which only applies
   while some antecedent agrees with it; never a co-argument of the same verb (binding
   principle B: in "Trump praised him", him is not Trump).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

from dateline.actors import anaphora, bodies, enemies, salience
from dateline.actors.gender import is_first_name, looks_like_person, name_gender, titled_person
from dateline.actors.index import token_index
from dateline.actors.lexicon import (
    ARGUMENT_DEPS,
    GROUP_NAMES,
    MALE_PRONOUNS,
    ORG_SECTOR_WORDS,
    PARLIAMENTARY,
    ROLE_NOUNS,
    SUBJECT_DEPS,
    TITLE_WORDS,
)
from dateline.actors.mentions import STATE_PLURALS, Candidate
from dateline.actors.offices import Offices
from dateline.actors.speakers import Voices, audience_name
from dateline.countries import (
    country_by_capital,
    country_by_code,
    country_by_demonym,
    country_by_name,
)
from dateline.names import same_person
from dateline.words import word_seq, word_set

#: named groups that are parties ("Republicans", "Democrats"): sector PTY
PARTY_NAMES = word_set("actors", "coref.party_names")
COMPASS_WORDS = word_set("actors", "coref.compass_words")

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from dateline.actor_table import ActorEntry

#: the offices of a country's "leader" ("the Russian leader"), by system of government
PARLIAMENTARY_LEADER_OFFICES = word_seq("actors", "coref.parliamentary_leader_offices")
LEADER_OFFICES = word_seq("actors", "coref.leader_offices")
#: how many sentences back a pronoun may find its antecedent
PRONOUN_WINDOW = 3
#: entity labels of the places whose country a sentence's people take ("in southern China")
PLACE_LABELS = word_set("actors", "coref.place_labels")
#: sectors of a bare state body an address or turn gives the speaker's country
#: (``Resolver._place_speakers_bodies``): not LEG or JUD, often another state's in a speech
SPEAKERS_BODY_SECTORS = word_set("actors", "coref.speakers_body_sectors")
#: how many people "the two leaders" are
PAIR = 2
#: courtesy titles ("Mr", "Ms") that open a turn's vocative ("Mr President, ...")
HONORIFIC_WORDS = word_set("actors", "mentions.honorifics")
#: a vocative opening a turn is three tokens: the courtesy title, the title or surname, the comma
VOCATIVE_TOKENS = 3
HONORIFICS = re.compile(r"^(mr|mrs|ms|dr|sen|rep|gov|gen)\.?\s+", re.IGNORECASE)
#: words of a vocative besides the name and its titles ("Dear Prime Minister Bennett, ...")
VOCATIVE_WORDS = word_set("actors", "coref.vocative_words")
#: marks that close a vocative around "you" ("Thank you, Mr President, for ...")
VOCATIVE_MARKS = word_set("actors", "coref.vocative_marks")
#: the longest vocative in tokens ("Dear Prime Minister Naftali Bennett")
VOCATIVE_LENGTH = 6


def _addresses(words: list[Token]) -> bool:
    """Words that can only address someone: names, titles and courtesy words, one name at
    least ("Mr President", "Dear Prime Minister Bennett", "Amsterdam"; not "Today")."""
    return (
        0 < len(words) <= VOCATIVE_LENGTH
        and any(t.pos_ == "PROPN" for t in words)
        and all(
            t.pos_ == "PROPN"
            or t.lower_ in VOCATIVE_WORDS
            or t.lower_ in HONORIFIC_WORDS
            or t.lower_ in TITLE_WORDS
            for t in words
        )
    )


def vocatives(you: Token) -> list[tuple[int, int]]:
    """The token spans that address someone in the sentence of ``you``: its opening words up
    to a comma ("Mr Rahmon, Thank you for accepting our invitation"), the words set off right
    after "you" ("Thank you, Mr President, for your words"), its closing words after a comma
    ("Thank you for this sincerity, Amsterdam!")."""
    words = [t for t in you.sent if not t.is_space]
    found = []
    commas = [i for i, t in enumerate(words) if t.text == ","]
    if commas:
        # a transcript's turn label runs into its first sentence ("Vladimir Putin: Mr Rahmon,")
        colons = [i for i in range(commas[0]) if words[i].text == ":"]
        first = colons[-1] + 1 if colons else 0
        if _addresses(words[first : commas[0]]):
            found.append((words[first].i, words[commas[0]].i))
    at = next((i for i, t in enumerate(words) if t.i == you.i), None)
    if at is not None and at + 1 < len(words) and words[at + 1].text == ",":
        close = next(
            (j for j in range(at + 2, len(words)) if words[j].text in VOCATIVE_MARKS), None
        )
        if close is not None and _addresses(words[at + 2 : close]):
            found.append((words[at + 2].i, words[close].i))
    closed = len(words) > 1 and words[-1].text in VOCATIVE_MARKS - {","}
    if commas and closed and _addresses(words[commas[-1] + 1 : -1]):
        found.append((words[commas[-1] + 1].i, words[-1].i))
    return found


class ActorRegistry(Protocol):
    """What earlier articles taught: a known actor by name (see dateline.storage's actors table)."""

    def known_actor(self, name: str) -> ActorEntry | None: ...


@dataclass
class Draft:
    """An actor being assembled from its mentions."""

    id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    source: str = "ner"
    gender: str | None = None  # what the text says (titles, pronouns)
    prior: str | None = None  # the actor table's or the first name's gender, before the text
    roles: set[str] = field(default_factory=set)
    mentions: list[Candidate] = field(default_factory=list)


#: the most names :func:`slug` remembers: the same few (countries above all) are slugged again
#: for every mention, 13,636 times over the benchmark's 400 articles for 2,631 names
SLUG_MEMO_ENTRIES = 8_192
_NOT_A_WORD = re.compile(r"[\W_]+")
_POSSESSIVE_END = re.compile(r"['’]s?$")


@lru_cache(maxsize=SLUG_MEMO_ENTRIES)
def slug(text: str) -> str:
    """A readable id: accents folded to ASCII ("Łódź" → "lodz"), other scripts kept as they are
    ("Україні" stays Cyrillic), so no two different names fall back to one id."""
    folded = unicodedata.normalize(
        "NFKD", text.replace("’", "'").replace("ł", "l").replace("Ł", "L")
    )
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
    readable = _NOT_A_WORD.sub("-", folded).strip("-")
    if readable:
        return readable
    return "actor-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def clean_name(name: str) -> str:
    name = _POSSESSIVE_END.sub("", name.strip()).strip()
    return HONORIFICS.sub("", name)


@dataclass(frozen=True)
class TableKeys:
    """The actor table's rows by id and its ids by case-folded alias: made once per table (the
    actors stage keeps it, as it keeps :class:`~dateline.actors.offices.Offices`), not once per
    article; read only."""

    by_id: dict[str, tuple[ActorEntry, ...]]
    by_alias: dict[str, str]

    @classmethod
    def of(cls, table: list[ActorEntry]) -> TableKeys:
        by_id: dict[str, list[ActorEntry]] = {}
        by_alias: dict[str, str] = {}
        for entry in table:
            by_id.setdefault(entry.id, []).append(entry)
            for alias in entry.aliases:
                by_alias.setdefault(alias.casefold(), entry.id)
        return cls({key: tuple(rows) for key, rows in by_id.items()}, by_alias)


class Resolver:
    """Assigns every candidate of one article to a :class:`Draft` actor."""

    def __init__(
        self,
        doc: Doc,
        day: dt.date,
        table: list[ActorEntry],
        registry: ActorRegistry | None = None,
        home: str | None = None,
        voices: Voices | None = None,
        offices: Offices | None = None,
        keys: TableKeys | None = None,
    ) -> None:
        self.doc = doc
        #: who speaks where (turns of a transcript, the voice of an address)
        self.voices = voices
        self._speakers: dict[int | None, Draft | None] = {}
        #: the address's audience (``_audience``: one walk of the mentions, done once; None is
        #: an answer too, hence the flag)
        self._audience_found = False
        self._audience_draft: Draft | None = None
        self._entities: list[tuple[int, int, SpacySpan]] | None = None  # see _person_entities
        #: surname -> the first full name ending with it (set by ``resolve``)
        self.surnames: dict[str, str] = {}
        #: given name -> the one full name of the article starting with it (set by ``resolve``)
        self.given_names: dict[str, str] = {}
        #: agents named with their town ("Montreal police"), by agent noun: a later bare
        #: "police" is the same force
        self.local_agents: dict[str, Draft] = {}
        #: forces named only in titles, by agent noun (``agents.titled_forces``; computed once)
        self.titled_forces: dict[str, str] | None = None
        self.day = day
        #: alpha-3 of the publishing outlet's country: a bare "the President" in an article that
        #: names no president is that country's (press offices, national papers)
        self.home = home
        self.table = table
        self.registry = registry
        keys = keys or TableKeys.of(table)
        self.by_id = keys.by_id
        self.by_alias = keys.by_alias
        self.drafts: dict[str, Draft] = {}
        self.assigned: list[tuple[Candidate, Draft]] = []
        self.candidates: list[Candidate] = []
        #: the article's only country and where it is first named, if it names one
        self.context: tuple[str, int] | None = None
        self._starts: list[int] | None = None
        #: the table's offices by institution; the stage builds them once for its table
        self.offices = offices
        #: head tokens of the unnamed person descriptions of the title and lede ("Ohio man",
        #: "A Regina teenager"), and the one private person the article names with an age
        #: (``anaphora.lede_descriptions``, ``anaphora.aged_person``; set by ``resolve``)
        self.lede_descriptions: set[int] = set()
        self.protagonist: Candidate | None = None
        self.lede_introductions: dict[str, Candidate] = {}
        self.aged_people: list[str] = []

    # -- actor table ------------------------------------------------------------------------
    def entry_on_day(self, actor_id: str) -> tuple[ActorEntry | None, ActorEntry | None]:
        """(the row active on the article's date, any row) for a table id."""
        rows = self.by_id.get(actor_id, ())
        active = next((row for row in rows if row.active_on(self.day)), None)
        return active, (rows[0] if rows else None)

    def draft_from_table(self, actor_id: str) -> Draft:
        if actor_id in self.drafts:
            return self.drafts[actor_id]
        active, any_row = self.entry_on_day(actor_id)
        row = active or any_row
        assert row is not None
        draft = Draft(actor_id, row.name, row.kind, row.country, None, "table")
        draft.prior = next((r.gender for r in self.by_id[actor_id] if r.gender), None)
        if active is not None:  # a role applies only while it was held
            draft.sector = active.sector
            if active.role:
                draft.roles.add(active.role.lower())
        elif row.kind != "person":
            draft.sector = row.sector
        self.drafts[actor_id] = draft
        return draft

    def draft_named(self, name: str, kind: str, **attrs: str | None) -> Draft:
        """The draft whose id is the slug of ``name``."""
        return self.draft(slug(name), name, kind, **attrs)

    @property
    def sentence_starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [s.start for s in token_index(self.doc).sentences]
        return self._starts

    def draft(self, actor_id: str, name: str, kind: str, **attrs: str | None) -> Draft:
        if actor_id not in self.drafts:
            self.drafts[actor_id] = Draft(actor_id, name, kind, **attrs)  # type: ignore[arg-type]
        return self.drafts[actor_id]

    # -- names ------------------------------------------------------------------------------
    def _full_names(self, candidates: list[Candidate]) -> dict[str, str]:
        """Surname -> the first full name in the article that ends with it. Also sets
        :attr:`given_names`: a given name -> the one full name that starts with it."""
        surnames: dict[str, str] = {}
        given: dict[str, set[str]] = {}
        for cand in candidates:
            if cand.target == "person" and cand.name:
                name = clean_name(cand.name)
                parts = name.split()
                if len(parts) >= 2:
                    surnames.setdefault(parts[-1].casefold(), name)
                    given.setdefault(parts[0].casefold(), set()).add(name)
        self.given_names = {
            first: next(iter(names))
            for first, names in given.items()
            if len(names) == 1 and first not in surnames and is_first_name(first.title())
        }
        return surnames

    def person(self, cand: Candidate, surnames: dict[str, str]) -> Draft:
        name = clean_name(cand.name)
        table_id = (
            cand.table_id if cand.table_id in self.by_id else self.by_alias.get(name.casefold())
        )
        if table_id is None and len(name.split()) == 1 and name.casefold() in surnames:
            full = surnames[name.casefold()]
            table_id = self.by_alias.get(full.casefold())
            name = full
        elif table_id is None and name.casefold() in self.given_names:
            # "Daniel" after "Daniel Montalvo": the one person of the article with that given name
            name = self.given_names[name.casefold()]
            table_id = self.by_alias.get(name.casefold())
        if table_id is not None and self._other_gender(table_id, cand.gender or name_gender(name)):
            table_id = None  # "First Lady Jill Biden", "Mrs. Emine Erdogan": a namesake, not him
        if table_id is not None:
            return self.draft_from_table(table_id)
        if self.registry is not None and (known := self.registry.known_actor(name)) is not None:
            if known.id not in self.drafts:
                self.drafts[known.id] = Draft(
                    known.id, known.name, known.kind, known.country, known.sector, "registry"
                )
                self.drafts[known.id].prior = known.gender or name_gender(known.name)
            return self.drafts[known.id]
        variant = next(
            (d for d in self.drafts.values() if d.kind == "person" and same_person(d.name, name)),
            None,
        )
        if variant is not None:  # "Oleh Ustenko" after "Oleg Ustenko": one person (issue 11)
            return variant
        draft = self.draft(slug(name), name, "person")
        draft.prior = draft.prior or name_gender(name)
        if draft.kind == "organization" and draft.source == "ner" and draft.prior is not None:
            # the small model tagged the same name ORG earlier ("Olena Zelenska" after "The
            # First Lady of Ukraine"); a PERSON tag and a first name say it is a person
            draft.kind = "person"
        return draft

    def _other_gender(self, table_id: str, said: str | None) -> bool:
        """Whether the text or the first name gives a gender the table's person does not have."""
        known = next((row.gender for row in self.by_id.get(table_id, []) if row.gender), None)
        return said is not None and known is not None and said != known

    def organization(self, cand: Candidate) -> Draft:
        name = clean_name(cand.name)
        if self.offices is None:
            self.offices = Offices.of(self.table)
        held = self.offices.around(self.doc, cand.start, cand.end, name, self.day)
        if held is not None:  # "the President of the European Council": its holder that day
            row, cand.start, cand.end = held
            return self.draft_from_table(row.id)
        surnames = self.surnames
        if len(name.split()) == 1 and name.casefold() in surnames:
            # "Emery was released": the small model tags a bare surname ORG; the article named
            # the person in full before ("Marc Emery")
            return self.person(cand, surnames)
        table_id = (
            cand.table_id if cand.table_id in self.by_id else self.by_alias.get(name.casefold())
        )
        if table_id is not None:
            return self.draft_from_table(table_id)
        spelled_out = next(
            (
                d
                for d in self.drafts.values()
                if d.kind == "organization" and anaphora.initialism_of(name, d.name)
            ),
            None,
        )
        if spelled_out is not None:  # "the LA Sheriff's office" after "the Los Angeles ..."
            return spelled_out
        shortened = self._shortened(name)
        if shortened is not None:  # "the Highway Patrol" after "the Missouri State Highway ..."
            return shortened
        if self.registry is not None and (known := self.registry.known_actor(name)) is not None:
            return self.draft(
                known.id,
                known.name,
                known.kind,
                country=known.country,
                sector=known.sector,
                source="registry",
            )
        lower = f" {name.lower()} "
        sector = cand.sector or next(
            (
                s
                for word, s in ORG_SECTOR_WORDS.items()
                if f" {word} " in lower or f" {word}." in lower
            ),
            None,
        )
        country = None
        for word in name.replace("'s", "").split():
            found = country_by_name(word) or country_by_demonym(word)
            if found:
                country = found.alpha3
                break
        return self.draft(slug(name), name, "organization", country=country, sector=sector)

    def _shortened(self, name: str) -> Draft | None:
        """The one organisation named before whose name ends with ``name``, of two words or
        more: "the Highway Patrol" is the "Missouri State Highway Patrol" the text named first
        (a name's last words are what a story keeps calling it), not a body of its own."""
        if len(name.split()) < 2:
            return None
        tail = f" {name.casefold()}"
        found = {
            d.id: d
            for d in self.drafts.values()
            if d.kind == "organization" and d.name.casefold().endswith(tail)
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def country(self, alpha3: str, sector: str | None = None) -> Draft:
        country = country_by_code(alpha3)
        name = country.name if country else alpha3
        draft = self.draft(slug(name), name, "country", country=alpha3, source="ner")
        if sector == "GOV":
            draft.sector = "GOV"  # a capital or "officials" acting: the government
        return draft

    def group(self, cand: Candidate) -> Draft:
        if cand.described:  # "everyone who defends the state": the text's words
            # "Two arrested ...": the group the body counts alike ("arrested two people") and
            # names with ages; where the body names them only, the events stage takes them one
            # by one (events.implicit.counted_in_title)
            named = anaphora.title_count_named(self.doc, cand, self.candidates, self.aged_people)
            return self.draft_named(named or cand.name, "group", source="text")
        if cand.country is None:  # "Republicans", "Kurds": a named group
            name = cand.name if cand.name.endswith("s") else f"{cand.name}s"
            sector = "PTY" if name.lower() in PARTY_NAMES else None
            return self.draft(slug(name), name, "group", sector=sector)
        country = country_by_code(cand.country)
        demonym = (
            country.demonyms[0]
            if country and country.demonyms
            else (country.name if country else cand.country)
        )
        name = GROUP_NAMES.get(cand.sector or "", "{demonym} group").format(demonym=demonym)
        return self.draft(
            slug(name), name, "group", country=cand.country, sector=cand.sector, source="text"
        )

    # -- roles and pronouns -----------------------------------------------------------------
    def role(self, cand: Candidate) -> Draft | None:
        if cand.number == "plural" and cand.role_country is None:
            pair = self._pair(cand)
            return pair[0] if pair else None
        role = cand.role or ""
        offices = ROLE_NOUNS.get(role, ())
        country = cand.role_country
        if country is None and cand.possessor is not None:
            owner = self.owner_of(cand)
            country = owner.country if owner else None
        if role == "leader" and country is not None:
            parliamentary = country in PARLIAMENTARY
            offices = PARLIAMENTARY_LEADER_OFFICES if parliamentary else LEADER_OFFICES
        if offices:
            # a person the article already named in a matching role
            known = [
                (prior, d)
                for prior, d in self.assigned
                if d.kind == "person"
                and d.sector == "GOV"
                and (country is None or d.country == country)
                and (d.roles & {role, *offices} or any(r.startswith(offices) for r in d.roles))
            ]
            if known and country is None and salience.is_bare(self.doc, cand):
                return salience.salient_holder(self.doc, cand, known, self.assigned)
            if known:
                return known[-1][1]
            if country is None and self.home and salience.is_bare(self.doc, cand):
                # only a sitting national officeholder of the table: "the mayor" of a local
                # paper is not its country's
                return self._sitting_holder(self.home, offices)
            if country is not None and (holder := self._sitting_holder(country, offices)):
                return holder
            if country is not None and (later := self._named_later(cand, role, country)):
                return later
        if not offices and country is None and (named := self._portfolio_holder(role)):
            return named  # "the Minister" after "the Minister of Education"
        if country is None and cand.portfolio:
            # "I instructed the Minister of Education" in an address or a turn: the speaker's
            country = self._speaker_country(cand)
        if country is None:
            return None
        place = country_by_code(country)
        name = f"{place.name if place else country} {role}"
        if cand.to_country and (to := country_by_code(cand.to_country)):
            name += f" to {to.name}"
        draft = self.draft(
            slug(name), name, "person", country=country, sector=cand.sector or "GOV", source="text"
        )
        draft.roles.add(role)
        if cand.portfolio:
            draft.roles.add(role.split(" of ")[0])  # a later bare "the Minister" is the same
        return draft

    def _named_later(self, cand: Candidate, role: str, country: str) -> Draft | None:
        """The person a later title names in this role of this country: "had a phone conversation
        with the Prime Minister of Georgia. ... Prime Minister of Georgia Irakli Garibashvili"
        (records DECISIONS.md D15: the title's role is the person the body names). One pass over
        the article's candidates, only for a role no earlier mention or table entry holds."""
        titled = [
            other
            for other in self.candidates
            if other.start > cand.start
            and other.kind == "title"
            and other.target == "person"
            and other.role == role
            and (other.role_country or other.country) == country
            and not _former(self.doc, other)
        ]
        return self.person(titled[0], self.surnames) if titled else None

    def _portfolio_holder(self, role: str) -> Draft | None:
        """The minister the text last named by a portfolio, for a bare "the Minister"."""
        held = [
            d
            for _, d in self.assigned
            if d.kind == "person" and role in d.roles and any(" of " in r for r in d.roles)
        ]
        return held[-1] if held else None

    def _pair(self, cand: Candidate) -> list[Draft]:
        """The two people "the two leaders" are: the last two the text named before, the first
        named first (the resolver gives the words a mention of each); empty when the text named
        fewer."""
        people: list[Draft] = []
        for prior, draft in reversed(self.assigned):
            if (
                prior.head < cand.head
                and prior.kind != "pronoun"
                # an earlier "the two leaders" is one of them already
                and not (prior.number == "plural" and prior.role_country is None)
                and draft.kind == "person"
            ):
                if all(d is not draft for d in people):
                    people.append(draft)
                if len(people) == PAIR:
                    return people[::-1]
        return []

    def _sitting_holder(self, country: str, offices: tuple[str, ...]) -> Draft | None:
        """The table's holder of the first of ``offices`` in ``country`` on the article's day
        (in order of preference: "supreme leader" before "president")."""
        for office in offices:
            for entry in self.table:
                if (
                    entry.kind == "person"
                    and entry.country == country
                    and entry.active_on(self.day)
                    and entry.role
                    and entry.role.lower().startswith(office)
                ):
                    return self.draft_from_table(entry.id)
        return None

    def owner_of(self, cand: Candidate) -> Draft | None:
        """The person a candidate's possessive pronoun refers to ("his" in "his troops")."""
        return self._pronoun_antecedent(cand, possessor=True)

    def _pronoun_antecedent(self, cand: Candidate, possessor: bool = False) -> Draft | None:
        doc = self.doc
        token = doc[cand.possessor if possessor and cand.possessor is not None else cand.head]
        gender = "m" if token.lower_ in MALE_PRONOUNS else "f"
        sent_starts = self.sentence_starts  # computed once per article, not per pronoun
        here = _sentence_index(sent_starts, token.i)
        co_arguments = set()
        if token.dep_ in ARGUMENT_DEPS and not token.lower_.endswith("self"):
            verb = token.head
            co_arguments = {
                c.i for c in verb.children if c.dep_ in ARGUMENT_DEPS and c.i != token.i
            }
            if verb.dep_ in {"advcl", "xcomp"} and not any(
                c.dep_ in SUBJECT_DEPS for c in verb.children
            ):  # "X called Y to congratulate him": X, the understood subject, is not him
                co_arguments |= {c.i for c in verb.head.children if c.dep_ in SUBJECT_DEPS}
            co_arguments |= anaphora.relative_head(token)  # "the man who he attacked"
            # "X called Y and thanked him": a conjoined verb with no subject of its own shares
            # X; one with its own ("Mr. Netanyahu suggested ..., but he said") shares nothing
            while (
                verb.dep_ == "conj"
                and verb.head.i != verb.i
                and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
            ):
                verb = verb.head
                co_arguments |= {c.i for c in verb.children if c.dep_ in SUBJECT_DEPS}
        people = [
            (prior, draft)
            for prior, draft in self.assigned
            if (draft.kind == "person" or anaphora.described_newcomer(doc, prior, draft, gender))
            and prior.head < token.i
            and prior.head not in co_arguments
            and (draft.gender is None or draft.gender == gender)
        ]
        # the prior filters only while some antecedent agrees with it: with none, the pronoun
        # resolves as before (a wrong prior must not leave "she" unresolved)
        agreeing = [(c, d) for c, d in people if d.gender is not None or d.prior in {None, gender}]
        controller = anaphora.clause_controller(token)
        if controller is not None:
            for prior, draft in agreeing:
                if prior.start <= controller.i < prior.end and draft.gender in {None, gender}:
                    return draft
        found = anaphora.nearest_antecedent(
            doc, agreeing, here, PRONOUN_WINDOW, lambda i: _sentence_index(sent_starts, i)
        )
        if found is None:
            found = anaphora.nearest_antecedent(
                doc, people, here, PRONOUN_WINDOW, lambda i: _sentence_index(sent_starts, i)
            )
        return found

    # -- the pass ---------------------------------------------------------------------------
    def resolve(self, candidates: list[Candidate]) -> list[tuple[Candidate, Draft]]:
        self.candidates = candidates
        self.context = anaphora.context_country(candidates)
        surnames = self.surnames = self._full_names(candidates)
        self.lede_descriptions = anaphora.lede_descriptions(
            self.doc, candidates, self.sentence_starts
        )
        self.protagonist = anaphora.aged_person(self.doc, candidates)
        if self.protagonist is not None and anaphora.other_age(
            self.doc, self.protagonist, candidates, self.lede_descriptions
        ):
            self.protagonist = None  # "A 25-year-old man ... Scott L. Berrey, 31": not him
        self.aged_people = anaphora.aged_people(self.doc, candidates)
        self.lede_introductions = anaphora.lede_introductions(
            self.doc, candidates, self.sentence_starts
        )
        # first and second person last: their speakers are named in labels later in the text
        ordered = [c for c in candidates if c.person is None] + [
            c for c in candidates if c.person is not None
        ]
        for cand in ordered:
            draft: Draft | None
            others: list[Draft] = []
            if cand.person is not None:
                draft = self.speaking(cand)
            elif cand.pair_of is not None:  # "the two countries", "both", "the pair"
                pair = anaphora.pair_antecedent(self, cand)
                draft, others = (pair[0], pair[1:]) if pair else (None, [])
            elif cand.kind == "pronoun" and (people := anaphora.coordinated_people(self, cand)):
                draft, others = people[0], people[1:]  # "X, Y and Z were sentenced. They ..."
            elif cand.kind == "pronoun" and cand.target != "person":
                draft = anaphora.thing_antecedent(self, cand)
            elif cand.kind == "pronoun":
                draft = self._pronoun_antecedent(cand)
                if (
                    draft is not None
                    and draft.gender is None
                    and draft.prior in {None, cand.gender}
                ):
                    # a pronoun resolved against the prior (no agreeing antecedent) teaches nothing
                    draft.gender = cand.gender
            elif (titled := anaphora.titled_person(self, cand)) is not None:
                draft = titled  # "the MLA": the one person titled so
            elif (held := anaphora.earlier_title_holder(self, cand)) is not None:
                draft = held  # "Foreign Minister Sergei Lavrov ... The minister said"
            elif (holder := anaphora.title_of_body_holder(self, cand)) is not None:
                draft = holder  # "Commander of the Joint Forces Oleksandr Pavliuk"
            elif cand.agent is not None:
                draft = anaphora.agent(self, cand)
            elif cand.kind == "role":
                draft = self.role(cand)
                if draft is not None and cand.number == "plural" and cand.role_country is None:
                    others = self._pair(cand)[1:]  # "the two leaders": the other one too
            elif cand.target == "person":
                draft = self.person(cand, surnames)
                self._learn(draft, cand)
            elif cand.target == "organization":
                draft = self.organization(cand)
            elif cand.target == "country" and cand.country is None:
                draft = self._compass_country(cand) or self.draft_named(
                    cand.name, "country", source="ner"
                )
            elif cand.target == "country":
                draft = self.country(cand.country or "", cand.sector)
            elif cand.described and (back := anaphora.earlier_patients(self, cand)) is not None:
                draft = back  # "those arrested": the people arrested before
            else:
                draft = self.group(cand)
            if draft is not None:
                draft.mentions.append(cand)
                self.assigned.append((cand, draft))
            for other in others:  # the pair's other actor: a mention of it over the same words
                other.mentions.append(cand)
                self.assigned.append((cand, other))
        self.assigned.sort(key=lambda pair: pair[0].start)
        anaphora.merge_title_description(self)
        anaphora.merge_named_descriptions(self)
        for draft in self.drafts.values():
            if draft.kind != "person" and draft.country is None:
                if (body := bodies.national_body(draft.name)) is not None:
                    # "the State Department", "the Korean People's Army": the table's state
                    draft.country, draft.sector = body.country, body.sector
                elif self.context is not None and bodies.every_states_body(draft.name):
                    # "the Foreign Ministry" in an article that names one country: its own
                    draft.country, draft.sector = self.context[0], draft.sector or "GOV"
        self._place_people()
        return self.assigned

    def _place_people(self) -> None:
        """ "More than 3,000 people were rescued in the Kyiv region", "Unfortunately, very many
        people have been killed" in Tokayev's turn: people the text names by their words or a
        count, with no country said, are of the one country their sentence names (D16: residents
        of a named place take its country), else of the speaker of the address or turn they are
        told of in, else of the article's only country named before them."""
        starts = self.sentence_starts
        named: dict[int, set[str]] = {}
        speakers: dict[int | None, str | None] = {}
        index = token_index(self.doc)
        tokens = index.tokens  # read for every mention: no Token made anew
        for ent in index.entities:
            if ent.label_ not in PLACE_LABELS:
                continue
            # "in southern China", "in the Kyiv region", "in Nairobi": a country or its capital
            found = next(
                (c for text in (ent.text, ent[0].text) if (c := country_by_name(text)
                 or country_by_capital(text))),
                None,
            )  # fmt: skip
            if found is not None:
                named.setdefault(_sentence_index(starts, ent.start), set()).add(found.alpha3)
        # a story no one speaks in gives its people the outlet's country only where it names
        # that country: a BBC story of a bombing in Turkey is not about British soldiers
        voiced = self.voices is not None and self.voices.speaks
        told_of = set().union(*named.values()) | {
            d.country for _, d in self.assigned if d.kind == "country" and d.country
        }
        for cand, draft in self.assigned:
            if (
                cand.kind != "group"
                or draft.kind != "group"
                or draft.country
                or tokens[cand.head].tag_ == "NN"  # "a gunman": one person, of no country said
                or cand.agent in anaphora.FOREIGN  # "the occupiers" come from elsewhere
                # "foreign partners", "allied forces": other or several states' (roles24)
                or anaphora.other_side_group(self.doc, cand) is not None
                # "Western countries", "other foreign states": states are of no one country
                or tokens[cand.head].lower_ in STATE_PLURALS
            ):
                continue
            here = _sentence_index(starts, cand.head)
            countries = named.get(here, set())
            country = next(iter(countries)) if len(countries) == 1 else None
            if country is None and not countries:
                turn = self._turn_of(cand)
                if turn not in speakers:  # once per turn: a label's search walks the text
                    speakers[turn] = self._speaker_country(cand)
                country = speakers[turn]
                if not voiced and country not in told_of:
                    country = None
            if (
                country is None
                and not countries
                and self.context is not None
                and _sentence_index(starts, self.context[1]) < here
            ):
                country = self.context[0]
            draft.country = country
        if voiced:
            self._place_speakers_bodies(named, speakers)
            self._place_enemies()

    def _place_speakers_bodies(
        self, named: dict[int, set[str]], speakers: dict[int | None, str | None]
    ) -> None:
        """ "Therefore, the government has received a clear instruction" in Zelenskyy's address:
        a state body named by its bare noun (a government, army or police noun: sectors
        ``SPEAKERS_BODY_SECTORS``) with no country said is the speaker's own, as "our army" is
        (D9; GUIDELINES "Fields": the country it belongs to). Strict, as the country is null when
        unclear: every mention is the bare noun (``_bare_body_noun``), in the speaker's own words
        (not quoted), in a sentence that names no country, and all of them give the same
        speaker's country."""
        voices = self.voices
        assert voices is not None  # called for voiced texts only
        starts = self.sentence_starts
        for draft in self.drafts.values():
            if draft.kind != "organization" or draft.country or draft.source != "text":
                continue
            found: set[str | None] = set()
            for cand in draft.mentions:
                if (
                    cand.agent is None
                    or cand.sector not in SPEAKERS_BODY_SECTORS
                    or cand.agent in anaphora.FOREIGN
                    or cand.head in voices.quoted
                    or named.get(_sentence_index(starts, cand.head))
                    or not self._bare_body_noun(cand)
                ):
                    found.add(None)
                    break
                turn = self._turn_of(cand)
                if turn not in speakers:
                    speakers[turn] = self._speaker_country(cand)
                found.add(speakers[turn])
            if len(found) == 1 and (country := found.pop()) is not None:
                draft.country = country

    def _place_enemies(self) -> None:
        """ "the occupiers", "the enemy" of a war speech: the war's other side, the foreign state
        the text gives as owner of its troops or its war ("Russian troops"), else the one it
        names clearly most often, not the speaker's (:mod:`dateline.actors.enemies`; D9, D11).
        Only a group named by these nouns alone, which no rule gave a country."""
        sides: Counter[str] | None = None
        named: Counter[str] = Counter()
        for draft in self.drafts.values():
            if draft.kind != "group" or draft.country:
                continue
            agents = {cand.agent for cand in draft.mentions if cand.agent is not None}
            if not agents or not agents <= enemies.ENEMY_NOUNS:
                continue
            if sides is None:  # the text is read once, for its first enemy
                sides = enemies.war_sides(self.doc)
                for state in self.drafts.values():
                    if state.kind == "country" and state.country:
                        named[state.country] += len(state.mentions)
            home = {self._speaker_country(cand) for cand in draft.mentions}
            draft.country = enemies.enemy_country(sides, named, home)

    def _bare_body_noun(self, cand: Candidate) -> bool:
        """Whether ``cand`` is its noun alone, singular, with at most a definite determiner and
        no owner: "the government", "the military", "police"; not "foreign parliaments", "your
        government", nor a noun of an "of" phrase ("heads of state and government")."""
        head = self.doc[cand.head]
        top = head
        while top.dep_ == "conj":
            top = top.head
        return (
            head.lower_ == head.lemma_.lower()
            and cand.possessor is None
            and not any(c.dep_ == "poss" for c in head.children)
            and not (top.dep_ == "pobj" and top.head.lower_ == "of")
            and all(
                t.lower_ in anaphora.DEFINITE_DETERMINERS for t in self.doc[cand.start : cand.head]
            )
        )

    def _turn_of(self, cand: Candidate) -> int | None:
        """The turn ``cand`` is in (None outside turns, or in an address)."""
        voices = self.voices
        if voices is None or not voices.turns:
            return None
        return voices.turn_at(cand.head)

    def _speaker_country(self, cand: Candidate) -> str | None:
        """The country of whoever speaks where ``cand`` is (a turn's or an address's speaker)."""
        voices = self.voices
        if voices is None:
            return None
        turn = voices.turn_at(cand.head) if voices.turns else None
        if voices.turns and turn is None:
            return None
        speaker = self._speaker(turn)
        return speaker.country if speaker is not None else None

    def _compass_country(self, cand: Candidate) -> Draft | None:
        """ "The South retaliated" in a story that names South Korea and North Korea: the one
        country the article names with the compass word as its first word."""
        words = cand.name.lower().split()
        if len(words) != 1 or words[0] not in COMPASS_WORDS:
            return None
        named = {
            other.country
            for other in self.candidates
            if other.target == "country"
            and other.country
            and other.end - other.start > 1
            and self.doc[other.start].lower_ == words[0]
        }
        return self.country(named.pop()) if len(named) == 1 else None

    # -- first and second person ------------------------------------------------------------
    def speaking(self, cand: Candidate) -> Draft | None:
        """ "I"/"we": the speaker; "our country": the speaker's country; "you": the other party."""
        voices = self.voices
        if cand.person == "outlet":  # "our country" in a government's press release
            return self.country(self.home) if self.home else None
        if voices is None:
            return None
        turn = voices.turn_at(cand.head) if voices.turns else None
        if voices.turns and turn is None:
            return None
        if cand.person == "2":
            # "Dear Prime Minister Bennett, thank you": the person the sentence addresses,
            # else the turn's other party or the address's audience (records DECISIONS.md D9)
            speaker = self._vocative(cand, turn) or (
                self._addressee(turn) if voices.turns else self._audience()
            )
        else:
            speaker = self._speaker(turn)
        if speaker is None or cand.kind == "pronoun":
            return speaker
        if speaker.country is None:
            return None
        if cand.target == "country":
            return self.country(speaker.country)
        owned = Candidate(
            cand.start,
            cand.end,
            cand.head,
            "group",
            "group",
            country=speaker.country,
            sector=cand.sector,
        )
        return self.group(owned)

    def _vocative(self, cand: Candidate, turn: int | None) -> Draft | None:
        """The actor a vocative in the sentence of a "you" names, not the speaker himself."""
        me = self._speaker(turn)
        for start, end in vocatives(self.doc[cand.start]):
            named = [
                (c.start, d)
                for c, d in self.assigned
                if start <= c.start < end and c.person is None and d is not me
            ]
            if named:
                return min(named, key=lambda pair: pair[0])[1]
        return None

    def _speaker(self, turn: int | None) -> Draft | None:
        """The person of a turn's label, or the address's speaker (``turn`` None)."""
        if self._speakers.get(turn) is not None:
            return self._speakers[turn]
        assert self.voices is not None
        span = self.voices.address if turn is None else self.voices.turns[turn].label
        found = None
        if span is not None:
            named = [
                d for c, d in self.assigned if span[0] <= c.start < span[1] and d.kind == "person"
            ]
            found = named[-1] if named else None
            people = self._person_entities(span[0], span[1])
            if found is None and people:
                # a scraped label the mention rules read as something else ("Defence Minister
                # Sergei Shoigu Shoigu SergeiDefence Minister"): its PERSON entity is the speaker
                ent = people[-1]
                name = Candidate(ent.start, ent.end, ent.root.i, "name", "person", name=ent.text)
                found = self.person(name, self.surnames)
            if found is None:
                # the label names a person the article named elsewhere, in words NER missed
                label = self.doc[span[0] : span[1]].text
                known = [d for d in self.drafts.values() if d.kind == "person" and d.name in label]
                found = known[0] if known else None
            if found is None:
                # a label whose name NER missed or took for a place, named nowhere else ("Minister
                # of Sport Oleg Matytsin:", "Vladimir Bulavin:" with "Vladimir" a GPE): its
                # closing first name and surname
                whole = self.doc[span[0] : span[1]]
                note = next((t.i for t in whole if t.text == "("), None)
                if note is not None and note > whole.start:
                    # "... Milorad Dodik(retranslated):": the name closes the label, not its note
                    whole = self.doc[whole.start : note]
                named_span = (
                    titled_person(whole)
                    or (whole if looks_like_person(whole) else None)
                    or _closing_name(whole)
                )
                if named_span is not None:
                    name = Candidate(
                        named_span.start,
                        named_span.end,
                        named_span.root.i,
                        "name",
                        "person",
                        name=named_span.text,
                    )
                    found = self.person(name, self.surnames)
        if found is None and turn is None and self.home:
            # "address by the President of Ukraine": the sitting head of state of the outlet
            found = self._sitting_holder(self.home, ROLE_NOUNS["head of state"])
        self._speakers[turn] = found
        return found

    def _person_entities(self, start: int, end: int) -> list[SpacySpan]:
        """The PERSON entities of ``doc[start:end]``, as ``Span.ents`` finds them (up to the
        first entity that starts inside and runs past the end), from the article's entities
        listed once: ``Span.ents`` makes a Span of every entity in the article on each call,
        and a turn with no speaker found is asked again for each of its pronouns."""
        if self._entities is None:
            self._entities = [(ent.start, ent.end, ent) for ent in token_index(self.doc).entities]
        found = []
        for ent_start, ent_end, ent in self._entities:
            if ent_start >= start:
                if ent_end > end:
                    break
                if ent.label_ == "PERSON":
                    found.append(ent)
        return found

    def _audience(self) -> Draft | None:
        """An address's audience: the first actor named in its title's audience phrase ("to the
        Glastonbury Festival participants", "to the Danish people on the anniversary of ...", "in
        the Knesset"), not its speaker; None when the title names none (records DECISIONS.md D9,
        D30; :func:`dateline.actors.speakers.find_audience`)."""
        voices = self.voices
        if voices is None or voices.audience is None:
            return None
        if self._audience_found:
            return self._audience_draft
        start, end = voices.audience
        speaker = self._speaker(None)
        named = [
            (c.start, d) for c, d in self.assigned if start <= c.start < end and d is not speaker
        ]
        if named:
            self._audience_draft = min(named, key=lambda pair: pair[0])[1]
        else:
            # "Speech by the President of Ukraine at The Atlantic Council's Distinguished
            # Leadership Awards": a name no mention rule took, the organisation it opens with
            name = audience_name(self.doc, start, end)
            self._audience_draft = None if name is None else self.organization(name)
        self._audience_found = True
        return self._audience_draft

    def _addressee(self, turn: int | None) -> Draft | None:
        """In a transcript, the nearest other speaker: the previous turn's, else the next one's."""
        if turn is None or self.voices is None:
            return None
        me = self._speaker(turn)
        turns = range(len(self.voices.turns))
        others = [*reversed(turns[:turn]), *turns[turn + 1 :]]
        if self.voices.turns[turn].nameless:
            # a journalist's "Question:": "you" is whoever answers it, the next turn's speaker
            return self._speaker(turn + 1) if turn + 1 < len(turns) else None
        # a turn that opens on its addressee ("Mr President, allow me to report", "Mr
        # Chernyshenko, go ahead"): the nearest other speaker whose label has that word
        # (the first words only: a turn's body may run for hundreds of tokens)
        body = self.doc[slice(*self.voices.turns[turn].body)]
        words = list(itertools.islice((t for t in body if not t.is_space), VOCATIVE_TOKENS))
        if (
            len(words) == VOCATIVE_TOKENS
            and words[0].lower_ in HONORIFIC_WORDS
            and words[1].text[:1].isupper()
            and words[2].text == ","
        ):
            for other in others:
                label = self.doc[slice(*self.voices.turns[other].label)]
                speaker = self._speaker(other)
                if (
                    speaker is not None
                    and speaker is not me
                    and any(t.text == words[1].text for t in label)
                ):
                    return speaker
        for other in others:
            if self.voices.turns[other].nameless:
                return None  # answering a "Question:" turn: its asker, whom no label names
            speaker = self._speaker(other)
            if speaker is not None and speaker is not me:
                return speaker
        return None

    def voice_spans(self) -> list[tuple[int, int, Draft, Draft | None]]:
        """(first token, end token, speaker, addressee) of every stretch a known person speaks."""
        voices = self.voices
        if voices is None:
            return []
        if voices.turns:
            found = []
            for number, turn in enumerate(voices.turns):
                speaker = self._speaker(number)
                if speaker is not None:
                    found.append((turn.body[0], turn.body[1], speaker, self._addressee(number)))
            return found
        speaker = self._speaker(None) if voices.address is not None else None
        if speaker is None or voices.address is None:
            return []
        return [(voices.address[1], len(self.doc), speaker, None)]

    def outlet_leader(self) -> Draft | None:
        """The outlet's sitting head of state, when the article names them."""
        if not self.home:
            return None
        holder = self._sitting_holder(self.home, ROLE_NOUNS["head of state"])
        return holder if holder is not None and holder.mentions else None

    def _learn(self, draft: Draft, cand: Candidate) -> None:
        """Roles read in the text ("Russian president Vladimir Putin") apply to the whole actor."""
        if cand.gender and draft.gender is None:
            draft.gender = cand.gender
        if draft.source == "table" and draft.sector is not None:
            return  # the table's role on this date is authoritative
        if cand.role:
            draft.roles.add(cand.role)
        if cand.sector and draft.sector is None:
            draft.sector = cand.sector
            draft.source = "text"
        if cand.role_country and (draft.country is None or draft.source == "text"):
            draft.country = cand.role_country
            draft.source = "text"


#: words of a title no longer held ("former", "then-")
PAST_TITLE_WORDS = word_set("actors", "anaphora.past_title_words")


def _former(doc: Doc, cand: Candidate) -> bool:
    """Whether a title holds its role no longer ("former Prime Minister of Georgia X")."""
    words = {doc[i].lower_ for i in range(max(cand.start - 1, 0), cand.end)}
    return bool(words & PAST_TITLE_WORDS)


def _sentence_index(starts: list[int], position: int) -> int:
    import bisect

    return bisect.bisect_right(starts, position) - 1


#: a label's closing name after its title: the title's last word (a title word or the country
#: it is of) and a first name and surname ("Prime Minister of Greece Kyriakos Mitsotakis")
CLOSING_NAME_TOKENS = 3


def _closing_name(label: SpacySpan) -> SpacySpan | None:
    """The person a transcript label closes with when the first name is none the name lists
    know and NER tagged neither word ("Prime Minister of Greece Kyriakos Mitsotakis
    (retranslated):", records dev putin-647): two capitalised proper nouns after a title word
    or after the country of the title. A label is a title and a name, so nothing else closes it."""
    if len(label) < CLOSING_NAME_TOKENS:
        return None
    before, name = label[-CLOSING_NAME_TOKENS], label[1 - CLOSING_NAME_TOKENS :]
    if not all(
        t.pos_ == "PROPN"
        and t.is_alpha
        and t.text[:1].isupper()
        and not t.is_upper
        and t.ent_type_ in {"", "PERSON"}
        for t in name
    ):
        return None
    return name if before.ent_type_ == "GPE" or before.lower_ in TITLE_WORDS else None
