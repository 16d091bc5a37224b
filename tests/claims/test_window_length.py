"""A window's length is a claim bound to the window its source states.

The price tools write a window as "the 5 sessions from <base> to <end>": the window is
[2025-05-01, 2025-05-07] and its base, the last close before it, is 2025-04-30
(docs/windows-and-measures.md). The length 5 read beside the base date is that window's length,
not a claim about a window starting on 2025-04-30; a wrong length is still contradicted.
The ledger's figures are written by hand.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from copilot.claims.verify import verify_answer
from copilot.facts import Fact
from copilot.sources import DataSource, SourceLedger
from copilot.tools import ToolDeps, run_tool

D = date
AS_OF = D(2025, 5, 7)
TEXT = (
    "XLV (S&P 500 health care sector) returned -3.64% over the 5 sessions from 2025-04-30 "
    "(close 140.47) to 2025-05-07 (close 135.36)."
)


def ledger(window_base: date | None) -> SourceLedger:
    """[1] XLV's move over May 1-7, 2025; the window length recorded with or without the base
    (stored bundles from before the tools recorded it have none)."""
    facts = [
        Fact(subject="XLV", measure="return", value=-3.6378, unit="%", start=D(2025, 5, 1),
             end=D(2025, 5, 7), base=D(2025, 4, 30), shown="-3.64%"),
        Fact(subject="XLV", measure="window_sessions", value=5, unit="sessions",
             start=D(2025, 5, 1), end=D(2025, 5, 7), base=window_base, shown="5 sessions"),
        Fact(subject="XLV", measure="level", value=140.47, unit="$", end=D(2025, 4, 30),
             shown="140.47"),
        Fact(subject="XLV", measure="level", value=135.36, unit="$", end=D(2025, 5, 7),
             shown="135.36"),
    ]  # fmt: skip
    book = SourceLedger()
    book.register(DataSource(tool="price_return", metric="m", symbols=["XLV"], text=TEXT,
                             facts=facts, start=D(2025, 4, 30), end=D(2025, 5, 7)))  # fmt: skip
    return book


def statuses(answer: str, window_base: date | None = D(2025, 4, 30)) -> dict[str, str]:
    _, v = verify_answer(answer, ledger(window_base), AS_OF, check_support=False)
    return {n.text: n.status for n in v.numbers}


def test_the_tools_own_sentence_verifies_with_or_without_a_recorded_base() -> None:
    expected = {"-3.64%": "verified", "5": "verified", "2025-04-30": "verified",
                "140.47": "verified", "2025-05-07": "verified", "135.36": "verified"}  # fmt: skip
    assert statuses(f"{TEXT} [1]") == expected
    assert statuses(f"{TEXT} [1]", window_base=None) == expected


def test_the_window_written_from_its_first_session_verifies_too() -> None:
    answer = "XLV fell 3.64% over the 5 sessions from May 1 to May 7 [1]."
    assert statuses(answer) == {"3.64%": "verified", "5": "verified", "May 1": "verified",
                                "May 7": "verified"}  # fmt: skip


def test_a_wrong_window_length_is_contradicted() -> None:
    for wrong in ("6", "4"):
        answer = TEXT.replace("the 5 sessions", f"the {wrong} sessions") + " [1]"
        assert statuses(answer)[wrong] == "contradicted"
        assert statuses(answer, window_base=None)[wrong] == "contradicted"


def test_the_right_length_for_another_window_is_contradicted() -> None:
    # 2025-04-23 .. 2025-05-07 is not the window [1] measured (it states 5 sessions for
    # May 1-7), so "5 sessions from 2025-04-23" is not what [1] states.
    answer = "XLV returned -3.64% over the 5 sessions from 2025-04-23 to 2025-05-07 [1]."
    found = statuses(answer)
    assert found["5"] == "contradicted" and found["2025-04-23"] == "unverified"


def _last_close_before(path: Path, day: str) -> str:
    with path.open() as f:
        return max(row["date"] for row in csv.DictReader(f) if row["date"] < day)


def test_the_price_tool_records_the_base_of_its_window(shared_deps: ToolDeps,
                                                       shared_data: Path) -> None:  # fmt: skip
    shared_deps.as_of = AS_OF
    args = {"symbol": "XLV", "start": "2025-04-30", "end": "2025-05-07"}
    output = run_tool(shared_deps, "price_return", args)
    assert not output.error, output.text
    (number,) = output.sources
    source = shared_deps.ledger.get(number)
    assert isinstance(source, DataSource)
    (window,) = [f for f in source.facts if f.measure == "window_sessions"]
    base = _last_close_before(shared_data / "market" / "prices" / "XLV.csv", "2025-05-01")
    assert (window.base, window.start, window.end) == (D.fromisoformat(base), D(2025, 5, 1),
                                                       D(2025, 5, 7))  # fmt: skip


def test_a_day_inside_the_window_is_no_end_of_it() -> None:
    """'Its worst session of the past 5 sessions was on 2025-05-06': the day is what happened in the
    window; the length had been contradicted for it (found in the app, "the past three months …
    was on 2026-01-20")."""
    checked = statuses("XLV's worst session of the past 5 sessions was on 2025-05-06 [1].")
    assert checked["5"] == "verified"
    # a wrong length is still contradicted, and a day outside the window still unbinds it
    assert statuses("XLV's worst session of the past 7 sessions was on 2025-05-06 [1].")["7"] == (
        "contradicted"
    )
    assert statuses("XLV's worst session of the past 5 sessions was on 2025-05-12 [1].")["5"] != (
        "verified"
    )
