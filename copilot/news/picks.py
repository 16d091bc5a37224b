"""Stock-picking lists: articles that say what to buy, not why a market moved.

"10 Best Stocks to Buy Now: Top Picks for January 2026", "5 Stocks to Buy in January 2026",
"Top stocks to buy or sell today: Stock market recommendations" give each pick's appeal and
its risks ("Main risk: a sudden decrease in oil can quickly reverse the trade"). Read as the
cause of a dated move, the reason sentences session 52's development run drew from them were 5
supported (a pick's appeal: "Dave Sekera's market outlook highlighted undervalued sectors like
energy"), 4 withheld and 6 unsupported ("XLE fell on 2026-01-07 due to a sudden decrease in
oil"). Their title says what they are, so `copilot.news.evidence.gather_evidence` never makes
them drivers.
"""

from __future__ import annotations

import re

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
# "stocks to buy (or sell)", "ETFs to own", "shares to buy heavy", "top picks", "stock
# picks", "stock market recommendations", and "best(-performing) growth stocks for January
# 2026" (a month's picks; "the best week for stocks in months" is a wrap, and "the
# best-performing stocks of 2025" a year's review).
_PICKS_TITLE = re.compile(
    r"\b(?:stocks?|shares|etfs?|funds?)\s+to\s+(?:buy|own)\b|"
    r"\btop\s+picks\b|"
    rf"\bbest(?:[- ]performing)?\s+(?:[\w-]+\s+)?(?:stocks|etfs)\s+for\s+{_MONTH}\s+\d{{4}}\b|"
    r"\bstock\s+(?:market\s+)?(?:picks|recommendations)\b",
    re.IGNORECASE,
)


def is_stock_picks(title: str) -> bool:
    """Whether a headline is a list of picks ("5 Stocks to Buy in January 2026")."""
    return _PICKS_TITLE.search(title) is not None
