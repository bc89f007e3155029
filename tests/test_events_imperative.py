"""Events: an imperative in a speaker's own words is the speaker's REQUEST (events/coder.py,
records DECISIONS.md D76, D100; issue 11), on real dev articles (text from ../shared)."""

from __future__ import annotations

import pytest

from conftest import ROOT, shared_path
from dateline.config import PipelineConfig

DEV = ROOT / "eval" / "records" / "dev"
#: the rules alone: the trained target ranker and event filter (retrained at merge) left out
RULES_ONLY = {"stage_options": {"events": {"learned_arguments": False, "filter": False}}}


def _events(name: str, sentence: str) -> list[tuple[str, str, list[str], list[str]]]:
    """(type, trigger, actor names, recipient names) of the events in the dev article's
    sentence that starts with ``sentence``."""
    from dateline.eval.records import _article
    from dateline.eval.records_gold import read_gold_file
    from dateline.pipeline import Pipeline

    gold = read_gold_file(DEV / f"{name}.json", texts=shared_path())
    extraction = Pipeline(PipelineConfig(**RULES_ONLY))(_article(gold))
    start = gold.text.index(sentence)
    names = {a.id: a.name for a in extraction.actors}
    return [
        (e.type, e.trigger.text, [names[a] for a in e.actors], [names[a] for a in e.recipients])
        for e in extraction.events
        if e.evidence.start <= start < e.evidence.end
    ]


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "trigger", "sentence"),
    [
        # a lexicon verb coded as its own act before (AID)
        ("zelenskyy-57", "Help", "Help us speed up the supply of weapons"),
        # a lexicon verb whose rows all name an object this one lacks ("close embassy")
        ("zelenskyy-569", "Close", "Close it for all Russian missiles"),
        # a verb the coder passed over ("tell" without an infinitive)
        ("putin-339", "tell", "Vladimir Putin: Just tell me what they are"),
        # imper28: a lexicon verb ordering its act for or at someone (a prepositional
        # complement counted as none before)
        ("zelenskyy-59", "Fight", "Fight for Ukraine because Ukraine is fighting"),
        ("zelenskyy-489", "strike", "And strike hard at all Russian figures"),
        # imper28: an order to a called-on audience (the parser's subject is a vocative)
        ("zelenskyy-497", "hold", "Kherson, hold on!"),
        ("zelenskyy-612", "hold", "Our military, national guards, national police"),
        ("zelenskyy-614", "stop", "Everyone who has already joined the country's defense"),
        # imper31: a negated imperative (its "do" counted as a subject's auxiliary before), and
        # a negated "let", which forbids the hearers to let something be (no hortative)
        ("zelenskyy-571", "miss", "Don't miss this opportunity."),
        ("zelenskyy-19", "let", "Don't let the world switch to something else!"),
        # imper31: a copula's imperative with its complement (spaCy's AUX passed over before)
        ("zelenskyy-340", "Be", "Be careful."),
        ("zelenskyy-258", "Be", "Be sure to comply with the ban on visiting forests"),
        # imper31: a title's imperative, the speaker named by the title as the address's (the
        # voice opening in the title was passed over before)
        ("zelenskyy-497", "Drive", "Drive the occupiers out, drive these slaves out:"),
    ],
)
def test_an_imperative_in_a_speakers_words_is_a_request(
    name: str, trigger: str, sentence: str
) -> None:
    # D76: "a wartime address's imperatives to the nation ('Help them', 'Stop the enemy') are
    # required REQUESTs"; the gold has REQUEST from the speaker on each of these
    found = _events(name, sentence)
    requests = [e for e in found if e[0] == "REQUEST" and e[1] == trigger]
    assert requests, found
    assert requests[0][2], found  # the speaker asks


@pytest.mark.shared
def test_a_transcripts_imperative_asks_the_other_party_of_the_turn() -> None:
    # putin-339: "Just tell me what they are": gold REQUEST Vladimir Putin -> Maria Lvova-Belova
    found = _events("putin-339", "Vladimir Putin: Just tell me what they are")
    requests = [e for e in found if e[0] == "REQUEST" and e[1] == "tell"]
    assert requests and any("Lvova-Belova" in r for r in requests[0][3]), found


@pytest.mark.shared
def test_a_bare_verb_with_nothing_to_do_is_no_request() -> None:
    # putin-142: "Go ahead, please." gives the floor; the gold has no event
    found = _events("putin-142", "Go ahead, please.")
    assert not [e for e in found if e[0] == "REQUEST" and e[1] == "Go"], found
