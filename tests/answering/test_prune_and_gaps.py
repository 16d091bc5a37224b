"""Unsupported figures leave the answer text; code-written 'cannot' answers carry no figure."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from copilot.agent import Copilot
from copilot.answer import NumberCheck, ToolCallRecord
from copilot.answering.deadline import Deadline
from copilot.answering.gaps import (
    backdrop_line,
    cannot_answer,
    failed_answer,
    failure_lines,
    no_news_line,
)
from copilot.answering.prune import prune_unsupported
from copilot.llm.scripted import ScriptedLLM
from copilot.tools import ToolDeps
from copilot.understand.model import Instrument, Understanding, UnknownName


def _check(text: str, answer: str, status: str) -> NumberCheck:
    start = answer.index(text)
    return NumberCheck(
        text=text, value=0.0, unit="%", start=start, end=start + len(text), status=status
    )  # type: ignore[arg-type]


def test_a_sentence_with_an_unsupported_figure_is_removed_and_listed() -> None:
    answer = "IWM returned +5.05% [1]. SPY returned 2.0% over the month. IWM beat SPY [2]."
    checks = [_check("+5.05%", answer, "verified"), _check("2.0%", answer, "unverified")]
    text, removed = prune_unsupported(answer, checks)
    assert text == "IWM returned +5.05% [1]. IWM beat SPY [2]."
    assert removed == ["SPY returned 2.0% over the month."]


def test_nothing_unsupported_leaves_the_text_alone() -> None:
    answer = "IWM returned +5.05% [1].\n\nThe news cites rate cuts [2]."
    text, removed = prune_unsupported(answer, [_check("+5.05%", answer, "verified")])
    assert (text, removed) == (answer, [])


def test_unknown_names_and_problems_make_a_plain_cannot_answer() -> None:
    settled = Understanding(
        question="how did nvidia do this year?", as_of=date(2026, 1, 23),
        unknown=[UnknownName(phrase="nvidia", symbol="NVDA",
                             reason="NVIDIA (NVDA) is not in the market store",
                             fix="market-copilot ingest online --yahoo NVDA")],
        problems=["2026-03-02 is after the as-of date 2026-01-23; nothing later is visible"],
    )  # fmt: skip
    text = cannot_answer(settled)
    assert text is not None and text.startswith("I cannot answer that about NVDA from")
    assert "`market-copilot ingest online --yahoo NVDA`" in text
    assert "after the as-of date" in text
    assert cannot_answer(Understanding(question="q", as_of=date(2026, 1, 23))) is None


def test_a_cannot_answer_names_the_missing_instrument_beside_the_stored_ones() -> None:
    # Was "I cannot answer that about QQQ …": the stored one, as if it were the problem.
    settled = Understanding(
        question="did the Dow or the Nasdaq come out ahead?", as_of=date(2026, 2, 1),
        instruments=[Instrument(phrase="the Nasdaq", symbol="QQQ", how="alias")],
        unknown=[UnknownName(phrase="the Dow", symbol="DIA", reason="DIA is not in the store")],
    )  # fmt: skip
    text = cannot_answer(settled)
    assert text is not None and text.startswith("I cannot answer that about QQQ and DIA from")


def test_failed_tools_are_named_with_their_reason() -> None:
    records = [
        ToolCallRecord(
            name="measure", arguments={}, output="Error: no data for 'ZZZ'.", error=True
        ),
        ToolCallRecord(name="measure", arguments={}, output="[1] IWM returned +1.00%."),
    ]
    lines = failure_lines(records)
    assert lines == ["measure could not be computed: no data for 'ZZZ'."]
    assert failed_answer(lines) == (
        "I cannot answer that from the stored data. Measure could not be computed: "
        "no data for 'ZZZ'."
    )


def test_the_news_gap_counts_the_articles_found_that_never_report_the_move() -> None:
    fix = "`market-copilot ingest news --rss <feed URL>` (or `market-copilot ingest news FOLDER`)."
    assert no_news_line() == f"No stored article explains this move; to add news coverage run {fix}"
    assert no_news_line(2) == (
        "No stored article explains this move: the 2 articles found around "
        f"it never report its market moving; to add news coverage run {fix}"
    )
    assert ": the 1 article found around it never reports its market moving;" in no_news_line(1)


def test_the_deadline_expires_on_time_or_on_cancel() -> None:
    deadline = Deadline(1e-9)
    assert deadline.expired() and "deadline" in deadline.reason()
    open_ended = Deadline(None)
    assert not open_ended.expired()
    open_ended.cancel.set()
    assert open_ended.expired() and open_ended.reason() == "the question was cancelled"


def test_the_articles_found_are_the_news_sources_counted_once() -> None:
    from copilot.answering.sheet import articles_found
    from tests.claims.ledger_kit import book

    # book(): [1]–[5] and [8] are measures, [6] and [7] articles; [6] found by two searches.
    records = [
        ToolCallRecord(name="news_drivers", arguments={}, output="", sources=[6, 7]),
        ToolCallRecord(name="news_drivers", arguments={}, output="", sources=[6]),
        ToolCallRecord(name="measure", arguments={}, output="", sources=[2]),
    ]
    assert articles_found(records, book()) == 2
    assert articles_found(records[2:], book()) == 0


def test_reasons_read_from_the_wider_market_s_articles_are_said_to_be_its() -> None:
    assert backdrop_line(["IBB"], ["SPY"]) == (
        "No article read reports IBB's own move: the reasons given come from articles on the "
        "move of SPY, which went the same way; to add news coverage of IBB run "
        "`market-copilot ingest news --rss <feed URL>`."
    )
    assert "on the move of XLI and SPY," in backdrop_line(["IYT"], ["XLI", "SPY"])
    # The fear gauge's backdrop went the other way.
    assert "on the move of SPY, which went the other way;" in backdrop_line(["VIX"], ["SPY"])


def test_a_window_with_no_value_out_yet_is_said_and_its_figure_not_passed_off(
    shared_deps: ToolDeps, shared_data: Path
) -> None:
    """As of 2026-01-30 January's monthly 10-year average is not out: the figures are of the
    last month before it, the answer says so, and "moved +5 bp in January" does not stand."""
    with (shared_data / "market" / "series" / "US10Y_monthly.csv").open(encoding="utf-8") as f:
        months = sorted(r["Date"][:10] for r in csv.DictReader(f) if r["Date"][:10] < "2026-01-01")
    latest = months[-1]
    llm = ScriptedLLM(["The 10-year yield moved +5 basis points in January [1]."] * 3)
    answer = Copilot(shared_deps, llm).ask(
        "how far did the 10-year yield move in january", as_of=date(2026, 1, 30)
    )
    said = "no value dated on or after 2026-01-01 by the as-of date: its figures above are of "
    assert said + latest in answer.text
    assert "in January" not in answer.text
