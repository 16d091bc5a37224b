"""A listed company's own news, drafted as a reason for a market it is no part of.

Asked "why were chip stocks so weak on thursday?", the reasons turn read a Mad Money rundown
that names chip makers and wrote "GM reports huge profit boost with highest full-year market
share in a decade, stock jumps 8.75% [4]": copied from its article, so the support check passed
it, yet General Motors is a carmaker and its profit says nothing of semiconductors. Under
silver's fall it wrote "… due to a decline in Cisco's stock price [5]". The reason check's
`another_market` reads markets' names only; a company is judged here by the constituents list's
GICS sector.

A draft that names listed companies and no market but the move's own, none of the companies in
the move's sector, is another market's news. Every company belongs to a broad index's move (the
S&P 500, the Nasdaq 100, small caps) and none is judged there; bond funds' and other moves with
no sector are not judged either. A commodity's producers (energy and materials companies) may
move it: an oil major's or a miner's news stays under oil or a metal.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from copilot.answering.backdrop import SECTOR_OF
from copilot.claims.subjects import mentions as market_mentions
from copilot.market.store import MarketStore
from copilot.understand.catalog import Catalog
from copilot.understand.companies import CAPITALIZED_ONLY, CompanyIndex
from copilot.understand.vocabulary import NOT_TICKERS, words

# Funds of a few companies across sectors: the Magnificent Seven are tech, retail and media.
MANY_SECTORS = frozenset({"MAGS"})
PRODUCERS = frozenset({"Energy", "Materials"})  # the sectors whose companies move commodities
# Tickers written in capitals name their company ("GM reports …"), except the capitalised words
# a question's reader takes for none ("IT", "PM", "ALL") and tickers that are everyday words.
_TICKER = re.compile(r"\b[A-Z]{2,5}\b")
_NOT_A_TICKER = NOT_TICKERS | frozenset(
    words("""NOW KEY CAT FIX GEN MET FOX ICE HUM UPS ED ES DOC EL DE MO PH SW TT WM BR EG GE LIN
    MAS MAR PEG TAP""")
)  # fmt: skip

# The stock market as a whole ("stocks rose as GM …"), not a company's "market share" (the
# reason check's whole-market words read "… highest full-year market share …" as the market).
_WHOLE_MARKET = re.compile(
    r"\b(?:stocks|equities|wall\s+street|(?:the\s+)?(?:stock\s+)?market(?!\s+share))\b",
    re.IGNORECASE,
)


class OutsideCompanies:
    """Which listed company a draft gives as the only subject of its reason, when that company
    is outside the move's sector (`outsider`). Companies are read with the catalog's company
    index, the one question understanding uses."""

    def __init__(self, store: MarketStore, catalog: Catalog, symbols: Sequence[str]) -> None:
        self._store, self._catalog = store, catalog
        self._allowed = allowed_sectors(store, symbols)
        self._symbols = frozenset(symbols)

    def outsider(self, draft: str) -> str | None:
        """The name of the first company `draft` names when it names no market but the move's
        own and every company it names is outside the move's sectors; None otherwise (or when
        the move has no sector to judge by)."""
        if self._allowed is None:
            return None
        # The move's own market named ("SLV fell … due to a decline in Cisco's stock") is the
        # move said again; another market named ("stocks rose as GM …") is judged by the
        # reason check's `another_market`.
        others = [m for m in market_mentions(draft) if m.subject and not m.subject & self._symbols]
        if others or _WHOLE_MARKET.search(draft):
            return None
        found = self._companies(draft)
        sectors = [self._sector(symbol) for symbol, _ in found]
        if not found or any(sector is None or sector in self._allowed for sector in sectors):
            return None  # one of them may be the move's own (or is of no known sector)
        return found[0][1]

    def _companies(self, draft: str) -> list[tuple[str, str]]:
        """(symbol, name) of each listed company named, by name or by a capitalised ticker."""
        found = [(hit.symbol, hit.name) for hit in self._catalog.companies().find(draft)]
        for match in _TICKER.finditer(draft):
            ticker = match.group(0)
            if ticker in self._catalog.names and ticker not in _NOT_A_TICKER:
                found.append((ticker, ticker))
        return found

    def _sector(self, symbol: str) -> str | None:
        info = self._store.symbol_info(symbol)
        return str(info["sector"]) if info and info.get("sector") else None


def outside_companies(
    store: MarketStore | None, catalog: Callable[[], Catalog], symbols: Sequence[str]
) -> Callable[[str], str | None] | None:
    """The check of drafts on a move of `symbols` (`OutsideCompanies.outsider`); None without a
    market store or a symbol to judge by. `catalog` is called only when the check is built."""
    if store is None or not symbols:
        return None
    return OutsideCompanies(store, catalog(), symbols).outsider


def sector_companies(
    store: MarketStore | None, symbols: Sequence[str]
) -> Callable[[str], list[str]] | None:
    """What reads the listed companies of the move's own sectors a text names (their names as
    the constituents list writes them), for a sector or industry fund or a stock: "Capital One
    Reports Mixed Q4 Earnings" names a company of financials'. None for a broad index, a bond
    fund or a commodity (a producer's news is judged, not sought: `allowed_sectors`), so no
    headline is read for one."""
    if store is None or not symbols:
        return None
    allowed = allowed_sectors(store, symbols)
    if not allowed or any((store.symbol_info(s) or {}).get("kind") == "commodity" for s in symbols):
        return None
    own = frozenset(store.companies_in(allowed))
    # Names are read against every listed company, so that a name's first word stands for it
    # only when no other company's name starts with it ("Charles" is Charles River
    # Laboratories' among health-care names alone, and "Charles Payne: …" was quoted as its news).
    index = _every_company(store)

    def named(text: str) -> list[str]:
        # A headline capitalises every word: "Southern California" proves nothing there.
        hits = [h for h in index.find(text) if h.symbol in own
                and text[h.start : h.end].lower() not in CAPITALIZED_ONLY]  # fmt: skip
        return list(dict.fromkeys(hit.name for hit in hits))

    return named


# The last store's listed companies (the store's own cached dict) and their index: built once
# per store and write (~7 ms for 500 names), not on every news-tool call.
_EVERY: list[tuple[dict[str, str], CompanyIndex]] = []


def _every_company(store: MarketStore) -> CompanyIndex:
    names = store.listed_companies()
    cached = _EVERY[0] if _EVERY else None
    if cached is not None and cached[0] is names:
        return cached[1]
    index = CompanyIndex(names)
    _EVERY[:] = [(names, index)]
    return index


def allowed_sectors(store: MarketStore, symbols: Sequence[str]) -> frozenset[str] | None:
    """The GICS sectors whose companies' news can explain a move of `symbols`: a sector fund's
    own, an industry fund's sector (`SECTOR_OF`), a stock's own, a commodity's producers.
    None when any of them has none to judge by (a broad index, a bond fund, an unknown one)."""
    allowed: set[str] = set()
    for symbol in symbols:
        if symbol in MANY_SECTORS:
            return None
        info = store.symbol_info(symbol)
        if info is None:
            return None
        sector = info.get("sector")
        if not sector and symbol in SECTOR_OF:
            wider = store.symbol_info(SECTOR_OF[symbol])
            sector = wider.get("sector") if wider else None
        if sector:
            allowed.add(str(sector))
        elif info.get("kind") == "commodity":
            allowed |= PRODUCERS
        else:
            return None
    return frozenset(allowed) if allowed else None
