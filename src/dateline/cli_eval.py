"""``dateline eval STAGE PATH``: per-stage accuracy on real annotated data.

Each command calls ``dateline.eval.<stage>.evaluate(path, ...)``, which returns a flat report
dict (figures plus ``n_*`` counts and a ``dataset`` description), printed as a table or JSON.
"""

from __future__ import annotations

from enum import StrEnum
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


SaveOption = Annotated[
    Path | None,
    typer.Option("--save", help="Write every prediction and how it scored here (JSONL)."),
]
DiffOption = Annotated[
    Path | None,
    typer.Option(
        "--diff", help="A predictions file from an earlier run (--save): list what changed since."
    ),
]


class Split(StrEnum):
    all = "all"
    dev = "dev"
    test = "test"


SplitOption = Annotated[
    Split,
    typer.Option(
        "--split",
        help="Score every document, or one half: dev (even-numbered documents, where rules are "
        "written) or test (odd-numbered, the figure to report).",
    ),
]


@eval_app.command("times")
def eval_times(
    path: PathArgument,
    format: FormatOption = ReportFormat.table,
    split: SplitOption = Split.all,
    errors: Annotated[
        Path | None,
        typer.Option("--errors", help="Write every value error, miss and extra here (TSV)."),
    ] = None,
    limit: LimitOption = None,
    model: ModelOption = None,
    config: ConfigOption = None,
) -> None:
    """Score temporal expressions on TimeML (.tml) or MEANTIME CAT XML (TempEval-3 metrics)."""
    from dateline.eval.times import evaluate

    mismatches: list[str] | None = [] if errors is not None else None
    report = evaluate(
        path,
        limit=limit,
        config=pipeline_config(model, config, None),
        mismatches=mismatches,
        split=split.value,
    )
    if errors is not None and mismatches is not None:
        errors.write_text("".join(line + "\n" for line in mismatches), encoding="utf-8")
        report["errors_file"] = str(errors)
    print_report(report, format, title="times")


class EventsCoder(StrEnum):
    rules = "rules"
    embedding = "embedding"
    both = "both"


@eval_app.command("events")
def eval_events(
    path: PathArgument,
    format: FormatOption = ReportFormat.table,
    coder: Annotated[
        EventsCoder | None,
        typer.Option(
            "--coder",
            help="Events coder: rules, embedding (needs the 'embeddings' extra), or both side by side.",
        ),
    ] = None,
    save: SaveOption = None,
    diff: DiffOption = None,
    limit: LimitOption = None,
    model: ModelOption = None,
    config: ConfigOption = None,
) -> None:
    """Event types on PLV (TSV) or the PLOVER gold-standard records (JSON): accuracy, macro-F1, coverage."""
    from dateline.eval.changes import read_predictions, write_rows
    from dateline.eval.events import diff_predictions, evaluate, evaluate_coders

    settings = pipeline_config(model, config, None)
    if (save or diff) and coder is not None:
        from dateline.errors import EvalError

        raise EvalError("--save and --diff compare runs of the default coder. Leave out --coder.")
    if coder is None:
        baseline = read_predictions(diff) if diff else None  # a bad file fails before the run
        predictions: list[dict] = []
        report = evaluate(path, limit=limit, config=settings, predictions=predictions)
        if save is not None:
            write_rows(save, predictions)
            report["predictions_file"] = str(save)
        if baseline is not None:
            changes = diff_predictions(baseline, predictions)
            if format is ReportFormat.table:
                from dateline.render.reports import render_changes

                print_report(report, format, title="events")
                render_changes(changes, title=f"changes since {diff}")
                return
            report["changes"] = changes
    elif coder is not EventsCoder.both:
        report = evaluate_coders(path, (coder.value,), limit=limit, config=settings)[coder.value]
    else:
        reports = evaluate_coders(path, ("rules", "embedding"), limit=limit, config=settings)
        if format is ReportFormat.table:
            for name, part in reports.items():
                print_report(part, format, title=f"events: {name}")
            return
        report = reports
    print_report(report, format, title="events")


class QuotesBaseline(StrEnum):
    textacy = "textacy"


@eval_app.command("quotes")
def eval_quotes(
    path: PathArgument,
    format: FormatOption = ReportFormat.table,
    baseline: Annotated[
        QuotesBaseline | None,
        typer.Option("--baseline", help="Also score a baseline over the same parses (textacy)."),
    ] = None,
    limit: LimitOption = None,
    model: ModelOption = None,
    config: ConfigOption = None,
) -> None:
    """Attributions on a PolNeAR split folder: content P/R/F1 (>=50% of gold content), speaker, cue."""
    from dateline.eval.quotes import evaluate

    settings = pipeline_config(model, config, None)
    report = evaluate(
        path, limit=limit, config=settings, baseline=baseline.value if baseline else None
    )
    if baseline is not None and format is ReportFormat.table:
        for system in ("dateline", baseline.value):
            print_report(
                {**report[system], "dataset": report["dataset"]}, format, title=f"quotes: {system}"
            )
        return
    print_report(report, format, title="quotes")


@eval_app.command("places")
def eval_places(
    path: PathArgument,
    format: FormatOption = ReportFormat.table,
    corpus: Annotated[
        str,
        typer.Option(
            "--corpus", help="Corpus format: auto (detect), lgl (TR-News, LGL), geovirus."
        ),
    ] = "auto",
    patches: Annotated[
        Path | None,
        typer.Option(
            "--patches",
            help="Gold coordinate patch TSV (mlg_evaldata); default: ../patches/<corpus>_patches.tsv if present.",
        ),
    ] = None,
    raw_gold: Annotated[
        bool, typer.Option("--raw-gold", help="Score against the unpatched gold only.")
    ] = False,
    split: SplitOption = Split.all,
    limit: LimitOption = None,
    model: ModelOption = None,
    config: ConfigOption = None,
) -> None:
    """Toponyms on TR-News/LGL or GeoVirus XML: recognition P/R/F1, accuracy within 161 km."""
    from dateline.eval.places import evaluate

    report = evaluate(
        path,
        corpus=corpus,
        limit=limit,
        config=pipeline_config(model, config, None),
        patches=None if raw_gold else (patches or "auto"),
        split=split.value,
    )
    print_report(report, format, title="places")


@eval_app.command("records")
def eval_records(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Gold files or folders (inline or offset form, GUIDELINES.md)."),
    ],
    format: FormatOption = ReportFormat.table,
    errors: Annotated[
        Path | None,
        typer.Option(
            "--errors",
            help="Write every miss, false event, dyad, factuality, date and place error here (JSONL).",
        ),
    ] = None,
    texts: Annotated[
        Path | None,
        typer.Option(
            "--texts",
            help="The shared data folder that offset-form gold files name their texts in "
            "\\[default: ../shared].",
        ),
    ] = None,
    save: SaveOption = None,
    diff: DiffOption = None,
    limit: LimitOption = None,
    model: ModelOption = None,
    config: ConfigOption = None,
) -> None:
    """Whole event records (who did what to whom, whether, when, where) against the records gold."""
    from dateline.eval.records import evaluate

    report = evaluate(
        paths,
        texts=texts,
        limit=limit,
        config=pipeline_config(model, config, None),
        errors_path=errors,
        save_path=save,
        baseline_path=diff,
    )
    if format is ReportFormat.json:
        print_report(report, format, title="records")
        return
    from dateline.render.reports import render_by_genre, render_changes

    changes = report.pop("changes", None)
    render_by_genre(report, title="records")
    if changes is not None:
        render_changes(changes, title=f"changes since {diff}")
