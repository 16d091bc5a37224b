"""Which instrument a stretch of text is about: tickers ("IWM") and everyday names ("small
caps", "the Russell 2000", "gold"), each resolved to a *family* of stored symbols that measure
the same thing (IWM and ^RUT are both "the Russell 2000": an answer may name either).

Uses the symbol registry's aliases (`copilot.market.symbols`); a subject is a frozenset of
symbols, empty when nothing is named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from copilot.market.symbols import KNOWN_SYMBOLS, family, lookup, resolve_concept
from copilot.understand.companies import LEGAL_FORM

Subject = frozenset[str]
NO_SUBJECT: Subject = frozenset()


@dataclass(frozen=True)
class Mention:
    """An instrument named in a text, at [start, end)."""

    subject: Subject
    start: int
    end: int


@lru_cache(maxsize=1)
def _tickers() -> re.Pattern[str]:
    symbols = sorted({info.symbol for info in KNOWN_SYMBOLS}, key=len, reverse=True)
    escaped = "|".join(re.escape(s) for s in symbols)
    return re.compile(rf"(?<![\w^&])(?:{escaped})(?![\w&])")


@lru_cache(maxsize=1)
def _aliases() -> list[tuple[re.Pattern[str], str]]:
    pairs = [(alias, info.symbol) for info in KNOWN_SYMBOLS for alias in info.aliases]
    # "the market" and "bonds" are too loose to bind a figure to an instrument.
    pairs = [(a, s) for a, s in pairs if a not in {"the market", "bonds", "russell", "s&p"}]
    pairs.sort(key=lambda pair: len(pair[0]), reverse=True)
    found = [
        (re.compile(rf"(?<![\w&]){re.escape(a)}(?![\w&-])", re.IGNORECASE), s) for a, s in pairs
    ]
    # "The S&P rose 1.5%" is the S&P 500; "S&P 400" and "S&P Global" are not (a name follows).
    return [*found, (_BARE_SP, "SPY")]


_BARE_SP = re.compile(r"(?<![\w&])[Ss]\s?&\s?[Pp](?![\w&-])(?!\s+(?:\d|[A-Z]))")


def mentions(text: str) -> list[Mention]:
    """Every instrument named in `text`, in order; a longer name wins over a shorter inside it
    ("S&P 500 index" over "S&P 500"), a ticker over a name."""
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, symbol: str) -> None:
        if any(start < e and s < end for s, e in taken):
            return
        taken.append((start, end))
        found.append(Mention(family(symbol), start, end))

    for m in _tickers().finditer(text):
        add(m.start(), m.end(), m.group())
        if described := _its_own_description(text, m.end(), m.group()):
            taken.append(described)  # names inside it are the ticker's own, no other's
    for pattern, symbol in _aliases():
        for m in pattern.finditer(text):
            if _one_companys(text, m.start(), m.end()):
                taken.append((m.start(), m.end()))  # the company's word, no market's
                continue
            add(m.start(), m.end(), symbol)
    found.sort(key=lambda mention: mention.start)
    return found


# A market's word inside a company's name or in the words for one company is the company's:
# "Marvell Technology Inc. (MRVL) rose 3.4%", "Micron Technology, Inc. (MU) jumped 7.8%", "The
# stock price of the AI semiconductor giant was up 3.4%", "oil major Exxon". Read as the tech
# sector's and the chip fund's, the company's rise in a wrap and the model's sentence copying it
# were two instruments, and the true figure was cut as another's.
_SUFFIX = rf"(?i:{LEGAL_FORM})(?!\w)"  # "Inc.", "Corp", "& Co.", "LP" …
_LISTED = r"\((?:[A-Za-z ]{2,12}:\s*)?([A-Z]{1,5})\)"  # "(MU)", "(NASDAQ: MRVL)"
_MORE_OF_THE_NAME = r"(?:\s+[A-Z][\w&'-]*)*,?"
_CORPORATE_TAIL = re.compile(rf"{_MORE_OF_THE_NAME}\s+{_SUFFIX}")
_TICKER_AFTER = re.compile(rf"{_MORE_OF_THE_NAME}\s*{_LISTED}")
# Nouns for one company ("the AI semiconductor giant", "an energy technology company"); plural,
# a group of them ("tech giants").
ONE_COMPANY_NOUNS = (
    r"(?:giant|maker|company|firm|major|producer|behemoth|manufacturer|conglomerate|bellwether|"
    r"heavyweight|titan|supplier|designer|operator)"
)
_ONE_COMPANY = re.compile(rf"(?:\s+[a-z][\w-]*)?\s+{ONE_COMPANY_NOUNS}(?![\w-])", re.IGNORECASE)


_EXCHANGE_OF = re.compile(r"\s*:\s*[A-Z]{1,5}\)")  # "(NASDAQ: NVDA)": where a stock is listed


def _one_companys(text: str, start: int, end: int) -> bool:
    """Whether a market's name at [start, end) of `text` is part of one company's name (a
    capitalized word before a corporate suffix or an unlisted ticker in parentheses), of
    the words for one company ("semiconductor giant", "energy company"; plural, a group), or
    the exchange a company's ticker is given on ("(NASDAQ: NVDA)")."""
    if _ONE_COMPANY.match(text, end):
        return True
    if text[start - 1 : start] == "(" and _EXCHANGE_OF.match(text, end):
        return True
    if not text[start].isupper():
        return False
    if _CORPORATE_TAIL.match(text, end):
        return True
    ticker = _TICKER_AFTER.match(text, end)
    return ticker is not None and lookup(ticker.group(1)) is None


# One company named by its listing: "Broadcom Inc.", "Micron Technology, Inc. (MU)", "Marvell
# (NASDAQ: MRVL)" — a capitalized name before a corporate suffix, or an unlisted ticker.
_COMPANY = re.compile(rf"\b[A-Z][\w&'-]*{_MORE_OF_THE_NAME}\s+{_SUFFIX}|{_LISTED}")


_LISTED_LAST = re.compile(rf"{_LISTED}\W*$")


def names_a_company(text: str, before: str = "") -> bool:
    """Whether `text`, or the listing that closes the text `before` it ("Broadcom Inc. (AVGO)"
    before the clause "rose 3.4%"), names one company by its listing (`_COMPANY`; a ticker of
    the registry's is a market's)."""
    found = [*_COMPANY.finditer(text), *_LISTED_LAST.finditer(before)]
    return any(m.group(1) is None or lookup(m.group(1)) is None for m in found)


# A parenthesis right after a ticker: "QQQ (Nasdaq-100 large-cap growth/tech)".
_PARENTHESIS = re.compile(r"\s*\(([^()]{1,80})\)")


def _its_own_description(text: str, at: int, symbol: str) -> tuple[int, int] | None:
    """The span of a parenthesis right after `symbol` that holds the registry's own name or
    description of it. The model copies them from the tools' output, and "tech" inside
    "QQQ (Nasdaq-100 large-cap growth/tech) is 621.87" had bound QQQ's close to XLK: a
    correct figure cut as another instrument's. Another instrument's name there is still read
    ("XLY (Healthcare)"), so an instrument given a wrong name is caught."""
    parenthesis = _PARENTHESIS.match(text, at)
    info = lookup(symbol)
    if parenthesis is None or info is None:
        return None
    inside = " ".join(parenthesis.group(1).split()).casefold()
    own = (info.represents.casefold(), info.name.casefold())
    return parenthesis.span(1) if any(inside in words for words in own) else None


def subject_of(text: str) -> Subject:
    """The family of the first instrument `text` names (for a title or a phrase)."""
    named = resolve_concept(text)
    return family(named[0]) if named else NO_SUBJECT


def name_of(subject: Subject) -> str:
    """The symbol a reader knows best for a family: the ETF over the index, the short name."""
    if not subject:
        return "?"
    return min(subject, key=lambda s: (s.startswith("^"), len(s), s))
