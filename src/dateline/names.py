"""Spelling variants of one name: "Zelenskyy" and "Zelensky", "Oleh" and "Oleg Ustenko",
"Erdoğan" and "Erdogan" (issue 11, "Names").

Transliteration from Ukrainian and Russian gives several Latin spellings of one name (the
Ukrainian national system writes "Oleh", "Zelenskyy"; older and Russian-based systems "Oleg",
"Zelensky"), and accents come and go. Two names are variants when, after folding case and
accents, every word of the shorter matches a word of the longer exactly or nearly (rapidfuzz's
normalised Indel similarity; short words need the same first letter). Used by the actors stage
to keep one actor per person within an article, and by the store's actor filter, so that
``--actor Zelenskyy`` finds every spelling.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: similarity (0-100) at which two words of four letters or more are one spelling variant:
#: "zelenskyy"/"zelensky" 94, "ustenko"/"ustenko" 100, "oleh"/"oleg" 75
WORD_SIMILARITY = 75
#: words shorter than this must match exactly ("Li" and "Lu" are different people)
MIN_FUZZY_LENGTH = 4
_WORD = re.compile(r"\w+")
#: the most names whose folded words :func:`same_person` remembers (the actors stage compares
#: each person's name with every person's of the article)
NAME_WORDS_CACHED = 4096


def fold(text: str) -> str:
    """Lower case without accents: "Erdoğan" -> "erdogan"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(name: str) -> list[str]:
    return _WORD.findall(fold(name))


@lru_cache(maxsize=NAME_WORDS_CACHED)
def _name_words(name: str) -> tuple[str, ...]:
    return tuple(words(name))


def _word_variant(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < MIN_FUZZY_LENGTH or a[0] != b[0]:
        return False
    from rapidfuzz.distance import Indel

    return Indel.normalized_similarity(a, b) * 100 >= WORD_SIMILARITY


def is_variant(query: str, name: str) -> bool:
    """Whether every word of ``query`` matches a word of ``name`` as a spelling variant."""
    asked, known = words(query), words(name)
    if not asked or not known:
        return False
    return all(any(_word_variant(a, k) for k in known) for a in asked)


def same_person(first: str, second: str) -> bool:
    """Two full names of one person: the same number of words, each a variant of the other's
    ("Oleg Ustenko" / "Oleh Ustenko"; not "Oleg Ustenko" / "Ustenko", which is a surname)."""
    one, two = list(_name_words(first)), list(_name_words(second))
    if len(one) != len(two):
        # "Kody R. Berrey" / "Kody Berrey": a middle initial comes and goes; when only one of
        # the two has initials, they are compared without them
        bare_one, bare_two = _without_initials(one), _without_initials(two)
        if (bare_one == one) == (bare_two == two):
            return False
        one, two = bare_one, bare_two
    return len(one) == len(two) >= 2 and all(
        _word_variant(a, b) for a, b in zip(one, two, strict=True)
    )


def _without_initials(parts: list[str]) -> list[str]:
    """The words of a name without its middle initials ("kody r berrey" -> "kody berrey")."""
    return [w for i, w in enumerate(parts) if len(w) > 1 or i in {0, len(parts) - 1}]
