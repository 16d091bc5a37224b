"""`market-copilot tool NAME --args JSON`: call any tool and print exactly what the model sees."""

from __future__ import annotations

import json
from typing import Any

import typer
from rich.console import Console

from copilot.cli.common import load_settings, parse_day
from copilot.runtime import open_deps
from copilot.tools import TOOLS, run_tool
from copilot.tools.registry import describe_tools

console = Console()


def tool(
    name: str = typer.Argument("", help="Tool name; omit with --list."),
    args: str = typer.Option("{}", "--args", help="Arguments as a JSON object."),
    as_json: bool = typer.Option(False, "--json", help="Print text, data and sources as JSON."),
    as_of: str | None = typer.Option(None, "--as-of", help="Hide data after YYYY-MM-DD."),
    list_tools: bool = typer.Option(False, "--list", help="List tools with their arguments."),
) -> None:
    """Call a tool directly, exactly as the model would."""
    if list_tools or not name:
        typer.echo(describe_tools())
        return
    if name not in TOOLS:
        raise typer.BadParameter(f"unknown tool {name!r}; tools: {', '.join(sorted(TOOLS))}")
    try:
        arguments: dict[str, Any] = json.loads(args)
    except json.JSONDecodeError as exc:
        raise typer.BadParameter(f"--args is not valid JSON: {exc}") from exc
    if not isinstance(arguments, dict):
        raise typer.BadParameter('--args must be a JSON object, e.g. \'{"symbol": "IWM"}\'')
    settings = load_settings()
    with open_deps(settings, parse_day(as_of, "--as-of")) as deps:
        output = run_tool(deps, name, arguments)
        ledger = deps.ledger
    if as_json:
        payload = {
            "tool": name,
            "arguments": arguments,
            "text": output.text,
            "error": output.error,
            "data": output.data,
            "sources": {n: s.model_dump(mode="json") for n, s in ledger.items()},
        }
        typer.echo(json.dumps(payload, indent=2, default=str))
        return
    typer.echo(output.text)
    if len(ledger):
        console.print("\n[bold]Sources[/]")
        console.print(ledger.render_list(), highlight=False, markup=False)
    if output.error:
        raise typer.Exit(1)
