"""The parse patterns the event coder's rules test (:mod:`dateline.events.rules`).

Each function reads one shape of a sentence ("a letter to X", "faces criticism from Y", a
headline's passive, an attack on a named place) and returns what it finds, or nothing. The rules
decide what to do with it; these functions hold no policy of their own.

Their word lists keep the ``coder.`` prefix in ``data/words/events.toml``: they are the event
coder's vocabulary, read by its rules wherever those live.
"""

from __future__ import annotations

from itertools import islice
from typing import TYPE_CHECKING

from dateline.events import arguments as args
from dateline.events.lexicon import for_clause
from dateline.words import word_set

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dateline.document import Document

CONTENT_GOVERNORS = word_set("events", "coder.content_governors")
#: verbs of a finding ("had concluded that James Kopp fired the shots"; records DECISIONS.md D98)
FINDING_VERBS = word_set("events", "rules.finding_verbs")
SAID_ACT_TYPES = word_set("events", "coder.said_act_types")
FORCE_NOUNS = word_set("events", "shared.force_nouns")
CYBER_WORDS = word_set("events", "coder.cyber_words")
OWNER_OBJECT_TYPES = word_set("events", "coder.owner_object_types")
DOER_JUDGED_TYPES = word_set("events", "coder.doer_judged_types")
ADDRESS_NOUNS = word_set("events", "coder.address_nouns")
HEADLINE_PATIENT_VERBS = word_set("events", "coder.headline_patient_verbs")
ARGUMENT_PREPOSITIONS = word_set("events", "coder.argument_prepositions")
UNDERGO_VERBS = word_set("events", "coder.undergo_verbs")
UNDERGONE_CONDITIONS = word_set("events", "coder.undergone_conditions")
CONDITION_PREPOSITIONS = word_set("events", "coder.condition_prepositions")
BLAST_WORDS = word_set("events", "coder.blast_words")
INTENTION_NOUNS = word_set("events", "coder.intention_nouns")
BLAST_SITE_PREPOSITIONS = word_set("events", "coder.blast_site_prepositions")


def undergoer(noun: Token) -> Token | None:
    """The verb whose subject undergoes a nominal event: "faces criticism", "came under fire"."""
    if noun.dep_ == "conj" and noun.head.pos_ in {"NOUN", "PROPN"}:
        noun = noun.head  # "faces criticism and sanctions": each conjunct is undergone
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in UNDERGO_VERBS:
        return head
    if noun.dep_ == "pobj" and head.lower_ == "under" and head.head.lemma_.lower() == "come":
        return head.head
    if (
        noun.dep_ == "pobj"
        and head.lower_ in CONDITION_PREPOSITIONS
        and noun.lemma_.lower() in UNDERGONE_CONDITIONS
        and head.head.pos_ in {"VERB", "AUX"}
    ):  # "is in jail", "was arrested on charges of fraud", "remains under house arrest"
        return head.head
    return None


#: how many dependency steps an event may lie below the act whose content it is ("stressed the
#: need to increase sanctions": sanctions -> increase -> need -> stressed)
CONTENT_HOPS = 4


def content_governor(token: Token, types: dict[int, str]) -> str | None:
    """The type of the act whose content this trigger is, if any ("asked X to order ...")."""
    if (
        token.pos_ == "NOUN"
        and types.get(token.i) in SAID_ACT_TYPES
        and token.dep_ == "dobj"
        and types.get(token.head.i) == "REJECT"
    ):
        return None  # "denied the accusations": they were made; what they say is denied
    current = token
    for _ in range(CONTENT_HOPS):
        dep, head = current.dep_, current.head
        if head.i == current.i:
            return None
        if dep == "acl" and current.tag_ == "VBN":
            # "these agreements, signed last year": a participle tells of the act noun, done;
            # its content is an infinitive ("an agreement to withdraw")
            return None
        if dep in {"pobj", "pcomp"} and head.dep_ == "prep":
            current = head
            continue
        if dep == "prep" and current.i < head.i:
            # "Freeh, on an official visit to Mexico, asked ...": an adjunct before the act
            # tells its circumstances; what is asked for follows it
            return None
        if dep in {"xcomp", "ccomp", "dobj", "acl", "advcl", "conj", "prep"} and head.i in types:
            # a "for ... to" clause is the act's content ("called for Russia to withdraw"); any
            # other adverbial clause and a conjunct only lead up to the governing act
            if dep == "conj" or (dep == "advcl" and not for_clause(current)):
                current = head
                continue
            if head.lemma_.lower() in FINDING_VERBS:
                # what a finding found is told as done ("believed Howes had been killed by a
                # Khmer Rouge faction": the killing keeps its killers), no claim's content (D98)
                return None
            governing = types[head.i]
            return governing if governing in CONTENT_GOVERNORS else None
        if dep in {"xcomp", "ccomp", "conj", "acomp", "dobj", "acl"}:
            current = head  # "stressed the need to increase sanctions": through the object
            continue
        return None
    return None


FIGHT_VERBS = word_set("events", "coder.fight_verbs")


def fights_a_thing(doc: Document, verb: Token) -> bool:
    if verb.lemma_.lower() not in FIGHT_VERBS:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and not any(a.actors for a in args.arguments(doc, objects))


def names_its_content(child: Token) -> bool:
    """ "the order to call off", "an order from Moscow", "a call for talks": what makes an
    argument noun an act."""
    if child.dep_ == "acl":
        return any(g.lower_ == "to" for g in child.children)
    return child.dep_ == "prep" and child.lower_ in ARGUMENT_PREPOSITIONS


def mentions_cyber(trigger: Token) -> bool:
    return any(t.lower_ in CYBER_WORDS for t in trigger.sent)


def object_targets(doc: Document, verb: Token, kind: str) -> list[args.Argument]:
    """ "lifted sanctions on Iran", "reduced tariffs on China's exports": the object's target;
    "awarding our heroes", "appreciate your efforts": an award's or evaluation's object's owner."""
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        # "condemn all military actions against Ukraine": a judged act's victim is not who is
        # judged; its doer is (the owner below, or nobody named)
        heads = (
            [] if kind in DOER_JUDGED_TYPES else args.nominal_recipient_heads(obj, with_of=True)
        )  # "voiced support of X"
        found = [a for a in args.arguments(doc, heads) if a.actors]
        if not found and kind in OWNER_OBJECT_TYPES:
            owners = [c for c in obj.children if c.dep_ == "poss"]
            found = [a for a in args.arguments(doc, owners) if a.actors]
        if found:
            return found
    return []


def headline_passive(doc: Document, verb: Token) -> bool:
    """A past participle of a verb done to somebody, with a subject and no object or auxiliary,
    in the title: a headline's passive without its "were" ("Asylum seekers rescued off
    Indonesian coast", "Two arrested on drug charges"), or a subheading's with the preposition
    left stranded ("West Virginia police shot at during traffic stop")."""
    if verb.tag_ not in {"VBD", "VBN"} or verb.lemma_.lower() not in HEADLINE_PATIENT_VERBS:
        return False
    stranded = any(  # "shot at during ...": the preposition right after the verb, alone
        c.dep_ == "prep"
        and c.i == verb.i + 1
        and not any(g.dep_ in {"pobj", "pcomp"} for g in c.children)
        for c in verb.children
    )
    in_title = bool(doc.paragraphs) and verb.idx < doc.paragraphs[0].end
    if not (in_title or stranded):
        return False
    deps = {c.dep_ for c in verb.children}
    if deps & {"dobj", "aux", "auxpass", "nsubjpass", "ccomp", "dative"}:
        return False
    if any(c.dep_ == "conj" and any(g.dep_ == "dobj" for g in c.children) for c in verb.children):
        return False  # "police shot and killed the attacker": the object is both verbs'
    # "Two arrested on drug charges" is parsed as the number with a participle clause
    if "nsubj" in deps:
        return True
    # after a kicker and a colon ("Turkish bus attack: 13 soldiers killed") the head is appos
    head = verb.head
    return verb.dep_ == "acl" and (
        head.dep_ == "ROOT" or (head.dep_ == "appos" and head.head.dep_ == "ROOT")
    )


def headline_patients(verb: Token) -> list[Token]:
    """Who a headline's passive is done to: its subject, or the title's head it qualifies."""
    subjects = [t for t in verb.children if t.dep_ == "nsubj"]
    return subjects or ([verb.head] if verb.dep_ == "acl" else [])


def addressees(verb: Token) -> list[Token]:
    """Who a letter, address or message framing the clause is to: "in a letter to X", "in his
    address to the US Congress", "in a message to X" (issue 11: the addressee of an address or
    a letter)."""
    found: list[Token] = []
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"in", "through"}):
        for medium in (p for p in prep.children if p.dep_ == "pobj"):
            if medium.lemma_.lower() not in ADDRESS_NOUNS:
                continue
            for to in (c for c in medium.children if c.dep_ == "prep" and c.lower_ == "to"):
                found.extend(p for p in to.children if p.dep_ == "pobj")
    return found


def attacked_places(doc: Document, heads: list[Token]) -> list[args.Argument]:
    """The country of a place an attack is aimed at, when the article names that country as an
    actor: "shelled Kharkiv", "struck residential areas in Donbass" target Ukraine (as CAMEO
    and the records gold code an attack on a place; the place's name is the evidence)."""
    countries = {a.country: a.id for a in doc.extraction.actors if a.kind == "country"}
    for head in heads:
        start, last = head.left_edge, head.right_edge
        end = last.idx + len(last.text)
        for place in doc.extraction.places:
            if start.idx <= place.span.start and place.span.end <= end:
                actor = countries.get(place.country) if place.country else None
                if actor is not None:
                    return [args.Argument(place.span, (actor,))]
    return []


def stated_intention(trigger: Token) -> tuple[Token, Token] | None:
    """The verb stating an intention to do the trigger's act: "confirmed their intention to
    improve the partnership", "stressed the shared intention to expand cooperation", "emphasised
    the importance of stepping up cooperation" (an importance needs the verb of a change, or it
    is praise: "the importance of the work of the Court"): the stating verb and the noun."""
    act = trigger
    if trigger.pos_ == "NOUN":
        if trigger.dep_ == "pobj" and trigger.head.lower_ == "of":
            noun = trigger.head.head  # "the intention of cooperation"
            if noun.lemma_.lower() in INTENTION_NOUNS and noun.lemma_.lower() != "importance":
                stating = noun.head
                return (stating, noun) if noun.dep_ == "dobj" and stating.pos_ == "VERB" else None
            return None
        if trigger.dep_ != "dobj" or trigger.head.pos_ != "VERB":
            return None
        act = trigger.head  # "to expand cooperation": the verb the act noun is the object of
    if act.dep_ == "acl":
        noun = act.head  # "the intention to expand"
    elif act.dep_ == "pcomp" and act.head.lower_ == "of":
        noun = act.head.head  # "the importance of stepping up"
    else:
        return None
    if noun.lemma_.lower() not in INTENTION_NOUNS or noun.dep_ != "dobj":
        return None
    return (noun.head, noun) if noun.head.pos_ == "VERB" else None


def blast_sites(trigger: Token) -> list[Token]:
    """Where a blast went off, as the words that may name an actor: "two bombs exploded outside
    U.S. embassies", "an explosion ripped through the American Embassy" (the verb the blast noun
    is the subject of carries the place), "a blast at the police headquarters"."""
    if trigger.lemma_.lower() not in BLAST_WORDS:
        return []
    holders = [trigger]
    if trigger.pos_ == "NOUN" and trigger.dep_ in {"nsubj", "nsubjpass"}:
        holders.append(trigger.head)  # "an explosion ripped through X"
    found: list[Token] = []
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep":
                continue
            words = prep.lower_
            in_front = prep.i + 2 < len(prep.doc) and prep.nbor(1).lower_ == "front"
            if prep.lower_ == "in" and in_front:
                words, prep = "in front of", prep.nbor(2)  # "in front of the embassy"
            if words in BLAST_SITE_PREPOSITIONS:
                found.extend(c for c in prep.children if c.dep_ == "pobj")
    return found


def unnamed_recipients(doc: Document, recipients: list[args.Argument]) -> bool:
    """No recipient, or only armed forces of no known country ("frontline troops")."""
    for arg in recipients:
        for actor_id in arg.actors:
            actor = doc.extraction.actor(actor_id)
            if actor is None or actor.country is not None or actor.sector != "MIL":
                return False
    return True


def own_forces(
    doc: Document, actors: list[args.Argument], heads: list[Token]
) -> list[args.Argument]:
    """An order to unnamed troops goes to the actor's own forces ("told frontline troops to ...").

    Commanders and heads of state order their own forces; when the troops are not named by
    nationality, the recipient is the actor's country's armed forces *if the article already has
    that actor* (the actors stage's "{demonym} forces" group). Nothing is invented otherwise.
    """
    unnamed = [h for h in heads if h.lemma_.lower() in FORCE_NOUNS]
    if not unnamed:
        return []
    countries = {
        actor.country
        for arg in actors
        for actor in (doc.extraction.actor(i) for i in arg.actors)
        if actor is not None and actor.country
    }
    forces = [
        a.id
        for a in doc.extraction.actors
        if a.kind == "group" and a.sector == "MIL" and a.country in countries
    ]
    if len(forces) != 1:
        return []
    return [args.Argument(args.np_span(doc, unnamed[0]), (forces[0],))]


STATING_VERBS = word_set("events", "coder.stating_verbs")
#: how many heads up from a judging word the verb stating it may be ("Guterres stressed that the
#: UN considers the invasion a violation": violation -> considers -> stressed)
STATING_HOPS = 4


def stating_verb(token: Token, hops: int | None = STATING_HOPS) -> Token | None:
    """The nearest verb of stating (:data:`STATING_VERBS`) among the first ``hops`` heads above
    ``token`` (all of them with ``None``), past any other verb: "Guterres stressed that the UN
    considers the invasion a violation" (violation -> considers -> stressed)."""
    for verb in islice(token.ancestors, hops):
        if verb.pos_ in {"VERB", "AUX"} and verb.lemma_.lower() in STATING_VERBS:
            return verb
    return None


def sayer(doc: Document, token: Token) -> list[args.Argument]:
    """Who says the words ``token`` is in: the speaker of the quote holding it, the subject of
    the verb of stating it is the object or content of ("Putin noted Kiev's destructive policy",
    "Guterres stressed that the invasion is a violation"), or the voice of the turn or address it
    is in (a president's own address)."""
    quote = next((q for q in doc.extraction.quotes if q.span.start <= token.idx < q.span.end), None)
    if quote is not None and quote.speaker.actor is not None and quote.speaker.span is not None:
        return [args.Argument(quote.speaker.span, (quote.speaker.actor,))]
    verb = stating_verb(token)
    if verb is not None:
        # "Putin noted Kiev's destructive policy", "Guterres stressed that ... a violation"
        named = [a for a in args.arguments(doc, args.verb_actor_heads(verb)) if a.actors]
        if named:
            return named
    voice = doc.voice_at(token.idx)
    if voice is None:
        return []
    spans = [m.span for m in doc.mentions if m.actor == voice.speaker]
    if not spans:
        return []
    earlier = [s for s in spans if s.start <= token.idx]
    return [args.Argument(earlier[-1] if earlier else spans[0], (voice.speaker,))]
