"""CSV and Parquet exports: one file per table, with the tables' own columns and types.

DuckDB writes them (``COPY table TO 'out/table.parquet'``); the Parquet files mirror the tables
(storage/__init__.py), so ``SELECT * FROM 'out/events.parquet'`` gives the stored rows back.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from dateline.errors import ConfigError
from dateline.storage.schema import store_tables

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection


def export_tables(conn: DuckDBPyConnection, out: Path, format: str) -> int:
    """Write every table of the store as ``out/<table>.<format>``; return how many tables."""
    if out.exists() and not out.is_dir():
        raise ConfigError(f"{out} is a file; --format {format} writes a folder. Give a folder.")
    out.mkdir(parents=True, exist_ok=True)
    options = "FORMAT parquet, COMPRESSION zstd" if format == "parquet" else "FORMAT csv, HEADER"
    tables = store_tables(conn)
    for table in tables:
        target = str(out / f"{table}.{format}").replace("'", "''")
        conn.execute(f"COPY (SELECT * FROM {table}) TO '{target}' ({options})")
    return len(tables)
