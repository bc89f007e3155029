"""Scoring the places stage on news geoparsing corpora (Gritta et al. 2019, "A Pragmatic Guide
to Geoparsing Evaluation", whose metrics this follows).

Two formats, detected from the XML (``corpus="auto"``) or named:

- ``lgl``: TR-News (Kamalloo & Rafiei 2018) and LGL (Lieberman et al. 2010):
  ``article/text`` + ``toponyms/toponym{start, end, phrase, gaztag[geonameid]{lat, lon}}``;
  toponyms without a gaztag count for recognition only;
- ``geovirus``: GeoVirus (Gritta et al. 2018): ``article/text`` + ``locations/location{name,
  start, end, lat, lon}``.

Figures:

- recognition precision, recall, F1 of the places the stage emits against all gold toponyms,
  exact span match (``precision``, ``recall``, ``f1``) and overlap match (``*_overlap``;
  one-to-one, greedy in text order); TR-News and LGL also annotate demonyms ("Turkish") and
  metonyms ("Ottawa said"), which the stage by design does not emit as places, so
  ``recall_names`` gives the recall over gold toponyms that are not demonyms;
- ``acc_161``: end to end, over gold toponyms with coordinates, the share recognised with the
  exact span AND resolved within 161 km (100 miles, the customary threshold);
- ``acc_161_given``: resolution given the gold spans: every gold toponym is resolved in its
  article by :func:`dateline.stages.places.resolve_spans` (the other gold spans are its
  context), then the share within 161 km; an unresolved toponym counts as wrong;
- ``acc_161_given_town`` / ``_area`` / ``_country``: the same, split by the level of the place
  the toponym resolved to (towns; admin areas, regions and continents; countries);
- ``mean_error_km`` / ``median_error_km`` over the resolved gold-span toponyms;
- ``geonameid_accuracy``: exact GeoNames id match, over gold toponyms that carry one;
- timing: spaCy's parse time and the places stage's time over the same texts
  (``places_time_ratio`` = places / spaCy; the gazetteer is opened before timing starts).

Gold offsets are re-anchored to the nearest occurrence of the gold phrase within 20 characters
when ``text[start:end]`` is not the phrase: every GeoVirus offset is one character late, and so
are some TR-News articles' (``n_gold_reanchored`` counts them; those not found are kept as is).

The article date does not matter for places: ``dltime`` when present, else 2017-01-01.
"""

from __future__ import annotations

import datetime as dt
import statistics
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from dateline.config import PipelineConfig
from dateline.errors import EvalError
from dateline.model import Article

CORPORA = ("auto", "lgl", "geovirus")
DEFAULT_DATE = dt.date(2017, 1, 1)
THRESHOLD_KM = 161.0
#: How ``acc_161_given`` is broken down by the level of the place the toponym resolved to: a
#: country or an admin1 area is one point, and corpora disagree on which point (GeoNames'
#: feature point in TR-News, Wikipedia's in GeoVirus), so areas measure the convention as much
#: as the resolution.
LEVELS = {"town": "town", "facility": "town", "country": "country", "continent": "area"}


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None
    geonameid: int | None


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


def _article(text: str, date: dt.date, title: str | None) -> Article:
    first = title or text.split("\n", 1)[0]
    return Article(id=Article.make_id(date, text), date=date, title=first.strip(), text=text)


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
        yield _anchored(_article(text, date, node.findtext("title")), iter(toponyms))


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
            )
            for loc in node.iter("location")
        )
        yield _anchored(_article(text, DEFAULT_DATE, None), toponyms)


def _matches(pred: list[tuple[int, int]], gold: list[tuple[int, int]], overlap: bool) -> dict:
    """One-to-one matching of predicted to gold spans: gold index -> predicted index."""
    used: set[int] = set()
    pairs = {}
    for gi, (gs, ge) in enumerate(gold):
        for pi, (ps, pe) in enumerate(pred):
            if pi in used:
                continue
            if (ps, pe) == (gs, ge) or (overlap and ps < ge and gs < pe):
                pairs[gi] = pi
                used.add(pi)
                break
    return pairs


def evaluate(
    path: Path,
    *,
    corpus: str = "auto",
    limit: int | None = None,
    config: PipelineConfig | None = None,
    errors: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Score the places stage on one corpus file (module docstring). ``errors``, when given,
    receives one row per gold toponym resolved wrongly given its span (for error analysis)."""
    from dateline.countries import country_by_demonym, country_by_name
    from dateline.gazetteer import load_gazetteer
    from dateline.gazetteer.resolve import distance_km
    from dateline.nlp import load_nlp
    from dateline.pipeline import Pipeline
    from dateline.stages.places import resolve_spans

    kind, articles = read_corpus(path, corpus)
    articles = [a for a in articles if a.article.text.strip()][:limit]
    base = config or PipelineConfig()
    pipeline = Pipeline(base.with_overrides(stages=("segment", "places")))
    nlp = load_nlp(pipeline.config.model)
    load_gazetteer()
    names = ("tp", "tp_overlap", "tp_names", "pred", "gold", "demonyms", "e2e", "given", "gid")
    counts = dict.fromkeys((*names, "gid_ok"), 0)
    counts |= {f"{p}_{level}": 0 for p in ("n", "ok") for level in set(LEVELS.values())}
    n_coords = 0
    errors_km: list[float] = []
    spacy_seconds = places_seconds = 0.0
    for gold in articles:
        started = time.perf_counter()
        parsed = nlp(gold.article.text)
        spacy_seconds += time.perf_counter() - started
        document = pipeline.new_document(gold.article, parsed=parsed)
        for stage in pipeline.stages:
            started = time.perf_counter()
            document = stage(document)
            if stage.name == "places":
                places_seconds += time.perf_counter() - started
        predicted = document.extraction.places
        pred_spans = [(p.span.start, p.span.end) for p in predicted]
        gold_spans = [(t.start, t.end) for t in gold.toponyms]
        exact = _matches(pred_spans, gold_spans, overlap=False)
        loose = _matches(pred_spans, gold_spans, overlap=True)
        demonyms = {
            gi
            for gi, t in enumerate(gold.toponyms)
            if country_by_demonym(t.text) and not country_by_name(t.text)
        }
        counts["demonyms"] += len(demonyms)
        counts["tp_names"] += len(set(exact) - demonyms)
        counts["tp"] += len(exact)
        counts["tp_overlap"] += len(loose)
        counts["pred"] += len(pred_spans)
        counts["gold"] += len(gold_spans)
        given = resolve_spans(document, gold_spans)
        for gi, toponym in enumerate(gold.toponyms):
            if toponym.lat is None or toponym.lon is None:
                continue
            n_coords += 1
            if gi in exact:
                place = predicted[exact[gi]]
                if (
                    place.lat is not None
                    and distance_km(place.lat, place.lon or 0.0, toponym.lat, toponym.lon)
                    <= THRESHOLD_KM
                ):
                    counts["e2e"] += 1
            resolved = given[gi]
            if toponym.geonameid is not None:
                counts["gid"] += 1
                counts["gid_ok"] += int(
                    resolved is not None and resolved.geonameid == toponym.geonameid
                )
            if resolved is None or resolved.lat is None:
                if errors is not None:
                    errors.append(
                        {"text": toponym.text, "gold": (toponym.lat, toponym.lon), "got": None}
                    )
                continue
            km = distance_km(resolved.lat, resolved.lon or 0.0, toponym.lat, toponym.lon)
            errors_km.append(km)
            counts["given"] += int(km <= THRESHOLD_KM)
            level = LEVELS.get(resolved.feature, "area")
            counts[f"n_{level}"] += 1
            counts[f"ok_{level}"] += int(km <= THRESHOLD_KM)
            if errors is not None and km > THRESHOLD_KM:
                errors.append(
                    {"text": toponym.text, "gold": (toponym.lat, toponym.lon), "km": round(km),
                     "got": f"{resolved.name} {resolved.feature} {resolved.country} {resolved.admin1}",
                     "context": gold.article.text[max(0, toponym.start - 80) : toponym.end + 80]}
                )  # fmt: skip
    return _report(
        kind, path, len(articles), counts, n_coords, errors_km, spacy_seconds, places_seconds
    )


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def _report(
    kind: str,
    path: Path,
    n_articles: int,
    counts: dict[str, int],
    n_coords: int,
    errors_km: list[float],
    spacy_seconds: float,
    places_seconds: float,
) -> dict[str, Any]:
    precision = _ratio(counts["tp"], counts["pred"])
    recall = _ratio(counts["tp"], counts["gold"])
    p_loose = _ratio(counts["tp_overlap"], counts["pred"])
    r_loose = _ratio(counts["tp_overlap"], counts["gold"])
    return {
        "dataset": f"{path.name} ({kind})",
        "n_articles": n_articles,
        "n_gold": counts["gold"],
        "n_gold_with_coordinates": n_coords,
        "n_predicted": counts["pred"],
        "precision": precision,
        "recall": recall,
        "f1": round(2 * precision * recall / (precision + recall), 4)
        if precision + recall
        else 0.0,
        "n_gold_demonyms": counts["demonyms"],
        "recall_names": _ratio(counts["tp_names"], counts["gold"] - counts["demonyms"]),
        "precision_overlap": p_loose,
        "recall_overlap": r_loose,
        "f1_overlap": round(2 * p_loose * r_loose / (p_loose + r_loose), 4)
        if p_loose + r_loose
        else 0.0,
        "acc_161": _ratio(counts["e2e"], n_coords),
        "acc_161_given": _ratio(counts["given"], n_coords),
        "n_resolved_given": len(errors_km),
        **{
            f"acc_161_given_{level}": _ratio(counts[f"ok_{level}"], counts[f"n_{level}"])
            for level in ("town", "area", "country")
        },
        **{f"n_given_{level}": counts[f"n_{level}"] for level in ("town", "area", "country")},
        "mean_error_km": round(statistics.fmean(errors_km), 1) if errors_km else 0.0,
        "median_error_km": round(statistics.median(errors_km), 1) if errors_km else 0.0,
        "n_gold_geonameid": counts["gid"],
        "geonameid_accuracy": _ratio(counts["gid_ok"], counts["gid"]),
        "spacy_seconds": round(spacy_seconds, 2),
        "places_seconds": round(places_seconds, 2),
        "places_time_ratio": round(places_seconds / spacy_seconds, 4) if spacy_seconds else 0.0,
    }
