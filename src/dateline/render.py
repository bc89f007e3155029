"""Readable terminal rendering (rich): the article with highlighted spans, then tables.

Colours: actors bold cyan, quotes green, times magenta, places yellow, event triggers bold red
on a dark background. Every table cell that quotes the article shows the evidence text itself.
"""

from __future__ import annotations

import os
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from dateline.model import Extraction

#: Width for output that is not a terminal (a pipe, a log): wide enough that tables of evidence
#: sentences stay readable, where rich would otherwise assume 80 columns.
PIPE_WIDTH = 140


def terminal_console() -> Console:
    """The console for tables of the store and the corpus: the terminal's width, else
    :data:`PIPE_WIDTH` (unless ``COLUMNS`` says otherwise)."""
    console = Console()
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console = Console(width=PIPE_WIDTH)
    return console


STYLES = {
    "quote": "green",
    "actor": "bold cyan",
    "time": "magenta",
    "place": "yellow",
    "trigger": "bold red",
}


def highlighted_article(extraction: Extraction) -> Text:
    """The article text with every extracted span styled (later layers drawn on top)."""
    text = Text(extraction.article.text)
    for quote in extraction.quotes:
        text.stylize(STYLES["quote"], quote.span.start, quote.span.end)
    for actor in extraction.actors:
        for mention in actor.mentions:
            text.stylize(STYLES["actor"], mention.span.start, mention.span.end)
    for time in extraction.times:
        text.stylize(STYLES["time"], time.span.start, time.span.end)
    for place in extraction.places:
        text.stylize(STYLES["place"], place.span.start, place.span.end)
    for event in extraction.events:
        text.stylize(STYLES["trigger"], event.trigger.start, event.trigger.end)
    return text


#: Characters of evidence shown either side of the highlighted words in a table cell: enough for
#: the clause around them, short enough that a table of events fits on a screen.
CONTEXT_CHARS = 90


def evidence_window(text: str, base: int, start: int | None, end: int | None, style: str) -> Text:
    """The evidence sentence (starting at offset ``base``) with ``start:end`` highlighted, cut to
    a window of :data:`CONTEXT_CHARS` around it."""
    if start is None or end is None or not base <= start <= end <= base + len(text):
        return Text(text)
    lo, hi = start - base, end - base
    left = max(0, lo - CONTEXT_CHARS)
    right = min(len(text), hi + CONTEXT_CHARS)
    if left > 0:  # start the window on a word
        left = text.find(" ", left, lo) + 1 or left
    if right < len(text):
        right = text.rfind(" ", hi, right) if text.rfind(" ", hi, right) > hi else right
    marked = Text("…" if left > 0 else "")
    marked.append(text[left:lo])
    marked.append(text[lo:hi], style=style)
    marked.append(text[hi:right])
    if right < len(text):
        marked.append("…")
    return marked


def _legend() -> Text:
    legend = Text("legend: ")
    for name, style in STYLES.items():
        legend.append(name, style=style)
        legend.append("  ")
    return legend


def _names(extraction: Extraction, actor_ids: tuple[str, ...] | list[str]) -> str:
    names = []
    for actor_id in actor_ids:
        actor = extraction.actor(actor_id)
        names.append(actor.name if actor else actor_id)
    return ", ".join(names) or "—"


def _day_range(earliest: Any, latest: Any) -> str:
    if earliest and latest:
        return earliest.isoformat() if earliest == latest else f"{earliest}..{latest}"
    if latest:
        return f"≤ {latest.isoformat()}"
    if earliest:
        return f"≥ {earliest.isoformat()}"
    return ""


def extraction_tables(extraction: Extraction) -> list[Table]:
    actors = Table(title="Actors", title_justify="left", show_lines=False)
    for column in ("id", "name", "kind", "country", "sector", "mentions"):
        actors.add_column(column)
    for actor in extraction.actors:
        forms = sorted({m.span.text for m in actor.mentions}, key=str.lower)
        actors.add_row(
            actor.id,
            actor.name,
            actor.kind,
            actor.country or "",
            actor.sector or "",
            f"{len(actor.mentions)}: " + "; ".join(forms),
        )

    quotes = Table(title="Quotes", title_justify="left", show_lines=True)
    for column in ("kind", "speaker", "cue", "text"):
        quotes.add_column(column)
    for quote in extraction.quotes:
        speaker = _names(extraction, [quote.speaker.actor]) if quote.speaker.actor else "?"
        if quote.speaker.span and quote.speaker.span.text != speaker:
            speaker += f" ({quote.speaker.span.text})"
        quotes.add_row(quote.kind, speaker, quote.cue.text if quote.cue else "", quote.span.text)

    events = Table(title="Events", title_justify="left", show_lines=True)
    for column in (
        "type",
        "actors → recipients",
        "date",
        "place",
        "factuality",
        "trigger",
        "evidence",
    ):
        events.add_column(column)
    for event in extraction.events:
        where = event.place.place.name if event.place else ""
        arrow = f"{_names(extraction, event.actors)} → {_names(extraction, event.recipients)}"
        kind = event.type + (f" ({event.mode})" if event.mode else "")
        events.add_row(
            kind,
            arrow,
            _day_range(event.date.earliest, event.date.latest),
            where,
            event.factuality,
            event.trigger.text,
            evidence_window(
                event.evidence.text,
                event.evidence.start,
                event.trigger.start,
                event.trigger.end,
                STYLES["trigger"],
            ),
        )

    times = Table(title="Times", title_justify="left")
    for column in ("text", "type", "value", "range"):
        times.add_column(column)
    for time in extraction.times:
        times.add_row(time.span.text, time.type, time.value, _day_range(time.earliest, time.latest))

    places = Table(title="Places", title_justify="left")
    for column in ("text", "name", "feature", "country", "admin1", "lat, lon"):
        places.add_column(column)
    for place in extraction.places:
        coords = (
            f"{place.lat:.3f}, {place.lon:.3f}"
            if place.lat is not None and place.lon is not None
            else ""
        )
        places.add_row(
            place.span.text,
            place.name,
            place.feature,
            place.country or "",
            place.admin1 or "",
            coords,
        )

    claims = Table(title="Claims", title_justify="left", show_lines=True)
    for column in ("source", "repeated by", "stance", "text"):
        claims.add_column(column)
    for claim in extraction.claims:
        source = _names(extraction, [claim.source]) if claim.source else "(unnamed)"
        claims.add_row(source, _names(extraction, claim.repeated_by), claim.stance, claim.span.text)
    return [actors, quotes, events, times, places, claims]


def render_extraction(extraction: Extraction, console: Console | None = None) -> None:
    console = console or Console()
    article = extraction.article
    console.rule(f"[bold]{article.title}[/bold]  ·  {article.date.isoformat()}  ·  {article.id}")
    console.print(highlighted_article(extraction))
    console.print(_legend())
    for table in extraction_tables(extraction):
        if table.row_count:
            console.print(table)
    console.print(f"[dim]model {extraction.model} · stages {' '.join(extraction.stages)}[/dim]")


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
        f"{changes['same']} neither"
    )
