"""Events: requests voiced as hopes, expectations and needs, with their addressee (events/rules.py's
hope rules, events/coder.py's semi-modals; records DECISIONS.md D22, D97, D115; issue 11), on real
dev articles (text from ../shared)."""

from __future__ import annotations

import pytest

from conftest import dev_sentence_events


def _requests(name: str, trigger: str, sentence: str) -> list[list[str]]:
    """The recipients' names of each REQUEST on ``trigger`` in the dev article's sentence that
    starts with ``sentence`` (the rules alone)."""
    events, actors = dev_sentence_events(name, sentence)
    return [
        [actors[a].name for a in e.recipients]
        for e in events
        if e.type == "REQUEST" and e.trigger.text == trigger
    ]


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "trigger", "sentence", "asked"),
    [
        # D97: "Hopes addressed to a named actor ... are required REQUESTs" (gold Germany, Hungary)
        ("zelenskyy-612", "hope", "I hope that Germany and Hungary", "Germany"),
        # an expectation of a named actor asks it (gold United States)
        ("zelenskyy-214", "expect", "We expect the United States to adopt", "United States"),
        # "expect ... from X": X is asked (gold the Minister of Education, the Government)
        ("zelenskyy-188", "expect", "Therefore, I expect relevant decisions", "minister"),
        # "need to" demands as "must" does (D6, D22), of the clause's named subject (gold partners)
        ("zelenskyy-214", "need", "Partners need to make decisions", "partners"),
        # a wire quote's "need to" asks its subject (gold Americans, Africans)
        ("timebank-XIE19980812.0062", "need", '"Americans and Africans need', "Americans"),
        # an address's title quotes its speaker, named after the dash (D9): his demand on the
        # clause's subject (gold Zelenskyy -> Europeans)
        ("zelenskyy-550", "must", "Europeans must tighten sanctions", "Europeans"),
    ],
)
def test_a_hope_or_expectation_of_a_named_actor_asks_it(
    name: str, trigger: str, sentence: str, asked: str
) -> None:
    found = _requests(name, trigger, sentence)
    assert found, f"no REQUEST on {trigger!r}"
    assert any(asked.lower() in r.lower() for r in found[0]), found


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "trigger", "sentence"),
    [
        # a narrated hope of the past with no one asked ("there would be"): no event in gold
        ("zelenskyy-276", "hoped", "They hoped that there would be no more feeling"),
        # a hope with no other doer ("hoped to forget"): no event in gold
        ("zelenskyy-276", "hoped", "They hoped to forget forever"),
        # a participle adjunct tells the deporters' motive, no hope voiced (no event in gold)
        ("zelenskyy-330", "hoping", "They also deport children hoping"),
        # a quoted fragment "Hoping that the movement translates ...": no one asked (gold none)
        ("GUM_news_clock", "Hoping", "American academic and professor Marc Lamont Hill"),
        # "do not need to" lifts an obligation: no demand (no event in gold)
        ("zelenskyy-530", "need", "Ukrainians do not need to be encouraged"),
        # the requests expected from local authorities are the expectation's one act (D28: the
        # gold's REQUEST is on "expect")
        ("zelenskyy-310", "requests", "I stressed that we expect specific requests"),
    ],
)
def test_a_hope_naming_no_one_asked_is_no_request(name: str, trigger: str, sentence: str) -> None:
    assert _requests(name, trigger, sentence) == []


@pytest.mark.shared
def test_a_hope_voiced_in_a_readout_asks_whom_its_clause_names() -> None:
    # "The hope was expressed that representatives of Kiev will take a reasonable and
    # constructive position": D97, D115 (gold Putin, Scholz -> representatives of Kiev)
    found = _requests("putin-359", "expressed", "The hope was expressed that representatives")
    assert found, "no REQUEST on 'expressed'"
    assert any("ukrain" in r.lower() or "kiev" in r.lower() for r in found[0]), found


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "trigger", "sentence"),
    [
        # an address's imperative on a verb with no lexicon row is a REQUEST all the same (D76;
        # gold REQUEST by Zelenskyy to the audience)
        ("zelenskyy-1", "Spread", "Spread the truth about Russia's war!"),
        ("zelenskyy-330", "follow", "Please follow this rule."),
        ("zelenskyy-614", "Remove", "Remove special signs that saboteurs leave"),
    ],
)
def test_an_imperative_on_a_verb_with_no_lexicon_row_is_a_request(
    name: str, trigger: str, sentence: str
) -> None:
    assert _requests(name, trigger, sentence), f"no REQUEST on {trigger!r}"


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "trigger", "sentence"),
    [
        # an imperative of perception or belief asks no act (no event in gold)
        ("zelenskyy-0", "Imagine", "Imagine conquering Everest."),
        ("zelenskyy-555", "Believe", "Believe it."),
    ],
)
def test_an_imperative_of_perception_or_belief_is_no_request(
    name: str, trigger: str, sentence: str
) -> None:
    assert not _requests(name, trigger, sentence)


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "trigger", "sentence"),
    [
        # a demand under saying whose subject names no actor asks no one in particular (D90,
        # D100: target []; gold Enver Solomon -> [])
        ("GUM_news_questionnaire", "must", "After the leak, CEO of the Refugee Council"),
        # the content clause of a noun: "the President's remark that no residential buildings
        # should be constructed" (gold REQUEST by Putin, target [])
        ("putin-767", "should", "The Governor added that he agreed with the President's remark"),
        # a main clause the small parser hangs under "otherwise ..." as an adverbial clause
        # (gold Zelenskyy -> NATO, EU)
        ("zelenskyy-584", "must", "According to him, alliances of states such as NATO"),
    ],
)
def test_a_modal_demand_with_no_named_addressee_or_in_a_noun_clause_is_a_request(
    name: str, trigger: str, sentence: str
) -> None:
    assert _requests(name, trigger, sentence), f"no REQUEST on {trigger!r}"


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "trigger", "sentence"),
    [
        # a relative clause tells what is to be said, asks nothing (no event in gold)
        ("zelenskyy-229", "should", "And there is one more thing that should be said separately."),
        # an adverbial clause opened by "because" gives a reason (no event in gold)
        ("putin-339", "should", "And lastly, Life-Long Support is for children with disabilities"),
    ],
)
def test_a_modal_in_a_relative_or_reason_clause_is_no_request(
    name: str, trigger: str, sentence: str
) -> None:
    assert not _requests(name, trigger, sentence)


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "trigger", "sentence", "asked"),
    [
        # "could" with more to do suggests it of the subject (gold Zelenskyy -> Joseph Biden)
        ("zelenskyy-560", "could", "Volodymyr Zelenskyy noted that the US President", "biden"),
        # "you can use even more": of the address's hearers (gold American Jewish Committee)
        ("zelenskyy-57", "can", "But you can use even more of your influence.", "jewish committee"),
    ],
)
def test_could_do_more_of_another_actor_is_a_request_of_it(
    name: str, trigger: str, sentence: str, asked: str
) -> None:
    found = _requests(name, trigger, sentence)
    assert found, f"no REQUEST on {trigger!r}"
    assert any(asked in r.lower() for r in found[0]), found


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "trigger", "sentence"),
    [
        # a comparison tells an ability, asks nothing (no event in gold)
        ("zelenskyy-555", "could", "And it turned out that the island could do more"),
        # ability with no "more" (no event in gold)
        ("zelenskyy-597", "can", "The state committing military crimes against civilians"),
    ],
)
def test_could_without_more_to_do_is_no_request(name: str, trigger: str, sentence: str) -> None:
    assert not _requests(name, trigger, sentence)


@pytest.mark.shared
def test_a_demand_in_a_nouns_content_clause_is_the_nouns_owners() -> None:
    # "the President's remark that no residential buildings should be constructed": Putin's
    # demand, not the Governor's who agreed with it (gold Vladimir Putin -> [])
    events, actors = dev_sentence_events(
        "putin-767", "The Governor added that he agreed with the President's remark"
    )
    sources = [[actors[a].name for a in e.actors] for e in events if e.trigger.text == "should"]
    assert sources == [["Vladimir Putin"]], sources
