"""A cause the article states in one sentence: a move, a word that ties it to a cause, the cause.

The cause judge (`cause_judge`, a 1.5B model asked yes or no) doubts reasons whose article says
them outright, most often when the reason names the market differently from its article: "The
Materials Select Sector SPDR (XLB) rose on January 21, 2026, due to Greenland Deal Hopes, Davos
Signals, and Trump Comments" against "Wall Street Rallies on Greenland Deal Hopes, Davos
Signals and Trump Comments" (p(yes) 0.52); "WTI rose … because OPEC+ extended output cuts"
against "Oil Prices Rise After OPEC+ Extends Output Cuts" (0.70). Rewording its question did not
help (`benchmarks/results/cause_judge.md`). What the judge cannot read, words settle: when one
sentence of the excerpt has a market's move, then a causal word, then most of the reason's cause
("… rallies on Greenland deal hopes", "oil prices ended higher, supported by optimism over
tighter supply"), the article gives that cause, whatever the judge says.

A link the writer made between two sentences ("President Trump said he wasn't aware of the
subpoena. On Monday, gold soared …") has no such sentence, and a reason with no causal word of
its own ("Nvidia led tech rebound …, which caused Intel to …") is left to the judge. A link the
article makes ("… H200 chips to some approved customers in China. As a result, the stock price
of NVIDIA rose 3.9%.") gives the sentence before as the move's cause.

The words settle it whatever the support score said (`reasons.check_reason`): a reason that
names its market otherwise than its article scores low for the same cause the judge doubts it.
The article's cause is bound to the market its sentence names before it ("US Stocks Rise as Oil
Gains on Maduro Ouster" gives oil's cause): another market's cause is not the reason's.
"""

from __future__ import annotations

import re

from copilot.claims.extract import CITATION
from copilot.claims.reasons import INDEXES, content_stems, related_markets
from copilot.claims.subjects import mentions
from copilot.market.symbols import SYMBOL_GROUPS, lookup
from copilot.move_words import FALL, RISE
from copilot.sentences import sentence_spans

# Where a reason's cause begins: "XLB rose … due to <cause>", "the rally was driven by <cause>".
# Not "amid" or "as" (what went on beside the move, not its cause) nor "on" (dates).
_CAUSE_WORDS = (
    r"due\s+to|because(?:\s+of)?|(?:driven|fu?ell?ed|spurred|sparked|triggered|prompted|"
    r"supported|boosted|lifted|buoyed|weighed(?:\s+down)?|dragged(?:\s+down)?|hurt|pressured|"
    r"hit)\s+by|thanks\s+to|on\s+the\s+back\s+of|as\s+a\s+result\s+of|in\s+response\s+to|"
    r"after|following"
)
_REASON_CAUSE = re.compile(rf"\b(?:{_CAUSE_WORDS})\b", re.IGNORECASE)
# In the article's sentence, after a move word, also "on" ("rallies on Greenland deal hopes");
# never "as" or "amid", which put two things side by side ("US Stocks Rise as Dollar Weakens",
# labelled no cause in the writer pairs).
_ARTICLE_CAUSE = re.compile(rf"\b(?:{_CAUSE_WORDS}|on)\b", re.IGNORECASE)
_MOVE = re.compile(rf"\b(?:{RISE}|{FALL})\b", re.IGNORECASE)
# The cause's own words end at a clause the writer added: "…, which was discussed at …".
_CLAUSE_END = re.compile(r",|;|\bwhich\b|\bwhile\b|\bwhereas\b", re.IGNORECASE)

COVERED = 0.5  # share of the cause's content words the article's cause must have
AT_LEAST = 2  # and no fewer content words than this


# A cause written first, as what moved the market: "Tesla's falling sales dragged discretionary
# stocks lower", "softer CPI sent Treasuries higher", "the jobs report, leading to stocks
# rising". Its words are those before the verb; a move must follow ("lifted", "weighed on" are
# one themselves), so "Nvidia led a tech rebound" or "gold hit a record" give no cause.
CAUSE_FIRST_VERBS = (
    r"dragg(?:ed|ing)|weigh(?:ed|ing)\s+on|lift(?:ed|ing)|boost(?:ed|ing)|buoy(?:ed|ing)|"
    r"propell(?:ed|ing)|pressur(?:ed|ing)|push(?:ed|ing)|sen(?:t|ding)|dr(?:ove|iving)|"
    r"caus(?:ed|ing)|le(?:d|ading)\s+to|fu?el(?:l?ed|l?ing)|spark(?:ed|ing)|trigger(?:ed|ing)|"
    r"knock(?:ed|ing)|spurr(?:ed|ing)|prompt(?:ed|ing)|"
    # the market between the verb and its move: "… led furniture companies to jump", "…
    # caused investors to dump banks", "… helped small caps to rally"
    r"(?:le(?:d|ading)|caus(?:ed|ing)|help(?:ed|ing)|forc(?:ed|ing)|got)"
    r"(?=\s+(?:[\w'’&.-]+\s+){1,5}?to\s+\w)"
)
_CAUSE_FIRST = re.compile(rf"\b(?:{CAUSE_FIRST_VERBS})\b", re.IGNORECASE)


def reason_cause(reason: str) -> str | None:
    """The cause a reason gives: its words after its causal word, up to the first clause it
    adds, or its words before a verb that moved the market (`_CAUSE_FIRST`); None without
    either."""
    text = CITATION.sub(" ", reason)
    found = _REASON_CAUSE.search(text)
    if found is not None:
        return _CLAUSE_END.split(text[found.end() :], maxsplit=1)[0].strip() or None
    first = _CAUSE_FIRST.search(text)
    if first is None or _MOVE.search(text, first.start()) is None:
        return None
    return text[: first.start()].strip(" ,;") or None


# A cause named by what someone said or showed, whose words are the next sentence's: "Stocks
# fell on Friday following a winning session, as investors assessed Trump's comments. The
# President said on Friday that he would prefer … Hassett …". Owned or pointed at ("Trump's
# comments", "the report"), not a headline's list ("… Davos Signals and Trump Comments").
_SAID_NEXT = re.compile(
    r"(?:['’]s|\b(?:the|his|her|their|its|those|these|that|this))\s+(?:[\w-]+\s+)?"
    r"(?:comments?|remarks?|statements?|announcements?|news|data|reports?|decision|guidance|"
    r"results|plans?)\W*$",
    re.IGNORECASE,
)


# A move the article ties to its sentence before: "As a result, the stock price of NVIDIA
# rose 3.9%."
_AS_A_RESULT = re.compile(
    r"\W*(?:as\s+a\s+(?:result|consequence)|consequently|because\s+of\s+(?:this|that|it)|"
    r"in\s+response|on\s+(?:this|that|the)\s+news)\b\W*",
    re.IGNORECASE,
)


# The market's mood given its cause in the sentence after its move: "Wall Street witnessed a
# broad-based rally on Wednesday as investors were encouraged … Optimism grew on the news that a
# framework for an agreement on Greenland had been reached" (Nasdaq's wrap of January 21, 2026;
# the judge had said 0.64 to the framework as the rally's cause). The mood's verb is up to
# three words ("grew", "was lifted", "also improved"); its cause word must come right after.
_MOOD = re.compile(
    r"^\W*(?:(?:the\s+)?(?:investor|investors['’]?|market|risk)\s+)?(?:optimism|pessimism|"
    r"sentiment|confidence|risk\s+appetite|appetite\s+for\s+risk|fears?|worries|concerns|"
    r"anxiety|jitters|nervousness|relief|enthusiasm|hopes)(?:\s+(?!(?:on|after|over)\b)"
    r"[a-z]+){1,3}?\s+(?=(?:" + _CAUSE_WORDS + r"|on|over)\b)",
    re.IGNORECASE,
)
_MOOD_CAUSE = re.compile(rf"(?:{_CAUSE_WORDS}|on|over)\b", re.IGNORECASE)


# Where a sentence turns to another market's move: "US Stocks Rise as Oil Gains on Maduro
# Ouster" gives oil's cause, not the stocks'.
_ANOTHER_MOVER = re.compile(r"\b(?:as|while|whereas|but|amid)\b|;", re.IGNORECASE)


def article_causes(passage: str) -> list[str]:
    """What each sentence of the passage gives as a move's cause: its words after the first
    causal word that follows a move word ("Oil Prices Rise After <OPEC+ extends …>"), and the
    next sentence with them when they end on what was said ("… as investors assessed Trump's
    comments." and what he said)."""
    return [cause for _, cause in article_moves(passage)]


# The parts of an excerpt joined by "…" (a cut between them, often with no period before it:
# "… threatened to impose on Europe How major US stock indexes fared … The Dow also rose").
_PIECE = re.compile(r"[^…]+")


def article_pieces(passage: str) -> list[str]:
    """The passage's pieces between its cuts: a sentence never runs across one."""
    return _PIECE.findall(passage)


def article_moves(passage: str) -> list[tuple[frozenset[str], str]]:
    """Each cause `article_causes` finds with the markets whose move it is: those named
    before the causal word, from the last turn to another market's move after the first move
    word ("as", "while", "amid", …); none when the mover is named loosely ("stocks", "the
    index")."""
    found = []
    for piece in article_pieces(passage):
        found += _piece_moves(piece)
    return found


def _piece_moves(passage: str) -> list[tuple[frozenset[str], str]]:
    """`article_moves` of one piece of an excerpt."""
    found = []
    spans = sentence_spans(passage)
    moved: frozenset[str] | None = None  # the previous sentence's mover, when it moved
    for at, (start, end) in enumerate(spans):
        sentence = passage[start:end]
        move = _MOVE.search(sentence)
        mood = _MOOD.match(sentence) if moved is not None else None
        if mood is not None and moved is not None:
            # "… a broad-based rally on Wednesday … Optimism grew on the news that …": the
            # mood's cause is the move's before it
            cause = _MOOD_CAUSE.match(sentence, mood.end())
            if cause is not None:
                found.append((moved, sentence[cause.end() :]))
        moved = _named_markets(sentence[: move.start()]) if move is not None else None
        if move is None:
            continue
        result = _AS_A_RESULT.match(sentence)
        if result is not None and at > 0 and move.start() >= result.end():
            # "… considering allowing NVIDIA to sell H200 chips in China. As a result, the
            # stock price of NVIDIA rose 3.9%.": the sentence before is the cause
            mover = sentence[result.end() : move.start()]
            cause_before = passage[slice(*spans[at - 1])]
            found.append((_named_markets(mover), cause_before))
            continue
        cause = _ARTICLE_CAUSE.search(sentence, move.start())  # "weighed down by"
        if cause is None:
            continue
        said = sentence[cause.end() :]
        if _SAID_NEXT.search(said) and at + 1 < len(spans):
            said = f"{said} {passage[slice(*spans[at + 1])]}"
        before = sentence[: cause.start()]
        turns = list(_ANOTHER_MOVER.finditer(before, move.end()))
        mover = before[turns[-1].end() :] if turns else before
        found.append((_named_markets(mover), said))
    return found


def _named_markets(text: str) -> frozenset[str]:
    """The markets `text` names (none when named loosely: "stocks", "the index")."""
    return frozenset().union(*(m.subject for m in mentions(text)))


def _another_market(reason: str, mover: frozenset[str]) -> bool:
    """Whether the article's sentence gives the cause of a market the reason does not speak
    of: "Tesla, Amazon and Palantir led gains in the S&P 500 due to Maduro's ouster" against
    "… as Oil Gains on Maduro Ouster". A mover named loosely, a reason naming no market, a
    stock index moving (an index's wrap is every sector's backdrop), or stocks moving under an
    index the reason names (a sector's move is part of its index's: "equities advanced, led by
    big tech, after …" under the Nasdaq's rise) binds nothing."""
    named = _named_markets(CITATION.sub(" ", reason))
    if not mover or not named or mover & INDEXES:
        return False
    if named & INDEXES and all(_a_stock_market(symbol) for symbol in mover):
        return False
    return not mover & related_markets(set(named))


def _a_stock_market(symbol: str) -> bool:
    """Whether `symbol` is stocks (a sector, an index, a share), not bonds or a commodity."""
    info = lookup(symbol)
    stocks = info is not None and info.kind in ("etf", "index", "stock")
    return stocks and symbol not in SYMBOL_GROUPS["bond"]


def cause_stated(reason: str, passage: str) -> str | None:
    """The article's words that give the reason's cause for a move (None when no sentence
    does): most of the cause's content words (`COVERED`, at least `AT_LEAST`) after one
    sentence's move word and causal word."""
    cause = reason_cause(reason)
    if cause is None:
        return None
    wanted = content_stems(cause)
    if len(wanted) < AT_LEAST:
        return None
    for mover, said in article_moves(passage):
        if _another_market(reason, mover):
            continue
        shared = wanted & content_stems(said)
        if len(shared) >= AT_LEAST and len(shared) >= COVERED * len(wanted):
            return said.strip()
    return None
