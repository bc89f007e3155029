"""Exports: the contract rebuilt from the store, PLOVER records, GDELT rows, CSV and Parquet."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from corpus_helpers import Report, extraction, store
from dateline.contract import to_dict
from dateline.errors import ConfigError
from dateline.exports import export
from dateline.exports.gdelt import COLUMNS
from dateline.storage.store import connect
from storage_helpers import hand_extraction

CALL = Report("CONSULT", "vladimir-putin", "emmanuel-macron", day="2022-03-03", place="Kyiv")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return store(
        tmp_path / "s.duckdb",
        [
            hand_extraction(),
            extraction("a1", "2022-03-03", [CALL], source="kremlin.ru"),
            extraction("a2", "2022-03-04", [CALL], source="elysee.fr", title="Readout of the call"),
        ],
    )


def _sorted(document: dict) -> dict:
    """Lists in a canonical order: the store does not keep the order of records."""
    for key in ("actors", "times", "places", "quotes", "events", "claims"):
        document[key] = sorted(document[key], key=lambda r: json.dumps(r, sort_keys=True))
    for actor in document["actors"]:
        actor["mentions"].sort(key=lambda m: (m["start"], m["end"]))
    return document


def test_jsonl_rebuilds_the_contract_documents(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "docs.jsonl"
    with connect(db, read_only=True) as conn:
        assert export(conn, "jsonl", out) == 3
    documents = {d["article"]["id"]: d for d in map(json.loads, out.read_text().splitlines())}
    original = hand_extraction()
    assert _sorted(documents[original.article.id]) == _sorted(to_dict(original))
    assert _sorted(documents["a1"]) == _sorted(
        to_dict(extraction("a1", "2022-03-03", [CALL], source="kremlin.ru"))
    )


def test_plover_records_are_merged_events_with_every_report(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "plover.jsonl"
    with connect(db, read_only=True) as conn:
        export(conn, "plover", out)
    records = [json.loads(line) for line in out.read_text().splitlines()]
    # the hand extraction's event is 'future': not an event that happened, so not merged
    [record] = records
    assert record["event_type"] == "CONSULT" and record["date"] == "2022-03-03"
    assert record["actor"] == ["Vladimir Putin"] and record["actor_country"] == ["RUS"]
    assert record["recipient"] == ["Emmanuel Macron"] and record["recipient_sector"] == ["GOV"]
    assert record["location"]["placename"] == "Kyiv" and record["location"]["lat"] == 50.45
    assert (record["n_reports"], record["n_sources"]) == (2, 2)
    assert [r["publisher"] for r in record["reports"]] == ["kremlin.ru", "elysee.fr"]
    assert (
        record["reports"][1]["evidence"]["text"]
        == "Vladimir Putin consulted Emmanuel Macron in Kyiv."
    )


def test_gdelt_rows_have_the_61_columns(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    with connect(db, read_only=True) as conn:
        export(conn, "gdelt", out)
    lines = out.read_text().splitlines()
    assert lines[0].split("\t") == list(COLUMNS) and len(COLUMNS) == 61
    [row] = list(csv.DictReader(lines, delimiter="\t"))
    assert all(len(line.split("\t")) == 61 for line in lines)
    assert row["SQLDATE"] == "20220303" and row["Year"] == "2022"
    assert (row["Actor1Code"], row["Actor1Name"], row["Actor1CountryCode"]) == (
        "RUSGOV",
        "VLADIMIR PUTIN",
        "RUS",
    )
    assert row["Actor2CountryCode"] == "FRA"
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("040", "040", "04")
    assert (row["QuadClass"], row["GoldsteinScale"]) == ("1", "1.0")
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == ("2", "2", "2")
    assert row["IsRootEvent"] == "1"  # the first line after the title
    assert (row["ActionGeo_Type"], row["ActionGeo_FullName"], row["ActionGeo_Lat"]) == (
        "4",
        "Kyiv, Ukraine",
        "50.45",
    )
    # GDELT's geography is FIPS 10-4: Ukraine is UP (ISO UA/UKR), a country-level ADM1Code
    assert (row["ActionGeo_CountryCode"], row["ActionGeo_ADM1Code"]) == ("UP", "UP")


def test_parquet_mirrors_every_table_and_duckdb_reads_it_back(db: Path, tmp_path: Path) -> None:
    import duckdb

    out = tmp_path / "parquet"
    with connect(db, read_only=True) as conn:
        tables = export(conn, "parquet", out)
        counts = {
            p.stem: conn.execute(f"SELECT count(*) FROM {p.stem}").fetchone()[0]  # type: ignore[index]
            for p in out.glob("*.parquet")
        }
        events = conn.execute("SELECT * FROM events ORDER BY ALL").fetchall()
    assert tables == len(counts) and {"articles", "events", "merged_events"} <= set(counts)
    reader = duckdb.connect()
    for table, count in counts.items():
        assert reader.execute(f"SELECT count(*) FROM '{out / table}.parquet'").fetchone() == (
            count,
        )
    assert reader.execute(f"SELECT * FROM '{out}/events.parquet' ORDER BY ALL").fetchall() == events


def test_csv_writes_one_file_per_table(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "csv"
    with connect(db, read_only=True) as conn:
        export(conn, "csv", out)
    with (out / "merged_events.csv").open(newline="") as handle:
        [row] = list(csv.DictReader(handle))
    assert (row["type"], row["n_reports"]) == ("CONSULT", "2")
    assert len((out / "articles.csv").read_text().splitlines()) > 3


def test_folder_formats_refuse_stdout(db: Path) -> None:
    with connect(db, read_only=True) as conn, pytest.raises(ConfigError, match="give a folder"):
        export(conn, "parquet", Path("-"))


def test_cli_export_and_merge(db: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from dateline.cli import app

    def run(*args: str) -> str:
        with pytest.raises(SystemExit) as exit:
            app([*args, "--db", str(db)])
        assert exit.value.code == 0
        return capsys.readouterr().out

    assert run("merge").startswith(f"Store {db}: 0 near-duplicate articles, 1 merged events (")
    lines = run("export", "-", "--format", "gdelt").splitlines()
    assert len(lines) == 2 and lines[1].split("\t")[1] == "20220303"
    run("export", str(tmp_path / "pq"), "--format", "parquet")
    assert (tmp_path / "pq" / "merged_event_reports.parquet").exists()
