"""The answer pipeline with the scripted model over the real sample market data."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from copilot.agent import AgentConfig, Copilot
from copilot.answer import AgentEvent, Answer
from copilot.llm.base import ChatMessage
from copilot.llm.scripted import ScriptedLLM
from copilot.tools import ToolDeps
from tests.raw import index_of, raw_closes

PLAN = json.dumps(
    {
        "calls": [
            {"tool": "streak", "args": {"symbol": "IWM", "versus": "SPY", "end": "2026-01-22"}},
            {"tool": "price_return",
             "args": {"symbol": "IWM", "start": "2025-12-31", "end": "2026-01-22"}},
        ]
    }
)  # fmt: skip


@pytest.fixture
def expected(shared_data: Path) -> dict[str, str]:
    """Figures computed from the raw CSVs: the streak length and IWM's return, as written."""
    prices = shared_data / "market" / "prices"
    iwm, spy = raw_closes(prices, "IWM"), raw_closes(prices, "SPY")
    i = index_of(iwm, "2026-01-22")
    streak = 0
    while iwm[i - streak][1] / iwm[i - streak - 1][1] > spy[i - streak][1] / spy[i - streak - 1][1]:
        streak += 1
    start = iwm[index_of(iwm, "2025-12-31")][1]
    ret = (iwm[i][1] / start - 1) * 100
    return {"streak": str(streak), "return": f"{ret:.2f}%", "return_1dp": f"{ret:.1f}%"}


def run(deps: ToolDeps, turns: list[Any], **config: Any) -> tuple[Answer, list[AgentEvent]]:
    llm = ScriptedLLM(turns)
    events: list[AgentEvent] = []
    answer = Copilot(deps, llm, AgentConfig(**config)).ask(
        "How long did small caps beat the S&P 500?", as_of=date(2026, 1, 23),
        on_event=events.append,
    )  # fmt: skip
    llm.assert_consumed()
    return answer, events


def test_plan_execute_write_verify(shared_deps: ToolDeps, expected: dict[str, str]) -> None:
    seen: list[list[ChatMessage]] = []

    def writer(messages: list[ChatMessage]) -> str:
        seen.append(messages)
        return (
            f"Small caps beat the S&P 500 for {expected['streak']} sessions in a row through "
            f"January 22 [1], gaining {expected['return']} since the end of 2025 [2]."
        )

    answer, events = run(shared_deps, [PLAN, writer])
    assert [r.name for r in answer.tool_calls] == ["streak", "price_return"]
    assert answer.verification.cited == [1, 2]
    statuses = {n.text: n.status for n in answer.verification.numbers}
    assert statuses[expected["streak"]] == "verified"
    assert statuses[expected["return"]] == "verified"
    assert all(s == "verified" for s in statuses.values())
    # The writer saw both tool outputs as numbered evidence, and the as-of date as "today".
    prompt = seen[0][-1]["content"]
    assert "[1] IWM beat SPY" in prompt and "[2] IWM" in prompt
    assert "Today is 2026-01-23" in seen[0][1]["content"]
    kinds = [e.kind for e in events]
    assert kinds[0] == "phase" and "tool_started" in kinds and kinds[-1] == "token"
    assert answer.timings["total"] > 0 and answer.tokens["llm_calls"] == 2


def test_plan_prompt_maps_concepts_to_symbols(shared_deps: ToolDeps) -> None:
    def planner(messages: list[ChatMessage]) -> str:
        assert "IWM = Russell 2000 small caps" in messages[-1]["content"]
        assert "streak(symbol, versus?, end?)" in messages[0]["content"]  # the fixed system prompt
        return json.dumps({"calls": []})

    answer, _ = run(shared_deps, [planner, "No evidence was found."])
    assert answer.tool_calls == []


def test_unresolvable_citation_is_removed_and_flagged(
    shared_deps: ToolDeps, expected: dict[str, str]
) -> None:
    text = f"IWM beat SPY for {expected['streak']} sessions [1] [7]."
    answer, _ = run(shared_deps, [PLAN, text])
    assert "[7]" not in answer.text and "[1]" in answer.text
    assert answer.verification.invalid_citations == [7]


def test_wrong_number_is_flagged_then_repaired(
    shared_deps: ToolDeps, expected: dict[str, str]
) -> None:
    wrong = f"IWM beat SPY for 99 sessions [1], up {expected['return']} [2]."
    fixed = f"IWM beat SPY for {expected['streak']} sessions [1], up {expected['return']} [2]."

    def repair(messages: list[ChatMessage]) -> str:
        assert "99" in messages[-1]["content"]  # the model is told what failed
        return fixed

    answer, events = run(shared_deps, [PLAN, wrong, repair])
    assert answer.verification.repaired and answer.text == fixed
    assert not answer.verification.unverified
    assert any(e.kind == "phase" and e.name == "repair" for e in events)


def test_repair_that_does_not_help_keeps_the_flagged_answer(shared_deps: ToolDeps) -> None:
    wrong = "IWM beat SPY for 99 sessions [1]."
    answer, _ = run(shared_deps, [PLAN, wrong, "IWM beat SPY for 98 sessions [1]."])
    assert answer.text == wrong
    (flagged,) = answer.verification.unverified
    # The streak source states 14: 99 is contradicted (before claims: "unverified").
    assert flagged.text == "99" and flagged.status == "contradicted"


def test_a_repair_that_makes_up_a_citation_is_not_taken(shared_deps: ToolDeps) -> None:
    wrong = "IWM beat SPY for 99 sessions [1]."
    answer, _ = run(shared_deps, [PLAN, wrong, "IWM beat SPY for many sessions [1] [9]."])
    assert answer.text == wrong and not answer.verification.repaired
    assert answer.verification.invalid_citations == []


def test_derived_figure_is_recognised(shared_deps: ToolDeps, shared_data: Path) -> None:
    prices = shared_data / "market" / "prices"
    iwm, spy = raw_closes(prices, "IWM"), raw_closes(prices, "SPY")
    a, b = index_of(iwm, "2025-12-31"), index_of(iwm, "2026-01-22")
    r_iwm = round((iwm[b][1] / iwm[a][1] - 1) * 100, 2)
    r_spy = round((spy[b][1] / spy[a][1] - 1) * 100, 2)
    gap = f"{r_iwm - r_spy:.2f}"
    plan = json.dumps({"calls": [
        {"tool": "price_return", "args": {"symbol": s, "start": "2025-12-31", "end": "2026-01-22"}}
        for s in ("IWM", "SPY")
    ]})  # fmt: skip
    text = f"IWM returned {r_iwm:.2f}% [1] against {r_spy:.2f}% [2], a gap of {gap} points."
    answer, _ = run(shared_deps, [plan, text])
    statuses = {n.text: n.status for n in answer.verification.numbers}
    assert statuses[f"{gap} points"] == "derived"  # "points" is read as the unit now


def test_malformed_plan_executes_nothing_and_goes_back_once(shared_deps: ToolDeps) -> None:
    bad = json.dumps({"calls": [{"tool": "streak", "args": {"symbol": "IWM", "end": "someday"}}]})
    good = json.dumps(
        {"calls": [{"tool": "streak", "args": {"symbol": "IWM", "end": "2026-01-22"}}]}
    )

    def fix(messages: list[ChatMessage]) -> str:
        assert "end" in messages[-1]["content"] and "someday" in messages[-2]["content"]
        return good

    answer, _ = run(shared_deps, [bad, fix, "IWM rose [1]."])
    assert [(r.name, r.arguments["end"]) for r in answer.tool_calls] == [("streak", "2026-01-22")]


def test_a_symbol_the_store_lacks_goes_back_to_the_model(shared_deps: ToolDeps) -> None:
    bad = json.dumps({"calls": [{"tool": "price_return", "args": {"symbol": "JNPR"}}]})
    good = json.dumps({"calls": [{"tool": "price_return", "args": {"symbol": "SPY"}}]})

    def fix(messages: list[ChatMessage]) -> str:
        assert "no data for 'JNPR'" in messages[-1]["content"]
        assert "SPY" in messages[-1]["content"]  # the stored symbols are listed
        return good

    answer, _ = run(shared_deps, [bad, fix, "SPY moved [1]."])
    assert [r.arguments["symbol"] for r in answer.tool_calls] == ["SPY"]


def test_still_malformed_after_one_retry_runs_only_valid_calls(shared_deps: ToolDeps) -> None:
    bad = json.dumps({"calls": [{"tool": "streak", "args": {"symbol": "IWM", "end": "someday"}}]})
    answer, _ = run(shared_deps, [bad, bad, "Nothing to report."])
    assert answer.tool_calls == []


def test_tool_calls_are_capped(shared_deps: ToolDeps) -> None:
    many = json.dumps({"calls": [
        {"tool": "price_return", "args": {"symbol": "XLK", "sessions": n}} for n in range(1, 9)
    ]})  # fmt: skip
    answer, _ = run(shared_deps, [many, "Done."], max_tool_calls=3)
    assert len(answer.tool_calls) == 3


def test_model_fixable_tool_error_is_recorded_not_raised(shared_deps: ToolDeps) -> None:
    plan = json.dumps(
        {"calls": [{"tool": "streak", "args": {"symbol": "IWM", "end": "2026-01-19"}}]}
    )
    answer, events = run(shared_deps, [plan, "No figures."])
    (record,) = answer.tool_calls
    assert record.error and "not an NYSE trading session" in record.output
    assert any(e.kind == "tool_finished" and e.error for e in events)


def test_prompts_share_a_fixed_prefix_for_the_kv_cache(shared_deps: ToolDeps) -> None:
    """The system prompt is the same for every question and the write turn extends the plan
    conversation, so a local model re-reads only the new tokens."""
    llm = ScriptedLLM([PLAN, "IWM beat SPY [1].", json.dumps({"calls": []}), "Nothing [1]."])
    copilot = Copilot(shared_deps, llm)
    copilot.ask("How long did small caps beat the S&P 500?", as_of=date(2026, 1, 23))
    copilot.ask("And utilities?", as_of=date(2026, 1, 22))
    llm.assert_consumed()
    plan_1, write_1, plan_2, _ = llm.calls
    assert plan_1[0] == plan_2[0]  # identical system message
    assert write_1[: len(plan_1)] == plan_1  # the write turn extends the plan turn
    assert write_1[len(plan_1)]["role"] == "assistant"


def test_plan_hints_name_stored_symbols_windows_and_dates(shared_deps: ToolDeps) -> None:
    from copilot.agent import concept_hints

    hints = concept_hints(
        shared_deps, "How far above its 200-day average did the S&P 500 index close on Jan 22?"
    )
    # The sample data holds the index as FRED's SP500 (not ^GSPC): the hint names what exists.
    assert hints.startswith("SP500 = ") and "^GSPC" not in hints
    assert "200-day = 200 sessions" in hints
    assert "dates mentioned: Jan 22" in hints  # no as-of: as written
    dated = concept_hints(
        shared_deps, "XLE from December 31 to the January 30 close?", date(2026, 1, 30)
    )
    assert "December 31 = 2025-12-31, January 30 = 2026-01-30" in dated


def test_why_it_moved_is_planned_in_code_and_written_data_first(
    research_deps: ToolDeps, shared_data: Path
) -> None:
    prices = shared_data / "market" / "prices"
    iwm = raw_closes(prices, "IWM")
    i = index_of(iwm, "2026-01-23")
    ret = f"{(iwm[i][1] / iwm[i - 20][1] - 1) * 100:+.2f}%"
    part_1 = f"IWM returned {ret} over 20 sessions [1]."
    part_2 = "Articles point to hopes for lower interest rates [4]."
    llm = ScriptedLLM([part_1, part_2])
    events: list[AgentEvent] = []
    answer = Copilot(research_deps, llm).ask(
        "Why did small caps rally?", as_of=date(2026, 1, 23), on_event=events.append
    )
    llm.assert_consumed()  # two write turns and no plan turn
    assert answer.planned_by == "rules"
    assert [r.name for r in answer.tool_calls] == [
        "price_return", "price_return", "streak", "search_news"
    ]  # fmt: skip
    data_turn, news_turn = llm.calls
    assert "[1] IWM" not in data_turn[0]["content"] and "[1] IWM" in data_turn[-1]["content"]
    assert "Today is 2026-01-23" in data_turn[-1]["content"]
    assert "<<<ARTICLE" not in data_turn[-1]["content"]
    assert "<<<ARTICLE" in news_turn[-1]["content"]
    assert news_turn[: len(data_turn)] == data_turn  # part 2 extends part 1's conversation
    assert answer.text == f"{part_1}\n\n{part_2}"
    assert {n.text: n.status for n in answer.verification.numbers}[ret] == "verified"
    assert "".join(e.text for e in events if e.kind == "token") == answer.text
    assert answer.timings["first_token"] < answer.timings["total"]
