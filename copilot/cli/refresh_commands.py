"""`market-copilot refresh`: fetch only what is new for every stored symbol, series and feed."""

from __future__ import annotations

from typing import Literal

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from copilot.cli.common import load_settings, open_market
from copilot.settings import Settings
from ingest.market.providers import online_providers
from ingest.market.refresh import RefreshResult, refresh_market

console = Console()
errors = Console(stderr=True)


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[current]}", markup=False), TimeElapsedColumn(), console=console,
    )  # fmt: skip


def refresh(
    only: str | None = typer.Option(None, help="'market' or 'news' to refresh one store only."),
    lock_timeout: float = typer.Option(
        60.0, help="Seconds to wait for another import (or a reader) to finish."
    ),
) -> None:
    """Fetch what is new since the last stored date: prices (Yahoo), series (FRED), feeds.

    A store that is up to date makes no provider call. Safe to run from cron or a systemd timer.
    """
    if only not in (None, "market", "news"):
        raise typer.BadParameter("use 'market' or 'news'.", param_hint="--only")
    settings = load_settings()
    failed = False
    if only in (None, "market"):
        failed |= _market(settings, lock_timeout)
    if only in (None, "news"):
        failed |= _news(settings, lock_timeout)
    if failed:
        raise typer.Exit(1)


def _market(settings: Settings, lock_timeout: float) -> bool:
    if not settings.market_db_path.exists():
        console.print("No market store yet: import data first (`market-copilot ingest ...`).")
        return False
    with (
        open_market(settings, False, lock_timeout, lambda m: errors.print(m, markup=False))
        as store, _progress() as progress,
    ):  # fmt: skip
        task = progress.add_task("Refreshing", total=None, current="")

        def advance(name: str, total: int) -> None:
            progress.update(task, total=total, advance=1, current=name)

        providers = online_providers(settings.fred_csv_url)
        results = refresh_market(store, providers=providers, on_item=advance)
    _market_table(results)
    return any(r.status == "failed" for r in results)


def _market_table(results: list[RefreshResult]) -> None:
    table = Table(title="Market refresh")
    for column in ("symbol", "status", "provider", "new rows", "from", "to", "note"):
        table.add_column(column, overflow="fold")
    colour = {"updated": "green", "up to date": "dim", "no new data": "yellow",
              "skipped": "yellow", "failed": "red"}  # fmt: skip
    for r in results:
        cells = (r.symbol, r.provider, str(r.rows or ""), str(r.first or ""), str(r.last or ""),
                 r.note)  # fmt: skip
        symbol, *rest = (escape(c) for c in cells)
        table.add_row(symbol, f"[{colour[r.status]}]{r.status}", *rest)
    console.print(table)
    counts = {s: sum(r.status == s for r in results) for s in colour}
    rows = sum(r.rows for r in results)
    console.print(", ".join(f"{n} {s}" for s, n in counts.items()) + f"; {rows} new rows.")


def _news(settings: Settings, lock_timeout: float) -> bool:
    from ingest.news.feed_refresh import load_feeds, refresh_feeds

    if not load_feeds(settings.feeds_path):
        console.print("No feeds to refresh (add one with `market-copilot ingest news --rss URL`).")
        return False
    from copilot.news.store import NewsStore

    store = NewsStore.open(settings)
    with _progress() as progress:
        task = progress.add_task("Feeds", total=None, current="")
        results = refresh_feeds(store, settings.feeds_path, lock_timeout_s=lock_timeout,
                                on_item=lambda url, total: progress.update(
                                    task, total=total, advance=1, current=url[-40:]))  # fmt: skip
    status: dict[str, Literal["green", "dim", "red"]] = {
        "updated": "green", "unchanged": "dim", "failed": "red"
    }  # fmt: skip
    for r in results:
        console.print(f"[{status[r.status]}]{r.status}[/] {escape(r.url)}: {r.added} new "
                      f"articles; {escape(r.note)}", highlight=False)  # fmt: skip
    return any(r.status == "failed" for r in results)
