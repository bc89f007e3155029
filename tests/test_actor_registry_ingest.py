"""What one article teaches about a name is linked across the corpus, not baked into the next
article's extraction (issues 3 and 12: the actor registry and name links of the corpus pass)."""

from __future__ import annotations

import datetime as dt

import duckdb

from dateline.ingest import ingest
from dateline.model import Article

DAY = dt.date(2024, 5, 6)
TEACHES = (
    "Malawi leader meets donors\n"
    "Malawian President Lazarus Chakwera said on Monday that the government would ask donors "
    "for emergency aid after floods destroyed thousands of homes in the south of the country."
)
LATER = (
    "Aid talks continue\n"
    "The talks with the donors had been productive, Chakwera told reporters on Tuesday, and the "
    "first shipments of food were expected within a week."
)
NAMESAKE = (
    "School opens in Zomba\n"
    "The head teacher, Agnes Chakwera, said on Wednesday that the new school would take its "
    "first two hundred pupils in September."
)


def _article(article_id: str, text: str) -> Article:
    return Article(id=article_id, date=DAY, title=text.split("\n")[0], text=text)


def _query(db, sql: str, *params) -> list[tuple]:  # type: ignore[no-untyped-def]
    with duckdb.connect(str(db), read_only=True) as conn:
        return conn.execute(sql, list(params)).fetchall()


def _article_rows(db, article_id: str) -> list[tuple]:  # type: ignore[no-untyped-def]
    return _query(
        db,
        "SELECT actor_id, name, kind, country, sector, n_mentions FROM article_actors "
        "WHERE article_id = ? ORDER BY ALL",
        article_id,
    )


def test_an_article_is_extracted_alike_whatever_came_before_and_names_link_after(
    tmp_path,
) -> None:
    forwards, backwards = tmp_path / "forwards.duckdb", tmp_path / "backwards.duckdb"
    for article_id, text in (("teaches", TEACHES), ("later", LATER)):
        ingest([_article(article_id, text)], db=forwards, progress=False)
    for article_id, text in (("later", LATER), ("teaches", TEACHES)):
        ingest([_article(article_id, text)], db=backwards, progress=False)

    # The later article's own rows are what the article says: "Chakwera", no country.
    assert _article_rows(forwards, "later") == _article_rows(backwards, "later")
    assert ("chakwera", "Chakwera", "person", None, None, 1) in _article_rows(forwards, "later")
    # The corpus pass links the surname to the one full name that ends in it, either way round.
    link = "SELECT actor_id, linked_to, link_rule FROM actors WHERE linked_to IS NOT NULL"
    assert (
        _query(forwards, link)
        == _query(backwards, link)
        == [("chakwera", "lazarus-chakwera", "surname@1")]
    )
    # A query for the full name finds what the surname said.
    from dateline.storage.query import make_filters, query_actors, query_quotes
    from dateline.storage.records import actor_record
    from dateline.storage.store import connect

    with connect(forwards, read_only=True) as conn:
        quotes = query_quotes(conn, make_filters("quotes", actor="Lazarus Chakwera"))
        actors = query_actors(conn, make_filters("actors", actor="chakwera"))
    assert {q["article_id"] for q in quotes} == {"teaches", "later"}
    assert {"id": "chakwera", "linked_to": "lazarus-chakwera"}.items() <= {
        **actor_record(next(a for a in actors if a["actor_id"] == "chakwera"))
    }.items()

    # A second Chakwera makes the surname ambiguous: the link goes.
    ingest([_article("namesake", NAMESAKE)], db=forwards, progress=False)
    assert ("agnes-chakwera",) in _query(forwards, "SELECT actor_id FROM actors")
    assert _query(forwards, link) == []


def test_top_actors_leave_out_bare_common_nouns_unless_asked(tmp_path) -> None:
    from dateline.storage.query import make_filters, top_actors
    from dateline.storage.store import connect

    db = tmp_path / "top.duckdb"
    residents = (
        "Residents flee the floods\n"
        "Residents fled the town on Monday as the river rose, and people waited for help at "
        "the school. Lazarus Chakwera said the army would bring food."
    )
    ingest([_article("teaches", TEACHES), _article("floods", residents)], db=db, progress=False)
    with connect(db, read_only=True) as conn:
        stored = {
            row[0]: row[1:]
            for row in conn.execute(
                "SELECT actor_id, source, country FROM article_actors"
            ).fetchall()
        }
        default = [r["actor_id"] for r in top_actors(conn, make_filters("actors", limit=20))]
        everything = [
            r["actor_id"] for r in top_actors(conn, make_filters("actors", limit=20), generic=True)
        ]
    generic = {a for a, (source, country) in stored.items() if source == "text" and not country}
    assert generic, stored  # the floods article has bare nouns: residents, people, the army
    assert "lazarus-chakwera" in default and not generic & set(default)
    assert generic <= set(everything)
