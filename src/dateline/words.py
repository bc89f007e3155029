"""Word lists as data: every list a rule reads lives in ``data/words/<package>.toml``.

A rule module names its lists once, at import::

    from dateline.words import word_set
    TRANSITIVE_ONLY = word_set("events", "coder.transitive_only")

Each TOML table is one list: ``words`` (a set; with ``ordered = true``, a sequence whose order
matters) or ``map`` (a table of words to values), with ``about`` saying what the rule uses it
for and ``source`` where it comes from. ``include`` names lists whose words this one has too (a
shared set exists once). ``overlaps`` maps each other list that shares words with this one to
why that is safe or which wins; the lint test (``tests/test_words.py``) fails on an undeclared
overlap and on a word listed twice. Files are read once per process.
"""

from __future__ import annotations

import functools
import re
import tomllib
from importlib import resources
from typing import Any

from dateline.errors import ConfigError

WORDS_PACKAGE = "dateline.data.words"


@functools.cache
def vocabulary(name: str) -> dict[str, Any]:
    """The parsed ``data/words/<name>.toml``."""
    try:
        text = resources.files(WORDS_PACKAGE).joinpath(f"{name}.toml").read_text("utf-8")
    except FileNotFoundError:
        raise ConfigError(f"No word-list file {name}.toml in {WORDS_PACKAGE}.") from None
    return tomllib.loads(text)


def word_table(name: str, key: str) -> dict[str, Any]:
    """The table ``key`` ("coder.transitive_only") of ``data/words/<name>.toml``."""
    table: Any = vocabulary(name)
    for part in key.split("."):
        if not isinstance(table, dict) or part not in table:
            raise ConfigError(f"No list {key!r} in {WORDS_PACKAGE}/{name}.toml.")
        table = table[part]
    if not isinstance(table, dict):
        raise ConfigError(f"{key!r} in {name}.toml is not a list table.")
    return table


def _words(name: str, key: str) -> list[str]:
    """A list's words after the words of the lists it ``include``s (in that order)."""
    table = word_table(name, key)
    words: list[str] = []
    for included in table.get("include", []):
        words.extend(w for w in _words(name, included) if w not in words)
    words.extend(w for w in table["words"] if w not in words)
    return words


def word_set(name: str, key: str) -> frozenset[str]:
    return frozenset(_words(name, key))


def finder(words: frozenset[str] | set[str]) -> re.Pattern[str]:
    """A pattern whose ``search(text)`` finds any of ``words`` as a substring of ``text``: the
    same answer as ``any(w in text for w in words)``, in one pass of the regex engine where the
    rules' skip tests ("a sentence without 'must' is passed on its text") looped in Python over
    the words for every sentence. Never matches for no words."""
    if not words:
        return re.compile(r"(?!)")
    return re.compile("|".join(re.escape(w) for w in sorted(words)))


def word_seq(name: str, key: str) -> tuple[str, ...]:
    return tuple(_words(name, key))


def word_map(name: str, key: str) -> dict[str, Any]:
    return dict(word_table(name, key)["map"])


def list_tables(name: str) -> dict[str, dict[str, Any]]:
    """Every list table of a file, keyed "module.list" (for the lint test and the docs)."""
    found: dict[str, dict[str, Any]] = {}

    def walk(table: dict[str, Any], prefix: str) -> None:
        for key, value in table.items():
            if isinstance(value, dict) and ("words" in value or "map" in value):
                found[f"{prefix}{key}"] = value
            elif isinstance(value, dict):
                walk(value, f"{prefix}{key}.")

    walk(vocabulary(name), "")
    return found
