"""The answer's lead, written by code when the model's sentences leave it out.

The model is asked to state the main figure first and to name the instrument. A small model
sometimes does neither ("[3.65%] [1]"), copies a figure that the checker then cuts, or names a
sector by a word the reader cannot tie to a fund. Code knows both: the main figure of each
market source is the first figure its line shows, and the instruments it is about are that
figure's subject (and benchmark). When the checked answer does not state that figure or does
not name those instruments, the tool's own line — figures exactly as computed, led by the
ticker — opens the answer, cited. It stays verbatim: a gloss beside the ticker ("Nasdaq-100")
would read to the claim checker as another instrument.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date

from copilot.answer import NumberCheck, ToolCallRecord, Verification
from copilot.answering.prune import prune_unsupported
from copilot.answering.ranking_line import (
    asked_line,
    body_lines,
    head_to_head,
    names,
    shown_places,
)
from copilot.claims.cause_judge import CauseJudge
from copilot.claims.numbers import find_dates
from copilot.facts import Fact
from copilot.sources import DataSource, SourceLedger
from copilot.tools.market_support import DEFINITION
from copilot.verify import verify_answer

NEWS_TOOLS = ("search_news", "news_drivers")
STATED = frozenset({"verified", "derived", "moved"})
# Not a line's main figure: a place, a date (a window's length is its own measure,
# `window_sessions`; a streak's sessions are the figure: "#1 XLY closed lower 3 sessions …").
_NOT_MAIN = frozenset({"rank", "date"})


def market_sources(
    records: list[ToolCallRecord], ledger: SourceLedger
) -> Iterator[tuple[ToolCallRecord, int, DataSource]]:  # fmt: skip
    """(record, its [n], its data source) of every market record that succeeded."""
    for record in records:
        if record.error or record.name in NEWS_TOOLS or not record.sources:
            continue
        n = record.sources[0]
        source = ledger.get(n)
        if isinstance(source, DataSource):
            yield record, n, source


def main_fact(line: str, source: DataSource) -> Fact | None:
    """The fact of the first figure `line` shows (not a rank, a date or a window length); of a
    comparison, its first difference or change."""
    figures = [f for f in source.facts if f.shown and f.unit not in _NOT_MAIN]
    placed = [(line.find(f.shown), f) for f in figures if f.measure != "window_sessions"]
    placed = [(at, f) for at, f in placed if at >= 0]
    # A comparison's answer is its gap ("-2.55 pp vs XLP", "change …: -51 bp"), not one side.
    gaps = [(at, f) for at, f in placed if f.measure.endswith(("_difference", "_change"))]
    return min(gaps or placed, key=lambda p: p[0])[1] if placed else None


def _tolerance(shown: str) -> float:
    digits = re.search(r"\.(\d+)", shown)
    return 0.5 * 10.0 ** -(len(digits.group(1)) if digits else 0) + 1e-9


def states(numbers: Iterable[NumberCheck], fact: Fact) -> bool:
    """Some checked figure of the answer is the fact's value as shown (either sign: a checked
    'fell 3.64%' is the fact's -3.64%)."""
    tolerance = _tolerance(fact.shown)
    return any(n.kind == "figure" and n.status in STATED
               and abs(abs(n.value) - abs(fact.value)) <= tolerance for n in numbers)  # fmt: skip


# A best or worst day, week or month: its day is the answer as much as its size.
_EXTREME_PERIODS = re.compile(r"^(?:max|min)_(?:daily|weekly|monthly)_return$")


def dated(text: str, fact: Fact) -> bool:
    """Whether `text` says when an extreme day, week or month was ("Long bonds' worst month
    last year was -3.57%" said neither; found in the app): its day, or a monthly extreme's
    month by name. True for every other figure."""
    if fact.on is None or _EXTREME_PERIODS.match(fact.measure) is None:
        return True
    if any(found.day == fact.on or found.month_day == (fact.on.month, fact.on.day)
           for found in find_dates(text)):  # fmt: skip
        return True
    month = fact.on.strftime("%B")
    return (
        fact.measure.endswith("monthly_return")
        and re.search(rf"\b{month}\b", text, re.I) is not None
    )


def missing_leads(
    text: str, numbers: list[NumberCheck], records: list[ToolCallRecord], ledger: SourceLedger,
    question: str = "",
) -> list[str]:  # fmt: skip
    """The lead line of every market source whose main figure the answer does not state or
    whose instruments it does not name, each with its [n]."""
    leads: list[str] = []
    for record, n, source in market_sources(records, ledger):
        line = asked_line(record, question)
        if not line:
            continue
        fact = main_fact(line, source)
        if fact is None:
            continue
        wanted = [fact.subject, *([fact.versus] if fact.versus else []), *head_to_head(record)]
        wanted += shown_places(line)  # "the three best": each of the three is named
        if states(numbers, fact) and all(names(text, s) for s in wanted) and dated(text, fact):
            continue
        leads.append(f"{line.rstrip('.')} [{n}].")
    return leads


def move_paragraph(
    records: list[ToolCallRecord], ledger: SourceLedger, most: int = 4
) -> str:  # fmt: skip
    """A why-answer's first paragraph, written by code: every figure line of the market
    records (the move, the benchmark's, the streak), exactly as computed, each with its [n].
    A run of 0 sessions is left out: it is no part of a move being explained."""
    lines: list[str] = []
    for record, n, source in market_sources(records, ledger):
        if any(f.measure.endswith("streak") and f.value == 0 for f in source.facts):
            continue
        lines += [f"{line.rstrip('.')} [{n}]." for line in body_lines(record)
                  if not line.startswith(DEFINITION)]  # fmt: skip
    return " ".join(lines[:most])


def with_lead(text: str, leads: list[str]) -> str:
    """`text` opened by the lead lines, in a paragraph of their own (so a model sentence after
    them keeps its own subject)."""
    return "\n\n".join(p for p in (" ".join(leads), text.strip()) if p)


def answered(records: list[ToolCallRecord], why: bool) -> list[ToolCallRecord]:
    """The records whose figures answer the question: a why-question's first measure (the move;
    its streak and the news are context), else every record."""
    if not why:
        return records
    return [r for r in records if not r.error and r.name not in NEWS_TOOLS][:1]


def lead_answer(
    text: str, verification: Verification, records: list[ToolCallRecord], why: bool,
    ledger: SourceLedger, as_of: date, question: str, judge: CauseJudge | None = None,
) -> tuple[str, Verification, list[str]]:  # fmt: skip
    """The checked answer opened by the lead lines it lacks, checked again (reasons read again
    by `judge` when given); a model sentence that is now unsupported is cut like any other (and
    listed), and the lead alone stays if nothing else holds."""
    leads = missing_leads(text, verification.numbers, answered(records, why), ledger, question)
    if not leads:
        return text, verification, []
    text, verification = verify_answer(with_lead(text, leads), ledger, as_of, question, judge=judge)
    text, cut = prune_unsupported(text, verification.numbers, verification.reasons)
    if cut:
        text = text if text.startswith(leads[0][:-1]) else " ".join(leads)
        text, verification = verify_answer(text, ledger, as_of, question, judge=judge)
    return text, verification, cut
