"""Store commands: ``ingest``, the query verbs (``events``, ``quotes``, ``actors``,
``articles``) and ``stats``, over the DuckDB store."""

from __future__ import annotations
