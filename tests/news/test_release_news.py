"""A move on a scheduled release's day is told the release's headlines of that day, quoted by
code as the day's data: long bonds rallied on Friday, January 9, 2026, the day of the December
jobs report, and the store held "U.S. economy adds 50,000 jobs in December as unemployment rate
dips", which no query for bonds found. Never a driver, never after the as-of date, never a
headline written before the data came out, nor one that only names the release.

The articles are written by hand in the stored headlines' words; the expected notes by hand.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from news_testkit import wire_store

from copilot.news import NewsStore
from copilot.news.evidence import gather_evidence
from copilot.news.release_news import releases_in, says_what_it_did
from copilot.settings import Settings
from copilot.sources import NewsSource, SourceLedger
from copilot.tools.drivers import DriversArgs, news_drivers
from copilot.tools.registry import ToolDeps

JOBS_DAY, NEXT = date(2026, 1, 9), date(2026, 1, 12)  # a Friday; the Monday after
JOBS = "U.S. economy adds 50,000 jobs in December as unemployment rate dips"
PAYROLLS = "Stocks Rise as Slower Payroll Growth Eases Rate Cut Uncertainty"
LATER = "Payrolls surprise still echoes as jobless claims climb"  # the Monday after
ARTICLES = [  # (file, title, published, text)
    ("jobs.md", JOBS, "January 9, 2026",
     "The Labor Department report shows the U.S. added 50,000 jobs in December."),
    ("rise.md", PAYROLLS, "January 9, 2026",
     "Stocks rose after payroll growth slowed, easing uncertainty over rate cuts."),
    ("later.md", LATER, "January 12, 2026", "Claims rose for a second week."),
    # Written before the data, or naming only the release, or another day's: none is quoted.
    ("preview.md", "Bonds steady ahead of the jobs report", "January 9, 2026",
     "Traders waited for the payroll numbers."),
    ("name.md", "Employment Situation Summary - Jobs Report", "January 9, 2026",
     "The employment situation for December."),
    ("before.md", "Jobs report shows 64,000 jobs added", "January 8, 2026",
     "A month-old report, reprinted."),
    ("bonds.md", "Gold steady as bonds drift", "January 9, 2026",
     "Bond traders were quiet and gold held its ground."),
]  # fmt: skip


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> NewsStore:
    return wire_store(tmp_path_factory.mktemp("releases"), ARTICLES)


def test_the_releases_of_a_moves_days() -> None:
    (jobs,) = releases_in(JOBS_DAY, JOBS_DAY)
    assert (jobs.day, jobs.name) == (JOBS_DAY, "the December 2025 jobs report")
    # The week of December 15, 2025 held the delayed November jobs report (the 16th) and the
    # November CPI report (the 18th); a month holds several releases and is told none.
    week = releases_in(date(2025, 12, 15), date(2025, 12, 19))
    assert [(r.day, r.name) for r in week] == [
        (date(2025, 12, 16), "the November 2025 jobs report"),
        (date(2025, 12, 18), "the November 2025 CPI report"),
    ]
    assert releases_in(date(2025, 12, 1), date(2025, 12, 31)) == []
    assert releases_in(date(2026, 1, 5), date(2026, 1, 8)) == []  # the days before it


@pytest.mark.parametrize(
    ("headline", "said"),
    [
        (JOBS, True),  # a figure
        ("Soft CPI Spurs Market Rally and Treasury Gains", True),  # the data's way, a move
        ("Stocks Jump as Softer CPI Sends Treasuries Higher", True),
        ("Tech Fuels Rebound Ahead of CPI, Rate Decisions; Micron's Rosy Forecast", False),
        ("Global stocks dip as investors await key US inflation data", False),
        ("Consumer Price Index News Release - Bureau of Labor Statistics", False),
    ],
)
def test_a_headline_is_quoted_when_it_says_what_the_release_showed(
    headline: str, said: bool
) -> None:
    assert says_what_it_did(headline) is said


def test_the_jobs_days_headlines_are_read_for_any_market(store: NewsStore) -> None:
    found = gather_evidence(store, ["TLT"], "up", JOBS_DAY, JOBS_DAY, NEXT)
    ((release, headlines),) = found.released
    assert release.name == "the December 2025 jobs report"
    # Its day's first (by publication day), at most two; the Monday's is the morning after.
    assert sorted(d.excerpt for d in headlines) == sorted([JOBS, PAYROLLS])
    assert all(d.hit.article_id not in {r.hit.article_id for r in found.drivers}
               for d in headlines)  # fmt: skip
    # Asked on the Friday, nothing of the Monday is read; asked about the week before, no
    # release is told.
    friday = gather_evidence(store, ["TLT"], "up", JOBS_DAY, JOBS_DAY, JOBS_DAY)
    assert {d.excerpt for _, ds in friday.released for d in ds} == {JOBS, PAYROLLS}
    assert gather_evidence(store, ["TLT"], "up", date(2026, 1, 6), date(2026, 1, 8),
                           NEXT).released == []  # fmt: skip


def test_the_release_a_question_guesses_is_told_beside_the_guesss_mentions(
    store: NewsStore,
) -> None:
    # "Did the jobs report lift bonds?": the guess's note quotes the articles of the move's
    # days that mention it (the payrolls wrap and the preview); the release is still told, by
    # its headlines that note does not quote (the report's own, and the Monday's).
    guessed = gather_evidence(store, ["TLT"], "up", JOBS_DAY, JOBS_DAY, NEXT,
                              guess="the jobs report")  # fmt: skip
    mentioned = {d.title for d in guessed.mentioning}
    ((release, headlines),) = guessed.released
    assert release.name == "the December 2025 jobs report"
    assert PAYROLLS in mentioned
    assert [d.excerpt for d in headlines] == [JOBS, LATER]


def test_the_answer_quotes_them_as_the_days_data(store: NewsStore, tmp_path: Path) -> None:
    deps = ToolDeps(settings=Settings(data_dir=tmp_path), ledger=SourceLedger(), news=store,
                    as_of=NEXT)  # fmt: skip
    output = news_drivers(deps, DriversArgs(symbols=["TLT"], direction="up", start=JOBS_DAY,
                                            end=JOBS_DAY))  # fmt: skip
    numbers = {s.title: n for n in range(1, 20)
               if isinstance(s := deps.ledger.get(n), NewsSource)}  # fmt: skip
    quoted = sorted([JOBS, PAYROLLS], key=lambda title: numbers[title])
    quotes = "; ".join(f"[{numbers[t]}] “{t}”" for t in quoted)
    assert (
        f"Friday, January 9, 2026 brought the December 2025 jobs report: {quotes} (the day's "
        "scheduled data, quoted: not proof that it moved TLT)."
    ) in output.note
    # Cited for the quote alone: no driver, so the model never drafts from them; the source's
    # text is the headline quoted.
    assert not {numbers[JOBS], numbers[PAYROLLS]} & set(output.sources)
    source = deps.ledger.get(numbers[JOBS])
    assert isinstance(source, NewsSource) and source.text == JOBS
