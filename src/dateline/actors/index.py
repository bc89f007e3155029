"""The article's tokens, and where each word form, part of speech and tag stands, read once.

The mention rules each look for a few kinds of word ("police", a plural noun, a colon, a
pronoun) over the whole article. Walking ``Doc`` makes a new spaCy ``Token`` for every word on
every walk and reads its strings back from the vocabulary; here the tokens are made once, and a
rule finds the few it can use by comparing a column of ``Doc.to_array`` (lower-case form, part of
speech, fine-grained tag, text) with the ids of the values it wants. Values are the strings
``Token.lower_``, ``Token.pos_``, ``Token.tag_`` and ``Token.text`` give, so a rule's test reads
as it did on the token. (The columns are compared as arrays, not grouped into Python lists per
value: making hundreds of small objects per article cost more than the walks saved.)

The index also lists the Doc's entities and sentences once: ``Doc.ents`` and ``Doc.sents``
make a new Span for each (and a Token for every word they pass) on every call, and the rules
asked for the entities some 1,800 times over 400 articles.

The index of the last Doc asked about is kept (one: the rules of one article ask in turn), made
on the first ask after the actors stage's registry names are tagged; the columns read do not
depend on entities, and :func:`dateline.actors.registry.tag_registry_names`, the one thing in
the stage that changes them, forgets the index (:func:`forget`) so that the listed entities
are never stale; a Doc of another length (retokenised) gets a new one.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING, Any

from dateline.caches import lemma_ids_in

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: the columns an index reads, by the Token attribute whose strings they hold
COLUMNS = {
    "lower_": "LOWER",
    "pos_": "POS",
    "tag_": "TAG",
    "text": "ORTH",
    "idx": "IDX",
    "is_alpha": "IS_ALPHA",
    "is_lower": "IS_LOWER",
    "is_space": "IS_SPACE",
    "lemma_": "LEMMA",
    "is_upper": "IS_UPPER",
}
#: each attribute's row in an index's array of columns (a rule asks for a column by name)
_ROWS = {name: row for row, name in enumerate(COLUMNS)}


class TokenIndex:
    """The tokens of one Doc, and its columns of value ids."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.tokens: list[Token] = list(doc)
        self.length = len(self.tokens)  # the Doc's length when the index was made
        self._columns: Any = None  # a numpy array, a row per attribute, read on the first ask
        # positions by column and values: several rules ask for the same ("NOUN", "PROPN")
        self._positions: dict[tuple[str, frozenset[str]], list[int]] = {}
        self._entities: tuple[Span, ...] | None = None
        self._sentences: tuple[Span, ...] | None = None
        #: what a rule reads once per Doc for several rules (by the rule's own key; read only)
        self.memo: dict[str, Any] = {}

    @property
    def entities(self) -> tuple[Span, ...]:
        """``doc.ents``, listed on the first ask (the same Spans each time: read them only)."""
        if self._entities is None:
            self._entities = tuple(self.doc.ents)
        return self._entities

    @property
    def sentences(self) -> tuple[Span, ...]:
        """``doc.sents``, listed on the first ask (the same Spans each time: read them only)."""
        if self._sentences is None:
            self._sentences = tuple(self.doc.sents)
        return self._sentences

    def column(self, name: str) -> Any:
        """The ids of Token attribute ``name``, one per token (a numpy array)."""
        if self._columns is None:  # every column in one call: each call costs as much as a few
            # (transposed and copied, so that each attribute's ids lie next to each other)
            self._columns = self.doc.to_array(list(COLUMNS.values())).T.copy()
        return self._columns[_ROWS[name]]

    def value_id(self, name: str, value: str) -> int | None:
        """The id a column holds for ``value``: the vocabulary's hash of the string (nothing is
        added to the vocabulary), or for ``pos_`` the part-of-speech symbol (None: no such)."""
        if name == "pos_":
            from spacy.parts_of_speech import IDS

            found = IDS.get(value)
            return None if found is None else int(found)
        return int(self.doc.vocab.strings[value])

    def positions(self, name: str, values: Iterable[str]) -> list[int]:
        """The positions, in text order, of the tokens whose attribute ``name`` is one of
        ``values`` (a list the index keeps and hands out again: read it, do not change it)."""
        key = (name, frozenset(values))
        found = self._positions.get(key)
        if found is None:
            column = self.column(name)
            mask = None
            for value in key[1]:
                value_id = self.value_id(name, value)
                if value_id is None:
                    continue
                same = column == value_id
                mask = same if mask is None else mask | same
            found = [] if mask is None else mask.nonzero()[0].tolist()
            self._positions[key] = found
        return found

    def with_lemmas(self, lemmas: Collection[str]) -> list[Token]:
        """The tokens, in text order, whose lower-cased lemma (``lemma_.lower()``) is one of
        ``lemmas``: each distinct lemma of the Doc is read back from the vocabulary once."""
        key = ("lemma", frozenset(lemmas))
        found = self._positions.get(key)
        if found is None:
            import numpy

            column = self.column("lemma_")
            ids = numpy.unique(column)  # (kept in the column's type: the ids are 64-bit hashes)
            wanted = numpy.array(
                lemma_ids_in(ids.tolist(), key[1], self.doc.vocab.strings), dtype=ids.dtype
            )
            found = numpy.isin(column, wanted).nonzero()[0].tolist() if len(wanted) else []
            self._positions[key] = found
        tokens = self.tokens
        return [tokens[i] for i in found]

    def where(self, name: str, values: Iterable[str]) -> list[Token]:
        """The tokens, in text order, whose attribute ``name`` is one of ``values``."""
        tokens = self.tokens
        return [tokens[i] for i in self.positions(name, values)]


#: the index of the last Doc asked about (one: the rules of one article ask in turn, some 250
#: times an article, so the test is an identity and a length, not a cache's hashed key; an index
#: holds its Doc and tokens, so keeping more would keep their articles alive, and its own
#: reference to its Doc keeps the Doc's id from being reused). The one slot is read and
#: replaced whole, so a thread never sees it half changed.
_kept: list[TokenIndex | None] = [None]


def token_index(doc: Doc) -> TokenIndex:
    """The index of ``doc``, made on the first ask (again for a Doc of another length)."""
    index = _kept[0]
    if index is not None and index.doc is doc and index.length == len(doc):
        return index
    index = _kept[0] = TokenIndex(doc)
    return index


def forget() -> None:
    """Drop the kept index: the entities of its Doc may have changed."""
    _kept[0] = None


__all__ = ["COLUMNS", "TokenIndex", "forget", "token_index"]
