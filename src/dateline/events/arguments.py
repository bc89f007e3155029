"""Actor and recipient rules on the dependency parse.

PLOVER (manual, "actor and recipient replace source and target", "Compound and Reciprocal
Actors"): the actor initiates the event, the recipient is whom it is directed at; compound
entities ("The United States and France accused Russia") are one event with a list of actors;
in meetings without a host, every party is an actor and there is no recipient.

Rules (ClearNLP/spaCy English dependency labels):
- active clause: ``nsubj`` is the actor; ``dobj``, ``dative`` and the objects of recipient
  prepositions ("to", "with", "against", "on", ...) are recipients;
- passive clause: the "by" ``agent`` is the actor and ``nsubjpass`` the recipient;
- coordination: every conjunct of an argument ("X and Y met") is a member of the list;
- control and coordination without a subject: a complement or conjoined verb inherits the
  subject of the verb it depends on, except after object-control verbs ("asked Putin to order":
  the one asked is the subject of "order");
- relative clauses: a relative pronoun stands for the noun the clause modifies;
- nominal triggers ("Russia's attack on Ukraine", "talks between X and Y", "a Taliban attack"):
  possessor, prenominal modifier naming an actor, "by" phrase, "between" phrase, or the subject
  of the support verb ("held talks", "launched an attack").

An argument's actors are the actor mentions (from the actors stage) inside its noun phrase. An
argument with no actor mention is not an actor: events without an actor are left out.
"""

from __future__ import annotations

import functools
from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateline.events.argument_words import (
    AGENTIVE_OF_NOUNS,
    ATTACK_NOUNS,
    CONSULT_RECIPIENT_PREPS,
    DOCUMENT_NOUNS,
    DOER_OF_NOUNS,
    GIVEN_NOUNS,
    MOVEMENT_NOUNS,
    OBJECT_CONTROL,
    PATIENT_NOUNS,
    RECIPIENT_PREPS,
    SAYING,
    SUBJECT_CONTROL_NOUNS,
    THEME_VERBS,
)
from dateline.events.lexicon import for_clause, match
from dateline.model import Span
from dateline.words import word_map, word_seq, word_set

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dateline.document import Document

FIRST_PERSON = word_set("actors", "speakers.first_singular") | word_set(
    "actors", "speakers.first_plural"
)
OWNED_COUNTRY = word_set("actors", "speakers.country_nouns")
RELATIVE_PRONOUNS = word_set("events", "arguments.relative_pronouns")
SUBJECT_DEPS = word_set("events", "arguments.subject_deps")
NOMINAL_ACTOR_DEPS = word_set("events", "arguments.nominal_actor_deps")
_NP_RIGHT = word_set("events", "arguments.np_right")
OWNER_PREPOSITIONS = word_set("events", "arguments.owner_prepositions")
EXAMPLE_PREPOSITIONS = word_set("events", "arguments.example_prepositions")
EXAMPLE_MARKERS = word_set("events", "arguments.example_markers")
CALL_ON_PREPOSITIONS = word_seq("events", "arguments.call_on_prepositions")
CAUSING_VERBS = word_set("events", "arguments.causing_verbs")
DOING_PARTICIPLES = word_set("events", "arguments.doing_participles")
#: entity types of a modifier that measures an act rather than naming who does it ("48-hour")
NOT_ACTOR_ENTITIES = word_set("events", "arguments.not_actor_entities")
#: prepositions of a nominal act's own phrase that a participle of doing it may hang past
PHRASE_PREPOSITIONS = word_seq("events", "arguments.phrase_prepositions")
TOPIC_VERBS = word_set("events", "arguments.topic_verbs")
ACCUSED_PREPOSITIONS = word_set("events", "arguments.accused_prepositions")
SOURCE_PREPOSITIONS = word_set("events", "arguments.source_prepositions")
JOINT_PREPOSITIONS = word_set("events", "arguments.joint_prepositions")
#: prepositions of a nominal act's recipient that the parser hangs on the noun containing it
CONTAINER_PREPOSITIONS = word_seq("events", "arguments.container_prepositions")
PLACE_PREPOSITIONS = word_set("events", "arguments.place_prepositions")
#: prepositions whose object, after a harmful deed's noun, is the deed's victim (D11)
VICTIM_PREPOSITIONS = word_set("events", "arguments.victim_prepositions")
#: nouns of a deed done to someone: their "against"/"on" object is its victim
HARMING_DEEDS = word_set("events", "arguments.harming_deeds")
CIRCUMSTANCE_PREPOSITIONS = word_set("events", "arguments.circumstance_prepositions")
EXPERIENCER_VERBS = word_set("events", "arguments.experiencer_verbs")
#: finite tags that never go without a subject of their own (an imperative is VB)
FINITE_PAST_OR_THIRD = frozenset({"VBD", "VBZ"})
#: mentions that name an actor, not describe or point to one
NAMING_KINDS = frozenset({"name", "title"})
COPULAS = word_set("events", "rules.copulas")
REPRESENTATION_NOUNS = word_set("events", "arguments.representation_nouns")
PASSIVE_ADJUNCT_DEPS = word_set("events", "arguments.passive_adjunct_deps")
#: how many heads up the tree a relative pronoun is followed to the clause it opens (a longer
#: chain is another clause)
RELATIVE_HOPS = 6
#: how many clauses up ("ccomp", "xcomp", "conj") a pronoun subject's clause may sit below the
#: verb of saying whose subject it stands for ("Russia said it would try to withdraw")
SPEECH_CLAUSE_HOPS = 3
#: how many governing verbs (conjuncts, controllers, prepositions) are climbed to find who did
#: what a verb says; each step is a clause further from the trigger
ACTOR_CLIMB_DEPTH = 5


@dataclass(frozen=True, slots=True)
class Argument:
    """One noun phrase filling a role, and the actors it names."""

    span: Span
    actors: tuple[str, ...]


def np_span(doc: Document, head: Token) -> Span:
    """The core of a noun phrase: its left edge up to the head (post-modifiers left out)."""
    start = head.left_edge.idx
    end = head.idx + len(head.text)
    for child in head.rights:
        if child.dep_ in _NP_RIGHT:
            end = max(end, child.right_edge.idx + len(child.right_edge.text))
    # a clause or determiner phrase left of the head ("which", "who") is not the noun phrase
    return doc.span(start, end)


def _mentions_for(doc: Document, head: Token) -> tuple[str, ...]:
    """Actor ids named by the noun phrase headed at ``head``."""
    if head.lower_ in RELATIVE_PRONOUNS and head.dep_ != "poss":
        head = resolve_relative(head)
    if head.pos_ == "NOUN" and head.dep_ == "appos" and head.head.pos_ == "PROPN":
        # "Junaid Hussain, an Islamic State member who encouraged him": the member is Hussain
        named = _name_mentions(doc, head.head)
        if named:
            return named
    core = np_span(doc, head)
    found = [m.actor for m in doc.mentions_in(core.start, core.end)]
    own = doc.mention_for_token(head)
    if head.pos_ == "NOUN" and (own is None or own.kind not in NAMING_KINDS):
        # "the one ally who has backed his threat, British prime minister Tony Blair"
        for child in head.children:
            if (
                child.dep_ == "appos"
                and child.pos_ == "PROPN"
                and (named := _name_mentions(doc, child))
            ):
                return named
    if own is None and found and _only_the_possessor_named(head):
        # "Amir's brother, Hagai": the apposition names who; the possessor is someone else
        named = _appositive_mentions(doc, head)
        if named:
            return named
    if own is not None:
        found.append(own.actor)
    if not found:
        found.extend(quoted_first_person(doc, head))
    if not found and head.pos_ == "NOUN":
        # "Kopp is now the second activist being sought by the FBI": the predicate noun is
        # its copula's subject
        found.extend(_copula_subject_mentions(doc, head))
    if not found:
        found.extend(attacker_of(doc, head))
    if not found:
        # "the aide of the Senate President", "officials from Russia", "authorities in Pakistan",
        # "a plan put forward by X"; a place phrase ("in", "at") only after people or a body:
        # "the developments in Ukraine" name nobody
        for child in head.children:
            if child.dep_ in {"prep", "agent"} and (
                child.lower_ in OWNER_PREPOSITIONS  # "a spokesman for President Ghani"
                or (child.lower_ in PLACE_PREPOSITIONS and names_people(head))
            ):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found.extend(_owner_mentions(doc, pobj))
            elif child.dep_ == "appos":
                span = np_span(doc, child)
                found.extend(m.actor for m in doc.mentions_in(span.start, span.end))
            elif child.dep_ == "acl" and not names_people(head):
                # "a plan put forward by X" is X's; "soldiers killed by a bomb" are not its
                for grandchild in child.children:
                    if grandchild.dep_ == "agent":
                        for pobj in grandchild.children:
                            span = np_span(doc, pobj)
                            found.extend(m.actor for m in doc.mentions_in(span.start, span.end))
    # a head that describes a group rather than names it ("defectors", "all those", "74")
    if head.pos_ in {"NOUN", "PRON", "NUM"} and (own is None or own.kind not in NAMING_KINDS):
        found.extend(_listed_members(doc, head))
    return tuple(dict.fromkeys(found))


def _listed_members(doc: Document, head: Token) -> list[str]:
    """The named members a described group lists: "high-ranking defectors including Tom Devocht
    and Mark Rathbun", "alliances of states such as NATO or the EU", "joint-stock companies
    Almalyk Mining and Metallurgical Plant and Uzbekneftegaz", "all those who make it
    successful: Iryna Vereshchuk, Andriy Yermak": records GUIDELINES.md ("name: the most
    specific name the article gives"). Read in the head's phrase and its "of" complement ("of
    states such as NATO"); an apposition counts only when it is itself a name ("his brother, a
    member of Hamas" describes him)."""
    holders = [head]
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in OWNER_PREPOSITIONS:
            holders.extend(p for p in child.children if p.dep_ == "pobj")
    roots: list[Token] = []
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                roots.append(child)
            elif child.dep_ == "prep" and (
                child.lower_ in EXAMPLE_PREPOSITIONS
                or any(c.lower_ in EXAMPLE_MARKERS for c in child.children)
                or (child.i > 0 and child.doc[child.i - 1].lower_ in EXAMPLE_MARKERS)
            ):
                roots.extend(p for p in child.children if p.dep_ == "pobj")
    found: list[str] = []
    for root in roots:  # the whole phrase: its conjuncts and "Minister of National Defence X"
        start, last = root.left_edge, root.right_edge
        span = doc.span(start.idx, last.idx + len(last.text))
        found.extend(
            m.actor for m in doc.mentions_in(span.start, span.end) if m.kind in NAMING_KINDS
        )
    return found


def _owner_mentions(doc: Document, pobj: Token) -> list[str]:
    """The actors an owner phrase names ("the teams of the International Committee of the Red
    Cross and the United Nations"): each conjunct's noun phrase, and the name a conjunct's head
    lies in when that name runs past the phrase's core ("of the Red Cross")."""
    found: list[str] = []
    for member in members(pobj):
        span = np_span(doc, member)
        found.extend(m.actor for m in doc.mentions_in(span.start, span.end))
        own = doc.mention_for_token(member)
        if own is not None and own.kind in NAMING_KINDS:
            found.append(own.actor)
    return found


def _name_mentions(doc: Document, head: Token) -> tuple[str, ...]:
    """The actors a proper name's phrase names by name ("Tony Blair", "prime minister Tony
    Blair")."""
    span = np_span(doc, head)
    return tuple(
        dict.fromkeys(
            m.actor for m in doc.mentions_in(span.start, span.end) if m.kind in NAMING_KINDS
        )
    )


def _copula_subject_mentions(doc: Document, noun: Token) -> tuple[str, ...]:
    if noun.dep_ != "attr" or noun.head.lemma_.lower() not in COPULAS:
        return ()
    subject = first_child(noun.head, {"nsubj"})
    if subject is None or subject.lower_ in RELATIVE_PRONOUNS:
        return ()
    span = np_span(doc, subject)
    return tuple(m.actor for m in doc.mentions_in(span.start, span.end))


def _only_the_possessor_named(head: Token) -> bool:
    """A common noun with a possessor ("Amir's brother", "Russia's president"): the phrase's
    mentions are the possessor's, not the one the noun names."""
    return head.pos_ == "NOUN" and any(c.dep_ == "poss" for c in head.children)


def _appositive_mentions(doc: Document, head: Token) -> tuple[str, ...]:
    found: list[str] = []
    for child in head.children:
        if child.dep_ == "appos":
            span = np_span(doc, child)
            found.extend(m.actor for m in doc.mentions_in(span.start, span.end))
    return tuple(dict.fromkeys(found))


@functools.cache
def _people_lemmas() -> frozenset[str]:
    """Nouns for people and bodies: agent nouns, group and role nouns, people nouns (data)."""
    from importlib import resources

    text = resources.files("dateline.data").joinpath("agent_nouns.csv").read_text("utf-8")
    agents = {line.split(",", 1)[0] for line in text.splitlines() if line and line[0] != "#"}
    return frozenset(
        agents
        | set(word_map("actors", "lexicon.group_nouns"))
        | set(word_map("actors", "lexicon.role_nouns"))
        | word_set("actors", "mentions.people_nouns")
        | word_set("actors", "lexicon.collective_nouns")
    )


def names_people(head: Token) -> bool:
    """Whether a noun phrase's head names people or a body, whose "of"/"in"/"from" complement
    then says whose ("officials of Russia"); "the developments in Ukraine" names nobody."""
    if head.pos_ in {"PROPN", "PRON"} or head.ent_type_:
        return True
    return head.lemma_.lower() in _people_lemmas() or head.lower_ in _people_lemmas()


def attacker_of(doc: Document, head: Token) -> tuple[str, ...]:
    """ "killed by the Russian shelling": the forces (else the state) of the nationality that
    modifies an attack noun; only an actor the article already has."""
    if head.lemma_.lower() not in ATTACK_NOUNS:
        return ()
    from dateline.countries import country_by_demonym, country_by_name

    for child in head.lefts:
        if child.dep_ not in {"amod", "compound", "nmod"}:
            continue
        country = country_by_demonym(child.text) or country_by_name(child.text)
        if country is None:
            continue
        actors = [a for a in doc.extraction.actors if a.country == country.alpha3]
        forces = [a for a in actors if a.kind == "group" and a.sector == "MIL"]
        state = [a for a in actors if a.kind == "country"]
        chosen = (forces or state)[:1]
        return tuple(a.id for a in chosen)
    return ()


def charged_deed_victims(trigger: Token) -> list[Token]:
    """ "This is a new act of aggression against Ukraine", "We condemn all military and hybrid
    actions against Ukraine", "the latest depraved assault on the small number of courageous
    physicians": the heads a charge's deed was done to, the "against"/"on" objects of the
    harmful deed's noun (the trigger, the act it is "of", or the verb's object). A charge is by
    the speaker against the doer (records DECISIONS.md D11), never against the victim. A few
    tokens around the trigger, no walk over the document."""
    nouns = [trigger]
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "of":
        nouns.append(trigger.head.head)  # "an act of aggression against Ukraine"
    if trigger.pos_ == "VERB":
        nouns += [c for c in trigger.children if c.dep_ in {"dobj", "nsubjpass"}]
    victims: list[Token] = []
    for noun in (n for head in nouns for n in members(head)):
        if noun.lemma_.lower() not in HARMING_DEEDS and noun.lower_ not in HARMING_DEEDS:
            continue
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in VICTIM_PREPOSITIONS:
                victims += [m for o in prep.children if o.dep_ == "pobj" for m in members(o)]
    return victims


def charged_deed_victim_actors(doc: Document, trigger: Token) -> set[str]:
    """The actors :func:`charged_deed_victims` names."""
    return {a for head in charged_deed_victims(trigger) for a in _mentions_for(doc, head)}


def quoted_first_person(doc: Document, head: Token) -> tuple[str, ...]:
    """ "I", "we" and "our country" inside a quotation are its speaker and the speaker's country
    (issue 11: "I" and "we" resolve to the speaker; "our country" to the speaker's country)."""
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    pronoun = head if head.lower_ in FIRST_PERSON else owner
    if pronoun is None or pronoun.lower_ not in FIRST_PERSON:
        return ()
    quote = next(
        (q for q in doc.extraction.quotes if q.span.start <= pronoun.idx < q.span.end), None
    )
    speaker = doc.extraction.actor(quote.speaker.actor) if quote is not None else None
    if speaker is None:
        return ()
    if pronoun is owner and head.lemma_.lower() in OWNED_COUNTRY:
        country = doc.extraction.country_actor(speaker.country)
        return (country,) if country is not None else ()
    return (speaker.id,)


def resolve_relative(token: Token) -> Token:
    """A relative pronoun ("who", "which") stands for the noun its clause modifies."""
    current = token
    for _ in range(RELATIVE_HOPS):
        if current.dep_ == "relcl":
            return current.head
        if current.head.i == current.i:
            break
        current = current.head
    return token


def members(token: Token) -> list[Token]:
    """An argument and its conjuncts ("Jordan and Britain"), as heads."""
    return [
        token,
        *[c for c in token.conjuncts if c.pos_ in {"NOUN", "PROPN", "PRON", "NUM", "ADJ"}],
    ]


def arguments(doc: Document, heads: list[Token]) -> list[Argument]:
    found: list[Argument] = []
    # what a head names depends on the parse and the actors stage's mentions only, which the
    # events stage does not change: each head's is read once (doc.argument_names)
    named = doc.argument_names
    for head in heads:
        known = named.get(head.i)
        if known is None:
            targets = [
                resolve_relative(member) if member.lower_ in RELATIVE_PRONOUNS else member
                for member in members(head)
            ]
            known = named[head.i] = tuple(
                (np_span(doc, target), _mentions_for(doc, target)) for target in targets
            )
        found.extend(Argument(span, actors) for span, actors in known)
    return found


def first_child(token: Token, deps: frozenset[str] | set[str]) -> Token | None:
    """The first child of ``token`` with one of the dependency labels ``deps``."""
    for child in token.children:
        if child.dep_ in deps:
            return child
    return None


def prep_objects(token: Token, preps: Collection[str]) -> list[Token]:
    """The objects of the prepositions ``preps`` hanging on ``token``."""
    found: list[Token] = []
    for child in token.children:
        if child.dep_ in {"prep", "dative"} and child.lower_ in preps:
            found.extend(p for p in child.children if p.dep_ == "pobj")
        elif child.dep_ == "prt":  # "called on X" parsed as particle + object
            continue
    return found


def from_agent(verb: Token) -> list[Token]:
    """The object of a passive's "by" ("killed by car bomb")."""
    agent = first_child(verb, {"agent"})
    return [p for p in agent.children if p.dep_ == "pobj"] if agent is not None else []


def from_objects(verb: Token) -> list[Token]:
    """The objects of "from" on ``verb`` ("received aid from Japan")."""
    return prep_objects(verb, ("from",))


DATELINE_MARKS = word_set("events", "arguments.dateline_marks")
#: a subject this near the start of its sentence may be a dateline's place ("KYIV, Ukraine (AP) —
#: Zelensky said"): the apposition after the dateline's mark is the real subject
DATELINE_SUBJECT_TOKENS = 3


def _subject(verb: Token) -> Token | None:
    """The subject of ``verb``, skipping a news dateline the parser took for one.

    "BERLIN -- A court in Bavaria has convicted ...": spaCy makes both "BERLIN" and "court"
    subjects (the later one is the real subject); "THE HAGUE, Netherlands -- A United Nations
    prosecutor has charged ...": the real subject hangs as an apposition after the dash.
    """
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if not subjects:
        # the small model hangs the subject on the auxiliary: "Russia [is] destroying ..."
        subjects = [
            c
            for aux in verb.children
            if aux.dep_ in {"aux", "auxpass"} and aux.i < verb.i
            for c in aux.children
            if c.dep_ in SUBJECT_DEPS
        ]
    if not subjects:
        return None
    if len(subjects) > 1:
        return subjects[-1]
    subject = subjects[0]
    if _near_sentence_start(subject, DATELINE_SUBJECT_TOKENS):
        marks = [t for t in subject.subtree if t.text in DATELINE_MARKS and t.i > subject.i]
        if marks:
            after = [t for t in subject.subtree if t.dep_ == "appos" and t.i > marks[0].i]
            if after:
                return after[-1]
    return subject


def _near_sentence_start(token: Token, tokens: int) -> bool:
    """Whether ``token``'s sentence starts at most ``tokens`` tokens before it, as
    ``token.i - token.sent.start <= tokens`` says: ``token.sent`` built two Spans and walked to
    the sentence's end for every subject; this looks at the few tokens before it alone."""
    low = token.i - tokens
    return low <= 0 or any(token.doc[i].is_sent_start for i in range(low, token.i + 1))


def _an_attack(noun: Token) -> bool:
    """Whether a noun is an attack the lexicon codes ("attack", "strike", "shelling")."""
    entry = match(noun, "noun")
    return entry is not None and entry.type == "ASSAULT"


def _stranded_agent(verb: Token) -> Token | None:
    """The "by" of a passive that the parser hung on a noun after the verb: "was banned from
    worship at the sites by the Ministry" (the parser: "sites by the Ministry"). Only a "by"
    whose way up to the verb passes no clause with a subject of its own, and whose object is a
    name, so "a book by Tolstoy" inside a clause of its own stays out."""
    for token in verb.subtree:
        if token.i <= verb.i or token.lower_ != "by" or token.dep_ != "prep":
            continue
        if token.head.pos_ not in {"NOUN", "PROPN"}:
            continue  # "a protest organised by X": that verb's agent
        pobj = first_child(token, {"pobj"})
        if pobj is None or pobj.pos_ != "PROPN":
            continue
        step = token.head
        while step.i != verb.i and _subject(step) is None:
            step = step.head
        if step.i == verb.i:
            return pobj
    return None


def _experiencer_roles(verb: Token) -> tuple[list[Token], list[Token]] | None:
    """Who feels and what is felt about, for a verb of feeling ("she was heartened by
    cooperation from Kenya", "their cooperation heartened her"): the one who feels acts (praises
    or blames), what is felt about receives it; None for any other verb."""
    if verb.lemma_.lower() not in EXPERIENCER_VERBS:
        return None
    felt = first_child(verb, {"nsubjpass"})
    agent = first_child(verb, {"agent"})
    if felt is not None:
        about = first_child(agent, {"pobj"}) if agent is not None else None
    else:
        felt, about = first_child(verb, {"dobj"}), _subject(verb)
    return [felt] if felt is not None else [], [about] if about is not None else []


def verb_actor_heads(verb: Token, depth: int = 0) -> list[Token]:
    """The heads naming who did what ``verb`` says."""
    if depth > ACTOR_CLIMB_DEPTH:
        return []
    if (felt := _experiencer_roles(verb)) is not None:
        return felt[0]
    subject = _subject(verb)
    if subject is not None:
        if subject.lower_ in RELATIVE_PRONOUNS:
            return [resolve_relative(subject)]
        return [subject]
    agent = first_child(verb, {"agent"})
    if agent is not None:
        pobj = first_child(agent, {"pobj"})
        return [pobj] if pobj is not None else []
    passive = first_child(verb, {"nsubjpass"}) is not None
    if passive or reduced_passive_noun(verb) is not None:
        shared = _conjunct_agent(verb)
        if shared is not None:
            return [shared]
    if passive:
        stranded = _stranded_agent(verb)
        if stranded is not None:
            return [stranded]
        # "a cooperation agreement was signed between Transmashholding and Kazakh Railways":
        # the parties of a passive joint act did it
        parties = prep_objects(verb, JOINT_PREPOSITIONS)
        if parties:
            return parties
        # "44 people were killed in a PKK attack": the attack's owner did it (else no one said)
        return [n for n in prep_objects(verb, CIRCUMSTANCE_PREPOSITIONS) if _an_attack(n)][:1]
    head, dep = verb.head, verb.dep_
    if head.i == verb.i:
        return []
    if first_child(verb, {"auxpass"}) is not None and dep in PASSIVE_ADJUNCT_DEPS:
        # "Vermelhudo is dead after being stabbed": the clause's subject underwent it (see
        # verb_recipient_heads); who did it is not said
        stranded = _stranded_agent(verb)
        return [stranded] if stranded is not None else []
    if dep == "xcomp" or (dep in {"ccomp", "advcl"} and head.lemma_.lower() in OBJECT_CONTROL):
        if head.lemma_.lower() in OBJECT_CONTROL:
            # "X was asked / called to investigate": the passive subject is the one asked
            controller = first_child(head, {"dobj", "dative", "nsubjpass"})
            if head.lemma_.lower() == "call" and controller is not None:
                # "called on X to act": X acts; "called X to congratulate him": a phone call,
                # the caller congratulates; "Police were called to the store to investigate":
                # the ones called act
                controller = controller if controller.dep_ == "nsubjpass" else None
            if controller is None:
                objects = [
                    o
                    for o in prep_objects(head, CALL_ON_PREPOSITIONS)
                    if o.ent_type_ not in {"DATE", "TIME"}  # "called X on Wednesday to ..."
                ]
                controller = objects[0] if objects else None
            if controller is not None:
                return [
                    resolve_relative(controller)
                    if controller.lower_ in RELATIVE_PRONOUNS
                    else controller
                ]
        if head.pos_ in {"NOUN", "PROPN"}:  # "a Russian claim to have encircled"
            return nominal_actor_heads(head)
        if head.pos_ == "ADJ" and head.dep_ in {"acomp", "oprd", "amod"}:
            if head.dep_ == "amod":
                return [head.head]
            return verb_actor_heads(head.head, depth + 1)
        return verb_actor_heads(head, depth + 1)
    if reduced_passive_clause(verb) is not None:
        return []  # "he's in jail, arrested in March": who arrested him is not said
    if auxiliary_passive_conjunct_subject(verb) is not None:
        # "went over the hillside and was taken into custody": the shared subject underwent it
        stranded = _stranded_agent(verb)
        return [stranded] if stranded is not None else []
    if dep == "conj" and _conjoined_too_low(verb):
        # "I invited him to visit Ukraine and thanked him", "I outlined what answer Ukrainians
        # expect ... and agreed on new assistance": a tensed verb cannot share the subject of
        # the infinitive or complement clause the parser joined it to; it is the governing
        # verb's conjunct and shares that verb's doer
        return verb_actor_heads(head.head, depth + 1)
    if dep in {"conj", "advcl"} and head.pos_ in {"VERB", "AUX"}:
        return verb_actor_heads(head, depth + 1)
    if dep == "ccomp" and verb.tag_ in FINITE_PAST_OR_THIRD and head.pos_ == "VERB":
        # "opponents said the school might be a target, complained about its status, and ...":
        # a finite verb with no subject is the parser's second complement for a conjunct
        return verb_actor_heads(head, depth + 1)
    if reduced_passive_noun(verb) is not None:
        return []  # "a defector arrested after leaving": the noun is the one acted on
    if dep == "acl" and head.pos_ in {"NOUN", "PROPN"}:
        # "a Russian claim to have encircled" / "the decision to ..."
        heads = nominal_actor_heads(head)
        if not heads and head.lemma_.lower() in DOCUMENT_NOUNS and head.dep_ == "dobj":
            # "issued a statement condemning X", "passed a resolution criticizing X": the
            # document speaks for whoever issued it
            return verb_actor_heads(head.head, depth + 1)
        if (
            not heads
            and head.lemma_.lower() in SUBJECT_CONTROL_NOUNS
            and head.dep_ in {"dobj", "attr"}
            and head.head.pos_ in {"VERB", "AUX"}
        ):
            # "had the honour to congratulate X", "took the decision to withdraw": the one who
            # has the honour or takes the decision does it
            return verb_actor_heads(head.head, depth + 1)
        if not heads and head.lemma_.lower() in SUBJECT_CONTROL_NOUNS and head.dep_ == "nsubjpass":
            # "the operation to rescue the defenders was started by our military": by its agent
            agent = first_child(head.head, {"agent"})
            pobj = first_child(agent, {"pobj"}) if agent is not None else None
            return [pobj] if pobj is not None else []
        if (
            not heads
            and verb.tag_ == "VB"
            and first_child(verb, {"aux"}) is not None
            and first_child(verb, {"dobj"}) is not None
        ):
            # "became the first country to send 1 billion dollars": an infinitive with its
            # object filled has the noun as its subject ("the targets to strike" lacks one: the
            # noun is its object)
            return [head]
        return heads
    if dep == "relcl":
        return [head]
    if dep == "pcomp":  # "after expelling them" -> the clause the preposition attaches to
        governor = head.head
        if governor.pos_ in {"VERB", "AUX"}:
            # "accused Russia of sending", "blamed X for attacking": the object did it
            accused = first_child(governor, {"dobj"})
            if accused is not None and head.lower_ in ACCUSED_PREPOSITIONS:
                return [accused]
            return verb_actor_heads(governor, depth + 1)
    return []


def _conjunct_agent(verb: Token) -> Token | None:
    """The "by" agent a passive shares with the participle coordinated with it: the parser
    hangs the shared "by" on the last conjunct ("destroyed or damaged by Russian shelling"),
    or, after a conjunct of its own, hangs that participle on the noun both modify ("a British
    mine removal expert kidnapped and presumed killed by Khmer Rouge guerrillas": "killed" is
    the noun's second modifier, not a conjunct of "kidnapped"). A conjunct with a subject of
    its own is another clause and shares nothing."""
    conjuncts = [c for c in verb.children if c.dep_ == "conj" and c.tag_ == "VBN"]
    if verb.dep_ == "acl" and any(c.dep_ == "cc" for c in verb.children):
        conjuncts += [
            s
            for s in verb.head.children
            if s.dep_ == "acl" and s.tag_ == "VBN" and s.i == verb.right_edge.i + 1
        ]
    for conjunct in conjuncts:
        if _subject(conjunct):
            continue
        agent = first_child(conjunct, {"agent"})
        pobj = first_child(agent, {"pobj"}) if agent is not None else None
        if pobj is not None:
            return pobj
    return None


def _conjoined_too_low(verb: Token) -> bool:
    """Whether a tensed verb without a subject is joined to a verb of another form inside a
    complement ("to visit ... and thanked", "Ukrainians expect ... and agreed"): the parser's
    attachment, where the text joins it to the verb that governs the complement."""
    head = verb.head
    return (
        verb.tag_ in FINITE_PAST_OR_THIRD
        and head.tag_ != verb.tag_
        and head.dep_ in {"xcomp", "ccomp"}
        and head.pos_ == "VERB"
        and head.head.pos_ in {"VERB", "AUX"}
        and head.head.i != head.i
        # "tests link X to the hair found where a sniper shot and killed Y, an official said":
        # inside reported speech the parse, not the speaker, is wrong
        and head.head.lemma_.lower() not in SAYING
    )


def consult_recipient_heads(verb: Token) -> list[Token]:
    """The other party of a meeting verb: its object ("met Biden") or "with"/"to" object;
    "discussed the situation in Ukraine" names a topic, not a party."""
    heads = [c for c in verb.children if c.dep_ in {"dobj", "dative"} and c.pos_ != "ADP"]
    heads = [resolve_relative(h) if h.lower_ in RELATIVE_PRONOUNS else h for h in heads]
    heads += [h for h in prep_objects(verb, CONSULT_RECIPIENT_PREPS)]
    if verb.lemma_.lower() in TOPIC_VERBS:
        # "The participation of Azerbaijani business ... was discussed": what was talked over,
        # not with whom; the parties are the meeting's (records DECISIONS.md D4)
        return heads
    passive_subject = first_child(verb, {"nsubjpass"})
    return ([passive_subject] if passive_subject is not None else []) + heads


def passive_conjunct_subject(verb: Token) -> Token | None:
    """ "Adkins was arrested and charged with trafficking": a bare participle joined to a passive
    shares its subject, so "charged" is passive too and Adkins its patient."""
    if verb.dep_ != "conj" or verb.tag_ != "VBN":
        return None
    if any(c.dep_ in {"nsubj", "nsubjpass", "dobj", "auxpass", "aux"} for c in verb.children):
        return None
    head = verb.head  # "was located, interviewed and released": up the chain of conjuncts
    while head.dep_ == "conj" and first_child(head, {"nsubjpass"}) is None:
        head = head.head
    return first_child(head, {"nsubjpass"})


def auxiliary_passive_conjunct_subject(verb: Token) -> Token | None:
    """ "The man went over the hillside and was taken into custody", "was arrested and was
    charged": a passive conjunct with its own auxiliary and no subject of its own; the first
    conjunct's subject, active or passive, underwent it."""
    if verb.dep_ != "conj" or first_child(verb, {"auxpass"}) is None:
        return None
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return None
    head = verb.head
    while head.dep_ == "conj" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in head.children):
        head = head.head
    return first_child(head, {"nsubjpass"}) or _subject(head)


def reduced_passive_noun(verb: Token) -> Token | None:
    """ "Man charged with trafficking", "a woman stabbed at home", "the defector arrested after
    leaving": a past participle modifying a noun is a passive whose subject is that noun."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.head.pos_ not in {"NOUN", "PROPN"}:
        return None
    if any(
        c.dep_ in {"aux", "nsubj"} or (c.dep_ == "auxpass" and c.lower_ != "being")
        for c in verb.children
    ):
        # "a claim to have encircled": a perfect, not a passive ("an activist being sought by
        # the FBI" is one)
        return None
    return verb.head


def reduced_passive_clause(verb: Token) -> Token | None:
    """ "Gentry is in the detention center, arrested in March for a plot", "Arrested in 2010, he
    ...": a bare past participle modifying a clause is a passive whose subject is that clause's;
    so is "after being stabbed" ("Vermelhudo is dead after being stabbed")."""
    if (
        verb.dep_ in PASSIVE_ADJUNCT_DEPS
        and verb.dep_ != "advcl"
        and verb.tag_ == "VBN"
        and any(c.dep_ == "auxpass" and c.tag_ == "VBG" for c in verb.children)
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
    ):
        clause = verb.head.head if verb.head.pos_ == "ADP" else verb.head
        return (
            first_child(clause, {"nsubj", "nsubjpass"}) if clause.pos_ in {"VERB", "AUX"} else None
        )
    if verb.dep_ != "advcl" or verb.tag_ != "VBN" or verb.head.pos_ not in {"VERB", "AUX"}:
        return None
    if any(
        c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass", "dobj", "mark"} for c in verb.children
    ):
        return None  # "having arrested him", "after he was arrested", "as agreed": not that
    return first_child(verb.head, {"nsubj", "nsubjpass"})


def shared_object(verb: Token) -> Token | None:
    """ "police shot and killed the gunman", "arrested and charged two men": the object after the
    last of coordinated verbs is the first one's too."""
    if first_child(verb, {"dobj", "dative", "nsubjpass"}) is not None:
        return None
    for conjunct in verb.children:
        if (
            conjunct.dep_ == "conj"
            and conjunct.pos_ == "VERB"
            and conjunct.i > verb.i
            and _subject(conjunct) is None
        ):
            return first_child(conjunct, {"dobj"})
    return None


def passive_subject_of(verb: Token) -> Token | None:
    """Who or what a passive verb is done to: its subject, a coordinated passive's ("arrested
    and charged"), the noun a participle modifies ("a woman stabbed at home") or the clause's
    subject a bare participle describes ("Arrested in 2010, he ...")."""
    return (
        first_child(verb, {"nsubjpass"})
        or passive_conjunct_subject(verb)
        or auxiliary_passive_conjunct_subject(verb)
        or reduced_passive_noun(verb)
        or reduced_passive_clause(verb)
    )


def _gapped_passive_subject(verb: Token) -> Token | None:
    """ "Two people were killed and nine injured": a bare participle conjoined to a passive,
    with a subject of its own and no auxiliary, is a passive whose auxiliary the text leaves
    out (the parser makes "nine" its ``nsubj``)."""
    if verb.dep_ != "conj" or verb.tag_ != "VBN" or first_child(verb.head, {"auxpass"}) is None:
        return None
    if first_child(verb, {"aux", "auxpass", "dobj"}) is not None:
        return None
    return first_child(verb, {"nsubj"})


def befallen_heads(verb: Token) -> list[Token]:
    """Whom a passive act befell, and the passives it is conjoined after, which share its
    adjuncts ("Two people were killed and nine injured in a knife attack": the parser hangs the
    shared "in" on the last conjunct), in text order."""
    found: list[Token] = []
    current = verb
    for _ in range(ACTOR_CLIMB_DEPTH):
        subject = passive_subject_of(current) or _gapped_passive_subject(current)
        if subject is None:
            break
        if subject not in found:
            found.append(subject)
        if current.dep_ != "conj" or current.head.tag_ != "VBN":
            break
        current = current.head
    return sorted(found, key=lambda t: t.i)


def verb_recipient_heads(verb: Token) -> list[Token]:
    """The heads naming to whom the act is directed (most direct first)."""
    if (felt := _experiencer_roles(verb)) is not None:
        return felt[1]
    heads: list[Token] = []
    passive_subject = passive_subject_of(verb)
    theme_verb = verb.lemma_.lower() in THEME_VERBS
    # "201 servicemen were awarded state awards": a passive theme verb that keeps its object
    # (the thing given) has the one given to as its subject
    retained = theme_verb and first_child(verb, {"dobj"}) is not None
    if passive_subject is not None and (not theme_verb or retained):
        heads.append(passive_subject)
    subject = _subject(verb)
    if (
        verb.dep_ == "relcl"
        and subject is not None
        and subject.lower_ not in RELATIVE_PRONOUNS
        and first_child(verb, {"dobj", "nsubjpass"}) is None
    ):  # "the Russian forces he visited", "soldiers who they capture": the modified noun
        heads.append(verb.head)
    # "provided us with support", "supplied Ukraine with weapons": with a "with" of the thing
    # given, a theme verb's object is who gets it
    preps = {c.lower_ for c in verb.children if c.dep_ == "prep"}
    given_with = theme_verb and "with" in preps and "to" not in preps
    for child in verb.children:
        if child.dep_ == "dobj" and theme_verb and not given_with:
            continue  # "sent troops to X": the troops are what is sent, X receives them
        if child.dep_ in {"dobj", "dative"} and child.pos_ != "ADP":
            if child.lower_ in RELATIVE_PRONOUNS:
                heads.append(resolve_relative(child))
            else:
                heads.append(child)
    shared = shared_object(verb) if not theme_verb else None
    if shared is not None:
        heads.append(shared)
    # "killed in a PKK attack": the attack is how, its owner who (verb_actor_heads), not whom
    heads.extend(
        n
        for n in prep_objects(verb, RECIPIENT_PREPS)
        if not (n.head.lower_ in CIRCUMSTANCE_PREPOSITIONS and _an_attack(n))
        # "withdrew on the orders of X", "came at the invitation of X": why, not to whom
        and not (n.head.lower_ in ANSWER_PREPOSITIONS and n.lemma_.lower() in ANSWERED_NOUNS)
        # "thanked them on behalf of our people": for whom one acts, not to whom
        and n.lemma_.lower() not in REPRESENTATION_NOUNS
    )
    for child in verb.children:  # phrasal verbs: "called on X", "fired on X"
        if child.dep_ == "prt":
            heads.extend(prep_objects(child, RECIPIENT_PREPS))
    heads.extend(for_clause_subjects(verb))
    return heads


def for_clause_subjects(verb: Token) -> list[Token]:
    """ "called for the doors of the EU to be open", "pressed for Russia to withdraw": the subject
    of a "for ... to" clause is who is to act (the lexicon reads its "for" as the verb's)."""
    return [
        subject
        for clause in verb.children
        if for_clause(clause)
        and (subject := first_child(clause, {"nsubj", "nsubjpass"})) is not None
    ]


def nominal_actor_heads(noun: Token) -> list[Token]:
    """Who acts in a nominal event: possessor, modifier, "by", "between", "from"."""
    heads: list[Token] = []
    patient = noun.lemma_.lower() in PATIENT_NOUNS
    # "criticism from the U.N.", "aid from Japan": the source of a verbal or material act
    source_preps = set(SOURCE_PREPOSITIONS)
    if noun.lemma_.lower() not in MOVEMENT_NOUNS:
        source_preps.add("from")
    if _of_names_doer(noun):
        source_preps.add("of")  # "at the request of X", "the withdrawal of Russian troops"
    for child in noun.children:
        if child.dep_ in {"prep", "agent"} and child.lower_ in source_preps:
            heads.extend(p for p in child.children if p.dep_ == "pobj")
        heads.extend(_at_the_hands_of(child))
        if child.dep_ == "acl" and (
            child.lemma_.lower() in CAUSING_VERBS or _made(child) or _done_by(child)
        ):
            # "the destruction of the regions caused by Russian strikes": the strikes' doer;
            # "accusations made by his brother", "suits filed by shareholders": who made them;
            # "the genocide perpetrated by the Kiev regime": who did it
            agent = first_child(child, {"agent"})
            heads.extend(p for p in (agent.children if agent else ()) if p.dep_ == "pobj")
    behind = noun.head if noun.dep_ == "pobj" else None
    if behind is not None and behind.lower_ == "behind" and behind.head.lemma_ == "be":
        # "the IRA was behind two killings": who is behind them did them
        heads.extend(c for c in behind.head.children if c.dep_ in SUBJECT_DEPS)
    for child in noun.lefts:
        if patient and child.dep_ in {"poss", "compound"}:
            continue
        if child.dep_ in NOMINAL_ACTOR_DEPS and child.pos_ in {"PROPN", "NOUN", "ADJ", "PRON"}:
            heads.append(child)
    if any(not _bare_modifier(h) for h in heads):
        return heads
    # "a planned 48-hour strike at UK airports called by the Unite union": a modifier that
    # names no people ("hour", "missile") leaves the doer to a "by" further off
    return heads + (_stranded_by(noun) or _stranded_doer(noun))


def _bare_modifier(head: Token) -> bool:
    """A common noun before a nominal act that says what kind of act, not who: "48-hour",
    "missile", "border" (people and bodies, "police raid", "army offensive", say who)."""
    if head.pos_ != "NOUN" or head.dep_ not in {"compound", "nmod"}:
        return False
    if head.ent_type_:  # "48-hour" is a TIME; "NATO" an ORG
        return head.ent_type_ in NOT_ACTOR_ENTITIES
    return not names_people(head)


def _stranded_by(noun: Token) -> list[Token]:
    """The "by" of a nominal act that the parser hung elsewhere (GUIDELINES "Dyads": a nominal
    event's source where the text gives it): past its "of" object ("violations of the ceasefire
    by illegal armed groups", on "ceasefire"); on the active verb the act is the object of, whose
    own doer is its subject or its governor's ("put emphasis upon the shelling of a kindergarten
    by illegal armed groups", "burning flags to protest the killings of ethnic Albanians by Serb
    police", on "put" and "protest"); on the noun the act is the "of" object of ("a number of
    violations of the ceasefire by illegal armed groups", "the second day of an offensive by the
    security forces", on "number" and "day"). Only a "by" right of the act; "by phone", "by
    night" name no actor and so add none."""
    hosts = prep_objects(noun, ("of",))
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if (
        hosts
        and noun.dep_ in {"pobj", "dobj"}
        and verb.pos_ == "VERB"
        and first_child(verb, {"auxpass", "agent"}) is None
        and (_subject(verb) is not None or verb.tag_ != "VBN")
    ):
        hosts.append(verb)
    container = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    if (
        container is not None
        and container.pos_ == "NOUN"
        and container.i < noun.i
        and match(container, "noun") is None  # "a report of attacks by X": the report's
    ):
        hosts.append(container)
    for host in hosts:
        for pobj in prep_objects(host, ("by",)):
            if pobj.i > noun.i and pobj.pos_ in {"NOUN", "PROPN"}:
                return [pobj]
    return []


#: how many prepositional steps below a nominal act a participle of doing it may hang ("the
#: genocide of people of the Donbass republics perpetrated by X": two "of" phrases)
DOER_PARTICIPLE_STEPS = 3


def _stranded_doer(noun: Token) -> list[Token]:
    """The agent of a participle of doing a nominal act that the parser hung on the last noun
    of the act's phrase: "the genocide of people of the Donbass republics perpetrated by the Kiev
    regime" (on "republics"), "a strike at UK airports called by the Unite union" (on
    "airports"). Only down "of"/"at"/"in"/"against" phrases (no clause between) to a noun with
    no event of its own, and only participles of doing (GUIDELINES "Dyads")."""
    current = [noun]
    for _ in range(DOER_PARTICIPLE_STEPS):
        below = [o for host in current for o in prep_objects(host, PHRASE_PREPOSITIONS)]
        for pobj in below:
            if pobj.pos_ != "NOUN" or match(pobj, "noun") is not None:
                continue
            for child in pobj.children:
                if child.dep_ == "acl" and (
                    child.lemma_.lower() in CAUSING_VERBS or _made(child) or _done_by(child)
                ):
                    agent = first_child(child, {"agent"})
                    found = [p for p in (agent.children if agent else ()) if p.dep_ == "pobj"]
                    if found:
                        return found
        current = below
    return []


def _done_by(participle: Token) -> bool:
    """Whether a participle after a nominal event is a verb of doing it ("perpetrated", "imposed",
    "set up", "called"), so its agent is the event's actor (GUIDELINES "Dyads")."""
    return participle.tag_ == "VBN" and participle.lemma_.lower() in DOING_PARTICIPLES


def _made(participle: Token) -> bool:
    """Whether a participle after a nominal event is its support verb ("made", "filed",
    "lodged", "issued": the lexicon's light verbs), so its agent is the event's actor."""
    return participle.tag_ == "VBN" and match(participle, "light") is not None


def _of_names_doer(noun: Token) -> bool:
    """Whether a nominal act's "of" complement is who does it: "at the request of X", "the
    support of X for Y", and an act done by its subject alone ("the withdrawal of Russian troops",
    "the offensive of the occupiers") unless a possessor names the doer ("Russia's withdrawal of
    its troops")."""
    lemma = noun.lemma_.lower()
    if lemma in AGENTIVE_OF_NOUNS or (lemma in GIVEN_NOUNS and _gets(noun)):
        return True
    return lemma in DOER_OF_NOUNS and not any(c.dep_ == "poss" for c in noun.children)


def _gets(noun: Token) -> bool:
    """Whether a noun of giving names who gets it ("support ... for our proposal", "aid to X")."""
    return any(c.dep_ == "prep" and c.lower_ in {"for", "to"} for c in noun.children)


def _at_the_hands_of(prep: Token) -> list[Token]:
    """ "a massacre at the hands of Russia": Russia is the one who acts."""
    if prep.dep_ != "prep" or prep.lower_ != "at":
        return []
    hands = [p for p in prep.children if p.dep_ == "pobj" and p.lower_ == "hands"]
    return [o for h in hands for o in prep_objects(h, ("of",))]


#: states an act leaves people in ("left one officer dead"): they are whom it was done to
CASUALTY_WORDS = word_set("events", "arguments.casualty_words")
#: request nouns whose addressee is the one who answered them ("at the request of X")
ANSWERED_NOUNS = word_set("events", "argument_words.answered_nouns")
#: prepositions joining a request to the verb of its answer ("at the request", "with the requests")
ANSWER_PREPOSITIONS = word_set("events", "argument_words.answer_prepositions")
#: words of answering that join a request by "to" ("responding to the call", "in response to")
RESPONSE_WORDS = word_set("events", "argument_words.response_words")


def _of_names_whom(noun: Token, with_of: bool) -> bool:
    """Whether "of" after a noun that may name its agent ("the support of X") names whom the
    act goes to here: "tweeted support of Ahmed" (the object of a verb whose subject acts), "a
    movement in support of the youth" (the set phrase)."""
    if with_of and noun.dep_ == "dobj":
        return True
    return noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.lemma_.lower() == "support"


def nominal_recipient_heads(noun: Token, *, with_of: bool) -> list[Token]:
    lemma = noun.lemma_.lower()
    agentive = _of_names_doer(noun)
    if _of_names_whom(noun, with_of):
        agentive, with_of = False, True
    with_of = (with_of or lemma in PATIENT_NOUNS) and not agentive
    preps = RECIPIENT_PREPS if with_of else tuple(p for p in RECIPIENT_PREPS if p != "of")
    heads = [
        h for h in prep_objects(noun, preps) if not (h.lower_ == "hands" and h.head.lower_ == "at")
    ]
    if noun.lemma_.lower() in PATIENT_NOUNS:
        heads = [c for c in noun.lefts if c.dep_ in {"poss", "compound"}] + heads
    if not heads and noun.dep_ == "pobj" and noun.head.lower_ == "of":
        # "a package of aid to Ukraine", "a sense of solidarity with Russia", "a message of
        # support for X": the parser hangs the act's preposition on the container noun
        measure = noun.head.head
        if measure.pos_ == "NOUN":
            heads = [
                h
                for h in prep_objects(measure, CONTAINER_PREPOSITIONS)
                if h.lemma_.lower() not in REPRESENTATION_NOUNS  # "on the part of Estonia"
            ]
    if not heads and noun.dep_ == "compound" and noun.head.pos_ == "NOUN":
        # "arrest warrants were issued for X", "murder charges against X": the phrase's head
        # carries the trigger's preposition
        heads = prep_objects(noun.head, tuple(p for p in RECIPIENT_PREPS if p != "of"))
    if lemma in ANSWERED_NOUNS:
        # "responded to the mayor's appeal for help": the answerer, whatever else hangs on it
        heads += [h for h in _answering_subject(noun) if h not in heads]
    if not heads:
        heads = _left_as_casualties(noun)
    return heads


def _left_as_casualties(noun: Token) -> list[Token]:
    """ "The attack left one officer dead and three people wounded": whom an act left dead or
    hurt is whom it was done to."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.lemma_.lower() != "leave":
        return []
    if not any(c.dep_ == "oprd" and c.lemma_.lower() in CASUALTY_WORDS for c in verb.children):
        return []
    left = [c for c in verb.children if c.dep_ == "dobj"]
    # the parser hangs "and three people wounded" on the verb as a conjunct
    left += [c for c in verb.children if c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN"}]
    return left + [c for o in left for c in o.children if c.dep_ == "conj"]


def _answering_subject(noun: Token) -> list[Token]:
    """Whom a request was made to, when the text says who answered it: "Russia sent troops at
    the request of Kazakhstan", "YouTube is complying with the Church's requests", "Acting at
    the request of the authorities, we placed units": the subject of the verb the request's
    phrase hangs on (of the clause an "Acting"/"Responding" participle opens)."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return []
    verb = noun.head.head
    if noun.head.lower_ == "to":
        # "Responding to X's call, the President ...", "acted in response to a request"
        if verb.lemma_.lower() not in RESPONSE_WORDS:
            return []
        owner = first_child(verb, {"poss"}) if verb.pos_ == "NOUN" else None
        if owner is not None:
            return [owner]  # "thank you for your response to Kazakhstan's request": yours
        if verb.pos_ == "NOUN" and verb.dep_ == "pobj" and verb.head.dep_ == "prep":
            verb = verb.head.head
    elif noun.head.lower_ not in ANSWER_PREPOSITIONS:
        return []
    if verb.pos_ not in {"VERB", "AUX"}:
        return []
    subject = _subject(verb)
    if subject is None and verb.dep_ in {"advcl", "csubj"} and verb.tag_ == "VBG":
        # "Acting at the request of X, we placed ..." (the parser also reads the participle as
        # the subject: "Responding to X's call, the President reaffirmed")
        subject = _subject(verb.head)
    if subject is None or subject is verb or subject.lower_ in RELATIVE_PRONOUNS:
        return []
    return [subject]


def speaker_heads(clause: Token) -> list[Token]:
    """ "Russia said it would withdraw": an unresolved subject pronoun in reported speech is the
    speaker (used only when the actors stage left the pronoun unresolved)."""
    current = clause
    for _ in range(SPEECH_CLAUSE_HOPS):
        if current.dep_ in {"ccomp", "xcomp", "conj"} and current.head is not current:
            head = current.head
            if head.lemma_.lower() in SAYING:
                subject = _subject(head)
                return [subject] if subject is not None and subject.pos_ != "PRON" else []
            current = head
        else:
            break
    return []
