"""Stage ``actors``: every mention of a person, organisation, country or group, resolved to an actor.

Mentions come from :mod:`dateline.actors.mentions` (NER corrected by the entity ruler, plus rules
for force nouns, capitals, role nouns and pronouns) and :mod:`dateline.actors.agents` (common-noun
agents: "the police", "Israeli troops", "the court"; "it"/"they"); :mod:`dateline.actors.coref`
and :mod:`dateline.actors.anaphora` resolve them to actors using roles read in the text, the actor
table on the article's date, and optionally an :class:`~dateline.actors.coref.ActorRegistry` of
what earlier articles taught.

Actor ids: the actor table's id; else the slug of the canonical name: "vladimir-putin",
"european-commission", "russia" (a country, its government included), "israeli-police" and
"ukrainian-forces" (a country's sector group), "police" or "strikers" (a common-noun agent whose
country is unknown).

Writes ``doc.extraction.actors`` and ``doc.set_mentions(...)`` (read by quotes, events, claims
through ``doc.mention_for_token``).
"""

from __future__ import annotations

from typing import cast

from dateline.actor_table import load_actor_table
from dateline.actors.coref import ActorRegistry, Draft, Resolver
from dateline.actors.mentions import find_candidates
from dateline.config import PipelineConfig
from dateline.model import Actor, ActorKind, Mention, MentionKind
from dateline.stages import register
from dateline.stages.base import Document

__all__ = ["ActorRegistry", "ActorsStage", "create"]


class ActorsStage:
    name = "actors"
    version = "1.1.0"

    def __init__(self, config: PipelineConfig, registry: ActorRegistry | None = None) -> None:
        self.table = load_actor_table(config.actor_tables)
        options = config.stage_options.get("actors", {})
        self.registry: ActorRegistry | None = registry or options.get("registry")

    def __call__(self, doc: Document) -> Document:
        parsed = doc.parsed
        stamp = doc.stamp(self)
        candidates = find_candidates(parsed)
        resolver = Resolver(parsed, doc.article.date, self.table, self.registry)
        assigned = resolver.resolve(candidates)
        mentions_by_actor: dict[str, list[Mention]] = {}
        all_mentions: list[Mention] = []
        for cand, draft in assigned:
            start = parsed[cand.start].idx
            last = parsed[cand.end - 1]
            end = last.idx + len(last.text)
            mention = Mention(
                span=doc.span(start, end),
                actor=draft.id,
                kind=cast(MentionKind, cand.kind),
                sentence=doc.sentence_span(parsed[cand.head].sent),
                stage=stamp,
            )
            mentions_by_actor.setdefault(draft.id, []).append(mention)
            all_mentions.append(mention)
        doc.extraction.actors.extend(
            _actor(draft, mentions_by_actor[draft.id], stamp)
            for draft in resolver.drafts.values()
            if draft.id in mentions_by_actor
        )
        doc.set_mentions(all_mentions)
        return doc


def _actor(draft: Draft, mentions: list[Mention], stamp: str) -> Actor:
    return Actor(
        id=draft.id,
        name=draft.name,
        kind=cast(ActorKind, draft.kind),
        country=draft.country,
        sector=draft.sector,
        mentions=tuple(sorted(mentions, key=lambda m: m.span.start)),
        stage=stamp,
        source=draft.source,
    )


@register("actors")
def create(config: PipelineConfig) -> ActorsStage:
    return ActorsStage(config)
