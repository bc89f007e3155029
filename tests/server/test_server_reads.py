"""The server's faster reads give exactly what the plain SQL gives, on the demo store.

A filtered events page evaluates its filter once (into a temporary table, or on a read-only
store into rowids ordered and counted by a per-generation index); an actor page counts
from a per-generation index of actors' events; a quote page names speakers from the
per-generation actor details. Each is checked here against a straightforward SQL query over the
same store (the flat events table, the joins the pages used to run).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from dateline.storage.search import (
    KEYS_FIRST_OFFSET,
    EventSearch,
    QuoteSearch,
    event_facets_and_total,
    event_table,
    flat_events_arrow,
    like_pattern,
    search_events,
    search_quotes,
)
from dateline.storage.views import actor_profile

SEARCHES = (
    EventSearch(),
    EventSearch(actor="Putin"),
    EventSearch(actor="Zelensky", sort="source", descending=True, limit=7, offset=3),
    EventSearch(type="CONSULT", country="UKR"),
    EventSearch(source="Trump", target="Putin"),
    EventSearch(text="talks", sort="target"),
    EventSearch(since=dt.date(2022, 2, 24), until=dt.date(2022, 3, 31), quad=4),
    EventSearch(factuality="asserted", sort="confidence", descending=True, offset=20),
    EventSearch(place="Kyiv", limit=500),
    EventSearch(type="NO-SUCH-TYPE"),
    EventSearch(offset=KEYS_FIRST_OFFSET, limit=20),  # deep pages: keys first, then rows
    EventSearch(offset=KEYS_FIRST_OFFSET + 7, sort="target", descending=True),
)


def _read(db: Path) -> Any:
    from dateline.server.reading import reading

    return reading(db)


@pytest.mark.parametrize("search", SEARCHES, ids=lambda s: str(s.filters() or "all"))
def test_an_events_page_is_the_flat_table_of_its_filter(demo_db: Path, search: EventSearch) -> None:
    with _read(demo_db) as conn:
        flat = flat_events_arrow(conn, search).to_pylist()
        every = flat_events_arrow(conn, EventSearch(**search.filters(), limit=100_000))
        facets, total = event_facets_and_total(conn, search, top=12)
        page, page_facets = event_table(conn, search, top=12)
        api = search_events(conn, search)
        # the temporary table of the filter is gone with the page
        temp = conn.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'matched_events'"
        ).fetchone()
    assert page.rows == flat and api.rows == flat
    assert page.total == api.total == total == every.num_rows
    assert page_facets == facets
    assert temp == (0,)
    if search.offset:
        assert len(flat) == min(search.limit, max(total - search.offset, 0)) > 0
    if search.filters() and search.type != "NO-SUCH-TYPE":
        assert 0 < total < 100_000 and flat  # the filters do select something here


def test_an_actor_page_counts_what_the_sql_counts(demo_db: Path) -> None:
    from dateline.storage.query import fetch_rows
    from dateline.storage.search import actor_details
    from dateline.storage.views import actor_events

    with _read(demo_db) as conn:
        index, details = actor_events(conn), actor_details(conn)
        actors = [r[0] for r in conn.execute("SELECT actor_id FROM actors").fetchall()]
        assert len(actors) > 20
        for actor in actors:
            profile = actor_profile(conn, actor, top=3)
            assert profile is not None
            activity = fetch_rows(
                conn,
                """
                SELECT strftime(date_trunc('month', coalesce(e.date_earliest, a.date)),
                    '%Y-%m') AS month,
                    count(*) FILTER (WHERE x.role = 'actor') AS as_source,
                    count(*) FILTER (WHERE x.role = 'recipient') AS as_target
                FROM event_actors x JOIN events e USING (article_id, event_id)
                JOIN articles a USING (article_id)
                WHERE x.actor_id = ? GROUP BY 1 ORDER BY 1
                """,
                [actor],
            )
            assert profile.activity == activity, actor
            spellings = fetch_rows(
                conn,
                """
                SELECT text AS spelling, count(*) AS n FROM mentions
                WHERE actor_id = ? AND kind IN ('name', 'title', 'role', 'capital', 'demonym')
                GROUP BY 1 ORDER BY n DESC, spelling LIMIT 12
                """,
                [actor],
            )
            assert profile.spellings == spellings, actor
            roles = fetch_rows(
                conn,
                """
                SELECT y.kind, y.country, y.sector, min(a.date) AS first_seen,
                    max(a.date) AS last_seen, count(DISTINCT y.article_id) AS n_articles
                FROM article_actors y JOIN articles a USING (article_id)
                WHERE y.actor_id = ? GROUP BY ALL ORDER BY first_seen, n_articles DESC
                """,
                [actor],
            )
            # the same roles, in the SQL's order (rows tied on it may come in any order)
            key = lambda r: (r["first_seen"], -r["n_articles"])  # noqa: E731
            assert [key(r) for r in profile.roles] == [key(r) for r in roles], actor
            assert sorted(map(repr, profile.roles)) == sorted(map(repr, roles)), actor
            pairs = fetch_rows(
                conn,
                """
                SELECT x.role AS own, e.type, e.quad, o.actor_id AS counterpart,
                    count(*) AS n
                FROM event_actors x JOIN events e USING (article_id, event_id)
                JOIN event_actors o ON o.article_id = x.article_id
                    AND o.event_id = x.event_id AND o.role IN ('actor', 'recipient')
                    AND o.role <> x.role
                WHERE x.actor_id = ? AND x.role IN ('actor', 'recipient')
                    AND o.actor_id <> x.actor_id
                GROUP BY ALL
                """,
                [actor],
            )
            for own, shown in (("actor", profile.did), ("recipient", profile.received)):
                counts = {(p["type"], p["counterpart"]): p["n"] for p in pairs if p["own"] == own}
                for row in shown:
                    assert counts[(row["type"], row["counterpart"])] == row["n"]
                    beaten = [
                        key
                        for key, n in counts.items()
                        if key[0] == row["type"]
                        and (n > row["n"] or (n == row["n"] and key[1] < row["counterpart"]))
                    ]
                    assert len(beaten) == row["rank"] - 1 <= 2
                per_type = {kind for kind, _ in counts}
                assert {r["type"] for r in shown} == per_type
                assert len(shown) == sum(
                    min(3, sum(1 for kind, _ in counts if kind == t)) for t in per_type
                )
                order = [(r["quad"], r["type"], -r["n"], r["counterpart"]) for r in shown]
                assert order == sorted(order)
                # every counterpart of a type, page by page (what the page's "more" rows
                # load): the SQL's counts, most events first, ties by counterpart id
                totals = index.counterpart_totals(actor)
                assert {kind for side, kind in totals if side == own} == per_type
                for kind in per_type:
                    ranking = sorted(
                        ((other, n) for (t, other), n in counts.items() if t == kind),
                        key=lambda p: (-p[1], p[0]),
                    )
                    assert totals[(own, kind)] == len(ranking)
                    paged = [
                        row
                        for offset in range(0, len(ranking) + 2, 2)
                        for row in index.counterpart_page(
                            actor, own, kind, details, offset=offset, limit=2
                        )
                    ]
                    assert [(r["counterpart"], r["n"]) for r in paged] == ranking
                    assert [r["rank"] for r in paged] == list(range(1, len(ranking) + 1))
                    assert {r["type"] for r in paged} == {kind}
                assert (
                    index.counterpart_page(actor, own, "NO-TYPE", details, offset=0, limit=5) == []
                )


def test_an_actor_document_kept_is_the_one_made_afresh(
    client: Any, demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An actor's document (its profile and newest quotes: ``/api/actors/{id}`` and the actor
    page's data) is kept for the store's generation: for every actor of the demo store it is
    the document made afresh, the kept one is given again, answering the page and the API
    leaves it as it was, an actor not in the store is not kept, and a generation keeps at
    most :data:`MAX_KEPT_ACTOR_CHARS` of them (in characters of their JSON; the rest made
    every time, the same)."""
    from dateline.errors import NotFound
    from dateline.server import cache
    from dateline.server.api import actor_document, dumps, json_response, plain_actor_document

    with _read(demo_db) as conn:
        kept = cache.kept_parts(conn, "actor_documents")
        kept.clear()
        kept.size = 0
        actors = [r[0] for r in conn.execute("SELECT actor_id FROM actors").fetchall()]
        assert len(actors) > 20
        for actor in actors:
            fresh = plain_actor_document(conn, actor)
            assert actor_document(conn, actor) == fresh, actor
            assert actor_document(conn, actor) is kept[actor]
        assert len(kept) == len(actors)
        assert kept.size == sum(len(dumps(document)) for document in kept.values())
        with pytest.raises(NotFound):
            actor_document(conn, "nobody-at-all")
        assert "nobody-at-all" not in kept
    for actor in ("vladimir-putin", "donald-trump"):
        for url in (f"/actors/{actor}", f"/api/actors/{actor}", f"/actors/{actor}"):
            assert client.get(url).status_code == 200
        with _read(demo_db) as conn:
            fresh = plain_actor_document(conn, actor)
            assert kept[actor] == fresh
            assert client.get(f"/api/actors/{actor}").content == json_response(fresh).body
    kept.clear()
    kept.size = 0
    monkeypatch.setattr(cache, "MAX_KEPT_ACTOR_CHARS", 5000)
    with _read(demo_db) as conn:
        first = {actor: actor_document(conn, actor) for actor in actors}
        assert 0 < len(kept) < len(actors)
        assert kept.size == sum(len(dumps(document)) for document in kept.values()) <= 5000
        assert {actor: actor_document(conn, actor) for actor in actors} == first
    kept.clear()
    kept.size = 0


#: The loop of actor.html that drew the chart of events per month before
#: ``templating.activity_bars`` wrote it.
_BARS_LOOP = """{% set bar = 22 %}
  {% for m in activity %}
    {% set x = 30 + loop.index0 * bar %}
    {% set hs = (m['as_source'] / peak * 100) | round(1) %}
    {% set ht = (m['as_target'] / peak * 100) | round(1) %}
    <rect class="as-source" x="{{ x }}" y="{{ 110 - hs }}" width="9" height="{{ hs }}"><title>{{ m['month'] }}: {{ m['as_source'] }} as source</title></rect>
    <rect class="as-target" x="{{ x + 10 }}" y="{{ 110 - ht }}" width="9" height="{{ ht }}"><title>{{ m['month'] }}: {{ m['as_target'] }} as target</title></rect>
    {% if loop.index0 % 3 == 0 %}<text x="{{ x }}" y="128">{{ m['month'] }}</text>{% endif %}
  {% endfor %}
"""


def test_the_chart_of_events_per_month_is_the_template_loops(demo_db: Path) -> None:
    """An actor page's bars of events per month, written by ``activity_bars``, are the bytes
    the template's loop wrote, for every actor of the demo store, and a month that is
    markup is escaped."""
    from markupsafe import Markup

    from dateline.server.api import plain_actor_document
    from dateline.server.templating import activity_bars, environment

    loop = environment().from_string(_BARS_LOOP)
    with _read(demo_db) as conn:
        actors = [r[0] for r in conn.execute("SELECT actor_id FROM actors").fetchall()]
        drawn = 0
        for actor in actors:
            activity = plain_actor_document(conn, actor)["activity"]
            peak = max([max(m["as_source"], m["as_target"]) for m in activity] or [1])
            for top in (max(peak, 1), 7):
                bars = activity_bars(activity, top)
                assert isinstance(bars, Markup)
                assert str(bars) == loop.render(activity=activity, peak=top), actor
            drawn += len(activity)
        assert drawn > 100
    hostile = [{"month": "<script>x</script>", "as_source": 1, "as_target": 0}]
    assert "<script>" not in activity_bars(hostile, 1)
    assert str(activity_bars(hostile, 1)) == loop.render(activity=hostile, peak=1)


@pytest.mark.parametrize(
    "search",
    (
        QuoteSearch(),
        QuoteSearch(actor="Putin", sort="date", descending=True, limit=20),
        QuoteSearch(sort="speaker", limit=500),
        QuoteSearch(kinds=("belief",), country="RUS"),
    ),
    ids=("all", "putin", "by-speaker", "beliefs-rus"),
)
def test_quote_speakers_are_named_as_their_article_names_them(
    demo_db: Path, search: QuoteSearch
) -> None:
    from dateline.storage.query import fetch_rows

    with _read(demo_db) as conn:
        page = search_quotes(conn, search)
        named = {
            (r["article_id"], r["quote_id"]): r
            for r in fetch_rows(
                conn,
                """
                SELECT q.article_id, q.quote_id, coalesce(y.name, r.name) AS speaker_name,
                    coalesce(y.country, r.country) AS speaker_country,
                    coalesce(y.sector, r.sector) AS speaker_sector
                FROM quotes q LEFT JOIN actors r ON r.actor_id = q.speaker_actor
                LEFT JOIN article_actors y ON y.article_id = q.article_id
                    AND y.actor_id = q.speaker_actor
                """,
                [],
            )
        }
        # the rest of each row (taken from memory by key) is the store's
        stored = {
            (r["article_id"], r["quote_id"]): r
            for r in fetch_rows(
                conn,
                """
                SELECT q.article_id, q.quote_id, a.date AS article_date, q.speaker_actor,
                    q.speaker_text, q.kind, q.text, q.start_char, q.end_char, q.cue_text,
                    q.evidence_start, q.evidence_end, q.evidence_text, q.stage,
                    a.title AS article_title, a.url AS article_url
                FROM quotes q JOIN articles a USING (article_id)
                """,
                [],
            )
        }
    assert page.rows
    for row in page.rows:
        expected = named[(row["article_id"], row["quote_id"])]
        for column in ("speaker_name", "speaker_country", "speaker_sector"):
            assert row[column] == expected[column]
        own = stored[(row["article_id"], row["quote_id"])]
        assert {k: v for k, v in row.items() if k not in expected or k in own} == own
    assert any(row["speaker_name"] for row in page.rows)


def _get_json(url: str) -> Any:
    import json
    import urllib.request

    with urllib.request.urlopen(url, timeout=30) as response:  # loopback only
        return json.loads(response.read())


def _worker_processes(pid: int) -> list[str]:
    """The command lines of the worker processes under ``pid`` (uvicorn spawns them)."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        for child in task.read_text().split():
            command = Path(f"/proc/{child}/cmdline").read_bytes().replace(b"\0", b" ")
            if b"spawn_main" in command:
                found.append(command.decode())
    return found


def test_several_server_processes_answer_alike_and_let_an_ingest_write(
    demo_db: Path, tmp_path: Path
) -> None:
    import shutil
    import socket
    import subprocess
    import sys
    import time
    import urllib.error

    from dateline.ingest import ingest
    from server.server_helpers import hostile_article, make_client

    db = tmp_path / "workers.duckdb"
    shutil.copy(demo_db, db)
    expected = make_client(db).get("/api/events?actor=Putin&limit=20").json()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    server = subprocess.Popen(
        [sys.executable, "-c", "from dateline.cli import main; main()", "serve",
         "--db", str(db), "--port", str(port), "--workers", "2", "--cache-mb", "0"],
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                before = _get_json(f"{url}/api/stats")
                break
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline and server.poll() is None, "did not start"
                time.sleep(0.2)
        assert len(_worker_processes(server.pid)) == 2
        for _ in range(4):  # whichever worker answers, the same rows
            answer = _get_json(f"{url}/api/events?actor=Putin&limit=20")
            assert (answer["total"], answer["rows"]) == (expected["total"], expected["rows"])
        time.sleep(0.6)  # idle workers let go of the file, so the ingest can write
        ingest([hostile_article()], db=db, workers=1, progress=False)
        for _ in range(4):
            after = _get_json(f"{url}/api/stats")
            assert after["rows"]["articles"] == before["rows"]["articles"] + 1
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_serve_refuses_a_number_of_workers_out_of_range(demo_db: Path) -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", "from dateline.cli import main; main()", "serve",
         "--db", str(demo_db), "--workers", "0"],
        capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert done.returncode != 0
    assert done.stderr.strip().splitlines() == ["Error: --workers must be 1-16, not 0."]


@pytest.mark.parametrize(
    "query", ["Putin", "Kursk", "Trump AND Putin", "Putin OR Ukraine", "talks"]
)
def test_a_timeline_page_shows_the_rows_the_sql_reads(demo_db: Path, query: str) -> None:
    """The rows a timeline page shows come from memory (``timeline_rows``, one read per store
    generation); each entry is the one built from the store's rows read by key, reports in
    their order."""
    from dateline.corpus.timeline import event_entry, quote_entry, reports_by_event, timeline_page
    from dateline.storage.query import actor_names, fetch_rows

    with _read(demo_db) as conn:
        names = actor_names(conn)
        page, total = timeline_page(conn, query, limit=500)
        assert page and total >= len(page)
        for entry in page:
            if entry["kind"] == "event":
                (row,) = fetch_rows(
                    conn, "SELECT * FROM merged_events WHERE merged_id = ?", [entry["merged_id"]]
                )
                reports = reports_by_event(conn, [row["merged_id"]])[row["merged_id"]]
                assert entry == event_entry({**row, "reports": reports}, names)
                assert entry["evidence"]
            else:
                (row,) = fetch_rows(
                    conn,
                    "SELECT q.*, a.date AS article_date, a.title, a.url, a.source FROM quotes q "
                    "JOIN articles a USING (article_id) WHERE q.article_id = ? AND q.quote_id = ?",
                    [entry["article_id"], entry["quote_id"]],
                )
                assert entry == quote_entry(row, names)


def test_a_reader_whose_close_fails_opens_a_new_instance_next_time(demo_db: Path) -> None:
    """A close that fails (DuckDB refuses while another call runs on the connection) must not
    leave a half-closed instance behind that every later request would fail on."""
    from dateline.server.reading import SharedReader

    reader = SharedReader(demo_db, linger=0)  # closes as soon as the last request ends
    cursor = reader.acquire()
    real = reader._conn
    assert real is not None

    class RefusingClose:
        def close(self) -> None:
            real.close()
            raise RuntimeError("connection is busy with another call")

    reader._conn = RefusingClose()  # type: ignore[assignment]
    with pytest.raises(RuntimeError):
        reader.release(cursor)
    assert not reader.is_open
    again = reader.acquire()
    try:
        assert again.execute("SELECT count(*) FROM articles").fetchone()[0] > 0  # type: ignore[index]
    finally:
        reader.release(again)


def test_a_text_filter_selects_what_ilike_selects(demo_db: Path) -> None:
    """A text filter reads a per-generation index of the lower-cased evidence sentences (by
    rowid) instead of an ``ILIKE`` of every one: the same events, whatever the case."""
    with _read(demo_db) as conn:
        texts = [t for (t,) in conn.execute("SELECT evidence_text FROM events").fetchall() if t]
        accented = sorted({c for t in texts for c in t if not c.isascii() and c.isalpha()})
        terms = ["talks", "TALKS", "Putin", "u.s.", "said that", "%", "_", '"', "-", "zzzz"]
        terms += [c.upper() for c in accented[:5]] + [c.lower() for c in accented[:5]]
        for term in terms:
            page = search_events(conn, EventSearch(text=term, limit=500))
            found = {(r["article_id"], r["event_id"]) for r in page.rows}
            expected = set(
                conn.execute(
                    "SELECT article_id, event_id FROM events WHERE evidence_text ILIKE ? "
                    "ESCAPE '\\'",
                    [like_pattern(term)],
                ).fetchall()
            )
            assert page.total == len(expected), term
            assert found == expected if len(expected) <= 500 else found < expected, term
        assert any(search_events(conn, EventSearch(text=t)).total for t in terms[:3])


def test_a_read_only_store_sorts_and_counts_events_from_its_index(demo_db: Path) -> None:
    """A filtered events page takes its order, page and facets from the per-generation
    :class:`EventIndex` (DuckDB only selects the rowids; actors and countries are the index's
    masks): every sort in both directions, on several filters and pages, gives the rows of
    the flat table's SQL (``sort=source`` and ``target`` by the correlated name lookup, the
    actor and country tests by their EXISTS), and the facets of the SQL's grouping sets."""
    from dateline.storage.page_index import EventIndex
    from dateline.storage.search import EVENT_SORTS, _event_index

    filters: list[dict[str, Any]] = [
        {},
        {"type": "CONSULT"},
        {"actor": "Putin"},
        {"country": "UKR"},
        {"text": "said"},
        {"since": dt.date(2022, 1, 1)},
        {"source": "Zelensky"},
        {"target": "Putin", "quad": 1},
        {"country": "RUS", "text": "talks"},
        {"factuality": "negated"},
        {"quad": 4, "since": dt.date(2022, 2, 24)},
        {"until": dt.date(2022, 3, 1)},
        {"since": dt.date(2022, 2, 24), "until": dt.date(2022, 3, 31), "actor": "Putin"},
        {"type": "CONSULT", "factuality": "asserted", "actor": "Zelensky"},
        {"type": "NO-SUCH-TYPE"},
    ]
    with _read(demo_db) as conn:
        assert isinstance(_event_index(conn), EventIndex)
        for sort in EVENT_SORTS:
            for descending in (False, True):
                for chosen in filters:
                    for offset in (0, 11):
                        search = EventSearch(
                            **chosen, sort=sort, descending=descending, limit=13, offset=offset
                        )
                        page, facets = event_table(conn, search, top=5)
                        expected = flat_events_arrow(conn, search).to_pylist()
                        assert page.rows == expected, (sort, descending, chosen, offset)
                        assert search_events(conn, search).rows == expected
                        if chosen:
                            assert (facets, page.total) == event_facets_and_total(
                                conn, search, top=5
                            )
        # the sorts by source and target put events without one last, both ways
        for descending in (False, True):
            rows = search_events(
                conn, EventSearch(sort="target", descending=descending, limit=100_000)
            ).rows
            names = [r["target_names"] for r in rows]
            assert None in names and names.index(None) == len([n for n in names if n])


def test_quotes_of_a_speaker_are_paged_from_the_quote_index(demo_db: Path) -> None:
    """Quotes searched by speaker and kinds alone (an actor page's quotes) are chosen, counted
    and ordered by the per-generation :class:`QuoteIndex`: the quotes, total and order of the
    plain SQL, for each sort it keeps, both directions, several pages and kinds."""
    from dateline.model import SPEECH_KINDS
    from dateline.storage.page_index import QuoteIndex
    from dateline.storage.search import _quote_index
    from dateline.storage.spellings import actor_ids

    with _read(demo_db) as conn:
        assert isinstance(_quote_index(conn), QuoteIndex)
        speakers = [
            r[0]
            for r in conn.execute(
                "SELECT speaker_actor FROM quotes WHERE speaker_actor IS NOT NULL "
                "GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 3"
            ).fetchall()
        ]
        kinds_seen = [r[0] for r in conn.execute("SELECT DISTINCT kind FROM quotes").fetchall()]
        for actor in [None, "Putin", *speakers]:
            for kinds in (SPEECH_KINDS, tuple(k for k in kinds_seen if k)):
                for sort, order in (("date", "a.date"), ("kind", "q.kind")):
                    for descending in (False, True):
                        for offset in (0, 4):
                            search = QuoteSearch(
                                actor=actor,
                                kinds=kinds,
                                sort=sort,
                                descending=descending,
                                limit=9,
                                offset=offset,
                            )
                            page = search_quotes(conn, search)
                            ids = actor_ids(conn, actor) if actor else None
                            rows = conn.execute(
                                f"""
                                SELECT q.article_id, q.quote_id
                                FROM quotes q JOIN articles a USING (article_id)
                                WHERE (? OR q.speaker_actor IN (SELECT unnest(?::VARCHAR[])))
                                    AND q.kind IN (SELECT unnest(?::VARCHAR[]))
                                ORDER BY {order} {"DESC" if descending else "ASC"} NULLS LAST,
                                    a.date, q.article_id, q.start_char, q.quote_id
                                """,
                                [ids is None, ids or [], list(kinds)],
                            ).fetchall()
                            got = [(r["article_id"], r["quote_id"]) for r in page.rows]
                            assert got == rows[offset : offset + 9], (actor, sort, descending)
                            assert page.total == len(rows)
        assert search_quotes(conn, QuoteSearch(actor=speakers[0])).total > 0


def test_substrings_of_joined_items_are_the_items_that_hold_them(demo_db: Path) -> None:
    """The spelling index and the timeline's words find the items holding a substring through
    the items joined (``str.find``): the same items, in order, as ``needle in item`` for each,
    including needles at an item's ends and needles that only the join would hold."""
    from dateline.storage.spellings import spelling_index
    from dateline.storage.substrings import SEPARATOR, Joined
    from dateline.storage.timeline_index import timeline_index

    with _read(demo_db) as conn:
        groups = [spelling_index(conn).folded, timeline_index(conn).event_texts.vocabulary]
    for joined in groups:
        items = joined.items
        assert joined.text is not None and len(items) > 100
        needles = ["putin", "zelen", "a", "ukrain", "minister", "zzqx", items[0], items[-1]]
        needles += [items[len(items) // 2][-3:], items[len(items) // 3][:2]]
        needles.append(items[5][-2:] + items[6][:2])  # across two items: in no item
        for needle in needles:
            expected = [i for i, item in enumerate(items) if needle in item]
            assert joined.holding(needle) == expected, needle
        assert joined.holding(items[5][-2:] + SEPARATOR + items[6][:2]) == []
    odd = Joined.of(["the talks", "peace" + SEPARATOR + "talks", "talk"])
    assert odd.text is None
    assert odd.holding("talks") == [0, 1]
    assert Joined.of(["Kyiv", "Kharkiv"]).holding("") == [0, 1]


@pytest.mark.parametrize(
    ("query", "window", "kinds"),
    [
        ("Putin", (None, None), ("statement", "claim")),
        ("Trump AND Putin", (0.3, None), None),
        ("Putin OR Ukraine", (None, 0.6), ("statement",)),
        ("talks", (0.2, 0.8), ("statement", "claim", "belief")),
        ("grain deal", (None, None), ("statement",)),
    ],
)
def test_a_timeline_page_is_cut_from_the_sorted_matches(
    demo_db: Path, query: str, window: tuple[float | None, float | None], kinds: Any
) -> None:
    """The timeline index pages its matches with boolean arrays and numpy: the same entries in
    the same order as the sets of :meth:`events` and :meth:`quotes` sorted by (rank, events
    first, position), at every offset."""
    from dateline.corpus.timeline import parse_query
    from dateline.storage.query import matching_actors
    from dateline.storage.timeline_index import timeline_index

    with _read(demo_db) as conn:
        index = timeline_index(conn)
        groups = [[(t, matching_actors(conn, t)) for t in group] for group in parse_query(query)]
    days = sorted(d for d in index.event_first + index.quote_date if d is not None)
    since, until = (None if at is None else days[int(at * len(days))] for at in window)
    expected = sorted(
        [(index.event_rank[i], False, i) for i in index.events(groups, since, until)]
        + (
            [(index.quote_rank[i], True, i) for i in index.quotes(groups, since, until, kinds)]
            if kinds is not None
            else []
        )
    )
    assert expected or query == "grain deal"
    for offset, limit in ((0, 500), (0, 7), (5, 3), (len(expected) - 1, 50), (len(expected), 5)):
        chosen, total = index.page(groups, since, until, kinds, offset=max(offset, 0), limit=limit)
        assert total == len(expected)
        assert chosen == [(q, i) for _, q, i in expected[max(offset, 0) : max(offset, 0) + limit]]


def test_a_reader_closes_linger_after_the_last_request_with_one_timer(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Requests that end one after another set one closing timer (a thread), not one each;
    the instance still closes ``linger`` seconds after the last of them ended."""
    import threading
    import time

    from dateline.server import reading as module
    from dateline.server.reading import SharedReader

    started: list[Any] = []  # the owners of the timers started (other tests' readers too)

    class Counted(threading.Timer):
        def start(self) -> None:
            started.append(getattr(self.function, "__self__", None))
            super().start()

    monkeypatch.setattr(module.threading, "Timer", Counted)
    reader = SharedReader(demo_db, linger=1.0)
    mine = lambda: [owner for owner in started if owner is reader]  # noqa: E731
    for _ in range(20):
        reader.release(reader.acquire())
    assert reader.is_open and len(mine()) == 1
    time.sleep(0.5)
    reader.release(reader.acquire())  # ends 0.5 s later: the instance waits 1 s from here
    last = time.monotonic()
    time.sleep(0.3)
    assert reader.is_open
    deadline = last + 10
    while reader.is_open and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not reader.is_open
    assert time.monotonic() - last >= 0.9
    assert len(mine()) <= 2  # the first, and at most one more for the rest of the wait


def test_a_csv_download_is_written_as_value_by_value(demo_db: Path) -> None:
    """CSV goes to the writer column by column (plain columns as they are): the same text as
    each value through ``_csv_value`` (NULL empty, dates ISO), for events and quotes."""
    import csv
    import io

    from dateline.server.api import _csv_value, csv_text
    from dateline.storage.search import FLAT_EVENT_COLUMNS, QUOTE_COLUMNS

    def by_value(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_csv_value(row[c]) for c in columns])
        return out.getvalue()

    with _read(demo_db) as conn:
        events = search_events(conn, EventSearch(limit=500), count=False).rows
        quotes = search_quotes(conn, QuoteSearch(limit=500), count=False).rows
    assert any(r["date_earliest"] is not None for r in events)
    assert any(r["place_lat"] is None for r in events)
    assert any(isinstance(r["place_lat"], float) for r in events)
    for rows, columns in ((events, FLAT_EVENT_COLUMNS), (quotes, QUOTE_COLUMNS)):
        assert csv_text(rows, columns) == by_value(rows, columns)
        assert csv_text([], columns) == by_value([], columns)


def test_an_events_csv_from_kept_lines_is_the_csv_of_the_flat_table(
    demo_db: Path, tmp_path: Path
) -> None:
    """``/api/events.csv`` joins each event's CSV line, kept for the store's generation as
    it is first written: on every search (filters, sorts, pages that overlap, so that some
    lines are new and some kept), the bytes are the CSV of the flat table's SQL rows; a store
    that is not read-only (no index) writes them the plain way; and a line whose evidence
    holds quotes, a comma and a newline is cut where the writer ended it."""
    from dateline.server.api import csv_lines, csv_text, events_csv_bytes
    from dateline.server.cache import kept_parts
    from dateline.storage.search import FLAT_EVENT_COLUMNS
    from dateline.storage.store import open_store

    searches = [
        *SEARCHES,
        EventSearch(limit=500),
        EventSearch(limit=30, offset=480),
        EventSearch(type="CONSULT", sort="place", descending=True, limit=500),
        EventSearch(actor="Putin", sort="date", descending=True, limit=40, offset=5),
    ]

    def plain(conn: Any, search: EventSearch) -> bytes:
        rows = flat_events_arrow(conn, search).to_pylist()
        return csv_text(rows, FLAT_EVENT_COLUMNS).encode("utf-8")

    with _read(demo_db) as conn:
        kept = kept_parts(conn, "events_csv_lines")
        for search in searches:
            expected = plain(conn, search)
            assert events_csv_bytes(conn, search) == expected, search
            assert events_csv_bytes(conn, search) == expected, search  # every line kept
        assert len(kept) > 100
        row = search_events(conn, EventSearch(limit=1)).rows[0]
    import shutil

    writable = tmp_path / "writable.duckdb"
    shutil.copy(demo_db, writable)
    conn = open_store(writable, read_only=False)
    try:
        for search in searches[:4]:
            assert events_csv_bytes(conn, search) == plain(conn, search)
    finally:
        conn.close()
    odd = {**row, "evidence_text": 'He said: "We will talk,\nthen act."', "place_lat": 50.45}
    rows = [row, odd, row]
    assert (
        b"".join(csv_lines(rows, FLAT_EVENT_COLUMNS))
        == csv_text(rows, FLAT_EVENT_COLUMNS).encode("utf-8").split(b"\n", 1)[1]
    )
    assert csv_lines(rows, FLAT_EVENT_COLUMNS)[1].count(b"\n") == 2


def test_api_events_rows_kept_as_json_are_the_flat_tables(demo_db: Path) -> None:
    """``/api/events`` joins each event's JSON, kept for the store's generation as it is
    first written: on every search (pages that overlap, some rows new and some kept) the
    rows are the JSON of the flat table's SQL rows and the total is the plain count."""
    import json

    from dateline.server.api import dumps, events_json_rows

    searches = [*SEARCHES, EventSearch(limit=30, offset=480), EventSearch(limit=500)]
    with _read(demo_db) as conn:
        for search in searches:
            expected = search_events(conn, search)
            for _ in range(2):
                page, rows = events_json_rows(conn, search)
                assert (page.total, page.limit, page.offset) == (
                    expected.total, search.limit, search.offset
                )  # fmt: skip
                assert rows == [dumps(row) for row in expected.rows], search
                flat = flat_events_arrow(conn, search).to_pylist()
                assert [json.loads(row) for row in rows] == json.loads(dumps(flat))


def test_an_events_page_prints_each_row_as_its_macro_renders_it(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The events page's rows are kept, rendered, for the store's generation: on every
    search (pages that overlap, so that some rows are new and some kept) each row is the
    ``event_row`` macro's rendering of the flat event with the registry's names, and a
    generation keeps at most :data:`MAX_KEPT_CHARS` of them (the rest rendered every time,
    the same)."""
    from dateline.server import cache
    from dateline.server.pages import _names, _render_rows, event_rows_html

    searches = [*SEARCHES, EventSearch(limit=60, offset=40), EventSearch(actor="Putin", limit=90)]
    with _read(demo_db) as conn:
        names = _names(conn)
        for search in searches:
            page, _ = event_table(conn, search, top=3)
            expected = _render_rows(page.rows, names)  # the macro on each row, nothing kept
            assert event_rows_html(conn, page.rows, names) == expected, search
            assert event_rows_html(conn, page.rows, names) == expected, search
        kept = cache.kept_parts(conn, "events_page_rows")
        assert len(kept) > 100
        assert all(str(html).lstrip().startswith("<tr data-event=") for html in kept.values())
        kept.clear()
        kept.size = 0
        monkeypatch.setattr(cache, "MAX_KEPT_CHARS", 5000)
        page, _ = event_table(conn, EventSearch(limit=20), top=3)
        first = event_rows_html(conn, page.rows, names)
        assert 0 < len(kept) < 20
        assert kept.size == sum(len(html) for html in kept.values()) <= 5000
        assert event_rows_html(conn, page.rows, names) == first
        kept.clear()
        kept.size = 0


def test_an_events_page_from_its_keys_is_the_page_of_its_rows(demo_db: Path) -> None:
    """The events page asks the per-generation index for its keys, total and facets only
    (:func:`event_table_keys`) and reads the rows of the keys it has not kept: the keys are
    those of :func:`event_table`'s rows, in order, with its total and facets; the names it
    shares (not a copy) are :func:`_names`'s and cannot be changed; and the page's HTML is
    the same whether none, some or all of its rows were kept."""
    from fastapi.testclient import TestClient

    from dateline.server import cache
    from dateline.server.app import create_app
    from dateline.server.pages import _names, _shared_names
    from dateline.storage.search import _event_index, event_table_keys

    with _read(demo_db) as conn:
        for search in SEARCHES:
            keyed = event_table_keys(conn, search, top=12)
            assert keyed is not None
            keys, total, facets = keyed
            page, page_facets = event_table(conn, search, top=12)
            assert keys == [(row["article_id"], row["event_id"]) for row in page.rows], search
            assert (total, facets) == (page.total, page_facets)
        # the index's date range is the SQL's, day by day, NULL dates included
        index = _event_index(conn)
        assert index is not None
        first, last = conn.execute(
            "SELECT min(least(date_earliest, date_latest)), max(greatest(date_earliest, "
            "date_latest)) FROM events"
        ).fetchone()  # type: ignore[misc]
        for day in [first - dt.timedelta(days=1), first, last, last + dt.timedelta(days=1)] + [
            first + (last - first) * k / 7 for k in range(1, 7)
        ]:
            for test, sql in (
                (index.since, "coalesce(e.date_latest, e.date_earliest, a.date) >= ?"),
                (index.until, "coalesce(e.date_earliest, e.date_latest, a.date) <= ?"),
            ):
                rowids = conn.execute(
                    f"SELECT e.rowid FROM events e JOIN articles a USING (article_id) WHERE {sql}",
                    [day],
                ).fetchall()
                assert sorted(index.rowids[test(day)].tolist()) == sorted(r for (r,) in rowids)
        shared = _shared_names(conn)
        assert dict(shared) == _names(conn) and len(shared) > 10
        with pytest.raises(TypeError):
            shared["x"] = "y"  # type: ignore[index]
        kept = cache.kept_parts(conn, "events_page_rows")

    urls = [
        "/events?" + "&".join(f"{k}={v}" for k, v in s.filters().items())
        + f"&sort={s.sort}&order={'desc' if s.descending else 'asc'}"
        + f"&limit={s.limit}&offset={s.offset}"
        for s in SEARCHES
        if s.type != "NO-SUCH-TYPE"  # a 400: the page knows the types
    ]  # fmt: skip
    kept.clear()
    kept.size = 0
    _pages_with_kept_rows_are_as_rendered(TestClient(create_app(demo_db, cache_mb=0)), urls, kept)


def _pages_with_kept_rows_are_as_rendered(client: Any, urls: list[str], kept: Any) -> list[str]:
    """Fetch ``urls`` three ways: once with some rows new and some kept (the pages overlap),
    once with every row kept, and each with no row kept; the three give the same pages."""
    fresh = [client.get(url) for url in urls]  # overlapping pages: some rows new, some kept
    assert [r.status_code for r in fresh] == [200] * len(urls)
    assert len(kept) > 50
    again = [client.get(url).text for url in urls]  # every row kept
    assert again == [r.text for r in fresh]
    for url, first in zip(urls, again, strict=True):  # no row kept
        kept.clear()
        kept.size = 0
        assert client.get(url).text == first, url
    return again


QUOTE_SEARCHES = (
    QuoteSearch(),
    QuoteSearch(actor="Putin", sort="date", descending=True, limit=20),
    QuoteSearch(actor="Zelensky", kinds=("direct",), sort="kind", offset=5),
    QuoteSearch(sort="speaker", limit=500),
    QuoteSearch(sort="speaker", descending=True, offset=30),
    QuoteSearch(kinds=("belief",), country="RUS"),
    QuoteSearch(text="said", sort="kind", descending=True, limit=40),
    QuoteSearch(since=dt.date(2022, 2, 24), until=dt.date(2022, 6, 30), offset=10),
    QuoteSearch(actor="no such speaker"),
)


def test_a_quotes_page_prints_its_kept_rows_as_its_rows_render(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The quotes page asks for its keys only (:func:`quote_page_keys`) and prints each row
    as the ``quote_row`` macro rendered it, kept for the store's generation: on every search
    (pages that overlap, some rows new, some kept) the keys and total are those of the plain
    path's page (SQL on a store that is not read-only: no index, nothing kept) and the rows
    the macro's fresh rendering of its quote rows; a generation keeps at most
    :data:`MAX_KEPT_CHARS` of them; and a page's HTML is the same whether none, some or all
    of its rows were kept."""
    import shutil

    from fastapi.testclient import TestClient

    from dateline.server import cache
    from dateline.server.app import create_app
    from dateline.server.pages import _render_quote_rows, quote_rows_html
    from dateline.storage.search import quote_page_keys
    from dateline.storage.store import open_store

    writable = tmp_path / "writable.duckdb"
    shutil.copy(demo_db, writable)
    plain = open_store(writable, read_only=False)
    try:
        pages = [search_quotes(plain, search) for search in QUOTE_SEARCHES]
        rendered = [_render_quote_rows(page.rows) for page in pages]  # nothing kept
    finally:
        plain.close()
    assert sum(len(page.rows) for page in pages) > 300
    with _read(demo_db) as conn:
        kept = cache.kept_parts(conn, "quotes_page_rows")
        kept.clear()
        kept.size = 0
        for search, page, expected in zip(QUOTE_SEARCHES, pages, rendered, strict=True):
            keys, total = quote_page_keys(conn, search)
            assert keys == [(row["article_id"], row["quote_id"]) for row in page.rows], search
            assert total == page.total, search
            assert quote_rows_html(conn, keys) == expected, search
            assert quote_rows_html(conn, keys) == expected, search
        assert len(kept) > 100
        assert all(str(html).lstrip().startswith("<tr data-quote=") for html in kept.values())
        kept.clear()
        kept.size = 0
        monkeypatch.setattr(cache, "MAX_KEPT_CHARS", 5000)
        keys, _ = quote_page_keys(conn, QuoteSearch(limit=20))
        first = quote_rows_html(conn, keys)
        assert 0 < len(kept) < 20
        assert kept.size == sum(len(html) for html in kept.values()) <= 5000
        assert quote_rows_html(conn, keys) == first
        monkeypatch.undo()
        kept.clear()
        kept.size = 0

    urls = [
        "/quotes?" + "&".join(
            f"{name}={getattr(s, name)}"
            for name in ("actor", "country", "text", "since", "until")
            if getattr(s, name) is not None
        )
        + "".join(f"&kind={kind}" for kind in s.kinds if s.kinds != QuoteSearch().kinds)
        + f"&sort={s.sort}&order={'desc' if s.descending else 'asc'}"
        + f"&limit={s.limit}&offset={s.offset}"
        for s in QUOTE_SEARCHES
    ]  # fmt: skip
    client = TestClient(create_app(demo_db, cache_mb=0))
    pages = _pages_with_kept_rows_are_as_rendered(client, urls, kept)
    assert sum(page.count("<tr data-quote=") for page in pages) > 100


def test_timeline_entries_kept_are_those_of_the_plain_timeline_page(demo_db: Path) -> None:
    """A timeline page prints each entry as the ``timeline_entry`` macro rendered it, and
    ``/api/timeline`` each entry's JSON, both kept for the store's generation: on several
    queries, windows and pages that overlap, the entries are those of
    :func:`timeline_page` rendered (or written) afresh, and ``json_page`` writes the body
    ``json_response`` writes."""
    from dataclasses import replace

    from starlette.requests import Request

    from dateline.corpus.timeline import timeline_page, timeline_page_keys
    from dateline.server.api import dumps, json_page, json_response, page_body, timeline_api_rows
    from dateline.server.pages import evidence_parts, timeline_entries_html
    from dateline.server.templating import environment
    from dateline.storage.search import Page

    macro = environment().get_template("_timeline_entry.html").module.timeline_entry
    request = Request(
        {"type": "http", "query_string": b"q=Putin&limit=7", "path": "/api/timeline",
         "headers": [], "scheme": "http", "server": ("127.0.0.1", 8765)}
    )  # fmt: skip
    asked: list[tuple[str, dict[str, Any]]] = [
        ("Putin", {}),
        ("Putin", {"limit": 7, "offset": 3}),
        ("Kursk", {"limit": 100}),
        ("Trump AND Putin", {}),
        ("Putin OR Ukraine", {"since": dt.date(2022, 2, 24), "kinds": ("statement",)}),
        ("Putin", {"quotes": False, "limit": 20, "offset": 10}),
    ]
    with _read(demo_db) as conn:
        for query, options in asked:
            chosen, total = timeline_page_keys(conn, query, **options)
            for _ in range(2):  # the second time, every entry is kept
                entries, expected_total = timeline_page(conn, query, **options)
                assert total == expected_total
                assert timeline_api_rows(conn, chosen) == [dumps(e) for e in entries]
                html = timeline_entries_html(conn, chosen)
                for entry in entries:
                    for report in entry["evidence"] if entry["kind"] == "event" else []:
                        ev, trig = report["evidence"], report["trigger"]
                        report["parts"] = evidence_parts(
                            ev and ev["text"], ev and ev["start"], trig and trig["start"],
                            trig and trig["end"],
                        )  # fmt: skip
                assert html == [macro(entry) for entry in entries], (query, options)
                page = Page(entries, total, 7, 0)
                assert (
                    json_page(request, replace(page, rows=[]), [dumps(e) for e in entries]).body
                    == json_response(page_body(request, page, entries)).body
                )
        assert any(chosen for chosen, _ in [timeline_page_keys(conn, "Putin")])


def test_every_page_of_a_generation_fits_in_the_values_kept(client: Any, demo_db: Path) -> None:
    """Every page and API route asks for its store's per-generation values (indexes, rows,
    the parts kept): all of one generation fit in :data:`MAX_KEPT` with room to spare, or
    one page would push out an index that the next rebuilds (0.2-2 s each, a p95 of seconds
    under load; 19 values against 16 did that)."""
    from dateline.storage import generation

    article = client.get("/api/articles?limit=1").json()["rows"][0]["article_id"]
    urls = [
        "/", "/events", "/events?actor=Putin&type=CONSULT", "/events?text=talks&sort=source",
        "/events?country=UKR&offset=20", "/api/events?actor=Putin", "/api/events/facets",
        "/api/events.csv?type=CONSULT", "/api/events.parquet?limit=5", "/quotes",
        "/quotes?actor=Putin", "/api/quotes?actor=Zelensky", "/api/quotes/facets",
        "/api/quotes.csv", "/timeline?q=Putin", "/api/timeline?q=Trump%20AND%20Putin",
        "/actors/vladimir-putin", "/api/actors/vladimir-putin", "/api/actors?q=Putin",
        "/network", "/api/network?actor=Putin", "/map", "/api/map", f"/articles/{article}",
        f"/api/articles/{article}", "/api/stats",
    ]  # fmt: skip
    for url in urls:
        assert client.get(url).status_code == 200, url
    path = str(demo_db.resolve())
    per_generation: dict[Any, set[str]] = {}
    for name, where, gen in list(generation._KEPT):
        if where == path:
            per_generation.setdefault(gen, set()).add(name)
    names = max(per_generation.values(), key=len)
    assert len(names) >= 12, names
    assert len(names) <= generation.MAX_KEPT - 6, names


def test_quote_facets_by_speaker_are_counted_from_the_quote_index(demo_db: Path) -> None:
    """A quotes page by speaker and kinds alone counts its facets (kinds over every kind,
    speakers, speaker countries) and total from the :class:`QuoteIndex`: the counts of the
    plain SQL (two scans with the speaker's registry and article entries joined)."""
    from dateline.model import SPEECH_KINDS
    from dateline.storage.search import (
        _quote_facets_and_total,
        _quote_index,
        quote_facets_and_total,
    )

    with _read(demo_db) as conn:
        index = _quote_index(conn)
        assert index is not None and index.countries is not None
        speakers = [
            r[0]
            for r in conn.execute(
                "SELECT speaker_actor FROM quotes WHERE speaker_actor IS NOT NULL "
                "GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 4"
            ).fetchall()
        ]
        kinds_seen = tuple(
            r[0] for r in conn.execute("SELECT DISTINCT kind FROM quotes ORDER BY 1").fetchall()
        )
        for actor in [None, "Putin", "Zelensky", "nobody-at-all", *speakers]:
            for kinds in (SPEECH_KINDS, kinds_seen, ("belief",), kinds_seen[:1]):
                for top in (3, 12):
                    search = QuoteSearch(actor=actor, kinds=kinds)
                    assert quote_facets_and_total(conn, search, top=top) == (
                        _quote_facets_and_total(conn, search, top=top)
                    ), (actor, kinds, top)
        facets, total = quote_facets_and_total(conn, QuoteSearch(actor=speakers[0]), top=12)
        assert total > 0 and facets["speaker"] and facets["country"]


def test_a_link_with_a_changed_query_is_what_urlencode_writes() -> None:
    """``with_query`` joins its quoted keys and values itself: the query string urlencode
    writes, on values that need quoting (spaces, ``&``, ``=``, ``+``, non-ASCII, ``%``)."""
    from urllib.parse import urlencode

    from starlette.requests import Request

    from dateline.server.templating import _quote_plus, changed_params, with_query

    query = "actor=Zelensky+%26+Putin&text=50%25+%C4%B0stanbul&sort=date&x=a%3Db"
    request = Request({"type": "http", "query_string": query.encode(), "headers": []})
    for changes in ({}, {"offset": 50}, {"sort": None, "text": "é + ü"}, {"actor": ""}):
        params = changed_params(request, **changes)
        assert ("offset" in params) == ("offset" in changes)
        assert "actor" not in params or changes.get("actor") != ""
        assert with_query(request, **changes) == "?" + urlencode(params, quote_via=_quote_plus)
    empty = Request({"type": "http", "query_string": b"", "headers": []})
    assert with_query(empty) == "?" and with_query(empty, offset=None) == "?"


def test_a_facet_links_each_value_as_with_query_does() -> None:
    """A facet's links (``facet_queries``: the other parameters quoted once per facet) are
    ``with_query(request, **{name: value, "offset": None})`` for each value: the parameter
    where it was or appended, replaced, removed for an empty value, the offset dropped, on
    values that need quoting."""
    from starlette.requests import Request

    from dateline.server.templating import facet_queries, with_query

    counts = [("UKR", 9), ("a & b=c", 3), ("Ölüdeniz", 2), (4, 1), ("", 1), (None, 1)]
    for query in (
        "",
        "offset=50",
        "type=ASSAULT&country=UKR&offset=100&sort=date",
        "actor=Zelensky+%26+Putin&offset=5&text=50%25&x=a%3Db",
        "country=RUS",
        "sort=kind&order=desc&country=RUS&limit=20",
    ):
        request = Request({"type": "http", "query_string": query.encode(), "headers": []})
        for name in ("country", "actor", "type", "sort", "x", "offset"):
            expected = [
                (value, n, with_query(request, **{name: value, "offset": None}))
                for value, n in counts
            ]
            assert facet_queries(request, name, counts) == expected, (query, name)


def test_api_quotes_rows_kept_as_json_are_the_plain_rows(demo_db: Path, tmp_path: Path) -> None:
    """``/api/quotes`` joins each quote's JSON, kept for the store's generation as it is
    first written: on every search (pages that overlap, some rows new and some kept) the
    rows are the JSON of the plain path's rows (SQL on a store that is not read-only: no
    index, nothing kept) and the total its count; the HTTP answer is the page's body."""
    import json
    import shutil

    from fastapi.testclient import TestClient

    from dateline.server import cache
    from dateline.server.api import dumps, quotes_json_rows
    from dateline.server.app import create_app
    from dateline.storage.store import open_store

    writable = tmp_path / "writable.duckdb"
    shutil.copy(demo_db, writable)
    plain = open_store(writable, read_only=False)
    try:
        pages = [search_quotes(plain, search) for search in QUOTE_SEARCHES]
    finally:
        plain.close()
    with _read(demo_db) as conn:
        kept = cache.kept_parts(conn, "quotes_api_rows")
        kept.clear()
        kept.size = 0
        for search, expected in zip(QUOTE_SEARCHES, pages, strict=True):
            for _ in range(2):
                page, rows = quotes_json_rows(conn, search)
                assert (page.total, page.limit, page.offset) == (
                    expected.total, search.limit, search.offset
                )  # fmt: skip
                assert rows == [dumps(row) for row in expected.rows], search
        assert len(kept) > 100
    client = TestClient(create_app(demo_db, cache_mb=0))
    body = client.get("/api/quotes?actor=Putin&sort=date&order=desc&limit=20").json()
    assert QUOTE_SEARCHES[1] == QuoteSearch(actor="Putin", sort="date", descending=True, limit=20)
    assert (body["total"], body["limit"], body["offset"]) == (pages[1].total, 20, 0)
    assert body["rows"] == json.loads(dumps(pages[1].rows)) and len(body["rows"]) == 20


def test_an_index_column_finds_the_positions_of_its_values_as_a_comparison_does(
    demo_db: Path,
) -> None:
    """Each column of the per-generation event and quote indexes (:class:`Coded`) keeps its
    positions grouped by value (``by_code``) to test a few values without comparing every
    code: for single values, several, unknown ones and none, in every column (facets, the
    actors of each side, their countries, speakers, kinds), the positions and the mask are
    those of comparing the codes (NULLs never found)."""
    import numpy as np

    from dateline.storage.search import _event_index, _quote_index

    with _read(demo_db) as conn:
        events, quotes = _event_index(conn), _quote_index(conn)
        assert events is not None and quotes is not None
        columns = [*events.facets.values(), events.countries[1]]
        columns += [coded for _, coded in events.sides.values()]
        columns += [quotes.speakers, quotes.kinds]
        checked = 0
        for column in columns:
            values = column.values
            tests = [[v] for v in values[:25]] + [values[::3], values[1:4], [], ["no such"]]
            tests += [[values[-1], "no such", values[0]]] if values else []
            for wanted in tests:
                code = [column.code[v] for v in wanted if v in column.code]
                expected = np.flatnonzero(np.isin(column.codes, code)).tolist()
                assert sorted(column.positions(wanted).tolist()) == expected, wanted
                assert np.flatnonzero(column.among(wanted)).tolist() == expected, wanted
                checked += len(expected)
            assert column.by_code[1][-1] == len(column.codes)
        # about 9,000 positions on the demo store (9,997 after the false-event filter, 8,883
        # at events@1.8.90): the comparison ran over most of its events and quotes, not a few
        assert checked > 8_000


def test_the_server_freezes_what_a_store_generation_keeps(demo_db: Path, tmp_path: Path) -> None:
    """After a per-generation value is built, the server moves every object then alive to the
    garbage collector's permanent generation (``gc.freeze``), so that its full collections
    do not walk the indexes and kept rows (117-260 ms each, the interpreter lock held); the
    answers are those of a server that does not."""
    import gc
    import shutil

    from fastapi.testclient import TestClient

    from dateline.server.app import create_app, settle_collector
    from dateline.storage import generation

    db = tmp_path / "fresh.duckdb"  # a generation of its own: its values are built here
    shutil.copy(demo_db, db)
    client = TestClient(create_app(db, cache_mb=0))
    assert settle_collector in generation.AFTER_BUILD
    urls = ["/events?actor=Putin", "/quotes", "/api/quotes?limit=5", "/timeline?q=Putin"]
    gc.unfreeze()
    try:
        assert gc.get_freeze_count() == 0
        frozen = [client.get(url).text for url in urls]
        assert gc.get_freeze_count() > 10_000
        generation.AFTER_BUILD.remove(settle_collector)
        plain = TestClient(create_app(db, cache_mb=0), raise_server_exceptions=True)
        generation.AFTER_BUILD.remove(settle_collector)  # the new app registered it again
        assert [plain.get(url).text for url in urls] == frozen
    finally:
        if settle_collector not in generation.AFTER_BUILD:
            generation.AFTER_BUILD.append(settle_collector)
        gc.unfreeze()


class _Cyclic:
    """A per-generation value in a reference cycle (it refers to itself): reference counting
    alone never frees it."""

    def __init__(self) -> None:
        self.itself = self


def _change_generation(db: Path) -> None:
    """What an ingest's batch does to the file: a committed transaction (a run's row)."""
    from dateline.server.reading import shared_reader
    from dateline.storage.store import open_store

    shared_reader(db).close()  # this process's read-only instance, as a writer waiting gets
    conn = open_store(db)
    try:
        conn.execute(
            "INSERT INTO runs (started_at, status, pipeline_version, dateline_version) "
            "VALUES (current_localtimestamp(), 'done', 'test', 'test')"
        )
    finally:
        conn.close()


def test_an_older_generation_of_the_store_is_freed_by_the_server(
    demo_db: Path, tmp_path: Path
) -> None:
    """While an ingest changes the store, each generation's values are pushed out by the
    next ones'; the server freezes the collector's generations after every build, so what
    an old generation held in reference cycles would stay frozen, never collected, a little
    more at every batch. Its values are gone once three later generations are built: a
    value in a cycle, and the events page's index."""
    import gc
    import shutil
    import weakref

    from fastapi.testclient import TestClient

    from dateline.server.app import create_app
    from dateline.server.reading import reading
    from dateline.storage import generation
    from dateline.storage.generation import per_generation

    db = tmp_path / "changing.duckdb"
    shutil.copy(demo_db, db)
    client = TestClient(create_app(db, cache_mb=0))
    urls = ["/events?actor=Putin", "/quotes", "/api/quotes?limit=5", "/timeline?q=Putin"]
    urls += ["/actors/vladimir-putin", "/api/events?limit=5", "/api/timeline?q=Putin"]
    try:
        for url in urls:
            assert client.get(url).status_code == 200, url
        with reading(db) as conn:
            cyclic = weakref.ref(per_generation(conn, "test cyclic value", _Cyclic))
            old = str(db.resolve()), generation.generation(db)
            index = weakref.ref(
                next(v for k, v in generation._KEPT.items() if k == ("event_index", *old))
            )
        assert cyclic() is not None and index() is not None
        for _ in range(3):
            _change_generation(db)
            for url in urls:
                assert client.get(url).status_code == 200, url
        assert not any(key[1:] == old for key in generation._KEPT)
        assert index() is None
        assert cyclic() is None
    finally:
        gc.unfreeze()
