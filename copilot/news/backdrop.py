"""What the news calls the wider markets a move went with (`copilot.answering.backdrop`)."""

from __future__ import annotations

import re

from copilot.news.evidence_terms import entity_for

MARKET = "SPY"
# The whole market's names as a backdrop. "Stocks" alone is left out ("bank stocks fell" is no
# word on the market), as is "the market" ("the market is asking investors …" in any outlook).
MARKET_WORDS = (
    "wall street", "stock market", "s&p 500", "s&p", "dow", "broad market", "s&p500",
    "s & p 500", "s and p 500", "u.s. stocks", "us stocks", "u.s. equities",
)  # fmt: skip

# A sentence that opens with the whole (US) market: "Stocks fell …", "U.S. equities …", "Wall
# Street witnessed …", "The S&P 500 …", "U.S. markets …" (not "Chip stocks …", "Bank stocks …",
# "Markets in Europe …"). Bare "stocks" names the market only there.
MARKET_OPENS = re.compile(
    r"^\W*(?:the\s+)?(?:(?:u\.?s\.?\s+|us\s+|american\s+|major\s+)?(?:stocks|equities|"
    r"stock\s+markets?|wall\s+street|s&p\s*500|dow\b)|(?:u\.?s\.?|us|american)\s+markets)",
    re.IGNORECASE,
)


def backdrop_words(symbols: list[str]) -> list[str]:
    """The S&P 500's `MARKET_WORDS`, a sector's names (not its bellwethers: "Apple" names no
    semiconductor move)."""
    words: list[str] = []
    for symbol in symbols:
        names = MARKET_WORDS if symbol == MARKET else entity_for([symbol]).phrases
        words += [w for w in names if w not in words]
    return words
