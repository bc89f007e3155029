"""What an ingest reports: its counts and the inputs that gave no extraction.

These records sit in storage, below the application layer that runs an ingest
(:mod:`dateline.ingest`), because storage shows them (:mod:`dateline.storage.progress`, and
:mod:`dateline.render.store` above it prints their summary) and the engines hand back
:class:`Failure` in their batches (:mod:`dateline.engines.batch`): a layer may name only the
types of the layers below it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dateline.corpus import CorpusReport
    from dateline.model import Article

__all__ = ["Failure", "IngestReport"]


@dataclass(frozen=True)
class Failure:
    """An input that gave no extraction: a file the reader refused, or an article the pipeline did."""

    message: str
    article_id: str | None = None
    title: str | None = None
    source: str | None = None  # the file, for a file the reader refused

    @classmethod
    def of(cls, article: Article, message: str) -> Failure:
        return cls(message, article.id, article.title, article.url)

    @property
    def name(self) -> str:
        return self.article_id or self.source or "?"


@dataclass
class IngestReport:
    """What one ingest did; the CLI prints it as the summary."""

    db: Path
    run_id: int
    pipeline_version: str
    workers: int
    read: int = 0
    new: int = 0
    replaced: int = 0
    skipped: int = 0
    failed: int = 0
    rows: Counter[str] = field(default_factory=Counter)
    failures: list[Failure] = field(default_factory=list)
    seconds: float = 0.0
    status: str = "running"
    engine: str = "local"
    words: int = 0  # whitespace-separated words of the articles sent to the pipeline
    corpus: CorpusReport | None = None  # near-duplicates and merged events, refreshed at the end

    @property
    def extracted(self) -> int:
        return self.new + self.replaced

    @property
    def articles_per_second(self) -> float:
        """Articles put through the pipeline per second (all read ones if none were)."""
        done = self.extracted + self.failed or self.read
        return done / self.seconds if self.seconds > 0 else 0.0
