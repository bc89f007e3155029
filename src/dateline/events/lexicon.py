"""The trigger lexicon (``data/triggers-v1.csv``) and matching a token against it.

A row's ``pattern`` is a head lemma followed by words that must occur among the head's
dependents: "call for" (a preposition), "hold exercise" (an object), "go on strike" (a preposition
and its object), "lift sanction". Rows with more dependent words are more specific and win. Support
verbs (``pos`` = light) carry no type: "held talks" is coded from the noun "talks", with the
subject of "held" as actor (light-verb constructions; Grimshaw & Mester 1988, as used by
PETRARCH's verb-noun patterns).
"""

from __future__ import annotations

import csv
import functools
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from dateline.words import word_set

if TYPE_CHECKING:
    from collections.abc import Collection

    from spacy.tokens import Doc, Token

LEXICON_VERSION = "triggers-v1"

#: spaCy coarse tags read as each lexicon part of speech
POS_TAGS: dict[str, frozenset[str]] = {
    "verb": frozenset({"VERB"}),
    "noun": frozenset({"NOUN", "PROPN"}),
    "adj": frozenset({"ADJ"}),
    "light": frozenset({"VERB", "AUX"}),
}

_SEARCH_DEPS = word_set("events", "lexicon.search_deps")
#: complements whose own negation a pattern may name ("pleaded not guilty")
_NEGATED_COMPLEMENTS = word_set("events", "lexicon.negated_complements")
#: a verb's objects whose conjuncts and "of" complement are searched too ("addressed both
#: chambers of the Italian parliament", "need tanks and weapons")
_OBJECT_DEPS = word_set("events", "lexicon.object_deps")


#: word classes a pattern may name with a "&" word ("need &weapon" holds for "need tanks",
#: "needs MiG fighters"): the synsets of PETRARCH2's CAMEO verb dictionary, whose patterns name
#: "&WEAPON" rather than one row per weapon (Norris, Schrodt & Beieler 2017)
SYNSETS: dict[str, frozenset[str]] = {"&weapon": word_set("events", "lexicon.weapons")}


def names(word: str, lemmas: Collection[str]) -> bool:
    """Whether a pattern's ``word`` is among ``lemmas`` (a token's lemma and form, or a head's
    dependents): the word itself, or for a "&" word a member of its class (:data:`SYNSETS`)."""
    if word.startswith("&"):
        return not SYNSETS[word].isdisjoint(lemmas)
    return word in lemmas


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon row."""

    head: str
    words: tuple[str, ...]
    pos: str
    type: str | None
    mode: str | None
    strength: float
    notes: str

    @property
    def pattern(self) -> str:
        return " ".join((self.head, *self.words))

    def names(self, token: Token) -> bool:
        """Whether one of the row's words names ``token`` (its lemma or form)."""
        forms = (token.lemma_.lower(), token.lower_)
        return any(names(word, forms) for word in self.words)


@functools.cache
def load_lexicon() -> dict[tuple[str, str], list[Entry]]:
    """Lexicon entries keyed by (pos, head lemma), the most specific first."""
    text = resources.files("dateline.data").joinpath("triggers-v1.csv").read_text("utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    index: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for row in csv.DictReader(lines):
        words = row["pattern"].lower().split()
        right = tuple(w[1:] for w in words if w.startswith("+"))
        words = [w for w in words if not w.startswith("+")]
        # multiword nouns ("phone call", "hunger strike") are keyed on their last word, the head;
        # "+word"s are the noun's dependents to its right ("call +for")
        if row["pos"] == "noun" and len(words) > 1:
            head, rest = words[-1], (*words[:-1], *right)
        else:
            head, rest = words[0], (*words[1:], *right)
        entry = Entry(
            head=head,
            words=rest,
            pos=row["pos"],
            type=row["type"] or None,
            mode=row["mode"] or None,
            strength=float(row["strength"] or 0.0),
            notes=row["notes"],
        )
        unknown = [w for w in rest if w.startswith("&") and w not in SYNSETS]
        if unknown:
            raise ValueError(f"lexicon row {row['pattern']!r}: no word class {unknown[0]}")
        index[(entry.pos, head)].append(entry)
    for entries in index.values():
        entries.sort(key=lambda e: -len(e.words))  # stable: file order among equals
    return dict(index)


#: clauses whose "for" marker is the verb's own preposition ("called for X to be", never "called
#: X to apologize for Y", where "for" is a preposition of the clause's verb)
_FOR_CLAUSE_DEPS = word_set("events", "lexicon.for_clause_deps")


def for_clause(clause: Token) -> bool:
    """Whether ``clause`` is a "for ... to" clause of the verb above it: "called for the doors
    to be open", "pressed for Russia to withdraw" (the parser hangs the verb's "for" on the
    clause's verb as its marker)."""
    return clause.dep_ in _FOR_CLAUSE_DEPS and any(
        g.dep_ == "mark" and g.lower_ == "for" for g in clause.children
    )


def dependent_lemmas(token: Token) -> set[str]:
    """Lemmas (and lower-cased forms) of the token's dependents, two levels down."""
    found: set[str] = set()
    for child in token.children:
        if for_clause(child):  # "called for the doors to be open": the verb's own "for"
            found.add("for")
        if child.dep_ not in _SEARCH_DEPS and child.dep_ != "neg":
            continue
        if child.dep_ == "prep" and any(
            g.dep_ == "pobj" and g.ent_type_ in {"DATE", "TIME"} for g in child.children
        ):
            continue  # "called Morrison on Wednesday" is no "call on"
        found.update((child.lemma_.lower(), child.lower_))
        for grandchild in child.children:
            # a preposition counts only as the head's own dependent: "called X to apologize for
            # Y" is no "call for"
            # a negation counts on a complement ("pleaded not guilty"), never on the head
            if (grandchild.dep_ in _SEARCH_DEPS and grandchild.pos_ != "ADP") or (
                grandchild.dep_ == "neg" and child.dep_ in _NEGATED_COMPLEMENTS
            ):
                found.update((grandchild.lemma_.lower(), grandchild.lower_))
                found.update(
                    g.lower_ for g in grandchild.children if g.dep_ in {"compound", "amod"}
                )
        if child.dep_ in _OBJECT_DEPS:
            found.update(w for t in object_words(child) for w in (t.lemma_.lower(), t.lower_))
    # a left compound of a noun head ("hunger strike", "phone call") counts as one of its words
    return found


def object_words(obj: Token) -> list[Token]:
    """Tokens a pattern may name for a verb's object beyond its children: the object's
    conjuncts ("needs tanks, aircraft and weapons": each is needed) and the complement of its
    "of" (with that complement's conjuncts: "addressed both chambers of the Italian
    parliament", "noted the importance of the United States' efforts"), where the parse puts the
    named thing one level further down. Read only for a word whose rows name dependents
    (GUIDELINES "One event per trigger and type": a conjoined object is the same act's; records
    DECISIONS.md D5, D6: what is noted or needed is named by the object's complement)."""
    found: list[Token] = []
    for near in obj.children:
        if near.dep_ == "conj":
            found.append(near)
        elif near.dep_ == "prep" and near.lower_ == "of":
            for far in near.children:
                if far.dep_ == "pobj":
                    found.append(far)
                    found.extend(g for g in far.children if g.dep_ == "conj")
    return found


def lemma(token: Token) -> str:
    """The lemma the lexicon reads for ``token``, with the lost "e" of a verb restored ("waging"
    -> "wage"); rules that compare verbs with a word list read it too."""
    spacy_lemma = token.lemma_.lower()
    # the small English model lemmatises some plurals and verbs poorly ("talks" -> "talks"),
    # and drops the final "e" of verbs whose stem is another word: "staged" -> "stag", "waging"
    # -> "wag", "fined" -> "fin", "lambasted" -> "lambast"
    if token.pos_ in {"VERB", "AUX"}:
        return _restored_e(token.lower_, spacy_lemma)
    return spacy_lemma


def _restored_e(form: str, lemma: str) -> str:
    """The lexicon's verb when the lemma lost its "e": the form goes on with the "e" ("staged",
    "stages") or is the stem plus "ing" ("staging"; "rapping" doubles its consonant and stays
    "rap"), and the lemma itself is no verb of the lexicon."""
    lexicon = load_lexicon()
    restored = lemma + "e"
    if ("verb", lemma) in lexicon or ("light", lemma) in lexicon:
        return lemma
    if ("verb", restored) not in lexicon and ("light", restored) not in lexicon:
        return lemma
    if form.startswith(restored) or form == lemma + "ing":
        return restored
    return lemma


def match(token: Token, pos: str) -> Entry | None:
    """The most specific lexicon entry of ``pos`` whose pattern the token satisfies."""
    if token.pos_ not in POS_TAGS[pos]:
        return None
    entries = load_lexicon().get((pos, lemma(token))) or load_lexicon().get((pos, token.lower_))
    if not entries:
        return None
    deps: set[str] | None = None
    for entry in entries:
        if not entry.words:
            return entry
        if deps is None:
            deps = dependent_lemmas(token) | _support_verb_prepositions(token)
        if all(names(word, deps) for word in entry.words):
            return entry
    return None


def _support_verb_prepositions(noun: Token) -> set[str]:
    """The prepositions of the support verb whose object ``noun`` is: the parser hangs the
    noun's own preposition on the verb ("held a zoom conference with ... media representatives",
    "made a call for peace"), where a pattern's "+with" or "+for" looks for it (the verb itself
    carries no type: light-verb constructions, as in the module docstring)."""
    if noun.pos_ not in POS_TAGS["noun"] or noun.dep_ != "dobj" or not is_support_verb(noun.head):
        return set()
    return {child.lower_ for child in noun.head.children if child.dep_ == "prep"}


#: the spaCy coarse tags of a token :func:`match` may find a row for, with the rows it reads
_TRIGGER_POS = {tag: kind for kind in ("verb", "adj", "noun") for tag in POS_TAGS[kind]}


def lexicon_tokens(doc: Doc) -> tuple[int, ...]:
    """The indices of the tokens, in text order, that have lexicon rows under their own part of
    speech (a verb's "verb" rows, an adjective's "adj", a noun's "noun"): the only tokens for
    which :func:`match` can return an entry. Read from the parse's arrays, each distinct word
    looked up once: most words of an article are in no row, and building a spaCy Token for
    each to ask :func:`match` cost the events stage more than the rest of finding triggers."""
    import numpy as np
    from spacy.attrs import LEMMA, LOWER, POS

    strings = doc.vocab.strings
    kinds = {strings[tag]: kind for tag, kind in _TRIGGER_POS.items()}
    table = doc.to_array([POS, LEMMA, LOWER])
    tags = table[:, 0]
    # four comparisons: np.isin sorts, which costs more on an article's few hundred tokens
    rows = np.nonzero(functools.reduce(np.logical_or, [tags == tag for tag in kinds]))[0]
    if len(_KNOWN_WORDS) > KNOWN_WORDS_LIMIT:
        _KNOWN_WORDS.clear()
    found = []
    for i, key in zip(rows.tolist(), map(tuple, table[rows].tolist()), strict=True):
        has_rows = _KNOWN_WORDS.get(key)
        if has_rows is None:
            pos, lemma_id, lower_id = key
            has_rows = _has_rows(kinds[pos], strings[lemma_id], strings[lower_id])
            _KNOWN_WORDS[key] = has_rows
        if has_rows:
            found.append(i)
    return tuple(found)


#: (tag, lemma, form) of words :func:`lexicon_tokens` has looked up, by the hashes of their
#: strings (the same in every parse) -> whether they have rows; emptied past the limit (the
#: 400 benchmark documents hold about 12,000 such words)
_KNOWN_WORDS: dict[tuple[int, int, int], bool] = {}
#: how many distinct words :data:`_KNOWN_WORDS` keeps before it is emptied: a bound on its
#: memory in a long ingest, far above the ~12,000 words of the 400 benchmark press releases
KNOWN_WORDS_LIMIT = 200_000


def _has_rows(kind: str, spacy_lemma: str, lower: str) -> bool:
    """Whether :func:`match` finds rows of ``kind`` for a word of this lemma and form."""
    lexicon = load_lexicon()
    word = spacy_lemma.lower()  # as lemma() reads it
    if kind == "verb":
        word = _restored_e(lower, word)
    return (kind, word) in lexicon or (kind, lower) in lexicon


def is_support_verb(token: Token) -> bool:
    return token.pos_ in POS_TAGS["light"] and (("light", lemma(token)) in load_lexicon())
