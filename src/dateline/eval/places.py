"""Scoring the places stage on news geoparsing corpora (Gritta et al. 2019, "A Pragmatic Guide
to Geoparsing Evaluation", whose metrics this follows).

The corpus formats are read by :mod:`dateline.eval.places_corpus`.

Figures:

- recognition precision, recall, F1 of the places the stage emits against all gold toponyms,
  exact span match (``precision``, ``recall``, ``f1``) and overlap match (``*_overlap``;
  one-to-one, greedy in text order); TR-News and LGL also annotate demonyms ("Turkish") and
  metonyms ("Ottawa said"), which the stage by design does not emit as places, so
  ``recall_names`` gives the recall over gold toponyms that are not demonyms;
- ``acc_161``: end to end, over gold toponyms with coordinates, the share recognised with the
  exact span AND resolved within 161 km (100 miles, the customary threshold);
- ``acc_161_given``: resolution given the gold spans: every gold toponym is resolved in its
  article by :func:`dateline.gazetteer.resolution.resolve_spans` (the other gold spans are its
  context), then the share within 161 km; an unresolved toponym counts as wrong;
- ``acc_161_given_town`` / ``_area`` / ``_country``: the same, split by the level of the place
  the toponym resolved to (towns; admin areas, regions and continents; countries);
- ``acc_161_given_or_in_country`` (informational): ``acc_161_given``, also counting a toponym
  resolved to a country whose outline holds the gold point; it separates the corpora's differing
  country points from wrong countries (:func:`_country_holds_gold`);
- ``mean_error_km`` / ``median_error_km`` over the resolved gold-span toponyms;
- ``geonameid_accuracy``: exact GeoNames id match, over gold toponyms that carry one;
- timing: spaCy's parse time and the places stage's time over the same texts
  (``places_time_ratio`` = places / spaCy; the gazetteer is opened before timing starts).

Gold coordinate patches (``--patches``; by default the corpus's file in ``../patches``, see
:mod:`dateline.eval.places_patches`) replace the gold points before scoring; the report then
says ``gold_patched``, how many toponyms a patch matched and moved, and gives the coordinate
figures on the raw gold as ``acc_161_raw``, ``acc_161_given_raw``, ``*_error_km_raw``.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline.config import PipelineConfig
from dateline.eval.places_corpus import GoldArticle, GoldToponym, read_corpus
from dateline.eval.skips import Skipped
from dateline.model import Article, Place

THRESHOLD_KM = 161.0
#: How ``acc_161_given`` is broken down by the level of the place the toponym resolved to: a
#: country or an admin1 area is one point, and corpora disagree on which point (GeoNames'
#: feature point in TR-News, Wikipedia's in GeoVirus), so areas measure the convention as much
#: as the resolution.
LEVELS = {"town": "town", "facility": "town", "country": "country", "continent": "area"}


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


@dataclass(frozen=True)
class _Scored:
    """One gold toponym with coordinates: its gold points and what the stage made of it."""

    gold: GoldToponym
    end_to_end: Place | None  # the place predicted with the exact gold span
    given: Place | None  # resolved given the gold span

    def gold_point(self, raw: bool) -> tuple[float, float]:
        """The gold point: as published (``raw``) or after the coordinate patches."""
        lat = self.gold.raw_lat if raw and self.gold.raw_lat is not None else self.gold.lat
        lon = self.gold.raw_lon if raw and self.gold.raw_lon is not None else self.gold.lon
        assert lat is not None and lon is not None
        return lat, lon

    def errors_km(self, raw: bool) -> tuple[float | None, float | None]:
        from dateline.gazetteer.resolve import distance_km

        lat, lon = self.gold_point(raw)
        return tuple(  # type: ignore[return-value]
            None
            if place is None or place.lat is None
            else distance_km(place.lat, place.lon or 0.0, lat, lon)
            for place in (self.end_to_end, self.given)
        )


def _gold_article(gold: GoldArticle) -> Article:
    return gold.article


def _gold_name(gold: GoldArticle) -> str:
    return gold.article.url or f"article {gold.article.id} ({gold.article.title[:40]!r})"


def evaluate(
    path: Path,
    *,
    corpus: str = "auto",
    limit: int | None = None,
    config: PipelineConfig | None = None,
    patches: Path | str | None = "auto",
    errors: list[dict[str, Any]] | None = None,
    split: str = "all",
) -> dict[str, Any]:
    """Score the places stage on one corpus file (module docstring). ``patches``: a gold
    coordinate patch file, "auto" for the one next to the corpus (if any), None for the raw
    gold. ``errors``, when given, receives one row per gold toponym resolved wrongly given its
    span (for error analysis). ``split``: every article, or the development (even-numbered) or
    report (odd-numbered) half (:mod:`dateline.eval.splits`)."""
    from dateline.countries import country_by_demonym, country_by_name
    from dateline.eval.places_patches import apply_patches, default_patch_file
    from dateline.eval.splits import select_split
    from dateline.gazetteer import load_gazetteer
    from dateline.gazetteer.resolution import resolve_spans
    from dateline.nlp import load_nlp, parse_one
    from dateline.pipeline import Pipeline

    kind, articles = read_corpus(path, corpus)
    articles = select_split(articles, split)
    skipped = Skipped()
    articles = skipped.usable(articles, _gold_article, _gold_name)[:limit]
    patch_file = default_patch_file(path) if patches == "auto" else patches
    n_patched = n_moved = 0
    if patch_file is not None:
        articles, n_patched, n_moved = apply_patches(articles, Path(patch_file))
    base = config or PipelineConfig()
    pipeline = Pipeline(base.with_overrides(stages=("segment", "places")))
    places_stage = next(stage for stage in pipeline.stages if stage.name == "places")
    nlp = load_nlp(pipeline.config.model)
    load_gazetteer()
    counts = dict.fromkeys(("tp", "tp_overlap", "tp_names", "pred", "gold", "demonyms"), 0)
    counts |= dict.fromkeys(("gid", "gid_ok"), 0)
    scored: list[_Scored] = []
    spacy_seconds = places_seconds = 0.0
    for index, gold in enumerate(articles):
        started = time.perf_counter()
        parsed = parse_one(nlp, gold.article.text)
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
        given = resolve_spans(
            document, gold_spans, document.stamp(places_stage), known_toponyms=True
        )
        for gi, toponym in enumerate(gold.toponyms):
            if toponym.lat is None or toponym.lon is None:
                continue
            row = _Scored(toponym, predicted[exact[gi]] if gi in exact else None, given[gi])
            scored.append(row)
            if toponym.geonameid is not None:
                counts["gid"] += 1
                counts["gid_ok"] += int(
                    given[gi] is not None and given[gi].geonameid == toponym.geonameid  # type: ignore[union-attr]
                )
            if errors is not None:
                _error_row(errors, index, gold, row)
    report = _report(kind, path, len(articles), counts, scored, spacy_seconds, places_seconds)
    report |= skipped.figures()
    if split != "all":
        report["dataset"] += f", {split} half"
    report["gold_patched"] = patch_file is not None
    if patch_file is not None:
        report["n_gold_patched"] = n_patched
        report["n_gold_patch_moved"] = n_moved
        report |= {f"{k}_raw": v for k, v in _resolution(scored, raw=True).items()}
    return report


def _error_row(errors: list[dict[str, Any]], index: int, gold: GoldArticle, row: _Scored) -> None:
    toponym, resolved = row.gold, row.given
    km = row.errors_km(raw=False)[1]
    if km is not None and km <= THRESHOLD_KM:
        return
    got = resolved and f"{resolved.name} {resolved.feature} {resolved.country} {resolved.admin1}"
    errors.append(
        {"article": index, "text": toponym.text, "gold": (toponym.lat, toponym.lon),
         "km": None if km is None else round(km), "got": got,
         "context": gold.article.text[max(0, toponym.start - 80) : toponym.end + 80]}
    )  # fmt: skip


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def _resolution(scored: list[_Scored], raw: bool) -> dict[str, float]:
    """The coordinate figures: acc_161 (end to end), acc_161_given, mean and median error."""
    e2e = given = in_country = 0
    errors_km = []
    for row in scored:
        end_to_end_km, given_km = row.errors_km(raw)
        e2e += int(end_to_end_km is not None and end_to_end_km <= THRESHOLD_KM)
        if given_km is not None:
            errors_km.append(given_km)
            given += int(given_km <= THRESHOLD_KM)
            in_country += int(given_km <= THRESHOLD_KM or _country_holds_gold(row, raw))
    return {
        "acc_161": _ratio(e2e, len(scored)),
        "acc_161_given": _ratio(given, len(scored)),
        "acc_161_given_or_in_country": _ratio(in_country, len(scored)),
        "mean_error_km": round(statistics.fmean(errors_km), 1) if errors_km else 0.0,
        "median_error_km": round(statistics.median(errors_km), 1) if errors_km else 0.0,
    }


def _country_holds_gold(row: _Scored, raw: bool) -> bool:
    """A country resolved for a toponym whose gold point lies inside that country's outline.

    Informational only (``acc_161_given_or_in_country``; the goal is on ``acc_161_given``): a
    country is one point, and the corpora put it in different places (module docstring), so a
    right country can be 200-2,000 km from the gold point. This counts it right when the gold
    point is in it. It can also credit a country for a same-named town inside it ("Mexico" for
    Mexico City), which the resolver only produces when the name is the country's own.
    """
    from dateline.gazetteer.shapes import country_contains

    place = row.given
    if place is None or place.feature != "country":
        return False
    return country_contains(place.country, *row.gold_point(raw))


def _levels(scored: list[_Scored]) -> dict[str, float]:
    counts = dict.fromkeys((f"{p}_{level}" for p in ("n", "ok") for level in _LEVEL_NAMES), 0)
    for row in scored:
        km = row.errors_km(raw=False)[1]
        if row.given is None or km is None:
            continue
        level = LEVELS.get(row.given.feature, "area")
        counts[f"n_{level}"] += 1
        counts[f"ok_{level}"] += int(km <= THRESHOLD_KM)
    return {
        **{
            f"acc_161_given_{level}": _ratio(counts[f"ok_{level}"], counts[f"n_{level}"])
            for level in _LEVEL_NAMES
        },
        **{f"n_given_{level}": counts[f"n_{level}"] for level in _LEVEL_NAMES},
    }


_LEVEL_NAMES = ("town", "area", "country")


def _report(
    kind: str,
    path: Path,
    n_articles: int,
    counts: dict[str, int],
    scored: list[_Scored],
    spacy_seconds: float,
    places_seconds: float,
) -> dict[str, Any]:
    precision = _ratio(counts["tp"], counts["pred"])
    recall = _ratio(counts["tp"], counts["gold"])
    p_loose = _ratio(counts["tp_overlap"], counts["pred"])
    r_loose = _ratio(counts["tp_overlap"], counts["gold"])
    resolution = _resolution(scored, raw=False)
    return {
        "dataset": f"{path.name} ({kind})",
        "n_articles": n_articles,
        "n_gold": counts["gold"],
        "n_gold_with_coordinates": len(scored),
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
        "acc_161": resolution["acc_161"],
        "acc_161_given": resolution["acc_161_given"],
        "acc_161_given_or_in_country": resolution["acc_161_given_or_in_country"],
        "n_resolved_given": sum(1 for row in scored if row.given and row.given.lat is not None),
        **_levels(scored),
        "mean_error_km": resolution["mean_error_km"],
        "median_error_km": resolution["median_error_km"],
        "n_gold_geonameid": counts["gid"],
        "geonameid_accuracy": _ratio(counts["gid_ok"], counts["gid"]),
        "spacy_seconds": round(spacy_seconds, 2),
        "places_seconds": round(places_seconds, 2),
        "places_time_ratio": round(places_seconds / spacy_seconds, 4) if spacy_seconds else 0.0,
    }
