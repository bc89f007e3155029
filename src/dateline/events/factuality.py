"""Factuality of an event: asserted, reported, claimed, negated, hypothetical or future.

PLOVER's auxiliary modes (manual, section "Auxiliary modes": historical, future, hypothetical,
negation) are read from the clause of the trigger and the clauses that govern it, following the
cue classes of FactBank (Saurí & Pustejovsky 2009): negation particles, modal auxiliaries,
conditional subordinators, future and intention predicates, evidential adverbs, and the
source-introducing predicates that make an event *reported* (the outlet attributes it to a
speaker) or *claimed* (a party's claim). Precedence when several cues apply, from strongest:
negated > hypothetical > future > claimed > reported > asserted.

Content of another act (rule "request content", documented in docs of the events stage): an
event inside the complement of a request, demand or order ("asked Putin to order his troops not
to commit a massacre") is what was asked for, not what happened: it is *hypothetical*. Inside a
promise or agreement it is *future*; inside a refusal it is *negated*; inside a threat it is
*hypothetical*; inside an accusation it is *claimed*.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateline.model import Factuality
from dateline.words import word_set

if TYPE_CHECKING:
    from spacy.tokens import Token

CLIMB_DEPS = word_set("events", "factuality.climb_deps")
NEGATIONS = word_set("events", "factuality.negations")
FUTURE_AUX = word_set("events", "factuality.future_aux")
HYPOTHETICAL_AUX = word_set("events", "factuality.hypothetical_aux")
CONDITIONAL_MARKS = word_set("events", "factuality.conditional_marks")
FUTURE_GOVERNORS = word_set("events", "factuality.future_governors")
NO_INTENTION_GOVERNORS = word_set("events", "factuality.no_intention_governors")
ATTEMPT_GOVERNORS = word_set("events", "factuality.attempt_governors")
HYPOTHETICAL_GOVERNORS = word_set("events", "factuality.hypothetical_governors")
REPORTED_ADVERBS = word_set("events", "factuality.reported_adverbs")
REPORTING_VERBS = word_set("events", "factuality.reporting_verbs")
CLAIM_PREDICATES = word_set("events", "factuality.claim_predicates")
PLAN_NOUNS = word_set("events", "factuality.plan_nouns")
READINESS_WORDS = word_set("events", "factuality.readiness_words")
ASPECTUAL_VERBS = word_set("events", "factuality.aspectual_verbs")
OCCURRENCE_VERBS = word_set("events", "factuality.occurrence_verbs")
#: the two unions the reading asks about for every governor: joined once, not on each ask
_SOURCE_PREDICATES = REPORTING_VERBS | CLAIM_PREDICATES
_ONGOING_VERBS = ASPECTUAL_VERBS | OCCURRENCE_VERBS
PLANNED_WORDS = word_set("events", "factuality.planned_words")
PURPOSE_SUBJECTS = word_set("events", "factuality.purpose_subjects")
PERFORMATIVE_VERBS = word_set("events", "factuality.performative_verbs")
PERFORMING_WISHES = word_set("events", "factuality.performing_wishes")
POLITE_WISHES = word_set("events", "shared.polite_wishes")
WOULD_AUXILIARIES = word_set("events", "factuality.would_auxiliaries")
OCCASION_NOUNS = word_set("events", "factuality.occasion_nouns")
SCOPE_LIMITERS = word_set("events", "factuality.scope_limiters")
FACTIVE_VERBS = word_set("events", "factuality.factive_verbs")
#: "because", "although": a clause they open is asserted, whatever its main clause's negation
PRESUPPOSED_MARKS = word_set("events", "factuality.presupposed_marks")
#: how many words after a negation may show it limits a modifier, not the event ("not the
#: first", "not only"): the limiter comes right after "not" or after its determiner
LIMITER_TOKENS = 2
#: how many predicates up the tree an event's factuality is read from ("said it would not
#: try to attack"): farther governors belong to another statement
GOVERNOR_HOPS = 6

#: how certain the coder is that the event, as stated, took place (feeds the confidence)
CERTAINTY: dict[str, float] = {
    "asserted": 1.0,
    "reported": 0.9,
    "claimed": 0.7,
    "future": 0.6,
    "hypothetical": 0.5,
    "negated": 0.5,
}
_RANK: dict[str, int] = {
    "asserted": 0,
    "reported": 1,
    "claimed": 2,
    "future": 3,
    "hypothetical": 4,
    "negated": 5,
}


@dataclass(frozen=True, slots=True)
class FactualityReading:
    factuality: Factuality
    cue: str | None  # the word that decided it ("reportedly", "could", "not", ...)
    #: the future came from the actor's own intention ("will", "plans to"), not from others' expectation
    intended: bool = False


def stronger(current: FactualityReading, candidate: FactualityReading) -> FactualityReading:
    """The reading that wins (negated > hypothetical > future > claimed > reported > asserted)."""
    return candidate if _RANK[candidate.factuality] > _RANK[current.factuality] else current


_stronger = stronger


#: the dependency labels of the children :func:`_clause_cues` reads a cue from (a child with
#: any other label is passed over before its word is read)
CUE_DEPS = word_set("events", "factuality.cue_deps")
_AUX_DEPS = frozenset({"aux", "auxpass"})


def _clause_cues(token: Token, *, under_reporting: bool) -> FactualityReading | None:
    """Cues attached to one predicate: negation, modals, conditionals, evidential adverbs."""
    best: FactualityReading | None = None
    polite: bool | None = None  # the predicate is a polite wish: read at its first "aux" child
    for child in token.children:
        dep = child.dep_  # (read once: each read looks the label up in the vocabulary)
        if dep not in CUE_DEPS:
            continue
        word = child.lower_
        if dep == "neg" or (dep == "det" and word == "no") or (dep == "advmod" and word == "never"):
            if _limited_negation(child):
                continue
            reading = FactualityReading("negated", child.text)
        elif dep in _AUX_DEPS and word in FUTURE_AUX:
            reading = FactualityReading("future", child.text, intended=True)
        elif dep == "aux" and (
            polite if polite is not None else (polite := token.lemma_.lower() in POLITE_WISHES)
        ):
            continue  # "I would like you to report": politeness, the asking happens
        elif dep in _AUX_DEPS and word in HYPOTHETICAL_AUX:
            # "said it would allow": would under a reporting verb is the future in the past
            if word in WOULD_AUXILIARIES and under_reporting:
                reading = FactualityReading("future", child.text, intended=True)
            else:
                reading = FactualityReading("hypothetical", child.text)
        elif dep == "mark" and word in CONDITIONAL_MARKS:
            reading = FactualityReading("hypothetical", child.text)
        elif dep == "advmod" and word in REPORTED_ADVERBS:
            reading = FactualityReading("reported", child.text)
        else:
            continue
        best = reading if best is None else _stronger(best, reading)
    return best


def _planned_now(verb: Token) -> bool:
    """ "is planned", "are scheduled", "will be set": a plan in force now (a past "was planned"
    may tell of a plan carried out)."""
    return (
        verb.lemma_.lower() in FUTURE_GOVERNORS
        and verb.tag_ == "VBN"
        and any(c.dep_ == "auxpass" and c.tag_ in {"VBZ", "VBP"} for c in verb.children)
    )


def _scheduled(verb: Token) -> bool:
    """ "are to travel", "were to be transferred": "be to" with a subject is a plan or an
    arrangement, not yet done."""
    if verb.dep_ != "xcomp":  # (most predicates: their governor's children go unread)
        return False
    be = verb.head
    if be.lemma_.lower() != "be":
        return False
    subject = next((c for c in be.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return (
        any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and subject is not None
        # "the main goal of sanctions is to stop the war", "it is necessary to": a purpose
        and subject.lemma_.lower() not in PURPOSE_SUBJECTS
        and not any(c.dep_ == "expl" for c in be.children)
    )


def _limited_negation(negation: Token) -> bool:
    """ "Not the first shelling", "not only": the negation is the modifier's, not the event's."""
    following = negation.doc[negation.i + 1 : negation.i + 1 + LIMITER_TOKENS]
    return any(t.lower_ in SCOPE_LIMITERS for t in following)


def _wished(governor: Token, relation: str) -> bool:
    """ "would like to" + an infinitive."""
    return (
        governor.lemma_.lower() == "like"
        and relation == "xcomp"
        and any(c.lower_ in WOULD_AUXILIARIES for c in governor.children)
    )


def _performed(governor: Token, relation: str, wished: Token) -> bool:
    """ "I would like to thank you": 'would like to' performs a speech act; it does not wish it.
    Any other act is wished ("I would like to discuss three matters": not yet discussed)."""
    return _wished(governor, relation) and wished.lemma_.lower() in PERFORMATIVE_VERBS


def _performed_wish(governor: Token, relation: str, wished: Token) -> bool:
    """ "I want to thank you", "We wish to welcome you to Moscow": a speaker's present wish to
    perform a speech act performs it."""
    return (
        governor.lemma_.lower() in PERFORMING_WISHES
        and relation == "xcomp"
        and governor.tag_ in {"VBP", "VBZ"}
        and wished.lemma_.lower() in PERFORMATIVE_VERBS
        and any(c.dep_ == "nsubj" and c.lower_ in {"i", "we"} for c in governor.children)
    )


def _taken_occasion(governor: Token) -> bool:
    """ "we have a chance to discuss", "glad to have the opportunity to meet": the occasion is
    being taken (a meeting under way), not a mere possibility."""
    owner = governor.head
    return (
        governor.lemma_.lower() in OCCASION_NOUNS
        and governor.dep_ == "dobj"
        and owner.lemma_.lower() == "have"
        and owner.tag_ in {"VBP", "VBZ", "VB"}
        and not any(
            c.dep_ == "aux" and c.lower_ in FUTURE_AUX | HYPOTHETICAL_AUX for c in owner.children
        )
    )


def _governor_reading(governor: Token, relation: str) -> FactualityReading | None:
    """What a governing predicate says about the event in its complement."""
    lemma = governor.lemma_.lower()
    if lemma in ATTEMPT_GOVERNORS or _taken_occasion(governor):
        return None
    if lemma == "go" and relation == "xcomp" and any(c.dep_ == "aux" for c in governor.children):
        return FactualityReading("future", "going to", intended=True)
    if relation == "acl" and governor.pos_ == "NOUN" and lemma in PLAN_NOUNS:
        # "announced plans to travel", "a proposal to hold talks": planned, not yet done
        return FactualityReading("future", governor.text, intended=True)
    if _wished(governor, relation):  # "I would like to discuss": a wish, as "want to"
        return FactualityReading("future", "would like", intended=True)
    if lemma in FUTURE_GOVERNORS and relation in {"xcomp", "ccomp", "acomp"}:
        # an expectation or a plot is no announced intention (a plot is no threat either)
        return FactualityReading(
            "future", governor.text, intended=lemma not in NO_INTENTION_GOVERNORS
        )
    if lemma in HYPOTHETICAL_GOVERNORS:
        return FactualityReading("hypothetical", governor.text)
    if lemma in CLAIM_PREDICATES and relation in {"ccomp", "xcomp", "acl", "advcl"}:
        return FactualityReading("claimed", governor.text)
    if lemma in REPORTING_VERBS and relation in {"ccomp", "xcomp"}:
        return FactualityReading("reported", governor.text)
    if lemma == "accord":  # "according to X"
        return FactualityReading("reported", governor.text)
    return None


def governors(token: Token, limit: int = GOVERNOR_HOPS) -> list[tuple[Token, str]]:
    """The chain of predicates governing ``token``: (governor, relation of the step below)."""
    chain: list[tuple[Token, str]] = []
    current = token
    for _ in range(limit):
        dep = current.dep_
        head = current.head
        if head.i == current.i:
            break
        if dep in {"pobj", "pcomp"} and head.dep_ == "prep":
            # "a claim to have encircled", "chance of", "after expelling them": through the preposition
            chain.append((head.head, dep))
            current = head.head
            continue
        elif dep in CLIMB_DEPS:
            chain.append((head, dep))
        elif dep in {"relcl"}:
            break
        else:
            break
        current = head
    return chain


def read_factuality(
    trigger: Token, *, content_of: str | None = None, clause: Token | None = None
) -> FactualityReading:
    """The factuality of the event triggered at ``trigger``.

    ``clause`` is the predicate whose clause carries the event (the support verb of "held talks";
    the trigger itself otherwise). ``content_of`` is the PLOVER type of a governing act when the
    event is that act's content (see the module docstring).
    """
    head = clause if clause is not None else trigger
    chain = governors(head)
    reading = FactualityReading("asserted", None)
    if head.pos_ in {"NOUN", "PROPN"}:
        # a nominal event without a support verb is presupposed ("despite Trump's exhortations",
        # "the war ... could come to an end"): only its own negation and a reporting context apply
        governor = chain[0][0] if chain else None
        if governor is not None and governor.lemma_.lower() in HYPOTHETICAL_GOVERNORS:
            # "at risk of a horrible massacre", "the threat of an attack": only a possibility
            reading = _stronger(reading, FactualityReading("hypothetical", governor.text))
        nearby = [g for g, _ in chain[:2]] + ([head.head] if head.dep_ == "compound" else [])
        planned = [t for t in nearby if t.lemma_.lower() in PLAN_NOUNS]
        if planned:  # "an attack plot", "the preparation of a package of aid"
            reading = _stronger(reading, FactualityReading("future", planned[0].text))
        verb = head.head if head.dep_ in {"dobj", "nsubjpass"} else None
        if head.dep_ == "nsubj" and head.head.lemma_.lower() in _ONGOING_VERBS:
            # "A second town hall will take place Dec. 14", "contacts will continue"
            verb = head.head
        if head.dep_ == "nsubjpass" and _planned_now(head.head):
            # "Evacuation to Poltava is planned for March 15": not yet done
            reading = _stronger(reading, FactualityReading("future", head.head.text))
        if verb is not None and verb.lemma_.lower() in _ONGOING_VERBS:
            # "we will begin our withdrawal": the aspectual verb's tense and modals are the event's
            cues = _clause_cues(verb, under_reporting=False)
            if cues is not None and cues.factuality in {"future", "hypothetical", "negated"}:
                reading = _stronger(reading, cues)
        planned_by = [c for c in head.children if c.dep_ == "amod" and c.lower_ in PLANNED_WORDS]
        if planned_by:  # "a planned 48-hour strike", "the proposed talks"
            reading = _stronger(reading, FactualityReading("future", planned_by[0].text))
        chain = [(g, r) for g, r in chain if g.lemma_.lower() in _SOURCE_PREDICATES]
        if governor is not None and any(
            c.dep_ == "advmod" and c.lower_ in REPORTED_ADVERBS for c in governor.children
        ):  # "has reportedly bowed to Russia's demand": the demand is reported too
            reading = _stronger(reading, FactualityReading("reported", "reportedly"))
    under_reporting = any(g.lemma_.lower() in _SOURCE_PREDICATES for g, _ in chain)
    if _scheduled(head):  # "Mohamed and his father are to travel", "were to be transferred"
        reading = _stronger(reading, FactualityReading("future", head.head.text, intended=True))
    own = _clause_cues(head, under_reporting=under_reporting)
    if own is not None:
        reading = _stronger(reading, own)
    if clause is not None and clause.i != trigger.i:
        own = _clause_cues(trigger, under_reporting=under_reporting)
        if own is not None and own.factuality in {"negated", "reported"}:
            reading = _stronger(reading, own)
    if content_of is not None:
        content: dict[str, Factuality] = {
            "REQUEST": "hypothetical",
            "AGREE": "future",
            "THREATEN": "hypothetical",
            "REJECT": "negated",
            "ACCUSE": "claimed",
        }
        if content_of in content:
            reading = _stronger(
                reading, FactualityReading(content[content_of], f"content of {content_of}")
            )
    below = trigger  # the predicate one step down the chain from ``governor``
    presupposed = False  # climbed out of a "because" clause: no negation above reaches it
    for governor, relation in chain:
        wished, below = below, governor
        presupposed = presupposed or _presupposed_clause(wished, relation)
        lemma = governor.lemma_.lower()
        if lemma in _SOURCE_PREDICATES:
            # a source-introducing predicate: its own modals describe the report, not the event
            found = _governor_reading(governor, relation)
            if found is not None:
                reading = _stronger(reading, found)
            negation = _clause_cues(governor, under_reporting=False)
            if negation is not None and negation.factuality in {"reported"}:
                reading = _stronger(reading, negation)
            continue
        if _performed(governor, relation, wished) or _performed_wish(governor, relation, wished):
            # "I would like to thank you", "I want to thank you for pardoning him": the thanks
            # are performed (and what they are for, done)
            continue
        if lemma in FACTIVE_VERBS and relation in {"ccomp", "xcomp"}:
            break  # "You will remember we signed": a factive verb presupposes its complement
        found = _governor_reading(governor, relation)
        if found is not None:
            reading = _stronger(reading, found)
        cues = _clause_cues(governor, under_reporting=under_reporting)
        if presupposed and cues is not None and cues.factuality == "negated":
            continue  # "wasn't in his building because he's in jail, arrested in March"
        if (cues is not None and relation != "conj") or (
            cues is not None and cues.factuality == "reported"
        ):
            reading = _stronger(reading, cues)
    return reading


def _presupposed_clause(clause: Token, relation: str) -> bool:
    """An adverbial clause of reason or concession ("because he's in the Detention Center"):
    the writer asserts it, so its events happened though the main clause is negated."""
    return relation == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in PRESUPPOSED_MARKS for c in clause.children
    )
