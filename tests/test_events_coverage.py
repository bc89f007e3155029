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


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Monday, March 27, 2006", "March"),  # a date, not a march
        ("Migrants and asylum seekers waited at the port.", "asylum"),  # a modifier only
        ("Argentina faces challenging economic issues.", "challenging"),  # a participle
        ("I am grateful to everyone who defends the state.", "defends"),  # a kind of people
        ("The country hosted the Winter Olympics.", "hosted"),  # a host of no one
        ("The minister demonstrated that unity is possible.", "demonstrated"),  # no protest
        ("The crisis continued during the war.", "war"),  # a frame, nobody's act
        ("He presented the Order of the Golden Star to the colonel.", "Order"),  # a name
        ("Before delivering this address, he signed a decree.", "delivering"),  # no aid
    ],
)
def test_no_event_where_the_word_names_none(text: str, trigger: str) -> None:
    doc = make_document(text, stages=STAGES)
    assert trigger not in {e.trigger.text for e in doc.extraction.events}


def test_an_attack_on_a_website_is_a_cyber_coercion() -> None:
    doc = make_document("The hackers said the attack on the website would go on.", stages=STAGES)
    assert ("COERCE", "attack") in {(e.type, e.trigger.text) for e in doc.extraction.events}


def test_readout_verbs_and_their_arguments() -> None:
    found = {}
    for text in (
        "Zelenskyy briefed Joe Biden on the results of the negotiations.",
        "Macron expressed concern over the shelling of the plant.",
        "Putin spoke in favor of expanding trade.",
        "Zelenskyy thanked Boris Johnson for the powerful defense assistance.",
    ):
        doc = make_document(text, stages=STAGES)
        names = {a.id: a.name for a in doc.extraction.actors}
        for e in doc.extraction.events:
            found[e.trigger.text] = (e.type, [names[a] for a in e.actors])
    assert found["briefed"][0] == "CONSULT"
    assert found["expressed"][0] == "ACCUSE"
    assert found["spoke"][0] == "SUPPORT"
    assert found["assistance"] == ("AID", ["Boris Johnson"])  # the one thanked gave it


def test_what_an_appeal_asks_for_has_not_happened() -> None:
    doc = make_document(
        "The leaders stressed the need to increase sanctions against Russia.", stages=STAGES
    )
    kinds = {e.trigger.text: (e.type, e.factuality) for e in doc.extraction.events}
    assert kinds["stressed"] == ("REQUEST", "asserted")
    assert kinds["sanctions"][1] == "hypothetical"
