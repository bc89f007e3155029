"""The local engine: this process, or a pool of spawned worker processes.

Each worker process loads one pipeline (and so one spaCy model) in its initializer and reuses it
for every batch. Workers are started with ``spawn`` (safe with threads and on every OS); a
script that ingests with ``workers > 1`` must do so under ``if __name__ == "__main__":``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Protocol

from dateline.engines.batch import BatchResult, Failure
from dateline.errors import DatelineError

if TYPE_CHECKING:
    from dateline.config import PipelineConfig
    from dateline.model import Article, Extraction


class Extractor(Protocol):
    """What ingest needs from a pipeline (:class:`dateline.pipeline.Pipeline` is one)."""

    @property
    def version(self) -> str: ...

    def pipe(
        self, articles: Iterable[Article], *, batch_size: int = ...
    ) -> Iterator[Extraction]: ...


def extract_batch(pipeline: Extractor, articles: Sequence[Article], batch_size: int) -> BatchResult:
    """Run the pipeline over one batch; refused articles become failures, not crashes."""
    from dateline.pipeline import check_article

    result = BatchResult()
    good = []
    for article in articles:
        try:
            check_article(article)
        except DatelineError as exc:
            result.failures.append(Failure.of(article, str(exc)))
        else:
            good.append(article)
    if good:
        from dateline.corpus.dedup import signature

        result.extractions.extend(
            pipeline.pipe(good, batch_size=max(1, min(batch_size, len(good))))
        )
        # Per-article work belongs with the extraction (in the worker), not with the writer.
        result.signatures = {e.article.id: signature(e.article.text) for e in result.extractions}
    return result


# Worker processes: each loads one pipeline (and so one spaCy model) and reuses it.
_WORKER_PIPELINE: Any = None


def die_with_parent(parent: int) -> None:
    """Make this process die when ``parent`` does, however it dies (even ``kill -9``).

    On Linux the kernel sends SIGKILL to a process whose parent thread exits
    (``prctl(PR_SET_PDEATHSIG)``, man 2 prctl); elsewhere a worker finishes its batch and then
    finds its pipe closed. A parent that died before the call is caught by the ppid check.
    Ctrl-C is the parent's to handle: a worker ignores SIGINT, so a terminal's Ctrl-C stops the
    run once, cleanly, without a traceback from every worker. A worker is born with SIGINT
    blocked (:func:`ctrl_c_held`): a Ctrl-C that came while it started is pending, and ignoring
    the signal discards it (POSIX sigaction) before the unblock lets the next one in.
    """
    import signal
    import sys

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    if sys.platform.startswith("linux"):
        import ctypes

        PR_SET_PDEATHSIG = 1  # linux/prctl.h
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # no prctl: the pipe still ends the worker later
            pass
    if os.getppid() != parent:
        os._exit(1)


@contextmanager
def ctrl_c_held() -> Iterator[None]:
    """Hold Ctrl-C back for the block (in the main thread, on POSIX), then raise it.

    A worker spawned in the block is born with SIGINT blocked (the signal mask survives fork
    and exec), so a Ctrl-C while it is still starting Python and importing, before
    :func:`die_with_parent` ignores SIGINT, cannot kill it with a traceback on the terminal.
    This process's own KeyboardInterrupt waits for the block's end, so a half-spawned worker is
    never left outside the pool, where nothing would stop it. CPython's resource tracker is
    spawned the same way (multiprocessing/resource_tracker.py).
    """
    import signal
    import threading

    held: list[tuple[int, Any]] = []
    main = threading.current_thread() is threading.main_thread()
    previous = signal.getsignal(signal.SIGINT) if main else None
    if not hasattr(signal, "pthread_sigmask") or not callable(previous):
        yield  # another thread, or Ctrl-C ignored, or a handler set outside Python
        return
    signal.signal(signal.SIGINT, lambda signum, frame: held.append((signum, frame)))
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        signal.signal(signal.SIGINT, previous)
    if held:
        previous(*held[0])  # Python's default handler raises KeyboardInterrupt here


def _init_worker(config: PipelineConfig, parent: int) -> None:
    global _WORKER_PIPELINE
    from dateline.pipeline import Pipeline

    die_with_parent(parent)
    _WORKER_PIPELINE = Pipeline(config)


def _extract_in_worker(
    articles: list[Article], batch_size: int, english: list[bool | None] | None = None
) -> BatchResult:
    if english:  # the parent's reader judged these texts' language already (None: it did not)
        from dateline.language import remember_verdicts

        remember_verdicts(
            {a.text: v for a, v in zip(articles, english, strict=True) if v is not None}
        )
    return extract_batch(_WORKER_PIPELINE, articles, batch_size)


class LocalEngine:
    """Runs batches in this process (workers=1) or in a spawn-safe process pool."""

    def __init__(self, pipeline: Extractor, workers: int, batch_size: int) -> None:
        self.pipeline = pipeline
        self.workers = workers
        self.batch_size = batch_size
        self.pool: Any = None
        if workers > 1:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            config = getattr(pipeline, "config", None)
            if config is None:
                raise DatelineError(
                    "ingest with workers > 1 needs a dateline Pipeline (with a config)."
                )
            from dateline.gazetteer import ensure_index

            ensure_index()  # once here, not once per worker at the same time
            self.pool = ProcessPoolExecutor(
                max_workers=workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_init_worker,
                initargs=(config, os.getpid()),
            )

    @property
    def in_flight(self) -> int:
        """Batches allowed to wait for the writer: bounds memory, keeps every worker busy."""
        return 1 if self.pool is None else 2 * self.workers

    def submit(self, articles: list[Article]) -> Future[BatchResult]:
        if self.pool is not None:
            from dateline.language import known_verdicts

            # Articles read from files were judged English (or not) by the reader in this
            # process: the worker takes the verdicts instead of judging again (2-3 ms an article)
            known = known_verdicts(article.text for article in articles)
            english = [known.get(article.text) for article in articles]
            with ctrl_c_held():  # the pool starts its workers in submit, as they are needed
                return self.pool.submit(_extract_in_worker, articles, self.batch_size, english)
        future: Future[BatchResult] = Future()
        try:
            future.set_result(extract_batch(self.pipeline, articles, self.batch_size))
        except Exception as exc:
            future.set_exception(exc)
        return future

    def close(self, *, cancel: bool = False) -> None:
        if self.pool is None:
            return
        # The processes, before shutdown forgets them: on cancel (Ctrl-C, an error) a worker in
        # the middle of a batch is stopped now, not after its batch (tens of seconds).
        processes = list(getattr(self.pool, "_processes", {}).values()) if cancel else []
        self.pool.shutdown(wait=not cancel, cancel_futures=cancel)
        for process in processes:
            process.kill()
        for process in processes:
            process.join(timeout=10)
