"""A market's way said without a figure: "gold fell in January [1]", "stocks rallied".

A figure carries its own sign and is checked as one; a way said with no figure was checked by
nothing: "Gold fell in January [1]" stood under a source that measured gold +12.27 % in January.
The way is held to the typed moves the source measured for that market: when every window of
them the sentence can mean went one way, the claim holds if it says that way and is cut like a
contradicted figure if it says the other. Read only where the clause is plain: no figure or
day in it (those are the figure and date checks'), no modal ("could fall"), no negation, one
way said. What the clause says of its period binds the window: the months it names, a length
("over the past two weeks"), a part of a month ("in early June"). A list of markets shares its
verb ("gold, silver and copper all fell"); "stocks" are the market as a whole; a market said
to go one way and then the other ("rallied early in the month but sold off at the end") has no
one way to hold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Literal

from copilot.answer import ReasonCheck
from copilot.claims.extract import CITATION, Sentence
from copilot.claims.months import named_months, overlaps
from copilot.claims.reasons import MARKET
from copilot.claims.statements import Statement
from copilot.claims.subjects import Subject
from copilot.claims.windows import StatedWindow, agrees, windows_in
from copilot.news.backdrop import MARKET_OPENS

Way = Literal["up", "down"]

# The plain verbs of a way (not "outperformed", "beat", "lagged": comparisons, `verdicts`).
_UP = (
    r"rose|rises|risen|rising|gained|gains|climbed|climbs|rallied|rallies|advanced|advances|"
    r"jumped|surged|soared|rebounded|recovered|(?:was|were|is|are|ended|closed|finished)\s+"
    r"(?:up|higher)|moved\s+higher|edged\s+(?:up|higher)|ticked\s+up"
)
_DOWN = (
    r"fell|falls|fallen|falling|dropped|drops|declined|declines|slid|slides|slumped|sank|"
    r"tumbled|plunged|plummeted|crashed|slipped|retreated|tanked|lost\s+ground|sold\s+off|"
    r"(?:was|were|is|are|ended|closed|finished)\s+(?:down|lower)|moved\s+lower|edged\s+(?:down|"
    r"lower)|ticked\s+down"
)
_WAY = re.compile(rf"\b(?:(?P<up>{_UP})|(?P<down>{_DOWN}))\b", re.IGNORECASE)
# "fell the most", "rose more than any other", "sank to the bottom": a place or a comparison,
# checked as one
_PLACE_AFTER = re.compile(
    r"\s+(?:(?:the\s+)?(?:most|more|less|further|hardest)|(?:in)?to\s+(?:the\s+)?(?:very\s+)?"
    r"(?:bottom|top|last|first))\b",
    re.IGNORECASE,
)
# At most this many words between the market named and its verb ("gold prices fell").
_NEAR = 3
_CLAUSE_BREAK = re.compile(r"[,;:\u2014\u2013(]|\s-\s|\b(?:and|but|while|whereas|as|after|"
                           r"before|then|until|because|since|though|although)\b", re.I)  # fmt: skip
_NOT_PLAIN = re.compile(
    r"\d|\b(?:could|may|might|would|will|should|can|expected|likely|set\s+to|poised|if|unless|"
    r"whether|not|never|no\s+longer|n't|today|yesterday|tonight|morning|afternoon|intraday|"
    r"monday|tuesday|wednesday|thursday|friday|weekend|earlier|later|initially|briefly|"
    r"at\s+one\s+point)\b|n't\b",
    re.IGNORECASE,
)
# "in early June", "the first half of June", "late in the month": a part of a month, read by
# its days (`_DAYS`, `SLACK_DAYS` either side); one not read so is no plain clause
_PART = re.compile(
    r"\b(?:(?P<part>early|mid|late)[\s-]+(?:in\s+)?|(?<!by\s)(?<!through\s)(?<!until\s)"
    r"the\s+(?P<edge>start|beginning|end|first\s+half|second\s+half)\s+of\s+)",
    re.IGNORECASE,
)
# "by the end of October", "through the end of the month": up to its end, the whole window
_TO_THE_END = re.compile(r"\b(?:by|through|until|to)\s+the\s+end\s+of\b", re.IGNORECASE)
_PART_WORDS = re.compile(r"\b(?:early|mid|late|start|beginning|end|half)\b", re.IGNORECASE)
# Loose by nature ("early March" is said of March 3–14): each part is read as half a month
_DAYS = {
    "early": (1, 15),
    "start": (1, 15),
    "beginning": (1, 15),
    "mid": (6, 25),
    "late": (16, 31),
    "end": (16, 31),
    "first half": (1, 15),
    "second half": (16, 31),
}
SLACK_DAYS = 3
# A period said by its length ("over the past two weeks") is held to the measured window's
# (`copilot.claims.windows`); one said otherwise ("this week", "last year") is not read.
_PERIOD_WORD = re.compile(r"\b(?:weeks?|days?|sessions?|years?|quarters?)\b", re.IGNORECASE)
# "Stocks fell", "U.S. equities rose": the market as a whole (`MARKET_OPENS`), SPY's.
_MARKET: Subject = frozenset({MARKET})
# "Gold, silver and copper all fell": the clauses before the verb's only name markets
_ONLY_NAMES = re.compile(r"^[\s·,&]*(?:and\s+|&\s*)?[\s·,]*$", re.IGNORECASE)


# A clause that goes on with the same market: its verb right after the joining word
_GOES_ON = re.compile(
    r"^\W*(?:and|but|then|before|after|yet|only\s+to|while)?(?:\s+(?:then|later|sharply|quickly|"
    r"back|subsequently|again|eventually|also))*\s*$",
    re.IGNORECASE,
)
# "in January 2026": a month (read by `named_months`), its year no figure
_MONTH_YEAR = re.compile(
    r"\b(?P<month>(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december)(?:'s)?),?\s+20\d\d\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Said:
    """A way said of one market in a clause of a sentence."""

    subject: Subject
    way: Way
    word: str
    start: int  # in the sentence
    end: int
    clause: str


def said_ways(body: str, sentence: Sentence) -> list[Said]:
    """The ways the sentence says of the markets it names, one per plain clause; none of a
    market said to go both ways ("rallied early in the month but sold off at the end")."""
    found: list[Said] = []
    plain = _blanked(body, sentence)
    bounds = [0, *(m.start() for m in _CLAUSE_BREAK.finditer(plain)), len(plain)]
    for i, (lo, hi) in enumerate(pairwise(bounds)):
        clause = plain[lo:hi]
        ways = list(_WAY.finditer(clause))
        if len(ways) != 1:
            continue  # none, or "fell, then rebounded": two ways in one clause
        verb = ways[0]
        way: Way = "up" if verb["up"] else "down"
        subjects = _subjects(sentence, plain, bounds, i, lo + verb.start())
        if (
            not subjects
            and found
            and found[-1].way != way
            and _GOES_ON.match(clause[: verb.start()])
        ):
            # "… rallied early in the month but sold off at the end": a path, no one way (not
            # "… as the dollar fell": another thing's way)
            found = [said for said in found if said.clause != found[-1].clause]
        if _NOT_PLAIN.search(clause) or _PLACE_AFTER.match(clause, verb.end()):
            continue
        found += [Said(subject, way, verb.group(), lo + verb.start(), lo + verb.end(), clause)
                  for subject in subjects]  # fmt: skip
    return found


def _blanked(body: str, sentence: Sentence) -> str:
    """The sentence with what is no figure blanked: "[1]", a market's name ("the S&P 500"),
    a month's year ("January 2026")."""
    body = CITATION.sub(lambda m: " " * len(m.group()), body)
    for m in sentence.mentions:
        body = body[: m.start] + "·" * (m.end - m.start) + body[m.end :]
    return _MONTH_YEAR.sub(lambda m: m["month"] + " " * (len(m.group()) - len(m["month"])), body)


def _subjects(
    sentence: Sentence, plain: str, bounds: list[int], i: int, verb: int
) -> list[Subject]:
    """Whose way the verb at `verb` says: the one market named before it in its clause (within
    `_NEAR` words), with those listed in the clauses just before that name nothing else
    ("gold, silver and copper all fell"); the market as a whole for "stocks fell"."""
    lo, hi = bounds[i], bounds[i + 1]
    named = [m for m in sentence.mentions if lo <= m.start and m.end <= hi]
    if not named:
        return [_MARKET] if MARKET_OPENS.match(plain[lo:verb]) else []
    before = [m for m in named if m.end <= verb]
    if not before or len({m.subject for m in named}) > 1:
        return []  # "it fell", or two markets in the clause: whose way, unclear
    if len(plain[before[-1].end : verb].split()) > _NEAR:
        return []
    listed = [before[-1].subject]
    for j in range(i - 1, -1, -1):  # "Gold, silver and …": the list the clause ends
        prior = [m for m in sentence.mentions if bounds[j] <= m.start and m.end <= bounds[j + 1]]
        if len(prior) != 1 or not _ONLY_NAMES.match(plain[bounds[j] : bounds[j + 1]]):
            break
        listed.insert(0, prior[0].subject)
    return listed


def check_way(
    sentence: Sentence, said: Said, statements: dict[int, list[Statement]],
    sources: tuple[int, ...], as_of: date | None,
) -> ReasonCheck | None:  # fmt: skip
    """Supported or contradicted by the first of `sources` whose typed moves of the market,
    over every window the clause can mean, went one way; None when none did."""
    months = named_months(said.clause, as_of)
    lengths = windows_in(said.clause, 0, len(said.clause))
    if _PERIOD_WORD.search(said.clause) and not lengths:
        return None  # "this week", "last year": a period not read here
    part = _part_named(said.clause)
    if part is None and _PART_WORDS.search(_TO_THE_END.sub(" ", said.clause)):
        return None  # "at the end", "late in the session": a part of what, it does not say
    start, end = sentence.start + said.start, sentence.start + said.end
    for n in sources:
        moves = [s for s in statements.get(n, []) if s.typed and s.measure == "move"
                 and s.subject & said.subject and s.span is not None
                 and _within(months, s.span) and _lasts(lengths, s)
                 and (part is None or _inside_part(part, s.span))]  # fmt: skip
        signs = {s.value > 0 for s in moves if s.value != 0}
        if not moves or len(signs) != 1:
            continue
        rose = signs.pop()
        held = rose == (said.way == "up")
        label = moves[0].label
        did = "rose" if rose else "fell"
        return ReasonCheck(
            text=said.word, start=start, end=end, kind="verdict",
            status="supported" if held else "unsupported", source=n,
            evidence=f"[{n}] {label}: it {did}" if held else f"contradicted: [{n}] {label}: "
            f"it {did}",
        )  # fmt: skip
    return None


def _part_named(clause: str) -> tuple[int, int] | None:
    """The days of the month a part names ("early June": 1 to 15, `_DAYS`), or None."""
    m = _PART.search(clause)
    if m is None:
        return None
    name = " ".join((m["part"] or m["edge"]).lower().split())
    return _DAYS[name]


def _inside_part(days: tuple[int, int], span: tuple[date, date]) -> bool:
    """The move's window lies inside the part of its month, with `SLACK_DAYS` either side."""
    first, last = span
    same_month = (first.year, first.month) == (last.year, last.month)
    return same_month and days[0] - SLACK_DAYS <= first.day and last.day <= days[1] + SLACK_DAYS


def _lasts(lengths: list[StatedWindow], move: Statement) -> bool:
    """Every length the clause states ("over the past two weeks") fits the move's window."""
    span = (max(move.dates) - min(move.dates)).days if move.dates else None
    return all(agrees(w, move.sessions, span) for w in lengths)


def _within(months: tuple[tuple[int, int], ...], span: tuple[date, date]) -> bool:
    """The measured window can be what the clause says: it names no month, or the window lies
    inside the months it names ("gold fell in January" of January's move, not December's)."""
    if not months:
        return True
    first, last = span
    return overlaps(months, span) and {(first.year, first.month), (last.year, last.month)} <= set(
        months
    )
