"""`market-copilot market …`: what the market store holds."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from copilot.cli.common import load_settings, open_market

app = typer.Typer(help="Inspect the market store.", no_args_is_help=True)
console = Console()


@app.command("status")
def status() -> None:
    """Symbols stored, with their first and last dates and row counts."""
    settings = load_settings()
    with open_market(settings) as store:
        coverage = store.coverage()
    table = Table(title=escape(f"Market store {settings.market_db_path}"))
    for column in ("symbol", "kind", "first", "last", "rows"):
        table.add_column(column)
    for record in coverage.to_dict("records"):
        first, last = (str(record[k])[:10] for k in ("first", "last"))
        cells = (str(record["symbol"]), str(record["kind"]), first, last, str(record["rows"]))
        table.add_row(*(escape(cell) for cell in cells))  # symbols come from files
    console.print(table)
