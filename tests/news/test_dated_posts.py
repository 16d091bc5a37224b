"""A page of dated posts is stored post by post, each dated by its own heading.

LifeTime Asset Management's weekly page held "Weekly Market Navigator, Jan 12, 2026", then the
post of January 5 on the holiday-shortened week that ended January 2 (the Nasdaq down 1.5
percent, "investors once again rotated into more economically sensitive stocks like energy"),
then a quarterly note of December 31, all under the page's one date, January 12: the post on
that week lay outside its search window. The page below is written by hand in its layout;
timestamps are worked out by hand (`date -u -d 2026-01-05 +%s`).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from news_testkit import wire_store

from copilot.news.evidence import gather_evidence
from copilot.news.sections import dated_sections, heading_day
from ingest.news.chunking import chunk_article
from ingest.news.normalize import build_article

INTRO = "This roundup of the week's news is presented by the asset management team:"
JAN12 = ("Weekly Market Navigator, Jan 12, 2026\n\nEquity markets rallied to record highs as "
         "breadth continued to expand.\n\nClick here to read the full weekly market navigator "
         "published January 12, 2026.")  # fmt: skip
JAN5 = ("Weekly Market Navigator, Jan 5, 2026\n\nIn a holiday-shortened trading week, the "
        "lackluster performance of U.S. equities was the theme. All major indices declined, "
        "with the Nasdaq, down 1.5 percent, being the worst performing.\n\nGrowth-oriented "
        "stocks came under pressure, as investors once again rotated into more economically "
        "sensitive stocks like energy.")  # fmt: skip
DEC31 = ("Quarterly Market Navigator, Dec 31, 2025\n\nDecember was a mixed month for markets "
         "due to a late month sell-off.")  # fmt: skip
PAGE = "\n\n".join([INTRO, JAN12, JAN5, DEC31])


@pytest.mark.parametrize(("line", "day"), [
    ("Weekly Market Navigator, Jan 5, 2026", date(2026, 1, 5)),
    ("Quarterly Market Navigator, Dec 31, 2025", date(2025, 12, 31)),
    ("January 12, 2026", date(2026, 1, 12)),
    ("Market update - Sept. 3 2025", date(2025, 9, 3)),
    # A sentence ending with a date is no heading, nor a paragraph of several lines, nor a
    # date that does not exist.
    ("Click here to read the full weekly market navigator published January 12, 2026.", None),
    ("Stocks rose.\nWeekly Market Navigator, Jan 5, 2026", None),
    ("Weekly Market Navigator, Feb 30, 2026", None),
    ("Weekly Market Navigator", None),
])  # fmt: skip
def test_a_heading_is_a_line_ending_with_a_full_date(line: str, day: date | None) -> None:
    assert heading_day(line) == day


def test_a_page_of_dated_posts_is_read_post_by_post() -> None:
    sections = dated_sections(PAGE, date(2026, 1, 12))
    assert [(s.heading, s.day) for s in sections] == [
        ("Weekly Market Navigator, Jan 12, 2026", date(2026, 1, 12)),
        ("Weekly Market Navigator, Jan 5, 2026", date(2026, 1, 5)),
        ("Quarterly Market Navigator, Dec 31, 2025", date(2025, 12, 31)),
    ]
    # The lines before the first heading go with the first post.
    assert [s.text for s in sections] == [f"{INTRO}\n\n{JAN12}", JAN5, DEC31]


@pytest.mark.parametrize("text", [
    f"{INTRO}\n\n{JAN5}",  # one dated heading: an article, not a page of posts
    f"{JAN5}\n\n{JAN5}",  # two headings, one day
])  # fmt: skip
def test_an_article_with_fewer_than_two_dated_headings_is_one_piece(text: str) -> None:
    assert dated_sections(text, date(2026, 1, 12)) == []


def test_a_heading_dated_after_the_page_is_no_post() -> None:
    # Published January 7, the page cannot hold a post of January 12: an outlook's heading.
    assert dated_sections(PAGE, date(2026, 1, 7)) == []


def _page() -> datetime:
    return datetime(2026, 1, 12, tzinfo=UTC)


def test_each_posts_chunks_carry_its_day_and_heading() -> None:
    article = build_article(
        source="page.md", url="https://example.com/weekly", title="Top Financial News This Week",
        publisher="Example Asset Management", published_at=_page(), date_precision="day",
        text=PAGE,
    )  # fmt: skip
    chunks = chunk_article(article)
    assert [(c.title, c.published_at.date()) for c in chunks] == [
        ("Weekly Market Navigator, Jan 12, 2026", date(2026, 1, 12)),
        ("Weekly Market Navigator, Jan 5, 2026", date(2026, 1, 5)),
        ("Quarterly Market Navigator, Dec 31, 2025", date(2025, 12, 31)),
    ]
    assert chunks[1].text == JAN5  # no line of another post carried over
    assert chunks[1].metadata()["published_ts"] == 1767571200  # date -u -d 2026-01-05 +%s
    assert chunks[1].chunk_id.startswith("01767571200-")
    assert chunks[1].embed_text.startswith("Weekly Market Navigator, Jan 5, 2026\n\n")
    assert {c.article_id for c in chunks} == {article.article_id}
    assert [c.chunk_index for c in chunks] == [0, 1, 2]


def test_the_post_on_a_weeks_move_is_read_for_it(tmp_path: Path) -> None:
    articles = [("weekly.md", "Weekly Market Navigator, Jan 12, 2026", "January 12, 2026",
                 PAGE)]  # fmt: skip
    store = wire_store(tmp_path, articles)
    # The Nasdaq 100's fall over the week of December 29 to January 2, asked on January 13:
    # the January 5 post is read, dated that day.
    found = gather_evidence(store, ["QQQ"], "down", date(2025, 12, 29), date(2026, 1, 2),
                            date(2026, 1, 13), min_similarity=0.0)  # fmt: skip
    posts = [d for d in found.drivers if "holiday-shortened" in d.hit.text]
    assert posts, [d.hit.text for d in found.ranked]
    assert posts[0].hit.published_at.date() == date(2026, 1, 5)
    assert posts[0].title == "Weekly Market Navigator, Jan 5, 2026"
    assert "rotated into more economically sensitive stocks" in posts[0].excerpt


def test_the_post_on_the_week_before_is_no_reason_for_the_day_it_came_out(
    tmp_path: Path,
) -> None:
    articles = [
        ("weekly.md", "Weekly Market Navigator, Jan 12, 2026", "January 12, 2026", PAGE),
        ("monday.md", "Stocks rally to start the first full week of 2026", "January 5, 2026",
         "Stocks rallied on Monday as oil companies climbed after the weekend's news."),
    ]  # fmt: skip
    store = wire_store(tmp_path, articles)
    # The S&P 500's rise of Monday January 5, asked the next day: the post dated that day
    # reviews the week before ("In a holiday-shortened trading week, the lackluster performance
    # of U.S. equities was the theme"), so it is no driver; the Monday's own wrap is.
    found = gather_evidence(store, ["SPY"], "up", date(2026, 1, 5), date(2026, 1, 5),
                            date(2026, 1, 6), min_similarity=0.0)  # fmt: skip
    titles = [d.title for d in found.drivers]
    assert "Stocks rally to start the first full week of 2026" in titles
    assert not any("holiday-shortened" in d.hit.text for d in found.drivers), titles
