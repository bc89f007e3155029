"""mkdocs hooks: the CLI and HTTP API references, rendered from the code at every build.

A page asks for a reference with a marker line; the hook replaces it:

- ``<!-- generated: cli-reference -->``: ``dateline --help`` and the ``--help`` of every command
  and subcommand, as the installed dateline prints them (typer's CliRunner, 100 columns);
- ``<!-- generated: api-reference -->``: every route of the JSON API, from the OpenAPI schema
  the server serves at ``/api/openapi.json``.

Nothing is copied by hand, so the pages cannot drift from the code. Named in ``mkdocs.yml``
(``hooks:``); needs dateline installed in the environment that runs mkdocs (``make docs``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

CLI_MARKER = "<!-- generated: cli-reference -->"
API_MARKER = "<!-- generated: api-reference -->"
#: the terminal width the help is drawn for
HELP_COLUMNS = 80


def on_page_markdown(markdown: str, **_: Any) -> str:
    if CLI_MARKER in markdown:
        markdown = markdown.replace(CLI_MARKER, cli_reference())
    if API_MARKER in markdown:
        markdown = markdown.replace(API_MARKER, api_reference())
    return markdown


# ---- the command line ---------------------------------------------------------------------


def _commands(group: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Every command under ``group`` (depth first, in the order ``--help`` lists them).

    Duck-typed: typer ships its own copy of click, whose groups are not ``click.Group``s."""
    context = group.context_class(group)
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        if command is None or getattr(command, "hidden", False):
            continue
        yield (*path, name), command
        if hasattr(command, "list_commands"):
            yield from _commands(command, (*path, name))


def _help(args: list[str]) -> str:
    from typer.testing import CliRunner

    from dateline.cli import app

    env = {"COLUMNS": str(HELP_COLUMNS), "NO_COLOR": "1", "TERM": "dumb", "FORCE_COLOR": None}
    result = CliRunner().invoke(app, [*args, "--help"], env=env, terminal_width=HELP_COLUMNS)
    if result.exit_code != 0:
        raise RuntimeError(f"dateline {' '.join(args)} --help failed: {result.output}")
    return "\n".join(line.rstrip() for line in result.output.strip("\n").splitlines())


def cli_reference() -> str:
    import typer.main

    from dateline.cli import app

    parts = ["## dateline", "", "```text", _help([]), "```", ""]
    for path, _command in _commands(typer.main.get_command(app)):
        name = " ".join(path)
        parts += [f"## dateline {name}", "", "```text", _help(list(path)), "```", ""]
    return "\n".join(parts)


# ---- the HTTP API -------------------------------------------------------------------------


def _schema_type(schema: dict[str, Any]) -> str:
    if "enum" in schema:
        return " \\| ".join(f"`{value}`" for value in schema["enum"])
    if "anyOf" in schema:
        kinds = [_schema_type(s) for s in schema["anyOf"] if s.get("type") != "null"]
        return " or ".join(kinds)
    if schema.get("type") == "array":
        return f"list of {_schema_type(schema.get('items', {}))}"
    return str(schema.get("type", "any"))


def _cell(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def api_reference() -> str:
    from dateline.server.app import create_app

    # The schema is built from the routes; no store is opened to build it.
    spec = create_app("unused.duckdb").openapi()
    parts: list[str] = []
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            parts += [f"### {method.upper()} `{path}`", "", operation.get("summary", ""), ""]
            if operation.get("description"):
                parts += [operation["description"].strip(), ""]
            parameters = operation.get("parameters", [])
            if parameters:
                parts += [
                    "| parameter | in | type | default | description |",
                    "|---|---|---|---|---|",
                ]
                for parameter in parameters:
                    schema = parameter.get("schema", {})
                    default = schema.get("default")
                    parts.append(
                        "| `{}` | {} | {} | {} | {} |".format(
                            parameter["name"],
                            parameter["in"],
                            _cell(_schema_type(schema)),
                            "" if default is None else f"`{_cell(json.dumps(default))}`",
                            _cell(parameter.get("description", "")),
                        )
                    )
                parts.append("")
            codes = ", ".join(sorted(operation.get("responses", {})))
            parts += [f"Responses: {codes}.", ""]
    return "\n".join(parts)
