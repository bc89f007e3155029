"""Everything dateline shows on a terminal, in one package (issue 15: display code lived in three
places).

- :mod:`dateline.render.console`: what every view shares: the console (the terminal's width, or
  a wide one for a pipe), the colours of each kind of span, the evidence window of a table cell;
- :mod:`dateline.render.article`: one article, as ``dateline extract`` shows it;
- :mod:`dateline.render.store`: what the store holds (``dateline events``, ``quotes``,
  ``actors``, ``articles``, ``stats``, the summary after ``ingest``), as tables, JSON, JSONL or
  CSV;
- :mod:`dateline.render.corpus`: ``dateline timeline`` and ``dateline dyads``;
- :mod:`dateline.render.reports`: evaluation reports and what changed between two runs.

It sits above storage in the layers (``.importlinter``): the store's views read the store's
records (:mod:`dateline.storage.records`, :mod:`dateline.storage.rows`). rich is imported by the
modules that draw, and the store's and corpus views import them only when they print, so a
command that writes JSON never loads rich.
"""
