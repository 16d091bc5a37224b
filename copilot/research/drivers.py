"""The report's "What drove the move": the why-answer's reasons turns, run on the report's news.

A report on a move cited the articles its prose sections happened to cite (three of eight on the
flagship topic), and its reasons were the model's summary of one or two of them. Here every
article the news-drivers step ranked gets the answer's own turn (`copilot.answering.reason_turns`):
its excerpt alone, one sentence back citing it, withheld when it does not hold up, and a second
turn on the causes its excerpt tells that the first draft did not take (`the_rest`), as in
answers, though only after the articles still unread. The kept sentences are the section, so
the report cites as many distinct articles as hold up. Deciding which drafts are kept is pure
(the checks re-run on the recorded drafts), so a replayed bundle shows the same section.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date

from copilot.answer import ToolCallRecord
from copilot.answering.quotes import quote_for, quoted
from copilot.answering.reason_turns import (
    ReasonJudge,
    about_the_move,
    measured_facts,
    one_reason,
    reason_messages,
    reason_over,
    rest_turn,
)
from copilot.answering.sheet import move_brief, move_markets, sheet_articles
from copilot.answering.tidy import tidy
from copilot.claims.cause_judge import CauseJudge, Recorded
from copilot.facts import Fact
from copilot.llm.base import ChatMessage, SupportsYesNo
from copilot.research.budget import BudgetExhausted
from copilot.research.models import ResearchEvent, ResearchRecord, StepRecord
from copilot.research.sections import SectionResult, SectionSpec, check_fields
from copilot.research.writer import SectionWriter
from copilot.sources import SourceLedger

PREFIX = "drivers:"  # a draft's section key: "drivers:5" is article [5]'s turn
TITLE = "What drove the move"
MOST_REASONS = 4  # the floor of distinct articles for a report; more reads cost calls
MOST_READS = 8  # articles read at most (drafts that do not hold up send the next-ranked)
REVISION_RESERVE = 1  # a call kept for the revision of a section with unverified figures
REASON_MAX_TOKENS = 140  # as the answer's (`AgentConfig.reason_max_tokens`)
SPEC = SectionSpec("drivers", TITLE, "")


def news_steps(steps: list[StepRecord]) -> list[StepRecord]:
    """The news-drivers steps that found articles."""
    return [s for s in steps if s.tool == "news_drivers" and s.status == "ok" and s.sources]


def as_records(steps: list[StepRecord]) -> list[ToolCallRecord]:
    return [ToolCallRecord(name=s.tool, arguments=s.args, output=s.output, sources=s.sources)
            for s in steps]  # fmt: skip


Turn = tuple[int, str, list[ChatMessage]]  # article number, the excerpt shown, the messages


def turns(
    steps: list[StepRecord], ledger: SourceLedger, topic: str, as_of: date, premise: str = ""
) -> tuple[list[Turn], Callable[[int, str], Turn]]:
    """The reasons turns, in the drivers steps' rank order, each turn the answer's own, and how
    a further turn on an article is made (its excerpt's rest, `the_rest`). With code's
    `premise` note (the move ran against the topic's word), each turn is asked about the move
    that happened, as the answer's are."""
    found = as_records(news_steps(steps))
    brief = move_brief(found) if found else ""
    question = about_the_move(brief) if premise and brief else topic
    fields = {"question": question, "as_of": as_of, "premise": premise}

    def turn(n: int, excerpt: str) -> Turn:
        return n, excerpt, reason_messages(n, excerpt, brief, fields)

    if not found:
        return [], turn
    articles = sheet_articles(found, ledger, MOST_READS, _measured(steps, ledger), as_of)
    return [turn(n, excerpt) for n, excerpt in articles], turn


Outsider = Callable[[str], str | None]  # a draft's company outside the move's sector, if any


def moved_symbols(steps: list[StepRecord]) -> list[str]:
    """The instruments whose move the news-drivers steps read news for."""
    return move_markets(as_records(news_steps(steps)))[0]


def recording(outsider: Outsider, verdicts: dict[str, str]) -> Outsider:
    """`outsider`, its findings written into `verdicts` (draft → company): the record keeps them
    so that a replay, with no market store, withholds the same drafts."""

    def judged(draft: str) -> str | None:
        company = outsider(draft)
        if company is not None:
            verdicts[draft] = company
        return company

    return judged


def _judge(
    steps: list[StepRecord], ledger: SourceLedger, topic: str, as_of: date,
    outsider: Outsider | None,
) -> ReasonJudge:  # fmt: skip
    """The answer's judge of drafts, against the report's measured moves: the same at drafting
    time and in a replay."""
    return ReasonJudge(ledger, as_of, topic, _measured(steps, ledger), outsider)


def _measured(steps: list[StepRecord], ledger: SourceLedger) -> list[Fact]:
    """The facts of the report's measure steps: the moves its articles are read and its drafts
    judged against."""
    return measured_facts(ledger, [n for s in steps if s.tool != "news_drivers"
                                   for n in s.sources])  # fmt: skip


def _take(judge: ReasonJudge, output: str, read: int) -> str:
    """A draft of article `read`'s turn judged, tidied as the report shows it, until
    `MOST_REASONS` are kept. Returns the draft ("" when none)."""
    draft = tidy(one_reason(output, read))
    if draft and len(judge.kept) < MOST_REASONS:
        judge.take(draft, read)
    return draft


def coverage_gap(steps: list[StepRecord]) -> str:
    """What the news-drivers search says when no stored article covers the move ("No stored
    article explains the move of XLU (searched news …). Add coverage with …"); "" when it found
    articles or did not run."""
    if news_steps(steps):
        return ""
    gaps = [
        s.output for s in steps
        if s.tool == "news_drivers" and s.status == "ok" and s.data.get("no_coverage")
    ]  # fmt: skip
    return gaps[0] if gaps else ""


def drivers_section(
    record: ResearchRecord, ledger: SourceLedger, judging: SupportsYesNo | None = None
) -> SectionResult | None:
    """The section from the recorded drafts, checked like any other; code's gap note when the
    search found no article on the move; None when the report explains no move. The reasons
    the support score accepts are read again (the cause judge) by `judging`, the judgements
    kept in `record.cause_judged`, or without it from there (a replay)."""
    drafts = [(c.output, int(c.section.removeprefix(PREFIX)))
              for c in record.llm_calls if c.section.startswith(PREFIX)]  # fmt: skip
    if not drafts:
        gap = coverage_gap(record.steps)
        if not gap:
            return None
        return SectionResult(key=SPEC.key, title=TITLE, written=True, fields={"gap": gap})
    judge = _judge(record.steps, ledger, record.topic, record.as_of, record.off_sector.get)
    for draft, read in drafts:
        _take(judge, draft, read)
    again = None
    if judging is not None or record.cause_judged:
        again = CauseJudge(Recorded(record.cause_judged, judging))
    result = check_fields(SPEC, {"reasons": judge.kept}, ledger, record.as_of, record.topic,
                          again)  # fmt: skip
    kept = result.fields.get("reasons", [])
    # Beside each reason, not in it: the summary and the marks match a reason by its text.
    quotes = [quoted(found[1]) if (found := quote_for(reason, ledger)) else ""
              for reason in (kept if isinstance(kept, list) else [])]  # fmt: skip
    return result.model_copy(update={"withheld": judge.withheld,
                                     "fields": {**result.fields, "quotes": quotes}})  # fmt: skip


def write_drivers(
    writer: SectionWriter, steps: list[StepRecord], ledger: SourceLedger, topic: str,
    as_of: date, sections: int, premise: str = "", outsider: Outsider | None = None,
) -> str | None:  # fmt: skip
    """Draft the reasons turns, as many articles together as reasons are still wanted; a draft
    that does not hold up (`outsider` among the checks, when given) sends the next-ranked
    article to the next round. Each round leaves the calls the `sections` and one revision
    need. Returns why the budget stopped the drafting (None when it did not)."""
    unread, turn = turns(steps, ledger, topic, as_of, premise)
    if not unread:
        return None
    rested: set[int] = set()  # an article's second turn, on its excerpt's rest: once, as answers
    judge = _judge(steps, ledger, topic, as_of, outsider)
    detail = f"{TITLE}: one reason per article, up to {MOST_REASONS}"
    writer.on_event(ResearchEvent(kind="section_started", name=SPEC.key, detail=detail))
    t0, tokens = time.perf_counter(), 0
    while unread:
        room = max(0, writer.budget.calls_left() - sections - REVISION_RESERVE)
        batch = unread[: min(MOST_REASONS - len(judge.kept), room)]
        if not batch:
            break
        unread = unread[len(batch) :]
        try:
            answers = writer.call_each([(f"{PREFIX}{n}", messages) for n, _, messages in batch],
                                       REASON_MAX_TOKENS, reason_over)  # fmt: skip
        except BudgetExhausted as exc:
            writer.on_event(ResearchEvent(kind="budget_stop", name=SPEC.key, detail=str(exc)))
            return str(exc)
        rests: list[Turn] = []
        for (n, excerpt, _), answer in zip(batch, answers, strict=True):
            draft = _take(judge, answer.text, n)
            tokens += answer.completion_tokens
            if draft and n not in rested:
                rested.add(n)
                if (rest := rest_turn(ledger.get(n), excerpt, draft)) is not None:
                    rests.append(turn(n, rest))
        # Read once the sheet's articles are: a report is held to the distinct articles it cites.
        unread = unread + rests
    detail = (f"{len(judge.kept)} reasons kept, {len(judge.withheld)} withheld; {tokens} tokens, "
              f"{time.perf_counter() - t0:.1f} s")  # fmt: skip
    writer.on_event(ResearchEvent(kind="section_finished", name=SPEC.key, detail=detail))
    return None
