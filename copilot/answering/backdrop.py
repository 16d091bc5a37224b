"""The wider markets a move went with: an article on their move explains it too.

Transport stocks jumped 2.4 % on January 21, 2026, while the S&P 500 rose 1.2 %. The day's wraps
tell the market's cause (the Greenland tariffs called off) and never say "transports", so the
reasons turns never read them (`copilot.claims.reasons.names_subject`), and the answer's reasons
came from a programme rundown instead. When code measures that a wider market — an industry's
sector, and for any US stock group the S&P 500 — moved the same way over the same sessions, by
at least a third as much, an article naming that market counts as naming the move's subject.
A move of its own (chips +3.66 % on January 2, 2026, technology +0.23 %, the S&P 500
+0.18 %) keeps its own news.
"""

from __future__ import annotations

from datetime import date

from copilot.claims.reasons import INDEXES, RELATED, STOCK_GROUPS, WHOLE_MARKET
from copilot.errors import CopilotError
from copilot.market.measure_model import MeasureArgs, MeasureRow
from copilot.market.symbols import moves_against_stocks, sector_symbols
from copilot.news.backdrop import MARKET
from copilot.tools import ToolDeps
from copilot.tools.measure_tool import compute

# US stock groups (sectors, industries, size and style indexes), whose backdrop is the S&P
# 500's move: the reason check's own sets, the whole market itself left out.
_US_STOCKS = (STOCK_GROUPS | INDEXES) - WHOLE_MARKET
_SECTORS = frozenset(sector_symbols())
# An industry's sector: its group among the markets whose news explains one another's moves
# (the miners left out: their metal moves them, not the materials sector).
SECTOR_OF = {
    industry: sector
    for group in RELATED
    for sector in group & _SECTORS
    for industry in group & (STOCK_GROUPS - _SECTORS - {"GDX", "SIL"})
}
SHARE = 1 / 3  # the wider market's move, at least this share of the subject's, the same way
# The fear gauge moves against the S&P 500 and by far more in percent: over the sample year, on
# the 99 days the VIX closed 5 % or more from the day before, the index moved the other way on
# 94, by a median tenth of the VIX's move (from 0.013 to 0.30 of it). A twentieth leaves out the
# days the VIX moved on its own (+5 % with the index -0.1 %).
FEAR_SHARE = 1 / 20


def wider_markets(subject: str) -> list[str]:
    """The markets whose move can be `subject`'s backdrop: its sector, then the S&P 500 (the
    S&P 500 alone for the fear gauge, which measures its expected swings)."""
    if moves_against_stocks(subject):
        return [MARKET]
    wider = [SECTOR_OF[subject]] if subject in SECTOR_OF else []
    if subject in _US_STOCKS:
        wider.append(MARKET)
    return wider


# The same asset under another fund, or the larger market a fund's price follows, and a
# basket's largest components: silver's rise on January 22, 2026 (+3.8 %) went with gold's
# (+1.9 %), and the day's wrap gave its cause for gold alone ("Gold's price rose, and the value
# of the U.S. dollar weakened …"); the commodity basket's +1.1 % on December 23, 2025 went with
# oil's, gold's and silver's ("Oil Prices Rise After OPEC+ Extends Output Cuts …"). Gold, the
# most told of the metals, keeps its own news; platinum, priced by industrial demand more
# than silver is, keeps its own too.
PEERS: dict[str, tuple[str, ...]] = {
    "SLV": ("GLD",),
    "TLT": ("IEF",),
    "IEF": ("TLT",),
    "DBC": ("WTI", "GLD", "SLV"),
}


def moved_with(deps: ToolDeps, subject: str, start: date, end: date) -> list[str]:
    """The wider markets that moved `subject`'s way over [start, end], by at least `SHARE` of
    its move, measured by the measure tool (a market the store lacks is skipped). For the fear
    gauge, the S&P 500 when it moved the other way by at least `FEAR_SHARE` of the VIX's move:
    the day's wraps of the market's fall tell the VIX's jump."""
    if moves_against_stocks(subject):
        return _went_its_way(deps, subject, wider_markets(subject), start, end,
                             against=True, share=FEAR_SHARE)  # fmt: skip
    return _went_its_way(deps, subject, wider_markets(subject), start, end)


def moved_alongside(deps: ToolDeps, subject: str, start: date, end: date) -> list[str]:
    """The `PEERS` of `subject` that moved its way over [start, end], by at least `SHARE` of
    its move: their news is its own (searched, and naming them names the move's subject)."""
    return _went_its_way(deps, subject, list(PEERS.get(subject, ())), start, end)


def _went_its_way(
    deps: ToolDeps, subject: str, others: list[str], start: date, end: date, *,
    against: bool = False, share: float = SHARE,
) -> list[str]:  # fmt: skip
    """The `others` that moved `subject`'s way (the other way when `against`) by at least
    `share` of its move."""
    found = []
    for other in others:
        args = MeasureArgs(symbols=[subject, other], measure="return", start=start, end=end)
        try:
            values = {row.symbol: _percent(row) for row in compute(deps, args).rows}
        except CopilotError:
            continue
        own, theirs = values.get(subject), values.get(other)
        if own and theirs and (own * theirs < 0) == against and abs(theirs) >= share * abs(own):
            found.append(other)
    return found


def _percent(row: MeasureRow) -> float | None:
    """The move in percent: a price series' return is its change in its own unit (oil's
    $0.37 a barrel on December 23, 2025, +0.64 %)."""
    if row.unit != "%" and row.base_value and row.end_value is not None:
        return (row.end_value / row.base_value - 1) * 100
    return row.value
