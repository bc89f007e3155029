"""The web UI in a real browser: Playwright driving Debian's chromium against `dateline serve`
on loopback. Every page loads and is screenshot (build/screenshots/, the README's pictures);
a timeline item leads to its evidence sentence; spans show their records; filters, actor links
and CSV downloads do what the screen says; the hostile article runs nothing.

Skipped, with the reason, when /usr/bin/chromium or Playwright is absent
(`apt-get install -y chromium`; `.ci/run` installs it).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from server.server_helpers import ROOT

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
#: Without the background-networking flags chromium keeps trying to reach Google's hosts,
#: which this machine's closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = ROOT / "build" / "screenshots"
EXAMPLE_ID = "art-2025-03-14-90bad019303b"
PAGES = {
    "articles": "/",
    "events": "/events?limit=25",
    "quotes": "/quotes?limit=25",
    "reader": f"/articles/{EXAMPLE_ID}?at=1708#record",
    "actor": "/actors/vladimir-putin",
    "timeline": "/timeline?q=Putin",
    "network": "/network?edges=60",
    "map": "/map",
}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(
            f"browser tests need Debian's chromium at {CHROMIUM}: apt-get install -y chromium"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("browser tests need Playwright: pip install playwright")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class Watched:
    """A page with what went wrong on it: script errors, dialogs, CSP reports."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.console: list[str] = []
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", lambda message: self.console.append(message.text))

        def dialog(d: Any) -> None:
            self.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", dialog)


@pytest.fixture
def watched(browser: Any) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 860}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield Watched(page)
    context.close()


def ready(page: Any, name: str) -> None:
    """Wait until a page's scripts have drawn what they draw."""
    if name == "network":
        page.wait_for_selector("#network[data-ready=true]", timeout=30_000)
    elif name == "map":
        page.wait_for_selector("#map[data-ready=true]")


def test_every_page_loads_and_is_screenshot(live_demo: Any, watched: Watched) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = watched.page
    for name, path in PAGES.items():
        response = page.goto(live_demo.url + path)
        assert response is not None and response.status == 200, path
        ready(page, name)
        assert page.locator("header.top nav a").count() == 6
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))
    assert watched.errors == [] and watched.dialogs == []
    # Our own pages never need an exception to the CSP; only vis-network's bundled CSS
    # injection is refused (its stylesheet is loaded as a file instead).
    blocked = [m for m in watched.console if "Content Security Policy" in m]
    assert all("style" in m for m in blocked), blocked


def test_a_timeline_item_leads_to_its_evidence_sentence(live_demo: Any, watched: Watched) -> None:
    page = watched.page
    page.goto(live_demo.url + "/timeline?q=Kursk")
    report = page.locator("ol.timeline li.entry.event .reports-list li").first
    sentence = report.locator(".evidence").inner_text()
    report.locator("a.to-evidence").click()
    page.wait_for_url(re.compile(r"/articles/[^?]+\?event=[^#]+#evidence$"))
    anchor = page.locator("#evidence")
    assert anchor.is_visible()
    focused = "".join(page.locator(".text .focus").all_inner_texts())
    assert focused == sentence
    panel = page.locator("#record .record-event")
    assert panel.count() == 1 and "stage@version" in panel.inner_text()
    assert "events@" in panel.inner_text()
    page.screenshot(path=str(SCREENSHOTS / "timeline-to-evidence.png"))


def test_a_span_shows_its_record_and_every_mention_of_its_actor(
    live_demo: Any, watched: Watched
) -> None:
    page = watched.page
    page.goto(f"{live_demo.url}/articles/{EXAMPLE_ID}")
    # data-actor lists every actor mentioned over a span ("the two leaders": each of two)
    putin = page.locator('.seg.k-actor[data-actor~="vladimir-putin"]')
    assert putin.count() >= 5
    putin.nth(1).click()
    page.wait_for_selector("#record .record-mention")
    panel = page.locator("#record").inner_text()
    assert "vladimir-putin" in panel and "stage@version" in panel and "actors@" in panel
    assert page.locator(".seg.same-actor").count() == putin.count()
    mentions = page.locator("#record .mention-link")
    # a mention with a place inside it ("Russian president Vladimir Putin") is drawn as more
    # than one piece: pieces that touch are one mention
    pieces = [
        (int(putin.nth(i).get_attribute("data-at") or 0), putin.nth(i).inner_text())
        for i in range(putin.count())
    ]
    whole = sum(
        1
        for i, (at, _) in enumerate(pieces)
        if i == 0 or pieces[i - 1][0] + len(pieces[i - 1][1]) < at
    )
    assert mentions.count() == whole
    # negated and hypothetical events are marked: "does not appear inclined to order"
    negated = page.locator(".k-event.f-negated")
    assert "order" in negated.all_inner_texts()
    line = negated.first.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert "line-through" in line
    assert page.locator(".k-event.f-hypothetical").count() >= 1
    assert watched.errors == []


def test_filtering_events_keeps_only_what_was_asked(live_demo: Any, watched: Watched) -> None:
    page = watched.page
    page.goto(live_demo.url + "/events")
    page.select_option("form.filters select[name=type]", "REQUEST")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r"type=REQUEST"))
    assert "actor=" not in page.url  # empty fields are left out of the URL
    types = page.locator("#events tbody tr td:nth-child(2)").all_inner_texts()
    assert types and all("REQUEST" in t for t in types)
    page.locator(".facet h3:text('Factuality') + ul a").first.click()
    page.wait_for_url(re.compile(r"factuality="))
    chosen = re.search(r"factuality=(\w+)", page.url)
    assert chosen is not None
    cells = page.locator("#events tbody tr td:nth-child(5)").all_inner_texts()
    assert cells and {c.strip() for c in cells} == {chosen[1]}


def test_following_an_actor(live_demo: Any, watched: Watched) -> None:
    page = watched.page
    page.goto(live_demo.url + "/events?source=donald-trump&target=vladimir-putin")
    link = page.locator("#events tbody a.actor", has_text="Vladimir Putin").first
    link.click()
    page.wait_for_url(re.compile(r"/actors/vladimir-putin$"))
    assert page.locator("h1.actor-name").inner_text() == "Vladimir Putin"
    received = page.locator("#received").inner_text()
    assert "REQUEST" in received and "Donald Trump" in received
    page.locator(".links a", has_text="Timeline").click()
    page.wait_for_url(re.compile(r"/timeline\?q=vladimir-putin"))
    assert page.locator("ol.timeline li.entry").count() >= 1


def test_more_counterparts_load_in_place(live_demo: Any, watched: Watched) -> None:
    """An actor page shows three counterparts of each type; a "more" row says how many are
    left and, clicked, puts them in its place (htmx), the page staying where it is."""
    page = watched.page
    page.goto(live_demo.url + "/actors/vladimir-putin")
    table = page.locator("#did")
    more = table.locator("tr.more a.more").first
    left = int(more.inner_text().split()[0])
    url = more.get_attribute("hx-get")
    assert url and left > 0
    kind = re.search(r"type=([A-Z]+)", url)
    assert kind is not None
    of_kind = table.locator("tbody tr:not(.more) td:first-child", has_text=kind.group(1))
    assert of_kind.count() == 3
    mores = table.locator("tr.more").count()
    more.click()
    page.wait_for_function(
        "([kind, n]) => [...document.querySelectorAll('#did tbody tr:not(.more) td:first-child')]"
        ".filter(td => td.textContent.trim().endsWith(' ' + kind)).length === n",
        arg=[kind.group(1), 3 + min(left, 25)],
    )
    assert page.url == live_demo.url + "/actors/vladimir-putin"
    assert table.locator("tr.more").count() == mores - (1 if left <= 25 else 0)
    page.screenshot(path=str(SCREENSHOTS / "actor-more.png"))
    assert watched.errors == [] and watched.dialogs == []


def test_a_downloaded_csv_holds_the_rows_on_the_screen(
    live_demo: Any, watched: Watched, tmp_path: Path
) -> None:
    page = watched.page
    page.goto(live_demo.url + "/events?type=CONSULT&sort=place&order=desc&limit=10&offset=2")
    on_screen = page.locator("#events tbody tr").evaluate_all(
        "rows => rows.map(r => r.dataset.event)"
    )
    evidence = page.locator("#events tbody tr td:nth-child(7) .evidence").all_inner_texts()
    assert len(on_screen) == 10
    with page.expect_download() as download:
        page.click("#download-csv")
    saved = tmp_path / "events.csv"
    download.value.save_as(saved)
    with saved.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [f"{r['article_id']}/{r['event_id']}" for r in rows] == on_screen
    assert [r["evidence_text"] for r in rows] == evidence
    assert {r["type"] for r in rows} == {"CONSULT"}


def test_the_map_popup_holds_the_evidence(live_demo: Any, watched: Watched) -> None:
    page = watched.page
    page.goto(live_demo.url + "/map?place=Kursk")
    page.wait_for_selector("#map[data-ready=true]")
    assert page.locator("#map svg .countries path").count() > 100  # world-atlas outlines
    circle = page.locator("#map circle.place").last  # drawn last: on top of the busier ones
    name = circle.get_attribute("data-name")
    circle.click()
    popup = page.locator("#popup")
    popup.wait_for(state="visible")
    assert name and popup.locator("h3").inner_text().startswith(name)
    link = popup.locator("a.to-evidence").first
    href = link.get_attribute("href")
    assert href is not None and re.match(r"^/articles/[^?]+\?event=[^#]+#evidence$", href)
    assert popup.locator(".evidence").first.inner_text().strip()
    page.screenshot(path=str(SCREENSHOTS / "map-popup.png"))


def test_nothing_in_the_hostile_article_runs(live_hostile: Any, watched: Watched) -> None:
    page = watched.page
    page.goto(live_hostile.url + "/api/articles?limit=1")
    article = page.evaluate("() => JSON.parse(document.body.innerText).rows[0].article_id")
    paths = [
        "/",
        "/events",
        "/quotes",
        f"/articles/{article}",
        "/timeline?q=Putin",
        "/actors/vladimir-putin",
        "/network",
        "/map",
    ]
    for path in paths:
        page.goto(live_hostile.url + path)
        ready(page, path.strip("/").split("?")[0])
        if path.startswith("/articles/"):
            spans = page.locator(".seg")
            for i in range(spans.count()):
                spans.nth(i).click()
            page.wait_for_timeout(300)  # the last record panel swapped in
            assert page.locator("#record .record").count() >= 1
            assert page.locator(".unsafe-url").count() == 1  # the javascript: URL is text
        if path == "/map":
            for i in range(page.locator("#map circle.place").count()):
                page.locator("#map circle.place").nth(i).dispatch_event("click")
        page.hover("body")
        injected = page.evaluate(
            """() => ({
                xss: window.__xss === undefined ? null : String(window.__xss),
                inline: document.querySelectorAll('script:not([src]), img, iframe, object, embed').length,
                handlers: [...document.querySelectorAll('*')].filter(
                    e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
                jsLinks: [...document.querySelectorAll('[href]')].filter(
                    e => e.getAttribute('href').trim().toLowerCase().startsWith('javascript:')).length,
            })"""
        )
        assert injected == {"xss": None, "inline": 0, "handlers": 0, "jsLinks": 0}, path
    assert watched.dialogs == [] and watched.errors == []
    page.goto(f"{live_hostile.url}/articles/{article}")
    page.screenshot(path=str(SCREENSHOTS / "hostile-reader.png"))
