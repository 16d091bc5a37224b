"""A typical day's move is checked as a size, against the mean size of the daily moves, never
against one day's move: in the app "Gold's typical daily swing this month is -10.27%" (the
last session's move, as the question had been read) was marked ✓. The facts are written for
the test: the checker matches claims against typed facts, whatever the store holds."""

from __future__ import annotations

from datetime import date

from copilot.claims.verify import verify_answer
from copilot.facts import Fact
from copilot.sources import DataSource, SourceLedger

D = date


def _book(measure: str) -> SourceLedger:
    window = {"start": D(2026, 1, 2), "end": D(2026, 1, 30), "base": D(2025, 12, 31)}
    facts = {
        "typical": Fact(subject="GLD", measure="mean_daily_move_size", value=1.8687, unit="%",
                        shown="1.87%", **window),
        "signed mean": Fact(subject="GLD", measure="mean_daily_return", value=0.6220, unit="%",
                            shown="+0.62%", **window),
        "largest": Fact(subject="GLD", measure="max_daily_move_size", value=3.88, unit="%",
                        on=D(2026, 1, 28), shown="3.88%", **window),
        "last day": Fact(subject="GLD", measure="daily_return", value=-10.27, unit="%",
                         start=D(2026, 1, 30), end=D(2026, 1, 30), base=D(2026, 1, 29),
                         shown="-10.27%"),
    }  # fmt: skip
    book = SourceLedger()
    book.register(DataSource(tool="measure", metric="m", symbols=["GLD"], facts=[facts[measure]],
                             start=D(2026, 1, 2), end=D(2026, 1, 30), text="GLD"))  # fmt: skip
    return book


def _status(text: str, measure: str) -> str:
    _, checked = verify_answer(text, _book(measure), D(2026, 1, 30), check_support=False)
    (figure,) = checked.figures
    return figure.status


def test_words_of_a_typical_day_are_held_to_the_mean_size() -> None:
    for text in ("GLD's typical daily swing this month is 1.87% [1].",
                 "GLD: average daily move either way 1.87%; 2026-01-02 to 2026-01-30 [1].",
                 "This month gold usually moved about 1.87% in a session [1].",
                 "GLD's average absolute daily move in January was 1.87% [1]."):  # fmt: skip
        assert _status(text, "typical") == "verified", text
    assert _status("GLD's typical daily swing this month is 2.87% [1].", "typical") == (
        "contradicted"
    )


def test_one_days_move_is_not_a_typical_days() -> None:
    """The app's sentence, against the last session's move it copied: no such size is stated."""
    text = "Gold's typical daily swing this month is -10.27% [1]."
    assert _status(text, "last day") != "verified"
    # control: the same figure said of that session verifies
    assert _status("GLD fell 10.27% on January 30 [1].", "last day") == "verified"


def test_the_largest_move_either_way_is_held_to_its_own_day() -> None:
    """Its day, not the window's last (January 30 ends the window too)."""
    said = "GLD's largest daily move either way was 3.88% on 2026-01-{day} [1]."
    assert _status(said.format(day=28), "largest") == "verified"
    assert _status(said.format(day=30), "largest") != "verified"


def test_the_mean_of_the_signed_moves_is_a_move() -> None:
    """The measure tool's own line for an average daily move had been read as a distance from
    a moving average ("average"), unverified, and cut; its sign still binds."""
    line = "GLD: average daily move +0.62%; 2026-01-02 to 2026-01-30, 20 sessions [1]."
    assert _status_of(line, "signed mean", "+0.62%") == "verified"
    assert _status_of(line.replace("+0.62%", "-0.62%"), "signed mean", "-0.62%") != "verified"
    # a typical day's size is no signed mean
    said = "GLD's typical daily swing this month is 0.62% [1]."
    assert _status_of(said, "signed mean", "0.62%") != "verified"


def _status_of(text: str, measure: str, figure: str) -> str:
    _, checked = verify_answer(text, _book(measure), D(2026, 1, 30), check_support=False)
    return {n.text: n.status for n in checked.figures}[figure]


def test_a_typical_day_in_points_is_a_size_too() -> None:
    """Found in the app: code's own "VIX: average daily move either way 1.25 points" was
    unverified (only sizes in % were read as sizes), and every sentence stating it was cut."""
    fact = Fact(subject="VIX", measure="mean_daily_move_size", value=1.2512, unit="points",
                start=D(2025, 1, 30), end=D(2026, 1, 30), shown="1.25 points")  # fmt: skip
    book = SourceLedger()
    book.register(DataSource(tool="measure", metric="m", symbols=["VIX"], facts=[fact],
                             start=D(2025, 1, 30), end=D(2026, 1, 30), text="VIX"))  # fmt: skip
    for text in ("VIX: average daily move either way 1.25 points; 2025-01-30 to 2026-01-30 [1].",
                 "The VIX usually moves by an average of 1.25 points in a day [1]."):  # fmt: skip
        _, checked = verify_answer(text, book, D(2026, 1, 30), check_support=False)
        assert [n.status for n in checked.figures if "points" in n.text] == ["verified"], text


def test_words_found_in_the_last_app_round() -> None:
    """'the usual day-to-day swing' is a typical day's size, and the compare tool's list of two
    typical days' sizes keeps the measure for its second (its 1.87% had been unverified)."""
    assert _status("The usual day-to-day swing in gold is 1.87% [1].", "typical") == "verified"
    sizes = [
        Fact(subject="GLD", measure="mean_daily_move_size", value=0.72, unit="%",
             start=D(2025, 12, 1), end=D(2025, 12, 31), base=D(2025, 11, 28), shown="0.72%"),
        Fact(subject="GLD", measure="mean_daily_move_size", value=1.8687, unit="%",
             start=D(2026, 1, 2), end=D(2026, 1, 30), base=D(2025, 12, 31), shown="1.87%"),
    ]  # fmt: skip
    book = SourceLedger()
    book.register(DataSource(tool="compare_periods", metric="m", symbols=["GLD"], facts=sizes,
                             start=D(2025, 12, 1), end=D(2026, 1, 30), text="GLD"))  # fmt: skip
    line = ("GLD: average daily move either way 0.72% in December 2025 (2025-12-01 to "
            "2025-12-31, 22 sessions), 1.87% in January 2026 through 2026-01-30 (2026-01-02 "
            "to 2026-01-30, 20 sessions) [1].")  # fmt: skip
    _, checked = verify_answer(line, book, D(2026, 1, 30), check_support=False)
    statuses = {n.text: n.status for n in checked.figures}
    assert statuses["0.72%"] == statuses["1.87%"] == "verified"
