"""The actors rules' index of an article's words (dateline.actors.index): the tokens it finds are
those a walk of the Doc testing the same Token attribute finds, in text order."""

from __future__ import annotations

from dateline.actors.index import token_index
from dateline.actors.mentions import dateline_tokens

TEXT = (
    "Zelenskyy meets the Prime Ministers of Spain and Denmark\n"
    "KYIV, Ukraine (AP) - President Volodymyr Zelenskyy said on Monday that Ukrainian police "
    'arrested two suspects. "We will not give up," he told reporters: the 2 leaders agreed.\n'
    "Minister of Infrastructure Oleksandr Kubrakov: Thank you."
)


def test_where_finds_what_a_walk_finds(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(TEXT)
    index = token_index(doc)
    for name, values in [
        ("lower_", {"police", "minister", ":", "):"}),
        ("pos_", {"NOUN", "PROPN"}),
        ("pos_", {"PRON"}),
        ("pos_", {"NUM", "NO-SUCH-PART-OF-SPEECH"}),
        ("tag_", {"NNS", "NNPS", "NNP"}),
        ("text", {"Zelenskyy", "Ukraine"}),
    ]:
        walked = [t.i for t in doc if getattr(t, name) in values]
        assert walked, (name, values)
        assert [t.i for t in index.where(name, values)] == walked
    assert index.column("idx").tolist() == [t.idx for t in doc]
    assert index.column("is_space").tolist() == [int(t.is_space) for t in doc]


def test_a_new_doc_gets_its_own_index(nlp) -> None:  # type: ignore[no-untyped-def]
    first, second = nlp(TEXT), nlp("Police arrest five over arms cache")
    assert token_index(first) is token_index(first)
    assert [t.text for t in token_index(second).where("lower_", {"police"})] == ["Police"]
    assert [t.i for t in token_index(first).where("lower_", {"police"})] == [
        t.i for t in first if t.lower_ == "police"
    ]


def test_dateline_tokens_from_the_line_breaks(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(TEXT)
    # "KYIV, Ukraine (AP) -" opens the second line: the town and its country, up to the
    # agency's parenthesis
    assert [doc[i].text for i in sorted(dateline_tokens(doc))] == ["KYIV", ",", "Ukraine"]


# records dev GUM_news_questionnaire, a photo caption: the small model leaves "HMC Searcher"
# (a ship) untagged
CAPTION = (
    "The Border Force vessel HMC Searcher on The Solent on February 8, 2010. Image: Brian Burnell."
)


def test_entities_listed_once_and_again_after_the_registry_tags_a_name(nlp) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from dateline.actor_table import ActorEntry
    from dateline.actors.registry import MemoryRegistry, tag_registry_names

    def spans(ents):  # type: ignore[no-untyped-def]
        return [(e.start, e.end, e.label_) for e in ents]

    doc = nlp(CAPTION)
    index = token_index(doc)
    # the same Spans on every ask (Doc.ents makes new ones on each), equal to the Doc's
    assert index.entities is index.entities
    assert spans(index.entities) == spans(doc.ents)
    assert spans(index.sentences) == [(s.start, s.end, s.label_) for s in doc.sents]
    assert "HMC Searcher" not in [e.text for e in index.entities]
    ship = ActorEntry(
        "hmc-searcher", "HMC Searcher", "organization", "GBR", "GOV", None, (), None,
        dt.date(2030, 1, 1),
    )  # fmt: skip
    tag_registry_names(doc, MemoryRegistry([ship]))
    # the registry changed the Doc's entities: the index lists the new ones, not the old
    assert "HMC Searcher" in [e.text for e in token_index(doc).entities]
    assert spans(token_index(doc).entities) == spans(doc.ents)
