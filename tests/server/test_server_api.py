"""The HTTP API of `dateline serve` on a store of real text (the shipped example, and a slice of
the press-release corpus when ../shared is there): one error shape, hard page limits, filters,
the flat events table in JSON, CSV and Parquet, and reads while another process holds the lock."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

EXAMPLE_ID = "art-2025-03-14-90bad019303b"
DATELINE = [sys.executable, "-c", "from dateline.cli import main; main()"]
ERROR_KEYS = {"ok", "status", "error", "parameter", "message"}


def api_paths(client: Any) -> dict[str, list[str]]:
    """GET paths of the OpenAPI schema -> their parameter names."""
    schema = client.get("/api/openapi.json").json()
    return {
        path: [p["name"] for p in item["get"].get("parameters", [])]
        for path, item in schema["paths"].items()
    }


def concrete(path: str) -> str:
    return path.replace("{article_id}", EXAMPLE_ID).replace("{actor_id}", "vladimir-putin")


def assert_error(response: Any, status: int, error: str, parameter: str | None = None) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == ERROR_KEYS
    assert body["ok"] is False and body["status"] == status and body["error"] == error
    assert body["parameter"] == parameter
    assert isinstance(body["message"], str) and body["message"]
    return body


def test_the_schema_lists_every_api_route_and_its_filters(client: Any) -> None:
    paths = api_paths(client)
    for route in ("/api/events", "/api/events.csv", "/api/events.parquet", "/api/quotes"):
        assert route in paths
    assert {"/api/articles/{article_id}", "/api/actors/{actor_id}", "/api/timeline"} <= set(paths)
    assert {"/api/network", "/api/map", "/api/stats", "/api/events/facets"} <= set(paths)
    filters = {"actor", "source", "target", "type", "quad", "country", "place", "since", "until"}
    assert filters | {"factuality", "text", "limit", "offset", "sort"} <= set(paths["/api/events"])
    # Swagger UI and ReDoc would load scripts from a CDN: not served
    assert client.get("/docs").status_code == 404


def test_every_endpoint_answers_an_unknown_parameter_in_the_one_error_shape(client: Any) -> None:
    for path in api_paths(client):
        body = assert_error(client.get(concrete(path) + "?bogus=1"), 400, "bad_parameter", "bogus")
        assert body["message"].startswith("Unknown parameter 'bogus'. Parameters here:")


def test_the_error_shape_is_pinned(client: Any) -> None:
    body = assert_error(client.get("/api/events?limit=501"), 400, "bad_parameter", "limit")
    assert body == {
        "ok": False,
        "status": 400,
        "error": "bad_parameter",
        "parameter": "limit",
        "message": "limit: Input should be less than or equal to 500.",
    }
    assert_error(client.get("/api/events?limit=2&limit=3"), 400, "bad_parameter", "limit")
    assert_error(client.get("/api/events?type=PARLEY"), 400, "bad_parameter", "type")
    assert_error(
        client.get("/api/events?since=2025-03-15&until=2025-03-14"), 400, "bad_parameter", "since"
    )
    assert_error(client.get("/api/quotes?kind=shouted"), 400, "bad_parameter", "kind")
    assert_error(client.get("/api/timeline"), 400, "bad_parameter", "q")
    missing = assert_error(
        client.get("/api/articles/art-1999-01-01-000000000000"), 404, "not_found"
    )
    assert missing["message"] == "No article 'art-1999-01-01-000000000000' in this store."
    assert_error(client.get("/api/actors/nobody-at-all"), 404, "not_found")
    assert_error(client.get("/api/no-such-thing"), 404, "not_found")
    assert_error(client.post("/api/events"), 405, "method_not_allowed")
    assert_error(client.delete(f"/api/articles/{EXAMPLE_ID}"), 405, "method_not_allowed")


def test_pages_show_the_same_error_as_html_or_json_when_asked(client: Any) -> None:
    page = client.get("/events?limit=501")
    assert page.status_code == 400 and page.headers["content-type"].startswith("text/html")
    assert 'data-error="bad_parameter"' in page.text and "less than or equal to 500" in page.text
    assert client.get("/articles/art-1999-01-01-000000000000").status_code == 404
    as_json = client.get("/events?limit=501", headers={"Accept": "application/json"})
    assert_error(as_json, 400, "bad_parameter", "limit")


def test_pages_of_rows_have_hard_limits_and_link_the_next_page(client: Any) -> None:
    first = client.get("/api/events?limit=5").json()
    assert first["ok"] and first["limit"] == 5 and len(first["rows"]) == 5
    assert first["total"] > 5 and "offset=5" in first["next"]
    second = client.get(first["next"].split("testserver", 1)[1]).json()
    seen = {(r["article_id"], r["event_id"]) for r in first["rows"]}
    assert seen.isdisjoint((r["article_id"], r["event_id"]) for r in second["rows"])
    assert client.get("/api/events?limit=500").status_code == 200
    assert_error(client.get("/api/events?limit=0"), 400, "bad_parameter", "limit")
    assert_error(client.get("/api/events?offset=-1"), 400, "bad_parameter", "offset")
    assert_error(client.get("/api/events?offset=1000001"), 400, "bad_parameter", "offset")
    assert client.get("/api/events.csv?limit=100000").status_code == 200
    assert_error(client.get("/api/events.csv?limit=100001"), 400, "bad_parameter", "limit")
    assert_error(client.get("/api/network?edges=401"), 400, "bad_parameter", "edges")


def rows(client: Any, query: str) -> list[dict]:
    body = client.get(f"/api/events?limit=500&{query}").json()
    assert body["ok"], body
    return body["rows"]


def test_actor_filters_take_ids_names_and_misspellings(client: Any) -> None:
    by_id = rows(client, "actor=vladimir-putin")
    assert by_id and all(
        "vladimir-putin" in (r["source_ids"] or "") + (r["target_ids"] or "") for r in by_id
    )
    # "Puttin" is in no stored name: a spelling variant of the one the articles use
    misspelt = client.get("/api/actors?q=Vladimir Puttin").json()["rows"]
    assert misspelt[0]["actor_id"] == "vladimir-putin"
    assert {(r["article_id"], r["event_id"]) for r in rows(client, "actor=Puttin")} >= {
        (r["article_id"], r["event_id"]) for r in by_id
    }


def test_a_dyad_is_a_source_and_a_target(client: Any) -> None:
    asked = rows(client, "source=donald-trump&target=vladimir-putin")
    assert asked and all("donald-trump" in r["source_ids"] for r in asked)
    assert all("vladimir-putin" in r["target_ids"] for r in asked)
    # "Trump ... claimed that he asked the Russian leader to order his troops ..."
    assert "REQUEST" in {r["type"] for r in asked}
    assert "donald-trump" in {r["source_ids"] for r in rows(client, "target=vladimir-putin")}


def test_type_quad_factuality_country_place_and_text_filters(client: Any) -> None:
    assert {r["type"] for r in rows(client, "type=request")} == {"REQUEST"}
    assert {r["quad"] for r in rows(client, "quad=4")} == {4}
    negated = rows(client, f"factuality=negated&article={EXAMPLE_ID}")
    # "Putin does not appear inclined to order his forces ..."
    assert {r["factuality"] for r in negated} == {"negated"}
    assert "order" in {r["trigger_text"] for r in negated}
    for r in rows(client, "country=RUS"):
        assert "RUS" in [
            r["place_country"],
            *(r["source_countries"] or "").split("; "),
            *(r["target_countries"] or "").split("; "),
        ]
    kursk = rows(client, "place=Kursk")
    assert kursk and all("Kursk" in f"{r['place_name']} {r['place_admin1']}" for r in kursk)
    massacre = rows(client, "text=MASSACRE")
    assert massacre and all("massacre" in r["evidence_text"].lower() for r in massacre)


def test_dates_filter_by_overlap_with_the_event_interval(client: Any) -> None:
    # "Earlier in the week, Putin had made an unannounced visit ..." (article of Friday
    # 2025-03-14): the events of that sentence are dated 2025-03-10 .. 2025-03-13
    visit = rows(client, "text=unannounced visit")
    assert visit and {(r["date_earliest"], r["date_latest"]) for r in visit} == {
        ("2025-03-10", "2025-03-13")
    }
    inside = rows(client, "text=unannounced visit&since=2025-03-12&until=2025-03-12")
    assert len(inside) == len(visit)
    assert rows(client, "text=unannounced visit&since=2025-03-14") == []
    assert rows(client, "text=unannounced visit&until=2025-03-09") == []


def test_sorting_by_a_column_in_either_direction(client: Any) -> None:
    for order in ("asc", "desc"):
        names = [r["source_names"] for r in rows(client, f"sort=source&order={order}")]
        present = [n for n in names if n is not None]
        assert present and names[: len(present)] == present  # events with no source come last
        # ordered by the first source's name (a row lists all its sources, "A; B")
        firsts = [n.split("; ")[0] for n in present]
        assert firsts == sorted(firsts, reverse=order == "desc")


def test_csv_and_parquet_downloads_hold_the_rows_of_the_page(client: Any) -> None:
    import pyarrow.parquet as pq

    from dateline.storage.search import FLAT_EVENT_COLUMNS

    query = "type=CONSULT&sort=date&order=desc&limit=7&offset=1"
    page = client.get(f"/api/events?{query}").json()["rows"]
    assert len(page) == 7 and list(page[0]) == list(FLAT_EVENT_COLUMNS)
    download = client.get(f"/api/events.csv?{query}")
    assert download.headers["content-disposition"] == 'attachment; filename="events.csv"'
    table = list(csv.DictReader(io.StringIO(download.text)))
    assert [tuple(r.values()) for r in table] == [
        tuple("" if v is None else str(v) for v in row.values()) for row in page
    ]
    parquet = pq.read_table(io.BytesIO(client.get(f"/api/events.parquet?{query}").content))
    assert parquet.column_names == list(FLAT_EVENT_COLUMNS)
    assert parquet.column("event_id").to_pylist() == [r["event_id"] for r in page]
    assert parquet.column("evidence_text").to_pylist() == [r["evidence_text"] for r in page]


def test_export_writes_the_same_flat_events_table(
    client: Any, demo_db: Path, tmp_path: Path
) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "events.parquet"
    done = subprocess.run(
        [*DATELINE, "export", str(out), "--format", "parquet",
         "--flat-events", "--db", str(demo_db)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    table = pq.read_table(out)
    api = client.get("/api/events?limit=500").json()
    assert table.num_rows == api["total"]
    assert table.column_names == list(api["rows"][0])
    by_id = {(r["article_id"], r["event_id"]): r for r in table.to_pylist()}
    for row in api["rows"][:50]:
        exported = by_id[(row["article_id"], row["event_id"])]
        for column in ("type", "source_names", "target_countries", "place_lat", "evidence_text"):
            assert exported[column] == row[column]


def test_quotes_filter_by_speaker_and_kind_and_download_as_shown(client: Any) -> None:
    body = client.get("/api/quotes?actor=Trump&kind=partial&limit=500").json()
    assert body["rows"] and {r["speaker_actor"] for r in body["rows"]} == {"donald-trump"}
    assert {r["kind"] for r in body["rows"]} == {"partial"}
    # “very good and productive discussions”
    assert any("productive discussions" in r["text"] for r in body["rows"])
    download = list(
        csv.DictReader(io.StringIO(client.get("/api/quotes.csv?actor=Trump&kind=partial").text))
    )
    assert [r["quote_id"] for r in download] == [r["quote_id"] for r in body["rows"]]


def test_an_article_comes_with_every_record_and_its_stage(client: Any) -> None:
    body = client.get(f"/api/articles/{EXAMPLE_ID}").json()
    text = body["article"]["text"]
    records = body["records"]
    assert {"mentions", "quotes", "events", "times", "places", "claims"} <= set(records)
    for record in (r for kind in records.values() for r in kind):
        assert "@" in record["stage"]
        start = record.get("start_char", record.get("evidence_start"))
        end = record.get("end_char", record.get("evidence_end"))
        assert text[start:end] == record.get("text", record.get("evidence_text"))


def test_an_actor_profile_says_who_did_what_to_whom(client: Any) -> None:
    putin = client.get("/api/actors/vladimir-putin").json()
    received = {(r["type"], r["counterpart"]) for r in putin["received"]}
    assert ("REQUEST", "donald-trump") in received  # Trump asked Putin to spare lives
    assert putin["roles"] and putin["roles"][0]["country"] == "RUS"
    assert {"Putin", "the Russian leader"} <= {s["spelling"] for s in putin["spellings"]}
    trump = client.get("/api/actors/donald-trump").json()
    assert ("REQUEST", "vladimir-putin") in {(r["type"], r["counterpart"]) for r in trump["did"]}
    assert trump["quotes"] and all(q["speaker_actor"] == "donald-trump" for q in trump["quotes"])


def _counterpart_rows(html: str) -> tuple[list[tuple[str, str, int]], list[tuple[str, int]]]:
    """The rows of counterparts an actor page's table (or a "more" answer) holds, as (type,
    counterpart, events), and its "more" rows, as (the URL they load, how many they say)."""
    import html as entities
    import re

    rows = [
        (kind, other, int(n))
        for kind, other, n in re.findall(
            r'</span> ([A-Z]+)</td><td><a class="actor" href="/actors/([^"]+)">[^<]*</a></td>'
            r'<td class="num"><a href="[^"]+">(\d+)</a>',
            html,
        )
    ]
    more = [
        (entities.unescape(url), int(n))
        for url, n in re.findall(r'hx-get="([^"]+)"[^>]*>(\d+) more</a>', html)
    ]
    return rows, more


def test_an_actor_page_shows_three_counterparts_a_type_and_loads_the_rest(client: Any) -> None:
    """Of each side and event type the page shows the three counterparts with most events,
    and a "more" row saying how many are left, which loads the next ones in its place (and
    a "more" row of its own while some are still left): all the counterparts in the end, each
    once, in the document's order (most events first), with its counts."""
    import re

    document = client.get("/api/actors/vladimir-putin").json()
    page = client.get("/actors/vladimir-putin").text
    loaded_some = False
    for table in ("did", "received"):
        html = re.search(rf'<table class="rows" id="{table}">.*?</table>', page, re.S)
        assert html is not None
        shown, more = _counterpart_rows(html.group(0))
        expected = [(r["type"], r["counterpart"], r["n"]) for r in document[table]]
        assert shown == [
            row for row, r in zip(expected, document[table], strict=True) if r["rank"] <= 3
        ]
        every: dict[str, list[tuple[str, str, int]]] = {}
        for row in shown:
            every.setdefault(row[0], []).append(row)
        while more:
            url, left = more.pop(0)
            kind = re.search(r"type=([A-Z]+)", url)
            assert kind is not None and f"side={table}&" in url
            answer = client.get(url)
            assert answer.status_code == 200 and "<html" not in answer.text
            rows, further = _counterpart_rows(answer.text)
            assert rows and {r[0] for r in rows} == {kind.group(1)}
            assert len(rows) == min(left, 25)
            assert [n for _, n in further] == ([left - len(rows)] if left > len(rows) else [])
            every[kind.group(1)].extend(rows)
            more.extend(further)
            loaded_some = True
        for kind, rows in every.items():
            assert len({other for _, other, _ in rows}) == len(rows)
            counts = [n for _, _, n in rows]
            assert counts == sorted(counts, reverse=True)
            # the document's (its eight first) come first, in its order
            top = [row for row in expected if row[0] == kind]
            assert rows[: len(top)] == top
    assert loaded_some  # Putin has more than three counterparts of some type here
    refused = client.get("/actors/vladimir-putin/counterparts?side=both&type=CONSULT")
    assert refused.status_code == 400 and 'data-error="bad_parameter"' in refused.text
    refused = client.get("/actors/vladimir-putin/counterparts?side=did&type=NOPE")
    assert refused.status_code == 400 and 'data-error="bad_parameter"' in refused.text
    missing = client.get("/actors/nobody-at-all/counterparts?side=did&type=CONSULT")
    assert missing.status_code == 404
    none_left = client.get("/actors/vladimir-putin/counterparts?side=did&type=CONSULT&offset=900")
    assert none_left.status_code == 200 and _counterpart_rows(none_left.text) == ([], [])


def test_a_timeline_links_each_merged_event_to_its_reports(client: Any) -> None:
    body = client.get("/api/timeline?q=Kursk&limit=500").json()
    events = [e for e in body["rows"] if e["kind"] == "event"]
    assert events and body["total"] >= len(body["rows"])
    for entry in events:
        assert entry["n_reports"] >= 1 and entry["evidence"]
        for report in entry["evidence"]:
            article = client.get(f"/api/articles/{report['article_id']}").json()
            ids = {e["event_id"] for e in article["records"]["events"]}
            assert report["event_id"] in ids
    assert [e["date"] for e in body["rows"]] == sorted(e["date"] for e in body["rows"])
    paged = client.get("/api/timeline?q=Kursk&limit=2&offset=1").json()["rows"]
    assert paged == body["rows"][1:3]


def test_network_edges_and_map_places(client: Any) -> None:
    network = client.get("/api/network?edges=20").json()
    ids = {n["id"] for n in network["nodes"]}
    assert network["edges"] and len(network["edges"]) <= 20
    for edge in network["edges"]:
        assert edge["quad"] in (1, 2, 3, 4) and {edge["source"], edge["target"]} <= ids
    places = client.get("/api/map?place=Kursk").json()["places"]
    assert places and all(-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 for p in places)
    assert all(p["examples"] and p["examples"][0]["evidence"] for p in places)


def test_every_response_carries_the_security_headers(client: Any) -> None:
    for path in ("/", "/events", "/api/events", "/static/app.css", "/api/nothing", "/articles/x"):
        response = client.get(path)
        policy = response.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "default-src 'none'" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        assert response.headers["x-content-type-options"] == "nosniff"


HOLD_LOCK = (
    "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); "
    "sys.stdin.read()"
)


def hold_lock(path: Path) -> subprocess.Popen:
    """A child process (ours, stopped by closing its stdin) holding ``path`` for writing."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
    return holder


def release(holder: subprocess.Popen) -> None:
    assert holder.stdin is not None
    holder.stdin.close()
    holder.wait(timeout=30)


@pytest.fixture
def store_copy(demo_db: Path, tmp_path: Path) -> Path:
    import shutil

    copy = tmp_path / "copy.duckdb"
    shutil.copy(demo_db, copy)
    return copy


def test_a_store_locked_by_a_writer_gives_503_then_reads_again(store_copy: Path) -> None:
    from server.server_helpers import make_client

    client = make_client(store_copy)
    holder = hold_lock(store_copy)
    try:
        started = time.monotonic()
        body = assert_error(client.get("/api/events"), 503, "store_busy")
        assert "locked by another process" in body["message"] and "try again" in body["message"]
        assert time.monotonic() - started >= 2  # it retried before giving up
    finally:
        release(holder)
    assert client.get("/api/events").status_code == 200


def test_a_read_waits_for_a_writer_that_finishes_its_batch(store_copy: Path) -> None:
    from server.server_helpers import make_client

    client = make_client(store_copy)
    holder = hold_lock(store_copy)
    threading.Timer(0.4, release, [holder]).start()  # the "batch" commits after 0.4 s
    response = client.get("/api/stats")
    assert response.status_code == 200 and response.json()["rows"]["articles"] >= 1


def test_serve_refuses_a_missing_store_in_one_line(tmp_path: Path) -> None:
    done = subprocess.run(
        [*DATELINE, "serve", "--db", str(tmp_path / "none.duckdb")],
        capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert done.returncode == 4
    assert done.stderr.strip().splitlines() == [
        f"Error: No dateline store at {tmp_path / 'none.duckdb'}. Create one with: "
        f"dateline ingest FILE --db {tmp_path / 'none.duckdb'}"
    ]


def test_a_timeline_page_is_the_slice_of_the_whole_timeline(demo_db: Path) -> None:
    from dateline.corpus.timeline import timeline, timeline_page
    from dateline.storage.store import connect

    def reports(entries: list[dict]) -> list[dict]:  # reports of one day may tie in order
        return [
            {**e, "evidence": sorted((r["article_id"], r["event_id"]) for r in e["evidence"])}
            if e["kind"] == "event"
            else e
            for e in entries
        ]

    with connect(demo_db, read_only=True) as conn:
        for query in ("Kursk", "Putin", "Trump AND Putin", "Putin OR Ukraine"):
            whole = timeline(conn, query)
            for offset, limit in ((0, 50), (3, 4), (max(len(whole) - 2, 0), 10)):
                page, total = timeline_page(conn, query, limit=limit, offset=offset)
                assert total == len(whole)
                assert reports(page) == reports(whole[offset : offset + limit])


def test_answers_are_reused_only_while_the_store_is_unchanged(store_copy: Path) -> None:
    from dateline.ingest import ingest
    from server.server_helpers import hostile_article, make_client

    client = make_client(store_copy)
    first = client.get("/api/stats")
    assert first.headers["x-dateline-cache"] == "miss"
    again = client.get("/api/stats")
    assert again.headers["x-dateline-cache"] == "hit" and again.content == first.content
    assert "script-src 'self'" in again.headers["content-security-policy"]
    assert (
        client.get("/api/stats?bogus=1").headers["x-dateline-cache"] == "miss"
    )  # errors: never kept
    time.sleep(0.6)  # the server lets go of the file once idle, so the ingest can write
    ingest([hostile_article()], db=store_copy, workers=1, progress=False)
    after = client.get("/api/stats")
    assert after.headers["x-dateline-cache"] == "miss"
    assert after.json()["rows"]["articles"] == first.json()["rows"]["articles"] + 1


def test_the_shared_reader_reopens_the_store_only_to_let_a_writer_in(store_copy: Path) -> None:
    """Reopening costs DuckDB's cache and stalls every request in flight, so an instance older
    than max_age is kept while nobody waits to write; a writer (holding <store>.lock, as an
    ingest does) gets its gap."""
    from dateline.server.reading import SharedReader
    from dateline.storage.lock import writer_lock

    reader = SharedReader(store_copy, linger=60, max_age=0.0)
    try:
        first = reader.acquire()
        opened = reader._conn
        reader.release(first)
        again = reader.acquire()  # older than max_age, but no writer: the same instance
        assert reader._conn is opened
        reader.release(again)
        with writer_lock(store_copy, "ingest"):
            during = reader.acquire()  # a writer waits: closed, reopened (it took no lock yet)
            assert reader._conn is not opened
            assert during.execute("SELECT count(*) FROM articles").fetchone()[0] >= 1
            reader.release(during)
    finally:
        reader.close()
