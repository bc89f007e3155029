"""Events: what a trigger is typed as when its words say another act than the lexicon row's own
(issue 11, round 15: "typed differently"), each on a real dev sentence (never the seed's)."""

from __future__ import annotations

from conftest import make_document

STAGES = ("segment", "actors", "quotes", "events")
PRESIDENT_GOV_UA = "https://www.president.gov.ua/en/news/x"


def _events(text: str, date: str, url: str = "") -> list[tuple[str, str, tuple[str, ...]]]:
    doc = make_document(text, date, stages=STAGES, url=url)
    return [(e.type, e.trigger.text, e.actors) for e in doc.extraction.events]


def test_fighting_for_a_decision_is_lobbying() -> None:
    # dev zelenskyy-15: fighting for what another party decides or supplies is a REQUEST (D61)
    text = (
        "Every day we fight for a positive decision of the European Union on the candidacy for "
        "Ukraine and for the supply of modern weapons - address by President Volodymyr Zelenskyy"
    )
    events = _events(text, "2022-06-21", PRESIDENT_GOV_UA)
    assert ("REQUEST", "fight") in [e[:2] for e in events], events


def test_fighting_for_another_to_receive_is_lobbying() -> None:
    # dev zelenskyy-47: "for Ukraine to receive": the fought-for is another's act (D61)
    text = (
        "Every day we are fighting for Ukraine to receive the necessary weapons and equipment, "
        "but the courage, wisdom and tactical skills of our heroes cannot be imported - "
        "President Volodymyr Zelenskyy"
    )
    events = _events(text, "2022-06-15", PRESIDENT_GOV_UA)
    assert ("REQUEST", "fighting") in [e[:2] for e in events], events


def test_fighting_for_a_cause_is_no_request() -> None:
    # dev putin-613: fighting together for independence is fighting, no lobbying
    text = (
        "A hundred years ago, representatives of our country arrived in Moscow, and we fought "
        "together for the independence of our country and sovereignty."
    )
    events = _events(text, "2021-12-16")
    assert ("REQUEST", "fought") not in [e[:2] for e in events], events


def test_you_must_is_a_demand_on_the_hearers() -> None:
    # dev zelenskyy-550: "you must" in an address is an order to the hearers, as an imperative
    # is (D76, D100)
    text = (
        "Europeans must tighten sanctions against Russia so that it has no chance to continue "
        "the genocide in Ukraine - address by President Volodymyr Zelenskyy\n"
        "You saw. You know. Therefore, you must increase sanctions against Russia so that it no "
        "longer has any opportunity to continue this genocide."
    )
    events = _events(text, "2022-03-09", PRESIDENT_GOV_UA)
    assert ("REQUEST", "must", ("volodymyr-zelensky",)) in events, events


def test_have_to_is_a_demand_as_must_is() -> None:
    # dev zelenskyy-130: "Europe will have to give up" is the speaker's demand (D6, D22)
    text = (
        "In any case, Europe will have to give up Russian oil and oil products, because it is "
        "about the independence of Europeans themselves from Russia's energy weapons - address "
        "by the President of Ukraine\n"
        "I believe that Europe will have to give up Russian oil and oil products in any case."
    )
    events = _events(text, "2022-05-30", PRESIDENT_GOV_UA)
    assert ("REQUEST", "have") in [e[:2] for e in events], events


def test_a_state_that_blocks_ports_coerces() -> None:
    # dev zelenskyy-130: a state's blockade is COERCE 'restrict' (manual, COERCE modes); PROTEST
    # 'obstruct' is civilians' action
    text = (
        "Address by the President of Ukraine\n"
        "Now, due to the fact that Russia has blocked our ports in the Black Sea and seized our "
        "part of the coast of the Sea of Azov, we cannot export 22 million tons of grain that are "
        "already in warehouses in our country."
    )
    events = _events(text, "2022-05-30", PRESIDENT_GOV_UA)
    assert ("COERCE", "blocked", ("russia",)) in events, events


def test_sanctions_named_by_their_noun_are_sanction() -> None:
    # dev zelenskyy-933: a sanctions regime is SANCTION (manual: SANCTION; DECISIONS.md D44),
    # not CAMEO2PLOVER's COERCE for CAMEO 163
    text = (
        "At the briefing, Denys Monastyrskyi said that, according to the decision of the National "
        'Security and Defense Council, sanctions were applied to more than 500 "thieves in law".'
    )
    events = _events(text, "2022-06-01", PRESIDENT_GOV_UA)
    assert ("SANCTION", "sanctions") in [e[:2] for e in events], events


def test_imposed_restrictive_measures_are_sanction() -> None:
    # dev zelenskyy-933: "restrictive measures" is the legal name of sanctions (D44); other
    # imposed measures stay "impose" COERCE (CAMEO 172)
    text = (
        "In addition, the National Security and Defense Council has imposed restrictive measures "
        "against persons who have opened a representative office of Nicaragua in the "
        "Russia-occupied Crimea."
    )
    events = _events(text, "2022-06-01", PRESIDENT_GOV_UA)
    assert ("SANCTION", "imposed") in [e[:2] for e in events], events


def test_imposed_sanctions_are_sanction() -> None:
    # dev zelenskyy-499: imposing sanctions is SANCTION 'discontinue' (manual: "International
    # (political or economic) sanctions are coded as 'discontinue'"; DECISIONS.md D44), not
    # CAMEO2PLOVER's COERCE for CAMEO 163: the object decides what "impose" does
    text = (
        "Speech by President of Ukraine Volodymyr Zelenskyy in the Knesset\n"
        "One can keep asking why we can't get weapons from you. "
        "Or why Israel has not imposed strong sanctions against Russia."
    )
    types = {e[0] for e in _events(text, "2022-03-20", PRESIDENT_GOV_UA) if e[1] == "imposed"}
    assert types == {"SANCTION"}, types


def test_people_taken_prisoner_are_coerced() -> None:
    # dev zelenskyy-489: taking people prisoner or hostage is COERCE ([ASSAULT, COERCE] in
    # DECISIONS.md D39, D122; COERCE alone elsewhere in the records gold), not ASSAULT alone
    text = (
        "Today, one of the humanitarian columns was simply captured by the occupiers. "
        "SES employees and bus drivers were taken prisoner."
    )
    events = _events(text, "2022-04-01", PRESIDENT_GOV_UA)
    assert ("COERCE", "taken") in [e[:2] for e in events], events


def test_an_adversary_s_plan_to_bomb_is_an_assault_not_a_threat() -> None:
    # dev zelenskyy-606: a plan told without a warning keeps its type, possible
    # (records DECISIONS.md D7, D133); it is no THREATEN
    for text, trigger in (
        ("They are going to bomb our Ukrainian cities even more.", "bomb"),
        ("They are going to kill our children even more insidiously.", "kill"),
    ):
        events = _events(text, "2022-02-27", PRESIDENT_GOV_UA)
        assert ("ASSAULT", trigger) in [e[:2] for e in events], events
        assert not [e for e in events if e[0] == "THREATEN"], events


def test_an_act_on_a_condition_stays_a_threat() -> None:
    # dev GUM_news_korea: "would respond ... if the broadcasts do not stop" warns (D25)
    text = (
        "After the exchange of fire, North Korea stated it would attack any loudspeakers "
        "broadcasting propaganda and would respond, militarily, within 48 hours if the "
        "broadcasts do not stop."
    )
    events = _events(text, "2015-08-21")
    assert ("THREATEN", "attack") in [e[:2] for e in events], events


def test_sanctions_an_act_will_lead_to_are_a_threat() -> None:
    # dev zelenskyy-340: D25's own example, the consequence of the other party's act
    text = (
        "Russia's attempt at a new annexation will lead to powerful new sanctions that will make "
        "it as poor as it was during the 1917 civil war - address by the President of Ukraine"
    )
    events = _events(text, "2022-04-22", PRESIDENT_GOV_UA)
    assert ("THREATEN", "sanctions") in [e[:2] for e in events], events


def test_an_approved_package_is_agreed_an_approved_visa_conceded() -> None:
    # dev putin-207: approving a package or a programme is AGREE (D92); timebank-NYT20000403.0463:
    # approving a visa grants a request, CONCEDE
    text = (
        "A package of documents was approved during Armenian Prime Minister Nikol Pashinyan's "
        "official visit to the Russian Federation."
    )
    assert ("AGREE", "approved") in [e[:2] for e in _events(text, "2022-04-19")]
    text = (
        "Late Monday, U.S. State Department officials said that travel visas had been approved "
        "for Elian's father, Juan Miguel Gonzalez, his immediate family and three other people _ "
        "a pediatrician, a psychologist and one of Elian's favorite cousins."
    )
    assert ("CONCEDE", "approved") in [e[:2] for e in _events(text, "2000-04-03")]


def test_one_country_s_exercises_are_mobilize() -> None:
    # dev zelenskyy-667: exercises of one country's forces are MOBILIZE, joint ones COOPERATE (D43)
    text = "In the Rivne region, President observed the course of tactical exercises of the Armed Forces"
    events = _events(text, "2022-02-16", PRESIDENT_GOV_UA)
    assert ("MOBILIZE", "exercises") in [e[:2] for e in events], events
