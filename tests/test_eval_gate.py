"""Accuracy gate: each stage's score on real annotated data stays above its floor.

Floors live in ``tests/eval_floors.json`` with the figure measured when they were set. They only
go down on purpose, in a commit that says why. Each dataset is read from ../shared/eval (never
copied here), or, for the whole-record gold, from the repository's ``eval/records`` with its texts
in ../shared; the test skips with the reason when ../shared is absent. Each entry pins a
``fingerprint`` of the data it scores (sha256 over its files' names and bytes), so a floor cannot
silently move to other data: after a deliberate change of the data, set the new fingerprint (the
failure message prints it) together with re-measured floors.
"""

from __future__ import annotations

import hashlib
import importlib
import json
from pathlib import Path

import pytest

from conftest import ROOT, SHARED, shared_path

FLOORS = json.loads((Path(__file__).parent / "eval_floors.json").read_text(encoding="utf-8"))
CASES = [(name, spec) for name, spec in FLOORS.items() if not name.startswith("_")]


def fingerprint(path: Path) -> str:
    """sha256 over the relative names and contents of a file or of every file under a folder."""
    digest = hashlib.sha256()
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    for file in files:
        digest.update(str(file.relative_to(path if path.is_dir() else path.parent)).encode())
        digest.update(b"\0")
        digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def _dataset(spec: dict) -> Path:
    if "gold" in spec:  # in the repository, texts in ../shared
        shared_path("eval", "records")
        return ROOT / spec["gold"]
    return shared_path(*spec["dataset"].split("/"))


@pytest.mark.slow
@pytest.mark.shared
@pytest.mark.parametrize(("name", "spec"), CASES, ids=[name for name, _ in CASES])
def test_stage_accuracy_floor(name: str, spec: dict) -> None:
    dataset = _dataset(spec)
    found = fingerprint(dataset)
    assert found == spec["fingerprint"], (
        f"{name}: the data changed (fingerprint {found}, floors set on {spec['fingerprint']}); "
        "re-measure and set both on purpose"
    )
    module = importlib.import_module(f"dateline.eval.{spec['stage']}")
    if "gold" in spec:
        report = module.evaluate([dataset], texts=SHARED, **spec.get("options", {}))
    else:
        report = module.evaluate(dataset, **spec.get("options", {}))
    low = {
        key: (report[key], floor) for key, floor in spec["floors"].items() if report[key] < floor
    }
    assert not low, f"{name}: below floor (measured, floor): {low}"
