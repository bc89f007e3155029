"""The claims stage: claim nouns with their chain, claim verbs, reporting markers."""

from __future__ import annotations

import re

from conftest import make_document, shared_path

STAGES = ("segment", "actors", "quotes", "claims")


def _claims(text: str, date: str = "2024-05-01"):
    doc = make_document(text, date, stages=STAGES)
    return {c.span.text: c for c in doc.extraction.claims}


def test_seed_russian_claim_repeated_by_trump() -> None:
    raw = shared_path("seed", "2025-03-14-trump-putin-kursk.txt").read_text(encoding="utf-8")
    found = re.match(r"\s*date (\d{4}-\d\d-\d\d)\s+", raw)
    assert found
    doc = make_document(raw[found.end() :], found.group(1), stages=STAGES)
    claim = next(c for c in doc.extraction.claims if "encircled" in c.span.text)
    assert claim.span.text.startswith("completely encircled Ukrainian forces in the Kursk region")
    assert claim.source == "russia"
    assert claim.repeated_by == ("donald-trump",)
    assert claim.stance == "repeat"
    reported = next(c for c in doc.extraction.claims if c.stance == "report")
    assert "bowed to Russia’s demand" in reported.span.text and reported.source is None
    for claim in doc.extraction.claims:
        assert doc.text[claim.span.start : claim.span.end] == claim.span.text


def test_denied_claim_names_source_and_denier() -> None:
    claims = _claims(
        "Title\nThe Kremlin rejected Kyiv's claim that Russian drones had hit the plant."
    )
    claim = claims["Russian drones had hit the plant"]
    assert claim.source == "ukraine"
    assert claim.stance == "deny"


def test_claim_inside_another_speakers_words_is_repeated() -> None:
    claims = _claims("Title\nBiden said Putin claimed that NATO had provoked the war.")
    claim = claims["NATO had provoked the war"]
    assert claim.source == "vladimir-putin"
    assert claim.repeated_by and claim.repeated_by[0] != "vladimir-putin"
    assert claim.stance == "repeat"


def test_allegedly_marks_reported_content() -> None:
    claims = _claims("Title\nThe minister was allegedly paid by a foreign company.")
    claim = claims["The minister was allegedly paid by a foreign company"]
    assert (claim.source, claim.stance) == (None, "report")


def test_plain_statement_is_not_a_claim() -> None:
    assert _claims("Title\nThe minister was paid by a foreign company.") == {}
