"""The words temporal expressions are made of, and regex fragments built from them.

Abbreviations follow AP style ("Jan.", "Sept.", "Tues.") as found in TimeBank/AQUAINT newswire.
"""

from __future__ import annotations

from dateline.words import word_map, word_seq

MONTHS: dict[str, int] = word_map("times", "lexicon.months")
WEEKDAYS: dict[str, int] = word_map("times", "lexicon.weekdays")
#: TIMEX3 season codes (TimeML 1.2.1 guidelines, section 2.2)
SEASONS: dict[str, str] = word_map("times", "lexicon.seasons")
#: TIMEX3 part-of-day codes
PARTS_OF_DAY: dict[str, str] = word_map("times", "lexicon.parts_of_day")
NUMBERS: dict[str, int] = word_map("times", "lexicon.numbers")
#: vague quantities: the TIMEX3 value uses X for the number ("several years" = PXY)
VAGUE = word_seq("times", "lexicon.vague_quantities")


def alternation(words: object) -> str:
    """A regex alternation of the words, longest first so that "sept" wins over "sep"."""
    ordered = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "(?:" + "|".join(w.replace(" ", r"\s+").replace(".", r"\.") for w in ordered) + ")"


_TENS = word_seq("times", "lexicon.tens")
_ONES = word_seq("times", "lexicon.ones")

MONTH = alternation(MONTHS) + r"\.?"
WEEKDAY = alternation(WEEKDAYS) + r"\.?"
SEASON = alternation(SEASONS)
PART_OF_DAY = alternation(PARTS_OF_DAY)
#: a cardinal: digits, a number word, "twenty-five", or a vague quantity
NUMBER = (
    r"(?:\d+(?:[.,]\d+)?|"
    + alternation(_TENS)
    + r"[- ]"
    + alternation(_ONES)
    + "|"
    + alternation(list(NUMBERS) + list(VAGUE))
    + ")"
)
UNIT = r"(?:second|minute|hour|day|night|week|weekend|month|quarter|year|decade|century|centurie)"


def number_value(word: str) -> int | None:
    """The integer a number phrase stands for, or None for vague ones ("several")."""
    word = " ".join(word.lower().replace("-", " ").split())
    if word in NUMBERS:
        return NUMBERS[word]
    digits = word.replace(",", "")
    if digits.replace(".", "", 1).isdigit():
        value = float(digits)
        return int(value) if value == int(value) else None
    parts = word.split()
    if len(parts) == 2 and parts[0] in NUMBERS and parts[1] in NUMBERS:
        return NUMBERS[parts[0]] + NUMBERS[parts[1]]
    return None
