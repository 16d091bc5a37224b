"""Which instruments a question names: registry phrases, company names, tickers as written,
words for the whole market and the sector set. Unknown names are reported, never replaced."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from copilot.counts import COUNT
from copilot.market.symbols import (
    KNOWN_SYMBOLS,
    PLURAL_ONLY,
    SAME_MEASURE,
    SECTOR_STYLES,
    SYMBOL_GROUPS,
    SymbolInfo,
    lookup,
    sector_symbols,
)
from copilot.understand.catalog import Catalog
from copilot.understand.comparisons import MOVE_NOUN
from copilot.understand.holidays import MARKET_REOPENED, named_day_spans
from copilot.understand.model import How, UnknownName
from copilot.understand.phrase_trie import PhraseTrie, spaced
from copilot.understand.spelling import one_slip
from copilot.understand.vocabulary import (
    CLAUSE_ENDS,
    GENERIC_MARKET,
    NOT_TICKERS,
    PLACE_ENDING_A_CLAUSE,
    STRONG_MOVES,
    words,
)

FRED_KINDS = frozenset({"yield", "macro"})
# Not stored and only context in most questions ("as the dollar fell"): reported as unknown
# only when the question names nothing the store has.
SOFT_KINDS = frozenset({"macro", "currency"})
# Place names are context more often than subject ("stocks fell on China tariffs").
SOFT_PHRASES = frozenset({"china", "japan", "india", "europe"})
# Phrases for the S&P 500 that may mean its index level rather than the SPY ETF.
SP500_PHRASES = frozenset({"s&p 500", "s&p", "s&p500", "s & p 500", "s and p 500"})
SP500_INDEX = ("^GSPC", "SP500")
BENCHMARK = "SPY"
# Lower-case words that are also stored tickers but mean nothing else in a market question are
# fine ("spy", "xle"); these are not.
_LOWER_WORDS = frozenset({"all", "are", "now", "key", "low", "see", "it", "on", "big", "fast"})
_TICKER = re.compile(
    r"(?<![\w^$&.\-/])([$^]?[A-Za-z][A-Za-z0-9]*(?:[.\-=][A-Za-z0-9]{1,4})?)(?![\w&])"
)
_SECTOR_WORD = re.compile(r"\bsectors?\b", re.IGNORECASE)
_SET_WORDS = re.compile(
    # "which ETF", "the best-performing commodity funds", "top 3 commodity funds", "the five
    # worst bond ETFs": a count of places may stand either side of the lead-in
    rf"\b(?:(?:(?:the\s+)?{COUNT}\s+)?(?:which|what|how\s+many|each|every|all|rank|sort|compare|"
    r"any|among|best|more|fewer|most|"
    r"worst|top|bottom|strongest|weakest|calmest|smoothest|steadiest|choppiest|wildest|jumpiest|"
    r"(?:most|least)\s+volatile)(?:\s+" + COUNT + r")?(?:[\s-]performing)?"
    r"\s+(?:of\s+)?(?:the\s+|these\s+|my\s+)?"
    r"(?P<noun>(?:(?P<group>bond|treasury|commodity|industry|sector)\s+)?(?:etfs?|funds?)|"
    # "which asset held up best", "what asset class did best": every stored fund
    r"assets?(?:\s+class(?:es)?)?|"
    # "which commodity got smoked the hardest", "the best metals", "top 3 treasuries": the
    # group's word alone (not "bond yields", "the treasury market": a rate, a whole market)
    r"(?P<alone>(?:precious\s+)?metals?|commodit(?:y|ies)|industr(?:y|ies)|"
    r"(?:bond|treasur(?:y|ie))s?(?!\s+(?:yields?|rates?|market|prices)\b)))"
    r"|the\s+(?P<noun2>(?:(?P<group2>bond|treasury|commodity|industry|sector)\s+)?(?:etfs|funds)))\b",
    re.IGNORECASE,
)
# A ranking asked of no set and no market: "what fell the most last week?", "which ones got hit
# hardest yesterday?", "biggest losers this month", "top performers since christmas". The words
# between the question word and the place must all be words of a move ("got hit", "'s down",
# "has done"): "which homebuilder stock fell the most" names a set, one the store lacks, and
# "what should i buy the most of" asks advice. The place ends the clause or comes before its
# window (`PLACE_ENDING_A_CLAUSE`: "the worst day" ranks days, not markets).
_RANKED = (  # what a ranking of markets names its places by
    r"(?:performers?|performing|gainers?|losers?|decliners?|winners?|laggards?|leaders?|"
    r"risers?|fallers?|advancers?|movers?|drawdowns?|drops?|declines?|gains?|returns?|moves?|"
    r"hits?|beatings?|losses|things?|names?|stuff|standouts?|spots?|places?|plays?)"
)
_UNNAMED_RANKING = re.compile(
    # "what fell the most", "which ones got hit hardest", "which three got hammered the most",
    # "who got hurt the most" (session 63's app round: no market was measured)
    rf"\b(?:what|which|who)(?:\s+(?:ones?|{COUNT}))?(?:'?s|\s+(?:has|have|had|did|does|was|were|is|are))?"
    r"(?P<between>(?:\s+[a-z-]+){0,3}?)\s+" + PLACE_ENDING_A_CLAUSE + "|"
    # "biggest losers", "the bottom 3 performers", "took the biggest hit"
    r"\b(?:biggest|largest|top|best|worst|weakest|strongest|bottom|leading|lagging)\s+"
    rf"(?:{COUNT}\s+)?" + _RANKED + r"\b|"
    # "laggards since thanksgiving?", "what were yesterday's leaders and …"
    r"\b(?:leaders|laggards|losers|winners|gainers|decliners|underperformers|outperformers)"
    + CLAUSE_ENDS
    + "|"
    # "what led in november", "who outperformed the most this quarter"
    r"\b(?:what|who|which(?:\s+ones?)?)(?:'?s\s+been|\s+(?:has|have|had)\s+been|'s|"
    r"\s+(?:has|have|had|is|are))?\s+(?:led|lagged|"
    r"outperformed|underperformed|trailed|leading|lagging)(?:\s+(?:the\s+)?most)?"
    + r"(?:\s+and\s+(?:what(?:'s|\s+is)\s+)?(?:leading|lagging|led|lagged))?"
    + CLAUSE_ENDS
    + "|"
    # "what's closest to its 52-week high?", "what is furthest below its peak?"
    r"\b(?:what|which(?:\s+ones?)?)(?:'s|\s+(?:is|are|was|were))\s+(?:closest|nearest|"
    r"furthest|farthest)\s+(?:to|from|below|above|off)\b|"
    # "what tanked on january 20?", "which ones crashed last week", "what rallied in december":
    # a strong move with no object and no place asks which markets made it (not "what tanked
    # tech": a cause, its object named)
    r"\b(?:what|who|which(?:\s+ones?)?)(?:'?s|\s+(?:has|have|had)(?:\s+been)?|\s+(?:got|was|were))?"
    r"\s+" + STRONG_MOVES + CLAUSE_ENDS + "|"
    # session 61 (rank dev3), every stored fund asked about in the desk's everyday words:
    # "anything ripping today?", "what's green today", "whats getting hammered rn", "where's
    # the pain today", "where'd the money flow last week", "any standouts this week?", "rank
    # everything by performance", "what should i have owned in march", "who's winning so far",
    # "what outpaced everything else", "which of your funds is doing best", "biggest movers to
    # the upside"
    r"\b(?:anything|what(?:'?s|\s+(?:is|are|was|were))?|whats)\s+(?:been\s+)?(?:ripping|"
    r"rallying|running|flying|mooning|tanking|crashing|sinking|bleeding|(?:getting|got)\s+"
    r"(?:hammered|smoked|crushed|killed|wrecked|rocked|clobbered)|green|red|up\s+big|down\s+big|"
    r"working)(?:\s+(?:rn|right\s+now|now))?" + CLAUSE_ENDS + "|"
    r"\bwhere(?:'?s|\s+(?:is|was))\s+the\s+(?:pain|damage|carnage|strength)\b|"
    r"\bwhere(?:'?d|\s+did|\s+has|'s)\s+(?:the\s+)?money\s+(?:go|flow|went|gone|rotate|move)\b|"
    r"\bany\s+(?:standouts?|big\s+movers|big\s+winners|big\s+losers)\b|"
    r"\brank\s+(?:everything|it\s+all|all\s+(?:the\s+)?(?:funds|etfs|markets))\b|"
    r"\bwhat\s+should\s+(?:i|we)\s+have\s+(?:owned|bought|held|been\s+in)\b|"
    # ("who's winning this year, value or growth?" names its two, unstored)
    r"\bwho(?:'?s|\s+is)\s+winning\b(?![^?]*\b[\w-]+\s+(?:or|vs\.?|versus)\s+[\w-]+)|"
    r"\bwhat\s+(?:outpaced|outperformed|beat|topped)\s+everything(?:\s+else)?\b|"
    r"\b(?:which|what)\s+of\s+(?:your|the|my)\s+(?:funds|etfs|markets)\b|"
    r"\b(?:worst|best)\s+(?:spots?|places?)\s+to\s+(?:be|have|park|hide|put)\b",
    re.IGNORECASE,
)
_MOVE_WORDS = frozenset(
    words(
        "fell rose sank sunk hit lost did done got gotten ran run slid shed bled won went grew "
        "sold took beat been had has have was were is are does do get gets up down off back "
        "higher lower hard hurt stung struck beaten"
    )
)


def _words_of_a_move(between: str) -> bool:
    """Whether every word is an auxiliary, a particle or a verb of a move (a past or -ing form:
    "tanked", "falling"), none a noun that would name what is ranked."""
    return all(w in _MOVE_WORDS or w.endswith(("ed", "ing")) for w in between.lower().split())


_MARKET_SECTORS = re.compile(
    r"(?<![\w&])(?:s\s?&\s?p(?:\s?500)?|market)(?:'s)?\s+sectors?\b"
    # "which corner of the market got punished most", "what parts of the stock market led": a
    # place in the market named by its parts is asked of its sectors (was: the S&P 500 alone)
    r"|\b(?:which|what|each|every)\s+(?:corner|part|area|pocket|segment|slice|section|nook)s?"
    r"\s+of\s+(?:the\s+)?(?:(?:u\.?s\.?|stock|equity)\s+)?market\b",
    re.IGNORECASE,
)


# "the 2-year and 10-year", "10-year note": a Treasury yield unless it names a span of time
# ("10-year return", "over a 10-year period").
_TENORS = {"2": 2, "two": 2, "10": 10, "ten": 10, "20": 20, "twenty": 20, "30": 30, "thirty": 30}
_BARE_YIELD = re.compile(
    r"(?<![\w-])(?P<n>2|10|20|30|two|ten|twenty|thirty)[\s-](?:year|yr)s?"
    r"(?P<what>\s+(?:treasury|treasuries|note|notes|bond|bonds|yield|yields|rate|rates))?(?![\w-])",
    re.IGNORECASE,
)
_YIELD_LEAD_INS = ("and", "or", "vs", "vs.", "versus", "between", "the", "&", "to", "than")
_SPAN_NOUN = re.compile(
    r"\s*(?:return|performance|change|high|low|average|period|window|history|span|chart|"
    r"total|cagr|annualized|run|stretch|track\s+record)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Mention:
    """A stored instrument a phrase names (the candidates mean the same; one is chosen later)."""

    start: int
    end: int
    phrase: str
    candidates: tuple[str, ...]
    how: How
    represents: str
    index_alternatives: tuple[str, ...] = ()


@dataclass
class Found:
    mentions: list[Mention] = field(default_factory=list)
    respelled: list[tuple[str, str]] = field(default_factory=list)  # ("industrails", "industrials")
    unknown: list[UnknownName] = field(default_factory=list)
    soft_unknown: list[UnknownName] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    sector_set: str | None = None  # the words that asked for a set ("which sector", "ETFs")
    set_symbols: tuple[str, ...] = ()  # the set's stored symbols
    set_name: str = ""  # "sector SPDRs", "bond ETFs", "ETFs"
    groups_compared: str = ""  # "cyclical and defensive": two groups held against each other


@dataclass(frozen=True)
class _Claim:
    start: int
    end: int
    priority: int  # on equal length: cashtag, registry phrase, company, ticker
    kind: str
    value: str


@lru_cache(maxsize=1)
def _alias_table() -> tuple[PhraseTrie, dict[str, tuple[str, ...]]]:
    """A finder of every registry phrase (the longest at each start) and phrase → symbols."""
    table: dict[str, list[str]] = {}
    plain = {a.lower() for info in KNOWN_SYMBOLS for a in info.aliases}
    for info in KNOWN_SYMBOLS:
        said = (*_head_nouns(info.aliases, plain), *_group_stocks(info, plain),
                *_fund_names(info.name))  # fmt: skip
        for alias in said:
            symbols = table.setdefault(spaced(alias), [])
            for symbol in (info.symbol, *SAME_MEASURE.get(info.symbol, ())):
                if symbol not in symbols:
                    symbols.append(symbol)
    for phrase, members in GROUP_PHRASES.items():
        table.setdefault(spaced(phrase), list(members))
    for phrase in _not_the_asset(plain):
        table.setdefault(spaced(phrase), [])  # claims its words and names nothing
    # The finder reports overlapping phrases too, so that "the Dow Jones Industrial Average"
    # can win over "the Dow".
    return PhraseTrie(table), {a: tuple(s) for a, s in table.items()}


# Phrases that name several instruments at once: "the selloff in precious metals" is gold's,
# silver's and platinum's. Each member the store holds is named; none stored falls back to the
# first's gap.
GROUP_PHRASES: dict[str, tuple[str, ...]] = {
    "precious metals": ("GLD", "SLV", "PPLT"),
}

_STOCKS = re.compile(r"\bstocks$", re.IGNORECASE)
# Words that make the company after them an event, not the thing asked about.
_EVENT_LEAD = re.compile(
    r"\b(?:after|following|before|ahead\s+of|since|when|the\s+(?:day|week|session)\s+"
    r"(?:that\s+|when\s+)?)\s*(?:the\s+)?$",
    re.IGNORECASE,
)  # "banks fell the day JPMorgan reported", "… when JPMorgan reported"


# What people put after a sector word instead of "stocks": "homebuilder shares", "the bank
# selloff", "the chip rally".
_SHARES = ("shares", "equities", "names")  # "retail names": a trader's word for the stocks
_EVENTS = ("selloff", "sell-off", "rally", "slump", "rout", "plunge", "surge", "rebound", "slide")
# The singular "stock" as a modifier names the group too ("the chip stock selloff", "bank stock
# prices", "the bank stock index"); alone ("which chip stock rose most") it asks for a company.
_STOCK_AS_MODIFIER = tuple(f"stock {noun}" for noun in (*_EVENTS, "prices", "index", "indexes"))


def _head_nouns(aliases: tuple[str, ...], plain: set[str]) -> tuple[str, ...]:
    """The registry's "… stocks" phrases, and the same with the other words people use for
    them ("homebuilder shares", "the bank selloff", "the chip stock rally"); a plural name's
    singular before an event noun ("bonds" → "the bond selloff", "treasuries" → "the treasury
    rally"). An event noun is added only where the word alone names nothing else: "the gold
    rally" is gold, not gold miners."""
    out = list(aliases)
    for alias in aliases:
        if _STOCKS.search(alias):
            stem = _STOCKS.sub("", alias).strip().lower()
            nouns = _SHARES if stem in plain else (*_SHARES, *_EVENTS)
            out += [_STOCKS.sub(noun, alias) for noun in (*nouns, *_STOCK_AS_MODIFIER)]
        elif _PLURAL.search(alias) and alias.split()[-1].lower() not in _NOT_PLURAL:
            single = _PLURAL.sub(lambda m: "y" if m.group(0) == "ies" else "", alias)
            if single.lower() not in plain:
                out += [f"{single} {noun}" for noun in _EVENTS]
    return tuple(out)


# A stock fund's group word with a word for its stocks after it names the fund: "clean energy
# stocks" (the energy sector's "energy stocks" had claimed the longer stretch), "software
# names", "biotech companies". Not a bond fund's ("high yield stocks" pay dividends) nor a
# commodity's or a coin's (an etf only: "gold stocks" are miners, "crypto stocks" no coin).
_GROUP_STOCKS = ("stocks", "shares", "names", "companies", "firms")


def _group_stocks(info: SymbolInfo, plain: set[str]) -> tuple[str, ...]:
    if info.kind != "etf" or info.symbol in SYMBOL_GROUPS["bond"]:
        return ()
    made = [f"{alias} {noun}" for alias in info.aliases for noun in _GROUP_STOCKS
            if alias.split()[-1].lower() not in (*_GROUP_STOCKS, *_SHARES)
            and not alias.lower().startswith("the ")]  # fmt: skip
    return tuple(alias for alias in made if alias.lower() not in plain)  # another's own words


def _not_the_asset(plain: set[str]) -> list[str]:
    """A bond fund's or a coin's words with a word for stocks after them, which name neither:
    "high yield stocks" pay dividends, "crypto stocks" are the coins' companies. They are read
    as a name the registry lacks (`unnamed`), never as the bonds or the coin."""
    return [f"{alias.lower()} {noun}" for info in KNOWN_SYMBOLS
            if info.symbol in SYMBOL_GROUPS["bond"] or info.kind == "crypto"
            for alias in info.aliases for noun in _GROUP_STOCKS
            if f"{alias.lower()} {noun}" not in plain]  # fmt: skip


# A plural last word ("bonds", "treasuries", "small caps"), not "gas" or "2s10s" ("… stocks"
# aliases are read by `_STOCKS` first).
_PLURAL = re.compile(r"(?<=[a-z]{3})(?<![sua])(?:ies|s)$")
_NOT_PLURAL = PLURAL_ONLY | {"jones", "names", "shares"}


def warm_patterns() -> None:
    """Build the registry's phrase finder (once per process)."""
    _alias_table()


def _fund_names(name: str) -> tuple[str, ...]:
    """A fund's full name as people write it: 'SPDR S&P 500 ETF Trust', 'Technology Select
    Sector SPDR Fund', 'iShares Russell 2000 ETF', 'Invesco QQQ Trust'."""
    plain = re.sub(r"\s*\([^)]*\)", "", name).strip()
    if len(plain.split()) < 2:
        return ()  # one-word names ("DAX") are aliases already, or too plain to match
    core = re.sub(r"\s+(?:ETF|Fund|Trust|Shares)$", "", plain)
    return tuple({plain, core, f"{core} ETF", f"{core} Fund", f"{core} Trust", f"{core} ETF Trust"})


def find_instruments(question: str, catalog: Catalog) -> Found:
    found = Found()
    text, found.respelled = respelled(question.replace("’", "'"))
    claims = _claims(text, catalog)
    shouting = _shouting(text)
    for claim in claims:
        _settle(claim, text, catalog, shouting, found)
    found.unknown = _distinct(found.unknown)
    found.soft_unknown = _distinct(found.soft_unknown)
    _market_volatility(text, catalog, found)
    _generic_market(text, catalog, found)
    _named_set(text, catalog, found)
    if found.sector_set is None:
        _sector_set(text, found)
    if found.sector_set is None and not found.mentions:
        _unnamed_set(text, catalog, found)
    found.mentions.sort(key=lambda m: m.start)
    return found


# A misspelt market word is read as the word when it is one swap or one letter away from a
# long one-word name ("industrails", "utilitees"): same length, so every span still points at
# the question's own characters. Shorter names are too close to other words to guess at.
_RESPELL_MIN = 8


@lru_cache(maxsize=1)
def _long_names() -> dict[int, tuple[str, ...]]:
    _, table = _alias_table()
    by_length: dict[int, list[str]] = {}
    for phrase in table:
        if phrase.isalpha() and len(phrase) >= _RESPELL_MIN:
            by_length.setdefault(len(phrase), []).append(phrase)
    return {n: tuple(names) for n, names in by_length.items()}


def respelled(text: str) -> tuple[str, list[tuple[str, str]]]:
    """`text` with each misspelt long market word replaced by the name it misspells, and the
    (as written, as read) pairs."""
    pairs: list[tuple[str, str]] = []

    def read(match: re.Match[str]) -> str:
        word = match.group(0)
        lowered = word.lower()
        names = _long_names().get(len(word), ())
        if lowered in names:
            return word
        near = [n for n in names if n[0] == lowered[0] and one_slip(lowered, n)]
        if len(near) != 1:
            return word
        pairs.append((word, near[0]))
        return near[0]

    return re.sub(rf"\b[A-Za-z]{{{_RESPELL_MIN},}}\b", read, text), pairs


def _claims(text: str, catalog: Catalog) -> list[_Claim]:
    phrases, _ = _alias_table()
    raw: list[_Claim] = []
    for start, end in phrases.finditer(text):
        raw.append(_Claim(start, end, 1, "alias", spaced(text[start:end])))
    for match in _BARE_YIELD.finditer(text):
        before = text[: match.start()].rstrip().lower()
        named_as_rate = match.group("what") or before.endswith(_YIELD_LEAD_INS)
        if named_as_rate and not _SPAN_NOUN.match(text[match.end() :]):
            tenor = _TENORS[match.group("n").lower()]
            raw.append(_Claim(match.start(), match.end(), 1, "alias", f"{tenor} year yield"))
    for hit in catalog.companies().find(text):
        raw.append(_Claim(hit.start, hit.end, 2, "company", hit.symbol))
    for match in _TICKER.finditer(text):
        token = match.group(1)
        raw.append(
            _Claim(match.start(1), match.end(1), 0 if token[0] == "$" else 3, "ticker", token)
        )
    for start, end in named_day_spans(text):  # "post-MLK", "MLK Day": a day, no ticker
        raw.append(_Claim(start, end, 1, "day", text[start:end]))
    raw.sort(key=lambda c: (-(c.end - c.start) if c.priority else -99, c.priority, c.start))
    taken: list[_Claim] = []
    for claim in raw:
        if all(claim.end <= t.start or t.end <= claim.start for t in taken):
            taken.append(claim)
    return sorted(taken, key=lambda c: c.start)


def _settle(claim: _Claim, text: str, catalog: Catalog, shouting: bool, found: Found) -> None:
    phrase = text[claim.start : claim.end]
    if claim.kind == "alias":
        _settle_alias(claim, phrase, catalog, found)
    elif claim.kind == "company":
        unknown = len(found.unknown)
        _settle_symbol(claim, phrase, claim.value, "company", catalog, found)
        if len(found.unknown) > unknown and _EVENT_LEAD.search(text[: claim.start]):
            # "banks fell after JPMorgan reported": the company dates an event; not storing it
            # does not stop the answer about what is stored (it is said if nothing else is).
            found.soft_unknown.append(found.unknown.pop())
    elif claim.kind == "ticker":
        symbol = _ticker_symbol(claim.value, catalog, shouting, explicit=claim.priority == 0)
        if symbol is not None:
            _settle_symbol(claim, phrase, symbol, "ticker", catalog, found)


def _settle_alias(claim: _Claim, phrase: str, catalog: Catalog, found: Found) -> None:
    _, table = _alias_table()
    candidates = table[claim.value]
    if not candidates:  # "high yield stocks": neither the bonds nor any fund
        return
    if claim.value in GROUP_PHRASES:  # one phrase, several instruments: each is named
        members = [s for s in candidates if catalog.has(s)]
        for symbol in members:
            info = lookup(symbol)
            represents = info.represents if info else symbol
            found.mentions.append(
                Mention(claim.start, claim.end, phrase, (symbol,), "alias", represents)
            )
        if members:
            found.spans.append((claim.start, claim.end))
            return
    info = lookup(candidates[0])
    represents = info.represents if info else candidates[0]
    stored = tuple(s for s in candidates if catalog.has(s))
    if stored:
        alternatives = SP500_INDEX if claim.value in SP500_PHRASES else ()
        found.mentions.append(
            Mention(claim.start, claim.end, phrase, stored, "alias", represents, alternatives)
        )
        found.spans.append((claim.start, claim.end))
        return
    kind = info.kind if info else "etf"
    name = info.name if info else candidates[0]
    unknown = UnknownName(
        phrase=phrase,
        symbol=candidates[0],
        reason=f"{name} ({candidates[0]}) is not in the market store",
        fix=fix_command(candidates[0], kind in FRED_KINDS),
    )
    soft = kind in SOFT_KINDS or claim.value in SOFT_PHRASES
    (found.soft_unknown if soft else found.unknown).append(unknown)
    found.spans.append((claim.start, claim.end))


def _settle_symbol(
    claim: _Claim, phrase: str, symbol: str, how: How, catalog: Catalog, found: Found
) -> None:
    found.spans.append((claim.start, claim.end))
    info = lookup(symbol)
    company = catalog.companies().display.get(symbol)
    represents = info.represents if info else (company or "")
    if catalog.has(symbol):
        found.mentions.append(Mention(claim.start, claim.end, phrase, (symbol,), how, represents))
        return
    found.unknown.append(unstored(phrase, symbol, catalog))


def unstored(phrase: str, symbol: str, catalog: Catalog) -> UnknownName:
    """A symbol the store lacks, named by what the constituents list or the registry call it."""
    info = lookup(symbol)
    company = catalog.companies().display.get(symbol)
    if company or info:
        name = company or (info.name if info else symbol)
        reason = f"{name} ({symbol}) is not in the market store"
    else:
        reason = f"{symbol} is not in the market store, the S&P 500 list or the symbol registry"
    fred = info is not None and info.kind in FRED_KINDS
    return UnknownName(phrase=phrase, symbol=symbol, reason=reason, fix=fix_command(symbol, fred))


def known_symbol(word: str, catalog: Catalog) -> str | None:
    """The symbol a word spells in any case ("nvda"), when the constituents list or the
    registry knows it."""
    symbol = word.upper()
    known = symbol in catalog.names or lookup(symbol) is not None
    return symbol if word.isalpha() and known else None


def _ticker_symbol(token: str, catalog: Catalog, shouting: bool, explicit: bool) -> str | None:
    """The symbol a token written in the question stands for, or None for an ordinary word."""
    bare = token.lstrip("$")
    symbol = bare.upper()
    if explicit:
        return symbol
    letters = [c for c in bare if c.isalpha()]
    if all(c.isupper() for c in letters):
        if symbol in NOT_TICKERS or (len(letters) < 2 and not catalog.has(symbol)):
            return None
        if shouting and not catalog.has(symbol):
            return None  # "WHAT WAS THE LOW": in a shouted question only stored symbols count
        if catalog.has(symbol) or symbol in catalog.names or lookup(symbol) is not None:
            return symbol
        if shouting or not (2 <= len(symbol) <= 5 and symbol.isalpha()):
            return None
        return symbol  # ticker-shaped and unknown: reported, so the user can import it
    if catalog.has(symbol) and len(symbol) >= 3 and bare.lower() not in _LOWER_WORDS:
        return symbol
    return None


_REOPENED = re.compile(r"(?:the\s+)?" + MARKET_REOPENED, re.IGNORECASE)

FEAR_GAUGE = "VIX"
# The market's volatility named as what moved: "why did volatility spike", "volatility calmed
# down", "the jump in stock market volatility". Said so, it is the VIX's move (the expected
# 30-day volatility of the S&P 500); "XLE's volatility in January" names a measure of XLE.
_VOLATILITY = r"(?:(?:the\s+)?(?:(?:u\.?s\.?\s+)?(?:stock\s+)?market|equity|stock)\s+)?volatility"
_VOLATILITY_MOVED = re.compile(
    rf"(?<![\w'-])(?P<a>{_VOLATILITY})\s+(?:has\s+|have\s+|had\s+|was\s+)?"
    r"(?:spik|jump|surg|soar|ris|rose|climb|pick|explod|flar|fell|fall|drop|eas|calm|cool|"
    r"subsid|sank|sink|retreat|ebb|declin|fad|pop)\w*"
    rf"|\b(?:spikes?|jumps?|surges?|rises?|climbs?|pops?|drops?|falls?|declines?|retreats?)"
    rf"\s+in\s+(?P<b>{_VOLATILITY})(?![\w-])",
    re.IGNORECASE,
)


# Words that may stand right before the market's "volatility" (a question's, a verb's), where
# any other ("treasury", "currency", "implied") makes it another market's or a kind of it.
_BEFORE_THE_MARKETS = frozenset(
    words("""why did does do has have had was is were what how when so and but why's in the
    a caused behind drove sent explain explains made the""")
)


def _market_volatility(text: str, catalog: Catalog, found: Found) -> None:
    """ "volatility" as what moved, with no market named → the VIX (`_VOLATILITY_MOVED`)."""
    if found.mentions or found.unknown or not catalog.has(FEAR_GAUGE):
        return
    match = _VOLATILITY_MOVED.search(text)
    if match is None:
        return
    group = "a" if match.group("a") else "b"
    start, end = match.span(group)
    before = re.findall(r"[\w.'-]+", text[:start])
    if before and before[-1].lower() not in _BEFORE_THE_MARKETS:
        return  # "treasury volatility", "implied volatility": another market's, or a kind
    info = lookup(FEAR_GAUGE)
    represents = info.represents if info else "expected 30-day S&P 500 volatility"
    found.mentions.append(
        Mention(start, end, match.group(group), (FEAR_GAUGE,), "alias", represents)
    )
    found.spans.append((start, end))


def _generic_market(text: str, catalog: Catalog, found: Found) -> None:
    """ "stocks", "the market", "equities" → SPY, unless they are another phrase's head noun
    ("tech stocks", "Apple stock") or a question word's object ("which stocks")."""
    if not catalog.has(BENCHMARK):
        return
    for match in GENERIC_MARKET.finditer(text):
        start, end = match.span()
        if _overlaps(start, end, found.spans) or _follows_claim(text, start, found.spans):
            continue
        if not _plain_subject(text[:start]) or _REOPENED.match(text, start):
            continue  # "when markets reopened after MLK Day": a time, not what moved
        info = lookup(BENCHMARK)
        represents = info.represents if info else "S&P 500"
        found.mentions.append(
            Mention(start, end, match.group(0), (BENCHMARK,), "benchmark", represents, SP500_INDEX)
        )
        found.spans.append((start, end))


def implied_market(found: Found, start: int, end: int, phrase: str, catalog: Catalog) -> bool:
    """Take the whole market (SPY) as named by `phrase`, its event alone ("the selloff" in
    "was the selloff on jan 20 about greenland?", `copilot.understand.market_event`), as
    "stocks" would name it. False when the store lacks the benchmark."""
    if not catalog.has(BENCHMARK):
        return False
    info = lookup(BENCHMARK)
    represents = info.represents if info else "S&P 500"
    found.mentions.append(
        Mention(start, end, phrase, (BENCHMARK,), "implied", represents, SP500_INDEX)
    )
    found.spans.append((start, end))
    return True


# Words that may stand right before "stocks" / "the market" when it means the whole market
# ("how did stocks do", "did tech beat the market"); any other word makes it a kind of stock
# the store may not hold ("AI stocks", "meme stocks", "which stocks").
_PLAIN_WORDS = frozenset(
    words(
        """how did do does have has had are were was is and or but vs versus than beat beating
    beaten outperform outperformed underperform underperformed against with for in of on to
    why where when while as like from over about whole broad broader overall us u.s. american
    did, so compare compared comparing between"""
    )
)
# A verb acting on the whole market: "what drove stocks higher", "what sank the market".
_MARKET_VERBS = frozenset(
    words(
        """drove drive drives driving pushed push pushes lifted lift lifts boosted boost boosts
    sent send sends moved move moves hit hits hurt hurts sank sink sinks dragged drag drags
    weighed rattled spooked knocked propelled powered fueled fuelled buoyed pressured helped
    hammered battered shook jolted roiled sparked spurred triggered caused behind explain
    explains made make makes cause causes got get gets kept keep keeps led lead leads
    knock knocks rattle rattles spook spooks pressure pressures propel propels power powers
    fuel fuels buoy buoys help helps hammer hammers batter batters shake shakes jolt jolts roil
    roils spark sparks spur spurs trigger triggers weigh weighs tank tanks crush crushes slam
    slams smash smashes"""
    )
    # ... and the same verbs at work: "what was pressuring stocks", "what's lifting the market"
    + words(
        """weighing pressuring dragging lifting boosting pushing hitting hurting sinking
    rattling spooking knocking propelling powering fueling fuelling buoying helping hammering
    battering shaking jolting roiling sparking spurring triggering causing tanking crushing
    slamming smashing sending supporting underpinning pummeling pummelling clobbering
    walloping depressing squeezing denting dampening hampering souring capping propping
    pulling supported underpinned pummeled pummelled clobbered walloped depressed squeezed
    dented dampened hampered soured capped propped pulled"""
    )
)
_PLAIN_BEFORE = _PLAIN_WORDS | _MARKET_VERBS
# A verb's particle before the market: "what was propping up stocks", "what dragged down
# equities" (only after one of the verbs above: "beaten-down stocks" are a kind of stock).
_PARTICLES = frozenset(("up", "down"))


def _plain_subject(before: str) -> bool:
    words = [word.rstrip(",") for word in re.findall(r"[\w.&,]+", before.lower())]
    if len(words) >= 2 and words[-1] in _PARTICLES:
        return words[-2] in _MARKET_VERBS
    return not words or words[-1] in _PLAIN_BEFORE


# What follows a group's word that makes it one side of a comparison: "compare bonds and
# stocks", "compare commodities with the S&P".
_ONE_SIDE = re.compile(r"\s*(?:and|&|vs\.?|versus|with|to|against)\s+", re.IGNORECASE)
_COMPARE = re.compile(r"\W*compare\b", re.IGNORECASE)


def _named_set(text: str, catalog: Catalog, found: Found) -> None:
    """'which ETF', 'the bond funds', 'each commodity ETF', 'which metal': the stored members of
    the group."""
    match = _SET_WORDS.search(text)
    if match is None:
        return
    # "which commodities": the set's own word, not DBC's alias, nor IEF's in "treasuries"
    inside = _mentions_in(match.span("alone"), found) if match.group("alone") else []
    spans = [s for s in found.spans if not any(s == (m.start, m.end) for m in inside)]
    if _overlaps(*match.span(), spans) or len(found.mentions) - len(inside) >= 2:
        return  # "which of these ETFs did best: XLE or XLK" means those two
    if _ONE_SIDE.match(text, match.end()) and _COMPARE.match(match.group()):
        return  # "compare bonds and stocks": bonds as a side (AGG), not every bond fund
    group = _group_of(match)
    if group == "sector":
        members: tuple[str, ...] = tuple(sector_symbols())
    elif group in ("bond", "treasury"):
        members = SYMBOL_GROUPS["bond"]
    elif group in SYMBOL_GROUPS:
        members = SYMBOL_GROUPS[group]
    else:
        members = _stored_funds(catalog)
    stored = tuple(s for s in members if catalog.has(s))
    if not stored:
        return
    found.mentions = [m for m in found.mentions if m not in inside]
    found.spans = spans
    noun = "noun" if match.group("noun") else "noun2"
    found.sector_set = match.group(noun).strip()  # the lead-in ("best-performing") stays a word
    found.set_symbols = stored
    found.set_name = f"{group} ETFs" if group and group != "sector" else "sector SPDRs"
    if not group:
        found.set_name = "stored ETFs"
    found.spans.append(match.span(noun))


def _group_of(match: re.Match[str]) -> str:
    """The group a set's words name, as `SYMBOL_GROUPS` keys it ("" for every stored fund)."""
    alone = (match.group("alone") or "").lower()
    if alone:
        singular = re.sub(r"ies$", "y", alone).removesuffix("s")
        return "bond" if singular.startswith("treasur") else " ".join(singular.split())
    return (match.group("group") or match.group("group2") or "").lower()


def _mentions_in(span: tuple[int, int], found: Found) -> list[Mention]:
    return [m for m in found.mentions if span[0] <= m.start and m.end <= span[1]]


def _unnamed_set(text: str, catalog: Catalog, found: Found) -> None:
    """'what fell the most last week?', 'biggest losers this month': a ranking that names no
    set and no market ranks every stored fund, as 'which ETF …' does."""
    match = _UNNAMED_RANKING.search(text)
    if match is None or not _words_of_a_move(match.group("between") or ""):
        return
    funds = _stored_funds(catalog)
    if not funds:
        return
    found.sector_set = match.group(0).strip()
    found.set_symbols, found.set_name = funds, "stored ETFs (no set named: all are ranked)"


def _stored_funds(catalog: Catalog) -> tuple[str, ...]:
    """Every stored fund ("which ETF", or a ranking that names no set), alphabetically."""
    return tuple(s for s, meta in sorted(catalog.stored.items()) if _is_fund(s, meta.table))


def _is_fund(symbol: str, table: str) -> bool:
    info = lookup(symbol)
    return table == "bars" and info is not None and info.kind in ("etf", "commodity")


# "defensives", "cyclical stocks", "why were defensive sectors bid": the sectors of that style
# (`SECTOR_STYLES`), not all eleven (was all eleven, or no market at all).
_SECTOR_STYLE = re.compile(
    r"\b(?P<style>defensive|cyclical)(?:s|\s+(?:sectors?|stocks|names|plays|shares|groups?|"
    # the move told by the style's name: "the defensive rotation", "a cyclical rally"
    rf"areas?|trades?|{MOVE_NOUN}|rotations?))\b",
    re.IGNORECASE,
)


def _sector_set(text: str, found: Found) -> None:
    named_sectors = {m.candidates[0] for m in found.mentions} & set(sector_symbols())
    if len(named_sectors) >= 2:
        return  # "which sector did best: XLE, XLK or XLF" means those three
    styles = [m for m in _SECTOR_STYLE.finditer(text) if not _overlaps(*m.span(), found.spans)]
    if styles:
        kinds = list(dict.fromkeys(m["style"].lower() for m in styles))
        found.sector_set = " and ".join(m.group(0) for m in styles)
        found.set_symbols = tuple(s for kind in kinds for s in SECTOR_STYLES[kind])
        found.set_name = f"{' and '.join(kinds)} sectors"
        found.spans += [m.span() for m in styles]
        if len(kinds) > 1:  # "did cyclicals beat defensives": each group as a whole
            found.groups_compared = " and ".join(kinds)
        return
    market_sectors = _MARKET_SECTORS.search(text)
    if market_sectors is not None:  # "the S&P 500 sectors": the set, not SPY
        start, end = market_sectors.span()
        found.mentions = [m for m in found.mentions if m.end <= start or m.start >= end]
        found.sector_set = market_sectors.group(0)
        found.set_symbols, found.set_name = tuple(sector_symbols()), "sector SPDRs"
        found.spans.append((start, end))
        return
    for match in _SECTOR_WORD.finditer(text):
        start, end = match.span()
        if _overlaps(start, end, found.spans) or _follows_claim(text, start, found.spans):
            continue
        found.sector_set = match.group(0)
        found.set_symbols, found.set_name = tuple(sector_symbols()), "sector SPDRs"
        found.spans.append((start, end))
        return


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _follows_claim(text: str, start: int, spans: list[tuple[int, int]]) -> bool:
    """True when only spaces or a hyphen separate `start` from a claimed phrase before it."""
    return any(e <= start and text[e:start].strip(" -") == "" for _, e in spans)


def _shouting(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 12 and sum(c.isupper() for c in letters) > 0.7 * len(letters)


def _distinct(names: list[UnknownName]) -> list[UnknownName]:
    seen: set[str] = set()
    kept = []
    for name in names:
        key = name.symbol or name.phrase.lower()
        if key not in seen:
            seen.add(key)
            kept.append(name)
    return kept


def fix_command(symbol: str, fred: bool) -> str:
    flag = "--fred" if fred else "--yahoo"
    return f"market-copilot ingest online {flag} {symbol}"
