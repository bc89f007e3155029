"""The optional embedding coder (issue 6, item 6): selection, the missing-extra error, the shipped
classifier, and -- when the ``embeddings`` extra is installed -- types it must get right."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources

import pytest

from dateline.errors import ConfigError
from dateline.events import embedding
from dateline.events.coders import RuleCoder, make_coder

STAGES = ("segment", "actors", "times", "places", "quotes", "events")


def needs_extra() -> None:
    missing = embedding.missing_modules()
    if missing:
        pytest.skip(
            f"needs the 'embeddings' extra ({', '.join(missing)} missing): {embedding.INSTALL_HINT}"
        )


def test_rules_is_the_default_coder():
    assert isinstance(make_coder({}), RuleCoder)
    assert isinstance(make_coder({"coder": "rules"}), RuleCoder)


def test_unknown_coder_names_the_choices():
    with pytest.raises(
        ConfigError, match=r"Unknown events coder 'bert'\. Valid coders: rules, embedding"
    ):
        make_coder({"coder": "bert"})


def test_missing_extra_names_the_pinned_install(monkeypatch):
    monkeypatch.setattr(embedding, "missing_modules", lambda: ["torch", "sentence_transformers"])
    with pytest.raises(ConfigError) as error:
        make_coder({"coder": "embedding"})
    message = str(error.value)
    assert "torch, sentence_transformers not installed" in message
    assert "pip install torch==2.13.0 && pip install 'dateline[embeddings]'" in message
    assert "\n" not in message


def test_default_pipeline_never_imports_torch():
    code = (
        "import sys\n"
        "from dateline.config import PipelineConfig\n"
        "from dateline.stages.events import EventsStage\n"
        "stage = EventsStage(PipelineConfig())\n"
        "assert stage.coder.name == 'rules', stage.coder\n"
        "assert stage.version.endswith('triggers-v1+argmodel2+filter2'), stage.version\n"
        "heavy = [m for m in ('torch', 'sentence_transformers', 'transformers') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_shipped_classifier_covers_the_plover_types():
    from dateline.events.vocabulary import plover_types

    classifier = embedding.load_classifier()
    assert set(classifier.classes) == set(plover_types())
    assert classifier.weights.shape == (16, 384)
    assert classifier.bias.shape == (16,)
    size = len(resources.files("dateline.data").joinpath(embedding.WEIGHTS_FILE).read_bytes())
    assert size < 1_000_000


# --- with the extra installed -------------------------------------------------------------------


def _events(text: str, **options: object):
    import datetime as dt

    from dateline.config import PipelineConfig
    from dateline.model import Article
    from dateline.pipeline import Pipeline

    day = dt.date(2024, 5, 2)
    article = Article(id=Article.make_id(day, text), date=day, title=text, text=text)
    config = PipelineConfig(
        stages=STAGES, stage_options={"events": {"coder": "embedding", **options}}
    )
    return Pipeline(config)(article).events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Israeli jets bombed Hamas positions in Gaza on Tuesday.", "ASSAULT"),
        ("Thousands of workers marched against the government in Paris.", "PROTEST"),
        ("The Chinese foreign minister hosted his Japanese counterpart in Beijing.", "CONSULT"),
        ("Iran warned Israel that it would respond with force to any attack.", "THREATEN"),
    ],
)
def test_classifier_alone_types_clear_sentences(text, expected):
    needs_extra()
    classifier = embedding.load_classifier()
    probabilities = classifier.probabilities(embedding.encode([text]))[0]
    assert classifier.classes[int(probabilities.argmax())] == expected
    # and the coder with no rule prior agrees, on the rule coder's trigger and arguments
    assert [e.type for e in _events(text, embedding_prior=0.0)][:1] == [expected]


def test_fallback_codes_a_dyad_the_lexicon_misses():
    needs_extra()
    text = "Hezbollah pummelled Israeli positions with rockets."
    (event,) = _events(text, embedding_fallback=True)
    assert event.type == "ASSAULT"
    assert event.quad == 4
    assert event.trigger.text == "pummelled"
    assert event.actors == ("hezbollah",)
    assert event.recipients and event.stage.endswith("+embedding-v1")


def test_fallback_is_off_by_default():
    needs_extra()
    assert make_coder({"coder": "embedding"}).fallback is False  # type: ignore[attr-defined]


def test_no_event_without_a_political_dyad():
    needs_extra()
    assert _events("The company reported higher profits on Tuesday.", embedding_fallback=True) == []
    # an actor but no recipient: the fallback proposes nothing
    text = "Opposition supporters rallied in Istanbul on Sunday."
    assert _events(text, embedding_fallback=True) == []


def test_seed_events_unchanged_by_the_embedding_coder(seed_article, expected):
    needs_extra()
    from dateline.config import PipelineConfig
    from dateline.pipeline import Pipeline

    rules = Pipeline()(seed_article).events
    coded = Pipeline(PipelineConfig(stage_options={"events": {"coder": "embedding"}}))(
        seed_article
    ).events
    # the prior keeps the lexicon's types where the embedding is not clearly surer
    assert [(e.type, e.factuality, e.trigger.start) for e in coded] == [
        (e.type, e.factuality, e.trigger.start) for e in rules
    ]


# --- `dateline eval events --coder` ---------------------------------------------------------------

PLV_HEADER = "sentence_id\tsentence\tmarked_sentence\tsource\ttarget\tgold_penta\tgold_root\n"
PLV_ROWS = [
    ("<s>Iran</s> warned <t>Israel</t> that it would respond with force.", "THREATEN"),
    ("<s>Israeli jets</s> bombed <t>Hamas</t> positions in Gaza on Tuesday.", "ASSAULT"),
]


def _plv(tmp_path):
    lines = [PLV_HEADER]
    for i, (marked, gold) in enumerate(PLV_ROWS):
        plain = marked.replace("<s>", "").replace("</s>", "").replace("<t>", "").replace("</t>", "")
        lines.append(f"{i}\t{plain}\t{marked}\tx\ty\t3\t{gold}\n")
    path = tmp_path / "plv.tsv"
    path.write_text("".join(lines), encoding="utf-8")
    return path


def _eval(*arguments: str):
    import json

    from typer.testing import CliRunner

    from dateline.cli import app

    result = CliRunner().invoke(app, ["eval", "events", *arguments, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output[result.output.index("{") :])


def test_eval_coder_rules_needs_no_extra(tmp_path):
    report = _eval(str(_plv(tmp_path)), "--coder", "rules")
    assert report["n_rows"] == 2
    assert "embedding" not in report["stages"]
    assert "events_sentences_per_second" in report


def test_eval_both_coders_side_by_side(tmp_path):
    needs_extra()
    reports = _eval(str(_plv(tmp_path)), "--coder", "both")
    assert set(reports) == {"rules", "embedding"}
    assert reports["embedding"]["stages"].endswith("+embedding-v1")
    assert not reports["rules"]["stages"].endswith("+embedding-v1")
    for report in reports.values():
        assert report["n_rows"] == 2 and report["accuracy"] == 1.0
