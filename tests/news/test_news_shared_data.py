"""The real articles in ../shared/data/news. Expected values were read from the raw files."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from news_testkit import NO_SHARED, SHARED_NEWS, Backend, CountingEmbedder

from copilot.news import NewsStore
from copilot.news.models import Article
from ingest.news import ingest_paths, load_sources, merge_copies

pytestmark = pytest.mark.skipif(not SHARED_NEWS.is_dir(), reason=NO_SHARED)

# `grep -h '^\*\*Source:\*\*\|^- http' -r news | sort -u | wc -l` style count of the distinct
# source URLs over the 358 files (each file has exactly one): 215.
FILES, DISTINCT = 358, 215


@pytest.fixture(scope="module")
def merged() -> dict[str, Article]:
    result = load_sources([SHARED_NEWS])
    assert result.problems == []
    assert len(result.articles) == FILES
    articles = merge_copies(result.articles)
    return {a.url: a for a in articles}


def _day(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, tzinfo=UTC)


def test_every_file_loads_and_copies_merge(merged: dict[str, Article]) -> None:
    assert len(merged) == DISTINCT


def test_ap_closing_report(merged: dict[str, Article]) -> None:
    url = "https://abcnews.go.com/Business/wireStory/major-us-stock-indexes-fared-wednesday-1212026-129433640"
    article = merged[url]
    assert article.title == "How major US stock indexes fared Wednesday, 1/21/2026"
    assert article.publisher == "ABC News"
    assert (article.published_at, article.date_precision) == (_day(2026, 1, 21), "day")
    assert not article.summary_only
    assert "The Russell 2000 index of smaller companies rose 52.81 points, or 2%, to 2,698.17." in (
        article.text
    )
    assert article.text.endswith("The Russell 2000 is up 216.27 points, or 8.7%.")
    assert "Content scraped" not in article.text
    assert {"IWM", "SPY", "DIA"} <= set(article.symbols)


def test_same_article_in_two_date_styles_is_one(merged: dict[str, Article]) -> None:
    # 2026-01-23/… says "2026-01-22", 2026-01-24/… says "1/22/2026".
    url = "https://abcnews.go.com/Business/wireStory/major-us-stock-indexes-fared-thursday-1222026-129471103"
    assert merged[url].published_at == _day(2026, 1, 22)


def test_not_extracted_article_keeps_its_summary(merged: dict[str, Article]) -> None:
    article = merged["https://www.youtube.com/watch?v=p_HYzuJzVB8"]
    assert article.title == "Stocks Climb as Small Caps Extend 13-Day Winning Streak"
    assert article.publisher == "Bloomberg Television"
    assert article.published_at == _day(2026, 1, 23)  # "Jan 23, 2026"
    assert article.summary_only
    assert article.text.startswith("Bloomberg Television covers stocks climbing with small caps")


def test_copies_that_differ_keep_the_latest_and_its_own_date(merged: dict[str, Article]) -> None:
    # Three summary-only copies, "December 2025", scraped 2025-12-15 ("## Source" layout),
    # -16 and -21, each with a different summary: the latest is kept, bounded by its scrape day.
    portus = merged[
        "https://portusadvisors.com/insights/december-2025-economic-and-investment-update"
    ]
    assert (portus.published_at, portus.date_precision) == (_day(2025, 12, 21), "month")
    assert portus.summary_only
    # Same body in three copies, but titled and dated differently: "2025-12" (scraped 01-01),
    # "January 2026" (01-02) and "2026-01-09" under a new title (01-12). The newest title is
    # kept with its own date, never an earlier one.
    url = "https://www.foxbusiness.com/economy/us-economy-expected-grow-faster-2026-despite-stagnant-job-market-goldman-sachs"
    fox = merged[url]
    assert fox.title == "Goldman Sachs sees faster U.S. growth in 2026 despite soft jobs outlook"
    assert (fox.published_at, fox.date_precision) == (_day(2026, 1, 9), "day")


def test_other_date_styles(merged: dict[str, Article]) -> None:
    by_title = {a.title: a for a in merged.values()}
    central = "International central bankers on the statement by Federal Reserve Chair Powell"
    (bankers,) = [a for t, a in by_title.items() if t.startswith(central)]
    assert bankers.published_at == _day(2026, 1, 13)  # "13 January 2026"
    confidence = merged[
        "https://www.prnewswire.com/news-releases/us-consumer-confidence-fell-again-in-december-302648784.html"
    ]
    assert confidence.published_at == _day(2025, 12, 23)  # "Dec. 23, 2025"


def test_whole_folder_ingests_once_and_reingests_free(tmp_path: Path) -> None:
    settings = Backend("embedded").settings(tmp_path / "data")
    first = CountingEmbedder()
    report = ingest_paths(NewsStore.open(settings, first), [SHARED_NEWS])
    assert (report.sources, report.articles, report.added) == (FILES, DISTINCT, DISTINCT)
    assert report.problems == []
    again = CountingEmbedder()
    store = NewsStore.open(settings, again)
    report = ingest_paths(store, [SHARED_NEWS])
    assert (report.unchanged, again.texts) == (DISTINCT, 0)
    assert len(store.stored_versions()) == DISTINCT
