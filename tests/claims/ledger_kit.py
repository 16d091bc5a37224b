"""A hand-built ledger with typed facts, like the measure tool's, for the claim checker's tests.

Figures are written here by hand (they are the test's ground truth), not computed by the code
under test.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from copilot.answer import Verification
from copilot.claims.verify import verify_answer
from copilot.facts import Fact
from copilot.sources import DataSource, NewsSource, SourceLedger

AS_OF = date(2026, 1, 23)
D = date


def _data(tool: str, symbols: list[str], text: str, facts: list[Fact]) -> DataSource:
    firsts = [day for f in facts if (day := f.start or f.end) is not None]
    return DataSource(tool=tool, metric="m", symbols=symbols, text=text, facts=facts,
                      start=min(firsts, default=None),
                      end=max((f.end for f in facts if f.end), default=None))  # fmt: skip


def _news(n: str, title: str, excerpt: str, chunk: str = "") -> NewsSource:
    return NewsSource(
        article_id=n, chunk_id=f"{n}:0", title=title, publisher="AP",
        published_at=datetime(2026, 1, 22, 21, tzinfo=UTC), url=f"https://example.org/{n}",
        text=chunk or excerpt, excerpt=excerpt,
    )  # fmt: skip


def book() -> SourceLedger:
    """[1] IWM beat streak, [2] IWM return, [3] SPY return, [4] sectors on 2026-01-22,
    [5] 10-year yield change, [6] gold news, [7] small-cap news, [8] IWM above its average."""
    ledger = SourceLedger()
    ledger.register(_data("streak", ["IWM", "SPY"],
        "IWM beat SPY 14 sessions in a row through 2026-01-22 (2026-01-02 to 2026-01-22).",
        [Fact(subject="IWM", measure="beat_streak", value=14, unit="sessions", versus="SPY",
              start=D(2026, 1, 2), end=D(2026, 1, 22), shown="14")]))  # fmt: skip
    ledger.register(_data("price_return", ["IWM"],
        "IWM (Russell 2000 small caps) returned +8.32% over the 15 sessions from 2025-12-31 "
        "(close 246.10) to 2026-01-22 (close 266.58).",
        [Fact(subject="IWM", measure="return", value=8.3214, unit="%", start=D(2026, 1, 2),
              end=D(2026, 1, 22), base=D(2025, 12, 31), shown="+8.32%"),
         Fact(subject="IWM", measure="level", value=266.58, unit="$", end=D(2026, 1, 22),
              shown="266.58")]))  # fmt: skip
    ledger.register(_data("price_return", ["SPY"],
        "SPY (S&P 500 large caps) returned +1.21% over the 15 sessions from 2025-12-31 "
        "(close 681.92) to 2026-01-22 (close 690.17).",
        [Fact(subject="SPY", measure="return", value=1.2098, unit="%", start=D(2026, 1, 2),
              end=D(2026, 1, 22), base=D(2025, 12, 31), shown="+1.21%")]))  # fmt: skip
    sectors = [("XLB", 1.52), ("XLK", 1.20), ("XLE", 0.41), ("XLU", -0.72), ("XLV", -0.95)]
    ranks = [1, 2, 3, 10, 11]
    ledger.register(_data("sector_returns", [s for s, _ in sectors],
        "Sector returns on 2026-01-22 (vs 2026-01-21): best XLB +1.52%, worst XLV -0.95%. "
        "XLU ranked 10 of 11 (-0.72%). Ranked: 1. XLB Materials +1.52%; 2. XLK Information "
        "Technology +1.20%; 3. XLE Energy +0.41%; 10. XLU Utilities -0.72%; 11. XLV Health "
        "Care -0.95%.",
        [f for (s, v), r in zip(sectors, ranks, strict=True) for f in (
            Fact(subject=s, measure="return", value=v, unit="%", start=D(2026, 1, 22),
                 end=D(2026, 1, 22), base=D(2026, 1, 21), shown=f"{v:+.2f}%"),
            Fact(subject=s, measure="rank", value=r, unit="rank", of=11, start=D(2026, 1, 22),
                 end=D(2026, 1, 22), shown=f"{r} of 11"))]))  # fmt: skip
    ledger.register(_data("yield_change", ["DGS10"],
        "DGS10 moved +16 bp from 4.12% (2025-12-31) to 4.28% (2026-01-22).",
        [Fact(subject="DGS10", measure="change", value=16, unit="bp", start=D(2026, 1, 2),
              end=D(2026, 1, 22), base=D(2025, 12, 31), shown="+16 bp"),
         Fact(subject="DGS10", measure="level", value=4.12, unit="level", end=D(2025, 12, 31),
              shown="4.12%"),
         Fact(subject="DGS10", measure="level", value=4.28, unit="level", end=D(2026, 1, 22),
              shown="4.28%")]))  # fmt: skip
    ledger.register(_news("gold", "Gold slides as the dollar firms",
        "Gold fell 4.4% on Thursday as the dollar strengthened and traders took profits after "
        "a record run earlier in the month."))  # fmt: skip
    ledger.register(_news("smallcaps", "Small caps extend their winning streak",
        "Small-cap stocks extended their winning streak as investors bet the Federal Reserve "
        "will cut interest rates this year, which would lower borrowing costs for smaller, "
        "more indebted companies."))  # fmt: skip
    ledger.register(_data("moving_average", ["IWM"],
        "IWM closed at 266.58 on 2026-01-22, +9.86% above its 200-day average of 242.67.",
        [Fact(subject="IWM", measure="sma_distance", value=9.86, unit="%", end=D(2026, 1, 22),
              shown="+9.86%"),
         Fact(subject="IWM", measure="average", value=242.67, unit="$", end=D(2026, 1, 22),
              shown="242.67")]))  # fmt: skip
    return ledger


def check(text: str, support: bool = False) -> tuple[str, Verification]:
    return verify_answer(text, book(), AS_OF, "why did small caps rally?", check_support=support)


def statuses(text: str) -> dict[str, str]:
    _, v = check(text)
    return {n.text: n.status for n in v.numbers}
