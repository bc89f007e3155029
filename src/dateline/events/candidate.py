"""A coded event before it becomes a record: what the coder and PLOVER's boundary rules pass
between them (its own module, so that the boundary rules need not import the coder)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dateline.events.factuality import FactualityReading, read_factuality

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Token

    from dateline.events.arguments import Argument
    from dateline.events.lexicon import Entry


@dataclass(frozen=True, slots=True)
class Candidate:
    """A coded event before it becomes a record."""

    trigger: Token
    clause: Token  # the predicate whose clause carries the event (support verb or trigger)
    entry: Entry
    type: str
    mode: str | None
    actors: tuple[Argument, ...]
    recipients: tuple[Argument, ...]
    reading: FactualityReading
    rule: str | None  # the boundary rule applied, if any
    #: the subject is the meeting's parties ("the leaders", "the sides"): the events stage gives
    #: the event the article's meeting parties when nothing nearer names them
    parties: bool = False
    #: the names of the coder's rules (:data:`dateline.events.rules.RULES`) that chose its
    #: actors, recipients, factuality and type, in the order they fired
    rules: tuple[str, ...] = ()

    #: the actor ids of ``actors``, each once, in order; and of ``recipients``, less those.
    #: Worked out once here: the boundary rules, the confidence and the record each asked for
    #: them (70,000 asks for 10,000 candidates on the 400 benchmark documents)
    actor_ids: tuple[str, ...] = field(init=False, repr=False, compare=False)
    recipient_ids: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        mine = tuple(dict.fromkeys(a for arg in self.actors for a in arg.actors))
        ids = [a for arg in self.recipients for a in arg.actors if a not in mine]
        object.__setattr__(self, "actor_ids", mine)
        object.__setattr__(self, "recipient_ids", tuple(dict.fromkeys(ids)))

    @classmethod
    def of_rule(
        cls,
        trigger: Token,
        entry: Entry,
        type: str,
        actors: Iterable[Argument],
        recipients: Iterable[Argument],
        rule: str,
        *,
        clause: Token | None = None,
        reading: FactualityReading | None = None,
        parties: bool = False,
        rules: tuple[str, ...] = (),
    ) -> Candidate:
        """An event a coder rule builds itself, beside the lexicon's drafts ("I was in
        Borodyanka", "We coordinated our steps", an imperative, a listed call, a readout's topic,
        a spoken "must"): no mode, ``rule`` its name, ``clause`` the trigger unless given, and
        its factuality read at the clause unless given."""
        clause = trigger if clause is None else clause
        if reading is None:
            reading = read_factuality(trigger, clause=clause)
        return cls(
            trigger, clause, entry, type, None, tuple(actors), tuple(recipients), reading, rule,
            parties, rules,
        )  # fmt: skip

    @property
    def depth(self) -> int:
        return sum(1 for _ in self.clause.ancestors)
