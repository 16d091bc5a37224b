"""The Research page in `AppTest` with the scripted model over the shared sample market data and
one stored article: plan → edit → run → report → downloads; auto-accept; the answer button; the
budget stop; invalid edits."""

from __future__ import annotations

import importlib
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import ui_flagship as flagship
import ui_research_script as script
from streamlit.testing.v1 import AppTest
from ui_testkit import LLM_KEY, app, article, build_news, html_blocks, of_type

from copilot.errors import ConfigError, ProviderError
from copilot.llm.scripted import ScriptedLLM

ARTICLE_URL = "https://news.example.com/markets/small-caps-streak"
ARTICLE_REF = "[3] Small caps extend winning streak — Example Wire, 2026-01-22."
STEPS = "copilot.research.1.steps"  # the first plan's step table (its widget key)
FAKE_PDF = b"%PDF-1.7 fake print"
EXPORT = importlib.import_module("copilot.research.export")  # the package exports a function


@pytest.fixture(autouse=True)
def no_chromium(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The PDF print is Chromium's (tested in tests/research): here a stand-in records the
    HTML it was given and returns fixed bytes."""
    printed: list[str] = []

    def fake_pdf(html: str, chromium: str | None = None) -> bytes:
        printed.append(html)
        return FAKE_PDF

    monkeypatch.setattr(EXPORT, "html_to_pdf", fake_pdf)
    return printed


@pytest.fixture
def news_env(market_env: Path, tmp_path: Path) -> Path:
    """The shared market data plus one stored article (2026-01-22)."""
    article(tmp_path / "articles", "a.md")
    build_news(market_env, tmp_path / "articles")
    return market_env


def research_script() -> None:
    from ui.research_page import page

    page()


def open_research(llm: ScriptedLLM | None = None) -> AppTest:
    """The Research page on its own (the answer-button test reaches it through the app)."""
    at = AppTest.from_function(research_script, default_timeout=120)
    if llm is not None:
        at.session_state[LLM_KEY] = llm
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def propose(at: AppTest, topic: str = script.TOPIC) -> AppTest:
    at.text_input(key="copilot.research.topic").set_value(topic)
    button(at, "Propose plan").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def button(at: AppTest, label: str) -> Any:
    found = [b for b in at.button if b.label == label]
    assert found, f"no button {label!r}: {[b.label for b in at.button]}"
    return found[0]


def report_html(at: AppTest) -> str:
    """The report's sanitized HTML blocks, in order."""
    blocks = [b for b in html_blocks(at) if "<h2>" in b or "<h3>" in b]
    assert blocks, "no report was rendered"
    return "\n".join(blocks)


def table(at: AppTest, key: str) -> list[dict[str, Any]]:
    """The rows (before edits) of the plan table with this widget key."""
    found = [d for d in at.dataframe if d.proto.id.endswith(f"-{key}")]
    assert found, f"no table {key}: {[d.proto.id for d in at.dataframe]}"
    rows: list[dict[str, Any]] = found[0].value.to_dict("records")
    return rows


def steps_run_tables(at: AppTest) -> list[Any]:
    return [d.value for d in at.dataframe if not d.proto.id and "status" in d.value.columns]


def steps_run(at: AppTest) -> list[dict[str, Any]]:
    """The report's table of the steps that ran (the one with a status column)."""
    found = steps_run_tables(at)
    assert found, "no table of steps run"
    rows: list[dict[str, Any]] = found[0].to_dict("records")
    return rows


def plain(text: str) -> str:
    """Text shown as literal Markdown, without its escapes."""
    return text.replace("\\", "")


def downloads(at: AppTest) -> dict[str, Any]:
    return {b.label: b for b in of_type(at, "download_button")}


def test_propose_edit_run_shows_the_report_and_downloads(
    news_env: Path, shared_data: Path, no_chromium: list[str]
) -> None:
    ret = script.returns(shared_data)
    llm = ScriptedLLM([script.PLAN, *script.writing_turns(ret)])
    at = propose(open_research(llm))
    assert len(llm.calls) == 1  # only the plan so far: nothing runs before it is accepted
    # The plan: sub-questions, the steps with their arguments and sections, the budget.
    # "What news drove it?" is left to the report's drivers section.
    assert [r["sub-question"] for r in table(at, "copilot.research.1.questions")] == (
        script.QUESTIONS[:1]
    )
    steps = table(at, STEPS)
    assert [(r["id"], r["tool"], r["feeds"]) for r in steps] == [
        ("s1", "price_return", "analysis"), ("s2", "price_return", "analysis"),
        ("s3", "search_news", "analysis"), ("s4", "streak", "insights"),
        # the topic's why-evidence, added whatever the model plans
        ("s5", "measure", "analysis"), ("s6", "measure", "analysis"),
        ("s7", "news_drivers", "analysis"),
    ]  # fmt: skip
    assert json.loads(steps[1]["args"]) == {"symbol": "SPY", "start": "2025-12-31",
                                            "end": "2026-01-23"}  # fmt: skip
    budget = {n.label: n.value for n in at.number_input}
    assert budget == {"Max LLM calls": 12, "Max tokens": 40_000, "Max tool calls": 12,
                      "Max seconds": 300.0}  # fmt: skip
    assert not downloads(at) and not steps_run_tables(at)
    # Edit: drop the streak step (row 4), add a risk step for the insights.
    at.session_state[STEPS] = {
        "edited_rows": {},
        "added_rows": [{"tool": "risk_stats", "feeds": "insights",
                        "args": '{"symbol": "IWM", "start": "2025-12-31"}'}],
        "deleted_rows": [3],
    }  # fmt: skip
    button(at, "Accept and run").click().run()
    assert not at.exception, [e.value for e in at.exception]
    llm.assert_consumed()  # plan, 1 reason, 5 sections, no revision: every figure checked out

    ran = steps_run(at)
    assert [(r["id"], r["tool"], r["status"]) for r in ran] == [
        ("s1", "price_return", "ok"), ("s2", "price_return", "ok"),
        ("s3", "search_news", "ok"), ("s5", "measure", "ok"), ("s6", "measure", "ok"),
        ("s7", "news_drivers", "ok"), ("s8", "risk_stats", "ok"),
    ]  # fmt: skip
    assert "streak" not in {r["tool"] for r in ran}
    html = report_html(at)
    order = [
        f"<h2>{script.TITLE}</h2>", "<h3>Executive Summary</h3>", "<h3>Integrated Analysis</h3>",
        "<h4>What drove the move</h4>", f"<h4>{script.QUESTIONS[0]}</h4>",
        "<h3>Key Insights</h3>", "<h3>Risks and Opportunities</h3>",
        "<h3>Time Sensitivity Assessment</h3>", "<h3>Key Information Summary</h3>",
        "<h3>References</h3>", "<h3>Related Reading</h3>", "not investment advice",
    ]  # fmt: skip
    positions = [html.index(part) for part in order]
    assert positions == sorted(positions)
    assert f"Small caps rose {ret['IWM']} [1] while the S&amp;P 500 ETF gained {ret['SPY']}" in html
    drivers = html.split("<h4>What drove the move</h4>")[1].split("<h4>")[0]
    assert script.REASON in drivers  # the one stored article's reason, its own [n]
    references = html.split("<h3>References</h3>")[1].split("<h3>Related Reading</h3>")[0]
    assert "[1] IWM · price_return · 2025-12-31 to 2026-01-23" in references
    assert "[2] SPY · price_return · 2025-12-31 to 2026-01-23" in references
    assert ARTICLE_REF in references
    assert f'<a href="{ARTICLE_URL}" rel="noopener noreferrer nofollow">{ARTICLE_URL}</a>' in html
    assert "IWM · risk_stats" in references and "· streak ·" not in references
    assert "<script" not in html and "<style" not in html
    assert not at.warning  # complete, nothing unverified, no failed step
    checks = of_type(at, "expander")[-1].label
    assert checks.startswith("Checks: ") and " 0 unverified ?" in checks
    # Downloads: every format, the PDF printed from the HTML export.
    files = downloads(at)
    assert list(files) == ["Markdown", "HTML", "PDF", "Replay bundle (JSON)"]
    assert no_chromium and no_chromium[0].startswith("<!DOCTYPE html>")
    assert f"<h1>{script.TITLE}</h1>" in no_chromium[0]
    job = at.session_state["copilot.research.job"]
    bundle = json.loads(job.exports.bundle)
    assert [s["tool"] for s in bundle["record"]["steps"]] == [
        "price_return", "price_return", "search_news", "measure", "measure", "news_drivers",
        "risk_stats",
    ]  # fmt: skip
    assert job.exports.markdown.startswith(f"# {script.TITLE}\n")
    assert job.exports.pdf == FAKE_PDF


def test_auto_accept_runs_at_once_through_the_env_hook(
    news_env: Path, shared_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """COPILOT_LLM_PROVIDER=scripted + COPILOT_SCRIPTED_TURNS (the out-of-process hook); the PDF
    print fails here, which is said plainly while the other downloads stay."""
    turns = tmp_path / "turns.json"
    turns.write_text(json.dumps([script.PLAN, *script.writing_turns(script.returns(shared_data))]))
    monkeypatch.setenv("COPILOT_LLM_PROVIDER", "scripted")
    monkeypatch.setenv("COPILOT_SCRIPTED_TURNS", str(turns))

    def no_pdf(html: str, chromium: str | None = None) -> bytes:
        raise ConfigError("PDF export needs Chromium: install it")

    monkeypatch.setattr(EXPORT, "html_to_pdf", no_pdf)
    at = open_research()
    at.checkbox(key="copilot.research.auto").check()
    propose(at)
    ran = steps_run(at)
    assert [(r["id"], r["tool"]) for r in ran] == [
        ("s1", "price_return"), ("s2", "price_return"), ("s3", "search_news"), ("s4", "streak"),
        ("s5", "measure"), ("s6", "measure"), ("s7", "news_drivers"),
    ]  # fmt: skip
    assert all(r["status"] == "ok" for r in ran)
    html = report_html(at)
    assert f"<h2>{script.TITLE}</h2>" in html and ARTICLE_REF in html
    assert "[4] IWM, SPY · streak" in html  # the streak step's reference
    assert "Model: scripted · 7 LLM calls" in html  # the plan's call is part of the report
    assert list(downloads(at)) == ["Markdown", "HTML", "Replay bundle (JSON)"]
    notes = [plain(i.value) for i in at.info]
    assert any(n.startswith("The PDF could not be made (PDF export needs Chromium") for n in notes)
    assert not at.error and not at.warning


def test_answer_button_opens_research_with_the_topic_and_as_of(market_env: Path) -> None:
    llm = ScriptedLLM([*flagship.TURNS, script.PLAN])  # the chat answer, then the report plan
    at = app()
    at.session_state[LLM_KEY] = llm
    at.run()
    at.date_input[0].set_value(date(2026, 1, 23)).run()  # the answer is as of the 23rd
    at.chat_input[0].set_value(flagship.QUESTION).run()
    assert not at.exception, [e.value for e in at.exception]
    at.date_input[0].set_value(date(2026, 1, 22)).run()  # the sidebar moves afterwards
    button(at, "Research this in depth").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert [t.value for t in at.title] == ["Research"]
    assert at.text_input(key="copilot.research.topic").value == flagship.QUESTION
    assert at.date_input[0].value == date(2026, 1, 23)  # the answer's as-of, not the sidebar's
    assert not at.chat_input  # the chat page is gone
    button(at, "Propose plan").click().run()  # the prefilled topic is planned as is
    llm.assert_consumed()
    assert flagship.QUESTION in llm.calls[-1][-1]["content"]
    assert "2026-01-23" in llm.calls[-1][-1]["content"]
    assert [r["tool"] for r in table(at, STEPS)][:2] == ["price_return", "price_return"]


def test_a_tiny_budget_cuts_the_report_short(news_env: Path, shared_data: Path) -> None:
    ret = script.returns(shared_data)
    # plan, header, summary: three calls leave no room for a reasons turn
    llm = ScriptedLLM([script.PLAN, *script.writing_turns(ret)[1:3]])
    at = propose(open_research(llm))
    at.number_input(key="copilot.research.1.budget.max_llm_calls").set_value(3)
    button(at, "Accept and run").click().run()
    assert not at.exception, [e.value for e in at.exception]
    llm.assert_consumed()  # 3 calls, then the hard stop
    assert len(at.warning) == 1
    banner = plain(at.warning[0].value)
    assert banner.startswith("Partial report") and "3 LLM calls" in banner
    html = report_html(at)
    assert f"<h2>{script.TITLE}</h2>" in html
    assert f"Small caps rose {ret['IWM']} [1]" in html  # the summary was written
    analysis = html.split("<h3>Integrated Analysis</h3>")[1].split("<h3>Key Insights</h3>")[0]
    assert "Not written: the budget was spent" in analysis
    assert "⚠" not in html  # the export's own warning lines became the banner above
    assert "Replay bundle (JSON)" in downloads(at)


def test_invalid_edits_are_listed_and_kept(news_env: Path, shared_data: Path) -> None:
    ret = script.returns(shared_data)
    llm = ScriptedLLM([script.PLAN, *script.writing_turns(ret)])
    at = propose(open_research(llm))
    edits: dict[str, Any] = {
        "edited_rows": {0: {"args": '{"symbol": "IWM", "start": 2025-12-31}'}},
        "added_rows": [{"tool": "no_such_tool", "args": "{}", "feeds": "analysis"}],
        "deleted_rows": [3],
    }
    at.session_state[STEPS] = edits
    button(at, "Accept and run").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert len(llm.calls) == 1 and not steps_run_tables(at)  # nothing ran
    problems = plain(at.error[0].value)
    assert "The plan was not run" in problems
    assert "step s1 (price_return): the arguments are not valid JSON" in problems
    assert "step s8 (no_such_tool): unknown tool 'no_such_tool'" in problems
    assert at.session_state[STEPS] == edits  # the edits are still in the table
    # Fix the two problems only; the dropped step stays dropped.
    fixed = {**edits, "edited_rows": {0: {"args": '{"symbol": "IWM", "start": "2025-12-31"}'}},
             "added_rows": []}  # fmt: skip
    at.session_state[STEPS] = fixed
    button(at, "Accept and run").click().run()
    llm.assert_consumed()
    assert [r["tool"] for r in steps_run(at)] == [
        "price_return", "price_return", "search_news", "measure", "measure", "news_drivers",
    ]  # fmt: skip
    assert not at.error and f"<h2>{script.TITLE}</h2>" in report_html(at)


def test_plan_rows_round_trip_and_problems() -> None:
    from copilot.research import Budget, ResearchPlan
    from ui.research_plan import PlanEditError, edited_plan, step_rows

    plan = ResearchPlan(topic="small caps", as_of=date(2026, 1, 23), sub_questions=["Why?"])
    plan = plan.add("price_return", {"symbol": "IWM", "start": "2025-12-31"}, "analysis", "move")
    plan = plan.add("moving_average", {"symbol": "IWM", "window": 50}, "time")
    rows: list[dict[str, Any]] = list(step_rows(plan))
    assert rows[1] == {
        "id": "s2", "tool": "moving_average", "args": '{"symbol": "IWM", "window": 50}',
        "feeds": "time", "why": "",
    }  # fmt: skip
    budget = Budget(max_llm_calls=5)
    # Unchanged rows give back the same steps; blank added rows are ignored; no sub-question
    # left means the topic itself.
    same = edited_plan(plan, [*rows, {"id": None, "tool": None, "args": None}], [], budget)
    assert same.steps == plan.steps and same.sub_questions == ["small caps"]
    assert same.budget.max_llm_calls == 5
    # Dropping s1 and adding a row: the new row gets a new id (not s1, not s2).
    added = {"id": None, "tool": "streak", "args": '{"symbol": "IWM"}', "feeds": None}
    edited = edited_plan(plan, [rows[1], added], [{"sub-question": " How long? "}], budget)
    assert [(s.id, s.tool, s.feeds) for s in edited.steps] == [
        ("s2", "moving_average", "time"), ("s3", "streak", "analysis"),
    ]  # fmt: skip
    assert edited.sub_questions == ["How long?"]
    # Every problem at once, each naming its step.
    bad = [
        {**rows[0], "args": "[1, 2]"},
        {**rows[1], "args": '{"symbol": "IWM", "window": -5}'},
        {"id": None, "tool": "", "args": '{"symbol": "IWM"}', "feeds": "analysis"},
        {"id": None, "tool": "streak", "args": "{}", "feeds": "nowhere"},
    ]
    with pytest.raises(PlanEditError) as caught:
        edited_plan(plan, bad, [], budget)
    problems = caught.value.problems
    assert len(problems) == 4
    assert problems[0].startswith("step s1 (price_return): the arguments must be a JSON object")
    assert problems[1].startswith("step s2 (moving_average): window")
    assert problems[2] == "step s3: choose a tool"
    assert problems[3].startswith("step s4 (streak): feeds must be one of analysis")
    with pytest.raises(PlanEditError, match="no steps left"):
        edited_plan(plan, [], [], budget)


def test_report_html_is_sanitized() -> None:
    from ui.research_report import report_html

    markdown = (
        "# Title <script>alert(1)</script>\n\n## Part\n\n"
        "Text <img src=x onerror=alert(1)> [evil](https://evil.example.com/x) "
        "[ok](https://news.example.com/a) [js](javascript:alert(1))\n"
    )
    html = report_html(markdown, {"https://news.example.com/a"})
    assert html.startswith("<h2>Title &lt;script&gt;alert(1)&lt;/script&gt;</h2>")
    assert "<h3>Part</h3>" in html and "\n\n" not in html  # one raw-HTML block
    assert "<script" not in html and "<img" not in html  # shown as text, never as tags
    assert "Text &lt;img src=x onerror=alert(1)&gt;" in html
    # Links only to the report's own sources; the others keep their text and lose the link.
    assert '<a href="https://news.example.com/a" rel="noopener noreferrer nofollow">ok</a>' in html
    assert '<a rel="noopener noreferrer nofollow">evil</a>' in html and "evil.example" not in html
    assert 'href="javascript' not in html


def test_an_unreachable_model_is_a_readable_message(market_env: Path) -> None:
    llm = ScriptedLLM([ProviderError("cannot reach http://127.0.0.1:9/v1: connection refused")])
    at = propose(open_research(llm))
    llm.assert_consumed()
    assert len(at.error) == 1 and "connection refused" in plain(at.error[0].value)
    assert any("Check the model settings" in plain(c.value) for c in at.caption)
    assert not any(b.label == "Accept and run" for b in at.button)  # no plan to run
    assert "copilot.research.job" not in at.session_state
