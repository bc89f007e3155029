"""Actors in government press releases: full titles, "<institution> of <country>", regions.

The sentences are from the Kremlin and Office of the President of Ukraine press releases
(Oct 2021 - Jun 2022, ../shared/corpora/kremlin-zelenskyy-2021-2022), where these forms made
junk actors: "Office of the President of", "Head", "State" and a person "Donbass".
"""

from __future__ import annotations

from typing import Any

from conftest import make_document
from dateline.actors.entities import joined_entities

STAGES = ("segment", "actors")


def _document(text: str):
    return make_document(text, "2022-03-01", stages=STAGES)


def _actors(text: str) -> dict[str, object]:
    return {actor.id: actor for actor in _document(text).extraction.actors}


def _mentions(actor: object) -> list[str]:
    return [m.span.text for m in actor.mentions]  # type: ignore[attr-defined]


def test_institution_of_country_is_one_organisation() -> None:
    text = (
        "Meeting\n"
        "The Office of the President of Ukraine is located in the heart of the city. "
        "The meeting of the Security Council of Russia was held on February 10 of this year."
    )
    doc = _document(text)
    orgs = {e.text for e in joined_entities(doc.parsed) if e.label_ == "ORG"}
    assert "The Office of the President of Ukraine" in orgs
    assert "Security Council of Russia" in orgs
    # the parse keeps the place inside the name for the places stage
    assert "Ukraine" in {e.text for e in doc.parsed.ents if e.label_ == "GPE"}
    actors = {a.id: a for a in doc.extraction.actors}
    assert "office-of-the-president-of" not in actors
    assert actors["office-of-the-president-of-ukraine"].country == "UKR"  # type: ignore[attr-defined]
    # the ruler's "Security Council" is the UN's; Russia's own is another body
    assert "un-security-council" not in actors
    assert actors["security-council-of-russia"].country == "RUS"  # type: ignore[attr-defined]


def test_a_one_word_name_is_not_joined_to_a_country() -> None:
    doc = _document("Talks\nThe accession of NATO of Ukraine was discussed by the ministers.")
    assert "NATO" in {e.text for e in joined_entities(doc.parsed) if e.label_ == "ORG"}


def test_head_of_state_resolves_like_the_president() -> None:
    text = (
        "Volodymyr Zelenskyy met with the Prime Minister\n"
        "President of Ukraine Volodymyr Zelenskyy met with the delegation. "
        "The Head of State noted that Ukraine must be ready for any security challenge. "
        "The President thanked the partners."
    )
    actors = _actors(text)
    assert "head" not in actors and "state" not in actors
    zelensky = actors["volodymyr-zelensky"]
    mentions = _mentions(zelensky)
    assert "The Head of State" in mentions
    assert "The President" in mentions


def test_ukrainian_head_of_state_takes_the_country() -> None:
    text = (
        "Talks with the Chancellor\n"
        "Olaf Scholz arrived in Kyiv. The Ukrainian Head of State stressed that the talks were "
        "useful."
    )
    actors = _actors(text)
    assert "The Ukrainian Head of State" in _mentions(actors["volodymyr-zelensky"])


def test_head_of_an_office_is_no_president() -> None:
    text = (
        "Meeting\n"
        "Head of the Office of the President Andriy Yermak met with the ambassadors. "
        "The President thanked the partners."
    )
    actors = _actors(text)
    assert "head" not in actors
    yermak = actors["andriy-yermak"]
    assert _mentions(yermak) == ["Andriy Yermak"]
    assert yermak.sector == "GOV"  # type: ignore[attr-defined]
    # "the President" is not Yermak, whose title only ends in "President"
    assert "The President" not in _mentions(yermak)


def test_title_of_country_before_a_name() -> None:
    text = (
        "Telephone conversation\n"
        "Vladimir Putin had a telephone conversation with President of the Republic of "
        "Azerbaijan Ilham Aliyev at the Azerbaijani side's initiative. "
        "Secretary of State Antony Blinken was not there."
    )
    doc = _document(text)
    spans = {m.span.text for m in doc.mentions}
    assert "President of the Republic of Azerbaijan Ilham Aliyev" in spans
    assert "Secretary of State Antony Blinken" in spans
    aliyev = {a.id: a for a in doc.extraction.actors}["ilham-aliyev"]
    assert (aliyev.country, aliyev.sector) == ("AZE", "GOV")  # type: ignore[attr-defined]


def test_president_of_a_country_is_that_countrys_president() -> None:
    text = (
        "Meeting\n"
        "Vladimir Putin thanked the participants. I want to touch on some of the issues that "
        "the President of Belarus mentioned."
    )
    actors = _actors(text)
    assert _mentions(actors["vladimir-putin"]) == ["Vladimir Putin"]
    assert "the President of Belarus" in _mentions(actors["alexander-lukashenko"])


def test_donbass_is_a_place_not_an_actor() -> None:
    text = (
        "Address\n"
        "The main goal is to help the people of Donbass, the people's republics of Donbass, "
        "which we have recognised."
    )
    doc = _document(text)
    assert {e.label_ for e in doc.parsed.ents if e.text == "Donbass"} == {"LOC"}
    assert "donbass" not in {a.id for a in doc.extraction.actors}


def test_a_role_of_two_countries_is_each_ones_holder() -> None:
    # Kremlin readout: "The Presidents of Russia and Turkey agreed ..." is Putin and Erdoğan,
    # not the two countries
    actors = _actors(
        "The Presidents of Russia and Turkey agreed on the importance of maintaining contacts "
        "between the two countries' diplomatic services."
    )
    assert "The Presidents of Russia" in _mentions(actors["vladimir-putin"])
    assert "Turkey" in _mentions(actors["recep-tayyip-erdogan"])
    assert "turkey" not in actors


def test_they_may_be_the_holders_of_a_shared_role() -> None:
    actors = _actors(
        "The presidents of Russia and Belarus held talks in the Kremlin. They noted the "
        "importance of establishing cooperation between Minsk and the EU."
    )
    assert "They" in _mentions(actors["vladimir-putin"])


def test_the_two_leaders_are_the_pair_named_before() -> None:
    # Kremlin readout, 16 May 2022: a meeting's two heads of state, the first standing for both
    actors = _actors(
        "After the CSTO summit, Vladimir Putin and President of Belarus Alexander Lukashenko "
        "had a brief conversation. The two leaders agreed to hold a separate full-format "
        "meeting in the near future."
    )
    assert "The two leaders" in _mentions(actors["vladimir-putin"])


def test_a_cleric_named_by_one_name_after_the_title_is_a_person() -> None:
    # NER tags neither: "Patriarch Porfirije" (a turn label) was an organisation, and the
    # speaker of the turn was lost; "General Staff" names a body, not a general called Staff
    actors = _actors(
        "Meeting with Patriarch Porfirije of Serbia\n"
        "Vladimir Putin: Your Holiness, I congratulate you on the anniversary. "
        "Patriarch Porfirije: Thank you for your kind words, Mr President. "
        "Vladimir Putin: The General Staff reported that the army is ready."
    )
    cleric = actors["porfirije"]
    assert (cleric.kind, cleric.sector) == ("person", "REL")  # type: ignore[attr-defined]
    assert "Patriarch Porfirije" in _mentions(cleric)
    assert "you" in _mentions(cleric)  # Putin's "you" is the other speaker of the meeting
    assert actors["general-staff"].kind == "organization"  # type: ignore[attr-defined]


def test_a_name_ner_missed_after_a_title_s_country_is_the_titled_person() -> None:
    # president.gov.ua, 25 May 2022 (Davos): the small model tags the countries, not the names
    # after them; "Adviser to the President of Ukraine Oleg Ustenko" (president.gov.ua, May
    # 2022) serves the office "to" names and holds no presidency, but is Ukraine's
    actors = _actors(
        "Meetings in Davos\n"
        "Volodymyr Zelenskyy also had brief meetings with President of Finland Sauli Niinistö, "
        "President of the Republic of Cyprus Nicos Anastasiades and President of the Republic of "
        "the Congo Denis Sassou-Nguesso. This was stated by Adviser to the President of Ukraine "
        "Oleg Ustenko in an interview with Project Syndicate."
    )
    cyprus = actors["nicos-anastasiades"]
    assert (cyprus.kind, cyprus.country, cyprus.sector) == ("person", "CYP", "GOV")
    assert _mentions(cyprus) == ["President of the Republic of Cyprus Nicos Anastasiades"]
    assert actors["denis-sassou-nguesso"].country == "COG"
    assert "cyprus" not in actors  # the country only says whose president he is
    assert actors["oleg-ustenko"].country == "UKR"
    assert "Oleg Ustenko" not in _mentions(actors["volodymyr-zelensky"])


def test_a_name_after_the_country_of_a_body_s_office_is_that_country_s_officer() -> None:
    # president.gov.ua, 2022: "<title> of <body> of <country> <name>", the name NER missed
    actors = _actors(
        "Ukraine and Turkey signed an agreement\n"
        "The document signed by Minister of Internal Affairs of Ukraine Denys Monastyrsky and "
        "Minister of Internal Affairs of the Republic of Turkey Süleyman Soylu will ensure more "
        "effective cooperation between the competent authorities of the two countries."
    )
    assert actors["suleyman-soylu"].country == "TUR"
    assert actors["suleyman-soylu"].sector == "GOV"
    assert actors["denys-monastyrsky"].country == "UKR"


def test_a_later_mention_by_the_title_alone_is_the_titled_person() -> None:
    """zelenskyy-887: "The Deputy Head of the Office of the President praised ..." is Ihor
    Zhovkva, whom the text gave that title, not the Office (issue 11)."""
    actors = _document(
        "Ihor Zhovkva met with Ambassador of Austria\n"
        "Deputy Head of the Office of the President of Ukraine Ihor Zhovkva held a meeting "
        "with the Ambassador of Austria to Ukraine. The Deputy Head of the Office of the "
        "President praised Austria's participation in the inaugural summit of the Crimea "
        "Platform."
    ).extraction.actors
    by_name = {actor.name: actor for actor in actors}
    assert "The Deputy Head of the Office of the President" in _mentions(by_name["Ihor Zhovkva"])
    assert "Office of the President" not in by_name


def test_a_president_elect_s_title_is_no_country_mention() -> None:
    """putin-320: "President-elect of Turkmenistan" is the title before the name, so the
    congratulations go to the person, not to Turkmenistan."""
    actors = _document(
        "Congratulations to President-elect of Turkmenistan Serdar Berdymukhamedov\n"
        "Vladimir Putin congratulated Serdar Berdymukhamedov on his victory."
    ).extraction.actors
    by_name = {actor.name: actor for actor in actors}
    serdar = by_name["Serdar Berdymukhamedov"]
    assert "President-elect of Turkmenistan Serdar Berdymukhamedov" in _mentions(serdar)
    assert "Turkmenistan" not in {m for a in actors for m in _mentions(a)}


def _by_name(text: str) -> dict[str, Any]:
    """The actors of a text by name."""
    return {actor.name: actor for actor in _document(text).extraction.actors}


def test_a_definite_bare_title_is_the_person_named_with_it_just_before() -> None:
    """timebank-APW19980826.0389: "The ambassador was cut on her lip" is Prudence Bushnell,
    whom the sentence before calls "Ambassador", not nobody (title31, issue 11)."""
    by_name = _by_name(
        "Ambassador meets Kenyan minister\n"
        "Ambassador Prudence Bushnell wrapped up some unfinished business on Wednesday, meeting "
        "with Kenya's trade minister to finish talks that were interrupted by the car bombing of "
        "the embassy. The ambassador was cut on her lip and hands in the blast, which damaged "
        "the embassy."
    )
    assert "The ambassador" in _mentions(by_name["Prudence Bushnell"])


def test_a_bare_title_long_after_the_titled_person_is_left_alone() -> None:
    """timebank-AP900816-0139 (abridged): "The minister denied" is Saudi Arabia's oil minister,
    whom the text never names, not the British minister William Waldegrave named paragraphs
    before (title31, issue 11: the title looks back TITLE_REACH sentences only)."""
    by_name = _by_name(
        "Gulf showdown\n"
        "British Foreign Office minister William Waldegrave called the order ``grave and "
        "sinister.'' A total of about 3,000 Americans, 3,000 Britons and more than 450 Japanese "
        "are in Iraq and Kuwait. Overall, more than 2 million foreigners are in both countries. "
        "Iraq has called them ``restrictees.'' That could include firing across the bow to halt "
        "a ship. There was no decision on a meeting. Also Thursday, Saudi Arabia called for an "
        "emergency conference of the Organization of Petroleum Exporting Countries to discuss "
        "how much oil to pump. The minister denied the kingdom had notified any of its customers "
        "of any cutbacks in oil supply."
    )
    assert "The minister" not in _mentions(by_name["William Waldegrave"])


def test_a_title_of_a_body_before_a_name_is_the_named_person() -> None:
    """zelenskyy-666: "Commander of the Joint Forces Oleksandr Pavliuk" is one person; the
    parser leaves the name outside "Commander of the Joint Forces", which named a group
    "commanders" that took the report's source (title31, issue 11)."""
    by_name = _by_name(
        "Meeting of the Staff\n"
        "The participants of the meeting heard a report by Commander of the Joint Forces "
        "Oleksandr Pavliuk on the situation in the east."
    )
    assert "Commander" in _mentions(by_name["Oleksandr Pavliuk"])
    assert "commanders" not in by_name


def test_a_bare_minister_is_no_prime_minister() -> None:
    """zelenskyy-188: "I instructed the Minister" (of Education) is not Prime Minister Boris
    Johnson, named a few sentences before (title31, issue 11)."""
    by_name = _by_name(
        "Address\n"
        "I also spoke with British Prime Minister Boris Johnson. Firstly, I instructed the "
        "Minister of Education to prepare changes that will allow applicants from all "
        "temporarily occupied territories to enter Ukrainian universities under a simplified "
        "procedure. Secondly, I instructed the Minister to decide how to ensure the education of "
        "those students who study under contract."
    )
    assert "the Minister" not in _mentions(by_name["Boris Johnson"])
