"""The ingest progress bar: articles done, articles/s, and the running counts.

Drawn with rich.progress on stderr, and only on a terminal: piped output and logs stay clean.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dateline.storage.report import IngestReport


class ProgressBar:
    """A rich progress bar with articles/s, or nothing when off or not on a terminal."""

    def __init__(self, progress: Any) -> None:
        self.progress = progress
        self.task = progress.add_task("ingest", total=None, status="") if progress else None

    def advance(self, count: int, report: IngestReport) -> None:
        if self.progress is None or self.task is None:
            return
        status = f"new {report.new} · replaced {report.replaced} · skipped {report.skipped} · failed {report.failed}"
        self.progress.update(self.task, advance=count, status=status)


def _rate_column() -> Any:
    from rich.progress import ProgressColumn
    from rich.text import Text

    class ArticlesPerSecond(ProgressColumn):
        def render(self, task: Any) -> Text:
            elapsed = task.elapsed or 0.0
            rate = task.completed / elapsed if elapsed > 0 else 0.0
            return Text(f"{rate:,.1f} articles/s", style="cyan")

    return ArticlesPerSecond()


class progress_bar:
    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.progress: Any = None

    def __enter__(self) -> ProgressBar:
        if not self.enabled:
            return ProgressBar(None)
        from rich.console import Console
        from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        console = Console(stderr=True)
        if not console.is_terminal:
            return ProgressBar(None)
        self.progress = Progress(
            SpinnerColumn(),
            TextColumn("[bold]ingest[/]"),
            BarColumn(),
            TextColumn("{task.completed:,.0f} articles"),
            _rate_column(),
            TimeElapsedColumn(),
            TextColumn("{task.fields[status]}"),
            console=console,
            transient=False,
        )
        self.progress.start()
        return ProgressBar(self.progress)

    def __exit__(self, *exc: object) -> None:
        if self.progress is not None:
            self.progress.stop()
