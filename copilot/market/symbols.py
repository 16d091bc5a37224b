"""What well-known symbols mean, so "small caps" or "utilities" can be mapped to data.

Each entry says what the symbol represents and which everyday phrases point at it. The registry
is knowledge, not data: the store's symbol table says what was actually imported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Literal

SymbolKind = Literal[
    "etf", "index", "yield", "macro", "commodity", "volatility", "stock", "crypto", "currency"
]


@dataclass(frozen=True)
class SymbolInfo:
    symbol: str
    name: str
    kind: SymbolKind
    represents: str
    sector: str | None = None
    aliases: tuple[str, ...] = field(default_factory=tuple)


def _s(
    symbol: str,
    name: str,
    kind: SymbolKind,
    represents: str,
    sector: str | None = None,
    *aliases: str,
) -> SymbolInfo:
    return SymbolInfo(symbol, name, kind, represents, sector, tuple(aliases))


_SECTOR: SymbolKind = "etf"
KNOWN_SYMBOLS: tuple[SymbolInfo, ...] = (
    # Broad US equity ETFs and indices.
    _s("SPY", "SPDR S&P 500 ETF", "etf", "S&P 500 large caps", None,
       "s&p 500", "s&p", "large caps", "large-cap", "broad market", "the market"),
    _s("IWM", "iShares Russell 2000 ETF", "etf", "Russell 2000 small caps", None,
       "russell 2000", "small caps", "small-cap", "small cap", "smallcaps", "russell"),
    _s("QQQ", "Invesco QQQ Trust", "etf", "Nasdaq-100 large-cap growth/tech", None,
       "nasdaq-100", "nasdaq 100", "nasdaq"),
    _s("DIA", "SPDR Dow Jones Industrial Average ETF", "etf", "Dow Jones Industrial Average",
       None, "dow jones", "the dow", "dow industrials"),
    _s("^GSPC", "S&P 500 index", "index", "S&P 500 index level", None, "s&p 500 index"),
    _s("SP500", "S&P 500 index (FRED)", "index", "S&P 500 index level, FRED series", None),
    _s("^RUT", "Russell 2000 index", "index", "Russell 2000 small-cap index level", None,
       "russell 2000 index"),
    _s("^DJI", "Dow Jones Industrial Average", "index", "Dow index level", None, "dow index"),
    _s("^IXIC", "Nasdaq Composite", "index", "Nasdaq Composite index level", None,
       "nasdaq composite"),
    _s("^VIX", "CBOE Volatility Index", "volatility", "expected 30-day S&P 500 volatility",
       None, "vix", "volatility index", "fear gauge"),
    _s("VIX", "CBOE Volatility Index", "volatility", "expected 30-day S&P 500 volatility",
       None, "vix", "volatility index", "fear gauge"),
    # The 11 Select Sector SPDRs.
    _s("XLB", "Materials Select Sector SPDR", _SECTOR, "S&P 500 materials sector", "Materials",
       "materials", "materials sector"),
    _s("XLC", "Communication Services Select Sector SPDR", _SECTOR,
       "S&P 500 communication services sector", "Communication Services",
       "communication services", "communications", "telecom"),
    _s("XLE", "Energy Select Sector SPDR", _SECTOR, "S&P 500 energy sector", "Energy",
       "energy", "energy sector", "energy stocks"),
    _s("XLF", "Financial Select Sector SPDR", _SECTOR, "S&P 500 financials sector",
       "Financials", "financials", "financial sector", "banks"),
    _s("XLI", "Industrial Select Sector SPDR", _SECTOR, "S&P 500 industrials sector",
       "Industrials", "industrials", "industrial sector"),
    _s("XLK", "Technology Select Sector SPDR", _SECTOR, "S&P 500 information technology sector",
       "Information Technology", "technology", "tech", "tech sector", "information technology"),
    _s("XLP", "Consumer Staples Select Sector SPDR", _SECTOR, "S&P 500 consumer staples sector",
       "Consumer Staples", "consumer staples", "staples"),
    _s("XLRE", "Real Estate Select Sector SPDR", _SECTOR, "S&P 500 real estate sector",
       "Real Estate", "real estate", "reits"),
    _s("XLU", "Utilities Select Sector SPDR", _SECTOR, "S&P 500 utilities sector", "Utilities",
       "utilities", "utility stocks", "utilities sector"),
    _s("XLV", "Health Care Select Sector SPDR", _SECTOR, "S&P 500 health care sector",
       "Health Care", "health care", "healthcare"),
    _s("XLY", "Consumer Discretionary Select Sector SPDR", _SECTOR,
       "S&P 500 consumer discretionary sector", "Consumer Discretionary",
       "consumer discretionary", "discretionary"),
    # Industries.
    _s("SMH", "VanEck Semiconductor ETF", "etf", "semiconductor stocks", None,
       "semiconductors", "semiconductor stocks", "chips", "chip stocks", "chipmakers", "semis"),
    _s("IBB", "iShares Biotechnology ETF", "etf", "biotechnology stocks", None, "biotech"),
    _s("ITA", "iShares U.S. Aerospace & Defense ETF", "etf", "aerospace and defense stocks",
       None, "defense stocks", "aerospace"),
    _s("IYT", "iShares Transportation Average ETF", "etf", "transportation stocks", None,
       "transports", "transportation"),
    _s("KRE", "SPDR S&P Regional Banking ETF", "etf", "regional bank stocks", None,
       "regional banks"),
    _s("XHB", "SPDR S&P Homebuilders ETF", "etf", "homebuilder stocks", None, "homebuilders"),
    _s("XRT", "SPDR S&P Retail ETF", "etf", "retail stocks", None, "retailers", "retail stocks"),
    # Bonds.
    _s("TLT", "iShares 20+ Year Treasury Bond ETF", "etf", "long-term US Treasuries", None,
       "long bonds", "long-term treasuries"),
    _s("IEF", "iShares 7-10 Year Treasury Bond ETF", "etf", "intermediate US Treasuries", None,
       "intermediate treasuries"),
    _s("AGG", "iShares Core US Aggregate Bond ETF", "etf", "US investment-grade bond market",
       None, "bonds", "bond market", "aggregate bonds", "bond aggregate",
       "aggregate bond index"),
    _s("LQD", "iShares iBoxx $ Investment Grade Corporate Bond ETF", "etf",
       "investment-grade corporate bonds", None, "corporate bonds", "investment grade"),
    _s("HYG", "iShares iBoxx $ High Yield Corporate Bond ETF", "etf", "high-yield bonds", None,
       "high yield", "junk bonds", "junk bond market", "junk-bond market", "high-yield bond market",
       "high yield bond market", "high-yield market"),
    # Commodities.
    _s("GLD", "SPDR Gold Shares", "commodity", "gold", None, "gold"),
    _s("SLV", "iShares Silver Trust", "commodity", "silver", None, "silver"),
    _s("PPLT", "abrdn Platinum ETF", "commodity", "platinum", None, "platinum"),
    _s("CPER", "United States Copper Index Fund", "commodity", "copper", None, "copper"),
    _s("DBC", "Invesco DB Commodity Index Tracking Fund", "commodity", "broad commodities",
       None, "commodities"),
    _s("WTI", "WTI crude oil spot price", "commodity", "West Texas Intermediate crude, $/barrel",
       None, "oil", "crude", "crude oil", "wti"),
    # Yields and macro series (FRED names).
    _s("DGS2", "2-year Treasury yield", "yield", "2-year US Treasury constant-maturity yield, %",
       None, "2-year yield", "two-year yield", "2-year treasury"),
    _s("DGS10", "10-year Treasury yield", "yield",
       "10-year US Treasury constant-maturity yield, %", None,
       "10-year yield", "ten-year yield", "10-year treasury", "treasury yields"),
    _s("DGS20", "20-year Treasury yield", "yield", "20-year US Treasury yield, %", None,
       "20-year yield"),
    _s("DGS30", "30-year Treasury yield", "yield", "30-year US Treasury yield, %", None,
       "30-year yield", "long bond yield"),
    _s("US10Y", "10-year Treasury yield (monthly average)", "yield",
       "10-year US Treasury yield, monthly average, %", None),
    _s("T10Y2Y", "10-year minus 2-year spread", "yield", "10y-2y Treasury spread, %", None,
       "yield curve", "2s10s"),
    # Other countries' 10-year government bond yields (OECD's monthly long-term rates on FRED):
    # "japanese yields" are not the US 10-year, which the bare word "yields" names. Named by
    # their yields only: "gilts sold off" is the bonds' price, the other way.
    _s("IRLTLT01JPM156N", "Japan 10-year government bond yield (monthly)", "yield",
       "Japanese 10-year government bond yield, monthly, %", None,
       "japanese yields", "japanese bond yields", "japanese government bond yields", "jgb yields",
       "japan's bond yields", "japan's yields", "japan bond yields",
       "japanese 10-year yield", "japan's 10-year yield", "japan 10-year yield",
       "japanese long-term yields"),
    _s("IRLTLT01DEM156N", "Germany 10-year government bond yield (monthly)", "yield",
       "German 10-year government bond (Bund) yield, monthly, %", None,
       "bund yields", "german yields", "german bond yields", "german bund yields",
       "german 10-year yield", "germany's bond yields"),
    _s("IRLTLT01GBM156N", "UK 10-year government bond yield (monthly)", "yield",
       "UK 10-year government bond (gilt) yield, monthly, %", None,
       "gilt yields", "uk gilt yields", "uk yields", "uk bond yields", "british yields",
       "british bond yields", "uk 10-year yield"),
    _s("IRLTLT01ITM156N", "Italy 10-year government bond yield (monthly)", "yield",
       "Italian 10-year government bond (BTP) yield, monthly, %", None,
       "italian yields", "italian bond yields", "btp yields"),
    _s("IRLTLT01FRM156N", "France 10-year government bond yield (monthly)", "yield",
       "French 10-year government bond (OAT) yield, monthly, %", None,
       "french yields", "french bond yields", "oat yields"),
    _s("CPIAUCSL", "Consumer Price Index (CPI-U, SA)", "macro", "US consumer prices", None,
       "cpi", "inflation", "consumer prices"),
    _s("CPI", "Consumer Price Index (CPI-U)", "macro", "US consumer prices, index level", None,
       "cpi", "inflation"),
    _s("MORTGAGE30US", "30-year fixed mortgage rate", "macro", "US 30-year mortgage rate, %",
       None, "mortgage rates", "mortgage rate"),
    _s("DFF", "Effective federal funds rate", "macro", "US overnight policy rate, %", None,
       "fed funds rate", "federal funds rate", "fed funds"),
    _s("PCEPI", "PCE price index", "macro", "US personal consumption expenditures prices", None,
       "pce", "pce inflation"),
    _s("GDP", "Gross domestic product", "macro", "US nominal GDP, $bn SAAR", None,
       "gdp", "economic growth"),
    _s("UNRATE", "Unemployment rate", "macro", "US unemployment rate, %", None,
       "unemployment", "jobless rate"),
    # Often asked about, rarely stored: named so that a question about them is told what to
    # import instead of being answered with a stand-in ("gold miners" are not gold, "clean
    # energy" is not the energy sector, "European banks" are not XLF).
    _s("RSP", "Invesco S&P 500 Equal Weight ETF", "etf", "the S&P 500, equal-weighted", None,
       "equal-weight s&p 500", "equal weight s&p 500", "equal-weighted s&p 500",
       "equal-weight s&p", "equal weight s&p", "equal-weighted s&p", "s&p 500 equal weight",
       "s&p 500 equal-weight", "equal-weight index", "equal-weighted index", "equal-weight spy",
       "equal-weighted spy", "equal weight spy", "equal-weighted s&p500"),
    _s("MDY", "SPDR S&P MidCap 400 ETF", "etf", "S&P 400 mid caps", None, "mid caps",
       "mid-caps", "midcaps", "mid-cap stocks", "mid cap stocks"),
    _s("IWF", "iShares Russell 1000 Growth ETF", "etf", "US large-cap growth stocks", None,
       "growth stocks", "large-cap growth"),
    _s("IWD", "iShares Russell 1000 Value ETF", "etf", "US large-cap value stocks", None,
       "value stocks", "large-cap value"),
    _s("IWN", "iShares Russell 2000 Value ETF", "etf", "US small-cap value stocks", None,
       "small-cap value", "small cap value"),
    _s("EEM", "iShares MSCI Emerging Markets ETF", "etf", "emerging-market stocks", None,
       "emerging markets", "emerging market stocks", "em stocks", "emerging-market stocks"),
    _s("EFA", "iShares MSCI EAFE ETF", "etf", "developed-market stocks outside North America",
       None, "international stocks", "developed markets", "foreign stocks"),
    _s("VGK", "Vanguard FTSE Europe ETF", "etf", "European stocks", None, "european stocks",
       "europe", "european equities"),
    _s("EUFN", "iShares MSCI Europe Financials ETF", "etf", "European financials", None,
       "european banks", "european financials"),
    _s("FXI", "iShares China Large-Cap ETF", "etf", "Chinese large caps", None, "china",
       "chinese stocks", "china stocks"),
    _s("KWEB", "KraneShares CSI China Internet ETF", "etf", "Chinese internet stocks", None,
       "chinese tech", "china tech", "chinese internet stocks"),
    _s("EWJ", "iShares MSCI Japan ETF", "etf", "Japanese stocks", None, "japan",
       "japanese stocks", "japanese equities"),
    _s("INDA", "iShares MSCI India ETF", "etf", "Indian stocks", None, "india",
       "indian stocks"),
    _s("GDX", "VanEck Gold Miners ETF", "etf", "gold mining stocks", None, "gold miners",
       "gold mining stocks", "gold stocks"),
    _s("SIL", "Global X Silver Miners ETF", "etf", "silver mining stocks", None,
       "silver miners"),
    _s("OIH", "VanEck Oil Services ETF", "etf", "oil services stocks", None, "oil services",
       "oil service stocks", "oilfield services"),
    _s("FCG", "First Trust Natural Gas ETF", "etf", "natural gas producing stocks", None),
    _s("COPX", "Global X Copper Miners ETF", "etf", "copper mining stocks", None),
    _s("ICLN", "iShares Global Clean Energy ETF", "etf", "clean energy stocks", None,
       "clean energy", "renewables", "renewable energy", "green energy"),
    _s("TAN", "Invesco Solar ETF", "etf", "solar stocks", None, "solar", "solar stocks"),
    _s("URA", "Global X Uranium ETF", "etf", "uranium stocks", None, "uranium"),
    _s("IGV", "iShares Expanded Tech-Software Sector ETF", "etf", "software stocks", None,
       "software", "software stocks", "saas", "software makers"),
    _s("CIBR", "First Trust Nasdaq Cybersecurity ETF", "etf", "cybersecurity stocks", None,
       "cybersecurity", "cyber security stocks"),
    _s("JETS", "U.S. Global Jets ETF", "etf", "airline stocks", None, "airlines",
       "airline stocks"),
    _s("KIE", "SPDR S&P Insurance ETF", "etf", "insurance stocks", None, "insurers",
       "insurance stocks"),
    _s("XPH", "SPDR S&P Pharmaceuticals ETF", "etf", "pharmaceutical stocks", None, "pharma",
       "pharmaceuticals", "pharmaceutical stocks", "drugmakers", "drug makers", "drug stocks",
       "big pharma", "pharmaceutical companies"),
    _s("XME", "SPDR S&P Metals & Mining ETF", "etf", "metals and mining stocks", None,
       "metals and mining", "metals & mining", "mining stocks", "mining companies"),
    _s("SLX", "VanEck Steel ETF", "etf", "steel stocks", None, "steel stocks", "steelmakers",
       "steel makers", "steel producers"),
    _s("BIL", "SPDR Bloomberg 1-3 Month T-Bill ETF", "etf", "US Treasury bills", None,
       "t-bills", "treasury bills"),
    _s("TIP", "iShares TIPS Bond ETF", "etf", "inflation-protected Treasuries", None,
       "tips bonds", "inflation-protected bonds", "inflation-protected treasuries"),
    _s("MUB", "iShares National Muni Bond ETF", "etf", "municipal bonds", None, "munis",
       "municipal bonds", "muni bonds"),
    _s("BKLN", "Invesco Senior Loan ETF", "etf", "leveraged loans", None, "bank loans",
       "leveraged loans"),
    _s("BTC-USD", "Bitcoin in US dollars", "crypto", "bitcoin price", None, "bitcoin", "btc",
       "crypto", "cryptocurrencies", "cryptocurrency"),
    _s("ETH-USD", "Ether in US dollars", "crypto", "ether price", None, "ethereum", "ether"),
    _s("^N225", "Nikkei 225", "index", "Japanese large caps", None, "nikkei", "nikkei 225"),
    _s("^FTSE", "FTSE 100", "index", "UK large caps", None, "ftse", "ftse 100"),
    _s("^GDAXI", "DAX", "index", "German large caps", None, "dax"),
    _s("^STOXX50E", "Euro Stoxx 50", "index", "euro-area large caps", None, "euro stoxx",
       "euro stoxx 50", "stoxx 50"),
    _s("DX-Y.NYB", "US Dollar Index", "currency", "the dollar against six currencies", None,
       "dollar index", "dxy", "the dollar", "us dollar"),
    _s("EURUSD=X", "Euro in US dollars", "currency", "euro/dollar exchange rate", None,
       "euro", "eur/usd", "eurusd"),
    _s("NG=F", "Natural gas futures", "commodity", "Henry Hub natural gas, front month", None,
       "natural gas", "nat gas", "natgas", "heating gas", "henry hub"),
    _s("BZ=F", "Brent crude futures", "commodity", "Brent crude, front month", None,
       "brent", "brent crude"),
    _s("RB=F", "RBOB gasoline futures", "commodity", "US gasoline, front month", None,
       "gasoline", "gas prices"),
    _s("JPY=X", "US dollar in Japanese yen", "currency", "dollar/yen exchange rate", None,
       "yen", "the yen", "usd/jpy", "usdjpy"),
    _s("MAGS", "Roundhill Magnificent Seven ETF", "etf", "the Magnificent Seven mega caps",
       None, "magnificent seven", "magnificent 7", "mag 7", "mag seven", "mag7"),
)  # fmt: skip

# Everyday words for the same things, as people type them in questions.
_MORE_ALIASES: dict[str, tuple[str, ...]] = {
    "SPY": ("s&p500", "s & p 500", "s and p 500", "s&p 500 etf"),
    # the market by its people: "what's got bond traders so nervous" (gold's, oil's are read
    # by their own word)
    "AGG": ("bond traders", "bond investors"),
    "QQQ": ("the nasdaq",),
    "DIA": ("dow", "djia"),
    "^GSPC": ("s&p index", "spx", "s&p 500 index level"),
    "^VIX": ("fear index", "cboe volatility index", "vix index"),
    "XLB": ("materials stocks", "basic materials"),
    "XLC": ("communication services stocks", "communications stocks", "telecom stocks",
            "comm services", "comms stocks", "communication stocks"),
    "XLE": ("energy names", "energy shares", "oil stocks", "oil and gas stocks"),
    "XLF": ("bank stocks", "financial stocks", "financial names", "bank shares", "big banks",
            "megabanks", "money-center banks", "money center banks", "wall street banks",
            "large banks", "big lenders"),
    "XLI": ("industrial stocks",),
    "XLK": ("tech stocks", "technology stocks", "tech names", "tech shares", "technology sector"),
    "XLP": ("staples stocks", "consumer staples stocks"),
    "XLRE": ("real estate stocks", "reit"),
    "XLU": ("utilities stocks", "utes", "utility stocks"),
    "XLV": ("health care stocks", "healthcare stocks", "health care sector", "healthcare sector"),
    "XLY": ("consumer discretionary stocks", "discretionary stocks"),
    "SMH": ("semiconductor", "chip names", "chip sector", "semiconductor sector",
            "chipmaker stocks", "semi stocks", "chip shares", "chip makers", "semiconductor makers",
            "chip designers", "chip equipment makers", "chip equipment stocks",
            "semiconductor equipment", "chip-equipment makers", "semiconductor equipment makers"),
    "IBB": ("biotech stocks", "biotechnology", "biotechs", "biotech firms",
            "biotechnology stocks"),
    "ITA": ("aerospace and defense", "defense names", "defense contractors", "defence stocks",
            "defence contractors", "defense firms", "defense companies", "aerospace stocks",
            "weapons makers", "arms makers"),
    "IYT": ("transportation stocks", "transport stocks", "trucking stocks", "truckers",
            "railroad stocks", "railroads", "rail stocks", "freight stocks",
            # the index the fund tracks, by its own name (its "Dow" named no Dow fund)
            "dow transports", "dow jones transports", "dow transportation average",
            "dow jones transportation average", "dow transportation index"),
    "KRE": ("regional bank stocks", "regional lenders", "community banks", "midsize banks",
            "mid-sized banks", "smaller banks", "small banks"),
    # The fund's industries beside the builders (S&P's homebuilders index): building products,
    # home furnishings, household appliances, home improvement.
    "XHB": ("homebuilder stocks", "home builders", "housing stocks", "housing names",
            "building products", "building products stocks", "building-products stocks",
            "home furnishings", "home furnishing stocks", "home-furnishings stocks",
            "furniture stocks", "furniture makers", "furniture companies", "furniture retailers",
            "appliance makers", "appliance stocks", "household appliances"),
    "XRT": ("retail sector",),
    "TLT": ("long bond", "long-dated treasuries", "long treasuries", "long-duration treasuries",
            "long-term bonds", "20+ year treasuries", "long treasury bonds",
            "long-term treasury bonds", "long-dated treasury bonds", "long government bonds",
            "long-term government bonds", "long-dated bonds", "long-duration bonds",
            # a desk's words for the curve's long maturities
            "the long end", "long end of the curve", "long end of the treasury curve"),
    "IEF": ("treasuries", "treasury bonds", "government bonds", "10-year treasuries"),
    "HYG": ("high-yield bonds", "high yield bonds", "junk", "hy credit", "high-yield credit",
            "high yield credit", "hy bonds"),
    "LQD": ("ig credit", "investment-grade credit", "investment grade credit", "ig bonds",
            "high-grade bonds", "high-grade credit", "investment-grade bonds",
            "investment grade bonds"),
    "DX-Y.NYB": ("greenback", "the greenback"),
    "MAGS": ("megacaps", "mega caps", "mega-caps", "megacap tech", "mega-cap tech",
             "mega cap tech"),
    "DBC": ("commodity basket", "commodities basket", "commodity index", "commodities index",
            "broad commodity index", "commodity complex", "commodities complex"),
    "WTI": ("west texas intermediate", "wti crude"),
    "DGS2": ("the 2-year", "the 2 year", "the two-year", "2-year note", "2-yr yield",
             "2 year yield", "two year yield", "2y yield"),
    "DGS10": ("the 10-year", "the ten-year", "the 10 year", "the 10yr", "10yr yield", "the 10y",
              "us 10y",
              "the 10-yr", "10-year note", "10-year treasury note", "10-yr yield", "10 year yield",
              "ten year yield", "10y yield", "10-year rate", "10-year treasury yield",
              "10-year bond yield", "benchmark yield", "10-year yields", "bond yields",
              "yields"),  # "why did yields jump": the benchmark's
    "DGS30": ("the 30-year", "the 30 year", "30 year yield"),
    "T10Y2Y": ("10y-2y spread", "spread between the 2-year and 10-year", "2s/10s", "10y2y",
               "spread between the 2-year and the 10-year", "2-year/10-year spread",
               "2-10 spread", "10-2 spread", "2s10s spread", "2-10 year spread"),
    "CPIAUCSL": ("consumer price index", "inflation rate", "cpi inflation"),
}  # fmt: skip

# The companies that produce a commodity are not the commodity: "oil producers", "copper
# miners", "gold names" and "natural gas stocks" name the equity group (stored or not, so that
# a question about one is told what to import rather than answered with the metal or the fuel).
_PRODUCER_NOUNS = (
    "producers", "companies", "stocks", "shares", "names", "equities", "firms", "miners",
    "mining stocks", "mining companies", "mining shares", "drillers", "explorers", "majors",
)  # fmt: skip
_PRODUCED: dict[str, tuple[str, ...]] = {
    "XLE": ("oil", "crude", "crude oil", "oil and gas", "oil & gas", "petroleum"),
    "FCG": ("natural gas", "nat gas", "natgas", "gas"),
    "GDX": ("gold",),
    "SIL": ("silver",),
    "COPX": ("copper",),
    "URA": ("uranium",),
}
# Producers named without their commodity.
_PRODUCERS_ALONE: dict[str, tuple[str, ...]] = {
    "XLE": ("big oil", "oil drillers", "drillers", "shale producers", "shale stocks", "frackers",
            "refiners", "oil refiners"),
}  # fmt: skip


def _producer_aliases(symbol: str) -> tuple[str, ...]:
    made = [f"{good} {noun}" for good in _PRODUCED.get(symbol, ()) for noun in _PRODUCER_NOUNS]
    return (*made, *_PRODUCERS_ALONE.get(symbol, ()))


KNOWN_SYMBOLS = tuple(
    replace(info, aliases=tuple(dict.fromkeys(
        info.aliases + _MORE_ALIASES.get(info.symbol, ()) + _producer_aliases(info.symbol)
    )))
    for info in KNOWN_SYMBOLS
)  # fmt: skip


@lru_cache(maxsize=1)
def _by_symbol() -> dict[str, SymbolInfo]:
    return {info.symbol: info for info in KNOWN_SYMBOLS}


def lookup(symbol: str) -> SymbolInfo | None:
    """Registry entry for `symbol` (case-insensitive), or None."""
    return _by_symbol().get(symbol.upper())


def is_yield(symbol: str) -> bool:
    """Whether `symbol` is a yield series (moves in bp; its bonds move the other way)."""
    info = lookup(symbol)
    return info is not None and info.kind == "yield"


def quoted_in_percent(symbol: str) -> bool:
    """Whether `symbol`'s values are percents (yields, rates, the VIX): "4.28%" can be its level.
    A price, an index or an index of prices (CPI) is not; an unknown series may be."""
    info = lookup(symbol)
    if info is None:
        return True
    # the fear gauge is an annualized volatility, often written "at 16.5%"
    return info.kind in ("yield", "volatility") or info.represents.endswith("%")


def is_currency(symbol: str) -> bool:
    """Whether `symbol` is a currency or the dollar's index (it moves against what it prices)."""
    info = lookup(symbol)
    return info is not None and info.kind == "currency"


def is_commodity(symbol: str) -> bool:
    """Whether `symbol` is a commodity (a metal, a fuel, a basket of them)."""
    info = lookup(symbol)
    return info is not None and info.kind == "commodity"


def moves_against_stocks(symbol: str) -> bool:
    """Whether `symbol` is the fear gauge, which rises as stocks fall."""
    info = lookup(symbol)
    return info is not None and info.kind == "volatility"


@lru_cache(maxsize=1)
def _alias_patterns() -> list[tuple[re.Pattern[str], str]]:
    """Longest aliases first, so "russell 2000 index" wins over "russell"."""
    pairs = [(alias, info.symbol) for info in KNOWN_SYMBOLS for alias in info.aliases]
    pairs.sort(key=lambda pair: len(pair[0]), reverse=True)
    return [(re.compile(rf"(?<![\w&]){re.escape(a)}(?![\w&])", re.IGNORECASE), s) for a, s in pairs]


def resolve_concept(text: str) -> list[str]:
    """Symbols whose aliases appear in `text`, in order of first appearance, without repeats.

    >>> resolve_concept("Why did small caps beat the S&P 500?")
    ['IWM', 'SPY']
    """
    hits: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for pattern, symbol in _alias_patterns():
        for match in pattern.finditer(text):
            span = match.span()
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue  # a longer alias already claimed these characters
            taken.append(span)
            hits.append((span[0], symbol))
    ordered: list[str] = []
    for _, symbol in sorted(hits):
        for candidate in (symbol, *SAME_MEASURE.get(symbol, ())):
            if candidate not in ordered:
                ordered.append(candidate)
    return ordered


# The same measure under another source's symbol: a concept resolves to all of them, in this
# order, and callers take the first one the store holds (the sample data has FRED's SP500).
SAME_MEASURE: dict[str, tuple[str, ...]] = {
    "^GSPC": ("SP500",),
    "DGS10": ("US10Y",),  # daily and monthly-average 10-year yields: the data decides which
    "^VIX": ("VIX",),
    "CPIAUCSL": ("CPI",),
}


# Symbols an answer may use for one another: an ETF and the index it tracks, the same series
# under two providers' names.
_FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"SPY", "^GSPC", "SP500"}),
    frozenset({"IWM", "^RUT"}),
    frozenset({"QQQ", "^IXIC"}),
    frozenset({"DIA", "^DJI"}),
    frozenset({"^VIX", "VIX"}),
    frozenset({"DGS10", "US10Y"}),
    frozenset({"CPI", "CPIAUCSL"}),
)


def family(symbol: str) -> frozenset[str]:
    """The symbols that measure what `symbol` does (itself alone when none other does)."""
    symbol = symbol.upper()
    for group in _FAMILIES:
        if symbol in group:
            return group
    return frozenset({symbol, *SAME_MEASURE.get(symbol, ())})


# Names of the registry whose singular is another word: "industrials" are stocks, "industrial
# production" is a statistic; "financial markets", "a material rally" (a large one), "a staple
# of", "communication" and "transport" name no market; a "semi" is a truck ("the manufacture of
# motor vehicles, trailers, and semi-trailers" was read as chip news). Never read in the singular.
PLURAL_ONLY = frozenset(
    {"industrials", "financials", "materials", "staples", "communications", "transports", "semis"}
)


def sector_symbols() -> list[str]:
    """The 11 Select Sector SPDRs."""
    return [info.symbol for info in KNOWN_SYMBOLS if info.sector is not None]


# Groups a question can ask about as a set ("which bond ETF did best").
SYMBOL_GROUPS: dict[str, tuple[str, ...]] = {
    "bond": ("TLT", "IEF", "AGG", "LQD", "HYG", "TIP", "MUB", "BIL", "BKLN"),
    "commodity": ("GLD", "SLV", "PPLT", "CPER", "DBC"),
    "industry": ("SMH", "IBB", "ITA", "IYT", "KRE", "XHB", "XRT", "GDX", "OIH", "IGV", "JETS"),
    "metal": ("GLD", "SLV", "PPLT", "CPER"),
    "precious metal": ("GLD", "SLV", "PPLT"),
}
# The sectors the news calls defensive (demand that holds up in a downturn) and cyclical
# (demand that follows the economy), as the usual split names them; tech and communication
# services are sometimes counted cyclical and are left out of both.
SECTOR_STYLES: dict[str, tuple[str, ...]] = {
    "defensive": ("XLP", "XLU", "XLV"),
    "cyclical": ("XLY", "XLF", "XLI", "XLB", "XLE"),
}
