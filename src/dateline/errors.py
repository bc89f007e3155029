"""Errors that tell the user what is wrong and how to fix it.

Every error dateline raises on purpose is a :class:`DatelineError`. The CLI prints its message
on one line and exits non-zero, without a traceback. Messages name the bad value, the valid
choices where there are some, and the fix; tests pin the exact text.
"""

from __future__ import annotations


class DatelineError(Exception):
    """Base class: a problem the user can fix. ``exit_code`` is what the CLI exits with."""

    exit_code = 1


class InputError(DatelineError):
    """An input file or record that cannot be read as an article."""

    exit_code = 2


class ConfigError(DatelineError):
    """A bad setting, option, model name or stage name."""

    exit_code = 2


class ModelError(DatelineError):
    """The spaCy pipeline named in the settings cannot be loaded."""

    exit_code = 3


class StoreError(DatelineError):
    """The DuckDB store is missing, corrupt, locked, or from a newer dateline."""

    exit_code = 4


class StoreLocked(StoreError):
    """The store is locked by another process (an ingest writing): reading may retry later."""


class NotFound(DatelineError):
    """A record asked for by id (an article, an actor) is not in the store."""

    exit_code = 4


class EvalError(DatelineError):
    """An evaluation dataset is missing or not in the expected format."""

    exit_code = 2
