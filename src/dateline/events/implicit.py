"""Actors a clause leaves out but the text gives elsewhere.

PLOVER codes an event's actor even when its clause does not name it, and so do the records gold's
annotators (GUIDELINES.md: "A pronoun is annotated as the actor it refers to"; DECISIONS.md D8,
D9). Six such cases are common enough to resolve by rule:

- **the speaker** of a transcript turn or an address does what a subjectless clause says:
  "Thank you for coming", "Thanked the parents of the defenders" (:class:`~dateline.document.
  Voice`, set by the actors stage);
- **the police or court of the case** arrest, charge, hold and release when a passive or a noun
  names no agent: "He was arrested on Friday", "after his release" (D8: the agency the text names
  for the case); the nearest such actor mentioned before the trigger, else the first after it;
- **the event a definite noun points back to**: "Anonymous attacked the Church's website ...
  The attack was launched on Wednesday" (:func:`antecedent`): the latest earlier event with the
  same trigger word lends its actors and recipients to one that names none;
- **the attacker of the sentence before** does an attack whose sentence names none ("They
  targeted the warehouses ... The grain warehouse was destroyed", D41:
  :func:`neighbouring_attacker`);
- **the one arrested** is who a justice noun in a phrase is against ("arrested X on charges",
  "X, released after arrest": :func:`justice_patient`);
- **the parties of the article's meeting** are the actors of "the talks", "the conversation",
  "the leaders discussed" when nothing nearer names them (D4): the actors and recipients of the
  article's first meeting that names two parties (applied by the events stage, see
  :func:`meeting_parties`).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from dateline.events.arguments import (
    FIRST_PERSON,
    RELATIVE_PRONOUNS,
    Argument,
    charged_deed_victim_actors,
    first_child,
    names_people,
    passive_conjunct_subject,
    verb_actor_heads,
)
from dateline.model import Actor, Event, Mention
from dateline.words import word_map, word_seq, word_set

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dateline.document import Document

JUSTICE_LEMMAS = word_set("events", "implicit.justice_lemmas")
JUSTICE_SECTORS = word_seq("events", "implicit.justice_sectors")
COURT_LEMMAS = word_set("events", "implicit.court_lemmas")
#: justice acts only the police or security services do ("was arrested", "was questioned")
POLICE_LEMMAS = word_set("events", "implicit.police_lemmas")
SENTENCING_LEMMAS = word_set("events", "implicit.sentencing_lemmas")
#: a hunt for someone not yet charged ("an international manhunt"): no case against the one hunted
PURSUIT_LEMMAS = word_set("events", "implicit.pursuit_lemmas")
#: an investigation naming no suspect: its culprit is not established (D54)
OPEN_INQUIRY_LEMMAS = word_set("events", "implicit.open_inquiry_lemmas")
COURT_WORDS = word_set("events", "implicit.court_words")
APPELLATE_WORDS = word_set("events", "implicit.appellate_words")
ALERT_NOUNS = word_set("events", "implicit.alert_nouns")
JUSTICE_TYPES = word_set("events", "implicit.justice_types")
SUBJECTS = word_set("events", "implicit.subject_deps")
SPEAKER_PASSIVES = word_set("events", "implicit.speaker_passives")
READOUT_REMARKS = word_set("events", "implicit.readout_remarks")
#: the event types of an attack (D40, D41)
ATTACK_TYPES = word_set("events", "implicit.attack_types")
REACTION_TYPES = word_set("events", "implicit.reaction_types")
ACT_NOUNS = word_set("events", "implicit.act_nouns")
#: a count by its id ("two", "3"): the actors stage names a bare number's group by the number
COUNT_WORDS = word_map("actors", "anaphora.small_numbers")
TWO_SIDED = word_set("events", "implicit.two_sided")
PARTY_NOUNS = word_set("events", "implicit.party_nouns")
PARTY_POSSESSIVES = word_set("events", "implicit.party_possessives")
SHARED_MODIFIERS = word_set("events", "implicit.shared_modifiers")
IMPORTANCE_NOUNS = word_set("events", "coder.importance_nouns")
RECIPROCAL_VERBS = word_set("events", "implicit.reciprocal_verbs")
THANKING = word_set("events", "implicit.thanking")
#: a trigger is thanks when it starts like a THANKING word does for this many letters: "thank"
#: covers "thanked" and "thanks", "prais" covers "praised"
THANKING_STEM_CHARS = 5
#: feelings expressed to someone ("expressed gratitude", "offered his condolences"): with no one
#: named, to the other side of the speaker's meeting, like thanks
EXPRESSED_FEELINGS = word_set("events", "implicit.expressed_feelings")
DEFINITE = word_set("events", "implicit.definite_determiners")
#: endings that make a noun of an act's verb ("assassinat-ion", "indict-ment", "deni-al")
NOMINAL_SUFFIXES = word_set("events", "implicit.nominal_suffixes")
#: a verb shorter than this ("go", "see") is no stem a noun is told apart by
NOMINAL_STEM_CHARS = 4
#: acts that, naming no one, are asked of the other side of the actor's meeting (D106)
MEETING_ASKED_TYPES = word_set("events", "implicit.meeting_asked_types")


def _has_subject(clause: Token, after: int = 0) -> bool:
    """A subject of the verb, or of its auxiliary (where the small model often hangs it), at or
    after the character ``after`` (a turn's label before its words is no subject)."""
    auxiliaries = [c for c in clause.children if c.dep_ in {"aux", "auxpass"}]
    return any(
        c.dep_ in SUBJECTS and c.idx >= after for t in (clause, *auxiliaries) for c in t.children
    )


def latest_mention(doc: Document, actor: str, before: int) -> Argument | None:
    """The actor's last mention before character ``before`` (else its first), as an argument."""
    spans = [m.span for m in doc.mentions if m.actor == actor]
    if not spans:
        return None
    earlier = [s for s in spans if s.start <= before]
    return Argument(earlier[-1] if earlier else spans[0], (actor,))


def readout_principal(doc: Document, token: Token) -> list[Argument]:
    """Whose judgement a readout states when no one in it says it ("the settlement that is
    stalled due to Kiev's destructive policy", "Specific examples of Kiev's destructive course
    ... were given"): the outlet's own head of state, whose press office writes it (records
    DECISIONS.md D73: a readout's passive remark that charges a named actor is the President's).
    Not inside a turn or an address, whose speaker says it."""
    if doc.outlet_leader is None or doc.voice_at(token.idx) is not None:
        return []
    found = latest_mention(doc, doc.outlet_leader, token.idx)
    return [found] if found is not None else []


def speaker(doc: Document, clause: Token) -> list[Argument]:
    """The voice's speaker, for a verb without a subject inside a turn or an address, and for
    an office holder's act reported in the passive without an agent ("were awarded")."""
    passive_act = clause.lemma_.lower() in SPEAKER_PASSIVES and not any(
        c.dep_ == "agent" for c in clause.children
    )
    voice = doc.voice_at(clause.idx)
    if voice is None:
        return readout_remark(doc, clause)
    # "Patriarch Kirill: Thank you": the parser may take the turn's label for the subject
    if clause.pos_ not in {"VERB", "AUX"} or (
        _has_subject(clause, voice.start) and not passive_act
    ):
        return []
    if passive_act and clause.dep_ in {"conj", "ccomp"}:
        clause = clause.head
    thanks = clause.lemma_.lower() in THANKING and clause.tag_ != "VB"
    if clause.dep_ != "ROOT" and not thanks:
        # a complement, conjunct or modifier takes its governor's subject; a subjectless
        # "thank you" is the speaker's wherever it stands ("First, this is a great honour for
        # me, thank you for the invitation")
        return []
    if clause.tag_ == "VB" and clause.lemma_.lower() not in THANKING:
        # "Let his son know ...", "But to recall means ...": an imperative asks the audience to
        # act, an infinitive names an act of no one; neither is the speaker's ("Thank you" is)
        return []
    found = latest_mention(doc, voice.speaker, clause.idx)
    return [found] if found is not None else []


def readout_remark(doc: Document, clause: Token) -> list[Argument]:
    """ "The important role of the Congress ... was noted", "Serious concerns were expressed":
    a remark a readout reports in the agentless passive, as the sentence's own verb, is said by
    the outlet's head of state, whose press office writes it (DECISIONS.md D73 and D128: the
    President's; where D97 gives it to both partners, he is one of them)."""
    if (
        clause.dep_ != "ROOT"
        or clause.lemma_.lower() not in READOUT_REMARKS
        or not any(c.dep_ == "auxpass" for c in clause.children)
        or any(c.dep_ == "agent" for c in clause.children)
    ):
        return []
    return readout_principal(doc, clause)


#: joint acts a readout tells under an agentless remark, which both parties did (D97, D102)
JOINT_REMARK_TYPES = word_set("events", "implicit.joint_remark_types")
#: the agentless passive remarks that hold such a joint act ("was expressed", "was confirmed")
JOINT_REMARKS = word_set("events", "implicit.joint_remarks")


def _agentless_remark(verb: Token) -> bool:
    """Whether a verb is a remark in the agentless passive ("was noted", "was confirmed")."""
    return (
        verb.lemma_.lower() in JOINT_REMARKS
        and any(c.dep_ == "auxpass" for c in verb.children)
        and not any(c.dep_ == "agent" for c in verb.children)
    )


def joint_remark_parties(doc: Document, event: Event, parties: tuple[str, ...]) -> tuple[str, ...]:
    """Who did a joint act a readout tells by a noun no one is named doing, under an agentless
    passive remark ("satisfaction and mutual commitment to continued development of friendly
    Russian-Emirati relations was expressed", "Mutual readiness to hold a meeting ... was
    confirmed", "it was noted that it was important to step up joint work"): both parties of the
    readout's talks (``parties``), as D97 gives an agentless "was noted" the partners and D102 an
    agentless "It was agreed" both leaders. Not inside a turn or an address (its speaker says
    it), and not when a clause between the noun and the remark names its own subject ("noted
    that Armenia had fulfilled its commitments": Armenia's)."""
    if event.type not in JOINT_REMARK_TYPES or event.actors or not parties:
        return ()
    if doc.outlet_leader is None or doc.voice_at(event.trigger.start) is not None:
        return ()
    trigger = trigger_token(doc, event)
    if trigger is None or trigger.pos_ not in {"NOUN", "PROPN"}:
        return ()
    for governor in trigger.ancestors:
        if _agentless_remark(governor):
            return tuple(p for p in parties if p not in event.recipients)
        # a clause's own doer; "it" of "it was important" names no one
        if any(c.dep_ in SUBJECTS and c.lower_ != "it" for c in governor.children):
            return ()
    return ()


def justice_agent(
    doc: Document, trigger: Token, kind: str, *, hunted: bool = False
) -> list[Argument]:
    """The police or court of the case, for a justice act whose agent the clause leaves out.
    ``hunted``: the rules read the act as a hunt for a person ("Kopp is being sought as a
    material witness", "man wanted for murder"), the police's like a manhunt (D83, D88)."""
    if hunted:
        return _agency(doc, trigger, [s for s in JUSTICE_SECTORS if s != "JUD"], sentencing=False)
    court_act = trigger.lemma_.lower() in COURT_LEMMAS
    alert = kind == "REQUEST" and any(
        c.dep_ in {"nsubjpass", "dobj"} and c.lemma_.lower() in ALERT_NOUNS
        for c in trigger.children
    )  # "An Amber Alert has been issued": the police of the case appeal
    if kind not in JUSTICE_TYPES and not (kind == "SANCTION" and court_act) and not alert:
        return []  # a conviction is SANCTION until boundary.py finds it imprisons (COERCE)
    if trigger.lemma_.lower() not in JUSTICE_LEMMAS and not alert:
        return []
    if (
        trigger.pos_ in {"VERB", "AUX"}
        and not any(c.dep_ in {"nsubjpass", "auxpass"} for c in trigger.children)
        and trigger.dep_ not in {"amod", "acl"}
        and passive_conjunct_subject(trigger) is None
    ):
        return []  # an active verb names its agent or has none ("he was to be released")
    if trigger.lemma_.lower() in SENTENCING_LEMMAS:
        court = _court_of_case(doc, trigger)
        if court is not None:
            return [court]
    sectors = list(JUSTICE_SECTORS)
    if court_act:  # a sentence or an indictment: the court's first
        sectors.sort(key=lambda sector: sector != "JUD")
    elif trigger.lemma_.lower() in POLICE_LEMMAS:  # no court arrests, raids or questions
        sectors = [sector for sector in sectors if sector != "JUD"]
    sentencing = trigger.lemma_.lower() in SENTENCING_LEMMAS
    return _agency(doc, trigger, sectors, sentencing=sentencing)


def _agency(
    doc: Document, trigger: Token, sectors: list[str], *, sentencing: bool
) -> list[Argument]:
    """The mention of the case's agency of the first of ``sectors`` the article names."""
    for sector in sectors:
        agencies = {
            actor.id
            for actor in doc.extraction.actors
            if actor.sector == sector
            and actor.kind in {"organization", "group"}
            and not (sentencing and _appellate(actor))
        }
        mentions = [m for m in doc.mentions if m.actor in agencies]
        if mentions:
            chosen = _agency_of_case(mentions, trigger)
            return [Argument(chosen.span, (chosen.actor,))]
    return []


def _agency_of_case(mentions: list[Mention], trigger: Token) -> Mention:
    """Which agency's mention does a justice act with no agent: when its own sentence names
    one, the latest mention before the act (else the first after), as for any act; else the
    case's main agency, the one the article names most (of those named as often, the first
    named): an FBI probe is the FBI's though a Kenyan "police" was named last, in passing.
    Records dev: 2 better, 0 worse than the latest mention everywhere. Names are counted, not
    role nouns ("investigators"), when any agency is named: dev 2 better, 1 worse (a "charges"
    matched by position to another event's gold)."""
    sentence = trigger.sent
    here = any(sentence.start_char <= m.span.start < sentence.end_char for m in mentions)
    if not here:
        # names count, not role nouns: an "investigators" the actors stage lent to one police
        # force says nothing of whose case it is ("the FBI" named twice, "Canadian police"
        # only through "Investigators" and "an off-duty police officer")
        named = [m for m in mentions if m.kind == "name"]
        counts = Counter(m.actor for m in named or mentions)
        main = max(counts, key=counts.__getitem__)  # the first named among the most named
        mentions = [m for m in mentions if m.actor == main]
    earlier = [m for m in mentions if m.span.start <= trigger.idx]
    return earlier[-1] if earlier else mentions[0]


def _appellate(actor: Actor) -> bool:
    """An appeals court ("the Court of Criminal Appeals"), which passed no sentence."""
    return any(w.lower() in APPELLATE_WORDS for m in actor.mentions for w in m.span.text.split())


def _court_of_case(doc: Document, trigger: Token) -> Argument | None:
    """The court or judge the article names ("U.S. District Judge Michael Barrett", "the
    District Court"): who sentences and convicts; the latest mention before the act, else the
    first after it."""
    mentions = []
    for mention in doc.mentions:
        actor = doc.extraction.actor(mention.actor)
        if actor is None or actor.sector != "JUD":
            continue
        words = {w.lower() for m in actor.mentions for w in m.span.text.split()}
        if words & COURT_WORDS and not _appellate(actor):
            mentions.append(mention)  # an appeals court reviews a sentence; it passed none
    if not mentions:
        return None
    earlier = [m for m in mentions if m.span.start <= trigger.idx]
    chosen = earlier[-1] if earlier else mentions[0]
    return Argument(chosen.span, (chosen.actor,))


def meeting_parties(
    events: list[Event], title_end: int = 0
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(actors, recipients) of the article's first meeting that names two parties: its own
    sides when it has both ("Putin had a call with Michel"), else its first actor and the rest.
    A title before ``title_end`` naming only the other party ("Telephone conversation with
    President of Belarus Alexander Lukashenko", whose host the text never names) is the
    article's meeting all the same (records DECISIONS.md D4: the title is the meeting the readout
    tells; "the two leaders discussed" are its parties, not the "Russian-Belarusian talks" it
    names as background): its one named party is its party."""
    for event in events:
        if event.type != "CONSULT":
            continue
        parties = tuple(dict.fromkeys((*event.actors, *event.recipients)))
        if len(parties) < 2:
            if event.trigger.start < title_end and parties and not event.actors:
                return parties, ()
            continue
        if event.actors and event.recipients:
            return event.actors, tuple(r for r in event.recipients if r not in event.actors)
        return parties[:1], parties[1:]
    return (), ()


def thanked_in_meeting(doc: Document, events: list[Event], event: Event) -> tuple[str, ...]:
    """ "I had a meeting with Nancy Pelosi. I thanked for the Lend-Lease program": thanks with
    nobody thanked go to the other side of the actor's latest meeting before them."""
    if event.type != "SUPPORT" or not event.actors or event.recipients:
        return ()
    if not _thanks(doc, event):
        return ()
    return _other_side(events, event)


def victims_attacker_charged(doc: Document, events: list[Event], event: Event) -> tuple[str, ...]:
    """ "Russia is creating a legal basis for further armed aggression against Ukraine" ...
    "This is a new act of aggression against Ukraine": a charge about a deed that names its
    victim but no doer is against the doer of the latest earlier attack on that victim the
    article tells, or whom the latest earlier charge about a deed on that victim charged
    (records DECISIONS.md D11: a charge is against the doer; D84: a deed's later agentless
    mentions take its named doer), never the victim. One pass over the events
    before ``event``."""
    if event.type != "ACCUSE" or event.recipients:
        return ()
    trigger = trigger_token(doc, event)
    if trigger is None:
        return ()
    victims = charged_deed_victim_actors(doc, trigger)
    if not victims:
        return ()
    for earlier in reversed(events):
        if earlier.trigger.start >= event.trigger.start:
            continue
        if earlier.type in ATTACK_TYPES and earlier.factuality not in UNTOLD_ATTACKS:
            # the attack on the victim told before: its attacker
            doers = earlier.actors if victims & set(earlier.recipients) else ()
        elif earlier.type == "ACCUSE" and earlier.recipients:
            # a charge about a deed on the same victim told before: whom it charged
            token = trigger_token(doc, earlier)
            same = token is not None and victims & charged_deed_victim_actors(doc, token)
            doers = earlier.recipients if same else ()
        else:
            continue
        doers = tuple(a for a in doers if a not in victims and a not in event.actors)
        if doers:
            return doers
    return ()


def asked_in_meeting(doc: Document, events: list[Event], event: Event) -> tuple[str, ...]:
    """ "President of Ukraine had a phone conversation with the Prime Minister of Georgia ...
    the President also asked to consider admitting Ukrainian doctors": in the readout of a
    meeting or call its title tells, a request that names no one asked goes to the other side
    of that meeting, as thanks do (:func:`thanked_in_meeting`): records DECISIONS.md D106 ("an
    appeal with no named addressee in a call readout takes the call partner"). Not in an
    address (one speaker to an audience), whose demands are on its hearers or the world, not
    on the parties of a meeting it mentions."""
    if event.type not in MEETING_ASKED_TYPES or not event.actors or event.recipients:
        return ()
    voice = doc.voice_at(event.trigger.start)
    if voice is not None and voice.addressee is None:
        return ()
    title_end = doc.paragraphs[0].end if doc.paragraphs else 0
    return _other_side([e for e in events if e.trigger.start < title_end], event)


def _other_side(events: list[Event], event: Event) -> tuple[str, ...]:
    """The other side of the actor's latest meeting before ``event`` (none: ())."""
    for meeting in reversed(events):
        if (
            meeting.type != "CONSULT"
            or meeting.trigger.start >= event.trigger.start
            or not set(event.actors) & {*meeting.actors, *meeting.recipients}
        ):
            continue
        # the other side: a guest thanks the hosts, a host the guests (not the guest's country)
        side = meeting.actors if set(event.actors) & set(meeting.recipients) else meeting.recipients
        others = tuple(a for a in side if a not in event.actors)
        if others:  # "we can talk in a calm atmosphere" names no other side: look further back
            return others
    return ()


def _thanks(doc: Document, event: Event) -> bool:
    """Whether an event is thanks ("thanked", "praised") or a feeling expressed to someone
    ("expressed gratitude", "expressed his condolences": the trigger or its object)."""
    words = doc.text[event.trigger.start : event.trigger.end].lower().split()
    if words and any(words[0].startswith(w[:THANKING_STEM_CHARS]) for w in THANKING):
        return True
    token = trigger_token(doc, event)
    if token is None:
        return False
    felt = [token, *(c for c in token.children if c.dep_ == "dobj")]
    return any(t.lemma_.lower() in EXPRESSED_FEELINGS for t in felt)


def reacted_to(doc: Document, events: list[Event], event: Event) -> tuple[str, ...]:
    """ "The World Court rejected the objections. Libya hailed the ruling": a reaction (praise,
    criticism, rejection) whose object is a definite act noun ("the ruling", "the decision",
    "the move") is to whoever did the latest act told before it, in the sentences just before.
    An event that is the object of another ("rejected the objections") is what was acted on, not
    the act."""
    if event.type not in REACTION_TYPES or not event.actors or event.recipients:
        return ()
    verb = trigger_token(doc, event)
    if verb is None or verb.pos_ != "VERB":
        return ()
    act = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if act is None or act.lemma_.lower() not in ACT_NOUNS:
        return ()
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in act.children):
        return ()
    start = doc.sentence_at(max(event.evidence.start - 1, 0)).start
    told = [
        e for e in events if e.trigger.start < event.evidence.start and e.evidence.start >= start
    ]
    acts = {t.i for t in (trigger_token(doc, e) for e in told) if t is not None}
    for earlier in reversed(told):
        token = trigger_token(doc, earlier)
        if token is not None and token.dep_ == "dobj" and token.head.i in acts:
            continue  # "rejected U.S. and British objections": what was acted on, not the act
        doers = tuple(a for a in earlier.actors if a not in event.actors)
        if doers:
            return doers
    return ()


def counted_in_title(doc: Document, events: list[Event], event: Event) -> tuple[str, ...]:
    """ "Two arrested on drug and theft charges" (the title), then "Police arrested Kimberly
    Hacker ... and Vernon Adkins": a title's counted patients are the people the body's first
    act of the same verb is done to, when as many are named there."""
    title_end = doc.paragraphs[0].end if doc.paragraphs else 0
    if event.trigger.start >= title_end or not event.recipients:
        return ()
    counts = [COUNT_WORDS.get(r.lower()) for r in event.recipients]
    if len(counts) != 1 or counts[0] is None:
        return ()
    trigger = trigger_token(doc, event)
    if trigger is None:
        return ()
    lemma = trigger.lemma_.lower()
    for later in events:
        if later.trigger.start < title_end or later.type != event.type:
            continue
        token = trigger_token(doc, later)
        if token is None or token.lemma_.lower() != lemma:
            continue
        people = [r for r in later.recipients if _kind(doc, r) == "person"]
        return tuple(people) if len(people) == int(counts[0]) else ()
    return ()


def _kind(doc: Document, actor_id: str) -> str | None:
    actor = doc.extraction.actor(actor_id)
    return actor.kind if actor is not None else None


def said_by_parties(heads: list[Token]) -> bool:
    """Whether the clause's subject is the meeting's parties: "the leaders", "the two sides",
    "the interlocutors", "both" (plural role nouns no actor stands for)."""
    return any(
        h.lemma_.lower() in PARTY_NOUNS and (h.tag_ in {"NNS", "NNPS"} or h.lower_ == "both")
        for h in heads
    )


def owned_by_parties(noun: Token, clause: Token) -> bool:
    """ "The leaders reaffirmed their intention to pursue ...", "the leaders reaffirmed their
    commitment to further develop ...": a noun owned by "their" whose support verb's subject is
    the meeting's parties is the parties' own act (records DECISIONS.md D4: what "the leaders" do,
    every party does), not the act of whatever "their" resolved to. One look at the noun's
    children and the clause's subject: no walk over the document."""
    if clause is noun or not any(
        (c.dep_ == "poss" and c.lower_ in PARTY_POSSESSIVES)
        or (c.dep_ == "amod" and c.lower_ in SHARED_MODIFIERS)  # "the shared intention"
        for c in noun.children
    ):
        return False
    heads = verb_actor_heads(clause)
    # "They ... reaffirmed their mutual commitment": a plural "they", as in done_together
    return bool(heads) and all(said_by_parties([h]) or h.lower_ == "they" for h in heads)


def important_to_parties(noun: Token) -> bool:
    """ "The leaders also noted the importance of joint work within BRICS", "The presidents
    underscored the importance of continuing interaction within the BRICS framework": an act
    whose importance the meeting's parties state together is their own intended act (records
    DECISIONS.md D102: "the importance of joint work within BRICS" is [AGREE, COOPERATE] of both
    leaders; D22: "the importance of stepping up our own cooperation" is AGREE; D4: what "the
    leaders" do, every party does). A few steps up the parse from the noun: no walk over the
    document."""
    holder = noun.head
    if noun.dep_ == "dobj" and holder.dep_ == "pcomp":
        holder = holder.head  # "the importance of continuing interaction"
    elif noun.dep_ != "pobj":
        return False
    importance = holder.head
    if holder.lower_ != "of" or importance.lemma_.lower() not in IMPORTANCE_NOUNS:
        return False
    if importance.dep_ != "dobj" or importance.head.pos_ != "VERB":
        return False
    heads = verb_actor_heads(importance.head)
    return bool(heads) and all(said_by_parties([h]) or h.lower_ == "they" for h in heads)


def exchanged_between(doc: Document, event: Event) -> bool:
    """ "The two leaders exchanged New Year greetings": an act the parties exchange goes from
    each to the other, so both are its target as well as its source (records gold: greetings
    and wishes exchanged are SUPPORT with both leaders on either side; D4)."""
    trigger = trigger_token(doc, event)
    return trigger is not None and trigger.lemma_.lower() in RECIPROCAL_VERBS


def voice_party(doc: Document, trigger: Token, recipients: list[Argument]) -> list[Argument]:
    """ "these talks with the IMF Managing Director" in an address: the speaker is the other
    party of a meeting whose noun names only one."""
    voice = doc.voice_at(trigger.idx)
    if voice is None or any(voice.speaker in a.actors for a in recipients):
        return []
    found = latest_mention(doc, voice.speaker, trigger.idx)
    return [found] if found is not None else []


def done_together(trigger: Token, actor_heads: list[Token]) -> bool:
    """ "They discussed ...", "It was agreed to maintain contact": in a readout of a meeting,
    a plural "they" that meets or agrees, and an agreement in the impersonal passive, are the
    meeting's parties (D4), whatever "they" resolved to."""
    if any(h.lower_ == "they" for h in actor_heads):
        return True
    # "It was agreed", and so "a Joint Statement was adopted", "The invitation was accepted":
    # a thing agreed or signed in the agentless passive, which names no party (D4; D102: "an
    # agentless 'It was agreed' in a call readout has both leaders as source")
    return (
        trigger.pos_ == "VERB"
        and any(
            c.dep_ == "nsubjpass"
            and (c.lower_ == "it" or (c.pos_ == "NOUN" and not names_people(c)))
            for c in trigger.children
        )
        and not any(c.dep_ == "agent" for c in trigger.children)
    )


def thanked_for(noun: Token) -> list[Token]:
    """ "thanked Boris Johnson for the assistance", "grateful to X for the help": the one thanked
    gave what is thanked for."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "for":
        return []
    governor = noun.head.head
    if governor.lemma_.lower() not in THANKING:
        return []
    thanked = [c for c in governor.children if c.dep_ in {"dobj", "dative"}]
    for child in governor.children:
        if child.dep_ == "prep" and child.lower_ == "to":
            thanked.extend(g for g in child.children if g.dep_ == "pobj")
    return thanked


def antecedent(doc: Document, events: list[Event], event: Event) -> Event | None:
    """The event that "the attack", "this arrest", "the indictment" points back to: the latest
    earlier event with the same trigger lemma or whose verb the noun is made from
    (:func:`names_act_of`; its type may differ: "attacked the website" is COERCE, "the attack"
    ASSAULT), when it names what ``event`` lacks (actors or recipients); an earlier mention that
    names nothing more is passed over for the one before it."""
    noun = trigger_token(doc, event)
    if noun is None or noun.pos_ != "NOUN":
        return None
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children):
        return None
    lemma = noun.lemma_.lower()
    for earlier in reversed(events):
        if earlier.trigger.start >= event.trigger.start:
            continue
        token = trigger_token(doc, earlier)
        if token is None or not names_act_of(lemma, token.lemma_.lower()):
            continue
        lends = (not event.actors and earlier.actors) or (
            not event.recipients and earlier.recipients
        )
        if lends:
            return earlier
        # the nearest one is what the noun points back to; when it names no more than this one,
        # it is itself a mention of the same event ("those arrested ... the arrests"): go on back
        if earlier.actors and not set(earlier.actors) <= set(event.actors):
            return None
    return None


def names_act_of(noun: str, verb: str) -> bool:
    """Whether the event noun lemma ``noun`` names the act of the trigger lemma ``verb``: the
    same word ("attack", "the attack") or its nominalisation ("assassinate", "the
    assassination"; "indict", "the indictment"; "deny", "the denial"). The text names the event
    again, so the article's parties of its first mention are this one's (GUIDELINES "source and
    target": the most specific name the article gives; DECISIONS.md D84 and D64: every mention
    of an event takes what the text gives it anywhere)."""
    if noun == verb:
        return True
    if not noun.startswith(verb[: len(verb) - 1]) or len(verb) < NOMINAL_STEM_CHARS:
        return False
    stems = {verb, verb.removesuffix("e"), verb[:-1] + "i" if verb.endswith("y") else verb}
    return any(noun.removeprefix(stem) in NOMINAL_SUFFIXES for stem in stems if noun != stem)


def neighbouring_attacker(doc: Document, events: list[Event], event: Event) -> tuple[str, ...]:
    """Who did an attack its own sentence names no attacker for ("The grain warehouse was
    destroyed", "Not the first shelling of the Lavra"): the attacker of an attack in the sentence
    just before (DECISIONS.md D41). Not the sentence after, whose attack is often this one's
    consequence ("The assassination touched off a rampage by X": dev, 1 worse, 0 better); not
    fighting between two sides ("street fighting continues", D38); not an attack only claimed
    ("are accused of arson"); and only attacks: a sentence before a passive arrest or a rescue
    does not say who arrested or rescued."""
    if event.type not in ATTACK_TYPES or event.actors or event.evidence.start == 0:
        return ()
    trigger = trigger_token(doc, event)
    if trigger is None or two_sided(trigger):
        return ()
    before = doc.sentence_at(event.evidence.start - 1)
    if before == event.evidence:
        return ()
    for other in events:
        # only an attack told as done: "Ukrainians are accused of arson" lends no attacker
        if other.factuality == "claimed":
            continue
        if other.type in ATTACK_TYPES and other.actors and other.evidence == before:
            lent = tuple(a for a in other.actors if a not in event.recipients)
            if lent:
                return lent
    return ()


#: nouns naming the doer of one kind of attack, with that attack's trigger lemmas (D84)
DOER_NOUNS = {
    noun: frozenset(lemmas.split("|"))
    for noun, lemmas in word_map("events", "implicit.doer_nouns").items()
}


def named_doer(doc: Document, event: Event) -> tuple[str, ...]:
    """Who did an attack its sentence names no attacker for, when the story names its doers by
    a noun of that very act ("Hernandez was kidnapped ..." with "Kidnappers kept their promise"
    in the lede; "she was abducted" with "released by her captors"): the kidnappers named
    anywhere in a story are the source of its agentless mentions of the kidnapping (records
    DECISIONS.md D84). The latest such mention before the attack, else the first after it."""
    if event.type not in ATTACK_TYPES or event.actors:
        return ()
    trigger = trigger_token(doc, event)
    if trigger is None:
        return ()
    lemma = trigger.lemma_.lower()
    nouns = {noun for noun, acts in DOER_NOUNS.items() if lemma in acts}
    if not nouns:
        return ()
    doers = [
        m
        for m in doc.mentions
        if m.actor not in event.recipients and _head_word(m.span.text) in nouns
    ]
    if not doers:
        return ()
    earlier = [m for m in doers if m.span.start < event.trigger.start]
    return ((earlier[-1] if earlier else doers[0]).actor,)


def _head_word(text: str) -> str:
    """The singular of a mention's last word ("Kidnappers" -> "kidnapper", "her captors")."""
    word = text.split()[-1].lower() if text.split() else ""
    return word[:-1] if word.endswith("s") and word[:-1] in DOER_NOUNS else word


#: factualities of an attack that does not tell who attacks in an address: claimed by another
#: ("Ukrainians are accused of arson") or not done ("did not attack")
UNTOLD_ATTACKS = word_set("events", "implicit.untold_attack_factualities")
#: the acts a side of a war does against the other in an address: condemning, sanctioning
ADVERSARY_ACT_TYPES = word_set("events", "implicit.adversary_act_types")
#: how often the speaker's side must act against one state before it is the address's adversary:
#: once may be a miscoded act ("I recalled the heroic battle for Malta"; dev zelenskyy-234)
ADVERSARY_ACTS = 2
#: negation cues; an attack noun they govern is told as not done ("without fighting")
NEGATIONS = word_set("events", "factuality.negations")
#: attacks the attacked side does ("repelling", "liberated"): never the address's attacker's
DEFENCE_ACTS = word_set("events", "implicit.defence_acts")
#: the acts of rescuing people an address may tell without a rescuer: the speaker's side's (D42)
RESCUE_TYPES = word_set("events", "implicit.rescue_types")
#: verbs of rescuing people ("rescued", "evacuated", "saved"): D42's acts of the speaker's side
RESCUE_VERBS = word_set("events", "implicit.rescue_verbs")
#: particles that make an attack verb a downing ("shot down", "brought down"): the defence's (D39)
DOWNING_PARTICLES = word_set("events", "implicit.downing_particles")
#: factualities of an act told as done, in the speaker's words or another's report
RESCUE_FACTUALITIES = word_set("events", "implicit.rescue_factualities")


def war_teller(doc: Document, start: int) -> str | None:
    """Who tells the war at character ``start``: the speaker of an address (a voice with no
    addressee), else, outside every voice, the outlet's own head of state whose press office
    writes the release ("A brutal, cynical missile strike has completely destroyed the airport"
    in a president.gov.ua release; D73: a readout's remark is the President's). None in a
    transcript turn, which has its own addressee, and in a text of no press office."""
    voice = doc.voice_at(start)
    if voice is None:
        return doc.outlet_leader
    return voice.speaker if voice.addressee is None else None


def address_attacker(doc: Document, events: list[Event]) -> str | None:
    """The attacker of a wartime address: the actor its attacks name as attacker most often,
    of a country not the speaker's (Russia in the Ukrainian president's addresses). Only in an
    address (a voice with no addressee: one speaker to the nation) or a press office's release
    (told by its head of state's side, :func:`war_teller`), never in a wire story, where an
    unattributed attack keeps an empty source (DECISIONS.md D84). When none of its
    attacks names a foreign attacker, the state its side acts against (:func:`_address_adversary`)."""
    if not is_address(doc) and doc.outlet_leader is None:
        return None
    countries = {a.id: a.country for a in doc.extraction.actors}
    counts: dict[str, int] = {}
    by_country: dict[str, int] = {}
    for event in events:
        if event.type not in ATTACK_TYPES or event.factuality in UNTOLD_ATTACKS:
            continue
        teller = war_teller(doc, event.trigger.start)
        if teller is None:
            continue
        home = countries.get(teller)
        for actor in event.actors:
            country = countries.get(actor)
            if country is None or country == home:
                continue
            counts[actor] = counts.get(actor, 0) + 1
            by_country[country] = by_country.get(country, 0) + 1
    if not by_country:
        return _address_adversary(doc, events)
    top = max(by_country, key=lambda c: by_country[c])
    return max((a for a in counts if countries[a] == top), key=lambda a: counts[a])


def _address_adversary(doc: Document, events: list[Event]) -> str | None:
    """When no attack of an address names its attacker ("Tonight there was a bombing of Kyiv",
    "Mariupol was shelled"): the state the speaker's own side acts against in the address's
    conflict acts ("we did not stop sanctions against the Russian Federation"), the one most
    often; not a state another party acts against ("Russia cut off gas supplies to Poland").
    D41 and D84 give an agentless attack the attacker the story names; an address that names
    none by an attack still names the state it is at war with by what its side does to it."""
    kinds = {a.id: (a.kind, a.country) for a in doc.extraction.actors}
    counts: dict[str, int] = {}
    for event in events:
        if event.type not in ADVERSARY_ACT_TYPES:
            continue
        voice = doc.voice_at(event.trigger.start)
        if voice is None or voice.addressee is not None:
            continue
        home = kinds.get(voice.speaker, (None, None))[1]
        if home is None or not any(kinds.get(a, (None, None))[1] == home for a in event.actors):
            continue
        for actor in event.recipients:
            kind, country = kinds.get(actor, (None, None))
            if kind == "country" and country is not None and country != home:
                counts[actor] = counts.get(actor, 0) + 1
    top = max(counts, key=lambda a: counts[a]) if counts else None
    return top if top is not None and counts[top] >= ADVERSARY_ACTS else None


#: the sector of an actor the text names as civilians ("our people", "children")
CIVILIANS = "CVL"
#: the war acts an address tells without their doer: attacks and the coercion of the speaker's
#: people ("The facts of deportation of our citizens ... are recorded"); D41, D84, D92
ADDRESS_ATTACK_TYPES = word_set("events", "implicit.address_attack_types")


def attacker_of_address(doc: Document, event: Event, attacker: str | None) -> tuple[str, ...]:
    """Who did an attack an address tells without an attacker ("113 cruise missiles were fired",
    "Constant air strikes, artillery and missile fire", "Buildings are destroyed"): the address's
    attacker (:func:`address_attacker`), as D41 gives an agentless attack the attacker named next
    to it and D84 stretches that over a story. Fighting between two sides ("Very fierce fighting
    continues in Donbas") is both sides' (D38): the attacker and the speaker's country. Not an
    attack claimed or denied, not one on the attacker's own country, not a defender's act. A
    coercion of the speaker's people told without its doer ("deportation of our citizens", "They
    also deport children") is the attacker's as an attack is (ADDRESS_ATTACK_TYPES)."""
    if attacker is None or event.type not in ADDRESS_ATTACK_TYPES:
        return ()
    if event.actors and not own_people_as_attackers(doc, event):
        return ()
    if event.factuality in UNTOLD_ATTACKS:
        return ()
    teller = war_teller(doc, event.trigger.start)
    if teller is None:
        return ()
    trigger = trigger_token(doc, event)
    if trigger is None or trigger.lemma_.lower() in DEFENCE_ACTS:
        return ()
    if trigger.dep_ in {"pobj", "pcomp"} and trigger.head.lower_ in NEGATIONS:
        return ()  # "The world must show its strength without fighting": no fighting told
    # "And it must keep beating" (a heart): an "it" no actor stands for is a thing, the subject
    # of the verb or of the verb whose complement it is
    clauses = (trigger, trigger.head) if trigger.dep_ == "xcomp" else (trigger,)
    if any(c.dep_ == "nsubj" and c.lower_ == "it" for t in clauses for c in t.children):
        return ()
    countries = {a.id: a.country for a in doc.extraction.actors}
    if attacker in event.recipients or any(
        countries.get(r) == countries.get(attacker) for r in event.recipients
    ):
        return ()
    if two_sided(trigger):
        home = _speakers_country(doc, teller)
        return (attacker, home) if home is not None and not event.recipients else ()
    return (attacker,)


def own_people_as_attackers(doc: Document, event: Event) -> bool:
    """Whether an address's attack has for attacker only a pronoun the actors stage read as the
    speaker's own civilians ("They are going to bomb our Ukrainian cities" after "our people";
    "So they try to take people hostage"): an address does not tell its own people attacking
    it, so the pronoun is the attacker's, which :func:`attacker_of_address` lends, as to an
    agentless attack (D9, D41, D84)."""
    if not event.actors or len(event.actor_spans) != len(event.actors):
        return False
    voice = doc.voice_at(event.trigger.start)
    if voice is None or voice.addressee is not None:
        return False
    speaker = doc.extraction.actor(voice.speaker)
    home = speaker.country if speaker is not None else None
    for actor_id in event.actors:
        actor = doc.extraction.actor(actor_id)
        if actor is None or actor.kind != "group" or actor.sector != CIVILIANS:
            return False
        if home is None or actor.country != home:
            return False
    for span in event.actor_spans:
        words = doc.parsed.char_span(span.start, span.end)
        if words is None or len(words) != 1 or words[0].pos_ != "PRON":
            return False
    return True


#: what a title calls a speech to an audience ("Address ... to the Danish people")
ADDRESS_NOUNS = word_set("events", "implicit.address_nouns")
#: acts said to the hearers ("I ask you", "Help us", "We are grateful to you")
HEARER_TYPES = word_set("events", "implicit.hearer_types")
#: the hearers' pronoun ("I ask you", "Thank you")
SECOND_PERSON = word_set("quotes", "speakers.second_person")
#: the preposition inside an audience's phrase ("the participants of the Forum")
TITLE_HEARER_OF = word_set("events", "implicit.title_hearer_of")
#: appeals of the speaker that go to the titled audience with no "you" said (D106)
AUDIENCE_APPEAL_TYPES = word_set("events", "implicit.audience_appeal_types")
#: acts of a foreign actor that an address tells as given to the speaker's country (D9)
ADDRESS_GIVEN_TYPES = word_set("events", "implicit.address_given_types")
#: the rule of an imperative's REQUEST (dateline.events.coder), said to the hearers
IMPERATIVE_RULE = "imperative -> REQUEST"


def is_address(doc: Document) -> bool:
    """Whether the article holds an address: a voice with no addressee (one speaker to the
    nation or an audience), where a transcript turn has its own addressee (D9)."""
    return any(v.addressee is None for v in doc.voices)


def address_hearer(doc: Document) -> str | None:
    """The audience an address's title names after its speech noun: "Address by the President
    of Ukraine to the Danish people", "... address by the President of Ukraine to the Glastonbury
    Festival participants", "Appeal to foreign citizens". The actor of the mention that holds the
    object of the first "to" after the noun. Only in a text with an address (a voice with no
    addressee: one speaker to an audience); a transcript turn has its own addressee (D9). Reads
    the title's tokens once per article."""
    if not doc.paragraphs or not is_address(doc):
        return None
    title = doc.paragraphs[0]
    span = doc.parsed.char_span(title.start, title.end, alignment_mode="expand")
    if span is None:
        return None
    speakers = {v.speaker for v in doc.voices}
    said = heard = False
    for token in span:
        if heard:
            # the first mention of the phrase after "to" ("the participants of the American
            # Jewish Committee", "the Glastonbury Festival participants", "the Danish people on
            # the anniversary"), not past another preposition or a punctuation mark
            mention = doc.mention_for_token(token)
            if mention is not None:
                return None if mention.actor in speakers else mention.actor
            if token.is_punct or (token.dep_ == "prep" and token.lower_ not in TITLE_HEARER_OF):
                return None
        elif token.lemma_.lower() in ADDRESS_NOUNS:
            said = True  # "Address by ...", "– address by ...": a noun, or tagged a verb
        elif said and token.lower_ == "to":
            heard = True
    return None


def hearer_of_address(doc: Document, event: Event, hearer: str | None) -> tuple[str, ...]:
    """Whom a speaker asks or thanks in an address with no one named: "But I ask you to
    redouble your efforts", "Help us speed up the supply of weapons", "We are grateful to you"
    go to the audience the title names (:func:`address_hearer`). DECISIONS.md D9 ("you" is the
    addressee), D76 and D100 (an address's imperatives are REQUESTs to its hearers), D106 (an
    appeal with no named addressee takes the other party). Only the speaker's own acts in the
    address's voice, only when the sentence says "you" or the act is an imperative."""
    if hearer is None or event.recipients or event.type not in HEARER_TYPES:
        return ()
    voice = doc.voice_at(event.trigger.start)
    if voice is None or voice.addressee is not None or voice.speaker not in event.actors:
        return ()
    if hearer in event.actors:
        return ()
    if IMPERATIVE_RULE not in (event.rule or ""):
        trigger = trigger_token(doc, event)
        if trigger is None:
            return ()
        # "I ask you", "We are grateful to you"; an appeal the speaker makes naming no one ("We
        # need powerful weapons for the offensive") takes the other party, the audience (D106):
        # a "we" or "I" will do for it, not for thanks; a demand the speaker reports of others
        # ("They still dream that freedom in Europe must disappear") says neither
        said_to = SECOND_PERSON | (FIRST_PERSON if event.type in AUDIENCE_APPEAL_TYPES else set())
        if not any(t.lower_ in said_to for t in doc.sentence_of(trigger)):
            return ()
    return (hearer,)


def nation_of_address(doc: Document, event: Event) -> tuple[str, ...]:
    """Whom an address's imperative goes to when its title names no audience: "Defend the
    cities.", "Help each other!", "Support the defense!" are the speaker's REQUESTs to the
    nation (DECISIONS.md D76: "a wartime address's imperatives to the nation ... are required
    REQUESTs"), coded as the speaker's country, which the scorer takes for its people (a group
    of the same country). Only an imperative the coder made a REQUEST of, in a voice with no
    addressee (one speaker to an audience; a transcript turn has its own, D9), spoken by the
    event's actor, naming no one; only when the article names the country itself (its mention
    is the party's span). Called only when :func:`address_hearer` found no audience; constant
    work per event."""
    if event.recipients or event.type not in HEARER_TYPES:
        return ()
    if IMPERATIVE_RULE not in (event.rule or ""):
        return ()
    voice = doc.voice_at(event.trigger.start)
    if voice is None or voice.addressee is not None or voice.speaker not in event.actors:
        return ()
    person = doc.extraction.actor(voice.speaker)
    nation = doc.extraction.country_actor(person.country if person is not None else None)
    if nation is None or nation in event.actors:
        return ()
    return (nation,)


def _nation_spoken_to(doc: Document, event: Event) -> tuple[str | None, str | None]:
    """The speaker's country and its actor for an event told in a voice with no addressee (one
    speaker to the nation, DECISIONS.md D9), or (None, None); the actor is None when the article
    never names that country itself (its mention is the party's span)."""
    voice = doc.voice_at(event.trigger.start)
    if voice is None or voice.addressee is not None:
        return None, None
    person = doc.extraction.actor(voice.speaker)
    home = person.country if person is not None else None
    return home, doc.extraction.country_actor(home)


def attacked_of_address(doc: Document, event: Event, attacker: str | None) -> tuple[str, ...]:
    """Whom an attack of the address's attacker was done to when its sentence names no one:
    "In the Kharkiv region there is brutal and cynical Russian artillery shelling", "There are
    missile strikes and aircraft attacks": the speaker's country, which the address's "our
    cities", "our people" stand for (DECISIONS.md D9), as :func:`attacker_of_address` gives the
    attacker the address names elsewhere (D41, D84). Only an attack in a voice with no addressee
    (one speaker to the nation) whose actors are the attacker or of its country, never the
    speaker's side; not fighting between two sides (D38: both are sources); only when the
    article names the speaker's country itself (its mention is the party's span). Constant work
    per event."""
    if attacker is None or event.recipients or event.type not in ATTACK_TYPES:
        return ()
    home, nation = _nation_spoken_to(doc, event)
    if nation is None:
        return ()
    countries = {a.id: a.country for a in doc.extraction.actors}
    foe = countries.get(attacker)
    if foe is None or foe == home or not event.actors:
        return ()
    if not all(a == attacker or countries.get(a) == foe for a in event.actors):
        return ()  # "Russian forces and Ukraine" (two-sided fighting) or another attacker
    trigger = trigger_token(doc, event)
    if trigger is None or two_sided(trigger):
        return ()
    return (nation,)


def foe_of_address(doc: Document, event: Event, attacker: str | None) -> tuple[str, ...]:
    """Whom the speaker's own side attacks in an address when its sentence names no foe or only
    the land it fights for: "Step by step, we are liberating our land", "We managed to shoot
    down two missiles", "We are fighting for our state": the address's attacker
    (:func:`address_attacker`). DECISIONS.md D39 (shooting down missiles is ASSAULT by the air
    defence against the attacker), D38 (a one-sided report of fighting is its own ASSAULT), D9
    ("our land", "our state" are the speaker's country, which the side never attacks). Only an
    attack in a voice with no addressee (one speaker to the nation) whose actors are all the
    speaker or of the speaker's country; one naming no recipient, or, for a defence act
    (``implicit.defence_acts``: "liberate", "defend") or fighting (D38), naming only that
    country, the land it frees or fights for; bare fighting naming no one takes no foe.
    Constant work per event but for one dict of the article's actors."""
    if attacker is None or not event.actors or event.type not in ATTACK_TYPES:
        return ()
    voice = doc.voice_at(event.trigger.start)
    if voice is None or voice.addressee is not None:
        return ()
    countries = {a.id: a.country for a in doc.extraction.actors}
    home = countries.get(voice.speaker)
    if home is None or countries.get(attacker) in {None, home}:
        return ()
    if not all(a == voice.speaker or countries.get(a) == home for a in event.actors):
        return ()
    if not all(countries.get(r) == home for r in event.recipients):
        return ()  # a foe named in the sentence, or a party of a third country
    trigger = trigger_token(doc, event)
    if trigger is None:
        return ()
    if two_sided(trigger):
        # "We are fighting for our state" names what is fought for; "That is why we fight",
        # "We have to fight" name no fighting with anyone (no event, D38)
        return (attacker,) if event.recipients else ()
    if event.recipients and trigger.lemma_.lower() not in DEFENCE_ACTS:
        return ()  # "Five more missiles hit a peaceful city": the side's own land is the hit
    return (attacker,)


def helped_of_address(doc: Document, event: Event) -> tuple[str, ...]:
    """Whom a foreign actor's aid told in an address went to when its sentence names no one:
    "I would like to draw your attention once again to the assistance from Luxembourg": the
    speaker's country, which the address's "us" and "our state" stand for (DECISIONS.md D9).
    Only an act of a type in ``implicit.address_given_types``, in a voice with no addressee (one
    speaker to the nation), whose actors all have a country not the speaker's; only when the
    article names the speaker's country itself (its mention is the party's span). Constant work
    per event but for one dict of the article's actors."""
    if event.recipients or not event.actors or event.type not in ADDRESS_GIVEN_TYPES:
        return ()
    home, nation = _nation_spoken_to(doc, event)
    if nation is None:
        return ()
    countries = {a.id: a.country for a in doc.extraction.actors}
    if not all(countries.get(a) not in {None, home} for a in event.actors):
        return ()
    return (nation,)


def rescuer_of_address(doc: Document, event: Event) -> tuple[str, ...]:
    """Who rescued, evacuated or freed people, or brought down an enemy plane, when an address
    tells it in an agentless passive ("In total, about 35,000 people were rescued", "The territory
    of the northern regions has already been liberated", "Russian planes were shot down again"):
    the speaker's country. DECISIONS.md D42 (evacuations and rescues of people by the speaker's
    side are [AID, RETREAT]) and D39 (shooting down the attacker's aircraft is the defence's
    ASSAULT); D9 (the speaker's "we" is the country). Only a passive verb with no agent in a voice
    with no addressee (one speaker to the nation), told as done, whose event names no actor; for
    AID or RETREAT, only a verb of rescue (``implicit.rescue_verbs``: not "provided with medical
    care") none of whose recipients is a state, and for an attack, only a defence act
    (``implicit.defence_acts``) or a downing ("shot down"). Constant work per event."""
    if event.actors or event.factuality not in RESCUE_FACTUALITIES:
        return ()
    rescue = event.type in RESCUE_TYPES
    if not rescue and event.type not in ATTACK_TYPES:
        return ()
    voice = doc.voice_at(event.trigger.start)
    if voice is None or voice.addressee is not None:
        return ()
    trigger = trigger_token(doc, event)
    if trigger is None or trigger.pos_ != "VERB" or not _agentless_passive(trigger):
        return ()
    if rescue:
        if trigger.lemma_.lower() not in RESCUE_VERBS:
            return ()  # "are being provided with medical care": aid, not a rescue (D42)
        recipients = (doc.extraction.actor(r) for r in event.recipients)
        if any(a is not None and a.kind == "country" for a in recipients):
            return ()
    elif not (
        trigger.lemma_.lower() in DEFENCE_ACTS
        or any(c.dep_ == "prt" and c.lower_ in DOWNING_PARTICLES for c in trigger.children)
    ):
        return ()
    home = _speakers_country(doc, voice.speaker)
    return (home,) if home is not None else ()


def _agentless_passive(verb: Token) -> bool:
    """Whether a verb is a passive with no "by" agent ("were rescued", "was shot down")."""
    deps = {c.dep_ for c in verb.children}
    return "agent" not in deps and bool(deps & {"auxpass", "nsubjpass"})


def speakers_side(doc: Document, speaker: str) -> frozenset[str]:
    """The speaker and the speaker's country as actors of the article: whom the speaker's own
    charges never accuse."""
    person = doc.extraction.actor(speaker)
    countries = {person.country} if person is not None and person.country else set()
    return frozenset({speaker} | {a.id for a in doc.extraction.actors if a.country in countries})


def _speakers_country(doc: Document, speaker: str) -> str | None:
    """The speaker's country as an actor of the article ("we" as a state, D9), else the speaker,
    who is of that country."""
    person = doc.extraction.actor(speaker)
    if person is None or person.country is None:
        return None
    return doc.extraction.country_actor(person.country) or person.id


#: labels that judge an act ("crime", "criminal", "breach"): one pointing back with "this" accuses
#: the doer of the attack told there
JUDGING_LABELS = word_set("events", "rules.judging_labels")


def judged_attacker(doc: Document, events: list[Event], event: Event) -> tuple[str, ...] | None:
    """Whom a judging label that points back ("This is definitely a military crime", "For this
    crime there will be a tribunal") accuses: the attacker of the latest attack told as done in
    its own sentence, else in the sentence just before (as D41's attacker before); () when there
    is none, and None for any other event."""
    if event.type != "ACCUSE" or event.recipients:
        return None
    label = trigger_token(doc, event)
    if label is None or label.lemma_.lower() not in JUDGING_LABELS:
        return None
    sentences = [event.evidence]
    if event.evidence.start > 0:
        before = doc.sentence_at(event.evidence.start - 1)
        if before != event.evidence:
            sentences.append(before)
    for sentence in sentences:
        for other in reversed(events):
            if other.evidence != sentence or other.type not in ATTACK_TYPES:
                continue
            if other.factuality == "claimed":
                continue
            lent = tuple(a for a in other.actors if a not in event.actors)
            if lent:
                return lent
    return ()


def charged_in_address(doc: Document, event: Event, attacker: str | None) -> tuple[str, ...]:
    """Whom a charge in a wartime address that names no doer and points back at no attack told
    near it accuses ("The UN Charter does not provide any rights for terrorists", "Everything
    that the invaders are doing to Mariupol is beyond atrocities"): the address's attacker
    (:func:`address_attacker`), as D41 and D84 lend it to the address's agentless attacks and
    D11/D26 make a speaker's charge an ACCUSE against whom it charges; () outside an address,
    or when the speaker is the attacker."""
    if attacker is None or attacker in event.actors:
        return ()
    voice = doc.voice_at(event.trigger.start)
    if voice is None or voice.addressee is not None:
        return ()
    return (attacker,)


#: sectors of who may be a crime story's accused: a private person (no sector), a civilian or a
#: criminal; officials and states are accused of other things
PRIVATE_SECTORS = word_set("events", "implicit.private_sectors")
INDEFINITE_ARTICLES = word_set("events", "implicit.indefinite_articles")


def the_accused(doc: Document, events: list[Event]) -> str | None:
    """The one private person a story's police and court acts are against, or None when they
    are against nobody or several people (records DECISIONS.md D8)."""
    accused = {
        r
        for other in events
        if _case_act(doc, other)
        for r in other.recipients
        if _one_private_person(doc, r)
    }
    return next(iter(accused)) if len(accused) == 1 else None


def _case_act(doc: Document, event: Event) -> bool:
    """A police or court act of a case: an arrest, charge or detention ... whose actors, if
    named, are justice agencies. "Ukrainians are accused of arson" is no case against anyone;
    "the Church imprisoned her" is no police or court act."""
    if event.type not in JUSTICE_TYPES or event.type == "RETREAT":
        return False
    trigger = trigger_token(doc, event)
    if trigger is None or trigger.lemma_.lower() not in JUSTICE_LEMMAS:
        return False
    if trigger.lemma_.lower() in PURSUIT_LEMMAS:
        return False  # "the subject of an international manhunt": hunted, not yet accused
    return all(_justice_agency(doc, a) for a in event.actors)


def accused_attacker(
    doc: Document, event: Event, accused: str | None, events: list[Event]
) -> tuple[str, ...]:
    """Who did an attack the text tells without its doer in a crime story, in a sentence that
    ties the case to it ("A Regina teenager is facing an attempted murder charge after a woman
    was stabbed"): the story's accused (:func:`the_accused`, "Wesley Brookes ... charged with
    attempted murder"; records DECISIONS.md D8). Elsewhere the attack keeps no doer: a charge or
    an arrest is no finding (D84: "Vermelhudo is dead after being stabbed", "Two people were
    killed in a knife attack" with a man arrested later; dev: 5 better, 1 worse than everywhere)."""
    if accused is None or event.type not in ATTACK_TYPES or event.actors:
        return ()
    if not any(other.evidence == event.evidence and _case_act(doc, other) for other in events):
        return ()
    if not event.recipients or accused in event.recipients:
        return ()  # "The building was burned to the ground": whose doing, the story may not say
    trigger = trigger_token(doc, event)
    if trigger is None or two_sided(trigger):
        return ()
    return (accused,)


def accused_patient(doc: Document, event: Event, accused: str | None) -> tuple[str, ...]:
    """Whom a police or court act whose clause names no one was against ("police made the
    arrest after hearing from the woman's family", "Attempted murder charge laid"): the story's
    accused (:func:`the_accused`, D8)."""
    if accused is None or event.recipients or accused in event.actors:
        return ()
    trigger = trigger_token(doc, event)
    if trigger is not None and trigger.lemma_.lower() in OPEN_INQUIRY_LEMMAS:
        # "Adair County shooting investigation": an inquiry naming no suspect has none (D54)
        return ()
    return (accused,) if _case_act(doc, event) else ()


DEPLOYMENT_LEMMAS = word_set("events", "implicit.deployment_lemmas")
DEPLOYMENT_TYPES = word_set("events", "implicit.deployment_types")


def host_country(doc: Document, event: Event) -> tuple[str, ...]:
    """The country forces are sent into or taken out of, when the clause names no one ("We will
    begin our withdrawal today", "airlifted all the troops"): the country where it happens, if
    the article names it as an actor and it is not the sender's own (DECISIONS.md D43)."""
    if event.type not in DEPLOYMENT_TYPES or event.recipients or event.place is None:
        return ()
    if not event.actors:
        return ()  # who sends is not said, so neither is whether the place is foreign to them
    trigger = trigger_token(doc, event)
    if trigger is None or trigger.lemma_.lower() not in DEPLOYMENT_LEMMAS:
        return ()
    where = event.place.place.country
    senders = {a.country for a in map(doc.extraction.actor, event.actors) if a is not None}
    if where is None or where in senders:
        return ()
    hosts = [a.id for a in doc.extraction.actors if a.kind == "country" and a.country == where]
    return tuple(hosts[:1])


def _justice_agency(doc: Document, actor_id: str) -> bool:
    actor = doc.extraction.actor(actor_id)
    return actor is not None and actor.sector in JUSTICE_SECTORS


def _one_private_person(doc: Document, actor_id: str) -> bool:
    """A named private person, or one the story introduced unnamed ("A 23-year-old man")."""
    actor = doc.extraction.actor(actor_id)
    if actor is None or not (actor.sector is None or actor.sector in PRIVATE_SECTORS):
        return False
    if actor.kind == "person":
        return True
    return actor.kind == "group" and any(
        m.span.text.split()[0].lower() in INDEFINITE_ARTICLES for m in actor.mentions
    )


def justice_patient(doc: Document, events: list[Event], event: Event) -> tuple[str, ...]:
    """Who was arrested or charged when a justice noun in a prepositional phrase names nobody
    (D8): the recipients of the justice act it hangs on ("arrested Kimberly Hacker and Vernon
    Adkins on drug charges"), else the one its clause is about ("Marc Emery, released after
    arrest", "Brookes was held on charges")."""
    if event.type not in JUSTICE_TYPES or event.recipients:
        return ()
    noun = trigger_token(doc, event)
    if noun is None or noun.pos_ != "NOUN" or noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return ()
    verb = noun.head.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return ()
    for other in events:
        if other.trigger.start == verb.idx and other.type in JUSTICE_TYPES and other.recipients:
            return tuple(r for r in other.recipients if r not in event.actors)
    patients = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not patients and verb.dep_ == "acl" and verb.tag_ == "VBN":
        patients = [verb.head]  # "Marc Emery, released after arrest"
    if not patients and verb.lemma_ == "be":
        # "A 23-year-old man is in a Winnipeg jail on human trafficking charges"
        patients = [c for c in verb.children if c.dep_ == "nsubj"]
    found = [m.actor for head in patients if (m := doc.mention_for_token(head)) is not None]
    return tuple(dict.fromkeys(a for a in found if a not in event.actors))


def attacks_told_by(doc: Document, events: list[Event], event: Event) -> list[Event]:
    """The attacks of its sentence an attack noun only names how or with what they were done,
    told by their verb: "killed by the Russian shelling", "destroyed or damaged by Russian
    shelling" (the agent), "The bombings killed 259 people and injured 5,500" (the subject), "the
    bombings that killed 224 people" (a relative clause): one attack, coded on the verb (records
    DECISIONS.md D40; the gold annotates one event there). Empty when the noun is an attack of
    its own."""
    if event.type not in ATTACK_TYPES:
        return []
    noun = trigger_token(doc, event)
    if noun is None or noun.pos_ != "NOUN":
        return []
    if noun.dep_ == "pobj" and noun.head.dep_ == "agent":
        verb = noun.head.head
    elif noun.dep_ == "nsubj" and noun.head.pos_ == "VERB":
        verb = noun.head
    else:
        relative = first_child(noun, {"relcl"})
        subject = first_child(relative, {"nsubj"}) if relative is not None else None
        if relative is None or subject is None or subject.lower_ not in RELATIVE_PRONOUNS:
            return []
        verb = relative
    verbs = {verb.idx} | {v.idx for v in verb.conjuncts}  # "killed ... and injured"
    return [
        other
        for other in events
        if other.type in ATTACK_TYPES and other.trigger.start in verbs and other.id != event.id
    ]


def two_sided(trigger: Token) -> bool:
    """Whether a trigger names fighting between two sides ("Street fighting continues"), whose
    source is both sides or none (records DECISIONS.md D38), never one taken from elsewhere."""
    return trigger.lemma_.lower() in TWO_SIDED


def trigger_token(doc: Document, event: Event) -> Token | None:
    """The head token of an event's trigger in the parse (None if it spans no whole tokens)."""
    token = doc.token_at(event.trigger.start, event.trigger.end)
    if token is not None:  # the events stage's triggers are one word each
        return token
    span = doc.parsed.char_span(event.trigger.start, event.trigger.end)
    return span.root if span is not None else None


#: Penn tags of a verb that carries no tense of its own: the base form ("to support", "help
#: save") and the gerund ("supporting investment")
UNTENSED_TAGS = word_set("events", "implicit.untensed_tags")


def generic_act(doc: Document, event: Event) -> bool:
    """Whether an event is an act of no one: an untensed verb with no subject of its own whose
    event, after the article-level filling, names neither who nor to whom ("improving
    regulations, supporting investment", "help save lives", "to closely cooperate"). GUIDELINES.md
    codes an act of a political actor; such a verb names a kind of act, not one that was done,
    and on the records dev gold two in three of them were no event (28 false against 13 right).
    A tensed verb with no actor found ("agreements were signed") is still a record."""
    if event.actors or event.recipients:
        return False
    verb = trigger_token(doc, event)
    return (
        verb is not None
        and verb.pos_ == "VERB"
        and verb.tag_ in UNTENSED_TAGS
        and not any(child.dep_ in SUBJECTS for child in verb.children)
    )
