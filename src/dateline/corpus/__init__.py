"""Corpus-level work over a store: the corpus pass, timelines and dyads.

Extraction is a pure function of one article (its text and date, the pipeline's fingerprint and
the actor tables), so an article's stored rows never depend on what was ingested before it.
Everything across articles is derived afterwards by the **corpus pass**, :func:`refresh`:

1. near-duplicate articles (:mod:`~dateline.corpus.dedup`);
2. the actor registry and name links (:mod:`~dateline.corpus.registry`);
3. merged events: reports of one event across articles (:mod:`~dateline.corpus.merge`,
   re-merged around what changed by :mod:`~dateline.corpus.remerge`).

Each is a function of the set of stored articles, so the pass gives the same tables whatever
the ingest order, batches, workers, engine or interruptions. The pass is incremental: every
batch of articles written queues their ids (``corpus_queue``, in the batch's transaction) and
the pass looks only at those and at what they touch, in one transaction of its own. ``dateline
ingest`` runs it at the end of every run (and every few minutes during a long one),
``dateline merge`` on demand; ``dateline merge --rebuild`` recomputes everything.
The per-article rows stay as they are, so every merged event and aggregate can be traced to its
reports and their evidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

#: The derived tables the corpus pass owns (a rebuild empties them).
DERIVED_TABLES = (
    "article_duplicates",
    "actors",
    "corpus_reports",
    "merged_event_reports",
    "merged_events",
)


@dataclass(frozen=True)
class CorpusReport:
    duplicates: int  # near-duplicate articles in the store
    merged_events: int  # merged events in the store
    seconds: float
    articles: int = 0  # articles this pass looked at (written since the last pass)
    reports: int = 0  # event reports that were added, removed or changed


def pending(conn: DuckDBPyConnection) -> int:
    """Articles written since the last corpus pass."""
    row = conn.execute("SELECT count(DISTINCT article_id) FROM corpus_queue").fetchone()
    return int(row[0]) if row else 0


def refresh(conn: DuckDBPyConnection, *, rebuild: bool = False) -> CorpusReport:
    """Run the corpus pass over the articles queued since the last one, in one transaction.

    ``rebuild`` empties the derived tables and queues every article first: the same result,
    computed from scratch.
    """
    import time

    from dateline.corpus.dedup import count_duplicates, update_duplicates
    from dateline.corpus.registry import linked_ids, update_registry
    from dateline.corpus.remerge import update_merged_events
    from dateline.storage.store import transaction

    started = time.perf_counter()
    with transaction(conn):
        if rebuild:
            for table in DERIVED_TABLES:
                conn.execute(f"DELETE FROM {table}")
            conn.execute("DELETE FROM corpus_queue")
            conn.execute("INSERT INTO corpus_queue SELECT article_id, [] FROM articles")
        queued, replaced_actors = _queued(conn)
        _ensure_signatures(conn, queued)
        changed = set(queued) | update_duplicates(conn, queued)
        touched = replaced_actors | _actor_ids(conn, queued)
        relinked = update_registry(conn, touched)
        changed |= _articles_naming(conn, relinked)
        links = linked_ids(conn, _actor_ids(conn, changed, table="event_actors"))
        reports = update_merged_events(conn, sorted(changed), links)
        conn.execute("DELETE FROM corpus_queue")
        duplicates = count_duplicates(conn)
        row = conn.execute("SELECT count(*) FROM merged_events").fetchone()
    merged = int(row[0]) if row else 0
    return CorpusReport(duplicates, merged, time.perf_counter() - started, len(queued), reports)


def _queued(conn: DuckDBPyConnection) -> tuple[list[str], set[str]]:
    """The queued article ids, and the actor ids their replaced rows named."""
    rows = conn.execute("SELECT article_id, actor_ids FROM corpus_queue").fetchall()
    articles = sorted({row[0] for row in rows})
    actors = {actor for row in rows for actor in row[1] or ()}
    return articles, actors


def _actor_ids(
    conn: DuckDBPyConnection, article_ids: set[str] | list[str], *, table: str = "article_actors"
) -> set[str]:
    if not article_ids:
        return set()
    rows = conn.execute(
        f"SELECT DISTINCT actor_id FROM {table} WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
        [sorted(article_ids)],
    ).fetchall()
    return {row[0] for row in rows}


def _articles_naming(conn: DuckDBPyConnection, actor_ids: set[str]) -> set[str]:
    """Articles with an event that names one of ``actor_ids``."""
    if not actor_ids:
        return set()
    rows = conn.execute(
        "SELECT DISTINCT article_id FROM event_actors WHERE actor_id IN (SELECT unnest(?::VARCHAR[]))",
        [sorted(actor_ids)],
    ).fetchall()
    return {row[0] for row in rows}


def _ensure_signatures(conn: DuckDBPyConnection, article_ids: list[str]) -> None:
    """Hash the queued articles that have no signature of their current text.

    Ingest writes an article's signature with its rows; this covers a store migrated from
    schema 2 (whose signatures the migration dropped, to add their LSH bands).
    """
    if not article_ids:
        return
    rows = conn.execute(
        "SELECT a.article_id, a.date, a.title, a.text FROM articles a "
        "WHERE a.article_id IN (SELECT unnest(?::VARCHAR[])) AND NOT EXISTS "
        "(SELECT 1 FROM article_minhashes m WHERE m.article_id = a.article_id "
        "AND m.content_hash = a.content_hash)",
        [article_ids],
    ).fetchall()
    if not rows:
        return
    from dateline.corpus.dedup import signature_rows
    from dateline.model import Article
    from dateline.storage.write import insert_rows

    ids = [row[0] for row in rows]
    for table in ("article_bands", "article_minhashes"):
        conn.execute(
            f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [ids]
        )
    tables: dict[str, list[dict[str, object]]] = {"article_minhashes": [], "article_bands": []}
    for article_id, date, title, text in rows:
        article = Article(id=article_id, date=date, title=title, text=text)
        for table, table_rows in signature_rows(article).items():
            tables[table].extend(table_rows)
    for table, table_rows in tables.items():
        insert_rows(conn, table, table_rows)
