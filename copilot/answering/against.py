"""A drafted reason that says a measured instrument moved the other way, with no figure to check.

The figure check binds numbers; "The S&P 500 and Nasdaq both rose on December 17" carries none,
and was shown as a reason under a measured SPY −1.10% on that day. Here a reason sentence is
held to the moves the answer measured: it must not say an instrument rose (fell) over a window
in which its measured return fell (rose). Only the instrument's own verb counts ("the S&P 500
… rose", within a few words of its name, or a noun of the move just before it: "the jump in
XRT"), and only when the sentence gives no verb the other
way ("fell early, then rallied") and dates it inside the window or not at all. An undated one is
offered as the reason for the measured move, so it is held to it: "The stock market rebounded
after the tariffs were called off" under the S&P 500's fall on January 20 is the next day's news,
and "Silver prices slumped 8.7% …" under silver's late-December rise another week's (both were
shown as reasons).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date

from copilot.claims.cause_ways import cause_of_the_other_way, said_way
from copilot.claims.numbers import find_dates, on_or_before
from copilot.claims.reasons import WHOLE_MARKET
from copilot.facts import Fact
from copilot.market.symbols import is_yield, lookup
from copilot.news.evidence_terms import Direction, Entity, entity_for, mentions, opposite
from copilot.news.lexical import tokens
from copilot.sentences import sentence_spans
from copilot.sources import NewsSource

_VERBS = {
    "up": ("rose", "rise", "rises", "rising", "rallied", "rally", "rallies", "rallying",
           "gained", "gains", "gaining", "climbed", "climbs", "climbing", "jumped", "jumps",
           "jumping", "surged", "surges", "surging", "soared", "soars", "soaring", "advanced",
           "advances", "advancing", "rebounded", "rebounds", "rebounding", "popped", "higher",
           "spiked", "spikes", "spiking", "skyrocketed", "skyrockets", "skyrocketing"),
    "down": ("fell", "fall", "falls", "falling", "dropped", "drops", "dropping", "slid", "slides",
             "sliding", "slumped", "slumps", "slumping", "tumbled", "tumbles", "tumbling",
             "declined", "declines", "declining", "plunged", "plunges", "plunging", "sank",
             "sinks", "sinking", "slipped", "slips", "slipping", "lost", "losing", "lower",
             "eased", "eases", "easing", "retreated", "retreats", "retreating", "plummeted",
             "plummets", "plummeting", "tanked", "tanks", "tanking", "crashed", "crashes",
             "crashing", "dipped", "dipping"),
}  # fmt: skip
# A move told as a noun before its instrument: "the significant jump in XRT", "a drop of oil".
_NOUNS = {
    "up": ("jump", "rise", "rally", "gain", "gains", "surge", "climb", "rebound", "advance",
           "spike"),
    "down": ("drop", "fall", "decline", "slide", "slump", "plunge", "loss", "losses", "selloff",
             "retreat", "rout"),
}  # fmt: skip
# A move told by what caused it, just before its instrument: "… guidance boosted chip stocks",
# "tariff fears hit banks", "worries weighed on tech".
_PUSHED = {
    "up": ("boosted", "boosts", "boosting", "lifted", "lifts", "lifting", "buoyed", "buoys",
           "propelled", "propels", "fueled", "fuelled", "spiked", "spikes", "spiking"),
    "down": ("hit", "hits", "hurt", "hurts", "pressured", "pressures", "hammered", "battered",
             "knocked", "weighed", "weighs", "weighing", "dragged", "drags"),
}  # fmt: skip
# A verb that moves what it names the way of the word beside it: "pushed up oil prices",
# "sent Treasuries down", "dragged down bank stocks".
_PUSH = frozenset({"pushed", "pushes", "pushing", "drove", "drives", "driving", "sent", "sends",
                   "sending", "pulled", "pulls", "pulling", "dragged", "drags", "dragging",
                   "knocked", "knocks", "knocking", "bid", "bidding"})  # fmt: skip
# Words between a name and the noun of its move that only qualify it: "tech-led market sell-off".
_QUALIFIERS = frozenset({"led", "market", "markets", "stock", "stocks", "sector", "shares",
                         "wide", "heavy"})  # fmt: skip
_NEAR = 6  # words between the instrument's name and its verb ("the S&P 500 and Nasdaq both rose")
# Names too generic to bind a verb to one instrument: "tech stocks rose" is not the S&P 500.
_GENERIC = frozenset({"stocks", "shares", "equities", "market", "markets", "index"})
_YIELDS = frozenset({"yield", "yields", "rate", "rates"})


# Treasury funds: their price moves against Treasury yields, whichever tenor the news names.
_TREASURY_FUNDS = frozenset({"TLT", "IEF", "AGG", "TIP"})
# "Treasury yields", "the 10-year Treasury bond yield", "the 30-year yield", "bond yields",
# "yields on the 10-year": how the news names the yields a Treasury fund's price mirrors.
_TREASURY_YIELD = re.compile(
    r"\b(?:treasury|treasuries|bond|government\s+bond|benchmark|\d{1,2}[-\s]year)"
    r"(?:\s+(?:treasury|bond|note|government\s+bond))*\s+yields?\b"
    r"|\byields?\s+on\s+(?:the\s+)?(?:\d{1,2}[-\s]year|treasur\w+|government\s+bonds?|bonds?)\b",
    re.IGNORECASE,
)


# A bond's move told in basis points is its yield's: "The 10-year bond rose 5 basis points to
# just under 4.2 percent" (drafted under long bonds' measured rise from a wrap that goes on
# "Treasuries declined as well").
_BOND_IN_BASIS_POINTS = re.compile(
    r"\b(?:\d{1,2}[-\s]year|treasur(?:y|ies)|(?:government\s+)?bonds?|notes?)"
    r"(?:\s+(?:treasury|bond|note))*\s+(?P<verb>[a-z]+)\s+(?:by\s+)?(?:about\s+|nearly\s+|some\s+)?"
    r"\d+(?:\.\d+)?\s*(?:basis\s+points?|bps?)\b",
    re.IGNORECASE,
)


def contradicts_a_move(sentence: str, facts: Iterable[Fact], as_of: date) -> Fact | None:
    """The measured return `sentence` says went the other way, or None."""
    words = tokens(sentence)
    yields_way = _treasury_yields_way(sentence)
    for fact in facts:
        if fact.measure != "return" or fact.value == 0 or fact.end is None:
            continue
        start = fact.start or fact.end  # no start: a one-day window
        measured: Direction = "up" if fact.value > 0 else "down"
        # "The 10-year Treasury yield rose on January 9" under long bonds' measured rise: the
        # yields' verb is the price's the other way.
        if (fact.subject in _TREASURY_FUNDS and yields_way == measured
                and not _dated_elsewhere(sentence, start, fact.end, as_of)):  # fmt: skip
            return fact
        if any(word in _VERBS[measured] for word in words):
            continue  # both ways in one sentence: not a plain claim about the move
        if _says_it_went(words, fact.subject, opposite(measured)) and not _dated_elsewhere(
            sentence, start, fact.end, as_of
        ):
            return fact
    return None


# A sentence that supposes rather than reports: "a rise in bond yields if investors worry".
_SUPPOSED = re.compile(r"\b(?:if|unless|whether|could|would|might|may)\b", re.IGNORECASE)


# The stock market as a whole, named as what moved: "US stocks climbed", "Wall Street rallied",
# "the broader market slid", "the S&P 500 and the Nasdaq rose" (not "tech stocks": a sector).
_THE_MARKET = re.compile(
    r"(?:^\W*|\b(?:u\.?s\.?|american|global|world|major)\s+)(?:stocks|equities|shares)\b"
    r"|\bwall\s+street\b|\bthe\s+(?:broader\s+|overall\s+|wider\s+|stock\s+)?market\b"
    r"|\b(?:the\s+)?s&p(?:\s*500)?\b|\bthe\s+dow\b|\bthe\s+nasdaq\b",
    re.IGNORECASE,
)


def measured_way(about: Sequence[str], facts: Iterable[Fact]) -> Direction | None:
    """The measured way of the market named by an article's `about` words (its first measured
    return's sign); None when none was measured."""
    own = {info.symbol for word in about if (info := lookup(word)) is not None}
    moves = [f.value for f in facts if f.subject in own and f.measure == "return" and f.value]
    return None if not moves else "up" if moves[0] > 0 else "down"


def cause_told_the_other_way(sentence: str, source: NewsSource, facts: Iterable[Fact]) -> bool:
    """Whether a reason that says no way of its own ("The move was triggered by …") gives a
    cause its article ties only to a move the other way from the measured one of the market
    it was read for (`cause_of_the_other_way`, the measured way standing for the reason's).
    A reason that says its way is held to it by the answer's reason check."""
    way = measured_way(source.about, facts)
    if way is None or said_way(sentence) is not None:
        return False
    return cause_of_the_other_way(sentence, source.excerpt or source.text, way) is not None


def backdrop_the_other_way(sentence: str, about: Sequence[str], facts: Iterable[Fact]) -> bool:
    """Whether a reason tells only the whole stock market's move, the other way from the
    measured move of the market it is given for: "US stocks climbed amid tech earnings
    anticipation and Fed meeting focus [3]" under tech's measured fall of January 26–30 (the
    market is a stock move's backdrop only when it went the same way; the sentence was shown
    as tech's reason). Not when the sentence names the market it is given for ("stocks fell
    as investors rotated into energy"). An article read for the whole market's move (a
    sector's backdrop, or the market asked about) is held to that market's measured way: "US
    stocks climbed …" under SPY's fall of January 20–23 was shown as the reason of tech's
    fall, the article read for the market that fell with it."""
    own = {info.symbol for word in about if (info := lookup(word)) is not None}
    way = measured_way(about, facts)
    if way is None:
        return False
    if not own & WHOLE_MARKET and mentions(Entity((), tuple(about)), sentence):
        return False
    words = tokens(sentence)
    if any(word in _VERBS[way] for word in words):
        return False  # both ways in one sentence: not a plain claim about the move
    for market in _THE_MARKET.finditer(sentence):
        after = tokens(sentence[market.end() :])[:_NEAR]
        if any(word in _VERBS[opposite(way)] for word in after):
            return True
    return False


# The market's own news, good or bad, said plainly: "banks reported robust lending growth
# including 20% rise in new credit card accounts …" (a wrap's line, drafted under financials'
# fall on January 13, 2026 and shown as its reason, session 59's and 60's app rounds).
_GOOD_NEWS = re.compile(
    r"\b(?:robust|strong(?:er)?|solid|record|beat|beats|upbeat|growth|grew|rise|rises|rose|"
    r"increase[sd]?|gains?|improv\w*|boost\w*|surge[sd]?|jump(?:ed|s)?|higher|expan\w*)\b",
    re.IGNORECASE,
)
_BAD_NEWS = re.compile(
    r"\b(?:weak(?:er|ness)?|miss(?:ed|es)?|fell|fall(?:s|ing)?|declin\w*|drop(?:ped|s)?|slump\w*|"
    r"loss(?:es)?|lower|cut(?:s|ting)?|concerns?|worr\w*|fears?|pressur\w*|slow\w*|down\w*|"
    r"disappoint\w*|warn\w*|plung\w*|tumbl\w*|sank|slid|slip\w*|soft(?:er|ening|ened)?|hurt|"
    r"risk\w*)\b",
    re.IGNORECASE,
)
_RATE_WORDS = re.compile(r"\b(?:yields?|rates?)\b", re.IGNORECASE)
# A turn that sets the news against the move: "fell despite robust growth", "even as …".
_TURNED = re.compile(
    r"\b(?:despite|even\s+as|even\s+though|although|though|but|yet|however|failed\s+to|"
    r"shrugged\s+off|in\s+spite\s+of|not\s+enough)\b",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"[,;:]|\b(?:while|whereas|and\s+(?=\w+\s+(?:reported|said|posted)))\b", re.I)


def news_the_other_way(sentence: str, about: Sequence[str], facts: Iterable[Fact]) -> bool:
    """Whether a reason tells the market's own news as good under its measured fall, or as bad
    under its rise, with nothing that turns it ("despite", "but"): a clause naming the market
    with only good words ("banks reported robust lending growth including 20% rise in new
    credit card accounts") explains no fall of bank stocks."""
    own = {info.symbol for word in about if (info := lookup(word)) is not None}
    way = measured_way(about, facts)
    if way is None or own & WHOLE_MARKET or _TURNED.search(sentence):
        return False
    told = _BAD_NEWS if way == "up" else _GOOD_NEWS
    against = _GOOD_NEWS if way == "up" else _BAD_NEWS
    market = Entity((), tuple(about))
    for clause in _CLAUSE.split(sentence):
        if clause and mentions(market, clause):
            if _RATE_WORDS.search(clause):  # "bond yields ticked higher": the bonds' fall
                return False
            return bool(told.search(clause)) and not against.search(clause)
    return False


# A stock's move with its size: "NVIDIA to rise 3.9%", "Micron jumped 7%", "shares of Intel fell
# 2.1 percent". The figure makes it a price move (not "OPEC kept output lower").
_SIZED = re.compile(r"\d+(?:\.\d+)?\s*(?:%|percent\b|per\s+cent\b)", re.IGNORECASE)


def members_the_other_way(sentence: str, about: Sequence[str], facts: Iterable[Fact]) -> bool:
    """Whether a reason gives only the moves of the market's own companies the other way from
    its measured move, with their size: "… which caused the stock price of NVIDIA to rise 3.9%
    and Micron Technology Inc. MU to jump 7%" under chip stocks' fall of December 10–19 (a
    rebound day's news, shown as the fall's reason in session 63's app round). Not when the
    sentence says the measured way too ("Nvidia fell while AMD rose"), or turns ("despite")."""
    own = [info.symbol for word in about if (info := lookup(word)) is not None]
    way = measured_way(about, facts)
    if way is None or not own or _TURNED.search(sentence) or not _SIZED.search(sentence):
        return False
    words = tokens(sentence)
    if any(word in _VERBS[way] for word in words):
        return False
    members = sorted({m for symbol in own for m in entity_for([symbol]).members})
    return _named_went(words, members, opposite(way), a_yield=False)


def runs_the_other_way(excerpt: str, facts: Iterable[Fact], as_of: date) -> bool:
    """Whether an excerpt reports a measured instrument going the other way over the move's
    window (`contradicts_a_move`, a supposing sentence aside) and in no sentence its measured
    way. Such an excerpt is another day's news ("Micron's upbeat guidance boosted chip stocks"
    under chips' fall of December 17): every reason the model drew from one in the development
    runs was withheld as against the move or unsupported, and the turn cost a round."""
    facts = list(facts)
    sentences = [excerpt[start:end] for start, end in sentence_spans(excerpt)]
    reported = [s for s in sentences if not _SUPPOSED.search(s)]
    if not any(contradicts_a_move(s, facts, as_of) is not None for s in reported):
        return False
    # The measured way, read as the other way of the moves reversed.
    reversed_moves = [f.model_copy(update={"value": -f.value}) for f in facts]
    return all(contradicts_a_move(s, reversed_moves, as_of) is None for s in sentences)


def _says_it_went(words: list[str], symbol: str, way: Direction) -> bool:
    """The instrument named, then a verb that moves it `way` within `_NEAR` words after the
    name, or named right after a noun of that move ("the jump in XRT") or a verb of its cause
    ("… guidance boosted chip stocks"). A verb after a word for yields or rates is theirs, and
    moves what is not itself a yield the other way: "Treasury yields fell" (a name the news
    uses for long bonds) says bonds rose; "high-yield bonds fell" says they fell (the name
    ends in "bonds")."""
    return _named_went(words, entity_for([symbol]).phrases, way, is_yield(symbol))


def _named_went(words: list[str], names: Iterable[str], way: Direction, a_yield: bool) -> bool:
    """`_says_it_went` for any of `names` (an instrument's, or its companies')."""
    for phrase in names:
        name = tokens(phrase)
        if not name or (len(name) == 1 and name[0] in _GENERIC):
            continue
        for i in range(len(words) - len(name) + 1):
            if words[i : i + len(name)] != name:
                continue
            if _pushed_way(words[max(i - 3, 0) : i]) == way:  # "… boosted chip stocks"
                return True
            if _led_way(words[max(i - 6, 0) : i]) == way:  # "equities advanced, led by big tech"
                return True
            tail = words[i + len(name) : i + len(name) + 1]  # "pushed oil prices up"
            if i >= 1 and words[i - 1] in _PUSH and tail in (["up"], ["down"]) and tail[0] == way:
                return True
            noun = _noun_way(words[i - 2]) if i >= 2 and words[i - 1] in ("in", "of") else None
            if noun is not None:
                of_yields = not a_yield and name[-1] in _YIELDS
                if (opposite(noun) if of_yields else noun) == way:
                    return True
            after = words[i + len(name) : i + len(name) + _NEAR]
            told = _named_move_way(after)  # "the tech-led sell-off", "a chip rally"
            if told is not None:
                of_yields = not a_yield and name[-1] in _YIELDS  # "a Treasury yields spike"
                if (opposite(told) if of_yields else told) == way:
                    return True
            for j, word in enumerate(after):
                verb = _verb_way(word)
                if verb is None:
                    continue
                of_yields = not a_yield and any(w in _YIELDS for w in [name[-1], *after[:j]])
                if (opposite(verb) if of_yields else verb) == way:
                    return True
    return False


def _verb_way(word: str) -> Direction | None:
    return "up" if word in _VERBS["up"] else "down" if word in _VERBS["down"] else None


def _pushed_way(before: list[str]) -> Direction | None:
    """The way a verb of cause right before a name moves it: "boosted X", "lifted the X",
    "weighed on (the) X", "pushed up X"."""
    words = [w for w in before if w not in ("the", "a")]
    if len(words) >= 2 and words[-1] in ("up", "down") and words[-2] in _PUSH:
        return "up" if words[-1] == "up" else "down"  # "pushed up oil prices"
    verb = words[-2] if len(words) >= 2 and words[-1] == "on" else words[-1] if words else ""
    return "up" if verb in _PUSHED["up"] else "down" if verb in _PUSHED["down"] else None


# A move told with what carried it: "U.S. equities advanced, led by big tech" (a rise of big
# tech), "stocks fell, dragged lower by banks"
_LED_BY = frozenset({"led", "paced", "powered", "driven", "helped", "carried", "dragged",
                     "weighed"})  # fmt: skip


def _led_way(before: list[str]) -> Direction | None:
    """The way of a move a name is said to have led, from the words before the name: a verb of
    the move, then "led by" (or "paced by" …) right before it."""
    if len(before) < 3 or before[-1] != "by" or before[-2] not in _LED_BY:
        return None
    ways = {way for word in before[:-2] if (way := _verb_way(word)) is not None}
    return ways.pop() if len(ways) == 1 else None


def _noun_way(word: str) -> Direction | None:
    return "up" if word in _NOUNS["up"] else "down" if word in _NOUNS["down"] else None


def _named_move_way(after: list[str]) -> Direction | None:
    """The way of a move told as a noun right after its instrument's name, past words that
    only qualify it: "the tech-led market sell-off", "a chip stock rout", "the bank rally"."""
    words = [w for w in after[:4] if w not in _QUALIFIERS]
    if words[:2] == ["sell", "off"]:
        return "down"
    return _noun_way(words[0]) if words else None


def _dated_elsewhere(sentence: str, start: date, end: date, as_of: date) -> bool:
    """Whether the sentence dates its claim, and only outside the window ("Tech stocks rose
    after the close on December 18" under December 17's fall): another day's move, which the
    reason's own day binding judges (`copilot.claims.reasons.day_outside`)."""
    days = [day for found in find_dates(sentence) if (day := on_or_before(found, as_of))]
    return bool(days) and not any(start <= day <= end for day in days)


def _treasury_yields_way(sentence: str) -> Direction | None:
    """The way the sentence says Treasury yields moved (a word of a move right before their
    name, "higher yields", or verbs within `_NEAR` words after it; a bond's move in basis
    points), or None when it names none, or says both ways ("rose, then fell")."""
    found = _TREASURY_YIELD.search(sentence)
    if found is None:
        in_points = _BOND_IN_BASIS_POINTS.search(sentence)
        return _verb_way(in_points["verb"].lower()) if in_points else None
    before = [w for w in tokens(sentence[: found.start()])[-3:] if w != "the"]
    ways = {way for word in [*before[-1:], *tokens(sentence[found.end() :])[:_NEAR]]
            if (way := _verb_way(word) or _YIELD_ADJECTIVES.get(word)) is not None}  # fmt: skip
    if len(before) >= 2 and before[-1] == "in" and before[-2] in _YIELD_NOUNS:
        ways.add(_YIELD_NOUNS[before[-2]])  # "a rise in yields on the 10-year bond"
    return ways.pop() if len(ways) == 1 else None


# A move of the yields told as a noun before "in": "a rise in yields", "the drop in the 10-year
# yield".
_YIELD_NOUNS: dict[str, Direction] = {
    **dict.fromkeys(
        ("rise", "increase", "jump", "surge", "spike", "climb", "gain", "uptick"), "up"
    ),
    **dict.fromkeys(
        ("drop", "decline", "fall", "slide", "dip", "retreat", "slump", "downtick"), "down"
    ),
}
_YIELD_ADJECTIVES: dict[str, Direction] = {
    **dict.fromkeys(("rising", "climbing", "surging", "soaring", "jumping", "spiking"), "up"),
    **dict.fromkeys(("falling", "declining", "sliding", "sinking", "tumbling", "easing"), "down"),
}
