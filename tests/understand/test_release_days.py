"""The jobs report and the CPI report named instead of dated (had been left to the model: "'the
jobs report' is not a period code can date"). Expected days are the BLS release days, those of
December and January as the stored articles report them ("the jobs report on the 16th,
inflation on the 18th"; the December jobs report on Friday, January 9; the December CPI in the
week of January 12, a Tuesday: the 13th)."""

from __future__ import annotations

from datetime import date

import pytest

from copilot.understand import Catalog, understand

A = date(2026, 1, 30)
D = date


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        # the latest release on or before the as-of date
        ("what moved bonds on the day of the jobs report?", D(2026, 1, 9), D(2026, 1, 9)),
        ("how did the s&p do on jobs day?", D(2026, 1, 9), D(2026, 1, 9)),
        ("what did gold do on cpi day?", D(2026, 1, 13), D(2026, 1, 13)),
        # the month before the name is the month the data are for, released the month after
        ("how did stocks react to the december jobs report?", D(2026, 1, 9), D(2026, 1, 9)),
        ("how did tlt do on the day of november's cpi report?", D(2025, 12, 18),
         D(2025, 12, 18)),
        # "in <month>": released in that month (the shutdown's delayed report of October and
        # November came out on December 16)
        ("how did spy do on the jobs report in december?", D(2025, 12, 16), D(2025, 12, 16)),
        # the usual words around a day apply: since it, its week
        ("how has gold done since the november cpi report?", D(2025, 12, 19), None),
        ("how did spy do the week of the jobs report in december?", D(2025, 12, 15),
         D(2025, 12, 19)),
    ],
)  # fmt: skip
def test_a_release_named_is_its_day(
    catalog: Catalog, question: str, start: date, end: date | None
) -> None:
    got = understand(question, A, catalog)
    assert got.window is not None, got.trace
    assert (got.window.start, got.window.end) == (start, end), got.trace
    assert "not a period code can date" not in " ".join(got.trace)


def test_the_release_is_said_back_with_its_day(catalog: Catalog) -> None:
    got = understand("what did gold do on cpi day?", A, catalog)
    assert got.window is not None and got.window.label == "the CPI report of 2026-01-13"


@pytest.mark.parametrize(
    ("question", "start"),
    [
        # Another date named beside the release is the window: the release is the cause put
        # to the test ("last Friday" is January 23; the CPI report was on the 13th).
        ("was it the CPI print that knocked IEF lower last friday?", D(2026, 1, 23)),
        ("how did bonds react to the jobs report on january 9?", D(2026, 1, 9)),
    ],
)
def test_another_date_beside_a_release_is_the_window(
    catalog: Catalog, question: str, start: date
) -> None:
    got = understand(question, A, catalog)
    assert got.window is not None and got.window.start == start, got.trace


@pytest.mark.parametrize(
    "question",
    [
        "ahead of the next jobs report, how is tlt positioned?",  # not yet out
        "how did stocks do on cpi day in 2024?",  # outside the schedules stored
    ],
)
def test_a_release_code_cannot_date_is_not_dated(catalog: Catalog, question: str) -> None:
    got = understand(question, A, catalog)
    assert got.window is None or "report of" not in got.window.label, got.trace


@pytest.mark.parametrize(
    ("question", "symbols", "start", "end"),
    [
        # the release named bare after a word of time: the jobs report (NFP, payrolls) or the
        # CPI report, never the CPI index as a second market to measure
        # "after" it, asked of a move, is its reaction: the release's own session, as "after the
        # jobs report on January 9" is (had been from its close to the latest, session 60)
        ("did tech sell off after the december cpi?", ["XLK"], D(2026, 1, 13), D(2026, 1, 13)),
        ("how did stocks trade ahead of cpi?", ["SPY"], D(2026, 1, 6), D(2026, 1, 12)),
        ("how did bonds react to the november cpi?", ["AGG"], D(2025, 12, 18), D(2025, 12, 18)),
        ("how did gold do after nfp?", ["GLD"], D(2026, 1, 9), D(2026, 1, 9)),
        ("how has gold done since nfp?", ["GLD"], D(2026, 1, 10), None),
        # "post-" is the session after, as for the Fed ("post-Fed")
        ("post-NFP, how did yields move?", ["US10Y"], D(2026, 1, 12), D(2026, 1, 12)),
        ("what did small caps do into payrolls?", ["IWM"], D(2026, 1, 3), D(2026, 1, 9)),
    ],
)  # fmt: skip
def test_a_release_named_bare_as_a_time_is_its_day(
    catalog: Catalog, question: str, symbols: list[str], start: date, end: date | None
) -> None:
    got = understand(question, A, catalog)
    assert [i.symbol for i in got.instruments] == symbols, got.trace
    assert got.window is not None, got.trace
    assert (got.window.start, got.window.end) == (start, end), got.trace


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        ("what was the december cpi?", D(2025, 12, 1), D(2025, 12, 31)),
        ("how has cpi changed this year?", D(2026, 1, 1), None),
    ],
)
def test_cpi_with_no_word_of_time_is_the_index(
    catalog: Catalog, question: str, start: date, end: date | None
) -> None:
    got = understand(question, A, catalog)
    assert [i.symbol for i in got.instruments] == ["CPI"], got.trace
    assert got.window is not None and (got.window.start, got.window.end) == (start, end)


def test_a_release_a_market_is_asked_to_have_minded_dates_the_move(catalog: Catalog) -> None:
    # "Did stocks shrug off the jobs report?": the latest jobs report before the as-of date
    # (January 9, 2026, by hand from the schedule), as "react to" dates it.
    got = understand("did stocks shrug off the jobs report?", A, catalog)
    assert got.why and got.window is not None, got.trace
    assert (got.window.start, got.window.end) == (D(2026, 1, 9), D(2026, 1, 9)), got.trace


@pytest.mark.parametrize(
    ("question", "symbol", "day"),
    [
        # A release named by its coming out (found in the app: "the day the cpi came out in
        # january" was all of January, with the CPI index measured beside Treasuries).
        ("what was behind the treasury rally the day the cpi came out in january?", "IEF",
         D(2026, 1, 13)),
        ("why did stocks jump the day the jobs report came out in january?", "SPY", D(2026, 1, 9)),
        ("what did gold do on the day the december jobs numbers dropped?", "GLD", D(2026, 1, 9)),
        ("why did bonds rally when the cpi data was released?", "AGG", D(2026, 1, 13)),
        ("how did small caps react when the inflation report hit?", "IWM", D(2026, 1, 13)),
        ("why did tlt rise on the day that payrolls were released in december?", "TLT",
         D(2025, 12, 16)),
    ],
)  # fmt: skip
def test_a_release_named_by_its_coming_out_is_its_day(
    catalog: Catalog, question: str, symbol: str, day: date
) -> None:
    got = understand(question, A, catalog)
    assert [i.symbol for i in got.instruments] == [symbol], got.trace
    assert got.window is not None and (got.window.start, got.window.end) == (day, day), got.trace


def test_the_index_asked_about_when_it_came_out_stays_the_index(catalog: Catalog) -> None:
    got = understand("how did the cpi come in when it was released in january?", A, catalog)
    assert [i.symbol for i in got.instruments] == ["CPI"], got.trace


@pytest.mark.parametrize(
    ("question", "symbol", "day"),
    [
        # the release named by what it did (found reading new phrasings, session 60: "the
        # december payrolls beat" had been an event code could not date)
        ("did the december payrolls beat push yields up?", "US10Y", D(2026, 1, 9)),
        ("how did bonds react to the cpi miss?", "AGG", D(2026, 1, 13)),
        # the release with its day given: that day (had been the latest CPI, January 13)
        ("what was the market's reaction to the cpi on dec 18?", "SPY", D(2025, 12, 18)),
        ("what was the market's reaction to the cpi report on dec 18?", "SPY", D(2025, 12, 18)),
    ],
)  # fmt: skip
def test_a_release_named_by_what_it_did_or_with_its_day(
    catalog: Catalog, question: str, symbol: str, day: date
) -> None:
    got = understand(question, A, catalog)
    assert [i.symbol for i in got.instruments] == [symbol], got.trace
    assert got.window is not None and (got.window.start, got.window.end) == (day, day), got.trace
