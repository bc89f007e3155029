"""Events: the boundary rules, lexicon rows and argument rules added for the weak PLOVER classes,
each on a hand-written sentence (issue 6)."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import dev_sentence_events, make_document

STAGES = ("segment", "actors", "events")


def _events(text: str) -> list[tuple[str, str | None, tuple[str, ...], tuple[str, ...], str]]:
    doc = make_document(text, stages=STAGES)
    return [(e.type, e.mode, e.actors, e.recipients, e.trigger.text) for e in doc.extraction.events]


def _one(text: str, trigger: str) -> tuple[str, str | None, tuple[str, ...], tuple[str, ...], str]:
    found = [e for e in _events(text) if e[4] == trigger]
    assert found, f"no event on {trigger!r} in {_events(text)}"
    return found[0]


def _on_president_gov_ua(text: str, date: str) -> Any:
    """The document of a text published by the Office of the President of Ukraine: its "I",
    "we" and "our" are the president's and Ukraine's."""
    return make_document(text, date, stages=STAGES, url="https://www.president.gov.ua/en/news/x")


def test_common_noun_actor_codes_an_event() -> None:
    event = _one("Police arrested three protesters in the capital.", "arrested")
    assert event[:4] == ("COERCE", "arrest", ("police",), ("three-protesters",))


def test_announced_boycott_is_a_threat() -> None:
    # manual, THREATEN modes: "restrict ... including boycotts, strikes"
    event = _one("The opposition parties said they would boycott the election.", "boycott")
    assert event[:2] == ("THREATEN", "restrict")


def test_workers_strike_is_a_protest_not_an_attack() -> None:
    assert _one("Teachers struck for a third day on Monday.", "struck")[:2] == (
        "PROTEST",
        "strike",
    )
    assert _one("Russian missiles struck Kyiv on Monday.", "struck")[0] == "ASSAULT"


def test_signing_an_agreement_is_support() -> None:
    event = _one("Britain and France signed a defence agreement on Monday.", "signed")
    assert event[0] == "SUPPORT"


def test_conviction_to_prison_is_coerce_arrest() -> None:
    # a conviction is ACCUSE, the prison sentence its own COERCE (records DECISIONS.md D8; the
    # PLV gold codes "convicted" ACCUSE)
    text = "A court convicted the activist and sentenced him to five years in prison."
    assert _one(text, "convicted")[0] == "ACCUSE"
    assert _one(text, "sentenced")[:2] == ("COERCE", "arrest")
    assert _one("A court convicted the company of fraud.", "convicted")[0] == "ACCUSE"


def test_peacekeeping_deployment_is_aid() -> None:
    event = _one("Ghana deployed 300 peacekeepers to Mali on Monday.", "deployed")
    assert event[0] == "AID"
    assert _one("Russia deployed 300 troops near the border.", "deployed")[0] == "MOBILIZE"


def test_opening_borders_to_refugees_is_asylum_aid() -> None:
    assert _one("Poland opened its borders to refugees from Ukraine.", "opened")[0] == "AID"


def test_handing_over_equipment_is_aid() -> None:
    event = _one("Japan handed over medical equipment to Kenya on Friday.", "handed")
    assert event[0] == "AID"


def test_nominal_from_is_the_actor_and_faces_is_the_recipient() -> None:
    event = _one("Iran faces sharp criticism from Germany over the arrests.", "criticism")
    assert event[0] == "ACCUSE" and event[2] == ("germany",) and "iran" in event[3]


def test_received_aid_from() -> None:
    event = _one("Ukraine received military aid from Japan.", "aid")
    assert event[:4] == ("AID", None, ("japan",), ("ukraine",))


def test_received_aid_without_a_giver_keeps_its_recipient_and_no_actor() -> None:
    event = _one("Ukraine received military aid.", "aid")
    assert event[:4] == ("AID", None, (), ("ukraine",))


def test_an_arrest_without_an_agent_is_the_police_of_the_case() -> None:
    text = "Regina police are investigating a stabbing. A teenager was arrested on Friday."
    event = _one(text, "arrested")
    assert event[0] == "COERCE" and event[2] == ("police",)


def test_a_sentence_without_an_agent_is_the_judges_not_the_prosecutors() -> None:
    text = (
        "A Dayton woman was sentenced on Monday to eight years in prison for arson. "
        "Prosecutors had asked for ten years. "
        "U.S. District Judge Walter Rice said the fire endangered neighbours."
    )
    event = _one(text, "sentenced")
    assert event[0] == "COERCE" and event[2] == ("walter-rice",)


def test_an_agentless_act_outside_justice_has_no_actor() -> None:
    text = "Regina police are investigating. Two schools were attacked on Friday."
    assert _one(text, "attacked")[2] == ()


def test_document_speaks_for_its_issuer() -> None:
    event = _one("Amnesty International issued a report accusing Nigeria of abuses.", "accusing")
    assert event[2] == ("amnesty-international",) and event[3] == ("nigeria",)


def test_participle_on_a_person_is_not_the_arresters_act() -> None:
    found = _events("Police arrested a man carrying explosives.")
    assert not [e for e in found if e[4] == "carrying" and e[2] == ("police",)]


def test_leaving_a_country_is_a_withdrawal_leaving_a_meeting_a_rejection() -> None:
    assert _one("British troops left Iraq in 2009.", "left")[:2] == ("RETREAT", "withdraw")
    assert _one("The delegates left the meeting with Iran early.", "left")[:2] == ("REJECT", "meet")
    assert not [e for e in _events("Police left at dawn.") if e[4] == "left"]


def test_rolling_back_tariffs_eases_sanctions() -> None:
    assert _one("China rolled back tariffs on American soybeans.", "rolled")[0] == "RETREAT"


def test_revoking_and_reinstating_are_concessions() -> None:
    assert (
        _one("The government revoked the ban on the opposition party.", "revoked")[0] == "CONCEDE"
    )


def test_overrunning_a_base_is_assault() -> None:
    assert _one("Rebels overran an army base near the border.", "overran")[0] == "ASSAULT"


def test_a_date_after_call_is_no_call_on() -> None:
    found = _events("Netanyahu called Scott Morrison on Wednesday to congratulate him.")
    assert ("CONSULT", "phone") == next(e[:2] for e in found if e[4] == "called")
    congratulate = next(e for e in found if e[4] == "congratulate")
    assert congratulate[2] == ("benjamin-netanyahu",) and congratulate[3] == ("scott-morrison",)


def test_those_called_to_a_place_act_not_the_place() -> None:
    event = _one(
        "Officers were called to the Tesco store on Main Street to investigate a break-in.",
        "investigate",
    )
    assert event[2] and "tesco" not in event[2][0]


def test_call_on_names_its_own_object() -> None:
    event = _one("Biden called on Putin to withdraw his troops.", "called")
    assert event[0] == "REQUEST" and event[3] == ("vladimir-putin",)


def test_announced_refusal_is_reject() -> None:
    event = _one("Israel will not release the prisoners, the minister said.", "release")
    assert event[:2] == ("REJECT", "yield")
    # a plain negation stays a negated release, not a refusal
    assert _one("Israel did not release the prisoners.", "release")[0] == "RETREAT"


def test_troops_withdrawn_from_a_country_retreat() -> None:
    assert _one("Russia withdrew some of its troops from Syria.", "withdrew")[:2] == (
        "RETREAT",
        "withdraw",
    )
    assert _one("Britain withdrew from the European Union.", "withdrew")[0] == "SANCTION"


def test_object_target_is_the_recipient() -> None:
    event = _one("The EU lifted sanctions on Iran.", "lifted")
    assert event[0] == "RETREAT" and event[3] == ("iran",)


def test_pressure_and_information_sharing() -> None:
    assert _one("Police pressured the workers to end the strike.", "pressured")[0] == "REQUEST"
    assert _one("Switzerland gave bank information to India.", "gave")[0] == "COOPERATE"


def test_peacekeepers_withdrawn_are_a_sanction() -> None:
    # manual, REJECT ambiguities: "Withdrawal of military aid or other assistance is SANCTION"
    assert _one("The UN withdrew peacekeepers from Lebanon.", "withdrew")[0] == "SANCTION"


def test_ending_a_strike_concedes_and_refusing_to_is_reject() -> None:
    assert _one("The miners called off the strike on Friday.", "called")[0] == "CONCEDE"
    assert _one("The miners said they will not end the strike.", "end")[0] == "REJECT"


def test_agreement_takes_its_contents_recipient() -> None:
    event = _one("China agreed to lift a ban on imports from Britain.", "agreed")
    assert event[0] == "AGREE" and event[3] == ("united-kingdom",)


def test_acceding_to_demands_is_concede() -> None:
    assert _one("The government accepted the demands of the strikers.", "accepted")[0] == "CONCEDE"
    assert _one("The government accepted the proposal.", "accepted")[0] == "AGREE"


def test_fighting_a_thing_is_no_attack() -> None:
    assert not [
        e for e in _events("Germany is fighting the epidemic at home.") if e[0] == "ASSAULT"
    ]
    assert _one("Government troops fought the rebels near Goma.", "fought")[0] == "ASSAULT"


def test_civilians_clashing_with_police_riot() -> None:
    event = _one("Opponents of the government clashed with police in the capital.", "clashed")
    assert event[:2] == ("PROTEST", "riot")


def test_meeting_needs_is_no_meeting() -> None:
    assert not [
        e for e in _events("The WHO sent doctors to meet the needs of Malawi.") if e[0] == "CONSULT"
    ]


def test_admitting_refugees_is_aid_and_honours_support() -> None:
    assert _one("Germany accepted 1,500 refugees from Greece.", "accepted")[0] == "AID"
    assert _one("Kosovo awarded a medal to Bill Clinton.", "awarded")[0] == "SUPPORT"


def test_object_event_noun_gives_the_recipient() -> None:
    event = _one("Cyril Ramaphosa voiced his strong support of Emmerson Mnangagwa.", "voiced")
    assert event[0] == "SUPPORT" and event[3] == ("emmerson-mnangagwa",)


def test_announced_military_operation_is_a_threat() -> None:
    found = _events("Erdogan said Turkey will begin a military operation against Kurdish rebels.")
    assert any(e[0] == "THREATEN" and e[4] == "operation" for e in found)


def test_conjoined_nominal_shares_possessor_and_support_verb() -> None:
    text = "The OIC expressed its rejection and strong condemnation of Israel's decision."
    event = _one(text, "condemnation")
    assert event[0] == "ACCUSE" and event[2] == ("oic",)


def test_spokesman_for_speaks_for_his_principal() -> None:
    event = _one("A spokesman for President Ashraf Ghani criticized the U.N. report.", "criticized")
    assert event[2] == ("ashraf-ghani",)


def test_protesters_storming_is_a_riot() -> None:
    event = _one("Protesters stormed the parliament building in Baghdad.", "stormed")
    assert event[:2] == ("PROTEST", "riot")
    assert _one("Russian troops stormed the village.", "stormed")[0] == "ASSAULT"


def test_taking_to_the_streets_is_a_demonstration() -> None:
    assert _one("Students took to the streets of Khartoum.", "took")[:2] == ("PROTEST", "demo")


def test_material_support_is_aid_and_its_pledge_agree() -> None:
    assert _one("Japan pledged financial support to Ukraine.", "pledged")[0] == "AGREE"
    assert _one("Japan pledged its support to Ukraine.", "pledged")[0] == "SUPPORT"
    assert _one("Hungary agreed to host refugees from Syria.", "host")[0] in {"AID", "AGREE"}


def test_a_team_sent_to_investigate_codes_the_investigation() -> None:
    text = "France sent seven experts to Saudi Arabia to investigate the attacks."
    event = _one(text, "sent")
    assert event[:2] == ("ACCUSE", "investigate") and event[3] == ("saudi-arabia",)
    assert _one("Britain sent troops to Kuwait to help the army.", "sent")[0] == "AID"


def test_suspending_a_newspaper_is_censorship() -> None:
    event = _one("The authorities suspended publication of the largest newspaper.", "suspended")
    assert event[:2] == ("COERCE", "censor")


def test_leaving_something_in_a_state_is_no_withdrawal() -> None:
    # "leave X ADJ" is a result ("left thousands homeless"), not departing a place (RETREAT)
    assert not [
        e
        for e in _events("The policy shift has left Washington more aligned with Moscow.")
        if e[4] == "left"
    ]
    assert not [
        e
        for e in _events("The Syrian army's offensive left thousands of civilians homeless.")
        if e[4] == "left"
    ]
    assert _one("Russian troops left Kherson on Friday.", "left")[0] == "RETREAT"


def test_forces_sent_across_a_border_are_an_incursion_but_aid_sent_to_a_country_is_aid() -> None:
    assert _one("Russia sent tanks across the border into Georgia.", "sent")[0] == "ASSAULT"
    assert _one("Armenia sent troops across the frontier overnight.", "sent")[0] == "ASSAULT"
    assert _one("Japan sent food and medicine to Turkey.", "sent")[0] == "AID"


def test_a_participle_joined_to_a_passive_shares_its_patient() -> None:
    text = (
        "London Police have arrested two people. Police also arrested Vernon Adkins, 40. "
        "Adkins was arrested and charged with first-degree trafficking."
    )
    charged = _one(text, "charged")
    assert charged[0] == "ACCUSE" and charged[3] == ("vernon-adkins",)
    assert charged[2] and "police" in charged[2][0]


def test_a_reduced_passive_acts_on_the_noun_it_modifies() -> None:
    event = _one("Scientology defector arrested after attempting to leave", "arrested")
    # an unnamed defector keeps the words that describe him ("Scientology defector", D47)
    assert event[2] == () and event[3] == ("scientology-defector",)
    # a perfect infinitive is no passive: the claim's owner acts
    event = _one("Trump repeated a Russian claim to have encircled Ukrainian forces.", "encircled")
    assert event[2] == ("russia",)


def test_a_gerund_as_noun_takes_its_modifier_as_actor() -> None:
    event = _one("The church caught fire as a result of Russian artillery shelling.", "shelling")
    assert event[0] == "ASSAULT" and event[2] == ("russian-forces",)


def test_an_award_goes_to_the_owner_of_its_object() -> None:
    text = (
        "We will not give up - address by President of Ukraine Volodymyr Zelenskyy\n\n"
        "Good health, Ukrainians! I signed decrees on awarding our heroes."
    )
    event = _one(text, "awarding")  # "our heroes": the speaker's country's own
    assert event[0] == "SUPPORT" and event[3] == ("ukrainian-forces",)


def test_thanks_with_nobody_thanked_go_to_the_meeting_partner() -> None:
    text = (
        "Volodymyr Zelenskyy had a meeting with Nancy Pelosi in Kyiv. "
        "Zelenskyy thanked for the revival of the Lend-Lease program."
    )
    event = _one(text, "thanked")
    assert event[3] == ("nancy-pelosi",)


def test_an_attack_on_a_place_targets_its_country_when_the_article_names_it() -> None:
    def target(text: str) -> tuple[str, ...]:
        doc = make_document(text, stages=("segment", "actors", "places", "events"))
        return next(e.recipients for e in doc.extraction.events if e.trigger.text == "fired")

    assert target("Ukraine says Russian troops fired at the border areas of the Sumy region.") == (
        "ukraine",
    )
    # no actor for the place's country in the article: no target is made up
    assert target("Russian troops fired at the border areas of the Sumy region.") == ()


def test_a_name_split_by_two_spaces_is_one_person() -> None:
    event = _one("Police also arrested Vernon  Adkins, 40, of McKee.", "arrested")
    assert event[3] == ("vernon-adkins",)


def test_the_addressee_of_a_framing_letter_or_address_is_the_target() -> None:
    text = "In a letter to Joe Biden, Volodymyr Zelenskyy asked for more air defence systems."
    assert _one(text, "asked")[2:4] == (("volodymyr-zelensky",), ("joe-biden",))
    text = "Zelenskyy sent a letter to Biden urging him to speed up deliveries."
    assert not [e for e in _events(text) if e[4] == "sent"]  # a letter is no aid
    assert _one(text, "urging")[3] == ("joe-biden",)


def test_a_headline_passive_without_were_acts_on_its_subject() -> None:
    text = "Over 900 asylum seekers rescued off Indonesian coast\n\nFishermen rescued them."
    event = _one(text, "rescued")
    assert event[0] == "AID" and event[3] == ("900-asylum-seekers",)
    # no rule takes the headline's subject for the rescuer; a source here is the learned one's
    # (argmodel2, which says so in the record's rule), never a rule's
    (headline,) = [
        e for e in make_document(text, stages=STAGES).extraction.events if e.trigger.start < 60
    ]
    assert not headline.actors or "learned source p=" in (headline.rule or "")
    # in the body the same shape is active: "Police arrested two men" keeps its actor
    text = "Police arrested two men\n\nPolice arrested two men on Friday."
    assert all(e[2] == ("police",) for e in _events(text) if e[4] == "arrested")


def test_they_and_it_was_agreed_in_a_readout_are_the_meeting_parties() -> None:
    text = (
        "Vladimir Putin had a telephone conversation with President of Argentina Alberto "
        "Fernandez. The Argentine Republic is an important partner of Russia. They discussed "
        "the development of the strategic partnership. It was agreed to maintain contacts."
    )
    discussed = _one(text, "discussed")
    assert {*discussed[2], *discussed[3]} == {"vladimir-putin", "alberto-fernandez"}
    agreed = _one(text, "agreed")
    assert set(agreed[2]) == {"vladimir-putin", "alberto-fernandez"}


def test_talks_with_somebody_in_an_address_are_the_speakers() -> None:
    text = (
        "We will rebuild - address by President of Ukraine Volodymyr Zelenskyy\n\n"
        "Today I spoke with Kristalina Georgieva. These talks with the IMF are important."
    )
    talks = _one(text, "talks")
    assert talks[2] == ("volodymyr-zelensky",) and talks[3]


def _named(text: str, trigger: str) -> tuple[str, list[str], list[str]]:
    """(type, actor names, recipient names) of the event on ``trigger``."""
    doc = make_document(text, stages=STAGES)
    names = {a.id: a.name for a in doc.extraction.actors}
    event = next(e for e in doc.extraction.events if e.trigger.text == trigger)
    return event.type, [names[a] for a in event.actors], [names[r] for r in event.recipients]


def test_the_object_of_a_giving_verb_with_with_gets_the_thing_given() -> None:
    text = "The United States supplied Ukraine with air defence systems."
    assert _named(text, "supplied") == ("AID", ["United States"], ["Ukraine"])
    # with a "to", the object is what is sent, as before
    text = "Germany sent troops with armoured vehicles to Lithuania."
    assert _named(text, "sent")[2] == ["Lithuania"]


def test_the_of_of_a_massacre_or_genocide_is_its_victim() -> None:
    text = "Human rights groups condemned the massacre of civilians by Russian troops in Bucha."
    assert _named(text, "massacre") == ("ASSAULT", ["Russian forces"], ["civilians"])
    text = "The OAU will investigate the genocide of more than 500,000 Tutsis in Rwanda."
    assert _named(text, "genocide")[2] == ["Tutsis"]


def test_the_infinitive_of_a_decision_or_an_honour_is_done_by_who_has_it() -> None:
    text = "Zelensky had the honour to congratulate General Tetyana Ostashchenko on her promotion."
    assert _named(text, "congratulate")[:2] == ("SUPPORT", ["Volodymyr Zelensky"])
    text = "Putin took the decision to withdraw Russian troops from Kherson."
    assert _named(text, "withdraw")[1] == ["Vladimir Putin"]
    # an order is carried out by others: its giver is not the one who withdraws (and a
    # withdrawal that then names no one is no record: implicit.generic_act)
    text = "Putin gave the order to withdraw Russian troops from Kherson."
    doc = make_document(text, stages=STAGES)
    putin = {a.id for a in doc.extraction.actors if a.name == "Vladimir Putin"}
    assert putin and any(putin & set(e.actors) for e in doc.extraction.events)  # the order
    withdrawals = [e for e in doc.extraction.events if e.trigger.text == "withdraw"]
    assert not any(putin & set(e.actors) for e in withdrawals)


def test_the_attack_told_before_lends_its_actors_to_the_attack() -> None:
    text = (
        "Hackers attacked the website of the Church of Scientology on Monday. "
        "The attack lasted two days, the church said."
    )
    assert _named(text, "attack")[1:] == (["hackers"], ["Church of Scientology"])


def test_an_attack_without_a_definite_determiner_is_another_attack() -> None:
    text = (
        "Hackers attacked the website of the Church of Scientology on Monday. "
        "An attack on a bank followed."
    )
    assert _named(text, "attack")[1:] == ([], [])


def test_the_subject_in_jail_on_charges_or_under_arrest_undergoes_it() -> None:
    text = "A 23-year-old man is in a Winnipeg jail after the police arrested him."
    assert _named(text, "jail")[::2] == ("COERCE", ["23-year-old man"])
    text = "Navalny was arrested on charges of fraud."
    assert _named(text, "charges")[2] == ["Navalny"]
    # "in talks" is no state undergone: its subject takes part
    text = "Putin was in talks with Xi Jinping on Monday."
    assert "Vladimir Putin" not in _named(text, "talks")[2]


def test_presenting_an_award_and_pride_are_support_destruction_an_attack() -> None:
    text = "The governor presented medals to twelve firefighters on Friday."
    assert _one(text, "presented")[0] == "SUPPORT"
    assert _one("The mayor said she is proud of the volunteers.", "proud")[0] == "SUPPORT"
    # "proud" needs its "of": a proud tradition is no praise of anyone
    assert not [e for e in _events("It was a proud day for the city.") if e[4] == "proud"]
    event = _one("Residents described the destruction of the bridge by the rebels.", "destruction")
    assert event[0] == "ASSAULT"
    # presenting a report is no award
    assert not [
        e for e in _events("The minister presented a report to parliament.") if e[0] == "SUPPORT"
    ]


def test_support_provided_is_material_aid_once() -> None:
    found = _events("Japan provided the refugees with significant support last winter.")
    assert [e[0] for e in found] == ["AID"]


def test_defence_support_is_aid() -> None:
    event = _one("Canada announced $500 million in defence support for Kyiv.", "support")
    assert event[0] == "AID"


def test_wound_up_is_no_wounding() -> None:
    found = _events("The minister asked how the secret documents wound up on a sidewalk.")
    assert "ASSAULT" not in [e[0] for e in found]


def test_let_us_is_no_concession() -> None:
    found = _events("Let me remind you that the government promised new roads. Let us get to work.")
    assert not [e for e in found if e[4].lower() == "let"]


def test_joining_with_no_object_is_no_meeting() -> None:
    found = _events("I thank the partners who joined and managed to help.")
    assert "joined" not in [e[4] for e in found]


def test_forces_withdrawn_or_airlifted_are_no_target() -> None:
    for text, trigger in (
        ("France will withdraw the remaining troops from Mali next month.", "withdraw"),
        ("Russia airlifted the paratroopers to Almaty overnight.", "airlifted"),
    ):
        event = _one(text, trigger)
        assert not any("troop" in r or "paratroop" in r for r in event[3]), event


def test_a_claim_of_anothers_wrongdoing_is_an_accusation() -> None:
    event = _one(
        "Human Rights Watch claimed that Nigerian soldiers tortured the detainees.", "claimed"
    )
    assert event[0] == "ACCUSE" and event[2] == ("human-rights-watch",) and event[3]


def test_a_claim_of_ones_own_success_or_of_no_wrongdoing_accuses_no_one() -> None:
    for text in (
        "Russia claimed its forces destroyed a Ukrainian depot.",
        "The minister claimed the economy grew by three percent.",
    ):
        assert "claimed" not in [e[4] for e in _events(text)], text


def test_calling_an_act_a_crime_accuses_its_doer() -> None:
    event = _one("Kenya's president called the Somali raid a crime against humanity.", "called")
    assert event[0] == "ACCUSE" and event[3] == ("somalia",)
    event = _one(
        "Amnesty International described the Saudi strike on the market as a war crime.",
        "described",
    )
    assert event[0] == "ACCUSE" and event[3] == ("saudi-arabia",)


def test_attacks_repelled_are_against_who_repels_them() -> None:
    event = _one("Kurdish fighters repelled constant attacks near Kobani.", "attacks")
    assert event[0] == "ASSAULT" and event[3] and "fighters" in event[3][0]


def test_a_nations_strikes_are_military_and_cause_what_they_destroy() -> None:
    found = _events("The destruction caused by Israeli strikes angered the mayor of Gaza City.")
    by_trigger = {e[4]: e for e in found}
    assert by_trigger["strikes"][0] == "ASSAULT" and by_trigger["strikes"][2] == ("israel",)
    assert by_trigger["destruction"][2] == ("israel",)
    assert _one("Teachers in Kenya began a strike.", "strike")[0] == "PROTEST"


def test_a_present_wish_to_thank_or_welcome_performs_it() -> None:
    found = _events(
        '"Mr Prime Minister, I want to thank you for your support," Putin told Modi. '
        '"We wish to welcome you."'
    )
    thanks = next(e for e in found if e[4] == "thank")
    assert thanks[0] == "SUPPORT"
    assert _one("Russia wants to welcome tourists next year.", "welcome")[0] == "AGREE"


def test_exchanging_views_and_keeping_in_touch_are_consultations() -> None:
    assert _one("The ministers exchanged opinions on the crisis.", "exchanged")[0] == "CONSULT"
    assert _one("The two leaders held an exchange of views.", "exchange")[0] == "CONSULT"
    assert _one("Our army is keeping in touch with the Kenyan army.", "keeping")[0] == "CONSULT"


def test_an_appeal_for_witnesses_is_the_polices() -> None:
    text = (
        "Regina police are looking for a missing teenager. "
        "Anyone who saw the girl is asked to contact police immediately."
    )
    event = _one(text, "asked")
    assert event[0] == "REQUEST" and len(event[2]) == 1 and "police" in event[2][0]


def test_an_amber_alert_is_a_request() -> None:
    assert _one("An Amber Alert was issued for two children on Monday.", "issued")[0] == "REQUEST"


def test_who_is_behind_killings_did_them() -> None:
    event = _one("Police said they believe the ETA was behind two bombings in Madrid.", "bombings")
    assert event[0] == "ASSAULT" and event[2] == ("eta",)


def test_an_alert_is_issued_by_the_police_of_the_case() -> None:
    text = (
        "Regina police are looking for two missing children. "
        "An Amber Alert was issued on Monday night."
    )
    event = _one(text, "issued")
    assert event[0] == "REQUEST" and len(event[2]) == 1 and "police" in event[2][0]


def test_an_appeals_court_passed_no_sentence() -> None:
    text = (
        "The Court of Criminal Appeals cleared the two men on Wednesday. "
        "They had been sentenced to 20 years in prison in 1998."
    )
    assert _one(text, "sentenced")[2] == ()


def test_a_multiword_noun_is_keyed_on_its_head_and_its_modifier_is_no_second_event() -> None:
    # lexicon rows "town hall" and "war game" were keyed on the modifier and never matched
    assert _one("A town hall for residents took place on Dec. 14.", "hall")[0] == "CONSULT"
    found = _events("Iran held war games near the Strait of Hormuz.")
    assert not [e for e in found if e[4] == "war"], found  # the modifier is no event of its own
    # the compound of a verb pattern's object is the pattern's too: one event
    found = _events("Human rights groups say the army committed a war crime in the village.")
    assert [e[4] for e in found] == ["committed"], found


def test_war_games_are_one_cooperate_on_their_head() -> None:
    # a strict xfail from round 21's second retraining (events@1.8.149) to round 22's (1.8.166)
    found = _events("Iran held war games near the Strait of Hormuz.")
    assert [e[0] for e in found if e[4] in {"war", "games"}] == ["COOPERATE"], found


def test_a_headline_number_with_its_participle_is_acted_on() -> None:
    # "Two arrested on drug charges" parses as the number with a participle clause
    event = _one("Two arrested on drug charges in London\nPolice said they were held.", "arrested")
    assert event[0] == "COERCE" and event[3] == ("two",)  # actor ids are slugs


def test_the_owner_of_the_attack_a_passive_happened_in_did_it() -> None:
    # dev trnews-1020010: the attack is how, its owner who, not whom
    event = _one(
        "It comes a week after 44 people were killed in a PKK attack in Istanbul.", "killed"
    )
    assert event[2] == ("pkk",) and event[3] == ("44-people",), event
    # an attack nobody owns names nobody
    event = _one("Two farmers were killed in an attack on Sunday.", "killed")
    assert event[2] == (), event


def test_a_title_after_a_kicker_and_a_colon_has_its_own_patient() -> None:
    # dev trnews-1330001 and trnews-1020010: the parser makes the patient an apposition
    event = _one("Queensland Amber Alert: 4 young boys abducted from Edmonton", "abducted")
    assert event[0] == "ASSAULT" and event[3] == ("four-young-boys",), event
    event = _one("Turkish bus attack: 13 off-duty soldiers killed by gunmen", "killed")
    assert event[2] == ("gunmen",) and len(event[3]) == 1 and event[3] != event[2], event


def test_a_stranded_preposition_makes_a_subheading_passive() -> None:
    # dev trnews-1030001: a subheading in the body, its preposition left without an object
    text = "Two officers were hurt on Friday.\nWest Virginia police shot at during traffic stop"
    event = _one(text, "shot")
    assert event[2] == () and event[3], event


def test_after_being_stabbed_the_clause_subject_underwent_it() -> None:
    # dev trnews-1010008: the patient is no attacker
    event = _one("38-year-old Vermelhudo is dead after being stabbed on Friday.", "stabbed")
    assert event[2] == () and event[3] == ("vermelhudo",), event


def test_announced_walkout_is_the_strike_planned() -> None:
    # records DECISIONS.md D82 (dev trnews-1020008): an announced strike is PROTEST, still to come
    doc = make_document(
        "More than 1,500 baggage handlers employed by Swissport will walk out on 23 December.",
        stages=STAGES,
    )
    (event,) = [e for e in doc.extraction.events if e.trigger.text == "walk"]
    assert (event.type, event.mode, event.factuality) == ("PROTEST", "strike", "future")


@pytest.mark.xfail(
    strict=True,
    reason="filter2 retrained on the 288-article dev (round 16) drops the asked-for RETREAT "
    "'withdraw' (its weights for an asserted RETREAT verb are negative): a known regression",
)
def test_a_for_clause_is_the_request_and_its_subject_is_asked() -> None:
    # dev zelenskyy-641 in kind: the parser hangs the verb's "for" on the clause as its marker
    text = "The senators pressed for Russia to withdraw its troops from the border."
    assert _named(text, "pressed") == ("REQUEST", ["senators"], ["Russia"])
    doc = make_document(text, stages=STAGES)
    withdraw = next(e for e in doc.extraction.events if e.trigger.text == "withdraw")
    assert withdraw.factuality == "hypothetical"  # asked for, not done
    text = "The mayor called for the province to raise the rates."
    assert _named(text, "called")[0] == "REQUEST"
    # a "for" of the clause's own verb is no "call for"
    text = "The minister called the ambassador to apologise for the remarks."
    assert _named(text, "called")[0] == "CONSULT"


def test_a_strike_made_military_by_its_modifier_is_an_attack() -> None:
    # dev timebank-PRI19980205.2000.1890 in kind: "warning Iraq of military strikes"
    text = "The United States threatened Iraq with retaliatory strikes on Sunday."
    assert _one(text, "strikes")[0] == "ASSAULT"
    assert _one("Nurses began a strike over pay on Monday.", "strike")[0] == "PROTEST"


def test_a_nominal_act_made_by_someone_is_theirs_and_a_denial_does_not_unmake_it() -> None:
    # dev timebank-APW19980227.0487 and timebank-wsj_0778 in kind
    text = "The minister denied accusations made by the opposition leader, Ahmed Bello, on Monday."
    doc = make_document(text, stages=STAGES)
    names = {a.id: a.name for a in doc.extraction.actors}
    accusations = next(e for e in doc.extraction.events if e.trigger.text == "accusations")
    assert [names[a] for a in accusations.actors] == [
        "Ahmed Bello"
    ]  # the apposition, who made them
    assert accusations.factuality != "negated"  # they were made; what they say is denied
    text = "The lawsuit filed by the Justice Department against Google goes to trial today."
    assert "Justice Department" in " ".join(_named(text, "lawsuit")[1])
    # a nominal act that is no said act is still undone by its rejection
    doc = make_document("Ukraine rejected talks with Russia on Monday.", stages=STAGES)
    talks = next(e for e in doc.extraction.events if e.trigger.text == "talks")
    assert talks.factuality == "negated"


def test_a_reward_offered_is_an_appeal() -> None:
    # dev timebank-APW19990607.0041, timebank-APW19991008.0265, trnews-1020005 in kind (D57)
    assert (
        _one("Police are offering a reward for information about the attack.", "offering")[0]
        == "REQUEST"
    )
    assert _one("A $10,000 reward has been offered for his capture.", "offered")[0] == "REQUEST"
    assert _one("Russia offered talks to Ukraine.", "offered")[0] == "AGREE"


def test_a_complaint_accuses_its_complements_doer_and_a_compound_takes_its_heads_whom() -> None:
    # dev timebank-APW199980817.1193 in kind ("complained that ... rescuers gave priority")
    text = "Critics complained that the police beat the protesters."
    assert _named(text, "complained") == ("ACCUSE", ["critics"], ["police"])
    # "a new support program for refugees", "arrest warrants for X": the head's preposition
    text = "Kyiv welcomed the new support program for refugees from Mariupol."
    assert _named(text, "support")[2] == ["refugees from Mariupol"]
    # an explosion told by its verb is an attack, weakly (accidents explode too)
    assert _one("A car bomb exploded outside the embassy on Friday.", "exploded")[0] == "ASSAULT"


def test_a_participle_in_a_chain_of_passives_shares_the_first_one_s_patient() -> None:
    # dev timebank-NYT19981121.0173, trnews-1010008 in kind: "release" needs an object, and a
    # bare participle in a chain of passives has its patient in the first one's subject
    event = _one("The suspect was arrested and later released.", "released")
    assert event[3] == ("suspect",)


def test_the_third_participle_in_a_chain_of_passives_shares_the_first_one_s_patient() -> None:
    event = _one("The two men were detained, questioned and released on Friday.", "released")
    assert event[0] == "RETREAT" and event[3] == ("two-men",)


def test_reaffirming_an_act_noun_is_that_act_by_the_meeting_s_parties() -> None:
    # corpus (kremlin.ru readout, dev putin-388 in kind): "reaffirmed" supports the noun's act
    text = (
        "Vladimir Putin had a telephone conversation with President of China Xi Jinping. They "
        "reaffirmed a mutual readiness to closely cooperate and support each other further."
    )
    events = _events(text)
    assert not any(e[4] == "reaffirmed" for e in events)
    readiness = _one(text, "readiness")
    assert readiness[0] == "AGREE" and set(readiness[2]) == {"vladimir-putin", "xi-jinping"}


def test_a_passive_conjunct_with_its_own_auxiliary_is_done_to_the_shared_subject() -> None:
    # dev trnews-1030001, trnews-1010003 in kind
    event = _one(
        "The man behind the wheel went over the hillside and was eventually taken into custody.",
        "custody",
    )
    assert event[3] == ("man",) and "man" not in event[2]
    text = "Marc Emery was released on bail and is prohibited from entering the store."
    event = _one(text, "prohibited")
    assert event[3] and not event[2]


def test_of_names_the_doer_of_an_act_done_to_no_one() -> None:
    # "withdrawal", "offensive", "visit": the "of" complement is who acts (subjective genitive)
    withdrawal = _one(
        "Ukraine sees no evidence of withdrawal of Russian troops from its borders.", "withdrawal"
    )
    assert withdrawal[0] == "RETREAT" and withdrawal[2] == ("russian-forces",)
    offensive = _one(
        "The Ukrainian troops are doing everything to stop the offensive of the occupiers.",
        "offensive",
    )
    assert offensive[0] == "ASSAULT" and offensive[2] == ("occupiers",)
    # a possessor names the doer: what follows "of" is what was moved
    owned = _one("Russia's withdrawal of its troops from Georgia was welcomed.", "withdrawal")
    assert owned[2] == ("russia",)


def test_condolences_with_no_one_named_go_to_the_other_side_of_the_meeting() -> None:
    # kremlin.ru readout: condolences with no one named are to the other side of the call
    text = (
        "Telephone conversation with Prime Minister of Israel Naftali Bennett\n"
        "Vladimir Putin had a telephone conversation with Prime Minister of Israel Naftali "
        "Bennett.\nVladimir Putin gave his assessments of the talks. The President of Russia also "
        "expressed condolences over yesterday's act of terrorism in Israel, which took several "
        "lives."
    )
    doc = make_document(text, "2022-03-23", stages=STAGES, url="http://en.kremlin.ru/events/1")
    condolences = [e for e in doc.extraction.events if e.trigger.text == "expressed"]
    assert condolences and condolences[0].type == "SUPPORT"
    assert condolences[0].recipients == ("naftali-bennett",)


def test_an_undertaking_told_in_the_passive_is_done_by_its_agent() -> None:
    # "the decision to expel", "the operation to rescue" + "was agreed/started by X": X acts
    expel = _one(
        "Any decision to expel Sinn Fein must be agreed jointly by the governments of both "
        "Britain and the Irish Republic.",
        "expel",
    )
    assert expel[0] == "SANCTION" and expel[2] and "sinn-fein" in expel[3]
    rescue = _one(
        "The operation to rescue the defenders of Mariupol was started by the Ukrainian military.",
        "rescue",
    )
    assert rescue[0] == "AID" and rescue[2] == ("ukrainian-military",)


def test_a_participle_on_an_agreement_tells_what_was_done_not_its_content() -> None:
    # dev putin-490: "signed last year" is no promise (content of an AGREE is future); the
    # participle is the agreements' light verb, so the signing is the agreements' one event,
    # done last year
    text = (
        "I must say that these agreements through to 2036, signed last year, are primarily a "
        "result of your work."
    )
    doc = make_document(text, "2022-02-01", stages=("segment", "actors", "times", "events"))
    signed = [e for e in doc.extraction.events if e.trigger.text in {"signed", "agreements"}]
    assert len(signed) == 1 and signed[0].factuality != "future", signed
    assert signed[0].date.latest is not None and signed[0].date.latest.year == 2021, signed


def test_an_adjunct_before_a_request_is_no_content_of_it() -> None:
    # dev timebank APW19990122: the visit is where Freeh was, not what he asked for
    text = (
        "Last week, FBI Director Louis Freeh, on an official visit to Mexico, asked Mexican "
        "authorities to join the hunt for Kopp, federal officials have said."
    )
    doc = make_document(text, "1999-01-22", stages=STAGES)
    visits = [e for e in doc.extraction.events if e.trigger.text == "visit"]
    assert visits and visits[0].factuality not in {"hypothetical", "future"}


def test_a_negated_wish_asks_that_something_not_be_done() -> None:
    # dev zelenskyy-603: the asking happened; "did not ask" still asks nothing
    wish = _one("I do not want troops to go to Ukraine from Belarus.", "want")
    assert wish[0] == "REQUEST"
    doc = make_document("I do not want troops to go to Ukraine from Belarus.", stages=STAGES)
    assert [e.factuality for e in doc.extraction.events if e.trigger.text == "want"] == ["asserted"]
    doc = make_document("He did not ask Belarus for help.", stages=STAGES)
    assert [e.factuality for e in doc.extraction.events if e.trigger.text == "ask"] == ["negated"]


def test_we_doing_a_state_act_is_the_speakers_country() -> None:
    # records DECISIONS.md D9, on a president.gov.ua address: "we will shoot down" is Ukraine's
    # act; "we thank" stays the speaker's
    text = (
        "Address by President of Ukraine Volodymyr Zelenskyy\n"
        "Good evening! Ukraine will win. In besieged Mariupol, Russian aircraft dropped a bomb on "
        "an art school. But we know that we will definitely shoot down the pilot who dropped that "
        "bomb. We thank our partners."
    )
    doc = _on_president_gov_ua(text, "2022-03-20")
    found = {e.trigger.text: e.actors for e in doc.extraction.events}
    assert found["shoot"] == ("ukraine",)
    assert found["thank"] == ("volodymyr-zelensky",)


def test_a_press_office_title_about_an_act_is_its_leaders() -> None:
    # kremlin.ru (dev putin-32): the title's decoration is the President's; a title naming a
    # topic ("Support for Ukraine means ...") names no one's act
    text = (
        "Presenting the Order of Friendship to President of Turkmenistan Serdar Berdimuhamedov\n"
        "President of Russia Vladimir Putin: Friends, colleagues, ladies and gentlemen, It gives "
        "us great pleasure to welcome Mr Berdimuhamedov."
    )
    doc = make_document(text, "2022-06-10", stages=STAGES, url="http://en.kremlin.ru/events/2")
    presenting = [e for e in doc.extraction.events if e.trigger.text == "Presenting"]
    assert presenting and presenting[0].actors == ("vladimir-putin",)
    text = (
        "Support for Ukraine means working to prevent a global famine - address by President "
        "Volodymyr Zelenskyy\nGood evening! We have been fighting for eighty days."
    )
    doc = _on_president_gov_ua(text, "2022-05-14")
    support = [e for e in doc.extraction.events if e.trigger.text == "Support"]
    assert all(not e.actors for e in support)


def test_whom_an_attack_left_dead_or_wounded_is_its_target() -> None:
    # dev trnews-1130003: the attack was on the officer and the three people, not on France
    text = (
        "A gunman opened fire on the Champs-Elysees in Paris. The attack left one officer dead "
        "and three people wounded before police shot and killed the attacker."
    )
    attack = _one(text, "attack")
    assert attack[0] == "ASSAULT" and "three-people" in attack[3], attack


def test_a_speakers_must_is_a_demand_on_the_subject() -> None:
    # president.gov.ua (dev zelenskyy-641, zelenskyy-597): a deontic modal in a speaker's own
    # words demands; "we must" is the speaker's resolve, "it must be said" an aside, "what the
    # flag should mean" an embedded question
    text = (
        "Address by President of Ukraine Volodymyr Zelenskyy\n"
        "Good evening! Russia must stop provocations. Evil, armed with rockets, bombs and "
        "artillery, must be stopped immediately. We must all work together. It must be said "
        "that the week was hard."
    )
    doc = _on_president_gov_ua(text, "2022-03-20")
    demands = [(e.actors, e.recipients) for e in doc.extraction.events if e.type == "REQUEST"]
    assert (("volodymyr-zelensky",), ("russia",)) in demands, demands
    assert (("volodymyr-zelensky",), ()) in demands, demands
    assert len(demands) == 2, demands


def test_a_passive_demand_asks_its_by_agent() -> None:
    # president.gov.ua corpus (Zelenskyy, June 2022); dev zelenskyy-347 "these people should be
    # visited by mediators": the one asked is who is to do it, not what it is done to
    text = (
        "Address by President of Ukraine Volodymyr Zelenskyy\n"
        "Ukraine is doing everything possible to unblock our seaports, but this blockade must be "
        "lifted by the one who started it, namely the Russian Federation, and more specifically "
        "the Russian fleet."
    )
    doc = _on_president_gov_ua(text, "2022-06-01")
    demands = [(e.actors, e.recipients) for e in doc.extraction.events if e.type == "REQUEST"]
    assert demands == [(("volodymyr-zelensky",), ("russia",))], demands


def test_conferences_with_someone_and_addressed_audiences_are_meetings() -> None:
    # dev timebank VOA19980501, zelenskyy-188, timebank XIE19980821 (CONSULT; D30)
    gore = _one(
        "At a news conference with US Vice President Al Gore in Jerusalem, Mr. Netanyahu "
        "suggested Israel might be willing to move.",
        "conference",
    )
    assert gore[0] == "CONSULT" and "al-gore" in gore[3], gore
    assert _one("I addressed students of Ukrainian universities.", "addressed")[0] == "CONSULT"
    alone = _events("Freeh flew to Washington immediately after the press conference.")
    assert not [e for e in alone if e[4] == "conference"], alone


def test_a_condemned_acts_victim_is_not_its_target() -> None:
    # dev zelenskyy-641: Karis condemns the actions, not Ukraine they were taken against; the
    # condemned act's owner still is the target
    karis = _one("We condemn all military and hybrid actions against Ukraine.", "condemn")
    assert karis[0] == "ACCUSE" and karis[3] == (), karis
    owned = _one("Germany condemned Russia's actions against Ukraine.", "condemned")
    assert owned[3] == ("russia",), owned


def test_a_predicate_noun_stands_for_its_copulas_subject() -> None:
    # dev timebank APW19990506.0155: who is sought is Kopp, "the second activist"
    kopp = _one(
        "Kopp is now the second anti-abortion activist being sought by the FBI as a suspect.",
        "sought",
    )
    assert kopp[2] == ("fbi",) and kopp[3] == ("kopp",), kopp


def test_on_behalf_of_is_for_whom_not_to_whom() -> None:
    # dev zelenskyy-498: in the president's address "our people" are Ukraine's, and they are
    # whom the thanks are from, not whom they are to
    text = (
        "Address by President of Ukraine Volodymyr Zelenskyy\n"
        "Ashton Kutcher and Mila Kunis raised $35 million for Ukraine. "
        "I thanked them on behalf of our people, on behalf of all of us."
    )
    doc = _on_president_gov_ua(text, "2022-03-20")
    thanks = [e for e in doc.extraction.events if e.trigger.text == "thanked"]
    assert thanks and all("ukraine" not in e.recipients for e in thanks), thanks


def test_a_light_verb_the_model_lemmatises_without_its_e_still_carries_its_noun() -> None:
    # dev timebank APW19980219.0476: spaCy's small model lemmatises "staged" as "stag" and
    # "waging" as "wag"; the coup's doer and target are the light verb's
    coup = _one(
        "Second Prime Minister Hun Sen staged a successful coup d'etat against First Prime "
        "Minister Prince Norodom Ranariddh.",
        "coup",
    )
    assert coup[0] == "ASSAULT" and coup[2] == ("hun-sen",), coup
    assert coup[3] == ("norodom-ranariddh",), coup
    war = _one("Russia is waging an inhumane war against civilians.", "war")
    assert war[2] == ("russia",), war


def test_a_light_verb_with_its_own_object_does_not_do_the_act_after_its_preposition() -> None:
    # dev zelenskyy-660: the president emphasised the shelling, he did not shell; "took part in
    # the talks" still takes part in them
    text = (
        "President of Ukraine held a meeting on the situation in Donbas\n"
        "The President put emphasis upon the shelling of a kindergarten in Stanytsia Luhanska "
        "by illegal armed groups this morning."
    )
    doc = _on_president_gov_ua(text, "2022-02-17")
    shelling = [e for e in doc.extraction.events if e.trigger.text == "shelling"]
    assert shelling and "volodymyr-zelensky" not in shelling[0].actors, shelling
    talks = _one("Finland took part in the talks in Geneva.", "talks")
    assert talks[2] == ("finland",), talks


def test_a_common_noun_in_apposition_with_a_name_is_that_name() -> None:
    # dev trnews-1060003 and timebank PRI19980205: "an Islamic State member who encouraged him"
    # is Hussain, "the one ally who has backed his threat" is Blair
    hussain = _one(
        "The defendant also communicated electronically with Junaid Hussain, an Islamic State "
        "member who encouraged him to conduct a violent attack in the United States.",
        "encouraged",
    )
    assert hussain[2] == ("junaid-hussain",), hussain
    blair = _one(
        "President Clinton discussed the Iraq crisis with the one ally who has backed his threat "
        "of force, British prime minister Tony Blair.",
        "backed",
    )
    assert blair[2] == ("tony-blair",), blair


def test_a_described_group_names_the_members_it_lists() -> None:
    # dev zelenskyy-275, zelenskyy-584 and timebank-XIE19980808.0188: "all those who ...: X, Y",
    # "alliances of states such as NATO or the EU", "At least 74, including eight Americans"
    # name their members (GUIDELINES.md: the most specific name the article gives)
    thanked = _one(
        "I am grateful to all those who make the evacuation operation successful: Iryna "
        "Vereshchuk, Andriy Yermak, David Arakhamia, UN representatives, the International "
        "Committee of the Red Cross, and everyone who reached an agreement.",
        "grateful",
    )
    assert {"iryna-vereshchuk", "andriy-yermak"} <= set(thanked[3]), thanked
    asked = _one(
        "According to him, alliances of states such as NATO or the EU must defend their "
        "alliances, otherwise they will cease to exist.",
        "defend",
    )
    assert "nato" in asked[2], asked
    killed = _one(
        "At least 74, including eight Americans, were killed in Nairobi, the capital of Kenya.",
        "killed",
    )
    assert any("american" in r for r in killed[3]), killed


def test_an_infinitive_with_its_object_has_the_noun_it_qualifies_as_subject() -> None:
    # dev zelenskyy-68: the first country to send the money is Canada ("became" a copula);
    # "the targets to strike" are struck, so the rule needs the infinitive's own object
    canada = _one(
        "Canada, for its part, became the first country to send 1 billion Canadian dollars to "
        "the account of Ukraine in the IMF.",
        "send",
    )
    assert canada[2] == ("canada",), canada


def test_a_participle_on_an_event_noun_is_its_light_verb() -> None:
    # president.gov.ua (press releases): the crimes are the event, "committed" no pledge
    crimes = _events("In particular, he focused on war crimes committed by the Russian army.")
    assert [e[0] for e in crimes] == ["ASSAULT"], crimes
    # a court the suit is filed in is where, not whom
    suit = _one(
        "Mr. Antar has denied allegations in civil suits previously filed in federal court by "
        "shareholders against Mr. Antar.",
        "suits",
    )
    assert not any("court" in r for r in suit[3]), suit


def test_a_finite_verb_without_a_subject_shares_the_one_before() -> None:
    # dev timebank PRI19980303: the parser makes "complained" a second complement of "said";
    # a finite verb never goes without a subject, so it is the opponents'
    complained = _one(
        "But opponents said the school might be a target for terrorist attacks, complained "
        "about its tax exempt status, and wondered why the Saudis are not compelled to allow "
        "Christians to worship in their country.",
        "complained",
    )
    assert complained[2] == ("opponents",), complained


def test_a_justice_act_years_before_the_story_is_another_case() -> None:
    # dev timebank APW19990506.0155, trnews-1060005: the story's police or court did not make
    # the arrests of 1990 or the convictions of the 1990s
    text = (
        "Canadian police on Thursday charged James Kopp with the murder of a doctor.\n"
        "Kopp had been arrested in several states since 1990 for protesting abortion."
    )
    doc = make_document(text, "1999-05-06", stages=("segment", "actors", "times", "events"))
    old = [e for e in doc.extraction.events if e.trigger.text == "arrested"]
    assert old and old[0].actors == (), old
    charged = [e for e in doc.extraction.events if e.trigger.text == "charged"]
    assert charged and charged[0].actors, charged


def test_a_passive_joint_act_is_done_by_its_between_parties() -> None:
    # dev putin-451: "was signed between X and Y" names who signed it
    signed = _one(
        "In addition, a cooperation agreement was signed between Transmashholding and Kazakh "
        "Railways.",
        "signed",
    )
    assert signed[2] == ("transmashholding",), signed
    agreed = _one("A ceasefire was agreed between Armenia and Azerbaijan on Saturday.", "agreed")
    assert agreed[2] == ("armenia", "azerbaijan"), agreed


def test_a_nominal_act_s_by_hung_past_its_of_object_names_its_doer() -> None:
    # dev zelenskyy-660: the parser hangs "by illegal armed groups" on "put", past "the shelling
    # of a kindergarten"; "violations of the ceasefire by X": on "ceasefire"
    shelling = _one(
        "The President put emphasis upon the shelling of a kindergarten in Stanytsia Luhanska "
        "by illegal armed groups this morning and called it a big provocation.",
        "shelling",
    )
    assert shelling[2] == ("illegal-armed-groups",), shelling
    violations = _one(
        "In particular, he reported a significant number of violations of the ceasefire by "
        "Russian forces.",
        "violations",
    )
    assert violations[2] == ("russian-forces",), violations


def test_a_contained_act_s_preposition_on_its_container_names_whom() -> None:
    # dev putin-432, zelenskyy-641: the parser hangs "with Russia" on "sense"; "on the part of
    # Estonia" says whose the solidarity is, not with whom
    assert _one("We feel a sense of solidarity with Russia.", "solidarity")[3] == ("russia",)
    estonia = _one(
        "We consider your visit as a manifestation of solidarity on the part of Estonia.",
        "solidarity",
    )
    assert estonia[3] == (), estonia


def test_a_request_answered_by_your_response_was_made_to_you() -> None:
    # dev putin-451: "your response to Kazakhstan's request": the one addressed answered it
    text = (
        "Vladimir Putin: Good afternoon, Mr Tokayev.\n"
        "Kassym-Jomart Tokayev: I would like to thank you once again for your warm and "
        "business-like response to Kazakhstan's request to deploy a peacekeeping contingent in "
        "our country."
    )
    request = _one(text, "request")
    assert request[2:4] == (("kazakhstan",), ("vladimir-putin",)), request


def test_sites_attacked_in_an_address_are_the_speakers_countrys() -> None:
    # dev zelenskyy-291, zelenskyy-14 (records DECISIONS.md D9): the warehouses and cities
    # attacked in the president's address are Ukraine's (gold target UKR); not where the
    # attacker is of the speaker's country
    text = (
        "We will continue to evacuate our people - address by the President of Ukraine\n"
        "Ukraine will win. They targeted the warehouses of agricultural enterprises. Russian bombs are destroying "
        "cities."
    )
    doc = _on_president_gov_ua(text, "2022-05-06")
    found = {e.trigger.text: e.recipients for e in doc.extraction.events}
    assert found["targeted"] == ("ukraine",)
    assert found["destroying"] == ("ukraine",)


def test_a_collective_nouns_of_phrase_names_every_body_it_joins() -> None:
    # dev zelenskyy-255: the Red Cross's name runs past its noun phrase's core ("of the Red
    # Cross"), and the United Nations is a conjunct of it: both are whose the teams are
    text = (
        "I am grateful to the teams of the International Committee of the Red Cross and the "
        "United Nations for helping us carry out the first phase of the Azovstal evacuation "
        "mission."
    )
    doc = _on_president_gov_ua(text, "2022-05-01")
    grateful = next(e for e in doc.extraction.events if e.trigger.text == "grateful")
    names = {doc.extraction.actor(a).name for a in grateful.recipients}
    assert {"International Committee of the Red Cross", "United Nations"} <= names, names


def test_people_our_owns_in_an_address_are_the_speakers_country() -> None:
    # dev zelenskyy-555 (records DECISIONS.md D9: "our people", "our army" are the speaker's
    # country): "our" resolves to the president, who is also the thanks' source, so the phrase
    # named no one else and the thanks had no target (gold: "our team", UKR)
    text = (
        "The world speaks about Ukraine - address by President Volodymyr Zelenskyy\n"
        "Ukrainians! You may have seen in the news today the story that the United Nations "
        "allegedly does not consider the Russian invasion a war. I know this outraged many, and "
        "not only in Ukraine. I am grateful to our team. We made everything clear and quick."
    )
    doc = _on_president_gov_ua(text, "2022-03-08")
    grateful = next(e for e in doc.extraction.events if e.trigger.text == "grateful")
    assert grateful.recipients == ("ukraine",), grateful


def test_the_world_addressed_is_a_party() -> None:
    # dev zelenskyy-641 (records DECISIONS.md D106: an appeal to the world is a REQUEST to the
    # world): "the world" is an agent noun's group, so the appeal has it as its target
    text = (
        "He called on Europe and the world not to repeat the tragic mistakes made in Georgia "
        "in 2008."
    )
    called = _one(text, "called")
    assert called[0] == "REQUEST" and called[3] == ("world",), called


def test_the_leaders_of_a_title_call_whose_host_goes_unnamed_are_its_guest() -> None:
    # dev putin-166: the text never names the host (kremlin.ru's own head of state), so the
    # title's call names one party; "the two leaders" are its parties all the same, not the
    # "Russian-Belarusian talks" named as background (D4)
    text = (
        "Telephone conversation with President of Belarus Alexander Lukashenko\n\n"
        "The two leaders discussed some bilateral issues and the further strengthening of the "
        "Union State in follow-up to the Russian-Belarusian talks held at the highest level on "
        "April 12."
    )
    discussed = _one(text, "discussed")
    assert discussed[2] == ("alexander-lukashenko",) and discussed[3] == ()


def test_a_nominal_act_s_by_hung_on_its_governor_or_container_names_its_doer() -> None:
    # dev timebank-APW19980308.0201: the parser hangs "by Serb police" on "protest", whose own
    # doer is the marchers; dev timebank-PRI19980306.2000.1675: "by the security forces" on "day"
    killings = _one(
        "Some 1,500 ethnic Albanians marched Sunday in downtown Istanbul, burning Serbian flags "
        "to protest the killings of ethnic Albanians by Serb police in southern Serb Kosovo "
        "province.",
        "killings",
    )
    assert killings[2] == ("serbian-police",), killings
    offensive = _one(
        "It's the second day of an offensive by the security forces against villages populated "
        "by ethnic Albanians.",
        "offensive",
    )
    assert offensive[2] == ("security-forces",), offensive


def test_a_participle_of_doing_hung_past_a_nominal_act_names_its_doer() -> None:
    # dev putin-359: "perpetrated by the Kiev regime" hangs on "republics"; dev trnews-1020008:
    # "called by the Unite union" on "airports" (and "48-hour" names no one)
    genocide = _one(
        "Vladimir Putin recalled that for eight years, the Western partners shut their eyes to "
        "the genocide of people of the Donbass republics perpetrated by the Kiev regime.",
        "genocide",
    )
    assert genocide[2] == ("ukraine",), genocide
    strike = _one(
        "The disruption to flights comes days before a planned 48-hour strike at UK airports "
        "called by the Unite union over pay and conditions.",
        "strike",
    )
    assert strike[2] == ("unite",), strike


def test_a_tensed_verb_joined_to_an_infinitive_shares_the_governing_verb_s_doer() -> None:
    # dev zelenskyy-15: the parser joins "thanked" to "visit", whose doer is the one invited;
    # dev zelenskyy-614: "agreed" to "expect", whose subject is "Ukrainians"
    thanked = _one(
        "Viktor Orbán called. I invited him to visit Ukraine and thanked him for the important "
        "support for our sovereignty and territorial integrity of our state.",
        "thanked",
    )
    assert "viktor-orban" not in thanked[2] and "viktor-orban" in thanked[3], thanked
    agreed = _one(
        "I outlined what answer Ukrainians still expect from the West to this aggression and "
        "agreed on new assistance, new support, significant assistance for our state.",
        "agreed",
    )
    assert "ukrainians" not in agreed[2], agreed


def test_wishes_greetings_and_cheering_are_support() -> None:
    # support26, records DECISIONS.md D20, D76, D110, D125: well-wishing, greeting messages and
    # cheering a person are SUPPORT (dev zelenskyy-60, zelenskyy-95, putin-595, putin-64,
    # putin-567, timebank-NYT20000224.0173)
    assert _one("I wish health to all Ukrainians and all our friends!", "wish")[0] == "SUPPORT"
    assert _one("I wish them health.", "wish")[0] == "SUPPORT"
    text = "Vladimir Putin began the conversation by wishing Emmanuel Macron a happy birthday."
    assert _one(text, "wishing")[0] == "SUPPORT"
    text = (
        "The President of Russia extended warm birthday greetings to the Prime Minister of Armenia."
    )
    assert _one(text, "greetings")[0] == "SUPPORT"
    # sending greetings is no aid
    found = _events("Earlier, Vladimir Putin sent birthday greetings to Nikol Pashinyan.")
    assert [e[0] for e in found] == ["SUPPORT"], found
    # greetings and wishes exchanged are one exchange
    found = _events("The presidents exchanged New Year greetings and best wishes.")
    assert [e[0] for e in found] == ["SUPPORT"], found
    text = (
        "But while Cuban exiles outside the courthouse cheered Lazaro and his family, their angry "
        "taunts seemed to shock Manuel."
    )
    assert _one(text, "cheered")[0] == "SUPPORT"


def test_honours_presented_conferred_or_decided_are_support() -> None:
    # support26, records DECISIONS.md D21: awarding by decree is SUPPORT by the president who signs
    # (dev zelenskyy-138, zelenskyy-458, zelenskyy-567, zelenskyy-619; a title conferred is no
    # conferring with anyone, CONSULT)
    text = (
        "Today, the representatives of our state - the Prime Minister and the Minister of Health - "
        "presented awards to emergency care workers."
    )
    assert _one(text, "awards")[0] == "SUPPORT"
    text = "I signed decrees conferring the title of Hero of Ukraine upon 15 servicemen."
    assert _one(text, "conferring")[0] == "SUPPORT"
    # an honour decided by its giver is conferred, not promised (AGREE)
    document = _on_president_gov_ua(
        "Today I decided to award orders to the heads of regional administrations and mayors.",
        "2022-03-06",
    )
    found = [(e.type, e.factuality) for e in document.extraction.events]
    assert ("SUPPORT", "asserted") in found and "AGREE" not in [t for t, _ in found], found
    document = _on_president_gov_ua(
        "All of them will be posthumously awarded the title of Hero of Ukraine.", "2022-02-25"
    )
    assert [e.type for e in document.extraction.events] == ["SUPPORT"]


def test_a_goal_set_together_is_agreement_and_a_success_noted_praise() -> None:
    # support26, dev zelenskyy-784: a joint goal is a commitment to cooperate (manual: AGREE);
    # dev putin-741: noting another's success is praise (records DECISIONS.md D21)
    text = (
        "Ukraine and Azerbaijan have set a new ambitious goal - to double bilateral trade by 2024."
    )
    assert _one(text, "set")[0] == "AGREE"
    text = (
        "The presidents of Russia and France noted the success of the Paris international "
        "conference on Libya."
    )
    assert _one(text, "noted")[0] == "SUPPORT"


def test_agreement_reached_is_agree() -> None:
    # dev zelenskyy-373, putin-647 (records DECISIONS.md D123, D140): an agreement
    # already reached is AGREE; the active "reached an agreement" keeps the manual's SUPPORT
    for text in (
        "The agreement was reached.",
        "I know that you have met with Russian Government members, and good agreements have been "
        "reached.",
    ):
        assert _one(text, "reached")[0] == "AGREE", text
    active = "House and Senate negotiators reached an agreement on Senate Bill 3065."
    assert _one(active, "reached")[0] == "SUPPORT"


def test_a_negated_stance_is_a_stated_refusal() -> None:
    # typed29, dev timebank-APW20000216.0272, putin-481, zelenskyy-619 (records DECISIONS.md
    # D119: a stated refusal is a required REJECT): "does not recognize", "not ready to" refuse
    for text, trigger in (
        (
            "In the letter, Gonzalez said he does not recognize the jurisdiction of the U.S. court "
            "system, which is weighing an attempt by Elian's Miami relatives to block his return "
            "to Cuba.",
            "recognize",
        ),
        (
            "It was noted that NATO was not ready to respond adequately to Russia's well-grounded "
            'concerns, as it used the alliance\'s so-called"open door" policy, which violates the '
            "fundamental principle of indivisibility of security, as an excuse.",
            "ready",
        ),
        ("But they are not ready to take us to the Alliance.", "ready"),
    ):
        assert _one(text, trigger)[0] == "REJECT", text


def test_lifting_a_measure_is_concede_and_reaffirming_agree() -> None:
    # typed29, dev timebank-APW20000115.0031, timebank-NYT19980907.0112 (CAMEO 081; D94, D107
    # "Lifting a travel warning is CONCEDE"), putin-77 (D24: a reaffirmed readiness is AGREE)
    for text in (
        "But this week, Attorney General Janet Reno lifted the deadline to give Elian's relatives "
        "in Miami a chance to fight in federal court to keep the boy with them.",
        "The State Department, which does not want to see Kenya and Tanzania punished economically "
        "as a result of terrorist attacks that were clearly targeted at the United States, has "
        "lifted dire travel warnings issued just the bombings that urged Americans to stay away "
        "from the two countries.",
    ):
        assert _one(text, "lifted")[0] == "CONCEDE", text
    reaffirmed = (
        "Vladimir Putin reaffirmed the Russian side's openness to the resumption of dialogue."
    )
    assert _one(reaffirmed, "reaffirmed")[0] == "AGREE"


def test_counting_on_support_is_a_request_and_ready_for_talks_agree() -> None:
    # typed29, dev zelenskyy-837, zelenskyy-1 (records DECISIONS.md D6: appeals for support are
    # REQUEST), zelenskyy-693, putin-432 (D24: readiness for talks or cooperation is AGREE)
    counts = (
        '"In all these projects, Ukraine counts on the support of the EU and international '
        'financial institutions," the President stressed.'
    )
    assert _one(counts, "counts")[0] == "REQUEST"
    assert _one("That is why I turn to you for support!", "turn")[0] == "REQUEST"
    for text in (
        '"The Ukrainian party is ready for a constructive dialogue," Andriy Yermak stressed.',
        "We are ready for cooperation, and I would like to express confidence that this visit and "
        "our meeting will be quite productive.",
    ):
        assert _one(text, "ready")[0] == "AGREE", text


def test_ultimatum_is_a_threat_whatever_the_tense() -> None:
    # wirereq30, dev timebank-CNN19980213.2130.0155: a conflict act on a condition the other
    # party meets by acting is an ultimatum, THREATEN (records DECISIONS.md D25)
    text = (
        "The US military buildup in the Persian gulf continues apace, more planes headed from the "
        "united states and senior officials say Iraq's president Saddam Hussein can expect "
        "punishing air strikes to continue well into the future if he doesn't stop building "
        "biological weapons."
    )
    assert _one(text, "strikes")[0] == "THREATEN"
    text = (
        "Nevertheless, the president said Washington would use force if diplomacy fails to force "
        "Saddam Hussein to back down."
    )
    assert _one(text, "use")[0] == "THREATEN"
    # dev local (Granville County): a past counterfactual tells what did not happen, no threat
    text = (
        '"We believe if the West Virginia police had not have stopped them that this crime spree '
        'would have continued on," said Wilkins, the Granville County sheriff.'
    )
    assert "THREATEN" not in [e[0] for e in _events(text)]


def test_not_recognising_or_allowing_is_a_refusal() -> None:
    # wirereq30, dev timebank-APW20000216.0272 and timebank-APW19980626.0364: negated
    # recognition or permission, in any tense, is REJECT (manual; records DECISIONS.md D119)
    for text, trigger in (
        (
            "In the letter, Gonzalez said he does not recognize the jurisdiction of the U.S. court "
            "system, which is weighing an attempt by Elian's Miami relatives to block his return "
            "to Cuba.",
            "recognize",
        ),
        (
            "Suessmuth said, however, that the law does not allow for providing a false address "
            "for any reason.",
            "allow",
        ),
    ):
        assert _one(text, trigger)[0] == "REJECT", text
    # dev timebank-NYT20000113.0267: "mustn't allow" asks; it refuses nothing
    text = (
        "The Justice Department and the INS mustn't allow the opportunists of Capitol Hill to get "
        "their hooks into Elian."
    )
    assert "REJECT" not in [e[0] for e in _events(text)]


def test_wire_refusals_and_warnings_rows() -> None:
    # wirereq30 lexicon rows, dev timebank-WSJ910225-0066 and GUM_news_korea
    text = (
        "American officials staunchly disavow any interest in driving through Iraq toward "
        "Baghdad, either in pursuit of Saddam Hussein himself or to set up some "
        "American-controlled government inside Iraq."
    )
    assert _one(text, "disavow")[0] == "REJECT"
    # dev timebank-WSJ910225-0066: a stated non-response is a REJECT (records DECISIONS.md D116)
    text = (
        "Finally, when Iraq failed to respond to the U.S. ultimatum, Mr. Bush let the ground "
        "offensive begin as previously planned Saturday night."
    )
    assert _one(text, "failed")[:4] == ("REJECT", None, ("iraq",), ("united-states",))
    events, _ = dev_sentence_events("GUM_news_korea", '"Foolhardy provocation deserves')
    assert "THREATEN" in [e.type for e in events if e.trigger.text == "deserves"]
