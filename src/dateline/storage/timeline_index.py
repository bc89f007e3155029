"""Which merged events and quotes a timeline query matches, and in what order, from memory.

A timeline page (:func:`dateline.corpus.timeline.timeline_page`) must find every match of its
query to count them and to cut its page. In SQL that is an ``ILIKE`` of each term over the
evidence sentence of every report and over every quote, a union and a sort: 45-65 ms of DuckDB
per page on the 1,796 press releases, whatever the page. Nothing of it depends on the query
but the matching, so once per store generation (:mod:`dateline.storage.generation`) this
module reads, in the timeline's order:

* for each merged event: its actors and recipients, the days its window test uses, and its
  text (its place, and the evidence sentence and place of each of its reports), lower-cased;
* for each quote outside near-duplicate articles: its speaker, kind, article date, and its
  text and sentence, lower-cased;

and answers a query with set operations on positions: actor terms through an inverted index,
text terms with ``str.find`` over the lower-cased texts joined. The matches are the SQL's
(``ILIKE '%term%'``: case-insensitive substring of any one field); the order is the SQL's
``ORDER BY day, is_quote, o1, o2, o3``.
"""

from __future__ import annotations

import datetime as dt
import re
from array import array
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dateline.storage.generation import per_generation
from dateline.storage.substrings import Joined

if TYPE_CHECKING:
    import numpy as np
    from duckdb import DuckDBPyConnection

    from dateline.storage.page_index import Coded

#: Between two fields of one text: no term holds it, so no match spans two fields.
_FIELD = "\x00"
#: Between the texts of two entries.
_ENTRY = "\x01"


_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Texts:
    """Lower-cased texts of entries, joined (UTF-8), where each entry's text starts, and which
    entries hold each word (a maximal run of word characters). Positions are kept in arrays
    of machine integers, not sets of Python ints: a fifth of the memory."""

    joined: bytes
    starts: array[int]
    words: dict[str, array[int]]
    vocabulary: Joined  # the words, in the order of ``words``, for the substring test
    postings: list[array[int]]  # the entries of each word, in the same order

    @classmethod
    def of(cls, texts: list[str]) -> Texts:
        starts: array[int] = array("q")
        encoded: list[bytes] = []
        at = 0
        postings: defaultdict[str, list[int]] = defaultdict(list)
        for i, text in enumerate(texts):
            starts.append(at)
            data = text.encode()
            encoded.append(data)
            at += len(data) + 1
            for word in set(_WORD.findall(text)):
                postings[word].append(i)
        words = {word: array("I", entries) for word, entries in postings.items()}
        return cls(
            _ENTRY.encode().join(encoded),
            starts,
            words,
            Joined.of(list(words)),
            list(words.values()),
        )

    def holding(self, term: str) -> set[int]:
        """Entries whose text holds ``term`` (lower-cased), one hit each.

        A term of word characters only lies inside one word wherever it occurs, so the entries
        holding a word that contains it are the answer (a pass over the distinct words instead
        of 13 MB of text, the words joined: :mod:`dateline.storage.substrings`); other terms ("grain deal", "U.S.") are looked for in the text.
        """
        found: set[int] = set()
        needle = term.lower()
        if not needle:
            return found
        if _WORD.fullmatch(needle):
            for word in self.vocabulary.holding(needle):
                found.update(self.postings[word])
            return found
        data = needle.encode()
        at = self.joined.find(data)
        while at >= 0:
            entry = bisect_right(self.starts, at) - 1
            found.add(entry)
            following = entry + 1
            if following >= len(self.starts):
                break
            at = self.joined.find(data, self.starts[following])
        return found

    def mark(self, term: str, picked: np.ndarray) -> None:
        """Set ``picked`` (a boolean array by entry) at the entries :meth:`holding` finds."""
        import numpy as np

        needle = term.lower()
        if needle and _WORD.fullmatch(needle):
            for word in self.vocabulary.holding(needle):
                picked[np.frombuffer(self.postings[word], dtype=np.uint32)] = True
            return
        found = self.holding(term)
        if found:
            picked[np.fromiter(found, dtype=np.int64, count=len(found))] = True


@dataclass(frozen=True)
class TimelineIndex:
    """Merged events and quotes of a store, each in the timeline's order."""

    event_ids: list[str]  # merged_id, by position
    event_rank: list[int]  # position in the whole timeline's order
    event_first: list[dt.date | None]  # coalesce(date_earliest, first_report): until test
    event_last: list[dt.date | None]  # coalesce(date_latest, first_report): since test
    event_parties: dict[str, array[int]]  # actor id -> events it is an actor or recipient of
    event_texts: Texts
    quote_keys: list[tuple[str, str]]  # (article_id, quote_id)
    quote_rank: list[int]
    quote_date: list[dt.date | None]
    quote_kind: list[str]
    quote_speakers: dict[str, array[int]]
    quote_texts: Texts
    #: the same as numpy arrays, for :meth:`page`: ranks, and days as ordinals (a missing day
    #: as a number no window holds), the quotes' kinds as codes
    event_ranks: np.ndarray
    event_first_days: np.ndarray
    event_last_days: np.ndarray
    quote_ranks: np.ndarray
    quote_first_days: np.ndarray
    quote_last_days: np.ndarray
    quote_kinds: Coded

    def page(
        self,
        groups: list[list[tuple[str, list[str]]]],
        since: dt.date | None,
        until: dt.date | None,
        kinds: tuple[str, ...] | None,
        offset: int,
        limit: int,
    ) -> tuple[list[tuple[bool, int]], int]:
        """The entries (is a quote, position) at ``offset`` of those matching an OR of AND
        groups within the window, in the timeline's order (rank, events before quotes, then
        position), and how many match: :meth:`events` and :meth:`quotes` (None: no quotes)
        sorted, with boolean arrays and numpy instead of sets and a sort of tuples."""
        import numpy as np

        events = self._mask(groups, self.event_parties, self.event_texts, len(self.event_ids))
        if since is not None:
            events &= self.event_last_days >= since.toordinal()
        if until is not None:
            events &= self.event_first_days <= until.toordinal()
        positions = [np.flatnonzero(events)]
        ranks = [self.event_ranks[positions[0]]]
        if kinds is not None:
            quotes = self._mask(groups, self.quote_speakers, self.quote_texts, len(self.quote_keys))
            quotes &= self.quote_kinds.among(kinds)
            if since is not None:
                quotes &= self.quote_last_days >= since.toordinal()
            if until is not None:
                quotes &= self.quote_first_days <= until.toordinal()
            positions.append(np.flatnonzero(quotes))
            ranks.append(self.quote_ranks[positions[1]])
        is_quote = np.concatenate(
            [np.full(len(p), i, dtype=np.int8) for i, p in enumerate(positions)]
        )
        position = np.concatenate(positions)
        rank = np.concatenate(ranks)
        order = np.lexsort((position, is_quote, rank))[offset : offset + limit]
        chosen = [(bool(is_quote[k]), int(position[k])) for k in order.tolist()]
        return chosen, len(rank)

    @staticmethod
    def _mask(
        groups: list[list[tuple[str, list[str]]]],
        by_actor: dict[str, array[int]],
        texts: Texts,
        size: int,
    ) -> np.ndarray:
        """:meth:`_match` as a boolean array by position."""
        import numpy as np

        found = np.zeros(size, dtype=bool)
        for group in groups:
            chosen: np.ndarray | None = None
            for term, ids in group:
                matches = np.zeros(size, dtype=bool)
                texts.mark(term, matches)
                for actor in ids:
                    matches[np.frombuffer(by_actor.get(actor, _NONE), dtype=np.uint32)] = True
                chosen = matches if chosen is None else chosen & matches
            if chosen is not None:
                found |= chosen
        return found

    def events(self, groups: list[list[tuple[str, list[str]]]], since: Any, until: Any) -> set[int]:
        """Events matching an OR of AND groups of (term, actor ids), within the window."""
        found = self._match(groups, self.event_parties, self.event_texts)
        if since is not None:
            found = {i for i in found if _on_or_after(self.event_last[i], since)}
        if until is not None:
            found = {i for i in found if _on_or_before(self.event_first[i], until)}
        return found

    def quotes(
        self,
        groups: list[list[tuple[str, list[str]]]],
        since: Any,
        until: Any,
        kinds: tuple[str, ...],
    ) -> set[int]:
        found = self._match(groups, self.quote_speakers, self.quote_texts)
        wanted = set(kinds)
        found = {i for i in found if self.quote_kind[i] in wanted}
        if since is not None:
            found = {i for i in found if _on_or_after(self.quote_date[i], since)}
        if until is not None:
            found = {i for i in found if _on_or_before(self.quote_date[i], until)}
        return found

    @staticmethod
    def _match(
        groups: list[list[tuple[str, list[str]]]], by_actor: dict[str, array[int]], texts: Texts
    ) -> set[int]:
        found: set[int] = set()
        for group in groups:
            chosen: set[int] | None = None
            for term, ids in group:
                matches = texts.holding(term)
                for actor in ids:
                    matches.update(by_actor.get(actor, ()))
                chosen = matches if chosen is None else chosen & matches
            found |= chosen or set()
        return found


#: No entries (an actor with no postings).
_NONE: array[int] = array("I")
#: The ordinal of a missing day in the ``since`` and ``until`` tests: no window holds it.
_NO_DAY_SINCE = -1
_NO_DAY_UNTIL = 2**62


def _ordinals(days: list[dt.date | None], missing: int) -> np.ndarray:
    import numpy as np

    return np.array(
        [day.toordinal() if day is not None else missing for day in days], dtype=np.int64
    )


def _on_or_after(day: Any, since: Any) -> bool:
    return day is not None and day >= since


def _on_or_before(day: Any, until: Any) -> bool:
    return day is not None and day <= until


def _lower(*fields: str | None) -> str:
    return _FIELD.join((field or "").lower() for field in fields)


def build_index(conn: DuckDBPyConnection) -> TimelineIndex:
    """Read the store's merged events and quotes into a :class:`TimelineIndex`."""
    from dateline.corpus.merge import MAX_RANGE_DAYS

    day = (
        "CASE WHEN m.date_earliest IS NOT NULL AND date_diff('day', m.date_earliest, "
        f"coalesce(m.date_latest, m.date_earliest)) <= {int(MAX_RANGE_DAYS)} "
        "THEN m.date_earliest ELSE m.first_report END"
    )
    order = conn.execute(
        f"""
        SELECT is_quote, id, o2 FROM (
            SELECT {day} AS day, 0 AS is_quote, coalesce(m.date_earliest, m.first_report) AS o1,
                m.merged_id AS o2, NULL::INTEGER AS o3, m.merged_id AS id
            FROM merged_events m
            UNION ALL
            SELECT a.date, 1, a.date, q.article_id, q.start_char, q.quote_id
            FROM quotes q JOIN articles a USING (article_id)
            WHERE NOT EXISTS (SELECT 1 FROM article_duplicates d WHERE d.article_id = q.article_id)
        )
        ORDER BY day, is_quote, o1, o2, o3, id
        """
    ).fetchall()
    event_rank: dict[str, int] = {}
    quote_rank: dict[tuple[str, str], int] = {}
    for rank, (is_quote, entry_id, article_id) in enumerate(order):
        if is_quote:
            quote_rank[(article_id, entry_id)] = rank
        else:
            event_rank[entry_id] = rank

    events = conn.execute(
        """
        SELECT m.merged_id, coalesce(m.date_earliest, m.first_report),
            coalesce(m.date_latest, m.first_report), list_concat(m.actors, m.recipients),
            m.place_name
        FROM merged_events m ORDER BY m.merged_id
        """
    ).fetchall()
    position = {row[0]: i for i, row in enumerate(events)}
    texts: list[list[str]] = [[_lower(row[4])] for row in events]
    for merged_id, evidence, place in conn.execute(
        """
        SELECT r.merged_id, e.evidence_text, e.place_name
        FROM merged_event_reports r JOIN events e USING (article_id, event_id)
        """
    ).fetchall():
        at = position.get(merged_id)
        if at is not None:
            texts[at].append(_lower(evidence, place))
    parties: defaultdict[str, array[int]] = defaultdict(lambda: array("I"))
    for i, row in enumerate(events):
        for actor in dict.fromkeys(row[3] or ()):
            parties[actor].append(i)

    quotes = conn.execute(
        """
        SELECT q.article_id, q.quote_id, a.date, q.kind, q.speaker_actor, q.text, q.evidence_text
        FROM quotes q JOIN articles a USING (article_id)
        WHERE NOT EXISTS (SELECT 1 FROM article_duplicates d WHERE d.article_id = q.article_id)
        ORDER BY q.article_id, q.quote_id
        """
    ).fetchall()
    speakers: defaultdict[str, array[int]] = defaultdict(lambda: array("I"))
    for i, row in enumerate(quotes):
        if row[4] is not None:
            speakers[row[4]].append(i)
    import numpy as np

    from dateline.storage.page_index import Coded

    ranks = [event_rank[row[0]] for row in events]
    firsts = [row[1] for row in events]
    lasts = [row[2] for row in events]
    said = [row[2] for row in quotes]
    return TimelineIndex(
        event_ids=[row[0] for row in events],
        event_rank=ranks,
        event_first=firsts,
        event_last=lasts,
        event_parties=dict(parties),
        event_texts=Texts.of([_FIELD.join(parts) for parts in texts]),
        quote_keys=[(row[0], row[1]) for row in quotes],
        quote_rank=[quote_rank[(row[0], row[1])] for row in quotes],
        quote_date=[row[2] for row in quotes],
        quote_kind=[row[3] for row in quotes],
        quote_speakers=dict(speakers),
        quote_texts=Texts.of([_lower(row[5], row[6]) for row in quotes]),
        event_ranks=np.array(ranks, dtype=np.int64),
        event_first_days=_ordinals(firsts, _NO_DAY_UNTIL),
        event_last_days=_ordinals(lasts, _NO_DAY_SINCE),
        quote_ranks=np.array([quote_rank[(row[0], row[1])] for row in quotes], dtype=np.int64),
        quote_first_days=_ordinals(said, _NO_DAY_UNTIL),
        quote_last_days=_ordinals(said, _NO_DAY_SINCE),
        quote_kinds=Coded.of([row[3] for row in quotes]),
    )


def timeline_index(conn: DuckDBPyConnection) -> TimelineIndex:
    """The store's :class:`TimelineIndex`, built once per store generation."""
    return per_generation(conn, "timeline", lambda: build_index(conn))
