"""Errors that tell the user what is wrong and how to fix it.

Every error dateline raises on purpose is a :class:`DatelineError`. The CLI prints its message
on one line and exits non-zero, without a traceback. Messages name the bad value, the valid
choices where there are some, and the fix; tests pin the exact text.
"""

from __future__ import annotations

import re

#: Characters that would break the one line of a message (str.splitlines splits at all of
#: these) or drive the terminal (ESC): a field name or file name read from the input may hold
#: them. They are shown escaped, as in Python ("\\x1c").
_NOT_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(message: str) -> str:
    """``message`` with line breaks and control characters escaped: one printable line."""
    return _NOT_ONE_LINE.sub(lambda found: repr(found.group())[1:-1], message)


class DatelineError(Exception):
    """Base class: a problem the user can fix. ``exit_code`` is what the CLI exits with.

    The message is always one line (:func:`one_line`), whatever input it quotes.
    """

    exit_code = 1

    def __init__(self, *args: object) -> None:
        if args and isinstance(args[0], str):
            args = (one_line(args[0]), *args[1:])
        super().__init__(*args)


class InputError(DatelineError):
    """An input file or record that cannot be read as an article."""

    exit_code = 2


class EmptyInputError(InputError):
    """An input file or record with no text in it."""


class NotEnglishError(InputError):
    """A text that is not English (:mod:`dateline.language`): the pipeline is English-only."""


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
