"""Small word lists the understanding layer reads (kept apart so each is easy to extend)."""

from __future__ import annotations

import re
from typing import Literal

from copilot.understand.spelling import one_slip


def words(text: str) -> list[str]:
    """A word list written as one string (easier to read and extend than a literal)."""
    return text.split()


# Capitalised words and acronyms that are not tickers in a question, even when written in
# capitals (a ticker is only taken when the catalog or the registry knows it).
NOT_TICKERS = frozenset(
    words(
        """I A AN AM AS AT BE BY DO GO HE IF IN IS IT ME MY NO OF OK ON OR SO TO UP US WE
    USA UK EU ETF ETFS ETN CEO CFO CTO IPO EPS PE YTD QTD MTD WTD YOY QOQ MOM TTM ATH
    AI ML API FED FOMC ECB BOJ SEC NYSE GDP CPI PPI PCE PMI ISM USD EUR JPY GBP CNY
    Q1 Q2 Q3 Q4 H1 H2 FY EOD EOM EOY ET EST EDT UTC PM AM TV IT OTC DMA SMA EMA MA RSI MACD
    BP BPS PCT VS AND THE FOR NOT BUT HOW WHY WHAT WHO WHEN DID DOES WAS ARE HAS HAD
    NEWS TODAY WEEK MONTH YEAR DAY DAYS ALL ANY NEW OLD BIG TOP LOW HIGH BEST WORST
    S P SP NASDAQ DOW VIX OK LOL FYI IMO TLDR OPEC NATO IMF WTO OECD BOE PBOC SNB RBA FDIC
    OCC CFTC FINRA IRS DOJ FTC FCC FDA EPA DOE NFP JOLTS EV EVS GPU GPUS CPU LLM AGI ESG IPOS
    SPAC REIT REITS MLP ADR ADRS CEOS COO CIO VP HR IR PR FAQ UAE UN NY NYC LA SF DC PST GMT
    ATL EOW EOQ TBD ASAP IMHO OMG CHF CAD AUD HKD YEN QE QT RRP TGA SOFR LIBOR EM DM HY IG
    SPDR SPDRS ISHARES FUND FUNDS TRUST INDEX CBOE"""
    )
)

# Words for "the market as a whole": SPY, when no other instrument took them ("why did shares
# slide", but not "shares of X").
GENERIC_MARKET = re.compile(
    r"(?<![\w-])(?:the\s+)?(?:(?:u\.?s\.?|american)\s+)?(?:stock\s+market|stocks|equities|"
    r"markets?|wall\s+street|shares(?!\s+of\b))(?![\w-])",
    re.IGNORECASE,
)

# "which sector", "the sectors", "sector ETFs": the 11 Select Sector SPDRs as one set.
SECTOR_SET = re.compile(
    r"\b(?:which|what|each|every|all(?:\s+the)?|the|11|eleven|by)\s+(?:of\s+the\s+)?"
    r"(?:s&p\s+500\s+)?sectors?\b(?!\s+(?:etf|spdr)s?\s+(?:xl))|\bsector\s+(?:etfs|spdrs|funds)\b"
    r"|\bsectors\b",
    re.IGNORECASE,
)

NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "sixty": 60, "ninety": 90, "a couple of": 2, "a couple": 2, "couple of": 2,
    "couple": 2, "a few": 3, "few": 3, "several": 5, "a handful of": 5, "a handful": 5,
    "handful of": 5, "handful": 5,
}  # fmt: skip
NUMBER = (
    r"(?:\d{1,4}|a\s+couple(?:\s+of)?|couple(?:\s+of)?|a\s+few|few|several|"
    r"(?:a\s+)?handful(?:\s+of)?|"
    + "|".join(sorted((w for w in NUMBER_WORDS if " " not in w), key=len, reverse=True))
    + ")"
)


def number_of(words: str | None, default: int = 1) -> int:
    """'two' → 2, '10' → 10, 'a couple of' → 2; None → `default`."""
    if not words:
        return default
    text = re.sub(r"\s+", " ", words.strip().lower())
    if text.isdigit():
        return int(text)
    return NUMBER_WORDS.get(text, default)


# Shorthand people type, spelled out before windows and measures are read.
_SHORTHAND = (
    (re.compile(r"\bhow'?d\b", re.IGNORECASE), "how did"),
    (re.compile(r"\bhow'?s\b", re.IGNORECASE), "how is"),
    (re.compile(r"\bwhere['’]s\b", re.IGNORECASE), "where is"),
    (re.compile(r"\bwhere['’]d\b", re.IGNORECASE), "where did"),
    (re.compile(r"\bwk\b", re.IGNORECASE), "week"),
    (re.compile(r"\bwks\b", re.IGNORECASE), "weeks"),
    (re.compile(r"\b(?:mo|mth|mnth)\b", re.IGNORECASE), "month"),
    (re.compile(r"\b(?:mos|mths|mnths)\b", re.IGNORECASE), "months"),
    (re.compile(r"\byr\b", re.IGNORECASE), "year"),
    (re.compile(r"\byrs\b", re.IGNORECASE), "years"),
    (re.compile(r"\bw/o\b", re.IGNORECASE), "without"),
    (re.compile(r"\bw/w\b", re.IGNORECASE), "week over week"),  # before "w/" is "with"
    (re.compile(r"\bd/d\b", re.IGNORECASE), "day over day"),
    (re.compile(r"\bw/", re.IGNORECASE), "with "),
    # typed fast: "whats the catalyst", "wat happend to comm services", "yday"
    (re.compile(r"\bwhats\b", re.IGNORECASE), "what's"),
    (re.compile(r"\b(?:wat|wut|wht)\b", re.IGNORECASE), "what"),
    (re.compile(r"\bhap+(?:end|nd|ned|enned)\b", re.IGNORECASE), "happened"),
    (re.compile(r"\by'?day\b", re.IGNORECASE), "yesterday"),
    # halves typed short: "the 1st half of jan", "2H of december", "1H 2025"
    (re.compile(r"\b(?:1st\s+half|1h)\b", re.IGNORECASE), "first half"),
    (re.compile(r"\b(?:2nd\s+half|2h)\b", re.IGNORECASE), "second half"),
    # weekdays typed short: "gold tanked on thurs", "what drove XLE on Wed", "Fri."
    (re.compile(r"\bmon\b\.?(?=\s|$|[?!,])", re.IGNORECASE), "monday"),
    (re.compile(r"\btues?\b\.?(?=\s|$|[?!,])", re.IGNORECASE), "tuesday"),
    (re.compile(r"\bwed\b\.?(?=\s|$|[?!,])", re.IGNORECASE), "wednesday"),
    (re.compile(r"\bthu(?:rs?)?\b\.?(?=\s|$|[?!,])", re.IGNORECASE), "thursday"),
    (re.compile(r"\bfri\b\.?(?=\s|$|[?!,])", re.IGNORECASE), "friday"),
)


# Value and growth named as a pair are the two styles: "why did value beat growth", "growth vs
# value this month" (alone, each word is a common one: "the value of the dollar", "GDP growth").
_STYLE_PAIR = re.compile(
    r"\b(?P<a>value|growth)(?:\s+(?:stocks|shares|names))?(?P<mid>\s+(?:(?:has|have|had|did|was|"
    r"were)\s+)?(?:vs\.?|versus|against|and|or|over|beat\w*|outperform\w*|outpac\w*|lag\w*|"
    r"trail\w*|underperform\w*|topp\w*|led|lead\w*)\s+)(?P<b>value|growth)\b"
    r"(?!\s+(?:stocks|shares|names))",
    re.IGNORECASE,
)


def _style(match: re.Match[str]) -> str:
    a, b = match["a"].lower(), match["b"].lower()
    if a == b:
        return match.group(0)
    return f"{a} stocks{match['mid']}{b} stocks"


def spelled_out(text: str) -> str:
    """'how'd semis do this wk' → 'how did semis do this week'; a long month's name typed with
    one slip ('januray', 'decmber', 'febuary') → the month."""
    for pattern, replacement in _SHORTHAND:
        text = pattern.sub(replacement, text)
    return _LONG_WORD.sub(_month_meant, text)


# Months whose names are long enough that one slip of the keys leaves no other word.
_LONG_MONTHS = ("january", "february", "august", "september", "october", "november", "december")
_LONG_WORD = re.compile(r"\b[a-z]{6,10}\b", re.IGNORECASE)


def _month_meant(match: re.Match[str]) -> str:
    typed = match.group(0)
    word = typed.lower()
    return next((month for month in _LONG_MONTHS if one_slip(word, month)), typed)


def styles_named(question: str) -> str:
    """'why did value beat growth' → 'why did value stocks beat growth stocks' (read before the
    instruments are: the two words alone name no market)."""
    return _STYLE_PAIR.sub(_style, question)


MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
# A time said inside a phrase ("the CPI print on tuesday", "the December jobs report", "lower
# mortgage rates in early january"): a month and its day or year, a year, an ordinal, a weekday,
# the day's or the week's own words. Read by a guess's mention check and by the guess's trim.
A_TIME = (
    rf"(?:{MONTH}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?\b)?(?:,?\s+(?:19|20)\d\d)?|"
    r"(?:19|20)\d\d|\d{1,2}(?:st|nd|rd|th)|"
    r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?s?|today|yesterday|"
    r"tonight|(?:this|last|next)\s+(?:week(?:end)?|month|morning|session)|"
    r"morning|afternoon|evening|overnight)"
)
# A market asked whether it minded an event: "did bonds care about the CPI report?", "did stocks
# shrug off the jobs data?", "did gold look past the Fed?" (a reaction, as "react to" is).
REACTING = (
    r"(?:care[ds]?|caring)\s+(?:much\s+)?about|shrug(?:s|ged|ging)?\s+off|"
    r"brush(?:es|ed|ing)?\s+off|look(?:s|ed|ing)?\s+past|shak(?:e|es|en|ing)\s+off|shook\s+off|"
    r"flinch(?:es|ed|ing)?\s+at"
)
# … and the reaction asked after the event ("what did the CPI report show, and did bonds care?")
REACTION = (
    rf"\b(?:did|do|does|has|have|had|why)\b[^?.]{{0,40}}?\b(?:(?:{REACTING})\b|"
    r"(?:care|mind|notice|flinch)\s*\?)"
)
# The words that name an event as a time: "after the Fed", "into payrolls", "post-NFP", "ahead
# of CPI", "the eve of", "react to", "shrug off" (the Fed's decisions and the releases share them).
TIME_WORDS = (
    r"\b(?:after|since|following|before|ahead\s+of|into|around|post[\s-]?|eve\s+of|"
    rf"react(?:s|ed|ing)?\s+to|reaction\s+to|{REACTING})\s*"
)
MONTH_NAMES = words(
    "January February March April May June July August September October November December"
)
ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "final": 4, "last": 4,
}  # fmt: skip


# Gains handed back: "how much of its rally did gold give back", "how much ground did the Russell
# give up after its January run" ask how far below the window's peak it is now; their "up" is
# no rise.
GAVE_BACK = re.compile(
    r"\b(?:g[ai]v(?:e|es|en|ing)\s+(?:back|up)|hand(?:s|ed|ing)?\s+back|surrender\w*|"
    r"relinquish\w*)\b",
    re.IGNORECASE,
)

# A move undone names the other way: "claw back its losses", "recoup the decline", "shake off
# the selloff" are a rise; "erase its gains", "wipe out the rally", "reverse the advance" a fall.
# (The loss word alone read as a fall, and the answer said the Nasdaq "did not fall".) "Pare"
# and "trim" are not here: a market that pared its losses still closed lower.
_UNDOING = (
    r"(?:claw(?:s|ed|ing)?\s+back|recoup\w*|recover(?:s|ed|ing)?|regain\w*|"
    r"eras(?:e|es|ed|ing)|wip(?:e|es|ed|ing)\s+out|"
    r"ma(?:ke|kes|de|king)\s+(?:up|back)|(?:earn|won|win|gain|got|get)(?:s|ed|ing)?\s+back|"
    r"g[ai]v(?:e|es|en|ing)\s+(?:back|up)|hand(?:s|ed|ing)?\s+back|surrender\w*|"
    r"shak(?:e|es|en|ing)\s+off|shook\s+off|revers(?:e|es|ed|ing)|"
    r"undo(?:es|ne|ing)?|undid|unwind\w*|unwound)"
)
_UNDONE_FALL = (
    r"(?P<fall{n}>loss(?:es)?|declines?|drops?|slides?|slump|falls?|sell[\s-]?offs?|dips?|"
    r"plunges?|tumble|rout|slumps)"
)
_UNDONE_RISE = (
    r"(?P<rise{n}>gains?|rall(?:y|ies)|advances?|rises?|run[\s-]?ups?|jumps?|surges?|climbs?|"
    r"pops?|rebounds?|bounces?)"
)
UNDID_A_MOVE = re.compile(
    # "claw back its losses", "recovered from the January 20 selloff"
    rf"\b{_UNDOING}\s+(?:[\w'-]+\s+){{0,4}}?"
    rf"(?:{_UNDONE_FALL.format(n='')}|{_UNDONE_RISE.format(n='')})\b"
    # "how much of the Jan 20 selloff has tech recovered": the move named first
    rf"|\bhow\s+much\s+of\s+(?:the|its|their|that|this)\s+(?:[\w'-]+\s+){{0,4}}?"
    rf"(?:{_UNDONE_FALL.format(n='2')}|{_UNDONE_RISE.format(n='2')})\b[^?.!]{{0,40}}?\b{_UNDOING}"
    # "why did the rally fade", "gold's gains fizzled": a rise given back, a fall (a rally that
    # stalled or ran out of steam stopped, and says no fall)
    rf"|\b{_UNDONE_RISE.format(n='3')}\s+(?:\S+\s+){{0,3}}?(?:fad(?:e|es|ed|ing)|fizzl\w*|"
    r"evaporat\w*|unravel\w*)\b",
    re.IGNORECASE,
)


# Whether a move goes on: "is the small cap run still going", "are banks still sliding", "is
# gold's rally over", "has the selloff in chips ended", "is the rebound running out of steam".
# Not "still up this year" (a level against a point, `copilot.understand.relative`), nor a rally
# that faded or fizzled (a rise given back: `UNDID_A_MOVE`).
_A_RUN = (
    r"(?:run|run[\s-]?up|rally|rise|climb|surge|rebound|bounce|advance|uptrend|streak|tear|"
    r"sell[\s-]?off|slide|slump|rout|decline|drop|fall|downtrend|losing\s+streak|winning\s+streak)"
)
_STILL_GOING = re.compile(
    r"\bstill\s+(?:going|running|going\s+strong|alive|intact|happening|on\s+(?:a|the)\s+"
    r"(?:tear|run|roll)|rall\w*|rising|climbing|gaining|advancing|falling|sliding|dropping|"
    r"sinking|slumping|declining|selling\s+off|(?:in|on)\s+(?:a|an|the)\s+(?:up|down)?trend)\b",
    re.IGNORECASE,
)
_OVER = re.compile(
    rf"\b{_A_RUN}\s+(?:[\w'-]+\s+){{0,4}}?(?:over|done|finished|ended|stalled|peaked|"
    r"(?:run|running|ran)\s+out\s+of\s+(?:steam|gas)|(?:lost|losing)\s+steam|"
    r"come\s+to\s+an\s+end|run\s+its\s+course)\b",
    re.IGNORECASE,
)


def run_asked(text: str) -> Literal["on", "over"] | None:
    """Whether the question asks if a move is still going ("is the small cap run still
    going?": "on") or has ended ("is gold's rally over?": "over"), answered from the move
    since the run's last session; None when it asks neither."""
    if _STILL_GOING.search(text):
        return "on"
    return "over" if _OVER.search(text) else None


def undid(text: str) -> Literal["up", "down"] | None:
    """The way a move undone went: up for losses clawed back, down for gains erased."""
    match = UNDID_A_MOVE.search(text)
    if match is None:
        return None
    return "up" if match.group("fall") or match.group("fall2") else "down"


# The time of the undoing itself, right after the market's own move undone: "gave back its
# gains on the first trading day of 2026", "erased all its early gains in the final hour" (not
# "made back its January 20 losses", nor "recovered from the selloff on Jan 20", whose day is
# the selloff's).
_OWN_MOVE = re.compile(r"\b(?:its|their|all|most|some|much|early|earlier|intraday)\b", re.I)
_WHEN_UNDONE = re.compile(
    r"\s+(?:on|during|over|this|last|yesterday|today|that|in\s+(?:the\s+)?(?:final|last|"
    r"first|early|late|closing|opening)|at\s+the\s+(?:open|close|end))\b",
    re.IGNORECASE,
)


def undone_then(text: str) -> bool:
    """Whether the window named is when a move was undone ("why did the s&p give back its
    gains on the first trading day of 2026?": that day's move, a fall), not the move undone."""
    match = UNDID_A_MOVE.search(text)
    if match is None or match.group("fall2") or match.group("rise2"):
        return False
    if not _OWN_MOVE.search(match.group(0)):
        return False
    return _WHEN_UNDONE.match(text, match.end()) is not None


# Where a clause ends or its window begins: "… last week", "…?", "… and why", "… the past month".
CLAUSE_ENDS = (
    r"(?=\s*(?:$|[?!.,;:]|(?:this|last|past|the\s+(?:past|last)|so|in|on|over|during|since|"
    r"from|today|yesterday|ytd|year|month|week|lately|recently|among|and|or|of\s+(?:all|them)|"
    # a window named after the place: "hardest the week before last", "most around christmas"
    r"the\s+(?:week|month|day|session|quarter|first|second|final|previous|prior|holidays?)|"
    r"after|before|around|between|through|across|heading|into|early|mid|late|"
    rf"(?:mon|tues|wednes|thurs|fri)day|{MONTH})"
    r"\b))"
)
# The verbs of a strong move, said of a market with no object: "what tanked on january 20?"
# asks which markets did (a ranking), "what tanked tech" what did it to tech (a cause).
STRONG_MOVES = (
    r"(?:tanked|crashed|plunged|plummeted|cratered|collapsed|tumbled|sank|slumped|fell|dropped|"
    r"sold\s+off|soared|surged|spiked|ripped|mooned|rallied|jumped|popped|rose|climbed|"
    r"crushed|hammered|clobbered|smoked)"
)
# A place in a ranking where its clause ends or its window begins: "fell the most last week",
# "got hit hardest?", "did best this year". Not "the best way", "the worst day" (a way, a day
# ranked) nor "drove the most gains" (the verb's object).
PLACE_ENDING_A_CLAUSE = (
    r"(?:the\s+)?(?:most|least|hardest|best|worst|biggest|largest|furthest|farthest|strongest|"
    r"weakest)" + CLAUSE_ENDS
)
