"""Answer checks for the generalization set: a plain refusal for unanswerable questions, and
whether the answer names the instrument asked about.

* `unanswerable_correct`: the answer says plainly that it cannot answer ("cannot", "no data",
  "not in the market store", "after the as-of date", …) and states no figure other than dates.
* `instrument_named`: every expected symbol appears, as its ticker or one of its common names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from copilot.evaluation.figures import extract_numbers
from copilot.market.symbols import KNOWN_SYMBOLS, SAME_MEASURE

# Phrases that say plainly the question cannot be answered from the data.
_CANNOT = re.compile(
    r"\b(?:cannot|can ?not|can't|unable to|not able to|no data|no (?:market )?data"
    r"|no (?:stored )?(?:prices|closes|observations|values)"
    r"|(?:is|are)n't (?:stored|available|in)|not (?:stored|available|covered)"
    r"|not in the (?:market )?store|(?:do|does)(?: not|n't) (?:have|hold|cover)"
    r"|after the as[- ]of date|before the (?:stored )?data (?:begins|starts)"
    r"|outside the (?:stored )?data)\b",
    re.IGNORECASE,
)

# Common names of instruments the registry does not carry (the unanswerable questions ask about
# them) and extra everyday names of stored ones.
EXTRA_ALIASES: dict[str, tuple[str, ...]] = {
    "NVDA": ("Nvidia",),
    "TSLA": ("Tesla",),
    "AAPL": ("Apple",),
    "MSFT": ("Microsoft",),
    "AMZN": ("Amazon",),
    "NFLX": ("Netflix",),
    "bitcoin": ("BTC",),
    "ethereum": ("ETH", "ether"),
    "SP500": ("S&P 500", "S&P"),
    "US10Y": ("10-year", "ten-year", "10 year", "10y"),
    "VIX": ("volatility index",),
    "WTI": ("oil", "crude"),
}


def unanswerable_correct(answer_text: str) -> bool:
    """True when the answer says it cannot answer and states no figure (dates are not figures)."""
    text = answer_text.replace("\u2019", "'")
    return bool(_CANNOT.search(text)) and not extract_numbers(text)


@lru_cache(maxsize=1)
def _names() -> dict[str, tuple[str, ...]]:
    """Symbol -> its common names: the registry's name and aliases (also those of a symbol that
    measures the same thing, e.g. DGS10 for US10Y), plus `EXTRA_ALIASES`."""
    names: dict[str, list[str]] = {}
    for info in KNOWN_SYMBOLS:
        for symbol in (info.symbol, *SAME_MEASURE.get(info.symbol, ())):
            names.setdefault(symbol, []).extend([info.name, *info.aliases])
    for symbol, extra in EXTRA_ALIASES.items():
        names.setdefault(symbol, []).extend(extra)
    return {symbol: tuple(dict.fromkeys(found)) for symbol, found in names.items()}


def _mentions(text: str, phrase: str, case_sensitive: bool) -> bool:
    pattern = rf"(?<![\w&^]){re.escape(phrase)}(?![\w&])"
    return re.search(pattern, text, 0 if case_sensitive else re.IGNORECASE) is not None


def names_symbol(answer_text: str, symbol: str) -> bool:
    """The ticker (as written, or with a '^' prefix) or any common name of it, as whole words."""
    text = answer_text.replace("\u2019", "'")
    if _mentions(text, symbol, case_sensitive=symbol.isupper()):
        return True
    return any(_mentions(text, name, case_sensitive=False) for name in _names().get(symbol, ()))


def instrument_named(answer_text: str, expected_symbols: Iterable[str]) -> bool:
    """True when every expected symbol is named (vacuously true for none)."""
    return all(names_symbol(answer_text, symbol) for symbol in expected_symbols)
