"""Showing what the store holds: rich tables for a terminal, JSON, JSONL and CSV for tools.

Table cells that quote an article show the evidence text itself, with the trigger (events) or
the quoted words (quotes) highlighted in the colours of ``dateline extract``.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from dateline.storage.report import IngestReport

Row = dict[str, Any]


def _console() -> Console:
    """The rich console of :mod:`dateline.render.console` (imported here, not at the top: rich
    loads only when a table is printed)."""
    from dateline.render.console import terminal_console

    return terminal_console()


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    return value


def write_json(records: list[dict[str, Any]], out: TextIO | None = None) -> None:
    out = out or sys.stdout  # looked up per call: tests and callers swap sys.stdout
    out.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")


def write_jsonl(records: list[dict[str, Any]], out: TextIO | None = None) -> None:
    out = out or sys.stdout  # looked up per call: tests and callers swap sys.stdout
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def write_csv(rows: list[Row], out: TextIO | None = None) -> None:
    """The flat table rows, lists joined with ';' (nothing at all when there are none)."""
    out = out or sys.stdout  # looked up per call: tests and callers swap sys.stdout
    if not rows:
        return
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _plain(value) for key, value in row.items()})


def _marked(text: str, base: int, start: int | None, end: int | None, style: str) -> Text:
    """The evidence sentence with ``start:end`` highlighted (shared with ``dateline extract``)."""
    from dateline.render.console import evidence_window

    return evidence_window(text, base, start, end, style)


def _event_day(row: Row) -> str:
    """The event's day or day range; an open one as "≤ D" or "≥ D" (not TIMEX3's PAST_REF)."""
    earliest, latest = row["date_earliest"], row["date_latest"]
    if earliest and latest:
        return (
            earliest.isoformat()
            if earliest == latest
            else f"{earliest.isoformat()}\n–{latest.isoformat()}"
        )
    if latest:
        return f"≤ {latest.isoformat()}"
    if earliest:
        return f"≥ {earliest.isoformat()}"
    if row["date_value"]:
        return str(row["date_value"])
    return row["article_date"].isoformat() if row["article_date"] else ""


def _who(ids: list[str], names: dict[str, str]) -> str:
    return ", ".join(names.get(i, i) for i in ids) or "—"


def events_table(rows: list[Row], names: dict[str, str]) -> Table:
    from rich.table import Table

    from dateline.render.console import STYLES

    table = Table(title=f"Events ({len(rows)})", show_lines=True, expand=True)
    for column, kwargs in (
        ("Date", {"no_wrap": True}),
        ("Type", {"no_wrap": True}),
        ("Who → whom", {"ratio": 2}),
        ("Factuality", {}),
        ("Evidence", {"ratio": 5}),
    ):
        table.add_column(column, **kwargs)
    for row in rows:
        day = _event_day(row)
        kind = row["type"] + (f" {row['mode']}" if row["mode"] else "")
        if row["trigger_text"]:
            kind += f"\n“{row['trigger_text']}”"
        who = f"{_who(row['actors'], names)}\n→ {_who(row['recipients'], names)}"
        fact = row["factuality"] or ""
        if row["reporter"]:
            fact += f"\nper {names.get(row['reporter'], row['reporter'])}"
        evidence = _marked(
            row["evidence_text"],
            row["evidence_start"],
            row["trigger_start"],
            row["trigger_end"],
            STYLES["trigger"],
        )
        table.add_row(day, kind, who, fact, evidence)
    return table


def quotes_table(rows: list[Row], names: dict[str, str]) -> Table:
    from rich.table import Table
    from rich.text import Text

    from dateline.render.console import STYLES

    table = Table(title=f"Quotes ({len(rows)})", show_lines=True, expand=True)
    table.add_column("Date", no_wrap=True)
    table.add_column("Speaker", ratio=1)
    table.add_column("Kind")
    table.add_column("Cue")
    table.add_column("Quote", ratio=2)
    table.add_column("Evidence", ratio=3)
    for row in rows:
        actor = row["speaker_actor"]
        speaker = str(names.get(actor, actor)) if actor else "?"
        if row["speaker_text"] and row["speaker_text"] != speaker:
            speaker += f"\n({row['speaker_text']})"
        base = row["evidence_start"] if row["evidence_start"] is not None else row["start_char"]
        text = row["evidence_text"] if row["evidence_text"] is not None else row["text"]
        evidence = _marked(text, base, row["start_char"], row["end_char"], STYLES["quote"])
        table.add_row(
            row["article_date"].isoformat(),
            speaker,
            row["kind"] or "",
            row["cue_text"] or "",
            Text(row["text"], style=STYLES["quote"]),
            evidence,
        )
    return table


def _seen(first: dt.date | None, last: dt.date | None) -> str:
    if first is None or last is None:
        return ""
    return first.isoformat() if first == last else f"{first.isoformat()} – {last.isoformat()}"


def actors_table(rows: list[Row], names: dict[str, str]) -> Table:
    from rich.table import Table

    table = Table(title=f"Actors ({len(rows)})")
    table.add_column("ID", no_wrap=True)
    table.add_column("Name")
    table.add_column("Kind")
    table.add_column("Country")
    table.add_column("Sector")
    table.add_column("Articles", justify="right")
    table.add_column("Mentions", justify="right")
    table.add_column("Seen")
    for row in rows:
        table.add_row(
            row["actor_id"],
            row["name"] or "",
            row["kind"] or "",
            row["country"] or "",
            row["sector"] or "",
            str(row["n_articles"]),
            str(row["n_mentions"]),
            _seen(row["first_seen"], row["last_seen"]),
        )
    return table


def articles_table(rows: list[Row], names: dict[str, str]) -> Table:
    from rich.table import Table

    table = Table(title=f"Articles ({len(rows)})", expand=True)
    table.add_column("Date", no_wrap=True)
    table.add_column("Title", ratio=4)
    table.add_column("Source")
    for column in ("Actors", "Quotes", "Events", "Claims"):
        table.add_column(column, justify="right")
    table.add_column("ID", no_wrap=True)
    for row in rows:
        table.add_row(
            row["date"].isoformat(),
            row["title"],
            row["source"] or "",
            str(row["n_article_actors"]),
            str(row["n_quotes"]),
            str(row["n_events"]),
            str(row["n_claims"]),
            row["article_id"],
        )
    return table


TABLES: dict[str, Callable[[list[Row], dict[str, str]], Table]] = {
    "events": events_table,
    "quotes": quotes_table,
    "actors": actors_table,
    "articles": articles_table,
}

#: Columns left out of CSV output because they are long (the article text is in `articles`).
CSV_DROP = {"articles": ("text",)}


def print_rows(kind: str, rows: list[Row], names: dict[str, str], fmt: str) -> None:
    from dateline.storage.records import TO_JSON

    if fmt == "json":
        write_json([TO_JSON[kind](row) for row in rows])
    elif fmt == "jsonl":
        write_jsonl([TO_JSON[kind](row) for row in rows])
    elif fmt == "csv":
        drop = CSV_DROP.get(kind, ())
        write_csv([{k: v for k, v in row.items() if k not in drop} for row in rows])
    else:
        _console().print(TABLES[kind](rows, names))


def print_stats(report: dict[str, Any], db: str) -> None:
    from rich.table import Table

    console = _console()
    table = Table(title=f"dateline store {db}")
    table.add_column("Table")
    table.add_column("Rows", justify="right")
    for name, count in report["rows"].items():
        table.add_row(name, f"{count:,}")
    console.print(table)
    first, last = report["articles"]["first"], report["articles"]["last"]
    console.print(f"Articles dated {first} to {last}" if first else "No articles yet.")
    console.print(f"Schema version {report['schema_version']}")
    for entry in report["pipeline_versions"]:
        console.print(
            f"Pipeline {entry['version']}: {entry['articles']:,} articles",
            highlight=False,
            soft_wrap=True,
        )
    run = report["last_run"]
    if run:
        console.print(
            f"Last run #{run['run_id']} {_run_when(run)}: read {run['articles_read']:,}, "
            f"new {run['articles_new']:,}, replaced {run['articles_replaced']:,}, "
            f"skipped {run['articles_skipped']:,}, failed {run['articles_failed']:,}"
        )


def _run_when(run: Row) -> str:
    """When the run started and, after its status, when it finished (a run still going, or
    killed, has no finish time): stats once printed the start as "completed at"."""
    started, finished, status = run["started_at"], run["finished_at"], run["status"]
    if finished is None:
        return f"started at {started}, {status} (no finish time)"
    return f"started at {started}, {status} at {finished}"


def print_ingest_summary(report: IngestReport) -> None:
    """The one-screen summary after ``dateline ingest``."""
    from dateline.storage.rows import ARTICLE_TABLES

    console = _console()
    words = f", {report.words / report.seconds:,.0f} words/s" if report.seconds > 0 else ""
    speed = (
        f"{report.articles_per_second:.2f} articles/s{words}"
        if report.extracted + report.failed
        else "nothing new to extract"
    )
    console.print(
        f"[bold]Ingested into {report.db}[/] (run {report.run_id}) in {report.seconds:.1f} s: {speed}",
        soft_wrap=True,
    )
    console.print(
        f"  articles read {report.read:,} · new {report.new:,} · replaced {report.replaced:,} · "
        f"skipped {report.skipped:,} (already stored) · failed {report.failed:,}"
    )
    rows = " · ".join(f"{name} {report.rows.get(name, 0):,}" for name in reversed(ARTICLE_TABLES))
    console.print(f"  rows added: {rows}", highlight=False, soft_wrap=True)
    for failure in report.failures:
        console.print(
            f"  [red]failed[/] {failure.name}: {failure.message}", highlight=False, soft_wrap=True
        )
    if report.failed > len(report.failures):
        console.print(
            f"  ... and {report.failed - len(report.failures)} more in the failures table"
        )
    if report.corpus is not None:
        console.print(
            f"  corpus: near-duplicate articles {report.corpus.duplicates:,} · merged events "
            f"{report.corpus.merged_events:,} (corpus pass over {report.corpus.articles:,} "
            f"new articles in {report.corpus.seconds:.1f} s)"
        )
    console.print(f"  pipeline {report.pipeline_version}", highlight=False, soft_wrap=True)
