"""Article text is hostile input: every page escapes it, and probes of every parameter get a
4xx and no data. (That nothing runs in a real browser is tested in test_server_browser.py.)"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any
from urllib.parse import quote

import pytest

from server.server_helpers import HOSTILE_TITLE

#: SQL injection and path traversal probes; each must be refused wherever it is put.
PROBES = (
    "' OR 1=1 --",
    "' OR '1'='1",
    "1; DROP TABLE events",
    "x' UNION SELECT text, text FROM articles --",
    '" OR ""="',
    "../../../../etc/passwd",
    "..\\..\\windows\\win.ini",
    "/etc/passwd",
    "%00",
    "\x00",
    "<script>alert(1)</script>",
    "vladimir-putin'--",
    "*",
)


def api_parameters(client: Any) -> list[tuple[str, str, str]]:
    """(path, parameter, where) for every parameter of every GET route of the schema."""
    schema = client.get("/api/openapi.json").json()
    found = []
    for path, item in schema["paths"].items():
        for parameter in item["get"].get("parameters", []):
            found.append((path, parameter["name"], parameter["in"]))
    return found


PAGE_PARAMETERS = {
    "/": ("q", "limit", "offset"),
    "/events": ("actor", "source", "target", "type", "quad", "country", "place", "since", "until",
                "factuality", "text", "article", "sort", "order", "limit", "offset"),
    "/quotes": ("actor", "country", "kind", "text", "since", "until", "article", "sort", "order"),
    "/timeline": ("q", "since", "until", "limit", "offset"),
    "/network": ("actor", "type", "country", "place", "text", "edges"),
    "/map": ("actor", "source", "place", "text", "since"),
    "/articles/art-2025-03-14-90bad019303b": ("at", "event", "quote"),
    "/actors/vladimir-putin/counterparts": ("side", "type", "offset"),
}  # fmt: skip


def assert_refused(response: Any, where: str) -> None:
    assert 400 <= response.status_code < 500, f"{where}: {response.status_code}"
    if response.headers["content-type"].startswith("application/json"):
        body = response.json()
        assert body["ok"] is False and "rows" not in body, where
    else:
        assert "data-error=" in response.text, where
        assert "<table" not in response.text, where


def test_probes_in_every_api_parameter_get_a_4xx_and_no_data(client: Any) -> None:
    parameters = api_parameters(client)
    assert len(parameters) > 60
    for path, name, where in parameters:
        for probe in PROBES:
            if where == "path":
                url = path.replace("{" + name + "}", quote(probe, safe=""))
                if "{" in url:
                    url = url.replace("{actor_id}", "x").replace("{article_id}", "x")
            else:
                filled = path.replace("{article_id}", "art-2025-03-14-90bad019303b")
                filled = filled.replace("{actor_id}", "vladimir-putin")
                extra = "&q=Putin" if path == "/api/timeline" and name != "q" else ""
                url = f"{filled}?{name}={quote(probe, safe='')}{extra}"
            assert_refused(client.get(url), f"{url} ({probe!r})")


def test_probes_in_every_page_parameter_get_a_4xx(client: Any) -> None:
    for path, names in PAGE_PARAMETERS.items():
        for name in names:
            for probe in PROBES:
                url = f"{path}?{name}={quote(probe, safe='')}"
                assert_refused(client.get(url), f"{url} ({probe!r})")
    for probe in PROBES:
        for base in ("/articles/", "/actors/", "/articles/x/records?at=", "/static/"):
            response = client.get(base + quote(probe, safe=""))
            assert 400 <= response.status_code < 500, (base, probe, response.status_code)


def test_the_store_is_untouched_by_the_probes(client: Any) -> None:
    before = client.get("/api/stats").json()["rows"]
    client.get("/api/events?text=" + quote("x'); DROP TABLE events; --"))
    assert client.get("/api/stats").json()["rows"] == before


class Markup(HTMLParser):
    """What a browser would treat as active content in a page."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[str | None] = []
        self.handlers: list[tuple[str, str]] = []
        self.links: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        values = dict(attrs)
        if tag == "script":
            self.scripts.append(values.get("src"))
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append((tag, name))
            if name in ("href", "src", "action", "formaction", "srcdoc") and value is not None:
                self.links.append(value)


def hostile_pages(hostile_client: Any) -> list[str]:
    article = hostile_client.get("/api/articles?limit=1").json()["rows"][0]["article_id"]
    records = hostile_client.get(f"/api/articles/{article}").json()["records"]
    event = records["events"][0]["event_id"]
    quote_id = records["quotes"][0]["quote_id"]
    pages = [
        "/",
        "/events",
        "/quotes",
        f"/articles/{article}",
        f"/articles/{article}?event={event}",
        f"/articles/{article}?quote={quote_id}",
        "/timeline?q=Putin",
        "/timeline?q=Kharkiv",
        "/network",
        "/map",
        "/actors/vladimir-putin",
        "/actors/volodymyr-zelensky",
    ]
    text = hostile_client.get(f"/api/articles/{article}").json()["article"]["text"]
    pages += [f"/articles/{article}/records?at={at}" for at in range(0, len(text), 7)]
    for actor in ("vladimir-putin", "volodymyr-zelensky"):  # the rows a "more" row loads
        document = hostile_client.get(f"/api/actors/{actor}").json()
        pages += [
            f"/actors/{actor}/counterparts?side={table}&type={row['type']}"
            for table in ("did", "received")
            for row in document[table]
        ]
    return pages


@pytest.mark.parametrize("field", ["title", "text", "source", "url"])
def test_the_hostile_article_is_stored_as_given(hostile_client: Any, field: str) -> None:
    article = hostile_client.get("/api/articles?limit=1").json()["rows"][0]["article_id"]
    stored = hostile_client.get(f"/api/articles/{article}").json()["article"]
    assert "<" in stored[field] or stored[field].startswith("javascript:")


def test_every_page_escapes_the_hostile_article(hostile_client: Any) -> None:
    for path in hostile_pages(hostile_client):
        response = hostile_client.get(path)
        assert response.status_code == 200, path
        page = Markup()
        page.feed(response.text)
        assert all(src and src.startswith("/static/") for src in page.scripts), path
        assert page.handlers == [], path
        assert not [
            link for link in page.links if link.strip().lower().startswith(("javascript:", "data:"))
        ], path
        assert not page.tags & {"img", "iframe", "style", "b", "object", "embed"}, path
        assert "<script>window.__xss" not in response.text, path
    reader = hostile_client.get(hostile_pages(hostile_client)[3]).text
    assert "&lt;script&gt;window.__xss = &#39;in sentence&#39;&lt;/script&gt;" in reader
    assert HOSTILE_TITLE.replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;") in reader


def test_json_is_served_as_json_not_as_html(hostile_client: Any) -> None:
    article = hostile_client.get("/api/articles?limit=1").json()["rows"][0]["article_id"]
    response = hostile_client.get(f"/api/articles/{article}")
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-content-type-options"] == "nosniff"
