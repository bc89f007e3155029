"""Published corrections to gold coordinates of geoparsing corpora.

Kulkarni et al. 2020 ("Spatial Language Representation with Multi-Level Geocoding", arXiv
2008.09236; github.com/google-research-datasets/mlg_evaldata) found coordinate errors in the
GeoVirus, LGL and WikToR gold and released one patch file per corpus that unifies every
toponym's point against Wikidata. A patch file is tab-separated: the toponym (GeoVirus: the
Wikipedia page title, URL-quoted, "_" as " "), "lat , lon" as in the corpus, and "lat , lon"
unified with Wikidata. The corpus coordinates only connect a row back to the corpus; a toponym
can have several rows ("Americas" at two different points).

``dateline eval places`` applies the patch file it finds at ``../patches/<corpus>_patches.tsv``
next to the corpus folder (or the one given with ``--patches``), and reports the figures on
the raw gold as well (``*_raw`` keys).
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from dateline.errors import EvalError

if TYPE_CHECKING:
    from dateline.eval.places_corpus import GoldArticle

#: Corpus coordinates are rounded to two decimals in GeoVirus; the patch file repeats them.
SAME_POINT_DEGREES = 0.006


@dataclass(frozen=True)
class CoordinatePatch:
    original: tuple[float, float]
    unified: tuple[float, float]


def patch_key(name: str) -> str:
    """The toponym as a patch file names it: the Wikipedia title, unquoted, with spaces."""
    title = name.rstrip("/").rsplit("/wiki/", 1)[-1]
    return urllib.parse.unquote(title).replace("_", " ").strip()


def default_patch_file(corpus: Path) -> Path | None:
    """``../patches/<stem>_patches.tsv`` relative to the corpus file's folder, if it exists."""
    candidate = corpus.resolve().parent.parent / "patches" / f"{corpus.stem}_patches.tsv"
    return candidate if candidate.is_file() else None


def _point(text: str, path: Path, number: int) -> tuple[float, float]:
    try:
        lat, lon = (float(part) for part in text.split(","))
    except ValueError:
        raise EvalError(
            f"{path}:{number}: expected 'lat , lon', got {text.strip()!r}. Give a patch file in "
            "the mlg_evaldata format (toponym TAB lat , lon TAB lat , lon)."
        ) from None
    return lat, lon


def read_patches(path: Path) -> dict[str, list[CoordinatePatch]]:
    """Patch rows by toponym key (see module docstring)."""
    if not path.is_file():
        raise EvalError(f"{path} is not a file. Give a patch TSV such as GeoVirus_patches.tsv.")
    patches: dict[str, list[CoordinatePatch]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != 3:
            raise EvalError(
                f"{path}:{number}: expected 3 tab-separated fields, got {len(fields)}. Give a "
                "patch file in the mlg_evaldata format."
            )
        row = CoordinatePatch(_point(fields[1], path, number), _point(fields[2], path, number))
        patches.setdefault(patch_key(fields[0]), []).append(row)
    return patches


def patched_point(
    patches: dict[str, list[CoordinatePatch]], keys: tuple[str, ...], lat: float, lon: float
) -> tuple[float, float] | None:
    """The unified point of the first key whose row has the corpus point (lat, lon)."""
    for key in keys:
        for row in patches.get(patch_key(key), ()):
            if (
                abs(row.original[0] - lat) <= SAME_POINT_DEGREES
                and abs(row.original[1] - lon) <= SAME_POINT_DEGREES
            ):
                return row.unified
    return None


def apply_patches(
    articles: list[GoldArticle], patch_file: Path
) -> tuple[list[GoldArticle], int, int]:
    """The articles with patched gold points (:mod:`dateline.eval.places_patches`), the number
    of toponyms a patch row matched and the number it moved by more than a kilometre."""
    from dateline.gazetteer.resolve import distance_km

    patches = read_patches(patch_file)
    matched = moved = 0
    result = []
    for gold in articles:
        toponyms = []
        for toponym in gold.toponyms:
            keys = tuple(k for k in (toponym.page, toponym.text) if k)
            point = None
            if toponym.lat is not None and toponym.lon is not None:
                point = patched_point(patches, keys, toponym.lat, toponym.lon)
            if point is None:
                toponyms.append(toponym)
                continue
            matched += 1
            moved += int(distance_km(*point, toponym.lat or 0.0, toponym.lon or 0.0) > 1.0)
            toponyms.append(
                replace(toponym, lat=point[0], lon=point[1], raw_lat=toponym.lat,
                        raw_lon=toponym.lon)
            )  # fmt: skip
        result.append(replace(gold, toponyms=tuple(toponyms)))
    return result, matched, moved
