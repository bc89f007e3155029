"""What ``dateline status`` says about a store: stale articles, pending corpus work, a writer.

An article is *stale* when the pipeline version that extracted it is not the current one: the
code, data or libraries of some stage changed since (:mod:`dateline.fingerprint`), or the model,
or the user actor tables. ``dateline ingest --stale`` extracts those again from the text the
store holds.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection


def _by_name(stages: list[str]) -> dict[str, str]:
    return {stage.split("@", 1)[0]: stage for stage in stages}


def store_status(
    conn: DuckDBPyConnection, db: Path, version: str, stage_versions: list[str]
) -> dict[str, Any]:
    """The status of the store ``conn`` against the pipeline ``version``."""
    from dateline.corpus import pending
    from dateline.storage.lock import writer
    from dateline.storage.schema import current_version

    current = _by_name(stage_versions)
    row = conn.execute("SELECT count(*) FROM articles").fetchone()
    articles = int(row[0]) if row else 0
    stale_rows = conn.execute(
        "SELECT stages, count(*) FROM articles WHERE pipeline_version <> ? GROUP BY stages",
        [version],
    ).fetchall()
    changed: Counter[str] = Counter()
    stale = 0
    for stages, count in stale_rows:
        stale += count
        stored = _by_name(list(stages or []))
        names = {n for n in current.keys() | stored.keys() if current.get(n) != stored.get(n)}
        for name in names or {"model or actor tables"}:
            changed[name] += count
    return {
        "store": str(db),
        "schema_version": current_version(conn),
        "articles": articles,
        "stale": stale,
        "stale_by_stage": dict(sorted(changed.items())),
        "corpus_pending": pending(conn),
        "writer": writer(db),
        "pipeline_version": version,
    }


def status_lines(status: dict[str, Any]) -> list[str]:
    """The status as a few lines of plain text, with the command that fixes what needs it."""
    db = status["store"]
    lines = [f"Store {db} (schema {status['schema_version']}): {status['articles']:,} articles."]
    if status["stale"]:
        stages = ", ".join(f"{n} {c:,}" for n, c in status["stale_by_stage"].items())
        lines.append(
            f"Stale: {status['stale']:,} articles were extracted by another pipeline version "
            f"(changed: {stages}). Re-extract them with: dateline ingest --stale --db {db}"
        )
    else:
        lines.append("Stale: none; every article was extracted by the current pipeline.")
    if status["corpus_pending"]:
        lines.append(
            f"Corpus pass: {status['corpus_pending']:,} articles wait for it (the registry, "
            f"near-duplicates and merged events do not count them yet): dateline merge --db {db}"
        )
    else:
        lines.append("Corpus pass: up to date.")
    if status["writer"]:
        lines.append(f"Writing now: {status['writer']}.")
    return lines
