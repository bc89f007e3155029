"""The golden extraction of the shipped example: any change in output shows up here.

When a change of output is intended, regenerate the file on purpose and review its diff:

    DATELINE_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py
    git diff tests/golden/
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from dateline.contract import to_dict

GOLDEN = Path(__file__).parent / "golden" / "seed.json"


def test_seed_extraction_matches_golden(seed_extraction) -> None:
    current = to_dict(seed_extraction)
    current["meta"].pop("dateline_version")  # a release bump alone is not a change of output
    # Nor is an edit of a stage's code: its fingerprint (dateline.fingerprint) changes with any.
    current["meta"]["stages"] = [s.split("+fp.")[0] for s in current["meta"]["stages"]]
    rendered = json.dumps(current, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if os.environ.get("DATELINE_UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(rendered, encoding="utf-8")
    assert GOLDEN.exists(), "no golden file: run with DATELINE_UPDATE_GOLDEN=1 once and commit it"
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    for section in ("article", "actors", "times", "places", "quotes", "events", "claims", "meta"):
        assert current[section] == golden[section], (
            f"the {section} of the seed extraction changed; if intended, regenerate with "
            "DATELINE_UPDATE_GOLDEN=1 and review the diff"
        )
