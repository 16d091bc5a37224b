"""The answer's lead: when the model's checked sentences leave out the main figure or do not
name the instrument, code's own line (the ticker, the figure as computed, [n])
opens the answer; an answer that already states both is left alone.

Real engine, real store (../shared/data), scripted model; the expected figure is read from the
raw CSV with plain lines."""

from __future__ import annotations

import csv
import re
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest

from copilot.agent import Copilot
from copilot.answer import ToolCallRecord
from copilot.answering.lead import answered
from copilot.answering.ranking_line import names, places_asked, way_asked
from copilot.llm.scripted import ScriptedLLM
from copilot.tools import ToolDeps

AS_OF = date(2025, 12, 19)  # a Friday: "last week" is Mon 2025-12-08 .. Fri 2025-12-12
QUESTION = "how did regional banks do last week?"


def _kre_last_week(shared_data: Path) -> str:
    with (shared_data / "market" / "prices" / "KRE.csv").open(encoding="utf-8") as handle:
        close = {r["date"][:10]: float(r["close"]) for r in csv.DictReader(handle)}
    move = (close["2025-12-12"] / close["2025-12-05"] - 1) * 100  # base: the Friday before
    return f"{move:+.2f}%"


def _answer(deps: ToolDeps, written: str) -> str:
    llm = ScriptedLLM([written] * 3, model_id="scripted")
    return Copilot(deps, llm).ask(QUESTION, as_of=AS_OF).text


@pytest.mark.parametrize(
    "written",
    ["They rose {bare} last week [1].", "[{bare}] [1]", "Banks had a good week [1]."],
)
def test_a_missing_name_or_figure_gets_codes_lead(
    shared_deps: ToolDeps, shared_data: Path, written: str
) -> None:
    figure = _kre_last_week(shared_data)
    text = _answer(shared_deps, written.format(bare=figure.lstrip("+")))
    assert text.startswith(f"KRE: return {figure} over 5 sessions")
    assert " [1]." in text


def test_an_answer_that_names_and_states_is_left_alone(
    shared_deps: ToolDeps, shared_data: Path
) -> None:
    figure = _kre_last_week(shared_data)
    written = f"Regional banks (KRE) returned {figure} last week [1]."
    assert _answer(shared_deps, written) == written


@pytest.mark.parametrize(
    ("text", "symbol", "named"),
    [("KRE rose", "KRE", True), ("regional banks rose", "KRE", True), ("^KRE rose", "KRE", False),
     ("banks rose", "KRE", False), ("The fear gauge rose", "VIX", True), ("XLKE", "XLK", False),
     ("The S&P 500 index closed at", "SP500", True), ("The S&P 500 closed at", "SP500", False)],
)  # fmt: skip
def test_names(text: str, symbol: str, named: bool) -> None:
    assert names(text, symbol) is named


def test_a_comparison_whose_gap_is_left_out_gets_codes_lead(
    shared_deps: ToolDeps, shared_data: Path
) -> None:
    with (shared_data / "market" / "series" / "US10Y_monthly.csv").open(encoding="utf-8") as f:
        rate = {r["Date"]: float(r["Rate"]) for r in csv.DictReader(f)}
    jan, sep = rate["2025-01-01"], rate["2025-09-01"]
    llm = ScriptedLLM([f"The 10-year averaged {jan:.2f}% in January 2025 [1]."] * 3)
    question = "How much did the 10-year's average change from January 2025 to September 2025?"
    text = Copilot(shared_deps, llm).ask(question, as_of=date(2026, 1, 9)).text
    assert text.startswith("US10Y: average value")
    assert f"change from January 2025 to September 2025: {round((sep - jan) * 100):+d} bp" in text
    assert text.endswith(f"The 10-year averaged {jan:.2f}% in January 2025 [1].")


def test_an_unsupported_fragment_is_cut_and_codes_line_stays(
    shared_deps: ToolDeps, shared_data: Path
) -> None:
    """A fragment with a figure no source states is cut; the answer is code's line, once."""
    figure = _kre_last_week(shared_data)
    llm = ScriptedLLM(["[9.99%] KR [1]"] * 3)
    text = Copilot(shared_deps, llm).ask(QUESTION, as_of=AS_OF).text
    assert text.startswith(f"KRE: return {figure} over 5 sessions")
    assert "9.99" not in text and text.count(f"{figure} over 5 sessions") == 1


def test_a_why_question_is_answered_by_its_first_measure() -> None:
    def record(name: str, error: bool = False) -> ToolCallRecord:
        return ToolCallRecord(name=name, arguments={}, output="[1] x", error=error, sources=[1])

    move, streak, news = record("measure"), record("measure"), record("news_drivers")
    failed = record("measure", error=True)
    assert answered([failed, move, streak, news], why=True) == [move]
    assert answered([move, streak, news], why=False) == [move, streak, news]


SECTORS = ["XLB", "XLC", "XLE", "XLF", "XLI", "XLK", "XLP", "XLRE", "XLU", "XLV", "XLY"]


def _change(shared_data: Path, symbol: str, before: str, day: str) -> float:
    """The close-to-close move in %, from the raw CSV."""
    path = shared_data / "market" / "prices" / f"{symbol}.csv"
    with path.open(encoding="utf-8") as handle:
        close = {r["date"][:10]: float(r["close"]) for r in csv.DictReader(handle)}
    return (close[day] / close[before] - 1) * 100


def _day_moves(shared_data: Path, day: str, before: str) -> dict[str, float]:
    return {symbol: _change(shared_data, symbol, before, day) for symbol in SECTORS}


def test_a_ranking_asked_about_one_instrument_leads_with_its_place(
    shared_deps: ToolDeps, shared_data: Path
) -> None:
    """'Where did utilities rank …': the lead is XLU's line with its place, not the leader's."""
    moves = _day_moves(shared_data, "2026-01-22", "2026-01-21")
    place = sorted(moves, key=lambda s: -moves[s]).index("XLU") + 1
    llm = ScriptedLLM(["Communication services led the sectors that day [1]."] * 3)
    question = "Where did utilities rank among the 11 S&P 500 sectors on January 22, 2026?"
    text = Copilot(shared_deps, llm).ask(question, as_of=date(2026, 1, 22)).text
    assert text.startswith(f"Ranked highest first: #{place} XLU: return {moves['XLU']:+.2f}%")


def test_a_ranking_that_names_no_single_instrument_leads_with_the_leader(
    shared_deps: ToolDeps, shared_data: Path
) -> None:
    moves = _day_moves(shared_data, "2026-01-22", "2026-01-21")
    best = max(moves, key=lambda s: moves[s])
    llm = ScriptedLLM(["It was a mixed day for sectors [1]."] * 3)
    question = "Which S&P 500 sector did best on January 22, 2026?"
    text = Copilot(shared_deps, llm).ask(question, as_of=date(2026, 1, 22)).text
    assert text.startswith(f"Ranked highest first: #1 {best}: return {moves[best]:+.2f}%")


def test_a_head_to_head_shows_both_sides(shared_deps: ToolDeps, shared_data: Path) -> None:
    """'Which came out on top, staples or discretionary?': the loser's figure is shown too (the
    answer had named the winner alone)."""
    moves = {s: _change(shared_data, s, "2025-11-28", "2025-12-31") for s in ("XLP", "XLY")}
    winner, loser = sorted(moves, key=lambda s: -moves[s])
    llm = ScriptedLLM([f"{winner} came out on top in December [1]."] * 3)
    question = "Between staples and discretionary, which came out on top in December 2025?"
    text = Copilot(shared_deps, llm).ask(question, as_of=date(2026, 1, 5)).text
    assert text.startswith(f"Ranked highest first: #1 {winner}: return {moves[winner]:+.2f}%")
    assert f"#2 {loser}: return {moves[loser]:+.2f}%" in text.split("\n\n")[0]


def test_a_ranking_asked_for_three_places_leads_with_three(
    shared_deps: ToolDeps, shared_data: Path
) -> None:
    """'The three worst sectors': the lead shows the last three places, each named, not the
    first alone (the model had named the three with one figure)."""
    moves = _day_moves(shared_data, "2026-01-22", "2026-01-21")
    worst = sorted(moves, key=lambda s: moves[s])[:3]
    llm = ScriptedLLM([f"The three worst were {worst[0]} [1], {worst[2]} and XLK."] * 3)
    question = "what were the three worst sectors on January 22, 2026?"
    text = Copilot(shared_deps, llm).ask(question, as_of=date(2026, 1, 22)).text
    lead = text.split("\n\n")[0]
    for place, symbol in enumerate(worst, 1):
        assert f"#{place} {symbol}: return {moves[symbol]:+.2f}%" in lead
    assert "#4 " not in lead


def test_leaders_and_laggards_lead_with_both_ends_of_the_ranking(
    shared_deps: ToolDeps, shared_data: Path
) -> None:
    """'Leaders and laggards': the first and the last place, each named (the model had listed
    the worst as "the leaders"). Both ends asked rank from the top (session 61; had been from
    the bottom, "laggards" read as the way)."""
    moves = _day_moves(shared_data, "2026-01-22", "2026-01-21")
    order = sorted(moves, key=lambda s: moves[s], reverse=True)  # highest first
    llm = ScriptedLLM([f"The leaders were {order[-1]} and {order[-2]} [1]."] * 3)
    question = "sector leaders and laggards on January 22, 2026?"
    text = Copilot(shared_deps, llm).ask(question, as_of=date(2026, 1, 22)).text
    lead = text.split("\n\n")[0]
    assert lead.startswith(f"Ranked highest first: #1 {order[0]}: return {moves[order[0]]:+.2f}%")
    assert f"#11 {order[-1]}: return {moves[order[-1]]:+.2f}%" in lead
    assert "#2 " not in lead
    assert "The leaders were" not in text  # the two lowest are no leaders: cut


def _down_days(shared_data: Path, symbol: str, month: str) -> int:
    """Sessions of `month` ("2026-01") that closed below the previous close, from the raw CSV."""
    path = shared_data / "market" / "prices" / f"{symbol}.csv"
    with path.open(encoding="utf-8") as handle:
        rows = [(r["date"][:10], float(r["close"])) for r in csv.DictReader(handle)]
    return sum(1 for (_, before), (day, close) in pairwise(rows)
               if day.startswith(month) and close < before)  # fmt: skip


def test_a_ranking_tied_at_the_top_leads_with_every_leader(
    shared_deps: ToolDeps, shared_data: Path
) -> None:
    """'Which sector had the most down days in January?': two sectors had the most; the model
    named one, and code's lead names both (it had shown the first alone)."""
    counts = {symbol: _down_days(shared_data, symbol, "2026-01") for symbol in SECTORS}
    most = max(counts.values())
    leaders = sorted(s for s in SECTORS if counts[s] == most)
    assert len(leaders) == 2  # the data's own tie (XLC and XLV, 11 each)
    llm = ScriptedLLM([f"The sector with the most down days in January was {leaders[0]} [1]."] * 3)
    question = "which sector had the most down days in january?"
    text = Copilot(shared_deps, llm).ask(question, as_of=date(2026, 1, 30)).text
    lead = text.split("\n\n")[0]
    for symbol in leaders:
        assert f"#1 {symbol}: {most} down days" in lead
    assert "#3 " not in lead


def test_which_of_a_set_moved_a_way_leads_with_every_one_that_did(
    shared_deps: ToolDeps, shared_data: Path
) -> None:
    """'Which sectors ended the year in the red?': every sector that fell over 2025 (their
    stored closes begin 2025-02-19, the window's base), not the first place alone (found in the
    app: the lead showed XLP, and the model's "all eleven" was cut)."""
    moves = {s: _change(shared_data, s, "2025-02-19", "2025-12-31") for s in SECTORS}
    fell = sorted((s for s in SECTORS if moves[s] < 0), key=lambda s: moves[s])
    assert len(fell) > 1  # the data's own: XLP, XLRE and XLE
    llm = ScriptedLLM(["Several sectors ended the year lower [1]."] * 3)
    question = "which sectors ended the year in the red?"
    text = Copilot(shared_deps, llm).ask(question, as_of=date(2026, 1, 30)).text
    lead = text.split("\n\n")[0]
    for place, symbol in enumerate(fell, 1):
        assert f"#{place} {symbol}: return {moves[symbol]:+.2f}%" in lead
    assert all(f" {s}: " not in lead for s in SECTORS if s not in fell)
    # the model's "all eleven" cut, code's lines stand alone, each once (XLP's line alone had
    # stood twice, in the answer's stand-in and in the lead)
    worst = f"{moves[fell[0]]:+.2f}%"
    wrong = ScriptedLLM([f"The sectors in the red were {', '.join(SECTORS)}, with a return of "
                         f"{worst} [1]."] * 3)  # fmt: skip
    text = Copilot(shared_deps, wrong).ask(question, as_of=date(2026, 1, 30)).text
    assert [text.count(f" {s}: ") for s in fell] == [1] * len(fell)
    # the first place alone, asked for in the singular
    text = Copilot(shared_deps, llm).ask("which sector ended the year deepest in the red?",
                                         as_of=date(2026, 1, 30)).text  # fmt: skip
    assert f" {fell[1]}: " not in text.split("\n\n")[0]


@pytest.mark.parametrize(
    ("question", "way"),
    [("which sectors ended the year in the red?", "down"), ("what funds rose on friday?", "up"),
     # a place asked for, a count named, or one market: no filter by way
     ("which sectors fell the most this week?", None), ("which 2 sectors fell", None),
     ("which sector fell on friday?", None)],
)  # fmt: skip
def test_way_asked(question: str, way: str | None) -> None:
    assert way_asked(question) == way


def _losing_run(shared_data: Path, symbol: str, last: str) -> int:
    """Closes in a row below the previous one through `last`, from the raw CSV."""
    path = shared_data / "market" / "prices" / f"{symbol}.csv"
    with path.open(encoding="utf-8") as handle:
        closes = [float(r["close"]) for r in csv.DictReader(handle) if r["date"][:10] <= last]
    run = 0
    while run + 1 < len(closes) and closes[-1 - run] < closes[-2 - run]:
        run += 1
    return run


def test_a_streak_ranking_leads_with_its_longest_run(
    shared_deps: ToolDeps, shared_data: Path
) -> None:
    """'Which sector has the longest losing streak right now?': the model named a sector with
    no losing run (found in the app), and code's line did not lead: a streak's sessions were
    not read as its main figure, nor its entries ("#1 XLY closed lower …") as places."""
    runs = {s: _losing_run(shared_data, s, "2026-01-30") for s in SECTORS}
    longest = max(runs, key=lambda s: runs[s])
    assert list(runs.values()).count(runs[longest]) == 1  # one leader, by hand: XLY
    llm = ScriptedLLM(["The longest losing streak right now is XLC's, 0 sessions [1]."] * 3)
    question = "which sector has the longest losing streak right now?"
    text = Copilot(shared_deps, llm).ask(question, as_of=date(2026, 1, 30)).text
    assert text.startswith(
        f"Ranked highest first: #1 {longest} closed lower {runs[longest]} sessions in a row "
        "through 2026-01-30"
    )


@pytest.mark.parametrize(
    ("question", "places"),
    [("the three best performing funds over the past 30 days", 3), ("top 5 sectors ytd", 5),
     ("which 2 sectors fell the most", 2), ("the bottom two sectors last week", 2),
     ("which sector did best over the last 3 sessions", 1),
     ("the first 10 trading days of the year: which fund led", 1),
     ("which sector was the best", 1), ("Which sector had the best 6-month return?", 1),
     ("the worst 5-day stretch for SPY", 1), ("the top 3.5% of days", 1)],
)  # fmt: skip
def test_places_asked(question: str, places: int) -> None:
    assert places_asked(question) == places


def _below_peak(shared_data: Path, symbol: str, last: str) -> float:
    """The close on `last` against the highest close of the stored data through it, in %."""
    path = shared_data / "market" / "prices" / f"{symbol}.csv"
    with path.open(encoding="utf-8") as handle:
        closes = [float(r["close"]) for r in csv.DictReader(handle) if r["date"][:10] <= last]
    return (closes[-1] / max(closes) - 1) * 100


def test_a_ranking_whose_answer_was_cut_shows_its_leader_once(
    shared_deps: ToolDeps, shared_data: Path
) -> None:
    """Nothing the model wrote held up (its fund was not the closest to its high): code's line
    is the leader's alone, not the leader's and the runner-up's."""
    bonds = ["TLT", "IEF", "AGG", "LQD", "HYG"]
    below = {s: _below_peak(shared_data, s, "2026-01-30") for s in bonds}
    closest, furthest = max(below, key=lambda s: below[s]), min(below, key=lambda s: below[s])
    llm = ScriptedLLM([f"The bond fund closest to its 52-week high is {furthest} [1]."] * 3)
    question = "which of the bond funds sits closest to its 52-week high"
    text = Copilot(shared_deps, llm).ask(question, as_of=date(2026, 1, 30)).text
    assert text.startswith(f"Ranked highest first: #1 {closest}: distance from peak "
                           f"{below[closest]:+.2f}%")  # fmt: skip
    assert "#2 " not in text and furthest not in text


def test_a_why_question_about_two_places_opens_with_two_lines(
    research_deps: ToolDeps, shared_data: Path
) -> None:
    """'The two best sector funds last week and why' (real articles of the week): the move
    paragraph code writes shows two places, not four."""
    moves = {s: _change(shared_data, s, "2026-01-16", "2026-01-23") for s in SECTORS}
    first, second, third = sorted(moves, key=lambda s: -moves[s])[:3]
    llm = ScriptedLLM(["Energy rose on oil [1]."] * 6)
    question = "what were the two best sector funds last week and why"
    text = Copilot(research_deps, llm).ask(question, as_of=date(2026, 1, 30)).text
    opening = text.split("\n\n")[0]
    assert f"#1 {first}: return {moves[first]:+.2f}%" in opening
    assert f"#2 {second}: return {moves[second]:+.2f}%" in opening
    assert f"#3 {third}" not in opening


def test_how_many_of_a_set_moved_is_counted_and_listed_by_code(
    shared_deps: ToolDeps, shared_data: Path
) -> None:
    """'How many sectors are in the red year to date?': the model's "There are 11 sectors in
    the red" was marked ✓ against the 11 ranked (found in the app); a count of those that fell
    is held to the ranking's own count, and code's lead says it and lists them."""
    moves = {s: _change(shared_data, s, "2025-12-31", "2026-01-30") for s in SECTORS}
    fell = sorted((s for s in SECTORS if moves[s] < 0), key=lambda s: moves[s])
    assert 1 < len(fell) < 11  # the data's own: XLF, XLK and XLV
    question = "how many sectors are in the red year to date?"
    wrong = ScriptedLLM(["There are 11 sectors in the red year to date [1]."] * 3)
    answer = Copilot(shared_deps, wrong).ask(question, as_of=date(2026, 1, 30))
    assert answer.removed == ["There are 11 sectors in the red year to date [1]."]
    assert answer.text.startswith(f"Ranked lowest first, {len(fell)} of the 11 fell: ")
    for place, symbol in enumerate(fell, 1):
        assert f"#{place} {symbol}: return {moves[symbol]:+.2f}%" in answer.text
    # the right count, written by the model, holds (and "only 3 sectors" is no claim that
    # one sector alone fell)
    right = f"Only {len(fell)} sectors are in the red year to date: {', '.join(fell)} [1]."
    answer = Copilot(shared_deps, ScriptedLLM([right] * 3)).ask(question, as_of=date(2026, 1, 30))
    assert right in answer.text and not answer.removed


@pytest.mark.parametrize(("question", "better"), [
    ("so far this month, which sectors are beating the s&p?", True),
    ("which sectors lagged the market in january?", False),
    ("which sectors are up more than the s&p this year?", True),
    ("which sectors rose less than the market in january?", False),
])  # fmt: skip
def test_which_of_a_set_beat_a_benchmark_leads_with_that_side_of_it(
    shared_deps: ToolDeps, shared_data: Path, question: str, better: bool
) -> None:
    """The sectors ranked above SPY (below it, for "lagged"), then SPY's own line; the lead had
    been SPY's line alone (the one ranked instrument the question names)."""
    moves = {s: _change(shared_data, s, "2025-12-31", "2026-01-30") for s in [*SECTORS, "SPY"]}
    side = {s for s in SECTORS if (moves[s] > moves["SPY"]) == better}
    assert 1 < len(side) < 11
    llm = ScriptedLLM(["Several sectors did [1]."] * 3)
    lead = Copilot(shared_deps, llm).ask(question, as_of=date(2026, 1, 30)).text.split("\n\n")[0]
    shown = re.findall(r"#\d+ (\w+): return ([+-]\d+\.\d\d)%", lead)
    assert {s for s, _ in shown[:-1]} == side
    assert shown[-1] == ("SPY", f"{moves['SPY']:+.2f}")
    assert all(value == f"{moves[s]:+.2f}" for s, value in shown)


def test_a_set_named_by_a_fund_s_alias_is_no_one_instrument_asked_about(
    shared_deps: ToolDeps, shared_data: Path
) -> None:
    """'How many commodities fell in January?': "commodities" is also DBC's name, and DBC's
    line alone had led (found in the app); the count leads, with the entry nearest to falling
    when none fell."""
    funds = ["GLD", "SLV", "PPLT", "CPER", "DBC"]
    moves = {s: _change(shared_data, s, "2025-12-31", "2026-01-30") for s in funds}
    fell = [s for s in funds if moves[s] < 0]
    lowest = min(funds, key=lambda s: moves[s])
    llm = ScriptedLLM(["Commodities were mixed [1]."] * 3)
    text = Copilot(shared_deps, llm).ask("how many commodities fell in january?",
                                         as_of=date(2026, 1, 30)).text  # fmt: skip
    assert text.startswith(f"Ranked lowest first, {len(fell)} of the 5 fell: ")
    assert f"#1 {lowest}: return {moves[lowest]:+.2f}%" in text.split("\n\n")[0]


COMMODITIES = ["GLD", "SLV", "PPLT", "CPER", "DBC"]


def test_whether_any_of_a_set_moved_is_counted_and_listed(
    shared_deps: ToolDeps, shared_data: Path
) -> None:
    """'Did any commodity fall on January 21?': how many did, and which (had named no
    market: "any commodity" was no set)."""
    moves = {s: _change(shared_data, s, "2026-01-20", "2026-01-21") for s in COMMODITIES}
    fell = sorted((s for s in COMMODITIES if moves[s] < 0), key=lambda s: moves[s])
    llm = ScriptedLLM(["Commodities were mixed [1]."] * 3)
    lead = Copilot(shared_deps, llm).ask("did any commodity fall on january 21?",
                                         as_of=date(2026, 1, 30)).text.split("\n\n")[0]  # fmt: skip
    assert lead.startswith(f"Ranked lowest first, {len(fell)} of the 5 fell: ")
    assert re.findall(r"#\d+ (\w+):", lead) == fell


def test_a_size_passed_lists_the_entries_past_it(shared_deps: ToolDeps, shared_data: Path) -> None:
    """'Any ETF up more than 10% this month?': those up more than 10% (had listed every fund
    that rose, 26 of them)."""
    funds = sorted(p.stem for p in (shared_data / "market" / "prices").glob("*.csv"))
    moves = {s: _change(shared_data, s, "2025-12-31", "2026-01-30") for s in funds}
    past = sorted((s for s in funds if moves[s] > 10), key=lambda s: -moves[s])
    assert 0 < len(past) < len([s for s in funds if moves[s] > 0])
    llm = ScriptedLLM(["A few did [1]."] * 3)
    lead = Copilot(shared_deps, llm).ask("any etf up more than 10% this month?",
                                         as_of=date(2026, 1, 30)).text.split("\n\n")[0]  # fmt: skip
    assert re.findall(r"#\d+ (\w+):", lead) == past


def test_an_extreme_month_said_without_its_month_gets_code_s_line(
    shared_deps: ToolDeps, shared_data: Path
) -> None:
    """ "Long bonds' worst month last year was -3.57%" named no month (found in the app): the
    size alone is half the answer, so code's line, with the month's dates, leads. Said with
    its month, the model's sentence stands alone. By hand from the raw closes: each month's
    move from the close before it, from March (TLT's data begins on 2025-02-19)."""
    path = shared_data / "market" / "prices" / "TLT.csv"
    with path.open(encoding="utf-8") as handle:
        closes = [(r["date"][:10], float(r["close"])) for r in csv.DictReader(handle)]
    last = {}
    for day, close in closes:
        if day <= "2025-12-31":
            last[day[:7]] = (day, close)
    months = sorted(last)
    moves = [((last[b][1] / last[a][1] - 1) * 100, last[b][0]) for a, b in pairwise(months)]
    worst, ending = min(moves)
    month = date.fromisoformat(ending).strftime("%B")
    question = "what was long bonds' worst month last year?"
    bare = ScriptedLLM([f"Long bonds' worst month last year was {worst:.2f}% [1]."] * 3)
    text = Copilot(shared_deps, bare).ask(question, as_of=date(2026, 1, 30)).text
    assert text.startswith(f"TLT: worst month since 2025-02-20 {worst:+.2f}% (the month ending "
                           f"{ending}")  # fmt: skip
    said = ScriptedLLM([f"Long bonds' worst month last year was {month}: {worst:.2f}% [1]."] * 3)
    text = Copilot(shared_deps, said).ask(question, as_of=date(2026, 1, 30)).text
    assert text.startswith("Long bonds'")


@pytest.mark.parametrize(("question", "before", "day"), [
    ("did more sectors rise or fall on january 13?", "2026-01-12", "2026-01-13"),
    ("were there more gainers than losers among the sectors on january 13?", "2026-01-12",
     "2026-01-13"),
    ("more advancers than decliners among the sectors on january 13?", "2026-01-12",
     "2026-01-13"),
    ("how many sectors rose and how many fell on january 21?", "2026-01-20", "2026-01-21"),
    ("did most sectors finish january 21 higher?", "2026-01-20", "2026-01-21"),
])  # fmt: skip
def test_how_many_moved_each_way_is_counted_by_code(
    shared_deps: ToolDeps, shared_data: Path, question: str, before: str, day: str
) -> None:
    """'Did more sectors rise or fall?' asks how many went each way: code's lead counts both,
    each with its set so the check holds it ("5 of the 11 fell"; "and 5 fell" was unverified),
    then shows every sector (it had been the leader's line alone, or a count one way)."""
    moves = {s: _change(shared_data, s, before, day) for s in SECTORS}
    up = sum(1 for m in moves.values() if round(m, 2) > 0)
    down = sum(1 for m in moves.values() if round(m, 2) < 0)
    assert up + down == 11  # the data's own: no sector shown as flat
    counts = ", ".join(f"{k} of the 11 {w}" if k else f"none {w}"
                       for k, w in ((up, "rose"), (down, "fell")))  # fmt: skip
    llm = ScriptedLLM(["Most sectors moved that day [1]."] * 3)
    answer = Copilot(shared_deps, llm).ask(question, as_of=date(2026, 1, 30))
    lead = answer.text.split("\n\n")[0]
    assert re.match(rf"Ranked (?:highest|lowest) first, {counts}: ", lead)
    assert sorted(re.findall(r"#\d+ (\w+): return", lead)) == sorted(SECTORS)
    counted = [n for n in answer.verification.numbers if "of the 11 ranked" in n.evidence]
    assert counted and all(n.status == "verified" for n in counted)


COMMODITIES = ["GLD", "SLV", "PPLT", "CPER", "DBC"]


@pytest.mark.parametrize(("question", "largest"), [
    ("which commodity fund was the biggest mover on january 30?", True),
    ("which commodity etf swung the most on january 30, either way?", True),
    ("which commodity fund barely moved on january 30?", False),
    ("what commodity had the smallest move on january 30?", False),
])  # fmt: skip
def test_the_biggest_or_smallest_mover_is_the_size_of_the_move_either_way(
    shared_deps: ToolDeps, shared_data: Path, question: str, largest: bool
) -> None:
    """'Which was the biggest mover?' asks for the largest move whichever way it went: silver's
    fall of January 30, not the top of a ranking from the highest (found reading new
    phrasings: the lead was the best riser, and "barely moved" the lowest return)."""
    moves = {s: _change(shared_data, s, "2026-01-29", "2026-01-30") for s in COMMODITIES}
    pick = (max if largest else min)(moves, key=lambda s: abs(moves[s]))
    llm = ScriptedLLM(["Commodities moved that day [1]."] * 3)
    lead = Copilot(shared_deps, llm).ask(question, as_of=date(2026, 1, 30)).text.split("\n\n")[0]
    size = "largest" if largest else "smallest"
    assert re.match(rf"Ranked (?:highest|lowest) first; the {size} move either way: #\d "
                    rf"{pick}: return {moves[pick]:+.2f}%", lead)  # fmt: skip
    assert lead.count(": return ") == 1


def test_a_biggest_mover_claim_is_held_to_the_size_of_the_moves(
    shared_deps: ToolDeps, shared_data: Path
) -> None:
    """'XLP was the biggest mover' under a ranking whose largest move either way was SLV's
    fall: cut, as a verdict the ranking refutes, naming SLV; the right one is supported (both
    had gone unchecked)."""
    moves = {s: _change(shared_data, s, "2026-01-29", "2026-01-30") for s in COMMODITIES}
    biggest = max(moves, key=lambda s: abs(moves[s]))
    riser = max(moves, key=lambda s: moves[s])
    assert riser != biggest  # the data's own: silver fell 28.5%
    question = "which commodity fund was the biggest mover on january 30?"

    def ask(named: str):  # type: ignore[no-untyped-def]
        written = f"{named} was the biggest mover of the commodity funds on January 30 [1]."
        llm = ScriptedLLM([written] * 3)
        return written, Copilot(shared_deps, llm).ask(question, as_of=date(2026, 1, 30))

    written, wrong = ask(riser)
    assert written in wrong.removed and written not in wrong.text
    written, right = ask(biggest)
    [check] = [r for r in right.verification.reasons if r.text == "biggest mover"]
    assert (check.status, written in right.text) == ("supported", True)
    assert f"{biggest} {moves[biggest]:+.2f}%" in check.evidence


def test_a_count_of_up_weeks_is_code_s_and_held_to_it(
    shared_deps: ToolDeps, shared_data: Path
) -> None:
    """'How many up weeks did the S&P have in January?': January 2026's four full weeks, from
    each Friday's close (the week of December 29 began before the month), counted by hand."""
    fridays = ["2026-01-02", "2026-01-09", "2026-01-16", "2026-01-23", "2026-01-30"]
    weeks = [_change(shared_data, "SPY", a, b) for a, b in pairwise(fridays)]
    up = sum(1 for w in weeks if w > 0)
    assert 0 < up < 4
    question = "how many up weeks did the s&p have in january?"
    for said, kept in ((up, True), (up + 1, False)):
        written = f"The S&P 500 had {said} up weeks in January [1]."
        answer = Copilot(shared_deps, ScriptedLLM([written] * 3)).ask(
            question, as_of=date(2026, 1, 30)
        )
        assert (written in answer.text) is kept
        assert f"SPY: {up} up weeks" in answer.text or kept


def test_weeks_in_a_row_are_code_s_and_held_to_them(
    shared_deps: ToolDeps, shared_data: Path
) -> None:
    """'How many weeks in a row has gold gone up?' as of January 23: GLD's weeks to January
    9, 16 and 23 rose, the week to January 2 fell (by hand from the Friday closes): 3."""
    fridays = ["2025-12-26", "2026-01-02", "2026-01-09", "2026-01-16", "2026-01-23"]
    rose = [_change(shared_data, "GLD", a, b) > 0 for a, b in pairwise(fridays)]
    assert rose == [False, True, True, True]
    question = "how many weeks in a row has gold gone up?"
    for said, kept in ((3, True), (5, False)):
        written = f"Gold has gone up {said} weeks in a row [1]."
        answer = Copilot(shared_deps, ScriptedLLM([written] * 3)).ask(
            question, as_of=date(2026, 1, 23)
        )
        assert (written in answer.text) is kept
        assert kept or "GLD: 3 up weeks in a row through 2026-01-23" in answer.text


def test_a_benchmark_the_question_names_gets_its_own_line_in_the_lead(
    shared_deps: ToolDeps, shared_data: Path
) -> None:
    """'Year-to-date, are utilities ahead of staples?' was led by XLU's line alone ('…; -6.19 pp
    vs XLP'): staples' own return, half of what was asked, was left to the model (found in the
    app, where the model wrote it wrong)."""
    xlu, xlp = (_change(shared_data, s, "2025-12-31", "2026-01-30") for s in ("XLU", "XLP"))
    llm = ScriptedLLM(["Utilities are behind [1]."] * 3)
    text = (
        Copilot(shared_deps, llm)
        .ask("year-to-date, are utilities ahead of staples?", as_of=date(2026, 1, 30))
        .text
    )
    # a lead-in before the yes-or-no question no longer hides it: code says whether
    verdict, lead = text.split("\n\n")[:2]
    assert verdict == (f"No: XLU rose {xlu:.2f}% [1] from 2025-12-31 to 2026-01-30; "
                       f"XLP rose {xlp:.2f}% [1] from 2025-12-31 to 2026-01-30.")  # fmt: skip
    assert lead.startswith(f"XLU: return {xlu:+.2f}% over 20 sessions")
    assert f"{xlu - xlp:+.2f} pp vs XLP" in lead
    assert f"XLP: return {xlp:+.2f}% over 20 sessions" in lead


def test_is_x_beating_y_is_answered_yes_or_no_by_code(
    shared_deps: ToolDeps, shared_data: Path
) -> None:
    """'So far in january, is healthcare beating staples?' (found in the app): "beating" was
    no word for one market ahead of another, so code said neither yes nor no."""
    xlv, xlp = (_change(shared_data, s, "2025-12-31", "2026-01-30") for s in ("XLV", "XLP"))
    llm = ScriptedLLM(["Healthcare trails [1]."] * 3)
    question = "so far in january, is healthcare beating staples?"
    text = Copilot(shared_deps, llm).ask(question, as_of=date(2026, 1, 30)).text
    verdict = "Yes" if xlv > xlp else "No"

    def moved(symbol: str, move: float) -> str:
        return f"{symbol} {'rose' if move > 0 else 'fell'} {abs(move):.2f}% [1]"

    assert text.split("\n\n")[0] == (
        f"{verdict}: {moved('XLV', xlv)} from 2025-12-31 to 2026-01-30; "
        f"{moved('XLP', xlp)} from 2025-12-31 to 2026-01-30."
    )


def test_the_sector_that_swung_the_most_day_to_day_is_held_to_the_typical_days(
    shared_deps: ToolDeps, shared_data: Path
) -> None:
    """'Which sector swung the most day to day in January?' (found in the app): the claim was
    marked ⚠, held to no ranking; it is held to the ranking of each sector's mean daily move
    in size (computed here from the raw CSVs), and a wrong one is cut."""
    sectors = ["XLB", "XLC", "XLE", "XLF", "XLI", "XLK", "XLP", "XLRE", "XLU", "XLV", "XLY"]

    def typical(symbol: str) -> float:
        path = shared_data / "market" / "prices" / f"{symbol}.csv"
        with path.open(encoding="utf-8") as handle:
            closes = [(r["date"][:10], float(r["close"])) for r in csv.DictReader(handle)]
        window = [(d, c) for d, c in closes if "2025-12-31" <= d <= "2026-01-30"]
        moves = [abs(b / a - 1) * 100 for (_, a), (_, b) in pairwise(window)]
        return sum(moves) / len(moves)

    sizes = {s: typical(s) for s in sectors}
    top = max(sizes, key=lambda s: sizes[s])
    other = min(sizes, key=lambda s: sizes[s])
    question = "which sector swung the most day to day in january?"
    said = f"{top} swung the most day to day in January [1]."
    answer = Copilot(shared_deps, ScriptedLLM([said] * 3)).ask(question, as_of=date(2026, 1, 30))
    (check,) = [r for r in answer.verification.reasons if r.text == "swung the most"]
    assert check.status == "supported" and f"{top} +{sizes[top]:.2f}%" in check.evidence
    wrong = f"{other} swung the most day to day in January [1]."
    answer = Copilot(shared_deps, ScriptedLLM([wrong] * 3)).ask(question, as_of=date(2026, 1, 30))
    assert wrong in answer.removed


def test_the_fund_that_moves_the_least_is_held_to_the_ranking(
    shared_deps: ToolDeps, shared_data: Path
) -> None:
    """'Which bond fund moves the least day to day?' (found in the app): the model's "TLT moves
    the least" was kept with its figure ✓ ("moves", present tense, was no size word); it is
    held to the ranking of typical days' moves and cut. The fund that does is read from the
    raw CSVs."""
    funds = ["AGG", "HYG", "IEF", "LQD", "TLT"]

    def typical(symbol: str) -> float:
        path = shared_data / "market" / "prices" / f"{symbol}.csv"
        with path.open(encoding="utf-8") as handle:
            closes = [float(r["close"]) for r in csv.DictReader(handle)
                      if "2025-01-30" <= r["date"][:10] <= "2026-01-30"]  # fmt: skip
        moves = [abs(b / a - 1) for a, b in pairwise(closes)]
        return sum(moves) / len(moves)

    least = min(funds, key=typical)
    wrong = next(f for f in funds if f != least)
    question = "which bond fund moves the least day to day?"
    said = f"The bond fund that moves the least day to day is {wrong} [1]."
    answer = Copilot(shared_deps, ScriptedLLM([said] * 3)).ask(question, as_of=date(2026, 1, 30))
    assert said in answer.removed
    assert answer.text.startswith(f"Ranked lowest first: #1 {least}:")


def test_periods_compared_are_named_as_the_question_named_them(
    shared_deps: ToolDeps, shared_data: Path
) -> None:
    """Found in the app: the compare line named the periods by their dates only, and the model
    wrote the week before's +4.16% under "the week after Thanksgiving" (the dates it copied were
    right, so the check passed it). Each period now carries the question's words."""
    before = _change(shared_data, "SPY", "2025-11-20", "2025-11-26")  # Nov 21-26 (27th shut)
    after = _change(shared_data, "SPY", "2025-11-26", "2025-12-04")  # Nov 28 - Dec 4
    question = "how did the s&p fare in the week after thanksgiving versus the week before?"
    text = Copilot(shared_deps, ScriptedLLM(["ok [1]."] * 3)).ask(question, as_of=AS_OF).text
    assert text.startswith(
        f"SPY: return {before:+.2f}% in the week before (2025-11-21 to 2025-11-26, 4 sessions), "
        f"{after:+.2f}% in the week after Thanksgiving 2025 (2025-11-28 to 2025-12-04, "
        "5 sessions); change from the week before to the week after Thanksgiving 2025: "
        f"{after - before:+.2f} pp ["
    )
