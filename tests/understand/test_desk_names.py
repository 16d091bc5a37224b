"""The markets by a desk's names: "the long end", "IG credit", "HY credit", "utes", "megacaps",
"the greenback" — stored funds read as theirs, the rest told what to import (each had named no
instrument, or "IG credit" none at all, with nothing said); and "where's X" asked of one."""

from __future__ import annotations

from datetime import date

import pytest

from copilot.understand import Catalog, understand

AS_OF = date(2026, 1, 30)


@pytest.mark.parametrize(
    ("question", "symbol"),
    [
        ("why did the long end sell off last week", "TLT"),
        ("why did the long end of the curve rally in January", "TLT"),
        ("what's behind the move in IG credit lately", "LQD"),
        ("why did investment grade bonds slip this week", "LQD"),
        ("why did HY credit drop on Jan 20", "HYG"),
        ("why are utes up this week", "XLU"),
    ],
)
def test_a_desk_name_of_a_stored_market_is_that_market(
    question: str, symbol: str, catalog: Catalog
) -> None:
    got = understand(question, AS_OF, catalog)
    assert [i.symbol for i in got.instruments] == [symbol], got.trace
    assert not got.unknown, got.unknown


@pytest.mark.parametrize(
    ("question", "symbol"),
    [
        ("why did megacaps lag in January", "MAGS"),
        ("what sank the greenback in late January", "DX-Y.NYB"),
    ],
)
def test_a_desk_name_of_an_unstored_market_says_what_to_import(
    question: str, symbol: str, catalog: Catalog
) -> None:
    got = understand(question, AS_OF, catalog)
    assert not got.instruments, got.trace
    assert [u.symbol for u in got.unknown] == [symbol]
    assert f"--yahoo {symbol}" in got.unknown[0].fix


@pytest.mark.parametrize(
    "question", ["where's gold trading", "where's gold at", "where'd silver close on the 29th"]
)
def test_where_s_a_market_asks_its_level(question: str, catalog: Catalog) -> None:
    # "where's" had not been read as "where is": the measure was left to the model
    got = understand(question, AS_OF, catalog)
    assert got.intent is not None and (got.intent.measure, got.intent.aggregate) == (
        "level",
        "last",
    ), got.trace


@pytest.mark.parametrize(
    ("question", "symbols"),
    [
        # Value and growth named as a pair are the two styles (had been "'value' names no
        # instrument", with no fund to import); alone, either word stays a common one.
        ("why did value beat growth in january", ["IWD", "IWF"]),
        ("growth vs value ytd", ["IWF", "IWD"]),
    ],
)
def test_value_and_growth_as_a_pair_are_the_styles(
    question: str, symbols: list[str], catalog: Catalog
) -> None:
    got = understand(question, AS_OF, catalog)
    assert [u.symbol for u in got.unknown] == symbols, got.unknown
    assert got.question == question


def test_growth_alone_is_no_style(catalog: Catalog) -> None:
    got = understand("why did GDP growth matter for stocks", AS_OF, catalog)
    assert [i.symbol for i in got.instruments] == ["SPY"] and not got.unknown
