"""What a stage hands on, or a rule works out once per article, kept on the Document.

Typed records in place of a free dict of notes (issue 15): each field says what it holds and why
it is kept. They sit in the bottom layer with :mod:`dateline.document`, which names them, so the
rule packages that fill them (:mod:`dateline.gazetteer.placing`,
:mod:`dateline.temporal.dating`) and the stage that hands one on (:mod:`dateline.stages.places`)
all see one declaration.

The caches exist because the events stage asks for the date and place of every event: what
those answers share is worked out on the first event of an article and read for the others
(``doc.times_cache``, ``doc.places_cache``). They read only what the times and places stages
have already written, which nothing changes afterwards, so they never go stale within a run.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from dateline.model import EventPlace, Place, Quote, TimeExpression

if TYPE_CHECKING:
    from spacy.strings import StringStore
    from spacy.tokens import Token


class PlaceTokens(NamedTuple):
    """A place the places stage located, with the tokens of the parse that name it.

    Set by the places stage (``doc.place_tokens``): event placing reads a place's words in the
    parse (what it is the place of), and a :class:`~dateline.model.Place` keeps only character
    offsets. A NamedTuple: immutable and typed, and the rules unpack it (``for s, e, p in ...``).
    """

    start: int  # index of the first token
    end: int  # index after the last token
    place: Place


@dataclass(frozen=True, slots=True)
class AnchoredPlace:
    """A place of the article with what event placing reads of it: the token it starts at,
    what it locates, and whether it is a dateline and may carry on to later sentences (a main
    clause's, neither future nor a flashback's). See :func:`dateline.gazetteer.placing.event_place`.
    """

    start: int
    place: Place
    anchor: Token | None
    dateline: bool
    carries: bool


@dataclass(frozen=True, slots=True)
class PlacesCache:
    """What placing an event reads of the article's places (``doc.places_cache``), worked out
    by :mod:`dateline.gazetteer.placing` on the first event it places: finding each place's
    anchor climbs the parse, and every event of the article asks for the same ones."""

    #: the places of ``doc.place_tokens`` with their anchors, in text order
    anchored: tuple[AnchoredPlace, ...]
    #: the place the article is set in (:func:`dateline.gazetteer.placing.article_setting`), the
    #: last resort of every event's place; None when the article sets none
    setting: Place | None
    #: the verbs and nouns of the article by lower-case lemma, grouped by the lemma's first
    #: letters (``placing.RETOLD_STEM``): where another mention of an event's word may be
    #: (``placing._told_elsewhere``), found without walking the whole text for every event;
    #: filled on the first event that asks (most articles place every event before that)
    event_words: dict[str, dict[str, tuple[int, ...]]] = field(default_factory=dict)
    #: each token's own place (``placing._placed_here``) by token index, for the token asked
    #: again: an event, the other mentions of its word, the title's event retold in the body
    placed: dict[int, EventPlace | None] = field(default_factory=dict)


class GovernedTime(NamedTuple):
    """A DATE or TIME expression with a day range, and the token chain from its root up to its
    governing verb (token indices; the verb last). A NamedTuple: the rules unpack it."""

    time: TimeExpression
    chain: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class TimesCache:
    """What dating an event reads of the article's time expressions (``doc.times_cache``),
    worked out by :mod:`dateline.temporal.dating` on the first event it dates: it walks up the
    parse from every token of every trigger, and each step asks which expressions hang there."""

    #: the expressions the parse attaches to a verb, with their chains (see GovernedTime)
    governed: tuple[GovernedTime, ...]
    #: token index -> positions in ``governed`` of the chains through that token
    by_token: Mapping[int, tuple[int, ...]]
    #: verb token index -> positions in ``governed`` of the chains it governs
    by_verb: Mapping[int, tuple[int, ...]]
    #: the expressions that may be the narrative's reference time of a past or present event:
    #: a day, week or month not after the article date, not a date line
    usable: tuple[TimeExpression, ...]
    #: the same for a future event, which may take one after the article date
    usable_future: tuple[TimeExpression, ...]
    #: ``id()`` of the expressions that date a main clause (looked up by identity, as the rules
    #: compare the expressions of ``governed`` and ``usable``, which are the same objects)
    main_clause: frozenset[int]
    #: ``id()`` of the expressions that only modify a noun ("yesterday's criminal act"): they
    #: date the events of their own sentence, not the narrative beyond it
    nominal: frozenset[int] = frozenset()
    #: event noun token index -> the expression of its relative clause of occurrence ("the
    #: brawl that took place on 25 February")
    occurrence: Mapping[int, TimeExpression] = field(default_factory=dict)
    #: for ``dating.reference_time`` of a past event: the expressions of ``usable`` that are
    #: recent, and those that carry on past their sentence (recent or dating a main clause), in
    #: text order; the same for every event of the article: empty until the first one asks
    narrative: list[tuple[list[TimeExpression], list[TimeExpression]]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class QuoteIndex:
    """The article's quotes by where they start, for
    :func:`dateline.quotes.reporting.reporter_of` (``doc.quote_index``): asked for every event
    of the article, it walked every quote each time. ``quotes`` is the list indexed (the
    Extraction's own) and ``count`` its length when indexed, so a changed list is indexed again.
    """

    quotes: list[Quote]
    count: int
    #: the quotes' places in ``quotes``, ordered by start (of equal starts, as listed)
    places: tuple[int, ...]
    #: the start of each quote in ``places`` order
    starts: tuple[int, ...]
    #: the longest quote's length in characters: no quote starting further back reaches a token
    longest: int


#: the most lemma ids :func:`lemma_ids_in` remembers, over all the sets of lemmas asked about,
#: before it starts again: an article's distinct lemmas are mostly the corpus's common words
LEMMA_MEMO_ENTRIES = 100_000


#: for each (set of lemmas, string store) asked about: the lemma ids known to be in the set,
#: and all the lemma ids read so far. Keyed by the vocabulary's hash of the lemma, not by its
#: place in the store: the hash is a function of the string alone, so an answer stays right
#: when a memory zone frees the string after its batch and a later article adds it again
#: (tests/test_parse.py)
_LEMMA_ANSWERS: dict[tuple[frozenset[str], StringStore], tuple[set[int], set[int]]] = {}


def lemma_ids_in(lemma_ids: list[int], lemmas: frozenset[str], strings: StringStore) -> list[int]:
    """Those of ``lemma_ids`` (vocabulary hashes, each once) whose lower-cased string is one of
    ``lemmas``, in ascending order. Each lemma is read back and lower-cased once for all
    articles; an article's ids are then sorted out by two set operations, not a Python test
    per id (the actors' index and the events stage's sentence filters ask, the latter twice
    per article)."""
    if sum(len(read) for _, read in _LEMMA_ANSWERS.values()) > LEMMA_MEMO_ENTRIES:
        _LEMMA_ANSWERS.clear()  # a bound on its memory in a long ingest
    answers = _LEMMA_ANSWERS.get((lemmas, strings))
    if answers is None:
        answers = _LEMMA_ANSWERS[lemmas, strings] = (set(), set())
    found, read = answers
    ids = set(lemma_ids)
    for lemma_id in ids - read:
        if strings[lemma_id].lower() in lemmas:
            found.add(lemma_id)
        read.add(lemma_id)
    return sorted(ids & found)
