"""The real-answer reason pairs keep no article text: their excerpts are rebuilt from the shared
news folder (skipped, with the reason, where it is absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.reason_pairs_real import excerpt_reference, load_pairs, rebuild

REPO = Path(__file__).resolve().parents[2]
PAIRS = REPO / "benchmarks" / "data" / "reason_pairs_real.jsonl"
ARTICLE = "2026-01-23/how-major-us-stock-indexes-fared-thursday-1-22-2026-d1e071e6.md"
SENTENCE = "The Russell 2000 index of smaller companies rose 20.59 points, or 0.8%, to 2,718.77."


@pytest.fixture
def news(shared_data: Path) -> Path:
    if not (shared_data / "news" / ARTICLE).is_file():
        pytest.skip(f"the shared article {ARTICLE} is not in {shared_data / 'news'}")
    return shared_data / "news"


def _raw(news: Path) -> tuple[str, str, str]:
    """The file's title, source URL and body, read with plain string operations."""
    raw = (news / ARTICLE).read_text(encoding="utf-8")
    title = raw.split("\n", 1)[0].removeprefix("# ").strip()
    url = raw.split("**Source:** [", 1)[1].split("]", 1)[0]
    return title, url, raw.split("## Full Article", 1)[1]


def test_an_excerpt_is_rebuilt_from_the_article_file(news: Path) -> None:
    title, url, body = _raw(news)
    assert SENTENCE in body  # the sentence the test expects really is the article's
    shown = f"… {SENTENCE} For the week:"
    ref = excerpt_reference({"url": url, "excerpt": shown, "text": shown}, news)
    assert ref is not None
    assert SENTENCE not in json.dumps(ref)  # the reference holds no article text
    source = rebuild(ref, news)
    assert source.excerpt == shown
    assert source.title == title
    assert source.published_at.date().isoformat() == "2026-01-22"


def test_a_reference_that_no_longer_matches_its_article_is_refused(news: Path) -> None:
    _, url, _ = _raw(news)
    ref = excerpt_reference({"url": url, "excerpt": SENTENCE, "text": SENTENCE}, news)
    assert ref is not None
    a, b = ref["pieces"][0]["span"]
    ref["pieces"][0]["span"] = [a + 4, b + 4]
    with pytest.raises(ValueError, match="re-extract"):
        rebuild(ref, news)


def test_a_moved_article_file_is_found_by_its_url(news: Path) -> None:
    _, url, _ = _raw(news)
    ref = excerpt_reference({"url": url, "excerpt": SENTENCE, "text": SENTENCE}, news)
    assert ref is not None
    ref["file"] = "1999-01-01/gone.md"
    assert rebuild(ref, news).excerpt == SENTENCE


def test_every_labelled_pair_rebuilds_its_excerpt(shared_data: Path) -> None:
    rows = [json.loads(line) for line in PAIRS.read_text().splitlines() if line.strip()]
    pairs = load_pairs(PAIRS, shared_data / "news")
    assert len(pairs) == len(rows) >= 120
    assert {p.label for p in pairs} == {0, 1}
    for row, pair in zip(rows, pairs, strict=True):
        assert pair.id == row["id"]
        assert "article" not in row and "excerpt" not in row  # only the reference is stored
