"""The actor table: known actors with the roles they held and when.

The shipped table (``data/actors.csv``) lists heads of state and government, foreign ministers
and international organisations; user tables in the same format (``--actors FILE``) extend it
or override rows with the same id. A row's role applies only between its start and end dates,
so "the president" in a 2019 article and in a 2025 one can resolve to different people.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import IO, Any

from dateline.errors import ConfigError

COLUMNS = ("id", "name", "kind", "country", "sector", "role", "aliases", "start", "end", "gender")


@dataclass(frozen=True, slots=True)
class ActorEntry:
    id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    role: str | None
    aliases: tuple[str, ...]
    start: dt.date | None
    end: dt.date | None
    #: "m" or "f" for a person whose gender the table gives (optional column), else None
    gender: str | None = None

    def active_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


def _date(text: str, where: str) -> dt.date | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ConfigError(
            f"Bad date {text!r} in {where}: use YYYY-MM-DD, or leave it empty."
        ) from None


def _gender(text: str | None, where: str) -> str | None:
    text = (text or "").strip().lower()
    if text in {"", "m", "f"}:
        return text or None
    raise ConfigError(f"Bad gender {text!r} in {where}: use m, f, or leave it empty.")


def read_actor_table(fh: IO[str], where: str) -> list[ActorEntry]:
    reader = csv.DictReader(line for line in fh if not line.lstrip().startswith("#"))
    missing = [c for c in ("id", "name", "kind") if c not in (reader.fieldnames or [])]
    if missing:
        raise ConfigError(
            f"Actor table {where} lacks column(s) {', '.join(missing)}. "
            f"Expected columns: {', '.join(COLUMNS)}."
        )
    entries = []
    for line_no, row in enumerate(reader, start=2):
        kind = (row.get("kind") or "").strip()
        if kind not in {"person", "organization", "country", "group"}:
            raise ConfigError(
                f"Actor table {where}, row {line_no}: kind {kind!r} is not one of "
                "person, organization, country, group."
            )
        name = row["name"].strip()
        aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
        entries.append(
            ActorEntry(
                id=row["id"].strip(),
                name=name,
                kind=kind,
                country=(row.get("country") or "").strip() or None,
                sector=(row.get("sector") or "").strip() or None,
                role=(row.get("role") or "").strip() or None,
                aliases=aliases or (name,),
                start=_date(row.get("start", ""), f"{where} row {line_no}"),
                end=_date(row.get("end", ""), f"{where} row {line_no}"),
                gender=_gender(row.get("gender"), f"{where} row {line_no}"),
            )
        )
    return entries


@functools.cache
def shipped_table() -> tuple[ActorEntry, ...]:
    with resources.files("dateline.data").joinpath("actors.csv").open(encoding="utf-8") as fh:
        return tuple(read_actor_table(fh, "data/actors.csv"))


def load_actor_table(user_tables: Iterable[Path] = ()) -> list[ActorEntry]:
    """The shipped table followed by user tables; later rows with the same id replace earlier ones."""
    entries = list(shipped_table())
    for path in user_tables:
        try:
            with open(path, encoding="utf-8") as fh:
                user = read_actor_table(fh, str(path))
        except FileNotFoundError:
            raise ConfigError(
                f"Actor table {path} not found. Check the path given to --actors."
            ) from None
        overridden = {entry.id for entry in user}
        entries = [e for e in entries if e.id not in overridden] + user
    return entries


def actor_patterns(user_tables: Iterable[Path] = ()) -> list[dict[str, Any]]:
    """Entity-ruler patterns for every alias: PERSON for people, ORG for organisations."""
    labels = {"person": "PERSON", "organization": "ORG", "country": "GPE", "group": "NORP"}
    seen: set[tuple[str, str]] = set()
    patterns = []
    for entry in load_actor_table(user_tables):
        for alias in entry.aliases:
            key = (alias, entry.id)
            if key not in seen:
                seen.add(key)
                patterns.append({"label": labels[entry.kind], "pattern": alias, "id": entry.id})
    return patterns
