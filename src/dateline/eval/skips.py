"""Documents an evaluation cannot use: skipped, counted by reason, and reported.

A dataset of hundreds of documents should not be scored as nothing because one of them is
empty, not English or unreadable. Every ``dateline eval`` command leaves such a document out,
says so on stderr (the first few), and puts in its report:

- ``n_skipped``: how many documents were left out (0 when none);
- ``skipped``: a table of reason -> count ("not English", "empty", "unreadable", ...) when any;
- ``skipped_examples``: the first few as "document: message".

Their gold annotations are not scored: the figures are over the documents used.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from dateline.errors import DatelineError, EmptyInputError, NotEnglishError
from dateline.model import Article

log = logging.getLogger("dateline.eval")

#: How many skipped documents are named on stderr and in the report, one by one.
MAX_EXAMPLES = 5

Item = TypeVar("Item")


def reason_of(error: Exception) -> str:
    if isinstance(error, NotEnglishError):
        return "not English"
    if isinstance(error, EmptyInputError):
        return "empty"
    return "unreadable"


@dataclass
class Skipped:
    """The documents an evaluation left out, by reason."""

    reasons: Counter[str] = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)

    def add(self, name: str, reason: str, message: str) -> None:
        self.reasons[reason] += 1
        if len(self.examples) < MAX_EXAMPLES:
            self.examples.append(f"{name}: {message}")
            log.warning("Skipped %s (%s): %s", name, reason, message)

    def add_error(self, name: str, error: Exception) -> None:
        self.add(name, reason_of(error), str(error))

    def usable(
        self,
        items: Iterable[Item],
        article_of: Callable[[Item], Article],
        name_of: Callable[[Item], str],
    ) -> list[Item]:
        """The items whose article the pipeline accepts (``check_article``); the rest skipped."""
        from dateline.pipeline import check_article

        kept = []
        for item in items:
            try:
                check_article(article_of(item))
            except DatelineError as exc:
                self.add_error(name_of(item), exc)
                continue
            kept.append(item)
        return kept

    @property
    def count(self) -> int:
        return sum(self.reasons.values())

    def figures(self) -> dict[str, Any]:
        """The report's fields: ``n_skipped``, and the reasons and examples when any."""
        if not self.count:
            return {"n_skipped": 0}
        return {
            "n_skipped": self.count,
            "skipped": dict(self.reasons.most_common()),
            "skipped_examples": list(self.examples),
        }
