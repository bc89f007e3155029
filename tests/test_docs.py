"""The README documents every CLI command (a new command without docs fails here)."""

from __future__ import annotations

from pathlib import Path

import typer.main

from dateline.cli import app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _command_names() -> list[str]:
    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def test_every_command_is_in_the_readme() -> None:
    missing = [name for name in _command_names() if f"dateline {name}" not in README]
    assert not missing, f"undocumented commands: {missing}"


def test_readme_gives_the_two_setup_commands() -> None:
    assert "make demo" in README and "make test" in README
