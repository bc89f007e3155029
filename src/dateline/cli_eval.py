"""``dateline eval STAGE PATH``: per-stage accuracy on real annotated data.

Each command calls ``dateline.eval.<stage>.evaluate(path, ...)``, which returns a flat report
dict (figures plus ``n_*`` counts and a ``dataset`` description), printed as a table or JSON.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dateline.cli import (  # noqa: F401  (shared by the eval commands below)
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
