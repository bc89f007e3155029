"""The docs' examples still run and still print what the docs show (typer's docs_src pattern).

Each example is a file under ``docs_src/``, included by a page with its output
(``docs_src/output/``). Here each is run again on the shipped example, in a scratch folder laid
out like the repository, by the same code that wrote the outputs (``scripts/docs_examples.py``),
so a renamed function, command or option fails, and so does a change of what it prints. After an
intended change of output:

    .venv/bin/python scripts/docs_examples.py     # or: make docs-examples
    git diff docs_src/output README.md             # read what changed, then commit it
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys

import pytest

from conftest import ROOT, SHARED

_spec = importlib.util.spec_from_file_location("docs_examples", ROOT / "scripts/docs_examples.py")
assert _spec and _spec.loader
docs_examples = importlib.util.module_from_spec(_spec)
sys.modules["docs_examples"] = docs_examples
_spec.loader.exec_module(docs_examples)

REGENERATE = "run `make docs-examples` (scripts/docs_examples.py) and review `git diff`"
PAGES = sorted((ROOT / "docs").glob("*.md"))
SNIPPET = re.compile(r'^\s*--8<--\s+"([^"]+)"', re.MULTILINE)


def _included() -> set[str]:
    return {path for page in PAGES for path in SNIPPET.findall(page.read_text(encoding="utf-8"))}


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str | Exception]:
    """Every example, run once in order (the API example asks the store the CLI one wrote)."""
    return docs_examples.run_examples(tmp_path_factory.mktemp("docs"))


def _output(outputs: dict[str, str | Exception], name: str) -> str:
    output = outputs[name]
    if isinstance(output, Exception):
        pytest.fail(str(output), pytrace=False)
    return output


EXACT = [example for example in docs_examples.EXAMPLES if example.exact]


@pytest.mark.slow
@pytest.mark.parametrize("example", EXACT, ids=[example.name for example in EXACT])
def test_example_prints_what_the_docs_show(outputs: dict[str, str | Exception], example) -> None:
    shown = example.output.read_text(encoding="utf-8")
    output = _output(outputs, example.name)
    assert docs_examples.normalise(output) == docs_examples.normalise(shown), (
        f"docs_src/{example.name} no longer prints {example.output.relative_to(ROOT)}: "
        + REGENERATE
    )


def _figure(output: str, measure: str) -> list[float]:
    """The overall column of a measure in every records table of ``output``, in order."""
    return [float(value) for value in re.findall(rf"│ {measure}\s+│\s+([\d.]+) │", output)]


@pytest.mark.slow
@pytest.mark.shared
def test_adding_a_trigger_word_shows_its_effect(outputs: dict[str, str | Exception]) -> None:
    """The rule author's loop of docs/rules.md: save, add a row, diff."""
    if "add_trigger.sh" not in outputs:
        pytest.skip(f"needs {SHARED} (the records gold's texts); absent here")
    output = _output(outputs, "add_trigger.sh")
    matched, f1 = _figure(output, "n_matched"), _figure(output, "event_f1")
    assert len(matched) == len(f1) == 2, "expected the figures before and after the new row"
    # one more matched event out of 1,000+ required moves recall and F1 by under 0.001, which the
    # three-decimal table may round away: the matched count must rise, F1 must not fall
    assert matched[1] > matched[0] and f1[1] >= f1[0], (
        f"matched events {matched}, F1 {f1}: the row of docs_src/add_trigger.sh no longer adds an "
        "event to the dev gold; pick another missed trigger word (docs/rules.md) and " + REGENERATE
    )
    changed = re.search(r"│ (\w+)\s+│ trnews-1070002 │ touted\s+│", output)
    assert changed and changed.group(1) == "better", output[-1500:]
    assert re.search(r"^1 changed: 1 better, 0 worse", output, re.MULTILINE), output[-500:]
    # What the docs show was made by the same steps (its figures move with every rule change).
    shown = docs_examples.EXAMPLES[-1].output.read_text(encoding="utf-8")
    assert [line for line in shown.splitlines() if line.startswith(("#", "$"))] == [
        line for line in output.splitlines() if line.startswith(("#", "$"))
    ], f"docs_src/add_trigger.sh changed: {REGENERATE}"


def test_the_excerpt_is_what_the_pipeline_produces(seed_extraction) -> None:
    from dateline.contract import to_dict

    document = to_dict(seed_extraction)
    current = docs_examples.excerpt(document)
    assert docs_examples.EXCERPT.read_text(encoding="utf-8") == current, (
        f"docs_src/output/excerpt.json is stale: {REGENERATE}"
    )
    shown = json.loads(current)
    (quote,), (event,) = shown["quotes"], shown["events"]
    assert quote in document["quotes"] and event in document["events"]  # whole records
    assert current.count("\n") <= 15


def test_every_example_and_output_is_on_a_page() -> None:
    included = _included()
    sources = sorted(
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "docs_src").iterdir()
        if path.is_file() and path.suffix in (".py", ".sh")
    )
    registered = sorted(f"docs_src/{example.name}" for example in docs_examples.EXAMPLES)
    assert sources == registered, "every docs_src example is run by scripts/docs_examples.py"
    for example in docs_examples.EXAMPLES:
        output = example.output.relative_to(ROOT).as_posix()
        assert output in included, f"{output} is on no page of docs/"
        if example.path.suffix == ".py":  # a shell example's output shows its commands
            assert f"docs_src/{example.name}" in included, f"{example.name} is on no page"
    assert "docs_src/output/excerpt.json" in included
    for path in included:
        assert (ROOT / path).is_file(), f"a page includes {path}, which does not exist"


def test_shell_steps_join_continued_lines() -> None:
    script = "# a comment\n\necho one \\\n    two\ndateline stages\n"
    assert docs_examples.shell_steps(script) == [
        "# a comment",
        "echo one \\\n    two",
        "dateline stages",
    ]


def test_volatile_figures_are_masked_and_the_rest_kept() -> None:
    line = "Ingested into x.duckdb (run 1) in 17.0 s: 0.06 articles/s, 21 words/s, 28 events"
    assert docs_examples.normalise(line) == (
        "Ingested into x.duckdb (run 1) in N s: N articles/s, N words/s, 28 events"
    )
    stages = "stages segment@1.1.0+fp.718f0b1f37 events@1.7.9+plover-v1+triggers-v1+fp.245428d75f"
    assert docs_examples.normalise(stages) == (
        "stages segment@1.1.0+fp.FINGERPRINT events@1.7.9+plover-v1+triggers-v1+fp.FINGERPRINT"
    )
    assert docs_examples.normalise("places@0.7.0+fp.b41\n4478b11,quotes") == (
        "places@0.7.0+fp.FINGERPRINT,quotes"
    )


def test_the_cli_reference_has_every_command() -> None:
    import typer.main

    from dateline.cli import app

    _spec_hooks = importlib.util.spec_from_file_location(
        "docs_hooks", ROOT / "scripts/docs_hooks.py"
    )
    assert _spec_hooks and _spec_hooks.loader
    hooks = importlib.util.module_from_spec(_spec_hooks)
    _spec_hooks.loader.exec_module(hooks)
    reference = hooks.cli_reference()
    group = typer.main.get_command(app)
    for name in group.commands:  # type: ignore[attr-defined]
        assert f"## dateline {name}\n" in reference
        assert f"Usage: dateline {name} [OPTIONS]" in reference
    for name in ("records", "events", "quotes", "places", "times"):
        assert f"## dateline eval {name}\n" in reference
    api = hooks.api_reference()
    for route in ("/api/events", "/api/quotes", "/api/timeline", "/api/actors/{actor_id}"):
        assert f"### GET `{route}`" in api


# ---- the README ---------------------------------------------------------------------------

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_readme_excerpt_is_the_generated_one() -> None:
    assert docs_examples.readme_block(README) == docs_examples.EXCERPT.read_text(
        encoding="utf-8"
    ), f"the README's JSON excerpt differs from docs_src/output/excerpt.json: {REGENERATE}"


def test_the_readme_python_is_the_tested_example() -> None:
    shown = re.search(r"```python\n(.*?)```", README, re.DOTALL)
    assert shown, "the README shows no Python"
    example = (ROOT / "docs_src" / "python_api.py").read_text(encoding="utf-8")
    body = example.split('"""', 2)[2].lstrip("\n")
    assert shown.group(1) == body, "the README's Python differs from docs_src/python_api.py"


def test_the_readme_is_short_and_links_resolve() -> None:
    assert len(README.splitlines()) < 200
    for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", README):
        assert (ROOT / target).exists(), f"the README links to {target}, which does not exist"
