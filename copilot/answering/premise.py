"""A false premise is answered with the correction, in code's words.

"Why did XLE gain 3% this year?" when the measure says +9.39%: the answer opens with
"Correction: XLE rose 9.39% [1] from 2025-12-31 to 2026-01-22, not 3%.", and the
model is told the premise is false so that it does not repeat it. The corrected figure is
checked like any other (the line is verified against the ledger before it is shown; a line that
does not check out is not shown); the question's own figure is quoted, never claimed.

A direction word is a premise too: "how much did the S&P 500 gain in December?" when SPY fell
opens with "Correction: SPY fell 0.22% [1] from 2025-11-28 to 2025-12-31; it did not rise."
(asked, the model wrote "The S&P 500 gained -0.22% in December"). Asked whether it did ("did
utilities rise in January?"), code answers: "Yes: XLU rose 1.31% [1] from … to …."
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from copilot.answer import CHECKED, NumberCheck, Verification
from copilot.claims.extract import extract_claims
from copilot.claims.places import places, standing
from copilot.claims.premises import FalsePremise, false_premises
from copilot.claims.statements import statements_of
from copilot.claims.verify import verify_answer
from copilot.facts import Fact
from copilot.market.symbols import family
from copilot.move_words import AHEAD_OF, BEHIND
from copilot.sources import DataSource, SourceLedger
from copilot.understand.measures import (
    fall_from_peak_named,
    judged_high,
    threshold_asked,
    within_bound,
)
from copilot.understand.model import Understanding
from copilot.understand.relative import edges_compared, points_compared
from copilot.understand.vocabulary import run_asked, undid

# "Did SPY gain in December?" asks whether it did: answered ("No: …"), not corrected; so does
# one that opens with a lead-in ("year-to-date, are utilities ahead of staples?", "quick one:
# did gold beat silver?").
_YES_NO = re.compile(
    r"^\W*(?:[^,:;?]{1,60}[,:;]\s*)?(?:did|does|do|is|was|were|are|has|have|had|will|can|could)"
    r"\b|\bwhether\b|"
    r"\bor\s+not\b|\bor\s+(?:did|was|has)\b",
    re.IGNORECASE,
)


@dataclass
class Corrections:
    """The question's false premises, the line the answer opens with and its checks."""

    premises: list[FalsePremise] = field(default_factory=list)
    directions: list[str] = field(default_factory=list)  # "that SPY rose", as the prompt says
    # "Yes" / "No": a yes-or-no question about a move, answered by code; "By": how far one
    # market beat (or lagged) another, answered by code; "Undated": the move over a window the
    # model chose for an event code cannot date, said so rather than answered; "Undone": how
    # much of a dated move came back since, answered by code
    answered: str = ""
    text: str = ""  # "" when there is nothing to correct or answer
    verification: Verification = field(default_factory=Verification)

    @property
    def checks(self) -> list[NumberCheck]:
        return [p.check for p in self.premises]

    def prompt_note(self) -> str:
        """What the write prompt is told (empty: the premise holds or cannot be checked)."""
        if not self.text:
            return ""
        if self.answered:
            return (f"the answer already opens with code's line \"{self.text}\": do not "
                    "contradict it; state the measured figures.")  # fmt: skip
        said = ", ".join([*(p.stated for p in self.premises), *self.directions])
        what = "figure" if not self.directions else "word for the move"
        return (f"the question's {what} ({said}) is contradicted by the evidence. The answer "
                f"already opens with the correction \"{self.text}\": do not repeat {said}; "
                "state the measured figures.")  # fmt: skip


def corrections(
    question: str, ledger: SourceLedger, as_of: date | None, settled: Understanding | None = None
) -> Corrections:
    """The correction of each false premise of `question` whose line checks out: its
    figures, then (given what code settled) its word for the move; or, for a yes-or-no
    question about one instrument's move, code's answer to it."""
    premises = false_premises(question, ledger, as_of)
    moves = _asked_moves(settled, ledger) if settled is not None else []
    yes_no = settled is not None and bool(_YES_NO.search(settled.question))
    if settled is not None and yes_no and not premises:
        # A fall from the peak, a place in a ranking, one market against another, a line
        # crossed: each answered from its own measure, else the move's direction. Over a
        # window the model chose for an undated event, none is answered yes or no.
        for answer in (_goes_on_answered, _undone_answered, _correction_answered, _place_answered,
                       _versus_answered, _threshold_answered, _record_answered,
                       _judged_answered, _together_answered):  # fmt: skip
            answered = None if settled.undated else answer(question, settled, ledger, as_of)
            if answered is not None:
                return answered
        plain = len(moves) == 1 and _only_the_direction(question, as_of)
        if plain:
            return _answered(moves[0], settled, ledger, as_of)
        if settled.undated:  # "did tech outperform the market after the tariff climbdown?"
            said = f"{_undated_words(settled.undated)}; to have it answered, name the event's day."
            return Corrections(answered="Undated", text=said)
        return Corrections()
    if settled is not None and not premises and not settled.why:
        for answer in (_undone_answered, _gap_answered, _periods_answered, _spread_answered):
            answered = answer(question, settled, ledger, as_of)
            if answered is not None:
                return answered
    found = Corrections()
    text = "Correction:"
    numbers: list[NumberCheck] = []
    cited: list[int] = []

    def add(head: str, tail: str) -> bool:
        nonlocal text
        checked = _checked(head, ledger, as_of)
        if checked is None:
            return False
        at = len(text) + 1  # the question's own figure, quoted after it, is not checked
        numbers.extend(n.model_copy(update={"start": n.start + at, "end": n.end + at})
                       for n in checked.numbers)  # fmt: skip
        cited.extend(checked.cited)
        text += f" {head}{tail}"
        return True

    for premise in premises:
        head = _stated(premise.fact, premise.measure, premise.source)
        if head is not None and add(head, f", not {premise.stated}."):
            found.premises.append(premise)
    if settled is not None and not found.premises and not yes_no:
        up = settled.direction == "up"
        for fact, n in (m for m in moves if (m[0].value > 0) != up):
            head = _stated(fact, "move", n)
            if head is not None and add(head, f"; it did not {'rise' if up else 'fall'}."):
                found.directions.append(f"that {fact.subject} {'rose' if up else 'fell'}")
    if found.premises or found.directions:
        found.text = text
        found.verification = Verification(numbers=numbers, cited=list(dict.fromkeys(cited)))
    return found


# "Did SPY gain more than 5%?", "…faster than QQQ?": a bound or a comparison, not the direction.
_COMPARES = re.compile(
    r"\b(?:more|less|fewer|than|faster|slower|most|least|best|worst|biggest|smallest|every|each)\b",
    re.IGNORECASE,
)


def _only_the_direction(question: str, as_of: date | None) -> bool:
    """Whether a yes-or-no question asks only which way a move went: no figure of its own
    (dates aside) and no bound or comparison."""
    figures = [c for c in extract_claims(question, as_of) if not c.is_date]
    # "higher than it was on May 1" compares the present with a point: the move since it
    return not figures and not _COMPARES.search(points_compared(edges_compared(question)))


def _checked(head: str, ledger: SourceLedger, as_of: date | None) -> Verification | None:
    """The checks of code's line `head`, when every figure in it checks out as written (code
    shows nothing else)."""
    shown, checked = verify_answer(head, ledger, as_of, check_support=False)
    if (
        shown != head
        or not checked.figures
        or any(n.status not in CHECKED for n in checked.numbers)
    ):
        return None
    return checked


def _asked_moves(settled: Understanding, ledger: SourceLedger) -> list[tuple[Fact, int]]:
    """The measured move (fact, source) of each instrument a figure question gives a move word
    ("how much did the S&P 500 gain in December?", "did utilities rise in January?"), one
    window each and not flat. None for a why-question (its own note says it), a ranking or a
    comparison."""
    intent = settled.intent
    if (
        settled.why
        or settled.direction is None
        or intent is None
        or intent.measure != "return"
        or intent.rank != "none"
        or intent.versus is not None
    ):
        return []
    moves = _moves_of(_data_facts(ledger, {i.symbol for i in settled.instruments}))
    # Two windows of one instrument ("Q4 vs Q3") are a comparison, said by its own figures.
    return [found[0] for found in moves.values() if len(found) == 1 and found[0][0].value]


def _answered(
    move: tuple[Fact, int], settled: Understanding, ledger: SourceLedger, as_of: date | None
) -> Corrections:
    """A yes-or-no question about one instrument's move, answered in code's words when the line
    checks out: "Did utilities rise in January?" → "Yes: XLU rose 1.31% [1] from 2025-12-31 to
    2026-01-30."; "No: …" when it went the other way."""
    fact, n = move
    head = _stated(fact, "move", n)
    checked = _checked(head, ledger, as_of) if head is not None else None
    if head is None or checked is None:
        return Corrections()
    if settled.undated:
        # "Did small caps claw back their losses after the greenland scare?": the model chose
        # the window (the latest session), and a yes or no for it was no answer to the event
        prefix = f"{_undated_words(settled.undated)}. Over the window the model chose, "
        found = _opened(prefix, head, checked, "Undated")
        found.text = f"{found.text.removesuffix('.')}; to have it answered, name the event's day."
        return found
    answered = "Yes" if (fact.value > 0) == (settled.direction == "up") else "No"
    return _answer_line(answered, head, checked)


def _undated_words(undated: str) -> str:
    """Code's words for a yes or no it cannot give: the event's words cannot be dated."""
    return f"No yes or no: '{undated}' is not a period code can date"


def _answer_line(answered: str, head: str, checked: Verification) -> Corrections:
    """Code's answer "Yes: <head>." / "No: <head>.", its checks moved past the "Yes: "."""
    return _opened(f"{answered}: ", head, checked, answered)


def _opened(prefix: str, head: str, checked: Verification, answered: str = "By") -> Corrections:
    """Code's line "<prefix><head>.", the checks of `head` moved past the prefix ("Yes: ",
    "Correction: GLD did not lag SPY. ", or none)."""
    at = len(prefix)
    numbers = [c.model_copy(update={"start": c.start + at, "end": c.end + at})
               for c in checked.numbers]  # fmt: skip
    return Corrections(answered=answered, text=f"{prefix}{head}.",
                       verification=Verification(numbers=numbers, cited=checked.cited))  # fmt: skip


def _data_facts(ledger: SourceLedger, symbols: set[str | None]) -> list[tuple[Fact, int]]:
    """Every fact a data source states about one of `symbols`, with the source's number."""
    return [(fact, n) for n, source in ledger.items() if isinstance(source, DataSource)
            for fact in source.facts if fact.subject in symbols]  # fmt: skip


def _moves_of(facts: list[tuple[Fact, int]]) -> dict[str, list[tuple[Fact, int]]]:
    """The moves in % among `facts`, by subject."""
    moves: dict[str, list[tuple[Fact, int]]] = {}
    for fact, n in facts:
        if fact.measure == "return" and fact.unit == "%":
            moves.setdefault(fact.subject, []).append((fact, n))
    return moves


def _place_answered(
    question: str, settled: Understanding, ledger: SourceLedger, as_of: date | None
) -> Corrections | None:
    """A yes-or-no question about a place in a ranking the tools measured, answered in code's
    words: "was energy really the best performing sector last month?" → "No: XLF rose 2.70% [1]
    from 2025-11-28 to 2025-12-31, the best of the 11; XLE fell 1.14% [1] from 2025-11-28 to
    2025-12-31." (the model had written "Energy was the best performing sector, with +2.70%").
    None when the question claims no one place, or no source measured the whole group."""
    claimed = [p for p in places(question) if p.claim in ("first", "last")]
    intent = settled.intent
    if len(claimed) != 1 or intent is None or intent.rank == "none" or not settled.instruments:
        return None
    first, subject = claimed[0].claim == "first", settled.instruments[0].symbol
    for n, source in ledger.items():
        if not isinstance(source, DataSource):
            continue
        found = standing(family(subject), statements_of(n, source))
        if found is None:
            continue
        moves = {f.subject: f for f in source.facts if f.measure == "return" and f.unit == "%"}
        holder = moves.get((found.leader if first else found.trailer) or "")
        if holder is None or subject not in moves:
            return None  # the place's holder is not shown (the top of a longer list)
        answered = "Yes" if holder.subject == subject else "No"
        said = [_stated(holder, "move", n), _stated(moves[subject], "move", n)]
        if said[0] is None or (answered == "No" and said[1] is None):
            return None
        head = f"{said[0]}, the {'best' if first else 'worst'} of the {found.size}"
        head += f"; {said[1]}" if answered == "No" else ""
        checked = _checked(head, ledger, as_of)
        if checked is None or any(r.contradicted for r in checked.reasons):
            return None
        return _answer_line(answered, head, checked)
    return None


# "did healthcare outpace staples?", "has tech lagged the S&P?": which side the question asks,
# in the words the claim checker's places read, and "did better / worse"
_DID = r"(?:do|did|does|done|fare[ds]?|perform(?:s|ed)?)"
# "was gold a better bet than treasuries?": an investment judged by its move
_BET = r"(?:bet|investment|buy|play|performer|hold|place\s+to\s+be)"
_AHEAD = re.compile(
    rf"\b(?:{AHEAD_OF}|beaten(?!\s+(?:up|down))|{_DID}\s+better|ahead\s+of|better\s+{_BET})\b",
    re.I,
)
_BEHIND = re.compile(
    rf"\b(?:{BEHIND}|{_DID}\s+worse|f[ae]ll\s+behind|behind|worse\s+{_BET})\b", re.I
)


def _versus_answered(
    question: str, settled: Understanding, ledger: SourceLedger, as_of: date | None
) -> Corrections | None:
    """'Did healthcare outpace staples in the first half of January?' answered in code's words
    from the two measured moves: "No: XLV rose 1.40% [1] from 2025-12-31 to 2026-01-15; XLP
    rose 6.04% [1] from 2025-12-31 to 2026-01-15." (the model gave XLV's return and the gap and
    never said whether). None unless one instrument was measured against one other over one
    window and the question asks one side, ahead or behind."""
    intent = settled.intent
    if (
        intent is None or intent.measure != "return" or intent.versus is None
        or intent.rank != "none" or len(settled.instruments) != 2
    ):  # fmt: skip
        return None
    ahead = _AHEAD.search(question) is not None
    if ahead == (_BEHIND.search(question) is not None):
        return None
    versus = intent.versus
    subject = next((i.symbol for i in settled.instruments if i.symbol != versus), None)
    both = _both_moves(subject, versus, ledger, as_of) if subject is not None else None
    if both is None or both[0].value == both[1].value:
        return None
    mine, theirs, head, checked = both
    return _answer_line("Yes" if (mine.value > theirs.value) == ahead else "No", head, checked)


def _both_moves(
    first: str, second: str, ledger: SourceLedger, as_of: date | None
) -> tuple[Fact, Fact, str, Verification] | None:
    """The measured moves of two instruments (one window each) and code's line stating both,
    with its checks; None when either was not measured, was measured over two windows, or the
    line does not check out."""
    moves = _moves_of(_data_facts(ledger, {first, second}))
    if any(len(moves.get(s, [])) != 1 for s in (first, second)):
        return None
    (mine, n), (theirs, m) = moves[first][0], moves[second][0]
    said = [_stated(mine, "move", n), _stated(theirs, "move", m)]
    if said[0] is None or said[1] is None:
        return None
    head = f"{said[0]}; {said[1]}"
    checked = _checked(head, ledger, as_of)
    return None if checked is None else (mine, theirs, head, checked)


# "did stocks and bonds move in opposite directions?", "did gold and silver move together?":
# whether two markets' moves went the same way (asked of the opposite way, or of the same)
_OPPOSITE = re.compile(
    r"\b(?:opposite\s+(?:directions?|ways?)|(?:diverg\w*|decoupl\w*)|different\s+directions?)\b",
    re.IGNORECASE,
)
_TOGETHER = re.compile(
    r"\b(?:together|in\s+(?:tandem|lockstep|sync)|the\s+same\s+(?:direction|way))\b", re.IGNORECASE
)


def _together_answered(
    question: str, settled: Understanding, ledger: SourceLedger, as_of: date | None
) -> Corrections | None:
    """'Did stocks and bonds move in opposite directions on January 20?' answered in code's
    words from the two measured moves: "No: SPY fell 2.04% [1] from 2026-01-16 to 2026-01-20;
    AGG fell 0.38% [1] …". None unless two instruments were measured over one window each and
    the question asks whether they went the same way or opposite ways."""
    opposite = _OPPOSITE.search(question) is not None
    if opposite == (_TOGETHER.search(question) is not None) or len(settled.instruments) != 2:
        return None
    first, second = (i.symbol for i in settled.instruments)
    both = _both_moves(first, second, ledger, as_of)
    if both is None or not both[0].value or not both[1].value:
        return None  # a flat market went neither way
    mine, theirs, head, checked = both
    apart = (mine.value > 0) != (theirs.value > 0)
    return _answer_line("Yes" if apart == opposite else "No", head, checked)


def _judged_answered(
    question: str, settled: Understanding, ledger: SourceLedger, as_of: date | None
) -> Corrections | None:
    """'Has the VIX been elevated lately?' answered in code's words from the level asked about
    against its past year (`measures._judged_level`): "No: VIX averaged 16.05 [1] from
    2026-01-02 to 2026-01-30, below its average of 18.88 [2] from 2025-01-30 to 2026-01-30,
    when it ranged from 13.47 [4] to 52.33 [3]." The yardstick, the year's average, is said
    in the line. None unless one instrument's level was measured beside its year."""
    if not settled.against_its_year:
        return None
    high = judged_high(question)  # "elevated": Yes when above the year's average
    if len(settled.instruments) != 1 or high is None:
        return None
    symbol = settled.instruments[0].symbol
    facts = _data_facts(ledger, {symbol})
    means = sorted(((f, n) for f, n in facts if f.measure == "mean_level"),
                   key=lambda found: found[0].start or date.min)  # fmt: skip
    extremes = {f.measure: (f, n) for f, n in facts if f.measure in ("max_level", "min_level")}
    if not means or len(extremes) != 2:
        return None
    (year, y), (low, lo), (top, hi) = means[0], extremes["min_level"], extremes["max_level"]
    now = next(((f, n) for f, n in facts if f.measure == "level" and f.end == year.end), None)
    if now is None and len(means) == 2:
        now = means[1]
    if now is None:
        return None
    fact, n = now
    said = (
        f"{symbol} averaged {fact.shown} [{n}] from {fact.start} to {fact.end}"
        if fact.measure == "mean_level" else _stated(fact, "level", n)
    )  # fmt: skip
    if said is None or fact.value == year.value:
        return None
    above = fact.value > year.value
    head = (
        f"{said}, {'above' if above else 'below'} its average of {year.shown} [{y}] from "
        f"{year.start} to {year.end}, when it ranged from {low.shown} [{lo}] to {top.shown} [{hi}]"
    )
    checked = _checked(head, ledger, as_of)
    if checked is None:
        return None
    return _answer_line("Yes" if above == high else "No", head, checked)


# "by how much did gold outperform the S&P?", "how far did tech trail the market?", "by what
# margin …": the size of one market's lead over another, not whether it led
_HOW_FAR = re.compile(
    r"\bhow\s+(?:much|far|many\s+(?:percentage\s+)?points)\b|\bby\s+what\s+(?:margin|amount)\b",
    re.IGNORECASE,
)


# "how much more did silver gain than gold?" asks silver's lead; "… fall than …" its lag
_MORE_THAN = re.compile(
    r"\bhow\s+much\s+more\b.*?\b(?:(?P<fall>f[ae]ll|drop\w*|los[et]\w*|declin\w*|slid\w*|"
    r"sank|sink\w*|shed)|gain\w*|r[io]se|climb\w*|rall\w*|jump\w*|return\w*|advanc\w*)\b.*?\bthan\b",
    re.IGNORECASE,
)


def _gap_answered(
    question: str, settled: Understanding, ledger: SourceLedger, as_of: date | None
) -> Corrections | None:
    """'By how much did gold outperform the S&P in the fourth quarter?' answered in code's
    words from the measured gap and the two moves: "GLD outperformed SPY by 9.13 percentage
    points [1] from 2025-09-30 to 2025-12-31: GLD rose 11.49% [1] …; SPY rose 2.36% [1] …."
    (the model had written GLD's own return as the margin). Asked the wrong way round ("how
    much did gold lag the S&P?"), the line opens "Correction:" and says it did not. None
    unless one market was measured against one other over one window and the question asks
    how far one was ahead or behind."""
    intent = settled.intent
    if (
        intent is None or intent.measure != "return" or intent.versus is None
        or len(settled.instruments) != 2 or not _HOW_FAR.search(question)
    ):  # fmt: skip
        return None
    more = _MORE_THAN.search(question)  # "how much more did silver gain than gold?"
    ahead = _AHEAD.search(question) is not None or bool(more and not more["fall"])
    if ahead == (_BEHIND.search(question) is not None or bool(more and more["fall"])):
        return None
    versus = intent.versus
    subject = next((i.symbol for i in settled.instruments if i.symbol != versus), None)
    facts = _data_facts(ledger, {subject, versus})
    moves = _moves_of(facts)
    gaps = [(f, n) for f, n in facts if f.subject == subject and f.versus == versus
            and f.measure == "return_difference"]  # fmt: skip
    if len(gaps) != 1:
        return None  # not measured, or over two windows
    gap, g = gaps[0]
    over = {s: [(f, n) for f, n in moves.get(s or "", []) if (f.base, f.end) == (gap.base, gap.end)]
            for s in (subject, versus)}  # fmt: skip
    if not gap.value or any(len(found) != 1 for found in over.values()):
        return None
    (mine, n), (theirs, m) = over[subject][0], over[versus][0]
    said = [_stated(mine, "move", n), _stated(theirs, "move", m)]
    if None in said:
        return None
    led = gap.value > 0
    size = gap.shown.lstrip("+-\u2212").removesuffix("pp").strip()
    where = f"from {gap.base} to {gap.end}" if gap.base else f"from {gap.start} to {gap.end}"
    verb = "outperformed" if led else "lagged"
    head = f"{subject} {verb} {versus} by {size} percentage points [{g}] {where}: "
    head += "; ".join(s for s in said if s)
    checked = _checked(head, ledger, as_of)
    if checked is None:
        return None
    # Asked the wrong way round, the line opens with the correction.
    way = "lead" if ahead else "lag"
    return _opened("" if led == ahead else f"Correction: {subject} did not {way} {versus}. ",
                   head, checked)  # fmt: skip


# "which two sectors diverged the most", "the gap between the best and worst sector": the
# ends of a ranking, not its top two ("leaders and laggards" has its own lead line)
_ENDS_OF_A_RANKING = re.compile(
    r"\bdiverg\w*|\b(?:furthest|farthest|most|widest)\s+apart\b|\b(?:widest|biggest|largest)\s+"
    r"(?:gap|spread|divide)\b|\b(?:gap|spread|difference|distance)\s+between\s+the\s+(?:best|top|"
    r"strongest|worst|bottom|weakest)\b",
    re.IGNORECASE,
)


def _spread_answered(
    question: str, settled: Understanding, ledger: SourceLedger, as_of: date | None
) -> Corrections | None:
    """'Which two sectors diverged the most last month?' opened with the ranking's two ends in
    code's words: "XLF rose 2.70% [1] from 2025-11-28 to 2025-12-31, the best of the 11; XLU
    fell 5.79% [1] from 2025-11-28 to 2025-12-31, the worst." (the model named the top two,
    XLF and XLC). None unless a ranked group's moves were measured over one window."""
    intent = settled.intent
    if (
        intent is None or intent.rank == "none" or intent.measure != "return"
        or len(settled.instruments) < 3 or not _ENDS_OF_A_RANKING.search(question)
    ):  # fmt: skip
        return None
    subject = settled.instruments[0].symbol
    for n, source in ledger.items():
        if not isinstance(source, DataSource):
            continue
        found = standing(family(subject), statements_of(n, source))
        if found is None or not found.leader or not found.trailer:
            continue
        moves = {f.subject: f for f in source.facts if f.measure == "return" and f.unit == "%"}
        ends = [moves.get(found.leader), moves.get(found.trailer)]
        said = [_stated(f, "move", n) for f in ends if f is not None]
        if len(said) != 2 or None in said:
            return None
        head = f"{said[0]}, the best of the {found.size}; {said[1]}, the worst"
        checked = _checked(head, ledger, as_of)
        return _opened("", head, checked) if checked is not None else None
    return None


def _periods_answered(
    question: str, settled: Understanding, ledger: SourceLedger, as_of: date | None
) -> Corrections | None:
    """'Walk me through SPY's monthly performance in 2025' (a move per calendar month or week,
    `understand.periods`) opened with its best and worst in code's words: "SPY rose 6.28% [4]
    from 2025-04-30 to 2025-05-30, its best month; SPY fell 5.86% [2] from 2025-02-28 to
    2025-03-31, its worst." (the model wrote February's -3.06% as "SPY's monthly performance in
    2025"). None unless one instrument's move was measured over three or more periods."""
    unit = settled.each
    if not unit or len(settled.instruments) != 1:
        return None
    symbol = settled.instruments[0].symbol
    moves = [(f, n) for f, n in _data_facts(ledger, {symbol}) if f.measure == "return"]
    if len(moves) < 3 or len(moves) != len(settled.calls):
        return None
    best, worst = max(moves, key=lambda m: m[0].value), min(moves, key=lambda m: m[0].value)
    said = [_stated(best[0], "move", best[1]), _stated(worst[0], "move", worst[1])]
    if best[0].value == worst[0].value or None in said:
        return None
    head = f"{said[0]}, its best {unit}; {said[1]}, its worst"
    checked = _checked(head, ledger, as_of)
    return _opened("", head, checked) if checked is not None else None


def _threshold_answered(
    question: str, settled: Understanding, ledger: SourceLedger, as_of: date | None
) -> Corrections | None:
    """'Did the VIX close above 20 at any point in January?' answered in code's words from the
    window's highest (lowest) level: "Yes: VIX's highest close was 20.09 [1], on 2026-01-20,
    above 20." (the model's sentence was cut, and the question went unanswered). None unless
    one instrument's extreme level was measured against a line the question draws."""
    intent = settled.intent
    line = threshold_asked(question)
    if (
        line is None or intent is None or intent.measure != "level"
        or intent.aggregate not in ("max", "min") or len(settled.instruments) != 1
    ):  # fmt: skip
        return None
    side, value = line
    symbol, measure = settled.instruments[0].symbol, f"{intent.aggregate}_level"
    for n, source in ledger.items():
        facts = source.facts if isinstance(source, DataSource) else []
        for fact in facts:
            if (fact.subject, fact.measure) != (symbol, measure) or fact.on is None:
                continue
            word = "highest" if intent.aggregate == "max" else "lowest"
            head = f"{symbol}'s {word} close was {fact.shown} [{n}], on {fact.on}"
            checked = _checked(head, ledger, as_of)
            if checked is None:
                return None
            crossed = fact.value > value if side == "above" else fact.value < value
            found = _answer_line("Yes" if crossed else "No", head, checked)
            said = f"{value:g}"
            found.text = (
                f"{found.text.removesuffix('.')}, {'' if crossed else 'never '}{side} {said}."
            )
            return found
    return None


def _record_answered(
    question: str, settled: Understanding, ledger: SourceLedger, as_of: date | None
) -> Corrections | None:
    """'Did the S&P 500 close at a record on Christmas Eve?' answered in code's words from the
    count of new closing highs: "Yes: SP500 set 1 new closing high [1], the latest on
    2025-12-24." / "No: SPY set 0 new closing highs [1] from … to …." (the model wrote "closed
    at a record" beside the close's level, and the record went unchecked). None unless one
    instrument's new highs were counted."""
    intent = settled.intent
    if intent is None or intent.measure != "new_highs" or len(settled.instruments) != 1:
        return None
    symbol = settled.instruments[0].symbol
    # The latest count: a chat's ledger holds the earlier questions' too.
    for fact, n in reversed(_data_facts(ledger, {symbol})):
        if fact.measure != "count_new_highs":
            continue
        words = "new closing high" if fact.value == 1 else "new closing highs"
        if fact.on is not None:
            when = f", the latest on {fact.on}"
        elif fact.start is None or fact.start == fact.end:
            when = f" on {fact.end}"
        else:
            when = f" from {fact.start} to {fact.end}"
        head = f"{symbol} set {fact.shown} {words} [{n}]{when}"
        checked = _checked(head, ledger, as_of)
        if checked is None:
            return None
        return _answer_line("Yes" if fact.value > 0 else "No", head, checked)
    return None


def _undone_answered(
    question: str, settled: Understanding, ledger: SourceLedger, as_of: date | None
) -> Corrections | None:
    """'Has XLK made back its January 20 losses?' answered in code's words from the two moves
    `understand.undone` settles, from the same base close: the named one and the one to the
    latest. "Yes: XLK fell 1.97% [1] from 2026-01-16 to 2026-01-20; XLK rose 0.61% [2] from
    2026-01-16 to 2026-01-30, so the fall has been made back." (the move of January 20 alone
    had been measured, and the question left unanswered). None unless both were measured."""
    way = undid(settled.question)
    if way is None or len(settled.instruments) != 1 or len(settled.calls) != 2:
        return None
    symbol, named = settled.instruments[0].symbol, settled.calls[0]
    moves = _moves_of(_data_facts(ledger, {symbol})).get(symbol, [])
    first = next((m for m in moves if m[0].end == named.end), None)
    day = named.end
    if first is None or day is None:
        return None
    later = [(m[0].end, m) for m in moves if m[0].base == first[0].base and m[0].end is not None
             and m[0].end > day]  # fmt: skip
    if not later:
        return None
    latest = max(later, key=lambda dated: dated[0])[1]
    heads = [_stated(first[0], "move", first[1]), _stated(latest[0], "move", latest[1])]
    if None in heads or (first[0].value > 0) == (way == "up"):  # no move of the kind undone
        return None
    head = f"{heads[0]}; {heads[1]}"
    checked = _checked(head, ledger, as_of)
    if checked is None:
        return None
    # Back to the base close or past it: a fall made back (a rise erased).
    done = latest[0].value >= 0 if way == "up" else latest[0].value <= 0
    move, verb = ("fall", "made back") if way == "up" else ("rise", "erased")
    said = f", so the {move} has {'' if done else 'not '}been {verb}."
    if _YES_NO.search(settled.question):
        found = _answer_line("Yes" if done else "No", head, checked)
    else:  # "how much of the selloff has tech recovered": the figures, then the verdict
        found = _opened("", head, checked, "Undone")
    found.text = found.text.removesuffix(".") + said
    return found


def _goes_on_answered(
    question: str, settled: Understanding, ledger: SourceLedger, as_of: date | None
) -> Corrections | None:
    """'Is the small cap run still going?' answered in code's words from the run and the move
    since its last session (`copilot.answering.goes_on`): "No: IWM rose 6.11% [1] from
    2026-01-02 to 2026-01-26; since then IWM fell 1.64% [2] from 2026-01-26 to 2026-01-30, so
    the rise has not gone on since 2026-01-26." ("The small cap run is still going", the model
    had written, four sessions after the run's last). None unless the run was measured."""
    last, asked = settled.run_end, run_asked(question)
    if last is None or asked is None or not settled.instruments:
        return None
    symbol = settled.instruments[0].symbol
    moves = _moves_of(_data_facts(ledger, {symbol})).get(symbol, [])
    run = next((m for m in moves if m[0].end == last and m[0].value), None)
    if run is None:
        return None
    since = next((m for m in reversed(moves) if m[0].base == last and m[0].end != last), None)
    heads = [_stated(run[0], "move", run[1])]
    if since is not None:
        heads.append(_stated(since[0], "move", since[1]))
    if None in heads:
        return None
    head = f"{heads[0]}, up to the latest session"
    if since is not None:
        head = f"{heads[0]}; since then {heads[1]}"
    checked = _checked(head, ledger, as_of)
    if checked is None:
        return None
    kind = "rise" if run[0].value > 0 else "fall"
    goes_on = since is None or (since[0].value != 0 and (since[0].value > 0) == (run[0].value > 0))
    said = "goes on" if goes_on else f"has not gone on since {last}"
    found = _answer_line("Yes" if goes_on == (asked == "on") else "No", head, checked)
    found.text = f"{found.text.removesuffix('.')}, so the {kind} {said}."
    return found


# The usual lines for a fall from the peak, said in words (a convention, not a figure to check).
_CORRECTION = (10.0, "a correction is commonly a fall of a tenth or more from the peak")
_BEAR_MARKET = (20.0, "a bear market is commonly a fall of a fifth or more from the peak")


def _correction_answered(
    question: str, settled: Understanding, ledger: SourceLedger, as_of: date | None
) -> Corrections | None:
    """'Is tech in a correction?' or 'is XLK within 5% of its high?' answered in code's words
    from the measured distance from the extreme: "No: XLK is 5.38% [1] below its 2025-10-29
    peak (a correction is commonly a fall of a tenth or more from the peak)." (the tool's line
    stood alone, the question unanswered). None unless one instrument's distance from its peak
    or trough was measured and the question names a correction, a bear market or a bound."""
    intent = settled.intent
    if intent is None or len(settled.instruments) != 1:
        return None
    fall = fall_from_peak_named(question) if intent.measure == "distance_from_peak" else None
    bound = within_bound(question)
    if intent.measure not in _EXTREMES or (fall is None and bound is None):
        return None
    symbol = settled.instruments[0].symbol
    for n, source in ledger.items():
        if not isinstance(source, DataSource):
            continue
        for fact in source.facts:
            if (fact.subject, fact.measure, fact.unit) != (symbol, intent.measure, "%"):
                continue
            if fact.on is None:
                return None
            side, extreme = _EXTREMES[intent.measure]
            head = f"{symbol} is {fact.shown.lstrip('+-−')} [{n}] {side} its {fact.on} {extreme}"
            checked = _checked(head, ledger, as_of)
            if checked is None:
                return None
            if bound is not None:  # the question's own bound, in its words
                inside = abs(fact.value) <= bound[0]
                found = _answer_line("Yes" if inside else "No", head, checked)
                tail = f"inside the {bound[1]} asked about" if inside else (
                    f"more than the {bound[1]} asked about")  # fmt: skip
                found.text = f"{found.text.removesuffix('.')}, {tail}."
                return found
            line, convention = _BEAR_MARKET if fall == "bear market" else _CORRECTION
            found = _answer_line("Yes" if -fact.value >= line else "No", head, checked)
            found.text = f"{found.text.removesuffix('.')} ({convention})."
            return found
    return None


_EXTREMES = {"distance_from_peak": ("below", "peak"), "distance_from_trough": ("above", "low")}


def _stated(fact: Fact, measure: str, n: int) -> str | None:
    """'XLE rose 9.39% [1] from 2025-12-31 to 2026-01-22' (the move from the base close),
    'SPY closed at 688.98 [1] on 2026-01-22', written from the fact itself."""
    shown = fact.shown.lstrip("+-\u2212")
    if not shown:
        return None
    if measure == "move":
        verb = "rose" if fact.value > 0 else "fell" if fact.value < 0 else "was unchanged,"
        if fact.base is not None and fact.end is not None:
            where = f"from {fact.base} to {fact.end}"
        elif fact.start is not None and fact.end is not None and fact.start != fact.end:
            where = f"from {fact.start} to {fact.end}"
        elif fact.end is not None:
            where = f"on {fact.end}"
        else:
            return None
        return f"{fact.subject} {verb} {shown} [{n}] {where}"
    if measure == "level" and fact.end is not None:
        verb = "closed at" if fact.unit == "$" else "stood at"
        return f"{fact.subject} {verb} {fact.shown} [{n}] on {fact.end}"
    if fact.start is not None and fact.end is not None:
        what = fact.measure.replace("_", " ")
        return f"{fact.subject} {what} was {fact.shown} [{n}] from {fact.start} to {fact.end}"
    return None


def prepend(corrected: Corrections, text: str, v: Verification) -> tuple[str, Verification]:
    """`text` opened by the correction line, the checks of both at their new offsets."""
    return opened_with(corrected.text, corrected.verification, text, v)


def opened_with(
    head: str, head_checks: Verification, text: str, v: Verification
) -> tuple[str, Verification]:
    """`text` opened by code's own `head` paragraph (checked apart, or not at all: words
    about the store, not claims), the checks of both at their new offsets."""
    if not head:
        return text, v
    if text.strip() == head.strip():  # the model copied code's line word for word: said once
        text, v = "", v.model_copy(update={"numbers": [], "reasons": [], "cited": []})
    shift = len(head) + 2
    numbers = [*head_checks.numbers,
               *(n.model_copy(update={"start": n.start + shift, "end": n.end + shift})
                 for n in v.numbers)]  # fmt: skip
    reasons = [r.model_copy(update={"start": r.start + shift, "end": r.end + shift})
               for r in v.reasons]  # fmt: skip
    cited = list(dict.fromkeys([*head_checks.cited, *v.cited]))
    joined = f"{head}\n\n{text}" if text else head
    return joined, v.model_copy(update={"numbers": numbers, "reasons": reasons, "cited": cited})
