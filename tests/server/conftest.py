"""Fixtures of the server's tests: stores ingested once per session, clients, a live server."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from server.server_helpers import make_client, make_demo_store, make_hostile_store


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo_store(tmp_path_factory.mktemp("demo") / "demo.duckdb")


@pytest.fixture(scope="session")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_hostile_store(tmp_path_factory.mktemp("hostile") / "hostile.duckdb")


@pytest.fixture(scope="session")
def client(demo_db: Path) -> Any:
    return make_client(demo_db)


@pytest.fixture(scope="session")
def hostile_client(hostile_db: Path) -> Any:
    return make_client(hostile_db)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LiveServer:
    """uvicorn serving a store on a free loopback port, in a thread of this process."""

    def __init__(self, db: Path) -> None:
        import uvicorn

        from dateline.server.app import create_app

        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(
            create_app(db), host="127.0.0.1", port=self.port, log_level="warning"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start within 20 s")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_demo(demo_db: Path) -> Iterator[LiveServer]:
    with LiveServer(demo_db) as server:
        yield server


@pytest.fixture(scope="session")
def live_hostile(hostile_db: Path) -> Iterator[LiveServer]:
    with LiveServer(hostile_db) as server:
        yield server
