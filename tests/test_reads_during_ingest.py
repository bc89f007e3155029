"""Queries answer while an ingest runs, each from a consistent state (issue 12, item 4).

An ingest of the 40 press releases runs in a child process; meanwhile this process runs
``events``, ``quotes``, ``actors``, ``timeline`` and ``stats`` in a loop, as a user would from
another terminal. Every answer must come (no "store is locked"), and must be a state that some
committed transaction left: whole batches of articles, each with its events, the run's counters
equal to the rows stored, the corpus tables referring only to stored reports.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import run_cli
from ingest_corpus import press_releases

pytestmark = [pytest.mark.slow, pytest.mark.shared]

TESTS = Path(__file__).resolve().parent
BATCH = 4

# The child's extraction of each batch is slowed down (it runs while readers may read) so that
# the ingest lasts long enough for several rounds of queries however fast the machine.
CHILD = """
import sys, time
sys.path.insert(0, sys.argv[1])
from ingest_corpus import press_releases
from dateline.ingest import ingest
import dateline.pipeline

original = dateline.pipeline.Pipeline.pipe

def slowed(self, *args, **kwargs):
    time.sleep(float(sys.argv[4]))
    return original(self, *args, **kwargs)

dateline.pipeline.Pipeline.pipe = slowed

if __name__ == "__main__":
    ingest(press_releases(), db=sys.argv[2], progress=False, batch_size=int(sys.argv[3]),
           on_batch=lambda report: print("committed", report.new, flush=True))
"""
EXTRACTION_PAUSE = 0.6  # seconds per batch


def check_state(db: Path, total: int) -> int:
    """The store is a state left by a committed transaction; return its number of articles."""
    from dateline.storage.store import connect

    with connect(db, read_only=True) as conn:

        def one(sql: str) -> int:
            row = conn.execute(sql).fetchone()
            return int(row[0]) if row else 0

        articles = one("SELECT count(*) FROM articles")
        assert articles % BATCH == 0 or articles == total, articles  # whole batches only
        # The run's counters are written in the batch's transaction.
        assert one("SELECT coalesce(sum(articles_new), 0) FROM runs") == articles
        assert one("SELECT count(*) FROM article_minhashes") == articles
        assert one("SELECT count(*) FROM article_bands") == 9 * articles
        for table in ("events", "quotes", "article_actors", "mentions", "event_actors"):
            assert not one(
                f"SELECT count(*) FROM {table} t WHERE NOT EXISTS "
                "(SELECT 1 FROM articles a WHERE a.article_id = t.article_id)"
            ), table
        # The corpus tables are the corpus pass's, whole: each link names a stored report.
        assert not one(
            "SELECT count(*) FROM merged_event_reports r WHERE NOT EXISTS (SELECT 1 FROM "
            "events e WHERE e.article_id = r.article_id AND e.event_id = r.event_id)"
        )
        assert not one(
            "SELECT count(*) FROM merged_event_reports r WHERE NOT EXISTS "
            "(SELECT 1 FROM merged_events m WHERE m.merged_id = r.merged_id)"
        )
        return articles


def test_queries_answer_during_an_ingest_from_consistent_states(
    tmp_path: Path, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    total = len(press_releases())
    db = tmp_path / "busy.duckdb"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(TESTS), str(db), str(BATCH), str(EXTRACTION_PAUSE)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    try:
        assert child.stdout.readline().startswith("committed"), child.stderr.read()  # type: ignore[union-attr]
        answered_while_running = 0
        seen: list[int] = []
        while True:
            running = child.poll() is None
            seen.append(check_state(db, total))
            for args in (
                ("events", "--format", "json"),
                ("quotes", "--format", "json"),
                ("actors", "--format", "json"),
                ("timeline", "Putin", "--format", "json"),
                ("stats", "--format", "json"),
            ):
                code, out, err = run_cli(monkeypatch, capsys, *args, "--db", str(db))
                assert code == 0, (args, err)
                json.loads(out)
            stats = json.loads(out)
            assert stats["rows"]["articles"] % BATCH == 0 or stats["rows"]["articles"] == total
            if running and child.poll() is None:
                answered_while_running += 1
            if not running:
                break
            time.sleep(0.1)
        assert child.wait(timeout=300) == 0, child.stderr.read()  # type: ignore[union-attr]
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert answered_while_running >= 3, seen
    assert seen == sorted(seen) and seen[-1] == total
    assert len(set(seen)) >= 3  # the answers did follow the ingest
