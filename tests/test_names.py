"""Spelling variants of one name are one actor in an article and match every CLI actor filter."""

from __future__ import annotations

import pytest

from conftest import make_document
from dateline.names import is_variant, same_person


@pytest.mark.parametrize(
    ("query", "name", "expected"),
    [
        ("Zelenskyy", "Volodymyr Zelensky", True),
        ("Erdogan", "Recep Tayyip Erdoğan", True),
        ("Oleg Ustenko", "Oleh Ustenko", True),
        ("Putin", "Vladimir Putin", True),
        ("Li", "Lu Xi", False),  # short words only match exactly
        ("Biden", "Vladimir Putin", False),
    ],
)
def test_is_variant(query: str, name: str, expected: bool) -> None:
    assert is_variant(query, name) is expected


def test_same_person_needs_every_word() -> None:
    assert same_person("Oleg Ustenko", "Oleh Ustenko")
    assert not same_person("Joe Biden", "Jill Biden")
    assert not same_person("Ustenko", "Oleh Ustenko")  # a surname is not a full name


def test_transliterations_are_one_actor_in_an_article() -> None:
    text = (
        "Adviser Oleg Ustenko met the ministers on Monday.\n"
        "Oleh Ustenko said the talks were useful."
    )
    doc = make_document(text, stages=("segment", "actors"))
    people = [a for a in doc.extraction.actors if "stenko" in a.name]
    assert len(people) == 1 and len(people[0].mentions) == 2


def test_the_actor_filter_finds_every_spelling(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from dateline.ingest import ingest
    from dateline.model import Article
    from dateline.pipeline import Pipeline
    from dateline.storage.query import matching_actors
    from dateline.storage.store import open_store

    text = (
        "Zelenskyy met Erdoğan in Kyiv\n"
        "President of Ukraine Volodymyr Zelenskyy met President of Turkey Recep Tayyip Erdoğan "
        "in Kyiv on Friday. The leaders discussed the grain corridor."
    )
    day = dt.date(2022, 3, 4)
    db = tmp_path / "s.duckdb"
    ingest([Article(Article.make_id(day, text), day, text.split("\n")[0], text)], db=db,
           pipeline=Pipeline(), progress=False)  # fmt: skip
    conn = open_store(db, read_only=True)
    try:
        for query in ("Zelensky", "Zelenskyy", "zelenskiy", "Erdogan", "ERDOĞAN"):
            found = matching_actors(conn, query)
            assert found, query
        assert "volodymyr-zelensky" in matching_actors(conn, "Zelenskyy")
        assert not matching_actors(conn, "Lukashenko")
    finally:
        conn.close()
