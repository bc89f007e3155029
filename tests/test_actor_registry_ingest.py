"""What one ingest teaches about an actor is known to the next (issue 3, actor registry)."""

from __future__ import annotations

import datetime as dt

import duckdb

from dateline.model import Article
from dateline.storage.ingest import ingest

DAY = dt.date(2024, 5, 6)
TEACHES = (
    "Malawi leader meets donors\n"
    "Malawian President Lazarus Chakwera said on Monday that the government would ask donors "
    "for emergency aid after floods destroyed thousands of homes in the south of the country."
)
LATER = (
    "Aid talks continue\n"
    "Chakwera told reporters on Tuesday that the talks with the donors had been productive and "
    "that the first shipments of food were expected within a week."
)


def _article(article_id: str, text: str) -> Article:
    return Article(id=article_id, date=DAY, title=text.split("\n")[0], text=text)


def _actors_of(db, article_id: str) -> dict[str, tuple]:
    with duckdb.connect(str(db), read_only=True) as conn:
        rows = conn.execute(
            "SELECT actor_id, country, sector FROM article_actors WHERE article_id = ?",
            [article_id],
        ).fetchall()
    return {actor_id: (country, sector) for actor_id, country, sector in rows}


def test_a_later_ingest_knows_what_an_earlier_one_taught(tmp_path) -> None:
    db = tmp_path / "store.duckdb"
    ingest([_article("later-alone", LATER)], db=tmp_path / "alone.duckdb", progress=False)
    assert "lazarus-chakwera" not in _actors_of(tmp_path / "alone.duckdb", "later-alone")

    ingest([_article("teaches", TEACHES)], db=db, progress=False)
    assert _actors_of(db, "teaches")["lazarus-chakwera"] == ("MWI", "GOV")
    ingest([_article("later", LATER)], db=db, progress=False)
    assert _actors_of(db, "later")["lazarus-chakwera"] == ("MWI", "GOV")
    with duckdb.connect(str(db), read_only=True) as conn:
        speaker = conn.execute(
            "SELECT speaker_actor FROM quotes WHERE article_id = 'later'"
        ).fetchall()
    assert ("lazarus-chakwera",) in speaker


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
