"""What changed between two runs of an evaluation: ``dateline eval ... --save FILE`` writes every
prediction with its verdict (one JSON object a line), ``--diff FILE`` lists the predictions added,
removed and changed since, worst first, so a rule author sees what a change broke.

Each evaluation says what identifies a prediction (``key``), which of its fields are compared,
and how its verdicts rank from worst to best (``rank``); a change is better or worse by that
rank. Rows carry ``article``, ``sentence``, ``verdict`` and a ``trigger_text`` to show.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable, Sequence
from pathlib import Path
from typing import Any

from dateline.errors import EvalError

Row = dict[str, Any]


def write_rows(path: Path, rows: Sequence[Row]) -> None:
    """One JSON object a line (predictions for ``--save``, or an errors file)."""
    try:
        with path.open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    except OSError as exc:
        raise EvalError(f"Cannot write {path} ({exc.strerror}). Give another path.") from None


def read_predictions(path: Path) -> list[Row]:
    """The rows an earlier run wrote with ``--save``."""
    try:
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    except (OSError, json.JSONDecodeError) as exc:
        raise EvalError(
            f"{path} is not a predictions file written by --save ({exc}). Run once with --save."
        ) from None


def diff_predictions(
    before: Sequence[Row],
    after: Sequence[Row],
    *,
    key: Callable[[Row], Hashable],
    compared: tuple[str, ...],
    rank: dict[str, int],
    absent: int,
) -> dict[str, Any]:
    """Predictions added, removed and changed (in a compared field or in verdict), each with its
    sentence and its verdict before and after; counts of better, worse and neither. ``absent``
    is the rank of no prediction at all (as good as an optional event, or as a miss)."""
    old = {key(r): r for r in before}
    new = {key(r): r for r in after}
    changes: list[Row] = []
    for k in sorted(set(old) | set(new), key=repr):
        a, b = old.get(k), new.get(k)
        if a is not None and b is not None:
            fields = [f for f in compared if a.get(f) != b.get(f)]
            if not fields and a["verdict"] == b["verdict"]:
                continue
            kind = "changed"
        else:
            fields, kind = [], "added" if a is None else "removed"
        row = b or a
        assert row is not None
        before_verdict = a["verdict"] if a else None
        after_verdict = b["verdict"] if b else None
        gain = rank.get(after_verdict or "", absent) - rank.get(before_verdict or "", absent)
        changes.append(
            {"change": kind, "article": row["article"], "trigger": row["trigger_text"],
             "sentence": row["sentence"], "fields": fields, "before": a, "after": b,
             "verdict": [before_verdict, after_verdict],
             "effect": "better" if gain > 0 else "worse" if gain < 0 else "same"}
        )  # fmt: skip
    effects = {e: sum(c["effect"] == e for c in changes) for e in ("better", "worse", "same")}
    return {"n_changed": len(changes), **effects, "rows": changes}
