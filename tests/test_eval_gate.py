"""Accuracy gate: each stage's score on real annotated data stays above its floor.

Floors live in ``tests/eval_floors.json`` with the figure measured when they were set. They only
go down on purpose, in a commit that says why. Each dataset is read from ../shared/eval (never
copied here); the test skips with the reason when it is absent.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest

from conftest import shared_path

FLOORS = json.loads((Path(__file__).parent / "eval_floors.json").read_text(encoding="utf-8"))
CASES = [(name, spec) for name, spec in FLOORS.items() if not name.startswith("_")]


@pytest.mark.slow
@pytest.mark.shared
@pytest.mark.parametrize(("name", "spec"), CASES, ids=[name for name, _ in CASES])
def test_stage_accuracy_floor(name: str, spec: dict) -> None:
    dataset = shared_path(*spec["dataset"].split("/"))
    module = importlib.import_module(f"dateline.eval.{spec['stage']}")
    report = module.evaluate(dataset, **spec.get("options", {}))
    low = {
        key: (report[key], floor) for key, floor in spec["floors"].items() if report[key] < floor
    }
    assert not low, f"{name}: below floor (measured, floor): {low}"
