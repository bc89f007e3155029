"""PLOVER's boundary rules: when the manual says an act of one kind is coded as another.

Each rule cites the manual section it comes from (PLOVER_MANUAL.tex, "Potential ambiguities" of
each category, the mode tables; design.md lists the main ones): future cooperation is AGREE,
announced retreats CONCEDE, intended conflict acts THREATEN, diplomatic protests ACCUSE,
captured combatants ASSAULT abduct, prison convictions COERCE arrest, peacekeeping deployments
AID, civilian strikes PROTEST.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from dateline.events.arguments import SUBJECT_DEPS, Argument, arguments
from dateline.events.factuality import NEGATIONS, FactualityReading
from dateline.events.patterns import sayer
from dateline.words import word_map, word_set

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dateline.document import Document
    from dateline.events.candidate import Candidate

COOPERATIVE = word_set("events", "boundary.cooperative")
STRIKE_LEMMAS = word_set("events", "boundary.strike_lemmas")
MATERIAL_CONFLICT = word_set("events", "boundary.material_conflict")
THREAT_MODE = word_map("events", "boundary.threat_mode")
COMBATANT_WORDS = word_set("events", "boundary.combatant_words")
COMBATANT_SECTORS = word_set("events", "boundary.combatant_sectors")
STATE_SECTORS = word_set("events", "boundary.state_sectors")
CIVILIAN_SECTORS = word_set("events", "boundary.civilian_sectors")
#: verbs of conferring an honour, and the decisions that confer it (records DECISIONS.md D21)
HONOUR_VERBS = word_set("events", "boundary.honour_verbs")
DECIDING_VERBS = word_set("events", "boundary.deciding_verbs")


def _sectors(doc: Document, ids: tuple[str, ...]) -> set[str]:
    found = set()
    for actor_id in ids:
        actor = doc.extraction.actor(actor_id)
        if actor is not None:
            found.add(actor.sector or "")
            if actor.kind == "country":
                found.add("GOV")
    return found


PRISON_WORDS = word_set("events", "boundary.prison_words")


PROTESTER_WORDS = word_set("events", "boundary.protester_words")


def _protesters(c: Candidate) -> bool:
    """ "protesters stormed the parliament": a crowd's violence is a riot."""
    doc = c.trigger.doc
    for argument in c.actors:
        span = doc.char_span(argument.span.start, argument.span.end, alignment_mode="expand")
        if span is not None and span.root.lemma_.lower() in PROTESTER_WORDS:
            return True
    return False


def _imprisons(trigger: Token) -> bool:
    """ "convicted X ... and sentenced him to seven years in prison"."""
    tokens = list(trigger.subtree)
    if trigger.dep_ == "conj":
        tokens += list(trigger.head.subtree)
    return any(t.lemma_.lower() in PRISON_WORDS for t in tokens)


def _peacekeeping(clause: Token) -> bool:
    return any(t.lemma_.lower().startswith("peacekeep") for t in clause.subtree)


REFUSABLE = word_map("events", "boundary.refusable")
FUTURE_AUX = word_set("events", "boundary.future_aux")
#: verbs of wishing whose negation asks that something not be done ("I do not want troops to go")
WISH_VERBS = word_set("events", "boundary.wish_verbs")
#: stances whose negation states a refusal, with the type the lexicon gives the stance
STANCE_REFUSALS = word_map("events", "boundary.stance_refusals")


FORCE_WORDS = word_set("events", "shared.force_nouns")
WARNING_MARKS = word_set("events", "boundary.warning_marks")
#: the links from an intended act up to the predicate its condition can hang on ("are going to
#: bomb", "would attack ... and would respond ... if")
CLAUSE_LINKS = word_set("events", "boundary.clause_links")
#: verbs whose prepositional object is the consequence of an act ("will lead to sanctions")
CONSEQUENCE_VERBS = word_set("events", "boundary.consequence_verbs")
#: verbs of announcing: an act announced under one with "will" is a threat
ANNOUNCING_VERBS = word_set("events", "boundary.announcing_verbs")


def _warning(c: Candidate) -> bool:
    """ "would attack any loudspeakers ... if the broadcasts do not stop", "would use force if
    diplomacy fails": an intended conflict act with a condition put to the other party is a
    warning, THREATEN (records DECISIONS.md D25). Without one ("They are going to bomb Odesa",
    "Ukraine will liberate its territories") it is a plan, its own type, possible (D7, D35,
    D129, D133). Reads the trigger's few ancestors and their children: no loop over the
    document."""
    # "an annexation will lead to powerful new sanctions" (D25's own example): the act is the
    # consequence of the other party's, the warning's condition
    for word in (c.trigger, c.clause):
        if word.dep_ == "pobj" and word.head.head.lemma_.lower() in CONSEQUENCE_VERBS:
            return True
    # "Turkey's president says it will begin a new military operation", "announced they will
    # extend curfew": an act its actor announces with "will" is a threat (PLOVER manual,
    # THREATEN, 'Auxiliary modes'; the PLV gold codes such announcements THREATEN), where a
    # plan told by another ("They are going to bomb", "planned to murder") is the act, possible
    clause = c.clause
    if (
        clause.dep_ == "ccomp"
        and clause.head.lemma_.lower() in ANNOUNCING_VERBS
        and any(a.dep_ == "aux" and a.lower_ in FUTURE_AUX for a in clause.children)
    ):
        return True
    predicates = [c.trigger, c.clause]
    word = c.clause
    while word.dep_ in CLAUSE_LINKS and word.head is not word:
        word = word.head
        predicates.append(word)
    for predicate in predicates:
        if _conditioned(predicate) or any(
            child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"} and _conditioned(child)
            for child in predicate.children
        ):
            return True
    return False


#: verbs of accepting what another puts forward: not doing so is a refusal, in any tense
REFUSED_ACCEPTANCE = word_set("events", "boundary.refused_acceptance")
#: modals of obligation: "mustn't allow" is a demand, not a refusal
DEONTIC = word_set("events", "coder.deontic")
#: the links from a nominal act up to the predicate whose condition it is put under ("can
#: expect punishing air strikes ... if he doesn't stop")
OBJECT_LINKS = word_set("events", "boundary.object_links")
#: verbs of a condition that the other party meets by acting: "if diplomacy fails"
FAILING_VERBS = word_set("events", "boundary.failing_verbs")
#: subordinators of a condition that is met by acting: "unless the broadcasts stop"
UNLESS_MARKS = word_set("events", "boundary.unless_marks")


def _ultimatum(c: Candidate) -> Token | None:
    """ "to destroy psychological warfare tools if the enemy does not stop the propaganda
    broadcast within 48 hours", "would use force if diplomacy fails", "can expect punishing
    air strikes ... if he doesn't stop building": a conflict act on a condition that the other
    party *not* do something (or fail at it) is an ultimatum, whatever the tense the act is put
    in (records DECISIONS.md D25: an ultimatum is THREATEN). The condition's clause, read off
    the trigger's few ancestors and their children, as :func:`_warning` does."""
    predicates = [c.trigger, c.clause]
    word = c.clause
    while word.dep_ in CLAUSE_LINKS | OBJECT_LINKS and word.head is not word:
        word = word.head
        predicates.append(word)
    return next(
        (
            child
            for predicate in predicates
            for child in predicate.children
            if child.dep_ == "advcl" and _unmet_condition(child)
        ),
        None,
    )


def _ultimatum_party(doc: Document, condition: Token) -> tuple[Argument, ...]:
    """Whom an ultimatum is put to: who must act, the condition's subject ("if he doesn't
    stop"), or whom the failing act was to move ("if diplomacy fails to force Saddam Hussein
    to back down")."""
    heads = [t for t in condition.children if t.dep_ in SUBJECT_DEPS]
    heads += [
        o
        for x in condition.children
        if x.dep_ == "xcomp"
        for o in x.children
        if o.dep_ in {"dobj", "dative"}
    ]
    for head in heads:
        named = [a for a in arguments(doc, [head]) if a.actors]
        if named:
            return tuple(named)
    return ()


def _unmet_condition(clause: Token) -> bool:
    """ "if the enemy does not stop", "if diplomacy fails", "unless they withdraw"; not a past
    counterfactual ("if the police had not stopped them"), which tells what did not happen."""
    marks = {m.lower_ for m in clause.children if m.dep_ == "mark"}
    if not marks & WARNING_MARKS or any(
        a.dep_ == "aux" and a.lower_ == "had" for a in clause.children
    ):
        return False
    return bool(
        marks & UNLESS_MARKS
        or clause.lemma_.lower() in FAILING_VERBS
        or any(n.dep_ == "neg" and n.lower_ in NEGATIONS for n in clause.children)
    )


EXERCISE_NOUNS = word_set("events", "boundary.exercise_nouns")
JOINT_WORDS = word_set("events", "boundary.joint_words")
JOINT_PREPOSITIONS = word_set("events", "arguments.joint_prepositions")


def _single_force_exercise(doc: Document, c: Candidate) -> bool:
    """ "observed the tactical exercises of the Armed Forces", "exercises will be conducted
    involving territorial defense units": one country's exercise, with no partner named on the
    noun ("joint", "with", "between") nor among its parties, shows its own force: MOBILIZE
    (records DECISIONS.md D43: single-country exercises are MOBILIZE, joint exercises with a partner
    COOPERATE; PLOVER manual, MOBILIZE and COOPERATE)."""
    noun = c.trigger
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in EXERCISE_NOUNS:
        return False
    for child in noun.children:
        if child.lemma_.lower() in JOINT_WORDS or child.lower_ in JOINT_PREPOSITIONS:
            return False
        if child.lower_ == "with" and child.dep_ == "prep":
            return False
    # "schools can run ... their own learning exercise": a civilian party's exercise is no show
    # of force (as a civilian strike is no attack, above)
    sectors = _sectors(doc, c.actor_ids)
    if sectors & CIVILIAN_SECTORS and not sectors & (COMBATANT_SECTORS | STATE_SECTORS):
        return False
    countries = set()
    for actor_id in (*c.actor_ids, *c.recipient_ids):
        actor = doc.extraction.actor(actor_id)
        if actor is not None and actor.country:
            countries.add(actor.country)
    return len(countries) <= 1


def _conditioned(predicate: Token) -> bool:
    return any(
        child.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in WARNING_MARKS for m in child.children)
        for child in predicate.children
    )


def _leaves_ground(trigger: Token) -> bool:
    """ "withdrew some of its troops from Syria", "withdrew from Kherson"."""
    if any(t.lemma_.lower().startswith("peacekeep") for t in trigger.subtree):
        return False  # REJECT ambiguities: "Withdrawal of military aid ... is coded as SANCTION"
    for token in trigger.subtree:
        if token.lemma_.lower() in FORCE_WORDS:
            return True
        if (
            token.dep_ == "pobj"
            and token.head.lower_ == "from"
            and token.ent_type_
            in {
                "GPE",
                "LOC",
            }
        ):
            return token.head.head.i == trigger.i
    return False


DEFENCE_LEMMAS = word_set("events", "boundary.defence_lemmas")
DEFENDED_GROUND = word_set("events", "boundary.defended_ground")
ATTACKERS = word_set("events", "boundary.attackers")
#: the recoding's name in an event's ``rule`` (the learned ranker leaves its target alone)
ARMED_DEFENCE = "armed defence -> ASSAULT"
REFLEXIVES = word_set("events", "boundary.reflexives")
AGREEMENT_REACHED = word_set("events", "boundary.agreement_reached")


def _agreement_reached(trigger: Token) -> bool:
    """ "the agreement was reached", "the agreements (we) reached today": the verb is passive or
    modifies the agreement it names, so the agreement is mentioned as a thing, not an act told."""
    if trigger.pos_ != "VERB" or trigger.lemma_.lower() not in AGREEMENT_REACHED:
        return False
    if trigger.dep_ in {"acl", "relcl"}:
        return True
    return any(t.dep_ in {"nsubjpass", "auxpass"} for t in trigger.children)


def _countries(doc: Document, ids: tuple[str, ...]) -> bool:
    """Whether one of the actors is a country or a place ("We defend Zaporizhzhia")."""
    return any(
        (actor := doc.extraction.actor(i)) is not None and actor.kind == "country" for i in ids
    )


def _armed_defence(doc: Document, c: Candidate) -> bool:
    """ "We defend Zaporizhzhia, Mykolaiv, Odesa", "the people rose to defend their state",
    "Ukraine is defending itself against the onslaught", "Ukrainians resist the aggression": a
    defence of ground or a polity, or resistance to an attacker, is fought, not said. Reads only
    the trigger's own children (no loop over the document)."""
    children = list(c.trigger.children)
    if any(t.dep_ == "aux" and t.lower_ == "to" for t in children):
        return False  # "the right to defend itself", "massed to defend Saudi Arabia": no act yet
    if any(t.dep_ == "nsubj" and t.lower_ == "you" for t in children):
        return False  # "You are brilliantly defending the country": the speaker's praise (D95)
    objects = [t for t in children if t.dep_ in {"dobj", "obj"}]
    against = [
        g
        for t in c.trigger.children
        if t.lower_ == "against"
        for g in t.children
        if g.dep_ == "pobj"
    ]
    # "We defend Zaporizhzhia, Mykolaiv, Odesa": the parser may take the first of a list of
    # cities for a person, so the list's other members say what is defended as well
    listed = [c for t in objects + against for c in t.conjuncts]
    for token in objects + against + listed:
        lemma = token.lemma_.lower()
        if lemma in ATTACKERS:
            return True
        if c.trigger.lemma_.lower() == "defend" and (
            lemma in DEFENDED_GROUND
            or token.ent_type_ in {"GPE", "LOC"}
            or _countries(doc, c.recipient_ids)
        ):
            return True
        if lemma in REFLEXIVES or token.lower_ in REFLEXIVES:
            # a state or an army defending itself; a person defends himself in words
            return bool(_sectors(doc, c.actor_ids) & (COMBATANT_SECTORS | {"GOV"}))
    if not objects:
        # "The Ukrainian people are resisting" (D130: resistance not said to be armed or unarmed
        # is [PROTEST, ASSAULT]); "our defenders defended": an armed actor
        if c.trigger.lemma_.lower() == "resist":
            return True
        return bool(_sectors(doc, c.actor_ids) & COMBATANT_SECTORS)
    return False


def _announced(clause: Token) -> bool:
    """ "will not release", "won't lift": a negated act with a future auxiliary."""
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in clause.children)


def _stated_refusal(c: Candidate) -> bool:
    """ "he does not recognize the jurisdiction", "they are not ready to take us": a negated
    stance of the speaker's own time; recognising a fact ("will not recognize that it is an
    aggressor") is a concession refused, no refused stance."""
    if STANCE_REFUSALS.get(c.trigger.lemma_.lower()) != c.type:
        return False
    return not any(t.dep_ == "ccomp" for t in c.trigger.children)


def apply_boundary_rules(doc: Document, c: Candidate, *, content_of: str | None) -> Candidate:
    """PLOVER's boundary rules (manual, "Potential ambiguities" of each category; design.md)."""
    # PROTEST 'strike': workers, teachers or doctors who strike stop work; they do not attack.
    # PROTEST 'riot': unarmed civilians or opposition clashing with police (manual: PROTEST is
    # civilian collective action; ASSAULT is organised violence)
    lemma = c.trigger.lemma_.lower()
    if c.type == "ASSAULT" and (lemma in STRIKE_LEMMAS or _protesters(c)):
        sectors = _sectors(doc, c.actor_ids)
        if sectors & CIVILIAN_SECTORS and not sectors & (COMBATANT_SECTORS | STATE_SECTORS):
            mode = "strike" if lemma == "strike" else "riot"
            c = replace(c, type="PROTEST", mode=mode, rule="civilian strike/riot -> PROTEST")
    # ASSAULT: a nation's or an army's "strikes" ("Russian strikes", "Israeli strikes on Gaza")
    # are military; a work stoppage is by workers, never by a nationality
    if c.type == "PROTEST" and lemma == "strike" and c.trigger.pos_ == "NOUN":
        sectors = _sectors(doc, c.actor_ids)
        national = any(
            m.dep_ in {"amod", "compound"} and m.ent_type_ in {"NORP", "GPE"}
            for m in c.trigger.lefts
        )
        if national and not sectors & CIVILIAN_SECTORS:
            c = replace(c, type="ASSAULT", mode=None, rule="national strike -> ASSAULT")
    # COERCE 'restrict': "Impose restrictions on ... movement, including cordoning off areas"
    # (manual, COERCE modes; CAMEO 191 impose blockade); PROTEST 'obstruct' is civilians' collective
    # action: a state or an army that blocks ports, a sea or deliveries ("Russia has blocked our
    # ports in the Black Sea") blockades them, as a civilian strike is no attack above
    if c.type == "PROTEST" and c.mode == "obstruct":
        sectors = _sectors(doc, c.actor_ids)
        if sectors & (COMBATANT_SECTORS | STATE_SECTORS) and not sectors & CIVILIAN_SECTORS:
            c = replace(c, type="COERCE", mode="restrict", rule="state blockade -> COERCE")
    # ASSAULT: an armed defence of ground or resistance to an attacker is fighting, not verbal
    # support or a refusal (records DECISIONS.md D118 "Our defense holds on" is ASSAULT against the
    # enemy; D130 resistance; D136 Ukraine's ongoing defence is ASSAULT by Ukraine, target []
    # unless the adversary is named): the defended ground is no target
    if (
        c.type in {"SUPPORT", "REJECT"}
        and lemma in DEFENCE_LEMMAS
        and c.trigger.pos_ == "VERB"
        and _armed_defence(doc, c)
    ):
        enemies = tuple(
            r
            for r in c.recipients
            if r.span.text and r.span.text.split()[-1].lower().rstrip("s") in ATTACKERS
        )
        c = replace(c, type="ASSAULT", mode=None, recipients=enemies, rule=ARMED_DEFENCE)
    # AGREE: records DECISIONS.md D123/D140 code an agreement already reached ("The agreement was
    # reached.", "the agreements reached following the talks") AGREE; the manual's SUPPORT
    # "finalize an agreement" stays for the active act a doer is told to do ("X reached a deal")
    if c.type == "SUPPORT" and _agreement_reached(c.trigger):
        c = replace(c, type="AGREE", mode=None, rule="agreement reached -> AGREE")
    reading = c.reading
    # REJECT "All rejections and refusals", modes assist/yield/meet: "will not release the
    # prisoners", "won't lift the embargo" announce a refusal (CAMEO 12 Reject)
    if (
        reading.factuality == "negated"
        and content_of is None
        and c.type in REFUSABLE
        and _announced(c.clause)
    ):
        return replace(
            c,
            type="REJECT",
            mode=REFUSABLE[c.type],
            reading=FactualityReading("asserted", reading.cue),
            rule="announced refusal -> REJECT",
        )
    # REJECT: a negated stance ("does not recognize", "was not ready to respond") is a refusal
    # stated, whatever the tense (records DECISIONS.md D119 "A stated refusal is a required
    # REJECT", D107 "will not lend our resources" a REJECT that happened)
    if reading.factuality == "negated" and content_of is None and _stated_refusal(c):
        return replace(
            c,
            type="REJECT",
            mode=REFUSABLE.get(c.type),
            reading=FactualityReading("asserted", reading.cue),
            rule="stated refusal -> REJECT",
        )
    # REJECT: "he does not recognize the jurisdiction of the U.S. court system", "did not accept
    # the offer": not recognising or accepting, in any tense, refuses what is put forward
    # (manual, REJECT "All rejections and refusals"; records DECISIONS.md D119: a stated
    # refusal is a required REJECT, not a negated act)
    if (
        reading.factuality == "negated"
        and lemma in REFUSED_ACCEPTANCE
        and any(child.dep_ == "neg" for child in c.trigger.children)
        # "mustn't allow the opportunists ... to get their hooks into Elian" asks, refuses nothing
        and not any(child.dep_ == "aux" and child.lower_ in DEONTIC for child in c.trigger.children)
    ):
        return replace(
            c,
            type="REJECT",
            mode=None,
            reading=FactualityReading("asserted", reading.cue),
            rule="refused acceptance -> REJECT",
        )
    # REQUEST: "I do not want troops to go to Ukraine from Belarus" asks that they not go; the
    # asking happened (issue 11: requests are possible, the asking itself happened)
    if (
        reading.factuality == "negated"
        and c.type == "REQUEST"
        and lemma in WISH_VERBS
        and any(child.dep_ == "neg" for child in c.trigger.children)
    ):
        return replace(
            c, reading=FactualityReading("asserted", reading.cue), rule="wish against -> REQUEST"
        )
    intended_future = reading.factuality == "future" and reading.intended and content_of is None
    asserted = FactualityReading("asserted", reading.cue)
    # SUPPORT: an honour stays the award it is, not a promise (records DECISIONS.md D21: awarding
    # by decree and "will be posthumously awarded" are SUPPORT by the president who signs); one its
    # giver "decided to award" is conferred by that decision ("Today I decided to award orders")
    if intended_future and c.type == "SUPPORT" and lemma in HONOUR_VERBS:
        done = c.trigger.dep_ == "xcomp" and c.trigger.head.lemma_.lower() in DECIDING_VERBS
        return replace(c, reading=asserted if done else reading, rule="conferred honour")
    # AGREE: "Cooperative actions ... reported in future tense ... should be coded as AGREE". The
    # intention is stated, the act not done: it stays future (records DECISIONS.md D7), as do
    # announced retreats (D43); a threat, below, is made and so asserted.
    if intended_future and c.type in COOPERATIVE:
        return replace(c, type="AGREE", mode=None, rule="future cooperation -> AGREE")
    # CONCEDE: "Announcements of future retreats should be coded as CONCEDE" (withdrawals and
    # ceasefires, the manual's examples); other intended retreats -- release, return, access,
    # disarm -- are CAMEO 0353-0356 "Express intent to release/allow/de-escalate", which
    # CAMEO2PLOVER maps to AGREE
    if intended_future and c.type == "RETREAT" and c.mode not in {"withdraw", "ceasefire"}:
        return replace(c, type="AGREE", mode=None, rule="intended release -> AGREE")
    if intended_future and c.type == "RETREAT":
        return replace(c, type="CONCEDE", mode=None, rule="announced retreat -> CONCEDE")
    # THREATEN: an ultimatum is a threat however its act is put ("would", "can expect", an
    # infinitive of purpose), when the act is not itself denied (D25)
    condition = (
        _ultimatum(c)
        if c.type in MATERIAL_CONFLICT and c.mode != "strike" and reading.factuality != "negated"
        else None
    )
    if condition is not None:
        # the threat is the speaker's when the act names no doer ("officials say Saddam can
        # expect strikes"), and against whom the condition is put
        said = () if c.actor_ids else tuple(a for a in sayer(doc, c.trigger) if a.actors)
        party = _ultimatum_party(doc, condition)
        return replace(
            c,
            type="THREATEN",
            mode=THREAT_MODE[c.type],
            actors=said or c.actors,
            recipients=party or c.recipients,
            reading=asserted,
            rule="ultimatum -> THREATEN",
        )
    # AGREE/THREATEN section 'Auxiliary modes': "THREATEN could be ASSAULT + hypothetical ... the
    # coder should always return the single event category": an intended conflict act put as a
    # warning, on a condition the other party can meet, is a threat (records DECISIONS.md D25);
    # a plan told without one keeps its type, possible (D7, D35, D129, D133). An announced strike
    # or walkout is the strike, planned (D82): workers who will stop work threaten no one
    if intended_future and c.type in MATERIAL_CONFLICT and c.mode != "strike" and _warning(c):
        return replace(
            c,
            type="THREATEN",
            mode=THREAT_MODE[c.type],
            reading=asserted,
            rule="intended conflict act -> THREATEN",
        )
    lemma = c.trigger.lemma_.lower()
    # SANCTION: "Convictions that result in imprisonment should also be coded as COERCE 'arrest'"
    if c.type == "SANCTION" and c.mode == "convict" and _imprisons(c.trigger):
        return replace(c, type="COERCE", mode="arrest", rule="conviction to prison -> COERCE")
    # MOBILIZE: one country's exercises show its force; joint ones are COOPERATE (D43)
    if c.type == "COOPERATE" and _single_force_exercise(doc, c):
        return replace(c, type="MOBILIZE", mode="troops", rule="single-force exercise -> MOBILIZE")
    # AID: "Military and police assistance including arms and personnel": a peacekeeping
    # deployment assists the host country; it is no show of force
    if c.type in {"MOBILIZE", "CONSULT"} and _peacekeeping(c.clause):
        return replace(c, type="AID", mode=None, rule="peacekeeping deployment -> AID")
    # ACCUSE: "diplomatic protests ... are coded as ACCUSE 'disapprove'"; PROTEST is civilian
    if lemma == "protest":
        if _sectors(doc, c.actor_ids) & STATE_SECTORS:
            return replace(c, type="ACCUSE", mode="disapprove", rule="diplomatic protest -> ACCUSE")
        return replace(c, type="PROTEST", mode="demo")
    # COERCE/ASSAULT: "Combatants captured during conflict should be coded as ASSAULT 'abduct'"
    recipient_words = {
        a.span.text.split()[-1].lower().rstrip("s") for a in c.recipients if a.span.text
    }
    combatants = bool(recipient_words & COMBATANT_WORDS) or bool(
        _sectors(doc, c.recipient_ids) & COMBATANT_SECTORS
    )
    if c.type == "COERCE" and c.mode == "arrest" and combatants:
        return replace(
            c, type="ASSAULT", mode="abduct", rule="captured combatants -> ASSAULT abduct"
        )
    # RETREAT: withdrawing troops from a country is a military retreat, not a cut in relations
    if c.type == "SANCTION" and c.mode == "withdraw" and _leaves_ground(c.trigger):
        return replace(c, type="RETREAT", mode="withdraw", rule="troops withdrawn -> RETREAT")
    # forcing armed forces out of ground is use of force, not the expulsion of diplomats
    if c.type == "SANCTION" and c.mode == "expel" and combatants:
        return replace(c, type="ASSAULT", mode=None, rule="expelling forces -> ASSAULT")
    return c


SENDING = word_set("events", "boundary.sending")
TEAM_NOUNS = word_set("events", "boundary.team_nouns")


def sent_for_a_purpose(candidates: list[Candidate]) -> list[Candidate]:
    """ "France sent experts to Saudi Arabia to investigate the attacks": the act is the
    investigation, carried out where the team is sent (its type and mode, the sending's dyad)."""
    by_trigger = {c.trigger.i: c for c in candidates}
    result = []
    for c in candidates:
        verb = c.trigger
        if c.type != "AID" or verb.lemma_.lower() not in SENDING:
            result.append(c)  # asked first: the team and purposes below walk the verb's objects
            continue
        team = [
            o
            for o in verb.children
            if o.dep_ == "dobj"
            and (
                o.lemma_.lower() in TEAM_NOUNS
                or any(t.lemma_.lower() in TEAM_NOUNS for t in o.subtree)
            )
        ]
        purposes = [
            by_trigger[p.i]
            for p in verb.children
            if p.dep_ in {"advcl", "xcomp"} and p.i in by_trigger
        ]
        if team and purposes:
            purpose = purposes[0]
            c = replace(c, type=purpose.type, mode=purpose.mode, rule="team sent -> its task")
        result.append(c)
    return result
