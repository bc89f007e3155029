"""Events: the parties an address by a head of state or a call readout leaves out, and the
charges (ACCUSE) said in addresses and quotes (events/implicit.py, events/discourse.py, events/rules.py; issue 11),
on real dev articles (text from ../shared)."""

from __future__ import annotations

import pytest

from conftest import ROOT, RULES_ONLY, dev_sentence_charges, dev_sentence_events, shared_path
from dateline.config import PipelineConfig

DEV = ROOT / "eval" / "records" / "dev"


def _event_on(name: str, trigger: str, sentence: str):  # type: ignore[no-untyped-def]
    """The first event on ``trigger`` in the dev article's sentence that starts with
    ``sentence`` (rules alone), and the article's actors by id."""
    events, actors = dev_sentence_events(name, sentence)
    found = [e for e in events if e.trigger.text == trigger]
    assert found, [(e.trigger.text, e.evidence.text[:40]) for e in events]
    return found[0], actors


def _parties(name: str, trigger: str, sentence: str) -> tuple[list[str | None], list[str]]:
    """(countries of the actors, names of the actors) of the event on ``trigger`` in the dev
    article's sentence that starts with ``sentence``."""
    event, actors = _event_on(name, trigger, sentence)
    return [actors[a].country for a in event.actors], [actors[a].name for a in event.actors]


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "trigger", "sentence"),
    [
        ("zelenskyy-597", "fired", "113 cruise missiles were fired."),
        ("zelenskyy-59", "kill", "Weapons of barbarians, which kill civilians"),
        ("zelenskyy-555", "killed", "50 Ukrainian children killed in 13 days of war."),
        # "They" read by the actors stage as "our people" of the sentence before: an address
        # does not tell its own people bombing its cities (the old code kept them as attacker)
        ("zelenskyy-606", "bomb", "They are going to bomb our Ukrainian cities even more."),
        ("zelenskyy-606", "kill", "They are going to kill our children even more insidiously."),
    ],
)
def test_an_agentless_attack_in_an_address_is_the_address_attackers(
    name: str, trigger: str, sentence: str
) -> None:
    # DECISIONS.md D41 and D84 (an attacker named in the story does its agentless attacks), D9
    # (an address is one speaker's): gold gives Russia, the invaders or the barbarians (RUS)
    countries, _ = _parties(name, trigger, sentence)
    assert "RUS" in countries


@pytest.mark.shared
def test_the_attacked_side_repelling_takes_no_attacker_of_the_address() -> None:
    # "It is the Ukrainians, together with our friends and partners ... that are repelling those
    # who have forgotten ...": repelling is the defenders' act (D39), never Russia's
    countries, _ = _parties("zelenskyy-275", "repelling", "It is the Ukrainians, together")
    assert "RUS" not in countries


@pytest.mark.shared
def test_fighting_in_an_address_is_both_sides() -> None:
    # DECISIONS.md D38: two-sided fighting has both sides as source ("Very fierce fighting
    # continues in Donbas": gold Russian forces and Ukrainian troops)
    countries, _ = _parties("zelenskyy-68", "fighting", "Very fierce fighting continues")
    assert sorted(c for c in countries if c) == ["RUS", "UKR"]


def _attacked(name: str, trigger: str, sentence: str) -> list[str | None]:
    """The countries of the recipients of the event on ``trigger`` in the dev article's sentence
    that starts with ``sentence`` (rules alone)."""
    event, actors = _event_on(name, trigger, sentence)
    return [actors[r].country for r in event.recipients]


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "trigger", "sentence"),
    [
        # D39: shooting down missiles is ASSAULT against the attacker (gold: Russia)
        ("zelenskyy-330", "shoot", "We managed to shoot down two missiles."),
        # a defence act freeing the side's own land (D9): gold Russian troops
        ("zelenskyy-130", "liberating", "Step by step, we are liberating our land"),
        # a one-sided report of fighting (D38) for the side's own state: gold the invaders
        ("zelenskyy-614", "fighting", "We are fighting for our state absolutely"),
    ],
)
def test_the_speakers_side_attacks_the_address_attacker(
    name: str, trigger: str, sentence: str
) -> None:
    assert _attacked(name, trigger, sentence) == ["RUS"]


@pytest.mark.shared
def test_bare_fighting_of_the_speakers_side_takes_no_foe() -> None:
    # "That is why we fight.": no fighting with anyone told (no gold event, D38)
    assert "RUS" not in _attacked("zelenskyy-530", "fight", "That is why we fight.")


@pytest.mark.shared
def test_a_package_of_support_is_given_by_who_announces_it() -> None:
    # "The United States has announced a new package of support for our state": a package
    # conveys the act it holds (rules.container_nouns), so who announces it gives the support
    countries, _ = _parties("zelenskyy-340", "support", "The United States has announced")
    assert countries == ["USA"]


def _accused(name: str, trigger: str, sentence: str) -> list[list[str | None]]:
    """The countries of the recipients of each ACCUSE on ``trigger`` in the dev article's
    sentence that starts with ``sentence`` (rules alone)."""
    events, actors = dev_sentence_events(name, sentence)
    return [
        [actors[r].country for r in e.recipients]
        for e in events
        if e.type == "ACCUSE" and e.trigger.text == trigger
    ]


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "trigger", "sentence"),
    [
        # a charge naming no doer accuses the address's attacker: D11 and D26 (a speaker's charge
        # is ACCUSE against whom it charges), D41/D84 (an address's agentless acts are its
        # attacker's)
        ("zelenskyy-101", "terrorists", "The UN Charter does not provide any rights for"),
        ("zelenskyy-550", "atrocities", "Everything that the invaders are doing to Mariupol"),
        ("zelenskyy-597", "breach", "This is a breach of all conventions."),
        # a deed named by a crime is a charge against its doer: D11 ("Russia is committing
        # genocide" is ACCUSE by the speaker, the act its own event), D26 (a charge word)
        ("zelenskyy-550", "genocide", "Therefore, you must increase sanctions against Russia"),
        ("zelenskyy-555", "torture", "This is torture."),
        # charge words for a conduct or its doers: D11, D26 ("terrorist state", "barbarians")
        ("zelenskyy-330", "terror", "Those responsible for Russia's missile terror."),
        ("zelenskyy-555", "savages", "Eternal memory to all the people who were killed by"),
    ],
)
def test_a_charge_in_an_address_accuses_the_address_attacker(
    name: str, trigger: str, sentence: str
) -> None:
    # gold: ACCUSE against Russia / the invaders in every one
    assert ["RUS"] in _accused(name, trigger, sentence)


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "trigger", "sentence"),
    [
        # no attack of this address names its attacker ("The missile that hit Freedom Square"):
        # its unpointed charges accuse the one its named charges accuse ("Russia is a terrorist
        # state"), D11/D26 (a speaker's charge word), D41/D84 (the adversary the address names)
        ("zelenskyy-596", "terror", "This is terror against the city."),
        # a deed named a war crime in an address is the speaker's charge against its doer (D11:
        # "Russia is committing genocide" is ACCUSE by the speaker, the act its own event)
        ("zelenskyy-596", "crime", "This attack on Kharkiv is a war crime."),
    ],
)
def test_an_address_naming_its_adversary_only_by_charges_accuses_it(
    name: str, trigger: str, sentence: str
) -> None:
    # gold: ACCUSE by Zelenskyy against Russia
    assert ["RUS"] in _accused(name, trigger, sentence)


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "trigger", "sentence"),
    [
        ("zelenskyy-330", "lies", "The truth will defeat any lies."),
        ("zelenskyy-255", "lies", "Of course, if there are no lies."),
    ],
)
def test_a_label_for_a_kind_in_an_address_accuses_no_one(
    name: str, trigger: str, sentence: str
) -> None:
    # "any lies", "no lies": a kind, no deed told (D26: a charge names its target)
    assert _accused(name, trigger, sentence) == []


@pytest.mark.shared
def test_a_label_said_as_a_verb_charges_its_subject() -> None:
    # "Moxon proceeded to lie to Daniel": the liar is accused (D11 "the occupiers are lying"),
    # not whom he lied to; gold ACCUSE Mark Rathbun -> Kendrick Moxon
    from dateline.eval.records import _article
    from dateline.eval.records_gold import read_gold_file
    from dateline.pipeline import Pipeline

    gold = read_gold_file(DEV / "GUM_news_defector.json", texts=shared_path())
    extraction = Pipeline(PipelineConfig(**RULES_ONLY))(_article(gold))
    start = gold.text.index('Rathbun wrote, "Moxon proceeded to lie')
    actors = {a.id: a.name for a in extraction.actors}
    accused = [
        [actors[r] for r in e.recipients]
        for e in extraction.events
        if e.type == "ACCUSE"
        and e.trigger.text == "lie"
        and e.evidence.start <= start
        and start < e.evidence.end
    ]
    assert any("Moxon" in name for names in accused for name in names), accused


@pytest.mark.shared
def test_a_title_naming_its_speaker_after_a_dash_over_a_first_person_body_is_an_address() -> None:
    # "Every day we are fighting for Ukraine ... - President Volodymyr Zelenskyy" over "I have
    # just finished my conversation with Boris Johnson": the address's "I" is its speaker (D9;
    # gold: the conversation is Volodymyr Zelenskyy's)
    _, names = _parties("zelenskyy-47", "conversation", "I have just finished my conversation")
    assert names == ["Volodymyr Zelensky"]


@pytest.mark.shared
def test_a_press_release_under_such_a_title_stays_the_outlets() -> None:
    # "... - Volodymyr Zelenskyy" over "President of Ukraine Volodymyr Zelenskyy announced ...":
    # a third-person report whose "I" is only quoted is no address (speakers._attributed_address)
    from dateline.eval.records import documents
    from dateline.eval.records_gold import read_gold_file

    gold = read_gold_file(DEV / "zelenskyy-471.json", texts=shared_path())
    (document,) = documents([gold], PipelineConfig(**RULES_ONLY))
    assert document.voices == []


@pytest.mark.shared
@pytest.mark.parametrize(
    ("trigger", "sentence"),
    [
        ("bombing", "Tonight there was a bombing of Kyiv and other cities."),
        ("shelled", "You saw what was happening in Kharkiv in recent days, Mariupol was shelled."),
    ],
)
def test_an_address_naming_no_attacker_takes_the_state_its_side_acts_against(
    trigger: str, sentence: str
) -> None:
    # zelenskyy-584 names no attacker for any attack, but its speaker's side stops and
    # sanctions "the Russian Federation": that state did the agentless attacks (D41, D84; gold
    # Russia for both)
    countries, _ = _parties("zelenskyy-584", trigger, sentence)
    assert countries == ["RUS"]


@pytest.mark.shared
def test_fighting_that_is_not_done_takes_no_attacker_of_the_address() -> None:
    # "The world must show its strength without fighting": no fighting is told (the negation
    # cue "without"), so no side fights it, and with no party it is no event
    from dateline.eval.records import _article
    from dateline.eval.records_gold import read_gold_file
    from dateline.pipeline import Pipeline

    gold = read_gold_file(DEV / "zelenskyy-584.json", texts=shared_path())
    extraction = Pipeline(PipelineConfig(**RULES_ONLY))(_article(gold))
    start = gold.text.index("The world must show its strength without fighting")
    assert not [
        e
        for e in extraction.events
        if e.trigger.text == "fighting" and e.evidence.start <= start < e.evidence.end
    ]


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "trigger", "sentence"),
    [
        ("putin-530", "destructive", "In view of Ilham Aliyev's recent visit to Ukraine"),
        ("putin-625", "destructive", "Specific examples of Kiev's destructive course"),
    ],
)
def test_a_readouts_judgement_that_no_one_in_it_says_is_the_outlet_leaders(
    name: str, trigger: str, sentence: str
) -> None:
    # "the intra-Ukrainian settlement that is stalled due to Kiev's destructive policy" in a
    # Kremlin readout: the President's charge (DECISIONS.md D73; gold Vladimir Putin)
    _, names = _parties(name, trigger, sentence)
    assert names == ["Vladimir Putin"]


_charges = dev_sentence_charges


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "sentence", "noted", "accused"),
    [
        ("putin-481", "It was noted that NATO was not ready", "noted", "NATO"),
        ("putin-523", "The President of Russia noted that Kiev still", "noted", "Ukraine"),
        ("putin-714", "Exchanging views on the domestic crisis", "emphasised", "Ukraine"),
    ],
)
def test_a_hostile_act_a_readout_notes_is_the_noters_charge(
    name: str, sentence: str, noted: str, accused: str
) -> None:
    # DECISIONS.md D73: "It was noted that NATO was not ready ..." is ACCUSE by the President
    # (gold Vladimir Putin against NATO; against Kiev for "still refused to fulfil" and
    # "continued to stubbornly refuse"), the refusal its own event
    assert (noted, ["Vladimir Putin"], [accused]) in _charges(name, sentence)


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "sentence", "noted", "accused"),
    [
        ("putin-445", "Vladimir Putin once again drew attention to", "drew", "United States"),
        ("putin-741", "The President of Russia emphasised the extremely", "emphasised", None),
        ("putin-625", "Ukraine's policy of discrimination", "pointed", "Ukraine"),
    ],
)
def test_a_fault_a_readout_notes_as_a_noun_is_the_noters_charge(
    name: str, sentence: str, noted: str, accused: str | None
) -> None:
    # DECISIONS.md D73 (a readout's remark that charges a named actor is ACCUSE by the President)
    # and D26 (an evaluative claim about a named actor): "drew attention to the absence of a
    # substantive response from the United States and NATO", "emphasised the extremely rough
    # treatment of refugees by Polish border guards" (gold Putin -> the border guards, not the
    # refugees), "Ukraine's policy of discrimination ... was pointed out"
    charges = [(t, s, r) for t, s, r in _charges(name, sentence) if t == noted]
    assert charges, _charges(name, sentence)
    [(_, source, target)] = charges
    assert source == ["Vladimir Putin"]
    if accused is None:
        assert target and all("guard" in t.lower() for t in target), target
    else:
        assert accused in target


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "sentence", "trigger", "source", "accused"),
    [
        (
            "putin-89",
            "The President of Russia noted that Ukraine",
            "obstructing",
            "Putin",
            "Ukraine",
        ),
        ("putin-82", "In addition, he noted that Kiev", "sabotaging", "Putin", "Ukraine"),
        (
            "timebank-NYT20000330.0406",
            "But in Miami, many Cuban",
            "orchestrating",
            "Americans",
            "Castro",
        ),
        # contempt and provoking a harm, told in an address (gold Zelenskyy -> Russian state,
        # Russia)
        ("zelenskyy-120", "The Russian state despises", "despises", "Zelensk", "Russia"),
        ("zelenskyy-138", "I am grateful to the Indonesians", "provoking", "Zelensk", "Russia"),
    ],
)
def test_a_wrongdoing_told_in_a_reported_clause_is_the_reporters_charge(
    name: str, sentence: str, trigger: str, source: str, accused: str
) -> None:
    # DECISIONS.md D11 (a speaker's explicit charge against an actor is ACCUSE by the speaker
    # against that actor), D73 (a readout's remark is the President's): "noted that Ukraine was
    # obstructing these measures" (gold Vladimir Putin -> Ukraine), "many Cuban Americans said
    # Castro is orchestrating the visit" (gold -> Fidel Castro)
    charges = [(s, t) for w, s, t in _charges(name, sentence) if w == trigger]
    assert charges, _charges(name, sentence)
    [(sources, targets)] = charges
    assert any(source in s for s in sources), sources
    assert any(accused in t for t in targets), targets


@pytest.mark.shared
def test_a_wrongdoing_of_a_noun_a_mention_qualifies_charges_its_side() -> None:
    # DECISIONS.md D11, D26, D73: "The President of Russia noted that Emmanuel Macron had not
    # mentioned in his address that the Ukrainian leadership had sabotaged the Minsk agreements"
    # (gold Vladimir Putin -> Ukraine): the actors stage names only "Ukrainian", the side of the
    # leadership that does the wrongdoing; Macron, who did not tell it, is no reporter
    charges = _charges("putin-365", "The President of Russia noted that Emmanuel")
    assert [(s, t) for w, s, t in charges if w == "sabotaged"] == [
        (["Vladimir Putin"], ["Ukraine"])
    ], charges


@pytest.mark.shared
@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("The state committing military crimes against civilians", "committing"),
        ("Buying Russian goods now is to pay money for murdering people.", "murdering"),
    ],
)
def test_a_crime_said_as_a_verb_in_an_address_accuses_its_doer(sentence: str, trigger: str) -> None:
    # DECISIONS.md D11 ("Russia is committing genocide" is ACCUSE by the speaker, the act its own
    # event), D26 (a charge word): gold Zelenskyy -> Russia in zelenskyy-597
    assert ["RUS"] in _accused("zelenskyy-597", trigger, sentence)


@pytest.mark.shared
def test_a_verdict_is_the_courts_charge_against_the_accused() -> None:
    # DECISIONS.md D8 (a conviction is ACCUSE, the court as source) and the PLOVER manual
    # (ACCUSE: "charge, both judicially and informally"): gold jury -> David Leslie Hickson
    [(_, source, target)] = _charges(
        "trnews-1090001", "It took the jury just under two hours to reach a verdict."
    )
    assert source and "jury" in source[0].lower()
    assert target == ["David Hickson"]


@pytest.mark.shared
def test_terrorism_is_a_charge_word() -> None:
    # DECISIONS.md D11 ("terrorist state"), D26 (charge words): gold Zelenskyy -> Russian state
    charges = _charges("zelenskyy-330", "But what they have already done is definitely")
    assert ("terrorism", ["Volodymyr Zelensky"], ["Russia"]) in charges


def _recipients(name: str, trigger: str, sentence: str) -> list[str]:
    """Names of the recipients of the event on ``trigger`` in the dev article's sentence that
    starts with ``sentence`` (the rules alone)."""
    event, actors = _event_on(name, trigger, sentence)
    return [actors[a].name for a in event.recipients]


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "trigger", "sentence", "hearers"),
    [
        # "Address by President Volodymyr Zelenskyy to the participants of the American Jewish
        # Committee Global Forum": an imperative and "I ask you" (gold American Jewish Committee)
        ("zelenskyy-57", "Help", "Help us speed up the supply", "American Jewish Committee"),
        ("zelenskyy-57", "ask", "But I ask you to redouble", "American Jewish Committee"),
        # "Address by the President of Ukraine to the Danish people ...": thanks and a request
        # to "you" (gold Danish people)
        ("zelenskyy-276", "grateful", "We are grateful to you.", "Danish people"),
        ("zelenskyy-276", "ask", "And I ask you, when you see", "Danish people"),
    ],
)
def test_a_request_or_thanks_to_you_in_an_address_goes_to_the_audience_its_title_names(
    name: str, trigger: str, sentence: str, hearers: str
) -> None:
    # DECISIONS.md D9 ("you" is the addressee), D76 and D100 (an address's imperatives are
    # REQUESTs to its hearers), D106 (an appeal naming no addressee takes the other party)
    assert any(hearers in r for r in _recipients(name, trigger, sentence))


@pytest.mark.shared
def test_a_demand_on_a_third_party_in_an_address_is_not_the_audiences() -> None:
    # "They still dream that freedom in Europe must disappear" (zelenskyy-276): no "you", no
    # imperative; the audience is not asked
    assert not any(
        "Danish" in r for r in _recipients("zelenskyy-276", "must", "They still dream that freedom")
    )


@pytest.mark.shared
@pytest.mark.parametrize(
    ("trigger", "sentence"),
    [
        ("asked", "Given the state of health of the citizen of Ukraine, the President also asked"),
        ("stressed", "Volodymyr Zelenskyy stressed the need to provide access"),
    ],
)
def test_a_request_naming_no_one_in_a_call_readout_goes_to_the_call_partner(
    trigger: str, sentence: str
) -> None:
    # "President of Ukraine had a phone conversation with the Prime Minister of Georgia"
    # (zelenskyy-927): DECISIONS.md D106, "an appeal with no named addressee in a call readout
    # takes the call partner" (gold Irakli Garibashvili, the Prime Minister of Georgia, whom
    # the headline's role now names: actors@1.8.96)
    assert any("Garibashvili" in r for r in _recipients("zelenskyy-927", trigger, sentence))


@pytest.mark.shared
def test_a_demand_in_an_address_is_not_on_a_meeting_it_mentions() -> None:
    # "The state must help." (zelenskyy-188, an address that mentions a call with Ursula von der
    # Leyen): an address is no readout of that call (D106 is for call readouts)
    assert not any(
        "Leyen" in r for r in _recipients("zelenskyy-188", "must", "The state must help.")
    )


@pytest.mark.shared
@pytest.mark.parametrize(
    ("trigger", "sentence"),
    [
        ("Defend", "Defend the cities."),
        ("Help", "Help each other!"),
        ("Support", "Support the defense!"),
    ],
)
def test_an_imperative_of_an_address_whose_title_names_no_audience_goes_to_the_nation(
    trigger: str, sentence: str
) -> None:
    # "Today, volunteers are all those who feel a free call to defend Ukraine - address by
    # President Volodymyr Zelenskyy" (zelenskyy-530): DECISIONS.md D76, "a wartime address's
    # imperatives to the nation ... are required REQUESTs" (gold target Ukrainians)
    assert "Ukraine" in _recipients("zelenskyy-530", trigger, sentence)


@pytest.mark.shared
def test_an_appeal_naming_no_one_in_an_address_goes_to_the_audience_its_title_names() -> None:
    # "We need powerful weapons for the offensive" (zelenskyy-57, "Address by President
    # Volodymyr Zelenskyy to the participants of the American Jewish Committee Global Forum"):
    # DECISIONS.md D106, an appeal with no named addressee takes the other party, here the
    # audience (gold American Jewish Committee); no "you" is said
    recipients = _recipients("zelenskyy-57", "need", "We need powerful weapons for the offensive")
    assert any("American Jewish Committee" in r for r in recipients)


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "trigger", "sentence"),
    [
        ("zelenskyy-15", "shelling", "In the Kharkiv region there is brutal and cynical Russian"),
        ("zelenskyy-138", "strikes", "There are missile strikes and aircraft attacks"),
    ],
)
def test_an_attack_of_the_address_attacker_naming_no_one_hit_is_on_the_speakers_country(
    name: str, trigger: str, sentence: str
) -> None:
    # DECISIONS.md D9 ("our cities", "our people" are the speaker's country), read with D41/D84
    # for the attacked side: gold target Ukraine in both
    assert "Ukraine" in _recipients(name, trigger, sentence)


@pytest.mark.shared
def test_a_foreign_actors_aid_in_an_address_naming_no_one_helped_goes_to_the_speakers_country() -> (
    None
):
    # "And I would like to draw your attention once again to the assistance from Luxembourg."
    # (zelenskyy-15): DECISIONS.md D9, the address's "us" is the speaker's country (gold Ukraine)
    sentence = "And I would like to draw your attention once again to the assistance from"
    assert "Ukraine" in _recipients("zelenskyy-15", "assistance", sentence)


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "trigger", "sentence", "leader"),
    [
        ("putin-415", "expressed", "Serious concerns were expressed", "Vladimir Putin"),
        ("zelenskyy-802", "noted", "The important role of the Congress", "Volodymyr Zelensky"),
    ],
)
def test_an_agentless_remark_in_a_readout_is_the_outlet_leaders(
    name: str, trigger: str, sentence: str, leader: str
) -> None:
    # "Serious concerns were expressed due to the quickly deteriorating situation" in a Kremlin
    # call readout: the President's remark (DECISIONS.md D73, D97, D128; gold Vladimir Putin and
    # Emmanuel Macron, and Volodymyr Zelenskyy for the Ukrainian readout)
    _, names = _parties(name, trigger, sentence)
    assert names == [leader]


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "trigger", "sentence", "party"),
    [
        ("putin-678", "adopted", "Following the talks, a joint statement", "Nguyen Xuan Phuc"),
        ("putin-238", "accepted", "The invitation was accepted", "Serdar"),
    ],
)
def test_a_thing_agreed_in_the_agentless_passive_is_the_meeting_parties(
    name: str, trigger: str, sentence: str, party: str
) -> None:
    # "Following the talks, a joint statement was adopted": the agreement of both leaders
    # (DECISIONS.md D4, D102's agentless "It was agreed"; gold Vladimir Putin and Nguyen Xuan
    # Phuc, and the invited guest Serdar Berdimuhamedov)
    _, names = _parties(name, trigger, sentence)
    assert "Vladimir Putin" in names
    assert any(party in n for n in names), names


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "trigger", "sentence"),
    [
        ("zelenskyy-47", "defending", "We are defending Donbas."),
        ("zelenskyy-614", "resist", "Ukrainians resist the aggression heroically."),
        ("zelenskyy-258", "defending", "Ukraine is defending itself against the onslaught"),
        # typed29: the first city of the list is tagged a person, the others are places
        ("zelenskyy-201", "defend", "We defend Zaporizhzhia, Mykolaiv, Odesa."),
    ],
)
def test_an_armed_defence_in_an_address_is_assault(name: str, trigger: str, sentence: str) -> None:
    """speech18, boundary.py "armed defence -> ASSAULT": defending ground or a polity, or
    resisting an attacker, is fighting (D118, D130, D136), not verbal SUPPORT or a REJECT."""
    event, _ = _event_on(name, trigger, sentence)
    assert event.type == "ASSAULT"


@pytest.mark.shared
def test_the_right_to_defend_itself_stays_support() -> None:
    """speech18: an infinitive ("has the right to defend itself") is no armed defence done."""
    events, _ = dev_sentence_events("zelenskyy-828", "For his part, Jens Stoltenberg noted")
    assert not [e for e in events if e.trigger.text == "defend" and e.type == "ASSAULT"]


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "trigger", "sentence", "audience"),
    [
        ("zelenskyy-281", "addressed", "I also addressed the Verkhovna Rada", "Verkhovna Rada"),
        ("zelenskyy-276", "Address", "Address by the President of Ukraine to the Danish", "Danish"),
        ("zelenskyy-607", "addressed", "President of Ukraine Volodymyr Zelenskyy", "Belarus"),
        ("zelenskyy-499", "Speech", "Speech by President of Ukraine Volodymyr", None),
    ],
)
def test_an_address_to_an_audience_is_consult(
    name: str, trigger: str, sentence: str, audience: str | None
) -> None:
    """visit19, coder._foreign_audience: speaking to a parliament, forum or people other than
    the speaker's own nation is CONSULT, speaker to audience (DECISIONS.md D30; D4 titles),
    whatever the audience's word ("the Verkhovna Rada", "the citizens of Belarus")."""
    event, actors = _event_on(name, trigger, sentence)
    assert event.type == "CONSULT"
    assert [a for a in event.actors] == ["volodymyr-zelensky"]
    if audience is not None:
        assert any(audience in actors[a].name for a in event.recipients)


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "sentence"),
    [
        ("zelenskyy-619", "Address by the President to Ukrainians"),
        ("zelenskyy-597", "Before addressing you, I signed a decree"),
        ("zelenskyy-281", "There was not a day when we did not address this issue"),
        ("zelenskyy-281", "Other such addresses are also planned."),
    ],
)
def test_an_address_to_ones_own_nation_or_to_no_one_is_no_meeting(name: str, sentence: str) -> None:
    """visit19: the nightly address to the speaker's own people, an issue addressed and an
    address with no audience are no CONSULT (D30 names a foreign audience)."""
    events, _ = dev_sentence_events(name, sentence)
    assert not [e for e in events if e.trigger.text.lower().startswith("address")]


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "sentence"),
    [
        ("zelenskyy-255", "Today I was in Borodyanka, Kyiv region."),
        ("zelenskyy-95", "I was in Zaporizhzhia, Zaporizhzhia region."),
        ("zelenskyy-95", "We were in Lysychansk, we were in Soledar."),
    ],
)
def test_the_speakers_told_presence_is_a_visit(name: str, sentence: str) -> None:
    """visit19, coder._told_presence: "I was in Borodyanka" tells the speaker's visit, a
    CONSULT with the visitor as source (DECISIONS.md D4, every mention of a visit; D73)."""
    events, _ = dev_sentence_events(name, sentence)
    visits = [e for e in events if e.trigger.text in {"was", "were"}]
    assert visits and all(e.type == "CONSULT" for e in visits)
    assert visits[0].actors == ("volodymyr-zelensky",)


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "sentence"),
    [
        ("putin-613", "In 2019, as Prime Minister, when I was in the Russian Federation"),
        ("zelenskyy-933", "As Head of the Security Service of Ukraine Ivan Bakanov explained"),
    ],
)
def test_presence_that_is_no_told_visit_codes_nothing(name: str, sentence: str) -> None:
    """visit19: "when I was in the Russian Federation on a visit" is the visit noun's event, and
    "only one was in Ukraine" (an aircraft, not the speaker) is no visit."""
    events, _ = dev_sentence_events(name, sentence)
    assert not [e for e in events if e.trigger.text in {"was", "were"}]


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "sentence", "partner"),
    [
        ("zelenskyy-15", "Slovakia. In a conversation", "Heger"),
        ("zelenskyy-15", "Next - Denmark.", "Denmark"),
        ("zelenskyy-574", "And with President of Poland Andrzej Duda.", "Andrzej Duda"),
        ("zelenskyy-555", "With Prime Minister of Luxembourg Bettel", "Emmanuel Macron"),
        ("zelenskyy-571", "The Prime Ministers of Albania, Bulgaria and Israel.", "Albania"),
    ],
)
def test_a_verbless_item_of_a_run_of_calls_is_a_call(
    name: str, sentence: str, partner: str
) -> None:
    """visit20, events/address.listed_call: after "a marathon of phone conversations" or "I
    spoke with ...", a country heading ("Slovakia.") or "With ... Bennett." is one more call of
    the address's speaker (DECISIONS.md D109, D119), a heading's partner the person the next
    sentence names ("In a conversation with Prime Minister Heger")."""
    events, actors = dev_sentence_events(name, sentence)
    first = sentence.split(". ")[0]
    calls = [e for e in events if e.evidence.text.startswith(first) and e.type == "CONSULT"]
    assert calls, [(e.type, e.trigger.text, e.evidence.text[:40]) for e in events]
    assert calls[0].actors == ("volodymyr-zelensky",)
    assert any(partner in actors[a].name for a in calls[0].recipients)


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "sentence"),
    [
        ("zelenskyy-499", "Dear Mr. Speaker, members of the Knesset."),
        ("zelenskyy-275", "Volunteer."),
        ("zelenskyy-596", "Freedom Square."),
        ("zelenskyy-574", "Mariupol and Volnovakha."),
        ("zelenskyy-574", "Free people of a free country!"),
    ],
)
def test_a_verbless_greeting_place_or_word_is_no_listed_call(name: str, sentence: str) -> None:
    """visit20: a salutation, a greeting, towns of the front and a word the tagger takes for a
    name are no call, though calls were announced a few sentences before."""
    events, _ = dev_sentence_events(name, sentence)
    assert not [e for e in events if e.evidence.text.startswith(sentence)]


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "sentence", "trigger"),
    [
        ("putin-741", "The situation in Mali was also raised by Emmanuel Macron.", "raised"),
        ("zelenskyy-964", "The main topic was energy security.", "topic"),
        ("putin-582", "A special focus was given to deliveries of Russian natural gas", "focus"),
        ("putin-272", "Ensuring the safe evacuation of civilians from combat zones", "considered"),
    ],
)
def test_a_readouts_topic_told_without_discussed_is_a_meeting(
    name: str, sentence: str, trigger: str
) -> None:
    """visit20, events/address.readout_topics: "X was raised", "was considered", "The main topic
    was" in a readout mention the meeting, a CONSULT (DECISIONS.md D73, D119), by its "by" agent
    or the meeting's parties."""
    events, _ = dev_sentence_events(name, sentence)
    found = [e for e in events if e.trigger.text == trigger and e.type == "CONSULT"]
    assert found and found[0].actors, [(e.type, e.trigger.text) for e in events]


@pytest.mark.shared
def test_a_topic_that_is_somethings_own_is_no_meeting() -> None:
    """visit20: "A major focus of International Women's Day is ..." names no meeting's topic."""
    events, _ = dev_sentence_events(
        "timebank-VOA19980305.1800.2603", "A major focus of International"
    )
    assert not [e for e in events if e.trigger.text == "focus"]


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "sentence", "trigger", "sources"),
    [
        ("putin-301", "Vladimir Putin and Emmanuel Macron also spoke about", "spoke", 2),
        ("zelenskyy-857", "The parties coordinated their positions", "coordinated", 1),
        ("zelenskyy-330", "We coordinated further steps", "coordinated", 1),
        ("putin-727", "We have spoken many times about your first steps", "spoken", 1),
    ],
)
def test_talk_between_two_sides_is_their_meeting(
    name: str, sentence: str, trigger: str, sources: int
) -> None:
    """spoke21, coder._joint_talk: "X and Y spoke about", "the parties/we coordinated" is the
    meeting's CONSULT with the sides as source, target [] (DECISIONS.md D4, D30)."""
    events, _ = dev_sentence_events(name, sentence)
    found = [e for e in events if e.trigger.text == trigger and e.type == "CONSULT"]
    assert found, [(e.type, e.trigger.text) for e in events]
    assert len(found[0].actors) >= sources and not found[0].recipients


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "sentence", "reporter", "hearer"),
    [
        ("zelenskyy-933", "Also the National Security and Defense Council heard a report", "Minister", "Council"),
        ("zelenskyy-933", "The National Security and Defense Council also heard a report", "Bakanov", "Council"),
        ("zelenskyy-255", "I also heard a report from the Minister of Finance", "Minister of Finance", "Zelensk"),
    ],
)  # fmt: skip
def test_a_heard_report_is_a_meeting_with_the_reporter(
    name: str, sentence: str, reporter: str, hearer: str
) -> None:
    """spoke21: "heard a report by/from the Minister" is a meeting with the minister, the
    reporter its source and the hearer its target (DECISIONS.md D30, D73)."""
    events, actors = dev_sentence_events(name, sentence)
    found = [e for e in events if e.trigger.text == "heard" and e.type == "CONSULT"]
    assert found, [(e.type, e.trigger.text) for e in events]
    assert any(reporter.lower() in actors[a].name.lower() for a in found[0].actors)
    assert any(hearer.lower() in actors[a].name.lower() for a in found[0].recipients)


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "sentence", "trigger"),
    [
        ("putin-317", "Vladimir Putin spoke about the reasons for", "spoke"),
        ("GUM_news_clock", "Psychology major at University of Texas Arlington", "heard"),
    ],
)
def test_one_sides_talk_or_hearing_is_no_meeting(name: str, sentence: str, trigger: str) -> None:
    """spoke21: one speaker's "spoke about" with no partner is a statement, and "heard of the
    incident" no report heard."""
    events, _ = dev_sentence_events(name, sentence)
    assert not [e for e in events if e.trigger.text == trigger and e.type == "CONSULT"]


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "trigger", "sentence"),
    [
        ("zelenskyy-550", "rescued", "In total, about 35,000 people were rescued."),
        ("zelenskyy-489", "rescued", "Despite all the difficulties, 7,026 Mariupol residents"),
        ("zelenskyy-291", "evacuated", "More than a hundred civilians have already been"),
        ("zelenskyy-489", "shot", "Russian planes were shot down again."),
    ],
)
def test_an_agentless_rescue_or_downing_in_an_address_is_the_speakers_side(
    name: str, trigger: str, sentence: str
) -> None:
    # DECISIONS.md D42 (rescues and evacuations of people by the speaker's side) and D39 (shooting
    # down the attacker's planes is the defence's ASSAULT): gold gives Ukraine or its armed forces
    countries, _ = _parties(name, trigger, sentence)
    assert countries == ["UKR"]


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "trigger", "sentence"),
    [
        ("zelenskyy-330", "deportation", "The facts of deportation of our citizens"),
        ("zelenskyy-120", "deporting", "Russia is also pursuing a consistent criminal policy"),
        ("zelenskyy-489", "taken", "SES employees and bus drivers were taken prisoner."),
    ],
)
def test_an_agentless_coercion_in_an_address_is_the_address_attackers(
    name: str, trigger: str, sentence: str
) -> None:
    """coerce27: deporting or taking the speaker's people told with no doer is the address's
    attacker's, as its agentless attacks are (D41, D84; D92: deportations are COERCE; gold
    Russia or the occupiers)."""
    countries, _ = _parties(name, trigger, sentence)
    assert "RUS" in countries


@pytest.mark.shared
@pytest.mark.parametrize(
    ("trigger", "sentence"),
    [("strike", "A cruise missile strike."), ("struck", "After the cruise missile that struck")],
)
def test_an_address_naming_its_attacker_only_by_charges_lends_it_to_its_attacks(
    trigger: str, sentence: str
) -> None:
    """coerce27: none of zelenskyy-596's attacks names its attacker, but its charges do ("Russia
    is a terrorist state"): the accused is the attacker of its agentless strikes (gold Russia)."""
    countries, _ = _parties("zelenskyy-596", trigger, sentence)
    assert "RUS" in countries


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "trigger", "sentence", "parties"),
    [
        (
            "putin-117",
            "commitment",
            "The existing level of strategic partnership",
            {"Vladimir Putin", "Mohammed bin Zayed Al Nahyan"},
        ),
        (
            "putin-64",
            "work",
            "While discussing the implementation",
            {"Vladimir Putin", "Nikol Pashinyan"},
        ),
    ],
)
def test_a_joint_act_under_an_agentless_remark_in_a_readout_is_both_parties(
    name: str, trigger: str, sentence: str, parties: set[str]
) -> None:
    """coerce27: "mutual commitment ... was expressed", "it was noted that it was important to
    step up joint work": both parties of the readout's call (D97, D102, D108)."""
    _, names = _parties(name, trigger, sentence)
    assert parties <= set(names)


@pytest.mark.shared
@pytest.mark.parametrize(
    ("trigger", "sentence"),
    [("taken", "In addition, over 6,000 foreign"), ("wounded", "Some students were wounded.")],
)
def test_an_agentless_attack_in_a_readout_is_the_readouts_attacker(
    trigger: str, sentence: str
) -> None:
    """coerce27: a press office's release tells the war as its head of state's side does, so
    its agentless attacks take the attacker its other attacks name (putin-359: "have essentially
    been taken hostage", "Some students were wounded"; gold the Ukrainian radicals, neo-Nazis)."""
    countries, _ = _parties("putin-359", trigger, sentence)
    assert "UKR" in countries
