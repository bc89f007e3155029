"""Composing stages into a pipeline and running it over articles.

    >>> from dateline import Pipeline, read_articles
    >>> pipeline = Pipeline()                      # loads nothing yet
    >>> extraction = pipeline(read_articles("article.txt")[0])

The spaCy model is loaded on the first article, once per process (:func:`dateline.nlp.load_nlp`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from dateline.config import PipelineConfig
from dateline.document import Document
from dateline.errors import EmptyInputError, InputError, NotEnglishError
from dateline.language import looks_english
from dateline.model import Article, Extraction
from dateline.readers.common import check_article_date
from dateline.stages import Stage, create_stage
from dateline.version import __version__

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc as SpacyDoc


class Pipeline:
    """The stages named in a :class:`PipelineConfig`, run in order over each article."""

    def __init__(self, config: PipelineConfig | None = None, **overrides: object) -> None:
        self.config = (config or PipelineConfig()).with_overrides(**overrides)
        self._stages: list[Stage] | None = None
        self._version: str | None = None
        self._stage_versions: list[str] | None = None

    @property
    def stages(self) -> list[Stage]:
        if self._stages is None:
            self._stages = [create_stage(name, self.config) for name in self.config.stages]
        return self._stages

    @property
    def version(self) -> str:
        """Identifies what the output depends on: dateline, the model and its version, every
        stage's fingerprinted version (:mod:`dateline.fingerprint`) and the user actor tables.

        A stored article extracted under another version is stale (``dateline status``).
        """
        if self._version is None:
            from dateline.fingerprint import model_version

            stages = ",".join(self.stage_versions())
            version = f"dateline@{__version__};model={model_version(self.config.model)};{stages}"
            if self.config.actor_tables:
                version += f";actor_tables={_files_digest(self.config.actor_tables)}"
            self._version = version
        return self._version

    def stage_versions(self) -> list[str]:
        """``name@version+fp.<digest>`` of every stage: its declared version and a digest of
        its code, data files and libraries. Records carry ``name@version`` alone."""
        from dateline.fingerprint import stage_version

        if self._stage_versions is None:
            self._stage_versions = [f"{s.name}@{stage_version(s)}" for s in self.stages]
        return self._stage_versions

    def new_document(self, article: Article, parsed: SpacyDoc | None = None) -> Document:
        check_article(article)
        extraction = Extraction(
            article=article, stages=self.stage_versions(), model=self.config.model
        )
        return Document(article=article, config=self.config, extraction=extraction, spacy=parsed)

    def run(self, document: Document) -> Extraction:
        for stage in self.stages:
            document = stage(document)
        return document.extraction

    def __call__(self, article: Article) -> Extraction:
        return self.run(self.new_document(article))

    def pipe(self, articles: Iterable[Article], *, batch_size: int = 16) -> Iterator[Extraction]:
        """Extract from many articles, parsing them in batches with ``nlp.pipe`` (faster)."""
        from dateline.nlp import load_nlp

        nlp = load_nlp(self.config.model)
        batch: list[Article] = []
        for article in articles:
            check_article(article)
            batch.append(article)
            if len(batch) >= batch_size:
                yield from self._run_batch(nlp, batch)
                batch = []
        if batch:
            yield from self._run_batch(nlp, batch)

    def _run_batch(self, nlp: Language, batch: list[Article]) -> Iterator[Extraction]:
        from dateline.nlp import parse

        # The strings and lexemes spaCy adds for these articles (new names, numbers, URLs) are
        # freed after them: without a memory zone (spaCy >= 3.8) the vocabulary of a
        # long-running ingest grows with every article (85k -> 98k strings, 9k -> 25k lexemes
        # over the 1,796 press releases). Records keep Python strings, never spaCy objects, so
        # nothing yielded refers into the zone.
        with nlp.memory_zone():
            parsed = parse(nlp, [article.text for article in batch])
            for article, doc in zip(batch, parsed, strict=True):
                yield self.run(self.new_document(article, parsed=doc))
        freeze_loaded_objects()


_frozen = False


def freeze_loaded_objects() -> None:
    """Once per process, after the first batch: move what is alive now (the model, the stages'
    tables and lexicons, the language model) out of reach of Python's cyclic garbage collector.

    They live as long as the process, yet every full collection walked them again (193,000
    objects): 3.4% of a 200-article ingest's CPU time went to the collector (1.05 of 30.6 s),
    1.5% with this (0.47 s; the objects tracked after it: 9,000). The garbage of the first batch
    is collected first, so nothing is kept that would have been freed. ``pipe`` calls it, and
    so does ``benchmarks/bench_stages.py``, which times the stages as an ingest runs them.
    """
    global _frozen
    if not _frozen:
        import gc

        gc.collect()
        gc.freeze()
        _frozen = True


def _files_digest(paths: tuple[Path, ...]) -> str:
    """A digest of the files' contents (a user actor table that changes makes articles stale)."""
    import hashlib

    from dateline.errors import ConfigError

    digest = hashlib.sha256()
    for path in paths:
        try:
            digest.update(Path(path).read_bytes())
        except OSError as exc:
            raise ConfigError(
                f"Cannot read actor table {path} ({exc.strerror}). Check --actors."
            ) from None
    return digest.hexdigest()[:10]


#: Lone surrogates: not Unicode text; UTF-8 (the store, the JSON output) cannot hold them.
_SURROGATE = re.compile("[\ud800-\udfff]")


def check_article(article: Article) -> None:
    """Refuse what the pipeline cannot analyse, with a message that says what to do."""
    if not article.text.strip():
        raise EmptyInputError(f"Article {article.id} has no text. Give it a body, or leave it out.")
    check_article_date(f"Article {article.id}", article.date)
    if _SURROGATE.search(article.text):
        raise InputError(
            f"Article {article.id} has lone surrogate characters (invalid Unicode, e.g. from "
            "a JSON '\\ud800' escape). Replace them, e.g. with U+FFFD; the readers do."
        )
    if not looks_english(article.text):
        raise NotEnglishError(
            f"Article {article.id} does not look like English text; dateline's pipeline is "
            "English-only. Translate it first, or leave it out."
        )


def extract(article: Article, *, config: PipelineConfig | None = None) -> Extraction:
    """Run the default pipeline over one article (convenience for the Python API)."""
    return _default_pipeline(config)(article)


_PIPELINES: dict[str, Pipeline] = {}


def _default_pipeline(config: PipelineConfig | None) -> Pipeline:
    # Keyed by repr: a config holds dicts (stage options), so it cannot be hashed itself.
    key = repr(config)
    if key not in _PIPELINES:
        _PIPELINES[key] = Pipeline(config)
    return _PIPELINES[key]
