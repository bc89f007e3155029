"""kill -9 at random moments, then resume: the store of a clean run, nothing doubled, no process
left behind (issue 12, item 2).

Each trial starts ``dateline``'s ingest of the 40 press releases in a child process of its own
session, kills it (or one of its workers) with SIGKILL at a random moment, checks that no
process of that session is left, resumes with a plain ingest of the same articles, and compares
the digest of every stored record with the clean run's (conftest.py ``press_store``).

* writer: the ingest process itself, after a random number of committed batches and a random
  delay (it is then writing a batch, waiting for its workers, or reading the next articles);
* worker: one of the two worker processes, at a random moment of the run (the ingest then stops
  with an error, its other worker dies with it);
* corpus pass: the ingest process while its corpus pass's transaction is open (the child slows
  the pass down so that the kill lands inside it).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from dateline.ingest import ingest
from ingest_corpus import digest, press_releases, table_digests
from test_ingest import duplicates

pytestmark = [pytest.mark.slow, pytest.mark.shared]

TESTS = Path(__file__).resolve().parent

#: how long a killed run may take to end, in seconds. Only a bound on a hang: a killed worker's
#: run may go on to finish its 40 articles first, which took more than 180 s on a loaded 2-core
#: CI machine (stop 32's clean-clone run), with the suite's other half running beside it.
RUN_ENDS_WITHIN = 900

CHILD = """
import sys, time
sys.path.insert(0, sys.argv[1])
from ingest_corpus import press_releases
from dateline.ingest import ingest
import dateline.corpus.remerge as remerge

original = remerge.update_merged_events

def slowed(*args, **kwargs):  # inside the corpus pass's transaction
    print("corpus pass", flush=True)
    time.sleep(float(sys.argv[5]))
    return original(*args, **kwargs)

remerge.update_merged_events = slowed

if __name__ == "__main__":
    ingest(press_releases(), db=sys.argv[2], progress=False, workers=int(sys.argv[3]),
           batch_size=int(sys.argv[4]), engine=sys.argv[6],
           on_batch=lambda report: print("committed", report.new, flush=True))
    print("finished", flush=True)
"""


def session_processes(session: int) -> list[int]:
    """Pids of the live processes of a session (Linux /proc), zombies left out."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if fields[0] != "Z" and int(fields[3]) == session:  # state, ppid, pgrp, session
            found.append(int(entry.name))
    return found


def children(pid: int) -> list[int]:
    """Worker processes started by ``pid`` (a process pool's, or a local Dask cluster's)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[1]) == pid and b"spawn_main" in command:  # a pool worker, not the tracker
            found.append(int(entry.name))
    return found


def left_behind(session: int, wait: float = 15.0) -> list[int]:
    """The session's processes still alive after ``wait`` seconds (they may take a moment)."""
    deadline = time.monotonic() + wait
    while (alive := session_processes(session)) and time.monotonic() < deadline:
        time.sleep(0.2)
    return alive


def kill_once(
    db: Path, where: str, rng: random.Random, engine: str = "local", latest: float = 0.8
) -> bool:
    """Start an ingest, SIGKILL ``where`` at a random moment; whether the ingest still finished.

    A worker is killed at most ``latest`` seconds after the first committed batch."""
    workers = 2 if where == "worker" or engine == "dask" else rng.choice((1, 2))
    slow_pass = "3" if where == "corpus pass" else "0"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(TESTS), str(db), str(workers), "4", slow_pass, engine],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,  # its own session: every process it starts is counted
    )
    assert child.stdout is not None
    try:
        if where == "writer":
            batches = rng.randint(1, 6)  # of 10: it is still running when killed
            for _ in range(batches):
                line = child.stdout.readline()
                if not line.startswith("committed"):
                    break
            time.sleep(rng.uniform(0, 0.5))
            os.kill(child.pid, signal.SIGKILL)
            what = f"writer after {batches} batches"
        elif where == "worker":
            assert child.stdout.readline().startswith("committed")
            time.sleep(rng.uniform(0, latest))  # 9 batches to go: the workers are busy
            workers_now = children(child.pid)
            # none left: the run's batches were all done before the kill (a fast machine); the
            # run finishes and the caller tries again, sooner
            if workers_now:
                os.kill(rng.choice(workers_now), signal.SIGKILL)
            what = f"a {engine} worker" if workers_now else "nothing (the workers were done)"
        else:
            line = child.stdout.readline()
            while line and not line.startswith("corpus pass"):
                line = child.stdout.readline()
            assert line, "the run ended before its corpus pass"
            time.sleep(rng.uniform(0, 2.5))
            os.kill(child.pid, signal.SIGKILL)
            what = "corpus pass"
        child.wait(timeout=RUN_ENDS_WITHIN)
        finished = "finished" in child.stdout.read()
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert not left_behind(child.pid), f"processes left after killing the {what}"
    return finished


@pytest.mark.parametrize(
    "where",
    ["writer"] * 4 + ["worker"] * 3 + ["corpus pass"] * 3,
    ids=lambda w: w.replace(" ", "-"),
)
def test_kill_9_then_resume_gives_the_clean_store(
    press_store: Path, tmp_path: Path, where: str, request: pytest.FixtureRequest
) -> None:
    rng = random.Random(request.node.name)  # a different moment in each trial, reproducible
    db = tmp_path / "killed.duckdb"
    # On a fast machine the 9 batches after the first may all be done before a late kill lands
    # on a worker (the run then finishes and tests nothing): try again, each time sooner.
    for latest in (0.8, 0.2, 0.0):
        for stale in tmp_path.glob("killed.duckdb*"):
            shutil.rmtree(stale) if stale.is_dir() else stale.unlink()
        if not kill_once(db, where, rng, latest=latest):
            break
    else:
        pytest.fail(f"the {where} kill never landed before the ingest finished")
    report = ingest(press_releases(), db=db, progress=False)
    assert report.status == "completed"
    assert duplicates(db) == 0
    assert table_digests(db) == table_digests(press_store)
    assert digest(db) == digest(press_store)


@pytest.mark.parametrize("where", ["worker", "writer"])
def test_kill_9_in_a_dask_ingest_then_resume_gives_the_clean_store(
    press_store: Path, tmp_path: Path, where: str, request: pytest.FixtureRequest
) -> None:
    """A Dask worker killed in the middle of a partition: Dask runs the task again elsewhere (or
    the ingest fails), a partly written partition is never loaded; the ingest process killed:
    the local cluster's processes go with it. Either way a resume gives the clean store."""
    pytest.importorskip("distributed")
    rng = random.Random(request.node.name)
    db = tmp_path / "killed.duckdb"
    # On a loaded machine (the suite's other half beside it, on two cores) the local cluster
    # once failed the run instead of running the task again (a clean-clone CI run of round 19):
    # a second trial, from scratch, must then finish
    for _ in range(2):
        for stale in tmp_path.glob("killed.duckdb*"):
            shutil.rmtree(stale) if stale.is_dir() else stale.unlink()
        finished = kill_once(db, where, rng, engine="dask")
        if finished or where != "worker":
            break
    if where == "worker":
        assert finished  # Dask ran the killed worker's task again on a new worker
    report = ingest(press_releases(), db=db, progress=False)
    assert report.status == "completed"
    assert duplicates(db) == 0
    assert digest(db) == digest(press_store)
    assert not (tmp_path / "killed.duckdb.partitions").exists()


#: Runs the command given after it as a terminal's foreground job does: with SIGINT at its
#: default. A shell without job control starts a background job with SIGINT ignored, and an
#: ignored signal stays ignored through fork and exec: a test run started so has an ingest that
#: never sees the Ctrl-C (round 20's clean-clone runs did not stop within 60 s; reproduced by
#: running this file under ``bash -c 'pytest ... & wait'``).
AS_IN_A_TERMINAL = (
    "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
    "os.execv(sys.argv[1], sys.argv[1:])"
)

#: A sitecustomize that holds every spawned worker for 30 s at Python's start, before it runs
#: any dateline code (and so before it ignores SIGINT), and says so with a file named by its pid.
SLOW_WORKER_START = """
import os, sys, time
if "--multiprocessing-fork" in sys.argv:
    open(os.path.join(os.environ["STARTING_WORKERS"], str(os.getpid())), "w").close()
    time.sleep(30)
"""


def interrupt_ingest(
    tmp_path: Path, ready: Callable[[Path], bool], env: dict[str, str] | None = None
) -> None:
    """Ctrl-C a 2-worker ingest of 200 speeches once ``ready(db)``; it must stop at once, with
    one line, no process left, and its run recorded as interrupted.

    Ctrl-C in a terminal signals the whole foreground group: the ingest and its workers."""
    from conftest import shared_path
    from dateline.storage.store import connect

    csv = shared_path("corpora", "kremlin-zelenskyy-2021-2022", "putin.csv")
    db = tmp_path / "c.duckdb"
    command = [str(Path(sys.executable).with_name("dateline")), "ingest", str(csv)]
    options = ["--db", str(db), "--workers", "2", "--batch-size", "4", "--limit", "200", "-q"]
    child = subprocess.Popen(
        [sys.executable, "-c", AS_IN_A_TERMINAL, *command, *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        env=env,
    )
    try:
        deadline = time.monotonic() + 120
        while not (now := ready(db)) and time.monotonic() < deadline and child.poll() is None:
            time.sleep(0.5)
        assert now, "the moment to interrupt never came"
        os.killpg(child.pid, signal.SIGINT)
        started = time.monotonic()
        _, err = child.communicate(timeout=60)
        stopped_in = time.monotonic() - started
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
    assert err == (
        f"Interrupted. The batches committed so far are kept in {db}; run the same command "
        "again to go on from there.\n"
    )
    assert child.returncode == 130
    assert stopped_in < 10  # not after the workers' batches in flight (tens of seconds)
    assert not left_behind(child.pid)
    with connect(db, read_only=True) as conn:
        assert conn.execute("SELECT status FROM runs").fetchall() == [("interrupted",)]


def test_ctrl_c_stops_an_ingest_at_once_with_one_line(tmp_path: Path) -> None:
    from dateline.storage.store import connect

    def committed(db: Path) -> bool:
        if not db.exists():
            return False
        with connect(db, read_only=True) as conn:
            return bool(conn.execute("SELECT count(*) FROM articles").fetchone()[0])  # type: ignore[index]

    interrupt_ingest(tmp_path, committed)


def test_ctrl_c_while_the_workers_start_stops_the_ingest_with_one_line(tmp_path: Path) -> None:
    """A worker still starting Python when Ctrl-C comes has not yet come to ignore SIGINT: it is
    born with SIGINT blocked, so the signal does not kill it with a traceback of its own."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SLOW_WORKER_START)
    starting = tmp_path / "starting"
    starting.mkdir()
    path = os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "PYTHONPATH": path, "STARTING_WORKERS": str(starting)}
    interrupt_ingest(tmp_path, lambda db: len(list(starting.iterdir())) == 2, env)
