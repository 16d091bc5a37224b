"""A report on a move: its Executive Summary opens with the move's tool lines, copied by code,
and the model explains the move from the reasons that held up, with no tool figure in its
evidence (scripted model, real data and articles)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from research_script import (
    AS_OF,
    RISKS,
    TOPIC,
    Quoting,
    Reasons,
    expected_returns,
    header,
    insights,
    is_reason_turn,
    plan_json,
)

from copilot.llm.base import ChatMessage
from copilot.llm.scripted import ScriptedLLM
from copilot.research import ResearchSession, to_markdown
from copilot.research.session import replay_report
from copilot.sources import SourceLedger
from copilot.tools import ToolDeps
from tests.raw import close_on, raw_closes


def test_the_summary_of_a_move_is_written_from_its_sound_reasons(
    research_deps: ToolDeps, shared_data: Path, tmp_path: Path
) -> None:
    ret = expected_returns(shared_data)  # from the raw closes
    seen: list[list[ChatMessage]] = []

    def summary(messages: list[ChatMessage]) -> str:
        seen.append(messages)
        return "The articles tie the rally to bank earnings and chip spending [3]."

    llm = ScriptedLLM(
        [plan_json(), header("Small caps rallied [1]."), f"IWM returned {ret['IWM']} [1].",
         insights("Small caps led [1]."), RISKS, summary],
        routes=[Quoting().route()],
    )  # fmt: skip
    session = ResearchSession(research_deps, llm)
    report = session.run(session.propose_plan(TOPIC, AS_OF))
    llm.assert_consumed()
    kept = report.sections["drivers"].fields["reasons"]
    assert isinstance(kept, list) and kept
    # The summary is the last call; its evidence is the kept reasons, not the tools' lines.
    (messages,) = seen
    prompt = messages[-1]["content"]
    evidence = prompt.split("Evidence:\n", 1)[1].split("Task:")[0]
    assert all(f"- {reason}" in evidence for reason in kept)
    assert ret["IWM"] not in evidence and "IWM: return" not in evidence
    writing = [c.section for c in report.record.llm_calls if not c.section.startswith("drivers")]
    assert writing == ["plan", "header", "analysis:1", "insights", "risks", "summary"]
    # Shown: the move's lines first (code's copy of the measure, cited), then the model's.
    measure = next(s for s in report.record.steps if s.args.get("measure") == "return")
    text = report.sections["summary"].fields["text"]
    assert isinstance(text, str)
    opening, written = text.split("\n\n")
    assert opening.startswith(f"IWM: return +{ret['IWM']} over 15 sessions")
    assert f"SPY: return +{ret['SPY']} over 15 sessions" in opening
    iwm_close = close_on(raw_closes(shared_data / "market" / "prices", "IWM"), "2026-01-23")
    assert opening.split("; +")[0].endswith(f"2026-01-23 close {iwm_close:.2f}")
    assert f"[{measure.sources[0]}]" in opening
    assert written == "The articles tie the rally to bank earnings and chip spending [3]."
    # Code's copied figures are not counted as the model's: the summary's are the model's own.
    assert report.sections["summary"].numbers == []
    assert measure.sources[0] in report.sections["summary"].cited
    md = to_markdown(report)
    assert md.index("## Executive Summary") < md.index(opening) < md.index("### What drove")
    # A replay builds the same summary from the recorded calls.
    bundle = session.save_bundle(tmp_path / "bundle.json")
    assert replay_report(bundle).sections["summary"].fields["text"] == text


def test_a_move_whose_reasons_all_fail_gets_the_summary_from_the_whole_evidence(
    research_deps: ToolDeps,
) -> None:
    # Reasons no article supports: the summary is written second, from the report's evidence.
    llm = ScriptedLLM(
        [plan_json(), header("Small caps rallied [1]."), "Small caps rallied [1].",
         "IWM led [1].", insights("Small caps led [1]."), RISKS],
        routes=[Reasons().route()],
    )  # fmt: skip
    session = ResearchSession(research_deps, llm)
    report = session.run(session.propose_plan(TOPIC, AS_OF))
    llm.assert_consumed()
    writing = [c.section for c in report.record.llm_calls if not c.section.startswith("drivers")]
    assert writing == ["plan", "header", "summary", "analysis:1", "insights", "risks"]
    summary_call = next(m for m in llm.calls[1:] if not is_reason_turn(m) and "Executive" in
                        m[-1]["content"])  # fmt: skip
    assert "IWM: return" in summary_call[-1]["content"]
    assert report.sections["summary"].fields["text"] == "Small caps rallied [1]."


def test_a_move_no_stored_article_covers_gets_codes_summary_and_no_invented_reasons(
    research_deps: ToolDeps, shared_data: Path
) -> None:
    # The test news store holds articles from 2026-01-12 to 2026-01-23 only: gold's October 2025
    # has none. The report says so where the reasons would be, and its summary is code's alone
    # (the move's lines and the search's note): the model is not asked to summarise nothing.
    topic, as_of = "Why did gold rally in October 2025?", date(2025, 11, 14)
    llm = ScriptedLLM(
        [json.dumps({"sub_questions": ["How large was the move?"]}), header("Gold rose [1]."),
         "GLD rose [1].", insights("Gold rose [1]."), RISKS],
    )  # fmt: skip
    session = ResearchSession(research_deps, llm)
    report = session.run(session.propose_plan(topic, as_of))
    llm.assert_consumed()
    sections = [c.section for c in report.record.llm_calls]
    assert sections == ["plan", "header", "analysis:1", "insights", "risks"]  # no summary call
    rows = raw_closes(shared_data / "market" / "prices", "GLD")
    gold = (close_on(rows, "2025-10-31") / close_on(rows, "2025-09-30") - 1) * 100
    text = report.sections["summary"].fields["text"]
    assert isinstance(text, str) and text.startswith(f"GLD: return {gold:+.2f}% over 23 sessions")
    assert text.split("\n\n")[-1].startswith("No stored article explains the move of GLD")
    md = to_markdown(report)
    drivers = md.split("### What drove the move")[1].split("###")[0]
    assert "No stored article explains the move of GLD" in drivers
    assert "market-copilot ingest news --rss URL" in drivers
    assert "- Drivers: no stored article covers the move" in md


class _Judging(ScriptedLLM):
    """The scripted model, able to read a reason again as the embedded one does (the cause
    judge): p(yes) 0.2 for the first reason it reads, 0.9 for every later one."""

    def __init__(self, turns: list[Any], routes: list[Any]) -> None:
        super().__init__(turns, routes=routes)
        self.judged: list[list[ChatMessage]] = []

    def yes_probabilities(self, conversations: list[list[ChatMessage]]) -> list[float]:
        found = [0.2 if not self.judged and i == 0 else 0.9 for i in range(len(conversations))]
        self.judged += conversations
        return found


def _judged_report(deps: ToolDeps) -> tuple[ResearchSession, _Judging]:
    llm = _Judging(
        [plan_json(), header("Small caps rallied [1]."), "IWM led [1].",
         insights("Small caps led [1]."), RISKS, "The articles tie the rally to chips [3]."],
        routes=[Quoting().route()],
    )  # fmt: skip
    session = ResearchSession(deps, llm)
    session.run(session.propose_plan(TOPIC, AS_OF))
    llm.assert_consumed()
    return session, llm


def test_the_drivers_reasons_are_read_again_and_a_replay_reads_the_record(
    research_deps: ToolDeps, tmp_path: Path
) -> None:
    session, llm = _judged_report(research_deps)
    assert session.report is not None and session.record is not None
    drivers = session.report.sections["drivers"]
    reasons = [r for r in drivers.reasons if r.kind == "reason"]
    # Quoted from their articles, every reason passes the support score; the judge reads each
    # once, and takes the first away.
    assert len(reasons) == len(llm.judged) >= 3
    assert [(r.judged, r.status) for r in reasons] == [(0.2, "unsupported")] + [
        (0.9, "supported")
    ] * (len(reasons) - 1)
    assert sorted(session.record.cause_judged.values()) == sorted(r.judged for r in reasons)
    # The replay has no model: it reads the judgements the record kept.
    replayed = replay_report(session.save_bundle(tmp_path / "bundle.json"))
    assert replayed.sections["drivers"] == drivers


def test_with_the_judge_off_the_score_alone_decides(research_deps: ToolDeps) -> None:
    off = ToolDeps(research_deps.settings.model_copy(update={"cause_judge": False}),
                   SourceLedger(), research_deps.market, research_deps.news)  # fmt: skip
    session, llm = _judged_report(off)
    assert session.report is not None and session.record is not None
    reasons = [r for r in session.report.sections["drivers"].reasons if r.kind == "reason"]
    assert reasons and all(r.judged is None and r.status == "supported" for r in reasons)
    assert llm.judged == [] and session.record.cause_judged == {}
