"""`import dateline` and `dateline --help` must stay instant: no spaCy, no DuckDB."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HEAVY = ("spacy", "duckdb", "trafilatura", "pyarrow", "numpy", "thinc")


def _loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(sorted(m for m in sys.modules if '.' not in m)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_import_loads_no_heavy_module() -> None:
    loaded = _loaded_after("import dateline")
    assert not loaded & set(HEAVY), loaded & set(HEAVY)


def test_cli_help_loads_no_heavy_module() -> None:
    code = (
        "import sys\nsys.argv=['dateline','--help']\nfrom dateline.cli import app\n"
        "try:\n    app()\nexcept SystemExit:\n    pass"
    )
    loaded = _loaded_after(code)
    assert not loaded & set(HEAVY), loaded & set(HEAVY)


def test_cli_help_lists_the_verbs() -> None:
    dateline = Path(sys.executable).with_name("dateline")
    out = subprocess.run([str(dateline), "--help"], capture_output=True, text=True, check=True)
    for verb in ("extract", "ingest", "events", "quotes", "actors", "articles", "stats", "eval"):
        assert verb in out.stdout
