"""The document the pipeline passes along, and the small records rules read from it.

This is the bottom layer with :mod:`dateline.model`: rule packages (events, quotes, actors,
temporal, gazetteer) import :class:`Document` and :class:`Voice` from here, never from the stage
layer (``dateline.stages``), which sits above them (the import-linter contracts in
``.importlinter`` hold it so).

The :class:`Document` carries the article, the spaCy parse, and the records extracted so far
(``doc.extraction``). Stages read what earlier stages wrote and add their own records; a stage
never rewrites another stage's records. Lookups that several stages need (the sentence around an
offset, the actor a token refers to) live here so they are written once. What a stage hands on
beyond its records, and what the rules work out once per article, are typed fields whose records
are declared in :mod:`dateline.caches`.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from dateline.caches import PlacesCache, PlaceTokens, QuoteIndex, TimesCache
from dateline.model import Article, Extraction, Mention, Span

if TYPE_CHECKING:
    from numpy.typing import NDArray
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from dateline.config import PipelineConfig


class Versioned(Protocol):
    """What a record's provenance names: a stage's ``name`` and ``version`` (every Stage is one)."""

    name: str
    version: str


@dataclass(frozen=True, slots=True)
class Voice:
    """Who speaks a stretch of the text: a transcript turn, or an address by one person.

    Set by the actors stage (:mod:`dateline.actors.speakers`); the events stage gives a clause
    without a subject ("Thank you", "Thanked the parents") to its speaker.
    """

    start: int  # character offsets of what is said
    end: int
    speaker: str  # Actor.id
    addressee: str | None = None  # Actor.id of the other party of a transcript turn


#: how many sentences after the title tell the story the title sums up (the lede); counted in
#: sentences, not lines, since some sources wrap their lines (TR-News)
LEDE_SENTENCES = 3


@dataclass
class Document:
    """An article on its way through the pipeline."""

    article: Article
    config: PipelineConfig
    extraction: Extraction
    #: the spaCy parse of ``article.text``; set by the segment stage
    spacy: SpacyDoc | None = None
    #: one span per line of ``article.text`` that is not blank (title, subtitle, paragraphs)
    paragraphs: list[Span] = field(default_factory=list)
    #: every mention of an actor, in text order; set by the actors stage
    mentions: list[Mention] = field(default_factory=list)
    #: who speaks where (transcript turns, an address); set by the actors stage
    voices: list[Voice] = field(default_factory=list)
    #: Actor.id of the outlet's own head of state when the article names them (the host of
    #: "Telephone conversation with ..." on kremlin.ru); set by the actors stage
    outlet_leader: str | None = None
    #: the places the places stage located, with their tokens in the parse; set by the places
    #: stage, read by event placing (:mod:`dateline.gazetteer.placing`)
    place_tokens: tuple[PlaceTokens, ...] = ()
    #: what placing and dating an event share for every event of the article, worked out on
    #: the first one (:mod:`dateline.caches` says what each holds and why)
    places_cache: PlacesCache | None = None
    times_cache: TimesCache | None = None
    #: the quotes by start, for the events stage's reporter of each event
    #: (:func:`dateline.quotes.reporting.reporter_of`)
    quote_index: QuoteIndex | None = None
    #: the tokens of the parse that have trigger lexicon rows, in text order: the only ones
    #: the events coder tries as triggers (:func:`dateline.events.lexicon.lexicon_tokens`);
    #: set by the events stage on its first sentence
    lexicon_tokens: tuple[int, ...] | None = None
    #: the noun phrase and actor ids of each argument head the events coder has read, and of
    #: its conjuncts (:func:`dateline.events.arguments.arguments`), by the head's token index:
    #: the coder's rules ask for the same heads (a sentence's subject, for each of its
    #: triggers) some 2.5 times each
    argument_names: dict[int, tuple[tuple[Span, tuple[str, ...]], ...]] = field(
        default_factory=dict
    )
    _mention_starts: list[int] = field(default_factory=list, repr=False)
    _lede_end: int | None = field(default=None, repr=False)  # lede_end(), once the parse is set
    #: the character offset of every token of the parse, for :meth:`sentence_at` (made once:
    #: it was rebuilt on every lookup, 4 passes over every token of the 400 press releases)
    _token_starts: list[int] | None = field(default=None, repr=False)
    #: for :meth:`next_telling`: each token's lemma and form ids, and their strings as read
    _word_ids: list[list[int]] | None = field(default=None, repr=False)
    _lemmas: dict[int, str] = field(default_factory=dict, repr=False)
    _forms: dict[int, str] = field(default_factory=dict, repr=False)
    #: what :meth:`next_telling` found, by (token index, start): placing and dating both ask
    _tellings: dict[tuple[int, int], int | None] = field(default_factory=dict, repr=False)
    #: for :meth:`sentence_of`: the parse's sentences, and each token's sentence by index
    _sentences: list[SpacySpan] = field(default_factory=list, repr=False)
    _sentence_of_token: list[int] = field(default_factory=list, repr=False)
    #: what :meth:`token_at` found, by (start, end): the events stage's rules, learned
    #: parties and filter ask for each trigger's token some four times (a new Token each)
    _tokens_at: dict[tuple[int, int], Token | None] = field(default_factory=dict, repr=False)
    #: for :meth:`heads`: each token's head index, read from the parse's arrays once
    _heads: list[int] | None = field(default=None, repr=False)
    #: for :meth:`lemma_ids`: each token's lemma id, and the distinct ones, read once
    _lemma_ids: tuple[NDArray[Any], list[int]] | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def parsed(self) -> SpacyDoc:
        if self.spacy is None:
            raise RuntimeError("the segment stage must run before this stage (no parse yet)")
        return self.spacy

    def stamp(self, stage: Versioned) -> str:
        """The provenance string a stage writes into its records: ``name@version``."""
        return f"{stage.name}@{stage.version}"

    def span(self, start: int, end: int) -> Span:
        return Span.of(self.article.text, start, end)

    def sentence_span(self, sent: SpacySpan) -> Span:
        """A spaCy sentence as a Span, without the surrounding whitespace."""
        start, end = sent.start_char, sent.end_char
        text = self.article.text
        while end > start and text[end - 1].isspace():
            end -= 1
        while start < end and text[start].isspace():
            start += 1
        return Span.of(text, start, end)

    def sentence_at(self, offset: int) -> Span:
        """The sentence that contains character ``offset`` (the evidence for a record there)."""
        doc = self.parsed
        token = doc.char_span(offset, offset + 1, alignment_mode="expand")
        if token is None or not len(token):  # on whitespace: take the nearest token to the left
            index = bisect.bisect_right(self.token_starts(), offset) - 1
            index = max(0, min(len(doc) - 1, index))
            return self.sentence_span(doc[index].sent)
        return self.sentence_span(token[0].sent)

    def sentences(self) -> list[SpacySpan]:
        """The parse's sentences, as ``parsed.sents`` gives them, listed once per article (the
        same Spans on every call: read them, do not change them)."""
        if not self._sentences:
            for number, sentence in enumerate(self.parsed.sents):
                self._sentences.append(sentence)
                self._sentence_of_token.extend([number] * len(sentence))
        return self._sentences

    def sentence_of(self, token: Token) -> SpacySpan:
        """The parse's sentence that holds ``token``, as ``token.sent`` gives it: spaCy's walks
        the sentence's tokens both ways and builds two Spans on every call, and placing and
        dating ask for every event (the sentences are listed once per article)."""
        return self.sentences()[self._sentence_of_token[token.i]]

    def sentence_number(self, token: Token) -> int:
        """The number (from 0) of the parse's sentence that holds ``token``."""
        self.sentence_of(token)  # lists the sentences once
        return self._sentence_of_token[token.i]

    def token_starts(self) -> list[int]:
        """The character offset of every token of the parse (read from its arrays once)."""
        if self._token_starts is None:
            from spacy.attrs import IDX

            self._token_starts = self.parsed.to_array(IDX).tolist()
        return self._token_starts

    def heads(self) -> list[int]:
        """Each token's head index (a root's is its own), read from the parse's arrays once:
        climbing the tree by ``Token.head`` makes a new spaCy Token at every step. The learned
        parties and the event filter both climb from every event's trigger."""
        if self._heads is None:
            import numpy
            from spacy.attrs import HEAD

            # relative, signed offsets made absolute in one numpy add
            offsets = self.parsed.to_array(HEAD).astype("int64")
            self._heads = (offsets + numpy.arange(len(offsets), dtype="int64")).tolist()
        return self._heads

    def lemma_ids(self) -> tuple[NDArray[Any], list[int]]:
        """Each token's lemma id (the vocabulary's hash of the lemma), and the distinct ones,
        read from the parse's arrays once: the events stage's two sentence filters
        (:mod:`dateline.events.discourse`) each read them, and sorted them out by numpy's
        ``unique`` and ``isin``, which sort: slower than a set on an article's few hundred
        distinct lemmas and a comparison per wanted lemma."""
        if self._lemma_ids is None:
            from spacy.attrs import LEMMA

            ids = self.parsed.to_array(LEMMA)
            self._lemma_ids = (ids, list(set(ids.tolist())))
        return self._lemma_ids

    def next_telling(self, after: Token, start: int) -> Token | None:
        """The first token after ``after``, at character ``start`` or later, whose lower-case
        lemma or form is one of ``after``'s (a title's event told again in the body). Read
        from the parse's arrays, each string once: walking the tokens made a spaCy Token of
        each."""
        key = (after.i, start)
        if key not in self._tellings:
            self._tellings[key] = self._next_telling(after, start)
        found = self._tellings[key]
        return self.parsed[found] if found is not None else None

    def _next_telling(self, after: Token, start: int) -> int | None:
        strings = self.parsed.vocab.strings
        if self._word_ids is None:
            from spacy.attrs import LEMMA, LOWER

            self._word_ids = self.parsed.to_array([LEMMA, LOWER]).tolist()
        lemmas, forms = self._lemmas, self._forms  # string hash -> lower-case lemma, form
        words = {after.lemma_.lower(), after.lower_}
        first = max(after.i + 1, bisect.bisect_left(self.token_starts(), start))
        for i in range(first, len(self._word_ids)):
            lemma_id, form_id = self._word_ids[i]
            lemma = lemmas.get(lemma_id)
            if lemma is None:
                lemma = lemmas[lemma_id] = strings[lemma_id].lower()
            form = forms.get(form_id)
            if form is None:
                form = forms[form_id] = strings[form_id]
            if lemma in words or form in words:
                return i
        return None

    def token_at(self, start: int, end: int) -> Token | None:
        """The token whose text is exactly [start, end), if one is: a record's one-word span
        found without building a spaCy Span (``char_span``) for it."""
        key = (start, end)
        if key in self._tokens_at:
            return self._tokens_at[key]
        starts = self.token_starts()
        index = bisect.bisect_left(starts, start)
        found = None
        if index < len(starts) and starts[index] == start:
            token = self.parsed[index]
            found = token if start + len(token) == end else None
        self._tokens_at[key] = found
        return found

    def voice_at(self, offset: int) -> Voice | None:
        for voice in self.voices:
            if voice.start <= offset < voice.end:
                return voice
        return None

    def paragraph_at(self, offset: int) -> Span | None:
        for para in self.paragraphs:
            if para.start <= offset < para.end:
                return para
        return None

    def lede_end(self) -> int:
        """Where the lede ends: the end of the ``LEDE_SENTENCES``-th sentence after the title
        (0 for a text without a body). Asked for every event: the sentences are walked once."""
        if self._lede_end is None:
            end = 0
            if len(self.paragraphs) >= 2:
                body = self.paragraphs[1].start
                ends: list[int] = []
                for sent in self.parsed.sents:
                    if sent.start_char >= body:
                        ends.append(sent.end_char)
                        if len(ends) == LEDE_SENTENCES:
                            break
                end = ends[-1] if ends else 0
            self._lede_end = end
        return self._lede_end

    def set_mentions(self, mentions: list[Mention]) -> None:
        self.mentions = sorted(mentions, key=lambda m: (m.span.start, m.span.end))
        self._mention_starts = [m.span.start for m in self.mentions]

    def mention_at(self, start: int, end: int | None = None) -> Mention | None:
        """The mention that covers the character range [start, end) (or the offset ``start``)."""
        end = start + 1 if end is None else end
        index = bisect.bisect_right(self._mention_starts, start) - 1
        # mentions do not nest, so the candidate is the last one starting at or before `start`
        for candidate in self.mentions[max(0, index - 1) : index + 2]:
            if candidate.span.start <= start and end <= candidate.span.end:
                return candidate
        return None

    def mention_for_token(self, token: Token) -> Mention | None:
        """The actor mention a token belongs to, if any."""
        return self.mention_at(token.idx, token.idx + len(token.text))

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions that lie inside [start, end)."""
        lo = bisect.bisect_left(self._mention_starts, start)
        found = []
        for mention in self.mentions[lo:]:
            if mention.span.start >= end:
                break
            if mention.span.end <= end:
                found.append(mention)
        return found
