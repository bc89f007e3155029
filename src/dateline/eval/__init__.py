"""Dataset readers and scorers: one module per stage (quotes, times, places, events).

Each module exposes ``evaluate(path, *, pipeline=None, limit=None, ...) -> dict`` returning a
flat report: the figures under their contract keys, counts as ``n_*``, and ``dataset``.
"""
