"""From prose to claims: each figure with the subject it is about, what was measured, over which
window, its signed value and unit, and the sources its sentence cites.

The same reading is applied to the answer and to a source's own text (a tool's line, an
article's excerpt), so a figure is compared with what the source says about the same subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from copilot.claims.months import named_months
from copilot.claims.numbers import Number, find_numbers, on_or_before
from copilot.claims.subjects import NO_SUBJECT, Mention, Subject, mentions, names_a_company
from copilot.claims.windows import CLAUSE_BREAK as _CLAUSE_BREAK
from copilot.claims.windows import StatedWindow, nearest_sessions, stated_windows
from copilot.sentences import opens_a_period, sentence_spans

CITATION = re.compile(r"\s?\[(\d+(?:\s*,\s*\d+)*)\]")
# "Held up" and "kept up" say the move was milder than another's, not its direction: "tech held
# up better with -0.36%" is no rise; "gave up 5%" is a fall (`_DOWN`).
_NOT_A_RISE = "".join(
    f"(?<!{w}\\s)"
    for w in ("held", "hold", "holds", "holding", "kept", "keep", "keeps", "keeping", "gave",
              "give", "gives", "giving", "given")
)  # fmt: skip
_UP = re.compile(
    r"\b(?:r[io]se[sn]?|rising|gain(?:ed|s|ing)?|climb(?:ed|s|ing)?|rall(?:y|ied|ies|ying)|"
    rf"advanc(?:e|ed|es|ing)|jump(?:ed|s|ing)?|increas(?:e|ed|es|ing)|{_NOT_A_RISE}up|higher|added|"
    r"surg(?:e|ed|es|ing)|soar(?:ed|s|ing)?|rebound(?:ed|s)?|positive|beat|outperform\w*|"
    r"spik(?:e|ed|es|ing)|bounc(?:e|ed|es|ing)|upswing)\b",
    re.I,
)
_DOWN = re.compile(
    r"\b(?:fell|fall(?:s|en|ing)?|drop(?:ped|s|ping)?|declin(?:e|ed|es|ing)|down|lost|"
    r"loss(?:es)?|los(?:e|es|ing)|slip(?:ped|s|ping)?|slid(?:e|es)?|sank|sink(?:s|ing)?|"
    r"decreas(?:e|ed|es|ing)|lower|shed|negative|tumbl(?:e|ed|es|ing)|plung(?:e|ed|es|ing)|"
    r"retreat(?:ed|s)?|slump(?:ed|s)?|underperform\w*|below|drawdown|off|lagg(?:ed|ing)|lags?|"
    r"trail(?:ed|ing|s)?|behind|"
    # Gains handed back: "the Russell 2000 gave back 5.48% after its January run" ("erased" and
    # "wiped out" are left: a market erases its losses as often as its gains).
    r"g[ai]v(?:e|es|en|ing)\s+(?:back|up)|surrender(?:ed|s|ing)?|handed\s+back|"
    r"relinquish(?:ed|es|ing)?|"
    # A fall named as a noun: "silver's selloff during January was 17.11%" is a fall.
    r"sell[\s-]?offs?|crash(?:ed|es|ing)?|routs?|pullbacks?|downturns?|dip(?:ped|s)?)\b",
    re.I,
)
SIGNED = frozenset({"%", "bp", "pp", "points"})
DATES = frozenset({"date", "year"})
REACH = 60  # characters searched either side of a figure for its words


@dataclass(frozen=True)
class Claim:
    """One figure in a text and what it says."""

    number: Number
    value: float  # signed by how a reader takes it ("fell 4.4%" is -4.4)
    unit: str
    measure: str | None  # a measure class (see `measure_of`); None when the words do not say
    subject: Subject  # the instrument the figure is about (empty: not named)
    others: frozenset[Subject]  # every instrument named in its sentence
    citations: tuple[int, ...]  # the [n] of its sentence
    dates: tuple[date, ...]  # window dates written in its clause
    month_days: tuple[tuple[int, int], ...]  # the same, for dates written without a year
    sessions: int | None  # a window written as "over the last N sessions" / "N-day"
    sentence: tuple[int, int]
    comparative: bool = False  # "beat … by", "a gap of": a difference, not a level
    named_in_order: tuple[Subject, ...] = ()  # the instruments of its sentence, first named first
    words: frozenset[str] = frozenset()  # content-word stems of its clause (what it is about)
    sentence_words: frozenset[str] = frozenset()  # … and of its whole sentence
    windows: tuple[StatedWindow, ...] = ()  # every window length written for it
    signed: bool = True  # its sign is written (a sign or a direction word), not assumed
    sign_conflict: bool = False  # its sign and its words disagree ("+5% below its average")
    calendar_days: bool = False  # a window's length counted in days, not trading days
    calendar_unit: str = ""  # … or in weeks, months or years ("the past two weeks")
    months: tuple[tuple[int, int], ...] = ()  # months named without a day ("in December")
    sentence_day: date | None = None  # the one day its sentence names, if it names one
    sentence_dates: tuple[date, ...] = ()  # the dates written anywhere in its sentence
    period: bool = False  # its sentence gives it a period longer than a day ("for the week")
    one_day: bool = False  # its sentence names one day and no longer period ("on January 20")
    shared: tuple[Subject, ...] = ()  # the others it is said of ("X and Y both rose 1.2%")
    bound: int = 0  # +1 "over 1%", "at least 2%"; -1 "less than 1%", "under 2%": not a value
    listed: str = ""  # the stem naming the company its clause lists ("marve" of "Marvell … (MRVL)")

    @property
    def is_date(self) -> bool:
        return self.unit in ("date", "year")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    citations: tuple[int, ...]
    mentions: list[Mention] = field(default_factory=list)


def citations_in(text: str) -> tuple[int, ...]:
    found: list[int] = []
    for m in CITATION.finditer(text):
        for n in re.split(r"\s*,\s*", m[1]):
            if int(n) not in found:
                found.append(int(n))
    return tuple(found)


_SOURCE_BEFORE = re.compile(r"\b(?:according to|as|via)\s+$", re.I)
_SOURCE_AFTER = re.compile(r"^\s+(?:reported|reports|said|says|noted|wrote|put it)\b", re.I)
# Only an index provider's name can be a publisher: "banks reported 20% loan growth" names banks.
_PUBLISHER = re.compile(r"(?:nasdaq|s\s?&\s?p|dow|russell|cboe|nyse|ftse|msci|stoxx)\b", re.I)


def _instruments(body: str) -> list[Mention]:
    """The instruments a sentence names, not a publisher that shares a name ("According to
    Nasdaq, …", "Nasdaq reported that …")."""
    return [
        m
        for m in mentions(body)
        if not _PUBLISHER.match(body, m.start)
        or not (_SOURCE_BEFORE.search(body[: m.start]) or _SOURCE_AFTER.match(body[m.end :]))
    ]


def sentences(text: str) -> list[Sentence]:
    found = []
    for start, end in sentence_spans(text):
        body = text[start:end]
        found.append(Sentence(start, end, citations_in(body), _instruments(body)))
    return found


# A company's listing or legal form is part of its name, no clause break: "Marvell Technology
# Inc. (MRVL) rose 3.4% due to strong AI trade momentum" is Marvell's figure (cut at "(", its
# clause was "rose 3.4% due to strong AI trade momentum", which shares no word with the source's
# "The stock price of the AI semiconductor giant was up 3.4%"), "Micron Technology, Inc. (MU)
# jumped 7.8%" Micron's.
_LISTING = re.compile(r"\((?:[A-Z]+:\s*)?[A-Z][A-Z.]{0,5}\)")  # "(MRVL)", "(NASDAQ: MRVL)"
_IN_A_NAME = re.compile(rf"\s*{_LISTING.pattern}|,(?=\s+(?:Inc|Corp|Co|Ltd|plc|LLC)\b)")


def listed_company(clause: str) -> str:
    """The stem of the first content word before the listing a clause names a company by
    ("marve" in "Marvell Technology Inc. (MRVL) rose 3.4%", "goldm" in "The Goldman Sachs
    Group, Inc. (GS)"), "" when it names none that way: a name's first word is its own, the rest
    ("Technology", "Group") are shared by many."""
    listing = _LISTING.search(clause)
    if listing is None:
        return ""
    head = [w for w in _STEM.findall(clause[: listing.start()].lower()) if w not in _COMMON]
    return head[0][:5] if head else ""


def _unbroken_names(text: str) -> str:
    """`text` with its names' listings and legal-form commas blanked (same length)."""
    return _IN_A_NAME.sub(lambda m: " " * len(m.group()), text)


def clause_bounds(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The clause of `text` around [start, end), inside the sentence [lo, hi)."""
    left = _unbroken_names(text[max(lo, start - REACH) : start])
    breaks = list(_CLAUSE_BREAK.finditer(left))
    c_start = max(lo, start - REACH) + (breaks[-1].end() if breaks else 0)
    right = _unbroken_names(text[end : min(hi, end + REACH)])
    after = _CLAUSE_BREAK.search(right)
    c_end = end + (after.start() if after else len(right))
    return c_start, c_end


def direction(text: str, number: Number, lo: int) -> int:
    """+1 or -1: the number's own sign, else the nearest direction word in its clause; 0 when
    neither says (the caller reads an unsigned return as a gain)."""
    if number.text[:1] in "+-\u2212\u2013":
        return -1 if number.value < 0 else 1
    return worded_direction(text, number, lo)


def worded_direction(text: str, number: Number, lo: int) -> int:
    """+1 or -1: the direction word nearest the number in its clause, since the last figure
    ("rose 4.1%", "a 2% drop"); 0 when none says."""
    before = re.split(r"[;,]|\d", text[max(lo, number.start - 40) : number.start])[-1]
    after = re.split(r"[;,.]\s|\d|\[", text[number.end : number.end + 40])[0]
    nearest: tuple[int, int] | None = None  # (distance, sign)
    for pattern, sign in ((_UP, 1), (_DOWN, -1)):
        # Searched in place, so that a word's look-behind ("held up") sees past the cut.
        for m in pattern.finditer(text, number.start - len(before), number.start):
            candidate = (number.start - m.end(), sign)
            nearest = min(nearest, candidate) if nearest else candidate
        for m in pattern.finditer(text, number.end, number.end + len(after)):
            candidate = (m.start() - number.end, sign)
            nearest = min(nearest, candidate) if nearest else candidate
    return nearest[1] if nearest else 0


_ABOVE = re.compile(r"\babove\b", re.I)
_BELOW = re.compile(r"\b(?:below|under|beneath)\b", re.I)


# A distance from a high can only be below it, from a low only above: "2.19% away from its
# high" (was read as +2.19% and cut against the measured -2.19%), "3% short of its record".
_FROM_A_HIGH = re.compile(
    r"\b(?:from|short\s+of|shy\s+of)\s+(?:its|the)\s+(?:[\w-]+\s+){0,2}(?:peaks?|highs?|record|top)\b",
    re.I,
)
_FROM_A_LOW = re.compile(
    r"\b(?:from|off)\s+(?:its|the)\s+(?:[\w-]+\s+){0,2}(?:troughs?|lows?|bottom)\b", re.I
)


def _side(text: str, clause: tuple[int, int], measure: str) -> int:
    """+1 "above", -1 "below" (an average, a peak): the side a distance is on, which binds its
    sign (a number signed the other way contradicts itself); 0 when the clause says neither or
    both. A distance from a peak is below it, from a trough above it, whatever the words."""
    segment = text[clause[0] : clause[1]]
    above, below = bool(_ABOVE.search(segment)), bool(_BELOW.search(segment))
    if measure == "peak_distance" and above == below:
        above, below = bool(_FROM_A_LOW.search(segment)), bool(_FROM_A_HIGH.search(segment))
    return 0 if above == below else (1 if above else -1)


_STREAK = re.compile(r"in a row|straight|consecutive|streak|winning|losing|run\b|through", re.I)
_SESSIONS_AFTER = re.compile(r"^[\s-]*(?:trading[\s-])?(?:sessions?|days?)\b", re.I)
_WINDOW_BEFORE = re.compile(r"(?:last|past|over|in|the)\s+(?:the\s+)?$", re.I)
_SMA = re.compile(r"average|\bsma\b|moving", re.I)
_AVERAGE_MOVE = re.compile(
    r"\b(?:average|mean)\s+(?:daily|weekly|monthly|day's)\s+(?:move|return|change|gain|loss)"
    r"(?:es|s)?\b(?!\s+either)",
    re.I,
)
# A distance from an extreme, in the writer's words or the measure tool's ("distance from peak").
# "4.36% off its record close", "below its all-time high", "off the highs", "gave back 28.56%
# since its January 28 peak" / "of its January peak", "lower than the highest close": a distance.
_PEAK = re.compile(r"(?:\bfrom (?:its|the) (?:[\w-]+ ){0,2}(?:peak|high|record|trough|low)|"
                   r"\b(?:since|of) (?:its|the) (?:[\w-]+ ){0,2}(?:peak|high|record|top)\b|"
                   r"off (?:its|the) (?:[\w-]+\s)?(?:highs?|peak|record|top)|"
                   r"below (?:its|the) (?:[\w-]+ )?(?:peak|highs?|highest|record)|"
                   # "2.19% lower than the highest value of 635.77", "under its peak"
                   r"\b(?:lower|less|under|beneath)\s+(?:than\s+)?(?:its|the)\s+(?:[\w-]+ )?"
                   r"(?:peak|highs?|highest|record|top)|"
                   r"above (?:its|the) (?:[\w-]+ )?(?:trough|lows?)|"
                   r"\bdistance from (?:peak|trough))\b",
                   re.I)  # fmt: skip
_COMPARE = re.compile(
    r"\bbeat\w*|outperform\w*|underperform\w*|outpac\w*|lagg?\w*|trail\w*|\blead\b|\bled\b|"
    r"\bleads\b|gap|spread|"
    r"ahead|behind|more than|less than|difference|margin|edge",
    re.I,
)
_LEVEL = re.compile(r"clos\w* at|close of|\bat \$?$|level|stood|trad\w* at|\(close|\bclose\b",
                    re.I)  # fmt: skip
# "closed above 450", "finished below $60": closes past a line, counted (`days_above`)
_PAST_A_LINE = re.compile(
    r"\b(?:clos\w*|finish\w*|end(?:ed|s)?|settl\w*|stay\w*|stood|held)\s+(?:[a-z]+\s+)?"
    r"(?:above|below|over|under|beneath)\s+\$?\d",
    re.I,
)
# "11 sectors in the red", "3 of 11 fell", "eight of the sectors were up": how many of a set
# moved one way, right after the count (a part of the set or its noun named: "8 up days" is a
# count of sessions). Held to a ranking's own count of those that did (`MOVED_COUNTS`), never
# to the size of the set ranked.
_MOVED_COUNT = re.compile(
    r"^\s*(?:(?P<of>of\s+(?:(?:the|them|those|all)\b\s*)?(?:\d+|[a-z]+)?(?:\s+ranked)?)\s*)?"
    r"(?P<noun>(?:[\w&-]+\s+){0,2}?(?:sectors?|funds?|etfs?|ones|names|assets|markets|"
    r"industries|commodities)\b)?"
    r"(?:\s+(?:have|has|were|are|was|is|had|closed|ended|finished|stayed|remain(?:ed|s)?)){0,2}"
    r"(?:\s+been)?\s*(?:(?P<down>in\s+the\s+red|in\s+negative\s+territory|lower|down|fell|"
    r"declined|dropped|lost|negative|slipped)|(?P<up>in\s+the\s+green|in\s+positive\s+"
    r"territory|higher|up|rose|gained|advanced|positive|climbed))\b",
    re.I,
)
MOVED_COUNTS = frozenset({"fell_count", "rose_count"})


def _moved_count(after: str) -> str | None:
    """'fell_count' / 'rose_count' when the words after a count say how many of a set moved
    that way."""
    match = _MOVED_COUNT.match(after)
    if match is None or not (match["of"] or match["noun"]):
        return None
    return "fell_count" if match["down"] else "rose_count"


_COUNT = re.compile(r"new (?:closing |record )?highs?|record (?:closes|highs)|"
                    r"(?:up|down|positive|negative|winning|losing) (?:days?|weeks?|months?)|"
                    r"sectors?|of the (?:last|past)|times", re.I)  # fmt: skip
_DAILY = re.compile(r"best (?:day|session)|worst (?:day|session)|biggest (?:one-day|daily|"
                    r"single-day)|one-day|single-day|daily (?:gain|drop|move)", re.I)  # fmt: skip


# The size of a day's move, up or down alike: "average daily move either way 1.87%", "a
# typical daily swing of 1.9%", "usually moved about 0.6% in a session", "its absolute daily
# move". Only beside a move's noun or verb: "silver, typically the more volatile, fell 28.54%"
# is a move ("average daily move +0.62%" too: the mean of the signed moves).
_DAILY_SIZE = re.compile(
    r"\beither\s+(?:way|direction)\b|\bin\s+size\b|\babsolute\b|"
    r"\b(?:typical|usual|normal)\s+(?:(?:daily|day's|session's|one-day|day[\s-]to[\s-]day)\s+)?"
    r"(?:swing|move|change)s?\b|"
    r"\b(?:daily|day's|one-day|session's)\s+swings?\b|"
    r"\b(?:typically|usually|normally)\s+(?:moves?|moved|swings?|swung)\b",
    re.I,
)


def _in_days(text: str, number: Number) -> bool:
    """'30 days' (calendar or trading days), not '30 sessions' or '30 trading days'."""
    return bool(re.match(r"[\s-]*days?\b", text[number.end : number.end + 8], re.I))


_ON_A_DAY = re.compile(r"\bon\s+$", re.I)
# "In December, XLE fell 1.14%": the period a sentence opens with is its figures'.
_LEAD_IN = re.compile(r"^\s*(?:in|during|for|over|through(?:out)?|across|last|this)\b[^,;.]{0,40},",
                      re.I)  # fmt: skip


def _lead_in(sentence: str) -> str:
    match = _LEAD_IN.match(sentence)
    return match.group() if match else ""


_CALENDAR_AFTER = re.compile(r"^[\s-]*(weeks?|months?|years?)\b", re.I)


def _calendar_unit(text: str, number: Number) -> str:
    """'weeks' for 'two weeks', 'months' for '3-month': a window counted on the calendar."""
    match = _CALENDAR_AFTER.match(text[number.end : number.end + 10])
    return match.group(1).lower().rstrip("s") + "s" if match else ""


# "The share of sector funds that finished in the green is 14.18%": a part of a group, which no
# measure computes (a fund's own 14.18% return was ✓ for it).
_SHARE_OF_A_GROUP = re.compile(
    r"\b(?:share|proportion|percentage|fraction|percent|portion)\s+of\s+(?:the\s+|all\s+)?"
    r"(?:\d+\s+|\w+\s+)?(?:sectors?|funds?|etfs?|stocks?|names|members|constituents|companies|"
    r"instruments|markets|components)\b",
    re.I,
)
# "XLE's best week this year was +3.15%": a week's move ranked among weeks, held to the weekly
# and monthly measures alone (the best day's +3.15% had made it ✓).
_PERIODIC = re.compile(
    r"\b(?:best|worst|biggest|largest|strongest|weakest)\s+(?:week|month|quarter)s?\b|"
    r"\b(?:best|worst|biggest|largest)\s+(?:weekly|monthly|quarterly)\b",
    re.I,
)
# The measure tool's volatility is the standard deviation of the moves, and is written so.
_VOLATILITY = re.compile(
    # not "its most volatile day", a day's move
    r"volatil(?!e\s+(?:single\s+|trading\s+)?(?:day|session))|standard\s+deviation|"
    r"std\.?\s*dev|\bstdev\b",
    re.I,
)


# "The annualized volatility of IWM over the 20 sessions from … to … was 15.91%": the measure
# is the sentence's subject, further back than a clause reaches; the figure is what it "was".
_VOLATILITY_WAS = re.compile(
    rf"^(?:(?!\b(?:r[io]se|fell|gain\w*|los[st]\w*|drop\w*|return\w*|compared|while|and)\b).)*?"
    rf"(?:{_VOLATILITY.pattern})"
    # no move named between them ("volatility, IWM's return … was"); its daily moves are its
    r"(?:(?!(?<!daily\s)\b(?:returns?|gains?|loss(?:es)?|moves?|rise|fall|drop|change|declines?)"
    r"\b)[^.;])*"
    r"\b(?:was|is|of|at|came\s+to|stood\s+at)\s*$",
    re.I,
)


def _named_volatility(before: str) -> bool:
    return bool(_VOLATILITY_WAS.search(before))


# A measure that is no move, shared by the figures of a list: the compare tool's "annualized
# volatility 24.42% in December 2025 (…), 31.52% in 2026-01-01 to 2026-01-30 (…)".
_LISTED_MEASURES = frozenset(
    {"volatility", "drawdown", "peak_distance", "sma_distance", "daily_size"}
)
_MOVE_WORD = re.compile(
    r"\b(?:returns?|gain\w*|loss\w*|los[te]|move[ds]?|chang\w*|r[io]se|f[ae]ll|climb\w*|"
    r"drop\w*|slid|declin\w*|jump\w*|up|down|higher|lower)\b",
    re.I,
)


_COUNTED_MOVES = re.compile(r"\b\d+\s+(?:daily\s+|weekly\s+|monthly\s+)?moves\b", re.I)


def _listed_after(text: str, listed: tuple[str | None, int, str], number: Number) -> bool:
    """Whether `number` is the next of a list of figures of the last figure's measure (one that
    is no move, in the same unit): only dates, periods and a comma between them, no move word.
    The second figure had fallen to a move, and no move being stated, was cut."""
    measure, end, unit = listed
    if measure not in _LISTED_MEASURES or unit != number.unit:
        return False
    between = _COUNTED_MOVES.sub(" ", text[end : number.start])  # "(…, 10 moves)": a length
    return "," in between and _MOVE_WORD.search(between) is None and ";" not in between


# "max drawdown", "peak-to-trough", "silver's maximum drop over the past two weeks" (as the
# understanding layer reads the question: a maximum taken inside the window; "its maximum
# one-day drop" is a day's move, and does not match).
_DRAWDOWN_WORDS = re.compile(
    r"drawdown|peak-to-trough|\bmax(?:imum)?\s+(?:drop|decline|fall|loss|dip)s?\b", re.I
)


# "-8.81 vs IEF", "8.81 below IEF": a level's difference from another's, right after the figure
_AGAINST_ANOTHER = re.compile(
    r"\s*(?:vs\.?|versus|below|above|under|over|(?:higher|lower|more|less)\s+than)\s+(?:the\s+)?"
    r"[A-Z]",
)


# "fell 1.25 points, or 2.18%", "rose 2.06% (143.15 points)": one move said again in another
# unit, which takes the sign of the first.
_OR_IN_ANOTHER_UNIT = re.compile(r"\s*(?:,\s*)?(?:or\s+|\()(?:about\s+|roughly\s+|nearly\s+)?$")


def _in_another_unit(text: str, before: tuple[int, int, str], number: Number) -> bool:
    end, sign, unit = before
    return (
        bool(sign) and unit != number.unit and number.unit in SIGNED
        and number.text[:1] not in "+-\u2212\u2013"
        and _OR_IN_ANOTHER_UNIT.fullmatch(text[end : number.start]) is not None
    )  # fmt: skip


def _gap_side(text: str, end: int) -> int:
    """-1 for "… below / under / lower than / less than" another, +1 for above, else 0."""
    match = _AGAINST_ANOTHER.match(text, end)
    if match is None or re.match(r"\s*(?:vs|versus)", match.group(), re.I):
        return 0
    return -1 if re.match(r"\s*(?:below|under|lower|less)", match.group(), re.I) else 1


def measure_of(text: str, number: Number, clause: tuple[int, int]) -> tuple[str | None, bool]:
    """(measure class, comparative) from the words around `number` in its clause.

    Classes: move, daily_extreme, daily_size, sma_distance, peak_distance, drawdown,
    volatility, level, streak, window, rank, count, diff."""
    before = text[clause[0] : number.start]
    after = text[number.end : clause[1]]
    around = before + " " + after
    comparative = bool(_COMPARE.search(around))
    unit = number.unit
    if unit == "rank":
        return "rank", False
    if unit in ("count",):
        tail = text[number.end : number.end + 30]
        hyphen = tail.startswith("-")
        if _CALENDAR_AFTER.match(tail) and (hyphen or _WINDOW_BEFORE.search(before)):
            return "window", False  # "over the past two weeks": its figures' window, not a count
        if days := _SESSIONS_AFTER.match(tail):
            if _SMA.search(tail[:40]):
                return "window", False  # "200-day average"
            # "gold closed above 450 in 6 sessions", "TLT: 20 sessions closed below 87": a
            # count of closes past a line, not the window's length
            counted_in = _PAST_A_LINE.search(before) and re.search(r"\b(?:on|in|for)\s*$", before)
            if counted_in or _PAST_A_LINE.match(text[number.end + days.end() :].lstrip()):
                return "count", False
            if _STREAK.search(around):
                return "streak", False
            if hyphen or _WINDOW_BEFORE.search(before):
                return "window", False
            return "streak" if comparative else None, False
        if re.match(r"\s+of\b", tail) and re.search(r"ranked|rank|place", before, re.I):
            return "rank", False
        if re.search(r"\b(?:of|among)\s+(?:the|all)\s*$", before, re.I):
            return "count", False  # "ranked lowest among the 4 metal ETFs": the group's size
        if not re.search(r"\bof\s*$", before, re.I) and (moved := _moved_count(after)):
            return moved, False  # "3 sectors fell" (not "of 11 sectors fell": the set's size)
        if re.search(r"ranked|rank\b|\bof\s*$|No\.\s*$|#\s*$", before, re.I):
            return ("rank" if not re.search(r"\bof\s*$", before) else "count"), False
        if _COUNT.search(around):
            return "count", False
        return None, False
    if unit == "pp" or (unit == "points" and comparative):
        return "diff", True
    if unit in ("points", "bp") and _DAILY_SIZE.search(around):
        return "daily_size", False  # "VIX: average daily move either way 1.25 points"
    if unit == "points" and _DAILY.search(around):
        return "daily_extreme", False  # "oil's biggest one-day drop was -6.36 points"
    if unit in ("%", "pp"):
        if _SHARE_OF_A_GROUP.search(before):
            return "share", False  # what part of a group, not any one instrument's move
        if _PERIODIC.search(before[-60:]):
            return "periodic", False  # "its best week": a week's move, ranked among weeks
        if _VOLATILITY.search(around):
            return "volatility", False
        if _DAILY_SIZE.search(around):
            return "daily_size", False
        if _DRAWDOWN_WORDS.search(around):
            return "drawdown", False
        if _PEAK.search(around):
            return "peak_distance", False
        if re.search(r"\baverage\s+(?:level\s+)?(?:of|was)\s*$", before, re.I):
            return "level", False  # "below its average of 4.26%": the average, a rate's level
        if _AVERAGE_MOVE.search(before[-40:]):
            return "move", comparative  # "average daily move +0.62%": a mean of moves, no SMA
        if _SMA.search(after) or _SMA.search(before[-30:]):
            return "sma_distance", False
        if _DAILY.search(around):
            return "daily_extreme", False
        if comparative and re.search(r"\bby\s*$|gap of\s*$|lead of\s*$|margin of\s*$", before):
            return "diff", True
        if re.search(r"yield\w* (?:of|at|stood)|\b(?:at|to)\s*$", before, re.I):
            return "level", False
        return "move", comparative
    if unit == "bp":
        if _VOLATILITY.search(around):  # a yield's volatility: its changes' spread, in bp
            return "volatility", False
        return ("diff" if comparative and re.search(r"spread|gap", around, re.I) else "move"), False
    if unit in ("$", "level"):
        # "TLT: close 87.13 …; -8.81 vs IEF", "the spread between them was 8.81": a difference
        # of two levels, held to the tool's difference (it was held to TLT's close, ✗)
        if _AGAINST_ANOTHER.match(text, number.end) or (
            comparative and re.search(r"spread|gap|difference|\bby\s*$", before[-40:], re.I)
        ):
            return "diff", True
        return "level", False
    return None, False


_BETWEEN_AND = re.compile(r"\bbetween\s+[^,;:()]{1,40}?\s+and\s*$", re.I)
_BETWEEN_REACH = 60


def _window(
    text: str, clause: tuple[int, int], as_of: date | None, dates: list[Number]
) -> tuple[tuple[date, ...], tuple[tuple[int, int], ...]]:
    """The dates written in the figure's clause (its window's ends, or its day)."""
    days: list[date] = []
    month_days: list[tuple[int, int]] = []
    # "between 2025-12-24 and 2026-01-05 SPY fell": the clause breaks at "and", the span's first
    # end is before it
    joined = _BETWEEN_AND.search(text, max(0, clause[0] - _BETWEEN_REACH), clause[0])
    first = joined.start() if joined else clause[0]
    for found in dates:
        if not first <= found.start < clause[1]:
            continue
        if re.search(r"as of\s*$", text[max(0, found.start - 8) : found.start], re.I):
            continue  # "as of January 23": when the question is asked, not the window
        day = found.day or (on_or_before(found, as_of) if as_of else None)
        if as_of is not None and day == as_of and found.day is None:
            continue
        if day is not None:
            days.append(day)
        elif found.month_day is not None:
            month_days.append(found.month_day)
    return tuple(days), tuple(month_days)


_STEM = re.compile(r"[a-z][a-z&'-]{2,}")
_COMMON_WORDS = (
    "the and for its was were are has had that this with from over since than into while "
    "rose fell gained lost climbed slid declined advanced dropped jumped higher lower down "
    "rallied rally rallies surged soared slumped tumbled plunged slipped sank gain gains rebounded "
    "percent points basis session sessions day days week weeks month year per cent about also "
    # a legal form names no company of its own ("Broadcom Inc." and "Micron Technology, Inc.")
    "inc corp corporation ltd plc llc incorporated limited"
)
_COMMON = frozenset(_COMMON_WORDS.split())


def clause_words(text: str) -> frozenset[str]:
    """5-letter stems of the content words of a clause: what a figure is about when no
    instrument is named ("existing home sales", "EPS growth")."""
    return frozenset(w[:5] for w in _STEM.findall(CITATION.sub(" ", text.lower()))
                     if w not in _COMMON)  # fmt: skip


def extract_claims(
    text: str, as_of: date | None = None, source_subjects: dict[int, Subject] | None = None
) -> list[Claim]:
    """Every figure of `text` as a claim (dates and years included, as date claims).

    `source_subjects` maps a source to the one instrument it is about: a figure whose clause
    names no instrument but cites such a source ("IWM returned 9.60% [1] against 1.04% [2]")
    is about that source's instrument."""
    claims: list[Claim] = []
    numbers = find_numbers(text)
    dates = [n for n in numbers if n.unit == "date"]
    previous = 0  # where the sentence before starts
    for sentence in sentences(text):
        lo, hi = sentence.start, sentence.end
        others = frozenset(m.subject for m in sentence.mentions)
        in_order = tuple(dict.fromkeys(m.subject for m in sentence.mentions))
        figures = [n.start for n in numbers if lo <= n.start < hi and n.unit not in DATES]
        respective = _respectively(text, sentence, figures)
        period = over_a_period(text, lo, hi, previous)
        one_day = len({n.day or n.month_day for n in dates if lo <= n.start < hi}) == 1
        # the day a sentence puts its figure on ("was on January 30"; not "as of January 30")
        days_named = {n.day for n in dates if lo <= n.start < hi and n.day is not None
                      and _ON_A_DAY.search(text[max(lo, n.start - 4) : n.start])}  # fmt: skip
        sentence_day = next(iter(days_named)) if one_day and len(days_named) == 1 else None
        carried = 0  # the sign a list of figures "…, respectively" shares
        restated: tuple[int, int, str] = (lo, 0, "")  # the last figure's end, sign and unit
        listed: tuple[str | None, int, str] = (None, lo, "")  # the last figure's measure, end, unit
        for number in (n for n in numbers if lo <= n.start < hi):
            clause = clause_bounds(text, number.start, number.end, lo, hi)
            measure, comparative = measure_of(text, number, clause)
            if measure == "move" and _named_volatility(text[lo : number.start]):
                measure = "volatility"  # "the annualized standard deviation of IWM … was 15.91%"
            if measure == "move" and not comparative and _listed_after(text, listed, number):
                measure = listed[0]  # "volatility 24.42% in December (…), 31.52% in January"
            if number.unit not in DATES and number.unit != "count":  # "(…, 10 moves)" between
                listed = (measure, number.end, number.unit)
            sized = attributive(text, number)  # sizes the noun after it, not the instrument
            sign = direction(text, number, lo) if number.unit in SIGNED and not sized else 1
            if number.start in respective:  # "lost 0.4% and 0.7%, respectively": one verb
                sign = sign or carried
                carried = sign
            if not sign and _in_another_unit(text, restated, number):
                sign = restated[1]  # "fell 143.15 points, or 2.06%": the same move
            if number.unit in SIGNED:
                restated = (number.end, sign, number.unit)
            side = (
                _side(text, clause, measure) if measure in ("sma_distance", "peak_distance") else 0
            )
            own_sign = number.text[:1] in "+-\u2212\u2013"
            conflict = bool(side and own_sign and side != sign)
            if own_sign and not side and number.unit in SIGNED and not sized:
                # "gained -0.22%", "fell +1.3%": the word and the sign disagree, so the
                # sentence states no move a source can have (the sign alone matching is not
                # enough for a check mark).
                worded = worded_direction(text, number, lo)
                conflict = bool(worded and worded != sign)
            sign = side or sign
            value = (sign or 1) * abs(number.value) if number.unit in SIGNED else number.value
            if measure == "diff" and number.unit not in SIGNED:  # a gap between two levels
                gap = _gap_side(text, number.end)  # "8.81 below IEF": -8.81
                value = gap * abs(number.value) if gap and not own_sign else value
                sign = gap or (1 if own_sign else 0)  # signed only as written
            days, month_days = _window(text, clause, as_of, dates)
            sentence_dates, _ = _window(text, (lo, hi), as_of, dates)
            figure = (number.start, number.end)
            windows = (  # a window's length has none of its own
                () if measure == "window"
                else stated_windows(text, clause, figure, (lo, hi), figures)
            )  # fmt: skip
            if measure == "daily_extreme":  # "its biggest one-day drop": the extreme's own
                windows = tuple(w for w in windows if w.length != 1)  # day, not its window
            unit = "rank" if measure == "rank" else number.unit  # "ranked #10", "No. 3"
            # A figure followed by its own [n] in its clause is checked against that source
            # ("IWM gained 9.60% [2], against 1.04% for SPY [3]"), else against the sentence's.
            after = CITATION.match(text, clause[1])
            own = citations_in(text[clause[0] : clause[1]] + (after.group() if after else ""))
            subject = (
                respective.get(number.start)
                or _cited_subject(text, clause, source_subjects, sentence.citations)
                or _subject(sentence.mentions, number, clause, lo, text)
            )
            shared = (  # a move or gap said of several ("X and Y both rose 1.2%")
                _said_of_each(sentence, number, clause, figures, text)
                if number.unit in SIGNED and not respective else ()
            )  # fmt: skip
            if sized:
                subject, measure, shared = NO_SUBJECT, None, ()
            claims.append(
                Claim(
                    number=number, value=value, unit=unit, measure=measure,
                    subject=subject,
                    others=others, citations=own or sentence.citations, dates=days,
                    month_days=month_days, sentence=(lo, hi),
                    sessions=nearest_sessions(windows, number.start), windows=windows,
                    signed=sign != 0, sign_conflict=conflict,
                    calendar_days=measure == "window" and _in_days(text, number),
                    calendar_unit=_calendar_unit(text, number) if measure == "window" else "",
                    months=named_months(text[clause[0] : clause[1]], as_of)
                    or named_months(_lead_in(text[lo:hi]), as_of),
                    period=period, one_day=one_day and not period, sentence_day=sentence_day,
                    sentence_dates=sentence_dates,
                    comparative=comparative, named_in_order=in_order,
                    words=clause_words(text[clause[0] : clause[1]]),
                    listed=listed_company(text[clause[0] : number.start]),
                    sentence_words=clause_words(text[lo:hi]),
                    shared=tuple(other for other in shared if other != subject),
                    # "over 15 sessions" is a window's length, not a bound
                    bound=_bound(text[max(lo, number.start - 24) : number.start])
                    if number.unit in SIGNED else 0,
                )
            )  # fmt: skip
        previous = lo
    return claims


# A period longer than a day that a sentence gives its figures: "for the week", "weekly", "last
# month", "year to date". An article's "For the week, the Dow lost 0.3%. The S&P 500 and the
# Nasdaq lost 0.4% and 0.7%, respectively." gives the second sentence's figures the week too.
_PERIOD = re.compile(
    r"\b(?:for|on|over|during|in|across)\s+the\s+(?:(?:past|last|holiday-shortened|shortened|"
    r"full|whole|entire)\s+)?(?:week|month|quarter|year)\b|"
    r"\b(?:last|this|past|previous|prior)\s+(?:week|month|quarter|year)\b|"
    r"\b(?:weekly|monthly|quarterly|annual|annually)\b|"
    r"\byear[-\s]to[-\s]date\b|\bytd\b|\bso\s+far\s+(?:this|in)\s+\w+",
    re.I,
)


def _respectively(text: str, sentence: Sentence, figures: list[int]) -> dict[int, Subject]:
    """ "The S&P 500 and the Nasdaq lost 0.4% and 0.7%, respectively": each figure's instrument,
    in the order named (was the nearest before each: both the Nasdaq's)."""
    lo, hi = sentence.start, sentence.end
    if "respectively" not in text[lo:hi].lower() or not sentence.mentions:
        return {}
    # The list of figures follows the list of names: a count before the names ("over the past
    # two weeks, …") is no part of it.
    figures = [f for f in figures if f > sentence.mentions[0].start + lo]
    if len(figures) < 2:
        return {}
    named = list(dict.fromkeys(m.subject for m in sentence.mentions if m.start + lo < figures[0]))
    return dict(zip(figures, named, strict=True)) if len(named) == len(figures) else {}


# Names joined into one subject: "The S&P 500 and Nasdaq 100 both rose", "The S&P 500, the Dow
# and the Nasdaq each rose".
_NEXT_FIGURE = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)[+\-\u2212]?\$?\d")
_JOINED = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*|as\s+well\s+as\s+)(?:the\s+)?$", re.I)


def _said_of_each(sentence: Sentence, number: Number, clause: tuple[int, int],
                  figures: list[int], text: str) -> tuple[Subject, ...]:  # fmt: skip
    """The instruments a figure is said of together: names joined by "and" (or commas) right
    before the figure's verb, with no other figure in the clause ("The S&P 500 and Nasdaq 100
    both rose by 1.2% on Friday" says 1.2% of each; checked against the Nasdaq's 1.2% alone it
    was ✓ though the S&P 500 rose 0.9%)."""
    lo = sentence.start
    before = [m for m in sentence.mentions if m.start + lo < number.start]
    if (not before or before[-1].start + lo < clause[0]
            or any(f != number.start and clause[0] <= f < clause[1] for f in figures)):  # fmt: skip
        return ()
    joined = [before[-1]]
    for m in reversed(before[:-1]):
        if not _JOINED.fullmatch(" " + text[m.end + lo : joined[0].start + lo]):
            break
        joined.insert(0, m)
    # A list of figures for the list of names ("returned 5.05% and 0.18%") gives each its own.
    if any(joined[0].start + lo <= f < number.start for f in figures) or _NEXT_FIGURE.match(
        text, number.end
    ):
        return ()
    # Only the verb and its words lie between the last name and the figure ("… both rose by").
    if len(joined) < 2 or re.search(r"[,;(]|\b(?:than|vs|versus|while|but)\b",
                                    text[joined[-1].end + lo : number.start], re.I):  # fmt: skip
        return ()
    return tuple(dict.fromkeys(m.subject for m in joined))


# A figure written as a bound: "gained over 1%" claims more than 1%, and a +0.61% rounds to 1%
# but is no "over 1%" (it was ✓).
_AT_LEAST = re.compile(
    r"\b(?:over|more\s+than|greater\s+than|higher\s+than|above|at\s+least|"
    r"upwards\s+of|in\s+excess\s+of|north\s+of)\s+[+\-\u2212$]?$",
    re.I,
)
_AT_MOST = re.compile(
    r"\b(?:under|less\s+than|fewer\s+than|lower\s+than|below|at\s+most|"
    r"no\s+more\s+than|shy\s+of)\s+[+\-\u2212$]?$",
    re.I,
)


def _bound(before: str) -> int:
    """+1 when the words right before a figure make it a lower bound, -1 an upper one, else 0."""
    return 1 if _AT_LEAST.search(before) else -1 if _AT_MOST.search(before) else 0


def period_sentences(text: str) -> frozenset[str]:
    """The sentences of `text` (as `sentence_key`s) that give their figures a period longer
    than a day: an article's excerpt can leave out the "For the week, …" before its figures."""
    found: set[str] = set()
    previous = 0
    for lo, hi in sentence_spans(text):
        if over_a_period(text, lo, hi, previous):
            found.add(sentence_key(text[lo:hi]))
        previous = lo
    return frozenset(found)


def sentence_key(sentence: str) -> str:
    """A sentence compared without its spacing or an excerpt's elision marks."""
    return " ".join(sentence.replace("…", " ").split())


def over_a_period(text: str, lo: int, hi: int, previous: int) -> bool:
    """Whether the sentence text[lo:hi] gives its figures a period longer than a day, or the
    sentence before it (from `previous`) opens with one."""
    return bool(_PERIOD.search(text, lo, hi)) or (
        previous < lo and opens_a_period(text[previous:lo])
    )


# "a 25% capex increase", "Eli Lilly's $1 billion biotech deal", "a 10% cap on card rates": a
# figure between a determiner and a noun sizes that noun, not the move of the sentence's
# instrument ("Small caps rallied on TSMC's 25% capex increase" says nothing of small caps'
# return). "A 9.6% gain" is still a move: the noun after it is one.
_DETERMINER = re.compile(
    r"(?:\b(?:a|an|its|their|his|her)|['’]s)(?:\s+[a-z]+ly)?(?:\s+(?:proposed|planned|"
    r"new|record|reported|expected|projected|forecast))?\s*$",
    re.I,
)  # "a 10% cap", "a proposed 10% cap", "a roughly $1 billion deal"
_WORD_AFTER = re.compile(r"(?:[\s-]+(?:daily|weekly|monthly|annual|annualized|one-day|"
                         r"single-day|overall|total|cumulative|intraday))*[\s-]+([a-z][a-z-]*)",
                         re.I)  # fmt: skip
_MOVE_NOUNS = frozenset({
    "gain", "gains", "rise", "rally", "jump", "surge", "increase", "advance", "return", "drop",
    "decline", "fall", "loss", "slide", "slump", "plunge", "tumble", "climb", "move", "swing",
    "selloff", "sell-off", "pullback", "rebound", "bounce", "drawdown", "correction",
    "of", "in", "on", "to", "from", "for", "and", "or",
})  # fmt: skip


def attributive(text: str, number: Number) -> bool:
    """The % or $ figure sizes the noun that follows it, after a determiner ("a 10% cap")."""
    if number.unit not in ("%", "$") or not _DETERMINER.search(text[: number.start]):
        return False
    after = _WORD_AFTER.match(text, number.end)
    return after is not None and after.group(1).lower() not in _MOVE_NOUNS


def _cited_subject(
    text: str, clause: tuple[int, int], by_source: dict[int, Subject] | None,
    sentence_cites: tuple[int, ...],
) -> Subject:  # fmt: skip
    """The instrument of the one-instrument source cited in the figure's clause, when the
    clause names none itself; or cited in its sentence, when the clause names only what it is
    compared with ("… the longest run of sessions beating SPY 14 sessions (2026-01-02 to
    2026-01-22) [2]")."""
    if not by_source:
        return NO_SUBJECT
    segment = text[clause[0] : clause[1] + 8]
    # "Broadcom Inc. rose 3.4% [1]", "Broadcom Inc. (AVGO) rose 3.4% [1]" (the clause opens
    # after the ticker's parenthesis): the company's figure, not the wrap's index's
    if names_a_company(text[clause[0] : clause[1]], text[max(0, clause[0] - 24) : clause[0]]):
        return NO_SUBJECT
    named = mentions(text[clause[0] : clause[1]])
    if any(not _compared_with(text, clause[0] + m.start, clause[0] + m.end) for m in named):
        return NO_SUBJECT
    cited = citations_in(segment) or (sentence_cites if named else ())
    found = {by_source[n] for n in cited if n in by_source}
    return found.pop() if len(found) == 1 and len(cited) == 1 else NO_SUBJECT


def _subject(found: list[Mention], number: Number, clause: tuple[int, int], lo: int,
             text: str) -> Subject:  # fmt: skip
    """The instrument nearest before the figure in its clause ("X beat Y …": X), else after it
    in the clause, else the sentence's first (its grammatical subject, usually); none when the
    sentence names none."""
    local = [(m.start + lo, m.end + lo, m) for m in found]
    before = [(s, e, m) for s, e, m in local if clause[0] <= s < number.start]
    if len(before) >= 2 and _COMPARE.search(text[before[-2][1] : before[-1][0]]):
        return before[-2][2].subject
    if before:
        return before[-1][2].subject
    after = [m for s, _, m in local if number.end <= s < clause[1]]
    if after:
        return after[0].subject
    # Earlier in the sentence: the nearest instrument that is not the object of a comparison
    # ("IWM beat SPY 14 sessions, up 8.3%": IWM is up 8.3%).
    for s, _, m in reversed([item for item in local if item[0] < number.start]):
        if not _OBJECT.search(text[max(lo, s - 25) : s]):
            return m.subject
    return NO_SUBJECT  # an instrument named only after the figure, in another clause


_OBJECT = re.compile(r"(?:beat\w*|outperform\w*|outpac\w*|topp\w*|than|versus|vs\.?|led|"
                     r"ahead\s+of|against|over|behind|trail\w*|lagg\w*)\s+(?:the\s+)?$",
                     re.I)  # fmt: skip
_POSSESSIVE = re.compile(r"['’]s\b")


def _compared_with(text: str, start: int, end: int) -> bool:
    """The instrument at text[start:end] is what a comparison is made against ("… beating SPY
    14 sessions": the run is IWM's, cited to IWM's streak), not the figure's subject; "than
    SPY's 1.07%" still owns its figure."""
    return bool(_OBJECT.search(text[max(0, start - 25) : start])) and not _POSSESSIVE.match(
        text, end
    )
