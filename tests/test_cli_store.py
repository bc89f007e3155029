"""The store commands, through the console entry point: output formats, filters and errors."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from conftest import run_cli as run
from dateline.contract import event_json, quote_json
from dateline.ingest import ingest
from storage_helpers import HandPipeline, hand_extraction, lock_held_by_another_process
from test_ingest import articles, full_pipeline


@pytest.fixture
def store(tmp_path: Path) -> Path:
    db = tmp_path / "s.duckdb"
    ingest(articles(3), db=db, pipeline=HandPipeline(), progress=False)
    return db


def test_events_as_json_are_contract_records(store: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(monkeypatch, capsys, "events", "--db", str(store), "--format", "json")
    assert (code, err) == (0, "")
    records = json.loads(out)
    assert len(records) == 3
    expected = event_json(hand_extraction().events[0])
    for record in records:
        assert record.pop("article_date") == "2025-05-12"
        assert record.pop("article_id").startswith("art-2025-05-12-")
        assert record == expected


def test_quotes_as_jsonl_one_record_per_line(store: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(
        monkeypatch, capsys, "quotes", "--db", str(store), "-f", "jsonl", "--limit", "2"
    )
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2
    record = json.loads(lines[0])
    del record["article_id"], record["article_date"]
    assert record == quote_json(hand_extraction().quotes[0])


def test_csv_has_the_flat_columns(store: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(monkeypatch, capsys, "events", "--db", str(store), "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 3
    assert rows[0]["trigger_text"] == "meet"
    assert rows[0]["actors"] == "volodymyr-zelensky" and rows[0]["recipients"] == "RUS"
    assert rows[0]["evidence_text"].startswith(
        "Ukrainian president Volodymyr Zelensky said on Monday"
    )


def test_tables_show_the_evidence(store: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    _, out, _ = run(monkeypatch, capsys, "events", "--db", str(store))
    assert "Events (3)" in out and "CONSULT visit" in out and "Volodymyr Zelensky" in out
    assert "would meet Russian" in out and "Istanbul" in out
    _, out, _ = run(monkeypatch, capsys, "quotes", "--db", str(store), "--actor", "zelensky")
    assert "Quotes (3)" in out and "We are ready to talk" in out
    _, out, _ = run(monkeypatch, capsys, "actors", "--db", str(store), "--country", "ukr")
    assert "volodymyr-zelensky" in out and "RUS " not in out
    _, out, _ = run(monkeypatch, capsys, "articles", "--db", str(store))
    assert "Articles (3)" in out and "Report 2" in out


def test_unknown_actor_says_how_to_list_them(store: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(monkeypatch, capsys, "events", "--db", str(store), "--actor", "Macron")
    assert code == 0
    assert (
        err
        == f"No actor matches 'Macron' in {store}. List them with: dateline actors --db {store}\n"
    )
    assert out == f"No events in {store} match the filters.\n"


def test_stats_counts_rows(store: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(monkeypatch, capsys, "stats", "--db", str(store), "--format", "json")
    report = json.loads(out)
    assert code == 0
    assert (
        report["rows"]["articles"] == 3
        and report["rows"]["events"] == 3
        and report["rows"]["actors"] == 2
    )
    assert report["articles"] == {"first": "2025-05-12", "last": "2025-05-12"}
    assert report["pipeline_versions"] == [{"version": "hand@1", "articles": 3}]
    assert report["last_run"]["status"] == "completed"
    _, out, _ = run(monkeypatch, capsys, "stats", "--db", str(store))
    assert "Articles dated 2025-05-12 to 2025-05-12" in out and "Pipeline hand@1: 3 articles" in out


# --- errors: one line, non-zero exit, no traceback ------------------------------------------


def test_filter_that_does_not_apply_is_refused(store: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(monkeypatch, capsys, "actors", "--db", str(store), "--type", "CONSULT")
    assert (code, out) == (2, "")
    assert (
        err
        == "Error: --type does not apply to actors. Filters for actors: --actor, --country, --since, --until, --limit.\n"
    )


def test_query_without_a_store(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "nothing.duckdb"
    code, _, err = run(monkeypatch, capsys, "events", "--db", str(db))
    assert code == 4
    assert (
        err
        == f"Error: No dateline store at {db}. Create one with: dateline ingest FILE --db {db}\n"
    )
    assert not db.exists()


def test_corrupt_store(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "bad.duckdb"
    db.write_bytes(os.urandom(2048))
    (tmp_path / "x.txt").write_text(
        " date 2025-03-14 A title\nA body about talks.\n", encoding="utf-8"
    )
    for args in (["stats"], ["events"], ["ingest", str(tmp_path / "x.txt"), "--quiet"]):
        code, _, err = run(monkeypatch, capsys, *args, "--db", str(db))
        assert code == 4 and "Traceback" not in err
        assert err == (
            f"Error: {db} is not a dateline store: it is not a DuckDB database, or it is corrupt. "
            "Give another --db, or move the file away and ingest again.\n"
        )


def test_ingest_into_a_locked_store(
    locked_store, tmp_path: Path, example_path: Path, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    path, pid = locked_store  # the store is checked before any model loads
    code, _, err = run(
        monkeypatch, capsys, "ingest", str(example_path), "--db", str(path), "--quiet"
    )
    assert code == 4
    assert err == (
        f"Error: Store {path} stayed locked by another process (pid {pid}) for 0.3 s. Wait for "
        "it to finish (or set DATELINE_LOCK_WAIT to wait longer), or use another --db.\n"
    )


@pytest.fixture
def locked_store(tmp_path: Path, monkeypatch):  # type: ignore[no-untyped-def]
    """A store held open for writing by another process (not a dateline ingest)."""
    monkeypatch.setenv("DATELINE_LOCK_WAIT", "0.3")  # instead of a minute
    path = tmp_path / "locked.duckdb"
    ingest(articles(1), db=path, pipeline=HandPipeline(), progress=False)
    with lock_held_by_another_process(path) as pid:
        yield path, pid


def test_migrate_reports_the_schema_version(store: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    from dateline.storage.schema import latest_version

    code, out, _ = run(monkeypatch, capsys, "migrate", "--db", str(store))
    assert (code, out) == (0, f"Store {store} is at schema version {latest_version()}.\n")


# --- the demo -----------------------------------------------------------------------------------


def test_ingest_the_example_twice(tmp_path: Path, example_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    full_pipeline()
    db = tmp_path / "demo.duckdb"
    code, out, err = run(monkeypatch, capsys, "ingest", str(example_path), "--db", str(db))
    assert (code, err) == (0, "")
    assert "articles read 1 · new 1 · replaced 0 · skipped 0 (already stored) · failed 0" in out
    assert "articles/s" in out
    _, first, _ = run(monkeypatch, capsys, "stats", "--db", str(db), "-f", "json")
    code, out, _ = run(monkeypatch, capsys, "ingest", str(example_path), "--db", str(db))
    assert (
        "new 0 · replaced 0 · skipped 1 (already stored)" in out and "nothing new to extract" in out
    )
    _, second, _ = run(monkeypatch, capsys, "stats", "--db", str(db), "-f", "json")
    before, after = json.loads(first)["rows"], json.loads(second)["rows"]
    assert after.pop("runs") == before.pop("runs") + 1  # a run is recorded, nothing else added
    assert after == before


def test_ingest_of_only_bad_input_exits_with_the_reader_error(
    tmp_path: Path, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    full_pipeline()
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, _, err = run(
        monkeypatch, capsys, "ingest", str(empty), "--db", str(tmp_path / "s.duckdb"), "--quiet"
    )
    assert code == 2
    assert err == f"Error: {empty} is empty. Give a file with an article in it, or leave it out.\n"


def test_quotes_list_speech_by_default_and_beliefs_with_kind(  # type: ignore[no-untyped-def]
    tmp_path: Path, monkeypatch, capsys
) -> None:
    import datetime as dt

    from dateline.model import Article
    from dateline.pipeline import Pipeline

    day = dt.date(2022, 3, 1)
    text = (
        "Border talks in Vilnius\n"
        "The Lithuanian foreign minister said the crossing would stay closed until April.\n"
        "He believes the new sanctions are already working.\n"
    )
    db = tmp_path / "kinds.duckdb"
    pipeline = Pipeline(stages=("segment", "actors", "quotes"))
    article = Article(id=Article.make_id(day, text), date=day, title=text.split("\n")[0], text=text)
    ingest([article], db=db, pipeline=pipeline, progress=False)

    def kinds(*options: str) -> list[str]:
        code, out, err = run(monkeypatch, capsys, "quotes", "--db", str(db), "-f", "json", *options)
        assert (code, err) == (0, "")
        return sorted(record["kind"] for record in json.loads(out))

    assert kinds() == ["indirect"]
    assert kinds("--kind", "belief") == ["belief"]
    assert kinds("--kind", "all") == ["belief", "indirect"]
    assert kinds("--kind", "indirect,belief") == ["belief", "indirect"]
    assert kinds("--kind", "direct") == []
    code, out, err = run(monkeypatch, capsys, "quotes", "--db", str(db), "--kind", "opinion")
    assert code != 0 and out == "" and "Traceback" not in err
    assert err == (
        "Error: Unknown quote kind 'opinion'. Kinds: direct, partial, indirect, according_to, "
        "belief, speech (the default: all but belief) or all.\n"
    )
