"""dateline: dated news articles to an auditable database of events, statements and claims.

``import dateline`` loads no model; the spaCy pipeline loads on the first article.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dateline.version import __version__

__all__ = [
    "Article",
    "DatelineError",
    "Extraction",
    "Pipeline",
    "PipelineConfig",
    "__version__",
    "extract",
    "iter_articles",
    "read_articles",
    "to_json",
]

if TYPE_CHECKING:
    from dateline.config import PipelineConfig
    from dateline.contract import to_json
    from dateline.errors import DatelineError
    from dateline.io import iter_articles, read_articles
    from dateline.model import Article, Extraction
    from dateline.pipeline import Pipeline, extract

_LAZY = {
    "Article": "dateline.model",
    "Extraction": "dateline.model",
    "DatelineError": "dateline.errors",
    "Pipeline": "dateline.pipeline",
    "extract": "dateline.pipeline",
    "PipelineConfig": "dateline.config",
    "read_articles": "dateline.io",
    "iter_articles": "dateline.io",
    "to_json": "dateline.contract",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'dateline' has no attribute {name!r}")
