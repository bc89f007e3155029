"""The Dask engine: per-article stages on a Dask cluster, Parquet partitions back to the store.

    dateline ingest corpus/ --engine dask --scheduler tcp://host:8786
    dateline ingest corpus/ --engine dask --workers 2      # a LocalCluster on this machine

Each task extracts one batch with the worker's pipeline, loaded once per worker process and kept
in a module-level cache (a worker imports this module once), and writes one Parquet file per
table (:func:`dateline.storage.rows.extraction_rows` through ``arrow_table``, so the files have
exactly the tables' columns) into ``staging/batch-<id>/``. The ingest process, the store's only
writer, loads each partition in one transaction with the local engine's rules (skip stored
content hashes before submitting, replace an article's rows all at once), then deletes it.

The staging folder must be readable by the ingest process and writable by the workers: on one
machine it is next to the store; on a cluster, put the store on a shared filesystem (or pass a
shared ``staging`` path from the Python API). Dask itself is imported only here, lazily
(``pip install dateline[dask]``).
"""

from __future__ import annotations

import contextlib
import uuid
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dateline.engines.batch import BatchResult
from dateline.engines.local import Extractor, extract_batch
from dateline.errors import ConfigError

if TYPE_CHECKING:
    from dateline.config import PipelineConfig
    from dateline.model import Article

#: One pipeline per worker process, by config (the process keeps it between tasks).
_PIPELINES: dict[str, Any] = {}


def config_key(config: PipelineConfig) -> str:
    """A config's identity (it holds dicts, so it is not hashable): the digest of its pickle."""
    import hashlib
    import pickle

    return hashlib.sha1(pickle.dumps(config)).hexdigest()


def worker_pipeline(config: PipelineConfig, key: str) -> Any:
    from dateline.pipeline import Pipeline

    if key not in _PIPELINES:
        _PIPELINES[key] = Pipeline(config)
    return _PIPELINES[key]


def write_partition(
    result: BatchResult, folder: Path, *, pipeline_version: str, run_id: int
) -> None:
    """Write a batch's extractions as one Parquet file per table into ``folder``."""
    import pyarrow.parquet as pq

    from dateline.corpus.dedup import signature_rows
    from dateline.storage.rows import ARTICLE_TABLES, STORED_TABLES, arrow_table, extraction_rows

    tables: dict[str, list[Any]] = {table: [] for table in STORED_TABLES}
    for extraction in result.extractions:
        rows = extraction_rows(extraction, pipeline_version=pipeline_version, run_id=run_id)
        article = extraction.article
        rows.update(signature_rows(article, result.signatures.get(article.id)))
        for table, table_rows in rows.items():
            tables[table].extend(table_rows)
    folder.mkdir(parents=True, exist_ok=True)
    for table, table_rows in tables.items():
        # Written under a temporary name and renamed: a partition file is whole or absent.
        final = folder / f"{table}.parquet"
        partial = folder / f".{table}.parquet.tmp"
        pq.write_table(arrow_table(table, table_rows), partial)
        partial.replace(final)
    result.rows = Counter({table: len(tables[table]) for table in ARTICLE_TABLES})


def extract_partition(
    articles: list[Article],
    config: PipelineConfig,
    key: str,
    batch_size: int,
    staging: str,
    run_id: int,
    pipeline_version: str,
) -> BatchResult:
    """A Dask task: extract one batch and write it as a partition; return its description."""
    pipeline = worker_pipeline(config, key)
    if pipeline.version != pipeline_version:  # a worker with other code would mix versions
        raise RuntimeError(
            f"Dask worker runs pipeline {pipeline.version}, the ingest expects {pipeline_version}: "
            "install the same dateline on every worker."
        )
    result = extract_batch(pipeline, articles, batch_size)
    result.article_ids = list(dict.fromkeys(e.article.id for e in result.extractions))
    if result.extractions:
        folder = Path(staging) / f"batch-{uuid.uuid4().hex}"
        write_partition(result, folder, pipeline_version=pipeline_version, run_id=run_id)
        result.partition = folder
    result.extractions = []  # the rows travel through the partition, not back to the client
    result.signatures = {}
    return result


class DaskEngine:
    """Submits batches to a Dask cluster; with no scheduler, starts a LocalCluster."""

    def __init__(
        self,
        pipeline: Extractor,
        *,
        workers: int,
        batch_size: int,
        scheduler: str | None,
        staging: Path,
        run_id: int,
    ) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise ConfigError(
                "--engine dask needs Dask: pip install 'dateline[dask]' (dask[distributed])."
            ) from None
        config = getattr(pipeline, "config", None)
        if config is None:
            raise ConfigError("--engine dask needs a dateline Pipeline (with a config).")
        self.config = config
        self.pipeline_version = pipeline.version
        self.batch_size = batch_size
        self.staging = Path(staging).resolve()
        self.staging.mkdir(parents=True, exist_ok=True)
        self.run_id = run_id
        self.cluster: Any = None
        if scheduler is None:
            import logging

            # Processes, one thread each: the stages are CPU-bound Python (the GIL).
            self.cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            self.client = Client(self.cluster)
        else:
            try:
                self.client = Client(scheduler, timeout="20s")
            except OSError as exc:
                raise ConfigError(
                    f"Cannot reach the Dask scheduler at {scheduler} ({exc}). Start one with "
                    "`dask scheduler`, or leave out --scheduler for a local cluster."
                ) from None
        threads = sum(self.client.nthreads().values()) or workers
        self.slots = max(1, threads)
        # Sent to every worker once (it may carry a large actor registry), not with each task.
        self.key = config_key(config)
        self.shared_config = self.client.scatter(config, broadcast=True, hash=False)

    @property
    def in_flight(self) -> int:
        return 2 * self.slots

    def submit(self, articles: list[Article]) -> Any:
        return self.client.submit(
            extract_partition,
            articles,
            self.shared_config,
            self.key,
            self.batch_size,
            str(self.staging),
            self.run_id,
            self.pipeline_version,
            pure=False,
        )

    def close(self, *, cancel: bool = False) -> None:
        try:
            self.client.close()
        finally:
            if self.cluster is not None:
                self.cluster.close()
        # Loaded partitions are deleted once committed; what is left was written by a task that
        # was killed or ran twice, or was never loaded (the run failed): never to be loaded.
        remove_staging(self.staging)


def remove_staging(folder: Path) -> None:
    """Delete a run's staging folder, and the store's ``.partitions`` folder when empty."""
    import shutil

    shutil.rmtree(folder, ignore_errors=True)
    with contextlib.suppress(OSError):
        folder.parent.rmdir()
