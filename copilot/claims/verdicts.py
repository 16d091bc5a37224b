"""Comparative verdicts: "silver did better", "tech held up better than utilities", "IWM beat SPY".

A verdict names a winner, and the figures beside it can all be right while it is wrong: "Gold did
better in December with a return of +2.17%" under a ranking whose #1 is silver at +25.80% had
every figure checked. A verdict is checked against what its cited source computed for both
sides: the difference of one against the other, or their moves over the same window. One the
source contradicts is cut like a contradicted figure; one no cited source computed for both
sides is left as written (nothing to hold it against).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from copilot.answer import ReasonCheck
from copilot.claims.extract import Sentence
from copilot.claims.statements import Statement
from copilot.claims.subjects import Subject

_DEGREE = r"(?:(?:much|far|a\s+lot|slightly|a\s+bit|somewhat|a\s+little|considerably)\s+)?"
# "had a lower return", "posted a bigger loss": a move compared by its size, a comparison only
# with another market after it (`check_verdict` finds none without one)
_A_MOVE_THAT_IS = r"(?:had|has|have|posted|saw|showed|delivered|logged|recorded)\s+(?:a|the)\s+"
# "a higher return than expected": against a forecast, no market
_NOT_A_MARKET = r"(?!\s+than\s+(?:expected|forecast|estimated|hoped|feared|anticipated))"
_GAIN_NOUN = r"(?:returns?|gains?|performance|showing|rise|advance)"
_LOSS_NOUN = r"(?:loss(?:es)?|drops?|declines?|falls?|slides?|drawdowns?)"
_BETTER = re.compile(
    r"\b(?:(?:did|does|do|has\s+done|had\s+done|fared|performed|held\s+up|holding\s+up|"
    rf"was\s+doing|came\s+out)\s+{_DEGREE}better|outperform(?:ed|s|ing)?|outpac(?:ed|es|ing)|"
    r"out(?:ran|runs?|gained)|beat(?:s|ing)?(?!\s+(?:estimates|expectations|forecasts))|"
    rf"(?:was|were|is|are|came\s+out|finished|ended)\s+{_DEGREE}ahead|came\s+out\s+on\s+top|"
    r"(?:the\s+)?better\s+(?:performer|bet|investment|of\s+the\s+two)|"
    r"(?:lost|fell|dropped|declined|slipped|shed)\s+less|"
    # "had a higher return than", "a smaller loss compared to": the better of the two
    rf"{_A_MOVE_THAT_IS}(?:higher|better|stronger|bigger|larger)\s+{_GAIN_NOUN}\b{_NOT_A_MARKET}|"
    rf"{_A_MOVE_THAT_IS}(?:smaller|lower|milder|lighter|shallower)\s+{_LOSS_NOUN}\b"
    rf"{_NOT_A_MARKET})\b",
    re.IGNORECASE,
)
_WORSE = re.compile(
    rf"\b(?:(?:did|does|do|has\s+done|had\s+done|fared|performed)\s+{_DEGREE}worse|"
    r"underperform(?:ed|s|ing)?|lagg(?:ed|ing)|lags?|trail(?:ed|s)?|fell\s+behind|"
    rf"(?:was|were|is|are|finished|ended)\s+{_DEGREE}behind|(?:the\s+)?worse\s+performer|"
    # "fell more than SPY", not "fell more than 2%": a size, no comparison
    r"(?:lost|fell|dropped|declined|slipped|shed)\s+(?:more|further)(?!\s+than\s+[\d$+-])|"
    # "had a lower return of -0.22% compared to IWM's": the worse of the two
    rf"{_A_MOVE_THAT_IS}(?:lower|worse|weaker|smaller)\s+{_GAIN_NOUN}\b{_NOT_A_MARKET}|"
    rf"{_A_MOVE_THAT_IS}(?:bigger|larger|deeper|steeper|heavier|sharper)\s+{_LOSS_NOUN}\b"
    rf"{_NOT_A_MARKET})\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Verdict:
    word: str
    better: bool  # True: the subject did better; False: worse
    start: int  # in the sentence
    end: int


def verdicts(body: str) -> list[Verdict]:
    found = [Verdict(m.group(), True, m.start(), m.end()) for m in _BETTER.finditer(body)]
    found += [Verdict(m.group(), False, m.start(), m.end()) for m in _WORSE.finditer(body)]
    return sorted(found, key=lambda v: v.start)


# The clause a verdict's subject is named in: "IWM did not lag SPY …: it did better" names no
# one before "did better".
_CLAUSE_BREAK = re.compile(r"[,;:\u2014\u2013(]|\s-\s|\b(?:and|but|while|whereas|as)\s", re.I)
# "IWM did not lag SPY", "silver never trailed": the verdict turned around.
_NEGATED = re.compile(r"\b(?:not|never|n't|no\s+longer)\b|n't\s", re.I)


def _clause_start(body: str, end: int) -> int:
    breaks = list(_CLAUSE_BREAK.finditer(body, 0, end))
    return breaks[-1].end() if breaks else 0


def check_verdict(
    sentence: Sentence, body: str, verdict: Verdict, statements: dict[int, list[Statement]]
) -> ReasonCheck | None:
    """Supported or contradicted by the first cited source that computed both sides; None when
    the sentence names no winner, or no cited source speaks to both."""
    clause = _clause_start(body, verdict.start)
    before = [m.subject for m in sentence.mentions if clause <= m.start and m.end <= verdict.start]
    after = [m.subject for m in sentence.mentions if m.start >= verdict.end]
    if not before:  # "…: it did better": who "it" is, the clause does not say
        return None
    subject = before[-1]
    other = next((s for s in after if s != subject), None)
    better = verdict.better != bool(_NEGATED.search(body[clause : verdict.start]))
    start, end = sentence.start + verdict.start, sentence.start + verdict.end
    for n in sentence.citations:
        found = _compare(subject, other, statements.get(n, []))
        if found is None:
            continue
        ahead, evidence = found
        held = ahead == better
        return ReasonCheck(
            text=verdict.word, start=start, end=end, kind="verdict",
            status="supported" if held else "unsupported", source=n,
            evidence=f"[{n}] {evidence}" if held else f"contradicted: [{n}] {evidence}",
        )  # fmt: skip
    return None


def _compare(
    subject: Subject, other: Subject | None, pool: list[Statement]
) -> tuple[bool, str] | None:
    """(whether `subject` came out ahead of `other`, what says so) from one source's typed
    statements: the difference of one against the other, else their moves over one window;
    with no `other`, against the one other instrument the source measured. A ranking's places
    are not read: ranked lowest first, #1 is the worst, and a ranking by volatility says
    nothing of which did better."""
    typed = [s for s in pool if s.typed and s.subject]
    for st in (s for s in typed if s.measure == "diff"):
        if st.subject == subject and (other is None or st.versus == other):
            return st.value > 0, st.label
        if other is not None and st.subject == other and st.versus == subject:
            return st.value < 0, st.label
    moves = [s for s in typed if s.measure == "move"]
    mine = [s for s in moves if s.subject == subject]
    rivals = [s for s in moves if s.subject != subject and (other is None or s.subject == other)]
    if not mine or not rivals or (other is None and len({s.subject for s in rivals}) != 1):
        return None
    ours, theirs = mine[0], rivals[0]
    if ours.dates != theirs.dates or ours.value == theirs.value:
        return None  # two windows, or a tie: no one came out ahead
    return ours.value > theirs.value, f"{ours.label}; {theirs.label}"
