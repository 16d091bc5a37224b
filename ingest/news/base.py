"""What a news loader is: a class that turns one input (a file, or a feed URL) into articles.

A loader never raises for one bad record inside a good file: it reports it in `problems`
and goes on. A whole input that cannot be read raises `ImportFileError` naming it.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import ClassVar

from copilot.errors import ImportFileError
from copilot.news.models import Article


@dataclass
class LoadResult:
    """Articles read from one input, records that failed, and warnings (each names its input)."""

    articles: list[Article] = field(default_factory=list)
    problems: list[ImportFileError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def extend(self, other: LoadResult) -> None:
        self.articles.extend(other.articles)
        self.problems.extend(other.problems)
        self.warnings.extend(other.warnings)


class NewsLoader(ABC):
    """One input format. Subclasses set `name`, `suffixes` and implement `load`."""

    name: ClassVar[str]
    description: ClassVar[str]
    suffixes: ClassVar[tuple[str, ...]]

    @abstractmethod
    def load(self, source: str) -> LoadResult:
        """Read `source` (a path, or for feeds also an http(s) URL) into normalized articles."""
