"""The layers import-linter cannot see: no module below the stages loads a stage by name.

import-linter (``.importlinter``, run by ``make lint``) follows import statements only. A module
that reaches a stage through ``importlib.import_module("dateline.stages.times")`` escapes it: the
events rules once fetched an event's date, place and reporter that way (issue 15). This test
reads every module of the layers below ``stages`` (taken from the layers contract itself, so it
follows the contract when a layer moves) and fails on any string naming a stage module.
"""

from __future__ import annotations

import ast
import configparser
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "dateline"
#: a string that names a stage module ("dateline.stages.times", or the f-string's head
#: "dateline.stages." of f"dateline.stages.{name}")
STAGE_MODULE = re.compile(r"^dateline\.stages(\.|$)")


def layers_below_stages() -> list[str]:
    """The top-level names of the layers under ``stages`` in the layers contract."""
    config = configparser.ConfigParser()
    config.read(ROOT / ".importlinter")
    lines = [line.strip() for line in config["importlinter:contract:layers"]["layers"].splitlines()]
    lines = [line for line in lines if line]
    below = lines[lines.index("stages") + 1 :]
    return [name.strip() for line in below for name in re.split(r"[|:]", line)]


def modules_below_stages() -> list[Path]:
    paths = []
    for name in layers_below_stages():
        package, module = SRC / name, SRC / f"{name}.py"
        paths += sorted(package.rglob("*.py")) if package.is_dir() else [module]
    return paths


def stage_names(path: Path) -> list[tuple[int, str]]:
    """(line, text) of every string in ``path`` that names a stage module."""
    return [
        (node.lineno, node.value)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and STAGE_MODULE.match(node.value)
    ]


def test_the_check_finds_a_stage_loaded_by_name(tmp_path: Path) -> None:
    """The check itself: a literal module name and an f-string's head are found; a docstring
    that mentions a stage (``:mod:`dateline.stages.places```) is not."""
    module = tmp_path / "rule.py"
    module.write_text(
        '"""Reads what :mod:`dateline.stages.places` found."""\n'
        "import importlib\n"
        "def date(name):\n"
        '    importlib.import_module("dateline.stages.times")\n'
        '    return importlib.import_module(f"dateline.stages.{name}")\n'
    )
    assert [line for line, _ in stage_names(module)] == [4, 5]


def test_the_layers_below_the_stages_are_read_from_the_contract() -> None:
    names = layers_below_stages()
    assert {"events", "quotes", "actors", "temporal", "gazetteer", "document", "model"} <= set(
        names
    )
    assert "stages" not in names and "pipeline" not in names
    assert all((SRC / name).is_dir() or (SRC / f"{name}.py").is_file() for name in names)


@pytest.mark.parametrize("path", modules_below_stages(), ids=lambda p: str(p.relative_to(SRC)))
def test_no_module_below_the_stages_loads_a_stage_by_name(path: Path) -> None:
    found = stage_names(path)
    assert not found, (
        f"{path.relative_to(SRC)} names a stage module {found}: a layer below the stages may not "
        "use them (import-linter cannot see importlib). Put what it needs in the rule packages "
        "(as dateline.temporal.dating, dateline.gazetteer.placing, dateline.quotes.reporting) "
        "and import it."
    )
