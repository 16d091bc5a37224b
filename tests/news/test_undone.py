"""The next session's wrap that says the market went back after something was undone is quoted
as that: the day after January 20, 2026's sell-off, which no stored article reports, AP's wrap
opened "The U.S. stock market rebounded after President Donald Trump called off
Greenland-related tariffs that he had threatened to impose on Europe". It is context, never a
driver, and the answer says so in code's words.

The articles are written by hand in the wraps' words; the expected quotes are by hand.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from news_testkit import wire_store

from copilot.news import NewsStore
from copilot.news.evidence import gather_evidence
from copilot.settings import Settings
from copilot.sources import NewsSource, SourceLedger
from copilot.tools.drivers import DriversArgs, news_drivers
from copilot.tools.registry import ToolDeps

TUESDAY, AS_OF = date(2026, 1, 20), date(2026, 1, 30)
UNDONE = ("The U.S. stock market rebounded after the president called off the tariffs he had "
          "threatened to impose on Europe")  # fmt: skip
ARTICLES = [  # (file, title, published, opening)
    ("wed.md", "How major US stock indexes fared Wednesday, 1/21/2026", "January 21, 2026",
     f"{UNDONE}\n\nHow major US stock indexes fared Wednesday, 1/21/2026"),
    # A rebound with nothing undone, the move's own way, and a later session: none is it.
    ("chips.md", "Chip stocks bounce", "January 21, 2026",
     "Stocks rebounded as chipmakers rallied on strong orders."),
    ("fell.md", "Stocks slide again", "January 21, 2026",
     "Stocks fell after the president called off trade talks with Canada."),
    ("thu.md", "How major US stock indexes fared Thursday, 1/22/2026", "January 22, 2026",
     "U.S. stocks rose after the president scrapped the tariffs he had threatened."),
]  # fmt: skip


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> NewsStore:
    return wire_store(tmp_path_factory.mktemp("undone"), ARTICLES)


def test_the_next_sessions_wrap_tells_what_was_undone(store: NewsStore) -> None:
    evidence = gather_evidence(store, ["SPY"], "down", TUESDAY, TUESDAY, AS_OF)
    assert evidence.undone is not None
    assert evidence.undone.excerpt == UNDONE  # cut where the lede runs into its headline
    assert evidence.undone.title == "How major US stock indexes fared Wednesday, 1/21/2026"
    assert all(d.hit.article_id != evidence.undone.hit.article_id for d in evidence.drivers)


def test_the_fear_gauges_rise_is_undone_by_the_markets_rebound(store: NewsStore) -> None:
    evidence = gather_evidence(store, ["VIX"], "up", TUESDAY, TUESDAY, AS_OF)
    assert evidence.undone is not None and evidence.undone.excerpt == UNDONE


def test_a_rise_is_undone_by_a_fall_not_by_a_rebound(store: NewsStore) -> None:
    evidence = gather_evidence(store, ["SPY"], "up", TUESDAY, TUESDAY, AS_OF)
    assert evidence.undone is not None
    assert (
        evidence.undone.excerpt
        == "Stocks fell after the president called off trade talks with Canada."
    )


@pytest.mark.parametrize(
    ("direction", "start", "as_of"),
    [
        ("down", date(2026, 1, 16), AS_OF),  # Friday's move: Wednesday is no session after
        ("down", TUESDAY, TUESDAY),  # asked on the day: the next session is not yet known
    ],
)
def test_only_the_session_after_the_move_going_back_counts(
    store: NewsStore, direction: str, start: date, as_of: date
) -> None:
    evidence = gather_evidence(store, ["SPY"], direction, start, start, as_of)  # type: ignore[arg-type]
    assert evidence.undone is None


def test_the_answer_quotes_it_as_the_next_sessions_news(store: NewsStore, tmp_path: Path) -> None:
    deps = ToolDeps(settings=Settings(data_dir=tmp_path), ledger=SourceLedger(), news=store,
                    as_of=AS_OF)  # fmt: skip
    output = news_drivers(deps, DriversArgs(symbols=["SPY"], direction="down", start=TUESDAY,
                                            end=TUESDAY))  # fmt: skip
    (n,) = [n for n in range(1, 10) if isinstance(s := deps.ledger.get(n), NewsSource)
            and s.title.startswith("How major US stock indexes fared Wednesday")]  # fmt: skip
    assert output.note == (
        f"The session after, [{n}] reported: “{UNDONE}.” (what was undone "
        "the next day, not a report of this move's cause)."
    )
    assert n not in output.sources  # no driver: the model never drafts from it
