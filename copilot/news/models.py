"""The news side's data model: a normalized article, its chunks, and a search hit.

Times are timezone-aware UTC. A date without a time means midnight UTC of that day; a date known
only to the month is placed at the *latest* moment it can have been published (the end of the
month, or the day it was scraped if earlier), so an as-of filter never sees it too early.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field, field_validator

from copilot.news.sections import sectioned

DatePrecision = Literal["time", "day", "month"]


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_chunk_id(published_at: datetime, article_id: str, version: str, index: int) -> str:
    """`<11-digit publication timestamp>-<article id>-<version>-<index>`: the timestamp lets a
    search apply its date window to candidate ids without reading their metadata."""
    stamp = max(int(published_at.timestamp()), 0)
    return f"{stamp:011d}-{article_id}-{version}-{index:04d}"


def chunk_id_timestamp(chunk_id: str) -> int | None:
    """The publication timestamp a chunk id starts with, or None for another id shape."""
    head = chunk_id.split("-", 1)[0]
    return int(head) if len(head) == 11 and head.isdigit() else None


def chunk_id_article(chunk_id: str) -> str:
    """The article id inside a chunk id (the chunk id itself for another id shape)."""
    parts = chunk_id.split("-")
    return parts[1] if len(parts) == 4 and chunk_id_timestamp(chunk_id) is not None else chunk_id


def chunk_text(document: str, title: str) -> str:
    """The chunk text of a stored document (which starts with the title, for BM25)."""
    prefix = f"{title}\n\n"
    return document[len(prefix) :] if document.startswith(prefix) else document


class Article(BaseModel):
    """One news article, normalized, as every loader returns it."""

    article_id: str = Field(description="Stable id: a hash of the canonical URL.")
    url: str = Field(description="Canonical URL ('' when the input had none).")
    title: str
    publisher: str
    published_at: datetime
    date_precision: DatePrecision = "day"
    text: str = Field(description="The article body (or its summary when summary_only).")
    summary: str = ""
    summary_only: bool = Field(False, description="The body could not be extracted.")
    symbols: list[str] = Field(default_factory=list)
    authors: list[str] = Field(default_factory=list)
    source: str = Field("", description="The file or feed it was loaded from.")
    scraped_at: datetime | None = None
    warnings: list[str] = Field(default_factory=list)

    @field_validator("published_at", "scraped_at")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("datetimes must be timezone-aware")
        return value

    @property
    def content_hash(self) -> str:
        """Hash of everything stored for the article; unchanged hash = nothing to re-embed."""
        parts = [
            self.url,
            self.title,
            self.publisher,
            self.published_at.isoformat(),
            self.date_precision,
            "summary" if self.summary_only else "full",
            ",".join(self.symbols),
            self.text,
        ]
        if sectioned(self.text, self.published_at):  # stored as dated posts since their start
            parts.append("dated sections")
        return sha256_hex("\x1f".join(parts))

    @property
    def version(self) -> str:
        return self.content_hash[:16]


class Chunk(BaseModel):
    """A piece of an article as stored: its text and the metadata search filters on."""

    chunk_id: str
    article_id: str
    version: str
    chunk_index: int
    n_chunks: int
    text: str
    embed_text: str = Field(
        description="What is embedded and stored as the document: the title, then the text."
    )
    title: str
    publisher: str
    published_at: datetime
    date_precision: DatePrecision
    url: str
    symbols: list[str]
    summary_only: bool

    def metadata(self) -> dict[str, Any]:
        """Chroma metadata. `symbol_tags` (a list, for `$contains`) is absent when empty."""
        meta: dict[str, Any] = {
            "article_id": self.article_id,
            "version": self.version,
            "chunk_index": self.chunk_index,
            "n_chunks": self.n_chunks,
            "title": self.title,
            "publisher": self.publisher,
            "publisher_key": self.publisher.casefold(),
            "published_at": self.published_at.isoformat(),
            "published_ts": int(self.published_at.timestamp()),
            "date_precision": self.date_precision,
            "url": self.url,
            "symbols": ",".join(self.symbols),
            "summary_only": self.summary_only,
        }
        if self.symbols:
            meta["symbol_tags"] = list(self.symbols)
        return meta


class NewsHit(BaseModel):
    """One search result: the best-matching chunk of one article."""

    article_id: str
    chunk_id: str
    chunk_index: int
    title: str
    publisher: str
    published_at: datetime
    date_precision: DatePrecision
    url: str
    symbols: list[str]
    summary_only: bool
    text: str
    score: float = Field(description="Cosine similarity of query and chunk (higher is closer).")

    @property
    def dated_to_day(self) -> bool:
        """Whether its day is known: a feed's timestamp ("time") is, a month-only date is not."""
        return self.date_precision != "month"

    @classmethod
    def from_chroma(
        cls, chunk_id: str, document: str, meta: dict[str, Any], distance: float
    ) -> NewsHit:
        """From a stored record; the stored document is `Chunk.document` (title, then text)."""
        symbols = str(meta.get("symbols", ""))
        return cls(
            article_id=str(meta["article_id"]),
            chunk_id=chunk_id,
            chunk_index=int(meta["chunk_index"]),
            title=str(meta["title"]),
            publisher=str(meta["publisher"]),
            published_at=datetime.fromisoformat(str(meta["published_at"])),
            date_precision=meta.get("date_precision", "day"),
            url=str(meta["url"]),
            symbols=[s for s in symbols.split(",") if s],
            summary_only=bool(meta.get("summary_only", False)),
            text=chunk_text(document, str(meta["title"])),
            score=1.0 - float(distance),
        )
