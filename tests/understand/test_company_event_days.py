"""A move dated by a company's news ("the day JPMorgan reported", "after Micron's results"):
code has no earnings calendar, so the words are said to be a period it cannot date (the answer
explains the most unusual recent move instead and asks for the day) — never the last 20
sessions passed off as the asked day — and the company, a time's subject, is no market the
store must hold (found in the app: "why did megabanks get hit the day jpmorgan reported?" was
read as XLF over the last 20 sessions, with JPMorgan reported missing from the store)."""

from __future__ import annotations

from datetime import date

import pytest

from copilot.understand import Catalog, understand

A = date(2026, 1, 30)


@pytest.mark.parametrize(
    ("question", "symbol", "undated"),
    [
        ("why did megabanks get hit the day jpmorgan reported?", "XLF",
         "the day jpmorgan reported"),
        ("why did banks fall when jpmorgan reported earnings?", "XLF",
         "when jpmorgan reported earnings"),
        ("why did banks fall after jpmorgan earnings?", "XLF", "after jpmorgan earnings"),
        ("why did chips rally after micron's results?", "SMH", "after micron's results"),
        ("what hit tech the week nvidia guided lower?", "XLK", "the week nvidia guided lower"),
        # news named by its coming out, no company in it
        ("why did big lenders sag when the card rate cap was floated?", "XLF",
         "when the card rate cap was floated"),
    ],
)  # fmt: skip
def test_a_companys_news_as_a_time_is_undated(
    question: str, symbol: str, undated: str, catalog: Catalog
) -> None:
    got = understand(question, A, catalog)
    assert [i.symbol for i in got.instruments] == [symbol], got.trace
    assert got.unknown == [], got.trace
    assert got.undated == undated, got.trace


@pytest.mark.parametrize(
    ("question", "start"),
    [
        # its day given: dated as before
        ("why did chips jump after micron reported on december 17?", date(2025, 12, 17)),
        ("why did banks fall the day jpmorgan reported, january 13?", date(2026, 1, 13)),
    ],
)
def test_a_companys_news_with_its_day_is_that_day(
    question: str, start: date, catalog: Catalog
) -> None:
    got = understand(question, A, catalog)
    assert got.window is not None and got.window.start == start, got.trace
    assert got.undated == "", got.trace


def test_the_company_asked_about_is_still_a_market_to_hold(catalog: Catalog) -> None:
    # "how did jpmorgan do after its earnings?": JPMorgan is what moved (not stored: reported)
    got = understand("how did jpmorgan do after its earnings?", A, catalog)
    assert [u.symbol for u in got.unknown] == ["JPM"], got.trace
