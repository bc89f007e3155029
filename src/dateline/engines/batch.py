"""What an engine hands back to the writer for one batch of articles."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dateline.model import Article, Extraction


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
class BatchResult:
    """Extractions in memory (local engine), or a folder of Parquet partitions (Dask engine).

    A partition folder holds one ``<table>.parquet`` per table of
    :data:`dateline.storage.rows.STORED_TABLES`, with exactly that table's columns;
    ``article_ids`` are the articles in it and ``rows`` the number of rows per table.
    """

    extractions: list[Extraction] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    #: article id -> MinHash signature of its text, computed where the article was extracted
    signatures: dict[str, list[int]] = field(default_factory=dict)
    partition: Path | None = None
    article_ids: list[str] = field(default_factory=list)
    rows: Counter[str] = field(default_factory=Counter)
