"""Jinja2 templates: autoescaped, strict about undefined names, with the few filters pages use.

Every value a template prints is escaped (``autoescape=True``; no template uses ``|safe``), and
links to an article's own URL are printed only when the URL is http(s): a stored URL is
article input, and ``javascript:`` must never become a link. The two pieces of markup written
here in Python for speed (:func:`quad`, :func:`activity_bars`) escape every value they print
that is not a number they computed.
"""

from __future__ import annotations

import datetime as dt
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote_plus, urlencode, urlsplit

if TYPE_CHECKING:
    from fastapi import Request
    from jinja2 import Environment
    from markupsafe import Markup

TEMPLATES = Path(__file__).parent / "templates"

#: PLOVER quad classes (GDELT's QuadClass): names and the CSS class that colours them.
QUADS = {
    1: ("verbal cooperation", "q1"),
    2: ("material cooperation", "q2"),
    3: ("verbal conflict", "q3"),
    4: ("material conflict", "q4"),
}
#: Pages in the navigation bar: (path, label).
NAV = (
    ("/", "Articles"),
    ("/events", "Events"),
    ("/quotes", "Quotes"),
    ("/timeline", "Timeline"),
    ("/network", "Network"),
    ("/map", "Map"),
)


@lru_cache(maxsize=16)
def quad(q: Any) -> Markup:
    """A quad class as its coloured badge (nothing for none): a function rather than a
    macro, since a macro call costs Jinja several microseconds and an actor page prints
    up to 200 badges. Its values are escaped as a template's are (``Markup.format``)."""
    from markupsafe import Markup

    if not q:
        return Markup("")
    title, css = QUADS[q]
    return Markup('<span class="quad {}" title="{}">{}</span>').format(css, title, q)


#: The actor page's chart of events per month: the width of a month, where the first one
#: starts, the baseline's height and how high the busiest month's bar reaches.
BAR_WIDTH = 22
BARS_LEFT = 30
BARS_BASE = 110
BARS_HEIGHT = 100


def activity_bars(activity: list[dict[str, Any]], peak: int) -> Markup:
    """The bars of an actor page's chart of events per month (``activity``'s rows: month,
    as_source, as_target): two bars a month with their titles, and every third month's
    label. Written here, as the loop of ``actor.html`` wrote it byte for byte, rather than
    in the template: Vladimir Putin's 59 months were 700 values for Jinja to escape one by
    one, 0.6-1.0 ms of his page's 2.5 ms of rendering, and this takes 0.2. Every value is
    a number this function computes but the month, which is escaped."""
    from markupsafe import Markup, escape

    parts = []
    for i, row in enumerate(activity):
        x = BARS_LEFT + i * BAR_WIDTH
        month = escape(row["month"])
        source, target = row["as_source"], row["as_target"]
        hs = round(source / peak * BARS_HEIGHT, 1)
        ht = round(target / peak * BARS_HEIGHT, 1)
        parts.append(
            f'    <rect class="as-source" x="{x}" y="{BARS_BASE - hs}" width="9" height="{hs}">'
            f"<title>{month}: {int(source)} as source</title></rect>\n"
            f'    <rect class="as-target" x="{x + 10}" y="{BARS_BASE - ht}" width="9" '
            f'height="{ht}"><title>{month}: {int(target)} as target</title></rect>\n'
        )
        if i % 3 == 0:
            parts.append(f'<text x="{x}" y="128">{month}</text>')
    return Markup("".join(parts))


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) URL, else None (a ``javascript:`` link is not printed)."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def day(value: Any) -> str:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()[:10]
    return "" if value is None else str(value)


def interval(earliest: Any, latest: Any, fallback: Any = None) -> str:
    """A date interval as text: one day, "first – last", or the fallback (the article date)."""
    if earliest and latest:
        return day(earliest) if earliest == latest else f"{day(earliest)} – {day(latest)}"
    if earliest or latest:
        return day(earliest or latest)
    return f"({day(fallback)})" if fallback else ""


#: Quoted strings remembered by the two functions below: a page quotes the same actor ids,
#: article ids and parameters over and over (an events page 170 ids and 67 query strings).
QUOTED_KEPT = 8192


@lru_cache(maxsize=QUOTED_KEPT)
def _quote_plus(
    value: str, safe: str = "", encoding: str | None = None, errors: str | None = None
) -> str:
    return quote_plus(value, safe, encoding, errors)


def changed_params(request: Request, **changes: Any) -> dict[str, str]:
    """The current URL's parameters with ``changes`` applied (None or "" removes one)."""
    params = dict(request.query_params)
    for name, value in changes.items():
        if value is None or value == "":
            params.pop(name, None)
        else:
            params[name] = str(value)
    return params


def _pair(name: str, value: str) -> str:
    """``name=value`` quoted as urlencode(..., quote_via=quote_plus) quotes it."""
    return f"{_quote_plus(name)}={_quote_plus(value)}"


def with_query(request: Request, **changes: Any) -> str:
    """The current URL's query string with ``changes`` applied (None removes a parameter)."""
    # urlencode(params, quote_via=_quote_plus) for str keys and values, without its type
    # checks: an events page makes 85 of these links
    return "?" + "&".join(_pair(k, v) for k, v in changed_params(request, **changes).items())


def facet_queries(
    request: Request, name: str, counts: list[tuple[Any, int]]
) -> list[tuple[Any, int, str]]:
    """``(value, n, query)`` for each facet value of ``counts``, ``query`` being
    ``with_query(request, **{name: value, "offset": None})``: the other parameters of the
    query string are quoted and joined once per facet instead of once per value (a
    ``with_query`` per value was an eighth of an events page's samples: 72 links)."""
    params = dict(request.query_params)
    if name == "offset":  # not a facet: the general case
        return [(value, n, with_query(request, offset=None)) for value, n in counts]
    params.pop("offset", None)
    keys = list(params)
    at = keys.index(name) if name in params else len(keys)
    head = [_pair(k, params[k]) for k in keys[:at]]
    tail = [_pair(k, params[k]) for k in keys[at + 1 :]]
    without = "?" + "&".join(head + tail)  # the parameter removed (an empty value)
    return [
        (
            value,
            n,
            without
            if value is None or value == ""
            else "?" + "&".join([*head, _pair(name, str(value)), *tail]),
        )
        for value, n in counts
    ]


@lru_cache(maxsize=QUOTED_KEPT)
def _url_quote(value: str) -> str:
    from jinja2.filters import do_urlencode

    return do_urlencode(value)


def url_quote(value: Any) -> str:
    """Jinja's ``urlencode`` filter, remembering the strings it quoted."""
    if type(value) is str:
        return _url_quote(value)
    from jinja2.filters import do_urlencode

    return do_urlencode(value)


@cache
def environment() -> Environment:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # templates ship with the package: compiled once, never re-checked
    )
    env.filters.update(safe_url=safe_url, day=day, urlencode=url_quote)
    env.globals.update(
        interval=interval,
        with_query=with_query,
        facet_queries=facet_queries,
        quad=quad,
        activity_bars=activity_bars,
        BAR_WIDTH=BAR_WIDTH,
        QUADS=QUADS,
        NAV=NAV,
        urlencode=urlencode,
    )
    return env


def render_html(name: str, request: Request, **context: Any) -> str:
    return environment().get_template(name).render(request=request, **context)
