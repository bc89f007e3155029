"""One event per act: two triggers of one type that the parse ties together tell one event.

Records DECISIONS.md D28: several words for one act in one sentence ("discussed ... during the
conversation", "retaliated by firing", "were killed in a bombing", "In that suit, the SEC
accused") give one required event, the rest at most optional. The rules code each word they
know, so a sentence that names an act twice gives two records of one type, and the scorer
matches one gold event to one of them: the other is a false event. Here such a pair is one
whose triggers are linked in the parse, one right below the other or below it through a
preposition, with no coordination or clause joining on the way, and whose parties do not
differ; coordinated triggers ("stabbed, strangled and beaten") can be separate acts of one
type, and stay, save nouns ("the bombing and shelling of our territory"). A noun of the war as
a whole ("In five days of invasion, 56 missile strikes ...") beside a concrete attack only
frames it (D10), and the forum named with a meeting's audience ("addressed the participants of
the Summit") is that meeting.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from dateline.events.implicit import trigger_token
from dateline.words import word_set

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dateline.document import Document
    from dateline.model import Event

#: head hops from one trigger up to the other at most: "touched upon" over its subject "the
#: conversation" is one, "killed in a bombing" two (bombing -> in -> killed), "retaliated by
#: firing" two; the word between must be a preposition, so "signed an agreement on supporting
#: farmers" (supporting -> on -> agreement -> signed) is the agreement's content, no repeat
MAX_HOPS = 2
#: acts two parties do together (CONSULT, AGREE, COOPERATE): their parties have no sides
JOINT_TYPES = word_set("events", "coder.joint_types")
#: dependency labels that join separate acts of one type: "stabbed, strangled and beaten",
#: "three were stabbed, two were strangled" (a clause joined with a comma)
SEPARATE_ACTS = word_set("events", "duplicates.separate_acts")
#: a war as a whole ("invasion", "war"): beside a concrete attack of its sentence, only its frame
FRAME_NOUNS = word_set("events", "duplicates.frame_nouns")
#: the word that joins two nouns of one act ("the bombing and shelling"); "or" offers others
JOINING_WORDS = word_set("events", "duplicates.joining_words")
#: who takes part in a meeting, or a sitting of it: "the participants of the Summit"
FORUM_PARTS = word_set("events", "duplicates.forum_parts")


def _hops_below(lower: Token, upper: Token) -> int | None:
    """How many head hops lead from ``lower`` up to ``upper``, if within :data:`MAX_HOPS`, over
    no :data:`SEPARATE_ACTS` link and through a preposition only, or one for two nouns joined
    as one act (:func:`_joined_names`); None otherwise."""
    if _joined_names(lower, upper):
        return 1
    token = lower
    for hops in range(1, MAX_HOPS + 1):
        if token.dep_ in SEPARATE_ACTS or token.head.i == token.i:
            return None
        if hops > 1 and token.pos_ != "ADP":
            return None  # "an agreement on supporting": a noun between, no preposition
        token = token.head
        if token.i == upper.i:
            return hops
    return None


def _joined_names(lower: Token, upper: Token) -> bool:
    """ "The bombing and shelling of our territory", "Rocket bombings and artillery strikes
    continue": two nouns of one type joined by "and" name one act told in two words, as the
    records gold annotates it (one event over "bombing and shelling"; GUIDELINES: one event per
    trigger and type, D28); joined verbs ("three were stabbed, two were strangled", "kidnapped
    and presumed killed") stay separate acts."""
    if lower.dep_ != "conj" or lower.head.i != upper.i:
        return False
    if not upper.pos_ == lower.pos_ == "NOUN":
        return False
    # "talks in Geneva, as well as meetings within the Russia-NATO Council", "complaint,
    # criticism or injury": words between, or another joining word, tell separate things
    between = upper.doc[upper.i + 1 : lower.left_edge.i]
    return len(between) == 1 and between[0].lower_ in JOINING_WORDS


def _forum_of(lower: Token, upper: Token) -> bool:
    """ "I also addressed the participants of the Copenhagen Democracy Summit today", "The
    participants of the meeting heard a report": a meeting noun in the "of" phrase of a
    meeting verb's participants or sitting (:data:`FORUM_PARTS`) is the forum of that meeting,
    one act whatever parties each record found (the noun's own rule reads other parties than
    the verb's); "discussed the results of the talks" has no such noun between, and stays two."""
    link = lower.head
    part = link.head
    return (
        lower.dep_ == "pobj"
        and link.lower_ == "of"
        and part.lemma_.lower() in FORUM_PARTS
        and part.head.i == upper.i
        and part.i != upper.i
    )


def _filled(event: Event) -> int:
    return bool(event.actors) + bool(event.recipients)


def _same_parties(one: Event, other: Event) -> bool:
    """Whether two records can be one act: each side of one names no one, or shares an actor
    with the other's, and no actor stands on both sides. "Informed Putin about his talks with
    Aliyev" is two meetings: the talks' other side is not the informing's; "fighters repelled
    attacks" is two acts: the attacks are on those who repel them. An act two parties do
    together (:data:`JOINT_TYPES`) has no sides: see :func:`_same_joint_parties`."""
    if one.type in JOINT_TYPES and other.type in JOINT_TYPES:
        return _same_joint_parties(one, other)
    if set(one.actors) & set(other.recipients) or set(one.recipients) & set(other.actors):
        return False
    return all(
        not mine or not theirs or bool(set(mine) & set(theirs))
        for mine, theirs in (
            (one.actors, other.actors),
            (one.recipients, other.recipients),
        )
    )


def _same_joint_parties(one: Event, other: Event) -> bool:
    """ "We can discuss them at the next bilateral meeting", "I will address the participants
    of the meeting": a meeting, agreement or joint work told by a verb and by a noun below it
    is one act whose parties stand on either side (records DECISIONS.md D4: "the leaders
    discussed" has every party as source; the records scorer compares CONSULT, AGREE and
    COOPERATE parties together), so one record's parties on the other's opposite side tell no
    second act. They do when neither record's parties hold all of the other's: "informed Putin
    about his talks with Aliyev" is two meetings."""
    mine = set(one.actors) | set(one.recipients)
    theirs = set(other.actors) | set(other.recipients)
    return mine <= theirs or theirs <= mine


def _frames(members: list[int], tokens: dict[int, Token | None]) -> set[int]:
    """Of one sentence's records of one type, those whose trigger only names the war as a whole
    (:data:`FRAME_NOUNS`: "In five days of invasion, 56 missile strikes have been carried out")
    when another names a concrete act; none when every trigger is such a noun ("the war and
    the aggression"), so a sentence keeps at least one record of the type."""
    framing = {
        i for i in members
        if (token := tokens[i]) is not None and token.pos_ == "NOUN"
        and token.lemma_.lower() in FRAME_NOUNS
    }  # fmt: skip
    return framing if len(framing) < len(members) else set()


def one_per_act(doc: Document, events: list[Event]) -> list[Event]:
    """``events`` without the second record of an act told twice in one sentence (module
    docstring): of a linked pair of one type, the one with fewer sides named goes, and with as
    many, the lower word ("conversation" below "discussed" goes, "discussed" stays); a noun of
    the war as a whole beside a concrete act goes (:func:`_frames`). Only
    sentences with two events of one type are looked at: a few pairs per article."""
    groups: dict[tuple[int, str], list[int]] = defaultdict(list)
    for index, event in enumerate(events):
        groups[(event.evidence.start, event.type)].append(index)
    dropped: set[int] = set()
    for members in groups.values():
        if len(members) < 2:
            continue
        tokens = {i: trigger_token(doc, events[i]) for i in members}
        dropped.update(_frames(members, tokens))
        for a in members:
            for b in members:
                ta, tb = tokens[a], tokens[b]
                if a == b or a in dropped or b in dropped or ta is None or tb is None:
                    continue
                if not _forum_of(ta, tb) and (
                    _hops_below(ta, tb) is None or not _same_parties(events[a], events[b])
                ):
                    continue  # a is not below b, or tells another pair of parties
                # a lies below b: the lower goes unless it names more sides
                dropped.add(b if _filled(events[a]) > _filled(events[b]) else a)
    return [e for i, e in enumerate(events) if i not in dropped]
