"""Which chart an answer gets: the symbols, the window and the shaded streak."""

from __future__ import annotations

from datetime import date

import pytest

from copilot.sources import DataSource
from ui.charts import PRICE_TOOLS, SERIES_TOOLS, SINGLE_DAY_LOOKBACK, bars_figure, plan_window

TABLES = {"IWM": "bars", "SPY": "bars", "DGS10": "series"}


def source(
    tool: str, symbols: list[str], start: date | None, end: date, **values: str
) -> DataSource:
    return DataSource(tool=tool, metric="m", symbols=symbols, start=start, end=end, values=values)


def test_price_sources_union_their_windows_and_shade_the_streak() -> None:
    sources = [
        source("price_return", ["IWM"], date(2025, 12, 31), date(2026, 1, 22)),
        source("streak", ["IWM", "SPY"], date(2026, 1, 2), date(2026, 1, 22), sessions="14"),
        source("yield_change", ["DGS10"], date(2026, 1, 2), date(2026, 1, 20)),
    ]
    window = plan_window(sources, TABLES.get, PRICE_TOOLS)
    assert window is not None
    assert window.symbols == ["IWM", "SPY"]
    assert (window.start, window.end) == (date(2025, 12, 31), date(2026, 1, 22))
    assert window.shade == (
        date(2026, 1, 2),
        date(2026, 1, 22),
        "IWM beat SPY 14 sessions in a row",
    )
    rates = plan_window(sources, TABLES.get, SERIES_TOOLS, "series")
    assert rates is not None and rates.symbols == ["DGS10"]


def test_a_one_day_figure_gets_a_look_back_and_an_empty_streak_no_shade() -> None:
    day = date(2026, 1, 22)
    sources = [
        source("moving_average", ["SPY"], day, day),
        source("streak", ["IWM"], None, day, sessions="0"),
    ]
    window = plan_window(sources, TABLES.get, PRICE_TOOLS)
    assert window is not None and window.start == day - SINGLE_DAY_LOOKBACK
    assert window.shade is None


def test_the_day_after_a_run_shades_the_run_that_just_ended() -> None:
    run = source("streak", ["IWM", "SPY"], date(2026, 1, 2), date(2026, 1, 23), sessions="0",
                 **{"previous run": "14", "previous run to": "2026-01-22"})  # fmt: skip
    window = plan_window([run], TABLES.get, PRICE_TOOLS)
    assert window is not None
    assert window.shade == (
        date(2026, 1, 2),
        date(2026, 1, 22),
        "IWM beat SPY 14 sessions in a row",
    )


def test_no_price_data_no_chart() -> None:
    assert (
        plan_window([source("search", ["X"], None, date(2026, 1, 2))], TABLES.get, PRICE_TOOLS)
        is None
    )


def test_a_window_the_store_cannot_serve_gives_no_chart_not_an_error() -> None:
    from copilot.answer import Answer, Verification
    from copilot.market.store import MarketStore
    from ui.charts import build_charts

    with MarketStore.in_memory() as store:
        import pandas as pd

        frame = pd.DataFrame(
            {"symbol": "IWM", "date": [date(2026, 1, 2)], "open": 1.0, "high": 1.0, "low": 1.0,
             "close": 1.0, "volume": 1.0}
        )  # fmt: skip
        store.upsert_bars(frame, "test")
        old = source("price_return", ["IWM"], date(2020, 1, 2), date(2020, 3, 2))
        answer = Answer(question="q", as_of=date(2020, 3, 2), text="t", sources={1: old},
                        verification=Verification(cited=[1]))  # fmt: skip
        assert build_charts(answer, store) == []


def test_a_longest_run_is_captioned_with_its_way_and_its_length() -> None:
    """A losing run's longest had been captioned "GLD 1 sessions in a row" (found in the app)."""
    from copilot.facts import Fact

    longest = Fact(subject="IWM", measure="max_down_streak", value=1, unit="sessions",
                   start=date(2026, 1, 2), end=date(2026, 1, 30), on=date(2026, 1, 30),
                   shown="1")  # fmt: skip
    run = DataSource(tool="measure", metric="m", symbols=["IWM"], start=date(2026, 1, 2),
                     end=date(2026, 1, 30), facts=[longest])  # fmt: skip
    window = plan_window([run], TABLES.get, PRICE_TOOLS)
    assert window is not None and window.shade is not None
    assert window.shade[2] == "IWM fell 1 session in a row"


def test_the_lines_charted_are_the_ones_the_answer_names_first() -> None:
    """A ranking's symbols come in ranked order; "the biggest mover among bond funds" led with
    TLT, ranked fifth, and the chart had shown the first four (found in the app)."""
    funds = ["HYG", "AGG", "IEF", "LQD", "TLT", "SHY"]
    tables = {symbol: "bars" for symbol in funds}
    ranking = source("measure", funds, date(2026, 1, 20), date(2026, 1, 20))
    text = "Ranked highest first; the largest move either way: #5 TLT: return -1.31% [1]. SHY…"
    window = plan_window([ranking], tables.get, PRICE_TOOLS, text=text)
    assert window is not None
    assert window.symbols == ["TLT", "SHY", "HYG", "AGG"]


def test_a_symbol_inside_another_word_is_not_named() -> None:
    tables = {"XLE": "bars", "XL": "bars"}
    ranking = source("measure", ["XLE", "XL"], date(2026, 1, 20), date(2026, 1, 20))
    window = plan_window([ranking], tables.get, PRICE_TOOLS, text="XLE rose; XLF fell")
    assert window is not None and window.symbols == ["XLE", "XL"]
    window = plan_window([ranking], tables.get, PRICE_TOOLS, text="XL rose; XLE fell")
    assert window is not None and window.symbols == ["XL", "XLE"]


def test_bars_leave_room_for_the_label_of_the_longest_fall() -> None:
    """The label of TLT's -1.31% was cut at the chart's left edge (found in the app)."""
    figure = bars_figure({"TLT": -1.31, "HYG": 0.10, "AGG": -0.20, "IEF": -0.40}, "t")
    low, high = figure.layout.xaxis.range
    # the bars span -1.31 to +0.10 (1.41 points); 35% of it is left beyond each end
    assert low == pytest.approx(-1.31 - 0.35 * 1.41)
    assert high == pytest.approx(0.10 + 0.35 * 1.41)
    rising = bars_figure({"A": 1.0, "B": 2.0, "C": 0.5, "D": 0.2}, "t")
    assert tuple(rising.layout.xaxis.range) == pytest.approx((0.0, 2.0 + 0.35 * 2.0))
