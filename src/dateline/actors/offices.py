"""The holders of an institution's offices: "the President of the European Council", "the UN
Secretary-General", "NATO Secretary General" (issue 11: a role is the person who held it then).

The actor table gives people the office they held and when ("Secretary-General of NATO",
2014-10-01 to 2024-10-01). A government readout names an international official by office far
more often than by name, and the office's holder changes, so the mention is resolved against the
article's date: the row whose office matches and was held that day. The office matches as
"<title> of <institution>" or "<institution> <title>", the institution by any of its table
aliases ("UN", "U.N.", "United Nations"), and hyphens and case do not count ("Secretary General").
Countries' offices ("the President of Belarus") are the role rules' (:mod:`dateline.actors.titles`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateline.actor_table import ActorEntry
from dateline.actors.titles import SUBORDINATE

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: the longest title read around an institution's name, in tokens ("Deputy Secretary - General")
TITLE_MAX_TOKENS = 5


_SPACES_AND_DASHES = re.compile(r"[\s\-\u2010-\u2015]+")


def _key(text: str) -> str:
    return _SPACES_AND_DASHES.sub(" ", text.casefold()).strip().removeprefix("the ")


@dataclass(frozen=True, slots=True)
class Offices:
    """(institution alias, title) -> the people the table says held that office."""

    holders: dict[tuple[str, str], tuple[ActorEntry, ...]]
    #: the institutions some office belongs to (a name not among them is read no further)
    institutions: frozenset[str]

    @classmethod
    def of(cls, table: Iterable[ActorEntry]) -> Offices:
        rows = list(table)
        aliases: dict[str, set[str]] = {}
        for row in rows:
            if row.kind == "organization":
                aliases.setdefault(_key(row.name), set()).update(_key(a) for a in row.aliases)
        holders: dict[tuple[str, str], list[ActorEntry]] = {}
        for row in rows:
            if row.kind != "person" or not row.role or " of " not in row.role:
                continue
            title, _, institution = row.role.partition(" of ")
            names = aliases.get(_key(institution), set()) | {_key(institution)}
            for name in names:
                holders.setdefault((name, _key(title)), []).append(row)
        return cls(
            {key: tuple(found) for key, found in holders.items()},
            frozenset(name for name, _ in holders),
        )

    def holder(self, institution: str, title: str, day: dt.date) -> ActorEntry | None:
        """Who held ``title`` of ``institution`` on ``day`` (None if nobody the table knows)."""
        rows = self.holders.get((_key(institution), _key(title)), ())
        return next((row for row in rows if row.active_on(day)), None)

    def around(
        self, doc: Doc, start: int, end: int, institution: str, day: dt.date
    ) -> tuple[ActorEntry, int, int] | None:
        """The office holder an institution's name at tokens [start, end) is part of, with the
        tokens of the whole phrase: "the President of [the European Council]" (title before,
        with "of") or "[UN] Secretary-General" (title after)."""
        if _key(institution) not in self.institutions:
            return None
        first = start - 1 if start > 0 and doc[start - 1].lower_ == "the" else start
        if first > 0 and doc[first - 1].lower_ == "of":
            for width in range(1, TITLE_MAX_TOKENS + 1):
                begin = first - 1 - width
                if begin < 0:
                    break
                title = doc[begin : first - 1].text
                row = self.holder(institution, title, day)
                if row is not None and _subordinate_before(doc, begin):
                    return None  # "the Deputy Head of the Office": another office, no holder
                if row is not None:
                    return row, begin - int(begin > 0 and doc[begin - 1].lower_ == "the"), end
        for width in range(TITLE_MAX_TOKENS, 0, -1):
            if end + width > len(doc):
                continue
            row = self.holder(institution, doc[end : end + width].text, day)
            if row is not None:
                return row, start, end + width
        return None


def _subordinate_before(doc: Doc, begin: int) -> bool:
    """Whether a title at token ``begin`` is a deputy's: "Deputy Head", "Vice-President"."""
    before = begin - 1
    if before > 0 and doc[before].text in {"-", "\u2010", "\u2011"}:
        before -= 1  # "Vice-President": the hyphen is a token of its own
    return before >= 0 and doc[before].lower_ in SUBORDINATE
