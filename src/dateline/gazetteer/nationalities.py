"""A country's or a continent's adjective as the place it names: "French media", "Spanish
university chancellors", "a 34-year-old German", "South African grapefruit", "Asian markets".

The news geoparsing corpora annotate these as toponyms (TR-News: 38 of the 44 country
adjectives that modify a noun in its dev half, and 44 of its 613 dev toponyms are such
adjectives), and a reader mapping an article sees the countries it names. They locate nothing,
though: "French police arrested two men" happened wherever the text says, not in France by the
adjective; so the places stage lists them with the article's places but gives none to an event
or to the story's country (:func:`dateline.gazetteer.resolution.nationality_places`).

Taken: an entity the small model tags NORP that the gazetteer holds as a country's demonym
("French") or as a continent's hand-written alias ("European"), which

- modifies a common noun ("French media", "U.S. and European officials", the first of
  "German-Iraqi boy") or an office ("French Interior Minister Bruno Le Roux"), or
- names a person with an article ("a 34-year-old German", "by a Canadian").

Not taken: the opening of an organisation's or a law's name (a proper noun after it: "British
Airways", "the American Board of Radiology", "the Tunisian Criminal Code"), a language ("speaks
fluent French": no article), a word after a lowercase prefix ("un-American", "anti-Russian"),
and a nationality of people as a plural noun ("Americans"), which the corpora leave out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.gazetteer import Gazetteer, PlaceEntry
from dateline.gazetteer.sources import ALIAS, DEMONYM
from dateline.words import word_set

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: dependency labels of a word that modifies the noun after it
MODIFIER_DEPS = word_set("places", "recognise.nationality_modifier_deps")
#: dependency labels of a noun that can be a person named by nationality ("a German")
NOUN_DEPS = word_set("places", "recognise.nationality_noun_deps")
#: the articles that make a nationality a person ("a Canadian"), not a language ("French")
PERSON_ARTICLES = word_set("places", "recognise.nationality_person_articles")
#: proper-noun heads that are offices, not names ("French Interior Minister")
OFFICE_HEADS = word_set("places", "recognise.nationality_office_heads")


def nationalities(doc: Doc, taken: set[int], gazetteer: Gazetteer) -> list[tuple[Span, PlaceEntry]]:
    """The country and continent adjectives of ``doc`` that name a place (module docstring),
    with their gazetteer entries; none that overlaps a token in ``taken``."""
    found = []
    for ent in doc.ents:
        if ent.label_ != "NORP" or any(t.i in taken for t in ent):
            continue
        entry = _entry(gazetteer, ent.text)
        if entry is None or _after_prefix(ent) or not _names_a_nationality(ent.root):
            continue
        found.append((ent, entry))
    return found


def _entry(gazetteer: Gazetteer, text: str) -> PlaceEntry | None:
    for entry in gazetteer.lookup(text):
        if (entry.kind == DEMONYM and entry.feature == "country") or (
            entry.kind == ALIAS and entry.feature == "continent"
        ):
            return entry
    return None


def _after_prefix(ent: Span) -> bool:
    """ "un-American", "anti-Russian": a lowercase word and a hyphen before the adjective."""
    doc = ent.doc
    return ent.start >= 2 and doc[ent.start - 1].text == "-" and doc[ent.start - 2].is_lower


def _names_a_nationality(root: Token) -> bool:
    token = root
    while token.dep_ == "conj" and token.head is not token and token.head.dep_ in MODIFIER_DEPS:
        token = token.head  # "the French and Spanish governments", "U.S. and European officials"
    head = token.head
    if token.dep_ in MODIFIER_DEPS:
        while head.ent_type_ == "NORP" and head.dep_ in MODIFIER_DEPS and head.head is not head:
            head = head.head  # "German-Iraqi boy": what the last adjective modifies
        return head.pos_ == "NOUN" or head.lower_ in OFFICE_HEADS
    return token.dep_ in NOUN_DEPS and any(
        child.dep_ == "det" and child.lower_ in PERSON_ARTICLES for child in token.children
    )
