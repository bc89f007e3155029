"""Corpus commands: ``merge``, ``timeline``, ``dyads`` and ``export``, over the DuckDB store.

Registered on :data:`dateline.cli.app` when :mod:`dateline.cli` imports this module. ``timeline``,
``dyads`` and ``export`` open the store read-only; ``merge`` rebuilds the derived corpus tables
(near-duplicates, merged events), which ``ingest`` also does after every run.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from dateline.cli import DEFAULT_DB, DbOption, LimitOption, TableFormat, app

SinceFilter = Annotated[str | None, typer.Option("--since", help="From this day on (YYYY-MM-DD).")]
UntilFilter = Annotated[str | None, typer.Option("--until", help="Up to this day (YYYY-MM-DD).")]


class TimelineFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    plover = "plover"
    gdelt = "gdelt"
    csv = "csv"
    parquet = "parquet"


def _window(since: str | None, until: str | None) -> tuple[dt.date | None, dt.date | None]:
    from dateline.errors import ConfigError
    from dateline.storage.query import parse_day

    first, last = parse_day(since, "--since"), parse_day(until, "--until")
    if first and last and first > last:
        raise ConfigError(f"--since {first} is after --until {last}. Swap them.")
    return first, last


@app.command("merge")
def merge_command(
    db: DbOption = DEFAULT_DB,
    rebuild: Annotated[
        bool,
        typer.Option("--rebuild", help="Recompute everything from scratch (the same result)."),
    ] = False,
) -> None:
    """Run the corpus pass: registry, name links, near-duplicates, merged events (ingest does)."""
    from dateline.corpus import refresh
    from dateline.storage.lock import writer_lock
    from dateline.storage.store import connect, missing_store, read_wait

    if not db.exists():
        raise missing_store(db)
    with writer_lock(db, "merge"), connect(db, wait=read_wait()) as conn:
        report = refresh(conn, rebuild=rebuild)
    print(
        f"Store {db}: {report.duplicates:,} near-duplicate articles, "
        f"{report.merged_events:,} merged events ({report.seconds:.1f} s; this pass looked at "
        f"{report.articles:,} articles and {report.reports:,} changed reports)."
    )


@app.command("timeline")
def timeline_command(
    query: Annotated[
        str,
        typer.Argument(
            help="An actor (id or name), a place or a phrase; terms joined by AND / OR, "
            "e.g. 'Trump AND Putin'."
        ),
    ],
    db: DbOption = DEFAULT_DB,
    since: SinceFilter = None,
    until: UntilFilter = None,
    quotes: Annotated[
        bool, typer.Option("--quotes/--no-quotes", help="Include matching quotes.")
    ] = True,
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            help="Quote kinds, as for `dateline quotes`: direct, partial, indirect, according_to, "
            "belief or all (default: speech, all but belief).",
        ),
    ] = None,
    limit: LimitOption = None,
    format: Annotated[
        TimelineFormat, typer.Option("--format", "-f", help="Output format.")
    ] = TimelineFormat.table,
) -> None:
    """A dated list of merged events and quotes about an actor, place or phrase, with evidence."""
    from dateline.corpus.timeline import SPEECH_KINDS, timeline
    from dateline.render.corpus import print_timeline
    from dateline.render.store import write_json, write_jsonl
    from dateline.storage.query import quote_kinds
    from dateline.storage.store import connect

    kinds = quote_kinds(kind) or SPEECH_KINDS
    first, last = _window(since, until)
    with connect(db, read_only=True) as conn:
        entries = timeline(
            conn, query, since=first, until=last, quotes=quotes, limit=limit, kinds=kinds
        )
    if format is TimelineFormat.json:
        write_json(entries)
    elif format is TimelineFormat.jsonl:
        write_jsonl(entries)
    elif not entries:
        print(f"Nothing in {db} matches {query!r}.")
    else:
        print_timeline(entries, query)


@app.command("dyads")
def dyads_command(
    db: DbOption = DEFAULT_DB,
    actor: Annotated[
        str | None, typer.Option("--actor", help="Only pairs with this actor (id or name).")
    ] = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    undirected: Annotated[
        bool, typer.Option("--undirected", help="Fold A->B and B->A into one pair.")
    ] = False,
    limit: LimitOption = None,
    format: Annotated[
        TableFormat, typer.Option("--format", "-f", help="Output format.")
    ] = TableFormat.table,
) -> None:
    """Cooperation/conflict score per day for each actor pair (sum of PLOVER scores of merged events)."""
    import sys

    from dateline.corpus.dyads import dyads
    from dateline.render.corpus import print_dyads
    from dateline.render.store import write_csv, write_json, write_jsonl
    from dateline.storage.query import actor_names, matching_actors
    from dateline.storage.store import connect

    first, last = _window(since, until)
    with connect(db, read_only=True) as conn:
        ids = matching_actors(conn, actor) if actor is not None else None
        if ids == []:
            print(
                f"No actor matches {actor!r} in {db}. List them with: dateline actors --db {db}",
                file=sys.stderr,
            )
        rows = dyads(
            conn, actor_ids=ids, since=first, until=last, undirected=undirected, limit=limit
        )
        names = actor_names(conn)
    for row in rows:
        row["day"] = row["day"].isoformat() if row["day"] else None
    if format is TableFormat.json:
        write_json(rows)
    elif format is TableFormat.jsonl:
        write_jsonl(rows)
    elif format is TableFormat.csv:
        write_csv(rows)
    elif not rows:
        print(
            f"No actor pairs in {db}" + (" match the filters." if actor or since or until else ".")
        )
    else:
        print_dyads(rows, names)


@app.command("export")
def export_command(
    out: Annotated[
        Path, typer.Argument(help="Output file (jsonl, plover, gdelt; - for stdout) or folder.")
    ],
    format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="Export format.")
    ] = ExportFormat.jsonl,
    db: DbOption = DEFAULT_DB,
    flat_events: Annotated[
        bool,
        typer.Option(
            "--flat-events",
            help="With --format parquet or csv: one file, one row per event with names, "
            "countries, sectors, place and article (the table of /api/events).",
        ),
    ] = False,
) -> None:
    """Export the store: contract JSONL, PLOVER records, GDELT 2.0 rows, CSV or Parquet tables."""
    import sys

    from dateline.exports import FOLDER_FORMATS, export
    from dateline.storage.store import connect

    if flat_events:
        from dateline.exports.flat import export_flat_events

        with connect(db, read_only=True) as conn:
            rows = export_flat_events(conn, out, format.value)
        print(f"Wrote {rows:,} events to {out} ({format.value}, flat).", file=sys.stderr)
        return
    with connect(db, read_only=True) as conn:
        count = export(conn, format.value, out)
    if str(out) != "-":
        what = "tables" if format.value in FOLDER_FORMATS else "records"
        print(f"Wrote {count:,} {what} to {out} ({format.value}).", file=sys.stderr)
