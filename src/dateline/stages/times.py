"""The times stage: temporal expressions normalised against the article date.

A thin adapter: the rules are :mod:`dateline.temporal` (recognition, normalisation, and the
direction of an underspecified expression from the tense of its verb, gathered by
:func:`dateline.temporal.expressions.find_expressions`); this module stamps what they find as
:class:`~dateline.model.TimeExpression` records. Dating an event trigger from the expression
that governs its clause is :func:`dateline.temporal.dating.event_date`, which the events stage
calls.
"""

from __future__ import annotations

from dateline.config import PipelineConfig
from dateline.model import TimeExpression
from dateline.stages import register
from dateline.stages.base import Document
from dateline.temporal.expressions import find_expressions


class TimesStage:
    name = "times"
    # 1.8: the quarter a story reports on, FY25, 9/11, starting/ahead of/due to (issue 14);
    # 1.8.1: another country's Independence Day is not July 4; "are to travel" looks ahead;
    # "25 February last year" is a day; in December, a future "this spring" is next year's;
    # 1.8.2: an expression broken over a line hangs where its attached part does (its direction
    # and the event it dates: "will walk out on 23\nDecember"); "the 80th day", "the 21st day"
    # (ordinals in figures ending in 0 or 1 were missed)
    version = "1.8.2"

    def __init__(self, config: PipelineConfig) -> None:
        self.config = config

    def __call__(self, doc: Document) -> Document:
        doc.extraction.times = find_times(doc, doc.stamp(self))
        return doc


@register("times")
def create(config: PipelineConfig) -> TimesStage:
    return TimesStage(config)


def find_times(doc: Document, stage: str) -> list[TimeExpression]:
    """Every temporal expression of the article, in text order."""
    return [
        TimeExpression(
            span=doc.span(cand.start, cand.end),
            type=norm.type,  # type: ignore[arg-type]
            value=norm.value,
            earliest=norm.earliest,
            latest=norm.latest,
            granularity=norm.granularity,
            sentence=doc.sentence_at(cand.start),
            stage=stage,
        )
        for cand, norm in find_expressions(doc)
    ]
