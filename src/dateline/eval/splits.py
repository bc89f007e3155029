"""Development and report halves of an evaluation corpus.

Rules are written from the errors of one half of a corpus and the figure that counts is taken
on the other, so that a rule fitted to one article shows up as a gap between the halves. The
halves alternate over the corpus's documents in the order the reader returns them (sorted by
file name for TimeML and MEANTIME, file order for the geoparsing XML), numbered from 1:

* ``dev``: the even-numbered documents (2nd, 4th, ...), where rules are developed;
* ``test``: the odd-numbered documents (1st, 3rd, ...), reported and not looked at;
* ``all``: every document.

Alternating rather than cutting in two keeps both halves alike in source and period (TBAQ-cleaned
sorts the AQUAINT files before TimeBank's; TR-News groups articles by outlet).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from dateline.errors import EvalError

T = TypeVar("T")

SPLITS = ("all", "dev", "test")


def select_split(items: Sequence[T], split: str) -> list[T]:
    """The documents of ``split`` (module docstring), in their order."""
    if split not in SPLITS:
        raise EvalError(f"Unknown split {split!r}. Valid: {', '.join(SPLITS)}.")
    if split == "all":
        return list(items)
    first = 1 if split == "dev" else 0  # 0-based index 1 is the 2nd (even-numbered) document
    return list(items[first::2])
