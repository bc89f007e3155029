"""Timelines (actor, place, phrase, AND/OR), top actors and dyad scores over a hand-built store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus_helpers import Report, extraction, store
from dateline.corpus.dyads import dyads
from dateline.corpus.timeline import parse_query, timeline
from dateline.errors import ConfigError
from dateline.storage.store import connect


@pytest.fixture
def db(tmp_path: Path) -> Path:
    call = Report("CONSULT", "vladimir-putin", "emmanuel-macron", day="2022-03-03", score=1.0)
    return store(
        tmp_path / "s.duckdb",
        [
            extraction("a1", "2022-03-03", [call], source="kremlin.ru"),
            extraction(
                "a2",
                "2022-03-04",
                [call, Report("ACCUSE", "emmanuel-macron", "vladimir-putin", score=-2.0, quad=3)],
                source="elysee.fr",
                quote=("emmanuel-macron", "The grain must leave Odesa"),
            ),
            extraction(
                "a3",
                "2022-03-10",
                [
                    Report(
                        "ASSAULT", "russian-forces", "ukraine", place="Kharkiv", score=-10.0, quad=4
                    )
                ],
                source="president.gov.ua",
            ),
        ],
    )


def test_parse_query_ands_bind_tighter_than_ors() -> None:
    assert parse_query("Kursk") == [["Kursk"]]
    assert parse_query("Trump AND Putin") == [["Trump", "Putin"]]
    assert parse_query('Vladimir Putin OR "grain deal" AND Odesa') == [
        ["Vladimir Putin"],
        ["grain deal", "Odesa"],
    ]
    with pytest.raises(ConfigError, match="needs a term after AND"):
        parse_query("Putin AND")


def test_timeline_of_an_actor_lists_merged_events_and_quotes_with_evidence(db: Path) -> None:
    with connect(db, read_only=True) as conn:
        entries = timeline(conn, "Macron")
    assert [(e["kind"], e["date"], e.get("type")) for e in entries] == [
        ("event", "2022-03-03", "CONSULT"),
        ("event", "2022-03-04", "ACCUSE"),
        ("quote", "2022-03-04", None),
    ]
    call = entries[0]
    assert (call["n_reports"], call["n_sources"]) == (2, 2)
    assert [e["article_id"] for e in call["evidence"]] == ["a1", "a2"]
    assert call["evidence"][0]["evidence"]["text"] == "Vladimir Putin consulted Emmanuel Macron."
    assert entries[2]["text"] == "The grain must leave Odesa"
    assert entries[2]["speaker"] == {"actor": "emmanuel-macron", "name": "Emmanuel Macron"}


def test_timeline_of_a_place_a_phrase_and_boolean_queries(db: Path) -> None:
    with connect(db, read_only=True) as conn:
        assert [e["type"] for e in timeline(conn, "Kharkiv")] == ["ASSAULT"]
        assert [e["kind"] for e in timeline(conn, "leave Odesa")] == ["quote"]
        both = timeline(conn, "Putin AND Macron", quotes=False)
        assert [e["type"] for e in both] == ["CONSULT", "ACCUSE"]
        either = timeline(conn, "Kharkiv OR accuse", quotes=False)
        assert [e["type"] for e in either] == ["ACCUSE", "ASSAULT"]
        assert timeline(conn, "Kharkiv AND Macron") == []
        import datetime as dt

        assert [e["type"] for e in timeline(conn, "Putin", since=dt.date(2022, 3, 4))] == ["ACCUSE"]


def test_dyads_sum_the_scores_of_merged_events_per_day(db: Path) -> None:
    with connect(db, read_only=True) as conn:
        rows = dyads(conn)
        folded = dyads(conn, undirected=True, actor_ids=["vladimir-putin"])
    assert [
        (str(r["day"]), r["actor"], r["recipient"], r["n_events"], r["n_reports"], r["score"])
        for r in rows
    ] == [
        # one call reported twice counts once (score 1.0), with its two reports
        ("2022-03-03", "vladimir-putin", "emmanuel-macron", 1, 2, 1.0),
        ("2022-03-04", "emmanuel-macron", "vladimir-putin", 1, 1, -2.0),
        ("2022-03-10", "russian-forces", "ukraine", 1, 1, -10.0),
    ]
    assert [(r["actor"], r["recipient"], r["conflict"]) for r in folded] == [
        ("emmanuel-macron", "vladimir-putin", 0.0),
        ("emmanuel-macron", "vladimir-putin", -2.0),
    ]


def test_cli_timeline_dyads_and_top_actors(db: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from dateline.cli import app

    def run(*args: str) -> str:
        with pytest.raises(SystemExit) as exit:
            app([*args, "--db", str(db)])
        assert exit.value.code == 0
        return capsys.readouterr().out

    entries = [
        json.loads(line) for line in run("timeline", "Kharkiv", "--format", "jsonl").splitlines()
    ]
    assert [e["type"] for e in entries] == ["ASSAULT"]
    assert "Russian forces" in run("timeline", "Kharkiv")
    rows = json.loads(run("dyads", "--actor", "Macron", "--format", "json"))
    assert [r["day"] for r in rows] == ["2022-03-03", "2022-03-04"]
    top = json.loads(run("actors", "--top", "2", "--format", "json"))
    assert [(a["id"], a["n_articles"]) for a in top] == [
        ("emmanuel-macron", 2),
        ("vladimir-putin", 2),
    ]
