"""Segment and parse: paragraphs from newlines, then spaCy sentences, tokens, POS, NER.

Paragraph boundaries come from the text's own newlines (title, subtitle and each paragraph are
one line each); sentence boundaries inside a paragraph come from spaCy's parser, which the
``dateline_newline_sentences`` component forces to start a new sentence after every newline.
"""

from __future__ import annotations

import re

from dateline.config import PipelineConfig
from dateline.model import Span
from dateline.nlp import load_nlp, model_description, parse_one
from dateline.stages import register
from dateline.stages.base import Document

_LINE = re.compile(r"[^\n]+")


class SegmentStage:
    name = "segment"
    version = "1.0.0"

    def __init__(self, config: PipelineConfig) -> None:
        self.model = config.model

    def __call__(self, doc: Document) -> Document:
        text = doc.article.text
        doc.paragraphs = [
            Span.of(text, m.start(), m.end()) for m in _LINE.finditer(text) if m.group().strip()
        ]
        if doc.spacy is None:  # Pipeline.pipe parses in batches and hands the parse in
            doc.spacy = parse_one(load_nlp(self.model), text)
        doc.extraction.model = model_description(self.model)
        return doc


@register("segment")
def create(config: PipelineConfig) -> SegmentStage:
    return SegmentStage(config)
