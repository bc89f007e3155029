"""Readers of article files (the implementation lives in :mod:`dateline.readers`)."""

from __future__ import annotations

from dateline.readers import (
    FORMATS,
    MAX_ARTICLE_CHARS,
    detect_format,
    expand_paths,
    iter_articles,
    parse_columns,
    read_articles,
)

__all__ = [
    "FORMATS",
    "MAX_ARTICLE_CHARS",
    "detect_format",
    "expand_paths",
    "iter_articles",
    "parse_columns",
    "read_articles",
]
