"""Countries with their names, demonyms and capitals, from pycountry and countryinfo.

The table is built once per process from the two PyPI packages (ISO 3166 names from pycountry;
capitals, demonyms and alternative spellings from countryinfo) plus the hand-written additions
in ``data/country_aliases.csv`` for the forms news writers use ("U.S.", "Britain", "Kyiv").
Used by the entity ruler, the actors stage (a demonym or a capital acting as a government) and
the places stage (a country as a toponym).
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources
from typing import Any


@dataclass(frozen=True, slots=True)
class Country:
    alpha3: str
    alpha2: str
    name: str
    names: tuple[str, ...]  # every name, the canonical one first
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    lat: float | None = None
    lon: float | None = None


# Two-letter codes and one-letter junk in countryinfo's altSpellings are not names in prose.
def _usable_name(text: str) -> bool:
    return len(text) > 3 and text.isascii() and not text.isupper()


def _read_aliases() -> dict[str, dict[str, list[str]]]:
    aliases: dict[str, dict[str, list[str]]] = {}
    with (
        resources.files("dateline.data")
        .joinpath("country_aliases.csv")
        .open(encoding="utf-8") as fh
    ):
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        for row in rows:
            aliases.setdefault(row["alpha3"], {}).setdefault(row["kind"], []).append(row["text"])
    return aliases


def _countryinfo_records() -> list[dict[str, Any]]:
    """countryinfo's raw records; the API changed in 1.0 (``all()`` needs an instance)."""
    import countryinfo

    if hasattr(countryinfo, "all_countries"):  # countryinfo >= 1.0
        return [dict(country.info()) for country in countryinfo.all_countries()]
    return [dict(info) for info in countryinfo.CountryInfo().all().values()]  # countryinfo < 1.0


@functools.cache
def load_countries() -> tuple[Country, ...]:
    import pycountry

    info_by_alpha3: dict[str, dict] = {}
    for info in _countryinfo_records():
        iso = info.get("ISO") or {}
        # countryinfo 1.0 lists some codes twice (GBR: United Kingdom, then Wales): keep the first
        if iso.get("alpha3"):
            info_by_alpha3.setdefault(iso["alpha3"], info)
    aliases = _read_aliases()
    # a form the hand table gives to one country is not another's ("American" is not the
    # Northern Mariana Islands' demonym in news, whatever countryinfo says)
    claimed = {
        (kind, form): alpha3
        for alpha3, by_kind in aliases.items()
        for kind, forms in by_kind.items()
        for form in forms
    }
    countries = []
    for record in pycountry.countries:
        alpha3 = record.alpha_3
        info = info_by_alpha3.get(alpha3, {})
        extra = aliases.get(alpha3, {})
        names: list[str] = []
        for candidate in (
            # the short everyday name first ("Russia", "Turkey"), as the actor's display name
            getattr(record, "common_name", None),
            info.get("name"),
            record.name,
            getattr(record, "official_name", None),
            *info.get("altSpellings", []),
            *extra.get("name", []),
        ):
            usable = candidate and (candidate in extra.get("name", []) or _usable_name(candidate))
            if usable and candidate not in names:
                names.append(candidate)
        own = info.get("demonym")
        if own and claimed.get(("demonym", own), alpha3) != alpha3:
            own = None
        demonyms = list(dict.fromkeys([*extra.get("demonym", []), *filter(None, [own])]))
        listed = info.get("capital") or []
        listed = [listed] if isinstance(listed, str) else list(listed)  # a list for PSE
        capitals = list(dict.fromkeys([*filter(None, listed), *extra.get("capital", [])]))
        latlng = info.get("latlng") or [None, None]
        countries.append(
            Country(
                alpha3=alpha3,
                alpha2=record.alpha_2,
                name=names[0] if names else record.name,
                names=tuple(names),
                demonyms=tuple(demonyms),
                capitals=tuple(capitals),
                lat=latlng[0] if len(latlng) > 1 else None,
                lon=latlng[1] if len(latlng) > 1 else None,
            )
        )
    return tuple(countries)


@functools.cache
def _index() -> dict[str, dict[str, Country]]:
    by_kind: dict[str, dict[str, Country]] = {
        "name": {},
        "demonym": {},
        "capital": {},
        "alpha3": {},
        "alpha2": {},
    }
    # The hand table wins ("American" is also countryinfo's demonym for the Northern Mariana
    # Islands, which pycountry lists before the United States); otherwise the first country to
    # claim a form keeps it (pycountry order is stable).
    countries = load_countries()
    by_code = {country.alpha3: country for country in countries}
    for alpha3, forms_by_kind in _read_aliases().items():
        if alpha3 in by_code:
            for kind, hand_forms in forms_by_kind.items():
                for form in hand_forms:
                    by_kind[kind].setdefault(_key(form), by_code[alpha3])
    for country in countries:
        by_kind["alpha3"][country.alpha3] = country
        by_kind["alpha2"][country.alpha2] = country
        for kind, forms in (
            ("name", country.names),
            ("demonym", country.demonyms),
            ("capital", country.capitals),
        ):
            for form in forms:
                by_kind[kind].setdefault(_key(form), country)
    return by_kind


def _key(text: str) -> str:
    text = text.strip()
    if text.lower().startswith("the "):
        text = text[4:]
    return text.replace("’", "'").casefold()


def country_by_name(text: str) -> Country | None:
    return _index()["name"].get(_key(text))


def country_by_demonym(text: str) -> Country | None:
    return _index()["demonym"].get(_key(text))


def country_by_capital(text: str) -> Country | None:
    return _index()["capital"].get(_key(text))


def country_by_code(alpha3: str) -> Country | None:
    return _index()["alpha3"].get(alpha3.upper())


def country_by_alpha2(alpha2: str) -> Country | None:
    return _index()["alpha2"].get(alpha2.upper())
