"""``dateline serve``: a read-only web UI and HTTP API over a store, every record with its evidence.

FastAPI and uvicorn; pages are Jinja2 templates rendered on the server, with small scripts of
our own and vendored npm packages (``static/vendor/README.md``): nothing is fetched from the
network. Modules:

* :mod:`~dateline.server.app`: the application, its security headers and its one error shape;
* :mod:`~dateline.server.reading`: a short-lived read-only connection per request, retried
  briefly while an ingest holds the store's lock;
* :mod:`~dateline.server.params`: query parameters, checked and turned into the storage
  layer's searches (filters are values, never SQL);
* :mod:`~dateline.server.api` (``/api/...``, JSON, CSV, Parquet) and
  :mod:`~dateline.server.pages` (HTML).

    >>> from dateline.server import create_app
    >>> app = create_app("dateline.duckdb")   # then: uvicorn.run(app)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["create_app", "serve"]

if TYPE_CHECKING:
    from dateline.server.app import create_app, serve


def __getattr__(name: str) -> Any:
    if name in __all__:
        from dateline.server import app

        return getattr(app, name)
    raise AttributeError(f"module 'dateline.server' has no attribute {name!r}")
