"""`market-copilot ingest news …` and `market-copilot news search …`.

Settings are built here, at the edge; every `CopilotError` becomes a message and exit code 1.
"""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from copilot.cli.common import load_settings, parse_day
from copilot.errors import CopilotError
from copilot.news.embeddings import SentenceTransformerEmbedder
from copilot.news.onnx_embedder import OnnxEmbedder
from copilot.news.present import cite, excerpt, published_label
from copilot.news.search import search_news
from copilot.news.store import NewsStore
from copilot.safety import one_line, strip_controls
from copilot.settings import Settings
from copilot.sources import SourceLedger
from ingest.news.feed_refresh import remember_feeds
from ingest.news.pipeline import BATCH_CHUNKS, IngestReport, ingest_paths

news_app = typer.Typer(help="Search the stored news.", no_args_is_help=True)
console = Console(soft_wrap=True)
errors = Console(stderr=True, soft_wrap=True)
MAX_PROBLEMS_SHOWN = 20


@news_app.callback()
def news() -> None:
    """Search the news articles stored by `market-copilot ingest news`."""


def _fail(exc: CopilotError) -> typer.Exit:
    errors.print(f"[bold red]Error:[/] {escape(str(exc))}", highlight=False)
    return typer.Exit(1)


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[current]}", markup=False),  # titles, not markup
        TimeElapsedColumn(),
        console=console,
    )


def ingest_news(
    paths: list[Path] = typer.Argument(
        None, help="Files or folders (searched recursively): .md news-tracker articles, .jsonl, "
        ".rss/.atom/.xml feeds, .html pages.", show_default=False,
    ),
    rss: list[str] = typer.Option([], "--rss", help="An RSS/Atom feed URL. Repeatable."),
    lock_timeout: float = typer.Option(60.0, help="Seconds to wait for another ingest to finish."),
    batch_size: int = typer.Option(BATCH_CHUNKS, min=1, help="Chunks embedded per batch."),
    threads: int | None = typer.Option(
        None, min=1, help="CPU threads for the embedding model (default: all cores; 1 can be "
        "faster when other work keeps the cores busy).",
    ),
) -> None:  # fmt: skip
    """Store news articles once each (deduplicated by URL and content) in the news store."""
    if not paths and not rss:
        raise typer.BadParameter("give at least one PATH or --rss URL.")
    try:
        settings = load_settings()
        store = NewsStore.open(settings)
        if threads and isinstance(store.embedder, SentenceTransformerEmbedder | OnnxEmbedder):
            store.embedder.threads = threads
        with _progress() as progress:
            report = ingest_paths(
                store, paths or [], rss, lock_timeout_s=lock_timeout,
                timeout_s=settings.http_timeout_s, batch_chunks=batch_size, progress=progress,
                on_wait=lambda message: errors.print(escape(message)),
            )  # fmt: skip
    except CopilotError as exc:
        raise _fail(exc) from None
    if rss:  # `market-copilot refresh` checks them again
        failed = " ".join(str(p) for p in report.problems)
        remember_feeds(settings.feeds_path, [url for url in rss if url not in failed])
    _print_report(report, store.where, store.count())
    if report.problems:
        raise typer.Exit(1)


def _print_report(report: IngestReport, where: str, stored_chunks: int) -> None:
    for warning in report.warnings:
        errors.print(f"[yellow]Warning:[/] {escape(warning)}", highlight=False)
    for problem in report.problems[:MAX_PROBLEMS_SHOWN]:
        errors.print(f"[red]Skipped:[/] {escape(str(problem))}", highlight=False)
    if len(report.problems) > MAX_PROBLEMS_SHOWN:
        errors.print(f"… and {len(report.problems) - MAX_PROBLEMS_SHOWN} more skipped inputs.",
                     markup=False)  # fmt: skip
    console.print(
        f"{report.sources} inputs, {report.copies} article copies → {report.articles} distinct "
        f"articles: {report.added} added, {report.replaced} replaced, {report.unchanged} "
        f"unchanged, {report.kept_full_text} kept (stored full text beats a summary); "
        f"{report.chunks_written} chunks embedded in {report.seconds:.1f} s; "
        f"{len(report.problems)} inputs skipped. {where} now holds {stored_chunks} chunks.",
        highlight=False,
        markup=False,  # `where` is a path
    )


@news_app.command("search")
def search(
    query: str = typer.Argument(..., help="What the news should be about."),
    as_of: str | None = typer.Option(None, help="Nothing published after this YYYY-MM-DD."),
    since: str | None = typer.Option(None, help="Only articles published on/after YYYY-MM-DD."),
    until: str | None = typer.Option(None, help="Only articles published on/before YYYY-MM-DD."),
    k: int = typer.Option(5, min=1, max=50, help="How many articles."),
    publisher: str | None = typer.Option(None, help="Only this publisher."),
    symbol: list[str] = typer.Option(
        [], "--symbol", help="Only articles mentioning it; repeat for any of several."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of text."),
) -> None:
    """Find stored articles by meaning: numbered, with publisher, date, URL and an excerpt."""
    as_of_day, since_day, until_day = (
        parse_day(as_of, "--as-of"), parse_day(since, "--since"), parse_day(until, "--until")
    )  # fmt: skip
    try:
        settings = Settings()
        store = NewsStore.open(settings, create=False)
        hits = search_news(
            store, query, k, since=since_day, until=until_day,
            as_of=as_of_day or settings.as_of, publisher=publisher, symbols=symbol or None,
        )  # fmt: skip
    except CopilotError as exc:
        raise _fail(exc) from None
    ledger = SourceLedger()
    if as_json:
        rows = [
            {"n": n, **_shown(hit.model_dump(mode="json")), "score": round(hit.score, 4)}
            for n, hit in ((cite(ledger, h), h) for h in hits)
        ]
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not hits:
        console.print(f"No stored articles match {query!r}.", markup=False)
        return
    for hit in hits:
        n = cite(ledger, hit)
        title, publisher, url = one_line(hit.title), one_line(hit.publisher), one_line(hit.url)
        console.print(
            f"[bold][{n}] {escape(title)}[/]\n    {escape(publisher)} · "
            f"{published_label(hit)} · {escape(url)}",
            highlight=False,
        )
        body = strip_controls(excerpt(hit.text, 300))
        console.print(f"    {escape(body)}\n", highlight=False, style="dim")


def _shown(row: dict[str, object]) -> dict[str, object]:
    """A hit as printed: its one-line fields without control characters (articles stored
    before ingest stripped them still print clean)."""
    for name in ("title", "publisher", "url"):
        if isinstance(row.get(name), str):
            row[name] = one_line(str(row[name]))
    if isinstance(row.get("text"), str):
        row["text"] = strip_controls(str(row["text"]), keep_layout=True)
    return row
