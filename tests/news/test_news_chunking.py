"""Chunks keep paragraphs whole, overlap, and carry the metadata search filters on."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

from ingest.news.chunking import chunk_article, chunk_text, split_units
from ingest.news.normalize import build_article


def test_short_paragraphs_are_packed_whole_with_overlap() -> None:
    paragraphs = [f"Paragraph {i} " + "x" * 80 + "." for i in range(10)]  # ~93 chars each
    chunks = chunk_text("\n\n".join(paragraphs), max_chars=300, overlap_chars=100)
    for chunk in chunks:
        assert len(chunk) <= 300
        for part in chunk.split("\n\n"):
            assert part in paragraphs  # never a broken paragraph
    for before, after in itertools.pairwise(chunks):
        assert after.split("\n\n")[0] == before.split("\n\n")[-1]  # one paragraph of overlap
    covered = {p for c in chunks for p in c.split("\n\n")}
    assert covered == set(paragraphs)


def test_long_paragraph_is_split_at_sentence_ends() -> None:
    sentences = [f"Sentence number {i} says something about stocks." for i in range(30)]
    units = split_units(" ".join(sentences), max_chars=200)
    assert units == sentences


def test_a_sentence_longer_than_a_chunk_is_split_at_spaces() -> None:
    text = " ".join(["word"] * 300)  # 1,499 characters, no sentence end
    chunks = chunk_text(text, max_chars=200, overlap_chars=0)
    assert all(len(c) <= 200 for c in chunks)
    assert " ".join(chunks).split() == text.split()


def test_chunks_carry_article_metadata() -> None:
    article = build_article(
        source="t.md",
        url="https://example.com/a",
        title="Utilities lag as small caps rally",
        publisher="Example Wire",
        published_at=datetime(2026, 1, 22, tzinfo=UTC),
        date_precision="day",
        text="\n\n".join(["A paragraph about the market. " * 10] * 6),  # 299 chars each
    )
    chunks = chunk_article(article, max_chars=500, overlap_chars=100)
    assert len(chunks) == 6
    meta = chunks[2].metadata()
    assert meta["article_id"] == article.article_id
    assert meta["chunk_index"] == 2 and meta["n_chunks"] == 6
    assert meta["published_at"] == "2026-01-22T00:00:00+00:00"
    assert meta["published_ts"] == 1769040000  # date -u -d 2026-01-22 +%s
    assert meta["url"] == "https://example.com/a"
    assert meta["symbols"] == "XLU,IWM,SPY"  # utilities, small caps, "the market"
    assert meta["symbol_tags"] == ["XLU", "IWM", "SPY"]
    assert meta["publisher_key"] == "example wire"
    assert chunks[0].embed_text.startswith("Utilities lag as small caps rally\n\n")
    assert len({c.chunk_id for c in chunks}) == 6
    assert all(article.version in c.chunk_id for c in chunks)
    assert chunks[2].chunk_id == f"01769040000-{article.article_id}-{article.version}-0002"
