"""Inflation is a rate: a price index asked about as inflation is its change over a year.

"What is inflation running at" asked of the CPI wants 2.68 % (December 2025 over December 2024),
not the index value 324.05; "monthly inflation" wants the change from the month before. The index
itself is read only when asked for as one ("the CPI index level"), and a move of the index over
a window ("how much did consumer prices rise in 2025") stays that move
(docs/windows-and-measures.md, "Inflation").
"""

from __future__ import annotations

import re

from copilot.understand.measures import Asked
from copilot.understand.model import Instrument

PRICE_INDEXES = frozenset({"CPI", "CPIAUCSL", "PCEPI"})

_I = re.IGNORECASE
_INFLATION = re.compile(r"\binflation\b|\bdisinflation\b", _I)
_MONTHLY = re.compile(
    r"\b(?:month[\s-]+(?:over|on)[\s-]+month|m/m|mom|monthly|sequential(?:ly)?|"
    r"on\s+the\s+month|from\s+the\s+(?:month\s+before|(?:previous|prior)\s+month))\b",
    _I,
)
# "the CPI index level", "the CPI's value", "in index points": the index itself ("·" is the
# blanked name of the series).
_INDEX_ITSELF = re.compile(
    r"\bindex\s+(?:level|value|reading)s?\b|·(?:'s)?\s+(?:index\s+)?(?:level|value)\b|"
    r"\b(?:index\s+)?points\b",
    _I,
)
# "rising year over year in May", "the month-over-month change for August": the rate's own
# span named, which a move verb does not undo.
_SPAN_NAMED = re.compile(
    r"\b(?:(?:year|month)[\s-]+(?:over|on)[\s-]+(?:year|month)|yoy|y/y|m/m|12[\s-]month|"
    r"twelve[\s-]month|annual(?:ly|ized)?|how\s+fast)\b",
    _I,
)
# Inflation asked as a rate: the span named, or "what is it running at", "the headline rate".
_AS_A_RATE = re.compile(rf"{_SPAN_NAMED.pattern}|\b(?:rate|running|run\s+rate|headline|pace)\b", _I)
_NOW = re.compile(r"\bhow\s+high\s+(?:is|'s)\b", _I)  # "how high is inflation": now, not a peak

YEAR_OVER_YEAR = "year-over-year change"
MONTH_OVER_MONTH = "month-over-month change"


def inflation_asked(asked: Asked | None, instruments: list[Instrument], words: str) -> Asked | None:
    """The rate asked for when every instrument is a price index read as inflation; None when
    the question asks for something else (the index itself, its move over a window)."""
    if not instruments or any(i.symbol not in PRICE_INDEXES for i in instruments):
        return None
    said = " ".join([words, *(i.phrase for i in instruments)])
    move = asked is not None and (asked.measure, asked.aggregate) == ("return", "last")
    if move and not _SPAN_NAMED.search(said):
        return None  # "how much did consumer prices rise in 2025": the move over the window
    if asked is not None and asked.measure not in ("level", "return"):
        return None  # a volatility, a streak: the index's own measure
    as_inflation = bool(_INFLATION.search(said))
    if _INDEX_ITSELF.search(words) and not as_inflation:
        return None
    monthly = bool(_MONTHLY.search(said))
    if not (as_inflation or monthly or _AS_A_RATE.search(said)):
        return None  # "what was the CPI in December": the index, as written
    aggregate = asked.aggregate if asked is not None else "last"
    if aggregate not in ("max", "min", "mean") or _NOW.search(words):
        aggregate = "last"  # "the average inflation rate in 2025": the rates' mean
    if monthly:
        return Asked(
            "mom", aggregate, MONTH_OVER_MONTH,
            "the value / the value one month earlier − 1 (monthly inflation)",
        )  # fmt: skip
    return Asked(
        "yoy", aggregate, YEAR_OVER_YEAR,
        "the value / the value twelve months earlier − 1 (the inflation rate)",
    )  # fmt: skip
