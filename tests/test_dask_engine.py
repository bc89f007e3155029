"""The Dask engine: Parquet partitions load into the same rows as the local engine writes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dateline.model import Article
from dateline.storage.rows import ARTICLE_TABLES
from dateline.storage.store import connect, transaction
from storage_helpers import hand_extraction, other_text

#: Columns that differ between two runs of the same input: when and by which run.
RUN_COLUMNS = {"run_id", "ingested_at"}


def table_contents(db: Path) -> dict[str, list[tuple]]:
    """Every per-article table and the registry, without run ids and timestamps, sorted."""
    contents = {}
    with connect(db, read_only=True) as conn:
        for table in (*ARTICLE_TABLES, "actors"):
            columns = [
                name
                for (name,) in conn.execute(
                    "SELECT column_name FROM duckdb_columns() WHERE table_name = ? "
                    "ORDER BY column_index",
                    [table],
                ).fetchall()
                if name not in RUN_COLUMNS
            ]
            contents[table] = conn.execute(
                f"SELECT {', '.join(columns)} FROM {table} ORDER BY ALL"
            ).fetchall()
    return contents


def test_a_partition_loads_the_rows_write_batch_writes(tmp_path: Path) -> None:
    from dateline.engines.batch import BatchResult
    from dateline.engines.dask_engine import write_partition
    from dateline.storage.write import load_partition, write_batch

    extractions = [hand_extraction(other_text(i), article_id=f"a{i}") for i in range(3)]
    direct, loaded = tmp_path / "direct.duckdb", tmp_path / "loaded.duckdb"
    with connect(direct) as conn, transaction(conn):
        write_batch(conn, extractions, pipeline_version="hand@1", run_id=7)
    result = BatchResult(extractions=extractions)
    write_partition(result, tmp_path / "part", pipeline_version="hand@1", run_id=7)
    assert result.rows["events"] == 3 and result.rows["articles"] == 3
    with connect(loaded) as conn, transaction(conn):
        counts = load_partition(conn, tmp_path / "part", ["a0", "a1", "a2"])
    assert counts == +result.rows
    assert table_contents(loaded) == table_contents(direct)
    # Loading it again replaces those articles' rows rather than doubling them.
    with connect(loaded) as conn, transaction(conn):
        load_partition(conn, tmp_path / "part", ["a0", "a1", "a2"])
    assert table_contents(loaded) == table_contents(direct)


@pytest.mark.slow
def test_dask_local_cluster_stores_the_rows_of_the_local_engine(
    tmp_path: Path, seed_text: str
) -> None:
    pytest.importorskip("distributed")
    from dateline.config import PipelineConfig
    from dateline.ingest import ingest

    config = PipelineConfig(stages=("segment", "actors", "times"))
    day = dt.date(2025, 3, 14)
    batch = [
        Article(id=f"seed-{i}", date=day, title=f"Paragraph {i}", text=f"Paragraph {i}\n{p}")
        for i, p in enumerate(seed_text.split("\n")[2:8])
    ]
    local, dask = tmp_path / "local.duckdb", tmp_path / "dask.duckdb"
    ingest(batch, db=local, config=config, progress=False, batch_size=2)
    report = ingest(
        batch, db=dask, config=config, workers=2, engine="dask", progress=False, batch_size=2
    )
    assert (report.new, report.engine, report.status) == (len(batch), "dask", "completed")
    assert table_contents(dask) == table_contents(local)
    assert not (tmp_path / "dask.duckdb.partitions").exists()  # loaded partitions are removed
    again = ingest(batch, db=dask, config=config, engine="dask", progress=False, workers=1)
    assert (again.new, again.skipped) == (0, len(batch))
    assert table_contents(dask) == table_contents(local)


def test_scheduler_without_dask_engine_is_refused(tmp_path: Path) -> None:
    from dateline.errors import ConfigError
    from dateline.ingest import ingest
    from storage_helpers import HandPipeline

    with pytest.raises(ConfigError, match="--scheduler needs --engine dask"):
        ingest([], db=tmp_path / "s.duckdb", pipeline=HandPipeline(), scheduler="tcp://x:8786")
