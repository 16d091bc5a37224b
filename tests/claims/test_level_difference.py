"""A difference of two levels, as the measure tool prints it ("-8.81 vs IEF"), is held to the
tool's difference, not to the first instrument's close. Values written by hand from the tool's
line (TLT 87.13, IEF 95.94 on 2026-01-30)."""

from __future__ import annotations

from ledger_kit import D, _data

from copilot.claims.verify import verify_answer
from copilot.facts import Fact
from copilot.sources import SourceLedger

AS_OF = D(2026, 1, 30)


def _ledger() -> SourceLedger:
    ledger = SourceLedger()
    ledger.register(_data("measure", ["TLT", "IEF"],
        "[1] TLT: close 87.13 on 2026-01-30; -8.81 vs IEF.\nIEF: close 95.94 on 2026-01-30.",
        [Fact(subject="TLT", measure="level", value=87.13, unit="$", end=AS_OF, shown="87.13"),
         Fact(subject="TLT", measure="level_difference", value=-8.81, unit="$", end=AS_OF,
              versus="IEF", shown="-8.81"),
         Fact(subject="IEF", measure="level", value=95.94, unit="$", end=AS_OF,
              shown="95.94")]))  # fmt: skip
    return ledger


def _marks(text: str) -> dict[str, str]:
    _, verification = verify_answer(text, _ledger(), as_of=AS_OF)
    return {n.text: n.status for n in verification.numbers if n.unit != "date"}


def test_the_tool_s_own_line_is_borne_out() -> None:
    # Found in the app: the tool's line was shown with "-8.81 ✗", contradicted by TLT's close.
    assert _marks("TLT: close 87.13 on 2026-01-30; -8.81 vs IEF [1].") == {
        "87.13": "verified", "-8.81": "verified"
    }  # fmt: skip


def test_a_gap_is_held_to_its_size_and_its_side() -> None:
    assert _marks("TLT was 8.81 below IEF [1].") == {"8.81": "verified"}
    assert _marks("TLT's gap to IEF was 8.81 [1].") == {"8.81": "verified"}  # no side said
    # the wrong size, or the wrong side, is no difference the tool computed
    assert _marks("TLT: close 87.13 on 2026-01-30; -7.50 vs IEF [1].")["-7.50"] != "verified"
    assert _marks("TLT: close 87.13 on 2026-01-30; +8.81 vs IEF [1].")["+8.81"] != "verified"
    assert _marks("TLT was 8.81 above IEF [1].")["8.81"] != "verified"
