"""Everyday names for the stored instruments and date phrasing, for the question templates.

Standard library only. The names are how people type them; `SYMBOL` is the stored symbol a
correct answer must name.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

# Stored symbol -> ways people name it (the ticker is always one of them).
NAMES: dict[str, tuple[str, ...]] = {
    "SPY": ("the S&P 500", "SPY", "the S&P 500 ETF"),
    "IWM": ("small caps", "IWM", "the Russell 2000"),
    "QQQ": ("the Nasdaq 100", "QQQ"),
    "XLF": ("banks", "financials", "XLF"),
    "XLK": ("tech", "XLK", "the tech sector"),
    "XLE": ("energy stocks", "XLE", "energy"),
    "XLU": ("utilities", "XLU"),
    "XLV": ("health care stocks", "XLV"),
    "XLY": ("consumer discretionary", "XLY"),
    "XLP": ("consumer staples", "XLP"),
    "XLI": ("industrials", "XLI"),
    "XLB": ("materials", "XLB"),
    "XLRE": ("real estate", "XLRE"),
    "XLC": ("communication services", "XLC"),
    "SMH": ("chip stocks", "SMH", "semiconductors"),
    "GLD": ("gold", "GLD"),
    "SLV": ("silver", "SLV"),
    "CPER": ("copper", "CPER"),
    "TLT": ("long bonds", "TLT"),
    "HYG": ("junk bonds", "HYG"),
    "KRE": ("regional banks", "KRE"),
    "XHB": ("homebuilders", "XHB"),
    "ITA": ("defense stocks", "ITA"),
    "IBB": ("biotech", "IBB"),
    "IYT": ("transports", "IYT"),
    "XRT": ("retailers", "XRT"),
}
SECTORS = ("XLB", "XLC", "XLE", "XLF", "XLI", "XLK", "XLP", "XLRE", "XLU", "XLV", "XLY")
TICKERS = tuple(NAMES)

# Names the store does not hold: (what the user types, the symbol or word an answer should name).
UNKNOWN: tuple[tuple[str, str], ...] = (
    ("NVDA", "NVDA"),
    ("Nvidia", "NVDA"),
    ("Tesla", "TSLA"),
    ("TSLA", "TSLA"),
    ("bitcoin", "bitcoin"),
    ("Apple", "AAPL"),
    ("Microsoft", "MSFT"),
    ("AMZN", "AMZN"),
    ("ethereum", "ethereum"),
    ("Netflix", "NFLX"),
)

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def name_of(symbol: str, rng: random.Random) -> str:
    return rng.choice(NAMES[symbol])


def long_date(day: date) -> str:
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def short_date(day: date) -> str:
    return f"{MONTHS[day.month - 1][:3]} {day.day}"


def some_date(day: date, as_of: date, rng: random.Random) -> str:
    """A past date as people write it; the year is dropped only when it cannot be misread
    (the latest such date on or before as-of is this one)."""
    if as_of - timedelta(days=300) < day <= as_of and rng.random() < 0.6:
        return short_date(day) if rng.random() < 0.5 else f"{MONTHS[day.month - 1]} {day.day}"
    return long_date(day) if rng.random() < 0.7 else day.isoformat()


def month_words(year: int, month: int, as_of: date, rng: random.Random) -> str:
    """'November' when that is the latest November begun by as-of, else 'November 2025'."""
    latest = as_of.year if month <= as_of.month else as_of.year - 1
    if latest == year and rng.random() < 0.6:
        return MONTHS[month - 1]
    return f"{MONTHS[month - 1]} {year}"


def number_word(n: int) -> str:
    return (
        (["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"])[n]
        if n <= 10
        else str(n)
    )


def sentence(text: str) -> str:
    return text[0].upper() + text[1:]


def possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"
