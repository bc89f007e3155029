"""Ingest survives ``kill -9``: committed batches stay, a re-run adds the rest, nothing doubles."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from dateline.ingest import ingest
from dateline.storage.store import connect
from storage_helpers import HandPipeline
from test_ingest import articles, duplicates

TESTS = Path(__file__).resolve().parent

# The child ingests 40 articles in batches of 4 with a slow pipeline and prints a line after
# every committed batch, so the parent knows when to kill it.
CHILD = """
import sys, time
sys.path.insert(0, sys.argv[2])
from storage_helpers import HandPipeline
from test_ingest import articles
from dateline.ingest import ingest

class Slow(HandPipeline):
    def pipe(self, batch, *, batch_size=16):
        for extraction in super().pipe(batch, batch_size=batch_size):
            time.sleep(0.05)
            yield extraction

ingest(articles(40), db=sys.argv[1], pipeline=Slow(), progress=False, batch_size=4,
       on_batch=lambda report: print("committed", report.new, flush=True))
print("finished", flush=True)
"""


def test_kill_9_after_a_committed_batch_then_rerun_completes(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db), str(TESTS)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.startswith("committed"), child.stderr.read() if child.stderr else line
        os.kill(child.pid, signal.SIGKILL)  # no cleanup, no rollback handler, no run update
    finally:
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    with connect(db, read_only=True) as conn:
        stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]  # type: ignore[index]
        events = conn.execute("SELECT count(*) FROM events").fetchone()[0]  # type: ignore[index]
        status = conn.execute("SELECT status FROM runs").fetchall()
    assert 4 <= stored < 40 and stored % 4 == 0 and events == stored  # whole batches only
    assert status == [("running",)]  # killed: nobody recorded the end

    report = ingest(articles(40), db=db, pipeline=HandPipeline(), progress=False, batch_size=4)
    assert (report.skipped, report.new) == (stored, 40 - stored)
    with connect(db, read_only=True) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone() == (40,)
        assert conn.execute("SELECT count(*) FROM events").fetchone() == (40,)
        assert conn.execute("SELECT status FROM runs ORDER BY run_id").fetchall() == [
            ("interrupted",),
            ("completed",),
        ]
    assert duplicates(db) == 0
