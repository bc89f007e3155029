"""One article on a terminal (``dateline extract``): its text with highlighted spans, then tables.

Colours are :data:`dateline.render.console.STYLES`. Every table cell that quotes the article
shows the evidence text itself.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from dateline.model import Extraction
from dateline.render.console import STYLES, evidence_window


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
