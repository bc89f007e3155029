"""Stage registry: built-in stages and third-party ones register the same way.

A stage factory is a callable taking the :class:`~dateline.config.PipelineConfig` and returning a
:class:`~dateline.stages.base.Stage`. Built-ins are registered with :func:`register`; packages
add theirs through the ``dateline.stages`` entry-point group. A user stage registered under a
built-in name replaces the built-in one.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from importlib.metadata import entry_points
from typing import TYPE_CHECKING

from dateline.errors import ConfigError
from dateline.stages.base import Document, Stage

if TYPE_CHECKING:
    from dateline.config import PipelineConfig

StageFactory = Callable[["PipelineConfig"], Stage]

_REGISTRY: dict[str, StageFactory] = {}

#: built-in stage name -> module that registers it (imported on first use, keeps start-up fast)
BUILTIN_MODULES: dict[str, str] = {
    "segment": "dateline.stages.segment",
    "actors": "dateline.stages.actors",
    "times": "dateline.stages.times",
    "places": "dateline.stages.places",
    "quotes": "dateline.stages.quotes",
    "events": "dateline.stages.events",
    "claims": "dateline.stages.claims",
}

__all__ = ["Document", "Stage", "available_stages", "create_stage", "register"]


def register(name: str) -> Callable[[StageFactory], StageFactory]:
    """Register a stage factory under ``name`` (decorator)."""

    def decorate(factory: StageFactory) -> StageFactory:
        _REGISTRY[name] = factory
        return factory

    return decorate


def _load_entry_points() -> None:
    for entry in entry_points(group="dateline.stages"):
        if entry.name not in _REGISTRY:
            _REGISTRY[entry.name] = entry.load()


def available_stages() -> list[str]:
    _load_entry_points()
    return sorted(set(BUILTIN_MODULES) | set(_REGISTRY))


def create_stage(name: str, config: PipelineConfig) -> Stage:
    """Build the stage registered as ``name``."""
    if name not in _REGISTRY and name in BUILTIN_MODULES:
        importlib.import_module(BUILTIN_MODULES[name])
    if name not in _REGISTRY:
        _load_entry_points()
    if name not in _REGISTRY:
        raise ConfigError(
            f"Unknown stage {name!r}. Available stages: {', '.join(available_stages())}. "
            "Register a custom stage under the 'dateline.stages' entry point."
        )
    return _REGISTRY[name](config)
