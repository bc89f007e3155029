"""Hand-built extractions for storage tests: rows independent of the NLP stages."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dateline.model import (
    Actor,
    Article,
    Claim,
    Event,
    EventDate,
    EventPlace,
    Extraction,
    Mention,
    Place,
    Quote,
    Span,
    Speaker,
    TimeExpression,
)

TEXT = (
    "Zelensky says Ukraine is ready for talks with Russia\n"
    "Kyiv demands a ceasefire first\n"
    "Ukrainian president Volodymyr Zelensky said on Monday that his delegation would meet "
    "Russian officials in Istanbul. “We are ready to talk,” Zelensky told reporters.\n"
    "The Kremlin said Russia had not agreed to a ceasefire."
)


def span(text: str, needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span.of(text, start, start + len(needle))


def sentence(text: str, needle: str) -> Span:
    """The line holding ``needle`` up to the sentence end (good enough for fixtures)."""
    at = text.index(needle)
    start = text.rfind("\n", 0, at) + 1
    stops = [i for i in (text.find(". ", at), text.find("\n", at)) if i != -1]
    end = min(stops) + 1 if stops else len(text)
    return Span.of(text, start, end)


def hand_extraction(
    text: str = TEXT,
    date: str = "2025-05-12",
    *,
    article_id: str | None = None,
    title: str | None = None,
) -> Extraction:
    """An extraction with one record of every kind, spans computed from ``text``."""
    day = dt.date.fromisoformat(date)
    article = Article(
        id=article_id or Article.make_id(day, text),
        date=day,
        title=title or text.split("\n", 1)[0],
        text=text,
        source="Example Wire",
    )
    stage = "test@1"
    s_said = sentence(text, "Volodymyr Zelensky said")
    zelensky = Actor(
        id="volodymyr-zelensky",
        name="Volodymyr Zelensky",
        kind="person",
        country="UKR",
        sector="GOV",
        mentions=(
            Mention(
                span(text, "Zelensky"),
                "volodymyr-zelensky",
                "name",
                sentence(text, "Zelensky"),
                stage,
            ),
            Mention(span(text, "Volodymyr Zelensky"), "volodymyr-zelensky", "name", s_said, stage),
        ),
        stage=stage,
        source="table",
    )
    russia = Actor(
        id="RUS",
        name="Russia",
        kind="country",
        country="RUS",
        sector="GOV",
        mentions=(Mention(span(text, "Russian officials"), "RUS", "demonym", s_said, stage),),
        stage=stage,
    )
    monday = TimeExpression(
        span(text, "on Monday"), "DATE", "2025-05-12", day, day, "day", s_said, stage
    )
    istanbul = Place(
        span(text, "Istanbul"),
        "Istanbul",
        "town",
        "TUR",
        "Istanbul",
        41.01,
        28.95,
        745044,
        s_said,
        stage,
    )
    s_quote = sentence(text, "“We are")
    quote = Quote(
        id="q1",
        span=span(text, "We are ready to talk,"),
        kind="direct",
        speaker=Speaker(
            "volodymyr-zelensky",
            Span.of(text, text.index("Zelensky told"), text.index("Zelensky told") + 8),
        ),
        cue=span(text, "told"),
        sentence=s_quote,
        stage=stage,
        rule="quotation marks",
    )
    meet = Event(
        id="e1",
        type="CONSULT",
        mode="visit",
        context=("diplomatic",),
        quad=1,
        actors=("volodymyr-zelensky",),
        recipients=("RUS",),
        date=EventDate("2025-05-12", day, day, span(text, "on Monday"), "expression"),
        place=EventPlace(istanbul, "sentence"),
        factuality="future",
        reporter="volodymyr-zelensky",
        evidence=s_said,
        trigger=span(text, "meet"),
        confidence=0.8,
        stage=stage,
        cameo="040",
        score=1.0,
        rule="lexicon verb 'meet'",
    )
    s_claim = sentence(text, "The Kremlin said")
    claim = Claim(
        id="c1",
        span=span(text, "Russia had not agreed to a ceasefire"),
        source="RUS",
        repeated_by=("volodymyr-zelensky",),
        stance="deny",
        sentence=s_claim,
        stage=stage,
        rule="claim verb",
    )
    return Extraction(
        article=article,
        actors=[zelensky, russia],
        times=[monday],
        places=[istanbul],
        quotes=[quote],
        events=[meet],
        claims=[claim],
        stages=[stage],
        model="hand",
    )


def other_text(n: int) -> str:
    """A distinct English article text number ``n`` with the same records findable in it."""
    return TEXT + f"\nThis is report number {n} of the series on the talks."


class HandPipeline:
    """A stand-in for Pipeline: returns hand-built extractions, optionally crashing.

    ``crash_after`` makes ``pipe`` raise after that many articles in total, as a stage bug would.
    """

    def __init__(self, version: str = "hand@1", crash_after: int | None = None) -> None:
        self.version = version
        self.crash_after = crash_after
        self.seen = 0

    def pipe(self, articles, *, batch_size: int = 16):  # type: ignore[no-untyped-def]
        for article in articles:
            if self.crash_after is not None and self.seen >= self.crash_after:
                raise RuntimeError("simulated crash inside the pipeline")
            self.seen += 1
            yield hand_extraction(
                article.text, article.date.isoformat(), article_id=article.id, title=article.title
            )


HOLD_LOCK = "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); sys.stdin.read()"


@contextmanager
def lock_held_by_another_process(path: Path) -> Iterator[int]:
    """Hold ``path`` open for writing in a child process (which we start and stop); yield its pid."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        yield holder.pid
    finally:
        assert holder.stdin is not None
        holder.stdin.close()  # the child reads stdin to its end, then exits and releases the lock
        holder.wait(timeout=30)
