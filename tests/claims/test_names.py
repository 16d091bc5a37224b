"""A sector fund given another sector's name is cut like a contradicted figure; a fund named
with its own name, its group's or a description is left alone. The funds' names are the SPDR
sector funds' own (XLY consumer discretionary, XLV health care, XLC communication services, XLP
consumer staples)."""

from __future__ import annotations

from ledger_kit import check

from copilot.answering.prune import prune_unsupported


def _names(text: str) -> tuple[list[str], str]:
    checked, v = check(text)
    kept, _ = prune_unsupported(checked, v.numbers, v.reasons)
    return [r.text for r in v.reasons if r.kind == "name" and r.status == "unsupported"], kept


def test_the_app_sentence_that_named_the_losers_wrongly_is_cut() -> None:
    text = ("The losers were XLY (Healthcare), XLF (Financials), XLK (Technology) and XLC "
            "(Consumer Staples). Gold fell 4.4% [6].")  # fmt: skip
    wrong, kept = _names(text)
    assert wrong == ["XLY (Healthcare)", "XLC (Consumer Staples)"]
    assert kept == "Gold fell 4.4% [6]."


def test_a_name_before_the_ticker_is_checked_too() -> None:
    assert _names("Health Care (XLY) fell [4].")[0] == ["Health Care (XLY)"]


def test_own_names_group_names_and_descriptions_stand() -> None:
    text = ("Materials (XLB) rose 1.52% [4]. SMH (technology) rose. XLK (tech) rose. "
            "QQQ (tech) rose. SPY (S&P 500) rose.")  # fmt: skip
    assert _names(text) == ([], text)
