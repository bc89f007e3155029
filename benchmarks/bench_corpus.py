"""Corpus pass after an ingest: refresh time for K new articles on a store of N events (issue 12).

    .venv/bin/python benchmarks/bench_corpus.py --events 10000 100000 1000000 --new 1000 \
        --out benchmarks/results/corpus.json

For each N, a store of synthetic rows is built directly in DuckDB (no NLP: the corpus pass reads
only stored rows), the corpus pass is run over all of it once (``full``: what every ingest paid
before the pass was incremental), then K new articles are written with ``write_batch``-shaped
rows and the incremental pass is timed (``refresh``). A second refresh with nothing queued shows
the fixed cost of a pass.

Synthetic corpus, meant to look like a news archive that grows with time:

* about 110 articles a day, 9 events each (1,000 events a day), so N events span N/1,000 days;
  the new articles are the next 9 days of news (K/110 days), the usual case of an ingest;
* event types drawn with the skew of PLOVER codings (CONSULT, ASSAULT, ... most frequent);
  actors from a pool of 20,000 ids drawn with a Zipf-like skew (a few actors in many events),
  each with a country and sector; 0-2 recipients; 80% of dates one day, 15% two to seven days,
  5% over two weeks (too vague to merge); half the events placed in one of 300 places; 85% of
  them happened (asserted, reported or claimed);
* MinHash signatures random but for 3% of the articles, near-copies of an earlier article
  (10 of 128 values changed): the near-duplicates the pass must find.

``--spread`` dates the K new articles all over the archive instead (a back-fill of old news), the
worst case for a pass that works around what changed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EVENTS_PER_ARTICLE = 9
ARTICLES_PER_DAY = 110
ACTORS = 20_000
PLACES = 300
START = dt.date(2020, 1, 1)
TYPES = [  # rough PLOVER frequencies in news codings
    ("CONSULT", 20),
    ("ASSAULT", 14),
    ("ACCUSE", 9),
    ("REQUEST", 9),
    ("COOPERATE", 8),
    ("AGREE", 7),
    ("SUPPORT", 6),
    ("AID", 5),
    ("COERCE", 5),
    ("REJECT", 4),
    ("PROTEST", 3),
    ("THREATEN", 3),
    ("SANCTION", 2),
    ("MOBILIZE", 2),
    ("CONCEDE", 2),
    ("RETREAT", 1),
]


def synthetic_rows(first: int, count: int, *, seed: int, day_of: Any) -> dict[str, Any]:
    """Arrow tables of ``count`` articles numbered from ``first`` (every per-article table the
    corpus pass reads), article ``i`` dated ``day_of(i)``."""
    import numpy as np
    import pyarrow as pa

    rng = np.random.default_rng(seed)
    ids = [f"syn-{i:08d}" for i in range(first, first + count)]
    days = [day_of(i) for i in range(first, first + count)]
    types = [t for t, _ in TYPES]
    weights = np.array([w for _, w in TYPES], dtype=float)
    weights /= weights.sum()
    n_events = count * EVENTS_PER_ARTICLE
    kind = rng.choice(len(types), size=n_events, p=weights)
    back = rng.integers(0, 4, size=n_events)
    width = rng.choice([0, 1, 3, 6, 20], size=n_events, p=[0.8, 0.05, 0.05, 0.05, 0.05])
    happened = rng.random(n_events) < 0.85
    placed = rng.random(n_events) < 0.5
    place = rng.integers(0, PLACES, size=n_events)
    zipf = np.minimum(rng.zipf(1.3, size=(n_events, 3)), ACTORS) - 1
    n_recipients = rng.integers(0, 3, size=n_events)
    events, event_actors, article_actors = [], [], []
    for a in range(count):
        named: set[int] = set()
        for e in range(a * EVENTS_PER_ARTICLE, (a + 1) * EVENTS_PER_ARTICLE):
            earliest = days[a] - dt.timedelta(days=int(back[e]))
            lat = 30 + (place[e] % 30) * 1.5
            lon = -10 + (place[e] // 30) * 9.0
            events.append(
                {
                    "article_id": ids[a],
                    "event_id": f"ev{e - a * EVENTS_PER_ARTICLE + 1}",
                    "type": types[kind[e]],
                    "quad": 1,
                    "score": 1.0,
                    "date_earliest": earliest,
                    "date_latest": earliest + dt.timedelta(days=int(width[e])),
                    "place_name": f"place-{place[e]}" if placed[e] else None,
                    "place_lat": lat if placed[e] else None,
                    "place_lon": lon if placed[e] else None,
                    "factuality": "asserted" if happened[e] else "negated",
                    "evidence_start": 0,
                    "evidence_end": 10,
                    "evidence_text": "synthetic.",
                }
            )
            parties = [("actor", int(zipf[e, 0]))]
            parties += [("recipient", int(zipf[e, 1 + r])) for r in range(n_recipients[e])]
            for seq, (role, actor) in enumerate(parties):
                event_actors.append(
                    {
                        "article_id": ids[a],
                        "event_id": f"ev{e - a * EVENTS_PER_ARTICLE + 1}",
                        "actor_id": f"actor-{actor}",
                        "role": role,
                        "seq": seq,
                    }
                )
                named.add(actor)
        for actor in sorted(named):
            article_actors.append(
                {
                    "article_id": ids[a],
                    "actor_id": f"actor-{actor}",
                    "name": f"Actor {actor}" if actor % 7 else f"Surname{actor // 7}",
                    "kind": "person" if actor % 3 == 0 else "organization",
                    "country": f"C{actor % 150:02d}",
                    "sector": ("GOV", "MIL", "BUS", "CVL")[actor % 4],
                    "source": "table",
                    "n_mentions": 2,
                }
            )
    signatures = rng.integers(0, 2**32, size=(count, 128), dtype=np.uint64)
    copies = rng.random(count) < 0.03
    for a in np.flatnonzero(copies):  # a near-copy of an earlier article (Jaccard about 0.92)
        source = a - 1 - int(rng.integers(0, min(a, 200))) if a else None
        if source is not None and source >= 0:
            signatures[a] = signatures[source]
            signatures[a, rng.choice(128, 10, replace=False)] = rng.integers(0, 2**32, 10)
    from dateline.corpus.dedup import buckets

    minhashes, bands = [], []
    for a in range(count):
        values = [int(v) for v in signatures[a]]
        minhashes.append({"article_id": ids[a], "content_hash": ids[a], "signature": values})
        for band, bucket in enumerate(buckets(values)):
            bands.append({"article_id": ids[a], "band": band, "bucket": bucket})
    articles = [
        {
            "article_id": aid,
            "date": day,
            "title": aid,
            "text": aid,
            "content_hash": aid,
            "pipeline_version": "synthetic",
            "dateline_version": "synthetic",
            "ingested_at": dt.datetime(2026, 1, 1),
        }
        for aid, day in zip(ids, days, strict=True)
    ]
    return {
        "articles": articles,
        "events": events,
        "event_actors": event_actors,
        "article_actors": article_actors,
        "article_minhashes": minhashes,
        "article_bands": bands,
        "corpus_queue": [{"article_id": aid, "actor_ids": []} for aid in ids],
        "_": pa,
    }


def insert(conn: Any, tables: dict[str, Any]) -> None:
    pa = tables.pop("_")
    from dateline.storage.rows import arrow_schemas

    schemas = arrow_schemas()
    for table, rows in tables.items():
        if table in schemas:
            data = pa.Table.from_pylist(rows, schema=schemas[table])
        else:
            data = pa.Table.from_pylist(rows)
        conn.register("_bench", data)
        conn.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _bench")
        conn.unregister("_bench")


def build(db: Path, n_events: int, *, chunk: int = 5_000) -> int:
    """A store of ``n_events`` synthetic events; returns its number of articles."""
    from dateline.storage.store import connect, transaction

    n_articles = n_events // EVENTS_PER_ARTICLE
    with connect(db) as conn:
        for first in range(0, n_articles, chunk):
            count = min(chunk, n_articles - first)
            rows = synthetic_rows(
                first,
                count,
                seed=first,
                day_of=lambda i: START + dt.timedelta(days=i // ARTICLES_PER_DAY),
            )
            with transaction(conn):
                insert(conn, rows)
    return n_articles


def measure(n_events: int, new: int, spread: bool) -> dict[str, Any]:
    """Build, full pass, then the incremental pass over ``new`` articles (in this process)."""
    from dateline.corpus import refresh
    from dateline.storage.store import connect, transaction

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        started = time.perf_counter()
        n_articles = build(db, n_events)
        built = time.perf_counter() - started
        with connect(db) as conn:
            full = refresh(conn)
            span = n_articles // ARTICLES_PER_DAY + 1

            def day_of(i: int) -> dt.date:
                if spread:  # anywhere in the archive
                    return START + dt.timedelta(days=(i * 7919) % span)
                return START + dt.timedelta(days=i // ARTICLES_PER_DAY)  # the next days' news

            rows = synthetic_rows(n_articles, new, seed=n_articles + 1, day_of=day_of)
            with transaction(conn):
                insert(conn, rows)
            incremental = refresh(conn)
            idle = refresh(conn)
            merged = conn.execute("SELECT count(*) FROM merged_events").fetchone()[0]
            stored = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        size_mb = db.stat().st_size / 1e6
    return {
        "events": int(stored),
        "articles": n_articles + new,
        "new_articles": new,
        "new_events": new * EVENTS_PER_ARTICLE,
        "spread": spread,
        "build_seconds": round(built, 1),
        "full_pass_seconds": round(full.seconds, 2),
        "refresh_seconds": round(incremental.seconds, 2),
        "refresh_reports_changed": incremental.reports,
        "idle_pass_seconds": round(idle.seconds, 3),
        "merged_events": int(merged),
        "duplicates": incremental.duplicates,
        "store_mb": round(size_mb, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--new", type=int, default=1000)
    parser.add_argument("--spread", action="store_true", help="new articles all over the archive")
    parser.add_argument("--out", type=Path, help="append results (JSON lines) to this file")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.events[0], args.new, args.spread)))
        return
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
    ).stdout.strip()
    for n in args.events:  # each size in a fresh process: no cache carried between them
        command = [sys.executable, __file__, "--child", "--events", str(n), "--new", str(args.new)]
        if args.spread:
            command.append("--spread")
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        result = json.loads(done.stdout.strip().splitlines()[-1])
        result.update(commit=commit, measured=time.strftime("%Y-%m-%d %H:%M"))
        print(json.dumps(result))
        if args.out:
            with args.out.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
