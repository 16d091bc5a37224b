"""The one registry of news loaders, and loading a mix of files, folders and feed URLs."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from copilot.errors import CopilotError, ImportFileError
from copilot.news.models import Article
from ingest.news.base import LoadResult, NewsLoader
from ingest.news.feeds import FeedLoader
from ingest.news.html import HtmlLoader
from ingest.news.jsonl import JsonlLoader
from ingest.news.tracker import TrackerMarkdownLoader

NEWS_LOADERS: dict[str, type[NewsLoader]] = {
    loader.name: loader for loader in (TrackerMarkdownLoader, JsonlLoader, FeedLoader, HtmlLoader)
}


def loader_for(path: Path) -> type[NewsLoader] | None:
    """The loader whose suffixes match `path`, or None."""
    suffix = path.suffix.lower()
    for loader in NEWS_LOADERS.values():
        if suffix in loader.suffixes:
            return loader
    return None


def known_suffixes() -> list[str]:
    return sorted({s for loader in NEWS_LOADERS.values() for s in loader.suffixes})


def discover(paths: Iterable[Path]) -> tuple[list[Path], list[ImportFileError]]:
    """Files to load: each file given, and every file with a known suffix under each folder
    (recursively, sorted, hidden files skipped)."""
    files: list[Path] = []
    problems: list[ImportFileError] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file()
                and loader_for(p) is not None
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif path.is_file():
            if loader_for(path) is None:
                known = ", ".join(known_suffixes())
                problems.append(ImportFileError(str(path), f"unknown file type (known: {known})"))
            else:
                files.append(path)
        else:
            problems.append(ImportFileError(str(path), "no such file or folder"))
    return files, problems


def load_sources(
    paths: Iterable[Path],
    feed_urls: Iterable[str] = (),
    timeout_s: float = 20.0,
    on_source: Callable[[str], None] | None = None,
    on_articles: Callable[[list[Article]], None] | None = None,
) -> LoadResult:
    """Load every file (through its loader) and every feed URL; failures become problems.
    `on_articles` sees each input's articles as soon as they are read."""
    files, problems = discover(paths)
    total = LoadResult(problems=problems)
    sources: list[tuple[str, NewsLoader]] = [
        (str(f), _instantiate(loader_for(f), timeout_s)) for f in files
    ]
    sources += [(url, FeedLoader(timeout_s)) for url in feed_urls]
    for name, loader in sources:
        try:
            result = loader.load(name)
            total.extend(result)
            if on_articles is not None and result.articles:
                on_articles(result.articles)
        except ImportFileError as exc:
            total.problems.append(exc)
        except CopilotError as exc:  # e.g. a feed URL that cannot be fetched
            total.problems.append(ImportFileError(name, str(exc).removeprefix(f"{name}: ")))
        if on_source is not None:
            on_source(name)
    return total


def _instantiate(loader: type[NewsLoader] | None, timeout_s: float) -> NewsLoader:
    assert loader is not None  # discover() only returns files with a loader
    return FeedLoader(timeout_s) if loader is FeedLoader else loader()
