"""Events: evaluative predications as accusations (ACCUSE; records DECISIONS.md D11, D26) -- a
judging label inside the "of" of a noun that frames a conduct, and displeasure said of an actor's
act (events/rules.py; issue 11), on real dev sentences (text from ../shared)."""

from __future__ import annotations

import pytest

from conftest import dev_sentence_charges

_charges = dev_sentence_charges


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "sentence", "label", "accused"),
    [
        # "a deliberate step, a manifestation of hatred and terrorism": the label names the
        # conduct of "manifestation", which is said of the blockade by the Russian occupiers
        ("zelenskyy-262", "According to him, the blockade of the city", "hatred", "Russian"),
        # "the provocative nature of the large-scale exercises conducted by the US": the
        # adjective on "nature" judges the exercises, whose doer is the agent
        ("putin-741", "In this context, Vladimir Putin drew", "provocative", "United States"),
    ],
)
def test_a_label_framed_by_a_noun_of_conduct_accuses_the_doer(
    name: str, sentence: str, label: str, accused: str
) -> None:
    charges = [c for c in _charges(name, sentence) if c[0] == label]
    assert charges, _charges(name, sentence)
    assert any(accused in target for _, _, targets in charges for target in targets), charges


@pytest.mark.shared
def test_displeasure_at_an_actors_act_accuses_the_doer() -> None:
    # "Elian's father was angry about Burton's subpoena": the displeased (the adjective's
    # subject) accuses the doer of the act (D26; manual: ACCUSE disapprove)
    charges = _charges("timebank-APW20000107.0318", "But in Cuba, Elian's father was angry")
    assert [c for c in charges if c[0] == "angry" and any("Burton" in t for t in c[2])], charges
