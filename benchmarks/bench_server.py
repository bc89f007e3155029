"""Load test of `dateline serve` on loopback: latency per endpoint at 1, 4 and 16 concurrent
clients, and the server's memory over 10,000 requests (issue 13).

    .venv/bin/python benchmarks/bench_server.py --db STORE --out benchmarks/results/server.json

STORE is a store of the 1,796 Kremlin/Zelenskyy press releases, made once outside the
repository (about 10 minutes on 2 cores)::

    dateline ingest ../shared/corpora/kremlin-zelenskyy-2021-2022/*.csv --db /tmp/kz.duckdb

The server runs as its own process (uvicorn, one process, as `dateline serve` runs it) on a
free port of 127.0.0.1; this script is the clients: threads, one keep-alive HTTP connection
each. Every request loop is bounded by a count and a deadline, and only loopback is ever
addressed. Each endpoint gets the same number of requests at each concurrency level; the URLs
rotate through several actors, queries and offsets so that no single query is timed alone.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import http.client
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"  # loopback only, never another address
#: Hard ceiling on the whole run, whatever the arguments say.
MAX_SECONDS = 3600


def endpoints(actors: list[tuple[str, str]]) -> dict[str, list[str]]:
    """Endpoint name -> the URLs its requests rotate through (tables, timelines, actors)."""
    ids = [a for a, _ in actors]
    names = [n.split()[-1] for _, n in actors]
    return {
        "events page": ["/events"] + [f"/events?actor={quote(i)}" for i in ids[:4]],
        "events page, filtered": [
            "/events?type=ASSAULT&country=UKR",
            "/events?quad=1&since=2022-02-24&until=2022-03-31",
            "/events?factuality=negated",
            "/events?text=sanctions&sort=source&order=desc",
        ],
        "events page 20": ["/events?offset=1000", "/events?type=CONSULT&offset=500"],
        "/api/events": [f"/api/events?actor={quote(n)}&limit=100" for n in names[:4]]
        + ["/api/events?type=REQUEST&limit=100"],
        "/api/events.csv": ["/api/events.csv?type=THREATEN&limit=500"],
        "quotes page": ["/quotes"] + [f"/quotes?actor={quote(i)}" for i in ids[:4]],
        "/api/quotes": [f"/api/quotes?actor={quote(n)}&limit=100" for n in names[:4]],
        "timeline page": [f"/timeline?q={quote(n)}" for n in names[:5]]
        + ["/timeline?q=Kyiv", "/timeline?q=" + quote("Putin AND Macron")],
        "/api/timeline": [f"/api/timeline?q={quote(n)}&limit=100" for n in names[:5]],
        "actor page": [f"/actors/{quote(i)}" for i in ids[:8]],
        "/api/actors/{id}": [f"/api/actors/{quote(i)}" for i in ids[:8]],
    }


class Server:
    """`dateline serve` in a child process on a free loopback port."""

    def __init__(self, db: Path, cache_mb: int, workers: int = 1) -> None:
        import socket

        with socket.socket() as sock:
            sock.bind((HOST, 0))
            self.port = int(sock.getsockname()[1])
        code = "from dateline.cli import main; main()"
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                code,
                "serve",
                "--db",
                str(db),
                "--port",
                str(self.port),
                "--cache-mb",
                str(cache_mb),
                # only when asked: the code of a run before --workers existed has no such option
                *(["--workers", str(workers)] if workers > 1 else []),
            ],
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                status, _ = request(
                    http.client.HTTPConnection(HOST, self.port, timeout=5), "/api/stats"
                )
                if status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError("the server did not start")
            time.sleep(0.2)

    def processes(self) -> list[int]:
        """The server's process and its descendants (the workers of ``--workers N``)."""
        found, todo = [], [self.process.pid]
        while todo:
            pid = todo.pop()
            found.append(pid)
            for task in Path(f"/proc/{pid}/task").glob("*/children"):
                with contextlib.suppress(OSError):  # the task ended meanwhile
                    todo.extend(int(child) for child in task.read_text().split())
        return found

    def rss_mb(self) -> float:
        """Resident memory of the server's processes together."""
        total = 0
        for pid in self.processes():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            for line in status.splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        return total / 1024

    def cpu_seconds(self) -> float:
        """User + system CPU time of the server's processes so far (less sensitive to the
        other jobs on a shared machine than wall time)."""
        total = 0
        for pid in self.processes():
            try:
                stat = Path(f"/proc/{pid}/stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        return total / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def request(conn: http.client.HTTPConnection, url: str) -> tuple[int, bytes]:
    conn.request("GET", url)
    response = conn.getresponse()
    return response.status, response.read()


def run_clients(port: int, urls: list[str], clients: int, total: int, deadline: float) -> dict:
    """``total`` requests over ``urls`` (rotating) from ``clients`` threads; latencies in ms."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    counter = iter(range(total))

    def client() -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=60)
        while time.monotonic() < deadline:
            with lock:
                n = next(counter, None)
            if n is None:
                break
            url = urls[n % len(urls)]
            started = time.perf_counter()
            try:
                status, _ = request(conn, url)
            except (OSError, http.client.HTTPException) as exc:
                conn.close()
                conn = http.client.HTTPConnection(HOST, port, timeout=60)
                with lock:
                    errors.append(f"{url}: {exc}")
                continue
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                latencies.append(elapsed)
                if status != 200:
                    errors.append(f"{url}: HTTP {status}")
        conn.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    latencies.sort()

    def pct(p: float) -> float:
        return round(latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))], 1)

    return {
        "requests": len(latencies),
        "errors": len(errors),
        "first_errors": errors[:3],
        "p50_ms": pct(50),
        "p95_ms": pct(95),
        "p99_ms": pct(99),
        "max_ms": round(latencies[-1], 1),
        "mean_ms": round(statistics.fmean(latencies), 1),
        "requests_per_s": round(len(latencies) / wall, 1),
    }


def change_store(db: Path) -> None:
    """Change the store's generation as an ingest's batch does: take the writer's lock
    (``<store>.lock``), open the store for writing (the server lets the writer in between its
    requests, :mod:`dateline.server.reading`), commit one transaction and close. The
    transaction is the ``runs`` row an ingest starts with, finished at once: no article
    changes, so every generation's per-generation values are the same size and any growth of
    the server's memory is what the old generations leave behind."""
    from dateline.storage.lock import writer_lock
    from dateline.storage.store import WriterSession

    with writer_lock(db, "bench_server --store-changes"):
        session = WriterSession(db, first_wait=30.0)
        try:
            session.conn.execute(
                "INSERT INTO runs (started_at, finished_at, status, pipeline_version, "
                "dateline_version, workers, batch_size, sources) VALUES "
                "(current_localtimestamp(), current_localtimestamp(), 'done', 'bench', "
                "'bench', 0, 0, ['bench_server --store-changes'])"
            )
        finally:
            session.release()


def store_changes(
    server: Server, db: Path, urls: list[str], changes: int, clients: int, deadline: float
) -> list[dict]:  # type: ignore[type-arg]
    """Change the store ``changes`` times while ``clients`` threads request ``urls`` (rotating)
    without a pause; after each change, once the clients have made every request of the list
    since it was committed (the new generation's values are built by then), the server's RSS.
    Each sample also holds the slowest request of that stretch (the rebuild the change costs)."""
    stop = threading.Event()
    lock = threading.Lock()
    state = {"done": 0, "errors": 0, "slowest_ms": 0.0}

    def client(offset: int) -> None:
        conn = http.client.HTTPConnection(HOST, server.port, timeout=60)
        n = offset
        while not stop.is_set() and time.monotonic() < deadline:
            url = urls[n % len(urls)]
            n += 1
            started = time.perf_counter()
            try:
                status, _ = request(conn, url)
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection(HOST, server.port, timeout=60)
                status = 0
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                state["done"] += 1
                state["errors"] += status != 200
                state["slowest_ms"] = max(state["slowest_ms"], elapsed)
        conn.close()

    threads = [
        threading.Thread(target=client, args=(i * len(urls) // clients,)) for i in range(clients)
    ]
    for thread in threads:
        thread.start()
    samples = []
    try:
        for change in range(1, changes + 1):
            if time.monotonic() > deadline:
                break
            started = time.perf_counter()
            change_store(db)
            committed = time.perf_counter()
            with lock:
                target = state["done"] + len(urls) + clients
                state["slowest_ms"] = 0.0
            while time.monotonic() < deadline:
                with lock:
                    if state["done"] >= target:
                        break
                time.sleep(0.05)
            with lock:
                sample = {
                    "change": change,
                    "rss_mb": round(server.rss_mb(), 1),
                    "writer_wait_s": round(committed - started, 2),
                    "generation_s": round(time.perf_counter() - started, 2),
                    "slowest_ms": round(state["slowest_ms"], 1),
                    "requests": state["done"],
                    "errors": state["errors"],
                }
            samples.append(sample)
            print(f"change {change:>3}  server RSS {sample['rss_mb']:>7} MB  "
                  f"writer waited {sample['writer_wait_s']:>5} s  "
                  f"slowest request {sample['slowest_ms']:>7} ms  "
                  f"errors {sample['errors']}", flush=True)  # fmt: skip
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    return samples


def top_actors(port: int) -> list[tuple[str, str]]:
    conn = http.client.HTTPConnection(HOST, port, timeout=60)
    _, body = request(conn, "/api/actors?limit=12")
    rows = json.loads(body)["rows"]
    return [(r["actor_id"], r["name"] or r["actor_id"]) for r in rows if r["kind"] == "person"][:8]


def print_report(path: Path) -> None:
    """Every run in ``path`` as Markdown: p95 (p50) per endpoint and level, and memory."""
    for run in json.loads(path.read_text()):
        print_run(run)
        print()


def print_latency(run: dict, levels: list[int]) -> None:  # type: ignore[type-arg]
    print(
        "| endpoint | "
        + " | ".join(
            f"{c} client{'s' if c > 1 else ''}: p95 (p50) ms, req/s, server CPU ms/request"
            for c in levels
        )
        + " |"
    )
    print("|---|" + "---:|" * len(levels))
    names = list(dict.fromkeys(r["endpoint"] for r in run["latency"]))
    for name in names:
        cells = []
        for clients in levels:
            r = next(x for x in run["latency"] if x["endpoint"] == name and x["clients"] == clients)
            errors = f", {r['errors']} errors" if r["errors"] else ""
            cpu = r.get("server_cpu_ms_per_request")
            cpu_text = f", {cpu:.0f} CPU ms" if cpu is not None else ""
            cells.append(
                f"{r['p95_ms']:.0f} ({r['p50_ms']:.0f}), {r['requests_per_s']}{cpu_text}{errors}"
            )
        print(f"| {name} | " + " | ".join(cells) + " |")


def print_run(run: dict) -> None:  # type: ignore[type-arg]
    levels = sorted({r["clients"] for r in run["latency"]})
    print(f"Run of {run['taken']} at commit {run['commit']}, store {run['store_mb']} MB, "
          f"response cache {run.get('cache_mb', 0)} MB, "
          f"server processes {run.get('workers', 1)}, "
          f"{run['requests_per_endpoint_and_level']} requests per endpoint and level, "
          f"load average at the end {', '.join(f'{x:.1f}' for x in run['load_average_at_end'])}.\n")  # fmt: skip
    if levels:
        print_latency(run, levels)
    memory = run["memory"]
    if len(memory) >= 2:
        print("\nServer RSS (MB) after N requests of the soak: " + ", ".join(
            f"{m['requests']:,}: {m['rss_mb']:.0f}" for m in memory))  # fmt: skip
    changes = run.get("store_changes") or []
    if changes:
        print("\nServer RSS (MB) after N changes of the store: " + ", ".join(
            f"{c['change']}: {c['rss_mb']:.0f}" for c in changes))  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--report", type=Path, help="print the latest run of this file as Markdown")
    parser.add_argument("--db", type=Path, help="store of the 1,796 press releases")
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--requests", type=int, default=80, help="per endpoint and level")
    parser.add_argument("--soak", type=int, default=10_000, help="requests of the memory run")
    parser.add_argument("--out", type=Path, default=None, help="append the results here (JSON)")
    parser.add_argument(
        "--cache-mb",
        type=int,
        default=0,
        help="the server's response cache (0, the default: every request is answered afresh)",
    )
    parser.add_argument(
        "--store-changes",
        type=int,
        default=0,
        metavar="N",
        help="after the rest, change the store's generation N times (a writer's transaction, "
        "as an ingest batch commits; the store is written: use a copy) while 4 clients "
        "request every URL, and record the server's RSS after each generation",
    )
    parser.add_argument(
        "--workers", type=int, default=1, help="server processes (dateline serve --workers)"
    )
    parser.add_argument(
        "--commit",
        help="the commit of the code measured, when it is not this checkout's "
        "(a server run with PYTHONPATH=OTHER/src)",
    )
    args = parser.parse_args()
    if args.report:
        print_report(args.report)
        return
    if args.db is None:
        parser.error("--db STORE is needed to run the load test")
    deadline = time.monotonic() + MAX_SECONDS
    commit = (
        args.commit
        or subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
        ).stdout.strip()
    )  # the code measured: taken before the run, not after
    server = Server(args.db, args.cache_mb, args.workers)
    try:
        actors = top_actors(server.port)
        plan = endpoints(actors)
        for urls in plan.values():  # warm the OS file cache and the imports once
            for url in urls:
                request(http.client.HTTPConnection(HOST, server.port, timeout=60), url)
        levels = []
        for clients in args.clients if args.requests else []:  # --requests 0: none
            for name, urls in plan.items():
                cpu = server.cpu_seconds()
                result = run_clients(server.port, urls, clients, args.requests, deadline)
                result["server_cpu_ms_per_request"] = round(
                    (server.cpu_seconds() - cpu) * 1000 / max(result["requests"], 1), 1
                )
                levels.append({"clients": clients, "endpoint": name, **result})
                print(f"{clients:>3} clients  {name:<24} p50 {result['p50_ms']:>7} ms  "
                      f"p95 {result['p95_ms']:>7} ms  {result['requests_per_s']:>6} req/s  "
                      f"errors {result['errors']}", flush=True)  # fmt: skip
        every = [url for urls in plan.values() for url in urls]
        samples = [{"requests": 0, "rss_mb": round(server.rss_mb(), 1)}]
        done = 0
        step = 500
        while done < args.soak and time.monotonic() < deadline:
            run_clients(server.port, every, 4, min(step, args.soak - done), deadline)
            done += min(step, args.soak - done)
            samples.append({"requests": done, "rss_mb": round(server.rss_mb(), 1)})
            print(f"soak {done:>6} requests  server RSS {samples[-1]['rss_mb']} MB", flush=True)
        changes = (
            store_changes(server, args.db, every, args.store_changes, 4, deadline)
            if args.store_changes
            else []
        )
    finally:
        server.stop()
    report = {
        "taken": dt.datetime.now().isoformat(timespec="seconds"),
        "commit": commit,
        "store": str(args.db),
        "store_mb": round(args.db.stat().st_size / 2**20, 1),
        "cache_mb": args.cache_mb,
        "workers": args.workers,
        "cpus": os.cpu_count(),
        "load_average_at_end": os.getloadavg(),
        "requests_per_endpoint_and_level": args.requests,
        "latency": levels,
        "memory": samples,
        "store_changes": changes,
    }
    if args.out:
        history = json.loads(args.out.read_text()) if args.out.exists() else []
        history.append(report)
        args.out.write_text(json.dumps(history, indent=1) + "\n")


if __name__ == "__main__":
    main()
