"""The article's tokens, and where each word form, part of speech and tag stands, read once.

The mention rules each look for a few kinds of word ("police", a plural noun, a colon, a
pronoun) over the whole article. Walking ``Doc`` makes a new spaCy ``Token`` for every word on
every walk and reads its strings back from the vocabulary; here the tokens are made once and
each column (lower-case form, part of speech, fine-grained tag, text) is read from
``Doc.to_array`` once, as a map from value to positions, so a rule visits only the tokens it
can use. Values are the strings ``Token.lower_``, ``Token.pos_``, ``Token.tag_`` and
``Token.text`` give, so a rule's test reads the same as it did on the token.

One index per Doc, kept while the Doc lives (a weak reference: nothing outlives the article),
made on the first ask after the actors stage's registry names are tagged; the columns read do
not depend on entities, which is all that stage changes.
"""

from __future__ import annotations

import weakref
from collections.abc import Container
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: the columns an index reads, by the Token attribute whose strings they hold
COLUMNS = {"lower_": "LOWER", "pos_": "POS", "tag_": "TAG", "text": "ORTH"}


class TokenIndex:
    """The tokens of one Doc, and for each column the positions of each of its values."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.tokens: list[Token] = list(doc)
        self._columns: dict[str, dict[str, list[int]]] = {}

    def column(self, name: str) -> dict[str, list[int]]:
        """Value -> positions in text order, for the column of Token attribute ``name``."""
        found = self._columns.get(name)
        if found is None:
            by_id: dict[int, list[int]] = {}
            for i, value in enumerate(self.doc.to_array(COLUMNS[name]).tolist()):
                by_id.setdefault(value, []).append(i)
            if name == "pos_":  # Token.pos_ reads the part-of-speech symbol's name
                from spacy.parts_of_speech import NAMES as POS_NAMES

                found = {POS_NAMES[value]: positions for value, positions in by_id.items()}
            else:
                strings = self.doc.vocab.strings
                found = {strings[value]: positions for value, positions in by_id.items()}
            self._columns[name] = found
        return found

    def values(self, name: str) -> list[str]:
        """The column of Token attribute ``name``, one value per token."""
        values = [""] * len(self.tokens)
        for value, positions in self.column(name).items():
            for i in positions:
                values[i] = value
        return values

    def where(self, name: str, values: Container[str]) -> list[Token]:
        """The tokens, in text order, whose attribute ``name`` is one of ``values``."""
        positions = [i for value, at in self.column(name).items() if value in values for i in at]
        positions.sort()
        tokens = self.tokens
        return [tokens[i] for i in positions]


_INDEXES: weakref.WeakKeyDictionary[Doc, TokenIndex] = weakref.WeakKeyDictionary()


def token_index(doc: Doc) -> TokenIndex:
    """The index of ``doc``, made on the first ask."""
    index = _INDEXES.get(doc)
    if index is None or len(index.tokens) != len(doc):
        index = _INDEXES[doc] = TokenIndex(doc)
    return index


__all__ = ["COLUMNS", "TokenIndex", "token_index"]
