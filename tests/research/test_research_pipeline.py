"""Plan → edit → execute → write → verify with the scripted model over the real data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from research_script import (
    AS_OF,
    RISKS,
    TOPIC,
    Reasons,
    expected_returns,
    header,
    insights,
    is_reason_turn,
    plan_json,
)

from copilot.llm.base import ChatMessage
from copilot.llm.scripted import ScriptedLLM
from copilot.research import Budget, ResearchEvent, ResearchSession, replay_report, to_markdown
from copilot.research.markdown import UNSUPPORTED_MARK
from copilot.research.sections import CONTRADICTED_MARK
from copilot.sources import NewsSource
from copilot.tools import ToolDeps


def test_plan_edit_execute_write_verify(research_deps: ToolDeps, shared_data: Path) -> None:
    ret = expected_returns(shared_data)
    seen: list[list[ChatMessage]] = []

    def summary(messages: list[ChatMessage]) -> str:
        seen.append(messages)
        return (
            f"Small caps rose {ret['IWM']} [1] while the S&P 500 gained {ret['SPY']} [2]; "
            "news pointed to rate-cut hopes [3]. They also hit 99.9% of records [1]."
        )

    reasons = Reasons()
    llm = ScriptedLLM(
        [
            plan_json([{"tool": "no_such_tool", "args": {}, "feeds": "analysis"}]),
            header(f"IWM rose {ret['IWM']} [1]."),
            summary,
            f"IWM returned {ret['IWM']} [1] against {ret['SPY']} for SPY [2].",
            insights(f"Small caps led by a wide margin: {ret['IWM']} [1]."),
            RISKS,
            f"Small caps rose {ret['IWM']} [1] while the S&P 500 gained {ret['SPY']} [2].",
        ],
        routes=[reasons.route()],
    )
    session = ResearchSession(research_deps, llm)
    plan = session.propose_plan(TOPIC, AS_OF)
    # The invalid steps were set aside with the reason, never to run.
    problems = {r.raw.get("tool"): r.problem for r in plan.rejected}
    assert "unknown tool" in problems["no_such_tool"]
    assert "sessions" in problems["price_return"]  # sessions=0 fails the tool's ge=1
    # The model's three valid steps, then the topic's why-evidence (the move, the run, the news).
    assert [s.tool for s in plan.steps] == [
        "price_return", "price_return", "search_news", "measure", "measure", "news_drivers",
    ]  # fmt: skip
    assert plan.steps[3].args["symbols"] == ["IWM", "SPY"]
    assert (plan.steps[3].args["start"], plan.steps[3].args["end"]) == ("2026-01-02", "2026-01-23")
    assert plan.steps[5].args["direction"] == "up"
    assert plan.budget == Budget()  # defaults (settings have no research_* fields yet)
    # The drivers section answers why: the model's "What news drove it?" is not asked again.
    assert plan.sub_questions == ["How far did small caps outrun large caps?"]
    # Edit: change the news step, add a step, drop one.
    plan = plan.change(
        "s3", args={"query": "small caps rally Russell 2000", "k": 2, "since": "2026-01-12"}
    )
    plan = plan.add("risk_stats", {"symbol": "IWM", "start": "2025-12-31"}, "insights")
    plan = plan.add("moving_average", {"symbol": "IWM", "window": 50}, "time")
    plan = plan.drop("s8")
    with pytest.raises(ValueError, match="unknown tool"):
        plan.add("bogus", {})
    with pytest.raises(ValueError):
        plan.change("s1", args={"symbol": "IWM", "sessions": -3})

    events: list[ResearchEvent] = []
    report = session.run(plan, on_event=events.append)
    llm.assert_consumed()

    record = report.record
    assert [s.tool for s in record.steps] == [
        "price_return", "price_return", "search_news", "measure", "measure", "news_drivers",
        "risk_stats",
    ]  # fmt: skip
    assert all(s.status == "ok" for s in record.steps)
    assert record.steps[2].args["k"] == 2 and len(record.steps[2].sources) == 2
    # One fixed prefix: every section's call starts with the same system message and evidence
    # (the reasons turns are the why-answer's own: one article each).
    writing = [m for m in llm.calls[1:] if not is_reason_turn(m)]
    assert len({m[0]["content"] for m in [llm.calls[0], *writing]}) == 1
    prefix = writing[0][1]["content"].split("Task:")[0]
    assert all(m[1]["content"].startswith(prefix) for m in writing)
    assert f"[1] IWM (Russell 2000 small caps) returned +{ret['IWM']}" in prefix
    assert "Today is 2026-01-23" in prefix
    # The metrics' definitions stay in the References: shown, the model copied them as prose.
    assert "Definition:" not in prefix and "beat_streak: consecutive sessions" not in prefix
    # What drove the move: one reason per article the drivers step ranked, four articles
    # (the store has more: test_research_why_evidence), each reason citing its own article.
    drivers_step = record.steps[5]
    assert len(reasons.read) == 4 and len(set(reasons.read)) == 4
    assert set(reasons.read) <= set(drivers_step.sources)
    kept = report.sections["drivers"].fields["reasons"]
    assert [int(r.rsplit("[", 1)[1].rstrip("].")) for r in kept] == reasons.read
    # Verification: the invented 99.9% went back to the model once; the revision dropped it.
    summary_section = report.sections["summary"]
    assert summary_section.revised and "99.9%" not in str(summary_section.fields["text"])
    revise_prompt = llm.calls[-1][-1]["content"]
    assert "99.9%" in revise_prompt and llm.calls[-1][-2]["role"] == "assistant"
    statuses = {n.text: n.status for n in report.numbers}
    assert statuses[ret["IWM"]] == "verified" and statuses[ret["SPY"]] == "verified"
    assert report.share_verified == 1.0 and not report.partial
    # Articles the sections cite, each counted once however often it is cited.
    cited = [a.article_id for a in report.cited_articles]
    numbers = {n for section in report.sections.values() for n in section.cited}
    news = {n: s for n, s in enumerate(record.sources, 1) if isinstance(s, NewsSource)}
    by_hand = {news[n].article_id for n in numbers if n in news}
    assert sorted(cited) == sorted(by_hand) and news[3].article_id in cited
    # Budget accounting and per-section records.
    usage = record.usage()
    assert usage["llm_calls"] == 1 + 4 + 5 + 1 and usage["tool_calls"] == 7
    drafts = {c.section for c in record.llm_calls if c.purpose == "draft"}
    assert drafts == {"header", "summary", "analysis:1", "insights", "risks"} | {
        f"drivers:{n}" for n in reasons.read
    }
    assert all(c.completion_tokens > 0 for c in record.llm_calls)
    kinds = [e.kind for e in events]
    assert kinds.count("step_started") == 7 and kinds.count("section_finished") == 6

    md = to_markdown(report)
    order = [
        "# Small caps lead the January rally",
        "**Tags:** small caps · IWM",
        "**Sentiment:** Positive — IWM rose",
        "**Date (as of):** 2026-01-23",
        "## Executive Summary",
        "## Integrated Analysis",
        "### What drove the move",
        "### How far did small caps outrun large caps?",
        "## Key Insights",
        "## Risks and Opportunities",
        "## Time Sensitivity Assessment",
        "## Key Information Summary",
        "## References",
        "## Related Reading",
        "not investment advice",
    ]
    positions = [md.index(part) for part in order]
    assert positions == sorted(positions)
    assert "⚠" not in md.split("## Executive Summary")[0]  # nothing to warn about
    assert "- [1] IWM · price_return · 2025-12-31 to 2026-01-23" in md
    assert "- [3] " in md and "https://" in md.split("## References")[1]
    related = md.split("## Related Reading")[1].split("## Method")[0]
    cited_titles = [str(s.title) for s in record.sources if s.kind == "news"]
    assert related.count("- [") >= 1 and not any(t in related for t in cited_titles)
    assert "Maximum drawdown" in md or "drawdown" in md  # the added risk step's key figure
    # The Time Sensitivity Assessment is code's: the data's last session and the cited
    # articles' dates (read here from the articles themselves).
    timing = md.split("## Time Sensitivity Assessment")[1].split("## Key Information")[0]
    days = sorted({news[n].published_at.date() for n in numbers if n in news})
    assert "data through 2026-01-23, the as-of date" in timing
    assert f"were published from {days[0]} to {days[-1]}" in timing
    assert "Nothing dated after 2026-01-23 was read" in timing


def test_a_draft_that_does_not_hold_up_sends_the_next_ranked_article(
    research_deps: ToolDeps,
) -> None:
    # The first article's draft gives the move's own run as its cause: withheld, and a fifth
    # article is read in its place (the budget's calls allow it).
    reasons = Reasons(bad="Small caps rallied due to a 13-day winning streak [{n}].", bad_first=1)
    llm = ScriptedLLM(
        [plan_json(), header("Small caps rallied [1]."), "Small caps rallied [1].",
         "IWM led [1].", insights("Small caps led [1]."), RISKS],
        routes=[reasons.route()],
    )  # fmt: skip
    session = ResearchSession(research_deps, llm)
    report = session.run(session.propose_plan(TOPIC, AS_OF))
    llm.assert_consumed()
    assert len(reasons.read) == 5 and len(set(reasons.read)) == 5
    drivers = report.sections["drivers"]
    assert drivers.withheld == [
        f"Small caps rallied due to a 13-day winning streak [{reasons.read[0]}]."
    ]
    cited = [int(r.rsplit("[", 1)[1].rstrip("].")) for r in drivers.fields["reasons"]]
    assert cited == reasons.read[1:]
    md = to_markdown(report)
    assert "- Drivers: one reason drafted per article read, 4 kept, 1 withheld" in md
    assert "13-day winning streak" not in md.split("## Method")[0]
    assert not report.partial and report.record.usage()["llm_calls"] == 1 + 5 + 5


def test_a_small_budget_reads_fewer_articles_and_still_writes_every_section(
    research_deps: ToolDeps,
) -> None:
    # 8 calls: the plan, five sections and one revision leave one reasons turn.
    reasons = Reasons()
    llm = ScriptedLLM(
        [plan_json(), header("Small caps rallied [1]."), "Small caps rallied [1].",
         "IWM led [1].", insights("Small caps led [1]."), RISKS],
        routes=[reasons.route()],
    )  # fmt: skip
    budget = Budget(max_llm_calls=8, max_tokens=40_000, max_tool_calls=12, max_seconds=300)
    session = ResearchSession(research_deps, llm, budget)
    report = session.run(session.propose_plan(TOPIC, AS_OF))
    llm.assert_consumed()
    assert len(reasons.read) == 1 and len(report.sections["drivers"].fields["reasons"]) == 1
    assert not report.partial and report.record.usage()["llm_calls"] == 7


def test_unverified_after_revision_is_marked(research_deps: ToolDeps, shared_data: Path) -> None:
    ret = expected_returns(shared_data)
    invented = "Small caps rose 12.34% [1]."
    llm = ScriptedLLM(
        [
            plan_json(),
            header(f"IWM rose {ret['IWM']} [1]."),
            invented,
            f"IWM returned {ret['IWM']} [1].",
            insights("Small caps led [1]."),
            RISKS,
            "Small caps rose 12.34% [1] and 45.6% [9].",  # the revision is no better
        ],
        routes=[Reasons().route()],
    )
    session = ResearchSession(research_deps, llm)
    report = session.run(session.propose_plan(TOPIC, AS_OF))
    llm.assert_consumed()
    summary = report.sections["summary"]
    assert (
        not summary.revised
        # [1] states IWM's return: the invented figure is contradicted (was "unverified").
        and summary.fields["text"] == f"Small caps rose 12.34%{CONTRADICTED_MARK} [1]."
    )
    md = to_markdown(report)
    top = md.split("## Executive Summary")[0]
    assert "⚠ Unverified figures" in top and "12.34%" in top
    assert report.share_verified < 1.0


def test_budget_stop_makes_a_marked_partial_report(research_deps: ToolDeps) -> None:
    # Three calls leave no room for a reasons turn (the sections come first): none is made.
    reasons = Reasons()
    llm = ScriptedLLM([plan_json(), header("Small caps rallied [1]."), "Small caps rallied [1]."],
                      routes=[reasons.route()])  # fmt: skip
    budget = Budget(max_llm_calls=3, max_tokens=40_000, max_tool_calls=12, max_seconds=300)
    session = ResearchSession(research_deps, llm, budget)
    events: list[ResearchEvent] = []
    report = session.run(session.propose_plan(TOPIC, AS_OF), on_event=events.append)
    llm.assert_consumed()  # exactly 3 calls: plan, header, summary — then the hard stop
    assert report.partial and report.record.stopped == "3 LLM calls"
    md = to_markdown(report)
    first_lines = "\n".join(md.splitlines()[:4])
    assert "⚠ Partial report" in first_lines and "3 LLM calls" in first_lines
    assert "Small caps rallied [1]." in md
    analysis = md.split("## Integrated Analysis")[1].split("## Key Insights")[0]
    assert "Not written: the budget was spent" in analysis
    assert [e.detail for e in events if e.kind == "budget_stop"] == ["3 LLM calls"]
    assert reasons.read == [] and "drivers" not in report.sections


def test_tool_budget_skips_steps_and_writes_nothing(research_deps: ToolDeps) -> None:
    llm = ScriptedLLM([plan_json()])
    budget = Budget(max_llm_calls=12, max_tokens=40_000, max_tool_calls=2, max_seconds=300)
    session = ResearchSession(research_deps, llm, budget)
    report = session.run(session.propose_plan(TOPIC, AS_OF))
    llm.assert_consumed()
    statuses = [s.status for s in report.record.steps]
    assert statuses == ["ok", "ok"] + ["skipped"] * 4 and report.record.stopped == "2 tool calls"
    assert "⚠ Partial report" in to_markdown(report)


def test_a_failing_step_is_recorded_and_the_rest_continue(research_deps: ToolDeps) -> None:
    failing = [
        {
            "tool": "yield_change",
            "feeds": "time",
            "args": {"symbol": "DGS10", "start": "2025-12-31"},
        }
    ]
    llm = ScriptedLLM(
        [
            plan_json(failing),
            header("Small caps rallied [1]."),
            "Small caps rallied [1].",
            "IWM led [1].",
            insights("Small caps led [1]."),
            RISKS,
        ],
        routes=[Reasons().route()],
    )
    session = ResearchSession(research_deps, llm)
    plan = session.propose_plan(TOPIC, AS_OF)
    # A failing tool in the middle: the steps after it still run.
    plan = plan.model_copy(update={"steps": [plan.steps[0], plan.steps[3], *plan.steps[1:3]]})
    report = session.run(plan)
    llm.assert_consumed()
    steps = report.record.steps
    assert [s.status for s in steps] == ["ok", "failed", "ok", "ok"]
    assert "DGS10 has no data" in steps[1].output and not steps[1].sources
    md = to_markdown(report)
    assert "⚠ Failed research steps:** s4 yield_change" in md
    assert "Step s4 `yield_change` failed: Error: DGS10 has no data" in md
    # The failure's text never reaches the model as evidence.
    assert all("DGS10" not in m[1]["content"] for m in llm.calls[1:])
    assert json.loads(json.dumps(steps[1].model_dump(mode="json")))["status"] == "failed"


def test_unusable_model_output_is_recorded_not_fatal(research_deps: ToolDeps) -> None:
    from copilot.llm.json_output import ModelOutputError

    cut_off = ModelOutputError("the model's answer is not valid JSON (cut off)")
    llm = ScriptedLLM([
        cut_off,  # the plan: the default plan is used, and the plan says why
        cut_off,  # the header
        "Small caps rallied [1].", "IWM led [1].", insights("Small caps led [1]."), RISKS,
    ], routes=[Reasons().route()])  # fmt: skip
    session = ResearchSession(research_deps, llm)
    plan = session.propose_plan(TOPIC, AS_OF)
    assert "default steps used" in plan.rejected[0].problem
    # The topic is a why-question, which the drivers section answers: code asks the size.
    assert plan.sub_questions == [
        "How large was the move of IWM, and how did it compare with SPY's?"
    ]
    assert {s.tool for s in plan.steps} == {"measure", "news_drivers"}
    report = session.run(plan)
    llm.assert_consumed()
    assert report.title == TOPIC and report.record.usage()["llm_calls"] == 1 + 4 + 5
    md = to_markdown(report)
    assert md.startswith(f"# {TOPIC}\n") and "**Sentiment:** —" in md
    assert not report.partial and "Small caps rallied [1]." in md


def test_title_loses_citations_and_repeated_items_are_dropped(research_deps: ToolDeps) -> None:
    repeated = "Rates could rise again [3]."
    llm = ScriptedLLM([
        plan_json(),
        json.dumps({"title": "Small caps rally [1]", "tags": ["IWM"], "market": "US equities",
                    "sentiment": "neutral", "reason": "Mixed [1]."}),
        "Small caps rallied [1].", "IWM led [1].",
        json.dumps({"insights": [repeated, repeated]}),
        json.dumps({"risks": [repeated, "Breadth may narrow."],
                    "opportunities": ["Breadth may narrow.", "Earnings [3]."]}),
    ], routes=[Reasons().route()])  # fmt: skip
    session = ResearchSession(research_deps, llm)
    report = session.run(session.propose_plan(TOPIC, AS_OF))
    llm.assert_consumed()
    assert report.title == "Small caps rally"
    assert report.sections["insights"].fields == {"insights": [repeated]}
    assert report.sections["risks"].fields == {
        "risks": [repeated, "Breadth may narrow."],
        "opportunities": ["Earnings [3]."],
    }


def test_a_topic_whose_move_ran_the_other_way_says_so_first(research_deps: ToolDeps) -> None:
    # Small caps rose in January 2026 (IWM +7.58% by the raw closes, test_research_why_evidence):
    # a report on their "fall" says so in code's words, citing the measure, and every turn is
    # asked about the rise that happened.
    topic = "Why did small caps fall in January 2026?"
    reasons = Reasons()
    llm = ScriptedLLM(
        [json.dumps({"sub_questions": ["How far did small caps outrun large caps?"]}),
         header("Small caps rose [1]."), "Small caps rose [1].", "IWM led [1].",
         insights("Small caps led [1]."), RISKS],
        routes=[reasons.route()],
    )  # fmt: skip
    session = ResearchSession(research_deps, llm)
    plan = session.propose_plan(topic, AS_OF)
    assert plan.notes == ["IWM did not fall over the period asked about: it rose."]
    report = session.run(plan)
    llm.assert_consumed()
    measure = next(s for s in report.record.steps if s.args.get("measure") == "return")
    note = f"IWM did not fall over the period asked about: it rose [{measure.sources[0]}]."
    analysis = to_markdown(report).split("## Integrated Analysis")[1]
    assert analysis.lstrip().startswith(f"**Note:** {note}")
    turn = next(m for m in llm.calls if is_reason_turn(m))[-1]["content"]
    assert "Question: Why IWM rose from 2026-01-02 to 2026-01-23?" in turn
    assert f"Note: {note}" in turn
    summary = next(m for m in llm.calls[1:] if not is_reason_turn(m))[-1]["content"]
    assert summary.split("Evidence:\n", 1)[1].startswith(f"Note: {note}")


def test_a_companys_news_outside_the_moves_sector_is_withheld_and_replayed_so(
    research_deps: ToolDeps, tmp_path: Path
) -> None:
    # Energy's move: the first article read is drafted as General Motors' news (a carmaker,
    # consumer discretionary in the constituents list), which says nothing of energy. Withheld
    # as the answer's reasons turns withhold it, and the next-ranked article read instead; the
    # bundle's replay, with no market store, withholds the same draft.
    reasons = Reasons(bad="General Motors reported a record quarterly profit [{n}].", bad_first=1,
                      move="Energy stocks rose")  # fmt: skip
    llm = ScriptedLLM(
        [plan_json(), header("Energy rose [1]."), "Energy rose [1].", "XLE rose [1].",
         insights("Energy led [1]."), RISKS],
        routes=[reasons.route()],
    )  # fmt: skip
    session = ResearchSession(research_deps, llm)
    report = session.run(session.propose_plan("Why did energy stocks rise in January 2026?",
                                              AS_OF))  # fmt: skip
    llm.assert_consumed()
    drivers = report.sections["drivers"]
    bad = f"General Motors reported a record quarterly profit [{reasons.read[0]}]."
    assert drivers.withheld == [bad]
    assert report.record.off_sector == {bad: "General Motors"}
    assert len(drivers.fields["reasons"]) == 4 and len(set(reasons.read)) == 5
    replayed = replay_report(session.save_bundle(tmp_path / "bundle.json"))
    assert replayed.sections["drivers"] == drivers


def test_a_reason_in_other_words_shows_its_articles_sentence_beside_it(
    research_deps: ToolDeps,
) -> None:
    # The scripted drafts give causes of their own ("Small caps rallied as investors bet the
    # Federal Reserve would cut interest rates [n]."): each sharing words with a sentence of its
    # article is followed there by that sentence; the reason itself, which the summary and the
    # ⚠ marks match by its text, stays as drafted.
    llm = ScriptedLLM(
        [plan_json(), header("Small caps rallied [1]."), "Small caps rallied [1].",
         "IWM led [1].", insights("Small caps led [1]."), RISKS],
        routes=[Reasons().route()],
    )  # fmt: skip
    session = ResearchSession(research_deps, llm)
    report = session.run(session.propose_plan(TOPIC, AS_OF))
    drivers = report.sections["drivers"]
    reasons, quotes = drivers.fields["reasons"], drivers.fields["quotes"]
    assert isinstance(reasons, list) and isinstance(quotes, list)
    assert len(quotes) == len(reasons) and any(quotes)
    sources = dict(enumerate(report.record.sources, 1))
    md = to_markdown(report)
    for reason, quote in zip(reasons, quotes, strict=True):
        assert "Its words" not in reason
        mark = UNSUPPORTED_MARK if reason in drivers.unsupported_reasons else ""
        assert f"- {reason}{mark}{quote}\n" in md
        if quote:  # the cited article's own sentence, whole
            cited = sources[int(reason.rsplit("[", 1)[1].rstrip("]."))]
            said = quote.removeprefix(" Its words: “").removesuffix("”")
            single = str.maketrans("“”", "‘’")  # its own quotation marks made single
            assert isinstance(cited, NewsSource) and said in cited.excerpt.translate(single)
    # No later turn (the summary's, the analysis') is shown a quote as a reason.
    assert not any("Its words" in m["content"] for call in llm.calls for m in call)
