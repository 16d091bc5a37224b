"""Articles that give advice, not news: they never say why a market moved.

A buy list ("5 Stocks to Buy in January 2026", "10 Best Stocks to Buy Now: Top Picks for
January 2026", "Top stocks to buy or sell today: Stock market recommendations …") argues for
holdings: its lines are reasons to own a stock ("a strong cash-flow infrastructure company that
usually gains when businesses continue to invest") and its risks ("A sudden decrease in oil can
quickly reverse the trade"). Read as a move's news, every draft from one was junk, and the
reason check passed 7 of the 16 in the development records of session 36 (its words are the
draft's own). So a why-question never reads them (`copilot.news.evidence.gather_evidence`);
`search_news` still finds them for a question about picks.
"""

from __future__ import annotations

import re

# Holdings "to buy", "to sell", "to own" or "to watch" ("Investors rush to buy Treasuries as
# stocks slide" is a move's news), "stock picks", "stock market recommendations".
_ADVICE = re.compile(
    r"\b(?:stocks?|shares|ETFs?|funds?)\s+to\s+(?:buy|sell|own|watch)\b|"
    r"\b(?:stock|top|best)\s+picks?\b|\bstock\s+(?:market\s+)?recommendations?\b",
    re.IGNORECASE,
)
# A ranked list of stocks for a coming period: "5 Best-Performing Growth Stocks for January
# 2026", "Top Stocks for 2026".
_BEST_FOR = re.compile(
    r"\b(?:best|top)\b[\w\s-]{0,30}?\bstocks?\s+(?:for|in)\s+(?:\w+\s+)?\d{4}\b", re.IGNORECASE
)


def is_buy_list(title: str) -> bool:
    """Whether an article's title says it is a list of holdings to buy, sell or watch."""
    return bool(_ADVICE.search(title) or _BEST_FOR.search(title))
