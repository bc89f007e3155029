"""Hand-built articles with chosen events, stored without the NLP stages, for corpus tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from dateline.model import (
    Actor,
    Article,
    Event,
    EventDate,
    EventPlace,
    Extraction,
    Mention,
    Place,
    Quote,
    Span,
    Speaker,
)

STAGE = "test@1"
#: Actors the reports may name: id -> (name, country, sector).
ACTORS = {
    "vladimir-putin": ("Vladimir Putin", "RUS", "GOV"),
    "emmanuel-macron": ("Emmanuel Macron", "FRA", "GOV"),
    "volodymyr-zelensky": ("Volodymyr Zelensky", "UKR", "GOV"),
    "russian-forces": ("Russian forces", "RUS", "MIL"),
    "russian-army": ("the Russian army", "RUS", "MIL"),
    "ukraine": ("Ukraine", "UKR", "GOV"),
}
PLACES = {  # name -> (lat, lon, country): Kyiv and Brovary are 20 km apart, Kharkiv 410 km
    "Kyiv": (50.45, 30.52, "UKR"),
    "Brovary": (50.51, 30.79, "UKR"),
    "Kharkiv": (49.99, 36.23, "UKR"),
}


@dataclass
class Report:
    """One event sentence: ``actor`` did ``type`` to ``recipient`` on ``day`` (at ``place``)."""

    type: str
    actor: str
    recipient: str | None = None
    day: str | None = None  # the event's date; None = the article date
    until: str | None = None  # the end of the date range, when it is not one day
    place: str | None = None
    factuality: str = "asserted"
    score: float = 1.0
    quad: int = 1
    extra: list[str] = field(default_factory=list)


def sentence_of(report: Report) -> str:
    name = ACTORS[report.actor][0]
    words = f"{name} {report.type.lower()}ed"
    if report.recipient:
        words += f" {ACTORS[report.recipient][0]}"
    if report.place:
        words += f" in {report.place}"
    return words + "."


def extraction(
    article_id: str,
    date: str,
    reports: list[Report],
    *,
    source: str = "Example Wire",
    title: str | None = None,
    body: str = "",
    quote: tuple[str, str] | None = None,  # (speaker actor id, words)
) -> Extraction:
    """An article whose lines are the title, one sentence per report, ``body`` and a quote."""
    day = dt.date.fromisoformat(date)
    title = title or f"Report {article_id}"
    lines = [title, *(sentence_of(r) for r in reports)]
    if body:
        lines.append(body)
    if quote:
        lines.append(f"“{quote[1]},” {ACTORS[quote[0]][0]} said.")
    text = "\n".join(lines)
    article = Article(id=article_id, date=day, title=title, text=text, source=source)
    mentions: dict[str, list[Mention]] = {}
    events, offset = [], len(title) + 1
    for number, (report, line) in enumerate(zip(reports, lines[1:], strict=False)):
        sentence = Span.of(text, offset, offset + len(line))
        for actor_id in filter(None, (report.actor, report.recipient)):
            start = text.index(ACTORS[actor_id][0], offset)
            span = Span.of(text, start, start + len(ACTORS[actor_id][0]))
            mentions.setdefault(actor_id, []).append(
                Mention(span, actor_id, "name", sentence, STAGE)
            )
        trigger_at = text.index(report.type.lower(), offset)
        place = None
        if report.place:
            at = text.index(report.place, offset)
            lat, lon, country = PLACES[report.place]
            found = Place(
                Span.of(text, at, at + len(report.place)),
                report.place,
                "town",
                country,
                None,
                lat,
                lon,
                None,
                sentence,
                STAGE,
            )
            place = EventPlace(found, "sentence")
        first = dt.date.fromisoformat(report.day) if report.day else day
        last = dt.date.fromisoformat(report.until) if report.until else first
        events.append(
            Event(
                id=f"e{number + 1}",
                type=report.type,
                mode=None,
                context=tuple(report.extra),
                quad=report.quad,
                actors=(report.actor,),
                recipients=(report.recipient,) if report.recipient else (),
                date=EventDate(first.isoformat(), first, last, None, "article"),
                place=place,
                factuality=report.factuality,  # type: ignore[arg-type]
                reporter=None,
                evidence=sentence,
                trigger=Span.of(text, trigger_at, trigger_at + len(report.type)),
                confidence=0.9,
                stage=STAGE,
                cameo="040",
                score=report.score,
            )
        )
        offset += len(line) + 1
    quotes = []
    if quote:
        start = text.index(quote[1])
        line_start = text.rfind("\n", 0, start) + 1
        quotes.append(
            Quote(
                "q1",
                Span.of(text, start, start + len(quote[1])),
                "direct",
                Speaker(quote[0], None),
                None,
                Span.of(text, line_start, len(text)),
                STAGE,
            )
        )
        name = ACTORS[quote[0]][0]
        at = text.rindex(name)
        mentions.setdefault(quote[0], []).append(
            Mention(Span.of(text, at, at + len(name)), quote[0], "name", quotes[0].sentence, STAGE)
        )
    actors = [
        Actor(
            aid, ACTORS[aid][0], "person", ACTORS[aid][1], ACTORS[aid][2], tuple(ms), STAGE, "table"
        )
        for aid, ms in mentions.items()
    ]
    return Extraction(
        article=article,
        actors=actors,
        quotes=quotes,
        events=events,
        stages=[STAGE],
        model="hand",
    )


def store(path: Path, extractions: list[Extraction], *, refresh: bool = True) -> Path:
    """Write the extractions into a new store at ``path`` and refresh the corpus tables."""
    from dateline.corpus import refresh as refresh_corpus
    from dateline.storage.store import connect, transaction
    from dateline.storage.write import write_batch

    with connect(path) as conn:
        with transaction(conn):
            write_batch(conn, extractions, pipeline_version="hand@1", run_id=None)
        if refresh:
            refresh_corpus(conn)
    return path


LONG_BODY = (
    "The two presidents discussed the situation around the Zaporizhzhia nuclear power plant, "
    "the export of grain from the ports of the Black Sea, the exchange of prisoners of war and "
    "the humanitarian corridors out of the besieged cities, and agreed to stay in contact at "
    "the level of their advisers over the coming days and weeks, the press service said."
)
