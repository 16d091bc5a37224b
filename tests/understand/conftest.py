"""A hand-built catalog shaped like ../shared/data (no store needed)."""

from __future__ import annotations

from datetime import date

import pytest

from copilot.understand import Catalog, Stored, warm_up
from copilot.understand.vocabulary import words

ETFS = words(
    "SPY IWM QQQ XLB XLC XLE XLF XLI XLK XLP XLRE XLU XLV XLY TLT IEF AGG LQD HYG GLD SLV "
    "PPLT CPER DBC SMH IBB ITA IYT KRE XHB XRT"
)
FIRST_BAR, LAST_BAR = date(2025, 2, 19), date(2026, 2, 18)


def shared_like_catalog() -> Catalog:
    stored = {symbol: Stored("bars", FIRST_BAR, LAST_BAR, 251) for symbol in ETFS}
    stored.update(
        VIX=Stored("bars", date(1990, 1, 2), date(2026, 7, 23), 9202),
        SP500=Stored("series", date(2016, 2, 12), date(2026, 2, 11), 2514),
        US10Y=Stored("series", date(1953, 4, 1), date(2026, 6, 1), 879),
        CPI=Stored("series", date(1913, 1, 1), date(2026, 5, 1), 1360),
        WTI=Stored("series", date(1986, 1, 2), date(2026, 8, 18), 10226),
        DGS2=Stored("series", date(2026, 2, 17), date(2026, 2, 17), 1),
        DGS10=Stored("series", date(2026, 2, 17), date(2026, 2, 17), 1),
        DGS30=Stored("series", date(2026, 2, 17), date(2026, 2, 17), 1),
        T10Y2Y=Stored("series", date(2026, 2, 18), date(2026, 2, 18), 1),
    )
    names = {
        "NVDA": "Nvidia",
        "AAPL": "Apple Inc.",
        "JPM": "JPMorgan Chase",
        "KO": "Coca-Cola Company (The)",
        "TGT": "Target Corporation",
        "LLY": "Lilly (Eli)",
        "GOOGL": "Alphabet Inc. (Class A)",
        "GOOG": "Alphabet Inc. (Class C)",
        "XOM": "ExxonMobil",
        "MMM": "3M",
        "BAC": "Bank of America",
        "TSLA": "Tesla, Inc.",
        "ALL": "Allstate",
        "A": "Agilent Technologies",
        "IT": "Gartner",
        "MSFT": "Microsoft",
    }
    return Catalog(stored=stored, names=names)


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    warm_up()
    return shared_like_catalog()
