"""Sources and the citation ledger.

The code, not the model, numbers citations (DESIGN.md convention 4): every tool result registers
the `Source` it came from here and gets a number `n`; the model sees `[n]` blocks and the Sources
list is rendered from the ledger, so an `[n]` in an answer either resolves or is flagged.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from copilot.facts import Fact


class DataSource(BaseModel):
    """A market-data query: which metric over which symbols and dates, computed from what."""

    kind: Literal["data"] = "data"
    tool: str
    metric: str = Field(description="The metric's exact definition as the tool applied it.")
    symbols: list[str]
    start: date | None = None
    end: date | None = None
    data_as_of: date | None = Field(None, description="Last date of data visible to the query.")
    provenance: list[str] = Field(default_factory=list, description="Where the rows came from.")
    values: dict[str, str] = Field(default_factory=dict, description="The figures it produced.")
    text: str = Field("", description="Exactly what the model was shown.")
    facts: list[Fact] = Field(
        default_factory=list, description="The typed values it states (copilot.facts)."
    )

    def key(self) -> str:
        return f"data|{self.tool}|{self.text}"

    def title(self) -> str:
        span = (
            f"{self.start} to {self.end}"
            if self.start and self.start != self.end
            else f"{self.end}"
        )
        return f"{', '.join(self.symbols)} · {self.tool} · {span} (data as of {self.data_as_of})"


class NewsSource(BaseModel):
    """One retrieved chunk of a stored news article."""

    kind: Literal["news"] = "news"
    article_id: str
    chunk_id: str
    title: str
    publisher: str
    published_at: datetime
    url: str
    text: str = Field(description="The stored chunk.")
    excerpt: str = Field(
        "",
        description="The passage of the chunk the model was shown (the search tool's focused "
        "excerpt; several, joined, when more than one query returned the chunk). Empty: the "
        "whole chunk was shown.",
    )
    about: list[str] = Field(
        default_factory=list,
        description="Read as a driver of a move: the words that tie a text to the moving "
        "instrument (the drivers tool's entity phrases, bellwether companies and drivers such "
        "as 'consumer confidence' for retailers). A reason citing the "
        "article must find one of them in what the model was shown. Empty: not bound.",
    )
    backdrop: list[str] = Field(
        default_factory=list,
        description="Read as a driver of a move that wider markets made too (measured: the "
        "sector, the S&P 500): their names, which tie a text to the move as `about` does.",
    )
    move: tuple[date, date] | None = Field(
        None,
        description="Read as a driver of a move: its first and last day. A reason citing the "
        "article must name no day outside it (copilot.claims.reason_days). None: not bound.",
    )
    dated_to_day: bool = Field(
        True, description="False when the publication date is known only to its month."
    )

    def key(self) -> str:
        return f"news|{self.chunk_id}"

    def add_about(
        self, words: list[str], move: tuple[date, date] | None = None, backdrop: Sequence[str] = ()
    ) -> None:
        """Another move this chunk was read for (a search both ways, a second instrument)."""
        self.about += [w for w in words if w not in self.about]
        self.backdrop += [w for w in backdrop if w not in self.backdrop]
        if move is not None:
            held = self.move or move
            self.move = (min(held[0], move[0]), max(held[1], move[1]))

    def add_excerpt(self, shown: str) -> None:
        """Record another passage of this chunk the model was shown."""
        if shown and shown not in self.excerpt:
            self.excerpt = f"{self.excerpt}\n{shown}" if self.excerpt else shown

    def title_line(self) -> str:
        return f"{self.title} — {self.publisher}, {self.published_at:%Y-%m-%d}. {self.url}"


Source = Annotated[DataSource | NewsSource, Field(discriminator="kind")]


class SourceLedger:
    """Numbers sources 1, 2, 3 … in the order tools return them; a repeat keeps its number."""

    def __init__(self) -> None:
        self._sources: list[DataSource | NewsSource] = []
        self._by_key: dict[str, int] = {}

    def register(self, source: DataSource | NewsSource) -> int:
        """Add `source` (or find it) and return its citation number."""
        key = source.key()
        if key in self._by_key:
            return self._by_key[key]
        self._sources.append(source)
        number = len(self._sources)
        self._by_key[key] = number
        return number

    def get(self, number: int) -> DataSource | NewsSource | None:
        if 1 <= number <= len(self._sources):
            return self._sources[number - 1]
        return None

    def items(self) -> list[tuple[int, DataSource | NewsSource]]:
        return list(enumerate(self._sources, start=1))

    def __len__(self) -> int:
        return len(self._sources)

    def render_list(self, numbers: set[int] | None = None) -> str:
        """The Sources list as plain text, optionally only the cited `numbers`."""
        lines = []
        for n, source in self.items():
            if numbers is not None and n not in numbers:
                continue
            if isinstance(source, NewsSource):
                lines.append(f"[{n}] {source.title_line()}")
            else:
                lines.append(f"[{n}] {source.title()} — {source.metric}")
        return "\n".join(lines)
