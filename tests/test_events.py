"""Events stage: PLOVER types, argument rules and boundary rules on hand-written sentences,
and the seed article's must / must_not events."""

from __future__ import annotations

import pytest

from conftest import make_document

STAGES = ("segment", "actors", "events")


def events(text: str):
    doc = make_document(text, stages=STAGES)
    names = {a.id: a.name for a in doc.extraction.actors}
    return [
        (
            e.type,
            e.mode,
            tuple(sorted(names.get(a, a) for a in e.actors)),
            tuple(sorted(names.get(r, r) for r in e.recipients)),
            e.factuality,
            e.trigger.text,
        )
        for e in doc.extraction.events
    ], doc


def find(found, event_type: str, trigger: str):
    hits = [e for e in found if e[0] == event_type and e[5] == trigger]
    assert hits, f"no {event_type} on {trigger!r} in {found}"
    return hits[0]


def test_active_voice_actor_and_recipient() -> None:
    found, _ = events("Ukraine accused Russia of war crimes on Tuesday.")
    event = find(found, "ACCUSE", "accused")
    assert event[2] == ("Ukraine",) and event[3] == ("Russia",) and event[4] == "asserted"


def test_passive_voice_by_agent_is_the_actor() -> None:
    found, _ = events("Ukrainian soldiers were attacked by Russian forces near Sudzha.")
    event = find(found, "ASSAULT", "attacked")
    assert event[2] == ("Russian forces",)
    assert event[3] == ("Ukrainian forces",)


def test_passive_agent_the_parser_hung_on_a_noun_is_the_actor() -> None:
    # the parser reads "at the sites by the Ministry": the "by" still names who banned
    text = "The sect was banned from holding rallies at the sites by the Interior Ministry."
    found, _ = events(text)
    assert find(found, "COERCE", "banned")[2], found
    # a "by" inside a clause with its own subject is that clause's
    found, _ = events("The sect was banned after a report that the newspaper wrote by Reuters.")
    assert not find(found, "COERCE", "banned")[2], found


def test_passive_without_agent_is_kept_without_an_actor() -> None:
    found, doc = events("Ukrainian soldiers were attacked near Sudzha.")
    event = find(found, "ASSAULT", "attacked")
    assert event[2] == () and event[3] == ("Ukrainian forces",)
    record = next(e for e in doc.extraction.events if e.trigger.text == "attacked")
    assert record.confidence <= 0.5  # the text names nobody: a lower confidence says so


def test_conjoined_actors_meet_as_one_event() -> None:
    found, _ = events("Emmanuel Macron and Olaf Scholz met in Paris on Monday.")
    event = find(found, "CONSULT", "met")
    assert len(event[2]) == 2 and event[3] == ()


def test_talks_between_two_parties() -> None:
    found, _ = events("Talks between Russia and Ukraine resumed in Istanbul.")
    event = find(found, "CONSULT", "Talks")
    assert set(event[2]) == {"Russia", "Ukraine"}


def test_light_verb_held_talks_takes_the_subject_and_with() -> None:
    found, _ = events("Vladimir Putin held talks with Xi Jinping in Moscow.")
    event = find(found, "CONSULT", "talks")
    assert event[2] == ("Vladimir Putin",) and event[3] == ("Xi Jinping",)


def test_nominal_trigger_possessor_and_on() -> None:
    found, _ = events("Russia's attack on Ukraine was condemned by the United Nations.")
    event = find(found, "ASSAULT", "attack")
    assert event[2] == ("Russia",) and event[3] == ("Ukraine",)
    assert find(found, "ACCUSE", "condemned")[2] == ("United Nations",)


def test_prepositional_recipient_and_phone_mode() -> None:
    found, _ = events("Donald Trump spoke to Vladimir Putin by phone.")
    event = find(found, "CONSULT", "spoke")
    assert event[1] == "phone" and event[3] == ("Vladimir Putin",)


def test_future_cooperation_is_agree() -> None:
    found, _ = events("Recep Tayyip Erdogan will meet Emmanuel Macron in Rome next week.")
    event = find(found, "AGREE", "meet")
    assert event[4] == "future"  # the intention is stated, the meeting not yet held (D7)


def test_announced_withdrawal_is_concede_carried_out_is_retreat() -> None:
    found, _ = events("Russia said it would withdraw its troops from Belarus.")
    assert find(found, "CONCEDE", "withdraw")
    found, _ = events("Russia withdrew its troops from Belarus on Friday.")
    assert find(found, "RETREAT", "withdrew")[1] == "withdraw"


def test_diplomatic_protest_is_accuse() -> None:
    found, _ = events("Poland protested to Russia over the airspace violation.")
    assert find(found, "ACCUSE", "protested")[1] == "disapprove"


def test_captured_soldiers_are_assault_abduct() -> None:
    found, _ = events("Russian forces arrested five Ukrainian soldiers near Kursk.")
    assert find(found, "ASSAULT", "arrested")[1] == "abduct"


def test_arrested_suspects_stay_coerce_arrest() -> None:
    found, _ = events("French police arrested three suspects in Marseille.")
    assert find(found, "COERCE", "arrested")[1] == "arrest"


def test_orders_are_requests_and_their_content_did_not_happen() -> None:
    found, _ = events("Vladimir Putin ordered Russian forces to attack Ukraine.")
    order = find(found, "REQUEST", "ordered")
    assert order[4] == "asserted" and order[3] == ("Russian forces",)
    attack = find(found, "ASSAULT", "attack")
    assert attack[4] == "hypothetical"


def test_cancelled_meeting_is_reject() -> None:
    found, _ = events("Donald Trump cancelled his meeting with Vladimir Putin.")
    assert find(found, "REJECT", "cancelled")[1] == "meet"


def test_support_verb_is_not_an_event_itself() -> None:
    found, _ = events("Israel launched airstrikes on Gaza.")
    assert [e[0] for e in found] == ["ASSAULT"]


def test_record_fields_quad_score_cameo_confidence() -> None:
    _, doc = events("Ukraine accused Russia of war crimes on Tuesday.")
    event = next(e for e in doc.extraction.events if e.type == "ACCUSE")
    assert event.quad == 3 and event.mode == "allege"
    assert event.cameo == "1121" and event.score == -3.5
    assert 0 < event.confidence <= 1
    assert doc.text[event.trigger.start : event.trigger.end] == event.trigger.text
    assert event.evidence.text == doc.text.strip()
    assert event.stage.startswith("events@")
    assert [s.text for s in event.actor_spans] == ["Ukraine"]


# ---- the seed article -------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_events(seed_extraction):
    names = {a.id: a.name for a in seed_extraction.actors}
    return [(e, {names.get(a) for a in e.actors}) for e in seed_extraction.events]


def test_seed_negated_order_is_not_asserted(seed_events) -> None:
    orders = [
        e for e, _ in seed_events if e.trigger.text == "order" and "merciful" in e.evidence.text
    ]
    assert orders and all(e.factuality == "negated" for e in orders)


def test_seed_massacre_is_content_of_a_request(seed_events) -> None:
    massacres = [e for e, _ in seed_events if e.trigger.text in {"commit", "massacre"}]
    assert all(not e.happened for e in massacres)


def test_seed_call_and_request(seed_events) -> None:
    assert any(
        e.type == "CONSULT" and e.mode == "phone" and "Donald Trump" in a for e, a in seed_events
    )
    assert any(e.type == "REQUEST" and e.happened and "Donald Trump" in a for e, a in seed_events)


def test_seed_reportedly_bowed_is_reported_concede(seed_events) -> None:
    bowed = [e for e, _ in seed_events if e.trigger.text == "bowed"]
    assert bowed and bowed[0].type == "CONCEDE" and bowed[0].factuality == "reported"
