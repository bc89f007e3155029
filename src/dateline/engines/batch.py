"""What an engine hands back to the writer for one batch of articles."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from dateline.storage.report import Failure

if TYPE_CHECKING:
    from dateline.model import Extraction

__all__ = ["BatchResult", "Failure"]


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
