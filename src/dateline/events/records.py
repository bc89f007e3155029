"""An event's confidence and the rule that made it, as its record states them.

Confidence = lexicon strength x argument completeness x factuality certainty, where completeness
is 1.0 with actor and recipient, 0.8 with an actor only (0.6 for the types that PLOVER says
require a recipient: COOPERATE, AID, SANCTION), 0.5 without an actor (the text names none: "the
talks", "was arrested" with no agency in the article), and certainty is
:data:`dateline.events.factuality.CERTAINTY`.
"""

from __future__ import annotations

from dateline.events.candidate import Candidate
from dateline.events.coder import REQUIRES_RECIPIENT
from dateline.events.factuality import CERTAINTY

#: completeness of an event whose actor the text does not name (module docstring)
ACTORLESS = 0.5
#: completeness of an event whose actor is named but not its recipient, and of one whose type
#: PLOVER says requires a recipient (module docstring)
NO_RECIPIENT = 0.8
RECIPIENT_MISSING = 0.6
#: the strength of a trigger the lexicon gives none: neither strong nor weak evidence
UNRATED_STRENGTH = 0.5


def confidence(candidate: Candidate) -> float:
    if not candidate.actor_ids:
        completeness = ACTORLESS
    elif candidate.recipient_ids:
        completeness = 1.0
    else:
        completeness = RECIPIENT_MISSING if candidate.type in REQUIRES_RECIPIENT else NO_RECIPIENT
    strength = candidate.entry.strength or UNRATED_STRENGTH
    return round(strength * completeness * CERTAINTY[candidate.reading.factuality], 3)


#: what separates an event's lexicon row from the coder's rules in its ``rule`` text
RULES_MARK = "; rules: "


def rules_named(rule: str | None) -> list[str]:
    """The names of the rules an event's ``rule`` text (:func:`rule_of`) lists."""
    named = (rule or "").partition(RULES_MARK)[2]
    return named.split(", ") if named else []


#: what a trained component's note in the rule names appends before its probability
#: ("learned target p=0.83": argument_model.py)
PROBABILITY_MARK = " p="


def learned_note(role: str, probability: float) -> str:
    """The rule name that says a trained component filled ``role``, and how sure it was."""
    return f"learned {role}{PROBABILITY_MARK}{probability:.2f}"


def rule_parts(rule: str | None) -> tuple[str, str, list[str]]:
    """An event's ``rule`` text (:func:`rule_of`) taken apart: its lexicon row ("verb 'strike'"),
    the rule that recoded it ("" when none) and the coder's rule names. The trained components
    (events/argument_model.py, events/event_filter.py) read these as features."""
    head = (rule or "").partition(RULES_MARK)[0]
    recoded, row = "", head.removeprefix("lexicon ")
    if head.endswith("]") and " [" in head:
        recoded, _, row = head[:-1].rpartition(" [")
    return row, recoded, rules_named(rule)


#: each (count, edges) :func:`bucket` has spelt: the trained components ask some 100,000 times
#: over the 400 benchmark documents for a few hundred distinct keys (small counts against a
#: handful of module-constant edges)
_BUCKETS: dict[tuple[int, tuple[int, ...]], str] = {}
#: the most keys :data:`_BUCKETS` keeps before it is emptied (a long-running server's bound)
MAX_BUCKETS = 10_000


def bucket(value: int, edges: tuple[int, ...]) -> str:
    """A count's bucket as the trained components spell it: "<=edge" for the first of the
    ascending ``edges`` it does not exceed, ">last" beyond them."""
    key = (value, edges)
    found = _BUCKETS.get(key)
    if found is None:
        found = next((f"<={edge}" for edge in edges if value <= edge), f">{edges[-1]}")
        if len(_BUCKETS) >= MAX_BUCKETS:
            _BUCKETS.clear()
        _BUCKETS[key] = found
    return found


def rule_of(candidate: Candidate) -> str:
    """Why the event has its type: the trigger's lexicon row, after the rule that recoded it;
    then the coder's rules that chose its actors, recipients and mode (events/rules.py), as
    "lexicon verb 'strike'; rules: verb subject, verb objects"."""
    entry = candidate.entry
    row = f"{entry.pos} '{entry.pattern}'"
    why = f"{candidate.rule} [{row}]" if candidate.rule else f"lexicon {row}"
    return f"{why}{RULES_MARK}{', '.join(candidate.rules)}" if candidate.rules else why
