"""Parties carried over sentences: an agentless mention of an attack told earlier in the story
takes that attack's attacker (records DECISIONS.md D84, stretching D41 beyond the adjacent
sentence: "a British mine removal expert kidnapped and presumed killed by Khmer Rouge
guerrillas" in the lede, then "he had probably been killed"); and an agentless passive act
takes the doer of an earlier act on the same patient (:func:`patients_doer`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.events import implicit

if TYPE_CHECKING:
    from dateline.document import Document
    from dateline.model import Event


def victims_attacker(doc: Document, events: list[Event], event: Event) -> tuple[str, ...]:
    """Who did an attack whose sentence names no attacker, in a story (not an address, whose
    attacker :func:`dateline.events.implicit.address_attacker` gives): the attacker of the latest
    earlier attack of the story told as done that is the same event (D84: the same event's later
    agentless mentions take its named doer, beyond the adjacent sentence of D41): one against
    the same victim, or one told by the same verb or the same kind of act ("presumed killed by
    Khmer Rouge guerrillas" in the lede, then "he had probably been killed"; "kidnapped", then
    "abducted"). Dev: 3 dyads right, 1 false event kept (wire, press-release). Not an attack claimed by another or denied, whose doer
    is no finding, nor fighting between two sides (D38). One pass over the events before
    ``event``."""
    if event.type not in implicit.ATTACK_TYPES or event.actors:
        return ()
    if event.factuality in implicit.UNTOLD_ATTACKS or implicit.is_address(doc):
        return ()
    trigger = implicit.trigger_token(doc, event)
    if trigger is None or implicit.two_sided(trigger):
        return ()
    kinds = _kinds(trigger.lemma_.lower())
    victims = set(event.recipients)
    told = [
        e
        for e in events
        if e.trigger.start < event.trigger.start
        and e.actors
        and e.type in implicit.ATTACK_TYPES
        and e.factuality not in implicit.UNTOLD_ATTACKS
    ]
    for earlier in reversed(told):
        token = implicit.trigger_token(doc, earlier)
        same_act = token is not None and bool(kinds & _kinds(token.lemma_.lower()))
        if same_act or victims & set(earlier.recipients):
            lent = tuple(a for a in earlier.actors if a not in victims)
            if lent:
                return lent
    return ()


def _kinds(lemma: str) -> set[str]:
    """The kinds of attack a trigger lemma tells: itself, and the attacks its doer's noun names
    ("abduct" and "kidnap" are one kind: the kidnapper's; implicit.doer_nouns, D84)."""
    return {lemma} | {noun for noun, acts in implicit.DOER_NOUNS.items() if lemma in acts}


def patients_doer(doc: Document, events: list[Event], event: Event) -> tuple[str, ...]:
    """Who did an act told in the passive with no agent ("In 1995 ... she was told to disconnect
    from her mother", after "imprisoned by the Church of Scientology" in the lede), when the
    story told an earlier act done to the same patient by a named doer: the latest such doer
    (records DECISIONS.md D84: a story's named doer is the source of its later agentless acts
    beyond the adjacent sentence, D41; here on one patient rather than one attack). Not an
    attack (:func:`victims_attacker` finds its attacker by the act, not the patient: an agency
    that hunted the victim's killer did not shoot him), nor a justice act, whose agent is the
    police or court of the case (D8); not in an address, whose agentless acts
    :mod:`dateline.events.implicit` gives the speaker's side. Dev: 3 dyads right (wire 1, local 2),
    1 false event dropped by the filter, 0 worse. One pass over the events before ``event``."""
    if event.actors or not event.recipients or event.type in implicit.ATTACK_TYPES:
        return ()  # an attack's doer is :func:`victims_attacker`'s to find
    if implicit.is_address(doc):
        return ()
    trigger = implicit.trigger_token(doc, event)
    if trigger is None or not any(c.dep_ in {"auxpass", "nsubjpass"} for c in trigger.children):
        return ()
    if trigger.lemma_.lower() in implicit.JUSTICE_LEMMAS:
        return ()  # "was arrested": the police or court of the case (implicit.justice_agent, D8)
    if any(c.dep_ == "agent" for c in trigger.children):
        return ()
    patients = set(event.recipients)
    for earlier in reversed(events):
        if earlier.trigger.start >= event.trigger.start:
            continue
        if earlier.actors and patients & set(earlier.recipients):
            lent = tuple(a for a in earlier.actors if a not in patients)
            if lent:
                return lent
    return ()
