"""Verbal, nominal and justice events the PLOVER manual codes (issue 11, "Coverage"): each case is
one lexicon row or rule, on a sentence written for the test (never the example article's)."""

from __future__ import annotations

import pytest

from conftest import make_document

STAGES = ("segment", "actors", "events")

CASES = [
    ("The minister said she was grateful to Japan for its help.", "grateful", "SUPPORT"),
    ("We appreciate the efforts of the Red Cross.", "appreciate", "SUPPORT"),
    ("The president awarded the pilots the title Hero of Ukraine.", "awarded", "SUPPORT"),
    ("Kerry contacted the Thai foreign minister on Tuesday.", "contacted", "CONSULT"),
    ("The two leaders touched upon the issue of energy supplies.", "touched", "CONSULT"),
    ("He addressed the Parliament of Portugal by video link.", "addressed", "CONSULT"),
    ("Detectives interrogated the suspect for two hours.", "interrogated", "ACCUSE"),
    ("Investigators identified a suspect on Friday.", "identified", "ACCUSE"),
    ("The man is in a Winnipeg jail.", "jail", "COERCE"),
    ("Hackers attacked the website of the ministry.", "attacked", "COERCE"),
    ("The two armies exchanged fire across the border.", "exchanged", "ASSAULT"),
    ("Moscow is accumulating forces near the border.", "accumulating", "MOBILIZE"),
    ("The sides reaffirmed their readiness to cooperate.", "readiness", "AGREE"),
    ("All prisoners are guaranteed medical aid.", "guaranteed", "AGREE"),
    ("Ukraine rejected Germany's call for talks.", "call", "REQUEST"),
    ("The navy rescued 200 migrants off the coast.", "rescued", "AID"),
    ("Officials said the sanctions were unacceptable.", "unacceptable", "ACCUSE"),
    ("He was released on bail on Thursday.", "released", "RETREAT"),
]


@pytest.mark.parametrize(("text", "trigger", "kind"), CASES, ids=[c[1] for c in CASES])
def test_event_is_coded(text: str, trigger: str, kind: str) -> None:
    doc = make_document(text, stages=STAGES)
    found = [(e.type, e.trigger.text) for e in doc.extraction.events]
    assert (kind, trigger) in found, found


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The bill addresses the shortage of teachers.", "addresses"),  # an issue, not an audience
        ("The report was critical.", "critical"),  # no "of": no act
        ("She is grateful.", "grateful"),  # thanks to nobody
    ],
)
def test_no_event_without_its_complement(text: str, trigger: str) -> None:
    doc = make_document(text, stages=STAGES)
    assert trigger not in {e.trigger.text for e in doc.extraction.events}
