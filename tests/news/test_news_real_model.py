"""A few tests with the real bundled all-MiniLM-L6-v2 (the rest use a fast fake embedder)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from news_testkit import NO_SHARED, SHARED_NEWS, Backend

from copilot.errors import ConfigError
from copilot.news import NewsStore, SentenceTransformerEmbedder, search_news
from copilot.news.embeddings import BUNDLED_SHA256
from ingest.news import ingest_paths


@pytest.fixture(scope="module")
def model() -> SentenceTransformerEmbedder:
    return SentenceTransformerEmbedder()


def test_bundled_model_is_verified_and_semantic(model: SentenceTransformerEmbedder) -> None:
    rally, russell, fed = model.embed(
        ["small caps rally", "The Russell 2000 climbed again", "The Fed held interest rates"]
    )
    assert len(rally) == 384
    assert abs(sum(x * x for x in rally) - 1.0) < 1e-4
    assert _dot(rally, russell) > _dot(rally, fed) + 0.1
    assert model.expected_sha256 == BUNDLED_SHA256


def _dot(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))


def test_weights_with_another_hash_are_refused(tmp_path: Path) -> None:
    (tmp_path / "model.safetensors").write_bytes(b"not the real weights")
    embedder = SentenceTransformerEmbedder(str(tmp_path), expected_sha256=BUNDLED_SHA256)
    with pytest.raises(ConfigError, match="sha256"):
        embedder.embed(["x"])


@pytest.mark.skipif(not SHARED_NEWS.is_dir(), reason=NO_SHARED)
def test_small_cap_streak_is_found_as_of_its_day(
    model: SentenceTransformerEmbedder, tmp_path: Path
) -> None:
    settings = Backend("embedded").settings(tmp_path / "data", embedding_model=model.name)
    store = NewsStore.open(settings, model)
    streak = (
        SHARED_NEWS
        / "2026-01-23"
        / "stocks-climb-as-small-caps-extend-13-day-winning-streak-e7ae908e.md"
    )
    report = ingest_paths(store, [SHARED_NEWS / "2026-01-22", streak])
    assert report.problems == []
    hits = search_news(store, "small caps rally winning streak", k=3, as_of=date(2026, 1, 23))
    assert hits[0].title == "Stocks Climb as Small Caps Extend 13-Day Winning Streak"
    assert hits[0].url == "https://www.youtube.com/watch?v=p_HYzuJzVB8"
    earlier = search_news(store, "small caps rally winning streak", k=3, as_of=date(2026, 1, 22))
    assert all(h.published_at.date() <= date(2026, 1, 22) for h in earlier)
    assert "https://www.youtube.com/watch?v=p_HYzuJzVB8" not in [h.url for h in earlier]
