"""Exports of a store to files other tools read: ``dateline export --format F OUT``.

=========  ======================================================================  ==========
format     what                                                                    OUT
=========  ======================================================================  ==========
jsonl      the JSON contract, one document per article, rebuilt from the store     a file
plover     PLOVER/POLECAT-style JSON records, one per merged event (JSON lines)    a file
gdelt      GDELT 2.0 event table rows (61 tab-separated columns), per merged event  a file
csv        one CSV file per table, with a header                                   a folder
parquet    one Parquet file per table, mirroring the tables (DuckDB reads them)    a folder
=========  ======================================================================  ==========

``-`` as OUT writes the line formats (jsonl, plover, gdelt) to standard output.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING

from dateline.errors import ConfigError

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

FORMATS = ("jsonl", "plover", "gdelt", "csv", "parquet")
FOLDER_FORMATS = ("csv", "parquet")


#: The file name suggested when a line format is given a folder.
_SUFFIXES = {"jsonl": "jsonl", "plover": "jsonl", "gdelt": "tsv"}


@contextmanager
def _output(out: Path, format: str) -> Iterator[IO[str]]:
    if str(out) == "-":
        yield sys.stdout
        return
    if out.is_dir():
        example = out / f"{format}.{_SUFFIXES[format]}"
        raise ConfigError(
            f"{out} is a folder; --format {format} writes one file. Give a file name, "
            f"e.g. {example}."
        )
    if not out.parent.exists():
        raise ConfigError(f"Folder {out.parent} for {out} does not exist. Create it first.")
    try:
        handle = out.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        raise ConfigError(f"Cannot write {out} ({exc.strerror}). Give another path.") from None
    with handle:
        yield handle


def export(conn: DuckDBPyConnection, format: str, out: Path) -> int:
    """Write the store in ``format`` to ``out``; return the number of records (or tables)."""
    if format not in FORMATS:
        raise ConfigError(f"Unknown export format {format!r}. Formats: {', '.join(FORMATS)}.")
    if format in FOLDER_FORMATS:
        from dateline.exports.tables import export_tables

        if str(out) == "-":
            raise ConfigError(f"--format {format} writes one file per table: give a folder as OUT.")
        return export_tables(conn, out, format)
    writer: Callable[[DuckDBPyConnection, IO[str]], int]
    if format == "jsonl":
        from dateline.exports.contract import write_contract as writer
    elif format == "plover":
        from dateline.exports.plover import write_plover as writer
    else:
        from dateline.exports.gdelt import write_gdelt as writer
    with _output(out, format) as handle:
        return writer(conn, handle)
