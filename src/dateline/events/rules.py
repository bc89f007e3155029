"""The event coder's sentence logic as an ordered table of named rules (issue 15).

Once :mod:`dateline.events.coder` has found a trigger, :func:`apply_rules` runs :data:`RULES` in
order over a :class:`Draft` of its event. A rule is tried on the triggers of its part of speech
(``on``), reads the sentence and the draft, and returns a changed draft or ``None`` (it does not
apply). A rule that changes the draft is *fired*: its name is kept on the draft, and so on the
event's record (``Event.rule``), so a reader can see which rules chose its actor, its target and
its type. A ``drop`` rule that fires removes the candidate (:func:`dateline.events.coder.drafts`
still shows it, and which rule dropped it).

The steps, in the order the table mostly follows:

- ``heads``: which words are the actor and the recipient, by the trigger's part of speech
  (a verb's subject and objects, an adjective's clause, a noun's possessor and "of"/"with");
- ``actors`` and ``recipients``: fall-backs when those words name no actor (the voice of a
  press release, the police of an arrest, a letter's addressee, an attacked place's country);
- ``drop``: triggers that code no event here ("fight corruption", "during the war");
- ``factuality``: the act whose content the event is, and readiness;
- ``type/mode``: a phone call, a cyber attack. PLOVER's boundary rules, which recode the type
  afterwards, are :mod:`dateline.events.boundary`.

To add a rule: write a function ``(context, draft) -> Draft | None``, put a :class:`Rule` for it
in :data:`RULES` where it must run, and test it in ``tests/test_event_rules.py`` on a sentence of
its own (docs/rules.md, "Add a rule to the event coder"). If its first check is the draft's type
or the trigger's lemma, declare them in its entry (``types=``, ``lemmas=``): it is then tried only
on those (``tests/test_rule_declarations.py`` checks that nothing it would change is missed).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, NamedTuple

from dateline.events import arguments as args
from dateline.events import implicit, patterns
from dateline.events.factuality import (
    CONDITIONAL_MARKS,
    READINESS_WORDS,
    FactualityReading,
    read_factuality,
    stronger,
)
from dateline.events.lexicon import for_clause, is_support_verb, lemma, match
from dateline.events.patterns import CONTENT_GOVERNORS, FINDING_VERBS
from dateline.words import word_map, word_set

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dateline.document import Document
    from dateline.events.lexicon import Entry

GERUND_NOUN_DEPS = word_set("events", "coder.gerund_noun_deps")
PLACE_TARGET_TYPES = word_set("events", "coder.place_target_types")
HOME_GROUND_NOUNS = word_set("events", "coder.home_ground_nouns")
#: people "our" names who are not the speaker's own side ("our partners", "our friends")
OUTSIDE_OURS = word_set("events", "coder.outside_ours")
FIRST_PLURAL = word_set("actors", "speakers.first_plural")
#: nouns for a body of people working together ("our team", "our staff"), which the agent-noun
#: lexicon leaves out because alone they refer back to a named body as often as not
CREW_NOUNS = word_set("events", "coder.crew_nouns")
FIXED_PHRASE_NOUNS = word_set("events", "coder.fixed_phrase_nouns")
IMPORTANCE_NOUNS = word_set("events", "coder.importance_nouns")
ADDRESSED_TYPES = word_set("events", "coder.addressed_types")
JOINT_TYPES = word_set("events", "coder.joint_types")
BACKGROUND_NOUNS = word_set("events", "coder.background_nouns")
NOUN_TAGS = frozenset({"NOUN", "PROPN"})
WANTED_OBJECT_DEPS = word_set("events", "coder.wanted_object_deps")
TASK_NOUNS = word_set("events", "coder.task_nouns")
TASK_SETTING_VERBS = word_set("events", "coder.task_setting_verbs")
WOUND_NOUNS = word_set("events", "coder.wound_nouns")
DESTINATION_PREPS = word_set("events", "coder.destination_preps")
CONTACT_NOUNS = word_set("events", "coder.contact_nouns")
CONTACT_LOST_VERBS = word_set("events", "coder.contact_lost_verbs")
PRIVATE_OCCASIONS = word_set("events", "coder.private_occasions")
ARGUMENT_NOUNS = word_set("events", "coder.argument_nouns")
EXPLOSIVE_NOUNS = word_set("events", "rules.explosive_nouns")
JOINING_VERBS = word_set("events", "rules.joining_verbs")
LOBBIED_OUTCOMES = word_set("events", "rules.lobbied_outcomes")
HANDED_SUSPECTS = word_set("events", "rules.handed_suspects")
PACKAGE_NOUNS = word_set("events", "rules.package_nouns")
APPROVING_VERBS = word_set("events", "rules.approving_verbs")
MEASURE_NOUNS = word_set("events", "rules.measure_nouns")
CLAIMING_VERBS = word_set("events", "rules.claiming_verbs")
NAMED_THINGS = word_set("events", "coder.named_things")
ALLEGING_VERBS = word_set("events", "rules.alleging_verbs")
ALLEGING_NOUNS = word_set("events", "rules.alleging_nouns")
FOUND_DEED_TYPES = word_set("events", "rules.found_deed_types")
#: the words whose complement clause names the one they accuse (rule "alleged doer")
ACCUSING_COMPLEMENT_WORDS = ALLEGING_VERBS | ALLEGING_NOUNS | FINDING_VERBS
ADVICE_VERBS = word_set("events", "rules.advice_verbs")
SOUGHT_VERBS = word_set("events", "rules.sought_verbs")
CHARGE_WORDS = word_set("events", "rules.charge_words")
#: verbs of dying: whoever died of an attack is whom it was done to
DEATH_VERBS = word_set("events", "rules.death_verbs")
#: prepositions joining a death to the attack that caused it ("died from an air strike",
#: "died because of Russian strikes"; "as a result of" is read apart)
DEATH_CAUSE_PREPOSITIONS = word_set("events", "rules.death_cause_prepositions")
STANCE_TYPES = word_set("events", "rules.stance_types")
TOPIC_PREPOSITIONS = word_set("events", "rules.topic_prepositions")
CHARGE_PREPOSITIONS = word_set("events", "rules.charge_prepositions")
CHARGE_NOUNS = word_set("events", "rules.charge_nouns")
CONTACT_VERBS = word_set("events", "rules.contact_verbs")
WRONGDOING_TYPES = word_set("events", "rules.wrongdoing_types")
WISH_VERBS = word_set("events", "rules.wish_verbs")
HOPE_VERBS = word_set("events", "rules.hope_verbs")
HOPED_FROM = word_set("events", "rules.hoped_from")
HOPED_NOBODY = word_set("events", "rules.hoped_nobody")
HOPE_NOUNS = word_set("events", "rules.hope_nouns")
#: where the noun of a voiced hope hangs on its verb: "expressed the hope", "hope was expressed"
HOPE_DEPS = frozenset({"dobj", "nsubjpass"})
SECOND_PERSON = word_set("quotes", "speakers.second_person")
MEANS_PREPOSITIONS = word_set("events", "rules.means_prepositions")
QUESTION_MARKS = word_set("events", "rules.question_marks")
CANCEL_VERBS = word_set("events", "rules.cancel_verbs")
ASKING_VERBS = word_set("events", "rules.asking_verbs")
ASKED_DEPS = word_set("events", "rules.asked_deps")
PURPOSE_DEPS = word_set("events", "rules.purpose_deps")
PHONE_WORDS = word_set("events", "rules.phone_words")
POLITE_WISHES = word_set("events", "shared.polite_wishes")
CONDITIONAL_AUXILIARIES = word_set("events", "rules.conditional_auxiliaries")
WISHED_FORMULAS = word_set("events", "rules.wished_formulas")
JUDGING_LABELS = word_set("events", "rules.judging_labels")
JUDGED_ACTS = word_set("events", "rules.judged_acts")
JUDGING_FRAMES = word_set("events", "rules.judging_frames")
BLAMED_HARMS = word_set("events", "rules.blamed_harms")
BLAMING_VERBS = word_set("events", "rules.blaming_verbs")
POSING_VERBS = word_set("events", "rules.posing_verbs")
POSED_HARMS = word_set("events", "rules.posed_harms")
DISPLEASURE_ADJECTIVES = word_set("events", "rules.displeasure_adjectives")
DISPLEASURE_PREPOSITIONS = word_set("events", "rules.displeasure_prepositions")
JUDGING_TYPES = word_set("events", "rules.judging_types")
#: verbs of ignoring: ignoring another's wrongdoing is a charge against who ignores it (D102)
IGNORING_VERBS = word_set("events", "rules.ignoring_verbs")
COPULAS = word_set("events", "rules.copulas")
#: types of a violent act a speaker names another's deed by ("This is torture"): a charge
NAMED_DEED_TYPES = word_set("events", "rules.named_deed_types")
#: verbs that name what their object is ("will be qualified as genocide")
NAMING_VERBS = word_set("events", "rules.naming_verbs")
#: nouns whose "of" names the deed a copula's label evaluates ("another manifestation of aggression")
DEED_FRAMES = JUDGED_ACTS | JUDGING_FRAMES
#: a copula's subjects that are themselves a deed told ("The murder of Dr. Slepian is ...")
DEED_NOUNS = JUDGED_ACTS | BLAMED_HARMS
DOING_VERBS = word_set("events", "rules.doing_verbs")
NECESSITY_ADJECTIVES = word_set("events", "rules.necessity_adjectives")
ASIDE_VERBS = word_set("events", "rules.aside_verbs")
#: the noun that names what must be done ("stated the need to begin talks") and the words that,
#: above it, state it ("spoke about the need for", "Emphasis was placed on the need")
NEED_NOUNS = word_set("events", "rules.need_nouns")
NEED_STATING_WORDS = word_set("events", "rules.need_stating_words")
CONJOINED_ACT_TYPES = word_set("events", "rules.conjoined_act_types")
INTENTION_VERBS = word_set("events", "rules.intention_verbs")
CONTINUING_VERBS = word_set("events", "rules.continuing_verbs")
#: the ties between parties whose going on is theirs to continue (rule "continuing no promise")
CONTINUING_TIES = word_set("events", "rules.continuing_ties")
FUTURE_AUXILIARIES = word_set("events", "factuality.future_aux")
CONTRIBUTING_VERBS = word_set("events", "rules.contributing_verbs")
CONTRIBUTING_NOUNS = word_set("events", "rules.contributing_nouns")
LEAVING_VERBS = word_set("events", "rules.leaving_verbs")
LEAVING_COMPLEMENTS = word_set("events", "rules.leaving_complements")
LEFT_PLACES = word_set("events", "rules.left_places")
LEAVING_TYPES = word_set("events", "rules.leaving_types")
SOUGHT_AID_NOUNS = word_set("events", "rules.sought_aid_nouns")
SEEKING_WORDS = word_set("events", "rules.seeking_words")
HONOUR_NOUNS = word_set("events", "rules.honour_nouns")
SECOND_PERSON = word_set("actors", "speakers.second_person")
VERBAL_ATTACK_VERBS = word_set("events", "rules.verbal_attack_verbs")
VERBAL_ATTACKERS = word_set("events", "rules.verbal_attackers")
INVESTIGATOR_NOUNS = word_set("events", "rules.investigator_nouns")
#: words of looking for someone, a manhunt when a suspect is looked for (rule 'hunt for no suspect')
HUNTING_WORDS = word_set("events", "rules.hunting_words")
HUNTED_NOUNS = word_set("events", "rules.hunted_nouns")
HUNTER_NOUNS = word_set("events", "rules.hunter_nouns")
#: verbs of talking that are a meeting only with a partner or a joint subject
PARTNERLESS_TALK_VERBS = word_set("events", "rules.partnerless_talk_verbs")
#: prepositions naming the partner of a talk ("talked to the students", "with Biden")
TALK_PARTNER_PREPOSITIONS = word_set("events", "settings.counterpart_preps")
#: pronouns for the two sides of a talk ("we talked", "They also talked about ...")
TALK_PLURAL_SUBJECTS = word_set("events", "rules.talk_plural_subjects")
#: nouns that convey an act held in their "of" phrase ("a sense of solidarity", "a message of
#: friendship"): who feels, brings or expresses them does the act
CONTAINER_NOUNS = word_set("events", "rules.container_nouns")
#: verbs of stating or offering an act that are no support verbs of the lexicon ("stated
#: readiness", "offered assistance"): their subject does the act their object names (issue 11)
EXPRESSING_VERBS = word_set("events", "rules.expressing_verbs")
#: types of an act one expresses, offers or gives ("expressed their full commitment", "held out
#: the prospect of more aid"): an "of" phrase of a support verb's object is its subject's act
EXPRESSED_TYPES = word_set("events", "rules.expressed_types")
#: the types of a sentence's other triggers that code the investigators' act by its own word
INVESTIGATOR_ACT_TYPES = word_set("events", "rules.investigator_act_types")
#: entity types of a place: "the bombing of Severodonetsk" names where, not who
PLACE_ENTITIES = word_set("events", "rules.place_entities")
POINTING_WORDS = word_set("events", "rules.pointing_words")
#: words of promising: a promise of a conflict act is a threat ("their promise to kill")
PROMISE_WORDS = word_set("events", "rules.promise_words")
#: where a promise's content hangs on its word: "vow they would block", "promise to kill"
PROMISED_CONTENT_DEPS = word_set("events", "rules.promised_content_deps")
#: the material conflict types a threat can be of, and the THREATEN mode of each
THREAT_MODES = word_map("events", "boundary.threat_mode")
GENERIC_DETERMINERS = word_set("events", "rules.generic_determiners")


class Step(StrEnum):
    """What a rule decides."""

    HEADS = "heads"
    ACTORS = "actors"
    RECIPIENTS = "recipients"
    DROP = "drop"
    FACTUALITY = "factuality"
    TYPE = "type/mode"


@dataclass(frozen=True, slots=True)
class Context:
    """What every rule reads: the sentence's trigger and what the coder found around it."""

    doc: Document
    trigger: Token
    clause: Token  # the predicate whose clause carries the event (support verb or trigger)
    entry: Entry
    #: the type of every trigger of the sentence, by token index (for the act governing this one)
    types: dict[int, str]
    #: the trigger's lemma, lower-cased: read once here, for the rules ask for it some ten times
    #: per trigger and spaCy looks the string up again on each ``lemma_``
    lemma: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "lemma", self.trigger.lemma_.lower())

    @property
    def kind(self) -> str:
        """The trigger's part of speech as the rules tell them apart: verb, adj or noun."""
        pos = self.trigger.pos_
        if pos in {"VERB", "AUX"}:
            return "verb"
        return "adj" if pos == "ADJ" else "noun"

    @property
    def has_support_verb(self) -> bool:
        """ "held talks", "is ready to": the clause is another word's, not the trigger's."""
        return self.clause.i != self.trigger.i

    def named(self, heads: list[Token] | tuple[Token, ...]) -> tuple[args.Argument, ...]:
        """The arguments of these words that name an actor."""
        return tuple(a for a in args.arguments(self.doc, list(heads)) if a.actors)


class _DraftFields(NamedTuple):
    """The fields of a :class:`Draft`."""

    type: str
    mode: str | None
    actor_heads: tuple[Token, ...] = ()
    recipient_heads: tuple[Token, ...] = ()
    #: the actors a noun trigger names itself ("Russia's attack", "aid from Japan")
    own: tuple[args.Argument, ...] = ()
    #: the verb whose subject undergoes a nominal event ("faces criticism", "came under fire")
    undergoer: Token | None = None
    actors: tuple[args.Argument, ...] = ()
    recipients: tuple[args.Argument, ...] = ()
    #: the subject is the meeting's parties ("the leaders", "the sides"); see Candidate.parties
    parties: bool = False
    #: the type of the act whose content this event is ("asked X to *withdraw*": REQUEST)
    content_of: str | None = None
    reading: FactualityReading | None = None
    dropped: bool = False
    #: the names of the rules that changed this draft, in the order they fired
    fired: tuple[str, ...] = ()


class Draft(_DraftFields):
    """An event while the rules code it: an immutable record, a named tuple rather than a frozen
    dataclass because every rule copies it (``_replace`` is four times faster than
    ``dataclasses.replace``, and the coder runs some thirty rules on every trigger)."""

    __slots__ = ()

    def _replace(self, **changes: Any) -> Draft:
        """The draft with ``changes``: the named tuple's own ``_replace`` maps every field
        through a dict of the changes to make a copy, where a rule changes one or two; this
        sets only those (110,000 copies on the 400 benchmark documents, 4% of the stage)."""
        values = list(self)
        for name, value in changes.items():
            values[_DRAFT_INDEX[name]] = value
        return tuple.__new__(Draft, values)


#: each field's place in a Draft's tuple, for Draft._replace
_DRAFT_INDEX = {name: number for number, name in enumerate(_DraftFields._fields)}


RuleFunction = Callable[[Context, Draft], "Draft | None"]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    step: Step
    #: one line: what the rule does and the text it was written for
    why: str
    apply: RuleFunction
    #: the triggers it is tried on ("verb", "adj" or "noun"); None: every trigger
    on: str | None = None
    #: whether its name goes on the record: not for the plumbing every event goes through
    #: (the heads' arguments, the factuality cues), which chooses nothing
    recorded: bool = True
    #: the draft types it can act on, read off its own first check (``d.type != "REQUEST"``):
    #: it is not tried on a draft of another type. None: every type
    types: frozenset[str] | None = None
    #: the trigger lemmas (:attr:`Context.lemma`) it can act on, read off its own first check
    #: (``c.lemma not in WISH_VERBS``): it is not tried on another trigger. None: every lemma
    lemmas: frozenset[str] | None = None

    def tried(self, kind: str, type_: str, lemma: str) -> bool:
        """Whether it is tried on a draft of ``type_`` for a trigger of ``kind``, ``lemma``."""
        return (
            (self.on is None or self.on == kind)
            and (self.types is None or type_ in self.types)
            and (self.lemmas is None or lemma in self.lemmas)
        )


# -- heads: which words are the actor and the recipient ------------------------------------------


def verb_subject(c: Context, d: Draft) -> Draft | None:
    return d._replace(actor_heads=tuple(args.verb_actor_heads(c.trigger)))


def _clause_doer(verb: Token, *, infinitive: bool) -> tuple[Token, Token] | None:
    """The subject of a clause with a subject of its own that the parser hangs on ``verb``, and
    that clause: "want the United Nations to send" (an infinitive, ``infinitive``), "demand the
    NDP scrap its tax"; a question asked ("whether X will") names no one to act."""
    for clause in verb.children:
        if clause.dep_ != "ccomp" or any(m.lower_ in QUESTION_MARKS for m in clause.children):
            continue
        if infinitive and not any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children):
            continue
        doer = next((t for t in clause.children if t.dep_ == "nsubj"), None)
        if doer is not None:
            return doer, clause
    return None


def _wished_act(verb: Token) -> tuple[Token, Token] | None:
    """Who is to act and the act, when ``verb`` wants another to act: "would like you to report"
    (an object and a complement) or "want the United Nations to send"."""
    objects = [t for t in verb.children if t.dep_ == "dobj"]
    for act in verb.children:
        if act.dep_ == "xcomp" and act.pos_ in {"VERB", "AUX"}:
            before = [o for o in objects if o.i < act.i]
            if before:
                return before[0], act
    return _clause_doer(verb, infinitive=True)


def wish_without_another_doer(c: Context, d: Draft) -> Draft | None:
    if c.lemma not in WISH_VERBS or d.type != "REQUEST":  # "wish you success" is SUPPORT
        return None
    wished = _wished_act(c.trigger)
    polite = c.lemma not in POLITE_WISHES or any(
        a.dep_ == "aux" and a.lower_ in CONDITIONAL_AUXILIARIES for a in c.trigger.children
    )
    if wished is None or not polite or wished[1].lemma_.lower() in WISHED_FORMULAS:
        return d._replace(dropped=True)
    return None


def wish_for_own_country(c: Context, d: Draft) -> Draft | None:
    """ "I want Argentina to open up new opportunities", said by Argentina's president: a hope
    for one's own country, not a request to another."""
    if c.lemma not in WISH_VERBS or d.type != "REQUEST" or not d.actors or not d.recipients:
        return None
    actor = c.doc.extraction.actor
    own = {a.country for a in (actor(i) for arg in d.actors for i in arg.actors) if a and a.country}
    wished = [actor(i) for arg in d.recipients for i in arg.actors]
    if own and all(a is not None and a.kind == "country" and a.country in own for a in wished):
        return d._replace(dropped=True)
    return None


def _hoped_doer(verb: Token) -> Token | None:
    """Who a hope or an expectation wants to act: "I hope that Germany and Hungary will have the
    courage" (its clause's subject), "We expect the United States to adopt" (as "want"), "expects
    an equal effort from the Palestinians" (its "from" object); None when nobody is named."""
    wished = _wished_act(verb)
    if wished is not None:
        return wished[0]
    found = _clause_doer(verb, infinitive=False)
    if found is not None:
        return found[0]
    objects = [verb, *(t for t in verb.children if t.dep_ == "dobj")]
    return next((p for o in objects for p in args.prep_objects(o, HOPED_FROM)), None)


def hope_without_another_doer(c: Context, d: Draft) -> Draft | None:
    """A hope or an expectation voiced to a named actor ("I hope that Belgium will ...", "We
    expect the United States to adopt ...") is a REQUEST to it (records DECISIONS.md D97, D115);
    one of the speaker's own side ("we hope we will"), a thing's ("hope that things will
    remain") or a passive forecast ("talks are expected to resume") asks no one (D115: a hope
    whose "we" is the parties present is no REQUEST; FactBank: expectation is no commitment)."""
    if lemma(c.trigger) not in HOPE_VERBS or d.type != "REQUEST":  # the parser's "hoped": "hop"
        return None
    verb = c.trigger
    passive = any(t.dep_ in {"nsubjpass", "auxpass"} for t in verb.children)
    if passive or (verb.tag_ == "VBN" and verb.dep_ in {"amod", "acl"}):
        return d._replace(dropped=True)  # "talks are expected to resume", "the expected reply"
    if verb.tag_ == "VBG" and not any(t.dep_ in {"aux", "nsubj"} for t in verb.children):
        # "They also deport children hoping that they will forget", "Hoping that the movement
        # translates into ...": a participle with no subject nor auxiliary of its own tells the
        # doer's motive or stands as a fragment; it voices no hope to anyone (D97 codes a hope
        # addressed to a named actor; "we are hoping that" keeps its auxiliary)
        return d._replace(dropped=True)
    doer = _hoped_doer(verb)
    if doer is None:
        return d._replace(dropped=True)
    own = any(t.dep_ == "poss" and t.lower_ in args.FIRST_PERSON for t in doer.children)
    if doer.lower_ in args.FIRST_PERSON | HOPED_NOBODY or own:
        return d._replace(dropped=True)  # "we hope we will", "I hope our cooperation will"
    if doer.lower_ not in SECOND_PERSON and not c.named([doer]):
        return d._replace(dropped=True)
    return None


def request_hoped_for(c: Context, d: Draft) -> Draft | None:
    """ "we expect specific requests and proposals from local authorities": a request noun that
    is what a hope or an expectation coded REQUEST wants from its doer is that one act, the
    expectation (records DECISIONS.md D28: two triggers for one act in a sentence, the first or
    most specific required); the noun's own REQUEST, sourced by the "from" object, is dropped."""
    head = c.trigger.head
    if d.type != "REQUEST" or c.kind != "noun" or c.trigger.dep_ != "dobj":
        return None
    if lemma(head) not in HOPE_VERBS or c.types.get(head.i) != "REQUEST":
        return None
    return d._replace(dropped=True) if _hoped_doer(head) is not None else None


def hoped_doer(c: Context, d: Draft) -> Draft | None:
    if lemma(c.trigger) not in HOPE_VERBS or d.type != "REQUEST":
        return None
    doer = _hoped_doer(c.trigger)
    return d._replace(recipient_heads=(doer,)) if doer is not None else None


def voiced_hope_doer(c: Context, d: Draft) -> Draft | None:
    """ "The hope was expressed that representatives of Kiev will take a reasonable position",
    "expressed the hope that X will": a hope voiced to the interlocutor asks the one its clause
    names to act (records DECISIONS.md D97, D115), when that is a named other than the speaker's
    side; a thing hoped for ("that the conflict will be settled") leaves the target to the rules
    of the call's other side."""
    if d.type != "REQUEST" or lemma(c.trigger) in HOPE_VERBS:
        return None
    hopes = _voiced_hopes(c.trigger)
    if not hopes:
        return None
    clauses = [t for h in hopes for t in h.children if t.dep_ in {"acl", "ccomp"}]
    clauses += [t for t in c.trigger.children if t.dep_ == "ccomp"]
    for clause in clauses:
        doer = next((t for t in clause.children if t.dep_ == "nsubj"), None)
        if doer is None or doer.lower_ in args.FIRST_PERSON | HOPED_NOBODY:
            continue
        if doer.lower_ in SECOND_PERSON or c.named([doer]):
            return d._replace(recipient_heads=(doer,))
    return None


def _voiced_hopes(verb: Token) -> list[Token]:
    """The hope nouns a verb voices: "expressed the hope", "The hope was expressed"."""
    return [t for t in verb.children if t.dep_ in HOPE_DEPS and t.lemma_.lower() in HOPE_NOUNS]


def hope_voiced_by_parties(c: Context, d: Draft) -> Draft | None:
    """ "The hope was expressed that ...", in a readout: a hope voiced by no one named is the
    meeting's parties' (records DECISIONS.md D97: agentless "was noted" takes the partners as
    sources)."""
    if d.type != "REQUEST" or d.actors or d.parties or c.trigger.pos_ != "VERB":
        return None
    if any(t.dep_ == "agent" for t in c.trigger.children):
        return None
    passive = any(h.dep_ == "nsubjpass" for h in _voiced_hopes(c.trigger))
    return d._replace(parties=True) if passive else None


def demanded_doer(c: Context, d: Draft) -> Draft | None:
    if d.type != "REQUEST" or d.recipient_heads or c.lemma in WISH_VERBS:
        return None
    found = _clause_doer(c.trigger, infinitive=False)
    return d._replace(recipient_heads=(found[0],)) if found is not None else None


def protest_demand(c: Context, d: Draft) -> Draft | None:
    """ "gathered at a rally to demand the NDP scrap its tax": whom the protest's demand is to."""
    if d.type != "PROTEST" or d.recipients:
        return None
    for purpose in c.clause.children:
        if purpose.dep_ not in PURPOSE_DEPS or c.types.get(purpose.i) != "REQUEST":
            continue
        demanded = _clause_doer(purpose, infinitive=False)
        heads = args.verb_recipient_heads(purpose) or ([demanded[0]] if demanded else [])
        found = c.named(heads)
        if found:
            return d._replace(recipients=found)
    return None


def stance_topic(c: Context, d: Draft) -> Draft | None:
    """ "expressed concern about Russia's troop movements", "voiced satisfaction with X's work":
    a stance told by its noun is toward whom its topic names (the topic, or whose it is)."""
    if d.type not in STANCE_TYPES or c.named(d.recipient_heads):
        return None
    topics = [
        topic
        for stance in c.trigger.children
        if stance.dep_ == "dobj"
        for topic in args.prep_objects(stance, TOPIC_PREPOSITIONS)
    ]
    return d._replace(recipient_heads=tuple(topics)) if c.named(topics) else None


def wished_doer(c: Context, d: Draft) -> Draft | None:
    if c.lemma not in WISH_VERBS or d.type != "REQUEST":
        return None
    wished = _wished_act(c.trigger)
    return d._replace(recipient_heads=(wished[0],)) if wished is not None else None


def gerund_as_noun(c: Context, d: Draft) -> Draft | None:
    if d.actor_heads or c.trigger.tag_ != "VBG" or c.trigger.dep_ not in GERUND_NOUN_DEPS:
        return None
    return d._replace(actor_heads=tuple(args.nominal_actor_heads(c.trigger)))


def consult_partners(c: Context, d: Draft) -> Draft | None:
    if d.type != "CONSULT":
        return None
    return d._replace(recipient_heads=tuple(args.consult_recipient_heads(c.trigger)))


def verb_objects(c: Context, d: Draft) -> Draft | None:
    if d.type == "CONSULT":
        return None
    heads = args.verb_recipient_heads(c.trigger)
    if c.lemma in CHARGE_WORDS:
        # "charged Smith with the murder of Jones": the crime is what he is charged with, and
        # its victim no one the charge is against
        heads = [h for h in heads if not _crime_charged(c.trigger, h)]
    return d._replace(recipient_heads=tuple(heads))


def _crime_charged(verb: Token, head: Token) -> bool:
    preposition = head.head
    return (
        head.dep_ == "pobj"
        and preposition.lower_ in CHARGE_PREPOSITIONS
        and preposition.head.i == verb.i
        and match(head, "noun") is not None
    )


def headline_passive(c: Context, d: Draft) -> Draft | None:
    if not patterns.headline_passive(c.doc, c.trigger):
        return None
    # "13 soldiers killed by car bomb": the agent, when the title names one, did it
    agents = tuple(args.from_agent(c.trigger))
    return d._replace(
        actor_heads=agents, recipient_heads=tuple(patterns.headline_patients(c.trigger))
    )


def content_recipient_heads(c: Context, d: Draft) -> Draft | None:
    if d.recipient_heads or d.type not in CONTENT_GOVERNORS:
        return None
    heads = d.recipient_heads
    for child in c.trigger.children:
        if child.dep_ == "xcomp":  # the last complement's, as the chain always did
            heads = tuple(args.verb_recipient_heads(child))
    return d._replace(recipient_heads=heads)


def _claimed_wrongdoing(trigger: Token, types: frozenset[str] = WRONGDOING_TYPES) -> Token | None:
    """The verb of a claim's complement that tells a wrongdoing ("claims the Church imprisoned
    her", "asserted that officials plied the detective with a conspiracy theory"): one of the
    lexicon's ``types`` (a finding's only an attack: :data:`FOUND_DEED_TYPES`)."""
    for child in trigger.children:
        if child.dep_ != "ccomp":
            continue
        for verb in (child, *child.conjuncts):
            entry = match(verb, "verb")
            if entry is not None and entry.type in types:
                return verb
    return None


def _claimed_doer(trigger: Token) -> Token | None:
    """The doer a claim's complement names when its act is none of the lexicon's wrongdoings:
    a subject of its own that names people by name or noun and is not a pronoun ("asserted that
    Scientology officials plied the detective with a conspiracy theory", "claimed Montalvo
    allegedly left the organization with computer hard drives"); "Paris claims she was kept"
    (a pronoun), "claimed the resolutions overruled a convention" (no people) name no one."""
    for child in trigger.children:
        if child.dep_ != "ccomp" or child.pos_ not in {"VERB", "AUX"}:
            continue
        subject = next((g for g in child.children if g.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ == "PRON" or subject.ent_type_ in NAMED_THINGS:
            continue
        if args.names_people(subject) and not any(
            p.dep_ == "poss" and p.pos_ == "PRON" for p in subject.children
        ):
            return subject
    return None


def claimed_wrongdoer(c: Context, d: Draft) -> Draft | None:
    if c.lemma not in CLAIMING_VERBS:
        return None
    verb = _claimed_wrongdoing(c.trigger)
    if verb is None:
        doer = _claimed_doer(c.trigger)
        return d._replace(recipient_heads=(doer,)) if doer is not None else None
    heads = [
        h
        for h in args.verb_actor_heads(verb)
        # "Russia claimed its forces destroyed a depot": the claimer's own side
        if not any(p.dep_ == "poss" and p.pos_ == "PRON" for p in h.children)
    ]
    return d._replace(recipient_heads=tuple(heads))


def alleged_doer(c: Context, d: Draft) -> Draft | None:
    """ "police allege he held a woman", "alleging she was harassed by volunteers", "accusations
    that she joined an underground movement": an allegation
    with no one named as its object accuses whoever did what its complement tells (the subject,
    or the agent of a passive; a passive without one names no one). So does a finding ("had
    concluded that James Kopp fired the shots", D98)."""
    if d.type != "ACCUSE" or d.recipient_heads or c.lemma not in ACCUSING_COMPLEMENT_WORDS:
        return None
    for clause in c.trigger.children:
        if clause.dep_ != "ccomp" and not (
            # "accusations that she joined", "allegations its troops shelled the hospital": a
            # noun's complement clause has a subject of its own ("accusations made by X" none)
            clause.dep_ == "acl" and any(g.dep_ in {"nsubj", "nsubjpass"} for g in clause.children)
        ):
            continue
        inside = {t.i for t in clause.subtree}
        heads = [
            h
            for h in args.verb_actor_heads(clause)
            if h.i in inside
            and h not in d.actor_heads
            # "police allege their officers were attacked": not the accuser's own side
            and not any(p.dep_ == "poss" and p.pos_ == "PRON" for p in h.children)
        ]
        if heads:
            return d._replace(recipient_heads=tuple(heads))
    return None


def finding_of_no_attack(c: Context, d: Draft) -> Draft | None:
    """A finding accuses only when what it finds is an attack (records DECISIONS.md D98:
    "officials' conclusion that a named person did a killing"): "concluded he had probably been
    killed" accuses; "the process concluded", "I believe that Argentina could become Russia's
    gateway" are no event."""
    if d.type != "ACCUSE" or c.lemma not in FINDING_VERBS:
        return None
    if _claimed_wrongdoing(c.trigger, FOUND_DEED_TYPES) is not None:
        return None
    return d._replace(dropped=True)


def hunt_for_no_suspect(c: Context, d: Draft) -> Draft | None:
    """Looking for someone is a manhunt (COERCE, records DECISIONS.md D83) only when a suspect is
    looked for ("trying to track down the gunman", "their search for bombers") or the police
    or investigators look ("Police ... are looking for two women in connection with her
    abduction", D54); "search for a solution", "look for new partners", "looking for someone to
    blame" are no event. A search of a place ("police searched the house", D32) has rows of its
    own and is not read here."""
    if c.lemma not in HUNTING_WORDS or d.mode != "arrest":
        return None
    if any(_hunted(h) for h in _looked_for(c.trigger)) or _hunters(c.trigger):
        return None
    return d._replace(dropped=True)


def _looked_for(trigger: Token) -> list[Token]:
    """What a hunt looks for: the object of its "for" ("search for Kopp") or its own object
    ("track down the gunman"), with their conjuncts."""
    heads = [
        g
        for ch in trigger.children
        if ch.dep_ == "prep" and ch.lower_ == "for"
        for g in ch.children
        if g.dep_ == "pobj"
    ]
    heads += [ch for ch in trigger.children if ch.dep_ == "dobj"]
    return [t for h in heads for t in (h, *h.conjuncts)]


def _hunted(head: Token) -> bool:
    """Whether a noun phrase names a person the authorities hunt ("the suspect", "bombers")."""
    return head.lemma_.lower() in HUNTED_NOUNS or head.lower_ in HUNTED_NOUNS


def _hunters(trigger: Token) -> bool:
    """Whether the police or investigators do the looking: the verb's subject ("Police ... are
    looking for") or the noun's possessor or compound ("the FBI's search")."""
    if trigger.pos_ in {"VERB", "AUX"}:
        heads = args.verb_actor_heads(trigger)
    else:
        heads = [ch for ch in trigger.children if ch.dep_ in {"poss", "compound"}]
    return any(h.lemma_.lower() in HUNTER_NOUNS or h.lower_ in HUNTER_NOUNS for h in heads)


def claim_of_no_wrongdoing(c: Context, d: Draft) -> Draft | None:
    """A claim is an accusation only of someone else's wrongdoing: "Russia claimed its forces
    destroyed a depot" accuses no one."""
    if c.lemma not in CLAIMING_VERBS:
        return None
    actors = {a for arg in d.actors for a in arg.actors}
    accused = {a for arg in d.recipients for a in arg.actors}
    own = {actor.country for a in actors if (actor := c.doc.extraction.actor(a)) is not None}
    own.discard(None)
    foreign = {
        a
        for a in accused - actors
        if (actor := c.doc.extraction.actor(a)) is not None and actor.country not in own
    }
    if foreign and (
        _claimed_wrongdoing(c.trigger) is not None or _claimed_doer(c.trigger) is not None
    ):
        return None
    return d._replace(dropped=True)


def adjective_subject(c: Context, d: Draft) -> Draft | None:
    heads = args.verb_actor_heads(c.clause) if c.has_support_verb else [c.trigger.head]
    return d._replace(actor_heads=tuple(heads))


def adjective_complement(c: Context, d: Draft) -> Draft | None:
    heads = args.nominal_recipient_heads(c.trigger, with_of=True)
    return d._replace(recipient_heads=tuple(heads))


def adjective_xcomp_objects(c: Context, d: Draft) -> Draft | None:
    heads = d.recipient_heads
    for child in c.trigger.children:
        if child.dep_ == "xcomp":
            heads = heads or tuple(args.verb_recipient_heads(child))
    return d._replace(recipient_heads=heads)


def noun_own_actor(c: Context, d: Draft) -> Draft | None:
    return d._replace(own=c.named(args.nominal_actor_heads(c.trigger)))


def conjunct_possessor(c: Context, d: Draft) -> Draft | None:
    first = c.trigger.head
    if d.own or c.trigger.dep_ != "conj" or first.pos_ not in {"NOUN", "PROPN"}:
        return None
    return d._replace(own=c.named(args.nominal_actor_heads(first)))


def undergone_event(c: Context, d: Draft) -> Draft | None:
    verb = patterns.undergoer(c.trigger)
    if verb is None:
        return None
    own = d.own or c.named(args.from_objects(verb))
    # "Navalny was arrested on charges": the passive's subject is in that state; "Two people
    # were killed and nine injured in a knife attack": a passive conjunct shares its subject
    undergoers = args.befallen_heads(verb) or args.verb_actor_heads(verb)
    return d._replace(undergoer=verb, own=own, recipient_heads=tuple(undergoers))


def support_verb_subject(c: Context, d: Draft) -> Draft | None:
    if d.own or d.undergoer is not None or not c.has_support_verb:
        return None
    return d._replace(actor_heads=tuple(args.verb_actor_heads(c.clause)))


def means_of_an_act(c: Context, d: Draft) -> Draft | None:
    """ "acquired their property through expropriation", "took power by a coup": who does the act
    does the means."""
    if d.own or d.actor_heads or c.has_support_verb or c.trigger.dep_ != "pobj":
        return None
    preposition = c.trigger.head
    verb = preposition.head
    if preposition.lower_ not in MEANS_PREPOSITIONS or verb.pos_ != "VERB":
        return None
    return d._replace(actor_heads=tuple(args.verb_actor_heads(verb)))


def noun_recipient(c: Context, d: Draft) -> Draft | None:
    with_of = bool(d.own or d.actor_heads)
    heads = args.nominal_recipient_heads(c.trigger, with_of=with_of)
    return d._replace(recipient_heads=d.recipient_heads + tuple(heads))


def harmed_in_an_attack(c: Context, d: Draft) -> Draft | None:
    """ "The ambassador was cut on her lip and hands in the blast", "Two men were wounded in
    the shelling": whom a passive act done in an attack befell is whom the attack was done to
    (the converse of arguments.verb_actor_heads, where the attack's owner is the passive's
    doer). One hop: the attack's preposition hangs on a passive the lexicon codes as an attack
    itself ("killed", "wounded"), with no "by" of its own."""
    noun = c.trigger
    if d.type != "ASSAULT" or d.undergoer is not None or noun.dep_ != "pobj":
        return None
    preposition = noun.head
    verb = preposition.head
    if preposition.lower_ not in args.CIRCUMSTANCE_PREPOSITIONS or verb.pos_ != "VERB":
        return None
    if c.types.get(verb.i) != "ASSAULT" or any(
        args.first_child(v, {"agent"}) is not None for v in (verb, *verb.conjuncts)
    ):
        # "it is being decided in these battles": no harm; "During the war, 113 churches have
        # been destroyed or damaged by Russian shelling": the "by" names what did it (the
        # parser hangs it on the last conjunct), the war is when
        return None
    harmed = tuple(h for h in args.befallen_heads(verb) if h.i != noun.i)
    if not harmed:
        return None
    return d._replace(recipient_heads=(*harmed, *d.recipient_heads))


def _death_caused_by(attack: Token) -> Token | None:
    """The verb of dying an attack caused: "died from an air strike", "died in the explosion",
    "died because of Russian strikes", "died as a result of Russian artillery shelling"."""
    if attack.dep_ != "pobj":
        return None
    preposition = attack.head
    if (
        preposition.lower_ == "of"
        and preposition.head.lower_ == "result"
        and preposition.head.dep_ == "pobj"
        and preposition.head.head.lower_ == "as"
    ):
        preposition = preposition.head.head  # "as a result of": "as" hangs on the verb
    elif preposition.lower_ not in DEATH_CAUSE_PREPOSITIONS | args.CIRCUMSTANCE_PREPOSITIONS:
        return None
    verb = preposition.head
    return verb if verb.pos_ == "VERB" and verb.lemma_.lower() in DEATH_VERBS else None


def died_of_an_attack(c: Context, d: Draft) -> Draft | None:
    """ "She died as a result of Russian artillery shelling", "who died from an air strike",
    "Two people died in the explosion": whoever died of an attack is whom it was done to, before
    the place or building it hit ("They died as a result of the Russian shelling of an
    apartment building": the dead are its target; dev zelenskyy-120, zelenskyy-228). The
    intransitive counterpart of harmed_in_an_attack; GUIDELINES.md "Fields": a pronoun is
    the actor it refers to."""
    if d.type != "ASSAULT" or d.undergoer is not None:
        return None
    verb = _death_caused_by(c.trigger)
    if verb is None:
        return None
    subject = args.first_child(verb, {"nsubj"})
    if subject is None and verb.dep_ == "conj":
        subject = args.first_child(verb.head, {"nsubj"})  # "who fought and died from a strike"
    if subject is None:
        return None
    if subject.lower_ in args.RELATIVE_PRONOUNS:
        subject = args.resolve_relative(subject)  # "the children who died because of strikes"
    if subject.i == c.trigger.i:
        return None
    return d._replace(recipient_heads=(subject, *d.recipient_heads))


def contained_act(c: Context, d: Draft) -> Draft | None:
    """ "We feel a sense of solidarity with Russia", "I will bring a message of friendship":
    an act held in a noun that conveys it (data: arguments.container_nouns) is done by who
    feels, brings or expresses the container; with no recipient of its own, the conveying
    verb's "to" says whom it goes to ("To the people of Kenya, I will bring a message of ...")."""
    noun = c.trigger
    if d.own or d.actor_heads or noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return None
    container = noun.head.head
    verb = container.head
    if (
        container.lemma_.lower() not in CONTAINER_NOUNS
        or container.dep_ != "dobj"
        or verb.pos_ not in {"VERB", "AUX"}
    ):
        return None
    recipients = d.recipient_heads or tuple(args.prep_objects(verb, ("to",)))
    return d._replace(actor_heads=tuple(args.verb_actor_heads(verb)), recipient_heads=recipients)


def _expressing_verb(verb: Token) -> bool:
    """A verb whose subject does the act its object names: a support verb of the lexicon or a
    verb of stating or offering (data: rules.expressing_verbs), not one whose subject undergoes
    the act ("faced criticism", "repel attacks": patterns.UNDERGO_VERBS)."""
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() in patterns.UNDERGO_VERBS:
        return False
    return verb.lemma_.lower() in EXPRESSING_VERBS or is_support_verb(verb)


def expressed_act(c: Context, d: Draft) -> Draft | None:
    """ "The Prime Minister of Denmark stated readiness to support", "Bush held out the prospect
    of more aid to Jordan": a nominal act with no doer of its own that a verb of stating,
    offering or supporting takes as its object, or holds in the "of" phrase of a word that is no
    event itself, is its subject's (PLOVER manual, "actor and recipient": the actor initiates
    the event; records DECISIONS.md D7, D24: a stated readiness or commitment is its stater's
    AGREE; arguments.py: a nominal event's doer is the subject of its support verb).
    Not a verb of judging or undergoing another's act ("condemning this war crime", "repel
    enemy attacks"): those are not in the lists."""
    if d.own or d.actor_heads or d.undergoer is not None or c.has_support_verb:
        return None
    noun = c.trigger
    while noun.dep_ == "conj" and noun.head.pos_ in {"NOUN", "PROPN"}:
        noun = noun.head  # "expressed their support and solidarity"
    if noun.dep_ == "compound" and noun.head.pos_ in {"NOUN", "PROPN"}:
        noun = noun.head  # "lend security assistance"
    if (
        noun.dep_ == "pobj"
        and noun.head.lower_ in {"of", "for"}
        and c.types.get(noun.head.head.i) is None  # "launched an investigation of the attack"
        and d.type in EXPRESSED_TYPES
    ):
        noun = noun.head.head  # "held out the prospect of more aid"
    verb = noun.head
    if noun.dep_ != "dobj" or not _expressing_verb(verb):
        return None
    return d._replace(actor_heads=tuple(args.verb_actor_heads(verb)))


def investigators_agency(c: Context, d: Draft) -> Draft | None:
    """ "investigators with Kentucky State Police", "investigators from the FBI", "investigators
    in Canada": the agency a preposition names is the investigators' own, and an investigation
    whose culprit is not named has no target (records DECISIONS.md D54). With no agency named,
    the investigators are the actor when they are one ("Investigators had interviewed ...")."""
    if c.lemma not in INVESTIGATOR_NOUNS:
        return None
    own = d.own or c.named(d.recipient_heads) or c.named([c.trigger])
    return d._replace(own=own, recipient_heads=())


def investigators_not_at_work(c: Context, d: Draft) -> Draft | None:
    """Investigators are a mention of an investigation only where the sentence reports them at
    work ("Investigators had interviewed hundreds of residents", "arson investigators were on
    scene": the clause's subject, D54); not the object of another act ("sent investigators to
    the two countries"), and not where another word codes their act ("Investigators identified
    a suspect", "have been searching for Kopp"), and not when they only speak ("Investigators did
    not say how close the weapon was")."""
    if c.lemma not in INVESTIGATOR_NOUNS:
        return None
    trigger = c.trigger
    working = trigger.dep_ in args.SUBJECT_DEPS and trigger.head.lemma_.lower() not in args.SAYING
    own_act = any(
        i != c.trigger.i and kind in INVESTIGATOR_ACT_TYPES for i, kind in c.types.items()
    )
    return d._replace(dropped=True) if own_act or not working else None


def support_verb_objects(c: Context, d: Draft) -> Draft | None:
    if not c.has_support_verb:
        return None
    objects = [
        h
        for h in args.verb_recipient_heads(c.clause)
        if h.i != c.trigger.i
        # "a suit filed in federal court", "talks held at the ministry": where, not with whom
        and not (h.dep_ == "pobj" and h.head.lower_ in args.PLACE_PREPOSITIONS)
    ]
    return d._replace(recipient_heads=d.recipient_heads + tuple(objects))


def _judged(label: Token) -> list[Token]:
    """What a judging label judges: the act an adjective qualifies ("Kiev's destructive
    policy", "a deliberate and criminal attempt"), the subject of the copula the label completes
    ("the operation is cynical", "Finland is our reliable partner"), the object a verb takes "as"
    the label ("view Russia as a close friend"), the object a verb names by it ("calling the
    prime minister a traitor"), or the label itself ("the crime of the occupiers"). An adjective on a noun of no act ("criminal gangs") judges nothing."""
    word = label
    if label.pos_ == "ADJ":
        while word.dep_ == "conj" and word.head.pos_ == "ADJ":
            word = word.head  # "deliberate and criminal attempt"
        if word.dep_ == "amod":
            noun = _framed(word.head)  # "the provocative nature of the exercises"
            if noun.lemma_.lower() not in JUDGED_ACTS and match(noun, "noun") is None:
                return []
            word = noun
        elif word.dep_ != "acomp":
            return []
    while word.dep_ in {"conj", "appos"} and word.head.pos_ in {"NOUN", "PROPN", "ADJ"}:
        # "a close friend and partner", "a priority, a close friend", "delusional and a liar"
        word = word.head
    if label.pos_ != "ADJ":
        word = _counted_in(word)  # "Tajikistan is one of our most reliable allies"
    framing = _framing(word) if label.pos_ != "ADJ" else None
    if framing is not None:
        # "their repeated acts of terrorism", "the campaign of lies launched by Western
        # countries", "a deliberate step, a manifestation of hatred": the label names the
        # conduct of the noun that frames it, and judges what that noun is said of (D26)
        word = framing
        while word.dep_ in {"conj", "appos"} and word.head.pos_ in {"NOUN", "PROPN"}:
            word = word.head
    if word.dep_ in {"attr", "acomp"} and word.head.lemma_.lower() in COPULAS:
        return [t for t in word.head.children if t.dep_ == "nsubj"]
    if word.dep_ == "oprd":
        # "calling the prime minister a traitor", "they will be called the Nazi state"
        return [t for t in word.head.children if t.dep_ in {"dobj", "nsubjpass"}]
    if word.dep_ == "pobj" and word.head.lower_ == "as":
        # "view Russia as a close friend", "described the attack as vile misconduct"
        return [t for t in _labelling_verb(word.head).children if t.dep_ == "dobj"]
    # "considers the invasion a violation": the small clause's subject is what is judged
    return [t for t in word.children if t.dep_ == "nsubj"] or [word]


def _partitive_count(word: Token) -> Token | None:
    """The count whose partitive "of" names ``word`` ("one of our allies", "one of Russia's
    most heinous war crimes"), else None."""
    prep = word.head
    if word.dep_ != "pobj" or prep.lower_ != "of" or prep.dep_ != "prep":
        return None
    return prep.head if prep.head.pos_ == "NUM" else None


def _counted_in(word: Token) -> Token:
    """The count a label is one of when that count completes a copula whose subject names the
    one judged ("Tajikistan is one of our most reliable, loyal and close allies": Tajikistan is
    the ally praised), else the label: under a pointing subject ("This is one of Russia's
    crimes") the label's own doer stays the one judged."""
    count = _partitive_count(word)
    if count is None or count.dep_ != "attr" or count.head.lemma_.lower() not in COPULAS:
        return word
    subjects = [t for t in count.head.children if t.dep_ == "nsubj"]
    if not subjects or any(t.lower_ in POINTING_WORDS for t in subjects):
        return word
    return count


def _framing(word: Token) -> Token | None:
    """The noun that frames a conduct a label names in its "of" ("acts of terrorism", "a
    campaign of lies", "a manifestation of hatred"), else None."""
    prep = word.head
    if word.dep_ != "pobj" or prep.lower_ != "of" or prep.dep_ != "prep":
        return None
    noun = prep.head
    return noun if noun.lemma_.lower() in JUDGING_FRAMES else None


def _framed(noun: Token) -> Token:
    """The act a framing noun is said of ("the provocative nature of the large-scale
    exercises"): its "of" object when it frames one, else the noun itself."""
    if noun.lemma_.lower() not in JUDGING_FRAMES:
        return noun
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    return obj
    return noun


def _labelling_verb(as_word: Token) -> Token:
    """The verb an "as" labels the object of: its head, or, when the parser hangs the "as" on a
    noun of a clause the object governs ("described Hickson cutting off his legs as vile
    misconduct"), the nearest verb of stating above it."""
    head = as_word.head
    if head.pos_ in {"VERB", "AUX"}:
        return head
    # every head above, not the sayer's first STATING_HOPS: the "as" may hang deep inside the
    # object's own clause (kept as first written; no limit has been measured here)
    return patterns.stating_verb(head, hops=None) or head


def _act_doers(c: Context, act: Token) -> list[Token]:
    """Who does an act noun: its own actor ("Kiev's policy"), else the subject of the verb of
    doing it is the object of ("made another grave provocation", "Russia must stop
    provocations", "are acting in a cynical fashion")."""
    own = [h for h in args.nominal_actor_heads(act) if c.named([h])]
    if own:
        return own
    # "the hostile actions undertaken by the United States of America", "crimes committed by
    # the occupiers": the agent of a participle of doing the act did it (D11, D26)
    own = [
        p
        for part in act.children
        if part.dep_ == "acl" and part.tag_ == "VBN" and lemma(part) in DOING_VERBS
        for agent in part.children
        if agent.dep_ == "agent"
        for p in agent.children
        if p.dep_ == "pobj" and c.named([p])
    ]
    if own:
        return own
    verb = act.head
    if act.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif act.dep_ != "dobj":
        return []
    # "waging an inhumane war": the lexicon's lemma, whose lost "e" is restored ("wag" -> "wage")
    return args.verb_actor_heads(verb) if lemma(verb) in DOING_VERBS else []


def _doers(c: Context, judged: list[Token]) -> list[Token]:
    """Who did what a label judges: an act's own actor ("Kiev's policy", "violations by illegal
    armed groups", "the crime of the occupiers"), or the judged words themselves when they are no
    act ("the occupiers are barbaric")."""
    label = c.trigger
    doers: list[Token] = []
    for word in judged:
        if word.i == label.i and c.entry.type == "SUPPORT":
            # "a true friend of Ukraine": praise of no one the clause names; but "CSTO
            # peacekeepers have played a very important role", "the main role was played by
            # the leadership of Kazakhstan": the one who played it
            verb = label.head
            if label.dep_ in {"dobj", "nsubjpass"} and verb.lemma_.lower() in DOING_VERBS:
                doers.extend(args.verb_actor_heads(verb))
            continue
        act = (
            word.i == label.i
            or word.lemma_.lower() in JUDGED_ACTS
            or word.lemma_.lower() in JUDGING_FRAMES
            or match(word, "noun")
        )
        if not act:
            doers.append(word)
            continue
        doers.extend(_act_doers(c, word))
        if word.i == label.i:  # "the lie of the propagandists": a charge's "of" is whose
            doers.extend(
                p
                for prep in word.children
                if prep.dep_ == "prep" and prep.lower_ == "of"
                for p in prep.children
                if p.dep_ == "pobj" and args.names_people(p) and p.ent_type_ not in PLACE_ENTITIES
            )
    return doers


def _necessity_content(c: Context) -> Token | None:
    """The act an "it is necessary" states must be done: the "to" clause or "that" clause of the
    copula whose subject is a bare "it" ("it is necessary to impose", "It is important that
    diplomats stay"); None in any other use ("an important role", "this is necessary")."""
    adjective, copula = c.trigger, c.clause
    if adjective.dep_ != "acomp" or copula.lemma_.lower() not in COPULAS:
        return None
    if not any(t.dep_ in {"nsubj", "expl"} and t.lower_ == "it" for t in copula.children):
        return None
    for word in (*adjective.children, *copula.children):
        if word.dep_ == "xcomp" and word.pos_ in {"VERB", "AUX"}:
            return word
        if word.dep_ == "ccomp" and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in word.children
        ):
            return word
    return None


def necessity_of_no_act(c: Context, d: Draft) -> Draft | None:
    """ "an important role", "this is necessary", "it is important to note that", "is it
    necessary to ...?", "it was very important to sign the contracts" (a past need, no demand
    now), "it is better to have a home in Ukraine than abroad" (a comparison): no act demanded
    of anyone."""
    if c.trigger.lower_ not in NECESSITY_ADJECTIVES:
        return None
    content = _necessity_content(c)
    if content is None or content.lemma_.lower() in ASIDE_VERBS:
        return d._replace(dropped=True)
    if c.trigger.sent.text.rstrip().endswith("?") or c.clause.tag_ == "VBD":
        return d._replace(dropped=True)
    if any(t.lower_ == "than" for t in content.subtree):
        return d._replace(dropped=True)
    return None


def necessity_heads(c: Context, d: Draft) -> Draft | None:
    """ "It is important that diplomats stay in Ukraine": the demand is on the "that" clause's
    subject; "it is necessary to impose an embargo" names no one it asks (records DECISIONS.md
    D22: target []). The "it" is no actor."""
    if c.trigger.lower_ not in NECESSITY_ADJECTIVES:
        return None
    content = _necessity_content(c)
    if content is None:
        return None
    asked = [t for t in content.children if t.dep_ in args.SUBJECT_DEPS]
    if content.dep_ == "xcomp":
        asked = []
    return d._replace(actor_heads=(), recipient_heads=tuple(asked), own=())


def necessity_voice(c: Context, d: Draft) -> Draft | None:
    if d.actors or c.trigger.lower_ not in NECESSITY_ADJECTIVES:
        return None
    return d._replace(actors=tuple(patterns.sayer(c.doc, c.trigger)))


def _need_stated(need: Token) -> bool:
    """Whether a singular "need" with its "for" or "to" complement is stated: a verb of stating
    above it ("stated the need to begin talks", "spoke about the need for security
    guarantees"), a verb whose subject is a stating noun ("Emphasis was placed on the need for"),
    or "there is a need to"."""
    if need.tag_ != "NN":
        return False
    complement = any(
        (t.dep_ == "prep" and t.lower_ == "for")
        or (t.dep_ in {"acl", "relcl"} and any(a.lower_ == "to" for a in t.children))
        for t in need.children
    )
    if not complement:
        return False
    if need.dep_ == "attr" and any(t.dep_ == "expl" for t in need.head.children):
        return need.head.lemma_.lower() in COPULAS  # "there is a need to"
    # not patterns.stating_verb, which climbs past other verbs to the sayer of any words: here
    # the nearest verb above the need alone decides whether the need itself is stated ("said
    # they would meet the need for housing" states no need), with the need's own stating words
    # ("spoke about the need") or a stating noun as its subject ("Emphasis was placed on")
    for above in list(need.ancestors)[: patterns.STATING_HOPS]:
        if above.pos_ not in {"VERB", "AUX"}:
            continue
        if above.lemma_.lower() in patterns.STATING_VERBS | NEED_STATING_WORDS:
            return True
        return any(
            t.dep_ in {"nsubj", "nsubjpass"} and t.lemma_.lower() in NEED_STATING_WORDS
            for t in above.children
        )
    return False


def need_of_no_statement(c: Context, d: Draft) -> Draft | None:
    """ "the needs of the population", "people in need", "if the need arises": no one asked.
    The noun "need" is a demand only stated with what must be done (records DECISIONS.md D22:
    "there was a need", "stressed the need" are REQUEST): "With this in mind, Vladimir Putin
    stated the need to immediately begin talks"."""
    if d.type != "REQUEST" or c.lemma not in NEED_NOUNS:
        return None
    return None if _need_stated(c.trigger) else d._replace(dropped=True)


def need_heads(c: Context, d: Draft) -> Draft | None:
    """ "Vladimir Putin stated the need to begin talks": the need's own modifiers ("our need")
    are who needs, not who is asked; the one asked is the agent of the act needed ("the need
    for a full implementation of the Minsk Package by the Ukrainian authorities"), else no one
    (D22; a readout's goes to the call partner, D106)."""
    if d.type != "REQUEST" or c.lemma not in NEED_NOUNS:
        return None
    acts = [
        a for p in c.trigger.children if p.dep_ == "prep" and p.lower_ == "for" for a in p.children
    ]
    asked = tuple(
        g
        for act in acts
        for by in act.subtree
        if by.lower_ == "by" and by.dep_ in {"prep", "agent"}
        for g in by.children
        if g.dep_ == "pobj"
    )
    return d._replace(actor_heads=(), recipient_heads=asked[:1], own=())


def need_voice(c: Context, d: Draft) -> Draft | None:
    """ "Vladimir Putin stated the need to begin talks": who states the need demands it (D22);
    the need itself names no one asked (a readout's goes to the call partner, D106)."""
    if d.type != "REQUEST" or c.lemma not in NEED_NOUNS or d.actors:
        return None
    # "Emphasis was placed on the need": a readout's agentless remark is its principal's (D73)
    said = patterns.sayer(c.doc, c.trigger) or implicit.readout_principal(c.doc, c.trigger)
    return d._replace(actors=tuple(said))


def honour_felt(c: Context, d: Draft) -> Draft | None:
    """ "your invitation is a great honour for me", "I always consider a personal meeting with
    you a great honour for me": who feels the honour ("for me", else the speaker) thanks the one
    addressed ("you", "your"), not the other way round."""
    if d.type != "SUPPORT" or c.lemma not in HONOUR_NOUNS:
        return None
    trigger = c.trigger
    feeler = tuple(
        g
        for p in trigger.children
        if p.dep_ == "prep" and p.lower_ == "for"
        for g in p.children
        if g.dep_ == "pobj"
    )
    addressed = tuple(t for t in trigger.sent if t.lower_ in SECOND_PERSON)
    return d._replace(actor_heads=feeler, recipient_heads=addressed, own=())


def judged_doer(c: Context, d: Draft) -> Draft | None:
    if d.type not in JUDGING_TYPES or c.lemma not in JUDGING_LABELS:
        return None
    if c.kind == "verb":
        if any(t.dep_ == "dobj" for t in c.trigger.children):
            return None  # "critics savaged the plan": a verb of criticism, its object the target
        # "Moxon proceeded to lie to Daniel", "those who lie to you": a label said as a verb
        # charges its own subject (D11 "the occupiers are lying"), not whom it is told to
        doers = args.verb_actor_heads(c.trigger)
        return d._replace(own=(), actor_heads=(), recipient_heads=tuple(doers))
    judged = _judged(c.trigger)
    doers = _doers(c, judged)
    if not doers:
        for word in judged:
            verb = _faced_by(word)
            if verb is not None:
                # "the despicable comments she has faced": aimed at her, by no one named
                faced = args.verb_actor_heads(verb)
                return d._replace(
                    own=(), actor_heads=(), recipient_heads=tuple(faced), undergoer=verb
                )
    return d._replace(own=(), actor_heads=(), recipient_heads=tuple(doers))


def _faced_by(act: Token) -> Token | None:
    """The relative clause that says who underwent a judged act ("the hateful comments she has
    faced", "the abuse he suffered"): a verb of undergoing with no object of its own."""
    if act.lemma_.lower() not in JUDGED_ACTS and match(act, "noun") is None:
        return None
    for verb in act.children:
        if (
            verb.dep_ == "relcl"
            and verb.lemma_.lower() in patterns.UNDERGO_VERBS
            and not any(t.dep_ == "dobj" for t in verb.children)
        ):
            return verb
    return None


def heads_named(c: Context, d: Draft) -> Draft | None:
    own = c.kind == "noun" and d.own
    actors = d.own if own else c.named(d.actor_heads)
    return d._replace(actors=actors, recipients=c.named(d.recipient_heads))


# -- actors: when the heads name nobody ----------------------------------------------------------


def pronoun_speaker(c: Context, d: Draft) -> Draft | None:
    if d.actors or not d.actor_heads or not all(h.pos_ == "PRON" for h in d.actor_heads):
        return None
    return d._replace(actors=c.named(args.speaker_heads(c.clause)))


def implicit_speaker(c: Context, d: Draft) -> Draft | None:
    if d.actors:
        return None
    return d._replace(actors=tuple(implicit.speaker(c.doc, c.clause)))


def _charged(holder: Token) -> list[Token]:
    """Who is charged, sentenced or convicted by ``holder``: the passive's subject or the
    object ("Smith was charged", "police charged Smith"), the subject of "found/pleaded guilty",
    or whoever serves, faces or has the sentence or charge ("Amir is serving a sentence")."""
    if holder.pos_ == "ADJ":  # "was found guilty of", "pleaded guilty to"
        holder = holder.head
    if holder.pos_ == "NOUN":
        owner = [t for t in holder.children if t.dep_ == "poss"]
        if owner:
            return owner
        if holder.dep_ != "dobj":
            return []
        return [t for t in holder.head.children if t.dep_ in {"nsubj", "nsubjpass"}]
    for deps in (("nsubjpass",), ("dobj",), ("nsubj",)):
        found = [t for t in holder.children if t.dep_ in deps]
        if found:
            return found
    return []


def charged_doer(c: Context, d: Draft) -> Draft | None:
    """ "was charged with the murder of X", "is serving a sentence for the assassination of
    Rabin", "found guilty of murder": who is charged or convicted did the crime the charge names
    (as the charge says; the records gold makes them its source)."""
    trigger = c.trigger
    if d.actors or trigger.dep_ != "pobj" or trigger.head.lower_ not in CHARGE_PREPOSITIONS:
        return None
    holder = trigger.head.head
    if holder.lemma_.lower() not in CHARGE_WORDS:
        return None
    charged = _charged(holder)
    return d._replace(actors=c.named(charged)) if charged else None


def crime_naming_a_charge(c: Context, d: Draft) -> Draft | None:
    """ "facing an attempted murder charge": the crime only names the charge, which is the event;
    so too "arson investigators", "the bombing investigators": it names their case."""
    trigger = c.trigger
    if trigger.dep_ != "compound" or trigger.head.lemma_.lower() not in (
        CHARGE_NOUNS | INVESTIGATOR_NOUNS
    ):
        return None
    return d._replace(dropped=True)


def judging_voice(c: Context, d: Draft) -> Draft | None:
    if d.actors or d.type not in JUDGING_TYPES:
        return None
    if (
        c.lemma not in JUDGING_LABELS
        and c.lemma not in BLAMING_VERBS
        and c.lemma not in POSING_VERBS
    ):
        return None
    if d.undergoer is not None:  # "the despicable comments she has faced": theirs, not hers
        return None
    said = patterns.sayer(c.doc, c.trigger) or implicit.readout_principal(c.doc, c.trigger)
    return d._replace(actors=tuple(said))


def _blamed_causers(c: Context) -> list[Token]:
    """Who a verb of causing blames for a harm: "the migration crisis caused by Belarus", "one
    person in Moscow had not caused this catastrophe" (the named causer, or the named doer of
    the causing act: "caused by Kiev's unwillingness"). None when the thing caused is no harm
    ("caused flights to be cancelled"), the causer names no one ("caused by poor visibility"),
    or the causer is an attack ("the destruction caused by Russian strikes": the attack's own
    event codes the harm, and the gold has no charge there)."""
    verb = c.trigger
    agents = [p for a in verb.children if a.dep_ == "agent" for p in a.children]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        harms, causes = [verb.head], agents
    elif agents:  # "The threat is posed by Ukrainian nationalists": the passive's subject
        harms, causes = [t for t in verb.children if t.dep_ == "nsubjpass"], agents
    else:
        harms = [t for t in verb.children if t.dep_ == "dobj"]
        causes = [t for t in verb.children if t.dep_ == "nsubj"]
    # a verb of posing says its own harm ("poses a threat"), a verb of causing any harm
    harm_words = POSED_HARMS if c.lemma in POSING_VERBS else BLAMED_HARMS
    if not any(h.lemma_.lower() in harm_words for h in harms):
        return []
    doers: list[Token] = []
    for cause in causes:
        if cause.lemma_.lower() in args.ATTACK_NOUNS or c.types.get(cause.i) == "ASSAULT":
            return []
        if cause.pos_ == "NOUN" and not c.named([cause]):
            doers.extend(h for h in args.nominal_actor_heads(cause) if c.named([h]))
        elif c.named([cause]):
            doers.append(cause)
    return doers


def blamed_cause(c: Context, d: Draft) -> Draft | None:
    """Causing a harm is blame: ACCUSE by whoever says it against the causer (PLOVER manual:
    ACCUSE 'accuse, blame'; CAMEO 112; D11), not an act of the causer's own; so is posing a
    threat ("The threat is posed by Ukrainian nationalists": D26, ``rules.posing_verbs``)."""
    if (c.lemma not in BLAMING_VERBS and c.lemma not in POSING_VERBS) or d.type != "ACCUSE":
        return None
    doers = _blamed_causers(c)
    if not doers:
        return None
    return d._replace(own=(), actor_heads=(), recipient_heads=tuple(doers))


def _displeasure_doers(c: Context) -> list[Token]:
    """Whose act an adjective of displeasure is about: the named actor its preposition takes
    ("furious with Washington"), or the named doer of the act it takes ("angry about Burton's
    subpoena", "frustrated by Reno's failure to set a new deadline"); none for a thing no actor
    did ("upset about the weather") or with no preposition ("the angry crowd")."""
    doers: list[Token] = []
    for prep in c.trigger.children:
        if prep.dep_ not in {"prep", "agent"} or prep.lower_ not in DISPLEASURE_PREPOSITIONS:
            continue
        for cause in prep.children:
            if cause.dep_ != "pobj":
                continue
            if cause.pos_ == "NOUN" and not c.named([cause]):
                doers.extend(h for h in args.nominal_actor_heads(cause) if c.named([h]))
            elif c.named([cause]):
                doers.append(cause)
    return doers


def displeasure_cause(c: Context, d: Draft) -> Draft | None:
    """ "Elian's father was angry about Burton's subpoena", "Cuban authorities are frustrated by
    Reno's failure to set a new deadline": displeasure said of an actor's act is disapproval,
    ACCUSE by the one displeased (the adjective's subject) against the doer (PLOVER manual:
    ACCUSE 'disapprove'; CAMEO 111 Criticize or denounce; records DECISIONS.md D26: an
    evaluative claim about a named actor). Displeasure at no actor's act accuses no one."""
    if d.type != "ACCUSE" or c.lemma not in DISPLEASURE_ADJECTIVES:
        return None
    doers = _displeasure_doers(c)
    if not doers:
        return d._replace(dropped=True)
    return d._replace(recipient_heads=tuple(doers))


def cause_of_no_blame(c: Context, d: Draft) -> Draft | None:
    """ "The poor visibility caused a dozen flights to be cancelled", "the destruction caused by
    Russian strikes": a cause that names no one, or an attack, or no harm, blames no one."""
    if c.lemma not in BLAMING_VERBS or d.type != "ACCUSE" or _blamed_causers(c):
        return None
    return d._replace(dropped=True)


def responsibility_for_no_harm(c: Context, d: Draft) -> Draft | None:
    """ "IRA commanders are responsible for the recent bomb attacks", "James Kopp is
    responsible for the death of Dr. Barnett Slepian": being responsible for a harm is blame,
    ACCUSE by whoever says it against the one responsible (PLOVER manual: ACCUSE 'accuse,
    blame'; CAMEO 112; D11). Responsibility for anything else ("responsible for security",
    "responsible for the talks") blames no one, and "held responsible" is the verb's own row."""
    if c.lemma != "responsible" or d.type != "ACCUSE":
        return None
    label = c.trigger
    if label.dep_ == "oprd" or label.head.lemma_.lower() == "hold":
        return d._replace(dropped=True)
    harms = [
        h
        for prep in label.children
        if prep.dep_ == "prep" and prep.lower_ == "for"
        for p in prep.children
        if p.dep_ == "pobj"
        for h in (p, *p.conjuncts)
    ]
    if any(h.lemma_.lower() in BLAMED_HARMS or c.types.get(h.i) == "ASSAULT" for h in harms):
        return None
    return d._replace(dropped=True)


def judgement_of_no_one(c: Context, d: Draft) -> Draft | None:
    """A label that names no doer accuses no one ("crime rates", "a criminal case", "This is a
    breach" with "this" unresolved): the records gold's accusations name their target (D26)."""
    if d.type not in JUDGING_TYPES or c.lemma not in JUDGING_LABELS or d.recipients:
        return None
    if d.type == "ACCUSE" and points_back(c.trigger):
        return None  # "This is a military crime": the article's attacker (events.discourse)
    if d.type == "ACCUSE" and d.actors and _in_an_address(c) and _tells_a_deed(c.trigger):
        # "The UN Charter does not provide any rights for terrorists", "Everything that the
        # invaders are doing to Mariupol is beyond atrocities": a charge in a wartime address
        # whose doer the sentence leaves unnamed is the speaker's charge against the address's
        # attacker (records DECISIONS.md D11, D26; D41/D84 lend an address's attacker to its
        # agentless acts). events.discourse gives it that attacker, or drops it when there is none
        return None
    agents = c.named(_label_agents(c.trigger)) if d.type == "ACCUSE" else ()
    if agents:
        # "the campaign of lies and disinformation launched by Western countries", "in violation
        # of international law, the reserves were frozen by the EU member states": the label's
        # doer is the "by" agent of the act it names or qualifies: a charge naming its target (D26)
        return d._replace(recipients=agents)
    return d._replace(dropped=True)


def _label_agents(label: Token) -> list[Token]:
    """The "by" agents a judging label's act has: of the label or a conjunct ("terrorism by
    anti-choice fanatics", "lies and disinformation launched by Western countries"), of the noun
    whose "of" phrase it is ("the campaign of lies ... launched by", "in the face of terrorism by
    ..."), else of the verb its prepositional phrase qualifies ("in violation of international
    law, the reserves were frozen by the EU member states")."""
    nouns = [label, *label.conjuncts]
    if label.dep_ == "pobj" and label.head.lower_ == "of" and label.head.head.pos_ == "NOUN":
        nouns.append(label.head.head)
    found: list[Token] = []
    for noun in nouns:
        found.extend(args.prep_objects(noun, ("by",)))
        for part in noun.children:
            if part.dep_ == "acl" and part.pos_ == "VERB":
                found.extend(args.from_agent(part))
    clause = label.head.head if label.dep_ == "pobj" and label.head.dep_ == "prep" else None
    if not found and clause is not None and clause.pos_ == "VERB":
        found.extend(args.from_agent(clause))
    return found


def _tells_a_deed(label: Token) -> bool:
    """Whether a label charges a deed of its own: not a kind ("any lies", "no lies"), and not
    the doer another label names ("this lie of the propagandists": the lie is the charge)."""
    if any(w.dep_ == "det" and w.lower_ in GENERIC_DETERMINERS for w in label.children):
        return False
    holder = label.head.head if label.dep_ == "pobj" and label.head.lower_ == "of" else None
    return holder is None or holder.lemma_.lower() not in JUDGING_LABELS


def _in_an_address(c: Context) -> bool:
    """Whether the trigger is in an address: a voice with no addressee (one speaker to the
    nation, :func:`dateline.events.implicit.address_attacker`)."""
    voice = c.doc.voice_at(c.trigger.idx)
    return voice is not None and voice.addressee is None


def points_back(label: Token) -> bool:
    """Whether a judging label judges an act told before by a demonstrative: the subject of its
    copula ("This is definitely a military crime", "This is a deliberate and criminal attempt")
    or its own determiner ("For this crime there will be a tribunal", "All these crimes")."""
    judged = _judged(label)
    if any(w.lower_ in POINTING_WORDS and w.pos_ in {"PRON", "DET"} for w in judged):
        return True
    return any(w.dep_ == "det" and w.lower_ in POINTING_WORDS for w in label.children)


def justice_agent(c: Context, d: Draft) -> Draft | None:
    if d.actors:
        return None
    hunted = "sought suspect" in d.fired  # "Kopp is being sought as a material witness"
    agent = implicit.justice_agent(c.doc, c.trigger, d.type, hunted=hunted)
    return d._replace(actors=tuple(agent))


def appeal_for_witnesses(c: Context, d: Draft) -> Draft | None:
    """ "Anyone with information is urged to call police": the force to be called makes the
    appeal, to the people the passive names (records DECISIONS.md D57)."""
    if d.actors or d.type != "REQUEST" or c.kind != "verb":
        return None
    addressed = [t for t in c.trigger.children if t.dep_ == "nsubjpass"]
    contact = next(
        (x for x in c.trigger.children if x.dep_ == "xcomp" and x.lemma_.lower() in CONTACT_VERBS),
        None,
    )
    if not addressed or contact is None:
        return None
    called = c.named([o for o in contact.children if o.dep_ == "dobj"])
    force = tuple(
        arg
        for arg in called
        if all(
            (a := c.doc.extraction.actor(i)) is not None and a.sector == "COP" for i in arg.actors
        )
    )
    if not force:
        return None
    return d._replace(actors=force, recipients=c.named(addressed))


def thanked_for(c: Context, d: Draft) -> Draft | None:
    if d.actors:
        return None
    return d._replace(actors=c.named(implicit.thanked_for(c.trigger)))


def meeting_parties_subject(c: Context, d: Draft) -> Draft | None:
    heads = list(d.actor_heads)
    actors = d.actors
    if (
        actors
        and implicit.said_by_parties(heads)
        and all(implicit.said_by_parties([h]) for h in heads)
    ):
        actors = ()
    return d._replace(actors=actors, parties=not actors and implicit.said_by_parties(heads))


def parties_own(c: Context, d: Draft) -> Draft | None:
    # the support verb's subject ("reaffirmed their intention"), or the subject of the verb whose
    # object the noun is ("confirmed their intention", "stressed their intention")
    verb = c.clause if c.has_support_verb else c.trigger.head
    if c.kind == "noun" and implicit.important_to_parties(c.trigger):
        # "the leaders noted the importance of joint work": the parties' own act (D102)
        return d._replace(actors=(), own=(), parties=True)
    if c.kind != "noun" or (not c.has_support_verb and c.trigger.dep_ != "dobj"):
        return None
    if not implicit.owned_by_parties(c.trigger, verb):
        return None
    return d._replace(actors=(), own=(), parties=True)


def done_together(c: Context, d: Draft) -> Draft | None:
    if d.type not in JOINT_TYPES or not implicit.done_together(c.trigger, list(d.actor_heads)):
        return None
    return d._replace(parties=True)


def talks_voice_party(c: Context, d: Draft) -> Draft | None:
    if d.actors or not d.recipients or d.type != "CONSULT" or c.trigger.pos_ != "NOUN":
        return None
    return d._replace(actors=tuple(implicit.voice_party(c.doc, c.trigger, list(d.recipients))))


# -- recipients: when the heads name nobody ------------------------------------------------------


def _recipient_is_open(c: Context, d: Draft) -> bool:
    """A verb other than a meeting ("discussed the situation in Ukraine" names a topic) whose
    recipients name nobody but its actors."""
    own_ids = {i for a in d.actors for i in a.actors}
    return d.type != "CONSULT" and not any(set(a.actors) - own_ids for a in d.recipients)


def object_target(c: Context, d: Draft) -> Draft | None:
    if not _recipient_is_open(c, d):
        return None
    found = patterns.object_targets(c.doc, c.trigger, d.type)
    return d._replace(recipients=tuple(found)) if found else None


def content_recipient(c: Context, d: Draft) -> Draft | None:
    if d.recipients or d.type not in CONTENT_GOVERNORS or not _recipient_is_open(c, d):
        return None
    recipients = d.recipients
    for child in (t for t in c.trigger.children if t.dep_ == "xcomp"):
        recipients = c.named(args.verb_recipient_heads(child))
        recipients = recipients or tuple(patterns.object_targets(c.doc, child, d.type))
    return d._replace(recipients=recipients)


def letter_addressee(c: Context, d: Draft) -> Draft | None:
    if d.recipients or d.type not in ADDRESSED_TYPES:
        return None
    return d._replace(recipients=c.named(patterns.addressees(c.trigger)))


def attacked_place(c: Context, d: Draft) -> Draft | None:
    if d.recipients or d.type not in PLACE_TARGET_TYPES:
        return None
    places = patterns.attacked_places(c.doc, list(d.recipient_heads))
    return d._replace(recipients=tuple(places))


def attacked_home_ground(c: Context, d: Draft) -> Draft | None:
    """ "Russian bombs are destroying cities", "They targeted the warehouses of agricultural
    enterprises", "They fire at evacuation routes": in an address (a voice), sites attacked with
    no place or actor named are the speaker's country's (records DECISIONS.md D9: "our
    country", "our people" are the speaker's country), unless the attacker is of that country."""
    if d.recipients or d.type not in PLACE_TARGET_TYPES:
        return None
    heads = [h for h in d.recipient_heads if h.lemma_.lower() in HOME_GROUND_NOUNS]
    voice = c.doc.voice_at(c.trigger.idx) if heads else None
    if voice is None:
        return None
    actors = {a.id: a for a in c.doc.extraction.actors}
    speaker = actors.get(voice.speaker)
    if speaker is None or speaker.country is None:
        return None
    countries = {a.country: a.id for a in actors.values() if a.kind == "country"}
    home = countries.get(speaker.country)
    attackers = {i for a in d.actors for i in a.actors}
    if home is None or any(actors[i].country == speaker.country for i in attackers if i in actors):
        return None
    return d._replace(recipients=(args.Argument(args.np_span(c.doc, heads[0]), (home,)),))


def own_people(c: Context, d: Draft) -> Draft | None:
    """ "I am grateful to our team", "I thank our defenders": people "our" owns are the speaker's
    country's (records DECISIONS.md D9: "our people", "our army" are the speaker's country or its
    forces). The actors stage resolves "our" to the speaker, who is also the act's source, so the
    phrase named no one else; its target is the speaker's country (not "our partners")."""
    if not d.recipients:
        return None
    own = {i for a in d.actors for i in a.actors}
    if not own or any(not set(a.actors) <= own for a in d.recipients):
        return None
    head = next(
        (
            h
            for h in d.recipient_heads
            if h.pos_ == "NOUN"
            and any(p.dep_ == "poss" and p.lower_ in FIRST_PLURAL for p in h.children)
            and h.lemma_.lower() not in OUTSIDE_OURS
            and (args.names_people(h) or h.lemma_.lower() in CREW_NOUNS)
        ),
        None,
    )
    if head is None:
        return None
    speakers = [
        actor
        for i in own
        if (actor := c.doc.extraction.actor(i)) is not None and actor.kind == "person"
    ]
    if len(speakers) != 1 or speakers[0].country is None:
        return None
    home = c.doc.extraction.country_actor(speakers[0].country)
    if home is None or home in own:
        return None
    return d._replace(recipients=(args.Argument(args.np_span(c.doc, head), (home,)),))


def blast_site(c: Context, d: Draft) -> Draft | None:
    if d.recipients or d.type != "ASSAULT":
        return None
    sites = c.named(patterns.blast_sites(c.trigger))
    own = {i for a in d.actors for i in a.actors}
    sites = tuple(a for a in sites if not set(a.actors) <= own)
    return d._replace(recipients=sites) if sites else None


def blast_toll_site(c: Context, d: Draft) -> Draft | None:
    """ "The car bomb attack at the U.S. embassy in Nairobi killed 253 people", "A car bombing
    outside the U.S. embassy in Tanzania killed 10 people": a verb of the toll whose subject is a
    blast with a site has that site as a target too (records gold: the embassy is the target)."""
    if d.type != "ASSAULT" or c.kind != "verb":
        return None
    subject = args.first_child(c.trigger, {"nsubj"})
    if subject is None or subject.pos_ != "NOUN":
        return None
    words = {subject.lemma_.lower()} | {t.lemma_.lower() for t in subject.lefts}
    if not words & patterns.BLAST_WORDS:
        return None  # "a car bomb attack", "the bombing": not "the attack on the village"
    sites = [
        o
        for prep in subject.children
        if prep.dep_ == "prep" and prep.lower_ in patterns.BLAST_SITE_PREPOSITIONS
        for o in prep.children
        if o.dep_ == "pobj"
    ]
    own = {i for a in d.actors for i in a.actors}
    have = {i for a in d.recipients for i in a.actors}
    found = tuple(a for a in c.named(sites) if not set(a.actors) <= own | have)
    return d._replace(recipients=d.recipients + found) if found else None


def denied_accusation(c: Context, d: Draft) -> Draft | None:
    """ "She also denied accusations made by Amir's brother", "Moscow rejected the criticism":
    an accusation naming no one else as its target that is denied or rejected was made against
    the one who denies it."""
    trigger = c.trigger
    if d.type != "ACCUSE" or trigger.dep_ != "dobj" or not _recipient_is_open(c, d):
        return None
    if c.types.get(trigger.head.i) != "REJECT":
        return None
    own = {i for a in d.actors for i in a.actors}
    denier = tuple(
        a for a in c.named(args.verb_actor_heads(trigger.head)) if not set(a.actors) <= own
    )
    return d._replace(recipients=denier) if denier else None


def own_forces(c: Context, d: Draft) -> Draft | None:
    if d.type != "REQUEST" or not patterns.unnamed_recipients(c.doc, list(d.recipients)):
        return None
    forces = patterns.own_forces(c.doc, list(d.actors), list(d.recipient_heads))
    return d._replace(recipients=tuple(forces)) if forces else None


# -- drop: triggers that code no event here ------------------------------------------------------


def asked_nothing(c: Context, d: Draft) -> Draft | None:
    """'"Imagine if we let that poison become normalized?" Jansen asked.': a question put,
    with nothing asked of anyone; "asked for help", "asked him to", "asked that" are requests."""
    if c.lemma not in ASKING_VERBS or d.type != "REQUEST":
        return None
    if any(t.dep_ in ASKED_DEPS for t in c.trigger.children):
        return None
    return d._replace(dropped=True)


def cancelled_thing(c: Context, d: Draft) -> Draft | None:
    """ "some flights cancelled due to poor visibility": a cancelled meeting or deal is REJECT,
    a cancelled flight or game is no political act; what is cancelled must be an act the
    lexicon knows (a visit, talks, a contract)."""
    if c.lemma not in CANCEL_VERBS or d.type != "REJECT":
        return None
    things = [t for t in c.trigger.children if t.dep_ in {"dobj", "nsubjpass"}]
    if not things and c.trigger.dep_ in {"acl", "relcl"} and c.trigger.tag_ == "VBN":
        things.append(c.trigger.head)  # "flights cancelled", "caused flights to be cancelled"
    if things and not any(match(t, "noun") is not None for t in things):
        return d._replace(dropped=True)
    return None


def intention_of_an_act(c: Context, d: Draft) -> Draft | None:
    """ "we plan to withdraw the remaining forces", "he plans to meet": the intended act is coded
    by its own word, which the intention makes future (an announced withdrawal, a meeting
    agreed); "had intended to be with the group", "the plans": no intention stated now; "I am
    planning to take part in the forum", "We intend to strengthen relations" stay AGREE (D7)."""
    trigger = c.trigger
    if c.lemma not in INTENTION_VERBS or c.kind != "verb":
        return None
    content = next((t for t in trigger.children if t.dep_ == "xcomp"), None)
    past = trigger.tag_ in {"VBD", "VBN"}
    if content is None or past or content.i in c.types:
        return d._replace(dropped=True)
    return None


def importance_stressed_together(c: Context, d: Draft) -> Draft | None:
    """ "the two leaders emphasised the importance of stepping up practical bilateral
    cooperation": stressed by a meeting's parties together, the importance is their own intention,
    coded on the act they intend (rule 'stated intention'), not a request of others; one speaker's
    "stressed the importance of further strengthening sanctions" stays REQUEST."""
    if c.kind != "verb" or d.type != "REQUEST":
        return None
    if not any(
        t.dep_ == "dobj" and t.lemma_.lower() in IMPORTANCE_NOUNS for t in c.trigger.children
    ):
        return None
    if not implicit.said_by_parties(args.verb_actor_heads(c.trigger)):
        return None
    return d._replace(dropped=True)


def continuing_no_promise(c: Context, d: Draft) -> Draft | None:
    """ "So we will continue our work", "we will continue to work in this respect": going on with
    the work, said of the future, is a stated intention (AGREE, D7). Not a continuing that is no
    promise ("the rescuers continued their work", "they continue to work") nor one whose work is
    an act of its own ("will continue to work together": the cooperation)."""
    if c.lemma not in CONTINUING_VERBS or d.type != "AGREE":
        return None
    children = list(c.trigger.children)
    if not any(t.dep_ == "aux" and t.lower_ in FUTURE_AUXILIARIES for t in children):
        return d._replace(dropped=True)
    if any(t.dep_ in {"xcomp", "dobj"} and t.i in c.types for t in children):
        return d._replace(dropped=True)
    return None if _continuing_party(c, children) else d._replace(dropped=True)


def _continuing_party(c: Context, children: list[Token]) -> bool:
    """Whether what goes on is parties' doing (support26): "we will continue" (the speaker's
    side, named or not), "Russia will continue", "our relations will continue and will develop"
    (ties; records DECISIONS.md D7). Not an act that is its own event ("our cooperation will
    continue", "the war will continue") nor a state of affairs ("the situation will continue")."""
    subjects = [t for t in children if t.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects or any(
        t.lemma_.lower() in CONTINUING_TIES or t.lower_ in args.FIRST_PERSON for t in subjects
    ):
        return True
    return not any(t.i in c.types for t in subjects) and bool(c.named(subjects))


def contribution_to_a_state(c: Context, d: Draft) -> Draft | None:
    """ "contributes to stronger peace, security and stability in the Central Asia", "which
    contributes to strengthening the capabilities of the Armed Forces", "taboos ... contribute to
    such incidents": contributing to a state of affairs gives no one anything (AID is material
    help to an actor). A contribution of something ("has contributed dlrs 3.2 million in
    assistance to the two countries") or to an actor ("contributed to the fund of the UN") stays.
    The noun too: "a necessary contribution to our common defense of freedom", "their
    contribution to their own security" go to a state of affairs that names no actor (its owner
    receives nothing)."""
    if d.type != "AID":
        return None
    children = list(c.trigger.children)
    if c.kind == "noun":
        if c.lemma not in CONTRIBUTING_NOUNS:
            return None
        goals = [g for t in children if t.dep_ == "prep" and t.lower_ == "to" for g in t.children
                 if g.dep_ == "pobj"]  # fmt: skip
        # "to our common defense", "to Ukraine's security": an owner names no receiver
        receivers = [g for g in goals if not any(t.dep_ == "poss" for t in g.children)]
        return d._replace(dropped=True) if goals and not c.named(receivers) else None
    if c.lemma not in CONTRIBUTING_VERBS or d.recipients:
        return None
    if any(t.dep_ in {"dobj", "nsubjpass"} for t in children):
        return None
    if not any(t.dep_ == "prep" and t.lower_ == "to" for t in children):
        return None
    return d._replace(dropped=True)


def leaving_no_one(c: Context, d: Draft) -> Draft | None:
    """ "he left sensitive documents at the apartment", "it left little more than the front
    steps", "had left his home of Chongqing", "The team planned to leave Nairobi on Thursday for
    Dar es Salaam", "leaving four men as the only contenders": no withdrawal from anyone. What is
    left must name an actor or a place ("left the church", "troops left Afghanistan", "leave a
    demilitarized buffer zone"), with nothing that makes it a journey on or a state left
    behind."""
    if c.lemma not in LEAVING_VERBS or c.kind != "verb" or d.type not in LEAVING_TYPES:
        return None
    children = list(c.trigger.children)
    if any(t.lower_ in LEAVING_COMPLEMENTS or t.dep_ in LEAVING_COMPLEMENTS for t in children):
        return d._replace(dropped=True)
    for prep in (t for t in children if t.dep_ == "prep" and t.lower_ == "for"):
        # "for Dar es Salaam", "for the city of Mariupol": a destination, not a purpose ("began
        # leaving Afghanistan for the initial troop withdrawal")
        places = [p for p in prep.subtree if p.ent_type_ in PLACE_ENTITIES]
        if places:
            return d._replace(dropped=True)
    left = [t for t in children if t.dep_ == "dobj"]
    if left and not c.named(left) and not any(_held_place(t) for t in left):
        return d._replace(dropped=True)
    return None


def talk_with_no_one(c: Context, d: Draft) -> Draft | None:
    """ "when I talk about signing such decrees", "what I'm talking about", "with one even
    talking of victory": one speaker talking about something to no partner is speech, no meeting
    (PLOVER manual CONSULT: a meeting or talks *between* actors; records DECISIONS.md D4). A
    partner ("talked to the students", "with President Biden", "talked them through") or a
    subject of two sides keeps the CONSULT: "we", "they" ("They also talked about ...", a
    readout's two leaders), a plural noun ("the parties") or a conjunction ("Putin and Macron")."""
    if d.type != "CONSULT" or c.lemma not in PARTNERLESS_TALK_VERBS or c.kind != "verb":
        return None
    for child in c.trigger.children:
        if child.dep_ in {"dobj", "dative"}:
            return None
        if child.dep_ == "prep" and child.lower_ in TALK_PARTNER_PREPOSITIONS:
            return None
    subject = args.first_child(c.trigger, {"nsubj"})
    if subject is None:
        # "want to talk", "started talking": the talk's subject is the governing verb's
        subject = args.first_child(c.trigger.head, {"nsubj"}) if c.trigger.dep_ == "xcomp" else None
    if subject is not None and (
        subject.lower_ in TALK_PLURAL_SUBJECTS
        or subject.tag_ in {"NNS", "NNPS"}
        or any(t.dep_ == "conj" for t in subject.children)
    ):
        return None
    return d._replace(dropped=True)


def toll_left_behind(c: Context, d: Draft) -> Draft | None:
    """ "The attack left one officer dead and three people wounded", "a stabbing spree in
    Guizhou province left two dead and 18 injured": the wounded an act left behind are its toll,
    no attack of their own (manual: ASSAULT; the act that left them is the event)."""
    if d.type != "ASSAULT" or c.kind != "verb" or c.trigger.tag_ != "VBN":
        return None
    verb = c.trigger.head
    if c.trigger.dep_ == "acl" and verb.dep_ == "conj":
        verb = verb.head  # "left one officer dead and three people wounded"
    elif c.trigger.dep_ != "conj":  # "left two dead and 18 injured"
        return None
    if lemma(verb) in LEAVING_VERBS and any(t.dep_ == "oprd" for t in verb.children):
        return d._replace(dropped=True)
    return None


def asylum_sought(c: Context, d: Draft) -> Draft | None:
    """ "laws banning illegal migrants from claiming asylum", "an application for asylum", "the
    UK asylum process", "92,000 asylum claims": asylum sought or processed is given by no one,
    no AID (manual: AID 'grant asylum'); "Ecuador has granted political asylum" stays."""
    if d.type != "AID" or c.lemma not in SOUGHT_AID_NOUNS:
        return None
    trigger = c.trigger
    if trigger.dep_ in {"compound", "nmod"}:  # "the asylum process", "asylum claims"
        return d._replace(dropped=True)
    governor = trigger.head
    if trigger.dep_ == "pobj" and governor.lower_ == "for":
        governor = governor.head  # "an application for asylum", "requests for asylum"
    elif trigger.dep_ != "dobj":
        return None
    return d._replace(dropped=True) if governor.lemma_.lower() in SEEKING_WORDS else None


def warning_of_no_act(c: Context, d: Draft) -> Draft | None:
    """ "The Met Office warned of cloudy weather", "BA warned that there would be knock-on
    delays": a forecast of a state of things threatens no one (records DECISIONS.md D25 'a danger
    with no actor ... is no event'). A warning to someone ("warned lawyers for Eddie Antar that
    ..."), of an act ("warning Iraq of military strikes"), with a doer ("warning that they won't
    stick around") or a condition ("if it doesn't back down") stays THREATEN."""
    if d.type != "THREATEN" or c.lemma not in ADVICE_VERBS:
        return None
    trigger = c.trigger
    if any(t.dep_ in {"dobj", "dative"} for t in trigger.children):
        return None
    if any(t.dep_ == "mark" and t.lower_ in CONDITIONAL_MARKS for t in trigger.subtree):
        return None
    impersonal = False
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if any(o.i in c.types or args.names_people(o) for o in objects):
                return None
            impersonal = impersonal or bool(objects)
        elif child.dep_ == "ccomp":
            if not any(g.dep_ == "expl" for g in child.children):
                return None
            impersonal = True
    return d._replace(dropped=True) if impersonal else None


def _held_place(word: Token) -> bool:
    return word.ent_type_ in PLACE_ENTITIES or word.lemma_.lower() in LEFT_PLACES


def conjoined_same_act(c: Context, d: Draft) -> Draft | None:
    """ "The bombings killed 259 people ... and injured more than 5,500", "police shot and
    killed the attacker": an attack verb joined to another, with no subject of its own, tells
    the toll of the same attack, one event. Not "fishermen rescued 700 and the navy saved 200"
    (a subject of its own), nor other types ("held a woman and forced her to work": two acts).
    A participle of the toll hung on the attack verb is the same attack too: "the bomb went off,
    killing 247 people"."""
    trigger = c.trigger
    if d.type not in CONJOINED_ACT_TYPES:
        return None
    if trigger.dep_ != "conj" and not (trigger.dep_ == "advcl" and trigger.tag_ == "VBG"):
        return None
    if c.types.get(trigger.head.i) != d.type:
        return None
    if any(t.dep_ in args.SUBJECT_DEPS or t.dep_ == "nsubjpass" for t in trigger.children):
        return None  # "A power station was hit and two warehouses were destroyed": two acts
    return d._replace(dropped=True)


def nothing_explosive_went_off(c: Context, d: Draft) -> Draft | None:
    """ "a bomb went off at the embassy" is a blast; "the alarm went off", "the car went off the
    road" are none: 'go off' is an attack only when what went off is an explosive (its subject,
    or the head of a compound subject: "the car bomb went off")."""
    if c.entry.pattern != "go off":
        return None
    subject = args.first_child(c.trigger, {"nsubj"})
    if subject is not None and subject.lemma_.lower() in EXPLOSIVE_NOUNS:
        return None
    return d._replace(dropped=True)


def fights_a_thing(c: Context, d: Draft) -> Draft | None:
    return d._replace(dropped=True) if patterns.fights_a_thing(c.doc, c.trigger) else None


def _intention_holders(c: Context) -> list[Token] | None:
    """Who states an intention to do the trigger's act, and so is to do it: "the two leaders
    confirmed their intention to improve the partnership". An importance stressed is the
    speakers' own intention only when the meeting's parties stress it ("the leaders emphasised
    the importance of stepping up cooperation"); one speaker stressing the importance of
    strengthening sanctions asks others to (REQUEST, records gold)."""
    found = patterns.stated_intention(c.trigger)
    if found is None:
        return None
    stating, noun = found
    holders = args.verb_actor_heads(stating)
    if noun.lemma_.lower() in IMPORTANCE_NOUNS and not implicit.said_by_parties(holders):
        return None
    return holders


def intended_act_holder(c: Context, d: Draft) -> Draft | None:
    if d.actor_heads:
        return None
    holders = _intention_holders(c)
    if d.own and not (holders and implicit.said_by_parties(holders)):
        return None
    # "the two leaders confirmed their intention to improve the Russia-Azerbaijan partnership":
    # the meeting's parties who state it are its actors, not the states the act's noun names
    # (records DECISIONS.md D4: what "the leaders" do, every party does; D7: an intention)
    return d._replace(actor_heads=tuple(holders), own=()) if holders else None


def stated_intention(c: Context, d: Draft) -> Draft | None:
    if d.reading is None:
        return None
    # "the leaders noted the importance of joint work": intended by the parties (D102: possible)
    if _intention_holders(c) is None and not implicit.important_to_parties(c.trigger):
        return None
    intended = FactualityReading("future", c.trigger.text, intended=True)
    return d._replace(reading=stronger(d.reading, intended))


def background_noun(c: Context, d: Draft) -> Draft | None:
    if c.lemma not in BACKGROUND_NOUNS or d.actors or d.recipients or d.parties:
        return None  # "the leaders stressed the intention to expand cooperation": theirs
    return d._replace(dropped=True)


def private_travel_or_contact(c: Context, d: Draft) -> Draft | None:
    """PLOVER's CONSULT is a visit or contact between actors: a journey or a contact with nobody
    named ("one more trip around Havana", "residents arrived in Zaporizhzhia" with no actor
    resolved, "those who come in contact with users"), a private trip ("a family trip") or a
    contact lost ("lost contact with him") is none. One hop from the trigger."""
    if d.type != "CONSULT":
        return None
    t = c.trigger
    visit = c.entry.mode == "visit"
    if not visit and c.lemma not in CONTACT_NOUNS:
        return None
    if not (d.actors or d.recipients or d.parties) and any(
        ch.dep_ == "prep"
        and ch.lower_ in DESTINATION_PREPS
        and any(g.dep_ == "pobj" and g.pos_ in NOUN_TAGS for g in ch.children)
        for ch in t.children
    ):
        return d._replace(dropped=True)  # where to or with whom is named, and it is no actor
    if visit and any(
        ch.dep_ in {"compound", "amod"} and ch.lemma_.lower() in PRIVATE_OCCASIONS
        for ch in t.children
    ):
        return d._replace(dropped=True)
    if (
        c.lemma in CONTACT_NOUNS
        and t.dep_ == "dobj"
        and t.head.lemma_.lower() in CONTACT_LOST_VERBS
    ):
        return d._replace(dropped=True)
    return None


def task_nobody_set(c: Context, d: Draft) -> Draft | None:
    """A task is a request only when someone sets or gives it (PLOVER manual, REQUEST: one actor
    asks another to act): "the tasks that I set before our government", "have been given a
    clear task"; "my task as President is to protect our state", "resolving its tasks",
    "propagandists have a rather difficult task" ask nobody. One hop: the task's governing verb
    or its own relative clause or participle."""
    t = c.trigger
    if d.type != "REQUEST" or c.lemma not in TASK_NOUNS:
        return None
    if t.dep_ in {"dobj", "nsubjpass", "pobj"} and t.head.lemma_.lower() in TASK_SETTING_VERBS:
        return None
    if any(
        ch.dep_ in {"relcl", "acl"} and ch.lemma_.lower() in TASK_SETTING_VERBS for ch in t.children
    ):
        return None
    return d._replace(dropped=True)


def argument_noun_without_content(c: Context, d: Draft) -> Draft | None:
    if c.lemma not in ARGUMENT_NOUNS or d.actors or d.recipients or c.has_support_verb:
        return None
    if any(patterns.names_its_content(t) for t in c.trigger.children):
        return None
    return d._replace(dropped=True)


def fixed_phrase(c: Context, d: Draft) -> Draft | None:
    t = c.trigger
    if c.lemma not in FIXED_PHRASE_NOUNS or t.dep_ != "pobj" or t.head.lower_ != "in":
        return None
    if any(ch.dep_ in {"det", "poss", "amod", "compound"} for ch in t.children):
        return None  # "in the order of the president", "in a fresh charge": the act itself
    return d._replace(dropped=True)


# -- factuality ----------------------------------------------------------------------------------


def content_of_an_act(c: Context, d: Draft) -> Draft | None:
    return d._replace(content_of=patterns.content_governor(c.clause, c.types))


def factuality_cues(c: Context, d: Draft) -> Draft | None:
    reading = read_factuality(c.trigger, content_of=d.content_of, clause=c.clause)
    return d._replace(reading=reading)


def readiness(c: Context, d: Draft) -> Draft | None:
    if d.type != "AGREE" or c.lemma not in READINESS_WORDS or d.reading is None:
        return None
    ready = FactualityReading("future", c.trigger.text, intended=True)
    return d._replace(reading=stronger(d.reading, ready))


# -- type and mode -------------------------------------------------------------------------------


def walked_out_of(c: Context, d: Draft) -> Draft | None:
    """ "walked out of the talks" is REJECT (manual: REJECT 'walk out of meetings'); staff who
    walk out strike. The parser hangs "of" on "out", out of the lexicon's reach."""
    if c.lemma != "walk" or d.type != "PROTEST":
        return None
    out = next((t for t in c.trigger.children if t.lower_ == "out"), None)
    if out is None or not any(g.lower_ == "of" for g in out.children):
        return None
    return d._replace(type="REJECT", mode="meet")


def warned_to_act(c: Context, d: Draft) -> Draft | None:
    """ "warned first responders to be vigilant": a warning to someone to do something advises
    them (REQUEST, the manual's appeals); "warned that ..." and "warned X of strikes" stay
    THREATEN."""
    if c.lemma not in ADVICE_VERBS or d.type != "THREATEN":
        return None
    warned = any(child.dep_ in {"dobj", "dative"} for child in c.trigger.children)
    advised = any(
        child.dep_ in {"xcomp", "ccomp"}
        and any(g.dep_ == "aux" and g.lower_ == "to" for g in child.children)
        for child in c.trigger.children
    )
    return d._replace(type="REQUEST", mode=None) if warned and advised else None


def sought_suspect(c: Context, d: Draft) -> Draft | None:
    """ "Kopp is being sought by the FBI", "two men who were sought for questioning", "a witness
    wanted for questioning": a person sought or wanted by the authorities is hunted (COERCE,
    records DECISIONS.md D83, D88), not asked; "extradition was sought" stays a request."""
    if c.lemma not in SOUGHT_VERBS:
        return None
    verb = c.trigger
    if verb.tag_ != "VBN":
        return None if _wanted_noun(verb) is None else d._replace(type="COERCE", mode="arrest")
    sought = args.passive_subject_of(verb)
    if sought is not None and sought.lower_ in args.RELATIVE_PRONOUNS:
        sought = args.resolve_relative(sought)
    if sought is None or not args.names_people(sought):
        return None
    if c.lemma == "want" and not any(
        ch.dep_ == "prep" and ch.lower_ == "for" for ch in verb.children
    ):
        return None  # "wanted for murder", "wanted for questioning"; "is wanted" alone is a wish
    return d._replace(type="COERCE", mode="arrest")


def _wanted_noun(verb: Token) -> Token | None:
    """ "man wanted for murder in aunt's stabbing" (a headline), "a material witness wanted for
    questioning": the small model tags a participle with no auxiliary as a past tense; wanted
    for something, with no object or clause of its own, the person it qualifies (or the
    headline's subject) is hunted (records DECISIONS.md D88). "wanted for nothing" (a pronoun),
    "we wanted for our children" are wishes."""
    if verb.lemma_.lower() != "want" or verb.tag_ == "VBN":
        return None
    if any(ch.dep_ in WANTED_OBJECT_DEPS for ch in verb.children):
        return None
    if not any(
        ch.dep_ == "prep"
        and ch.lower_ == "for"
        and any(
            g.dep_ == "pobj" and g.pos_ in NOUN_TAGS and not args.names_people(g)
            for g in ch.children
        )
        for ch in verb.children
    ):
        return None  # wanted for an act or a charge, not "for our children"
    if verb.dep_ == "acl":
        sought: Token | None = verb.head
    else:
        if any(ch.dep_ in {"aux", "auxpass"} for ch in verb.children):
            return None
        sought = next((ch for ch in verb.children if ch.dep_ == "nsubj"), None)
        if sought is not None and sought.pos_ == "PRON":
            return None  # "we wanted for ...": a wish; a headline's wanted man is a noun
    if sought is None or not args.names_people(sought):
        return None
    return sought


def wanted_person(c: Context, d: Draft) -> Draft | None:
    """ "man wanted for murder": the wanted man is hunted, not the hunter (the verb's subject
    heads would make him the actor); the police of the case hunt him (rule `justice agent`)."""
    if d.type != "COERCE":
        return None
    sought = _wanted_noun(c.trigger)
    if sought is None:
        return None
    return d._replace(actor_heads=(), recipient_heads=(sought,))


def wound_bearer(c: Context, d: Draft) -> Draft | None:
    """ "James Suver had a single gunshot wound": who has or suffers a wound was hit, not the
    attacker (manual: ASSAULT, its target)."""
    if d.type != "ASSAULT" or c.lemma not in WOUND_NOUNS or not d.actor_heads:
        return None
    return d._replace(actor_heads=(), recipient_heads=(*d.actor_heads, *d.recipient_heads))


def verbal_attack(c: Context, d: Draft) -> Draft | None:
    """ "Freedom Magazine, which attacked high-ranking defectors", "critics of the academy are
    targeting its owner": an attack by a publication or a critic is made of words, ACCUSE
    disapprove (CAMEO 111 'Criticize or denounce'; manual: ACCUSE), not ASSAULT."""
    if d.type != "ASSAULT" or c.lemma not in VERBAL_ATTACK_VERBS:
        return None
    for head in d.actor_heads:
        words = {head.lemma_.lower()} | {
            t.lemma_.lower() for t in head.children if t.dep_ in {"compound", "appos"}
        }
        if words & VERBAL_ATTACKERS:
            return d._replace(type="ACCUSE", mode="disapprove")
    return None


def support_package(c: Context, d: Draft) -> Draft | None:
    """ "The United States has announced a new package of support for our state", "voted for a
    new and significant package of support": support sent as a package is material aid (AID;
    the records gold codes it [AID, AGREE]), not the words of support the noun alone is."""
    if d.type != "SUPPORT" or c.kind != "noun":
        return None
    of = c.trigger.head
    if c.trigger.dep_ != "pobj" or of.lower_ != "of" or of.head.lemma_.lower() not in PACKAGE_NOUNS:
        return None
    return d._replace(type="AID", mode=None)


def joining_an_alliance(c: Context, d: Draft) -> Draft | None:
    """ "Poland, the Czech Republic and Hungary ... will officially join NATO", "the first three
    former Warsaw Pact countries to accede to NATO": a state joining an organisation named as
    one is COOPERATE (records DECISIONS.md D90: joining an alliance is [COOPERATE, AGREE]), not
    a meeting ('join' CONSULT) nor a concession ('accede to demands'). A person joining one is a
    private act and stays as it was ("She joined the Sea Org aged 14")."""
    if c.lemma not in JOINING_VERBS:
        return None
    objects = [o for o in c.trigger.children if o.dep_ == "dobj"]
    joined = [o for o in (*objects, *args.prep_objects(c.trigger, {"to"})) if o.ent_type_ == "ORG"]
    if not joined or any(h.ent_type_ == "PERSON" or h.pos_ == "PRON" for h in d.actor_heads):
        return None
    return d._replace(type="COOPERATE", mode=None)


def fighting_for_an_outcome(c: Context, d: Draft) -> Draft | None:
    """ "Every day we fight for a positive decision of the European Union", "we are fighting for
    Ukraine to receive the necessary weapons": fighting for what another party is to decide,
    grant or supply is lobbying, a REQUEST of that party (records DECISIONS.md D61: lobbying is
    REQUEST; PLOVER REQUEST: "all requests, demands, and orders"), no attack. Fighting somebody
    ("fought the armed forces") or for a cause ("fight for freedom", "for Ukraine") stays as it
    was."""
    if c.lemma not in patterns.FIGHT_VERBS or d.type != "ASSAULT":
        return None
    verb = c.trigger
    if any(child.dep_ == "dobj" for child in verb.children):
        return None
    for child in verb.children:
        if for_clause(child) or (
            child.dep_ == "prep"
            and child.lower_ == "for"
            and any(
                p.dep_ == "pobj" and p.lemma_.lower() in LOBBIED_OUTCOMES for p in child.children
            )
        ):
            return d._replace(type="REQUEST", mode=None)
    return None


def _approved(verb: Token) -> list[Token]:
    """What a verb of approving approves: its object, or its passive subject, which a conjoined
    passive shares ("The Federal Law was adopted by the State Duma and approved by ...")."""
    subjects = [t for t in verb.children if t.dep_ in {"dobj", "nsubjpass"}]
    if not subjects and verb.dep_ == "conj":
        subjects = [t for t in verb.head.children if t.dep_ == "nsubjpass"]
    return subjects


def approved_measure(c: Context, d: Draft) -> Draft | None:
    """ "A package of documents was approved", "The lower house already approved the enlargement
    move", "The Federal Law was ... approved by the Federation Council": approving a measure, a
    law or a programme commits its approvers to it, AGREE (records DECISIONS.md D92: a
    parliament's vote for a package is AGREE, its signing into law [SUPPORT, AGREE]; PLOVER
    AGREE: "agree to ... ratify agreements"), not the concession the lexicon row codes for an
    approved request ("travel visas had been approved", "approved duty-free treatment": CAMEO
    08 Yield, which stay CONCEDE)."""
    if d.type != "CONCEDE" or c.lemma not in APPROVING_VERBS:
        return None
    if not any(t.lemma_.lower() in MEASURE_NOUNS for t in _approved(c.trigger)):
        return None
    return d._replace(type="AGREE", mode=None)


def suspect_handed_over(c: Context, d: Draft) -> Draft | None:
    """ "Pakistan handed over to Kenyan officials a suspect in the U.S. Embassy bombings": a
    suspect handed over between states is judicial cooperation, COOPERATE (records DECISIONS.md
    D94; CAMEO 063 judicial cooperation, extradition), not the release of a prisoner ('hand over'
    RETREAT release: 'handed over the prisoners of war')."""
    if c.entry.pattern != "hand over":
        return None
    if not any(
        o.dep_ == "dobj" and o.lemma_.lower() in HANDED_SUSPECTS for o in c.trigger.children
    ):
        return None
    return d._replace(type="COOPERATE", mode=None)


def phone_call(c: Context, d: Draft) -> Draft | None:
    if d.type != "CONSULT" or not PHONE_WORDS & {t.lower_ for t in c.trigger.subtree}:
        return None
    return d._replace(mode="phone")


def cyber_attack(c: Context, d: Draft) -> Draft | None:
    if d.type != "ASSAULT" or c.lemma != "attack" or not patterns.mentions_cyber(c.trigger):
        return None
    return d._replace(type="COERCE", mode="cyber")


def named_deed(c: Context, d: Draft) -> Draft | None:
    """ "This is torture.", "This is a new act of aggression against Ukraine", "what will be
    qualified as the genocide of the Ukrainian people", "The murder of Dr. Slepian is the latest
    depraved assault", "described the attacks as senseless": a violent act's noun that names a
    deed told elsewhere (the complement of "this is" or of a deed's copula, what a verb
    qualifies something "as", or the deed a verb so classes) is a
    charge against its doers, ACCUSE (records DECISIONS.md D26: a charge word), not a new act:
    the one who says it accuses the deed's doers (D11), whom the deed's victims are not."""
    if d.type not in NAMED_DEED_TYPES:
        return None
    word = c.trigger
    prep = word.head
    framed = prep.head.lemma_.lower() in DEED_FRAMES
    if word.dep_ == "pobj" and prep.lower_ == "of" and framed:
        word = prep.head  # "a new act of aggression", "another manifestation of aggression"
    # "This is one of Russia's most heinous war crimes": the copula names the deed by the count
    word = _partitive_count(word) or word
    head = word.head
    if word.dep_ == "attr" and head.lemma_.lower() in COPULAS:
        # the subject points back ("This is ...") or is itself a deed told ("The murder of
        # Dr. Slepian is the latest depraved assault", "The decision ... is another
        # manifestation of aggression"): the copula evaluates that deed (D11, D26)
        subjects = [t for t in head.children if t.dep_ == "nsubj"]
        pointed = any(t.lower_ in POINTING_WORDS for t in subjects)
        deeds = [t for t in subjects if t.lemma_.lower() in DEED_NOUNS]
        if deeds and not pointed:
            # the deed's doers are the charged ("The decision of the Russian Federation")
            doers = c.named([h for t in deeds for h in _act_doers(c, t)])
            return _charge(c, d, doers)
    elif word.dep_ == "pobj" and head.lower_ == "as":
        pointed = head.head.lemma_.lower() in NAMING_VERBS
    elif word.dep_ == "dobj" and head.lemma_.lower() in NAMING_VERBS:
        # "described the attacks as senseless": the verb classes the deed by its "as" (D11)
        pointed = any(t.lower_ == "as" for t in (*word.children, *head.children))
    else:
        return None
    if not pointed:
        return None
    return _charge(c, d, d.actors)


def _charge(c: Context, d: Draft, doers: tuple[args.Argument, ...]) -> Draft:
    """The draft as the speaker's charge (ACCUSE) against ``doers``, the deed's doers."""
    # the charge is the speaker's, against the deed's doers (D11, D26: "This is Russia's
    # attack" accuses Russia), not the deed's own actor against its victims
    said = tuple(patterns.sayer(c.doc, c.trigger))
    if not said:
        # no one says it (the writer does): still against the doers, never the deed's victims
        # ("the latest depraved assault on the small number of courageous physicians", D11)
        own = {i for a in d.actors for i in a.actors}
        charged = tuple(a for a in doers if a.actors and not own & set(a.actors))
        return d._replace(type="ACCUSE", mode="allege", recipients=charged)
    speakers = {i for a in said for i in a.actors}
    charged = tuple(a for a in doers if a.actors and not speakers & set(a.actors))
    return d._replace(type="ACCUSE", mode="allege", actors=said, recipients=charged)


def ignored_wrongdoing(c: Context, d: Draft) -> Draft | None:
    """ "the European Union leaders ignored yesterday's criminal and inhumane act by the
    Ukrainian military", "The collective West prefers to ignore such violations of international
    humanitarian law": ignoring another's wrongdoing is a charge against the one who ignores it,
    ACCUSE by whoever says so (records DECISIONS.md D102: leaders who "ignored" a strike are
    accused, a required ACCUSE; D26), no rejection. Ignoring anything else ("ignore all the other
    objections", "ignores the occupiers") stays the lexicon's REJECT."""
    if d.type != "REJECT" or c.lemma not in IGNORING_VERBS:
        return None
    if not any(t.dep_ == "dobj" and _wrongdoing(c, t) for t in c.trigger.children):
        return None
    said = tuple(patterns.sayer(c.doc, c.trigger)) or tuple(
        implicit.readout_principal(c.doc, c.trigger)
    )
    speakers = {i for a in said for i in a.actors}
    ignorers = tuple(
        a for a in c.named(args.verb_actor_heads(c.trigger)) if not speakers & set(a.actors)
    )
    if not ignorers:
        return None
    return d._replace(type="ACCUSE", mode="disapprove", actors=said, recipients=ignorers)


def promised_conflict_act(c: Context, d: Draft) -> Draft | None:
    """ "Kidnappers kept their promise to kill a store owner", "Cuban exiles continued to vow
    they would block any attempt to take Elian": a promise whose content is a conflict act is a
    threat, not a promise of cooperation (PLOVER manual, THREATEN: threats of force, coercion or
    sanctions; CAMEO 13 Threaten; records DECISIONS.md D25); the act promised stays its own
    event, possible, as an AGREE's content does."""
    if d.type != "AGREE" or c.lemma not in PROMISE_WORDS:
        return None
    contents = [t for t in c.trigger.children if t.dep_ in PROMISED_CONTENT_DEPS]
    promised = next((c.types[t.i] for t in contents if c.types.get(t.i) in THREAT_MODES), None)
    if promised is None:
        return None
    return d._replace(type="THREATEN", mode=THREAT_MODES[promised])


def _wrongdoing(c: Context, noun: Token) -> bool:
    """Whether a noun names a wrongdoing: an attack ("the shelling"), a judging label ("such
    violations") or an act a judging adjective qualifies ("a criminal and inhumane act")."""
    if c.types.get(noun.i) == "ASSAULT" or noun.lemma_.lower() in JUDGING_LABELS:
        return True
    return any(
        a.lemma_.lower() in JUDGING_LABELS
        for m in noun.children
        if m.dep_ == "amod"
        for a in (m, *m.conjuncts)
    )


#: the rules in the order they run: a later rule sees what the earlier ones chose
RULES: tuple[Rule, ...] = (
    # before the wish and request rules: a person sought by the authorities is no request
    Rule("sought suspect", Step.TYPE, "'being sought by the FBI', 'wanted for questioning': hunted",
         sought_suspect, on="verb", lemmas=SOUGHT_VERBS),
    # a verb trigger
    Rule("wish without another doer", Step.DROP,
         "'we want peace', 'I want to thank you', 'I want you to know': no one asked to act",
         wish_without_another_doer, on="verb", types=frozenset({"REQUEST"}), lemmas=WISH_VERBS),
    Rule("verb subject", Step.HEADS, "the verb's subject, or the agent of its passive",
         verb_subject, on="verb"),
    Rule("hope without another doer", Step.DROP,
         "'we hope we will', 'hope that things will', 'is expected to': no one asked to act",
         hope_without_another_doer, on="verb", types=frozenset({"REQUEST"})),
    Rule("gerund as noun", Step.HEADS,
         "'as a result of Russian shelling': the gerund's modifiers act",
         gerund_as_noun, on="verb"),
    Rule("consult partners", Step.HEADS, "'met with X', 'talked to X': who a meeting is with",
         consult_partners, on="verb", types=frozenset({"CONSULT"})),
    Rule("verb objects", Step.HEADS, "the verb's object, dative or 'to'/'against' object",
         verb_objects, on="verb"),
    Rule("wanted person", Step.HEADS,
         "'man wanted for murder': the wanted man is hunted, not the hunter",
         wanted_person, on="verb", types=frozenset({"COERCE"})),
    Rule("stance topic", Step.HEADS,
         "'expressed concern about Russia's troop movements': whose the topic is",
         stance_topic, on="verb", types=STANCE_TYPES),
    Rule("wished doer", Step.HEADS,
         "'I would like you to report', 'we want the UN to send': who is to act is asked",
         wished_doer, on="verb", types=frozenset({"REQUEST"}), lemmas=WISH_VERBS),
    Rule("hoped doer", Step.HEADS,
         "'I hope that Belgium will', 'expects an effort from X': who is to act is asked",
         hoped_doer, on="verb", types=frozenset({"REQUEST"})),
    Rule("voiced hope doer", Step.HEADS,
         "'The hope was expressed that representatives of Kiev will': who is to act is asked",
         voiced_hope_doer, on="verb", types=frozenset({"REQUEST"})),
    Rule("demanded doer", Step.HEADS,
         "'demand the NDP scrap its carbon tax': the one to act is asked",
         demanded_doer, on="verb", types=frozenset({"REQUEST"})),
    Rule("headline passive", Step.HEADS,
         "'Two arrested on drug charges': the title's subject is acted on",
         headline_passive, on="verb"),
    Rule("claimed wrongdoer", Step.HEADS,
         "'claims the Church imprisoned her': the one the claim accuses",
         claimed_wrongdoer, on="verb", lemmas=CLAIMING_VERBS),
    Rule("alleged doer", Step.HEADS,
         "'police allege he held a woman': the allegation accuses its complement's doer",
         alleged_doer, types=frozenset({"ACCUSE"}), lemmas=ACCUSING_COMPLEMENT_WORDS),
    Rule("content recipient heads", Step.HEADS,
         "'agreed to lift a ban on X': the complement's object",
         content_recipient_heads, on="verb", types=CONTENT_GOVERNORS),
    # an adjective trigger ("grateful to X", "ready to help")
    Rule("adjective subject", Step.HEADS, "the subject of the clause the adjective completes",
         adjective_subject, on="adj"),
    Rule("adjective complement", Step.HEADS, "'grateful to X', 'critical of X': its complement",
         adjective_complement, on="adj"),
    Rule("adjective xcomp objects", Step.HEADS, "'ready to help X': the object of its complement",
         adjective_xcomp_objects, on="adj"),
    Rule("displeasure cause", Step.HEADS,
         "'was angry about Burton's subpoena': the displeased accuse the doer of what they are "
         "displeased about", displeasure_cause, on="adj", types=frozenset({"ACCUSE"}),
         lemmas=DISPLEASURE_ADJECTIVES),
    # a noun trigger
    Rule("noun own actor", Step.HEADS,
         "'Russia's attack', 'talks between X and Y': the noun's own actor",
         noun_own_actor, on="noun"),
    Rule("conjunct possessor", Step.HEADS,
         "'its rejection and condemnation': the first conjunct's owner",
         conjunct_possessor, on="noun"),
    Rule("undergone event", Step.HEADS, "'Iran faces criticism from the U.N.': Iran receives it",
         undergone_event, on="noun"),
    Rule("support verb subject", Step.HEADS,
         "'Russia launched an attack': the support verb's subject",
         support_verb_subject, on="noun"),
    Rule("means of an act", Step.HEADS,
         "'acquired their property through expropriation': the act's doer does the means",
         means_of_an_act, on="noun"),
    Rule("noun recipient", Step.HEADS, "'an attack on X', 'aid to X', 'the arrest of X'",
         noun_recipient, on="noun"),
    Rule("harmed in an attack", Step.HEADS,
         "'the ambassador was cut in the blast': whom the passive befell",
         harmed_in_an_attack, on="noun", types=frozenset({"ASSAULT"})),
    Rule("died of an attack", Step.HEADS,
         "'She died as a result of Russian artillery shelling': whoever died was its target",
         died_of_an_attack, types=frozenset({"ASSAULT"})),
    Rule("contained act", Step.HEADS,
         "'we feel a sense of solidarity with X', 'bring a message of friendship': who conveys it",
         contained_act, on="noun"),
    Rule("expressed act", Step.HEADS,
         "'stated readiness to support', 'held out the prospect of aid': the verb's subject",
         expressed_act, on="noun"),
    Rule("support verb objects", Step.HEADS, "'held talks with X': the support verb's objects",
         support_verb_objects, on="noun"),
    Rule("wound bearer", Step.HEADS,
         "'Suver had a single gunshot wound': who has the wound was hit",
         wound_bearer, on="noun", types=frozenset({"ASSAULT"}), lemmas=WOUND_NOUNS),
    Rule("investigators agency", Step.HEADS,
         "'investigators with Kentucky State Police': the agency is theirs, no target",
         investigators_agency, on="noun", lemmas=INVESTIGATOR_NOUNS),
    Rule("intended act holder", Step.HEADS,
         "'the leaders confirmed their intention to improve the partnership': they are to act",
         intended_act_holder),
    Rule("necessity heads", Step.HEADS,
         "'It is important that diplomats stay': asked of the clause's subject; 'it' is no one",
         necessity_heads, on="adj"),
    Rule("need heads", Step.HEADS,
         "'stated the need to begin talks': the need names no one asked; its stater acts",
         need_heads, on="noun", types=frozenset({"REQUEST"}), lemmas=NEED_NOUNS),
    Rule("honour felt", Step.HEADS,
         "'your invitation is a great honour for me': I thank you",
         honour_felt, on="noun", types=frozenset({"SUPPORT"}), lemmas=HONOUR_NOUNS),
    Rule("judged doer", Step.HEADS,
         "'Kiev's destructive policy', 'the lie of the propagandists': whose act a label judges",
         judged_doer, types=JUDGING_TYPES, lemmas=JUDGING_LABELS),
    Rule("blamed cause", Step.HEADS,
         "'the migration crisis caused by Belarus': the causer of a harm is blamed",
         blamed_cause, on="verb", types=frozenset({"ACCUSE"}), lemmas=BLAMING_VERBS | POSING_VERBS),
    Rule("heads named", Step.ACTORS, "the actors the chosen words name",
         heads_named, recorded=False),
    # when the subject names nobody
    Rule("pronoun speaker", Step.ACTORS, "'we', 'I' in a quote: its speaker",
         pronoun_speaker),
    Rule("implicit speaker", Step.ACTORS, "'Thank you for coming': the voice of the text",
         implicit_speaker),
    Rule("necessity voice", Step.ACTORS,
         "'it is necessary to impose an embargo, he said': who says it demands it",
         necessity_voice, on="adj"),
    Rule("need voice", Step.ACTORS,
         "'Vladimir Putin stated the need to begin talks': who states the need demands it",
         need_voice, on="noun", types=frozenset({"REQUEST"}), lemmas=NEED_NOUNS),
    Rule("judging voice", Step.ACTORS,
         "'Putin noted Kiev's destructive policy', a quote's speaker: who states the judgement",
         judging_voice, types=JUDGING_TYPES, lemmas=JUDGING_LABELS | BLAMING_VERBS | POSING_VERBS),
    Rule("charged doer", Step.ACTORS,
         "'was charged with the murder of X', 'serving a sentence for the assassination': "
         "the one charged did it", charged_doer, on="noun"),
    Rule("justice agent", Step.ACTORS, "'He was arrested': the police or court of the case",
         justice_agent),
    Rule("appeal for witnesses", Step.ACTORS,
         "'Anyone with information is urged to call police': the police appeal",
         appeal_for_witnesses, on="verb", types=frozenset({"REQUEST"})),
    Rule("thanked for", Step.ACTORS, "'thanked X for the assistance': X gave it",
         thanked_for, on="noun"),
    Rule("meeting parties subject", Step.ACTORS, "'the sides discussed': the meeting's parties",
         meeting_parties_subject),
    Rule("parties' own", Step.ACTORS,
         "'the leaders reaffirmed their intention': 'their' is the meeting's parties",
         parties_own, on="noun"),
    Rule("done together", Step.ACTORS, "'They discussed', 'It was agreed': the meeting's parties",
         done_together, types=JOINT_TYPES),
    Rule("hope voiced by the parties", Step.ACTORS,
         "'The hope was expressed that ...' in a readout: the meeting's parties hope",
         hope_voiced_by_parties, on="verb", types=frozenset({"REQUEST"})),
    Rule("wish for own country", Step.DROP,
         "'I want Argentina to open up', said by its president: a hope, no request",
         wish_for_own_country, on="verb", types=frozenset({"REQUEST"}), lemmas=WISH_VERBS),
    Rule("request hoped for", Step.DROP,
         "'we expect specific requests from local authorities': the expectation is the act",
         request_hoped_for, on="noun"),
    Rule("asked nothing", Step.DROP,
         "'\"... normalized?\" Jansen asked.': a question put, nothing asked of anyone",
         asked_nothing, on="verb", types=frozenset({"REQUEST"}), lemmas=ASKING_VERBS),
    Rule("cancelled thing", Step.DROP,
         "'some flights cancelled due to fog': only a cancelled act (a visit, talks) is REJECT",
         cancelled_thing, on="verb", types=frozenset({"REJECT"}), lemmas=CANCEL_VERBS),
    Rule("crime naming a charge", Step.DROP,
         "'facing an attempted murder charge': the charge is the event", crime_naming_a_charge,
         on="noun"),
    Rule("intention of an act", Step.DROP,
         "'we plan to withdraw': the withdrawal is the event; 'had intended to': none now",
         intention_of_an_act, on="verb", lemmas=INTENTION_VERBS),
    Rule("importance stressed together", Step.DROP,
         "'the two leaders emphasised the importance of stepping up cooperation': their intention",
         importance_stressed_together, on="verb", types=frozenset({"REQUEST"})),
    Rule("continuing no promise", Step.DROP,
         "'they continued their work': no intention stated; 'continue to work together': its own",
         continuing_no_promise, on="verb", types=frozenset({"AGREE"}), lemmas=CONTINUING_VERBS),
    Rule("contribution to a state", Step.DROP,
         "'contributes to stronger peace', 'a contribution to our security': nothing given to anyone",
         contribution_to_a_state, types=frozenset({"AID"})),
    Rule("nothing explosive went off", Step.DROP,
         "'the alarm went off', 'went off the road': 'go off' is a blast only of an explosive",
         nothing_explosive_went_off, on="verb"),
    Rule("leaving no one", Step.DROP,
         "'left sensitive documents', 'leave Nairobi for Dar es Salaam': no withdrawal",
         leaving_no_one, on="verb", types=LEAVING_TYPES, lemmas=LEAVING_VERBS),
    Rule("toll left behind", Step.DROP,
         "'the attack left one officer dead and three people wounded': the act's toll, no attack",
         toll_left_behind, on="verb", types=frozenset({"ASSAULT"})),
    Rule("asylum sought", Step.DROP,
         "'migrants claiming asylum', 'an application for asylum', 'the asylum process': no aid",
         asylum_sought, on="noun", types=frozenset({"AID"}), lemmas=SOUGHT_AID_NOUNS),
    Rule("warning of no act", Step.DROP,
         "'warned of cloudy weather', 'warned that there would be delays': no one threatened",
         warning_of_no_act, on="verb", types=frozenset({"THREATEN"}), lemmas=ADVICE_VERBS),
    Rule("conjoined same act", Step.DROP,
         "'killed 259 people and injured 5,500': one act told by two verbs",
         conjoined_same_act, on="verb", types=CONJOINED_ACT_TYPES),
    Rule("fights a thing", Step.DROP, "'fight the epidemic', 'combat corruption': nobody attacked",
         fights_a_thing),
    Rule("necessity of no act", Step.DROP,
         "'an important role', 'it is important to note': nothing demanded",
         necessity_of_no_act, on="adj"),
    Rule("need of no statement", Step.DROP,
         "'the needs of the population', 'people in need': no one asked",
         need_of_no_statement, on="noun", types=frozenset({"REQUEST"}), lemmas=NEED_NOUNS),
    Rule("cause of no blame", Step.DROP,
         "'visibility caused flights to be cancelled', 'destruction caused by strikes': no blame",
         cause_of_no_blame, on="verb", types=frozenset({"ACCUSE"}), lemmas=BLAMING_VERBS),
    Rule("responsibility for no harm", Step.DROP,
         "'responsible for security', 'held responsible': no blame for a harm",
         responsibility_for_no_harm, on="adj",
         types=frozenset({"ACCUSE"}), lemmas=frozenset({"responsible"})),
    Rule("judgement of no one", Step.DROP, "'crime rates', 'criminal gangs': no doer judged",
         judgement_of_no_one, types=JUDGING_TYPES, lemmas=JUDGING_LABELS),
    Rule("investigators not at work", Step.DROP,
         "'sent investigators', 'Investigators identified a suspect': no mention of their work",
         investigators_not_at_work, on="noun", lemmas=INVESTIGATOR_NOUNS),
    Rule("talk with no one", Step.DROP,
         "'when I talk about signing decrees', 'what I'm talking about': speech, no partner met",
         talk_with_no_one, on="verb", types=frozenset({"CONSULT"}),
         lemmas=PARTNERLESS_TALK_VERBS),
    # when the objects name nobody
    Rule("object target", Step.RECIPIENTS, "'lifted sanctions on Iran', 'appreciate your efforts'",
         object_target, on="verb"),
    Rule("content recipient", Step.RECIPIENTS,
         "'agreed to lift a ban on British beef': the content's recipient",
         content_recipient, on="verb", types=CONTENT_GOVERNORS),
    Rule("protest demand", Step.RECIPIENTS,
         "'gathered at a rally to demand the NDP scrap its tax': the protest is against the NDP",
         protest_demand, types=frozenset({"PROTEST"})),
    Rule("letter addressee", Step.RECIPIENTS,
         "'In a letter to Joe Biden, Zelenskyy asked': the addressee",
         letter_addressee, on="verb", types=ADDRESSED_TYPES),
    Rule("attacked place", Step.RECIPIENTS, "'shelled Kharkiv': the attacked place's country",
         attacked_place, types=PLACE_TARGET_TYPES),
    Rule("attacked home ground", Step.RECIPIENTS,
         "'Russian bombs are destroying cities' in an address: the speaker's country",
         attacked_home_ground, types=PLACE_TARGET_TYPES),
    Rule("own people", Step.RECIPIENTS,
         "'I am grateful to our team': people 'our' owns are the speaker's country's",
         own_people),
    Rule("blast site", Step.RECIPIENTS,
         "'bombs exploded outside the U.S. embassies': the site a blast hit is its target",
         blast_site, types=frozenset({"ASSAULT"})),
    Rule("blast toll site", Step.RECIPIENTS,
         "'the bomb attack at the U.S. embassy killed 253 people': the site is hit too",
         blast_toll_site, on="verb", types=frozenset({"ASSAULT"})),
    Rule("denied accusation", Step.RECIPIENTS,
         "'she denied accusations made by X': the accusation was against her",
         denied_accusation, on="noun", types=frozenset({"ACCUSE"})),
    Rule("talks voice party", Step.ACTORS, "'these talks with X': the voice of the text meets X",
         talks_voice_party, on="noun", types=frozenset({"CONSULT"})),
    Rule("own forces", Step.RECIPIENTS,
         "'ordered the army to': an order to unnamed troops goes to the actor's own",
         own_forces, types=frozenset({"REQUEST"})),
    Rule("background noun", Step.DROP,
         "'during the war', 'a pillar of cooperation' with nobody named",
         background_noun, on="noun", lemmas=BACKGROUND_NOUNS),
    Rule("private travel or contact", Step.DROP,
         "'a family trip', 'lost contact with him', a trip with nobody named: no meeting",
         private_travel_or_contact, types=frozenset({"CONSULT"})),
    Rule("task nobody set", Step.DROP,
         "'my task as President is to protect our state': no one asked to act",
         task_nobody_set, on="noun", types=frozenset({"REQUEST"}), lemmas=TASK_NOUNS),
    Rule("argument noun without content", Step.DROP,
         "'world order', 'law and order': no order given",
         argument_noun_without_content, on="noun", lemmas=ARGUMENT_NOUNS),
    Rule("fixed phrase", Step.DROP,
         "'in order to develop ties', 'in charge of the operation': no order, no charge",
         fixed_phrase, on="noun", lemmas=FIXED_PHRASE_NOUNS),
    Rule("claim of no wrongdoing", Step.DROP,
         "'Russia claimed its forces took the town': a claim accuses only another's wrongdoing",
         claim_of_no_wrongdoing, on="verb", lemmas=CLAIMING_VERBS),
    Rule("content of an act", Step.FACTUALITY, "'asked X to withdraw': the asking's content",
         content_of_an_act),
    Rule("factuality cues", Step.FACTUALITY, "negation, modals, reporting: read_factuality",
         factuality_cues, recorded=False),
    Rule("stated intention", Step.FACTUALITY,
         "'stressed the importance of stepping up cooperation': intended, not done (D7)",
         stated_intention),
    Rule("readiness", Step.FACTUALITY, "'is ready to provide': stated, not yet done (D7)",
         readiness, types=frozenset({"AGREE"}), lemmas=READINESS_WORDS),
    Rule("walked out of", Step.TYPE, "'walked out of the talks': a meeting rejected, no strike",
         walked_out_of, on="verb", types=frozenset({"PROTEST"}), lemmas=frozenset({"walk"})),
    Rule("warned to act", Step.TYPE, "'warned first responders to be vigilant': advice",
         warned_to_act, on="verb", types=frozenset({"THREATEN"}), lemmas=ADVICE_VERBS),
    Rule("verbal attack", Step.TYPE,
         "'Freedom Magazine, which attacked the defectors', 'critics are targeting its owner'",
         verbal_attack, on="verb", types=frozenset({"ASSAULT"}), lemmas=VERBAL_ATTACK_VERBS),
    Rule("support package", Step.TYPE,
         "'announced a new package of support for our state': material aid, AID",
         support_package, on="noun", types=frozenset({"SUPPORT"})),
    Rule("joining an alliance", Step.TYPE,
         "'will officially join NATO', 'countries to accede to NATO': COOPERATE (D90)",
         joining_an_alliance, on="verb", lemmas=JOINING_VERBS),
    Rule("fighting for an outcome", Step.TYPE,
         "'we fight for a positive decision of the EU': lobbying, REQUEST (D61)",
         fighting_for_an_outcome, on="verb",
         types=frozenset({"ASSAULT"}), lemmas=patterns.FIGHT_VERBS),
    Rule("approved measure", Step.TYPE,
         "'A package of documents was approved', 'approved the enlargement move': AGREE (D92)",
         approved_measure, on="verb", types=frozenset({"CONCEDE"}), lemmas=APPROVING_VERBS),
    Rule("suspect handed over", Step.TYPE,
         "'handed over to Kenyan officials a suspect': judicial cooperation (D94)",
         suspect_handed_over, on="verb"),
    Rule("phone call", Step.TYPE, "a meeting by phone is CONSULT phone",
         phone_call, types=frozenset({"CONSULT"})),
    Rule("cyber attack", Step.TYPE, "an attack on a website is COERCE cyber (PLOVER manual)",
         cyber_attack, types=frozenset({"ASSAULT"}), lemmas=frozenset({"attack"})),
    Rule("named deed", Step.TYPE,
         "'This is Russia's attack', 'qualified as genocide', 'The murder ... is the latest depraved assault': the speaker charges the deed's doers (D26)",
         named_deed, on="noun", types=NAMED_DEED_TYPES),
    Rule("ignored wrongdoing", Step.TYPE,
         "'the EU leaders ignored yesterday's criminal and inhumane act': a charge against who ignores it (D102)",
         ignored_wrongdoing, types=frozenset({"REJECT"}), lemmas=IGNORING_VERBS),
    Rule("finding of no attack", Step.DROP,
         "'the process concluded', 'I believe that Argentina could become': a finding accuses only of an attack (D98)",
         finding_of_no_attack, on="verb", types=frozenset({"ACCUSE"}), lemmas=FINDING_VERBS),
    Rule("promised conflict act", Step.TYPE,
         "'kept their promise to kill a store owner', 'vow they would block any attempt': a threat (D25)",
         promised_conflict_act, types=frozenset({"AGREE"}), lemmas=PROMISE_WORDS),
    Rule("hunt for no suspect", Step.DROP,
         "'search for a solution', 'look for new partners': a hunt only for a suspect or by the police (D83)",
         hunt_for_no_suspect, types=frozenset({"COERCE"}), lemmas=HUNTING_WORDS),
)  # fmt: skip


#: the rules' places in :data:`RULES`, to resume after a rule that changed the draft's type
_PLACE = {id(rule): place for place, rule in enumerate(RULES)}
#: the rules tried on each (part of speech, draft type, lemma), in order: picked once, not for
#: every trigger. A few thousand keys on the benchmark documents (lexicon lemmas by type); the
#: bound keeps a long-running server's table small should unusual lemmas keep coming
_PLANS: dict[tuple[str, str, str], tuple[Rule, ...]] = {}
#: the most (part of speech, type, lemma) keys kept before the table is emptied
MAX_PLANS = 50_000


def _plan(rules: tuple[Rule, ...], kind: str, type_: str, lemma: str) -> tuple[Rule, ...]:
    """The rules of ``rules`` tried on a draft of ``type_`` for a trigger of ``kind``, ``lemma``."""
    if rules is not RULES:
        return tuple(rule for rule in rules if rule.tried(kind, type_, lemma))
    key = (kind, type_, lemma)
    plan = _PLANS.get(key)
    if plan is None:
        if len(_PLANS) >= MAX_PLANS:
            _PLANS.clear()
        plan = _PLANS[key] = tuple(rule for rule in RULES if rule.tried(kind, type_, lemma))
    return plan


def apply_rules(context: Context, rules: tuple[Rule, ...] = RULES) -> Draft:
    """Code one trigger: run the rules in order, naming each that changes the draft; stop at the
    first drop rule that fires (the draft comes back ``dropped``, with that rule's name last).

    A rule is tried only where its declarations (``on``, ``types``, ``lemmas``) allow: the
    rules are picked once for the trigger, and again for the rest of the table when a rule
    changes the draft's type (``tests/test_rule_declarations.py`` checks, on the dev texts,
    that no rule left out would have changed the draft)."""
    draft = Draft(type=context.entry.type or "", mode=context.entry.mode)
    kind, lemma = context.kind, context.lemma
    plan = _plan(rules, kind, draft.type, lemma)
    while plan:
        rest: tuple[Rule, ...] = ()
        for rule in plan:
            changed = rule.apply(context, draft)
            if changed is None or changed == draft:
                continue
            type_ = draft.type
            draft = changed._replace(fired=(*draft.fired, rule.name)) if rule.recorded else changed
            if draft.dropped:
                break
            if draft.type != type_:  # the rest of the table, as tried on the new type
                order = _PLACE if rules is RULES else {id(r): n for n, r in enumerate(rules)}
                after = order[id(rule)]
                new = _plan(rules, kind, draft.type, lemma)
                rest = tuple(r for r in new if order[id(r)] > after)
                break
        plan = rest
    return draft
