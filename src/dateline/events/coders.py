"""Choosing the events coder: the rule coder (default) or the optional embedding coder.

A coder is anything callable as ``coder(doc, sent) -> list[Candidate]`` with a ``name`` and a
``version`` (the version is added to the events stage's version, so records say which coder made
them). Select it with the events stage option ``coder`` (``PipelineConfig.stage_options["events"]``,
or ``[pipeline.stage_options.events]`` in dateline.toml):

- ``"rules"`` -- trigger lexicon + argument rules on the parse (:func:`dateline.events.coder.code_sentence`);
- ``"embedding"`` -- the rules' candidates re-typed by a classifier over sentence embeddings
  (:mod:`dateline.events.embedding`; needs ``pip install 'dateline[embeddings]'``). Its options:
  ``embedding_prior`` (float, default 0.6), ``embedding_threshold`` (float, default 0.25),
  ``embedding_fallback`` (bool, default false).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from dateline.errors import ConfigError
from dateline.events.coder import Candidate, code_sentence

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

    from dateline.document import Document

CODERS = ("rules", "embedding")
DEFAULT_CODER = "rules"


class Coder(Protocol):
    name: str
    version: str

    def __call__(self, doc: Document, sent: SpacySpan) -> list[Candidate]: ...


class RuleCoder:
    """The default coder: :func:`dateline.events.coder.code_sentence`."""

    name = "rules"
    version = ""  # the lexicon version is already part of the stage version

    def __call__(self, doc: Document, sent: SpacySpan) -> list[Candidate]:
        return code_sentence(doc, sent)


def make_coder(options: dict[str, Any]) -> Coder:
    """The coder named by ``options["coder"]`` (default ``"rules"``), with its options."""
    name = options.get("coder", DEFAULT_CODER)
    if name == "rules":
        return RuleCoder()
    if name == "embedding":
        from dateline.events.embedding import DEFAULT_PRIOR, DEFAULT_THRESHOLD, EmbeddingCoder

        return EmbeddingCoder(
            prior=float(options.get("embedding_prior", DEFAULT_PRIOR)),
            threshold=float(options.get("embedding_threshold", DEFAULT_THRESHOLD)),
            fallback=bool(options.get("embedding_fallback", False)),
        )
    raise ConfigError(
        f"Unknown events coder {name!r}. Valid coders: {', '.join(CODERS)}. "
        "Set stage_options.events.coder to one of them."
    )
