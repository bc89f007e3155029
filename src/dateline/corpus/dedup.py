"""Near-duplicate articles: MinHash signatures of word shingles, candidates from LSH.

Wire copies, re-posted press releases and lightly edited versions of one story would otherwise
count one report several times (GDELT's "366 rows for one kidnapping"). Two articles are
near-duplicates when the estimated Jaccard similarity of their sets of word 5-shingles is at
least :data:`THRESHOLD` (0.8). Word shingles and MinHash follow Broder (1997), "On the
resemblance and containment of documents", and Manning, Raghavan & Schütze, *Introduction to
Information Retrieval*, section 19.6. The threshold 0.8 is our choice, to tune: a copy with a new
headline or one edited paragraph stays above it, two releases that share boilerplate (greetings,
protocol lines) but report different meetings stay below it. MinHash with 128
permutations estimates a Jaccard of 0.8 within about ±0.035 (one standard deviation,
sqrt(J(1-J)/128)); LSH (datasketch's ``MinHashLSH``, bands chosen for the threshold) finds the
candidates without comparing every pair.

The later article (by date, then id) is the duplicate; it points at the earliest article of its
group. Signatures are stored (``article_minhashes``) so each ingest hashes only new articles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

#: Estimated Jaccard similarity of word 5-shingles at or above which two articles are duplicates.
THRESHOLD = 0.8
#: Words per shingle: short enough that a one-word edit changes few shingles of a short text.
SHINGLE = 5
#: MinHash permutations: standard error sqrt(J(1-J)/128) ≈ 0.035 at J = 0.8.
NUM_PERM = 128
#: A fixed seed: signatures stored by one run must be comparable with the next run's.
SEED = 1
#: datasketch 2's 32-bit affine permutations (named, since stored values carry no trace of it).
SCHEME = "affine32"
METHOD = f"minhash-lsh@1;k={SHINGLE};perm={NUM_PERM};t={THRESHOLD};{SCHEME}"

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Duplicate:
    article_id: str
    duplicate_of: str
    similarity: float


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """The set of lower-cased word ``size``-grams (the whole text when it is shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words).encode()}
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def signature(text: str) -> list[int]:
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    minhash.update_batch(list(shingles(text)))
    return [int(v) for v in minhash.hashvalues]


def _minhash(values: list[int]) -> Any:
    import numpy as np
    from datasketch import MinHash

    return MinHash(
        num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashvalues=np.array(values, dtype=np.uint64)
    )


def find_duplicates(
    articles: Iterable[tuple[str, Any, list[int]]], threshold: float = THRESHOLD
) -> list[Duplicate]:
    """Near-duplicates among ``(article_id, sort_key, signature)``; each points at its group's first.

    Articles are taken in ``sort_key`` order (date, then id); one that matches an earlier one
    joins that one's group, so a chain of copies all point at the original.
    """
    from datasketch import MinHashLSH

    ordered = sorted(articles, key=lambda item: (item[1], item[0]))
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    original: dict[str, str] = {}
    hashes: dict[str, Any] = {}
    found = []
    for article_id, _key, values in ordered:
        minhash = _minhash(values)
        best: tuple[float, str] | None = None
        for other in lsh.query(minhash):
            similarity = minhash.jaccard(hashes[other])
            # LSH returns candidates; keep those whose estimate clears the threshold.
            if similarity >= threshold and (best is None or similarity > best[0]):
                best = (similarity, other)
        if best is not None:
            root = original[best[1]]
            found.append(Duplicate(article_id, root, round(best[0], 4)))
            original[article_id] = root
        else:
            original[article_id] = article_id
            hashes[article_id] = minhash
            lsh.insert(article_id, minhash)  # only originals: a group is one LSH entry
    return found


def update_signatures(conn: DuckDBPyConnection) -> int:
    """Hash the articles without a current signature; drop those of deleted articles."""
    conn.execute(
        "DELETE FROM article_minhashes m WHERE NOT EXISTS (SELECT 1 FROM articles a "
        "WHERE a.article_id = m.article_id AND a.content_hash = m.content_hash)"
    )
    todo = conn.execute(
        "SELECT article_id, content_hash, text FROM articles a WHERE NOT EXISTS "
        "(SELECT 1 FROM article_minhashes m WHERE m.article_id = a.article_id)"
    ).fetchall()
    if todo:
        import pyarrow as pa

        table = pa.table(
            {
                "article_id": [row[0] for row in todo],
                "content_hash": [row[1] for row in todo],
                "signature": pa.array([signature(row[2]) for row in todo], pa.list_(pa.uint64())),
            }
        )
        conn.register("_dateline_minhashes", table)
        try:
            conn.execute("INSERT INTO article_minhashes BY NAME SELECT * FROM _dateline_minhashes")
        finally:
            conn.unregister("_dateline_minhashes")
    return len(todo)


def refresh_duplicates(conn: DuckDBPyConnection) -> list[Duplicate]:
    """Recompute ``article_duplicates`` for the whole store (call inside a transaction)."""
    update_signatures(conn)
    rows = conn.execute(
        "SELECT m.article_id, a.date, m.signature FROM article_minhashes m "
        "JOIN articles a USING (article_id)"
    ).fetchall()
    found = find_duplicates(rows)
    conn.execute("DELETE FROM article_duplicates")
    if found:
        conn.executemany(
            "INSERT INTO article_duplicates VALUES (?, ?, ?, ?)",
            [(d.article_id, d.duplicate_of, d.similarity, METHOD) for d in found],
        )
    return found
