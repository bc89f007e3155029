"""The actor registry across articles: what one article taught, known in the next.

The actors stage consults an optional :class:`~dateline.actors.coref.ActorRegistry`
(``known_actor(name) -> ActorEntry | None``) for person and organisation names the actor table
does not know. :class:`MemoryRegistry` answers from a list of entries; :func:`registry_from_store`
builds one from the store's ``actors`` table (dateline.storage: actor_id, name, kind, country,
sector), so that after ingesting "Russian president Vladimir Putin", a later article's bare
"Putin" resolves to the same actor with RUS/GOV. Hand it to the stage with
``PipelineConfig(stage_options={"actors": {"registry": registry}})`` or
``ActorsStage(config, registry=registry)``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from dateline.actor_table import ActorEntry
from dateline.actors.coref import ActorRegistry, clean_name

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

__all__ = ["ActorRegistry", "MemoryRegistry", "registry_from_store"]


class MemoryRegistry:
    """Known actors by full name, and by surname when only one known person bears it."""

    def __init__(self, entries: Iterable[ActorEntry]) -> None:
        self.by_name: dict[str, ActorEntry] = {}
        surnames: dict[str, list[ActorEntry]] = {}
        for entry in entries:
            for alias in {entry.name, *entry.aliases}:
                self.by_name.setdefault(alias.casefold(), entry)
            parts = entry.name.split()
            if entry.kind == "person" and len(parts) >= 2:
                surnames.setdefault(parts[-1].casefold(), []).append(entry)
        self.by_surname = {
            key: found[0] for key, found in surnames.items() if len({e.id for e in found}) == 1
        }

    def known_actor(self, name: str) -> ActorEntry | None:
        key = clean_name(name).casefold()
        return self.by_name.get(key) or (self.by_surname.get(key) if " " not in key else None)


def registry_from_store(conn: DuckDBPyConnection) -> MemoryRegistry:
    """A registry of the people and organisations in a store's ``actors`` table."""
    rows = conn.execute(
        "SELECT actor_id, name, kind, country, sector FROM actors "
        "WHERE kind IN ('person', 'organization') AND name IS NOT NULL"
    ).fetchall()
    return MemoryRegistry(
        ActorEntry(
            id=actor_id,
            name=name,
            kind=kind,
            country=country,
            sector=sector,
            role=None,
            aliases=(name,),
            start=None,
            end=None,
        )
        for actor_id, name, kind, country, sector in rows
    )
