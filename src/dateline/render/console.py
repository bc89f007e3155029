"""What every terminal view of dateline shares: the console, the colours, the evidence window.

Colours: actors bold cyan, quotes green, times magenta, places yellow, event triggers bold red.
The article view (:mod:`dateline.render.article`), the store's tables
(:mod:`dateline.render.store`) and the corpus tables (:mod:`dateline.render.corpus`) use them,
so a trigger looks the same in ``dateline extract`` and in ``dateline events``.
"""

from __future__ import annotations

import os

from rich.console import Console
from rich.text import Text

#: Width for output that is not a terminal (a pipe, a log): wide enough that tables of evidence
#: sentences stay readable, where rich would otherwise assume 80 columns.
PIPE_WIDTH = 140


def terminal_console() -> Console:
    """The console for tables of the store and the corpus: the terminal's width, else
    :data:`PIPE_WIDTH` (unless ``COLUMNS`` says otherwise)."""
    console = Console()
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console = Console(width=PIPE_WIDTH)
    return console


STYLES = {
    "quote": "green",
    "actor": "bold cyan",
    "time": "magenta",
    "place": "yellow",
    "trigger": "bold red",
}


#: Characters of evidence shown either side of the highlighted words in a table cell: enough for
#: the clause around them, short enough that a table of events fits on a screen.
CONTEXT_CHARS = 90


def evidence_window(text: str, base: int, start: int | None, end: int | None, style: str) -> Text:
    """The evidence sentence (starting at offset ``base``) with ``start:end`` highlighted, cut to
    a window of :data:`CONTEXT_CHARS` around it."""
    if start is None or end is None or not base <= start <= end <= base + len(text):
        return Text(text)
    lo, hi = start - base, end - base
    left = max(0, lo - CONTEXT_CHARS)
    right = min(len(text), hi + CONTEXT_CHARS)
    if left > 0:  # start the window on a word
        left = text.find(" ", left, lo) + 1 or left
    if right < len(text):
        right = text.rfind(" ", hi, right) if text.rfind(" ", hi, right) > hi else right
    marked = Text("…" if left > 0 else "")
    marked.append(text[left:lo])
    marked.append(text[lo:hi], style=style)
    marked.append(text[hi:right])
    if right < len(text):
        marked.append("…")
    return marked
