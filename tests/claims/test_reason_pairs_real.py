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


def _raw(news: Path, name: str = ARTICLE) -> tuple[str, str, str]:
    """The file's title, source URL and body, read with plain string operations."""
    raw = (news / name).read_text(encoding="utf-8")
    title = raw.split("\n", 1)[0].removeprefix("# ").strip()
    url = raw.split("**Source:** [", 1)[1].split("]", 1)[0].rstrip("/")  # as stored: canonical
    return title, url, raw.split("## Full Article", 1)[1]


def _source(news: Path, shown: str, name: str = ARTICLE) -> dict[str, str]:
    """A news source as an eval record keeps it (the publisher and date as the file says)."""
    title, url, _ = _raw(news, name)
    return {"url": url, "title": title, "publisher": "ABC News",
            "published_at": "2026-01-22T00:00:00Z", "excerpt": shown, "text": shown}  # fmt: skip


def test_an_excerpt_is_rebuilt_from_the_article_file(news: Path) -> None:
    title, _, body = _raw(news)
    assert SENTENCE in body  # the sentence the test expects really is the article's
    shown = f"… {SENTENCE} For the week:"
    ref = excerpt_reference(_source(news, shown), news)
    assert ref is not None
    assert SENTENCE not in json.dumps(ref)  # the reference holds no article text
    source = rebuild(ref, news)
    assert source.excerpt == shown
    assert source.title == title
    assert source.published_at.date().isoformat() == "2026-01-22"


def test_a_reference_that_no_longer_matches_its_article_is_refused(news: Path) -> None:
    ref = excerpt_reference(_source(news, SENTENCE), news)
    assert ref is not None
    a, b = ref["pieces"][0]["span"]
    ref["pieces"][0]["span"] = [a + 4, b + 4]
    with pytest.raises(ValueError, match="re-extract"):
        rebuild(ref, news)


def test_a_moved_article_file_is_found_by_its_url(news: Path) -> None:
    ref = excerpt_reference(_source(news, SENTENCE), news)
    assert ref is not None
    ref["file"] = "1999-01-01/gone.md"
    assert rebuild(ref, news).excerpt == SENTENCE


def test_an_article_saved_under_several_titles_is_read_from_the_file_the_model_saw(
    news: Path,
) -> None:
    # One Tower Bridge post was scraped on four dates under three titles.
    folder = news / "2026-01-24"
    (name,) = [p.name for p in folder.glob("january-14-2026-pivotal-shift-*.md")]
    title, _, body = _raw(folder, name)
    assert title == "January 14, 2026: Pivotal Shift in 2026 Markets"
    shown = "Instead, the market gave the news a cold shoulder."
    assert shown in body
    source = {**_source(folder, shown, name), "publisher": "Tower Bridge Advisors",
              "published_at": "2026-01-14T00:00:00Z"}  # fmt: skip
    ref = excerpt_reference(source, news)
    assert ref is not None and ref["file"] == f"2026-01-24/{name}"
    assert rebuild(ref, news).title == title
    other = {**source, "title": "Following a strong three-year bull market, we view the start "
             "of 2026 as a pivotal shift"}  # fmt: skip
    other_ref = excerpt_reference(other, news)
    assert other_ref is not None and other_ref["file"].startswith("2026-01-26/")


def test_every_labelled_pair_rebuilds_its_excerpt(shared_data: Path) -> None:
    rows = [json.loads(line) for line in PAIRS.read_text().splitlines() if line.strip()]
    pairs = load_pairs(PAIRS, shared_data / "news")
    assert len(pairs) == len(rows) >= 120
    assert {p.label for p in pairs} == {0, 1}
    for row, pair in zip(rows, pairs, strict=True):
        assert pair.id == row["id"]
        assert "article" not in row and "excerpt" not in row  # only the reference is stored


def test_a_headline_led_excerpt_is_rebuilt_with_its_headline(news: Path) -> None:
    # A wrap whose headline gives the cause is shown as "Headline. Text", which the article's
    # text never reads.
    title, _, body = _raw(news)
    opening = "U.S. stocks rose and regained more of their losses for the week"
    assert opening in body and f"{title}. {opening}" not in " ".join(body.split())
    shown = f"{title}. {opening}"
    ref = excerpt_reference(_source(news, shown), news)
    assert ref is not None and title not in json.dumps(ref)
    assert rebuild(ref, news).excerpt == shown


def test_lines_of_one_chunk_joined_in_a_line_are_rebuilt_as_shown(news: Path) -> None:
    _, _, body = _raw(news)
    opening = "U.S. stocks rose and regained more of their losses for the week"
    assert opening in body and SENTENCE in body
    shown = f"{opening} … {SENTENCE} …"
    ref = excerpt_reference(_source(news, shown), news)
    assert ref is not None
    assert rebuild(ref, news).excerpt == shown


def test_every_writer_pair_rebuilds_and_has_its_half(shared_data: Path) -> None:
    path = REPO / "benchmarks" / "data" / "reason_pairs_writer.jsonl"
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    pairs = load_pairs(path, shared_data / "news")
    assert len(pairs) == len(rows) >= 400
    assert {p.split for p in pairs} == {"dev", "test"}
    for half in ("dev", "test"):  # a question's pairs lie in one half
        questions = {p.group for p in pairs if p.split == half}
        assert not questions & {p.group for p in pairs if p.split != half}
