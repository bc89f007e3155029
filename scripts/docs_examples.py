"""Run the examples the docs show and keep their output next to them (typer's docs_src pattern).

Every Python and shell example of the docs is a file under ``docs_src/``; the pages include it
(``--8<--``) together with its output, ``docs_src/output/<name>.txt``, written here by running it
on the shipped example. The JSON excerpt of the README is cut from the pipeline's output here
too. ``tests/test_docs_examples.py`` runs the same examples with the same code and compares, so
a renamed function or option, or a change of output, fails there until this is run again:

    .venv/bin/python scripts/docs_examples.py      # or: make docs-examples
    git diff docs_src/output README.md              # read what changed

Examples run in a scratch folder that looks like the repository (``examples/`` and ``eval/``
linked, ``../shared`` beside it when it exists), with the virtualenv's ``bin`` first on PATH and
a fixed terminal width, so they write nothing into the working tree.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DOCS_SRC = ROOT / "docs_src"
OUTPUT = DOCS_SRC / "output"
SHARED = ROOT.parent / "shared"
EXAMPLE = "examples/2025-03-14-trump-putin-kursk.txt"
README = ROOT / "README.md"
EXCERPT = OUTPUT / "excerpt.json"
EXCERPT_START = "<!-- json-excerpt:start (scripts/docs_examples.py writes this block) -->"
EXCERPT_END = "<!-- json-excerpt:end -->"
#: a line of the excerpt holds several "key": value pairs up to this width
EXCERPT_WIDTH = 100


@dataclass(frozen=True)
class Example:
    """One file under docs_src/ and how to run it."""

    name: str
    #: terminal width the CLI's tables are drawn for
    columns: int = 100
    #: reads ../shared (the records gold's texts); skipped when it is absent
    needs_shared: bool = False
    #: edits a data file of the package, so it runs on a copy of src/
    copies_src: bool = False
    #: asks a `dateline serve` over the store an earlier example wrote
    needs_server: bool = False
    #: its output is compared word for word (False: the test checks what it must show)
    exact: bool = True

    @property
    def path(self) -> Path:
        return DOCS_SRC / self.name

    @property
    def output(self) -> Path:
        return OUTPUT / (self.path.stem + ".txt")


#: in the order they run: store.sh writes the store that api_query.py asks
EXAMPLES: tuple[Example, ...] = (
    Example("extract.sh", columns=150),
    Example("python_api.py"),
    Example("store.sh"),
    Example("api_query.py", needs_server=True),
    # Scores the whole dev gold twice (about 40 s); its figures move with every rule change, so
    # the test checks the effect it documents rather than every digit.
    Example("add_trigger.sh", needs_shared=True, copies_src=True, exact=False),
)

# Timings and clock times differ from run to run, and a stage version's fingerprint of its code
# and data ("events@1.7.9+fp.245428d75f") with any edit of it, output or not: they are masked
# before outputs are compared (the version itself is kept).
_VOLATILE = (
    (re.compile(r"\d[\d,]*(\.\d+)? (s|articles/s|words/s)\b"), r"N \2"),
    # ten hex digits, which a narrow terminal may wrap anywhere
    (re.compile(r"\+fp\.\n?(?:[0-9a-f]\n?){9}[0-9a-f]"), "+fp.FINGERPRINT"),
    (re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}"), "TIMESTAMP"),
)


def normalise(text: str) -> str:
    for pattern, replacement in _VOLATILE:
        text = pattern.sub(replacement, text)
    return text


class ExampleFailed(RuntimeError):
    """An example exited non-zero (a renamed option, a missing file, ...)."""


class Sandbox:
    """A scratch folder laid out like the repository, where the examples run."""

    def __init__(self, top: Path) -> None:
        self.top = top
        self.repo = top / "repo"
        self.repo.mkdir()
        for name in ("examples", "eval"):
            (self.repo / name).symlink_to(ROOT / name)
        if SHARED.exists():
            (top / "shared").symlink_to(SHARED)
        self._src_copied = False

    def env(self, example: Example, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "PYTHONPATH")}
        bin_dir = str(Path(sys.executable).parent)
        env.update(
            PATH=bin_dir + os.pathsep + env.get("PATH", ""),
            COLUMNS=str(example.columns),
            NO_COLOR="1",
            TERM="dumb",
            PYTHONIOENCODING="utf-8",
            # The text tables sort mention forms case-insensitively from a set, so "He" and
            # "he" come in hash order; a fixed seed keeps the output the same from run to run.
            PYTHONHASHSEED="0",
        )
        env.pop("DATELINE_DB", None)  # the examples name their store
        if example.copies_src:
            if not self._src_copied:
                shutil.copytree(ROOT / "src", self.repo / "src")
                self._src_copied = True
            # The copy comes before the editable install on sys.path.
            env["PYTHONPATH"] = str(self.repo / "src")
        env.update(extra)
        return env

    def run(self, example: Example, **env: str) -> str:
        """The example's output: a Python file's stdout, or a shell file as a terminal session
        (each comment, then each command after ``$ `` and what it printed)."""
        if example.path.suffix == ".py":
            return self._run([sys.executable, str(example.path)], example, env)
        transcript = []
        for step in shell_steps(example.path.read_text(encoding="utf-8")):
            if step.startswith("#"):
                transcript.append(step + "\n")
            else:
                command = ["bash", "-euo", "pipefail", "-c", step]
                transcript.append(f"$ {step}\n" + self._run(command, example, env))
        return "".join(transcript)

    def _run(self, command: list[str], example: Example, env: dict[str, str]) -> str:
        done = subprocess.run(
            command,
            cwd=self.repo,
            env=self.env(example, **env),
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=600,
        )
        if done.returncode != 0:
            raise ExampleFailed(
                f"docs_src/{example.name} failed (exit {done.returncode}) at {command[-1]!r}:\n"
                f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
            )
        return done.stdout


def shell_steps(script: str) -> list[str]:
    """A shell example's comment lines and commands, a command's continued lines joined."""
    steps: list[str] = []
    pending = ""
    for line in script.splitlines():
        if not pending and (not line.strip() or line.startswith("#")):
            if line.strip():
                steps.append(line)
            continue
        pending += line
        if line.endswith("\\"):
            pending += "\n"
        else:
            steps.append(pending)
            pending = ""
    if pending:
        steps.append(pending)
    return steps


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(sandbox: Sandbox, db: str = "dateline.duckdb") -> Iterator[str]:
    """`dateline serve` on the sandbox's store, on a free loopback port, for one block."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "dateline"), "serve", "--db", db, "--port", str(port)],
        cwd=sandbox.repo,
        env=sandbox.env(Example("serve")),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    error = server.stderr.read() if server.stderr else ""
                    raise ExampleFailed(f"dateline serve did not start: {error}") from None
                time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


def run_examples(top: Path, examples: tuple[Example, ...] = EXAMPLES) -> dict[str, str | Exception]:
    """Run ``examples`` in order in a sandbox under ``top``: the output of each by name, or the
    error it failed with (the others still run)."""
    sandbox = Sandbox(top)
    outputs: dict[str, str | Exception] = {}
    for example in examples:
        if example.needs_shared and not SHARED.exists():
            continue
        try:
            if example.needs_server:
                with serving(sandbox) as url:
                    outputs[example.name] = sandbox.run(example, DATELINE_URL=url)
            else:
                outputs[example.name] = sandbox.run(example)
        except (ExampleFailed, OSError, RuntimeError) as exc:
            outputs[example.name] = exc
    return outputs


# ---- the README's JSON excerpt ------------------------------------------------------------


def _pick_excerpt(document: dict[str, Any]) -> dict[str, Any]:
    """One event and one quote of one sentence: the first event with a mode, a place and a date
    read from a time expression, and the first quote inside its evidence sentence."""
    for event in document["events"]:
        if not (event["mode"] and event["place"] and event["date"]["source"] == "expression"):
            continue
        sentence = event["evidence"]
        for quote in document["quotes"]:
            if sentence["start"] <= quote["start"] and quote["end"] <= sentence["end"]:
                return {"quotes": [quote], "events": [event]}
    raise LookupError(
        "no event of the example has a mode, a place and a dated expression with a quote in its "
        "sentence: change _pick_excerpt in scripts/docs_examples.py to choose another"
    )


def _fill(items: list[str], first: str, indent: str, width: int) -> list[str]:
    """Pack ``"key": value`` items onto lines no longer than ``width`` (a long item alone on
    its line), the first line opening with ``first``, the next ones with ``indent``."""
    lines: list[str] = []
    current, fresh = first, True
    for item in items:
        if not fresh and len(current) + 1 + len(item) > width:
            lines.append(current)
            current, fresh = indent, True
        current += item if fresh else " " + item
        fresh = False
    lines.append(current)
    return lines


def excerpt(document: dict[str, Any], width: int = EXCERPT_WIDTH) -> str:
    """The README's JSON excerpt: whole records, several keys a line; valid JSON."""
    picked = _pick_excerpt(document)
    lines: list[str] = []
    sections = list(picked.items())
    for index, (section, records) in enumerate(sections):
        (record,) = records
        items = [
            json.dumps(key, ensure_ascii=False) + ": " + json.dumps(value, ensure_ascii=False)
            for key, value in record.items()
        ]
        last = index == len(sections) - 1
        items = [item + "," for item in items[:-1]] + [items[-1] + ("}]}" if last else "}],")]
        first = ("{" if index == 0 else " ") + json.dumps(section) + ": [{"
        lines.extend(_fill(items, first, "   ", width))
    return "\n".join(lines) + "\n"


def readme_block(text: str) -> str:
    """The README's excerpt as it stands (between its markers, without the code fence)."""
    start, end = text.index(EXCERPT_START), text.index(EXCERPT_END)
    block = text[start + len(EXCERPT_START) : end].strip("\n")
    return block.removeprefix("```json\n").removesuffix("\n```") + "\n"


def with_readme_block(text: str, block: str) -> str:
    start, end = text.index(EXCERPT_START), text.index(EXCERPT_END)
    return text[: start + len(EXCERPT_START)] + f"\n```json\n{block}```\n" + text[end:]


def seed_document() -> dict[str, Any]:
    """The contract JSON of the shipped example, from the pipeline in this process."""
    from dateline.contract import to_dict
    from dateline.io import read_articles
    from dateline.pipeline import Pipeline

    return to_dict(Pipeline()(read_articles([ROOT / EXAMPLE])[0]))


def main() -> None:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    block = excerpt(seed_document())
    EXCERPT.write_text(block, encoding="utf-8")
    readme = README.read_text(encoding="utf-8")
    if EXCERPT_START in readme:
        README.write_text(with_readme_block(readme, block), encoding="utf-8")
    print(f"wrote {EXCERPT.relative_to(ROOT)} ({block.count(chr(10))} lines)")
    with tempfile.TemporaryDirectory(prefix="dateline-docs-") as top:
        for name, output in run_examples(Path(top)).items():
            if isinstance(output, Exception):
                raise SystemExit(str(output))
            example = next(e for e in EXAMPLES if e.name == name)
            old = example.output.read_text(encoding="utf-8") if example.output.exists() else ""
            if normalise(old) == normalise(output):  # only timings differ: keep the file
                print(f"unchanged {example.output.relative_to(ROOT)}")
                continue
            example.output.write_text(output, encoding="utf-8")
            print(f"wrote {example.output.relative_to(ROOT)} ({output.count(chr(10))} lines)")
    if not SHARED.exists():
        print(f"{SHARED} is absent: examples that need it were not run")


if __name__ == "__main__":
    main()
