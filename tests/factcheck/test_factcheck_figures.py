"""Figures as articles write them: value, sign, unit, comparator and precision (no store)."""

from __future__ import annotations

from datetime import date

import pytest

from copilot.factcheck.check import matches
from copilot.factcheck.figures import find_figures
from copilot.factcheck.model import Figure
from copilot.factcheck.source import parse_article, stated_date


def only(clause: str) -> Figure:
    found = find_figures(clause)
    assert len(found) == 1, [f.figure for f in found]
    return found[0].figure


@pytest.mark.parametrize(
    ("clause", "value", "unit"),
    [
        ("utilities fell 1.9% on Thursday", -1.9, "%"),
        ("Utilities dropped 1.9 percent", -1.9, "%"),
        ("Energy stocks climbed 2.4% as crude firmed", 2.4, "%"),
        ("XLE is down -0.5% in 2025", -0.5, "%"),
        ("the 10-year yield rose 12 basis points last week", 12.0, "bp"),
        ("the yield slipped 8 bps", -8.0, "bp"),
        ("The VIX fell 1.26 points", -1.26, "points"),
        ("The S&P 500 closed at 6,913.35 on January 22", 6913.35, "level"),
        ("IWM ended at $269.79", 269.79, "$"),
    ],
)
def test_moves_and_levels_are_signed_in_their_unit(clause: str, value: float, unit: str) -> None:
    figure = only(clause)
    assert (figure.value, figure.unit) == (value, unit)


@pytest.mark.parametrize(
    ("clause", "count", "kind"),
    [
        ("The Russell 2000 extended a 10-session winning streak", 10, "up"),
        ("Small caps beat the S&P 500 for the 11th straight session", 11, "beat"),
        ("IWM rose 10 sessions in a row", 10, "up"),
        ("its winning streak to 9 sessions", 9, "up"),
        ("their seventh straight gain", 7, "up"),
        ("a five-day losing streak", 5, "down"),
    ],
)
def test_streaks_are_counts_with_their_kind(clause: str, count: int, kind: str) -> None:
    figure = only(clause)
    assert (figure.value, figure.unit, figure.streak) == (count, "sessions", kind)


def test_comparators_and_precision() -> None:
    above = only("IWM closed above $300")
    assert (above.value, above.comparator) == (300.0, ">")
    assert matches(above, 300.01) and not matches(above, 269.79)
    more = only("SPY slipped more than 2 percent")
    assert (more.value, more.comparator) == (-2.0, ">")
    assert matches(more, -2.3) and not matches(more, -1.7) and not matches(more, 2.3)
    written = only("Utilities fell 1.9%")
    assert written.decimals == 1
    assert matches(written, -1.94) and matches(written, -1.86)
    assert not matches(written, -1.96) and not matches(written, 1.9)
    about = only("gold rose about 2%")
    assert about.comparator == "~" and matches(about, 2.4) and not matches(about, 3.1)


def test_a_figure_with_no_direction_word_compares_its_size() -> None:
    figure = only("IWM's 1.2% move")
    assert not figure.signed
    assert matches(figure, -1.21) and matches(figure, 1.18)


def test_dates_are_not_figures() -> None:
    assert find_figures("Stocks rose on January 22, 2026 after the 2025 rally") == []


def test_stated_date_comes_from_the_published_line_or_the_opening() -> None:
    assert stated_date("# T\n\n**Published:** January 21, 2026\n\nText 2026-01-30.") == date(
        2026, 1, 21
    )
    assert stated_date("NEW YORK, Jan. 22, 2026 — Stocks rose.") == date(2026, 1, 22)
    assert stated_date("date: 2026-02-13\n\nStocks rose.") == date(2026, 2, 13)
    assert stated_date("Stocks rose 1% on Thursday.") is None


def test_html_becomes_text_without_scripts_and_keeps_its_title() -> None:
    article = parse_article(
        "<html><head><title>Wrap &amp; more</title><script>var x = '5%';</script></head>"
        "<body><p>Published: 2026-01-22</p><p>Utilities fell 0.7%.</p></body></html>",
        "page.html",
    )
    assert article.title == "Wrap & more"
    assert "var x" not in article.text and "Utilities fell 0.7%." in article.text
    assert article.stated == date(2026, 1, 22)


def test_amounts_and_levels_in_points_are_not_moves() -> None:
    assert find_figures("after a $250B investment deal and a $1.2 billion buyback") == []
    level = only("to close at 23,515.39 points.")
    assert (level.value, level.unit) == (23515.39, "level")
    change = only("or 14.63 points")
    assert (change.value, change.unit) == (14.63, "points")


def test_a_move_and_the_level_it_ended_at_are_two_figures() -> None:
    found = find_figures("The S&P 500 rose 78.76 points, or 1.2%, to 6,875.62.")
    assert [(f.figure.value, f.figure.unit) for f in found] == [
        (78.76, "points"),
        (1.2, "%"),
        (6875.62, "level"),
    ]
