"""Pronoun gender agreement: the actor table's gender and a first-name prior filter antecedents."""

from __future__ import annotations

import io

import pytest

from conftest import make_document
from dateline.actor_table import read_actor_table, shipped_table
from dateline.actors.gender import name_gender
from dateline.errors import ConfigError

STAGES = ("segment", "actors")


def _pronouns(text: str, date: str) -> dict[str, list[str]]:
    """pronoun surface form (with its offset) -> actor id."""
    doc = make_document(text, date, stages=STAGES)
    found: dict[str, list[str]] = {}
    for actor in doc.extraction.actors:
        for m in actor.mentions:
            if m.kind == "pronoun" and actor.kind == "person":
                found.setdefault(actor.id, []).append(m.span.text)
    return found


def test_first_name_prior_only_when_confident() -> None:
    assert name_gender("Olena Zelenska") == "f"
    assert name_gender("Vladimir Putin") == "m"
    assert name_gender("Ms. Iryna Vereshchuk") == "f"
    assert name_gender("Jean Dupont") is None  # "Jean" is used for both
    assert name_gender("Putin") is None  # a lone surname gives no prior


def test_table_gives_gender_for_people() -> None:
    genders = {e.id: e.gender for e in shipped_table()}
    assert genders["angela-merkel"] == "f"
    assert genders["vladimir-putin"] == "m"
    assert genders["united-nations"] is None
    assert all(e.gender in {"m", "f"} for e in shipped_table() if e.kind == "person")


def test_table_rejects_unknown_gender() -> None:
    table = "id,name,kind,gender\nx,X Y,person,x\n"
    with pytest.raises(ConfigError, match="gender"):
        read_actor_table(io.StringIO(table), "user.csv")


def test_she_skips_putin_for_the_first_lady() -> None:
    # president.gov.ua, 2022-05-24 (Olena Zelenska at the World Economic Forum), abridged
    text = (
        "First Lady Olena Zelenska spoke at the Ukrainian House in the framework of the World "
        "Economic Forum in Davos. "
        '"Because as soon as we all get used to it, Putin will have a psychological victory," '
        "said the First Lady. The First Lady also told how she manages to hold on during the war."
    )
    found = _pronouns(text, "2022-05-24")
    assert found.get("olena-zelenska") == ["she"]
    assert "vladimir-putin" not in found


def test_he_skips_a_female_head_of_government() -> None:
    text = (
        "Chancellor Angela Merkel met President Emmanuel Macron in Berlin on Monday. "
        "He said that France would not block the agreement."
    )
    found = _pronouns(text, "2019-03-04")
    assert found.get("emmanuel-macron") == ["He"]


def test_text_beats_the_name_prior() -> None:
    # "Evelyn" is a woman's name in the list; "Mr." says otherwise, so "she" is Maria Lopez
    text = (
        "Mr. Evelyn Carter met Maria Lopez at the ministry on Monday. "
        "She said the talks had been useful."
    )
    found = _pronouns(text, "2024-05-06")
    assert found.get("maria-lopez") == ["She"]


def test_without_an_agreeing_antecedent_the_pronoun_resolves_as_before() -> None:
    text = "Vladimir Putin spoke to reporters in Moscow. She said the talks were over."
    found = _pronouns(text, "2024-05-06")
    assert found.get("vladimir-putin") == ["She"]


def test_a_namesake_of_a_table_person_is_her_own_actor() -> None:
    # president.gov.ua, 2022-05-08: the ruler matches "Biden" alone; "Jill" makes her someone else
    text = (
        "I am grateful to the First Lady of the United States Jill Biden for her visit to "
        "Ukraine, to Uzhhorod today."
    )
    doc = make_document(text, "2022-05-08", stages=STAGES)
    ids = {a.id for a in doc.extraction.actors}
    assert "jill-biden" in ids
    assert "joe-biden" not in ids


def test_a_title_word_is_no_first_name() -> None:
    text = "NATO Secretary General Jens Stoltenberg said the alliance would not send troops."
    doc = make_document(text, "2022-03-01", stages=STAGES)
    ids = {a.id for a in doc.extraction.actors}
    assert "jens-stoltenberg" in ids


def test_a_person_after_a_full_government_title_tagged_org() -> None:
    # president.gov.ua, 2022: the small model tags the whole title and name as one ORG
    text = (
        "Deputy Prime Minister and Minister for the Reintegration of the Temporarily Occupied "
        "Territories Iryna Vereshchuk stressed that Ukraine is not an enemy for the civilians. "
        '"Our enemy is the Russian invader," she said.'
    )
    found = _pronouns(text, "2022-02-20")
    assert found.get("iryna-vereshchuk") == ["she"]


def test_an_organisation_named_after_a_person_stays_an_organisation() -> None:
    text = "The Sierra Club said on Monday that the pipeline would harm the river."
    doc = make_document(text, "2016-09-12", stages=STAGES)
    kinds = {a.id: a.kind for a in doc.extraction.actors}
    assert kinds.get("sierra-club") == "organization"


def test_a_person_tagged_norp_by_his_first_name() -> None:
    # president.gov.ua, 2021: "Roman" reads as a demonym to the small model
    text = (
        "Roman Mashovets informed his interlocutor about the aggravation of the situation in "
        "Donbas. He focused on a series of exercises conducted by Russia."
    )
    found = _pronouns(text, "2021-11-20")
    assert found.get("roman-mashovets") == ["his", "He"]


def test_a_courtesy_word_ner_put_inside_the_name_is_no_part_of_it() -> None:
    # corpus (president.gov.ua, Olena Zelenska's interview for ABC): NER tags "Lady Olena
    # Zelenska" after "First", which made a second Olena Zelenska (actors 1.8.76)
    text = (
        "The world should not get used to Russia's war against Ukraine - Olena Zelenska\n"
        "First Lady Olena Zelenska called on the world, and in particular the United States, "
        "not to get used to Russia's war against Ukraine, because if that happens, the war will "
        "never end. The President's wife stated this in an interview for the American TV channel "
        "ABC, which she gave in Kyiv. Olena Zelenska also stressed that Ukraine is not ready to "
        "give up its territories."
    )
    doc = make_document(text, "2022-05-20", stages=STAGES)
    people = {a.id for a in doc.extraction.actors if a.kind == "person"}
    assert "olena-zelenska" in people
    assert not any("lady" in p for p in people)
