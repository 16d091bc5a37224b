"""A reason that copies an article's sentence with another of its names put in is unsupported
(`copilot.claims.swapped_names`). Found in the app: asked why long Treasuries fell on January 16,
the writer turned the Zacks wrap's "Investors have been betting on Hassett to succeed Fed
Chairman Jerome Powell … However, former Fed Governor Kevin Warsh has moved ahead of Hassett"
into "Investors have been betting on Kevin Warsh to succeed …", and the support score passed it.
The passages are written here in the shape of the stored wraps."""

from __future__ import annotations

from datetime import datetime

import pytest

from copilot.claims.reasons import SupportScorer
from copilot.claims.swapped_names import swapped_name
from copilot.sources import NewsSource, SourceLedger
from copilot.verify import verify_answer

RACE = (
    "… Investors have been betting on Hassett to succeed Fed Chairman Jerome Powell after his "
    "term ends in May, as they see him as more market-friendly and who could keep interest rates "
    "low. However, former Fed Governor Kevin Warsh has moved ahead of Hassett in the race lately."
)
BANKS = (
    "Shares of JPMorgan Chase fell 2% after the bank missed fee estimates. The Federal Reserve "
    "held rates. Citigroup rose 1%."
)


@pytest.mark.parametrize(
    ("reason", "passage", "swapped"),
    [
        ("Investors have been betting on Kevin Warsh to succeed Fed Chairman Jerome Powell after "
         "his term ends in May [2].", RACE, ("Kevin Warsh", "Hassett")),
        ("Shares of Citigroup fell 2% after the bank missed fee estimates [1].", BANKS,
         ("Citigroup", "JPMorgan Chase")),
    ],
)  # fmt: skip
def test_a_name_put_where_the_article_has_another_is_found(
    reason: str, passage: str, swapped: tuple[str, str]
) -> None:
    assert swapped_name(reason, passage) == swapped


@pytest.mark.parametrize(
    "reason",
    [
        "Investors have been betting on Hassett to succeed Fed Chairman Jerome Powell [2].",
        "Kevin Warsh has moved ahead of Hassett in the race lately [2].",
        "Former Fed Governor Kevin Warsh has moved ahead in the race to succeed Powell [2].",
    ],
)
def test_the_articles_own_names_in_their_places_are_no_swap(reason: str) -> None:
    assert swapped_name(reason, RACE) is None


@pytest.mark.parametrize(
    "reason",
    [
        "Shares of JPMorgan fell 2% after the bank missed fee estimates [1].",  # shortened
        "The Fed held rates [1].",  # "Fed" for "Federal Reserve"
        "Citigroup rose 1% [1].",
    ],
)
def test_a_name_shortened_is_the_same_name(reason: str) -> None:
    assert swapped_name(reason, BANKS) is None


def test_the_answers_check_marks_the_swapped_reason_unsupported(scorer: SupportScorer) -> None:
    ledger = SourceLedger()
    n = ledger.register(NewsSource(
        article_id="a1", chunk_id="a1-0", title="Stock Market News for Jan 19, 2026",
        publisher="Zacks", published_at=datetime(2026, 1, 19), url="https://x/1", text=RACE,
        excerpt=RACE, about=["treasuries", "bonds", "fed chair", "fed chairman"],
    ))  # fmt: skip
    swapped = ("Investors have been betting on Kevin Warsh to succeed Fed Chairman Jerome Powell "
               "after his term ends in May, as they see him as more market-friendly")  # fmt: skip
    right = swapped.replace("Kevin Warsh", "Hassett")
    checks = {}
    for reason in (swapped, right):
        _, v = verify_answer(f"{reason} [{n}].", ledger, check_support=True)
        [checks[reason]] = [r for r in v.reasons if r.kind == "reason"]
    assert checks[swapped].status == "unsupported"
    assert checks[swapped].evidence.startswith(f"[{n}] says it of Hassett, not Kevin Warsh: ")
    assert checks[right].status == "supported"
