"""The flat events table as one file: ``dateline export --format parquet --flat-events OUT``.

One row per event with the date interval, type, source and target names with countries and
sectors, factuality, the place with coordinates, the evidence sentence and the article's title,
URL and date (:data:`dateline.storage.search.FLAT_EVENT_COLUMNS`): no joins left to do. The same
rows as the server's ``/api/events.parquet`` and ``/api/events.csv``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from dateline.errors import ConfigError

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

FLAT_FORMATS = ("parquet", "csv")


def export_flat_events(conn: DuckDBPyConnection, out: Path, format: str) -> int:
    """Write every event of the store as one flat row to the file ``out``; return the count."""
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    from dateline.storage.search import flat_events_arrow

    if format not in FLAT_FORMATS:
        raise ConfigError(
            f"--flat-events writes {' or '.join(FLAT_FORMATS)}, not {format}. "
            "Use --format parquet or --format csv."
        )
    if str(out) == "-" or out.is_dir():
        raise ConfigError(f"--flat-events writes one file: give a file name as OUT, not {out}.")
    if not out.parent.exists():
        raise ConfigError(f"Folder {out.parent} for {out} does not exist. Create it first.")
    table = flat_events_arrow(conn)
    if format == "parquet":
        pq.write_table(table, out, compression="zstd")
    else:
        pacsv.write_csv(table, out)
    return int(table.num_rows)
