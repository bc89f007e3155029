"""The rough edges of issue 12, each pinned: what a user met, and what they get now."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from conftest import EXAMPLE, make_document
from conftest import run_cli as run
from dateline.cli import app
from dateline.errors import ConfigError
from dateline.ingest import ingest
from dateline.model import EventDate
from dateline.storage.query import make_filters, query_events
from dateline.storage.store import connect
from storage_helpers import TEXT, HandPipeline, hand_extraction, other_text


@pytest.fixture
def store(tmp_path: Path) -> Path:
    db = tmp_path / "s.duckdb"
    jsonl = tmp_path / "two.jsonl"
    jsonl.write_text(
        "".join(
            json.dumps({"date": "2025-05-12", "title": f"Report {i}", "text": other_text(i)}) + "\n"
            for i in range(2)
        ),
        encoding="utf-8",
    )
    ingest([jsonl], db=db, pipeline=HandPipeline(), progress=False)
    return db


# --- extract DIR with one empty file -------------------------------------------------------------


def test_extract_of_a_folder_with_an_empty_file_prints_the_good_ones(
    tmp_path: Path, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "b.txt").write_bytes(b"")
    code, out, err = run(monkeypatch, capsys, "extract", str(folder), "--format", "jsonl")
    assert code == 0
    [line] = out.splitlines()
    assert json.loads(line)["article"]["title"].startswith("Trump says he personally asked Putin")
    assert err.splitlines() == [
        f"Error: {folder / 'b.txt'} is empty. Give a file with an article in it, or leave it out.",
        "Warning: 1 input could not be read (above); the others were extracted.",
    ]


def test_extract_of_only_bad_files_exits_non_zero(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "b.txt").write_bytes(b"")
    code, out, err = run(monkeypatch, capsys, "extract", str(tmp_path / "b.txt"))
    assert (code, out) == (2, "")
    assert (
        err
        == f"Error: {tmp_path / 'b.txt'} is empty. Give a file with an article in it, or leave it out.\n"
    )


# --- export -f jsonl EXISTING_DIR ----------------------------------------------------------------


def test_export_of_a_line_format_into_a_folder_is_a_clear_error(
    store: Path, tmp_path: Path, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "out"
    folder.mkdir()
    code, _, err = run(
        monkeypatch, capsys, "export", "-f", "jsonl", str(folder), "--db", str(store)
    )
    assert code == 2
    assert err == (
        f"Error: {folder} is a folder; --format jsonl writes one file. Give a file name, "
        f"e.g. {folder / 'jsonl.jsonl'}.\n"
    )
    assert list(folder.iterdir()) == []


# --- records skipped inside a file reach the failures table ---------------------------------------

FRENCH = (
    "Le président Emmanuel Macron a nommé vendredi François Bayrou au poste de Premier ministre, "
    "après la chute du gouvernement de Michel Barnier, renversé par une motion de censure."
)


def test_records_skipped_inside_jsonl_csv_and_feeds_are_failures(tmp_path: Path) -> None:
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text(
        json.dumps({"date": "2025-05-12", "text": other_text(1)})
        + "\n{not json\n"
        + json.dumps({"date": "2025-05-12", "title": "Nomination", "text": FRENCH})
        + "\n",
        encoding="utf-8",
    )
    table = tmp_path / "b.csv"
    table.write_text(
        f'date,text\n2025-05-12,"{other_text(2)}"\nnot a date,"{other_text(3)}"\n', encoding="utf-8"
    )
    feed = tmp_path / "c.rss"
    feed.write_text(
        "<rss version='2.0'><channel><title>Wire</title>"
        f"<item><title>Talks</title><description>{other_text(4)}</description>"
        "<pubDate>Mon, 12 May 2025 10:00:00 GMT</pubDate></item>"
        f"<item><title>Undated</title><description>{other_text(5)}</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    db = tmp_path / "s.duckdb"
    report = ingest([jsonl, table, feed], db=db, pipeline=HandPipeline(), progress=False)
    assert (report.extracted, report.failed) == (3, 4)
    with duckdb.connect(str(db), read_only=True) as conn:
        rows = conn.execute("SELECT source, error FROM failures ORDER BY error").fetchall()
    found = [(Path(source).name, error.removeprefix(str(tmp_path) + "/")) for source, error in rows]
    assert [(name, error.split(". ")[0]) for name, error in found] == [
        ("a.jsonl", "a.jsonl line 2 is not valid JSON (Expecting property name enclosed in "
         "double quotes, column 2)"),
        ("a.jsonl", "a.jsonl line 3 does not look like English text; dateline's pipeline is "
         "English-only"),
        ("b.csv", "b.csv line 7 has the date 'not a date' in 'date', which is not a date"),
        ("c.rss", "c.rss entry 2 has no date"),
    ]  # fmt: skip


# --- --actor % and _ ----------------------------------------------------------------------------


@pytest.mark.parametrize("wildcard", ["%", "_", "Zel%", "Volodymyr_Zelensky"])
def test_like_wildcards_in_actor_are_literal(
    store: Path, wildcard: str, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(monkeypatch, capsys, "events", "--db", str(store), "--actor", wildcard)
    assert code == 0
    assert err.startswith(f"No actor matches {wildcard!r} in {store}.")
    assert out == f"No events in {store} match the filters.\n"


def test_part_of_a_name_still_matches(store: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(
        monkeypatch, capsys, "events", "--db", str(store), "--actor", "zelen", "-f", "jsonl"
    )
    assert code == 0 and len(out.splitlines()) == 2


# --- a bare number is a year only with a temporal cue -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Residents can call the hotline on 1648 for help with heating.", []),
        ("The regiment sent 2000 troops to the border.", []),
        ("The Peace of Westphalia was signed in 1648 in Münster.", ["1648"]),
        ("Russia's 2022 invasion changed everything.", ["2022"]),
        ("Apple showed its phone at WWDC 2025 in Cupertino.", ["2025"]),  # bare, but near 2025
    ],
)
def test_a_bare_number_is_a_year_only_with_a_cue_or_near_the_article(
    text: str, values: list[str]
) -> None:
    document = make_document(text, date="2025-03-14", stages=("segment", "times"))
    assert [t.value for t in document.extraction.times] == values


# --- --since/--until and whole-year events; open intervals shown as "≤ D" ---------------------------


class DatedPipeline(HandPipeline):
    """The hand extraction with its event copied three times: one day, the whole year, open."""

    def pipe(self, articles, *, batch_size: int = 16):  # type: ignore[no-untyped-def]
        for article in articles:
            extraction = hand_extraction(
                article.text, article.date.isoformat(), article_id=article.id
            )
            [event] = extraction.events
            day = dt.date(2025, 5, 12)
            dates = {
                "e1": EventDate("2025-05-12", day, day, None, "expression"),
                "e2": EventDate(
                    "2025", dt.date(2025, 1, 1), dt.date(2025, 12, 31), None, "expression"
                ),
                "e3": EventDate("PAST_REF", None, day, None, "expression"),
            }
            extraction.events[:] = [
                dataclasses.replace(event, id=i, date=d) for i, d in dates.items()
            ]
            yield extraction


@pytest.fixture
def dated_store(tmp_path: Path) -> Path:
    db = tmp_path / "dated.duckdb"
    jsonl = tmp_path / "one.jsonl"
    jsonl.write_text(json.dumps({"date": "2025-05-12", "text": TEXT}) + "\n", encoding="utf-8")
    ingest([jsonl], db=db, pipeline=DatedPipeline(), progress=False)
    return db


@pytest.mark.parametrize(
    ("since", "until", "dates", "expected"),
    [
        ("2025-05-01", "2025-05-31", None, ["e1"]),  # within, the default
        ("2025-05-01", "2025-05-31", "within", ["e1"]),
        ("2025-05-01", "2025-05-31", "overlap", ["e1", "e2", "e3"]),
        (None, "2025-05-31", "within", ["e1", "e3"]),  # on or before the 12th is before the 31st
        ("2025-01-01", "2025-12-31", "within", ["e1", "e2"]),
        ("2025-06-01", None, "overlap", ["e2"]),
        ("2025-06-01", None, "within", []),
    ],
)
def test_date_filters_within_or_overlap(
    dated_store: Path, since: str | None, until: str | None, dates: str | None, expected: list[str]
) -> None:
    with connect(dated_store, read_only=True) as conn:
        rows = query_events(conn, make_filters("events", since=since, until=until, dates=dates))
    assert sorted(row["event_id"] for row in rows) == expected


def test_date_match_must_be_known() -> None:
    with pytest.raises(ConfigError, match=r"--dates 'around' is not one of: within, overlap\."):
        make_filters("events", since="2025-01-01", dates="around")


def test_open_intervals_print_as_on_or_before(dated_store: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(monkeypatch, capsys, "events", "--db", str(dated_store))
    assert code == 0
    assert "≤ 2025-05-12" in out
    assert "PAST_REF" not in out


# --- stats: start and finish times under their own names -------------------------------------------


def test_stats_says_when_the_last_run_started_and_completed(
    store: Path, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    with duckdb.connect(str(store), read_only=True) as conn:
        started, finished = conn.execute("SELECT started_at, finished_at FROM runs").fetchone()  # type: ignore[misc]
    code, out, _ = run(monkeypatch, capsys, "stats", "--db", str(store))
    assert code == 0
    when = (
        f"started at {started.isoformat(sep=' ', timespec='seconds')}, "
        f"completed at {finished.isoformat(sep=' ', timespec='seconds')}"
    )
    assert f"Last run #1 {when}: read 2," in out


# --- --db file.csv ------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["events"], ["stats"], ["ingest", str(EXAMPLE)]])
def test_a_csv_file_as_store_is_a_clear_error(
    tmp_path: Path, command: list[str], monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    table = tmp_path / "articles.csv"
    table.write_text("date,text\n2025-05-12,Text.\n", encoding="utf-8")
    quiet = ["-q"] if command[0] == "ingest" else []
    code, _, err = run(monkeypatch, capsys, *command, "--db", str(table), *quiet)
    assert code == 4
    assert err == (
        f"Error: --db {table} names a CSV file, not a dateline store. Give the store file "
        "(e.g. --db dateline.duckdb); articles to ingest are arguments: dateline ingest FILE "
        "--db dateline.duckdb\n"
    )
    assert table.read_text(encoding="utf-8") == "date,text\n2025-05-12,Text.\n"


def test_a_file_that_is_not_duckdb_is_refused_before_duckdb_opens_it(
    tmp_path: Path, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    notes = tmp_path / "notes.db"
    notes.write_text("date,text\n2025-05-12,Text.\n", encoding="utf-8")
    code, _, err = run(monkeypatch, capsys, "events", "--db", str(notes))
    assert code == 4
    assert err.startswith(f"Error: {notes} is not a dateline store: it is not a DuckDB database")


# --- --config help ------------------------------------------------------------------------------


def test_config_help_keeps_its_brackets() -> None:
    result = CliRunner().invoke(app, ["stages", "--help"], terminal_width=200)
    assert "TOML settings file with a [pipeline] table." in result.output


# --- Ctrl-C -------------------------------------------------------------------------------------


def test_ctrl_c_prints_one_line_and_exits_130(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    def interrupted(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    monkeypatch.setattr("dateline.pipeline.Pipeline.pipe", interrupted)
    code, out, err = run(monkeypatch, capsys, "extract", str(EXAMPLE))
    assert (code, out, err) == (130, "", "Interrupted.\n")
