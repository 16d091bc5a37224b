"""Words for move-centred retrieval: how the news names an entity and a move, the queries
formed from them, and the sentence of a chunk that carries the reason.

The queries are built from the resolved entity, the move's direction and its dates — never the
raw question — so a question worded oddly ("what happened to bullion?") retrieves the same
evidence as a plain one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Literal

from copilot.market.symbols import PLURAL_ONLY, family, lookup
from copilot.news.lexical import tokens
from copilot.sentences import opens_a_period, sentence_spans

Direction = Literal["up", "down"]


def opposite(direction: Direction) -> Direction:
    return "down" if direction == "up" else "up"


# How the news writes about a symbol beyond the registry's aliases (domain knowledge, not
# labels: AP and Zacks wraps say "stocks"/"Wall Street", bullion pieces "precious metals").
NEWS_WORDS: dict[str, tuple[str, ...]] = {
    "SPY": ("stocks", "wall street", "stock market", "dow", "s&p 500"),
    "DIA": ("stocks", "wall street", "dow"),
    "QQQ": ("tech stocks", "big tech", "nasdaq"),
    "IWM": ("small caps", "small-cap stocks", "russell 2000"),
    "XLK": ("tech stocks", "big tech", "technology stocks"),
    "SMH": ("chip stocks", "chipmakers", "semiconductor"),
    "XLF": ("bank stocks", "banks", "financial stocks"),
    "KRE": ("regional banks", "bank stocks"),
    "XLE": ("oil", "energy stocks", "crude"),
    "WTI": ("oil prices", "crude", "oil"),
    "GLD": ("gold prices", "precious metals", "bullion"),
    "SLV": ("silver prices", "precious metals"),
    "PPLT": ("platinum prices", "precious metals"),
    "CPER": ("copper prices", "industrial metals"),
    "ITA": ("defense stocks", "defense", "aerospace"),
    "XHB": ("homebuilders", "housing", "home builders"),
    "IBB": ("biotech", "biotechnology"),
    "XLV": ("health care stocks", "healthcare", "drugmakers"),
    "XLU": ("utilities", "utility stocks", "power"),
    "IYT": ("transportation stocks", "transports", "airlines", "railroads"),
    "TLT": ("treasuries", "treasury yields", "bonds"),
}

# The companies the news names when it explains a sector's move ("Micron's forecast lifted
# chipmakers", "JPMorgan's results weighed on banks"): a wrap that names them covers the
# sector even when it never says "chip stocks". Domain knowledge, like NEWS_WORDS: the
# largest, most-quoted members of each fund, written as the news writes them. Names that are
# also common words or other things ("Gap", "Target", "Arm", "UPS", "Visa") are left out:
# they would name the sector in articles about something else.
BELLWETHERS: dict[str, tuple[str, ...]] = {
    "SMH": (
        "nvidia",
        "tsmc",
        "taiwan semiconductor",
        "broadcom",
        "asml",
        "amd",
        "micron",
        "intel",
        "qualcomm",
        "applied materials",
        "lam research",
        "texas instruments",
        "marvell",
    ),
    "XLK": (
        "nvidia",
        "apple",
        "microsoft",
        "broadcom",
        "oracle",
        "amd",
        "salesforce",
        "cisco",
        "palantir",
    ),
    "IGV": ("microsoft", "oracle", "salesforce", "adobe", "servicenow", "palantir"),
    "XLF": (
        "jpmorgan",
        "jp morgan",
        "bank of america",
        "wells fargo",
        "citigroup",
        "goldman sachs",
        "morgan stanley",
        "blackrock",
        "mastercard",
        "berkshire hathaway",
    ),
    "XLE": ("exxon", "exxonmobil", "chevron", "conocophillips", "occidental", "opec"),
    "WTI": ("opec",),
    "XLV": ("unitedhealth", "eli lilly", "johnson & johnson", "pfizer", "merck", "abbvie"),
    "IBB": ("amgen", "gilead", "vertex", "regeneron", "moderna", "biogen", "eli lilly"),
    "ITA": (
        "lockheed",
        "lockheed martin",
        "northrop",
        "northrop grumman",
        "raytheon",
        "rtx",
        "general dynamics",
        "boeing",
        "l3harris",
        "defense contractors",
    ),
    "XHB": ("d.r. horton", "lennar", "pultegroup", "toll brothers", "nvr", "home depot", "lowe's"),
    "IYT": (
        "fedex",
        "union pacific",
        "csx",
        "delta air lines",
        "united airlines",
        "j.b. hunt",
        "jb hunt",
    ),
    "XLU": ("nextera", "duke energy", "southern company", "constellation energy", "vistra"),
    "XLY": ("amazon", "tesla", "home depot", "mcdonald's", "nike"),
    "XLC": ("meta", "alphabet", "google", "netflix", "disney", "comcast", "warner bros"),
    "XLI": ("ge aerospace", "caterpillar", "boeing", "honeywell", "union pacific", "deere"),
    "XLB": ("linde", "freeport-mcmoran", "nucor", "newmont"),
    "XLP": ("walmart", "costco", "procter & gamble", "coca-cola", "pepsico"),
    "MAGS": ("apple", "microsoft", "nvidia", "amazon", "alphabet", "meta", "tesla"),
}

# What the news names when it explains a market's move without naming the market: a retail
# fall is told as "consumer confidence fell again", a regional banks' rise as "banks report
# strong lending", a homebuilders' jump as "mortgage rates fell". Domain knowledge, like
# NEWS_WORDS, but these are drivers, not names: they bind an article to the move (coverage, the
# reason check) while "consumer confidence fell" never says that retailers fell
# (`answering.against` reads only the names). Specific phrases only: "rates" or "the economy"
# would tie every macro piece to every market.
_SHOPPERS = ("consumer confidence", "consumer spending", "consumer sentiment", "retail sales",
             "holiday sales", "holiday shopping", "shoppers")  # fmt: skip
_FED_CHAIR = ("fed chair", "fed chairman")
DRIVERS: dict[str, tuple[str, ...]] = {
    "XRT": _SHOPPERS,
    "XLY": _SHOPPERS,
    "KRE": ("banks", "lenders", "bank earnings", "zions", "keycorp", "truist",
            "regions financial", "huntington bancshares", "citizens financial", "m&t bank",
            "fifth third", "comerica", "western alliance", "pnc", "u.s. bancorp"),
    "XLF": ("lenders", "bank earnings"),
    "XHB": ("mortgage rates", "housing starts", "home sales", "housing market"),
    "ITA": ("defense spending", "defense budget", "pentagon"),
    "IYT": ("freight", "trucking", "air travel"),
    # Bonds move on where rates are headed, and so on who will chair the Fed ("Investors have
    # been betting on Hassett to succeed Fed Chairman Jerome Powell … who could keep interest
    # rates low"). Not "interest rates" or "rate cuts" alone: they tied long bonds' January 8
    # slip to background on the Fed's 2025 cuts instead of that day's wrap.
    "TLT": ("bond yields", "10-year yield", "treasury yield", *_FED_CHAIR),
    "IEF": ("bond yields", "10-year yield", "treasury yield", "treasury yields", *_FED_CHAIR),
    "AGG": ("bond yields", "10-year yield", "treasury yield", "treasury yields", *_FED_CHAIR),
    "LQD": ("bond yields", "10-year yield", "treasury yield", "treasury yields", *_FED_CHAIR),
    # A broad commodity basket, half of it energy: its components' prices move it.
    "DBC": ("commodity prices", "oil prices", "crude oil", "natural gas"),
    "XLV": ("drug prices", "drug pricing", "medicare", "fda"),
    "IBB": ("drug prices", "drug pricing", "fda"),
    "XLU": ("power demand", "electricity demand"),
}  # fmt: skip

UP_WORDS = ("rally", "rose", "gains", "jumped", "surged", "climbed")
DOWN_WORDS = ("fell", "drop", "slid", "sell-off", "slumped", "tumbled")
WHY_WORDS = ("why", "because", "after", "driven by", "amid", "on news", "reason")
CAUSAL = frozenset(
    {"after", "because", "amid", "as", "on", "following", "driven", "due", "boosted", "lifted",
     "weighed", "pressure", "pressured", "helped", "hurt", "sparked", "fueled", "fuelled",
     "spurred", "led", "thanks", "concerns", "fears", "hopes", "optimism",
     # The rest of the family a wrap or a column gives its cause in: "gold hits a new record on
     # worries about Fed independence", "the threat to the Fed's independence has been
     # reflected in the gold price", "… propelled by", "investors were spooked".
     # A mood alone is no cause word: "markets are still showing signs of nervousness".
     "worries", "worry", "worried", "concern", "reflected", "reflects", "reflecting",
     "triggered", "prompted", "caused",
     "drove", "driving", "propelled", "buoyed", "supported", "dragged", "pushed", "powered",
     "underpinned", "spooked", "rattled"}
)  # fmt: skip
# Cause words that also date or compare: "rose on hopes" but "rose 1.9% on Wednesday", "fell as
# investors sold" but "as much as 2%". They count half.
WEAK_CAUSES = frozenset({"as", "on"})
_DIRECTION_STEMS = {
    "up": ("rall", "rose", "rise", "gain", "jump", "surg", "climb", "soar", "advanc", "rebound",
           "record", "lift", "higher", "high", "increas", "recover", "bounc", "popp", "spik"),
    "down": ("fell", "fall", "drop", "slid", "slide", "slump", "tumbl", "declin", "plung", "low",
             "loss", "los", "sell", "crash", "weak", "slip", "pull", "decreas", "dipp", "sank",
             "sink", "retreat", "skid"),
}  # fmt: skip


@dataclass(frozen=True)
class Entity:
    """What the news may call the instruments of a move."""

    symbols: tuple[str, ...]
    phrases: tuple[str, ...]  # most specific first
    members: tuple[str, ...] = ()  # bellwether companies: they name it, no query names them
    drivers: tuple[str, ...] = ()  # what moves it (`DRIVERS`): they tie a text to it, no more

    @property
    def words(self) -> tuple[str, ...]:
        """Every word that ties a text to it: its names, bellwethers and drivers."""
        return self.phrases + self.members + self.drivers

    @property
    def primary(self) -> str:
        return self.phrases[0] if self.phrases else " ".join(self.symbols)


def entity_for(symbols: Sequence[str], names: Sequence[str] = ()) -> Entity:
    """The entity's phrases: news words, the registry's aliases, what it represents, its
    name, the asker's `names` for it and the symbol itself, without repeats
    (case-insensitive); its bellwethers; and its drivers."""
    phrases: list[str] = []
    members: list[str] = []
    drivers: list[str] = []
    asked = [name.removeprefix("the ").strip() for name in names if name.strip()]
    for symbol in symbols:
        info = lookup(symbol)
        # The news words of what it measures: the S&P 500's index series (SP500, ^GSPC) is
        # "stocks" and "Wall Street" as SPY is (its registry names are FRED's).
        candidates = [w for same in sorted(family(symbol)) for w in NEWS_WORDS.get(same, ())]
        if info is not None:
            candidates += [*info.aliases, info.represents, info.name]
            if info.sector:
                candidates += [f"{info.sector.lower()} stocks", f"{info.sector.lower()} sector"]
        # The words of the same measure under another symbol: the 10-year's monthly average
        # (US10Y) is "treasury yields" in the news as the daily series (DGS10) is.
        candidates += [alias for same in sorted(family(symbol) - {symbol.upper()})
                       if (kin := lookup(same)) is not None for alias in kin.aliases]  # fmt: skip
        candidates += asked
        candidates.append(symbol.upper())
        for phrase in candidates:
            if phrase and phrase.casefold() not in {p.casefold() for p in phrases}:
                phrases.append(phrase)
        members += [m for m in BELLWETHERS.get(symbol.upper(), ()) if m not in members]
        drivers += [d for d in DRIVERS.get(symbol.upper(), ()) if d not in drivers]
    if not symbols:  # "lumber", "shipping stocks": only the asker's words name it
        phrases = list(dict.fromkeys(asked))
    return Entity(tuple(s.upper() for s in symbols), tuple(phrases), tuple(members), tuple(drivers))


@lru_cache(maxsize=4096)  # every sentence of every candidate is matched against every phrase
def singular(word: str) -> str:
    """A word without a plural's final "s" ("bonds" → "bond"; "gas" stays)."""
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def _phrase_pattern(phrase: str) -> re.Pattern[str] | None:
    """A phrase as whole tokens, each with an optional plural ("chip stock" ~ "chip stocks"),
    except a sector name alone whose singular means something else (`PLURAL_ONLY`)."""
    words = tokens(phrase)
    if not words:
        return None
    if len(words) == 1 and words[0] in PLURAL_ONLY:
        return re.compile(r"(?<![a-z0-9])" + re.escape(words[0]) + r"(?![a-z0-9])")
    stems = [singular(w) for w in words]
    parts = [re.escape(stem) + "(?:s|es)?" for stem in stems]
    return re.compile(r"(?<![a-z0-9])" + r" ".join(parts) + r"(?![a-z0-9])")


# A bank or fund house named as the source of a view: "Goldman Sachs Research expects core PCE
# inflation to fall", "strategists at Morgan Stanley", "according to BlackRock" say nothing of
# the bank's own shares (they had read as financials falling on January 20, 2026).
_HOUSES = (
    r"(?:goldman sachs|morgan stanley|jp ?morgan(?: chase)?|bank of america|bofa|citi(?:group)?|"
    r"wells fargo|blackrock|ubs|barclays|deutsche bank|hsbc|charles schwab|vanguard|fidelity)"
)
_VIEW = (
    r"(?:(?:global )?(?:investment )?research|analysts?|strategists?|economists?|"
    r"(?:asset|wealth|investment) management|securities|private bank|institute)"
)
# Names that contain a market's word but are not that market: "the World Bank" and "central
# banks" are no bank stocks, "Silver Lake" (the buyout firm) is no silver, and "the next digital
# gold rush" (data centers) or "the gold standard" no gold.
_NOT_THE_MARKET = re.compile(
    rf"\b{_HOUSES}(?: s)? {_VIEW}\b|\b(?:analysts?|strategists?|economists?|researchers?) "
    rf"(?:at|from) {_HOUSES}\b|\baccording to {_HOUSES}\b|"
    r"\b(?:world|central|development|reserve|export import|federal home loan) banks?\b|"
    r"\bbank of (?:japan|england|canada|korea|france|italy|spain|israel|"
    r"international settlements)\b|"
    r"\bsilver (?:lake|lining|bullet)\b|"
    r"\b(?:digital )?gold (?:rush|standard|mine|medal)s?\b|\bdigital gold\b"
)


def mentions(entity: Entity, text: str) -> bool:
    """Whether `text` names the entity by any of its phrases, bellwether companies or drivers
    (case-insensitive, whole words), names that only contain a market's word set aside."""
    joined = _NOT_THE_MARKET.sub(" ", " ".join(tokens(text)))
    for phrase in entity.words:
        pattern = _phrase_pattern(phrase)
        if pattern is not None and pattern.search(joined):
            return True
    return False


def date_phrase(start: date, end: date) -> str:
    """`January 21, 2026` or `January 12 to January 14, 2026`: the way wraps date a move."""
    if start == end:
        return f"{start:%B} {start.day}, {start.year}"
    return f"{start:%B} {start.day} to {end:%B} {end.day}, {end.year}"


def move_queries(entity: Entity, direction: Direction, start: date, end: date) -> list[str]:
    """Several short queries, entity words × direction words × why-vocabulary, one with the
    dates: each finds a different way an article may explain the move."""
    moves = UP_WORDS if direction == "up" else DOWN_WORDS
    names = list(entity.phrases[:3]) or [entity.primary]
    when = date_phrase(start, end)
    queries = [
        f"why {names[0]} {moves[1]} on {when}",
        f"{names[0]} {moves[0]} {moves[2]} {WHY_WORDS[3]} {WHY_WORDS[5]}",
        f"{names[min(1, len(names) - 1)]} {moves[3]} {WHY_WORDS[2]} investors {WHY_WORDS[4]}",
        f"{names[-1]} {moves[4]} {moves[5]} {WHY_WORDS[1]} reason drivers",
        f"stock market news {when} {names[0]} {moves[1]}",
    ]
    unique: list[str] = []
    for query in queries:
        if query not in unique:
            unique.append(query)
    return unique


def sentences(text: str) -> list[str]:
    """The sentences of each line, split by the project's splitter: "J.B. Hunt", "U.S." and
    "Inc." end no sentence (a regex on ". " cut "… with focus on J.B." off its reason)."""
    return [line[a:b].strip() for line in text.splitlines() for a, b in sentence_spans(line)]


def names_direction(text: str, direction: Direction) -> bool:
    """Whether `text` has a word for a move `direction`'s way ("rebound", "slides")."""
    return _has_direction(tokens(text), direction)


def _has_direction(words: Sequence[str], direction: Direction) -> bool:
    return any(word.startswith(_DIRECTION_STEMS[direction]) for word in words)


def reason_score(sentence: str, entity: Entity, direction: Direction) -> int:
    """Points for naming the entity (4), the move's direction (2) and a cause word (2, or 1
    for a weak one: "Wall Street closed sharply higher on Wednesday, pulled up by energy
    stocks" is a line of the move, "Oil prices ended Wednesday higher, supported by optimism
    … following a temporary shutdown at two major oil fields" its reason); 2 off for words of
    the other way only ("US Small Caps declined 0.6% for the month" under their rise: another
    move, no reason for this one)."""
    return _score(sentence, tokens(sentence), entity, direction)


# A move that could happen: "a correction in AI stock valuations … could reduce global output",
# "that could lead to even more of an increase in oil prices in a very adverse scenario", "we
# may be in for a reality check". Neither its way nor its cause is a move's that happened (the
# press conferences' scenarios were drafted as the reasons of a day's oil and stock moves, and
# withheld). Reported speech is news: "Trump said he would slap tariffs" is what happened, and
# so is a mood about what could: "stocks fell on fears tariffs could hurt growth".
_HYPOTHETICAL = re.compile(
    r"\b(?:could|would|might|may)\s+(?:\w+ly\s+)?(?:well\s+)?(?:lead|reduce|increase|trigger|"
    r"cause|push|drive|weigh|hurt|boost|lift|hit|spark|result|raise|lower|get|be|see|fall|rise|"
    r"decline|drop|climb|fuel|spur|derail|dent)\b|\bscenarios?\b",
    re.IGNORECASE,
)
_REPORTED = re.compile(
    r"\b(?:said|says|announced|threatened|vowed|pledged|promised|warned|told|fears?|feared|"
    r"worr(?:y|ies|ied)|concerns?|hopes?|bets?|betting|speculation|anxiety|jitters|optimism)\b",
    re.IGNORECASE,
)


def hypothetical(sentence: str) -> bool:
    """Whether a sentence tells a move that could happen, not one that did."""
    return _HYPOTHETICAL.search(sentence) is not None and not _REPORTED.search(sentence)


def _score(sentence: str, words: Sequence[str], entity: Entity, direction: Direction) -> int:
    """`reason_score` of a sentence whose words are read already (once: every sentence of every
    candidate chunk is scored). A scenario (`hypothetical`) scores its naming alone."""
    points = 4 if mentions(entity, sentence) else 0
    if hypothetical(sentence):
        return points
    if _has_direction(words, direction):
        points += 2
    elif _has_direction(words, opposite(direction)):
        points -= 2
    if _has_a_cause(words) or points_back(sentence):  # "As a result, … NVIDIA rose 3.9%"
        points += 2
    elif any(word in WEAK_CAUSES for word in words):
        points += 1
    return points


def gives_a_cause(text: str) -> bool:
    """Whether `text` has a cause word that is not a weak one ("on Wednesday")."""
    return _has_a_cause(tokens(text))


def _has_a_cause(words: Sequence[str]) -> bool:
    return any(word in CAUSAL and word not in WEAK_CAUSES for word in words)


# A market's price line, as a wrap's table in words gives it: "rose 270.50 points, or 1.2%",
# "up 32 cents, or 0.5%", "to settle at $58.08", "$65.24/barrel", "to 23,224.82". A release's
# reading ("declined by 3.8 points to 89.1", "119,000 jobs added versus estimates of 51,000") and
# a company's plan ("$52-56B capex") are news, and stay.
_PRICE_LINE = re.compile(
    r"\d\s*(?:points?|cents?)\s*,?\s+or\s+(?:about\s+|nearly\s+|less\s+than\s+|more\s+than\s+)?\d"
    r"|\b(?:close[ds]?|closing|settle[ds]?|settling|finish(?:ed|es)?|end(?:ed|s)?)\s+at\s+\$?\d"
    r"|\$\s?\d[\d,.]*\s*(?:/\s*|an?\s+|per\s+)(?:barrel|bbl|ounce|oz)\b"
    r"|\bto\s+\$?\d{1,3}(?:,\d{3})+(?:\.\d+)?\b",
    re.IGNORECASE,
)


def bare_price_line(sentence: str) -> bool:
    """Whether `sentence` gives a market's price line and no cause word: "Brent crude settled
    up 32 cents, or 0.5%, at $65.24/barrel" explains nothing (the reason writer is never shown
    one, `copilot.answering.excerpt_view`, and an excerpt spends no room on one)."""
    if _PRICE_LINE.search(sentence) is None:
        return False
    return not any(word in CAUSAL for word in tokens(sentence))


FOLLOWING = 2  # sentences after the best one an excerpt may carry
FOLLOWING_SCAN = 6  # how far after it they are looked for, past bare price lines


def scores_in_context(parts: Sequence[str], entity: Entity, direction: Direction) -> list[int]:
    """Each sentence's `reason_score`, with a cause word's half (1) for a line of the move that
    gives none when the sentence before it does: a column gives the cause, then the move ("The
    market's concern about … the independence of the Fed has been reflected in the gold price.
    Gold rose this week to yet another all time high"), and scored alone that line ranked with
    a bare one ("The rise in gold is just one element in a sharp rise in commodities prices")."""
    words = [tokens(part) for part in parts]
    scores = []
    for i, part in enumerate(parts):
        points = _score(part, words[i], entity, direction)
        if (i > 0 and _has_direction(words[i], direction) and not _has_a_cause(words[i])
                and _has_a_cause(words[i - 1]) and not is_boilerplate(parts[i - 1])):  # fmt: skip
            points += 1
        scores.append(points)
    return scores


CONTEXT_WORDS = 8  # a sentence before the best one this long is context, not a heading
POINTED_BACK = 2  # sentences before one that points back to its cause an excerpt may carry
# A line of the move whose cause is the sentence before it: "Following the news, the stock
# price of Oracle climbed 6.6%.", "As a result, the stock price of NVIDIA rose 3.9%.",
# "Consequently, shares of Range Resources … rose 3.8%", "That pushed the three-month growth
# rate into negative territory". Read alone, its cause word names nothing (the excerpts of the
# December 19 wrap told Oracle's and Nvidia's rises without the TikTok sale or the H200 chips).
_POINTS_BACK = re.compile(
    r"^\W*(?:(?:following|after|on|upon|in\s+(?:response|reaction)\s+to|amid)\s+(?:the|this|"
    r"that|these|those)\s+(?:\w+\s+)?(?:news|announcements?|reports?|moves?|decisions?|"
    r"developments?|deals?|headlines?|comments?|remarks?|data|results|releases?|readings?|"
    r"prints?)\b|as\s+a\s+result\b|consequently\b|in\s+(?:response|turn)\b|"
    r"(?:because\s+of|due\s+to|thanks\s+to)\s+(?:this|that|these|those)\b|"
    r"(?:this|that|these|those|it)\s+(?:news\s+|move\s+|development\s+)?(?:sent|pushed|"
    r"drove|lifted|sparked|triggered|weighed|dragged|boosted|fueled|fuelled)\b)",
    re.IGNORECASE,
)


def points_back(sentence: str) -> bool:
    """Whether `sentence` opens by pointing back to a cause told before it."""
    return _POINTS_BACK.search(sentence) is not None


# A cause named by a demonstrative that points back to where it was told: "The market's concern
# about that ongoing and intensifying threat to the independence of the Fed has been reflected
# in the gold price" (Fidelity, January 12, 2026, after "It is widely expected that Powell's
# replacement at the Fed in May will be more aligned with the White House's desire for lower
# interest rates …"). Not a relative "that" ("worries that the cap …", "the countries that
# pursued such policies").
_REFERS_BACK = re.compile(
    r"\b(?:this|that|these|those)\s+(?!the\b|a\b|an\b|\w+ed\b)(?:[a-z-]+\s+){0,3}?"
    r"(?:threats?|news|"
    r"probes?|investigations?|decisions?|developments?|announcements?|deals?|reports?|"
    r"concerns?|worr(?:y|ies)|fears?|risks?|uncertaint(?:y|ies)|tensions?|comments?|remarks?|"
    r"proposals?|plans?|moves?|measures?|policies|policy|pressures?|headlines?|events?)\b",
    re.IGNORECASE,
)


def refers_back(sentence: str) -> bool:
    """Whether `sentence` names its cause by pointing back ("that ongoing threat", "these
    worries"), anywhere in it: the story it stands for was told before it."""
    return _REFERS_BACK.search(sentence) is not None


# A page's furniture, never a reason: the model copied "Christian Keller, head of economics
# research at Barclays Investment Bank, thanks for joining us on Radio Davos" as one, and the
# support check passed it (it is the excerpt, word for word).
_BOILERPLATE = re.compile(
    r"\b(?:click\s+here|download\s+(?:the\s+)?full\s+report|thanks?\s+(?:you\s+)?for\s+"
    r"joining|great\s+pleasure|subscribe\s+(?:to|now|for)|sign\s+up\s+(?:for|to|now)|"
    r"all\s+rights\s+reserved|follow\s+us\s+on|the\s+following\s+is\s+an\s+(?:extract|excerpt)|"
    # A publisher's disclaimers, ratings and advertising: "… currently carries a Zacks Rank #2
    # (Buy).", "… the Zacks Top 10 Stocks gained +2,530.8%, more than QUADRUPLING the S&P
    # 500's +570.3%." (drafted as the S&P 500's reason for a record), "Past performance is not
    # a guarantee of future results."
    r"for\s+informational\s+purposes\s+only|past\s+performance\s+(?:is|does)\s+not|"
    r"registered\s+investment\s+advis[eo]r|(?:does|is)\s+not\s+(?:intended\s+to\s+)?"
    r"constitute|log\s+in\s+to\s+comment|free\s+stock\s+analysis\s+report|"
    r"zacks\s+(?:rank|naming|top\s+10)|top\s+10\s+stocks|tipped\s+off\s+early|"
    r"(?:involves?|associated\s+with)\s+(?:special|certain|significant)\s+risks|"
    r"special\s+risks\s+(?:associated|involved)|risks\s+are\s+magnified)\b"
    r"|\#\d\s*\((?:strong\s+)?(?:buy|sell|hold)\)",
    re.IGNORECASE,
)


# A transcript's bare courtesy, its speaker's label allowed: "Christian Keller: Thanks, John."
_COURTESY = re.compile(
    r"^\W*(?:[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}:\s*)?(?:thanks?(?:\s+you)?|you're\s+welcome|"
    r"my\s+pleasure|good\s+(?:morning|afternoon|evening))(?:,?\s+[A-Z]\w*)?\s*[.!]*\s*$",
    re.IGNORECASE,
)


def is_boilerplate(sentence: str) -> bool:
    """Whether the sentence is a page's furniture (a link's call, a host's greeting)."""
    return _BOILERPLATE.search(sentence) is not None or _COURTESY.match(sentence) is not None


def _context_before(parts: Sequence[str], content: Sequence[int], best: int) -> list[int]:
    """The sentences before the best one an excerpt carries, nearest first: the period the
    best one's figures are for ("For the week, …"); the cause a line of the move follows ("…
    markets are still showing some signs of nervousness. Gold's price rose, and the value of
    the U.S. dollar weakened …"); or, when the best one points back to its cause
    (`points_back`, `refers_back`), the story told before it, up to a heading (a short line):
    "On Dec. 18,
    TikTok CEO … will be sold to a new joint venture (JV). The new JV will comprise … Oracle
    Corp. ORCL. Following the news, the stock price of Oracle climbed 6.6%."""
    before = best - 1
    if before not in content:
        return []
    long_enough = len(parts[before].split()) >= CONTEXT_WORDS
    if opens_a_period(parts[before]) or (not gives_a_cause(parts[best]) and long_enough):
        # A cause line that itself points back carries the story it points to.
        told = _told_before(parts, content, before) if refers_back(parts[before]) else []
        return [before, *told]
    if not points_back(parts[best]) and not refers_back(parts[best]):
        return []
    return _told_before(parts, content, best)


def _told_before(parts: Sequence[str], content: Sequence[int], line: int) -> list[int]:
    """The sentences told before `line` that it points back to, nearest first: up to
    `POINTED_BACK`, ending at a heading (a short line)."""
    told = []
    for earlier in range(line - 1, max(line - 1 - POINTED_BACK, -1), -1):
        if earlier not in content or len(parts[earlier].split()) < CONTEXT_WORDS:
            break
        told.append(earlier)
    return told


def reason_excerpt(text: str, entity: Entity, direction: Direction, limit: int) -> str:
    """The sentences of `text` (at most `limit` characters, ellipses included) that best carry
    the reason for the move: the best-scoring sentence, then the ones after it while they fit
    (`FOLLOWING` at most, "…" where a bare price line was passed over: the writer is never shown
    one, `bare_price_line`), never a page's furniture (`is_boilerplate`). A wrap states the
    move, then its cause: "Chip stocks gained on Friday … TSM … rose 0.2%. The gains came after
    Taiwan and Washington reached a trade deal …". The sentence before the best one comes too
    when it opens the period the best one's figures are for ("For the week, …":
    `opens_a_period`), or when the best one gives no cause of its own (a wrap may give the cause
    first), or when the best one points back to its cause ("As a result, the stock price of
    NVIDIA rose 3.9%": `_context_before`)."""
    parts = sentences(text)
    content = [i for i, part in enumerate(parts) if not is_boilerplate(part)]
    if not content:
        return ""
    scores = scores_in_context(parts, entity, direction)
    best = max(content, key=lambda i: (scores[i], -i))
    chosen = [best]
    used = len(parts[best])
    for before in _context_before(parts, content, best):
        if used + len(parts[before]) >= limit:
            break
        chosen.insert(0, before)
        used += len(parts[before]) + 1
    taken = 0
    for following in range(best + 1, min(best + 1 + FOLLOWING_SCAN, len(parts))):
        if following not in content:  # "Click here to read the full …": the content has ended
            break
        if bare_price_line(parts[following]):  # never shown to the writer: no room spent on it
            continue
        used += len(parts[following]) + (1 if chosen[-1] == following - 1 else 3)  # "… "
        if used > limit or taken == FOLLOWING:
            break
        chosen.append(following)
        taken += 1
    gaps = {j for i, j in enumerate(chosen) if i > 0 and chosen[i - 1] != j - 1}
    excerpt = " ".join(f"… {parts[j]}" if j in gaps else parts[j] for j in chosen)
    prefix = "… " if chosen[0] > 0 else ""
    room = limit - len(prefix)  # the ellipses count against the limit too
    if len(excerpt) > room:
        cut = excerpt.rfind(" ", 0, room - 2)
        excerpt = excerpt[: cut if cut > room // 2 else room - 2].rstrip() + " …"
    return prefix + excerpt
