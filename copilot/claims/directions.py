"""A market's way said without a figure: "gold fell in January [1]", "stocks rallied".

A figure carries its own sign and is checked as one; a way said with no figure was checked by
nothing: "Gold fell in January [1]" stood under a source that measured gold +12.27 % in January.
The way is held to the typed moves the source measured for that market: when every window of
them the sentence can mean went one way, the claim holds if it says that way and is cut like a
contradicted figure if it says the other. Read only where the clause is plain: no figure or
day in it (those are the figure and date checks'), no modal ("could fall"), no negation, one
way said, and the months it names (if any) holding the measured window.
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
from copilot.claims.statements import Statement
from copilot.claims.subjects import Subject

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
    r"week|weeks|day|days|session|sessions|monday|tuesday|wednesday|thursday|friday|"
    r"weekend|earlier|later|initially|briefly|at\s+one\s+point|year|years|quarter)\b|n't\b",
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
    """The ways the sentence says of the markets it names, one per plain clause."""
    found: list[Said] = []
    body = CITATION.sub(lambda m: " " * len(m.group()), body)  # "[1]" is no figure
    for m in sentence.mentions:  # nor is "500" in "the S&P 500"
        body = body[: m.start] + "·" * (m.end - m.start) + body[m.end :]
    body = _MONTH_YEAR.sub(lambda m: m["month"] + " " * (len(m.group()) - len(m["month"])), body)
    bounds = [0, *(m.start() for m in _CLAUSE_BREAK.finditer(body)), len(body)]
    for lo, hi in pairwise(bounds):
        clause = body[lo:hi]
        ways = list(_WAY.finditer(clause))
        named = [m for m in sentence.mentions if lo <= m.start and m.end <= hi]
        if len(ways) != 1 or not named or _NOT_PLAIN.search(clause):
            continue  # none, or "fell, then rebounded": two ways in one clause
        verb = ways[0]
        if _PLACE_AFTER.match(clause, verb.end()):
            continue
        before = [m for m in named if m.end - lo <= verb.start()]
        if not before or len({m.subject for m in named}) > 1:
            continue  # "it fell", or two markets in the clause: whose way, unclear
        mention = before[-1]
        if len(clause[mention.end - lo : verb.start()].split()) > _NEAR:
            continue
        way: Way = "up" if verb["up"] else "down"
        found.append(Said(mention.subject, way, verb.group(), lo + verb.start(),
                          lo + verb.end(), clause))  # fmt: skip
    return found


def check_way(
    sentence: Sentence, said: Said, statements: dict[int, list[Statement]],
    sources: tuple[int, ...], as_of: date | None,
) -> ReasonCheck | None:  # fmt: skip
    """Supported or contradicted by the first of `sources` whose typed moves of the market,
    over every window the clause can mean, went one way; None when none did."""
    months = named_months(said.clause, as_of)
    start, end = sentence.start + said.start, sentence.start + said.end
    for n in sources:
        moves = [s for s in statements.get(n, []) if s.typed and s.measure == "move"
                 and s.subject & said.subject and s.span is not None
                 and _within(months, s.span)]  # fmt: skip
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


def _within(months: tuple[tuple[int, int], ...], span: tuple[date, date]) -> bool:
    """The measured window can be what the clause says: it names no month, or the window lies
    inside the months it names ("gold fell in January" of January's move, not December's)."""
    if not months:
        return True
    first, last = span
    return overlaps(months, span) and {(first.year, first.month), (last.year, last.month)} <= set(
        months
    )
