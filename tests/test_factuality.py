"""Factuality: negation, modality, conditionals, future, reported and claimed, request content."""

from __future__ import annotations

import pytest

from dateline.events.factuality import read_factuality

CASES = [
    ("Russia attacked Ukraine.", "attacked", "asserted"),
    ("Russia did not attack Ukraine.", "attack", "negated"),
    ("Russia never attacked Ukraine.", "attacked", "negated"),
    ("But Putin does not appear inclined to order his forces to be merciful.", "order", "negated"),
    ("The war could finally come to an end.", "come", "hypothetical"),
    ("If Russia attacks, NATO will respond.", "attacks", "hypothetical"),
    ("Russia might attack Ukraine.", "attack", "hypothetical"),
    ("Russia will attack Ukraine.", "attack", "future"),
    ("Russia plans to attack Ukraine.", "attack", "future"),
    ("Russia is going to attack Ukraine.", "attack", "future"),
    ("Russia is expected to attack Ukraine.", "attack", "future"),
    ("Russia reportedly attacked Ukraine.", "attacked", "reported"),
    ("Russia allegedly attacked Ukraine.", "attacked", "reported"),
    ("Zelensky said Russia attacked Ukraine.", "attacked", "reported"),
    ("Moscow claimed that its forces encircled the town.", "encircled", "claimed"),
    ("Russian forces attempted to encircle the town.", "encircle", "asserted"),
    # issue 11: factuality as the text states it
    (
        "Russia continues to kill our people, and the sanctions will not be enough.",
        "kill",
        "asserted",
    ),
    ("Not the first shelling of the monastery.", "shelling", "asserted"),  # negates "the first"
    ("I would like to thank you for your hospitality.", "thank", "asserted"),  # performed
    # "would like to" performs only speech acts; any other act is wished (dev putin-339)
    ("Today, I would like to discuss three matters.", "discuss", "future"),
    # a nominal event under an aspectual verb or a present plan (dev putin-237, zelenskyy-528)
    ("Active Russian-Armenian contacts will continue at different levels.", "contacts", "future"),
    ("Evacuation from Sumy to Poltava is planned for March 15.", "Evacuation", "future"),
    ("The attack was planned by a group of four men.", "attack", "asserted"),  # a past plan
    # a plan noun's infinitive is planned (dev timebank CNN19980213)
    ("Albright and Cohen announced plans to travel to an unnamed city.", "travel", "future"),
    # what the performed thanks are for was done (dev putin-432)
    ("I want to thank you for pardoning a Brazilian national last year.", "pardoning", "asserted"),
    ("We have a chance to discuss our bilateral relations.", "discuss", "asserted"),  # under way
    ("They will have a chance to discuss the treaty.", "discuss", "hypothetical"),
    ("He plotted to attack a police station.", "attack", "future"),
    ("He thanked them for the preparation of a package of aid.", "aid", "future"),
    ("We will begin our withdrawal today.", "withdrawal", "future"),
    ("You will remember that we signed an agreement in 1992.", "signed", "asserted"),  # factive
    # plans and arrangements (dev GUM_news_clock, trnews-1020008, trnews-1070002)
    ("On Wednesday, the ministers are to travel to Geneva.", "travel", "future"),
    ("The union called a planned 48-hour strike at UK airports.", "strike", "future"),
    ("A second town hall for residents will take place on Dec. 14.", "hall", "future"),
    ("The town hall took place on Tuesday.", "hall", "asserted"),
    ("The main goal of the sanctions is to stop the war.", "stop", "asserted"),  # a purpose
    # local30: a reason clause is asserted though its main clause is negated (dev trnews-1100004,
    # zelenskyy-560)
    (
        "Gentry wasn't in his building Tuesday night, because he's in the Barren County "
        "Detention Center, arrested in March for a murder for hire plot.",
        "arrested",
        "asserted",
    ),
    (
        "We cannot give the advantage only to the Russian Federation, because it bombs us, "
        "shoots us, throws bombs, launches missiles.",
        "bombs",
        "asserted",
    ),
]


@pytest.mark.parametrize(("text", "word", "expected"), CASES)
def test_reading(nlp, text: str, word: str, expected: str) -> None:
    token = next(t for t in nlp(text) if t.text == word)
    assert read_factuality(token).factuality == expected


def test_content_of_a_request_is_hypothetical(nlp) -> None:
    doc = nlp("Trump asked Putin to order his troops not to commit a massacre.")
    commit = next(t for t in doc if t.text == "commit")
    assert read_factuality(commit, content_of="REQUEST").factuality in {"hypothetical", "negated"}
    attack = nlp("Trump asked Putin to spare Ukrainian lives.")
    spare = next(t for t in attack if t.text == "spare")
    assert read_factuality(spare, content_of="REQUEST").factuality == "hypothetical"


def test_future_intention_is_marked_as_the_actors_own(nlp) -> None:
    will = next(t for t in nlp("Russia will withdraw its troops.") if t.text == "withdraw")
    expected = next(
        t for t in nlp("Russia is expected to withdraw its troops.") if t.text == "withdraw"
    )
    assert read_factuality(will).intended
    assert not read_factuality(expected).intended


def test_nominal_event_is_presupposed_not_modal(nlp) -> None:
    doc = nlp("The war Putin started could finally come to an end.")
    war = next(t for t in doc if t.text == "war")
    assert read_factuality(war).factuality == "asserted"
