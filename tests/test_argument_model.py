"""The learned choice of a missing target (events/argument_model.py, issue 11): what it fills
and what it leaves empty on real dev articles, its features, and a deterministic training."""

from __future__ import annotations

import importlib.util
import json

import pytest

from conftest import ROOT, shared_path
from dateline.config import PipelineConfig
from dateline.events import argument_model as am

DEV = ROOT / "eval" / "records" / "dev"


def _extract(name: str, *, learned: bool = True):
    """The extraction of a dev article (text from ../shared), with the model on or off."""
    from dateline.eval.records import _article
    from dateline.eval.records_gold import read_gold_file
    from dateline.pipeline import Pipeline

    gold = read_gold_file(DEV / f"{name}.json", texts=shared_path())
    options = {} if learned else {"stage_options": {"events": {"learned_arguments": False}}}
    return Pipeline(PipelineConfig(**options))(_article(gold))


def _event(extraction, trigger: str, start: int):
    found = [e for e in extraction.events if e.trigger.text == trigger and e.trigger.start == start]
    assert found, [(e.trigger.text, e.trigger.start) for e in extraction.events]
    return found[0]


@pytest.mark.shared
def test_an_embargo_kept_on_cuba_by_the_united_states_is_against_cuba() -> None:
    # "It is the US economic and political embargo which has kept Cuba in a box.": the rules
    # find the United States and no target; Cuba, the relative clause's object, is the target
    name = "timebank-ABC19980120.1830.0957"
    before = _event(_extract(name, learned=False), "embargo", 810)
    assert before.recipients == ()
    extraction = _extract(name)
    event = _event(extraction, "embargo", 810)
    names = {a.id: a.name for a in extraction.actors}
    assert [names[r] for r in event.recipients] == ["Cuba"]
    assert "learned target p=" in (event.rule or "")
    assert event.recipient_spans and event.recipient_spans[0].text == "Cuba"


@pytest.mark.shared
@pytest.mark.xfail(
    strict=True,
    reason="argmodel2 retrained on the 273-article dev (round 15) leaves this target empty: its "
    "best candidate falls under the 0.4 threshold; a known regression on this sentence",
)
def test_not_tolerating_totalitarian_rule_in_the_backyard_threatens_cuba() -> None:
    # "For nearly forty years, the United States has said categorically it would not tolerate
    # totalitarian rule in its own backyard.": the rules find no target, argmodel1 left it empty;
    # Cuba, named in the sentence before, is the one threatened (argmodel2)
    extraction = _extract("timebank-ABC19980120.1830.0957")
    event = _event(extraction, "tolerate", 726)
    names = {a.id: a.name for a in extraction.actors}
    assert event.type == "THREATEN"
    assert [names[r] for r in event.recipients] == ["Cuba"]
    assert "learned target p=" in (event.rule or "")


@pytest.mark.shared
def test_gratitude_in_a_turn_goes_to_its_addressee() -> None:
    # "Please accept my gratitude for this on behalf of all the families.": said to the
    # President in a transcript turn; argmodel1 left the thanks without a target
    extraction = _extract("putin-339")
    event = _event(extraction, "gratitude", 3407)
    names = {a.id: a.name for a in extraction.actors}
    assert event.type == "SUPPORT"
    assert [names[r] for r in event.recipients] == ["Vladimir Putin"]


@pytest.mark.shared
def test_a_charge_about_a_deed_takes_no_learned_victim_for_its_target() -> None:
    # '"This is a new act of aggression against Ukraine ..."' and '"We condemn all military and
    # hybrid actions against Ukraine,"': the charges are against the deed's doer (records
    # DECISIONS.md D11); Ukraine, whom the deed was done to, is no candidate of the ranker
    extraction = _extract("zelenskyy-641")
    text = extraction.article.text
    names = {a.id: a.name for a in extraction.actors}
    for sentence, trigger in (
        ('"This is a new act of aggression against Ukraine', "aggression"),
        ("We condemn all military and hybrid actions against Ukraine", "condemn"),
    ):
        start = text.index(sentence) + sentence.index(trigger)
        event = _event(extraction, trigger, start)
        assert event.type == "ACCUSE"
        assert "Ukraine" not in [names[r] for r in event.recipients], event.rule


@pytest.mark.shared
def test_a_ban_the_president_introduced_takes_him_for_its_source() -> None:
    # "The President also introduced a provisional ban on carrying out certain transactions":
    # the rules find no actor for the ban; the learned source (argmodel2) takes the President
    name = "putin-304"
    before = _event(_extract(name, learned=False), "ban", 1370)
    assert before.actors == ()
    extraction = _extract(name)
    event = _event(extraction, "ban", 1370)
    names = {a.id: a.name for a in extraction.actors}
    assert [names[a] for a in event.actors] == ["Vladimir Putin"]
    assert "learned source p=" in (event.rule or "")
    assert event.actor_spans


@pytest.mark.shared
def test_an_amber_alert_issued_by_police_is_left_without_a_target() -> None:
    # "The amber alert was issued hours later": an appeal to the public, no one's target
    extraction = _extract("trnews-1330001")
    event = _event(extraction, "issued", 420)
    assert event.type == "REQUEST"
    assert event.recipients == ()
    assert "learned" not in (event.rule or "")


def test_the_events_stage_names_the_model_and_can_run_the_rules_alone() -> None:
    from dateline.stages.events import EventsStage

    on = EventsStage(PipelineConfig())
    off = EventsStage(PipelineConfig(stage_options={"events": {"learned_arguments": False}}))
    assert f"+{am.load_model().version}" in on.version
    assert off.arguments is None and off.version != on.version


def test_the_weights_hold_no_word_of_the_training_texts() -> None:
    """Every feature is one of the model's own labels, a tag, or a row or rule name of the
    project's own lexicon (the texts' licences differ: no article word may be in the weights)."""
    model = am.load_model()
    kinds = {
        "type", "tpos", "tdep", "fact", "other_side", "reported", "title", "ncand", "mode",
        "row", "rule", "kind", "sector", "asource", "count", "inwin", "src_country", "sent",
        "mkind", "rank", "cdep", "side", "tokdist", "up", "down", "path", "undergoes_near",
        "acts_near", "spk_country",
    }  # fmt: skip
    flags = {"most_mentioned", "counterpart", "meeting_party", "speaker", "addressee",
             "reporter", "subject", "cand_title"}  # fmt: skip
    for weights in model.weights.values():
        for feature in weights:
            # "~" joins a conjunction's parts, each a kind "x=..." or a flag (a lexicon row's
            # "&" is a word class of the row: "row=verb 'launch &weapon'")
            for part in feature.split("~"):
                assert part in flags or part.split("=", 1)[0] in kinds, feature


@pytest.mark.shared
def test_training_is_deterministic() -> None:
    if importlib.util.find_spec("sklearn") is None:
        pytest.skip("needs scikit-learn (a dev dependency)")
    texts = shared_path()
    spec = importlib.util.spec_from_file_location(
        "train_argument_model", ROOT / "scripts" / "train_argument_model.py"
    )
    assert spec is not None and spec.loader is not None
    train = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train)
    from dateline.eval.records_gold import read_gold

    golds = read_gold(
        [DEV / f"{n}.json" for n in ("trnews-1020015", "trnews-1030001")], texts=texts
    )
    docs = train.run_rules(golds)
    every = set(range(len(golds)))
    redone = train.run_rules(golds)
    for role in train.ROLES.split(","):
        rows = train.training_rows(golds, docs, role, am.WINDOW, every)
        again = train.training_rows(golds, redone, role, am.WINDOW, every)
        assert rows == again and any(label for _, label in rows), role
        assert json.dumps(train.fit(rows, train.C)) == json.dumps(train.fit(again, train.C))


def test_the_shipped_weights_say_how_they_were_trained() -> None:
    from importlib import resources

    data = json.loads(resources.files("dateline.data").joinpath(am.WEIGHTS_FILE).read_text())
    training = data["training"]
    assert training["split"] == "eval/records/dev"
    assert len(training["target"]["sha256"]) == 64
    assert set(data["roles"]) == {"target", "source"}
    assert data["version"] == am.load_model().version == "argmodel2"
