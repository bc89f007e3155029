"""Segment and parse: paragraphs from newlines, then spaCy sentences, tokens, POS, NER.

Paragraph boundaries come from the text's own newlines (title, subtitle and each paragraph are
one line each); sentence boundaries inside a paragraph come from spaCy's parser, which the
``dateline_newline_sentences`` component forces to start a new sentence after every newline.
"""

from __future__ import annotations

import re

from dateline.config import PipelineConfig
from dateline.model import Span
from dateline.nlp import load_nlp, model_description, parse_one, wrapped_line
from dateline.stages import register
from dateline.stages.base import Document

_LINE = re.compile(r"[^\n]+")


class SegmentStage:
    name = "segment"
    version = "1.1.0"

    def __init__(self, config: PipelineConfig) -> None:
        self.model = config.model

    def __call__(self, doc: Document) -> Document:
        text = doc.article.text
        doc.paragraphs = paragraphs(text)
        if doc.spacy is None:  # Pipeline.pipe parses in batches and hands the parse in
            doc.spacy = parse_one(load_nlp(self.model), text)
        doc.extraction.model = model_description(self.model)
        return doc


def paragraphs(text: str) -> list[Span]:
    """One span per line that is not blank, a hard-wrapped line joined to the one it continues
    ("... who operates an illegal chain, was / arrested along with nine others")."""
    found: list[Span] = []
    for m in _LINE.finditer(text):
        line = m.group()
        if not line.strip():
            continue
        words = line.split()
        if found and text[found[-1].end : m.start()] == "\n":
            last = text[found[-1].start : found[-1].end].split()
            if last and wrapped_line(last[-1], words[0]):
                found[-1] = Span.of(text, found[-1].start, m.end())
                continue
        found.append(Span.of(text, m.start(), m.end()))
    return found


@register("segment")
def create(config: PipelineConfig) -> SegmentStage:
    return SegmentStage(config)
