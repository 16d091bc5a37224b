"""Extraction and checking on the planted-error articles (benchmarks/data/factcheck) over the
shared market data. The expected marks and right values were written by hand: labels.json,
computed from the raw CSVs by benchmarks/data/factcheck/handcalc.py (plain Python)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from copilot.factcheck.model import Checked, Report
from copilot.factcheck.run import check_article
from copilot.factcheck.source import parse_article, read_input
from copilot.market.store import MarketStore
from copilot.settings import Settings
from copilot.sources import SourceLedger
from copilot.tools import ToolDeps
from copilot.understand import Catalog

ARTICLES = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "factcheck"
LABELS = json.loads((ARTICLES / "labels.json").read_text())
MARKS = {"right": "✓", "wrong": "✗", "uncheckable": "?"}


@pytest.fixture(scope="module")
def store(shared_market_path: Path) -> Iterator[MarketStore]:
    with MarketStore.open(shared_market_path, read_only=True) as opened:
        yield opened


@pytest.fixture(scope="module")
def reports(store: MarketStore) -> dict[str, Report]:
    catalog = Catalog.from_store(store)
    result = {}
    for name in sorted({label["article"] for label in LABELS}):
        deps = ToolDeps(settings=Settings(_env_file=None), ledger=SourceLedger(), market=store)
        result[name] = check_article(read_input(str(ARTICLES / name), 5.0), deps, catalog)
    return result


def run(store: MarketStore, text: str, as_of: date | None = None) -> Report:
    deps = ToolDeps(settings=Settings(_env_file=None), ledger=SourceLedger(), market=store)
    return check_article(parse_article(text, "t.md"), deps, Catalog.from_store(store), as_of)


def claim(report: Report, quote: str) -> Checked:
    hits = [c for c in report.checked if quote in c.claim.clause]
    assert len(hits) >= 1, f"{quote!r} not extracted: {[c.claim.clause for c in report.checked]}"
    # two figures in one clause ("climbed 0.4% … to a record close of $695.49"): the one quoted
    quoted = [c for c in hits if number_in(c.claim.figure.text) in quote]
    return (quoted or hits)[0]


def number_in(text: str) -> str:
    numbers = re.findall(r"\d[\d,]*(?:\.\d+)?", text)
    return numbers[-1] if numbers else text


def test_the_set_is_big_enough() -> None:
    articles = {label["article"] for label in LABELS}
    assert len(LABELS) >= 40 and len(articles) >= 6


@pytest.mark.parametrize("label", LABELS, ids=lambda lb: f"{lb['article'][:2]}:{lb['quote']}")
def test_each_labelled_claim_gets_its_mark_and_right_value(
    reports: dict[str, Report], label: dict[str, object]
) -> None:
    item = claim(reports[str(label["article"])], str(label["quote"]))
    assert item.mark == MARKS[str(label["truth"])], item.reason
    if label["truth"] != "uncheckable":
        assert item.right_value == pytest.approx(label["right"], abs=0.006)
        assert item.source is not None
    else:
        assert item.reason


def test_every_figure_of_the_articles_is_labelled(reports: dict[str, Report]) -> None:
    for name, report in reports.items():
        labelled = sum(1 for label in LABELS if label["article"] == name)
        assert len(report.checked) == labelled, [c.claim.clause for c in report.checked]


def test_verdict_counts_the_marks(reports: dict[str, Report]) -> None:
    report = reports["01-daily-wrap-jan22.md"]
    assert report.verdict() == "12 claims: 9 ✓, 3 ✗, 0 ?"
    assert report.as_of == date(2026, 1, 22) and "article" in report.as_of_why


def test_confusions_are_named(reports: dict[str, Report]) -> None:
    streak = claim(reports["02-small-cap-streak.md"], "14-session winning streak")
    assert "relative outperformance called a winning streak" in streak.reason
    assert "beat SPY 14 sessions" in streak.reason
    day = claim(reports["01-daily-wrap-jan22.md"], "Energy stocks climbed 2.4%")
    assert "another day" in day.reason and "2026-01-21" in day.reason
    sector = claim(reports["03-december-review.md"], "Materials gained 0.9%")
    assert "wrong ETF" in sector.reason and "XLI" in sector.reason
    etf = claim(reports["02-small-cap-streak.md"], "S&P 500 closed at $688.98")
    assert "ETF's price quoted for the index" in etf.reason
    index = claim(reports["02-small-cap-streak.md"], "index closed at 2,698")
    assert index.mark == "?" and "index" in index.reason
    sign = claim(reports["04-week-jan16.md"], "Technology rose 0.4%")
    assert sign.reason.startswith("wrong direction")


def test_cited_sources_are_numbered_in_order(reports: dict[str, Report]) -> None:
    report = reports["01-daily-wrap-jan22.md"]
    numbers = [s["n"] for s in report.sources]
    assert numbers == list(range(1, len(numbers) + 1))
    cited = {c.source for c in report.checked if c.source}
    assert cited <= set(numbers)


def test_an_index_level_for_the_etf_is_unchecked_unless_the_index_is_stored(
    store: MarketStore,
) -> None:
    report = run(store, "The Russell 2000 closed at 2,650 on January 22, 2026.")
    (item,) = report.checked
    assert item.mark == "?"
    # IWM's close on 2026-01-22 in prices/IWM.csv
    text = "The Russell 2000 ETF closed at $269.79 on January 22, 2026."
    (etf,) = run(store, text).checked
    assert etf.mark == "✓" and etf.right_value == pytest.approx(269.79)


def test_a_ticker_beside_a_sector_name_that_disagrees_is_noted(store: MarketStore) -> None:
    # XLU 2026-01-21 → 2026-01-22: 43.02 → 42.71 = -0.72%
    (item,) = run(store, "Utilities (XLK) fell 0.7% on January 22, 2026.").checked
    assert item.claim.symbol == "XLU" and item.mark == "✓"
    assert "XLK" in item.reason


def test_no_date_anywhere_uses_the_as_of_given(store: MarketStore) -> None:
    report = run(store, "Utilities fell 0.7%.", as_of=date(2026, 1, 22))
    assert report.as_of_why == "given"
    assert report.checked[0].mark == "✓"


def test_text_without_figures_has_no_claims(store: MarketStore) -> None:
    report = run(store, "Stocks were mixed as investors awaited earnings.")
    assert report.checked == [] and report.verdict() == "0 claims: 0 ✓, 0 ✗, 0 ?"


def test_a_wire_report_with_section_headings(store: MarketStore) -> None:
    """AP's layout, in words written for this test: 'For the week:' dates the lines under it,
    and 'X rose N points, or P%, to L' is three claims about X."""
    text = (
        "On Wednesday:\n\nThe S&P 500 rose 78.76 points, or 1.2%, to 6,875.62.\n\n"
        "For the week:\n\nThe S&P 500 is down 64.39 points, or 0.9%.\n\n"
        "The Dow Jones Industrial Average rose 588.64 points, or 1.2%.\n\n"
        "Shares of Micron Technology (MU) jumped 7.8%."
    )
    report = run(store, text, as_of=date(2026, 1, 21))
    # series/SP500.csv: 2026-01-16 6940.01, 2026-01-20 6796.86, 2026-01-21 6875.62
    day = [c for c in report.checked if c.claim.window_label.startswith("January 21")]
    assert [(c.mark, c.claim.symbol) for c in day] == [("✓", "SP500")] * 3
    assert day[0].right_value == pytest.approx(78.76) and day[2].right_value == pytest.approx(
        6875.62
    )
    week = [c for c in report.checked if c.claim.window_label == "week to date"]
    assert [c.mark for c in week] == ["✓", "✓"]
    assert week[0].right_value == pytest.approx(-64.39)
    assert week[1].right_value == pytest.approx((6875.62 / 6940.01 - 1) * 100)
    dow = [c for c in report.checked if "Dow" in c.claim.sentence]
    assert [c.mark for c in dow] == ["?", "?"] and "not in the market store" in dow[1].reason
    micron = report.checked[-1]
    assert micron.mark == "?" and "MU is not in the market store" in micron.reason


def test_a_morning_report_is_checked_on_the_session_before(store: MarketStore) -> None:
    # prices/*.csv, 2026-01-15 → 2026-01-16: XLU -0.50 %, XLV -0.78 %, XLK +0.11 %
    # (2026-01-19 was a holiday; on 2026-01-20 XLU -0.99 %, XLV -0.22 %, XLK -2.60 %)
    text = (
        "**Published:** January 20, 2026\n\n"
        "Utilities fell 0.5%. Health care lost 0.8%. Technology edged up 0.1%."
    )
    report = run(store, text)
    assert report.as_of == date(2026, 1, 16) and "session before" in report.as_of_why
    assert [c.mark for c in report.checked] == ["✓", "✓", "✓"]
    given = run(store, text, as_of=date(2026, 1, 20))  # a date given is kept
    assert given.as_of == date(2026, 1, 20) and [c.mark for c in given.checked] == ["✗"] * 3
