"""`dateline eval records`: the gold's two forms, matching, and each figure as GUIDELINES.md says."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from conftest import ROOT, SHARED, shared_path
from dateline.errors import EvalError
from dateline.eval import records as rec
from dateline.eval.records_gold import (
    GoldActor,
    GoldArticle,
    GoldEvent,
    GoldPlace,
    gold_files,
    read_gold,
    read_gold_file,
    reference_text,
    to_offsets,
)
from dateline.model import (
    Actor,
    Article,
    Event,
    EventDate,
    EventPlace,
    Extraction,
    Mention,
    Place,
    Span,
)

TEXT = (
    "Putin met Lukashenko in Minsk.\n"
    "Russian forces shelled Kharkiv on Friday.\n"
    "The ministry thanked donors."
)
DAY = dt.date(2025, 3, 14)


def span_of(phrase: str, occurrence: int = 0) -> tuple[int, int]:
    at = -1
    for _ in range(occurrence + 1):
        at = TEXT.index(phrase, at + 1)
    return at, at + len(phrase)


def sentence(number: int) -> tuple[int, int]:
    line = TEXT.split("\n")[number]
    return span_of(line)


PUTIN = GoldActor("Vladimir Putin", "RUS", "GOV", "person")
LUKASHENKO = GoldActor("Alexander Lukashenko", "BLR", "GOV", "person")
RUSSIAN_FORCES = GoldActor("Russian forces", "RUS", "MIL", "group")
KHARKIV = GoldActor("residents of Kharkiv", "UKR", "CVL", "group")


def gold_event(number: int, trigger: str, types: tuple[str, ...], **fields) -> GoldEvent:
    values = {
        "source": (),
        "target": (),
        "factuality": "happened",
        "date": None,
        "place": None,
        "required": True,
        **fields,
    }
    return GoldEvent(sentence(number), span_of(trigger), types, **values)


def actor(actor_id: str, name: str, kind: str, country: str | None) -> Actor:
    start = TEXT.find(name.split()[-1])
    mention = Mention(
        Span.of(TEXT, start, start + len(name.split()[-1])),
        actor_id,
        "name",
        Span.of(TEXT, 0, 1),
        "t",
    )
    return Actor(actor_id, name, kind, country, None, (mention,), "t")  # type: ignore[arg-type]


ACTORS = [
    actor("putin", "Vladimir Putin", "person", "RUS"),
    actor("luka", "Alexander Lukashenko", "person", "BLR"),
    actor("rus", "Russia", "country", "RUS"),
    actor("ukr", "Ukraine", "country", "UKR"),
    actor("fr", "Russian Foreign Ministry", "organization", "RUS"),
]


def event(
    kind: str,
    trigger: str,
    actors: tuple[str, ...] = (),
    recipients: tuple[str, ...] = (),
    factuality: str = "asserted",
    date: tuple[dt.date | None, dt.date | None] = (DAY, DAY),
    place: Place | None = None,
) -> Event:
    start, end = span_of(trigger)
    return Event(
        id=trigger, type=kind, mode=None, context=(), quad=1, actors=actors, recipients=recipients,
        date=EventDate("x", date[0], date[1]), place=EventPlace(place, "clause") if place else None,
        factuality=factuality, reporter=None, evidence=Span.of(TEXT, 0, len(TEXT)),  # type: ignore[arg-type]
        trigger=Span.of(TEXT, start, end), confidence=1.0, stage="events@test",
    )  # fmt: skip


def extraction(*events: Event) -> Extraction:
    article = Article("a", DAY, "t", TEXT)
    return Extraction(article=article, actors=list(ACTORS), events=list(events))


def scored(gold: tuple[GoldEvent, ...], *events: Event) -> tuple[dict, list[dict]]:
    article = GoldArticle("a", DAY, "wire", "t", TEXT, gold)
    tally, errors = rec.Tally(), []
    rec.score_article(article, extraction(*events), tally, errors)
    return tally.figures(), errors


def test_a_match_needs_the_trigger_inside_the_gold_sentence_and_a_gold_type() -> None:
    gold = (gold_event(1, "shelled", ("ASSAULT", "COERCE"), source=(RUSSIAN_FORCES,)),)
    figures, _ = scored(gold, event("COERCE", "shelled", ("rus",)))
    assert figures["event_recall"] == 1.0 and figures["event_precision"] == 1.0
    figures, errors = scored(gold, event("ASSAULT", "met", ("rus",)))  # another sentence
    assert figures["event_recall"] == 0.0 and figures["event_precision"] == 0.0
    assert {e["error"] for e in errors} == {"missed", "false"}
    figures, _ = scored(gold, event("PROTEST", "shelled", ("rus",)))  # not a gold type
    assert figures["n_matched"] == 0


def test_optional_events_are_neither_rewarded_nor_penalised() -> None:
    gold = (
        gold_event(1, "shelled", ("ASSAULT",), required=False),
        gold_event(2, "thanked", ("SUPPORT",)),
    )
    # a match of the optional event, and a wrong type inside its sentence, are both left out
    figures, _ = scored(
        gold, event("ASSAULT", "shelled", ("rus",)), event("ACCUSE", "Kharkiv", ("rus",))
    )
    assert figures["n_predicted"] == 0 and figures["n_required"] == 1
    assert figures["event_recall"] == 0.0


def test_matching_is_one_to_one_and_prefers_required_and_overlapping_triggers() -> None:
    gold = (
        gold_event(0, "met", ("CONSULT",), required=False),
        gold_event(0, "Putin met Lukashenko", ("CONSULT",)),
    )
    matched, left_out = rec.match_events(gold, [event("CONSULT", "met", ("putin",))])
    assert matched == {1: 0} and left_out == set()
    two = [event("CONSULT", "met", ("putin",)), event("CONSULT", "Minsk", ("putin",))]
    matched, left_out = rec.match_events(gold, two)
    assert matched == {1: 0, 0: 1} and left_out == {1}


def test_dyads_of_symmetric_types_compare_the_parties_together() -> None:
    gold = (gold_event(0, "met", ("CONSULT",), source=(PUTIN, LUKASHENKO)),)
    figures, _ = scored(gold, event("CONSULT", "met", ("putin",), ("luka",)))
    assert figures["dyad_recall"] == 1.0
    assault = (gold_event(1, "shelled", ("ASSAULT",), source=(RUSSIAN_FORCES,), target=(KHARKIV,)),)
    figures, errors = scored(assault, event("ASSAULT", "shelled", ("ukr",), ("rus",)))  # reversed
    assert figures["dyad_recall"] == 0.0 and [e["error"] for e in errors] == ["dyad"]
    figures, _ = scored(assault, event("ASSAULT", "shelled", ("rus",), ("ukr",)))
    assert figures["dyad_recall"] == 1.0 and figures["record_recall"] == 1.0


def test_an_empty_gold_list_agrees_only_with_an_empty_prediction() -> None:
    gold = (
        gold_event(
            2,
            "thanked",
            ("SUPPORT",),
            source=(GoldActor("Foreign Ministry", "RUS", "GOV", "organization"),),
        ),
    )
    figures, _ = scored(gold, event("SUPPORT", "thanked", ("fr",), ("ukr",)))
    assert figures["dyad_recall"] == 0.0
    figures, _ = scored(gold, event("SUPPORT", "thanked", ("fr",)))
    assert figures["dyad_recall"] == 1.0


def test_actor_agreement_by_name_token_or_by_the_country_of_a_group() -> None:
    predicted = rec.PredictedActor(
        "Recep Tayyip Erdogan", "person", "TUR", ("Recep Tayyip Erdogan",)
    )
    assert rec.actor_agrees(GoldActor("Erdoğan", "TUR", "GOV", "person"), predicted)  # accents
    assert not rec.actor_agrees(GoldActor("President of Turkey", "TUR", "GOV", "person"), predicted)
    ministry = rec.PredictedActor(
        "Russian Foreign Ministry", "organization", "RUS", ("Russian Foreign Ministry",)
    )
    assert rec.actor_agrees(RUSSIAN_FORCES, ministry)  # a group: the same country
    assert not rec.actor_agrees(
        GoldActor("Russian Defence Ministry", "RUS", "GOV", "organization"), ministry
    )
    assert rec.actor_agrees(GoldActor("Foreign Ministry", "RUS", "GOV", "organization"), ministry)
    # "Russian" and "Ministry" identify nobody: a person of that country does not agree by name
    assert not rec.actor_agrees(GoldActor("Sergei Lavrov", "RUS", "GOV", "person"), ministry)
    # the dev set has no kinds: country names and plural demonyms are inferred as collective
    assert rec.gold_kind(GoldActor("Ukrainians", "UKR", "CVL")) == "group"
    assert rec.gold_kind(GoldActor("Russia", "RUS", "GOV")) == "country"
    assert rec.gold_kind(GoldActor("Ukrainian leadership", "UKR", "GOV")) == "group"
    assert rec.gold_kind(GoldActor("Charles Michel", None, "IGO")) == "person"


def test_factuality_date_and_place_figures() -> None:
    minsk = Place(
        Span.of(TEXT, *span_of("Minsk")),
        "Minsk",
        "town",
        "BLR",
        None,
        53.9,
        27.57,
        625144,
        Span.of(TEXT, 0, 1),
        "t",
    )
    gold = (
        gold_event(
            0, "met", ("CONSULT",), source=(PUTIN,), target=(LUKASHENKO,),
            date=(DAY, DAY), place=GoldPlace("Minsk", "BLR"),
        ),
        gold_event(1, "shelled", ("ASSAULT",), source=(RUSSIAN_FORCES,), date=(DAY, DAY), factuality="possible"),
    )  # fmt: skip
    figures, errors = scored(
        gold,
        event("CONSULT", "met", ("putin",), ("luka",), place=minsk),
        event("ASSAULT", "shelled", ("rus",), date=(DAY - dt.timedelta(days=40), DAY)),
    )
    assert figures["place_accuracy"] == 1.0 and figures["n_place"] == 1
    assert figures["date_accuracy"] == 0.5  # 41 days wide and wider than the gold day
    assert figures["factuality_accuracy"] == 0.5  # asserted is not possible
    assert figures["record_recall"] == 0.5
    assert sorted(e["error"] for e in errors) == ["date", "factuality"]


def test_source_and_target_filled_are_shares_of_predictions() -> None:
    figures, _ = scored(
        (), event("SUPPORT", "thanked", ("fr",)), event("ASSAULT", "shelled", ("rus",), ("ukr",))
    )
    assert figures["source_filled"] == 1.0 and figures["target_filled"] == 0.5


# --- the two forms of the gold -----------------------------------------------------------------


def inline_file(tmp_path: Path, text: str, events: list[dict]) -> Path:
    path = tmp_path / "inline.json"
    article = {
        "id": "x",
        "date": "2025-03-14",
        "title": text.split("\n")[0],
        "text": text,
        "genre": "wire",
    }
    path.write_text(json.dumps({"article": article, "events": events}), encoding="utf-8")
    return path


EVENT = {
    "sentence": "Russian forces shelled Kharkiv on Friday.",
    "trigger": "shelled",
    "type": "ASSAULT",
    "source": [{"name": "Russian forces", "country": "RUS", "sector": "MIL", "kind": "group"}],
    "target": [],
    "factuality": "happened",
    "date": {"earliest": "2025-03-14", "latest": "2025-03-14"},
    "place": {"name": "Kharkiv", "country": "UKR"},
    "required": True,
}


def test_inline_gold_is_read_with_offsets(tmp_path: Path) -> None:
    gold = read_gold_file(inline_file(tmp_path, TEXT, [EVENT]))
    (event_,) = gold.events
    assert TEXT[slice(*event_.trigger)] == "shelled"
    assert TEXT[slice(*event_.sentence)] == EVENT["sentence"]
    assert event_.place == GoldPlace("Kharkiv", "UKR") and event_.source[0].kind == "group"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"type": "FIGHT"}, "is not a PLOVER type"),
        ({"factuality": "asserted"}, "Valid: happened, negated, possible"),
        ({"trigger": "bombed"}, "is not in its sentence"),
        ({"sentence": "Nobody shelled anything."}, "sentence is not in article.text"),
        ({"date": {"earliest": "Friday"}}, "is not {earliest, latest}"),
        ({"source": [{"name": "x", "sector": "ARMY"}]}, "sector 'ARMY'"),
    ],
)
def test_bad_gold_gets_one_clear_error(tmp_path: Path, change: dict, message: str) -> None:
    with pytest.raises(EvalError, match=message):
        read_gold_file(inline_file(tmp_path, TEXT, [{**EVENT, **change}]))


def test_offset_form_round_trips_and_pins_its_text(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    (shared / "eval").mkdir(parents=True)
    record = {"id": "doc1", "title": "T", "date": "2025-03-14", "text": TEXT.replace("\n", "\n\n")}
    (shared / "eval" / "docs.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    ref = {"file": "eval/docs.jsonl", "id": "doc1"}
    assert reference_text(ref, shared)[0] == TEXT
    inline = json.loads(inline_file(tmp_path, TEXT, [EVENT]).read_text())
    converted = to_offsets(inline, ref, texts=shared)
    assert "text" not in converted["article"] and converted["events"][0]["trigger"] == list(
        span_of("shelled")
    )
    offset_path = tmp_path / "gold" / "doc1.json"
    offset_path.parent.mkdir()
    offset_path.write_text(json.dumps(converted), encoding="utf-8")
    assert (
        read_gold([offset_path], texts=shared)[0].events
        == read_gold_file(tmp_path / "inline.json").events
    )
    with pytest.raises(EvalError, match="is missing"):
        read_gold([offset_path], texts=tmp_path / "elsewhere")
    record["text"] = record["text"].replace("Friday", "Monday")
    (shared / "eval" / "docs.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(EvalError, match="has changed since annotation"):
        read_gold([offset_path], texts=shared)


def test_offset_form_takes_the_url_of_its_text_as_ingest_would(tmp_path: Path) -> None:
    # a CSV row's "link" is the article's URL when ingest reads the file, so the pipeline
    # knows the outlet (a press office's "the President"); the eval must run it the same way
    shared = tmp_path / "shared"
    (shared / "corpora").mkdir(parents=True)
    link = "http://en.kremlin.ru/events/president/news/68040"
    (shared / "corpora" / "releases.csv").write_text(
        f'link,headline,date,body\n{link},Executive Order,2022-03-18T10:00:00Z,"{TEXT}"\n',
        encoding="utf-8",
    )
    ref = {"file": "corpora/releases.csv", "row": 0}
    text = reference_text(ref, shared)[0]
    inline = json.loads(inline_file(tmp_path, TEXT, [EVENT]).read_text())
    inline["article"]["text"] = text
    converted = to_offsets(inline, ref, texts=shared)
    path = tmp_path / "doc1.json"
    path.write_text(json.dumps(converted), encoding="utf-8")
    assert read_gold_file(path, texts=shared).url == link
    converted["article"]["url"] = "https://example.org/given"  # a URL the gold gives wins
    path.write_text(json.dumps(converted), encoding="utf-8")
    assert read_gold_file(path, texts=shared).url == "https://example.org/given"


def test_a_sentence_that_is_not_unique_is_refused_when_converting(tmp_path: Path) -> None:
    text = "Police arrested him.\nPolice arrested him."
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "d.jsonl").write_text(
        json.dumps({"id": "d", "text": text.replace("\n", "\n\n")}) + "\n"
    )
    inline = {"article": {"id": "d", "date": "2025-03-14", "text": text}, "events": [
        {**EVENT, "sentence": "Police arrested him.", "trigger": "arrested", "type": "COERCE"}]}  # fmt: skip
    with pytest.raises(EvalError, match="occurs 2 times"):
        to_offsets(inline, {"file": "d.jsonl", "id": "d"}, texts=shared)


# --- on the real gold --------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.shared
def test_inline_and_offset_forms_of_the_dev_set_score_the_same(tmp_path: Path) -> None:
    inline = shared_path("eval", "records", "dev")
    committed = sorted((ROOT / "eval" / "records" / "dev").glob("*.json"))
    names = {p.stem for p in inline.glob("*.json")}
    offset = [p for p in committed if p.stem in names]
    assert len(offset) == len(names) == 7
    assert [g.events for g in read_gold([inline])] == [g.events for g in read_gold(offset)]
    errors = tmp_path / "errors.jsonl"
    report = rec.evaluate(offset, errors_path=errors)
    assert set(rec.FIGURES) <= set(report) and set(report["by_genre"]) == {
        "press-release",
        "speech",
        "wire",
    }
    assert report["n_required"] == 96 and report["n_articles"] == 7
    rows = [json.loads(line) for line in errors.read_text().splitlines()]
    assert {"missed", "false"} <= {row["error"] for row in rows}
    assert all(row["sentence"] for row in rows)


def test_agreement_of_an_annotation_with_itself_is_perfect_and_with_less_is_not() -> None:
    gold = GoldArticle(
        "a", DAY, "wire", "t", TEXT,
        (
            gold_event(0, "met", ("CONSULT",), source=(PUTIN, LUKASHENKO)),
            gold_event(1, "shelled", ("ASSAULT",), source=(RUSSIAN_FORCES,), target=(KHARKIV,)),
        ),
    )  # fmt: skip
    assert rec.agreement([(gold, gold)])["mean"] == {
        "event_f1": 1.0,
        "dyad_f1": 1.0,
        "record_f1": 1.0,
    }
    fewer = GoldArticle("a", DAY, "wire", "t", TEXT, gold.events[:1])
    mean = rec.agreement([(gold, fewer)])["mean"]
    assert mean["event_f1"] == pytest.approx(2 / 3, abs=1e-3)


def test_diff_lists_what_changed_and_whether_it_got_better() -> None:
    before = [
        {"article": "a", "trigger": [4, 7], "trigger_text": "met", "sentence": "s", "verdict": "event",
         "type": "CONSULT", "source": [], "target": [], "factuality": "asserted", "date": None, "place": None},
        {"article": "a", "trigger": [40, 47], "trigger_text": "shelled", "sentence": "s", "verdict": "false",
         "type": "ASSAULT", "source": [], "target": [], "factuality": "asserted", "date": None, "place": None},
    ]  # fmt: skip
    after = [{**before[0], "source": ["Vladimir Putin"], "verdict": "record"}]
    changes = rec.diff_predictions(before, after)
    assert changes["n_changed"] == 2 and changes["better"] == 2  # a false event gone is better
    by_trigger = {row["trigger"]: row for row in changes["rows"]}
    assert by_trigger["met"]["fields"] == ["source"] and by_trigger["met"]["effect"] == "better"
    assert by_trigger["shelled"]["change"] == "removed"


#: the share of a text's word trigrams another text may hold before the two count as versions of
#: one story (rewrites of one AP story hold 0.38; unrelated Kremlin readouts up to 0.25)
SAME_STORY_SHARE = 0.3


def test_no_held_back_article_is_a_version_of_a_dev_article() -> None:
    # a held-back rewrite of a dev story lets rules written from dev leak into the reported
    # figure: timebank-APW20000107.0088 (annotated for dev) retells APW20000106.0064 (held-back)
    import re

    shared_path("eval", "records")

    def trigrams(text: str) -> set[tuple[str, ...]]:
        words = re.findall(r"[a-z]+", text.lower())
        return set(zip(words, words[1:], words[2:], strict=False))

    def split(name: str) -> dict[str, set[tuple[str, ...]]]:
        files = gold_files([ROOT / "eval" / "records" / name])
        golds = (read_gold_file(f, texts=SHARED) for f in files)
        return {g.id: trigrams(g.text) for g in golds}

    dev, held = split("dev"), split("held-back")
    shared = [
        (d, h)
        for d, dt_ in dev.items()
        for h, ht in held.items()
        if dt_ and ht and len(dt_ & ht) / min(len(dt_), len(ht)) > SAME_STORY_SHARE
    ]
    assert not shared, f"held-back articles that retell dev ones: {shared}"
