"""``dateline serve``: the read-only web UI and HTTP API over a store (:mod:`dateline.server`).

Registered on :data:`dateline.cli.app` when :mod:`dateline.cli` imports this module.
"""

from __future__ import annotations

import ipaddress
import sys
from typing import Annotated

import typer

from dateline.cli import DEFAULT_DB, DbOption, app
from dateline.errors import ConfigError

#: Server processes at most (each holds its own indexes and DuckDB buffers: 300-400 MB on the
#: 1,796 press releases).
MAX_WORKERS = 16


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@app.command("serve")
def serve_command(
    db: DbOption = DEFAULT_DB,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (loopback by default).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8765,
    cache_mb: Annotated[
        int,
        typer.Option(
            "--cache-mb", help="Memory for answers kept while the store is unchanged (0: none)."
        ),
    ] = 64,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            help="Server processes (each reads the store; more use more cores and memory).",
        ),
    ] = 1,
) -> None:
    """Browse the store in a web browser: articles with every record highlighted, events and
    quotes tables, timelines, actors, a network and a map; JSON API under /api (read-only)."""
    from dateline.server.app import check_store, serve

    if not 0 < port < 65536:
        raise ConfigError(f"--port {port} is not a port. Use 1-65535, e.g. 8765.")
    if cache_mb < 0:
        raise ConfigError(f"--cache-mb must be 0 or more, not {cache_mb}.")
    if not 1 <= workers <= MAX_WORKERS:
        raise ConfigError(f"--workers must be 1-{MAX_WORKERS}, not {workers}.")
    check_store(db)  # a missing or unreadable store fails here, in one line
    if not _is_loopback(host):
        print(
            f"Warning: listening on {host}, not loopback: anyone who can reach this machine can "
            "read the store. There is no authentication.",
            file=sys.stderr,
        )
    print(f"Serving {db} at http://{host}:{port}/ (Ctrl-C to stop)", file=sys.stderr)
    serve(db, host=host, port=port, cache_mb=cache_mb, workers=workers)
