"""Settings are no meetings: a talk with the press that only frames what was said is no event.

Records DECISIONS.md D67 (and D129): "a news conference, press briefing or interview that only
frames statements is no event". The lexicon codes every meeting noun and verb as CONSULT (D4),
so "This was stated by the President during a meeting with media representatives", "said this
during a conversation with representatives of the Western media" and "met with journalists
representing ..." each gave a CONSULT with the press that the gold does not hold. A meeting
whose one named counterpart is the press is such a setting; one that is what the sentence is
about ("my conversation with ... media representatives" as its subject) stays.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.events.implicit import trigger_token
from dateline.words import word_set

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dateline.document import Document
    from dateline.model import Event

#: nouns of the press as a counterpart: "media representatives", "journalists", "reporters"
PRESS_NOUNS = word_set("events", "settings.press_nouns")
#: the prepositions that name a meeting's counterpart ("a meeting with", "speaking to")
COUNTERPART_PREPS = word_set("events", "settings.counterpart_preps")
#: where a meeting word is what its sentence is about, not its frame ("my conversation with ...
#: was the maximum contrast")
SUBJECTS = word_set("events", "settings.subject_deps")
#: what modifies a counterpart's head noun and may name the press ("media representatives",
#: "Western media journalists")
MODIFIERS = word_set("events", "settings.modifier_deps")


def _word(token: Token) -> bool:
    """A press noun as written or by lemma ("media": the parser's lemma is "medium")."""
    return token.lower_ in PRESS_NOUNS or token.lemma_.lower() in PRESS_NOUNS


def _press(noun: Token) -> bool:
    """Whether a counterpart noun names the press: itself, a modifier ("media
    representatives") or its "of" ("representatives of the Western media")."""
    if _word(noun):
        return True
    for child in noun.children:
        if child.dep_ in MODIFIERS and _word(child):
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ == "of"
            and any(g.dep_ == "pobj" and _word(g) for g in child.children)
        ):
            return True
    return False


def press_setting(doc: Document, event: Event) -> bool:
    """Whether ``event`` is a meeting with the press that frames statements (module docstring):
    a CONSULT whose trigger names the press as its counterpart ("with"/"to" object, or the
    object of a meeting verb) and is not its sentence's subject. A few tokens per CONSULT."""
    if event.type != "CONSULT":
        return False
    token = trigger_token(doc, event)
    if token is None or token.dep_ in SUBJECTS:
        return False
    counterparts = [c for c in token.children if c.dep_ == "dobj"]
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in COUNTERPART_PREPS:
            counterparts.extend(g for g in child.children if g.dep_ == "pobj")
    return bool(counterparts) and all(_press(c) for c in counterparts)
