"""``dateline eval STAGE PATH``: per-stage accuracy on real annotated data.

Each command calls ``dateline.eval.<stage>.evaluate(path, ...)``, which returns a flat report
dict (figures plus ``n_*`` counts and a ``dataset`` description), printed as a table or JSON.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dateline.cli import (
    ConfigOption,
    LimitOption,
    ModelOption,
    ReportFormat,
    eval_app,
    pipeline_config,
    print_report,
)

FormatOption = Annotated[ReportFormat, typer.Option("--format", "-f", help="Output format.")]
PathArgument = Annotated[Path, typer.Argument(help="Dataset file or folder.")]


@eval_app.command("times")
def eval_times(
    path: PathArgument,
    format: FormatOption = ReportFormat.table,
    limit: LimitOption = None,
    model: ModelOption = None,
    config: ConfigOption = None,
) -> None:
    """Score temporal expressions on TimeML (.tml) or MEANTIME CAT XML (TempEval-3 metrics)."""
    from dateline.eval.times import evaluate

    report = evaluate(path, limit=limit, config=pipeline_config(model, config, None))
    print_report(report, format, title="times")


@eval_app.command("events")
def eval_events(
    path: PathArgument,
    format: FormatOption = ReportFormat.table,
    limit: LimitOption = None,
    model: ModelOption = None,
    config: ConfigOption = None,
) -> None:
    """Event types on PLV (TSV) or the PLOVER gold-standard records (JSON): accuracy, macro-F1, coverage."""
    from dateline.eval.events import evaluate

    settings = pipeline_config(model, config, None)
    report = evaluate(path, limit=limit, config=settings)
    print_report(report, format, title="events")
