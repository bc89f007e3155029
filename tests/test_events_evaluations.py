"""Events: a speaker's evaluation of an actor with no trigger word, a copula joining the actor
to a word of praise or contempt (events/evaluations.py; issue 11, praise29), on real dev
articles (text from ../shared)."""

from __future__ import annotations

import pytest

from conftest import dev_sentence_events


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "sentence", "trigger", "target"),
    [
        ("zelenskyy-606", "Ukrainian forces are great.", "great", "ukrainian-forces"),
        (
            "putin-727",
            "Uzbekistan is not only a close neighbour but also an ally",
            "ally",
            "uzbekistan",
        ),
    ],
)
def test_praise_of_a_named_actor_is_support(
    name: str, sentence: str, trigger: str, target: str
) -> None:
    """D5, D20: praise of a named actor ("Ukrainian forces are great", "also an ally", a
    conjunct of the copula's complement) is the speaker's SUPPORT, the actor its target."""
    events, _ = dev_sentence_events(name, sentence)
    praise = [e for e in events if e.trigger.text == trigger and e.type == "SUPPORT"]
    assert praise, [(e.trigger.text, e.type) for e in events]
    assert target in praise[0].recipients


@pytest.mark.shared
def test_praise_of_the_one_spoken_to_is_support() -> None:
    """D20: "You are heroes!" in an address is the speaker's SUPPORT of those addressed."""
    events, _ = dev_sentence_events("zelenskyy-612", "You are heroes!")
    praise = [e for e in events if e.trigger.text == "heroes"]
    assert [e.type for e in praise] == ["SUPPORT"]
    assert praise[0].actors == ("volodymyr-zelensky",)


@pytest.mark.shared
def test_a_regard_held_for_an_actor_is_support() -> None:
    """D20: "We have always had special feelings for Russia" praises Russia, the speaker's
    SUPPORT with Russia as target."""
    events, actors = dev_sentence_events("putin-678", "We have always had special feelings")
    praise = [e for e in events if e.trigger.text == "feelings"]
    assert [e.type for e in praise] == ["SUPPORT"]
    assert "Russia" in [actors[a].name for a in praise[0].recipients]


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "sentence"),
    [
        ("timebank-VOA19980305.1800.2603", "She says the plight of women in urban areas"),
        ("timebank-wsj_0778", "Prosecutors have told Mr. Antar's attorneys"),
    ],
)
def test_an_evaluation_of_no_actor_codes_nothing(name: str, sentence: str) -> None:
    """D26: "the plight of women ... is greater", "ill-gotten gains are so great": what is
    judged is a thing, not an actor; no praise of anyone."""
    events, _ = dev_sentence_events(name, sentence)
    assert not [e for e in events if e.trigger.text in {"great", "greater"}]


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "sentence", "trigger"),
    [
        ("zelenskyy-499", "Everyone knows you're doing great.", "great"),
        ("putin-153", "Our men are fighting courageously", "courageously"),
    ],
)
def test_praise_of_how_an_actor_acts_is_support(name: str, sentence: str, trigger: str) -> None:
    """D5, D20: a speaker praising how the one spoken to or a named actor acts ("you're doing
    great", "Our men are fighting courageously, heroically") supports it: one SUPPORT."""
    events, _ = dev_sentence_events(name, sentence)
    praise = [e for e in events if e.type == "SUPPORT"]
    assert [e.trigger.text for e in praise] == [trigger]


@pytest.mark.shared
def test_a_verb_that_supports_is_praised_once() -> None:
    """ "You are brilliantly defending the country": the verb's own SUPPORT is the praise; the
    manner adds no second one."""
    events, _ = dev_sentence_events("zelenskyy-619", "You are brilliantly defending the country")
    assert len([e for e in events if e.type == "SUPPORT"]) == 1
