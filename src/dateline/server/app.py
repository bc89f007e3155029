"""The application: routes, security headers, and one error shape for every endpoint.

Every error, from any endpoint, is this JSON object (pages render the same fields as HTML
unless the client asks for JSON)::

    {"ok": false, "status": 400, "error": "bad_parameter", "parameter": "limit",
     "message": "limit: Input should be less than or equal to 500."}

``error`` is one of :data:`ERROR_CODES`; ``parameter`` names the query or path parameter at
fault, or is null. The server only reads: every route answers GET (and HEAD); anything else is
a 405 in the same shape.
"""

from __future__ import annotations

import gc
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from dateline.errors import DatelineError, NotFound, StoreError
from dateline.server.params import BadParameter, reject_unknown_parameters
from dateline.server.reading import StoreBusy
from dateline.storage.generation import AFTER_BUILD

if TYPE_CHECKING:
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

STATIC = Path(__file__).parent / "static"

#: The Content-Security-Policy of every response: scripts and styles only from this server's
#: own files (no inline script, no eval, no CDN), no plugins, no framing, no form posting
#: elsewhere. Article text is hostile input; this is the second wall behind escaping.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'; object-src 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
)

#: HTTP status -> the ``error`` code of the JSON body.
ERROR_CODES = {
    400: "bad_parameter",
    404: "not_found",
    405: "method_not_allowed",
    500: "internal_error",
    503: "store_busy",
}


class SecurityHeaders:
    """Adds :data:`SECURITY_HEADERS` to every HTTP response (a plain ASGI middleware)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def error_body(status: int, message: str, parameter: str | None = None) -> dict[str, Any]:
    return {
        "ok": False,
        "status": status,
        "error": ERROR_CODES.get(status, "error"),
        "parameter": parameter,
        "message": message,
    }


def _wants_json(request: Request) -> bool:
    if request.url.path.startswith("/api/") or request.url.path == "/api":
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def error_response(
    request: Request, status: int, message: str, parameter: str | None = None
) -> Response:
    body = error_body(status, message, parameter)
    headers = {"Retry-After": "2"} if status == 503 else None
    if _wants_json(request):
        return JSONResponse(body, status_code=status, headers=headers)
    from dateline.server.templating import render_html

    return HTMLResponse(
        render_html("error.html", request, error=body), status_code=status, headers=headers
    )


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(BadParameter)
    async def bad_parameter(request: Request, exc: BadParameter) -> Response:
        return error_response(request, 400, str(exc), exc.parameter)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return error_response(request, 404, str(exc))

    @app.exception_handler(StoreBusy)
    async def busy(request: Request, exc: StoreBusy) -> Response:
        return error_response(request, 503, str(exc))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        return error_response(request, 500, str(exc))

    @app.exception_handler(DatelineError)
    async def dateline_error(request: Request, exc: DatelineError) -> Response:
        return error_response(request, 400, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        where = [str(part) for part in first.get("loc", ()) if part not in ("query", "path")]
        parameter = where[-1] if where else None
        message = first.get("msg", "Invalid parameter.")
        return error_response(request, 400, f"{parameter}: {message}.", parameter)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        messages = {
            404: f"Nothing at {request.url.path[:200]}. The pages are /, /events, /quotes, "
            "/timeline, /network, /map; the API is described at /api/openapi.json.",
            405: f"{request.method} is not allowed: this server only reads (GET).",
        }
        return error_response(request, exc.status_code, messages.get(exc.status_code, exc.detail))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        return error_response(request, 500, f"Internal error ({type(exc).__name__}).")


#: Memory for whole responses of an unchanged store (dateline.server.cache), by default.
DEFAULT_CACHE_MB = 64


def create_app(db: Path | str, *, cache_mb: int = DEFAULT_CACHE_MB) -> FastAPI:
    """The web UI and API over the store at ``db`` (opened read-only, per request), keeping up
    to ``cache_mb`` MB of responses while the store is unchanged (0: none)."""
    from dateline.server import api, pages
    from dateline.server.cache import ResponseCache

    app = FastAPI(
        title="dateline",
        summary="Read-only API over a dateline store: events, quotes, actors, articles, "
        "each record with its evidence sentence.",
        openapi_url="/api/openapi.json",
        docs_url=None,  # Swagger UI and ReDoc load their scripts from a CDN: not offline
        redoc_url=None,
        dependencies=[Depends(reject_unknown_parameters)],
    )
    app.state.db = Path(db)
    _install_errors(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(ResponseCache, db=app.state.db, max_bytes=cache_mb * 2**20)
    app.add_middleware(SecurityHeaders)  # outermost: on cached answers too
    if settle_collector not in AFTER_BUILD:
        AFTER_BUILD.append(settle_collector)
    return app


def settle_collector(generation_gone: bool) -> None:
    """After a per-generation value is built: freeze every object then alive, and first, when
    the build pushed out the last value of an older generation, collect what it left.

    The per-generation values (indexes, rows kept by key: about 150 MB of Python objects for
    the 1,796 press releases) live until the store changes, and the garbage collector's full
    collections walked all of them: 11 in a 25-second load test, 117-260 ms each with the
    interpreter lock held, stalling every request in flight (the p95 misses at 16 clients),
    and collecting 0-81 objects. So every object alive after a build goes to the collector's
    permanent generation (``gc.freeze``), which its collections skip. Reference counting still
    frees an old generation's values when they are pushed out, but not what sits in a
    reference cycle (a value that refers to itself, or a request's garbage frames and
    tracebacks that were waiting for a collection when the freeze came): frozen, that would
    stay for the life of the process, a little more at every change of the store while an
    ingest writes. When a generation's last value goes, the frozen objects are unfrozen and
    collected once, then frozen again (one full collection per generation of the store).
    """
    if generation_gone:
        gc.unfreeze()
        gc.collect()
    gc.freeze()


def check_store(db: Path) -> None:
    """Fail at start, in one line, when ``db`` cannot be read (missing, not a store, newer)."""
    from dateline.server.reading import reading

    with reading(db):
        pass


#: Environment variables that carry ``dateline serve``'s store and cache to worker processes
#: (:func:`app_from_environment`): uvicorn starts each worker from an import string.
DB_VARIABLE = "DATELINE_SERVE_DB"
CACHE_VARIABLE = "DATELINE_SERVE_CACHE_MB"


def app_from_environment() -> FastAPI:
    """The application of one worker process of ``dateline serve --workers N``."""
    return create_app(os.environ[DB_VARIABLE], cache_mb=int(os.environ[CACHE_VARIABLE]))


def serve(
    db: Path | str,
    *,
    host: str = "127.0.0.1",
    port: int = 8765,
    cache_mb: int = DEFAULT_CACHE_MB,
    workers: int = 1,
) -> None:
    """Run the server until interrupted, in one process or in ``workers`` processes.

    Several processes each open the store read-only (DuckDB allows any number of read-only
    processes, and each lets an ingest in as :mod:`dateline.server.reading` says). They run
    the Python part of answers (FastAPI, templates, rows) in parallel, which one process
    cannot (its threads share one interpreter lock); each keeps its own per-generation
    indexes, so the memory grows with the number of workers.
    """
    import uvicorn

    db = Path(db)
    check_store(db)
    if workers <= 1:
        app = create_app(db, cache_mb=cache_mb)
        uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
        return
    os.environ[DB_VARIABLE] = str(db.resolve())
    os.environ[CACHE_VARIABLE] = str(cache_mb)
    uvicorn.run(
        "dateline.server.app:app_from_environment",
        factory=True,
        workers=workers,
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
    )


def dumps(value: Any) -> bytes:
    """JSON of records: dates as ISO strings, non-ASCII kept."""
    return json.dumps(value, ensure_ascii=False, default=_plain).encode("utf-8")


def _plain(value: Any) -> Any:
    isoformat = getattr(value, "isoformat", None)
    if isoformat is not None:
        return isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")
