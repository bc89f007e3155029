"""The corpus pass is a function of the stored articles: incremental passes after any batches, in
any order, with re-extractions in between, give the tables of one pass from scratch (issue 12)."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from corpus_helpers import ACTORS, LONG_BODY, PLACES, Report, extraction
from dateline.corpus import refresh
from dateline.model import Extraction
from dateline.storage.digest import table_digests
from dateline.storage.store import connect, transaction
from dateline.storage.write import write_batch

TYPES = ("CONSULT", "ASSAULT", "AID")
START = dt.date(2022, 3, 1)

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection


def _day(rng: random.Random, spread: int) -> str:
    return (START + dt.timedelta(days=rng.randrange(spread))).isoformat()


def random_corpus(seed: int, n: int = 28) -> list[Extraction]:
    """Articles whose reports often overlap (few actors, types and days) and some copies."""
    rng = random.Random(seed)
    actors = sorted(ACTORS)
    found: list[Extraction] = []
    bodies: list[tuple[list[Report], str]] = []
    for number in range(n):
        date = _day(rng, 20)
        source = rng.choice(("kremlin.ru", "president.gov.ua", "wire.example"))
        if bodies and rng.random() < 0.3:  # a copy of an earlier article: a near-duplicate
            reports, body = rng.choice(bodies)
            found.append(extraction(f"a{number:02d}", date, reports, source=source, body=body))
            continue
        reports = []
        for _ in range(rng.randint(1, 4)):
            day = (dt.date.fromisoformat(date) - dt.timedelta(days=rng.randrange(4))).isoformat()
            until = None
            if rng.random() < 0.25:  # a range: a few days, or vague (over MAX_RANGE_DAYS)
                width = rng.choice((2, 6, 20))
                until = (dt.date.fromisoformat(day) + dt.timedelta(days=width)).isoformat()
            reports.append(
                Report(
                    rng.choice(TYPES),
                    rng.choice(actors),
                    rng.choice([None, *actors]),
                    day=day,
                    until=until,
                    place=rng.choice([None, *PLACES]),
                    factuality=rng.choice(("asserted", "asserted", "reported", "negated")),
                )
            )
        body = f"{LONG_BODY} Readout number {number} of series {seed}."
        bodies.append((reports, body))
        found.append(extraction(f"a{number:02d}", date, reports, source=source, body=body))
    return found


def derived(conn: DuckDBPyConnection) -> dict[str, str]:
    return table_digests(conn)


def write(conn: DuckDBPyConnection, batch: list[Extraction], *, version: str = "v1") -> None:
    with transaction(conn):
        write_batch(conn, batch, pipeline_version=version)


@pytest.mark.parametrize("seed", range(4))
def test_incremental_passes_equal_one_pass_from_scratch(tmp_path: Path, seed: int) -> None:
    corpus = random_corpus(seed)
    with connect(tmp_path / "whole.duckdb") as conn:
        write(conn, corpus)
        refresh(conn)
        expected = derived(conn)
        merged = conn.execute("SELECT count(*) FROM merged_events").fetchone()[0]  # type: ignore[index]
        copies = conn.execute("SELECT count(*) FROM article_duplicates").fetchone()[0]  # type: ignore[index]
    assert merged > 5 and copies > 1  # the scenario does exercise merging and duplicates

    rng = random.Random(1000 + seed)
    shuffled = corpus[:]
    rng.shuffle(shuffled)
    with connect(tmp_path / "pieces.duckdb") as conn:
        while shuffled:
            size = rng.randint(1, 6)
            batch, shuffled = shuffled[:size], shuffled[size:]
            write(conn, batch)
            if rng.random() < 0.6:
                refresh(conn)
            # Now and then an article is re-extracted into something else, and back later.
            if rng.random() < 0.3:
                other = random_corpus(seed + 7, n=len(corpus))[rng.randrange(len(corpus))]
                write(conn, [other], version="v0")
                refresh(conn)
                original = next(e for e in corpus if e.article.id == other.article.id)
                if original not in shuffled:
                    write(conn, [original])
        write(conn, corpus)  # every article ends up in its final form
        refresh(conn)
        assert derived(conn) == expected

        refresh(conn, rebuild=True)
        assert derived(conn) == expected


def test_a_pass_with_nothing_queued_changes_nothing(tmp_path: Path) -> None:
    with connect(tmp_path / "s.duckdb") as conn:
        write(conn, random_corpus(3, n=10))
        refresh(conn)
        before = derived(conn)
        report = refresh(conn)
        assert (report.articles, report.reports) == (0, 0)
        assert derived(conn) == before


def test_a_store_of_schema_2_is_rebuilt_by_its_first_corpus_pass(tmp_path: Path) -> None:
    """Migration 4 queues every article; the first pass hashes them and merges them again."""
    import duckdb

    from dateline.storage import schema
    from dateline.storage.rows import ARTICLE_TABLES, extraction_rows

    path = tmp_path / "old.duckdb"
    old = duckdb.connect(str(path))
    for migration in schema.migrations()[:2]:  # a store made by a dateline of schema 2
        old.execute(schema.CREATE_MIGRATIONS_TABLE)
        old.execute(migration.sql)
        old.execute(
            "INSERT INTO schema_migrations VALUES (?, ?, now(), '0.1')",
            [migration.version, migration.name],
        )
    corpus = random_corpus(5, n=8)
    for item in corpus:
        for table, rows in extraction_rows(item, pipeline_version="v1").items():
            columns = [c[0] for c in old.execute(f"DESCRIBE {table}").fetchall()]
            for row in rows:
                values = [row[c] for c in columns]
                old.execute(f"INSERT INTO {table} VALUES ({', '.join('?' * len(values))})", values)
    assert set(ARTICLE_TABLES) <= set(schema.user_tables(old))
    old.close()

    with connect(path) as conn:  # migrates to the current schema
        refresh(conn)
        migrated = derived(conn)
    with connect(tmp_path / "new.duckdb") as conn:
        write(conn, corpus)
        refresh(conn)
        assert migrated == derived(conn)  # these hand-made records have no rule either


def _linear_merge(reports: list) -> list[list[tuple[str, str]]]:  # type: ignore[type-arg]
    """The merge rules as first written: every open event tried in turn (the reference)."""
    from dateline.corpus.merge import MergedEvent, matches

    groups: list[MergedEvent] = []
    open_events: list[MergedEvent] = []
    current = None
    for report in sorted(reports, key=lambda r: (r.type, r.key)):
        if report.type != current:
            current, open_events = report.type, []
        if report.lone:
            if not report.duplicate:
                groups.append(MergedEvent())
                groups[-1].add(report)
            continue
        open_events = [e for e in open_events if e.latest >= report.earliest]
        target = next((e for e in open_events if matches(e, report)), None)
        if target is not None:
            target.add(report)
        elif not report.duplicate:
            groups.append(MergedEvent())
            groups[-1].add(report)
            open_events.append(groups[-1])
    return [[(r.article_id, r.event_id) for r in e.reports] for e in groups]


@pytest.mark.parametrize("seed", range(5))
def test_the_indexed_sweep_merges_as_trying_every_open_event_does(seed: int) -> None:
    from dateline.corpus.merge import Report as Stored
    from dateline.corpus.merge import merge_reports

    rng = random.Random(seed)
    actors = [f"a{i}" for i in range(12)]
    keys = ["RUS/GOV", "UKR/MIL", "USA/GOV", "FRA/GOV"]
    reports = []
    for number in range(600):
        earliest = START + dt.timedelta(days=rng.randrange(60))
        latest = earliest + dt.timedelta(days=rng.choice((0, 0, 0, 1, 3, 8, 16)))
        reports.append(
            Stored(
                article_id=f"a{number // 4}",
                event_id=f"e{number % 4}",
                type=rng.choice(TYPES),
                mode=None,
                quad=1,
                cameo=None,
                score=None,
                earliest=earliest,
                latest=latest,
                article_date=latest,
                outlet=rng.choice(("x", "y")),
                duplicate=rng.random() < 0.1,
                evidence=None,
                place=rng.choice(
                    [None, {"lat": 50.45, "lon": 30.52}, {"lat": 49.99, "lon": 36.23}]
                ),
                actors=tuple(rng.sample(actors, rng.randint(0, 2))),
                recipients=tuple(rng.sample(actors, rng.randint(0, 1))),
                actor_keys=frozenset(rng.sample(keys, rng.randint(0, 1))),
                recipient_keys=frozenset(rng.sample(keys, rng.randint(0, 1))),
            )
        )
    indexed = [[(r.article_id, r.event_id) for r in e.reports] for e in merge_reports(reports)]
    reference = _linear_merge(reports)
    assert sorted(indexed) == sorted(reference)
    assert sum(len(g) > 1 for g in reference) > 20  # they do merge
