"""Ingest: read articles, extract, and store them in batched transactions.

    >>> from dateline.ingest import ingest
    >>> report = ingest(["news/"], db="dateline.duckdb", workers=2)

Guarantees (design.md, "Storage, scale, serving"):

* **Idempotent.** An article whose ``(content_hash, pipeline_version)`` is already stored is
  skipped before it is parsed, so ingesting the same input twice adds nothing. The same text
  under another article id counts as skipped too (an exact duplicate). When the pipeline version
  changes (dateline, the model, or any stage version), the article is extracted again and its
  old rows are replaced, deletion and insertion in one transaction. Changed text under an
  existing article id also replaces it.
* **Resumable.** Rows are written in one transaction per batch of ``batch_size`` articles: an
  article's rows are all there or none are. A crash or Ctrl-C loses at most the batches in
  flight; a re-run skips everything committed and carries on.
* **One writer, readers welcome.** DuckDB allows one writer process per file, so worker
  processes only extract; the parent process alone writes, and holds ``<store>.lock`` for the
  whole run so that a second ingest is refused. Queries (``dateline events``, ``stats``, the
  server) work meanwhile: a reader that waits is let in between two batches
  (:mod:`dateline.storage.lock`), and sees the store as the last committed batch left it.
  Workers are started with ``spawn`` (safe with threads and on every OS); a script that calls
  ``ingest(..., workers=2)`` must do so under ``if __name__ == "__main__":``, as for any spawned
  multiprocessing. They die with the ingest, even when it is killed (``PR_SET_PDEATHSIG``).
* **Reproducible.** An article's rows depend only on the article and the pipeline; the corpus
  pass (:func:`dateline.corpus.refresh`) derives everything across articles at the end of the
  run (and after every :data:`CORPUS_PASS_EVERY` articles of a long one), so the store does not
  depend on ingest order, batches, workers, engine or interruptions.

Every ingest records a ``runs`` row (started, finished, pipeline version, counts, status).
Articles the pipeline refuses (no text, not English) are counted as failed, listed in the
``failures`` table, and do not stop the run; any other exception stops it (it is a bug), after
the committed batches are kept and the run is marked failed.
"""

from __future__ import annotations

import itertools
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dateline.engines import ENGINES, BatchResult, Engine, Failure
from dateline.engines.local import Extractor, LocalEngine
from dateline.errors import ConfigError, InputError
from dateline.model import Article
from dateline.storage.progress import ProgressBar, progress_bar
from dateline.storage.report import IngestReport
from dateline.storage.store import WriterSession, store_errors, transaction
from dateline.storage.write import load_partition, stored_hashes, stored_versions, write_batch

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

    from dateline.config import PipelineConfig

__all__ = ["BatchResult", "Extractor", "Failure", "IngestReport", "default_workers", "ingest"]

#: Articles per transaction. Measured trade-off: larger batches parse faster with nlp.pipe and
#: commit less often; smaller ones lose less on a crash.
DEFAULT_BATCH_SIZE = 32
#: How many failures the report keeps for display (all are in the ``failures`` table).
KEPT_FAILURES = 20
#: Articles written between two corpus passes during a long ingest, so that the registry,
#: duplicates and merged events follow the articles stored so far (the result does not depend on
#: it). Counted in articles, not seconds: a pass costs CPU time (about 1 s per 400 press
#: releases), and on a loaded machine a clock made more passes for the same work. 2,000 articles
#: is about what one process ingests in the 300 s the clock used to allow on an idle machine.
CORPUS_PASS_EVERY = 2_000
#: Seconds between two looks for waiting readers while the workers extract.
READER_POLL = 0.25


def default_workers() -> int:
    """All the cores this process may use (its CPU affinity), at least one."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _articles(
    sources: Sequence[Article | str | Path] | Iterable[Article | str | Path],
    *,
    date: Any = None,
    format: str | None = None,
) -> Iterator[Article | Failure]:
    """Articles given directly, or read from paths with :func:`dateline.io.iter_articles`.

    Paths are expanded at once, and the first file opened, so a missing path or a bad
    ``--date`` or ``--input-format`` is reported before the store is opened. After that, a file
    the reader refuses (empty, binary, undated, ...) becomes a :class:`Failure` and the run
    goes on with the next file: one bad file among thousands does not stop a corpus.
    """
    from dateline.io import expand_paths, iter_articles

    items: list[Article | Path] = []
    if isinstance(sources, Sequence):
        for item in sources:
            items.extend([item] if isinstance(item, Article) else expand_paths(item))
        first = next((i for i in items if isinstance(i, Path)), None)
    else:
        items, first = [], None
    skipped: list[InputError] = []
    probe = (
        iter_articles([first], date=date, format=format, on_skip=skipped.append) if first else None
    )

    def stream() -> Iterator[Article | Failure]:
        nonlocal probe
        for item in items if isinstance(sources, Sequence) else sources:
            if isinstance(item, Article):
                yield item
                continue
            try:
                if probe is not None:
                    articles, probe = probe, None
                else:
                    articles = iter_articles(
                        [item], date=date, format=format, on_skip=skipped.append
                    )
                for article in articles:
                    yield from _failures(skipped, item)
                    yield article
            except InputError as exc:
                yield from _failures(skipped, item)
                yield Failure(str(exc), source=str(item))
            yield from _failures(skipped, item)

    return stream()


def _failures(skipped: list[InputError], source: str | Path) -> Iterator[Failure]:
    """The records the reader of ``source`` skipped since last asked, as failures."""
    while skipped:
        yield Failure(str(skipped.pop(0)), source=str(source))


def _chunks(
    articles: Iterator[Article | Failure], size: int, limit: int | None
) -> Iterator[list[Article | Failure]]:
    chunk: list[Article | Failure] = []
    for count, article in enumerate(articles):
        if limit is not None and count >= limit:
            break
        chunk.append(article)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _start_run(
    conn: DuckDBPyConnection, report: IngestReport, batch_size: int, sources: list[str]
) -> int:
    from dateline.version import __version__

    with transaction(conn):
        # The lock on the file is ours, so a run still 'running' was cut off by a crash.
        conn.execute("UPDATE runs SET status = 'interrupted' WHERE status = 'running'")
        row = conn.execute(
            "INSERT INTO runs (started_at, status, pipeline_version, dateline_version, workers, "
            "batch_size, sources) VALUES (current_localtimestamp(), 'running', ?, ?, ?, ?, ?) "
            "RETURNING run_id",
            [report.pipeline_version, __version__, report.workers, batch_size, sources],
        ).fetchone()
    assert row is not None
    return int(row[0])


def _update_run(
    conn: DuckDBPyConnection, report: IngestReport, *, error: str | None = None
) -> None:
    finished = "NULL" if report.status == "running" else "current_localtimestamp()"
    conn.execute(
        f"UPDATE runs SET status = ?, finished_at = {finished}, articles_read = ?, articles_new = ?, "
        "articles_replaced = ?, articles_skipped = ?, articles_failed = ?, error = ? WHERE run_id = ?",
        [
            report.status,
            report.read,
            report.new,
            report.replaced,
            report.skipped,
            report.failed,
            error,
            report.run_id,
        ],
    )


def _write(conn: DuckDBPyConnection, report: IngestReport, result: BatchResult) -> None:
    """One transaction: the batch's rows, its failures, and the run's counters."""
    with transaction(conn):
        if result.partition is not None:
            ids = result.article_ids
            replaced = len(stored_versions(conn, ids))
            rows = load_partition(conn, result.partition, ids)
        else:
            ids = [e.article.id for e in result.extractions]
            replaced = len(stored_versions(conn, ids))
            rows = write_batch(
                conn,
                result.extractions,
                pipeline_version=report.pipeline_version,
                run_id=report.run_id,
                signatures=result.signatures,
            )
        for failure in result.failures:
            conn.execute(
                "INSERT INTO failures VALUES (?, ?, ?, ?, ?, current_localtimestamp())",
                [report.run_id, failure.article_id, failure.title, failure.source, failure.message],
            )
        report.replaced += replaced
        report.new += len(set(ids)) - replaced
        report.failed += len(result.failures)
        report.rows.update(rows)
        _update_run(conn, report)
    room = KEPT_FAILURES - len(report.failures)
    report.failures.extend(result.failures[: max(room, 0)])
    if result.partition is not None:  # loaded and committed: the staging copy is spent
        import shutil

        shutil.rmtree(result.partition, ignore_errors=True)


def ingest(
    sources: Iterable[Article | str | Path] | Article | str | Path,
    *,
    db: str | Path = "dateline.duckdb",
    workers: int = 1,
    config: PipelineConfig | None = None,
    pipeline: Extractor | None = None,
    progress: bool = True,
    batch_size: int = DEFAULT_BATCH_SIZE,
    date: Any = None,
    format: str | None = None,
    limit: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    merge: bool = True,
    on_batch: Callable[[IngestReport], None] | None = None,
    stale: bool = False,
) -> IngestReport:
    """Extract ``sources`` (paths, globs, directories or :class:`Article` objects) into ``db``.

    ``workers`` > 1 extracts in that many spawned processes, each loading the pipeline once;
    this process alone writes. ``pipeline`` replaces the default ``Pipeline(config)`` (workers
    build theirs from its ``config``). ``progress`` shows a rich progress bar on a terminal.
    ``engine="dask"`` runs the stages on a Dask cluster at ``scheduler`` (a LocalCluster of
    ``workers`` processes when None; see :mod:`dateline.engines.dask_engine`). ``merge``
    runs the corpus pass (registry, near-duplicates, merged events) at the end
    (:func:`dateline.corpus.refresh`). ``on_batch`` is called with the report after every
    committed batch. ``stale`` also re-extracts the stored articles that another pipeline
    version extracted (``dateline status`` counts them), from the text the store holds.
    """
    if batch_size < 1:
        raise ConfigError(f"--batch-size must be at least 1, not {batch_size}.")
    if workers < 1:
        raise ConfigError(f"--workers must be at least 1, not {workers}.")
    if engine not in ENGINES:
        raise ConfigError(f"Unknown engine {engine!r}. Engines: {', '.join(ENGINES)}.")
    if scheduler is not None and engine != "dask":
        raise ConfigError("--scheduler needs --engine dask.")
    db = Path(db)
    if isinstance(sources, Article | str | Path):
        sources = [sources]
    # Paths are recorded in the run; articles handed over directly are not.
    named = (
        [str(s) for s in sources if not isinstance(s, Article)]
        if isinstance(sources, Sequence)
        else []
    )
    articles = _articles(sources, date=date, format=format)  # a missing path fails here
    from dateline.storage.lock import writer_lock

    with writer_lock(db, "ingest"):  # another ingest or merge of this store is refused
        writer = WriterSession(db)
        try:
            writer.conn  # noqa: B018 - a missing, corrupt or locked store fails before any model loads
            if pipeline is None:
                from dateline.pipeline import Pipeline

                pipeline = Pipeline(config)
            version = pipeline.version  # builds every stage: a bad stage name fails here
        except BaseException:
            writer.release()
            raise
        report = IngestReport(
            db=db, run_id=0, pipeline_version=version, workers=workers, engine=engine
        )
        if stale:
            articles = itertools.chain(articles, _stale_articles(writer, version))
        _ingest(
            writer,
            report,
            articles,
            pipeline,
            batch_size,
            limit,
            named,
            scheduler,
            progress,
            merge,
            on_batch,
        )
    return report


def _ingest(
    writer: WriterSession,
    report: IngestReport,
    articles: Iterator[Article | Failure],
    pipeline: Extractor,
    batch_size: int,
    limit: int | None,
    named: list[str],
    scheduler: str | None,
    progress: bool,
    merge: bool,
    on_batch: Callable[[IngestReport], None] | None,
) -> None:
    db = report.db
    started = time.perf_counter()
    runner: Engine | None = None
    try:
        with store_errors(db):
            report.run_id = _start_run(writer.conn, report, batch_size, named)
        _remove_stale_partitions(db)
        runner = _make_engine(
            report.engine, pipeline, report.workers, batch_size, scheduler, db, report
        )
        with progress_bar(progress) as bar, store_errors(db):
            chunks = _chunks(articles, batch_size, limit)
            _run(writer, runner, report, chunks, bar, on_batch, corpus=merge)
            if merge and (report.extracted or report.rows or _corpus_stale(writer.conn)):
                from dateline.corpus import refresh

                report.corpus = refresh(writer.conn)
        report.status = "completed"
    except BaseException as exc:
        report.status = "interrupted" if isinstance(exc, KeyboardInterrupt) else "failed"
        if runner is not None:
            runner.close(cancel=True)
            runner = None
        report.seconds = time.perf_counter() - started
        try:  # record how the run ended; never hide the original error behind this one
            with store_errors(db):
                _update_run(writer.conn, report, error=f"{type(exc).__name__}: {exc}")
        finally:
            writer.release()
        raise
    runner.close()
    report.seconds = time.perf_counter() - started
    try:
        with store_errors(db):
            _update_run(writer.conn, report)
    finally:
        writer.release()


def _remove_stale_partitions(db: Path) -> None:
    """Partitions a killed Dask ingest left: never committed (the run would have deleted them),
    so never to be loaded; this run holds the writer lock, so no other run is using them."""
    folder = db.parent / f"{db.name}.partitions"
    if folder.is_dir():
        from dateline.engines.dask_engine import remove_staging

        for run in folder.glob("run-*"):
            remove_staging(run)


def _stale_articles(writer: WriterSession, version: str) -> Iterator[Article]:
    """The stored articles that another pipeline version extracted, read back from the store."""
    ids = [
        row[0]
        for row in writer.conn.execute(
            "SELECT article_id FROM articles WHERE pipeline_version <> ? ORDER BY date, article_id",
            [version],
        ).fetchall()
    ]
    for start in range(0, len(ids), 256):
        rows = writer.conn.execute(
            "SELECT article_id, date, title, subtitle, source, url, text FROM articles "
            "WHERE article_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY date, article_id",
            [ids[start : start + 256]],
        ).fetchall()
        for article_id, date, title, subtitle, source, url, text in rows:
            yield Article(
                id=article_id,
                date=date,
                title=title,
                text=text,
                subtitle=subtitle,
                source=source,
                url=url,
            )


def _corpus_stale(conn: DuckDBPyConnection) -> bool:
    """Articles written since the last corpus pass (a run killed before it, ``merge=False``)."""
    from dateline.corpus import pending

    return pending(conn) > 0


def _make_engine(
    name: str,
    pipeline: Extractor,
    workers: int,
    batch_size: int,
    scheduler: str | None,
    db: Path,
    report: IngestReport,
) -> Engine:
    if name == "dask":
        from dateline.engines.dask_engine import DaskEngine

        staging = db.parent / f"{db.name}.partitions" / f"run-{report.run_id}"
        return DaskEngine(
            pipeline,
            workers=workers,
            batch_size=batch_size,
            scheduler=scheduler,
            staging=staging,
            run_id=report.run_id,
        )
    return LocalEngine(pipeline, workers, batch_size)


def _run(
    writer: WriterSession,
    engine: Engine,
    report: IngestReport,
    chunks: Iterator[list[Article | Failure]],
    bar: ProgressBar,
    on_batch: Callable[[IngestReport], None] | None = None,
    *,
    corpus: bool = True,
) -> None:
    """Submit batches to the engine and write their results in order, letting readers in.

    The store is written only by this process, between two batches: the DuckDB connection is
    closed whenever a reader waits (:meth:`WriterSession.let_readers_in`), never in the middle
    of a transaction.
    """
    seen: set[str] = set()  # content hashes taken in this run, including batches in flight
    pending: deque[tuple[int, Any]] = deque()  # (articles, a future of BatchResult)
    written = 0  # articles written since the last corpus pass

    def write_done() -> None:
        nonlocal written
        while pending and pending[0][1].done():
            size, future = pending.popleft()
            _write(writer.conn, report, future.result())
            written += size
            bar.advance(size, report)
            if on_batch is not None:
                on_batch(report)

    def wait_for_head() -> None:
        future = pending[0][1]
        polled = time.monotonic()
        while not future.done():
            time.sleep(0.02)
            if time.monotonic() - polled >= READER_POLL:
                writer.let_readers_in()
                polled = time.monotonic()

    exhausted = False
    while True:
        chunk = None
        if not exhausted and len(pending) < engine.in_flight:
            chunk = next(chunks, None)
            exhausted = chunk is None
        write_done()
        if chunk is not None:
            todo = _todo(writer.conn, report, chunk, seen, bar, pending)
            if todo:
                writer.let_readers_in()  # the in-process engine extracts inside submit
                pending.append((len(todo), engine.submit(todo)))
        if corpus and written >= CORPUS_PASS_EVERY:
            from dateline.corpus import refresh

            refresh(writer.conn)
            written = 0
        writer.let_readers_in()
        if not pending:
            if exhausted:
                return
            continue
        if exhausted or len(pending) >= engine.in_flight:
            wait_for_head()


def _todo(
    conn: DuckDBPyConnection,
    report: IngestReport,
    chunk: list[Article | Failure],
    seen: set[str],
    bar: ProgressBar,
    pending: deque[tuple[int, Any]],
) -> list[Article]:
    """The articles of ``chunk`` to extract: neither stored by this pipeline nor taken already.

    Files the reader refused are queued as a batch of failures, recorded in turn.
    """
    report.read += len(chunk)
    refused = [item for item in chunk if isinstance(item, Failure)]
    batch = [item for item in chunk if isinstance(item, Article)]
    hashes = [a.content_hash for a in batch]
    done = stored_hashes(conn, hashes, report.pipeline_version) | seen
    todo = []
    for article, content_hash in zip(batch, hashes, strict=True):
        if content_hash in done:
            report.skipped += 1
        else:
            done.add(content_hash)
            todo.append(article)
    seen.update(a.content_hash for a in todo)
    report.words += sum(len(a.text.split()) for a in todo)
    bar.advance(len(batch) - len(todo), report)
    if refused:
        future: Future[BatchResult] = Future()
        future.set_result(BatchResult(failures=refused))
        pending.append((len(refused), future))
    return todo
