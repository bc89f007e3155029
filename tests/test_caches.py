"""The typed hand-offs on the Document (dateline.caches) in place of the free ``notes`` dict.

The places stage hands event placing the tokens of each place it located; placing and dating an
event work out what every event of the article shares on the first one, and read it back for
the others. Real sentences, the article date Friday 2025-03-14.
"""

from __future__ import annotations

import dataclasses

import pytest

from conftest import make_document
from dateline.caches import AnchoredPlace, PlaceTokens
from dateline.gazetteer.placing import article_setting, event_place
from dateline.temporal.dating import event_date


def _token(doc, word: str):  # type: ignore[no-untyped-def]
    return next(t for t in doc.parsed if t.text == word)


def test_the_places_stage_hands_on_the_tokens_of_each_place() -> None:
    doc = make_document(
        "Russian forces shelled Sudzha in the Kursk region on Monday.",
        stages=("segment", "places"),
    )
    assert all(isinstance(item, PlaceTokens) for item in doc.place_tokens)
    named = [(doc.parsed[start:end].text, place.name) for start, end, place in doc.place_tokens]
    assert named == [("Sudzha", "Sudzha"), ("Kursk", "Kursk")]
    for start, _, place in doc.place_tokens:
        assert doc.parsed[start].idx == place.span.start  # the tokens are the place's words


def test_placing_an_event_anchors_the_places_once_per_article() -> None:
    doc = make_document(
        "Russian forces shelled Sudzha in the Kursk region on Monday. Two people died.",
        stages=("segment", "places"),
    )
    assert doc.places_cache is None  # nothing placed yet
    shelled = event_place(doc, _token(doc, "shelled"))
    assert shelled is not None and shelled.place.name == "Sudzha"
    cache = doc.places_cache
    assert cache is not None
    sudzha = cache.anchored[0]
    assert isinstance(sudzha, AnchoredPlace)
    assert (sudzha.place.name, sudzha.anchor.text if sudzha.anchor else None) == (
        "Sudzha",
        "shelled",
    )
    assert sudzha.carries and not sudzha.dateline  # a main clause of today: it carries on
    event_place(doc, _token(doc, "died"))
    assert doc.places_cache is cache  # the second event reads what the first worked out
    assert article_setting(doc) is cache.setting
    with pytest.raises(dataclasses.FrozenInstanceError):  # no rule rewrites what others read
        cache.setting = None  # type: ignore[misc]


def test_dating_an_event_indexes_the_expressions_once_per_article() -> None:
    doc = make_document(
        "Putin visited Kursk on Wednesday. He met soldiers there.", stages=("segment", "times")
    )
    assert doc.times_cache is None  # nothing dated yet
    visited = _token(doc, "visited")
    date = event_date(doc, visited)
    assert date.source == "expression" and date.span is not None
    cache = doc.times_cache
    assert cache is not None
    ((time, chain),) = cache.governed
    assert time.span.text == "Wednesday"
    assert chain[-1] == visited.i  # the chain ends at the governing verb
    assert cache.by_verb[visited.i] == (0,)
    assert id(time) in cache.main_clause  # "visited" is the root of its sentence
    assert time in cache.usable and time in cache.usable_future
    met = event_date(doc, _token(doc, "met"))
    assert doc.times_cache is cache  # read back, not worked out again
    assert (met.source, met.value) == ("reference", "2025-03-12")  # the narrative's Wednesday
