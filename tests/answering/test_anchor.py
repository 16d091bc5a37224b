"""A why-question's own measure keeps its figure and picks the move explained ("how far below
its peak…, and what knocked it down?" explains the fall since the peak), on the real sample
closes; expected days are read from the raw CSV with the csv module."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from itertools import pairwise
from pathlib import Path

from copilot.answering.anchor import anchored_move, own_measures
from copilot.answering.why import why_calls
from copilot.market.measure_model import MeasureArgs
from copilot.tools import ToolDeps
from copilot.understand.catalog import Catalog
from copilot.understand.core import understand
from tests.raw import index_of, raw_closes


def _rows(shared_data: Path, symbol: str, until: str) -> list[tuple[str, float]]:
    rows = raw_closes(shared_data / "market" / "prices", symbol)
    return [(day, close) for day, close in rows if day <= until]


def _at(deps: ToolDeps, as_of: date) -> ToolDeps:
    return replace(deps, as_of=as_of)


def test_distance_from_the_peak_explains_the_fall_since_the_peak(
    shared_data: Path, shared_deps: ToolDeps
) -> None:
    rows = _rows(shared_data, "SLV", "2026-02-01")
    peak = max(range(len(rows)), key=lambda i: rows[i][1])
    args = MeasureArgs(symbols=["SLV"], measure="distance_from_peak")
    anchor = anchored_move(_at(shared_deps, date(2026, 2, 1)), args, "SLV")
    assert anchor is not None
    assert (anchor.start.isoformat(), anchor.end.isoformat()) == (rows[peak + 1][0], rows[-1][0])
    assert anchor.direction == "down" and rows[peak][0] in anchor.reason


def test_the_worst_day_asked_about_is_the_day_explained(
    shared_data: Path, shared_deps: ToolDeps
) -> None:
    rows = _rows(shared_data, "SLV", "2026-01-31")
    january = range(index_of(rows, "2026-01-02"), len(rows))
    worst = min(january, key=lambda i: rows[i][1] / rows[i - 1][1])
    args = MeasureArgs(symbols=["SLV"], measure="daily_return", aggregate="min",
                       start=date(2026, 1, 1), end=date(2026, 1, 31))  # fmt: skip
    anchor = anchored_move(_at(shared_deps, date(2026, 2, 1)), args, "SLV")
    assert anchor is not None and anchor.direction == "down"
    assert anchor.start == anchor.end == date.fromisoformat(rows[worst][0])


def test_the_worst_week_asked_about_is_the_week_explained(
    shared_data: Path, shared_deps: ToolDeps
) -> None:
    """'Why did silver have its worst week of the year in January?': that calendar week, from
    its first session to its last (by hand: weeks Monday to Sunday, each from the close before
    it; January's first week has its base, 2025-12-31, at the window's base)."""
    rows = _rows(shared_data, "SLV", "2026-01-31")
    weeks: dict[tuple[int, int], list[int]] = {}
    for i, (day, _) in enumerate(rows):
        if day >= "2026-01-01":
            weeks.setdefault(date.fromisoformat(day).isocalendar()[:2], []).append(i)
    worst = min(weeks.values(), key=lambda w: rows[w[-1]][1] / rows[w[0] - 1][1])
    args = MeasureArgs(symbols=["SLV"], measure="weekly_return", aggregate="min",
                       start=date(2026, 1, 1), end=date(2026, 1, 31))  # fmt: skip
    anchor = anchored_move(_at(shared_deps, date(2026, 2, 1)), args, "SLV")
    assert anchor is not None and anchor.direction == "down"
    assert (anchor.start.isoformat(), anchor.end.isoformat()) == (
        rows[worst[0]][0], rows[worst[-1]][0])  # fmt: skip


def test_the_deepest_drawdown_runs_from_its_peak_to_its_trough(
    shared_data: Path, shared_deps: ToolDeps
) -> None:
    # Gold in the first half of January 2026: a small dip in mid-month, before the window ends.
    rows = _rows(shared_data, "GLD", "2026-01-16")
    first = index_of(rows, "2026-01-02")
    running, worst, trough, peak_at = 0.0, 0.0, first, first
    for i in range(first, len(rows)):
        running = max(running, rows[i][1])
        if rows[i][1] / running - 1 < worst:
            worst, trough = rows[i][1] / running - 1, i
    peak_at = max(range(first, trough + 1), key=lambda i: rows[i][1])
    assert trough > peak_at + 1  # the case this test is about: a fall of more than one day
    args = MeasureArgs(symbols=["GLD"], measure="drawdown", aggregate="min",
                       start=date(2026, 1, 1), end=date(2026, 1, 16))  # fmt: skip
    anchor = anchored_move(_at(shared_deps, date(2026, 2, 1)), args, "GLD")
    assert anchor is not None and anchor.direction == "down"
    assert (anchor.start.isoformat(), anchor.end.isoformat()) == (
        rows[peak_at + 1][0], rows[trough][0]
    )  # fmt: skip


def test_a_losing_streak_is_explained_over_its_own_sessions(
    shared_data: Path, shared_deps: ToolDeps
) -> None:
    rows = _rows(shared_data, "XLF", "2026-02-13")
    length = 0
    while rows[-1 - length][1] < rows[-2 - length][1]:
        length += 1
    assert length > 1
    args = MeasureArgs(symbols=["XLF"], measure="down_streak")
    anchor = anchored_move(_at(shared_deps, date(2026, 2, 13)), args, "XLF")
    assert anchor is not None and anchor.direction == "down"
    assert anchor.start.isoformat() == rows[-length][0] and anchor.end.isoformat() == rows[-1][0]
    assert f"{length} sessions" in anchor.reason


def test_no_move_when_the_last_close_is_the_peak_or_the_measure_is_no_move(
    shared_data: Path, shared_deps: ToolDeps
) -> None:
    rows = _rows(shared_data, "GLD", "2026-01-29")
    january = [close for day, close in rows if day >= "2026-01-01"]
    assert max(january) == january[-1]  # gold closed January 29 at its high for the month
    deps = _at(shared_deps, date(2026, 1, 29))
    peak = MeasureArgs(symbols=["GLD"], measure="distance_from_peak", start=date(2026, 1, 1))
    volatile = MeasureArgs(symbols=["GLD"], measure="volatility", start=date(2026, 1, 1))
    assert anchored_move(deps, peak, "GLD") is None
    assert anchored_move(deps, volatile, "GLD") is None
    close = MeasureArgs(symbols=["GLD"], measure="level")  # the move's line shows it
    assert own_measures([volatile, MeasureArgs(symbols=["GLD"]), close]) == [volatile]


def test_a_why_question_keeps_its_own_measure_and_explains_its_move(
    shared_data: Path, shared_deps: ToolDeps
) -> None:
    as_of = date(2026, 2, 1)
    rows = _rows(shared_data, "SLV", "2026-02-01")
    peak = max(range(len(rows)), key=lambda i: rows[i][1])
    settled = understand(
        "how far off its high is silver now, and what sank it?",
        as_of, Catalog.from_store(shared_deps.market),
    )  # fmt: skip
    calls = why_calls(_at(shared_deps, as_of), settled, budget_tokens=800)
    measures = [c["args"] for c in calls if c["tool"] == "measure"]
    assert measures[0]["measure"] == "distance_from_peak" and measures[0]["symbols"] == ["SLV"]
    move = measures[1]
    assert move["measure"] == "return" and move["symbols"][0] == "SLV"
    assert (move["start"], move["end"]) == (rows[peak + 1][0], rows[-1][0])
    assert any(line.startswith("move: the fall from its peak") for line in settled.trace)


def test_an_anchor_against_the_questions_word_gives_way_to_the_asked_move(
    shared_deps: ToolDeps,
) -> None:
    # The rise from the trough is not the fall asked about: the question's own word decides.
    as_of = date(2026, 2, 1)
    settled = understand(
        "how far above its trough is gold now, and why did it fall?",
        as_of, Catalog.from_store(shared_deps.market),
    )  # fmt: skip
    assert settled.intent is not None and settled.intent.measure == "distance_from_trough"
    why_calls(_at(shared_deps, as_of), settled, budget_tokens=800)
    assert not any(line.startswith("move:") for line in settled.trace)
    assert any("the most unusual recent fall" in line for line in settled.trace)


def test_a_rise_asked_around_a_day_whose_week_fell_explains_the_rise_inside_it(
    shared_data: Path, research_deps: ToolDeps
) -> None:
    deps = _at(research_deps, date(2026, 2, 1))
    rows = _rows(shared_data, "IYT", "2026-01-23")
    by_day = dict(rows)
    # By hand: around Jan 21 is Jan 18–24, the sessions Jan 20–23 (Jan 19 a holiday); IYT closed
    # lower on the 23rd than on the 16th, and the 21st is the one session of the four that rose.
    assert by_day["2026-01-23"] < by_day["2026-01-16"]
    days = ["2026-01-16", "2026-01-20", "2026-01-21", "2026-01-22", "2026-01-23"]
    rose = [b for a, b in pairwise(days) if by_day[b] > by_day[a]]
    assert rose == ["2026-01-21"]
    settled = understand("what pushed transport stocks higher around jan 21?", date(2026, 2, 1),
                         Catalog.from_store(deps.market))  # fmt: skip
    drivers = next(c["args"] for c in why_calls(deps, settled, 800) if c["tool"] == "news_drivers")
    assert (drivers["start"], drivers["end"], drivers["direction"]) == (
        "2026-01-21", "2026-01-21", "up",
    )  # fmt: skip
    assert not settled.direction_note  # the rise happened: nothing to correct
    gain = (by_day["2026-01-21"] / by_day["2026-01-20"] - 1) * 100
    assert any(f"{gain:+.2f}%" in line for line in settled.trace)


def test_a_fall_asked_of_a_named_week_that_rose_is_still_corrected(research_deps: ToolDeps) -> None:
    # Not a loose window: "the week of Jan 19" is those sessions, and a move the other way
    # inside it is not substituted.
    deps = _at(research_deps, date(2026, 2, 1))
    settled = understand("why did transport stocks rise in the week of jan 19?",
                         date(2026, 2, 1), Catalog.from_store(deps.market))  # fmt: skip
    drivers = next(c["args"] for c in why_calls(deps, settled, 800) if c["tool"] == "news_drivers")
    assert (drivers["start"], drivers["end"], drivers["direction"]) == (
        "2026-01-20", "2026-01-23", "down",
    )  # fmt: skip
    assert settled.direction_note.startswith("IYT did not rise over the period asked about")


def test_before_a_day_a_why_question_explains_the_move_that_came_before_it(
    shared_data: Path, shared_deps: ToolDeps
) -> None:
    """'Why did gold rally before the January 30 crash?': no start is named, so the move
    explained is a recent rise ending by January 29 (had been an event left undated: the
    latest move, January 30's fall itself), never the whole stored history."""
    as_of = date(2026, 2, 1)
    settled = understand(
        "why did gold rally before the january 30 crash?",
        as_of, Catalog.from_store(shared_deps.market),
    )  # fmt: skip
    calls = why_calls(_at(shared_deps, as_of), settled, budget_tokens=800)
    move = next(c["args"] for c in calls if c["tool"] == "measure")
    start, end = date.fromisoformat(move["start"]), date.fromisoformat(move["end"])
    assert end <= date(2026, 1, 29) and start > date(2025, 12, 1)
    closes = dict(_rows(shared_data, "GLD", "2026-01-29"))
    days = sorted(closes)
    base = max(d for d in days if d < move["start"])
    assert closes[move["end"]] > closes[base]  # a rise, read from the raw closes
    assert any("'before January 30, 2026' names no start" in line for line in settled.trace)


def test_a_monthly_series_with_no_observation_in_the_window_says_so(
    shared_data: Path, shared_deps: ToolDeps
) -> None:
    # The store's 10-year yield is a monthly average, dated the 1st: by hand (the raw file), no
    # observation falls after the jobs report of January 9, 2026 and on or before January 30.
    with (shared_data / "market" / "series" / "US10Y_monthly.csv").open() as handle:
        days = [line.split(",")[0] for line in handle.read().splitlines()[1:] if line]
    assert "2026-01-01" in days and not [d for d in days if "2026-01-10" <= d <= "2026-01-30"]
    as_of = date(2026, 1, 30)
    settled = understand("why did yields jump after the jobs numbers?", as_of,
                         Catalog.from_store(shared_deps.market))  # fmt: skip
    assert [i.symbol for i in settled.instruments] == ["US10Y"]
    why_calls(_at(shared_deps, as_of), settled, budget_tokens=800)
    # Had shown December's average change as the move after the report, with no word of it.
    assert "monthly series, with no observation inside the window asked about" in (
        settled.window_note
    )
    # A daily market's window holds its sessions: no such note.
    daily = understand("why did gold jump after the jobs numbers?", as_of,
                       Catalog.from_store(shared_deps.market))  # fmt: skip
    why_calls(_at(shared_deps, as_of), daily, budget_tokens=800)
    assert "monthly series" not in daily.window_note


def test_the_news_of_a_week_a_monthly_series_cannot_measure_is_still_read(
    shared_deps: ToolDeps, shared_news_store: object
) -> None:
    # "What pushed treasury yields up in the week of January 12?": the 10-year is a monthly
    # average here, with no observation that week (the note above says so), and the answer
    # had read no news at all. The week's news is read, by the question's word for the way.
    as_of = date(2026, 1, 30)
    deps = replace(_at(shared_deps, as_of), news=shared_news_store)
    settled = understand("what pushed treasury yields up in the week of january 12?", as_of,
                         Catalog.from_store(shared_deps.market))  # fmt: skip
    calls = why_calls(deps, settled, budget_tokens=800)
    assert "monthly series, with no observation inside the window asked about" in (
        settled.window_note
    )
    news = [c["args"] for c in calls if c["tool"] == "news_drivers"]
    # The calendar week of Monday January 12 to Friday January 16, 2026 (by hand), measured at
    # its end too: the tool says which observation stands for it.
    measured = next(c["args"] for c in calls if c["tool"] == "measure")
    assert (measured["start"], measured["end"]) == ("2026-01-12", "2026-01-16")
    assert [(a["symbols"], a["direction"], a["start"], a["end"]) for a in news] == [
        (["US10Y"], "up", "2026-01-12", "2026-01-16")
    ]
    # Asked with no way ("why did … move"), both ways are read.
    both = understand("why did treasury yields move in the week of january 12?", as_of,
                      Catalog.from_store(shared_deps.market))  # fmt: skip
    calls = why_calls(deps, both, budget_tokens=800)
    assert [c["args"]["direction"] for c in calls if c["tool"] == "news_drivers"] == ["up", "down"]
