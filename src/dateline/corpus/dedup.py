"""Near-duplicate articles: MinHash signatures of word shingles, candidates from LSH bands.

Wire copies, re-posted press releases and lightly edited versions of one story would otherwise
count one report several times (GDELT's "366 rows for one kidnapping"). Two articles are
near-duplicates when the estimated Jaccard similarity of their sets of word 5-shingles is at
least :data:`THRESHOLD` (0.8). Word shingles and MinHash follow Broder (1997), "On the
resemblance and containment of documents", and Manning, Raghavan & Schütze, *Introduction to
Information Retrieval*, section 19.6. The threshold 0.8 is our choice, to tune: a copy with a new
headline or one edited paragraph stays above it, two releases that share boilerplate (greetings,
protocol lines) but report different meetings stay below it. MinHash with 128
permutations estimates a Jaccard of 0.8 within about ±0.035 (one standard deviation,
sqrt(J(1-J)/128)). Each shingle is hashed to 64 bits (BLAKE2b), and each of the 128 hash
functions is a multiply-shift hash of that value, the top 32 bits of (a·x + b) mod 2^64 with a
odd (Dietzfelbinger et al. 1997, "A reliable randomized algorithm for the closest-pair
problem"), vectorised with numpy: about 1 ms for a 700-word article. Candidates come from LSH (Leskovec, Rajaraman & Ullman, *Mining of Massive
Datasets*, 3.4): the signature is cut into :data:`BANDS` bands of :data:`ROWS` values, and two
articles are compared only when some band is equal in both. 9 bands of 13 are the parameters
datasketch's ``MinHashLSH`` chooses for t = 0.8 and 128 permutations (equal weight on false
positives and negatives).

Rules, a function of the set of articles (so of neither ingest order nor batches):

* articles are taken by date, then id; one whose best match (highest similarity at or above the
  threshold, ties to the earliest) among the earlier *originals* it shares a band with is found,
  is a duplicate of that original; otherwise it is an original itself. Duplicates point at their
  group's original, so a chain of copies all point at the first.
* The signature and bands are per-article rows, computed with the extraction
  (:func:`signature_rows`); the corpus pass (:func:`update_duplicates`) recomputes only the
  connected components, in the graph of "shares a band and is similar", of the articles that
  changed and of those that were duplicates of them: an article's decision reads only its
  neighbours, so nothing outside those components can change.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

    from dateline.model import Article

#: Estimated Jaccard similarity of word 5-shingles at or above which two articles are duplicates.
THRESHOLD = 0.8
#: Words per shingle: short enough that a one-word edit changes few shingles of a short text.
SHINGLE = 5
#: MinHash permutations: standard error sqrt(J(1-J)/128) ≈ 0.035 at J = 0.8.
NUM_PERM = 128
#: A fixed seed for the hash functions: signatures stored by one run are compared with the next's.
SEED = 1
#: LSH bands and values per band (module docstring); 9 x 13 = 117 of the 128 values.
BANDS, ROWS = 9, 13
METHOD = f"minhash-lsh@2;k={SHINGLE};perm={NUM_PERM};t={THRESHOLD};b={BANDS}x{ROWS};ms64/{SEED}"

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


@cache
def _hash_functions() -> tuple[Any, Any]:
    """The multipliers (odd) and increments of the NUM_PERM multiply-shift hash functions."""
    import numpy as np

    generator = np.random.RandomState(SEED)
    high = np.iinfo(np.uint64).max
    a = generator.randint(0, high, NUM_PERM, dtype=np.uint64) | np.uint64(1)
    b = generator.randint(0, high, NUM_PERM, dtype=np.uint64)
    return a, b


def signature(text: str) -> list[int]:
    """The MinHash signature of ``text``'s shingles: NUM_PERM values below 2^32."""
    import numpy as np

    # each shingle's 8-byte digest read as a little-endian 64-bit number, all at once
    digests = b"".join(hashlib.blake2b(s, digest_size=8).digest() for s in shingles(text))
    values = np.frombuffer(digests, dtype="<u8").astype(np.uint64)
    a, b = _hash_functions()
    with np.errstate(over="ignore"):  # arithmetic mod 2^64 is the point
        # in place: one shingles x NUM_PERM array instead of three (a third less time)
        hashed = np.multiply.outer(values, a)
        hashed += b
        hashed >>= np.uint64(32)
    return hashed.min(axis=0).tolist()


def buckets(values: Sequence[int]) -> list[int]:
    """One bucket per band: a 64-bit hash of the band's values (equal bands, equal buckets)."""
    found = []
    for band in range(BANDS):
        chunk = values[band * ROWS : (band + 1) * ROWS]
        data = b"".join(int(v).to_bytes(8, "little") for v in chunk)
        found.append(int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little"))
    return found


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """The MinHash estimate of the Jaccard similarity: the share of equal values."""
    return sum(1 for x, y in zip(a, b, strict=True) if x == y) / NUM_PERM


def signature_rows(article: Article, values: Sequence[int] | None = None) -> dict[str, list[Any]]:
    """The rows of ``article_minhashes`` and ``article_bands`` for one article."""
    values = list(values) if values is not None else signature(article.text)
    return {
        "article_minhashes": [
            {"article_id": article.id, "content_hash": article.content_hash, "signature": values}
        ],
        "article_bands": [
            {"article_id": article.id, "band": band, "bucket": bucket}
            for band, bucket in enumerate(buckets(values))
        ],
    }


def find_duplicates(
    articles: Iterable[tuple[str, Any, Sequence[int]]], threshold: float = THRESHOLD
) -> list[Duplicate]:
    """Near-duplicates among ``(article_id, sort_key, signature)``; each points at its group's first.

    Articles are taken in ``(sort_key, article_id)`` order; one that matches an earlier original
    joins that one's group, so a chain of copies all point at the original.
    """
    ordered = sorted(articles, key=lambda item: (item[1], item[0]))
    rank = {article_id: number for number, (article_id, _, _) in enumerate(ordered)}
    originals: dict[tuple[int, int], list[str]] = {}  # (band, bucket) -> originals in it
    signatures: dict[str, Sequence[int]] = {}
    found = []
    for article_id, _key, values in ordered:
        keys = list(enumerate(buckets(values)))
        candidates = {other for key in keys for other in originals.get(key, ())}
        best: tuple[float, int, str] | None = None
        for other in candidates:
            score = similarity(values, signatures[other])
            # LSH gives candidates; keep those whose estimate clears the threshold. Ties go to
            # the earliest original, so the answer never depends on a set's iteration order.
            if score >= threshold and (best is None or (-score, rank[other]) < (-best[0], best[1])):
                best = (score, rank[other], other)
        if best is not None:
            found.append(Duplicate(article_id, best[2], round(best[0], 4)))
        else:
            signatures[article_id] = values
            for key in keys:  # only originals: a group is one entry
                originals.setdefault(key, []).append(article_id)
    return found


def _neighbours(
    conn: DuckDBPyConnection, frontier: dict[str, Sequence[int]], threshold: float
) -> dict[str, list[int]]:
    """Stored articles that share a band with one in ``frontier`` and are similar to it."""
    import pyarrow as pa

    ids, bands, keys = [], [], []
    for article_id, values in frontier.items():
        for band, bucket in enumerate(buckets(values)):
            ids.append(article_id)
            bands.append(band)
            keys.append(bucket)
    probe = pa.table(
        {
            "probe_id": ids,
            "band": pa.array(bands, pa.int16()),
            "bucket": pa.array(keys, pa.uint64()),
        }
    )
    conn.register("_dateline_probe", probe)
    try:
        rows = conn.execute(
            "SELECT DISTINCT p.probe_id, m.article_id, m.signature FROM _dateline_probe p "
            "JOIN article_bands b ON b.band = p.band AND b.bucket = p.bucket "
            "JOIN article_minhashes m ON m.article_id = b.article_id "
            "WHERE b.article_id <> p.probe_id"
        ).fetchall()
    finally:
        conn.unregister("_dateline_probe")
    found: dict[str, list[int]] = {}
    for probe_id, article_id, values in rows:
        if similarity(frontier[probe_id], values) >= threshold:
            found[article_id] = values
    return found


def component(
    conn: DuckDBPyConnection, seeds: Iterable[str], threshold: float = THRESHOLD
) -> set[str]:
    """The stored articles connected to ``seeds`` by "shares a band and is similar" edges."""
    seeds = sorted(set(seeds))
    if not seeds:
        return set()
    rows = conn.execute(
        "SELECT article_id, signature FROM article_minhashes "
        "WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
        [seeds],
    ).fetchall()
    frontier: dict[str, Sequence[int]] = dict(rows)
    seen = set(frontier)
    while frontier:
        found = _neighbours(conn, frontier, threshold)
        frontier = {aid: values for aid, values in found.items() if aid not in seen}
        seen.update(frontier)
    return seen


def update_duplicates(conn: DuckDBPyConnection, changed: Iterable[str]) -> set[str]:
    """Bring ``article_duplicates`` up to date after ``changed`` articles were written or removed.

    Call inside a transaction. Returns the articles whose duplicate status changed (they were,
    or now are, a near-duplicate), which the merge must look at again.
    """
    changed = sorted(set(changed))
    if not changed:
        return set()
    # Those that were duplicates of a changed article decided on it; they decide again.
    before = conn.execute(
        "SELECT article_id FROM article_duplicates "
        "WHERE duplicate_of IN (SELECT unnest(?::VARCHAR[]))",
        [changed],
    ).fetchall()
    members = sorted(component(conn, [*changed, *(row[0] for row in before)]) | set(changed))
    rows = conn.execute(
        "SELECT m.article_id, a.date, m.signature FROM article_minhashes m "
        "JOIN articles a USING (article_id) WHERE m.article_id IN (SELECT unnest(?::VARCHAR[]))",
        [members],
    ).fetchall()
    found = {d.article_id: d for d in find_duplicates(rows)}
    old = {
        article_id: (duplicate_of, similarity)
        for article_id, duplicate_of, similarity in conn.execute(
            "SELECT article_id, duplicate_of, similarity FROM article_duplicates "
            "WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
            [members],
        ).fetchall()
    }
    conn.execute(
        "DELETE FROM article_duplicates WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
        [members],
    )
    if found:
        conn.executemany(
            "INSERT INTO article_duplicates VALUES (?, ?, ?, ?)",
            [(d.article_id, d.duplicate_of, d.similarity, METHOD) for d in found.values()],
        )
    return {aid for aid in members if (aid in old) != (aid in found)}


def count_duplicates(conn: DuckDBPyConnection) -> int:
    row = conn.execute("SELECT count(*) FROM article_duplicates").fetchone()
    return int(row[0]) if row else 0
