"""Word lists are data: each is declared once, says where it comes from, and overlaps on purpose.

The lint behind the house rule "no rule module holds a word list" (``dateline.words``):
- every list has ``about`` and ``source`` and no word twice;
- two lists of one rule module that share a word declare it (``overlaps``) or one includes the
  other: there one rule may consult both for the same word, so which wins must be written down
  (lists of different modules are read by different rules; a set two modules need is one
  ``shared`` list, compared with every list of its file);
- a converted rule package defines no module-level collection of three or more string literals.
"""

from __future__ import annotations

import ast
import csv
import sys
from importlib import resources
from itertools import combinations
from pathlib import Path

import pytest

from conftest import shared_path
from dateline.words import finder, list_tables, word_set

SRC = Path(__file__).resolve().parent.parent / "src" / "dateline"
FILES = sorted(
    p.name.removesuffix(".toml")
    for p in resources.files("dateline.data.words").iterdir()
    if p.name.endswith(".toml")
)
#: rule packages (or single rule modules) whose word lists live in data/words (the house issue
#: converts them one by one)
CONVERTED = (
    "events",
    "actors",
    "quotes",
    "temporal",
    "gazetteer",
    "stages/times.py",
    "stages/places.py",
    "stages/claims.py",
)
#: module-level string collections that are not vocabulary
NOT_WORD_LISTS = {
    "events/embedding.py EXTRA_MODULES": "the optional extra's module names, for its install hint",
    "temporal/anaphora.py ANAPHORIC_RULES": "names of grammar rules, not words",
    "temporal/anaphora.py CLOCK_RULES": "names of grammar rules, not words",
    "temporal/anaphora.py _OFFSET_UNITS": "the calendar units the reference time keeps",
    "temporal/expressions.py _DAY_RULES": "names of grammar rules, not words",
    "gazetteer/__init__.py SOURCE_PACKAGES": "the PyPI packages the index is built from",
    "gazetteer/__init__.py BUILD_MODULES": "the modules whose code decides what the index holds",
    "gazetteer/__init__.py DATA_FILES": "the data files the index is built from",
    "gazetteer/names.py _APOSTROPHES": "a character table (str.maketrans), not words",
    "gazetteer/names.py _LETTERS": "a character table (str.maketrans), not words",
    "gazetteer/candidates.py AREA_FEATURES": "the gazetteer's feature codes",
    "gazetteer/spotting.py SPOTTED_FEATURES": "the gazetteer's feature codes",
    "actors/index.py COLUMNS": "spaCy's names of the token attributes the index reads",
}


def _members(table: dict) -> list[str]:
    return list(table["words"]) if "words" in table else list(table["map"])


@pytest.mark.parametrize("name", FILES)
def test_every_list_says_what_it_is_and_lists_each_word_once(name: str) -> None:
    problems = []
    for key, table in list_tables(name).items():
        if not str(table.get("about", "")).strip() or not str(table.get("source", "")).strip():
            problems.append(f"{key}: needs about and source")
        words = _members(table)
        twice = sorted({w for w in words if words.count(w) > 1})
        if twice:
            problems.append(f"{key}: listed twice: {twice}")
    assert not problems, problems


def _same_rules(a: str, b: str) -> bool:
    """Lists one rule module reads, or a shared list and any other."""
    module_a, module_b = a.split(".", 1)[0], b.split(".", 1)[0]
    return module_a == module_b or "shared" in {module_a, module_b}


def _declared(tables: dict, a: str, b: str) -> bool:
    def says(x: str, y: str) -> bool:
        return y in tables[x].get("overlaps", {}) or y in tables[x].get("include", [])

    return says(a, b) or says(b, a)


@pytest.mark.parametrize("name", FILES)
def test_overlapping_lists_declare_why(name: str) -> None:
    tables = list_tables(name)
    members = {
        key: word_set(name, key) if "words" in t else set(t["map"]) for key, t in tables.items()
    }
    undeclared = [
        f"{a} & {b}: {sorted(members[a] & members[b])}"
        for a, b in combinations(sorted(tables), 2)
        if _same_rules(a, b) and members[a] & members[b] and not _declared(tables, a, b)
    ]
    assert not undeclared, (
        "undeclared overlaps (add an 'overlaps' entry saying which wins):\n" + "\n".join(undeclared)
    )


def _literal_collections(path: Path) -> list[str]:
    """Module-level names bound to a set, frozenset, tuple, list or dict of 3+ string literals."""
    found = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if not isinstance(node, ast.Assign | ast.AnnAssign) or node.value is None:
            continue
        value = node.value
        if isinstance(value, ast.Call) and value.args:  # frozenset({...})
            value = value.args[0]
        if isinstance(value, ast.Dict) and not all(
            isinstance(v, ast.Constant) and isinstance(v.value, str) for v in value.values
        ):
            continue  # a table of parameters by name (CERTAINTY), not a vocabulary
        elements = getattr(value, "elts", None) or getattr(value, "keys", None) or []
        strings = [e for e in elements if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        target_name = ast.unparse(node.targets[0] if isinstance(node, ast.Assign) else node.target)
        if len(strings) >= 3 and target_name != "__all__":
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            name = f"{path.relative_to(SRC)} {ast.unparse(target)}"
            if name not in NOT_WORD_LISTS:
                found.append(f"{name} (line {node.lineno})")
    return found


@pytest.mark.parametrize("package", CONVERTED)
def test_converted_rule_packages_hold_no_word_list(package: str) -> None:
    paths = [SRC / package] if package.endswith(".py") else sorted((SRC / package).glob("*.py"))
    found = [hit for path in paths for hit in _literal_collections(path)]
    assert not found, f"word lists in code (move them to data/words/{package}.toml): {found}"


def test_finder_answers_as_any_substring_test() -> None:
    """``finder(words).search(text)`` is the skip test the events coder ran with ``any(w in text
    for w in words)`` (speed20): the same answer on every line of the press-release corpus, for
    each list it replaces, and never a match for no words."""
    corpus = shared_path("corpora", "kremlin-zelenskyy-2021-2022", "putin.csv")
    csv.field_size_limit(sys.maxsize)
    with corpus.open(encoding="utf-8", newline="") as handle:
        lines = [
            line.lower()
            for row in list(csv.reader(handle))[:200]
            for cell in row
            for line in cell.splitlines()
        ]
    lists = [
        word_set("events", "coder.deontic") | word_set("events", "coder.semi_modals"),
        word_set("events", "coder.suggestive_modals"),
        word_set("events", "coder.more_words"),
        word_set("events", "coder.joint_talk_forms"),
        frozenset(f" {w} " for w in word_set("events", "coder.presence_forms")),
        word_set("events", "address.topic_passives") | word_set("events", "address.topic_nouns"),
    ]
    for words in lists:
        pattern = finder(words)
        found = [bool(pattern.search(line)) for line in lines]
        assert found == [any(w in line for w in words) for line in lines]
        assert any(found)
    assert finder(frozenset()).search("anything at all") is None
