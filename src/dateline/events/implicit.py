"""Actors a clause leaves out but the text gives elsewhere.

PLOVER codes an event's actor even when its clause does not name it, and so do the records gold's
annotators (GUIDELINES.md: "A pronoun is annotated as the actor it refers to"; DECISIONS.md D8,
D9). Three such cases are common enough to resolve by rule:

- **the speaker** of a transcript turn or an address does what a subjectless clause says:
  "Thank you for coming", "Thanked the parents of the defenders" (:class:`~dateline.stages.base.
  Voice`, set by the actors stage);
- **the police or court of the case** arrest, charge, hold and release when a passive or a noun
  names no agent: "He was arrested on Friday", "after his release" (D8: the agency the text names
  for the case); the nearest such actor mentioned before the trigger, else the first after it;
- **the parties of the article's meeting** are the actors of "the talks", "the conversation",
  "the leaders discussed" when nothing nearer names them (D4): the actors and recipients of the
  article's first meeting that names two parties (applied by the events stage, see
  :func:`meeting_parties`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.events.arguments import Argument
from dateline.model import Event
from dateline.words import word_set

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dateline.stages.base import Document

JUSTICE_LEMMAS = word_set("events", "implicit.justice_lemmas")
JUSTICE_SECTORS = word_set("events", "implicit.justice_sectors")
JUSTICE_TYPES = word_set("events", "implicit.justice_types")
SUBJECTS = word_set("events", "implicit.subject_deps")
SPEAKER_PASSIVES = word_set("events", "implicit.speaker_passives")


def _has_subject(clause: Token) -> bool:
    """A subject of the verb, or of its auxiliary (where the small model often hangs it)."""
    auxiliaries = [c for c in clause.children if c.dep_ in {"aux", "auxpass"}]
    return any(c.dep_ in SUBJECTS for t in (clause, *auxiliaries) for c in t.children)


def _latest_mention(doc: Document, actor: str, before: int) -> Argument | None:
    spans = [m.span for m in doc.mentions if m.actor == actor]
    if not spans:
        return None
    earlier = [s for s in spans if s.start <= before]
    return Argument(earlier[-1] if earlier else spans[0], (actor,))


def speaker(doc: Document, clause: Token) -> list[Argument]:
    """The voice's speaker, for a verb without a subject inside a turn or an address, and for
    an office holder's act reported in the passive without an agent ("were awarded")."""
    passive_act = clause.lemma_.lower() in SPEAKER_PASSIVES and not any(
        c.dep_ == "agent" for c in clause.children
    )
    if clause.pos_ not in {"VERB", "AUX"} or (_has_subject(clause) and not passive_act):
        return []
    if passive_act and clause.dep_ in {"conj", "ccomp"}:
        clause = clause.head
    if clause.dep_ != "ROOT":
        return []  # a complement, conjunct or modifier takes its governor's subject
    voice = doc.voice_at(clause.idx)
    if voice is None:
        return []
    found = _latest_mention(doc, voice.speaker, clause.idx)
    return [found] if found is not None else []


def justice_agent(doc: Document, trigger: Token, kind: str) -> list[Argument]:
    """The police or court of the case, for a justice act whose agent the clause leaves out."""
    if kind not in JUSTICE_TYPES or trigger.lemma_.lower() not in JUSTICE_LEMMAS:
        return []
    if (
        trigger.pos_ in {"VERB", "AUX"}
        and not any(c.dep_ in {"nsubjpass", "auxpass"} for c in trigger.children)
        and trigger.dep_ not in {"amod", "acl"}
    ):
        return []  # an active verb names its agent or has none ("he was to be released")
    agencies = {
        actor.id
        for actor in doc.extraction.actors
        if actor.sector in JUSTICE_SECTORS and actor.kind in {"organization", "group"}
    }
    if not agencies:
        return []
    mentions = [m for m in doc.mentions if m.actor in agencies]
    earlier = [m for m in mentions if m.span.start <= trigger.idx]
    chosen = earlier[-1] if earlier else mentions[0]
    return [Argument(chosen.span, (chosen.actor,))]


def meeting_parties(events: list[Event]) -> tuple[str, ...]:
    """The parties of the article's first meeting that names two of them."""
    for event in events:
        if event.type != "CONSULT":
            continue
        parties = tuple(dict.fromkeys((*event.actors, *event.recipients)))
        if len(parties) >= 2:
            return parties
    return ()
