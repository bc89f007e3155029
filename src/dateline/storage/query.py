"""Reading the store: events, quotes, actors and articles with filters, as contract records.

Each ``query_*`` function returns flat rows (the table's columns plus a few joined ones, as
dicts); :data:`dateline.storage.records.TO_JSON` turns a row back into a contract record.

Filters and what they mean per table:

* ``actor``: an actor id (exact, any case) or part of a name or a spelling variant of one, and
  the actors linked to it by name (:mod:`dateline.storage.spellings`); events where it is an
  actor or a recipient, quotes it speaks, articles that mention it.
* ``type``: a PLOVER event type (events only).
* ``country``: ISO 3166-1 alpha-3 (or a PLOVER code such as IGO); events placed in it or with
  an actor or recipient from it; quotes by a speaker from it; articles with an actor or place in it.
* ``since``/``until``: days, inclusive. Quotes and articles: the article's date is in them.
  Actors: seen in them (first_seen..last_seen overlaps). Events: their date is a day range
  [earliest, latest] (the article's date when the event has none; open on one side for "on or
  before 2022-03-04", PAST_REF), and ``dates`` says how it must meet [since, until]:

  - ``within`` (the default): the whole range lies inside. An event dated only to 2022 is not
    "from March 2022" (it may be from May); "on or before 2022-03-04" is within ``--until
    2022-03-31`` but within no ``--since``.
  - ``overlap``: the range shares a day with it: every event that may have happened then,
    the whole-year ones included.
* ``kinds``: quote kinds (quotes only); speech by default (direct, partial, indirect,
  according_to), ``belief`` for what a speaker believes, wants or sees, ``all`` for both.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dateline.errors import ConfigError
from dateline.model import SPEECH_KINDS

if TYPE_CHECKING:
    from collections.abc import Mapping

    from duckdb import DuckDBPyConnection

Row = dict[str, Any]

#: Which filters each table accepts (others are refused with the list of these).
VALID_FILTERS: dict[str, tuple[str, ...]] = {
    "events": ("actor", "type", "country", "since", "until", "dates"),
    "quotes": ("actor", "country", "since", "until", "kind"),
    "actors": ("actor", "country", "since", "until"),
    "articles": ("actor", "country", "since", "until"),
}


@dataclass(frozen=True)
class Filters:
    actor: str | None = None
    type: str | None = None
    country: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    limit: int | None = None
    #: how an event's date range meets [since, until]: "within" or "overlap" (module docstring)
    dates: str | None = None
    #: quote kinds asked for with --kind (None: the default, speech)
    kinds: tuple[str, ...] | None = None

    def given(self) -> list[str]:
        names = ("actor", "type", "country", "since", "until", "dates")
        given = [name for name in names if getattr(self, name) is not None]
        return given + (["kind"] if self.kinds is not None else [])


#: the kinds of quote records: words a speaker said or wrote (SPEECH_KINDS), and what a speaker
#: believes, wants, sees or supports (dateline.quotes.records.kind_of)
QUOTE_KINDS: tuple[str, ...] = (*SPEECH_KINDS, "belief")


def quote_kinds(values: list[str] | None) -> tuple[str, ...] | None:
    """The --kind values as quote kinds: "all" is every kind, "speech" the speech kinds."""
    if not values:
        return None
    kinds: list[str] = []
    for value in values:
        for name in value.lower().replace(",", " ").split():
            if name == "all":
                chosen: tuple[str, ...] = QUOTE_KINDS
            elif name == "speech":
                chosen = SPEECH_KINDS
            elif name in QUOTE_KINDS:
                chosen = (name,)
            else:
                raise ConfigError(
                    f"Unknown quote kind {name!r}. Kinds: {', '.join(QUOTE_KINDS)}, speech "
                    "(the default: all but belief) or all."
                )
            kinds.extend(k for k in chosen if k not in kinds)
    return tuple(kinds)


DATE_MATCHES = ("within", "overlap")


def parse_day(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ConfigError(
            f"{option} {value!r} is not a date. Use YYYY-MM-DD, e.g. 2025-03-14."
        ) from None


def make_filters(
    table: str,
    *,
    actor: str | None = None,
    type: str | None = None,
    country: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
    dates: str | None = None,
    kind: list[str] | None = None,
) -> Filters:
    """Check the CLI's filter options for ``table`` and normalise them."""
    filters = Filters(
        actor=actor,
        type=type.upper() if type else None,
        country=country.upper() if country else None,
        since=parse_day(since, "--since"),
        until=parse_day(until, "--until"),
        limit=limit,
        dates=dates.lower() if dates else None,
        kinds=quote_kinds(kind),
    )
    valid = VALID_FILTERS[table]
    wrong = [name for name in filters.given() if name not in valid]
    if wrong:
        options = ", ".join(f"--{name}" for name in valid)
        raise ConfigError(
            f"--{wrong[0]} does not apply to {table}. Filters for {table}: {options}, --limit."
        )
    if filters.type is not None:
        from dateline.events.vocabulary import plover_types

        if filters.type not in plover_types():
            raise ConfigError(
                f"Unknown event type {type!r}. PLOVER types: {', '.join(plover_types())}."
            )
    if filters.country is not None and (len(filters.country) != 3 or not filters.country.isalpha()):
        raise ConfigError(
            f"--country {country!r} is not a three-letter code. Use ISO 3166-1 alpha-3 "
            "(RUS, UKR, USA) or a PLOVER code (IGO, NGO)."
        )
    if filters.dates is not None and filters.dates not in DATE_MATCHES:
        raise ConfigError(f"--dates {dates!r} is not one of: {', '.join(DATE_MATCHES)}.")
    if filters.limit is not None and filters.limit < 0:
        raise ConfigError(f"--limit must be 0 or more, not {filters.limit}.")
    if filters.since and filters.until and filters.since > filters.until:
        raise ConfigError(f"--since {filters.since} is after --until {filters.until}. Swap them.")
    return filters


def matching_actors(conn: DuckDBPyConnection, actor: str) -> list[str]:
    """Actor ids that ``actor`` designates: an id (any case), or part of a spelling, or a
    spelling variant ("Zelenskyy" finds "Volodymyr Zelensky", "Erdogan" finds "Erdoğan"), and
    the actors linked to those. The one definition the server's filters use too:
    :func:`dateline.storage.spellings.actor_ids`."""
    from dateline.storage.spellings import actor_ids

    return actor_ids(conn, actor)


def fetch_rows(conn: DuckDBPyConnection, sql: str, params: list[Any]) -> list[Row]:
    """The rows of a query as dicts keyed by column name."""
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description or []]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _rows(conn: DuckDBPyConnection, sql: str, params: list[Any], limit: int | None) -> list[Row]:
    if limit is not None:
        sql += " LIMIT ?"
        params = [*params, limit]
    return fetch_rows(conn, sql, params)


def _actor_ids(conn: DuckDBPyConnection, filters: Filters) -> list[str] | None:
    return None if filters.actor is None else matching_actors(conn, filters.actor)


def query_events(conn: DuckDBPyConnection, filters: Filters) -> list[Row]:
    where: list[str] = ["TRUE"]
    params: list[Any] = []
    ids = _actor_ids(conn, filters)
    if ids is not None:
        where.append(
            "EXISTS (SELECT 1 FROM event_actors x WHERE x.article_id = e.article_id "
            "AND x.event_id = e.event_id AND x.actor_id IN (SELECT unnest(?::VARCHAR[])))"
        )
        params.append(ids)
    if filters.type:
        where.append("e.type = ?")
        params.append(filters.type)
    if filters.country:
        where.append(
            "(e.place_country = ? OR EXISTS (SELECT 1 FROM event_actors x JOIN article_actors y "
            "ON y.article_id = x.article_id AND y.actor_id = x.actor_id WHERE x.article_id = "
            "e.article_id AND x.event_id = e.event_id AND y.country = ?))"
        )
        params += [filters.country, filters.country]
    _event_dates(where, params, filters)
    sql = f"""
        SELECT e.*, a.date AS article_date, a.title AS article_title,
            coalesce((SELECT list(x.actor_id ORDER BY x.seq) FROM event_actors x
                WHERE x.article_id = e.article_id AND x.event_id = e.event_id
                AND x.role = 'actor'), []) AS actors,
            coalesce((SELECT list(x.actor_id ORDER BY x.seq) FROM event_actors x
                WHERE x.article_id = e.article_id AND x.event_id = e.event_id
                AND x.role = 'recipient'), []) AS recipients
        FROM events e JOIN articles a USING (article_id)
        WHERE {" AND ".join(where)}
        ORDER BY coalesce(e.date_earliest, a.date), a.date, e.article_id, e.evidence_start, e.event_id
    """
    return _rows(conn, sql, params, filters.limit)


# An event's day range; NULL on an open side. An event with no date is dated by its article.
_UNDATED = "(e.date_earliest IS NULL AND e.date_latest IS NULL)"
_EARLIEST = f"CASE WHEN {_UNDATED} THEN a.date ELSE e.date_earliest END"
_LATEST = f"CASE WHEN {_UNDATED} THEN a.date ELSE e.date_latest END"


def _event_dates(where: list[str], params: list[Any], filters: Filters) -> None:
    """``within``: the range lies inside [since, until]; ``overlap``: it shares a day with it."""
    within = (filters.dates or "within") == "within"
    if filters.since:
        # within: it starts on or after since (an open start does not); overlap: it ends then
        where.append(
            f"coalesce({_EARLIEST} >= ?, FALSE)" if within else f"coalesce({_LATEST} >= ?, TRUE)"
        )
        params.append(filters.since)
    if filters.until:
        where.append(
            f"coalesce({_LATEST} <= ?, FALSE)" if within else f"coalesce({_EARLIEST} <= ?, TRUE)"
        )
        params.append(filters.until)


def query_quotes(conn: DuckDBPyConnection, filters: Filters) -> list[Row]:
    where: list[str] = ["q.kind IN (SELECT unnest(?::VARCHAR[]))"]
    params: list[Any] = [list(filters.kinds or SPEECH_KINDS)]
    ids = _actor_ids(conn, filters)
    if ids is not None:
        where.append("q.speaker_actor IN (SELECT unnest(?::VARCHAR[]))")
        params.append(ids)
    if filters.country:
        where.append(
            "EXISTS (SELECT 1 FROM article_actors y WHERE y.article_id = q.article_id "
            "AND y.actor_id = q.speaker_actor AND y.country = ?)"
        )
        params.append(filters.country)
    _article_dates(where, params, filters)
    sql = f"""
        SELECT q.*, a.date AS article_date, a.title AS article_title
        FROM quotes q JOIN articles a USING (article_id)
        WHERE {" AND ".join(where)}
        ORDER BY a.date, q.article_id, q.start_char, q.quote_id
    """
    return _rows(conn, sql, params, filters.limit)


def _article_dates(where: list[str], params: list[Any], filters: Filters) -> None:
    if filters.since:
        where.append("a.date >= ?")
        params.append(filters.since)
    if filters.until:
        where.append("a.date <= ?")
        params.append(filters.until)


def query_actors(conn: DuckDBPyConnection, filters: Filters) -> list[Row]:
    where: list[str] = ["TRUE"]
    params: list[Any] = []
    ids = _actor_ids(conn, filters)
    if ids is not None:
        where.append("r.actor_id IN (SELECT unnest(?::VARCHAR[]))")
        params.append(ids)
    if filters.country:
        where.append("r.country = ?")
        params.append(filters.country)
    if filters.since:
        where.append("r.last_seen >= ?")
        params.append(filters.since)
    if filters.until:
        where.append("r.first_seen <= ?")
        params.append(filters.until)
    sql = f"""
        SELECT r.* FROM actors r WHERE {" AND ".join(where)}
        ORDER BY r.n_articles DESC, r.n_mentions DESC, r.actor_id
    """
    return _rows(conn, sql, params, filters.limit)


def top_actors(conn: DuckDBPyConnection, filters: Filters, *, generic: bool = False) -> list[Row]:
    """The actors mentioned in most articles (then most mentions), counted afresh.

    Unlike the registry's counts, articles that are near-duplicates of another
    (``article_duplicates``) are not counted, and ``since``/``until`` restrict the articles
    counted (by article date). Registry name, kind, country and sector are kept.

    Unless ``generic``, an article's mentions of a bare common noun with no country ("people",
    "troops", "the government" read from the text, source "text") do not count: on the
    1,796 press releases "people" alone was the 5th "actor", above the EU and the United States,
    and such a noun names a different group in every article.
    """
    where: list[str] = ["d.article_id IS NULL"]
    if not generic:
        where.append("NOT (aa.source = 'text' AND aa.country IS NULL)")
    params: list[Any] = []
    _article_dates(where, params, filters)
    if filters.country:
        where.append("r.country = ?")
        params.append(filters.country)
    sql = f"""
        SELECT r.actor_id, r.name, r.kind, r.country, r.sector, min(a.date) AS first_seen,
            max(a.date) AS last_seen, count(DISTINCT aa.article_id) AS n_articles,
            sum(aa.n_mentions) AS n_mentions
        FROM article_actors aa JOIN articles a USING (article_id)
        JOIN actors r USING (actor_id)
        LEFT JOIN article_duplicates d ON d.article_id = aa.article_id
        WHERE {" AND ".join(where)}
        GROUP BY r.actor_id, r.name, r.kind, r.country, r.sector
        ORDER BY n_articles DESC, n_mentions DESC, r.actor_id
    """
    return _rows(conn, sql, params, filters.limit)


def query_articles(conn: DuckDBPyConnection, filters: Filters) -> list[Row]:
    where: list[str] = ["TRUE"]
    params: list[Any] = []
    ids = _actor_ids(conn, filters)
    if ids is not None:
        where.append(
            "EXISTS (SELECT 1 FROM article_actors y WHERE y.article_id = a.article_id "
            "AND y.actor_id IN (SELECT unnest(?::VARCHAR[])))"
        )
        params.append(ids)
    if filters.country:
        where.append(
            "(EXISTS (SELECT 1 FROM article_actors y WHERE y.article_id = a.article_id AND "
            "y.country = ?) OR EXISTS (SELECT 1 FROM places p WHERE p.article_id = a.article_id "
            "AND p.country = ?))"
        )
        params += [filters.country, filters.country]
    _article_dates(where, params, filters)
    counts = ", ".join(
        f"(SELECT count(*) FROM {table} t WHERE t.article_id = a.article_id) AS n_{table}"
        for table in ("article_actors", "quotes", "events", "claims")
    )
    sql = f"""
        SELECT a.article_id, a.date, a.title, a.subtitle, a.source, a.url, a.text,
            a.content_hash, a.pipeline_version, a.ingested_at, {counts}
        FROM articles a WHERE {" AND ".join(where)}
        ORDER BY a.date, a.article_id
    """
    return _rows(conn, sql, params, filters.limit)


QUERIES = {
    "events": query_events,
    "quotes": query_quotes,
    "actors": query_actors,
    "articles": query_articles,
}


def actor_names(conn: DuckDBPyConnection) -> dict[str, str]:
    """actor id -> registry name, for display (read once per store generation)."""
    return dict(_actor_names(conn))  # a copy: the caller's to change


def shared_actor_names(conn: DuckDBPyConnection) -> Mapping[str, str]:
    """:func:`actor_names` as one read-only mapping shared by every caller of the store's
    generation (no copy)."""
    from types import MappingProxyType

    return MappingProxyType(_actor_names(conn))


def _actor_names(conn: DuckDBPyConnection) -> dict[str, str]:
    """The generation's one dict of :func:`actor_names` (a dict, which ``dict()`` copies
    fast, unlike a mapping proxy: not to be changed)."""
    from dateline.storage.generation import per_generation

    def read() -> dict[str, str]:
        return dict(conn.execute("SELECT actor_id, name FROM actors").fetchall())

    return per_generation(conn, "actor_names", read)


def stats(conn: DuckDBPyConnection) -> dict[str, Any]:
    """Row counts per table, the articles' date range, pipeline versions, runs."""
    from dateline.storage.rows import ARTICLE_TABLES
    from dateline.storage.schema import current_version

    tables = [*reversed(ARTICLE_TABLES), "actors", "runs", "failures"]
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}  # type: ignore[index]
    first, last = conn.execute("SELECT min(date), max(date) FROM articles").fetchone()  # type: ignore[misc]
    versions = conn.execute(
        "SELECT pipeline_version, count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC, 1"
    ).fetchall()
    last_run = _rows(
        conn,
        "SELECT run_id, status, started_at, finished_at, articles_read, articles_new, "
        "articles_replaced, articles_skipped, articles_failed FROM runs ORDER BY run_id DESC",
        [],
        1,
    )
    if last_run:
        for key in ("started_at", "finished_at"):
            value = last_run[0][key]
            last_run[0][key] = value.isoformat(sep=" ", timespec="seconds") if value else None
    return {
        "schema_version": current_version(conn),
        "rows": counts,
        "articles": {
            "first": first.isoformat() if first else None,
            "last": last.isoformat() if last else None,
        },
        "pipeline_versions": [{"version": v, "articles": n} for v, n in versions],
        "last_run": last_run[0] if last_run else None,
    }
