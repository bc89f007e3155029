"""Engines run the per-article stages over batches; the ingest process alone writes the store.

* ``local`` (:mod:`dateline.engines.local`): this process (one worker) or a pool of spawned
  worker processes, each holding one loaded pipeline; extractions come back to the writer.
* ``dask`` (:mod:`dateline.engines.dask_engine`): tasks on a Dask cluster (``--scheduler
  tcp://host:8786``, or a LocalCluster); each worker holds one loaded pipeline and writes a
  Parquet partition per batch, which the writer loads in one transaction.

An engine offers ``in_flight`` (batches allowed to wait for the writer, which bounds memory),
``submit(articles)`` returning a future of :class:`~dateline.engines.batch.BatchResult`, and
``close(cancel=...)``.
"""

from __future__ import annotations

from typing import Any, Protocol

from dateline.engines.batch import BatchResult, Failure

__all__ = ["ENGINES", "BatchResult", "Engine", "Failure"]

ENGINES = ("local", "dask")


class Engine(Protocol):
    @property
    def in_flight(self) -> int: ...

    def submit(self, articles: list[Any]) -> Any:  # a future with .result() -> BatchResult
        ...

    def close(self, *, cancel: bool = False) -> None: ...
