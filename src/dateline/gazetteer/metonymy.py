"""Metonymy: a country or national capital that acts is its government, not a place.

"Moscow said", "Kyiv's forces", "left Washington more aligned with Moscow" (Markert & Nissim
2007, SemEval-2007 task 8: place-for-people is the commonest metonymy of location names; its
clearest cues are the subject of a speech or agentive verb and the possessor of an organisation
noun). The places stage (:mod:`dateline.stages.places`) leaves such a toponym to the actors
stage, which resolves it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.gazetteer.placing import is_dateline
from dateline.words import word_set

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

#: Verbs whose subject is an agent (lemmas): speech acts and deliberate acts of states.
AGENT_VERBS = word_set("places", "metonymy.agent_verbs")
#: Nouns whose possessor is an actor: forces, governments, their officials and their acts.
AGENT_NOUNS = word_set("places", "metonymy.agent_nouns")
#: Prepositions after which a capital stands for its government ("aligned with Moscow").
AGENT_PREPOSITIONS = word_set("places", "metonymy.agent_prepositions")


def is_metonymic(span: SpacySpan) -> bool:
    """Whether a toponym names a state acting (an actor) rather than a place. Only countries and
    national capitals qualify; cues are read on the dependency parse of the span's root."""
    from dateline.countries import country_by_capital, country_by_name

    text = span.text.removesuffix("’s").removesuffix("'s")
    capital = country_by_capital(text) is not None
    if not capital and country_by_name(text) is None:
        return False
    if is_dateline(span):
        return False
    token = span.root
    while token.dep_ == "conj" and token.head is not token:  # "Turkey and Russia said"
        token = token.head
    head = token.head
    if token.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in AGENT_VERBS:
        return True
    if token.dep_ == "poss":
        return head.lower_ in AGENT_NOUNS or head.lemma_.lower() in AGENT_NOUNS
    if not capital:
        return False
    if token.dep_ in ("nsubj", "nsubjpass") and (
        head.pos_ == "VERB" or any(c.dep_ == "acomp" and c.pos_ == "VERB" for c in head.children)
    ):
        return True  # a capital doing anything: "Washington was more aligned with Moscow"
    if token.dep_ == "dobj" and any(c.dep_ in ("oprd", "xcomp", "acomp") for c in head.children):
        return True  # the subject of a small clause: "left Washington more aligned"
    return token.dep_ == "pobj" and head.lower_ in AGENT_PREPOSITIONS
