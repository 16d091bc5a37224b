"""A report's evidence is the answer engine's why-evidence: the topic's move over its own window
(weekend and holiday ends settled in code, so no step fails on them), the run of sessions it beat
the S&P 500, and the news drivers around the move from distinct articles — kept first and whole
in the writer's evidence. Expected values come from the raw CSVs (tests/raw.py)."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from research_script import AS_OF, TOPIC

from copilot.llm.base import ChatMessage
from copilot.llm.scripted import ScriptedLLM
from copilot.research import ResearchSession
from copilot.research.budget import BudgetTracker
from copilot.research.drivers import drivers_section, write_drivers
from copilot.research.executor import execute
from copilot.research.models import Budget, LLMCallRecord, ResearchRecord, StepRecord
from copilot.research.planner import default_plan
from copilot.research.writer import EVIDENCE_CHARS, SectionWriter, evidence_text
from copilot.sources import NewsSource
from copilot.tools import ToolDeps
from tests.raw import close_on, raw_closes


def _run(deps: ToolDeps, topic: str, as_of: date, extra: int = 0) -> list[StepRecord]:
    deps.as_of = as_of
    plan = default_plan(deps, topic, as_of, Budget())
    for i in range(extra):  # the model's own steps, competing for the evidence's room
        args = {"query": f"stocks market week {i}", "k": 5, "until": as_of.isoformat()}
        plan = plan.add("search_news", args)
    steps, stopped = execute(deps, plan.steps, BudgetTracker(Budget()), lambda _e: None)
    assert stopped is None
    return steps


def test_a_topic_naming_an_instrument_gets_its_move_run_and_drivers(
    research_deps: ToolDeps, shared_data: Path
) -> None:
    steps = _run(research_deps, TOPIC, AS_OF)
    assert [s.tool for s in steps] == ["measure", "measure", "news_drivers"]
    assert all(s.status == "ok" for s in steps), [s.output for s in steps]
    move, streak, drivers = steps
    # "in January 2026": from the last close of 2025 to the as-of session.
    assert (move.args["start"], move.args["end"]) == ("2026-01-02", "2026-01-23")
    iwm = raw_closes(shared_data / "market" / "prices", "IWM")
    by_hand = (close_on(iwm, "2026-01-23") / close_on(iwm, "2025-12-31") - 1) * 100
    assert f"IWM: return {by_hand:+.2f}%" in move.output
    assert streak.args["measure"] == "beat_streak" and streak.args["versus"] == "SPY"
    assert drivers.args["direction"] == "up"
    articles = [research_deps.ledger.get(n) for n in drivers.sources]
    assert all(isinstance(a, NewsSource) for a in articles)
    news = [a for a in articles if isinstance(a, NewsSource)]
    assert len({a.article_id for a in news}) >= 4  # distinct articles, not one article's chunks
    assert all(a.published_at is not None and a.published_at.date() <= AS_OF for a in news)


def test_a_month_that_opens_on_a_holiday_and_ends_on_a_weekend_fails_no_step(
    research_deps: ToolDeps,
) -> None:
    # 2026-01-01 is New Year's Day; 2026-01-31 is a Saturday.
    steps = _run(research_deps, "How did energy stocks do in January 2026?", date(2026, 2, 10))
    assert steps and all(s.status == "ok" for s in steps), [s.output for s in steps]
    move = steps[0]
    assert move.args["symbols"][0] == "XLE"
    assert (move.args["start"], move.args["end"]) == ("2026-01-02", "2026-01-30")


def test_a_topic_naming_no_instrument_gets_the_market_and_a_news_search(
    research_deps: ToolDeps,
) -> None:
    steps = _run(research_deps, "What are people worried about?", AS_OF)
    assert [s.tool for s in steps] == ["price_return", "search_news"]
    assert steps[0].args["symbol"] == "SPY" and all(s.status == "ok" for s in steps)


def test_the_drivers_sheet_goes_first_and_whole_into_the_evidence(
    research_deps: ToolDeps,
) -> None:
    steps = _run(research_deps, TOPIC, AS_OF, extra=4)
    evidence = evidence_text(steps)
    assert len(evidence) <= EVIDENCE_CHARS
    why = [s for s in steps if s.tool in ("measure", "news_drivers")]
    # first and not cut (the metrics' definition lines stay in the References)
    shown = ["\n".join(line for line in s.output.splitlines() if not line.startswith("Definition:"))
             for s in why]  # fmt: skip
    assert evidence.startswith("\n\n".join(shown)) and "Definition:" not in evidence
    drivers = why[-1]
    for n in drivers.sources:
        assert f"<<<ARTICLE [{n}]" in evidence


def test_a_move_no_stored_article_covers_is_said_in_the_evidence(
    research_deps: ToolDeps,
) -> None:
    # The test news store holds articles from 2026-01-12 to 2026-01-23 only.
    steps = _run(research_deps, "Why did gold rally in October 2025?", date(2025, 11, 14))
    drivers = next(s for s in steps if s.tool == "news_drivers")
    assert drivers.status == "ok" and not drivers.sources and drivers.data["no_coverage"]
    evidence = evidence_text(steps)
    assert drivers.output in evidence and "no stored article" in drivers.output.lower()


def test_a_why_topic_asks_the_model_only_for_sub_questions(research_deps: ToolDeps) -> None:
    """Code planned the evidence: the plan call asks for sub-questions, shown code's steps."""
    questions = ["What news drove it?", "How far did small caps outrun large caps?"]
    llm = ScriptedLLM([json.dumps({"sub_questions": questions})])
    plan = ResearchSession(research_deps, llm).propose_plan(TOPIC, AS_OF)
    llm.assert_consumed()
    assert list(llm.json_schemas[0]["properties"]) == ["sub_questions"]  # type: ignore[index]
    assert llm.json_schemas[0]["properties"]["sub_questions"]["maxItems"] == 1  # type: ignore[index]
    prompt = llm.calls[0][-1]["content"]
    assert "the move of IWM, SPY (2026-01-02 to 2026-01-23)" in prompt
    assert "the news around the move of IWM" in prompt
    assert "already lists what drove the move" in prompt and "one short sub-question " in prompt
    assert "Tools (" not in prompt  # no tool menu: the model plans no step
    # The report's drivers section answers why: a why sub-question is not asked again.
    assert plan.sub_questions == ["How far did small caps outrun large caps?"]
    assert [s.tool for s in plan.steps] == ["measure", "measure", "news_drivers"]


@pytest.mark.parametrize(
    "asked",
    [["Why did small caps rally in January 2026?"],
     ["What factors contributed to the small caps rally in January 2026?"]],
)  # fmt: skip
def test_a_why_sub_question_alone_gives_way_to_codes_question_on_the_size(
    research_deps: ToolDeps, asked: list[str]
) -> None:
    llm = ScriptedLLM([json.dumps({"sub_questions": asked})])
    plan = ResearchSession(research_deps, llm).propose_plan(TOPIC, AS_OF)
    assert plan.sub_questions == [
        "How large was the move of IWM, and how did it compare with SPY's?"
    ]


def test_a_topic_naming_no_instrument_gets_the_models_full_plan(research_deps: ToolDeps) -> None:
    steps = [{"tool": "search_news", "feeds": "analysis",
              "args": {"query": "central bank independence", "k": 3}}]  # fmt: skip
    llm = ScriptedLLM([json.dumps({"sub_questions": ["What was said?"], "steps": steps})])
    plan = ResearchSession(research_deps, llm).propose_plan(
        "What are economists saying about central bank independence?", AS_OF
    )
    llm.assert_consumed()
    assert set(llm.json_schemas[0]["properties"]) == {"sub_questions", "steps"}  # type: ignore[index]
    assert "Tools (" in llm.calls[0][-1]["content"]
    assert plan.steps[0].tool == "search_news" and plan.steps[0].args["k"] == 3


def test_the_reports_drivers_read_an_article_again_for_the_cause_its_draft_did_not_take(
    research_deps: ToolDeps,
) -> None:
    # As the answer does (tests/agent/test_pipeline.py): Zacks' wrap of January 21 tells oil's
    # cause, "Oil prices ended Wednesday higher, supported by optimism over tighter supply
    # following a temporary shutdown at two major oil fields in Kazakhstan."
    kazakhstan = (
        "Oil prices ended Wednesday higher, supported by optimism over tighter supply "
        "following a temporary shutdown at two major oil fields in Kazakhstan."
    )
    topic, as_of = "Why did the energy sector rise on January 21, 2026?", date(2026, 1, 22)
    steps = _run(research_deps, topic, as_of)
    shown: list[tuple[int, str]] = []

    def turn(messages: list[ChatMessage]) -> str:
        fence = re.search(r"<<<ARTICLE \[(\d+)\][^\n]*\n(.*?)\n>>>", messages[-1]["content"], re.S)
        assert fence is not None
        shown.append((int(fence.group(1)), fence.group(2)))
        n, excerpt = shown[-1]
        if excerpt == kazakhstan:
            return f"{kazakhstan.rstrip('.')} [{n}]."
        return f"Energy rose 40% because shipping rates in Asia collapsed [{n}]."  # withheld

    calls: list[LLMCallRecord] = []
    writer = SectionWriter(ScriptedLLM([turn] * 8), {"role": "system", "content": "s"},
                           BudgetTracker(Budget()), lambda _e: None, calls)  # fmt: skip
    assert write_drivers(writer, steps, research_deps.ledger, topic, as_of, sections=0) is None
    wrap = next(n for n, excerpt in shown if kazakhstan in excerpt and excerpt != kazakhstan)
    assert [excerpt for n, excerpt in shown if n == wrap][1:] == [kazakhstan]
    # Read once every article of the sheet was: a report is held to the distinct articles.
    again = shown.index((wrap, kazakhstan))
    assert {n for n, _ in shown[:again]} == {n for n, _ in shown}
    # The recorded drafts replay to the same section: the oil cause kept, cited to the wrap.
    plan = default_plan(research_deps, topic, as_of, Budget())
    record = ResearchRecord(topic=topic, as_of=as_of, plan=plan, steps=steps, llm_calls=calls)
    section = drivers_section(record, research_deps.ledger)
    assert section is not None
    assert f"{kazakhstan.rstrip('.')} [{wrap}]." in section.fields["reasons"]
