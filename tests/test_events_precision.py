"""Events: false events the guidelines exclude, on real sentences of the records dev texts
(issue 11, round 16): one act told by two linked words (D28), a meeting with the press that
frames statements (D67), a modal perfect that asks no one to act (D6, D22)."""

from __future__ import annotations

from conftest import make_document

STAGES = ("segment", "actors", "events")


def _triggers(text: str, type_: str, url: str = "") -> list[str]:
    doc = make_document(text, stages=STAGES, url=url)
    return [e.trigger.text for e in doc.extraction.events if e.type == type_]


def test_a_meeting_told_by_two_linked_words_is_one_event() -> None:
    # putin-741 (D28): "discussed ... during the conversation" is one CONSULT
    text = (
        "Many urgent issues on the bilateral and international agenda, including efforts to "
        "combat the coronavirus, were discussed during the conversation."
    )
    assert len(_triggers(text, "CONSULT")) == 1


def test_an_attack_told_by_two_linked_verbs_is_one_event() -> None:
    # zelenskyy-255 (D28): "fired a missile to destroy" is one ASSAULT
    text = (
        "Last night, the Russian army fired a missile to destroy the Hryhorii Skovoroda Museum "
        "in the Kharkiv region."
    )
    assert len(_triggers(text, "ASSAULT")) == 1


def test_separate_acts_of_one_type_stay() -> None:
    # timebank-NYT19980402.0453: each victim group's killing is its own ASSAULT
    text = (
        "Of the eight victims, three were stabbed, two were strangled, two were beaten to death "
        "and one was asphyxiated, he said."
    )
    found = _triggers(text, "ASSAULT")
    assert "stabbed" in found and "strangled" in found


def test_a_meeting_with_the_press_is_a_setting() -> None:
    # zelenskyy-126 (D67): the media meeting frames the statement; the talks are the event
    text = (
        "This was stated by President Volodymyr Zelenskyy during a meeting with media "
        "representatives following talks with President of the Slovak Republic Zuzana Čaputová "
        "in Kyiv."
    )
    found = _triggers(text, "CONSULT", url="https://www.president.gov.ua/en/news/x")
    assert "meeting" not in found and "talks" in found


def test_a_modal_perfect_is_no_demand() -> None:
    # timebank-APW20000216.0272: "must not have written" infers, asks nothing
    text = (
        "``Juan Miguel must not have written the letter himself,'' said Armando Gutierrez, "
        "spokesman for Elian's relatives in Miami."
    )
    assert "must" not in _triggers(text, "REQUEST")
