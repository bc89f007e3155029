"""Reading titles and role nouns: "Russian president", "President of France", "Head of State".

Titles precede a name ("Foreign Minister Sergei Lavrov", "President of France Emmanuel
Macron") or stand for the office holder ("the President", "the Head of State"); either way they
give the role, the sector and often the country of the person (AP Stylebook's titles; the
word lists are in :mod:`dateline.actors.lexicon`). Government press releases write titles in
full, "<office> of <country or office>": "Head of the Office of the President Andriy Yermak" is
the head of an office, not a president, so title words after such an "of" give no role.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from dateline.actors.index import token_index
from dateline.actors.lexicon import ROLE_NOUNS, TITLE_SECTORS, TITLE_WORDS
from dateline.countries import (
    Country,
    country_by_capital,
    country_by_code,
    country_by_demonym,
    country_by_name,
)
from dateline.words import word_set

if TYPE_CHECKING:
    from spacy.strings import StringStore
    from spacy.tokens import Doc, Span, Token

POSSESSIVE = word_set("actors", "titles.possessive")
SUBORDINATE = word_set("actors", "titles.subordinate")
#: what makes a title one its holder has not taken up yet ("President-*elect* of Turkmenistan")
ELECT_SUFFIXES = word_set("actors", "titles.elect_suffixes")
#: an ISO 3166-1 alpha-3 code is three capitals ("UKR"): the entity ruler's id of a country
ALPHA3_CHARS = 3
#: the longest role phrase looked up, in words ("head of state", "secretary of state")
ROLE_MAX_WORDS = 3
#: the first and the last words of the roles of several words: a noun that is neither opens or
#: closes no such role (:func:`role_span` asks for every noun, and most are no role's)
ROLE_EDGE_WORDS = frozenset(
    word for role in ROLE_NOUNS if " " in role for word in (role.split()[0], role.split()[-1])
)


def country_of(token_or_span: Token | Span) -> Country | None:
    """The country a GPE/NORP token or span names (by the ruler's id, then by its text)."""
    ent_id = getattr(token_or_span, "ent_id_", "") or ""
    if len(ent_id) == ALPHA3_CHARS and ent_id.isupper():
        found = country_by_code(ent_id)
        if found:
            return found
    text = token_or_span.text
    return country_by_name(text) or country_by_demonym(text) or country_by_capital(text)


def role_of(tokens: list[Token]) -> str | None:
    """The role noun among title words: "foreign minister" before "minister"; "deputy prime
    minister" stays what it is (it names no office ROLE_NOUNS resolves)."""
    words = [t.lower_ for t in tokens]
    joined = f" {' '.join(words)} "
    for role in sorted(ROLE_NOUNS, key=len, reverse=True):
        at = joined.find(f" {role} ")
        if at >= 0:
            after = joined[at + len(role) + 2 :].split()
            if after[:1] == ["-"] and after[1:2] and after[1] in ELECT_SUFFIXES:
                return f"{role}-{after[1]}"  # a president-elect holds no presidency yet
            before = joined[:at].split()
            if before and before[-1] in SUBORDINATE:
                return f"{before[-1]} {role}"
            return role
    return None


def sector_of(tokens: list[Token]) -> str | None:
    words = [t.lower_ for t in tokens]
    if "former" in words or "ex" in words:
        return "ELI"  # PLOVER ELI: former government officials
    for word in reversed(words):
        if word in TITLE_SECTORS:
            return TITLE_SECTORS[word]
    return None


def role_span(doc: Doc, noun: Token) -> tuple[str | None, int]:
    """The role named from ``noun`` on and the index where the role phrase ends ("prime
    minister", "head of state")."""
    # (asked for every noun: what the word alone says is read once per word, by its ids)
    edge, role = role_word(noun.lower, noun.lemma, noun.vocab.strings)
    if edge:
        tokens = token_index(doc).tokens  # (no Token made per neighbour)
        phrase = _role_phrase(tokens, noun.i, noun.lower_)
        if phrase is not None:
            return phrase
    return role, noun.i + 1


#: the most (lower-case form, lemma) pairs :func:`role_word` remembers
ROLE_WORD_MEMO_ENTRIES = 50_000


@lru_cache(maxsize=ROLE_WORD_MEMO_ENTRIES)
def role_word(lower_id: int, lemma_id: int, strings: StringStore) -> tuple[bool, str | None]:
    """Whether the word may open or close a role of several words, and the role its lemma
    alone names (None: none)."""
    lower = strings[lower_id]
    lemma = strings[lemma_id].lower()
    return lower in ROLE_EDGE_WORDS or " " in lower, lemma if lemma in ROLE_NOUNS else None


def _role_phrase(tokens: list[Token], i: int, lower: str) -> tuple[str, int] | None:
    """The role of several words that the noun at ``i`` (``lower``) opens or closes."""
    noun = tokens[i]
    if noun.i + 2 < len(tokens):
        three = f"{lower} {tokens[noun.i + 1].lower_} {tokens[noun.i + 2].lower_}"
        if three in ROLE_NOUNS:
            return three, noun.i + ROLE_MAX_WORDS
    if noun.i + 1 < len(tokens):
        two = f"{lower} {tokens[noun.i + 1].lower_}"
        if two in ROLE_NOUNS:
            return two, noun.i + 2
    if noun.i > 0:
        two = f"{tokens[noun.i - 1].lower_} {lower}"
        if two in ROLE_NOUNS:
            return two, noun.i + 1
    return None


@dataclass
class Title:
    """The title words before a name, the country among them, and whether they only complete a
    longer title ("... of the President Andriy Yermak")."""

    tokens: list[Token]
    country: Country | None = None
    complement: bool = False


def _link_start(doc: Doc, i: int) -> int | None:
    """Where an "of" / "of the" ending at token ``i`` starts, or None."""
    if doc[i].lower_ == "of":
        return i
    if doc[i].lower_ == "the" and i > 0 and doc[i - 1].lower_ == "of":
        return i - 1
    return None


#: parts of speech of a word that takes some of a titled person's things ("One of President
#: Bush's sons", "each of President Biden's nominees"): the title stays the person's
PARTITIVE_POS = word_set("actors", "titles.partitive_pos")


def _names_an_office(token: Token) -> bool:
    """Whether the word before "of [the] <title> <name>" ends an office's or a body's name
    ("Head of the Office of the President Andriy Yermak"), so that the title is that office's
    and not the person's; a count or a pronoun ("One of President Bush's sons") names none."""
    return token.pos_ not in PARTITIVE_POS


def _is_title_word(token: Token) -> bool:
    if token.lower_ in TITLE_WORDS:
        return not token.is_sent_end
    return _elect_part(token)


def _elect_part(token: Token) -> bool:
    """Whether the token is the hyphen or the "elect" of "President-elect" (spaCy splits it in
    three): the title runs on over it to the title word before."""
    doc, i = token.doc, token.i
    if token.lower_ in ELECT_SUFFIXES:
        return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in TITLE_WORDS
    return (
        token.text == "-"
        and 0 < i < len(doc) - 1
        and doc[i + 1].lower_ in ELECT_SUFFIXES
        and doc[i - 1].lower_ in TITLE_WORDS
    )


def title_before(doc: Doc, start: int) -> Title:
    """The title that ends right before token ``start`` (a person's name)."""
    title = Title([])
    i = start - 1
    if i >= 0 and doc[i].ent_type_ == "GPE" and (country := country_of(doc[i])):
        # "President of France Emmanuel Macron": a country after "<title> of [the]"
        first = i
        while first > 0 and doc[first].ent_iob_ == "I":
            first -= 1
        link = _link_start(doc, first - 1) if first > 0 else None
        if link is not None and link > 0 and _is_title_word(doc[link - 1]):
            title.tokens = list(doc[link : i + 1])
            title.country = country
            i = link - 1
    while i >= 0:
        token = doc[i]
        if _is_title_word(token):
            title.tokens.insert(0, token)
        elif title.tokens and token.ent_type_ in {"NORP", "GPE"} and country_of(token):
            title.country = country_of(token)
            title.tokens.insert(0, token)
        elif title.tokens and token.text in POSSESSIVE and i > 0 and country_of(doc[i - 1]):
            title.tokens.insert(0, token)
        elif title.tokens and (link := _link_start(doc, i)) is not None:
            if link > 0 and _is_title_word(doc[link - 1]):  # "Head of State", "Secretary of State"
                title.tokens[:0] = list(doc[link : i + 1])
                i = link - 1
                continue
            if link == 0 or _names_an_office(doc[link - 1]):
                title.complement = True  # "Head of the Office *of the President* Andriy Yermak"
            break  # "One of President Bush's sons": his title
        else:
            break
        i -= 1
    if title.tokens and _after_a_recipient_word(doc, i):
        title.complement = True  # "Adviser to the Federal Chancellor of ... Barbara Kaudel-Jensen"
    if title.tokens and title.tokens[0].text in POSSESSIVE:
        title.tokens = title.tokens[1:]
    return title


#: words that make the title after them the office someone serves, not holds ("Adviser *to*
#: the Federal Chancellor of Austria Barbara Kaudel-Jensen")
RECIPIENT_WORDS = word_set("actors", "titles.recipient_words")
#: titles of people who serve an office named after "to" ("Adviser", "Assistant", "Envoy")
SERVING_TITLES = word_set("actors", "titles.serving_titles")
#: capitalised words a title may start with that are no title words ("Federal Chancellor")
TITLE_MODIFIER_MAX = 2


def _after_a_recipient_word(doc: Doc, i: int) -> bool:
    """Whether the title that starts after token ``i`` follows a serving title and "to [the]" over at most TITLE_MODIFIER_MAX capitalised words that are no entity ("Adviser to the
    Federal Chancellor"; "spoke to President Putin" is no such title)."""
    skipped = 0
    while i >= 0 and skipped < TITLE_MODIFIER_MAX and doc[i].is_title and not doc[i].ent_type_:
        i, skipped = i - 1, skipped + 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 1 or doc[i].lower_ not in RECIPIENT_WORDS:
        return False
    return doc[i - 1].lower_ in SERVING_TITLES


__all__ = ["Title", "country_of", "role_of", "role_span", "role_word", "sector_of", "title_before"]
