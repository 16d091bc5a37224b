"""A ticker followed by its own description in parentheses is one instrument: the model copies
the registry's descriptions from the tools' output ("QQQ (Nasdaq-100 large-cap growth/tech)"),
and a name inside one had bound the figure to another fund (found in the app)."""

from __future__ import annotations

from datetime import date

from copilot.claims.subjects import mentions
from copilot.claims.verify import verify_answer
from copilot.facts import Fact
from copilot.sources import DataSource, SourceLedger


def _symbols(text: str) -> list[set[str]]:
    return [set(m.subject) for m in mentions(text)]


def test_names_inside_a_tickers_own_description_are_not_other_instruments() -> None:
    # "tech" is XLK's name; inside QQQ's own description it names nothing of its own.
    found = _symbols("QQQ (Nasdaq-100 large-cap growth/tech) is 621.87")
    assert len(found) == 1 and "QQQ" in found[0]
    # the registry's name of the fund works the same way
    assert len(_symbols("QQQ (Invesco QQQ Trust) closed at 621.87")) == 1


def test_another_instruments_name_in_the_parenthesis_is_still_read() -> None:
    found = _symbols("XLY (Health Care) fell 2%")
    assert len(found) == 2 and "XLV" in found[1]
    # a tech fund named beside QQQ in a parenthesis that is not QQQ's description
    found = _symbols("QQQ (and tech funds) rose")
    assert len(found) == 2 and "XLK" in found[1]


def test_the_close_after_the_description_verifies_as_the_tickers() -> None:
    day = date(2026, 1, 30)
    book = SourceLedger()
    book.register(DataSource(
        tool="measure", metric="m", symbols=["QQQ"], start=day, end=day,
        facts=[Fact(subject="QQQ", measure="level", value=621.87, unit="$", end=day,
                    shown="621.87")],
        text="QQQ: close 621.87 on 2026-01-30.",
    ))  # fmt: skip
    text = (
        "The Nasdaq 100 fund is currently [1] lower, as the latest value of QQQ "
        "(Nasdaq-100 large-cap growth/tech) is 621.87 on 2026-01-30."
    )  # the app's words
    _, checked = verify_answer(text, book, day, check_support=False)
    assert {n.text: n.status for n in checked.figures} == {"621.87": "verified"}
