"""The words temporal expressions are made of, and regex fragments built from them.

Abbreviations follow AP style ("Jan.", "Sept.", "Tues.") as found in TimeBank/AQUAINT newswire.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 1, "mon": 1, "tuesday": 2, "tues": 2, "tue": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thurs": 4, "thu": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6,
    "sunday": 7, "sun": 7,
}  # fmt: skip

#: TIMEX3 season codes (TimeML 1.2.1 guidelines, section 2.2)
SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
}  # fmt: skip

#: TIMEX3 part-of-day codes
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
}  # fmt: skip

NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "a couple of": 2, "couple of": 2, "a couple": 2, "a dozen": 12, "dozen": 12,
}  # fmt: skip

#: vague quantities: the TIMEX3 value uses X for the number ("several years" = PXY)
VAGUE = ("several", "a few", "few", "many", "some", "the last few", "numerous")

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "last": 4, "final": 4,
}  # fmt: skip

#: unit word -> (TIMEX3 duration letter, is a time unit (PT...), granularity)
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "night": ("D", False), "week": ("W", False), "weekend": ("WE", False),
    "month": ("M", False), "quarter": ("Q", False), "year": ("Y", False),
    "decade": ("DE", False), "century": ("CE", False),
}  # fmt: skip


def alternation(words: object) -> str:
    """A regex alternation of the words, longest first so that "sept" wins over "sep"."""
    ordered = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "(?:" + "|".join(w.replace(" ", r"\s+").replace(".", r"\.") for w in ordered) + ")"


_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")

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
