"""The Stage contract.

A stage is a small thing with a name and a version: ``__call__(doc) -> doc``. The smallest
contract is the :class:`Stage` protocol; built-in stages satisfy it exactly as a third-party
stage would, and are registered the same way (:func:`dateline.stages.register`).

The :class:`Document` that stages pass along, and :class:`Voice`, live in
:mod:`dateline.document` (below the rule packages); they are re-exported here so that
``from dateline.stages.base import Document`` keeps working for stages written against it.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from dateline.document import Document, Voice

__all__ = ["Document", "Stage", "Voice"]


@runtime_checkable
class Stage(Protocol):
    """One step of the pipeline. ``version`` changes whenever its output may change."""

    name: str
    version: str

    def __call__(self, doc: Document) -> Document: ...
