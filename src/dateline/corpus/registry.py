"""The actor registry across articles, and name links between actors of different articles.

Each article resolves its actors on its own (extraction is a pure function of the article, the
pipeline and the actor tables), so the same person may be "lazarus-chakwera" in one article and
"chakwera" in another that names him by surname only. The corpus pass then derives:

* the registry (``actors``): one row per actor id, with the most frequent name, kind, country
  and sector the articles gave it (ties to the alphabetically first value, so the row never
  depends on the order rows were read in), the first and last article date and the counts;
* name links (``actors.linked_to``, ``actors.link_rule``): a person named by a single word links
  to the one person of the registry whose name has several words and ends in that word, when
  exactly one does (rule :data:`SURNAME_RULE`). Two "Chakwera"s with different first names link
  nothing. Merged events, timelines and dyads count a linked actor as the one it links to.

Both are functions of the stored articles, recomputed only for the actor ids that the articles
written since the last pass mention (now or before they were replaced), and for the link keys
(surnames) those ids carry.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

SURNAME_RULE = "surname@1"

#: The link key of a registry row: the lower-cased last word of a person's name.
_KEY_SQL = "lower(regexp_extract(trim(name), '(\\S+)$', 1))"
_WORDS_SQL = "len(string_split(trim(name), ' '))"


def _mode(values: Counter[Any]) -> Any:
    """The most frequent non-null value; ties go to the smallest, so any read order agrees."""
    counted = [(n, v) for v, n in values.items() if v is not None]
    if not counted:
        return None
    best = max(n for n, _ in counted)
    return min(v for n, v in counted if n == best)


def _registry_rows(conn: DuckDBPyConnection, ids: list[str]) -> list[tuple[Any, ...]]:
    """Fresh registry rows for ``ids`` from every article that names them."""
    names: dict[str, list[Counter[Any]]] = defaultdict(lambda: [Counter() for _ in range(4)])
    for actor_id, name, kind, country, sector, n in conn.execute(
        "SELECT actor_id, name, kind, country, sector, count(*) FROM article_actors "
        "WHERE actor_id IN (SELECT unnest(?::VARCHAR[])) GROUP BY ALL",
        [ids],
    ).fetchall():
        for counter, value in zip(names[actor_id], (name, kind, country, sector), strict=True):
            counter[value] += n
    rows = []
    for actor_id, first, last, n_articles, n_mentions in conn.execute(
        "SELECT aa.actor_id, min(a.date), max(a.date), count(DISTINCT aa.article_id), "
        "sum(aa.n_mentions) FROM article_actors aa JOIN articles a USING (article_id) "
        "WHERE aa.actor_id IN (SELECT unnest(?::VARCHAR[])) GROUP BY aa.actor_id",
        [ids],
    ).fetchall():
        name, kind, country, sector = (_mode(c) for c in names[actor_id])
        rows.append((actor_id, name, kind, country, sector, first, last, n_articles, n_mentions))
    return rows


_REGISTRY_COLUMNS = (
    "actor_id",
    "name",
    "kind",
    "country",
    "sector",
    "first_seen",
    "last_seen",
    "n_articles",
    "n_mentions",
)


def _insert(conn: DuckDBPyConnection, rows: list[tuple[Any, ...]]) -> None:
    """Insert registry rows through Arrow (``executemany`` goes row by row)."""
    if not rows:
        return
    import pyarrow as pa

    columns = {name: [row[i] for row in rows] for i, name in enumerate(_REGISTRY_COLUMNS)}
    columns["n_articles"] = [int(n) for n in columns["n_articles"]]
    columns["n_mentions"] = [int(n or 0) for n in columns["n_mentions"]]
    conn.register("_dateline_actors", pa.table(columns))
    try:
        conn.execute("INSERT INTO actors BY NAME SELECT * FROM _dateline_actors")
    finally:
        conn.unregister("_dateline_actors")


def _link_keys(conn: DuckDBPyConnection, ids: list[str]) -> set[str]:
    rows = conn.execute(
        f"SELECT DISTINCT {_KEY_SQL} FROM actors WHERE kind = 'person' AND name IS NOT NULL "
        "AND actor_id IN (SELECT unnest(?::VARCHAR[]))",
        [ids],
    ).fetchall()
    return {row[0] for row in rows if row[0]}


def update_registry(conn: DuckDBPyConnection, touched: Iterable[str]) -> set[str]:
    """Recompute the registry rows of ``touched`` actor ids and the links their names affect.

    Call inside a transaction. Returns the actor ids whose link changed (merged events that
    name them must be looked at again).
    """
    ids = sorted(set(touched))
    if not ids:
        return set()
    keys = _link_keys(conn, ids)  # before: a name that goes away may free or take a link
    old_links = dict(
        conn.execute(
            "SELECT actor_id, linked_to FROM actors WHERE actor_id IN (SELECT unnest(?::VARCHAR[]))",
            [ids],
        ).fetchall()
    )
    rows = _registry_rows(conn, ids)
    conn.execute("DELETE FROM actors WHERE actor_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
    _insert(conn, rows)
    keys |= _link_keys(conn, ids)
    before = {**_current_links(conn, keys), **old_links}  # touched rows were just re-inserted
    after = _relink(conn, keys)
    return {aid for aid in before.keys() | after.keys() if before.get(aid) != after.get(aid)}


def _key_rows(conn: DuckDBPyConnection, keys: set[str]) -> list[tuple[Any, ...]]:
    return conn.execute(
        f"SELECT actor_id, {_KEY_SQL} AS key, {_WORDS_SQL} AS words, linked_to FROM actors "
        f"WHERE kind = 'person' AND name IS NOT NULL AND {_KEY_SQL} IN "
        "(SELECT unnest(?::VARCHAR[]))",
        [sorted(keys)],
    ).fetchall()


def _current_links(conn: DuckDBPyConnection, keys: set[str]) -> dict[str, str | None]:
    return {row[0]: row[3] for row in _key_rows(conn, keys)} if keys else {}


def _relink(conn: DuckDBPyConnection, keys: set[str]) -> dict[str, str | None]:
    """Set ``linked_to`` for every person whose link key is one of ``keys``; return the links."""
    if not keys:
        return {}
    rows = _key_rows(conn, keys)
    full: dict[str, set[str]] = defaultdict(set)
    for actor_id, key, words, _ in rows:
        if words >= 2:
            full[key].add(actor_id)
    links: dict[str, str | None] = {}
    updates = []
    for actor_id, key, words, linked in rows:
        target = next(iter(full[key])) if words == 1 and len(full[key]) == 1 else None
        links[actor_id] = target
        if target != linked:
            updates.append((target, SURNAME_RULE if target else None, actor_id))
    if updates:
        conn.executemany(
            "UPDATE actors SET linked_to = ?, link_rule = ? WHERE actor_id = ?", updates
        )
    return links


def linked_ids(conn: DuckDBPyConnection, ids: Iterable[str]) -> dict[str, str]:
    """actor id -> the id it links to, for those of ``ids`` that are linked."""
    ids = sorted(set(ids))
    if not ids:
        return {}
    return dict(
        conn.execute(
            "SELECT actor_id, linked_to FROM actors WHERE linked_to IS NOT NULL "
            "AND actor_id IN (SELECT unnest(?::VARCHAR[]))",
            [ids],
        ).fetchall()
    )
