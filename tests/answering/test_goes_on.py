"""Whether a move goes on ("is the small cap run still going?", "is gold's rally over?") is
answered by code from the run and the move since its last session.

The engine (scripted model) over the real sample market data, as of 2026-01-30; every expected
figure is read from the raw CSVs here (tests/raw.py), never computed by the code under test.
The run is the code's choice (the most unusual recent move the question's way), so its dates
are read from the answer and its figures checked against the raw closes; the verdicts hold for
any run ending in the last week, by hand (below).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from copilot.agent import Copilot
from copilot.answer import Answer
from copilot.llm.scripted import ScriptedLLM
from copilot.tools import ToolDeps
from copilot.understand.vocabulary import run_asked
from tests.raw import close_on, raw_closes

AS_OF = date(2026, 1, 30)
_LINE = re.compile(
    r"^(?P<verdict>Yes|No): (?P<symbol>[A-Z]+) (?P<verb>rose|fell) (?P<run>[\d.]+)% \[1\] from "
    r"(?P<base>[\d-]+) to (?P<end>[\d-]+); since then (?P=symbol) (?P<since_verb>rose|fell) "
    r"(?P<since>[\d.]+)% \[2\] from (?P=end) to (?P<latest>[\d-]+), so the (?P<kind>rise|fall) "
    r"(?P<said>goes on|has not gone on since (?P=end))\.\n\n"
)


def ask(deps: ToolDeps, question: str, reply: str) -> Answer:
    llm = ScriptedLLM([reply])
    answer = Copilot(deps, llm).ask(question, AS_OF)
    llm.assert_consumed()
    return answer


def _pct(rows: list[tuple[str, float]], base: str, end: str) -> str:
    return f"{abs(close_on(rows, end) / close_on(rows, base) - 1) * 100:.2f}"


@pytest.mark.parametrize(
    ("question", "symbol", "verdict"),
    [
        # By hand: IWM's close of January 30 (259.65) is below each close of January 13–29, so
        # the rise has not gone on since any run's last session of the week before.
        ("is the small cap run still going, and what's fueling it?", "IWM", "No"),
        ("are small caps still rallying?", "IWM", "No"),
        # GLD's close of January 30 (444.95) is below each close of January 22–29: the rally
        # is over (asked that way, "Yes"; asked whether it goes on, "No").
        ("is gold's rally over?", "GLD", "Yes"),
        ("gold still climbing, or has the rally run out of steam?", "GLD", "No"),
    ],
)
def test_whether_a_run_goes_on_is_answered_from_the_move_since_its_last_session(
    question: str, symbol: str, verdict: str, shared_deps: ToolDeps, shared_data: Path
) -> None:
    answer = ask(shared_deps, question, f"{symbol} moved [1].")
    line = _LINE.match(answer.text)
    assert line is not None, answer.text
    rows = raw_closes(shared_data / "market" / "prices", symbol)
    base, end = line["base"], line["end"]
    assert line["symbol"] == symbol and line["latest"] == "2026-01-30"
    assert "2026-01-22" <= end < "2026-01-30"  # a run of the last week, ended before the latest
    assert line["verb"] == "rose" and line["kind"] == "rise"
    assert line["run"] == _pct(rows, base, end)
    assert (line["since_verb"], line["since"]) == ("fell", _pct(rows, end, "2026-01-30"))
    assert (line["verdict"], line["said"]) == (verdict, f"has not gone on since {end}")
    marks = {answer.text[n.start : n.end]: n.status for n in answer.verification.numbers}
    assert marks[f"{line['run']}%"] == marks[f"{line['since']}%"] == "verified"


def test_a_run_to_the_latest_session_goes_on(shared_deps: ToolDeps, shared_data: Path) -> None:
    # By hand: SMH fell from 417.52 (January 29) to 403.46 on January 30, the latest session,
    # after rising each session from January 26; the fall is the latest session's.
    rows = raw_closes(shared_data / "market" / "prices", "SMH")
    fell = _pct(rows, "2026-01-29", "2026-01-30")
    answer = ask(shared_deps, "has the selloff in chip stocks ended?", "SMH fell [1].")
    assert answer.text.startswith(
        f"No: SMH fell {fell}% [1] from 2026-01-29 to 2026-01-30, up to the latest session, so "
        "the fall goes on.\n\n"
    )


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("is the small cap run still going?", "on"),
        ("are regional banks still sliding?", "on"),
        ("is silver still on a tear?", "on"),
        ("is gold's rally over?", "over"),
        ("has the selloff in chip stocks ended?", "over"),
        ("is the rebound in banks running out of steam?", "over"),
        # a level against a point, a rise given back, a time asked: none of these
        ("is gold still up this year?", None),
        ("why did the rally fade?", None),
        ("when did the selloff end?", None),
    ],
)
def test_the_words_that_ask_whether_a_move_goes_on(question: str, asked: str | None) -> None:
    assert run_asked(question) == asked
