"""Which actors a name designates: the one notion of an actor's spellings for every reader.

The CLI's ``--actor``, the server's ``actor``/``source``/``target`` filters, ``/api/actors?q=``
and timeline terms all ask :func:`actor_ids`. An actor's **spellings** are its id, its registry
name, the names articles gave it, and the name-like mentions of it (:data:`SPELLING_KINDS`:
names, titles, roles, capitals, demonyms; not pronouns or groups). A name designates:

* the actor whose id it is (any case), alone;
* otherwise every actor with a spelling that contains it, case and accents folded ("zelen",
  "Erdogan" for "Erdoğan"; names shorter than :data:`MIN_PARTIAL` characters are not looked
  for inside words: "EU" is not part of "Europe"), or that it is a spelling variant of
  (:func:`dateline.names.is_variant`: "Zelenskiy" and "Zelenskyy", "Oleg" and "Oleh",
  "Puttin" and "Putin");

and in each case the actors the corpus pass links to those (``actors.linked_to``: "chakwera"
for "lazarus-chakwera"). Most mentioned first.

The spellings of a whole store are read once per store generation
(:mod:`dateline.storage.generation`) into an index in memory: folded spellings for the
substring test, and their words by first letter for the variant test, so a name costs a
millisecond or two instead of a scan of every mention.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateline.names import fold, is_variant, words
from dateline.storage.generation import per_generation
from dateline.storage.substrings import Joined

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

#: Mention kinds whose text is a spelling of the actor (not "he", not "troops").
SPELLING_KINDS = ("name", "title", "role", "capital", "demonym")
#: Names shorter than this are matched as whole words, not as part of a spelling: "he" or "EU"
#: as a substring would match half the registry.
MIN_PARTIAL = 3
#: A lower bound of the word similarity of :func:`dateline.names.is_variant` (its 75 out of
#: 100, less a margin for rounding): words below it cannot be variants, so only the others are
#: checked with ``is_variant`` itself.
_PREFILTER = 0.74


@dataclass(frozen=True)
class SpellingIndex:
    """Every actor's spellings in a store, ready to be matched against a name."""

    by_id: dict[str, str]  # folded actor id -> actor id
    rank: dict[str, int]  # actor id -> place in "most mentioned first"
    spellings: list[str]  # distinct spellings as stored
    folded: Joined  # the same, folded (fold()), for the substring test
    owners: list[tuple[str, ...]]  # the actors each spelling names
    words_by_letter: dict[str, list[str]]  # distinct folded words by their first letter
    spellings_by_word: dict[str, list[int]]  # folded word -> spellings holding it
    linked: dict[str, tuple[str, ...]]  # actor id -> the actors linked to it

    def variants(self, name: str) -> set[int]:
        """Spellings that ``name`` is a spelling variant of (``is_variant``)."""
        from rapidfuzz import process
        from rapidfuzz.distance import Indel

        asked = words(name)
        if not asked:
            return set()
        found: set[int] | None = None
        for word in asked:
            near = process.extract(
                word,
                self.words_by_letter.get(word[0], []),
                scorer=Indel.normalized_similarity,
                score_cutoff=_PREFILTER,
                limit=None,
            )
            holding = {i for known, _, _ in near for i in self.spellings_by_word[known]}
            found = holding if found is None else found & holding
            if not found:
                return set()
        return {i for i in found or () if is_variant(name, self.spellings[i])}

    def containing(self, name: str) -> set[int]:
        return set(self.folded.holding(fold(name)))

    def actor_ids(self, name: str) -> list[str]:
        term = name.strip()
        if not term:
            return []
        exact = self.by_id.get(fold(term))
        if exact is not None:  # an id names that actor alone ("russia" is not "russian-forces")
            return [exact, *self.linked.get(exact, ())]
        hits = self.variants(term)
        if len(term) >= MIN_PARTIAL:
            hits |= self.containing(term)
        found = {actor for i in hits for actor in self.owners[i]}
        found |= {other for actor in list(found) for other in self.linked.get(actor, ())}
        return sorted(found, key=lambda actor: (self.rank.get(actor, len(self.rank)), actor))


def build_index(conn: DuckDBPyConnection) -> SpellingIndex:
    """Read every actor's spellings from the store (one query over the mentions)."""
    kinds = ", ".join(f"'{kind}'" for kind in SPELLING_KINDS)
    rows = conn.execute(
        f"""
        WITH spellings AS (
            SELECT actor_id, actor_id AS spelling FROM actors
            UNION ALL SELECT actor_id, name FROM actors WHERE name IS NOT NULL
            UNION ALL SELECT actor_id, name FROM article_actors WHERE name IS NOT NULL
            UNION ALL SELECT actor_id, text FROM mentions
                WHERE kind IN ({kinds}) AND actor_id IS NOT NULL
        )
        SELECT spelling, list(DISTINCT actor_id ORDER BY actor_id) FROM spellings
        GROUP BY spelling ORDER BY spelling
        """
    ).fetchall()
    registry = conn.execute(
        "SELECT actor_id, linked_to FROM actors ORDER BY n_mentions DESC NULLS LAST, actor_id"
    ).fetchall()
    spellings = [spelling for spelling, _ in rows]
    folded = [fold(spelling) for spelling in spellings]
    by_word: defaultdict[str, list[int]] = defaultdict(list)
    for i, spelling in enumerate(spellings):
        for word in dict.fromkeys(words(spelling)):
            by_word[word].append(i)
    by_letter: defaultdict[str, list[str]] = defaultdict(list)
    for word in by_word:
        by_letter[word[0]].append(word)
    linked: defaultdict[str, list[str]] = defaultdict(list)
    for actor_id, target in registry:
        if target is not None and target != actor_id:
            linked[target].append(actor_id)
    return SpellingIndex(
        by_id={fold(actor_id): actor_id for actor_id, _ in registry},
        rank={actor_id: i for i, (actor_id, _) in enumerate(registry)},
        spellings=spellings,
        folded=Joined.of(folded),
        owners=[tuple(owners) for _, owners in rows],
        words_by_letter=dict(by_letter),
        spellings_by_word=dict(by_word),
        linked={target: tuple(sorted(ids)) for target, ids in linked.items()},
    )


def spelling_index(conn: DuckDBPyConnection) -> SpellingIndex:
    """The store's spelling index, built once per store generation."""
    return per_generation(conn, "spellings", lambda: build_index(conn))


def actor_ids(conn: DuckDBPyConnection, name: str) -> list[str]:
    """Actor ids that ``name`` designates, most mentioned first (see the module docstring)."""
    return spelling_index(conn).actor_ids(name)
