"""Evaluation reports on a terminal: ``dateline eval ...`` figures and ``--diff`` changes."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text


def render_report(report: dict[str, Any], *, title: str, console: Console | None = None) -> None:
    """An evaluation report: scalar figures in one table, nested groups in their own."""
    console = console or Console()
    table = Table(title=title, title_justify="left")
    table.add_column("measure")
    table.add_column("value", justify="right")
    nested: dict[str, Any] = {}
    for key, value in report.items():
        if isinstance(value, dict):
            nested[key] = value
        elif isinstance(value, float):
            table.add_row(key, f"{value:.3f}")
        elif isinstance(value, list):
            table.add_row(key, ", ".join(map(str, value)))
        else:
            table.add_row(key, str(value))
    console.print(table)
    for key, value in nested.items():
        render_report(value, title=f"{title} · {key}", console=console)


def render_by_genre(report: dict[str, Any], *, title: str, console: Console | None = None) -> None:
    """A report with ``by_genre``: one table, a row per figure, a column overall and per genre."""
    console = console or Console()
    groups = {"overall": report, **report.get("by_genre", {})}
    table = Table(title=title, title_justify="left")
    table.add_column("measure")
    for name in groups:
        table.add_column(name, justify="right")
    keys = [
        k
        for k, v in report.items()
        if v is None or (isinstance(v, int | float) and not isinstance(v, bool))
    ]
    for key in keys:
        cells = []
        for group in groups.values():
            value = group.get(key)
            cells.append(
                "–" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)
            )
        table.add_row(key, *cells)
    console.print(table)
    for key in ("dataset", "stages", "errors_file"):
        if report.get(key):
            console.print(f"{key}: {report[key]}")


def render_changes(changes: dict[str, Any], *, title: str, console: Console | None = None) -> None:
    """What changed between two evaluation runs, worst first (``dateline eval ... --diff``)."""
    console = console or Console()
    order = {"worse": 0, "better": 1, "same": 2}
    table = Table(title=title, title_justify="left")
    for column in ("effect", "article", "trigger", "verdict", "fields", "sentence"):
        table.add_column(column, overflow="fold")
    for row in sorted(changes["rows"], key=lambda r: (order[r["effect"]], r["article"])):
        before, after = row["verdict"]
        table.add_row(
            row["effect"],
            row["article"],
            row["trigger"],
            f"{before or '–'} → {after or '–'}",
            ", ".join(row["fields"]) or row["change"],
            Text(row["sentence"][:160]),
        )
    console.print(table)
    console.print(
        f"{changes['n_changed']} changed: {changes['better']} better, {changes['worse']} worse, "
        f"{changes['same']} same"
    )
