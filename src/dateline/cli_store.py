"""Store commands: ``ingest``, the query verbs (``events``, ``quotes``, ``actors``,
``articles``), ``stats`` and ``migrate``, over the DuckDB store.

Registered on :data:`dateline.cli.app` when :mod:`dateline.cli` imports this module. Query
commands open the store read-only, so they never change it.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from dateline.cli import (
    DEFAULT_DB,
    ActorsOption,
    ConfigOption,
    DateOption,
    DbOption,
    InputFormatOption,
    LimitOption,
    ModelOption,
    ReportFormat,
    TableFormat,
    app,
    pipeline_config,
)

FormatOption = Annotated[TableFormat, typer.Option("--format", "-f", help="Output format.")]
ActorFilter = Annotated[
    str | None,
    typer.Option("--actor", help="Actor id, or part of a name (events, quotes, actors, articles)."),
]
TypeFilter = Annotated[
    str | None, typer.Option("--type", help="PLOVER event type, e.g. CONSULT (events).")
]
CountryFilter = Annotated[
    str | None, typer.Option("--country", help="ISO 3166-1 alpha-3 code, e.g. RUS.")
]
SinceFilter = Annotated[str | None, typer.Option("--since", help="From this day on (YYYY-MM-DD).")]
UntilFilter = Annotated[str | None, typer.Option("--until", help="Up to this day (YYYY-MM-DD).")]


class DateMatch(StrEnum):
    within = "within"
    overlap = "overlap"


DatesFilter = Annotated[
    DateMatch,
    typer.Option(
        "--dates",
        help="How an event's date range meets --since/--until: within (all of it inside: an "
        "event dated only to 2022 is not in March 2022) or overlap (any day of it inside).",
    ),
]


@app.command()
def ingest(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Article files, directories or globs.")
    ] = None,
    db: DbOption = DEFAULT_DB,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers", "-w", help="Worker processes extracting in parallel (default: all cores)."
        ),
    ] = None,
    batch_size: Annotated[
        int,
        typer.Option(
            "--batch-size", help="Articles per transaction (a crash loses at most one batch)."
        ),
    ] = 32,
    date: DateOption = None,
    input_format: InputFormatOption = None,
    model: ModelOption = None,
    config: ConfigOption = None,
    actors: ActorsOption = None,
    limit: LimitOption = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")
    ] = False,
    engine: Annotated[
        str,
        typer.Option(
            "--engine", help="local (worker processes on this machine) or dask (a Dask cluster)."
        ),
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="Dask scheduler address, e.g. tcp://host:8786 (default: a local cluster).",
        ),
    ] = None,
    merge: Annotated[
        bool,
        typer.Option(
            "--merge/--no-merge",
            help="Run the corpus pass at the end (registry, near-duplicates, merged events).",
        ),
    ] = True,
    stale: Annotated[
        bool,
        typer.Option(
            "--stale",
            help="Also re-extract the stored articles an older pipeline extracted "
            "(dateline status counts them), from the text in the store.",
        ),
    ] = False,
) -> None:
    """Extract articles into the store; skips what is already stored, resumes after a crash.

    Exits non-zero when every input failed; when only some did, warns on stderr and lists them
    in the summary and the store's failures table.
    """
    import sys

    from dateline.errors import InputError
    from dateline.ingest import default_workers
    from dateline.ingest import ingest as run_ingest
    from dateline.render.store import print_ingest_summary

    if not paths and not stale:
        raise InputError(
            "Give the articles to ingest (files, folders or globs), or --stale to re-extract "
            "the stored articles an older pipeline extracted."
        )
    try:
        report = run_ingest(
            paths or [],
            db=db,
            workers=workers if workers is not None else default_workers(),
            engine=engine,
            scheduler=scheduler,
            merge=merge,
            config=pipeline_config(model, config, actors),
            progress=not quiet,
            batch_size=batch_size,
            date=date,
            format=input_format,
            limit=limit,
            stale=stale,
        )
    except KeyboardInterrupt:
        from dateline.cli import Interrupted

        raise Interrupted(
            f"Interrupted. The batches committed so far are kept in {db}; run the same command "
            "again to go on from there."
        ) from None
    if not quiet:
        print_ingest_summary(report)
    if report.failed and not (report.extracted or report.skipped):
        first = report.failures[0].message
        raise InputError(
            first
            if report.failed == 1
            else f"All {report.failed} inputs failed; the first: {first}"
        )
    if report.failed:
        print(
            f"Warning: {report.failed} of {report.read} inputs failed; they are listed in the "
            f"failures table of {db} (run {report.run_id}).",
            file=sys.stderr,
        )


def _query(
    kind: str,
    db: Path,
    fmt: TableFormat,
    *,
    actor: str | None = None,
    event_type: str | None = None,
    country: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
    dates: str | None = None,
    quote_kind: list[str] | None = None,
) -> None:
    import sys

    from dateline.render.store import print_rows
    from dateline.storage.query import QUERIES, actor_names, make_filters, matching_actors
    from dateline.storage.store import connect

    filters = make_filters(
        kind,
        actor=actor,
        type=event_type,
        country=country,
        since=since,
        until=until,
        limit=limit,
        dates=dates,
        kind=quote_kind,
    )
    with connect(db, read_only=True) as conn:
        if actor is not None and not matching_actors(conn, actor):
            print(
                f"No actor matches {actor!r} in {db}. List them with: dateline actors --db {db}",
                file=sys.stderr,
            )
        rows = QUERIES[kind](conn, filters)
        names = actor_names(conn) if fmt is TableFormat.table else {}
    if not rows and fmt is TableFormat.table:
        print(f"No {kind} in {db}" + (" match the filters." if filters.given() else "."))
        return
    print_rows(kind, rows, names, fmt.value)


def _query_command(kind: str, summary: str) -> None:
    """Register ``dateline KIND``: the same filters and formats for every kind of record."""

    def command(
        db: DbOption = DEFAULT_DB,
        actor: ActorFilter = None,
        event_type: TypeFilter = None,
        country: CountryFilter = None,
        since: SinceFilter = None,
        until: UntilFilter = None,
        limit: LimitOption = None,
        format: FormatOption = TableFormat.table,
    ) -> None:
        _query(
            kind,
            db,
            format,
            actor=actor,
            event_type=event_type,
            country=country,
            since=since,
            until=until,
            limit=limit,
        )

    command.__doc__ = summary
    app.command(kind)(command)


@app.command("events")
def events_command(
    db: DbOption = DEFAULT_DB,
    actor: ActorFilter = None,
    event_type: TypeFilter = None,
    country: CountryFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    dates: DatesFilter = DateMatch.within,
    limit: LimitOption = None,
    format: FormatOption = TableFormat.table,
) -> None:
    """Stored events: who did what to whom, when and where, with the evidence sentence."""
    _query(
        "events",
        db,
        format,
        actor=actor,
        event_type=event_type,
        country=country,
        since=since,
        until=until,
        limit=limit,
        dates=dates.value if since or until else None,
    )


@app.command("quotes")
def quotes_command(
    db: DbOption = DEFAULT_DB,
    actor: ActorFilter = None,
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            help="direct, partial, indirect, according_to, belief or all; repeat or separate "
            "with commas (default: speech, all but belief).",
        ),
    ] = None,
    event_type: TypeFilter = None,
    country: CountryFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    limit: LimitOption = None,
    format: FormatOption = TableFormat.table,
) -> None:
    """Stored quotes: who said what, with the cue verb and the sentence.

    Speech by default; `--kind belief` lists what speakers believe, want, see or support.
    """
    _query(
        "quotes",
        db,
        format,
        actor=actor,
        event_type=event_type,
        country=country,
        since=since,
        until=until,
        limit=limit,
        quote_kind=kind,
    )


@app.command("actors")
def actors_command(
    db: DbOption = DEFAULT_DB,
    top: Annotated[
        int | None,
        typer.Option(
            "--top",
            help="The N actors mentioned in most articles (near-duplicate articles not counted).",
        ),
    ] = None,
    generic: Annotated[
        bool,
        typer.Option(
            "--generic",
            help="With --top: count bare common nouns without a country too ('people', "
            "'troops', 'the government').",
        ),
    ] = False,
    actor: ActorFilter = None,
    event_type: TypeFilter = None,
    country: CountryFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    limit: LimitOption = None,
    format: FormatOption = TableFormat.table,
) -> None:
    """The actor registry across articles: name, kind, country, sector, counts."""
    if top is not None:
        _top_actors(db, top, format, since=since, until=until, country=country, generic=generic)
        return
    _query(
        "actors",
        db,
        format,
        actor=actor,
        event_type=event_type,
        country=country,
        since=since,
        until=until,
        limit=limit,
    )


def _top_actors(
    db: Path,
    top: int,
    fmt: TableFormat,
    *,
    since: str | None,
    until: str | None,
    country: str | None,
    generic: bool,
) -> None:
    from dateline.render.store import print_rows
    from dateline.storage.query import actor_names, make_filters, top_actors
    from dateline.storage.store import connect

    filters = make_filters("actors", country=country, since=since, until=until, limit=top)
    with connect(db, read_only=True) as conn:
        rows = top_actors(conn, filters, generic=generic)
        names = actor_names(conn) if fmt is TableFormat.table else {}
    if not rows and fmt is TableFormat.table:
        print(f"No actors in {db}" + (" match the filters." if filters.given() else "."))
        return
    print_rows("actors", rows, names, fmt.value)


_query_command(
    "articles", "Stored articles with counts of their actors, quotes, events and claims."
)


@app.command("stats")
def stats_command(
    db: DbOption = DEFAULT_DB,
    format: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ReportFormat.table,
) -> None:
    """Row counts per table, the articles' date range, and the pipeline versions stored."""
    import json

    from dateline.render.store import print_stats
    from dateline.storage.query import stats
    from dateline.storage.store import connect

    with connect(db, read_only=True) as conn:
        report = stats(conn)
    if format is ReportFormat.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print_stats(report, str(db))


@app.command("status")
def status_command(
    db: DbOption = DEFAULT_DB,
    model: ModelOption = None,
    config: ConfigOption = None,
    actors: ActorsOption = None,
    format: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ReportFormat.table,
) -> None:
    """How many stored articles are stale (extracted by another pipeline), and pending work."""
    import json

    from dateline.pipeline import Pipeline
    from dateline.storage.status import status_lines, store_status
    from dateline.storage.store import connect

    pipeline = Pipeline(pipeline_config(model, config, actors))
    version, stages = pipeline.version, pipeline.stage_versions()  # no model is loaded
    with connect(db, read_only=True) as conn:
        status = store_status(conn, db, version, stages)
    if format is ReportFormat.json:
        print(json.dumps(status, ensure_ascii=False, indent=2))
    else:
        print("\n".join(status_lines(status)))


@app.command("migrate")
def migrate_command(db: DbOption = DEFAULT_DB) -> None:
    """Bring a store made by an older dateline up to this version's schema."""
    from dateline.storage.lock import writer_lock
    from dateline.storage.schema import current_version
    from dateline.storage.store import connect, missing_store, read_wait

    if not db.exists():
        raise missing_store(db)
    with writer_lock(db, "migrate"), connect(db, wait=read_wait()) as conn:
        version = current_version(conn)  # opening for writing applied the pending migrations
    print(f"Store {db} is at schema version {version}.")
