"""`market-copilot ingest …`: import market data from folders or online providers."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from copilot.cli.common import load_settings, open_market, parse_day
from ingest.market.folder import ImportResult, csv_files, import_folder
from ingest.market.online import import_online

app = typer.Typer(help="Import market data and news into the stores.", no_args_is_help=True)
console = Console()


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[current]}", markup=False),  # a file name, not markup
        TimeElapsedColumn(),
        console=console,
        transient=False,
    )


@app.command("market")
def ingest_market(
    path: Path = typer.Argument(..., help="A CSV file or a folder searched recursively for *.csv"),
    symbol: list[str] = typer.Option(
        [], "--symbol", "-s", help="FILE=SYMBOL to store a file under another symbol, or just "
        "SYMBOL when PATH is one file. Repeatable.",
    ),
    skip_bad_rows: bool = typer.Option(
        False, help="Import the good rows of a file with bad rows (they are listed) instead of "
        "rejecting the whole file.",
    ),
    encoding: str | None = typer.Option(None, help="Text encoding, e.g. latin-1 (default UTF-8)."),
    force: bool = typer.Option(False, help="Re-import files even when unchanged."),
    lock_timeout: float = typer.Option(
        60.0, help="Seconds to wait for another import (or a reader) to finish."
    ),
) -> None:  # fmt: skip
    """Import every CSV under PATH (bars, Yahoo, FRED, OHLC, value series, symbol lists)."""
    overrides = _parse_overrides(path, symbol)
    files = csv_files(path)
    if not files:
        console.print(f"No *.csv files under {escape(str(path))}.")
        raise typer.Exit(1)
    settings = load_settings()
    with open_market(settings, False, lock_timeout, _say_waiting) as store, _progress() as progress:
        task = progress.add_task("Importing", total=len(files), current="")
        results = import_folder(
            store, path, overrides, skip_bad_rows, encoding, force,
            on_file=lambda p: progress.update(task, advance=1, current=p.name),
        )  # fmt: skip
    _print_summary(results, f"Market import into {settings.market_db_path}")
    if any(r.status == "failed" for r in results):
        raise typer.Exit(1)


def _say_waiting(message: str) -> None:
    Console(stderr=True).print(message, markup=False, highlight=False)


def _parse_overrides(path: Path, values: list[str]) -> dict[str, str]:
    overrides: dict[str, str] = {}
    for value in values:
        if "=" in value:
            name, _, sym = value.partition("=")
            overrides[name.strip()] = sym.strip().upper()
        elif path.is_file():
            overrides[path.name] = value.strip().upper()
        else:
            raise typer.BadParameter(
                f"{value!r}: with a folder, write FILE=SYMBOL (e.g. CPI_monthly.csv=CPI).",
                param_hint="--symbol",
            )
    return overrides


@app.command("online")
def ingest_online(
    yahoo: list[str] = typer.Option(
        [],
        "--yahoo",
        help="Yahoo tickers, e.g. AAPL,MSFT (any stock, ETF or ^INDEX; default: "
        "the configured universe). Comma-separated or repeated.",
    ),
    fred: list[str] = typer.Option(
        [],
        "--fred",
        help="FRED series ids, e.g. CPIAUCSL,GS10 (default: the configured "
        "universe). Comma-separated or repeated.",
    ),
    start: str | None = typer.Option(None, help="First date, YYYY-MM-DD (default from settings)."),
    only: str | None = typer.Option(None, help="'yahoo' or 'fred' to use one provider only."),
    lock_timeout: float = typer.Option(
        60.0, help="Seconds to wait for another import (or a reader) to finish."
    ),
) -> None:
    """Download daily bars from Yahoo Finance and series from FRED (no key needed)."""
    if only not in (None, "yahoo", "fred"):
        raise typer.BadParameter(f"{only!r}: use 'yahoo' or 'fred'.", param_hint="--only")
    settings = load_settings()
    begin = parse_day(start, "--start") or settings.online_start
    yahoo_symbols = [] if only == "fred" else (_listed(yahoo) or settings.yahoo_symbols)
    fred_series = [] if only == "yahoo" else (_listed(fred) or settings.fred_series)
    total = len(yahoo_symbols) + len(fred_series)
    with open_market(settings, False, lock_timeout, _say_waiting) as store, _progress() as progress:
        task = progress.add_task("Downloading", total=total, current="")
        results = import_online(
            store, settings, yahoo_symbols, fred_series, begin,
            on_item=lambda name: progress.update(task, advance=1, current=name),
        )  # fmt: skip
    _print_summary(results, "Online import")
    if results and all(r.status == "failed" for r in results):
        raise typer.Exit(1)


def _listed(values: list[str]) -> list[str]:
    """`--yahoo AAPL,MSFT --yahoo NVDA` -> [AAPL, MSFT, NVDA] (any ticker, upper-cased)."""
    return list(dict.fromkeys(s.strip().upper() for v in values for s in v.split(",") if s.strip()))


def _print_summary(results: list[ImportResult], title: str) -> None:
    table = Table(title=escape(title), show_lines=False)
    for column in ("source", "status", "layout", "symbols", "rows", "from", "to", "notes"):
        table.add_column(column, overflow="fold")
    for r in results:
        status = {"imported": "[green]imported", "unchanged": "[dim]unchanged"}.get(
            r.status, "[red]failed"
        )
        notes = r.error if r.error else "; ".join(r.notes)
        cells = (
            Path(r.source).name if "/" in r.source else r.source, r.layout,
            ", ".join(r.symbols), str(r.rows) if r.rows else "",
            str(r.first or ""), str(r.last or ""), notes,
        )  # fmt: skip
        # Cells come from files (names, symbols, bad rows): escaped, so they print as text.
        source, *rest = (escape(cell) for cell in cells)
        table.add_row(source, status, *rest)
    console.print(table)
    counts = {s: sum(r.status == s for r in results) for s in ("imported", "unchanged", "failed")}
    rows = sum(r.rows for r in results if r.layout != "symbols")
    symbols = sum(r.rows for r in results if r.layout == "symbols")
    extra = f", {symbols} symbol descriptions" if symbols else ""
    console.print(
        f"{counts['imported']} imported ({rows} rows of data{extra}), "
        f"{counts['unchanged']} unchanged, {counts['failed']} failed."
    )
