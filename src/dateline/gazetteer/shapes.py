"""Country outlines from countryinfo's GeoJSON: polygon rings, and whether a point is inside.

The outlines are coarse (Natural Earth 1:110m-like; a few hundred points a country), which is
enough to tell which country a point is in away from the borders.
"""

from __future__ import annotations

import functools
import json

from dateline.gazetteer.sources import package_file

Ring = list[list[float]]  # [[lon, lat], ...], GeoJSON order


@functools.cache
def country_rings() -> dict[str, tuple[Ring, ...]]:
    """alpha-3 -> the outer rings of the country's polygons (holes are left out)."""
    shapes: dict[str, tuple[Ring, ...]] = {}
    for path in package_file("countryinfo", "data").glob("*.json"):
        with path.open(encoding="utf-8") as fh:
            data = json.load(fh)
        alpha3 = (data.get("ISO") or {}).get("alpha3")
        rings: list[Ring] = []
        for feature in (data.get("geoJSON") or {}).get("features", []):
            geometry = feature.get("geometry") or {}
            polygons = geometry.get("coordinates") or []
            if geometry.get("type") == "Polygon":
                polygons = [polygons]
            rings.extend(polygon[0] for polygon in polygons if polygon)
        if alpha3 and rings:
            shapes[alpha3] = tuple(rings)
    return shapes


def _inside(ring: Ring, lon: float, lat: float) -> bool:
    """Even-odd ray casting (W. R. Franklin's PNPOLY) on the lon/lat plane."""
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > lat) != (y2 > lat) and lon < (x2 - x1) * (lat - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def country_contains(alpha3: str | None, lat: float, lon: float) -> bool:
    """Whether (lat, lon) lies inside the outline of country ``alpha3``."""
    rings = country_rings().get(alpha3 or "", ())
    return any(_inside(ring, lon, lat) for ring in rings)
