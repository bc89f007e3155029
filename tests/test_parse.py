"""Bounded-memory parsing (dateline.nlp.parse): long articles in pieces, joined back exactly."""

from __future__ import annotations

import pytest

from dateline import nlp as nlp_module
from dateline.nlp import parse, parse_one, split_text


def test_split_text_cuts_after_newlines_and_keeps_every_character(seed_text: str) -> None:
    text = seed_text * 3
    pieces = split_text(text, 2_000)
    assert "".join(pieces) == text
    assert all(len(piece) <= 2_000 for piece in pieces)
    assert all(piece.endswith("\n") for piece in pieces[:-1])
    assert len(pieces) > 3


def test_split_text_falls_back_to_spaces_then_to_the_next_whitespace() -> None:
    paragraph = "word " * 100  # 500 characters, no newline
    pieces = split_text(paragraph, 120)
    assert "".join(pieces) == paragraph
    assert all(piece.endswith(" ") for piece in pieces)
    unbroken = "x" * 50 + " tail"
    assert split_text(unbroken, 20) == ["x" * 50 + " ", "tail"]
    assert split_text("", 10) == [""]
    assert split_text("ab\n", 2) == ["ab\n"]


def test_a_long_article_parses_in_pieces_to_the_same_text_sentences_and_entities(
    nlp, seed_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "\n".join([seed_text.strip()] * 4)
    whole = nlp(text)
    monkeypatch.setattr(nlp_module, "PIECE_CHARS", 1_500)
    monkeypatch.setattr(nlp_module, "BATCH_CHARS", 4_000)
    assert len(split_text(text, 1_500)) > 5
    pieced = parse_one(nlp, text)
    assert pieced.text == text
    assert [(s.start_char, s.end_char) for s in pieced.sents] == [
        (s.start_char, s.end_char) for s in whole.sents
    ]
    ents = {(e.start_char, e.end_char, e.label_) for e in pieced.ents}
    whole_ents = {(e.start_char, e.end_char, e.label_) for e in whole.ents}
    assert len(ents ^ whole_ents) <= 0.02 * len(whole_ents)
    heads = sum(a.head.idx == b.head.idx for a, b in zip(pieced, whole, strict=False))
    assert len(pieced) == len(whole)
    assert heads >= 0.98 * len(whole)


def test_parse_keeps_the_order_of_a_mix_of_short_and_long_texts(
    nlp, seed_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(nlp_module, "PIECE_CHARS", 600)
    monkeypatch.setattr(nlp_module, "BATCH_CHARS", 1_500)
    batches: list[int] = []
    real_pipe = nlp.pipe

    def counting_pipe(texts, **kwargs):  # type: ignore[no-untyped-def]
        texts = list(texts)
        batches.append(sum(map(len, texts)))
        return real_pipe(texts, **kwargs)

    monkeypatch.setattr(nlp, "pipe", counting_pipe)
    texts = ["Putin spoke in Moscow.", seed_text, "Kyiv answered.\n", seed_text[:900]]
    docs = list(parse(nlp, texts))
    assert [doc.text for doc in docs] == texts
    assert max(batches) <= 1_500
    assert len(batches) > 2


def test_batches_free_the_strings_they_add_and_give_the_same_records(
    pipeline, seed_article, nlp
) -> None:
    import dataclasses

    from dateline.contract import to_dict as extraction_json

    novel = dataclasses.replace(
        seed_article,
        id="novel",
        text=seed_article.text.replace("Sudzha", "Qzwvkrtsk").replace("Putin", "Vrxlanov"),
    )
    whole = extraction_json(pipeline(seed_article))
    before = len(nlp.vocab.strings)
    batched = [extraction_json(e) for e in pipeline.pipe([seed_article, novel])]
    assert len(nlp.vocab.strings) == before  # "Qzwvkrtsk", "Vrxlanov" came and went
    assert "Qzwvkrtsk" not in nlp.vocab.strings
    assert batched[0] == whole
    # the unknown name is found whole: a listed first name and an untagged proper noun
    assert any(a["name"] == "Vladimir Vrxlanov" for a in batched[1]["actors"])


def test_the_memos_keyed_by_string_hashes_hold_when_a_batch_frees_and_adds_strings_again(
    pipeline, seed_article, nlp
) -> None:
    """The actors' and events' module memos are keyed by the vocabulary's ids of words. A
    memory zone frees an article's new strings after its batch and a later article adds them
    again: the id is the string's hash, the same each time, so a remembered answer is still
    the word's. The second batch reads the new words from the memos (hits) and gives the same
    records as the first, which filled them."""
    import dataclasses

    from spacy.strings import hash_string

    from dateline.actors.agents import _may_name_an_agent
    from dateline.actors.titles import role_word
    from dateline.caches import _LEMMA_ANSWERS
    from dateline.contract import to_dict as extraction_json

    text = seed_article.text.replace("Sudzha", "Qzwvkrtsk").replace("Putin", "Vrxlanov")
    novel = dataclasses.replace(seed_article, id="novel-twice", text=text)
    memos = (_may_name_an_agent, role_word)
    first = [extraction_json(e) for e in pipeline.pipe([novel])]
    assert "Qzwvkrtsk" not in nlp.vocab.strings  # freed with its batch
    # ... while the lemma memo still holds its id, answered when the string was there
    assert any(hash_string("Qzwvkrtsk") in read for _, read in _LEMMA_ANSWERS.values())
    hits = [memo.cache_info().hits for memo in memos]
    second = [extraction_json(e) for e in pipeline.pipe([novel])]
    assert "Qzwvkrtsk" not in nlp.vocab.strings
    assert all(memo.cache_info().hits > before for memo, before in zip(memos, hits, strict=True))
    assert second == first


def test_a_hard_wrapped_line_goes_on_in_the_same_sentence_and_paragraph() -> None:
    from conftest import make_document

    text = (
        "Emery released after arrest\n"
        "Marc Emery, who runs a chain of shops, was\n"
        "arrested along with nine others on Friday.\n"
        "Police said nothing."
    )
    doc = make_document(text, stages=("segment",))
    assert [text[p.start : p.end] for p in doc.paragraphs] == [
        "Emery released after arrest",
        "Marc Emery, who runs a chain of shops, was\narrested along with nine others on Friday.",
        "Police said nothing.",
    ]
    sentences = [s.text for s in doc.parsed.sents]
    assert any("was\narrested" in s for s in sentences)
    assert "Police said nothing." in sentences
