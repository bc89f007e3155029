"""The tense of a verb in the parse, and the verb that governs a token.

What the times stage reads to anchor an underspecified expression ("Tuesday", "in January")
before or after the article date (:mod:`dateline.temporal.direction`), and what event dating
reads to date an event from its clause (:mod:`dateline.temporal.dating`). Penn Treebank tags and
spaCy's ClearNLP dependency labels.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.temporal.context import Tense
from dateline.words import word_set

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Token

#: the parts of speech of a clause's head
VERBAL = ("VERB", "AUX")
_FUTURE_AUX = word_set("times", "stage.future_auxiliaries")
#: verbs whose past tense is their base form ("hurt", "cut", "set")
_INVARIANT_PAST = word_set("times", "stage.invariant_past_verbs")
#: verbs of wishing that "would" makes polite, not future: "I would like to thank you"
_PERFORMATIVE = word_set("times", "stage.polite_wish_verbs")
#: modals of possibility and obligation: what may or must happen has not yet ("may soon seek")
_POSSIBILITY_MODALS = word_set("times", "stage.possibility_modals")
#: verbs whose infinitive complement is in the future of the verb ("plans to visit in May")
_PROSPECTIVE = word_set("times", "stage.prospective_verbs")
#: adjectives whose to-infinitive lies in their future ("is due to appear on Tuesday")
_PROSPECTIVE_ADJ = word_set("times", "stage.prospective_adjectives")
#: participles that announce a later event ("talks scheduled for Monday")
_SCHEDULED = word_set("times", "stage.scheduled_participles")
#: verbs of saying and reporting: a clause under them is reported speech (Bergler 2006, and the
#: reporting-verb list of the PolNeAR annotation guidelines)
SPEECH_VERBS = word_set("times", "stage.speech_verbs")
#: how many heads up the tree a token's governing verb is looked for (a longer chain leaves the
#: clause)
GOVERNOR_HOPS = 8
#: how many clauses up (conjuncts, complements) a verb without tense of its own borrows one
TENSE_HOPS = 4


def span_root(parsed: SpacyDoc, start: int, end: int) -> Token | None:
    """The token by which the expression at ``start``-``end`` hangs in its sentence.

    A line break inside the expression (a hard-wrapped text's "will walk out on 23\nDecember")
    can make the parser end the sentence there and root the rest on its own ("December" the root
    of a second sentence): the token that attaches the expression to the words outside it is
    its root then, not the stranded part.
    """
    span = parsed.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span.root
    if root.head.i == root.i and any(token.is_space for token in span):
        for token in span:
            if not token.is_space and not span.start <= token.head.i < span.end:
                return token
    return root


def governor(token: Token) -> Token | None:
    """The nearest verb at or above ``token`` (its clause's head), or None."""
    for _ in range(GOVERNOR_HOPS):
        if token.pos_ in VERBAL:
            return token
        head = token.head
        # spaCy makes a new Token on every access, so ``token.head is token`` never held: a
        # root that is no verb was climbed GOVERNOR_HOPS times to the same None
        if head.i == token.i:
            return None
        token = head
    return None


def verb_tense(verb: Token, depth: int = 0) -> Tense:
    """past / present / future from the verb's tag and its auxiliaries (Penn Treebank tags).

    The perfect is past ("have been searching since the Oct. 23 slaying": the event reaches
    the present from before it), and so is the base form of a verb whose past is the same word
    ("hurt", "cut", "set") when its subject is a singular noun, which the present would put in
    the third person ("Weakness in big stocks hurt the composite on Friday"); another base
    form with such a subject is a subjunctive ("ordered that Elian remain until March 6"),
    which looks forward, as do modals of possibility ("may be resolved the week of March 6").
    """
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if verb.lemma_ in _PERFORMATIVE and words & {"would", "'d"}:
        return "present"  # "At the beginning of our conversation, I would like to note"
    if words & _FUTURE_AUX or ("going" in words and "to" in words):
        return "future"
    if "to" in words and verb.head is not verb and verb.head.pos_ in VERBAL:
        head = verb.head
        if head.lemma_ in _PERFORMATIVE and any(c.lower_ in ("would", "'d") for c in head.children):
            return "present"  # "I would like to thank you": the thanking is now
        if head.lemma_ in _PROSPECTIVE and (head.lemma_ != "be" or verb.dep_ == "xcomp"):
            # "had been scheduled to expire at midnight Friday": a plan made before a past time
            # says nothing of which side of the article date its event lies
            return None if pluperfect(verb.head) else "future"
        return verb_tense(verb.head, depth + 1) if depth < TENSE_HOPS else None
    if "to" in words and verb.head.pos_ == "ADJ" and verb.head.lemma_.lower() in _PROSPECTIVE_ADJ:
        # "he is due to appear in court on Tuesday": the appearance is still to come; "was due
        # to appear" says nothing of which side of the article date it lies
        copula = verb.head.head
        if copula.pos_ in VERBAL and copula is not verb.head and depth < TENSE_HOPS:
            return "future" if verb_tense(copula, depth + 1) != "past" else None
    if verb.lemma_ == "be" and verb.lemma_ in _PROSPECTIVE and _to_infinitive(verb):
        # "On Wednesday, Mohamed and his father are to travel": the time hangs on the "be" of
        # "be to", whose infinitive is still to come; "were to travel" says not which side
        return None if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes) else "future"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if any(a.lemma_ == "have" for a in auxes) and (verb.tag_ in ("VBN", "VBG") or "been" in words):
        return "past"
    if verb.tag_ == "VBN" and not auxes and verb.dep_ in ("acl", "advcl", "amod"):
        # a reduced relative or participle clause: "products introduced in April", "the terms,
        # announced Friday" report a past event, unless it is a schedule ("a vote set for May")
        return None if verb.lemma_ in _SCHEDULED else "past"
    if verb.tag_ == "MD" and verb.lower_ in _FUTURE_AUX:
        return "future"
    if words & _POSSIBILITY_MODALS and "have" not in words:
        return "future"  # "may finally be resolved ... the week of March 6"
    if verb.tag_ == "VBP" and not auxes and _singular_noun_subject(verb):
        # "Weakness hurt the composite": a past form; "ordered that Elian remain until March
        # 6": a subjunctive, whose event is still to come
        if verb.lower_ in _INVARIANT_PAST:
            return "past"
        if verb.dep_ == "ccomp" and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in verb.children
        ):
            return "future"
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb and depth < TENSE_HOPS:
        if verb.head.pos_ in VERBAL:
            return verb_tense(verb.head, depth + 1)
        # "does not appear inclined to order": the infinitive hangs on an adjective or a noun
        above = next((a for a in verb.ancestors if a.pos_ in VERBAL), None)
        return verb_tense(above, depth + 1) if above is not None else None
    return None


def _to_infinitive(verb: Token) -> bool:
    """Whether ``verb`` has a to-infinitive complement ("are to travel")."""
    return any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children
    )


def _singular_noun_subject(verb: Token) -> bool:
    """A base-form verb ("hurt", "remain") whose subject is a singular noun: the present would
    be "hurts", so it is a past form or a subjunctive."""
    return any(c.dep_ == "nsubj" and c.tag_ in ("NN", "NNP") for c in verb.children)


def pluperfect(verb: Token) -> bool:
    """ "had been scheduled to expire at midnight Friday": a schedule already past."""
    return verb.tag_ == "VBD" or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children
    )


def past_perfect(verb: Token) -> bool:
    """ "had attacked", "'d spoken": an event before a past time (the past perfect)."""
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in ("had", "'d", "’d") for c in verb.children
    )
