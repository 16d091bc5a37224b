"""Split an article into chunks that keep paragraphs together, with overlap between chunks.

Paragraphs (separated by blank lines) are packed whole into chunks of at most `max_chars`;
a paragraph longer than that is split at sentence ends (and a sentence longer than that at
spaces). Each chunk after the first starts with the last units (paragraphs or sentences) of the
previous one, up to `overlap_chars`, so a fact that spans a boundary is found from both sides.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, time

from copilot.news.models import Article, Chunk, make_chunk_id
from copilot.news.sections import dated_sections

CHUNK_CHARS = 700
OVERLAP_CHARS = 150
_SENTENCE_END = re.compile(
    r"(?<=[.!?\u2026])[\"'\u201d\u2019)]?\s+(?=[\"'\u201c\u2018(]?[A-Z0-9$])"
)


def split_units(text: str, max_chars: int) -> list[str]:
    """Paragraphs, with any paragraph over `max_chars` split into sentence-sized pieces."""
    units: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text):
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        if len(paragraph) <= max_chars:
            units.append(paragraph)
            continue
        for sentence in _SENTENCE_END.split(paragraph):
            units.extend(_hard_split(sentence.strip(), max_chars))
    return [u for u in units if u]


def _hard_split(text: str, max_chars: int) -> list[str]:
    pieces: list[str] = []
    while len(text) > max_chars:
        cut = text.rfind(" ", 0, max_chars)
        cut = cut if cut > max_chars // 2 else max_chars
        pieces.append(text[:cut].strip())
        text = text[cut:].strip()
    pieces.append(text)
    return pieces


def chunk_text(
    text: str, max_chars: int = CHUNK_CHARS, overlap_chars: int = OVERLAP_CHARS
) -> list[str]:
    """The chunk texts of `text` (see the module docstring)."""
    chunks: list[str] = []
    current: list[str] = []
    fresh = 0  # units in `current` that are not overlap carried from the previous chunk
    for unit in split_units(text, max_chars):
        size = sum(len(u) + 2 for u in current) + len(unit)
        if current and size > max_chars:
            if fresh:
                chunks.append("\n\n".join(current))
            current = _tail(current, overlap_chars, max_chars - len(unit) - 2)
            fresh = 0
        current.append(unit)
        fresh += 1
    if fresh:
        chunks.append("\n\n".join(current))
    return chunks


def _tail(units: list[str], overlap_chars: int, room: int) -> list[str]:
    """The last units whose joined length fits both the overlap and the room left."""
    budget = min(overlap_chars, room)
    tail: list[str] = []
    used = 0
    for unit in reversed(units):
        if used + len(unit) > budget:
            break
        tail.insert(0, unit)
        used += len(unit) + 2
    return tail


def chunk_article(
    article: Article, max_chars: int = CHUNK_CHARS, overlap_chars: int = OVERLAP_CHARS
) -> list[Chunk]:
    """The article's chunks with the metadata search needs; ids carry the content version, so
    a changed article's new chunks never collide with its old ones. A page of dated posts
    (`copilot.news.sections`) is chunked post by post, each chunk dated by its post's heading
    and sharing no overlap with another post."""
    posts = _posts(article, max_chars, overlap_chars)
    version = article.version
    return [
        Chunk(
            chunk_id=make_chunk_id(published, article.article_id, version, index),
            article_id=article.article_id,
            version=version,
            chunk_index=index,
            n_chunks=len(posts),
            text=text,
            embed_text=f"{title}\n\n{text}",
            title=title,
            publisher=article.publisher,
            published_at=published,
            date_precision=article.date_precision if published == article.published_at else "day",
            url=article.url,
            symbols=article.symbols,
            summary_only=article.summary_only,
        )
        for index, (title, published, text) in enumerate(posts)
    ]


def _posts(article: Article, max_chars: int, overlap_chars: int) -> list[tuple[str, datetime, str]]:
    """(title, publication time, chunk text) of each chunk: the article's own, or for a page of
    dated posts its post's heading and the start of its day (UTC, as a day-dated article's)."""
    sections = dated_sections(article.text, article.published_at.date())
    if not sections:
        texts = chunk_text(article.text, max_chars, overlap_chars) or [article.title]
        return [(article.title, article.published_at, text) for text in texts]
    return [
        (section.heading, datetime.combine(section.day, time(), tzinfo=UTC), text)
        for section in sections
        for text in chunk_text(section.text, max_chars, overlap_chars)
    ]
