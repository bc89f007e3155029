"""Article-level filling of events whose clause names no one: the meeting's parties, the
outlet's leader in a title, the attack told before, the attacker of the sentence before, the
justice act's patient, the story's accused, the host country (:mod:`dateline.events.implicit`
finds them; here each event is given them, with the span where each was last named and the
rule's name on its record).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from dateline.caches import lemma_ids_in
from dateline.events import carry, implicit, links
from dateline.events.records import CERTAINTY, RULES_MARK, UNRATED_STRENGTH, rules_named
from dateline.events.vocabulary import cameo_of, quad_of, score_of
from dateline.model import Event, Span
from dateline.words import word_set

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dateline.document import Document, Voice


#: acts besides meetings that a press office's subjectless title tells of its leader, when the
#: title is about them: "Congratulations to President-elect of Turkmenistan", "Presenting the
#: Order of Friendship to X" (not "Support for Ukraine means ...": a topic, no one's act)
TITLE_LEADER_TYPES = word_set("events", "discourse.title_leader_types")


def _heads(doc: Document, event: Event) -> bool:
    """Whether an event's trigger heads its sentence (a title that is about the act)."""
    token = implicit.trigger_token(doc, event)
    return token is not None and token.dep_ == "ROOT"


def with_meeting_parties(doc: Document, events: list[Event], said_by: set[str]) -> list[Event]:
    """Meetings whose clause names no party: the outlet's leader hosts the title's "Telephone
    conversation with X" (and congratulates or decorates in a subjectless title), and "the talks", "the leaders discussed" are between the parties of the
    article's first meeting that names two (:mod:`dateline.events.implicit`)."""
    title_end = doc.paragraphs[0].end if doc.paragraphs else 0
    leader = doc.outlet_leader
    filled = []
    for event in events:
        if (
            (event.type == "CONSULT" or (event.type in TITLE_LEADER_TYPES and _heads(doc, event)))
            and not event.actors
            and leader is not None
            and event.trigger.start < title_end
            and leader not in event.recipients
        ):
            event = _given(doc, event, "outlet leader", actors=(leader,))
        filled.append(event)
    hosts, guests = implicit.meeting_parties(filled, title_end)
    for number, event in enumerate(filled):
        if event.id in said_by and hosts and event.type != "CONSULT":
            # "the leaders condemned", "the sides agreed": both parties act
            both = (*hosts, *(g for g in guests if g not in event.recipients))
            # "the leaders exchanged greetings": each greets the other, so both are its target
            given = both if not event.recipients and implicit.exchanged_between(doc, event) else ()
            filled[number] = _given(
                doc, event, "meeting parties act", actors=both, recipients=given
            )
            continue
        if (
            event.type == "CONSULT"
            and hosts
            and ((not event.actors and not event.recipients) or event.id in said_by)
        ):
            filled[number] = _filled(  # guests replace the recipients, even when there are none
                event,
                "meeting parties",
                actors=hosts,
                recipients=guests,
                actor_spans=_spans(doc, hosts, event),
                recipient_spans=_spans(doc, guests, event),
            )
            continue
        joint = implicit.joint_remark_parties(doc, event, (*hosts, *guests))
        if joint:  # "mutual commitment ... was expressed" in a readout: both parties' (D97)
            event = filled[number] = _given(doc, event, "joint remark", actors=joint)
        earlier = implicit.antecedent(doc, filled, event)
        if earlier is not None:
            # "The attack was launched on Wednesday": the attack told before, by whom on whom
            actors = event.actors or tuple(a for a in earlier.actors if a not in event.recipients)
            recipients = event.recipients or tuple(r for r in earlier.recipients if r not in actors)
            event = filled[number] = _filled(
                event,
                "earlier mention",
                actors=actors,
                recipients=recipients,
                actor_spans=event.actor_spans if event.actors else _spans(doc, actors, event),
                recipient_spans=(
                    event.recipient_spans if event.recipients else _spans(doc, recipients, event)
                ),
            )
        attacker = implicit.neighbouring_attacker(doc, filled, event)
        if attacker:
            # "They targeted the warehouses ... The grain warehouse was destroyed": D41
            event = filled[number] = _given(doc, event, "attacker before", actors=attacker)
        doer = implicit.named_doer(doc, event)
        if doer:
            # "Hernandez was kidnapped", the lede's "Kidnappers": D84
            event = filled[number] = _given(doc, event, "named doer", actors=doer)
        carried = carry.victims_attacker(doc, filled, event)
        if carried:
            # the lede's "presumed killed by Khmer Rouge guerrillas", then "he had probably been
            # killed": the same attack told before, by its attacker (D84, D41)
            event = filled[number] = _given(doc, event, "same attack before", actors=carried)
        doer = carry.patients_doer(doc, filled, event)
        if doer:
            # the lede's "imprisoned by the Church of Scientology", then "she was told to
            # disconnect from her mother": the doer of an earlier act on the same patient (D84)
            event = filled[number] = _given(doc, event, "patient's doer before", actors=doer)
        patient = implicit.justice_patient(doc, filled, event)
        if patient:
            # "arrested X and Y on drug charges": the charges are against X and Y too (D8)
            event = filled[number] = _given(doc, event, "justice patient", recipients=patient)
        charged = implicit.victims_attacker_charged(doc, filled, event)
        if charged:  # "This is a new act of aggression against Ukraine": its doer (D11, D84)
            event = filled[number] = _given(doc, event, "deed's doer before", recipients=charged)
        thanked = implicit.thanked_in_meeting(doc, filled, event)
        if thanked:
            event = filled[number] = _given(doc, event, "thanked in meeting", recipients=thanked)
        asked = implicit.asked_in_meeting(doc, filled, event)
        if asked:  # "the President also asked to consider ..." in a call readout: D106
            event = filled[number] = _given(doc, event, "asked in meeting", recipients=asked)
        counted = implicit.counted_in_title(doc, filled, event)
        if counted:  # "Two arrested ..." (title): the two the body names
            event = filled[number] = _given(doc, event, "counted in title", recipients=counted)
        reacted = implicit.reacted_to(doc, filled, event)
        if reacted:  # "Libya hailed the ruling": the court's, told before
            filled[number] = _given(doc, event, "reaction to an act", recipients=reacted)
    # after every justice act has its patient: the story's accused (D8) did the attacks told
    # without a doer and is whom the police acts naming no one were against
    accused = implicit.the_accused(doc, filled)
    for number, event in enumerate(filled):
        attacker = implicit.accused_attacker(doc, event, accused, filled)
        if attacker:  # "a woman was stabbed while she slept"
            event = filled[number] = _given(doc, event, "the accused", actors=attacker)
        patient = implicit.accused_patient(doc, event, accused)
        if patient:  # "police made the arrest after hearing from the woman's family"
            event = filled[number] = _given(doc, event, "the accused", recipients=patient)
        host = implicit.host_country(doc, event)
        if host:  # "We will begin our withdrawal today" (from Kazakhstan): D43
            filled[number] = _given(doc, event, "host country", recipients=host)
    return filled


def with_address_attacker(doc: Document, events: list[Event]) -> list[Event]:
    """Attacks an address tells with no attacker in their sentence or the one before take the
    address's attacker (:func:`dateline.events.implicit.attacker_of_address`; DECISIONS.md D41,
    D84, D9). An address none of whose attacks names a foreign attacker ("A cruise missile
    strike.", "The missile that hit Freedom Square.") still names its adversary by its charges
    ("Russia is a terrorist state"): :func:`address_accused`, which the charges' step reads later,
    is the attacker here too."""
    attacker = address_accused(doc, events)
    if attacker is None:
        return events
    filled = []
    for event in events:
        lent = implicit.attacker_of_address(doc, event, attacker)
        if lent:
            event = _given(doc, event, "attacker of the address", actors=lent)
        # the attacked: the speaker's country when the sentence names no one (D9, D41)
        hit = implicit.attacked_of_address(doc, event, attacker)
        if hit:
            event = _given(doc, event, "attacked of the address", recipients=hit)
        # the side's own attacks and defence go against the attacker (D39, D38, D9)
        foe = implicit.foe_of_address(doc, event, attacker)
        filled.append(_given(doc, event, "foe of the address", recipients=foe) if foe else event)
    return filled


def with_address_rescuer(doc: Document, events: list[Event]) -> list[Event]:
    """Rescues, evacuations, liberations and downings an address tells in an agentless passive
    ("about 35,000 people were rescued", "Russian planes were shot down") are the speaker's
    side's (:func:`dateline.events.implicit.rescuer_of_address`; DECISIONS.md D42, D39, D9)."""
    filled = []
    for event in events:
        rescuer = implicit.rescuer_of_address(doc, event)
        filled.append(
            _given(doc, event, "rescuer of the address", actors=rescuer) if rescuer else event
        )
    return filled


def with_address_hearer(doc: Document, events: list[Event]) -> list[Event]:
    """Requests and thanks an address says to "you" or as an imperative, naming no one, go to the
    audience its title names (:func:`dateline.events.implicit.hearer_of_address`; DECISIONS.md
    D9, D76, D100, D106); with no audience named, an imperative goes to the nation (D76,
    :func:`dateline.events.implicit.nation_of_address`)."""
    hearer = implicit.address_hearer(doc)
    filled = []
    for event in events:
        if hearer is None:
            # a title naming no audience: the imperatives go to the nation (D76)
            heard = implicit.nation_of_address(doc, event)
        else:
            heard = implicit.hearer_of_address(doc, event, hearer)
        rule = "hearer of the address" if hearer is not None else "nation of the address"
        if not heard:
            # a foreign actor's aid naming no one helped: to the speaker's country (D9)
            heard, rule = implicit.helped_of_address(doc, event), "helped of the address"
        filled.append(_given(doc, event, rule, recipients=heard) if heard else event)
    return filled


def _names_a_deed(doc: Document, event: Event) -> bool:
    """An ACCUSE on a deed's noun that names no doer ("This is torture.")."""
    if event.type != "ACCUSE" or event.recipients:
        return False
    token = implicit.trigger_token(doc, event)
    return token is not None and token.lemma_.lower() in CHARGING_DEEDS


def with_judged_attackers(doc: Document, events: list[Event]) -> list[Event]:
    """Once every attack has its attacker: "Russian forces shelled Kharkiv. This is definitely
    a military crime." accuses them; a label pointing back at no attacker accuses no one (D26)
    and is dropped (:func:`dateline.events.implicit.judged_attacker`), except in a wartime
    address, where a label or a deed's noun that names no doer charges the address's attacker
    (:func:`dateline.events.implicit.charged_in_address`)."""
    kept = []
    attacker: str | None = None  # the address's attacker, found once for the first label
    looked = False
    for event in events:
        judged = implicit.judged_attacker(doc, events, event)
        if judged is None and _names_a_deed(doc, event):
            # "This is torture." (rule "named deed"): the charge of the address's attacker too
            if not looked:
                attacker, looked = address_accused(doc, events), True
            judged = implicit.charged_in_address(doc, event, attacker) or None
            rule = "attacker of the address"
        elif judged == ():
            # an unpointed label in an address charges the address's attacker (D11, D26, D41)
            if not looked:
                attacker, looked = address_accused(doc, events), True
            judged = implicit.charged_in_address(doc, event, attacker)
            rule = "attacker of the address"
        else:
            rule = "judged attack"
        if judged == ():
            continue
        kept.append(_given(doc, event, rule, recipients=judged) if judged else event)
    return kept


def address_accused(doc: Document, events: list[Event]) -> str | None:
    """Whom a wartime address's charges that name no doer accuse: its attacker
    (:func:`dateline.events.implicit.address_attacker`), else, when none of its attacks names one
    ("The missile that hit Freedom Square", "This is terror against the city"), the actor its
    own named charges accuse most often ("Russia is a terrorist state"), of a country not the
    speaker's. D11 and D26 make a speaker's charge word an ACCUSE against whom it charges, D41
    and D84 lend an address's unattributed acts the adversary the address names; an address that
    names its adversary only by charging it still names it. One pass over the events."""
    attacker = implicit.address_attacker(doc, events)
    if attacker is not None:
        return attacker
    counts: dict[str, int] = {}
    for event in events:
        if event.type != "ACCUSE" or not event.actors:
            continue
        voice = doc.voice_at(event.trigger.start)
        if voice is None or voice.addressee is not None or voice.speaker not in event.actors:
            continue
        home = implicit.speakers_side(doc, voice.speaker)
        for actor in event.recipients:
            if actor not in home:
                counts[actor] = counts.get(actor, 0) + 1
    return max(counts, key=lambda a: counts[a]) if counts else None


#: nouns of a violent deed that charge its doer with a crime by naming it ("Russia ... continue the
#: genocide in Ukraine", "the murder of peaceful Ukrainian people")
CHARGING_DEEDS = word_set("events", "discourse.charging_deeds")


def with_charged_deeds(doc: Document, events: list[Event]) -> list[Event]:
    """ "Europeans must tighten sanctions against Russia so that it has no chance to continue the
    genocide in Ukraine", "This attack on Kharkiv is a war crime": a deed named by a crime's noun
    in a speaker's own words is the deed (its ASSAULT) and also the speaker's charge against its
    doers, one more event on the same trigger (records DECISIONS.md D11: "Russia is committing
    genocide" is ACCUSE by the speaker, the accused act its own event; D26: a charge word;
    guidelines: one event per trigger and type). The speaker is an address's voice (a voice
    with no addressee); the doers are those the deed names, never the speaker's own side, else,
    in an address, the one the address accuses (:func:`address_accused`, as D41 lends its
    attacker). The charge is as told (its factuality the deed's words do not change); for a deed
    naming no doer, none where the sentence already holds an ACCUSE (a second label is optional,
    D26)."""
    charged = {e.trigger for e in events if e.type == "ACCUSE"}
    accused_sentences = {e.evidence for e in events if e.type == "ACCUSE"}
    attacker: str | None = None  # the address's accused, found once for the first deed
    looked = False
    kept: list[Event] = []
    for event in events:
        kept.append(event)
        if event.trigger in charged or not _charging_deed(doc, event):
            continue
        if not event.actors:
            if event.evidence in accused_sentences:
                continue  # the sentence's charge is made already: a second is optional (D26)
            if not looked:
                attacker, looked = address_accused(doc, events), True
        charge = _deed_charge(doc, event, attacker)
        if charge is not None:
            kept.append(charge)
            accused_sentences.add(event.evidence)
    return kept


def _charging_deed(doc: Document, event: Event) -> bool:
    """An ASSAULT on a crime's noun (:data:`CHARGING_DEEDS`), its verb, or a verb whose object it
    is, said in an address."""
    if event.type != "ASSAULT":
        return False
    voice = doc.voice_at(event.trigger.start)
    if voice is None or voice.addressee is not None:
        return False
    token = implicit.trigger_token(doc, event)
    if token is None:
        return False
    if token.pos_ == "NOUN":
        return token.lemma_.lower() in CHARGING_DEEDS
    # the crime's verb ("pay money for murdering people") or a verb of doing whose object is
    # the crime ("The state committing military crimes against civilians"): the same charge
    # word said of the deed's doer (D11: "Russia is committing genocide", D26); the verb's own
    # children only, no walk
    return token.pos_ == "VERB" and (
        token.lemma_.lower() in CHARGING_DEEDS
        or any(c.dep_ == "dobj" and c.lemma_.lower() in CHARGING_DEEDS for c in token.children)
    )


def _deed_charge(doc: Document, event: Event, attacker: str | None) -> Event | None:
    """The speaker's charge a deed's noun in an address makes (:func:`with_charged_deeds`)."""
    voice = doc.voice_at(event.trigger.start)
    if voice is None:
        return None
    home = implicit.speakers_side(doc, voice.speaker)
    accused = [
        (a, s) for a, s in zip(event.actors, event.actor_spans, strict=False) if a not in home
    ]
    if not event.actors and attacker is not None and attacker not in home:
        # "It will be a war crime.": the deed names no doer; the address's accused did it (D41)
        accused = list(zip((attacker,), _spans(doc, (attacker,), event), strict=False))
    if not accused:
        return None
    speaker = (voice.speaker,)
    charge = _accusation(event, "charge", speaker, _spans(doc, speaker, event), accused)
    return _filled(charge, "deed named as a charge")


#: verbs that put a point on record ("emphasised that", "It was noted that", "pointed out"), a
#: phrasal one written with its particle ("point out")
NOTING_VERBS = word_set("events", "discourse.noting_verbs")
#: hostile acts that, told of a named other side in a noted clause, charge their doer (D73)
NOTED_HOSTILE_TYPES = word_set("events", "discourse.noted_hostile_types")
#: cooperative acts that, told negated of a named other side in a noted clause, charge their doer
NOTED_WITHHELD_TYPES = word_set("events", "discourse.noted_withheld_types")
#: how many heads up from a charged act's trigger its noting verb may stand ("noted that Kiev
#: still refused to fulfil": refuse <- noted is one; "continued to stubbornly refuse" two): a
#: bounded walk per hostile event, never per token of the document
NOTED_DEPTH = 3
#: links a charged act may climb on its way to the noting verb: "continued to ... refuse"
#: (xcomp), "was not ready" (acomp), "refused ... and sabotaged" (conj)
NOTED_CLIMB_DEPS = word_set("events", "discourse.noted_climb_deps")


def with_noted_charges(doc: Document, events: list[Event]) -> list[Event]:
    """ "Vladimir Putin emphasised that Kiev continued to stubbornly refuse to fulfil the Minsk
    agreements", "It was noted that NATO was not ready to respond adequately": a hostile act (or
    a cooperative one withheld) that a speaker or a readout notes, stresses or points out of a
    named other side is the noter's charge against its doer, one ACCUSE on the noting verb (records
    DECISIONS.md D73: such a readout remark is ACCUSE by the President, required, the charged act
    its own event; D11: an explicit charge against an actor). The noter is the verb's reporter,
    else, in a readout's passive, the outlet's head of state; never against the noter's own side,
    and not where the sentence already holds an ACCUSE (one charge per sentence is what the gold
    requires; a second is optional, D26)."""
    accused_sentences = {e.evidence for e in events if e.type == "ACCUSE"}
    kept: list[Event] = []
    for event in events:
        kept.append(event)
        if event.evidence in accused_sentences:
            continue
        charge = _noted_charge(doc, event)
        if charge is not None:
            kept.append(charge)
            accused_sentences.add(event.evidence)
    return kept


def _noting_verb(token: Token) -> Token | None:
    """The noting verb whose that-clause holds ``token`` (:data:`NOTED_DEPTH` heads up at most)."""
    for _ in range(NOTED_DEPTH):
        head = token.head
        if head is token:
            return None
        if token.dep_ == "ccomp":
            particle = next((c.lower_ for c in head.children if c.dep_ == "prt"), None)
            said = f"{head.lemma_.lower()} {particle}" if particle else head.lemma_.lower()
            return head if said in NOTING_VERBS else None
        if token.dep_ not in NOTED_CLIMB_DEPS:
            return None
        token = head
    return None


def _noted_charge(doc: Document, event: Event) -> Event | None:
    """The noter's charge a hostile act in a noted clause makes (:func:`with_noted_charges`)."""
    hostile = event.type in NOTED_HOSTILE_TYPES and event.factuality != "negated"
    withheld = event.type in NOTED_WITHHELD_TYPES and event.factuality == "negated"
    if not (hostile or withheld) or not event.actors or not event.actor_spans:
        return None
    token = implicit.trigger_token(doc, event)
    verb = _noting_verb(token) if token is not None else None
    if verb is None:
        return None
    clause = verb.doc[verb.i + 1 : verb.sent.end]  # the doer is named after the noting verb
    doers = [
        (a, s)
        for a, s in zip(event.actors, event.actor_spans, strict=False)
        if clause.start_char <= s.start < clause.end_char
    ]
    if event.reporter is not None:
        noter: tuple[str, ...] = (event.reporter,)
        noter_spans = _spans(doc, noter, event)
    else:
        principal = implicit.readout_principal(doc, verb)
        noter = tuple(a for p in principal for a in p.actors)
        noter_spans = tuple(p.span for p in principal)
    if not noter or not noter_spans:
        return None
    home = implicit.speakers_side(doc, noter[0])
    accused = [(a, s) for a, s in doers if a not in home]
    if not accused:
        return None
    charge = _accusation(
        event,
        "noted",
        noter,
        noter_spans,
        accused,
        trigger=doc.span(verb.idx, verb.idx + len(verb.text)),
        date=links.event_date(doc, verb),
        place=links.event_place(doc, verb),
        reporter=None,
        rule=f"noted charge [verb '{verb.lemma_.lower()}']",  # a recoding of the noting verb's row
    )
    return _filled(charge, "noted hostile act")


#: words that make a noted noun phrase a fault of the side it names ("the absence of a response
#: from the United States", "the reluctance of the Western powers"), not a merit or a need
NOTED_FAULTS = word_set("events", "discourse.noted_faults")
#: verbs that note a point with "attention" as their object ("drew attention to the absence of")
ATTENTION_VERBS = word_set("events", "discourse.attention_verbs")
#: the prepositions by which a noted noun names the side it is a fault of ("the reluctance of
#: the Western powers", "treatment of refugees by Polish border guards", "a response from NATO")
FAULT_PREPOSITIONS = word_set("events", "discourse.fault_prepositions")


def with_noted_faults(doc: Document, events: list[Event]) -> list[Event]:
    """ "Vladimir Putin once again drew attention to the absence of a substantive response from
    the United States and NATO", "He also stressed the reluctance of the leading Western powers
    ...", "Thus, Kiev's chronic subversion of the Minsk agreements was underscored": a noun phrase
    that a noting verb takes as its object (or its passive subject, or the point "attention" is
    drawn to) and that names a fault (:data:`NOTED_FAULTS`) of a named other side, as its
    possessor or after "of", "by", "from", is the noter's charge against that side: one ACCUSE on
    the noting verb (records DECISIONS.md D73: a readout's remark that charges a named actor is
    ACCUSE by the President, required; D26: an evaluative claim about a named actor). The noter
    is the verb's subject, else the voice's speaker, else, in a readout's passive, the outlet's
    head of state; never against the noter's own side, and not where the sentence holds an
    ACCUSE already (a second is optional, D26). One bounded walk (:data:`NOTED_DEPTH` heads) per
    actor mention, never per token of the document."""
    if not events:
        return events
    accused_sentences = {e.evidence for e in events if e.type == "ACCUSE"}
    found: dict[int, tuple[Token, Span, list[tuple[str, Span]]]] = {}
    noting = _noting_sentences(doc)
    noting_starts = [start for start, _ in noting]
    for mention in doc.mentions:
        if mention.actor is None:
            continue
        # the last sentence that starts before the mention ends (sorted, disjoint) holds no word
        # that could be the noting verb, or the mention ends before it: no verb above the mention
        if not _in_sentences(noting, noting_starts, mention.span):
            continue
        verb = _fault_noting_verb(doc, mention.span)
        if verb is None:
            continue
        evidence = doc.sentence_span(verb.sent)
        if evidence in accused_sentences:
            continue
        _, _, accused = found.setdefault(verb.i, (verb, evidence, []))
        accused.append((mention.actor, mention.span))
    template = events[0]
    kept = list(events)
    for verb, evidence, accused in found.values():
        charge = _fault_charge(doc, template, verb, evidence, accused)
        if charge is not None:
            kept.append(charge)
    return kept


#: the lemmas a noting verb of :func:`_fault_noting_verb` can have (a phrasal verb's first word)
_NOTING_LEMMAS = frozenset(w.split()[0] for w in NOTING_VERBS) | ATTENTION_VERBS


def _noting_sentences(doc: Document) -> list[tuple[int, int]]:
    """The characters (from a sentence's start to the next one's) of the sentences that hold a
    word whose lemma a noting verb has: the verb :func:`_fault_noting_verb` finds is a head above
    the mention, so in its sentence, and most sentences have none."""
    return _sentences_with_lemmas(doc, _NOTING_LEMMAS)


def _in_sentences(sentences: list[tuple[int, int]], starts: list[int], span: Span) -> bool:
    """Whether ``span`` overlaps one of ``sentences`` (sorted, disjoint; ``starts`` their
    starts): the last one that starts before the span ends, unless it ends before the span."""
    last = bisect.bisect_left(starts, span.end) - 1
    return last >= 0 and sentences[last][1] > span.start


def _sentences_with_lemmas(doc: Document, wanted_lemmas: frozenset[str]) -> list[tuple[int, int]]:
    """The characters (from a sentence's start to the next one's) of the sentences that hold a
    word whose lower-cased lemma is one of ``wanted_lemmas``. Each distinct lemma of the article
    is read once from the parse's arrays (:meth:`Document.lemma_ids`), not a Span and its root
    built per mention; the tokens of the few wanted ones found by a comparison each."""
    import numpy as np

    token_lemmas, distinct = doc.lemma_ids()
    wanted = lemma_ids_in(distinct, wanted_lemmas, doc.parsed.vocab.strings)
    if not wanted:
        return []
    sentences = doc.sentences()
    parsed = doc.parsed
    found = functools.reduce(np.logical_or, [token_lemmas == lemma for lemma in wanted])
    numbers = sorted({doc.sentence_number(parsed[i]) for i in np.flatnonzero(found).tolist()})
    return [
        (
            sentences[n].start_char,
            sentences[n + 1].start_char if n + 1 < len(sentences) else len(doc.text),
        )
        for n in numbers
    ]


def _fault_noting_verb(doc: Document, span: Span) -> Token | None:
    """The noting verb of whose object a mention names the fault's side, if any."""
    char = doc.parsed.char_span(span.start, span.end, alignment_mode="expand")
    if char is None:
        return None
    token = char.root
    while token.dep_ == "conj" and token.head is not token:  # "the United States and NATO"
        token = token.head
    if token.dep_ == "poss":
        noun = token.head
    elif token.dep_ == "pobj" and token.head.lower_ in FAULT_PREPOSITIONS:
        noun = token.head.head
    else:
        return None
    for _ in range(NOTED_DEPTH):
        verb = _noting_object_verb(noun)
        if verb is not None:
            faulty = any(t.lemma_.lower() in NOTED_FAULTS for t in noun.subtree)
            return verb if faulty else None
        # "the absence of a substantive response from the United States": up to the head noun
        if noun.dep_ != "pobj" or noun.head.lower_ not in FAULT_PREPOSITIONS:
            return None
        noun = noun.head.head
    return None


def _noting_object_verb(noun: Token) -> Token | None:
    """The noting verb whose object (or passive subject) ``noun`` is ("stressed the reluctance",
    "subversion ... was underscored"), or whose "attention" it is drawn to ("drew attention to
    the absence")."""
    head = noun.head
    if noun.dep_ in {"dobj", "nsubjpass"} and head.pos_ == "VERB":
        particle = next((c.lower_ for c in head.children if c.dep_ == "prt"), None)
        said = f"{head.lemma_.lower()} {particle}" if particle else head.lemma_.lower()
        return head if said in NOTING_VERBS else None
    if noun.dep_ == "pobj" and head.lower_ == "to":
        verb = head.head
        drawn = any(c.lower_ == "attention" for c in verb.children)
        if verb.pos_ == "VERB" and verb.lemma_.lower() in ATTENTION_VERBS and drawn:
            return verb
    return None


def _charge_on_verb(
    doc: Document, template: Event, verb: Token, evidence: Span, rule: str
) -> Event:
    """A rule's ACCUSE draft on ``verb`` (no parties yet): its own id, trigger, date and place,
    no reporter, and the rule's name as a recoding of the verb (``rule [verb 'x']``)."""
    return replace(
        template,
        id=f"ev-{verb.idx}",
        context=(),
        evidence=evidence,
        trigger=doc.span(verb.idx, verb.idx + len(verb.text)),
        date=links.event_date(doc, verb),
        place=links.event_place(doc, verb),
        reporter=None,
        # a charge the rule makes, of no lexicon row's strength: unrated, as told
        confidence=round(UNRATED_STRENGTH * CERTAINTY["asserted"], 3),
        rule=f"{rule} [verb '{verb.lemma_.lower()}']",
    )


def _charge_of_others(
    doc: Document,
    base: Event,
    noter: tuple[str, ...],
    noter_spans: tuple[Span, ...],
    accused: list[tuple[str, Span]],
    kind: str,
    rule: str,
) -> Event | None:
    """The charge of ``noter`` against the accused who are not of the noter's own side (none
    left, or no noter: no charge)."""
    if not noter or not noter_spans:
        return None
    home = implicit.speakers_side(doc, noter[0])
    others = [(a, s) for a, s in dict(accused).items() if a not in home]
    if not others:
        return None
    return _filled(_accusation(base, kind, noter, noter_spans, others), rule)


def _fault_charge(
    doc: Document,
    template: Event,
    verb: Token,
    evidence: Span,
    accused: list[tuple[str, Span]],
) -> Event | None:
    """The noter's ACCUSE on ``verb`` against the named sides of a noted fault
    (:func:`with_noted_faults`)."""
    # a recoding of the noting verb
    base = _charge_on_verb(doc, template, verb, evidence, "noted fault")
    noter, noter_spans = _noter(doc, verb, base, doc.voice_at(verb.idx))
    return _charge_of_others(doc, base, noter, noter_spans, accused, "fault", "noted fault")


#: verbs whose act is a wrongdoing of their subject, so that a speaker who tells it of a named
#: other side charges that side ("noted that Kiev was sabotaging the talks", "said Castro is
#: orchestrating the visit"): none is a lexicon trigger, so the act is no event of its own
WRONGDOING_VERBS = word_set("events", "discourse.wrongdoing_verbs")
#: words that make a told wrongdoing no charge: a negation ("did not obstruct"), a modal ("would
#: break international law") or a condition ("if Kiev sabotages"), on the verb or its clause
UNCHARGED_MARKS = (
    word_set("events", "factuality.negations")
    | word_set("events", "factuality.hypothetical_aux")
    | word_set("events", "factuality.future_aux")
    | word_set("events", "factuality.conditional_marks")
)
#: how a wrongdoing verb's children carry those marks ("not", "would", "if")
UNCHARGED_DEPS = word_set("events", "discourse.uncharged_deps")
#: verbs of trying, over a wrongdoing only intended ("tries to sabotage"): a claim about intent,
#: which D26 makes optional
ATTEMPTS = word_set("events", "factuality.attempt_governors")


def with_reported_wrongdoings(doc: Document, events: list[Event]) -> list[Event]:
    """ "The President of Russia noted that Ukraine was obstructing these measures", "He said
    they have manipulated his son", "many Cuban Americans said Castro is orchestrating the
    visit": a wrongdoing verb (:data:`WRONGDOING_VERBS`) whose subject, or passive agent, is a
    named actor, told in a reported clause, is the reporter's charge against that actor: one
    ACCUSE on the verb (records DECISIONS.md D11: a speaker's explicit charge against an actor is
    ACCUSE by the speaker against that actor; D26: a charge word about a named actor; D73: a
    readout's remark is the President's). The reporter is the quotes stage's, else the subject of
    the noting verb whose that-clause holds it, else the address's speaker, else, in a readout's
    passive, the outlet's head of state. Not when negated, modal or conditional, never against the
    reporter's own side, and not where the sentence holds an ACCUSE already (a second is optional,
    D26). One bounded walk per actor mention (its head, one xcomp, :data:`NOTED_DEPTH` heads to a
    noting verb), never per token of the document."""
    if not events:
        return events
    accused_sentences = {e.evidence for e in events if e.type == "ACCUSE"}
    found: dict[int, tuple[Token, Span, list[tuple[str, Span]]]] = {}
    # the verb found is the mention's head or that head's xcomp, so in the mention's sentence,
    # and its lemma is a wrongdoing verb's: only mentions in a sentence holding one are walked
    # (26,616 Spans built for the 400 benchmark documents' mentions, almost all for nothing)
    wrongdoing = _sentences_with_lemmas(doc, WRONGDOING_VERBS)
    wrongdoing_starts = [start for start, _ in wrongdoing]
    for mention in doc.mentions:
        if mention.actor is None or not _in_sentences(wrongdoing, wrongdoing_starts, mention.span):
            continue
        verb = _wrongdoing_verb(doc, mention.span)
        if verb is None:
            continue
        evidence = doc.sentence_span(verb.sent)
        if evidence in accused_sentences:
            continue
        _, _, accused = found.setdefault(verb.i, (verb, evidence, []))
        accused.append((mention.actor, mention.span))
    template = events[0]
    kept = list(events)
    for verb, evidence, accused in found.values():
        if evidence in accused_sentences:
            continue
        charge = _wrongdoing_charge(doc, template, verb, evidence, accused)
        if charge is not None:
            kept.append(charge)
            accused_sentences.add(evidence)
    return kept


def _uncharged(verb: Token) -> bool:
    """Whether a verb is told negated, modal or conditional ("would break", "if ... sabotages")."""
    return any(c.dep_ in UNCHARGED_DEPS and c.lower_ in UNCHARGED_MARKS for c in verb.children)


def _wrongdoing_verb(doc: Document, span: Span) -> Token | None:
    """The wrongdoing verb a mention is the doer of: its subject ("Kiev was sabotaging"), the
    subject of a verb it goes on doing ("continue to sabotage"), or its passive agent ("being
    manipulated by Fidel Castro")."""
    char = doc.parsed.char_span(span.start, span.end, alignment_mode="expand")
    if char is None:
        return None
    token = _qualified_noun(char.root)
    while token.dep_ == "conj" and token.head is not token:  # "Poland and its border guards"
        token = token.head
    if token.dep_ == "nsubj":
        verb = token.head
    elif token.dep_ == "pobj" and token.head.dep_ == "agent":
        verb = token.head.head
    else:
        return None
    if verb.pos_ not in {"VERB", "AUX"} or _uncharged(verb):
        return None
    if verb.lemma_.lower() in WRONGDOING_VERBS and verb.pos_ == "VERB":
        return verb
    if verb.lemma_.lower() in ATTEMPTS:  # "tries to disrupt": an intent, optional (D26)
        return None
    done = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    if done and done[0].lemma_.lower() in WRONGDOING_VERBS and not _uncharged(done[0]):
        return done[0]
    return None


#: how a mention names the side of a noun that is no actor of its own ("the Ukrainian
#: leadership", "the Kiev authorities"): an adjective or a compound before it
QUALIFYING_DEPS = word_set("events", "discourse.qualifying_deps")


def _qualified_noun(token: Token) -> Token:
    """The noun a mention's adjective or compound qualifies ("the Ukrainian leadership had
    sabotaged the Minsk agreements": the mention is "Ukrainian", the doer the leadership it names
    the side of), else the mention's own word: the actors stage names the side, not the noun."""
    head = token.head
    if token.dep_ in QUALIFYING_DEPS and head is not token and head.pos_ in {"NOUN", "PROPN"}:
        return head
    return token


def _wrongdoing_charge(
    doc: Document,
    template: Event,
    verb: Token,
    evidence: Span,
    accused: list[tuple[str, Span]],
) -> Event | None:
    """The reporter's ACCUSE on ``verb`` against the doers of a reported wrongdoing
    (:func:`with_reported_wrongdoings`)."""
    # no lexicon row's verb: the wrongdoing verb itself carries the charge
    base = _charge_on_verb(doc, template, verb, evidence, "reported wrongdoing")
    noter, noter_spans = _wrongdoing_reporter(doc, verb, base)
    return _charge_of_others(doc, base, noter, noter_spans, accused, "wrong", "reported wrongdoing")


def _wrongdoing_reporter(
    doc: Document, verb: Token, base: Event
) -> tuple[tuple[str, ...], tuple[Span, ...]]:
    """Who tells a wrongdoing, with where each was named (:func:`with_reported_wrongdoings`)."""
    verb = _untold_by(verb)
    reporter = links.reporter_of(doc, verb)
    if reporter is not None:
        return (reporter,), _spans(doc, (reporter,), base)
    noting = _noting_verb(verb)
    voice = doc.voice_at(verb.idx)
    if noting is None:
        if voice is None:
            return (), ()
        return (voice.speaker,), _spans(doc, (voice.speaker,), base)
    return _noter(doc, noting, base, voice)


def _untold_by(verb: Token) -> Token:
    """The negated verb of telling whose clause holds ``verb`` ("The President of Russia noted
    that Emmanuel Macron had not mentioned in his address that the Ukrainian leadership had
    sabotaged the Minsk agreements": who did not tell it is no reporter, and whoever tells of that
    silence is), else ``verb`` itself."""
    head = verb.head
    if verb.dep_ == "ccomp" and head is not verb and any(c.dep_ == "neg" for c in head.children):
        return head
    return verb


def _noter(
    doc: Document, noting: Token, base: Event, voice: Voice | None
) -> tuple[tuple[str, ...], tuple[Span, ...]]:
    """Who notes with ``noting``, with where each was named: its subject's actor; with no
    subject, the speaker of the ``voice`` it is said in, else a readout's principal; nobody when
    the subject is no actor (noted faults and reported wrongdoings)."""
    subject = next((c for c in noting.children if c.dep_ == "nsubj"), None)
    if subject is not None:
        mention = doc.mention_for_token(subject)
        if mention is not None and mention.actor is not None:
            return (mention.actor,), (mention.span,)
        return (), ()
    if voice is not None:
        return (voice.speaker,), _spans(doc, (voice.speaker,), base)
    principal = implicit.readout_principal(doc, noting)
    return tuple(a for p in principal for a in p.actors), tuple(p.span for p in principal)


#: acts a state does, not a person in the room: "we" or "you" doing them is the speaker's or the
#: addressee's country (records DECISIONS.md D9)
STATE_ACT_TYPES = word_set("events", "discourse.state_act_types")
#: first- and second-person pronouns, whose actor is a speaker or the one spoken to
PERSONAL_PRONOUNS = word_set("actors", "speakers.first_plural") | word_set(
    "actors", "speakers.second_person"
)


#: how long before the article a justice act is another case than the story's: the implied
#: police or court of the story are not those of an arrest or a conviction a year or more before
OLD_CASE = dt.timedelta(days=365)


def without_old_cases(doc: Document, events: list[Event]) -> list[Event]:
    """Justice acts dated a year or more before the article ("Kopp had been arrested in several
    states since 1990", "four women convicted of sexual assault in the 1990s") are other cases:
    the story's police or court (rule "justice agent") did not do them, and no one named did."""
    kept = []
    for event in events:
        latest = event.date.latest
        implied = "justice agent" in rules_named(event.rule)
        if implied and latest is not None and latest <= doc.article.date - OLD_CASE:
            event = _filled(event, "another case", actors=(), actor_spans=())
        kept.append(event)
    return kept


def we_the_state(doc: Document, events: list[Event]) -> list[Event]:
    """ "we will definitely shoot down the pilot", "we have supplied you with over 2 million
    doses": "we" and "you" doing or undergoing a state's act stand for the speaker's and the
    addressee's country (D9), when the article names that country as an actor; speech, meetings
    and thanks stay the person's."""
    countries = {
        a.country: a.id for a in doc.extraction.actors if a.kind == "country" and a.country
    }
    kinds = {a.id: (a.kind, a.country) for a in doc.extraction.actors}
    if not countries:
        return events

    def states(ids: tuple[str, ...], spans: tuple[Span, ...]) -> tuple[str, ...]:
        swapped = []
        for actor, span in zip(ids, spans, strict=False):
            kind, country = kinds.get(actor, (None, None))
            if (
                kind == "person"
                and country in countries
                and doc.text[span.start : span.end].lower() in PERSONAL_PRONOUNS
            ):
                actor = countries[country]
            swapped.append(actor)
        return (*dict.fromkeys(swapped), *ids[len(spans) :])

    result = []
    for event in events:
        if event.type in STATE_ACT_TYPES:
            actors = states(event.actors, event.actor_spans)
            recipients = states(event.recipients, event.recipient_spans)
            if (actors, recipients) != (event.actors, event.recipients):
                event = _filled(event, "we the state", actors=actors, recipients=recipients)
        result.append(event)
    return result


def one_attack_on_its_verb(doc: Document, events: list[Event]) -> list[Event]:
    """ "killed by the Russian shelling", "the IRA bombing that killed two soldiers": one attack,
    on the verb (D40; :func:`implicit.attacks_told_by`); a verb that names no attacker takes
    the noun's ("the IRA bombing")."""
    lent: dict[str, Event] = {}
    kept = []
    for event in events:
        verbs = implicit.attacks_told_by(doc, events, event)
        if not verbs:
            kept.append(event)
        for verb in verbs:
            lent.setdefault(verb.id, event)
    for number, event in enumerate(kept):
        noun = lent.get(event.id)
        if noun is not None and noun.actors and not event.actors:
            kept[number] = _filled(
                event, "attack noun's actor", actors=noun.actors, actor_spans=noun.actor_spans
            )
    return kept


def _given(
    doc: Document,
    event: Event,
    rule: str,
    *,
    actors: tuple[str, ...] = (),
    recipients: tuple[str, ...] = (),
) -> Event:
    """``event`` with the actors or recipients a rule found elsewhere in the article, each with
    the span where it was last named before the event (:func:`_spans`)."""
    changes: dict[str, Any] = {}
    if actors:
        changes.update(actors=actors, actor_spans=_spans(doc, actors, event))
    if recipients:
        changes.update(recipients=recipients, recipient_spans=_spans(doc, recipients, event))
    return _filled(event, rule, **changes)


def _accusation(
    event: Event,
    suffix: str,
    accusers: tuple[str, ...],
    accuser_spans: tuple[Span, ...],
    accused: list[tuple[str, Span]],
    **changes: Any,
) -> Event:
    """An asserted ACCUSE (mode allege) made from ``event`` by ``accusers`` against the
    ``accused`` (actor, span) pairs, its id suffixed, with any other field ``changes``: the one
    shape of the charges a deed named or a noted act makes (D11, D73)."""
    return replace(
        event,
        id=f"{event.id}-{suffix}",
        type="ACCUSE",
        mode="allege",
        quad=quad_of("ACCUSE"),
        cameo=cameo_of("ACCUSE", "allege"),
        score=score_of("ACCUSE", "allege"),
        actors=accusers,
        recipients=tuple(a for a, _ in accused),
        actor_spans=accuser_spans,
        recipient_spans=tuple(s for _, s in accused),
        factuality="asserted",
        **changes,
    )


def _filled(event: Event, rule: str, **changes: Any) -> Event:
    """``event`` with the actors or recipients the article gives elsewhere, the rule that gave
    them named after the coder's ("...; rules: verb subject, attacker before")."""
    named = event.rule or ""
    named = f"{named}, {rule}" if RULES_MARK in named else f"{named}{RULES_MARK}{rule}"
    return replace(event, rule=named, **changes)


def _spans(doc: Document, actors: tuple[str, ...], event: Event) -> tuple[Span, ...]:
    """Where each implicit actor was last named before the event (its evidence)."""
    spans = []
    for actor in actors:
        named = [m.span for m in doc.mentions if m.actor == actor]
        earlier = [s for s in named if s.start <= event.trigger.start]
        if named:
            spans.append(earlier[-1] if earlier else named[0])
    return tuple(spans)
