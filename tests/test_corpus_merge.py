"""Merging reports of one event across articles, and near-duplicate articles not double-counted."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_helpers import LONG_BODY, Report, extraction, store
from dateline.corpus.dedup import THRESHOLD, find_duplicates, shingles, signature
from dateline.storage.store import connect


def merged(db: Path) -> list[tuple]:
    with connect(db, read_only=True) as conn:
        return conn.execute(
            "SELECT type, actors, recipients, n_reports, n_articles, n_sources FROM merged_events "
            "ORDER BY type, n_reports DESC, merged_id"
        ).fetchall()


CALL = Report("CONSULT", "vladimir-putin", "emmanuel-macron", day="2022-03-03")


def test_two_outlets_reporting_one_call_make_one_event(tmp_path: Path) -> None:
    db = store(
        tmp_path / "s.duckdb",
        [
            extraction("a1", "2022-03-03", [CALL], source="kremlin.ru"),
            extraction("a2", "2022-03-04", [CALL], source="elysee.fr"),
            extraction("a3", "2022-03-04", [CALL], source="kremlin.ru"),
        ],
    )
    assert merged(db) == [
        ("CONSULT", ["vladimir-putin"], ["emmanuel-macron"], 3, 3, 2),
    ]
    with connect(db, read_only=True) as conn:
        links = conn.execute(
            "SELECT article_id, event_id, duplicate FROM merged_event_reports ORDER BY 1"
        ).fetchall()
        first = conn.execute(
            "SELECT first_report, last_report, evidence_text FROM merged_events"
        ).fetchone()
    assert links == [("a1", "e1", False), ("a2", "e1", False), ("a3", "e1", False)]
    assert str(first[0]) == "2022-03-03" and str(first[1]) == "2022-03-04"
    assert first[2] == "Vladimir Putin consulted Emmanuel Macron."


@pytest.mark.parametrize(
    ("other", "why"),
    [
        (Report("ACCUSE", "vladimir-putin", "emmanuel-macron", day="2022-03-03"), "type"),
        (Report("CONSULT", "volodymyr-zelensky", "emmanuel-macron", day="2022-03-03"), "actor"),
        (Report("CONSULT", "vladimir-putin", "volodymyr-zelensky", day="2022-03-03"), "recipient"),
        (Report("CONSULT", "vladimir-putin", None, day="2022-03-03"), "no recipient"),
        (Report("CONSULT", "vladimir-putin", "emmanuel-macron", day="2022-03-05"), "date"),
    ],
)
def test_reports_that_differ_stay_apart(tmp_path: Path, other: Report, why: str) -> None:
    db = store(
        tmp_path / "s.duckdb",
        [extraction("a1", "2022-03-03", [CALL]), extraction("a2", "2022-03-05", [other])],
    )
    assert [row[3] for row in merged(db)] == [1, 1], why


def test_places_within_50_km_merge_and_farther_ones_do_not(tmp_path: Path) -> None:
    shelling = dict(
        type="ASSAULT", actor="russian-forces", recipient="ukraine", day="2022-03-01", quad=4
    )
    db = store(
        tmp_path / "s.duckdb",
        [
            extraction("a1", "2022-03-01", [Report(**shelling, place="Kyiv")]),  # type: ignore[arg-type]
            extraction("a2", "2022-03-01", [Report(**shelling, place="Brovary")]),  # type: ignore[arg-type]
            extraction("a3", "2022-03-02", [Report(**shelling, place="Kharkiv")]),  # type: ignore[arg-type]
            extraction("a4", "2022-03-02", [Report(**shelling)]),  # type: ignore[arg-type]
        ],
    )
    # Kyiv + Brovary (20 km) + the report without a place; Kharkiv (410 km) alone.
    assert sorted(row[3] for row in merged(db)) == [1, 3]


def test_same_country_and_sector_match_when_ids_differ(tmp_path: Path) -> None:
    a = Report("ASSAULT", "russian-forces", "ukraine", day="2022-03-01", quad=4)
    b = Report("ASSAULT", "russian-army", "ukraine", day="2022-03-01", quad=4)
    db = store(
        tmp_path / "s.duckdb",
        [extraction("a1", "2022-03-01", [a]), extraction("a2", "2022-03-01", [b])],
    )
    assert merged(db) == [("ASSAULT", ["russian-army", "russian-forces"], ["ukraine"], 2, 2, 1)]


def test_only_events_that_happened_merge(tmp_path: Path) -> None:
    happened = Report("CONSULT", "vladimir-putin", "emmanuel-macron", day="2022-03-03")
    denied = Report(
        "CONSULT", "vladimir-putin", "emmanuel-macron", day="2022-03-03", factuality="negated"
    )
    planned = Report(
        "CONSULT", "vladimir-putin", "emmanuel-macron", day="2022-03-03", factuality="future"
    )
    db = store(
        tmp_path / "s.duckdb",
        [
            extraction("a1", "2022-03-03", [happened]),
            extraction("a2", "2022-03-03", [denied]),
            extraction("a3", "2022-03-03", [planned]),
        ],
    )
    assert [row[3] for row in merged(db)] == [1]


def test_a_vague_date_range_does_not_merge(tmp_path: Path) -> None:
    vague = Report(
        "CONSULT", "vladimir-putin", "emmanuel-macron", day="2022-03-01", until="2022-03-31"
    )
    db = store(
        tmp_path / "s.duckdb",
        [extraction("a1", "2022-03-03", [CALL]), extraction("a2", "2022-04-01", [vague])],
    )
    assert [row[3] for row in merged(db)] == [1, 1]


# --- near-duplicates --------------------------------------------------------------------------


def test_shingles_are_lower_cased_word_five_grams() -> None:
    assert shingles("The Kremlin said that talks had ended") == {
        b"the kremlin said that talks",
        b"kremlin said that talks had",
        b"said that talks had ended",
    }
    assert shingles("Too short") == {b"too short"}


def test_a_lightly_edited_copy_is_a_duplicate_and_another_text_is_not() -> None:
    original = f"Putin and Macron spoke by telephone\n{LONG_BODY}\n{LONG_BODY.upper()}"
    edited = original.replace("over the coming days", "over the next days")  # Jaccard 0.92
    other = "Zelensky signed a decree on martial law\nThe Verkhovna Rada approved the decree " + (
        "of the President of Ukraine on the imposition of martial law in all regions for thirty days."
    )
    found = find_duplicates(
        [
            ("b", "2022-03-04", signature(edited)),
            ("a", "2022-03-03", signature(original)),
            ("c", "2022-03-03", signature(other)),
        ]
    )
    assert [(d.article_id, d.duplicate_of) for d in found] == [("b", "a")]
    assert found[0].similarity >= THRESHOLD


def test_near_duplicate_articles_are_linked_and_not_counted(tmp_path: Path) -> None:
    original = extraction("a1", "2022-03-03", [CALL], source="kremlin.ru", body=LONG_BODY)
    copy = extraction("a2", "2022-03-04", [CALL], source="copycat.example", body=LONG_BODY)
    other = extraction("a3", "2022-03-03", [CALL], source="elysee.fr", body="Short readout.")
    db = store(tmp_path / "s.duckdb", [original, copy, other])
    with connect(db, read_only=True) as conn:
        assert conn.execute(
            "SELECT article_id, duplicate_of, similarity >= 0.8 FROM article_duplicates"
        ).fetchall() == [("a2", "a1", True)]
        assert conn.execute(
            "SELECT article_id, duplicate FROM merged_event_reports ORDER BY 1"
        ).fetchall() == [("a1", False), ("a2", True), ("a3", False)]
    # Three reports in three articles, but the copy is not a report nor a source of its own.
    assert merged(db) == [("CONSULT", ["vladimir-putin"], ["emmanuel-macron"], 2, 2, 2)]


def test_signatures_are_written_with_the_article_and_the_pass_reads_only_new_ones(
    tmp_path: Path,
) -> None:
    from dateline.corpus import pending, refresh

    db = store(tmp_path / "s.duckdb", [extraction("a1", "2022-03-03", [CALL])])
    with connect(db, read_only=True) as conn:
        assert pending(conn) == 0
        assert conn.execute("SELECT count(*) FROM article_bands").fetchone() == (9,)
    store(db, [extraction("a2", "2022-03-04", [CALL])], refresh=False)
    with connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM article_minhashes").fetchone() == (2,)
        assert pending(conn) == 1
        report = refresh(conn)
        assert pending(conn) == 0
    assert (report.articles, report.merged_events) == (1, 1)
    assert merged(db)[0][3] == 2  # a2's report joined a1's


def test_ingest_refreshes_corpus_tables_left_stale(tmp_path: Path) -> None:
    """A store filled without the refresh (or migrated from schema 1) is merged by the next ingest."""
    from dateline.ingest import ingest
    from storage_helpers import HandPipeline

    db = store(
        tmp_path / "s.duckdb",
        [extraction("a1", "2022-03-03", [CALL]), extraction("a2", "2022-03-04", [CALL])],
        refresh=False,
    )
    assert merged(db) == []
    report = ingest([], db=db, pipeline=HandPipeline(), progress=False)
    assert report.corpus is not None and report.corpus.merged_events == 1
    assert merged(db)[0][3] == 2
