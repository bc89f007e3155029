"""Acceptance: the seed article against ../shared/seed/expected.json.

Matching follows the file's own "about": texts match case-insensitively after normalising
quotation marks and whitespace; a date range matches when it lies inside the expected bounds; a
place matches within the given distance; a must_not event is one asserted or reported as having
happened whose trigger is one of the listed words (and whose evidence contains the phrase).
The expected file is read at test time and never copied into the repository.
"""

from __future__ import annotations

import math
import re

import pytest

from dateline.model import Extraction

QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "«": '"', "»": '"'})


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(QUOTES)).strip().strip("\"'").strip().casefold()


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def actor_by_name(extraction: Extraction, name: str):
    for actor in extraction.actors:
        if norm(actor.name) == norm(name):
            return actor
    return None


def _countries(extraction: Extraction, ids) -> set[str]:
    return {a.country for a in (extraction.actor(i) for i in ids) if a and a.country}


def _names(extraction: Extraction, ids) -> set[str]:
    return {norm(a.name) for a in (extraction.actor(i) for i in ids) if a}


# ---- actors -------------------------------------------------------------------------------


def test_must_actors(seed_extraction: Extraction, expected: dict) -> None:
    for spec in expected["actors"]["must"]:
        actor = actor_by_name(seed_extraction, spec["name"])
        assert actor is not None, f"actor {spec['name']} not found"
        for key in ("kind", "country", "sector"):
            assert getattr(actor, key) == spec[key], (spec["name"], key, getattr(actor, key))
        forms = {norm(m.span.text) for m in actor.mentions}
        for mention in spec["mentions"]:
            assert norm(mention) in forms, (spec["name"], mention, forms)


# ---- quotes -------------------------------------------------------------------------------


def _find_quote(extraction: Extraction, text: str):
    return [q for q in extraction.quotes if norm(q.span.text) == norm(text)]


@pytest.mark.parametrize("index", range(7))
def test_must_quotes(seed_extraction: Extraction, expected: dict, index: int) -> None:
    spec = expected["quotes"]["must"][index]
    found = _find_quote(seed_extraction, spec["text"])
    assert found, f"quote {spec['text']!r} not found"
    quote = found[0]
    assert quote.kind == spec["kind"], (spec["text"], quote.kind)
    speaker = seed_extraction.actor(quote.speaker.actor)
    assert speaker is not None and norm(speaker.name) == norm(spec["speaker"]), (
        spec["text"],
        speaker,
    )


# ---- times --------------------------------------------------------------------------------


@pytest.mark.parametrize("index", range(3))
def test_must_times(seed_extraction: Extraction, expected: dict, index: int) -> None:
    spec = expected["times"]["must"][index]
    found = [t for t in seed_extraction.times if norm(t.span.text) == norm(spec["text"])]
    assert found, f"time {spec['text']!r} not found"
    time = found[0]
    if "value" in spec:
        assert time.value == spec["value"]
    for key in ("earliest", "latest"):
        if key in spec:
            assert getattr(time, key).isoformat() == spec[key]
    if "earliest_not_before" in spec:
        assert time.earliest and time.earliest.isoformat() >= spec["earliest_not_before"]
    if "latest_not_after" in spec:
        assert time.latest and time.latest.isoformat() <= spec["latest_not_after"]


# ---- places -------------------------------------------------------------------------------


@pytest.mark.parametrize("index", range(4))
def test_must_places(seed_extraction: Extraction, expected: dict, index: int) -> None:
    spec = expected["places"]["must"][index]
    found = [p for p in seed_extraction.places if norm(spec["text"]) in norm(p.span.text)]
    assert found, f"place {spec['text']!r} not found"
    place = found[0]
    assert place.country == spec["country"]
    if "feature" in spec:
        assert place.feature == spec["feature"]
    if "lat" in spec:
        assert place.lat is not None and place.lon is not None
        assert km(place.lat, place.lon, spec["lat"], spec["lon"]) <= spec["within_km"]


# ---- events -------------------------------------------------------------------------------


def _event_matches(extraction: Extraction, event, spec: dict) -> bool:
    if event.type not in spec["type"]:
        return False
    if "factuality" in spec and event.factuality not in spec["factuality"]:
        return False
    sides = [(event.actors, event.recipients)]
    if spec.get("symmetric"):
        sides.append((event.recipients, event.actors))
    for actors, recipients in sides:
        ok = True
        if "actors" in spec:
            ok &= {norm(n) for n in spec["actors"]} <= _names(extraction, actors)
        if "recipients" in spec:
            ok &= {norm(n) for n in spec["recipients"]} <= _names(extraction, recipients)
        if "actors_country" in spec:
            ok &= set(spec["actors_country"]) <= _countries(extraction, actors)
        if "recipients_country" in spec:
            ok &= set(spec["recipients_country"]) <= _countries(extraction, recipients)
        if ok:
            break
    else:
        return False
    if "latest_not_after" in spec and not (
        event.date.latest and event.date.latest.isoformat() <= spec["latest_not_after"]
    ):
        return False
    if "earliest_not_before" in spec and not (
        event.date.earliest and event.date.earliest.isoformat() >= spec["earliest_not_before"]
    ):
        return False
    if "place_within_km" in spec:
        where = spec["place_within_km"]
        place = event.place.place if event.place else None
        if place is None or place.lat is None or place.lon is None:
            return False
        if km(place.lat, place.lon, where["lat"], where["lon"]) > where["km"]:
            return False
    return True


@pytest.mark.parametrize("index", range(4))
def test_must_events(seed_extraction: Extraction, expected: dict, index: int) -> None:
    spec = expected["events"]["must"][index]
    assert any(_event_matches(seed_extraction, e, spec) for e in seed_extraction.events), (
        f"event {spec['id']} not found among "
        + "; ".join(f"{e.type} {e.trigger.text} {e.factuality}" for e in seed_extraction.events)
    )


@pytest.mark.parametrize("index", range(3))
def test_must_not_events(seed_extraction: Extraction, expected: dict, index: int) -> None:
    spec = expected["events"]["must_not"][index]
    for event in seed_extraction.events:
        if not event.happened or event.type not in spec["type"]:
            continue
        if norm(event.trigger.text) not in {norm(t) for t in spec["trigger_any"]}:
            continue
        if "evidence_contains" in spec and norm(spec["evidence_contains"]) not in norm(
            event.evidence.text
        ):
            continue
        pytest.fail(
            f"{spec['id']}: {event.type} '{event.trigger.text}' coded as {event.factuality}"
        )
