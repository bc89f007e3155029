"""Ask a running `dateline serve` for events and quotes over HTTP (its JSON API under /api).

Start the server first:  dateline serve --db dateline.duckdb   (http://127.0.0.1:8765/)
"""

import json
import os
from urllib.parse import urlencode
from urllib.request import urlopen

BASE = os.environ.get("DATELINE_URL", "http://127.0.0.1:8765")


def get(path: str, **params: str | int) -> dict:
    with urlopen(f"{BASE}{path}?{urlencode(params)}") as response:
        return json.load(response)


page = get("/api/events", actor="Putin", type="CONSULT", limit=3)
print(f"{page['total']} CONSULT events with Putin; the first {len(page['rows'])}:")
for row in page["rows"]:  # the flat events table: one row per event, names resolved
    when = f"{row['date_earliest'] or '…'} – {row['date_latest']}"
    print(f"  {when}: {row['source_names']} → {row['target_names'] or '—'} ({row['factuality']})")
    print(f"    {row['trigger_text']!r} in: {row['evidence_text']}")

quotes = get("/api/quotes", kind="direct")
for row in quotes["rows"]:
    print(f"{row['speaker_name']}: “{row['text']}”")
