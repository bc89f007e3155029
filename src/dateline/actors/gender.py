"""A person's gender before the text says it: the actor table, else a first-name prior.

Coreference learns gender from the text (titles "Mr."/"Mrs."/"First Lady", pronouns already
resolved); until the text has spoken, a named person is compatible with both "he" and "she", so
"she" could resolve to Vladimir Putin. Name-based priors are how news-analysis tools avoid this
(the Gender Gap Tracker, Asr et al. 2021, PLOS ONE, guesses a speaker's gender from the first
name before any pronoun). The prior is used only as a filter in :mod:`dateline.actors.coref`;
what the text says always wins over it.

The list (``data/first_names.csv``) keeps only names at least 95% one gender in the pooled
sources of nomquamgender (Van Buskirk et al., ICWSM 2023; MIT licence), so "Jean", "Kim" or
"Andrea" give no prior.
"""

from __future__ import annotations

import csv
import unicodedata
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from dateline.actors.lexicon import TITLE_WORDS
from dateline.words import word_set

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_SKIP = word_set("actors", "gender.skip")


@cache
def first_names() -> dict[str, str]:
    """Lower-case ASCII first name -> "m" or "f" (the shipped list)."""
    with resources.files("dateline.data").joinpath("first_names.csv").open(encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return {row["name"]: row["gender"] for row in rows}


def _fold(word: str) -> str:
    """ "Zoë" -> "zoe", "Łukasz" -> "lukasz": the list is ASCII, as nomquamgender folds names."""
    word = word.replace("ł", "l").replace("Ł", "L")
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def name_gender(name: str) -> str | None:
    """The prior for a full name: its first word's gender when the list is confident, else None.

    A single word ("Putin", "Zelenska") gives none: surnames are not in a first-name list and a
    one-word name is as often a surname as a given name.
    """
    words = [w.strip(".,") for w in name.split()]
    words = [w for w in words if w and w.casefold() not in _SKIP | TITLE_WORDS]
    if len(words) < 2 or not words[0][:1].isupper():
        return None
    return first_names().get(_fold(words[0]))


def is_first_name(word: str) -> bool:
    """Whether ``word`` is a confidently gendered first name ("Olena", "Vladimir"); title words
    that are also names somewhere ("General", "Chancellor", "King") are not."""
    return (
        word[:1].isupper() and word.casefold() not in TITLE_WORDS and _fold(word) in first_names()
    )


FEMALE_CUES = word_set("actors", "gender.female_cues")
MALE_CUES = word_set("actors", "gender.male_cues")
#: a person's name is a first name and a surname, or three names ("Olena Zelenska", "Martin
#: Luther King"); an entity with more names is an organisation's
PERSON_NAME_MIN_TOKENS = 2
PERSON_NAME_MAX_TOKENS = 3


def cue_before(doc: Doc, start: int) -> str | None:
    """The gender the word right before token ``start`` gives ("First Lady", "wife"), else None."""
    i = start - 1
    if i >= 0 and doc[i].text == ",":  # "his wife, Melania Trump"
        i -= 1
    if i < 0:
        return None
    word = doc[i].lower_
    if word in FEMALE_CUES:
        return "f"
    if word in MALE_CUES:
        return "m"
    return None


def looks_like_person(span: Span) -> bool:
    """An ORG entity that is a person's name the small model mislabelled ("Olena Zelenska"): two
    or three capitalised proper nouns, the first a confidently gendered first name."""
    tokens = list(span)
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    return (
        PERSON_NAME_MIN_TOKENS <= len(tokens) <= PERSON_NAME_MAX_TOKENS
        and all(t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() for t in tokens)
        and not any(t.is_upper and len(t) > 1 for t in tokens)
        and is_first_name(tokens[0].text)
        and tokens[-1].lower_ not in _ORG_HEADS
        and before != "the"  # "the Sierra Club", "the Clinton Foundation": no person
    )


_ORG_HEADS = word_set("actors", "gender.org_heads")
#: a word before the first name that makes the pair part of a longer name
NAME_PRECEDERS = word_set("actors", "gender.name_preceders")
#: a title that swallowed a name leaves at least one title word before the first name and the
#: surname
TITLED_SPAN_MIN_TOKENS = 3


def titled_person(span: Span) -> Span | None:
    """The person at the end of an ORG entity that swallowed a government title: "[Minister for
    the Reintegration of the Temporarily Occupied Territories] Iryna Vereshchuk", "[the World
    Economic Forum] Klaus Schwab" (press releases write titles in full before the name)."""
    if len(span) < TITLED_SPAN_MIN_TOKENS:
        return None
    first, last = span[-2], span[-1]
    before = span.doc[first.i - 1]
    if not (first.pos_ == "PROPN" and last.pos_ == "PROPN" and is_first_name(first.text)):
        return None
    if not (last.is_alpha and last.text[:1].isupper() and not last.is_upper):
        return None
    if last.lower_ in _ORG_HEADS or before.lower_ in NAME_PRECEDERS:
        return None
    return span.doc[first.i : last.i + 1]
