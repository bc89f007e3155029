"""Name keys: the one normalisation used to build the gazetteer index and to look names up.

"Kyiv’s", "Ivano-Frankivsk", "St. Louis" and "Zürich" must meet the forms GeoNames lists
("Kyiv", "Ivano-Frankivsk", "Saint Louis", "Zurich"), so a key is: diacritics stripped (NFKD),
case folded, typographic apostrophes made ASCII, hyphens and dots as spaces, "saint"/"st"
unified, a leading "the" dropped, whitespace collapsed.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "ʻ": "'", "´": "'"})
#: Letters that NFKD does not decompose, as GeoNames' ASCII names spell them ("Østfold" is
#: "Ostfold", "Łódź" "Lodz", "Diyarbakır" "Diyarbakir").
_LETTERS = str.maketrans(
    {"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "ß": "ss", "ł": "l", "Ł": "L", "đ": "d",
     "Đ": "D", "ı": "i", "þ": "th", "ð": "d", "œ": "oe", "Œ": "Oe"}
)  # fmt: skip
_SEPARATORS = re.compile(r"[\s\-‐‑–—./,]+")
_SAINT = re.compile(r"\b(?:saint|ste?)\b")
_INITIAL_DOT = re.compile(r"(?<=\b[^\W\d_])\.")  # "U.S." -> "US", "D.C." -> "DC"


@functools.lru_cache(maxsize=65536)  # the same names come back article after article
def name_key(text: str) -> str:
    """The lookup key of a place name (case, diacritic and punctuation insensitive)."""
    text = _INITIAL_DOT.sub("", text.translate(_APOSTROPHES).translate(_LETTERS))
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _SEPARATORS.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    text = _SAINT.sub("st", text)
    return text


def strip_possessive(text: str) -> str:
    """ "Kyiv’s" -> "Kyiv"; "Texas'" stays (the name ends in s)."""
    for suffix in ("’s", "'s"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


def is_latin_name(text: str) -> bool:
    """A name an English writer could use: Latin letters only (after removing diacritics),
    starting with a capital, not an all-capital code ("PAR", "URS") nor a lower-case
    transliteration key ("ku er si ke") of the kind GeoNames lists among alternate names."""
    if len(text) < 3 or not text[0].isupper() or text.isupper():
        return False
    stripped = "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )
    return all(ch.isascii() or ch in "’ʼ" for ch in stripped)
