"""An aggregate over a window ("min_drawdown": the deepest drawdown of October) is checked as
its measure, never as a level because its name starts with "min"/"max". Figures by hand."""

from __future__ import annotations

from datetime import date

from copilot.claims.verify import verify_answer
from copilot.facts import Fact
from copilot.sources import DataSource, SourceLedger

D = date


def ledger() -> SourceLedger:
    facts = [
        Fact(subject="SMH", measure="min_drawdown", value=-5.9901, unit="%", start=D(2025, 10, 1),
             end=D(2025, 10, 31), on=D(2025, 10, 10), shown="-5.99%"),
        Fact(subject="SMH", measure="max_distance_from_peak", value=-1.52, unit="%",
             start=D(2025, 10, 1), end=D(2025, 10, 31), on=D(2025, 10, 31), shown="-1.52%"),
        Fact(subject="SMH", measure="level", value=346.07, unit="$", end=D(2025, 10, 8),
             shown="346.07"),
    ]  # fmt: skip
    book = SourceLedger()
    book.register(DataSource(
        tool="measure", metric="m", symbols=["SMH"], facts=facts, start=D(2025, 10, 1),
        end=D(2025, 10, 31),
        text="SMH: max drawdown -5.99% on 2025-10-10 (peak close 346.07 on 2025-10-08); "
             "2025-10-01 to 2025-10-31, 23 sessions.",
    ))  # fmt: skip
    return book


def statuses(answer: str) -> dict[str, str]:
    _, v = verify_answer(answer, ledger(), D(2025, 12, 19), check_support=False)
    return {n.text: n.status for n in v.figures}


def test_the_deepest_drawdown_is_verified_as_a_drawdown() -> None:
    answer = "SMH's max drawdown in October 2025 was -5.99% on 2025-10-10 [1]."
    assert statuses(answer) == {"-5.99%": "verified"}


def test_a_wrong_drawdown_is_contradicted_by_the_one_the_source_states() -> None:
    _, v = verify_answer("SMH's max drawdown in October 2025 was -4.99% [1].", ledger(),
                         D(2025, 12, 19), check_support=False)  # fmt: skip
    (figure,) = v.figures
    assert figure.status == "contradicted" and "-5.99%" in figure.fact


def test_a_yields_volatility_in_bp_is_checked_as_a_volatility() -> None:
    # Read as a move of 44 bp (none stated), it was unverified and its sentence cut.
    book = SourceLedger()
    fact = Fact(subject="US10Y", measure="volatility", value=44.1269, unit="bp",
                start=D(2025, 1, 1), end=D(2025, 12, 1), base=D(2024, 12, 1),
                shown="44 bp")  # fmt: skip
    book.register(DataSource(
        tool="measure", metric="m", symbols=["US10Y"], facts=[fact], start=D(2025, 1, 1),
        end=D(2025, 12, 1),
        text="US10Y: annualized volatility 44 bp from 12 monthly moves, 2025-01-01 to 2025-12-01.",
    ))  # fmt: skip
    for figure, status in (("44 bp", "verified"), ("61 bp", "contradicted")):
        answer = f"The 10-year yield's annualized volatility was {figure} over 2025 [1]."
        _, v = verify_answer(answer, book, D(2026, 2, 1), check_support=False)
        assert [(n.text, n.status) for n in v.figures] == [(figure, status)]


def test_words_of_a_distance_from_the_record_read_as_one() -> None:
    # "off its record close" was read as a move of 1.52% (none stated): unverified, and cut.
    for answer in ("SMH was 1.52% off its record close on 2025-10-31 [1].",
                   "At the end of October SMH was 1.52% below its all-time high [1].",
                   "SMH finished the month 1.52% off the highs [1]."):  # fmt: skip
        assert statuses(answer)["1.52%"] == "verified", answer


def test_a_distance_written_as_lower_than_the_high_reads_as_one() -> None:
    # Found in the app: "which is 2.19% lower than the highest value of 635.77" (QQQ, measured
    # -2.19% from its peak) was read as a move no source states, and its sentence cut.
    for answer in ("On 2025-10-31 SMH was 1.52% lower than the highest close of the month [1].",
                   "At the end of October SMH was 1.52% under its peak [1].",
                   "SMH closed the month 1.52% below its highest close [1]."):  # fmt: skip
        assert statuses(answer)["1.52%"] == "verified", answer
    wrong = statuses("At the end of October SMH was 2.52% under its peak [1].")
    assert wrong["2.52%"] == "contradicted"


def test_a_distance_from_the_high_with_no_sign_is_below_it() -> None:
    # Found in the app: "2.19% away from its high" (QQQ, measured -2.19% from its peak) was read
    # as +2.19%, contradicted, and its sentence cut.
    for answer in ("SMH was 1.52% away from its record close on 2025-10-31 [1].",
                   "SMH ended the month 1.52% from its all-time high [1].",
                   "SMH was 1.52% shy of its peak at the end of October [1]."):  # fmt: skip
        assert statuses(answer)["1.52%"] == "verified", answer
    # The sign written the other way still contradicts it, and a wrong size is still wrong.
    assert statuses("SMH was +1.52% from its record close on 2025-10-31 [1].") == {
        "+1.52%": "contradicted"
    }
    assert (
        statuses("SMH was 2.52% away from its record close on 2025-10-31 [1].")["2.52%"]
        == "contradicted"
    )
