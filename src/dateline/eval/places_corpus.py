"""Readers for the news geoparsing corpora scored by :mod:`dateline.eval.places`.

Two formats, detected from the XML (``corpus="auto"``) or named:

- ``lgl``: TR-News (Kamalloo & Rafiei 2018) and LGL (Lieberman et al. 2010):
  ``article/text`` + ``toponyms/toponym{start, end, phrase, gaztag[geonameid]{lat, lon}}``;
  toponyms without a gaztag count for recognition only;
- ``geovirus``: GeoVirus (Gritta et al. 2018): ``article/text`` + ``locations/location{name,
  start, end, lat, lon}``.

Gold offsets are re-anchored to the nearest occurrence of the gold phrase within 20 characters
when ``text[start:end]`` is not the phrase: every GeoVirus offset is one character late, and so
are some TR-News articles' (``n_gold_reanchored`` counts them; those not found are kept as is).

The article date does not matter for places: ``dltime`` when present, else 2017-01-01.
The outlet goes to ``Article.url`` and ``Article.source`` (TR-News/LGL ``url`` and ``domain``,
GeoVirus ``source``), as the ingest readers set them, so the places stage sees the same clues.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from dateline.errors import EvalError
from dateline.model import Article

CORPORA = ("auto", "lgl", "geovirus")
DEFAULT_DATE = dt.date(2017, 1, 1)


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None
    geonameid: int | None
    page: str | None = None  # GeoVirus: the Wikipedia page the point comes from
    raw_lat: float | None = None  # the corpus point, when a patch moved it
    raw_lon: float | None = None


@dataclass(frozen=True)
class GoldArticle:
    article: Article
    toponyms: tuple[GoldToponym, ...]


REANCHOR_WINDOW = 20


def _reanchor(text: str, toponym: GoldToponym) -> GoldToponym:
    """The toponym at the nearest offset where the text reads its phrase (module docstring)."""
    if not toponym.text or text[toponym.start : toponym.end] == toponym.text:
        return toponym
    lo = max(0, toponym.start - REANCHOR_WINDOW)
    hits = []
    index = text.find(toponym.text, lo, toponym.end + REANCHOR_WINDOW)
    while index != -1:
        hits.append(index)
        index = text.find(toponym.text, index + 1, toponym.end + REANCHOR_WINDOW)
    if not hits:
        return toponym
    start = min(hits, key=lambda i: abs(i - toponym.start))
    return replace(toponym, start=start, end=start + len(toponym.text))


def _anchored(article: Article, toponyms: Iterator[GoldToponym]) -> GoldArticle:
    return GoldArticle(article, tuple(_reanchor(article.text, t) for t in toponyms))


def _float(text: str | None) -> float | None:
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return None


def detect_corpus(root: ET.Element) -> str:
    article = root.find("article")
    if article is not None and article.find("toponyms") is not None:
        return "lgl"
    if article is not None and article.find("locations") is not None:
        return "geovirus"
    raise EvalError(
        "Cannot tell the corpus format: expected <article> elements with <toponyms> (TR-News, "
        "LGL) or <locations> (GeoVirus). Pass --corpus lgl or --corpus geovirus."
    )


def read_corpus(path: Path, corpus: str = "auto") -> tuple[str, list[GoldArticle]]:
    """The gold articles of a TR-News/LGL or GeoVirus XML file."""
    if corpus not in CORPORA:
        raise EvalError(f"Unknown corpus {corpus!r}. Valid: {', '.join(CORPORA)}.")
    if not path.is_file():
        raise EvalError(f"{path} is not a file. Give the corpus XML (TR-News.xml, GeoVirus.xml).")
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise EvalError(f"{path} is not well-formed XML ({exc}).") from None
    kind = detect_corpus(root) if corpus == "auto" else corpus
    articles = list(_lgl(root) if kind == "lgl" else _geovirus(root))
    return kind, articles


def _article(
    text: str, date: dt.date, title: str | None, url: str | None, source: str | None
) -> Article:
    first = title or text.split("\n", 1)[0]
    url = (url or "").strip() or None
    source = (source or "").strip().removeprefix("www.") or None
    return Article(
        id=Article.make_id(date, text), date=date, title=first.strip(), text=text, url=url,
        source=source or (url and urlsplit(url).hostname),
    )  # fmt: skip


def _lgl(root: ET.Element) -> Iterator[GoldArticle]:
    for node in root.iter("article"):
        text = node.findtext("text") or ""
        try:
            date = dt.date.fromisoformat((node.findtext("dltime") or "").strip()[:10])
        except ValueError:
            date = DEFAULT_DATE
        toponyms = []
        for top in node.iter("toponym"):
            tag = top.find("gaztag")
            gid = tag.get("geonameid") if tag is not None else None
            toponyms.append(
                GoldToponym(
                    start=int(top.findtext("start") or 0),
                    end=int(top.findtext("end") or 0),
                    text=top.findtext("phrase") or "",
                    lat=_float(tag.findtext("lat")) if tag is not None else None,
                    lon=_float(tag.findtext("lon")) if tag is not None else None,
                    geonameid=int(gid) if gid and gid.isdigit() else None,
                )
            )
        article = _article(
            text, date, node.findtext("title"), node.findtext("url"), node.findtext("domain")
        )
        yield _anchored(article, iter(toponyms))


def _geovirus(root: ET.Element) -> Iterator[GoldArticle]:
    for node in root.iter("article"):
        text = node.findtext("text") or ""
        toponyms = (
            GoldToponym(
                start=int(loc.findtext("start") or 0),
                end=int(loc.findtext("end") or 0),
                text=loc.findtext("name") or "",
                lat=_float(loc.findtext("lat")),
                lon=_float(loc.findtext("lon")),
                geonameid=None,
                page=loc.findtext("page"),
            )
            for loc in node.iter("location")
        )
        source = node.findtext("source")
        yield _anchored(_article(text, DEFAULT_DATE, None, source, None), toponyms)
