"""`market-copilot check FILE|URL|-`: every market claim of an article, checked against the
store and marked ✓ / ✗ (with the right value and its source) / ? (with why)."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from copilot.cli.common import load_settings, open_market, parse_day, require
from copilot.factcheck.model import Report
from copilot.factcheck.report import right_text, to_html, to_json, to_markdown
from copilot.safety import strip_controls
from copilot.sources import SourceLedger
from copilot.tools import ToolDeps
from copilot.understand import Catalog

console = Console()


def check(
    where: str = typer.Argument(..., help="An article: a file (Markdown, text, HTML), a URL, or -"),
    as_of: str | None = typer.Option(
        None, "--as-of", help="Check as of YYYY-MM-DD (default: the article's own date)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    md: Path | None = typer.Option(None, "--md", help="Also write the report as Markdown here."),
    html_path: Path | None = typer.Option(None, "--html", help="Also write it as HTML here."),
) -> None:
    """Fact-check a market article: each figure recomputed from the stored data."""
    # Imported here: the fetcher's HTTP stack would slow every other command's start.
    from copilot.factcheck.run import check_article
    from copilot.factcheck.source import read_input

    settings = load_settings()
    day = parse_day(as_of, "--as-of")
    article = read_input(where, settings.http_timeout_s)
    require(
        settings.market_db_path.exists(),
        f"no market store at {settings.market_db_path}: import data first with "
        "`market-copilot ingest market PATH`.",
    )
    with open_market(settings) as store:
        deps = ToolDeps(settings=settings, ledger=SourceLedger(), market=store)
        report = check_article(article, deps, Catalog.from_store(store), day, settings.as_of)
    if md is not None:
        md.write_text(to_markdown(report), encoding="utf-8")
    if html_path is not None:
        html_path.write_text(to_html(report), encoding="utf-8")
    if as_json:
        typer.echo(to_json(report))
        return
    print_report(report)


def clean(text: str) -> str:
    """Article words for the terminal: no control characters, no Rich markup."""
    return escape(strip_controls(text))


def print_report(report: Report) -> None:
    console.print(
        f"[bold]{clean(report.verdict())}[/] — {clean(report.title)}, as of "
        f"{report.as_of.isoformat()} ({clean(report.as_of_why)})",
        highlight=False,
    )
    table = Table(show_lines=False)
    for column in ("#", "mark", "claim", "right value", "why"):
        table.add_column(column, overflow="fold")
    for item in report.checked:
        table.add_row(
            str(item.claim.number),
            item.mark,
            clean(item.claim.clause),
            clean(right_text(item)),
            clean(item.reason),
        )
    console.print(table)
    for source in report.sources:
        console.print(
            clean(f"[{source['n']}] {source['title']} — {source['metric']}"), highlight=False
        )
