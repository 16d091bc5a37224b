"""Scoring of the generalization set (refusals, instruments named, untraced figures, families),
the --fail-under gates, and `market-copilot eval` with sets and gates, on hand-written literals
and the real market store."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from copilot.answer import Answer
from copilot.cli import app, eval_commands
from copilot.evaluation import (
    QuestionResult,
    failures,
    instrument_named,
    parse_bar,
    parse_questions,
    score_answer,
    summarize,
    summarize_families,
    unanswerable_correct,
)
from copilot.evaluation.runner import markdown_report
from copilot.llm.scripted import ScriptedLLM

METRICS = list(summarize([]))


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("NVDA is not in the market store; add it with market-copilot ingest online --yahoo NVDA.",
         True),
        ("I can't answer: 2026-03-10 is after the as-of date (2026-02-18).", True),
        ("There is no data for bitcoin.", True),
        ("XLK cannot be measured in 2024: the data begins on February 19, 2025.", True),
        ("Tesla isn't stored, but QQQ rose 1.2% last week [1].", False),  # a figure
        ("Microsoft is up 4.1% this year [1].", False),  # no refusal, a figure
        ("Tesla had a quiet week.", False),  # neither refusal nor figure
        ("I cannot say; it fell 3 sessions in a row.", False),  # a count is a figure
    ],
)  # fmt: skip
def test_unanswerable_needs_a_plain_refusal_and_no_figure(answer: str, expected: bool) -> None:
    assert unanswerable_correct(answer) is expected


def test_instrument_named_by_ticker_or_common_name() -> None:
    assert instrument_named("XLF fell 1.04% [1].", ["XLF"])
    assert instrument_named("Banks fell 1.04% [1].", ["XLF"])
    assert instrument_named("Small caps beat the S&P 500 for 4 sessions.", ["IWM", "SPY"])
    assert not instrument_named("Small caps rose 2% [1].", ["IWM", "SPY"])
    assert instrument_named("The 10-year yield fell 30 bp.", ["US10Y"])
    assert instrument_named("The CBOE Volatility Index closed at 21.77.", ["VIX"])
    assert instrument_named("Tesla is not in the market store.", ["TSLA"])
    assert not instrument_named("That stock is not in the market store.", ["TSLA"])
    assert not instrument_named("XLFX rose.", ["XLF"]), "whole words only"
    assert instrument_named("Anything.", [])


LINES = [
    '{"id": "u1", "template": "unknown-move", "family": "unanswerable", "question": "How is '
    'NVDA doing this year?", "as_of": "2026-01-16", "kind": "unanswerable", "gold": null, '
    '"expected_symbols": ["NVDA"], "reason": "NVDA is not in the market store"}',
    '{"id": "m1", "template": "ytd", "family": "move", "question": "XLF YTD?", "as_of": '
    '"2026-02-05", "kind": "numeric", "gold": {"value": -2.7, "unit": "%", "tolerance": 0.01}, '
    '"expected_symbols": ["XLF"]}',
]


def test_generalization_lines_parse_and_score() -> None:
    unknown, move = parse_questions(LINES)
    refused = score_answer(unknown, "NVDA is not in the market store.", [],
                           citations_valid=True, share_verified=1.0, seconds=1.0)  # fmt: skip
    assert refused.correct is True and refused.instrument_named is True
    assert refused.family == "unanswerable"
    invented = score_answer(unknown, "NVDA rose 4% [1].", [], citations_valid=True,
                            share_verified=0.0, seconds=1.0, untraced_figures=1)  # fmt: skip
    assert invented.correct is False and invented.untraced_figures == 1
    right = score_answer(move, "Financials (XLF) are down 2.70% this year [1].", [],
                         citations_valid=True, share_verified=1.0, seconds=1.0)  # fmt: skip
    assert right.correct is True and right.instrument_named is True
    failed = score_answer(move, "", [], citations_valid=False, share_verified=0.0, seconds=9.0,
                          error="timed out")  # fmt: skip
    assert failed.correct is False and failed.instrument_named is False


def test_unanswerable_lines_need_a_reason_and_no_gold() -> None:
    broken = json.loads(LINES[0])
    del broken["reason"]
    with pytest.raises(ValueError, match="reason"):
        parse_questions([json.dumps(broken)])


def result(**kw: object) -> QuestionResult:
    base: dict[str, object] = {
        "id": "q", "kind": "numeric", "citations_valid": True, "share_verified": 1.0,
        "tool_choice_ok": True, "seconds": 1.0, "family": "move",
    }  # fmt: skip
    return QuestionResult.model_validate(base | kw)


RESULTS = [
    result(id="a", correct=True, instrument_named=True),
    result(id="b", correct=False, instrument_named=True, untraced_figures=2),
    result(id="c", correct=True, instrument_named=False, family="rank"),
    result(id="u", kind="unanswerable", correct=True, instrument_named=False,
           family="unanswerable"),
    result(id="v", kind="unanswerable", correct=False, family="unanswerable", error="boom",
           instrument_named=False),
]  # fmt: skip


def test_summary_counts_refusals_names_and_untraced_figures() -> None:
    summary = summarize(RESULTS)
    assert summary["numeric"] == 3 and summary["unanswerable"] == 2
    assert summary["numeric_accuracy"] == pytest.approx(2 / 3)
    assert summary["unanswerable_accuracy"] == pytest.approx(1 / 2)
    assert summary["instrument_named"] == pytest.approx(2 / 5)
    assert summary["untraced_figures"] == 2
    assert summary["zero_untraced_share"] == pytest.approx(3 / 4)  # the error is left out


def test_family_rows() -> None:
    rows = summarize_families(RESULTS)
    assert list(rows) == ["move", "rank", "unanswerable"]
    assert rows["move"] == {"questions": 2, "correct": 0.5, "instrument_named": 1.0,
                            "zero_untraced_share": 0.5}  # fmt: skip
    assert rows["unanswerable"]["correct"] == 0.5


def test_bars_parse_and_fail_below() -> None:
    assert str(parse_bar("test.numeric_accuracy=0.9", METRICS)) == "test.numeric_accuracy>=0.9"
    for bad, message in [("numeric_accuracy", "METRIC=VALUE"), ("speed=1", "unknown metric"),
                         ("numeric_accuracy=high", "not a number")]:  # fmt: skip
        with pytest.raises(ValueError, match=message):
            parse_bar(bad, METRICS)
    summaries = {"dev": summarize(RESULTS), "legacy": summarize(RESULTS[:1])}
    bars = [parse_bar("numeric_accuracy=0.9", METRICS), parse_bar("legacy.numeric_accuracy=1",
            METRICS), parse_bar("fact_coverage=0.5", METRICS), parse_bar("test.tool_choice=1",
            METRICS)]  # fmt: skip
    assert failures(bars, summaries) == [
        "dev: numeric_accuracy 0.667 < 0.9",
        "fact_coverage>=0.5: not measured (no question of that kind was scored)",
        "test.tool_choice>=1: no set named 'test' was run",
    ]
    assert failures([parse_bar("numeric_accuracy=0.6", METRICS)], summaries) == []


def test_report_has_a_column_per_set_family_rows_and_hides_frozen_questions() -> None:
    text = markdown_report({"dev": RESULTS, "test": RESULTS}, "Eval", "2 cores", "cmd",
                           frozen={"test"})  # fmt: skip
    assert "| metric | dev | test |" in text
    assert "| unanswerable_accuracy | 0.500 | 0.500 |" in text
    assert "## dev: per family" in text and "| rank | 1 | 1.000 | 0.000 | 1.000 |" in text
    dev_part, test_part = text.split("## test: questions")
    assert "| a | numeric | True | True | 0 |" in dev_part
    assert "| a |" not in test_part and "frozen" in test_part


# --- the command -------------------------------------------------------------------------------


@dataclass
class CannedEngine:
    """Answers each question with a fixed text: the command's sets, reports and gates, apart
    from any answer engine (the real engine's slice is tests/test_eval_slice.py)."""

    answers: dict[str, str]
    deps: Any = None
    mode: str = "canned"

    def ask(self, question: str, as_of: date | None = None, on_event: Any = None) -> Answer:
        return Answer(question=question, as_of=as_of, text=self.answers[question])


RIGHT = {"How is NVDA doing this year?": "NVDA is not in the market store.",
         "XLF YTD?": "Financials (XLF) are down 2.70% this year [1]."}  # fmt: skip
WRONG = RIGHT | {"XLF YTD?": "XLF is down 2.07% this year [1]."}


@pytest.fixture
def eval_env(tmp_path: Path, shared_market_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "data"
    directory.mkdir()
    shutil.copy(shared_market_path, directory / "market.duckdb")
    monkeypatch.setenv("COPILOT_DATA_DIR", str(directory))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(eval_commands, "make_llm_beside_news", lambda *_a, **_k: ScriptedLLM([]))
    (tmp_path / "set.jsonl").write_text("\n".join(LINES) + "\n")
    return tmp_path


def use_answers(monkeypatch: pytest.MonkeyPatch, answers: dict[str, str]) -> None:
    engine = CannedEngine(answers)

    def make(_mode: str, deps: Any, _llm: Any) -> CannedEngine:
        engine.deps = deps
        return engine

    monkeypatch.setattr(eval_commands, "make_engine", make)


def invoke(*args: str) -> Any:
    return CliRunner().invoke(app, ["eval", *args])


def test_eval_gate_exits_1_with_one_line(eval_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_answers(monkeypatch, WRONG)
    done = invoke("--questions", "set.jsonl", "--fail-under", "numeric_accuracy=0.9",
                  "--report", "report.md")  # fmt: skip
    assert done.exit_code == 1, done.output
    assert "eval gate failed: set: numeric_accuracy 0.000 < 0.9\n" in done.output
    assert "[set] unanswerable_accuracy: 1.000" in done.output
    report = (eval_env / "report.md").read_text()
    assert "| metric | set |" in report and "## set: per family" in report


def test_eval_gate_passes_and_bad_bars_are_usage_errors(
    eval_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_answers(monkeypatch, RIGHT)
    done = invoke("--questions", "set.jsonl", "--fail-under", "numeric_accuracy=1",
                  "--fail-under", "set.unanswerable_accuracy=1")  # fmt: skip
    assert done.exit_code == 0, done.output
    bad = invoke("--questions", "set.jsonl", "--fail-under", "speed=1")
    assert bad.exit_code == 2 and "unknown metric" in bad.output
    unknown = invoke("--set", "holdout")
    assert unknown.exit_code == 2 and "dev, test" in unknown.output


def test_select_filters_then_caps_per_template_then_limits() -> None:
    questions = parse_questions(
        [
            json.dumps(json.loads(LINES[1]) | {"id": f"m{i}", "template": t})
            for i, t in enumerate(["ytd", "ytd", "ytd", "mtd", "mtd"])
        ]
        + [LINES[0]]
    )
    picked = eval_commands.select(questions, [], None, [], None, per_template=2)
    assert [q.id for q in picked] == ["m0", "m1", "m3", "m4", "u1"]
    assert [q.id for q in eval_commands.select(questions, [], "numeric", ["move"], 3, 1)] == [
        "m0",
        "m3",
    ]
    assert [q.id for q in eval_commands.select(questions, ["u1", "m2"], None, [], None)] == [
        "m2",
        "u1",
    ]
