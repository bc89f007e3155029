"""Claims: propositions attributed to a source, with the chain of those who repeat them.

Three rules, on the parse and on the quotes the quotes stage found (:func:`find_claims`):

1. claim nouns: "a Russian claim to have completely encircled Ukrainian forces" is a claim whose
   source is the noun's owner (a demonym, a possessive, "by X"), and whose content is the noun's
   clausal complement. When the noun is the object of a verb of repeating ("Trump also repeated
   a Russian claim ...") the verb's subject joins ``repeated_by`` and the stance is "repeat"; a
   verb of denial ("rejected the claim that ...") gives "deny".
2. claim verbs in reported speech: a quote whose cue is claim/allege/assert/insist/contend/maintain
   is a claim of its speaker (stance "assert"); a quote inside another speaker's quote ("Trump
   said Russia claimed X") is repeated by the outer speaker (stance "repeat").
3. reporting markers: "reportedly", "allegedly", "purportedly" mark their clause as reported
   content of an unnamed source (source None: the outlet or whoever it relies on); "according to
   X" attributes to X. Stance "report".

The claims stage (:mod:`dateline.stages.claims`) turns what they find into
:class:`~dateline.model.Claim` records.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateline.document import Document
from dateline.quotes.cues import CLAIM_VERBS, subject_of
from dateline.words import word_set

if TYPE_CHECKING:
    from spacy.tokens import Token

CLAIM_NOUNS = word_set("claims", "claims.claim_nouns")
REPEAT_VERBS = word_set("claims", "claims.repeat_verbs")
DENY_VERBS = word_set("claims", "claims.deny_verbs")
REPORT_ADVERBS = word_set("claims", "claims.report_adverbs")
#: leading words that are grammar, not content ("to have completely encircled" -> "completely ...")
_LEADING = word_set("claims", "claims.leading_words")
_SOURCE_PREPOSITIONS = word_set("claims", "claims.source_prepositions")
#: a claim shorter than this (characters) is a stray word or mark, not a statement
CLAIM_MIN_CHARS = 3


@dataclass(frozen=True, slots=True)
class FoundClaim:
    """A claim a rule found: its content's character offsets, its source and those who repeat
    it (actor ids), its stance and the name of the rule."""

    start: int
    end: int
    source: str | None
    repeated_by: tuple[str, ...]
    stance: str  # "assert" | "repeat" | "deny" | "report"
    rule: str


def find_claims(doc: Document) -> list[FoundClaim]:
    """The claims of an article (module docstring), in the order the rules find them; content
    trimmed of edge punctuation, one claim per span (the first rule to find it names it)."""
    claims: dict[tuple[int, int], FoundClaim] = {}

    def add(
        start: int,
        end: int,
        source: str | None,
        repeated: tuple[str, ...],
        stance: str,
        *,
        rule: str,
    ) -> None:
        start, end = _trim(doc.text, start, end)
        if end - start < CLAIM_MIN_CHARS or (start, end) in claims:
            return
        claims[(start, end)] = FoundClaim(start, end, source, repeated, stance, rule)

    for token in doc.parsed:
        if token.pos_ == "NOUN" and token.lemma_.lower() in CLAIM_NOUNS:  # the cheap test first
            found = _noun_claim(doc, token)
            if found is not None:
                add(*found, rule="claim noun")
        elif token.lower_ in REPORT_ADVERBS and token.dep_ == "advmod":
            clause = token.head
            tokens = [t for t in clause.subtree if t.i != token.i]
            if tokens:
                add(tokens[0].idx, _end(tokens[-1]), None, (), "report", rule="reporting adverb")
    for quote in doc.extraction.quotes:
        outer = _outer_speaker(doc, quote.span.start, quote.span.end, quote.speaker.actor)
        if quote.kind == "according_to":
            add(
                quote.span.start,
                quote.span.end,
                quote.speaker.actor,
                (),
                "report",
                rule="according to",
            )
        elif quote.cue is not None and _lemma_at(doc, quote.cue.start) in CLAIM_VERBS:
            repeated = (outer,) if outer else ()
            add(
                quote.span.start,
                quote.span.end,
                quote.speaker.actor,
                repeated,
                "repeat" if outer else "assert",
                rule="claim verb in a quote" if outer else "claim verb",
            )
    return list(claims.values())


def _end(token: Token) -> int:
    return token.idx + len(token.text)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " \n\t,.;:—–-\"“”’‘'":
        end -= 1
    while start < end and text[start] in " ,;:—–-\"“”’‘'":
        start += 1
    return start, end


def _lemma_at(doc: Document, offset: int) -> str:
    span = doc.parsed.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0].lemma_.lower() if span is not None and len(span) else ""


def _actor_of(doc: Document, token: Token | None) -> str | None:
    if token is None:
        return None
    mention = doc.mention_for_token(token)
    return mention.actor if mention else None


def _noun_claim(
    doc: Document, noun: Token
) -> tuple[int, int, str | None, tuple[str, ...], str] | None:
    complement = next(
        (c for c in noun.children if c.dep_ in {"acl", "ccomp", "relcl"} and c.i > noun.i), None
    )
    if complement is None or (
        complement.dep_ == "relcl"
        and not any(c.lower_ == "that" and c.dep_ == "mark" for c in complement.children)
    ):
        return None
    tokens = [t for t in complement.subtree]
    while tokens and tokens[0].lower_ in _LEADING and tokens[0].i < complement.i:
        tokens.pop(0)
    while tokens and tokens[0].lower_ in _LEADING and tokens[0].pos_ in {"AUX", "PART", "SCONJ"}:
        tokens.pop(0)
    if not tokens:
        return None
    source = None
    for child in noun.children:
        if child.i < noun.i and child.dep_ in {"amod", "poss", "compound", "nmod"}:
            source = _actor_of(doc, child) or source
        if child.dep_ == "prep" and child.lower_ in _SOURCE_PREPOSITIONS:
            source = (
                _actor_of(doc, next((g for g in child.children if g.dep_ == "pobj"), None))
                or source
            )
    verb = noun.head if noun.dep_ in {"dobj", "pobj", "nsubjpass"} else None
    if verb is not None and verb.dep_ == "prep":
        verb = verb.head
    stance = "assert"
    repeated: tuple[str, ...] = ()
    if verb is not None:
        lemma = verb.lemma_.lower()
        speaker = _actor_of(doc, subject_of(verb))
        if lemma in REPEAT_VERBS and speaker and speaker != source:
            stance, repeated = "repeat", (speaker,)
        elif lemma in DENY_VERBS:
            stance = "deny"
            repeated = (speaker,) if speaker and speaker != source else ()
    return tokens[0].idx, _end(tokens[-1]), source, repeated, stance


def _outer_speaker(doc: Document, start: int, end: int, speaker: str | None) -> str | None:
    """The speaker of a longer quote of someone else that contains [start, end)."""
    for quote in doc.extraction.quotes:
        span = quote.span
        inside = span.start <= start and end <= span.end and (span.start, span.end) != (start, end)
        if inside and quote.speaker.actor and quote.speaker.actor != speaker:
            return quote.speaker.actor
    return None
