"""Finding actor mentions in a parse: names, demonyms, capitals, force nouns, role nouns, pronouns.

spaCy's NER (PERSON, ORG, GPE, NORP), corrected by dateline's entity ruler (countries, demonyms,
capitals, the actor table), gives the named mentions. Rules on the dependency parse add what NER
does not see as an actor: "Russian forces" (demonym + force noun = the country's MIL group),
"Kyiv's forces" (capital + force noun), "the Russian leader" and "his Ukraine envoy" (role nouns),
and personal pronouns. Each :class:`Candidate` says what kind of actor it points at; resolving it
to an actor is :mod:`dateline.actors.coref`'s job.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from dateline.actors.gender import (
    PERSON_NAME_MAX_TOKENS,
    PERSON_NAME_MIN_TOKENS,
    cue_before,
    is_first_name,
    looks_like_person,
    titled_person,
)
from dateline.actors.index import token_index
from dateline.actors.lexicon import (
    COLLECTIVE_NOUNS,
    FEMALE_TITLES,
    GROUP_NOUNS,
    LOCATIVE_PREPOSITIONS,
    MALE_TITLES,
    ORG_SECTOR_WORDS,
    PERSON_PRONOUNS,
    ROLE_NOUNS,
    SUBJECT_DEPS,
    TITLE_SECTORS,
    TITLE_WORDS,
)
from dateline.actors.titles import (
    POSSESSIVE,
    SUBORDINATE,
    country_of,
    role_of,
    role_span,
    role_word,
    sector_of,
    title_before,
)
from dateline.countries import Country, country_by_capital, country_by_name
from dateline.words import word_set

#: "Mr.", "Dr": courtesy titles, which name no role
HONORIFICS = word_set("actors", "mentions.honorifics")
#: words a PERSON entity may hold before a first name that are no name ("Lady", "Sir")
NAME_PREFIXES = word_set("actors", "gender.skip")
#: what a name is, said in apposition, when it is a place: "Angkor Wat, the fabled temple"
PLACE_APPOSITIONS = word_set("places", "recognise.site_heads") | word_set(
    "actors", "mentions.settlement_nouns"
)

# the names this module used before the title rules moved to dateline.actors.titles
_country_of, _role_of, _role_span, _sector_of = country_of, role_of, role_span, sector_of

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc, Span, Token


@dataclass
class Candidate:
    """A stretch of text that refers to an actor, with what the text says about it."""

    start: int  # token index
    end: int  # token index (exclusive)
    head: int  # token index of the head noun
    kind: str  # MentionKind: name, pronoun, role, demonym, capital, group, title
    target: str  # person | organization | country | group
    name: str = ""  # the name without titles ("Vladimir Putin")
    country: str | None = None
    sector: str | None = None
    table_id: str | None = None
    gender: str | None = None
    role: str | None = None  # role noun ("leader", "president", "envoy")
    role_country: str | None = None  # country a role is held in, when the text says
    possessor: int | None = None  # token index of a possessive pronoun ("his Ukraine envoy")
    #: "1s", "1p" or "2" for a first- or second-person mention resolved through the speaker
    #: ("I", "we", "our country", "you"; :mod:`dateline.actors.speakers`)
    person: str | None = None
    #: the agent noun's name for a common-noun mention ("police", "troops"; agents.py)
    agent: str | None = None
    #: the town that modifies an agent noun ("Montreal police")
    place: str | None = None
    #: "singular" or "plural": what a later "it" or "they" may refer back to
    number: str | None = None
    #: a singular agent noun after a definite determiner ("the company"): a named body first
    definite: bool = False
    #: a group the text names only by what its members do ("everyone who defends the state")
    described: bool = False
    #: the surname of a person named like a place ("Paris" of "Valeska Paris")
    place_surname: str | None = None
    #: the country a role is held towards, not in ("his Ukraine envoy": the envoy *to* Ukraine)
    to_country: str | None = None
    #: a role completed by its portfolio ("the Minister of Education"; mentions._portfolio)
    portfolio: bool = False
    #: the kind of the two actors a counted anaphor stands for ("the two countries": country,
    #: "both", "the pair": person; :func:`paired_anaphors`)
    pair_of: str | None = None


#: diseases the small model tags PERSON ("COVID"): never an actor, nor what "he" refers to
DISEASES = word_set("actors", "mentions.diseases")
#: head nouns that end an organisation's name after a proper noun ("the Clinton Foundation")
ORG_HEADS = word_set("actors", "gender.org_heads")
#: nouns of what a person is charged with ("a DWI charge", "charges of felony DWI")
CHARGE_NOUNS = word_set("actors", "mentions.charge_nouns")


def names_an_offence(token: Token) -> bool:
    """Whether an acronym names an offence, not a body: "a DWI charge", "on DWI and other
    charges", "charges of felony DUI" (an organisation is charged, it is not a charge)."""
    if not token.text.isupper():
        return False
    head = token.head
    if token.dep_ in {"compound", "conj"} and head.lemma_.lower() in CHARGE_NOUNS:
        return True
    if any(c.dep_ == "conj" and c.lemma_.lower() in CHARGE_NOUNS for c in token.children):
        return True
    return token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in CHARGE_NOUNS


#: heads that make a county's or a state's name a body's, not a place ("Sheriff's Office")
BODY_HEADS = word_set("actors", "agents.sheriff_offices")


def _place_named(text: str) -> bool:
    """A town or area the gazetteer knows by this name, or the plural of one ("Chornobyls")."""
    from dateline.actors.agents import _a_place

    return _a_place(text) or (text.endswith("s") and " " not in text and _a_place(text[:-1]))


def _over_extra_space(doc: Doc, ent: Span) -> Span:
    """ "Vernon  Adkins" (two spaces): the small model ends the name at the space token; the
    capitalised name after it belongs to it."""
    end = ent.end
    while (
        end + 1 < len(doc)
        and doc[end].is_space
        and "\n" not in doc[end].text
        and doc[end + 1].pos_ == "PROPN"
        and doc[end + 1].text[:1].isupper()
        and doc[end + 1].ent_type_ in {"", "PERSON"}
    ):
        end += 2
    if end == ent.end:
        return ent
    from spacy.tokens import Span as SpacySpan

    return SpacySpan(doc, ent.start, end, label=ent.label_, span_id=ent.id_)


#: the words an office's name may hold between its title word and the person ("Minister *of*
#: Digital Development*,* Communications *and* Mass Media Maksut Shadayev")
OFFICE_JOINERS = word_set("actors", "speakers.label_joiners") | {","}
#: a first name, a middle name or patronymic, a surname: the longest person entity whose
#: first word may be the last of the office before it
GLUED_NAME_TOKENS = 3
#: how far back from the name the office's title word may lie (the longest office name of the
#: Kremlin transcripts' labels: "Minister of Digital Development, Communications and Mass Media")
OFFICE_MAX_TOKENS = 10


def _glued_to_office(doc: Doc, ent: Span) -> bool:
    """A three-word PERSON entity that took the last word of the office named before it ("Minister
    of Digital Development, Communications and Mass [Media Maksut Shadayev]"): its first word is
    in the shipped first-name list ("Media") and its second is not, the word before it is a
    capitalised word of the office's name, and no title ends there ("Secretary of State Hillary
    Rodham Clinton" keeps "Hillary"; "Mary Ann Smith" keeps "Mary")."""
    if len(ent) != GLUED_NAME_TOKENS or ent.start == 0:
        return False
    if not is_first_name(ent[0].text) or is_first_name(ent[1].text):
        return False
    if not all(t.is_alpha and t.text[:1].isupper() for t in ent[1:]):
        return False
    before = doc[ent.start - 1]
    if not (before.is_alpha and before.text[:1].isupper()) or before.is_sent_start:
        return False
    if before.lower_ in TITLE_WORDS or before.ent_type_ in {"PERSON", "GPE", "NORP"}:
        return False
    if title_before(doc, ent.start).tokens:
        return False
    i = ent.start - 2
    while i >= max(0, ent.start - OFFICE_MAX_TOKENS):
        token = doc[i]
        if token.lower_ in TITLE_WORDS:
            return any(t.lower_ in OFFICE_JOINERS for t in doc[i + 1 : ent.start])
        if not (token.text[:1].isupper() or token.lower_ in OFFICE_JOINERS):
            return False
        i -= 1
    return False


def _person(doc: Doc, ent: Span) -> Candidate:
    first = doc[ent.start - 1] if ent.start > 0 else None
    if (
        ent.id_
        and first is not None
        and not first.ent_type_
        and first.pos_ == "PROPN"
        and is_first_name(first.text)
    ):
        # the ruler matched the surname alone: "Jill [Biden]", "Emine [Erdogan]" are namesakes
        ent = doc[ent.start - 1 : ent.end]
    # extend left over title words and a country word among them: "Russian president Vladimir
    # Putin", "Foreign Minister Sergei Lavrov", "Mr. Trump", "President of France Emmanuel Macron"
    found = title_before(doc, ent.start)
    title = [] if found.complement else found.tokens
    country = found.country
    start = title[0].i if title else ent.start
    # trim the title words that spaCy put inside the entity ("President Trump")
    inner = ent.start
    while inner < ent.end - 1 and doc[inner].lower_ in TITLE_WORDS:
        title.append(doc[inner])
        inner += 1
    # and a courtesy word it put there before a first name ("First [Lady Olena Zelenska]")
    while (
        inner < ent.end - 1
        and doc[inner].lower_ in NAME_PREFIXES
        and is_first_name(doc[inner + 1].text)
    ):
        inner += 1
    if inner == ent.start and _glued_to_office(doc, ent):
        inner += 1  # "Mass [Media Maksut Shadayev]": the office's last word
    name = " ".join(doc[inner : ent.end].text.split())  # "Vernon  Adkins": one space
    surname = shared_surname(doc, ent)
    if surname is not None:
        name = f"{name} {surname}"
    candidate = Candidate(start, ent.end, ent.root.i, "name", "person", name=name)
    candidate.table_id = ent.id_ or None
    words = {t.lower_ for t in title}
    if words & MALE_TITLES:
        candidate.gender = "m"
    elif words & FEMALE_TITLES:
        candidate.gender = "f"
    else:
        candidate.gender = cue_before(doc, start) or (
            cue_before(doc, inner) if inner > start else None
        )
    role_tokens = [t for t in title if t.lower_ not in HONORIFICS]
    if role_tokens:
        candidate.role = _role_of(role_tokens)
        candidate.sector = _sector_of(role_tokens)
        candidate.kind = "title"
    elif found.complement:  # "Head of the Office of the President Andriy Yermak": no president
        candidate.sector = _sector_of(found.tokens)
    _apposition_role(doc, ent, candidate)
    if country and (candidate.role or candidate.sector):
        candidate.role_country = country.alpha3
    return candidate


def _family_named(doc: Doc, ent: Span) -> str | None:
    """ "the Boons" after "Ken and Arlene Boon": a plural of a surname the article gives a
    person is that person's family ("Boon family"), whatever label NER put on it."""
    if len(ent) != 1 or ent[0].tag_ != "NNPS" or not ent.text.endswith("s"):
        return None
    surname = ent.text[:-1]
    for person in token_index(doc).entities:
        if person.label_ == "PERSON" and len(person) > 1 and person[-1].text == surname:
            return f"{surname} family"
    return None


def shared_surname(doc: Doc, ent: Span) -> str | None:
    """ "Ken and Arlene Boon", "Bill and Hillary Clinton": a lone given name joined by "and" to a
    full name shares its surname."""
    if len(ent) != 1 or not is_first_name(ent[0].text):
        return None
    partner = next((c for c in ent[0].children if c.dep_ == "conj"), None)
    if partner is None or partner.ent_type_ != "PERSON" or doc[ent.end].lower_ != "and":
        return None
    given = [c for c in partner.lefts if c.dep_ == "compound" and c.ent_type_ == "PERSON"]
    if len(given) != 1 or not is_first_name(given[0].text):
        return None
    if not (given[0].i == ent.end + 1 and partner.i == given[0].i + 1):
        return None  # "Ken and Arlene Boon" exactly: given name, "and", given name, surname
    return partner.text


def _apposition_role(doc: Doc, ent: Span, candidate: Candidate) -> None:
    """ "Sergei Lavrov, Russia's foreign minister," teaches the role like a title does."""
    for child in ent.root.children:
        if child.dep_ != "appos" or child.i < ent.end:
            continue
        phrase = list(child.subtree)
        role = _role_of(phrase)
        if not role and child.lemma_.lower() not in TITLE_SECTORS:
            continue
        candidate.role = candidate.role or role or child.lemma_.lower()
        candidate.sector = candidate.sector or _sector_of(phrase) or "GOV"
        for token in phrase:
            if token.ent_type_ in {"NORP", "GPE"} and (country := _country_of(token)):
                candidate.role_country = country.alpha3
                break


def _noun_after(doc: Doc, ent: Span) -> Token | None:
    """The noun a demonym/capital modifies, directly or over adjectives ("Russian armed forces")."""
    head = ent.root.head
    if (
        ent.root.dep_ in {"amod", "compound", "poss", "nmod"}
        and head.i >= ent.end
        and head.pos_ in {"NOUN", "PROPN"}
    ) and all(t.pos_ in {"ADJ", "NOUN", "PROPN", "PART", "VERB"} for t in doc[ent.end : head.i]):
        return head
    return None


def _country_modified(doc: Doc, ent: Span, country: Country, kind: str) -> Candidate | None:
    """A demonym or capital modifying a force noun or a role noun, or None."""
    noun = _noun_after(doc, ent)
    if noun is None:
        return None
    if noun.i + 1 < len(doc) and doc[noun.i + 1].ent_type_ == "PERSON":
        return None  # a title before a name: the person candidate covers it
    lemma = noun.lemma_.lower()
    if lemma in GROUP_NOUNS and (noun.tag_ == "NNS" or lemma in COLLECTIVE_NOUNS):
        sector = GROUP_NOUNS[lemma]
        if kind == "capital" and sector == "COP":
            return None  # "London Police", "Paris police": a town's force (actors.agents)
        if sector == "GOV":  # "Russian officials", "the Iranian government": the state itself
            return Candidate(
                ent.start,
                noun.i + 1,
                noun.i,
                "group",
                "country",
                country=country.alpha3,
                sector="GOV",
            )
        return Candidate(
            ent.start, noun.i + 1, noun.i, "group", "group", country=country.alpha3, sector=sector
        )
    role, end = _role_span(doc, noun)
    if role and noun.tag_ in {"NN", "NNP"}:
        start = ent.start
        if start > 0 and doc[start - 1].lower_ == "the":
            start -= 1
        candidate = Candidate(
            start, end, noun.i, "role", "person", role=role, role_country=country.alpha3
        )
        candidate.sector = TITLE_SECTORS.get(role.split()[-1], "GOV")
        return candidate
    return None


def _is_agent_capital(doc: Doc, ent: Span) -> bool:
    """A capital is a government when it acts, a place when it is where something happens."""
    root = ent.root
    if root.dep_ == "pobj" and root.head.lower_ in SENDER_PREPOSITIONS:
        # "stern warnings from Moscow", "a letter from Kyiv": who sent the act, not where from
        sent = root.head.head
        if sent.pos_ == "NOUN" and sent.lemma_.lower() in SENT_NOUNS:
            return True
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPOSITIONS:
        return False
    if root.dep_ == "compound":
        return False
    return not (
        ent.end < len(doc) and doc[ent.end].text == ","
    )  # "Kyiv, Ukraine": a dateline place


def find_candidates(doc: Doc) -> list[Candidate]:
    """Every mention candidate in the parse, not overlapping, in text order."""
    from dateline.actors.entities import joined_entities

    candidates: list[Candidate] = []
    for ent in joined_entities(doc):  # "Office of the President of" + "Ukraine": one name
        candidate = _from_entity(doc, ent)
        if candidate is not None:
            candidates.append(candidate)
    candidates.extend(_named_like_places(doc))
    candidates.extend(_role_nouns(doc))
    candidates.extend(_possessed_groups(doc))
    candidates.extend(_described_groups(doc))
    candidates.extend(_counted_groups(doc))
    candidates.extend(_state_groups(doc))
    from dateline.actors import agents  # builds on this module

    candidates.extend(agents.pronoun_candidates(doc))
    candidates.extend(agents.agent_candidates(doc))
    candidates.extend(agents.acronym_candidates(doc))
    candidates.extend(agents.sheriff_candidates(doc))
    candidates.extend(agents.patrol_candidates(doc))
    candidates.extend(agents.demonym_bodies(doc))
    candidates.extend(_people_named(doc, agents.unnamed_subject_candidates(doc)))
    candidates.extend(_paired_roles(doc))
    candidates.extend(paired_anaphors(doc))
    candidates.extend(_names_after_country_titles(doc))
    candidates.extend(_names_after_portfolios(doc))
    candidates.extend(_untagged_full_names(doc))
    shared = _shared_roles(doc)  # over the countries' names: they only say whose office
    taken = {i for c in shared for i in range(c.start, c.end)}
    candidates = [c for c in candidates if taken.isdisjoint(range(c.start, c.end))] + shared
    candidates = _surnames_not_places(doc, without_overlaps(candidates))
    candidates = without_overlaps(
        candidates
        + _untagged_surnames(doc, candidates)
        + _untagged_body_names(doc, candidates)
        + _mistagged_full_names(doc, candidates)
    )
    dateline = dateline_tokens(doc)  # "COLUMBIA, Ky. (WBKO) -": where the story was filed
    tokens = token_index(doc).tokens
    candidates = [
        c
        for c in candidates
        if dateline.isdisjoint(range(c.start, c.end))
        and not _custody_site(tokens[c.start : c.end])
        and not _made_in(doc, c.end)  # "a Soviet-made aircraft": where it was made
        and not _nobody_or_holiday(doc, c)
        and not _currency_or_notice(tokens, c)
        and not _no_body_named(doc, c)
    ]
    return _titles_repeated(doc, candidates)


#: currency nouns a country's name or demonym modifies ("2 million U.S. dollars")
CURRENCY_NOUNS = word_set("actors", "mentions.currency_nouns")
#: heads of a public notice's name ("Amber Alert")
NOTICE_HEADS = word_set("actors", "mentions.notice_heads")


def _currency_or_notice(tokens: list[Token], c: Candidate) -> bool:
    """Whether a mention is a currency's country ("a reward of up to 2 million U.S. dollars":
    an amount of money, no act of the United States) or a notice's name ("Queensland Amber
    Alert: 4 young boys abducted", where "Alert" was made a person): no actor (group31)."""
    head = tokens[c.head]
    currency = head.dep_ in {"compound", "amod", "nmod"} and head.head.lower_ in CURRENCY_NOUNS
    if c.target == "country" and currency:
        return True
    return head.lower_ in NOTICE_HEADS and head.text[:1].isupper()


def _no_body_named(doc: Doc, c: Candidate) -> bool:
    """Whether a name no table entry holds is a street's, an offence's or a site's, or a body's
    name a document's (a law, no body: "the new Ukraine Democracy Defense Lend-Lease Act was
    signed"); the Span is made only for the names and organisations these tests read."""
    if c.table_id or (c.kind != "name" and c.target != "organization"):
        return False
    span = doc[c.start : c.end]
    return (c.kind == "name" and (_street(span) or _offence_or_site(span))) or (
        c.target == "organization" and _names_a_document(span)
    )


#: the most tokens of a title and a country before a name that a later role-only mention of
#: the title is looked for in ("Deputy Head of the Office of the President of Ukraine")
TITLE_WINDOW = 20


def _titles_repeated(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """ "The Deputy Head of the Office of the President praised ...", after "Deputy Head of the
    Office of the President of Ukraine Ihor Zhovkva": a later mention by the title alone is the
    person the text gave that title, not the body the title names (issue 11). A title over a
    body's name ("<title words> of [the] <body>") whose words, from the first title word, stood
    before an earlier person's name is that person's mention; the nearest such person wins."""
    persons = [c for c in candidates if c.target == "person" and c.kind in {"name", "title"}]
    found = []
    for cand in candidates:
        replaced = None
        if cand.target == "organization" and cand.kind == "name":
            replaced = _repeated_title(doc, cand, persons)
        found.append(replaced or cand)
    return found


def _repeated_title(doc: Doc, body: Candidate, persons: list[Candidate]) -> Candidate | None:
    from dateline.actors.titles import _is_title_word as is_title_word

    link = body.start - 1
    if link > 0 and doc[link].lower_ == "the":
        link -= 1
    if link < 1 or doc[link].lower_ != "of":
        return None
    first = link
    while first > 0 and doc[first - 1].text[:1].isupper() and is_title_word(doc[first - 1]):
        first -= 1
    if first == link:
        return None
    key = [t.lower_ for t in doc[first : body.end] if t.lower_ != "the"]
    for person in sorted(persons, key=lambda c: -c.start):
        if person.start >= first or not person.name:
            continue
        name_start = person.end - len(person.name.split())
        window = [
            t for t in doc[max(0, name_start - TITLE_WINDOW) : name_start] if t.lower_ != "the"
        ]
        words = [t.lower_ for t in window]
        for at in range(len(words) - len(key) + 1):
            if words[at : at + len(key)] != key or (at and is_title_word(window[at - 1])):
                continue
            between = window[at + len(key) :]
            # only the title's country may stand between ("... of the President *of Ukraine*")
            if all(t.pos_ in {"PROPN", "ADP", "DET", "PUNCT"} and t.text != "," for t in between):
                start = first - 1 if first > 0 and doc[first - 1].lower_ == "the" else first
                return replace(person, start=start, end=body.end, head=link - 1)
    return None


#: marks that end a dateline after its place ("WASHINGTON (AP) --", "NEW YORK _ A Brooklyn")
DATELINE_ENDS = word_set("actors", "mentions.dateline_ends")
#: the most tokens between a dateline's capitalised town and its end mark (", New Zealand",
#: ", August 8", ", N.Y.")
DATELINE_MAX_TAIL = 5
#: the last word of a custody site's name ("Adair County Regional Jail")
CUSTODY_HEADS = word_set("actors", "mentions.custody_heads")
#: the word before a custody site's last word ("Barren County *Detention* Center")
CUSTODY_KINDS = word_set("actors", "mentions.custody_kinds")
#: what a custody site is after its kind ("Detention *Center*", "Correctional *Facility*")
CUSTODY_BUILDINGS = word_set("actors", "mentions.custody_buildings")


def dateline_tokens(doc: Doc) -> set[int]:
    """The tokens of the datelines that open a wire or local story's text ("THE HAGUE,
    Netherlands (AP)_", "EDMONTON, Ky (WBKO) -"): a line that starts with a town's name in
    capitals and ends, within a few tokens, in an agency's parenthesis or a dash. The town is
    where the story was filed, no actor (issue 11), nor is the state or country after it."""
    found: set[int] = set()
    if not len(doc):
        return found
    # the first token of each line, from one walk (not two tokens made per token)
    # (a token's whitespace is at most one space, so a line break is in its text; the tokenizer
    # splits the text where whitespace starts and ends, so that text is all whitespace)
    index = token_index(doc)
    spaces = index.column("is_space").nonzero()[0].tolist()
    breaks = [i for i in spaces if "\n" in index.tokens[i].text]
    line_starts = [0] + [i + 1 for i in breaks if i + 1 < len(doc)]
    for start in line_starts:
        end = start
        while end < len(doc) and doc[end].is_alpha and doc[end].text.isupper():
            end += 1
        if end == start or not any(len(t) > 1 for t in doc[start:end]):
            continue
        tail = end
        if tail < len(doc) and doc[tail].text == ",":  # ", New Zealand", ", August 8", ", N.Y."
            tail += 1
            while (
                tail < len(doc)
                and tail - end <= DATELINE_MAX_TAIL
                and (doc[tail].text[:1].isupper() or doc[tail].is_digit or doc[tail].text == ".")
            ):
                tail += 1
        if tail < len(doc) and doc[tail].text in DATELINE_ENDS and tail - end <= DATELINE_MAX_TAIL:
            found.update(range(start, tail))
    return found


#: head nouns of a document's name ("Lend-Lease Act", "Federal Law On Ratifying the Treaty")
DOCUMENT_HEADS = word_set("actors", "mentions.document_heads")


#: head nouns of a gathering's or a contest's name ("Eastern Partnership Summit")
EVENT_HEADS = word_set("actors", "mentions.event_heads")
_DOCUMENT_OR_EVENT_HEADS = DOCUMENT_HEADS | EVENT_HEADS  # (joined once, not per mention)


#: determiners that deny there is anyone ("No group has admitted ...")
NEGATIVE_DETERMINERS = word_set("actors", "mentions.negative_determiners")
#: capitalised nouns of a holiday's name ("the Medical Workers' Day")
HOLIDAY_HEADS = word_set("actors", "mentions.holiday_heads")


def _nobody_or_holiday(doc: Doc, cand: Candidate) -> bool:
    """Whether a mention names nobody ("No group has admitted carrying out the attack") or is
    a holiday's name ("On the eve of the Medical Workers' Day"): no actor (issue 11)."""
    tokens = token_index(doc).tokens  # made once (``doc[i]`` makes a new Token each time)
    head = tokens[cand.head]
    if any(c.dep_ == "det" and c.lower_ in NEGATIVE_DETERMINERS for c in head.lefts):
        return True
    if cand.kind != "name" or cand.target == "country":
        return False
    span = doc[cand.start : cand.end]
    last = tokens[cand.end - 1]  # the span's last
    if len(span) > 1 and last.lower_ in HOLIDAY_HEADS and last.text[:1].isupper():
        return True  # "Energy Workers' Day", "Border Guards Day" tagged as one name
    day = span.root.head
    return (
        span.root.dep_ in {"poss", "compound"}
        and day.i >= cand.end
        and day.lower_ in HOLIDAY_HEADS
        and day.text[:1].isupper()
    )


def _names_a_document(span: Span) -> bool:
    """Whether a body's name is a law's, a treaty's or an agreement's: a document, no actor
    (issue 11). Its head says so ("Faculty of Law" is a body); an acronym ("ACT") is a name.
    So is a summit's or a contest's ("Eastern Partnership Summit", "XXIV Winter Olympics"): an
    event, no actor either."""
    return span.root.lower_ in _DOCUMENT_OR_EVENT_HEADS and not span.root.text.isupper()


#: participles after a country's word and a hyphen that say where a thing was made, not who
#: acts ("a Soviet-made aircraft", "Iranian-built drones")
PROVENANCE_PARTICIPLES = word_set("actors", "mentions.provenance_participles")


def _made_in(doc: Doc, end: int) -> bool:
    """Whether the mention ending before ``end`` only says where a thing was made."""
    tokens = token_index(doc).tokens  # (asked for every candidate: no Token made anew)
    return (
        end + 1 < len(tokens)
        and tokens[end].text == "-"
        and tokens[end + 1].lower_ in PROVENANCE_PARTICIPLES
    )


#: the last word of a street's name ("Dean Woods Road")
STREET_HEADS = word_set("actors", "mentions.street_heads")
#: words whose "with"/"of"/"for" phrase names an offence ("charged with Assault 1st degree")
OFFENCE_GOVERNORS = word_set("actors", "mentions.offence_governors")
OFFENCE_PREPOSITIONS = word_set("actors", "mentions.offence_prepositions")
#: happenings with no agent that a name before them places ("Scott's City Limits fire")
INCIDENT_NOUNS = word_set("actors", "mentions.incident_nouns")


def _street(span: Span) -> bool:
    """Whether a name is a street's or a road's ("a shooting on Dean Woods Road"): a place, no
    actor (issue 11), unless a state's body bears it ("Downing Street")."""
    from dateline.actors.bodies import national_body

    last = span[-1]
    return (
        len(span) > 1
        and last.text[:1].isupper()
        and last.lower_.rstrip(".") in STREET_HEADS
        and national_body(span.text.removeprefix("the ")) is None
    )


def _offence_or_site(span: Span) -> bool:
    """Whether a name only names an offence ("He is charged with Assault 1st degree") or the
    site of a happening ("KSP investigating Scott's City Limits fire"): no actor (issue 11)."""
    node = span.root
    while node.dep_ == "compound" and node.head.i >= span.end:
        node = node.head
        if node.lemma_.lower() in INCIDENT_NOUNS and node.tag_ == "NN":
            return True  # "City Limits fire", "the Grenfell Tower fire"
    prep = node.head
    return (
        node.dep_ == "pobj"
        and prep.lower_ in OFFENCE_PREPOSITIONS
        and prep.head.lemma_.lower() in OFFENCE_GOVERNORS
        and len(span) == 1
    )


def _custody_site(span: Sequence[Token]) -> bool:
    """Whether a name is a jail's or a prison's ("Metropolitan Correctional Center", "Barren
    County Detention Center"): a building people are held in, no actor nor target (issue 11).
    ``span``: its tokens (the index's, a slice of the list: no Span made for every candidate)."""
    if not len(span) or not span[-1].text[:1].isupper():
        return False
    last = span[-1].lower_  # (only the last two words are read: a candidate may be long)
    if last in CUSTODY_HEADS:
        return True
    return len(span) > 1 and span[-2].lower_ in CUSTODY_KINDS and last in CUSTODY_BUILDINGS


#: words that count a plural role as two people ("the two leaders", "both presidents")
PAIR_WORDS = word_set("actors", "mentions.pair_words")
#: dependency labels of the words that count or determine it ("the two", "both")
PAIR_DEPS = word_set("actors", "mentions.pair_deps")


#: the tags of a noun :func:`_plural_role` may read a role in
PLURAL_ROLE_TAGS = word_set("actors", "mentions.plural_role_tags")


def _plural_role(doc: Doc, token: Token) -> str | None:
    """The role a plural noun names ("Prime Ministers": "prime minister", "leaders": "leader")."""
    if token.tag_ not in {"NNS", "NNPS"} and not (
        token.tag_ == "NNP" and token.lower_.endswith("s")
    ):
        return None
    singular = token.lower_.removesuffix("s")
    # the index's Token, not a new one: asked for ~85,000 nouns over 400 articles
    previous = token_index(doc).tokens[token.i - 1].lower_ if token.i > 0 else ""
    return next((r for r in (f"{previous} {singular}", singular) if r in ROLE_NOUNS), None)


def _plural_roles(doc: Doc) -> list[tuple[Token, str]]:
    """The plural nouns of ``doc`` that name a role, with the role (:func:`_plural_role`): read
    once per Doc for :func:`_paired_roles` and :func:`_shared_roles` (~42,500 nouns over the
    benchmark's 400 articles, each asked twice before)."""
    index = token_index(doc)
    found: list[tuple[Token, str]] | None = index.memo.get("plural roles")
    if found is None:
        found = [
            (token, role)
            for token in index.where("tag_", PLURAL_ROLE_TAGS)
            if (role := _plural_role(doc, token)) is not None
        ]
        index.memo["plural roles"] = found
    return found


def _paired_roles(doc: Doc) -> list[Candidate]:
    """ "The two leaders assessed ...", "both presidents": a role counted as two, with no
    country, is the pair of people the text told of before (a readout's two heads of state);
    coref resolves it (``number`` plural, no ``role_country``)."""
    found: list[Candidate] = []
    for token, role in _plural_roles(doc):
        if not any(c.lower_ in PAIR_WORDS for c in token.lefts):
            continue
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.rights):
            continue  # "the two leaders of Spain and Denmark": whose, said (_shared_roles)
        start = min(c.i for c in token.lefts if c.dep_ in PAIR_DEPS)
        start = min(start, token.i - len(role.split()) + 1)
        candidate = Candidate(start, token.i + 1, token.i, "role", "person", role=role)
        candidate.number, candidate.sector = "plural", TITLE_SECTORS.get(role.split()[-1], "GOV")
        found.append(candidate)
    return found


#: plural nouns of states that a pair word counts ("the two countries", "both nations")
PAIR_COUNTRY_NOUNS = word_set("actors", "mentions.pair_country_nouns")
#: singular nouns that name two people told of before ("the pair", "the couple")
PAIR_NOUNS = word_set("actors", "mentions.pair_nouns")
#: dependency labels of an anaphor that stands alone as a verb's or a preposition's argument
PAIR_ARGUMENT_DEPS = word_set("actors", "mentions.pair_argument_deps")


def paired_anaphors(doc: Doc) -> list[Candidate]:
    """ "sent investigators to the two countries", "Both countries have put their militaries on
    alert": the two countries named before; "Both were lodged in ...", "the two were arrested",
    "attack the pair": the two people named before (issue 11). Coref resolves them
    (:func:`dateline.actors.anaphora.pair_antecedent`); a counted role ("the two leaders") is
    :func:`_paired_roles`', an "of" phrase ("both of them", "the pair of shoes") says whom."""
    found: list[Candidate] = []
    # only the words a pair can be said with (each branch below tests one of these sets)
    words = PAIR_COUNTRY_NOUNS | PAIR_WORDS | PAIR_NOUNS | {"both"}
    for token in token_index(doc).where("lower_", words):
        lower = token.lower_
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.rights):
            continue
        lefts = list(token.lefts)
        definite = any(c.lower_ == "the" and c.dep_ == "det" for c in lefts)
        if token.tag_ == "NNS" and lower in PAIR_COUNTRY_NOUNS:
            counted = [c for c in lefts if c.lower_ in PAIR_WORDS and c.dep_ in PAIR_DEPS]
            if not counted or (counted[0].lower_ != "both" and not definite):
                continue  # "two countries" is any two
            start, kind = min(c.i for c in lefts if c.dep_ in PAIR_DEPS), "country"
        elif token.dep_ not in PAIR_ARGUMENT_DEPS:
            continue
        elif lower == "both" and not lefts:
            start, kind = token.i, "person"  # "Both were lodged in ..."
        elif (lower in PAIR_WORDS or lower in PAIR_NOUNS) and token.tag_ != "NNS" and definite:
            start, kind = min(c.i for c in lefts), "person"  # "the two", "the pair"
        else:
            continue
        candidate = Candidate(start, token.i + 1, token.i, "pronoun", kind, pair_of=kind)
        candidate.number = "plural"
        found.append(candidate)
    return found


def _people_named(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """ "Calgary MLA Sandra Jansen drew a standing ovation": a subject NER missed that holds a
    given name and a surname is a person, with the title words before the given name."""
    from spacy.tokens import Span as SpacySpan

    people: list[Candidate] = []
    for cand in found:
        given = next((t for t in doc[cand.start : cand.end - 1] if is_first_name(t.text)), None)
        if given is None:
            given = _after_personal_title(doc, cand)
        if given is None:
            people.append(cand)
            continue
        people.append(_person(doc, SpacySpan(doc, given.i, cand.end, label="PERSON")))
    return people


def _after_personal_title(doc: Doc, cand: Candidate) -> Token | None:
    """ "Patriarch Kirill: Thank you", "Sheriff Tompkins said": the first word of the name after a
    title that goes before a person's name (an office with a sector, or a courtesy title); the
    name is capitalised proper nouns that name no body ("Speaker Series", "General Motors")."""
    title = doc[cand.start]
    if not (title.lower_ in TITLE_SECTORS or title.lower_ in HONORIFICS):
        return None
    name = doc[cand.start + 1 : cand.end]
    if not len(name) or any(
        t.pos_ != "PROPN" or not t.is_title or t.lower_ in TITLE_WORDS or t.lower_ in ORG_HEADS
        for t in name
    ):
        return None
    return name[0]


#: the most words of a name NER missed after a title's country ("Kassym-Jomart Kemeluly Tokayev")
TITLED_NAME_MAX_WORDS = 4
#: the fewest: a given name and a surname (a lone word after a country is no sure name)
TITLED_NAME_MIN_WORDS = 2


def _names_after_country_titles(doc: Doc) -> list[Candidate]:
    """ "President of the Republic of Estonia Alar Karis", "Deputy Head of the Office of the
    President of Ukraine Ihor Zhovkva": press releases write the full title, its country last,
    right before the name, and the small model often tags the country but not the name. Two to
    TITLED_NAME_MAX_WORDS capitalised proper nouns no entity holds, right after a country that
    ends a "<title> of [the] <country>" phrase, are that person (the title read as for a tagged
    name, :func:`_person`)."""
    from spacy.tokens import Span as SpacySpan

    found = []
    for ent in token_index(doc).entities:
        if ent.label_ != "GPE" or ent.end >= len(doc) or not _may_start_a_name(doc[ent.end]):
            continue  # checked first: most places are followed by no capitalised name
        if _country_of(ent) is None:
            continue
        end, words = ent.end, 0
        while end < len(doc) and words < TITLED_NAME_MAX_WORDS:
            token = doc[end]
            if _may_start_a_name(token):
                end, words = end + 1, words + 1
            elif token.tag_ == "HYPH" and words and end + 1 < len(doc) and doc[end + 1].is_title:
                end += 1  # "Kaudel-Jensen"
            else:
                break
        if doc[end - 1].tag_ == "HYPH":
            end -= 1
        if words < TITLED_NAME_MIN_WORDS or (end < len(doc) and doc[end].pos_ == "PROPN"):
            continue
        title = title_before(doc, ent.end)
        body_title = None if title.country is not None else _title_of_a_body(doc, ent.start)
        if title.country is None and body_title is None:
            continue  # "in Kyiv Alar Karis said": no title before the country
        person = _person(doc, SpacySpan(doc, ent.end, end, label="PERSON"))
        if body_title is not None:
            # "Speaker of the Saeima of the Republic of Latvia Ināra Mūrniece": an office of a
            # body of that country (no table office), held for that country, whatever an
            # apposition after the name says (the next person's title in a list)
            country = _country_of(ent)
            assert country is not None
            person.role_country = country.alpha3
            person.sector = person.sector or TITLE_SECTORS.get(body_title.lower_, "GOV")
        found.append(person)
    return found


def _names_after_portfolios(doc: Doc) -> list[Candidate]:
    """ "Minister of Infrastructure Oleksandr Kubrakov said": a minister's title ends on its
    portfolio, not a country, and the small model often tags no name after it. Two to
    TITLED_NAME_MAX_WORDS capitalised proper nouns no entity holds, the first a listed first
    name, right after "<minister> of <portfolio>", are that person."""
    from spacy.tokens import Span as SpacySpan

    found = []
    for token in token_index(doc).where("lower_", PORTFOLIO_ROLES):
        if not token.text[:1].isupper():
            continue
        portfolio = _portfolio(doc, token.i + 1)
        if portfolio is None:
            continue
        start = end = portfolio[1]
        while (
            end < len(doc) and end - start < TITLED_NAME_MAX_WORDS and _may_start_a_name(doc[end])
        ):
            end += 1
        if (
            end - start < TITLED_NAME_MIN_WORDS
            or (end < len(doc) and doc[end].pos_ == "PROPN")
            or not is_first_name(doc[start].text)
        ):
            continue
        found.append(_person(doc, SpacySpan(doc, start, end, label="PERSON")))
    return found


def _untagged_full_names(doc: Doc) -> list[Candidate]:
    """A person's full name the small model tagged as no entity, wherever it stands ("a report
    by Commander of the Joint Forces Oleksandr Pavliuk", "award ... to Vitaliy Volodymyrovych
    Skakun"): a listed first name (data/first_names.csv, a cited name-gender table) no entity
    holds, then one or two capitalised proper nouns no entity holds, the last the name's head,
    each before it its compound, read as :func:`dateline.actors.gender.looks_like_person`
    reads a name tagged ORG. Only the parse's untagged singular proper nouns are looked at (the
    token index's NNP column), one first-name lookup each."""
    from spacy.tokens import Span as SpacySpan

    found = []
    index = token_index(doc)
    tokens = index.tokens
    for i in index.positions("tag_", ("NNP",)):
        token = tokens[i]
        if token.ent_type_ or not is_first_name(token.text):
            continue
        head = token.head
        if not (
            token.dep_ == "compound"
            and token.i < head.i < token.i + PERSON_NAME_MAX_TOKENS
            and head.i + 1 - token.i >= PERSON_NAME_MIN_TOKENS
            and all(_may_start_a_name(t) for t in tokens[token.i + 1 : head.i + 1])
            and all(t.head.i == head.i for t in tokens[token.i : head.i])
            and not (head.i + 1 < len(doc) and tokens[head.i + 1].pos_ == "PROPN")
        ):
            continue
        if head.i + 1 < len(doc) and tokens[head.i + 1].text == ":":
            # a label: a transcript turn's speaker ("Governor of the Kursk Region Roman
            # Starovoit: Mr President, ..."), read by dateline.actors.speakers, or a kicker
            # ("Queensland Amber Alert: 4 young boys abducted")
            continue
        found.append(_person(doc, SpacySpan(doc, token.i, head.i + 1, label="PERSON")))
    return found


def _may_start_a_name(token: Token) -> bool:
    """A capitalised proper noun no entity holds that is no title word nor a body's head."""
    return (
        token.pos_ == "PROPN"
        and token.is_alpha
        and token.is_title
        and not token.ent_type_
        and token.lower_ not in TITLE_WORDS
        and token.lower_ not in ORG_HEADS
        and not token.is_sent_start
    )


#: the most capitalised words of a body's name between a title and its country ("Speaker of
#: the *Saeima* of the Republic of Latvia", "President of the *Riigikogu* of ...")
BODY_NAME_MAX_WORDS = 3


def _title_of_a_body(doc: Doc, country_start: int) -> Token | None:
    """The title word of "<title> of [the] <Body> of [the] <country>" ending right before the
    country that starts at ``country_start`` ("Speaker of the Saeima of the Republic of
    Latvia"), or None."""
    from dateline.actors.titles import _is_title_word, _link_start

    link = _link_start(doc, country_start - 1) if country_start > 0 else None
    if link is None:
        return None
    i, words = link - 1, 0
    while i >= 0 and words < BODY_NAME_MAX_WORDS and doc[i].pos_ == "PROPN" and doc[i].is_title:
        if _is_title_word(doc[i]):
            break
        i, words = i - 1, words + 1
    if not words or i < 0:
        return None
    link = _link_start(doc, i)
    if link is None or link < 1 or not _is_title_word(doc[link - 1]):
        return None
    return doc[link - 1]


def _shared_roles(doc: Doc) -> list[Candidate]:
    """ "the Prime Ministers of Spain and Denmark", "the foreign ministers of France and
    Germany": a plural role of two or more countries is each country's holder of the role, one
    mention each: the first with the role words ("the Prime Ministers of Spain"), the others the
    country names (the countries themselves do nothing here)."""
    found: list[Candidate] = []
    for token, role in _plural_roles(doc):
        of = next((c for c in token.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        first = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if first is None or first.ent_type_ != "GPE":
            continue
        # "of Spain and Denmark": the parser hangs the second country on the first or the role
        others = [c for c in (*first.children, *token.rights) if c.dep_ == "conj"]
        places = [(first, _country_of(first))]
        places += [(c, _country_of(c)) for c in others if c.ent_type_ == "GPE" and c.i > first.i]
        if len(places) < 2 or any(country is None for _, country in places):
            continue
        det = next((c for c in token.lefts if c.dep_ == "det" and c.lower_ == "the"), None)
        if det is None:
            continue
        sector = TITLE_SECTORS.get(role.split()[-1], "GOV")
        for i, (place, country) in enumerate(places):
            assert country is not None
            start = det.i if i == 0 else place.i
            end = place.i + _entity_width(doc, place.i)
            head = token.i if i == 0 else place.i
            candidate = Candidate(start, end, head, "role", "person", role=role, number="plural")
            candidate.role_country, candidate.sector = country.alpha3, sector
            found.append(candidate)
    return found


#: pronouns a relative clause turns into a group the text describes
DESCRIBED_GROUP_HEADS = word_set("actors", "mentions.described_group_heads")


#: prepositions whose phrase describes a group a pronoun heads ("anyone with information")
DESCRIBING_PREPOSITIONS = word_set("actors", "mentions.describing_prepositions")


def _describing_clause(token: Token) -> Token | None:
    """What describes the members of a group a pronoun heads: a relative clause ("those who
    fought"), a participle ("those arrested", "those living nearby") or a phrase of what they
    have or where they are ("anyone with information", "those on board")."""
    for child in token.rights:
        if child.dep_ == "relcl":
            return child
        if child.dep_ == "acl" and child.tag_ in {"VBN", "VBG"}:
            return child
        if (
            child.dep_ == "prep"
            and child.lower_ in DESCRIBING_PREPOSITIONS
            and any(c.dep_ == "pobj" for c in child.children)
        ):
            return child
    return None


def _described_groups(doc: Doc) -> list[Candidate]:
    """ "I am grateful to everyone who defends the state", "all those who participated in the
    rescue", "those arrested", "anyone with information": a group the text names only by what
    its members do or have keeps that description as its name (records DECISIONS.md D47), the
    clause included; the pronoun is the mention."""
    found = []
    for token in token_index(doc).where("lower_", DESCRIBED_GROUP_HEADS):
        if token.pos_ not in {"PRON", "DET", "NOUN"}:
            continue
        clause = _describing_clause(token)
        if clause is None:
            continue
        start = min([token.i] + [c.i for c in token.lefts if c.dep_ in {"predet", "det"}])
        end = clause.right_edge.i + 1
        while end > clause.i + 1 and doc[end - 1].is_punct:
            end -= 1
        # the mention is the pronoun ("all those"), so that the names inside the clause stay
        # mentions of their own; the name is the whole description
        name = doc[start:end].text
        found.append(
            Candidate(start, token.i + 1, token.i, "group", "group", name=name, described=True)
        )
    return found


#: plural nouns of states a modifier makes a group of unnamed states ("Western countries")
STATE_PLURALS = word_set("actors", "mentions.state_plurals")
#: where a plural of states names no party ("states parties", "a bloc of Western countries'
#: size"): agents.agent_candidates's list, the possessive kept (an owner may be a party)
STATE_GROUP_SKIPPED_DEPS = word_set("actors", "agents.non_referring_deps") - {"poss"}
#: what may say which states a plural of states names: an adjective ("Western", "other",
#: "leading") or a common noun ("member states")
STATE_GROUP_MODIFIERS = frozenset({"amod", "compound"})


def _state_groups(doc: Doc) -> list[Candidate]:
    """ "sanctions imposed by Western countries", "other foreign states", "leading Western
    powers", "individual countries": a plural of states with a modifier saying which is a group
    of states the text does not name, a party of its own (GUIDELINES "Fields": the most specific
    name the article gives; "Political actors": a group has no country unless the text gives
    one). Not a name ("the United States", "the United Nations"), not one country's ("Russian
    regions"), nor a count of states named before ("the two countries": paired_anaphors)."""
    found = []
    for token in token_index(doc).where("lower_", STATE_PLURALS):
        if token.tag_ not in {"NNS", "NNPS"} or token.ent_type_ not in {"", "NORP"}:
            continue
        if token.dep_ in STATE_GROUP_SKIPPED_DEPS:
            continue
        modifiers = [c for c in token.lefts if c.dep_ in STATE_GROUP_MODIFIERS]
        if not modifiers:
            continue
        if any(
            t.ent_type_ in {"GPE", "ORG", "PERSON"}
            or (t.ent_type_ == "NORP" and _country_of(t) is not None)
            for m in modifiers
            for t in m.subtree
        ):
            continue  # "EU member states", "Arab League states", "Russian regions": named owners
        start = min(m.left_edge.i for m in modifiers)
        name = doc[start : token.i + 1].text
        first = min([start] + [c.i for c in token.lefts if c.dep_ in {"det", "predet"}])
        found.append(
            Candidate(first, token.i + 1, token.i, "group", "group", name=name,
                      number="plural", described=True)
        )  # fmt: skip
    return found


#: above this a bare number is no count of people ("in 1996", "the 2,000 who")
COUNTED_GROUP_MAX = 999
COUNTED_GROUP_DEPS = word_set("actors", "mentions.counted_group_deps")
PEOPLE_VERBS = word_set("actors", "mentions.people_verbs")
MAGNITUDE_WORDS = word_set("actors", "mentions.magnitude_words")
FURTHER_COUNTS = word_set("actors", "mentions.further_counts")
SINGLE_COUNTS = word_set("actors", "mentions.single_counts")
DETERMINER_DEPS = word_set("actors", "mentions.determiner_deps")
SENDER_PREPOSITIONS = word_set("actors", "mentions.sender_prepositions")
SENT_NOUNS = word_set("actors", "mentions.sent_nouns")


def _counted_groups(doc: Doc) -> list[Candidate]:
    """ "Police arrest five over arms cache", "Two arrested on drug charges", "the gunman killed
    two": a bare number as a verb's subject or object is that many people, named by the number
    (a headline's usual way; records gold names them so)."""
    found = []
    for token in token_index(doc).where("pos_", {"NUM"}):
        if token.ent_type_ not in {"", "CARDINAL"}:
            continue
        # a verb's subject or object, or a title's head with its participle ("Two arrested")
        headline = token.dep_ == "ROOT" and any(
            c.dep_ == "acl" and c.tag_ == "VBN" for c in token.children
        )
        if not headline and (
            token.dep_ not in COUNTED_GROUP_DEPS
            or token.head.lemma_.lower() not in PEOPLE_VERBS  # "reach 3.9 trillion", "aged three"
        ):
            continue
        following = token.nbor(1) if token.i + 1 < len(doc) else None
        if "." in token.text or (following is not None and following.lower_ in MAGNITUDE_WORDS):
            continue  # "460 billion", "44 percent": an amount
        if token.i > 0 and doc[token.i - 1].pos_ in {"NOUN", "PROPN"}:
            continue  # "posts 542 and 543", "flight 103": a label, no count
        if any(c.dep_ in DETERMINER_DEPS for c in token.children):
            continue  # "the call the two have held": the two the text has named
        value = token.text.replace(",", "")
        if value.isdigit() and int(value) > COUNTED_GROUP_MAX:
            continue
        if not (value.isdigit() or token.like_num) or token.lower_ in SINGLE_COUNTS:
            continue  # "one" is a person, said of someone the text names
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
            continue  # "two of the suspects": the suspects
        end = token.i + 1
        if following is not None and following.lower_ in FURTHER_COUNTS and following.head == token:
            end += 1  # "the navy saved 200 more": the group is "200 more", not the first 200
        found.append(
            Candidate(token.i, end, token.i, "group", "group", name=doc[token.i : end].text,
                      number="plural", described=True)
        )  # fmt: skip
    return found


def _place_surnames(candidates: list[Candidate]) -> dict[str, int]:
    """Surname -> where the first person named with it ends, for people whose surname is a place
    ("Paris" of "Valeska Paris", :func:`_named_like_places`)."""
    found: dict[str, int] = {}
    for cand in candidates:
        if cand.place_surname is not None:
            found.setdefault(cand.place_surname, cand.end)
    return found


def _surnames_not_places(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """ "Valeska Paris ... Paris also claims": after the article named a person in full with a
    surname that is a place, the bare surname is the person, not the place's country (dropped
    here, found again by :func:`_untagged_surnames`); so is a surname the small model tags a
    place where it is a clause's subject ("Abe Oudshoorn ... Oudshoorn said", "Sarah
    Vermelhudo ... 38-year-old Vermelhudo is dead")."""
    named_at = _place_surnames(candidates)
    surnames = _full_name_surnames(candidates)
    return [
        c
        for c in candidates
        if not (
            c.end - c.start == 1
            and c.target != "person"
            and (
                named_at.get(doc[c.start].text, len(doc)) <= c.start
                or (
                    surnames.get(doc[c.start].text, len(doc)) <= c.start
                    and _surname_as_subject(doc[c.start])
                )
            )
        )
    ]


def _full_name_surnames(candidates: list[Candidate]) -> dict[str, int]:
    """Surname -> where the first person the article names in full with it ends."""
    first_seen: dict[str, int] = {}
    for cand in candidates:
        words = cand.name.split()
        if cand.target == "person" and len(words) > 1 and words[-1][:1].isupper():
            first_seen.setdefault(words[-1], cand.end)
    return first_seen


def _surname_as_subject(token: Token) -> bool:
    """Whether a word the small model tagged a place is, as a clause's subject (or one of its
    joined subjects), a surname: "Oudshoorn said", "As Bozkina and Glowacki threaten the
    group"; never a country's or a capital's name, which stands for its government there."""
    if token.ent_type_ not in {"GPE", "LOC"} or token.pos_ != "PROPN":
        return False
    if country_by_name(token.text) is not None or country_by_capital(token.text) is not None:
        return False
    subject = token.head if token.dep_ == "conj" else token
    return subject.dep_ in SUBJECT_DEPS or _told_of_as_a_person(token)


#: relative pronouns that only a person takes ("Kopp, who is charged ...")
PERSONAL_RELATIVES = word_set("actors", "mentions.personal_relatives")


def _told_of_as_a_person(token: Token) -> bool:
    """ "the arrest of Kopp, who is charged with ...": a relative clause on "who" says the word
    it describes is a person, not a place."""
    return any(
        child.dep_ == "relcl"
        and any(c.lower_ in PERSONAL_RELATIVES and c.i < child.i for c in child.children)
        for child in token.rights
    )


def _named_like_places(doc: Doc) -> list[Candidate]:
    """People whose surname is a place: the small model tags "Valeska Paris" as two places (and
    "Paris" would then be France); a confidently gendered first name before a place name makes
    the two a person's name (the longer candidate wins over the place)."""
    from spacy.tokens import Span as SpacySpan

    found = []
    index = token_index(doc)
    tokens = index.tokens  # made once per article (a slice of the Doc makes new ones)
    # the place entities, listed once, not every word's entity strings read back
    for place in index.entities:
        if place.label_ not in {"GPE", "LOC"} or place.start == 0:
            continue
        if place.end - place.start > 1:
            continue  # "New York": the place's name goes on
        token = tokens[place.start]
        first = tokens[token.i - 1]
        if first.ent_type_ not in {"", "GPE", "LOC", "PERSON"}:
            continue
        span = SpacySpan(doc, first.i, token.i + 1, label="PERSON")
        if looks_like_person(span):
            person = _person(doc, span)
            person.place_surname = token.text
            found.append(person)
    return found


def _untagged_surnames(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """A bare surname the small model left untagged (or tagged ORG, a name no actor came of)
    after the article gave the full name: "Police also arrested Vernon Adkins ... Adkins was
    arrested" ("Adkins" parsed NNS, no entity); the exact capitalised surname is required."""
    first_seen = _full_name_surnames(candidates)
    if not first_seen:
        return []
    # a surname that is a place (:func:`_surnames_not_places`) is tagged a place again
    place_surnames = _place_surnames(candidates)
    taken = {i for c in candidates for i in range(c.start, c.end)}
    found = []
    index = token_index(doc)
    nouns = set(index.positions("pos_", {"PROPN", "NOUN"}))
    # only the words spelled as a surname seen (the last test below) are read as Tokens, not
    # every noun of the article
    for position in index.positions("text", first_seen):
        if position not in nouns:
            continue
        token = index.tokens[position]
        if (
            token.i not in taken
            # a surname the small model tagged ORG, whose entity named no actor because the
            # gazetteer knows a town so spelled ("searching for Howes", after Christopher Howes)
            and (
                not token.ent_type_
                or token.text in place_surnames
                or token.ent_type_ == "ORG"
                # "the assassination of Rabin" tagged GPE, where no place is so named
                or (token.ent_type_ == "GPE" and not _place_named(token.text))
                or _surname_as_subject(token)  # "Oudshoorn said", after Abe Oudshoorn
            )
            # (of the proper and common nouns: sentence-initial, a surname can be tagged "NNS")
            and first_seen.get(token.text, len(doc)) <= token.i
        ):
            found.append(
                Candidate(token.i, token.i + 1, token.i, "name", "person", name=token.text)
            )
    return found


#: the fewest words of a body's name repeated untagged: one capitalised word alone ("Service",
#: "Council") is too often a common word's
BODY_NAME_MIN_WORDS = 2
#: the entity types a repeat of a body's name may hold: its country ("Security Service of
#: [Ukraine]")
COUNTRY_ENTITIES = frozenset({"GPE", "NORP"})


def _untagged_body_names(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """A body's name the small model tagged once and left untagged when the article repeats it:
    "the [Security Service of Ukraine] ... according to the Security Service of Ukraine"; the
    exact words (capitalised as before) are another mention of the same body, the longer
    candidate winning over the country inside it."""
    bodies: dict[tuple[str, ...], Candidate] = {}
    for c in candidates:
        if c.kind != "name" or c.target != "organization" or c.end - c.start < BODY_NAME_MIN_WORDS:
            continue
        words = tuple(t.text for t in token_index(doc).tokens[c.start : c.end])
        if words[0][:1].isupper():
            bodies.setdefault(words, c)
    if not bodies:
        return []
    # the words of the article read once, and each body's repeats looked for where its first word
    # stands (a walk of every token per body made this the actors stage's costliest step)
    index = token_index(doc)
    texts = index.column("text").tolist()  # the words' ids (hashes of their strings)
    found = []
    for words, first in bodies.items():
        n = len(words)
        ids = [index.value_id("text", word) for word in words]
        for i in index.positions("text", words[:1]):
            if i < first.end or texts[i : i + n] != ids:
                continue
            span = doc[i : i + n]
            types = {t.ent_type_ for t in span}
            if "" not in types or not types <= COUNTRY_ENTITIES | {""}:
                continue  # tagged again (its own mention), or inside another name
            found.append(replace(first, start=i, end=i + n, head=i + first.head - first.start))
    return found


#: the fewest words of a person's full name repeated outside a PERSON entity ("Olena Zelenska")
FULL_NAME_MIN_WORDS = 2


def _mistagged_full_names(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """A person's full name the article has as a person's mention, repeated where NER tagged it
    otherwise or not at all ("the First Lady [Olena Zelenska]" tagged WORK_OF_ART): the exact
    words, capitalised as before, are another mention of that person (as
    :func:`_untagged_body_names` finds a body's repeats)."""
    people: dict[tuple[str, ...], Candidate] = {}
    for c in candidates:
        if c.kind not in {"name", "title"} or c.target != "person":
            continue
        # a name mention's words; a title mention's name, the words NER tagged, without the
        # titles before it ("Deputy Prime Minister Marat Khusnullin")
        span = doc[c.start : c.end]
        words = tuple(t.text for t in span if c.kind == "name" or t.ent_type_ == "PERSON")
        if len(words) >= FULL_NAME_MIN_WORDS and all(word[:1].isupper() for word in words):
            people.setdefault(words, c)
    if not people:
        return []
    index = token_index(doc)
    texts = index.column("text").tolist()
    found = []
    for words, first in people.items():
        n = len(words)
        ids = [index.value_id("text", word) for word in words]
        for i in index.positions("text", words[:1]):
            if first.start <= i < first.end or texts[i : i + n] != ids:
                continue
            span = doc[i : i + n]
            if any(t.ent_type_ == "PERSON" for t in span):
                continue  # tagged a person again: its own mention
            found.append(Candidate(i, i + n, i + n - 1, "name", "person", name=span.text))
    return found


def _ends_a_body_name(doc: Doc, ent: Span) -> bool:
    """Whether a one-word organisation name ends a longer one the article tags ORG: "Hydro also
    expropriated" after "BC Hydro's president" is the body, even where a town is so named."""
    return len(ent) == 1 and any(
        other.label_ == "ORG"
        and len(other) > 1
        and (other[-1].text if other[-1].text not in POSSESSIVE else other[-2].text) == ent.text
        for other in token_index(doc).entities
    )


def _names_its_sector(name: str) -> bool:
    """Whether an organisation's name holds a word of its sector ("The White House", "the
    Pentagon", "Lake County Police"): a body, or a seat standing for its government by
    metonymy (issue 11), even where the gazetteer knows a town so named ("White House",
    Tennessee)."""
    lower = f" {name.lower()} "
    return any(f" {word} " in lower for word in ORG_SECTOR_WORDS)


def _from_entity(doc: Doc, ent: Span) -> Candidate | None:
    # "the" and a trailing possessive are not part of the name; a plain slice of the doc loses
    # the entity's label and ruler id, so they are carried over
    label, ent_id = ent.label_, ent.id_  # id_, not ent_id_: a joined name has none
    tokens = token_index(doc).tokens  # made once (``doc[i]`` makes a new Token each time)
    while ent.end - ent.start > 1 and (
        tokens[ent.end - 1].text in POSSESSIVE
        # "Kellogg later retracted": an adverb the small model took into the name
        or (tokens[ent.end - 1].is_lower and tokens[ent.end - 1].pos_ == "ADV")
    ):
        ent = doc[ent.start : ent.end - 1]
    if ent.start < ent.end - 1 and tokens[ent.start].lower_ == "the":
        ent = doc[ent.start + 1 : ent.end]
    if ent.label_ != label:
        from spacy.tokens import Span as SpacySpan

        ent = SpacySpan(doc, ent.start, ent.end, label=label, span_id=ent_id)
    family = _family_named(doc, ent)
    if family is not None:
        return Candidate(ent.start, ent.end, ent.root.i, "name", "organization", name=family)
    if label == "PERSON":
        if not any(t.is_alpha and t.text[:1].isupper() for t in ent):
            return None
        if not ent.id_ and ent.text.lower() in DISEASES:
            return None  # "When COVID came, he was not afraid": a disease, no person to be "he"
        ent = _over_extra_space(doc, ent)
        if len(ent) == 1 and ent[0].tag_ == "NNPS" and not ent.id_:
            return None  # "The Javelins destroyed two tanks": a person's name is not plural
        if not ent.id_ and any(
            c.dep_ == "appos" and c.lemma_.lower() in PLACE_APPOSITIONS for c in ent.root.children
        ):
            return None  # "from Angkor Wat, the fabled 11th century temple": a place
        return _person(doc, ent)
    if label == "NORP":
        country = _country_of(ent)
        if country is None:
            if not ent.text[:1].isupper():
                return None
            if looks_like_person(ent):
                return _person(doc, ent)  # "Roman Mashovets" tagged NORP by the small model
            if ent.root.dep_ in {"amod", "compound"} and not _names_people(ent.root.head):
                return None  # "European integration", "Western weapons": an adjective, no actor
            return Candidate(ent.start, ent.end, ent.root.i, "name", "group", name=ent.text)
        return _country_modified(doc, ent, country, "demonym") or Candidate(
            ent.start, ent.end, ent.root.i, "demonym", "country", country=country.alpha3
        )
    if label == "GPE":
        country = _country_of(ent)
        if country is None and ent.root.lower_ in BODY_HEADS:
            return None  # "The Ramsey County Sheriff's Office": a body (agents.sheriff_candidates)
        if country is None and looks_like_person(ent) and not _place_named(ent.text):
            return _person(doc, ent)  # "[...] Security Tomáš Pojar" tagged GPE by the small model
        if country is None:
            if ent.root.dep_ not in {"nsubj", "nsubjpass"}:
                return None  # a town is a place; acting as a subject it is a polity ("Kosovo")
            return Candidate(ent.start, ent.end, ent.root.i, "name", "country", name=ent.text)
        is_capital = country_by_name(ent.text) is None and country_by_capital(ent.text) is not None
        modified = _country_modified(doc, ent, country, "capital" if is_capital else "name")
        if modified is not None:
            return modified
        if is_capital:
            if not _is_agent_capital(doc, ent):
                return None
            return Candidate(
                ent.start,
                ent.end,
                ent.root.i,
                "capital",
                "country",
                country=country.alpha3,
                sector="GOV",
            )
        return Candidate(ent.start, ent.end, ent.root.i, "name", "country", country=country.alpha3)
    if label == "ORG":
        if not ent.text[:1].isupper() or ent.text.isdigit():
            return None
        from dateline.actors.agents import capitalised_description  # builds on this module

        if len(ent) == 1 and capitalised_description(ent[0]):
            return None  # "the Church denied": a description, see agents.agent_candidates
        if len(ent) == 1 and names_an_offence(ent[0]):
            return None  # "arrested on DWI and other charges": a charge, no body
        if (
            not ent.id_
            and not ent.text.isupper()
            and _place_named(ent.text)
            and not _ends_a_body_name(doc, ent)
            and not _names_its_sector(ent.text)
        ):
            # "Yuzhno-Sakhalinsk hosted", "the Chornobyls": a town, not a body; an acronym
            # ("the IRA") is a body even where a town is spelled alike ("Ira")
            return None
        if not ent.id_ and looks_like_person(ent):
            return _person(doc, ent)  # "Olena Zelenska" tagged ORG by the small model
        if not ent.id_ and (name := titled_person(ent)) is not None:
            return _person(doc, name)  # "[... Occupied Territories] Iryna Vereshchuk"
        return Candidate(
            ent.start,
            ent.end,
            ent.root.i,
            "name",
            "organization",
            name=ent.text,
            table_id=ent.id_ or None,
        )
    return None


#: the tags of a role noun's head: singular ("the president", "President of Ukraine")
ROLE_NOUN_TAGS = frozenset({"NN", "NNP"})


def _role_nouns(doc: Doc) -> list[Candidate]:
    """ "the Russian leader", "the president", "his Ukraine envoy", "Russia's foreign minister"."""
    found = []
    index = token_index(doc)
    # only the nouns tagged NN/NNP whose word opens, closes or is a role are read as tokens
    # (one memo lookup per noun by its ids; most of an article's nouns are no role's)
    tagged = set(index.positions("tag_", ROLE_NOUN_TAGS))
    nouns = sorted(tagged.intersection(index.positions("pos_", {"NOUN", "PROPN"})))
    strings = doc.vocab.strings
    ids = zip(
        index.column("lower_")[nouns].tolist(), index.column("lemma_")[nouns].tolist(), strict=True
    )
    tokens = index.tokens
    for position, (lower_id, lemma_id) in zip(nouns, ids, strict=True):
        if role_word(lower_id, lemma_id, strings) == (False, None):
            continue
        token = tokens[position]
        if token.ent_type_ == "PERSON":
            continue
        role, end = _role_span(doc, token)
        if role is None or token.tag_ not in ROLE_NOUN_TAGS:
            continue
        if end < len(doc) and doc[end].ent_type_ == "PERSON":
            continue  # a title: part of the person's mention
        if end - 1 != token.i and doc[end - 1].pos_ not in {"NOUN", "PROPN"}:
            continue
        if role in PORTFOLIO_ROLES and (portfolio := _portfolio(doc, end)) is not None:
            words, end = portfolio
            role = f"{role} of {words}"  # "the Minister of Education": whose portfolio, said
        # "the Head of State": the first noun heads an "X of Y" role, the last one "prime minister"
        head = token if " of " in role else doc[end - 1]
        determiners = [c for c in head.children if c.i < token.i and c.dep_ in {"det", "poss"}]
        if determiners:
            det = determiners[0]
            if det.dep_ == "det" and det.lower_ != "the":
                continue  # "a president", "any leader": not a definite reference
            start = det.i
        elif (
            token.is_sent_start
            and token.text[:1].isupper()
            and head.dep_ in {"nsubj", "nsubjpass"}
            and _of_country(doc, head, end)
        ):
            start = token.i  # a headline drops the article: "President of Ukraine met with ..."
        else:
            continue
        if any(t.lower_ in SUBORDINATE for t in doc[start : token.i + 1]):
            role = f"deputy {role}"  # "the Deputy Prime Minister" holds no prime minister's office
        candidate = Candidate(start, end, head.i, "role", "person", role=role)
        candidate.portfolio = " of " in role and role.split(" of ")[0] in PORTFOLIO_ROLES
        candidate.sector = TITLE_SECTORS.get(role.split(" of ")[0].split()[-1], "GOV")
        for child in head.children:
            if child.i < token.i and child.dep_ in {"amod", "compound", "poss", "nmod"}:
                country = _country_of(child) if child.ent_type_ in {"NORP", "GPE"} else None
                if country and child.dep_ != "compound":
                    candidate.role_country = country.alpha3
                elif country:
                    candidate.to_country = country.alpha3  # "his Ukraine envoy": *to* Ukraine
                if child.lower_ in PERSON_PRONOUNS and child.dep_ == "poss":
                    candidate.possessor = child.i
        of_head = doc[end].head if candidate.portfolio and end < len(doc) else head
        if candidate.role_country is None and (country := _of_country(doc, of_head, end)):
            candidate.role_country = country.alpha3  # "the President of Belarus"
            candidate.end = end + 1 + _entity_width(doc, end + 1)
        found.append(candidate)
    return found


#: roles a portfolio completes ("the Minister of Education")
PORTFOLIO_ROLES = word_set("actors", "mentions.portfolio_roles")
#: the words of a portfolio: a cabinet's ("Education", "Foreign Affairs", "Defence")
PORTFOLIO_WORDS = word_set("actors", "bodies.state_body_words") - word_set(
    "actors", "mentions.portfolio_stops"
)


def _portfolio(doc: Doc, end: int) -> tuple[str, int] | None:
    """ "of Education", "of Foreign Affairs" after a minister: the portfolio's words (lower case)
    and where they end; None when no capitalised portfolio word follows "of"."""
    if end + 1 >= len(doc) or doc[end].lower_ != "of" or not doc[end + 1].is_title:
        return None
    i = end + 1
    while i < len(doc) and doc[i].lower_ in PORTFOLIO_WORDS:
        i += 1
    while i > end + 1 and doc[i - 1].lower_ in FUNCTION_WORDS_OF_PORTFOLIO:
        i -= 1  # "of Education and": the conjunction belongs to what follows
    if i == end + 1:
        return None
    return " ".join(t.lower_ for t in doc[end + 1 : i]), i


FUNCTION_WORDS_OF_PORTFOLIO = word_set("actors", "mentions.portfolio_joiners")


def _of_country(doc: Doc, head: Token, end: int) -> Country | None:
    """The country in an "of" complement right after a role ("the President of Belarus")."""
    if end + 1 >= len(doc) or doc[end].lower_ != "of" or doc[end].head.i != head.i:
        return None
    first = doc[end + 1]
    if first.lower_ == "the" and end + 2 < len(doc):
        first = doc[end + 2]
    if first.ent_type_ != "GPE" or first.ent_iob_ != "B":
        return None
    return _country_of(first)


def _entity_width(doc: Doc, start: int) -> int:
    """Tokens from ``start`` to the end of the entity that begins there or after its "the"."""
    i = start + 1 if doc[start].lower_ == "the" else start
    i += 1
    while i < len(doc) and doc[i].ent_iob_ == "I":
        i += 1
    return i - start


def _possessed_groups(doc: Doc) -> list[Candidate]:
    """ "Kyiv's forces", "Russia's army": a country or capital owning a force noun."""
    found = []
    # the tokens whose lemma is a group noun, found by the lemmas' ids (the lemma of every token
    # was read back from the vocabulary before: the index reads each distinct one once)
    for token in token_index(doc).with_lemmas(GROUP_NOUNS):
        lemma = token.lemma_.lower()
        if token.tag_ != "NNS" and lemma not in COLLECTIVE_NOUNS:
            continue
        owners = [c for c in token.children if c.dep_ == "poss" and c.ent_type_ == "GPE"]
        if not owners:
            continue
        country = _country_of(owners[0])
        if country is None:
            continue
        start = owners[0].left_edge.i
        sector = GROUP_NOUNS[lemma]
        target = "country" if sector == "GOV" else "group"
        found.append(
            Candidate(
                start, token.i + 1, token.i, "group", target, country=country.alpha3, sector=sector
            )
        )
    return found


def without_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """Longest candidate first; a candidate overlapping a kept one is dropped."""
    kept: list[Candidate] = []
    taken: set[int] = set()
    for candidate in sorted(candidates, key=lambda c: (-(c.end - c.start), c.start)):
        span = range(candidate.start, candidate.end)  # (no set made per candidate)
        if not taken.isdisjoint(span):
            continue
        kept.append(candidate)
        taken.update(span)
    return sorted(kept, key=lambda c: c.start)


__all__ = ["Candidate", "country_of", "find_candidates", "without_overlaps"]


def _names_people(noun: Token) -> bool:
    """Whether a noun a group adjective modifies names people ("European leaders", "Kurdish
    fighters"), so that the adjective stands for a group of actors."""
    from dateline.actors.agents import _lookup

    lemma = noun.lemma_.lower()
    return (
        lemma in PEOPLE_NOUNS
        or lemma in ROLE_NOUNS
        or lemma in GROUP_NOUNS
        or lemma in COLLECTIVE_NOUNS
        or _lookup(noun) is not None
    )


PEOPLE_NOUNS = word_set("actors", "mentions.people_nouns")
