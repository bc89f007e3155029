"""Rich tables for ``dateline timeline`` and ``dateline dyads`` on a terminal."""

from __future__ import annotations

from typing import Any

Row = dict[str, Any]

#: Score colours: cooperation green, conflict red (the colours of ``dateline extract``).
_QUAD_STYLE = {1: "green", 2: "bold green", 3: "red", 4: "bold red"}


def _names(people: list[Row]) -> str:
    return ", ".join(p["name"] for p in people) or "—"


def print_timeline(entries: list[Row], query: str) -> None:
    from rich.table import Table
    from rich.text import Text

    from dateline.render.console import terminal_console

    table = Table(title=f"timeline: {query}", show_lines=True)
    table.add_column("Date", no_wrap=True)
    table.add_column("What")
    table.add_column("Reports", justify="right")
    table.add_column("Evidence")
    for entry in entries:
        if entry["kind"] == "event":
            what = Text(entry["type"], style=_QUAD_STYLE.get(entry["quad"], ""))
            what.append(f" {_names(entry['actors'])} → {_names(entry['recipients'])}", style="")
            if entry["place"]:
                what.append(f" @ {entry['place']['name']}", style="dim")
            first = entry["evidence"][0] if entry["evidence"] else None
            evidence = Text(first["evidence"]["text"] if first else "")
            if first:
                evidence.append(f"\n{first['title']} ({first['article_id']})", style="dim")
            reports = f"{entry['n_reports']} / {entry['n_sources']} src"
        else:
            what = Text(f"“{entry['text']}”", style="cyan")
            what.append(f" — {entry['speaker']['name'] or '?'}", style="")
            evidence = Text(entry["evidence"]["text"] if entry["evidence"] else "")
            evidence.append(f"\n{entry['title']} ({entry['article_id']})", style="dim")
            reports = "quote"
        table.add_row(entry["date"] or "?", what, reports, evidence)
    terminal_console().print(table)


def print_dyads(rows: list[Row], names: dict[str, str]) -> None:
    from rich.table import Table

    from dateline.render.console import terminal_console

    table = Table(title="dyads: PLOVER score per day (merged events; + cooperation, − conflict)")
    for column, justify in (
        ("Day", "left"),
        ("Actor", "left"),
        ("Recipient", "left"),
        ("Events", "right"),
        ("Reports", "right"),
        ("Score", "right"),
        ("Coop.", "right"),
        ("Conflict", "right"),
    ):
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    for row in rows:
        style = "green" if row["score"] > 0 else "red" if row["score"] < 0 else ""
        table.add_row(
            row["day"],
            names.get(row["actor"], row["actor"]),
            names.get(row["recipient"], row["recipient"]),
            str(row["n_events"]),
            str(row["n_reports"]),
            f"[{style}]{row['score']:+.1f}[/]" if style else f"{row['score']:+.1f}",
            f"{row['cooperation']:+.1f}",
            f"{row['conflict']:+.1f}",
        )
    terminal_console().print(table)
