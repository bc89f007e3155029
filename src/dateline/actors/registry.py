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
from dateline.actors.index import forget as forget_token_index
from dateline.words import word_set

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection
    from spacy.tokens import Doc as SpacyDoc

__all__ = ["ActorRegistry", "MemoryRegistry", "registry_from_store", "tag_registry_names"]

#: the longest name, in tokens, tried against the registry (a first, middle and last name)
REGISTRY_NAME_TOKENS = 3
#: labels no actor has, which a name the registry knows may take over (actors.toml)
OVERRIDABLE_LABELS = word_set("actors", "registry.overridable_labels")


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


def tag_registry_names(parsed: SpacyDoc, registry: ActorRegistry) -> None:
    """Names the registry knows become entities where the statistical NER missed them.

    The small model often misses a bare surname at the start of a sentence ("Chakwera told
    reporters"); once an earlier article has taught the name, it is an actor mention here too.
    Only proper nouns outside existing entities are tried, longest first (three tokens down to one).
    """
    from spacy.tokens import Span as SpacySpan

    labels = {"person": "PERSON", "organization": "ORG"}
    # The small model files unknown names under labels no actor has ("Chakwera" as PRODUCT);
    # a name the registry knows may take those tokens over.
    kept = [ent for ent in parsed.ents if ent.label_ not in OVERRIDABLE_LABELS]
    taken = {i for ent in kept for i in range(ent.start, ent.end)}
    added = []
    i = 0
    while i < len(parsed):
        for width in range(REGISTRY_NAME_TOKENS, 0, -1):
            tokens = parsed[i : i + width]
            if len(tokens) < width or any(t.i in taken or t.pos_ != "PROPN" for t in tokens):
                continue
            known = registry.known_actor(tokens.text)
            if known is not None and known.kind in labels:
                added.append(SpacySpan(parsed, i, i + width, label=labels[known.kind]))
                taken.update(range(i, i + width))
                i += width - 1
                break
        i += 1
    if added:
        claimed = {i for span in added for i in range(span.start, span.end)}
        others = [ent for ent in parsed.ents if not claimed.intersection(range(ent.start, ent.end))]
        parsed.ents = sorted([*others, *added], key=lambda span: span.start)
        # the actors' token index lists the entities once: an index of this Doc made before
        # (the same Doc run through the stage again) would list the old ones
        forget_token_index()
