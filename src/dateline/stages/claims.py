"""Stage ``claims``: propositions attributed to a source, with the chain of those who repeat them.

A thin adapter: the rules (claim nouns, claim verbs in reported speech, reporting markers) are
:func:`dateline.quotes.claims.find_claims`, which reads the parse and the quotes stage's
records; this module stamps what they find as :class:`~dateline.model.Claim` records.
"""

from __future__ import annotations

from dateline.config import PipelineConfig
from dateline.model import Claim
from dateline.quotes.claims import find_claims
from dateline.stages import register
from dateline.stages.base import Document


class ClaimsStage:
    name = "claims"
    version = "1.0.0"

    def __init__(self, config: PipelineConfig) -> None:
        self.config = config

    def __call__(self, doc: Document) -> Document:
        stamp = doc.stamp(self)
        claims = [
            Claim(
                id=f"claim-{found.start}-{found.end}",
                span=doc.span(found.start, found.end),
                source=found.source,
                repeated_by=found.repeated_by,
                stance=found.stance,
                sentence=doc.sentence_at(found.start),
                stage=stamp,
                rule=found.rule,
            )
            for found in find_claims(doc)
        ]
        doc.extraction.claims.extend(sorted(claims, key=lambda c: c.span.start))
        return doc


@register("claims")
def create(config: PipelineConfig) -> ClaimsStage:
    return ClaimsStage(config)
