"""The store: migrations, the row mapping of the contract, errors, transactions, queries."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest

from dateline.contract import event_json, quote_json
from dateline.errors import ConfigError, StoreError
from dateline.storage import schema
from dateline.storage.query import make_filters, query_actors, query_events, query_quotes
from dateline.storage.records import event_record, quote_record
from dateline.storage.rows import ARTICLE_TABLES, arrow_table, extraction_rows
from dateline.storage.store import connect, open_store, transaction
from dateline.storage.write import write_batch
from storage_helpers import TEXT, hand_extraction, lock_held_by_another_process, other_text

TABLES = {
    "articles",
    "actors",
    "article_actors",
    "mentions",
    "times",
    "places",
    "quotes",
    "events",
    "event_actors",
    "claims",
    "runs",
    "failures",
    "schema_migrations",
}


def store_with(path: Path, *extractions, version: str = "v1"):  # type: ignore[no-untyped-def]
    conn = open_store(path)
    with transaction(conn):
        write_batch(conn, list(extractions), pipeline_version=version)
    return conn


def count(conn, table: str) -> int:  # type: ignore[no-untyped-def]
    return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


# --- migrations -------------------------------------------------------------------------


def test_new_store_records_every_migration(tmp_path: Path) -> None:
    with connect(tmp_path / "s.duckdb") as conn:
        assert TABLES <= set(schema.user_tables(conn))
        recorded = conn.execute(
            "SELECT version, name FROM schema_migrations ORDER BY version"
        ).fetchall()
    assert recorded == [(m.version, m.name) for m in schema.migrations()]
    assert recorded[0] == (1, "initial")
    # Opening again applies nothing twice.
    with connect(tmp_path / "s.duckdb") as conn:
        assert count(conn, "schema_migrations") == len(schema.migrations())


def test_failed_migration_rolls_back_and_keeps_the_store(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "s.duckdb"
    store_with(path, hand_extraction()).close()
    broken = schema.Migration(
        schema.latest_version() + 1, "broken", "CREATE TABLE half (x INT); SELEC oops;"
    )
    shipped = schema.migrations()
    monkeypatch.setattr(schema, "migrations", lambda: (*shipped, broken))
    with pytest.raises(StoreError) as caught:
        open_store(path)
    assert str(caught.value).startswith(
        f"Could not upgrade store {path} beyond schema version {len(shipped)} (Parser Error:"
    )
    monkeypatch.undo()
    with connect(path, read_only=True) as conn:
        assert schema.current_version(conn) == len(shipped)
        assert "half" not in schema.user_tables(conn)
        assert count(conn, "events") == 1


def test_store_from_a_newer_dateline_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with connect(path) as conn:
        conn.execute("INSERT INTO schema_migrations VALUES (99, 'future', now(), '9.0')")
    latest = schema.latest_version()
    message = (
        f"Store {path} has schema version 99, newer than this dateline knows ({latest}). "
        "Upgrade dateline (pip install -U dateline), or use another --db."
    )
    for read_only in (False, True):
        with pytest.raises(StoreError) as caught:
            open_store(path, read_only=read_only)
        assert str(caught.value) == message


# --- errors -----------------------------------------------------------------------------


def test_missing_store_names_the_command_that_creates_it(tmp_path: Path) -> None:
    path = tmp_path / "none.duckdb"
    with pytest.raises(StoreError) as caught:
        open_store(path, read_only=True)
    assert (
        str(caught.value)
        == f"No dateline store at {path}. Create one with: dateline ingest FILE --db {path}"
    )
    assert not path.exists()


def test_corrupt_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "garbage.duckdb"
    garbage = os.urandom(4096)
    path.write_bytes(garbage)
    for read_only in (True, False):
        with pytest.raises(StoreError) as caught:
            open_store(path, read_only=read_only)
        assert str(caught.value) == (
            f"{path} is not a dateline store: it is not a DuckDB database, or it is corrupt. "
            "Give another --db, or move the file away and ingest again."
        )
    assert path.read_bytes() == garbage
    assert sorted(p.name for p in tmp_path.iterdir()) == ["garbage.duckdb"]  # no WAL left behind


def test_other_duckdb_database_is_not_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "theirs.duckdb"
    with duckdb.connect(str(path)) as conn:
        conn.execute("CREATE TABLE accounts (id INT)")
    with pytest.raises(StoreError) as caught:
        open_store(path)
    assert str(caught.value) == (
        f"{path} is a DuckDB database but not a dateline store (it has no schema_migrations table). "
        "Give another --db."
    )
    with duckdb.connect(str(path)) as conn:
        assert schema.user_tables(conn) == ["accounts"]


@pytest.fixture
def locked_store(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A store held open for writing by another process."""
    path = tmp_path / "locked.duckdb"
    store_with(path, hand_extraction()).close()
    with lock_held_by_another_process(path) as pid:
        yield path, pid


def test_locked_store_names_the_process_holding_it(locked_store) -> None:  # type: ignore[no-untyped-def]
    path, pid = locked_store
    for read_only in (False, True):
        with pytest.raises(StoreError) as caught:
            open_store(path, read_only=read_only)
        assert str(caught.value) == (
            f"Store {path} is locked by another process (pid {pid}). Wait for it to finish or use another --db."
        )


# --- rows -------------------------------------------------------------------------------


def test_rows_have_the_table_columns_and_offsets_into_the_text(tmp_path: Path) -> None:
    extraction = hand_extraction()
    rows = extraction_rows(extraction, pipeline_version="v1")
    assert set(rows) == set(ARTICLE_TABLES)
    with connect(tmp_path / "s.duckdb") as conn:
        for table, table_rows in rows.items():
            columns = [r[0] for r in conn.execute(f"DESCRIBE {table}").fetchall()]
            assert sorted(table_rows[0]) == sorted(columns), table
    text = extraction.article.text
    for table, table_rows in rows.items():
        for row in table_rows:
            if "start_char" in row:
                assert text[row["start_char"] : row["end_char"]] == row["text"]
            for prefix in ("evidence", "speaker", "cue", "trigger", "date", "place"):
                if row.get(f"{prefix}_start") is not None:
                    assert (
                        text[row[f"{prefix}_start"] : row[f"{prefix}_end"]] == row[f"{prefix}_text"]
                    ), table


def test_stored_offsets_match_the_stored_text(tmp_path: Path) -> None:
    conn = store_with(tmp_path / "s.duckdb", hand_extraction())
    for table in ("mentions", "times", "places", "quotes", "claims"):
        bad = conn.execute(
            f"SELECT count(*) FROM {table} t JOIN articles a USING (article_id) "
            "WHERE substring(a.text, t.start_char + 1, t.end_char - t.start_char) != t.text "
            "OR substring(a.text, t.evidence_start + 1, t.evidence_end - t.evidence_start) != t.evidence_text"
        ).fetchone()[0]
        assert bad == 0, table
    assert count(conn, "quotes") == 1


def test_stored_events_and_quotes_read_back_as_contract_records(tmp_path: Path) -> None:
    extraction = hand_extraction()
    conn = store_with(tmp_path / "s.duckdb", extraction)
    [event_row] = query_events(conn, make_filters("events"))
    record = event_record(event_row)
    assert record.pop("article_id") == extraction.article.id
    assert record.pop("article_date") == "2025-05-12"
    assert record == event_json(extraction.events[0])
    [quote_row] = query_quotes(conn, make_filters("quotes"))
    record = quote_record(quote_row)
    del record["article_id"], record["article_date"]
    assert record == quote_json(extraction.quotes[0])


def test_rows_become_parquet_that_duckdb_reads_back(tmp_path: Path) -> None:
    """Room for issue 7: a worker's Parquet partition has exactly the table's columns."""
    import pyarrow.parquet as pq

    rows = extraction_rows(hand_extraction(), pipeline_version="v1")
    pq.write_table(arrow_table("events", rows["events"]), tmp_path / "events.parquet")
    with connect(tmp_path / "s.duckdb") as conn:
        conn.execute(
            f"INSERT INTO events SELECT * FROM read_parquet('{tmp_path / 'events.parquet'}')"
        )
        assert conn.execute("SELECT event_id, type, context FROM events").fetchall() == [
            ("e1", "CONSULT", ["diplomatic"])
        ]


# --- writing ------------------------------------------------------------------------------


def test_rewriting_an_article_replaces_its_rows(tmp_path: Path) -> None:
    extraction = hand_extraction()
    conn = store_with(tmp_path / "s.duckdb", extraction, version="v1")
    before = {t: count(conn, t) for t in ARTICLE_TABLES}
    with transaction(conn):
        write_batch(conn, [extraction], pipeline_version="v2")
    assert {t: count(conn, t) for t in ARTICLE_TABLES} == before
    assert conn.execute("SELECT pipeline_version FROM articles").fetchall() == [("v2",)]


def test_failure_inside_a_batch_stores_nothing(tmp_path: Path) -> None:
    conn = store_with(tmp_path / "s.duckdb", hand_extraction())
    second = hand_extraction(other_text(2))
    with pytest.raises(RuntimeError), transaction(conn):
        write_batch(conn, [second], pipeline_version="v1")
        raise RuntimeError("disk on fire")
    assert count(conn, "articles") == 1
    assert count(conn, "events") == 1
    assert conn.execute("SELECT n_articles FROM actors WHERE actor_id = 'RUS'").fetchone() == (1,)


def test_registry_counts_articles_and_follows_re_extraction(tmp_path: Path) -> None:
    first = hand_extraction(TEXT, "2025-05-12")
    second = hand_extraction(other_text(2), "2025-05-20")
    conn = store_with(tmp_path / "s.duckdb", first, second)
    row = conn.execute(
        "SELECT name, country, first_seen, last_seen, n_articles, n_mentions FROM actors WHERE actor_id = 'RUS'"
    ).fetchone()
    assert row[0:2] == ("Russia", "RUS")
    assert (str(row[2]), str(row[3]), row[4], row[5]) == ("2025-05-12", "2025-05-20", 2, 2)
    # The second article re-extracted without Russia: the registry follows.
    second.actors = [a for a in second.actors if a.id != "RUS"]
    with transaction(conn):
        write_batch(conn, [second], pipeline_version="v2")
    row = conn.execute("SELECT last_seen, n_articles FROM actors WHERE actor_id = 'RUS'").fetchone()
    assert (str(row[0]), row[1]) == ("2025-05-12", 1)


# --- queries ------------------------------------------------------------------------------


def test_filters_that_do_not_apply_are_refused_with_the_valid_ones() -> None:
    with pytest.raises(ConfigError) as caught:
        make_filters("quotes", type="CONSULT")
    assert str(caught.value) == (
        "--type does not apply to quotes. Filters for quotes: --actor, --country, --since, --until, --kind, --limit."
    )
    with pytest.raises(
        ConfigError, match=r"^Unknown event type 'MEET'\. PLOVER types: AGREE, CONSULT"
    ):
        make_filters("events", type="MEET")
    with pytest.raises(ConfigError) as caught:
        make_filters("events", since="14/03/2025")
    assert (
        str(caught.value) == "--since '14/03/2025' is not a date. Use YYYY-MM-DD, e.g. 2025-03-14."
    )
    with pytest.raises(ConfigError, match="not a three-letter code"):
        make_filters("actors", country="Russia")


def test_filters_select_by_actor_type_country_and_dates(tmp_path: Path) -> None:
    conn = store_with(
        tmp_path / "s.duckdb",
        hand_extraction(TEXT, "2025-05-12"),
        hand_extraction(other_text(2), "2025-06-01"),
    )

    def events(**kw):  # type: ignore[no-untyped-def]
        return len(query_events(conn, make_filters("events", **kw)))

    assert events() == 2
    assert events(actor="zelensky") == 2  # part of a name, any case
    assert events(actor="rus") == 2  # an id (a recipient)
    assert events(actor="Putin") == 0
    assert events(type="consult") == 2
    assert events(type="ASSAULT") == 0
    assert events(country="TUR") == 2  # the place
    assert events(country="UKR") == 2  # an actor's country
    assert events(country="FRA") == 0
    # Each event is dated on its article's day here; the range filters overlap it.
    assert events(since="2025-05-13") == 1
    assert events(until="2025-05-12") == 1
    assert events(since="2025-05-12", until="2025-06-01") == 2
    assert events(since="2025-06-02") == 0
    assert len(query_quotes(conn, make_filters("quotes", since="2025-05-13"))) == 1
    assert [r["actor_id"] for r in query_actors(conn, make_filters("actors", country="UKR"))] == [
        "volodymyr-zelensky"
    ]
    assert len(query_events(conn, make_filters("events", limit=1))) == 1


def test_truncated_store_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    store_with(path, hand_extraction()).close()
    with path.open("r+b") as handle:  # a copy cut short, as by a full disk or a broken transfer
        handle.truncate(8192)
    with pytest.raises(StoreError) as caught:
        open_store(path, read_only=True)
    assert str(caught.value) == (
        f"{path} is not a dateline store: it is not a DuckDB database, or it is corrupt. "
        "Give another --db, or move the file away and ingest again."
    )


def test_errors_while_using_a_store_become_store_errors(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with pytest.raises(StoreError) as caught, connect(path) as conn:
        conn.execute("SELECT * FROM no_such_table")
    assert str(caught.value).startswith(
        f"Store {path} could not be read or written (Catalog Error:"
    )
