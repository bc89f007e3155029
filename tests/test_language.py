"""dateline.language: names-heavy English news passes, non-English news is refused.

The corpus ``tests/data/language_corpus.toml`` (written for these tests, MIT; see its header)
holds the English texts the first, function-word check refused or nearly refused (one-line
summaries full of foreign names, summaries joined with topic headings, a local article made of
photo captions) and news in 16 other languages and 9 scripts.
"""

from __future__ import annotations

import csv
import json
import sys
import tomllib
from pathlib import Path

import pytest

from conftest import EXAMPLE, shared_path
from dateline.errors import InputError
from dateline.io import read_articles
from dateline.language import latin_share, looks_english, words_not_names

CORPUS = tomllib.loads(
    (Path(__file__).parent / "data" / "language_corpus.toml").read_text(encoding="utf-8")
)
ENGLISH = [entry["text"].strip() for entry in CORPUS["english"]]
FOREIGN = [(entry["lang"], entry["text"].strip()) for entry in CORPUS["foreign"]]


def test_the_corpus_covers_what_the_issue_names():
    kinds = {entry["kind"] for entry in CORPUS["english"]}
    assert {"summary", "headings", "captions", "headline"} <= kinds
    assert len(ENGLISH) >= 70
    languages = {lang for lang, _ in FOREIGN}
    assert {"fr", "de", "es", "ru", "uk", "ar", "zh"} <= languages


def test_no_english_text_is_refused():
    refused = [text for text in ENGLISH if not looks_english(text)]
    assert refused == []


@pytest.mark.parametrize(
    ("lang", "text"), FOREIGN, ids=[f"{lang}-{i}" for i, (lang, _) in enumerate(FOREIGN)]
)
def test_every_non_english_text_is_refused(lang, text):
    assert not looks_english(text)


def test_the_cartel_summary_of_the_issue_is_read_as_an_article(tmp_path):
    text = ENGLISH[0]
    assert text.startswith("Mexico extradites 29 alleged cartel members")
    path = tmp_path / "summary.txt"
    path.write_text(text, encoding="utf-8")
    assert read_articles(path, date="2025-01-01")[0].title == text


def test_a_french_article_file_is_refused_with_one_line(tmp_path):
    _, text = next(item for item in FOREIGN if item[0] == "fr" and "\n" in item[1])
    path = tmp_path / "fr.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="does not look like English text"):
        read_articles(path, date="2025-01-01")


def test_names_are_left_out_of_what_is_judged():
    assert words_not_names("Mexico extradites Rafael Caro Quintero to the United States") == (
        "extradites to the"
    )
    assert words_not_names("ZELENSKYY MEETS SCHOLZ IN KYIV") == "zelenskyy meets scholz in kyiv"


def test_short_texts_are_not_judged_but_other_scripts_are():
    assert looks_english("Scholz verliert Vertrauensfrage")  # too little to tell: accepted
    assert not looks_english("Путин и Трамп")  # Cyrillic: not English, however short
    assert latin_share("Kyiv (Київ) and Kharkiv") > 0.5


def test_the_seed_article_is_english():
    assert looks_english(EXAMPLE.read_text(encoding="utf-8"))


def test_an_english_article_that_opens_with_a_foreign_quote_is_english():
    """Only the first MAX_JUDGED_CHARS of the words that are not names are scored (for speed):
    enough that a two-sentence quote in another language at the top does not decide alone."""
    from dateline.language import MAX_JUDGED_CHARS

    quote = (
        "« Nous ne céderons rien, ni aujourd'hui ni demain. La France restera aux côtés de ceux "
        "qui se battent pour leur liberté, et nous le dirons encore à nos partenaires », a "
        "déclaré le président devant les députés réunis à l'Assemblée."
    )
    assert not looks_english(quote)
    article = quote + "\n" + EXAMPLE.read_text(encoding="utf-8")
    assert len(words_not_names(article)) > MAX_JUDGED_CHARS  # only a part of it is scored
    assert looks_english(article)


def test_the_words_judged_are_the_first_of_the_text():
    text = "Kyiv said the talks went well. Moscow said nothing at all. " * 50
    whole = words_not_names(text)
    for limit in (1, 10, 23, 100, len(whole) - 1, len(whole), len(whole) + 5):
        assert words_not_names(text, limit) == whole[:limit]


@pytest.mark.shared
def test_every_english_press_release_passes():
    folder = shared_path("corpora", "kremlin-zelenskyy-2021-2022")
    csv.field_size_limit(sys.maxsize)
    refused = []
    for name in ("putin.csv", "zelenskyy.csv"):
        with (folder / name).open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                text = "\n".join(p for p in (row["headline"], row["body"]) if p)
                if not looks_english(text):
                    refused.append(row["link"])
    assert refused == []


@pytest.mark.shared
def test_every_gum_wikinews_article_passes():
    path = shared_path("eval", "gum-wikinews", "gum_wikinews_docs.jsonl")
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    assert [doc["id"] for doc in docs if not looks_english(doc["text"])] == []


def test_a_verdict_is_reached_once_and_can_be_handed_to_another_process(monkeypatch):
    """Readers judge an article, the pipeline asks again, and an ingest's worker process is
    handed the verdicts its parent's reader reached (dateline.engines.local): none judges twice."""
    from dateline import language

    english = ENGLISH[0] + " (verdict test)"  # texts no other test judged
    foreign = FOREIGN[0][1] + " (verdict test)"
    assert language.known_verdicts([english, foreign]) == {}
    assert looks_english(english)
    assert language.known_verdicts([english, foreign]) == {english: True}

    def judged_again(text: str) -> bool:
        raise AssertionError(f"judged again: {text[:40]}")

    monkeypatch.setattr(language, "_judge", judged_again)
    assert looks_english(english)  # from the verdict kept, not judged again
    language.remember_verdicts({foreign: False})  # as a worker does with its parent's verdicts
    assert not looks_english(foreign)
    # only the last VERDICTS_KEPT verdicts are kept
    language.remember_verdicts({f"{english} {i}": True for i in range(language.VERDICTS_KEPT)})
    assert language.known_verdicts([english, foreign]) == {}
