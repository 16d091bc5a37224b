"""Each claim computed with the measure tool over the store and marked ✓ / ✗ / ?; a wrong figure
is tested against the classic confusions (another session, a streak of the other kind, another
sector's ETF, an index level for its ETF) and the reason says which one it is."""

from __future__ import annotations

import re
from datetime import date

from copilot.factcheck.extract import names_index
from copilot.factcheck.model import Checked, Claim, Figure
from copilot.market.measure_model import MeasureArgs, MeasureResult, MeasureRow
from copilot.market.symbols import lookup, sector_symbols
from copilot.tools import ToolDeps
from copilot.tools.registry import run_tool

ETF_OF_INDEX = {"SP500": "SPY"}
INDEX_OF_ETF = {"SPY": "S&P 500", "IWM": "Russell 2000", "QQQ": "Nasdaq-100", "DIA": "Dow"}


class Computed:
    """One measure run: its first row and the [n] of the source it registered."""

    def __init__(self, row: MeasureRow | None, source: int | None, error: str = "") -> None:
        self.row, self.source, self.error = row, source, error


def compute(deps: ToolDeps, call: MeasureArgs) -> Computed:
    output = run_tool(deps, "measure", call.model_dump(mode="json"))
    if output.error:
        return Computed(None, None, output.text.removeprefix("Error: "))
    result = MeasureResult.model_validate(output.data["measure"])
    row = result.rows[0] if result.rows else None
    return Computed(row, output.sources[0] if output.sources else None)


def check_claims(deps: ToolDeps, claims: list[Claim]) -> list[Checked]:
    return [check_claim(deps, claim) for claim in claims]


def check_claim(deps: ToolDeps, claim: Claim) -> Checked:
    if claim.call is None:
        return Checked(claim=claim, mark="?", reason=claim.unresolved or "no measure to compute")
    computed = compute(deps, claim.call)
    if computed.row is None or computed.error:
        return Checked(claim=claim, mark="?", reason=computed.error or "nothing computed")
    if _outside(claim.call, computed.row):
        return Checked(
            claim=claim, mark="?", source=computed.source, reason=_not_covered(claim, computed.row)
        )
    actual = value_in(claim.figure, computed.row)
    if actual is None:
        return Checked(claim=claim, mark="?", reason=_why_none(claim.figure, computed.row))
    right = shown(claim.figure, actual)
    checked = Checked(
        claim=claim, mark="✓", right=right, right_value=actual, source=computed.source
    )
    if matches(claim.figure, actual):
        return _also_noted(checked)
    proxy = _index_proxy(claim, actual, right)
    if proxy:
        checked.mark, checked.reason = "?", proxy
        return checked
    checked.mark = "✗"
    checked.reason = _confusion(deps, claim, actual) or _plain_miss(claim.figure, actual, right)
    return checked


def _index_proxy(claim: Claim, actual: float, right: str) -> str:
    """A figure about an index checked on the ETF that tracks it: levels and points are on
    another scale ('?'), and a % move close to the ETF's cannot be held to the index's
    precision ('?'); a move far from it stays a ✗."""
    if not _index_named(claim):
        return ""
    index = INDEX_OF_ETF.get(claim.symbol or "", claim.phrase)
    figure = claim.figure
    if figure.unit in ("$", "level", "points"):
        ratio = figure.value / actual if actual else 0.0
        if ratio > 2 or ratio < 0.5:
            what = "index level" if figure.unit != "points" else "index points"
            return (
                f"{what}; the store holds the ETF ({claim.symbol}: {right}), not the {index} index"
            )
    if re.search(r"nasdaq(?!\W*100)", claim.phrase, re.IGNORECASE):  # the composite
        return (
            f"the Nasdaq composite is not stored; {claim.symbol} tracks the Nasdaq-100 "
            f"(it moved {right})"
        )
    if figure.unit == "%" and abs(abs(actual) - abs(figure.value)) <= max(0.25, 0.1 * abs(actual)):
        same = figure.signed is False or (actual >= 0) == (figure.value >= 0)
        if same:
            return (
                f"the {index} index is not stored; its ETF {claim.symbol} moved {right}, "
                "close to the figure but not at the precision written"
            )
    return ""


def _outside(call: MeasureArgs, row: MeasureRow) -> bool:
    """The window holds no observation of the series (a monthly series, a weekly window)."""
    if call.start is None:
        return False
    clipped = row.base is not None and row.base >= call.start  # data begins inside the window
    return clipped or row.sessions == 0 or (row.end is not None and row.end < call.start)


def _not_covered(claim: Claim, row: MeasureRow) -> str:
    if row.base is not None and claim.call and claim.call.start and row.base >= claim.call.start:
        return (
            f"the stored {claim.symbol} data begins {row.base.isoformat()}, inside "
            f"{claim.window_label}: the whole window cannot be measured"
        )
    last = row.end.isoformat() if row.end else "none"
    return (
        f"no observation of {claim.symbol} inside {claim.window_label} (its last one "
        f"before it: {last}; the stored series is too sparse for this window)"
    )


def _plain_miss(figure: Figure, actual: float, right: str) -> str:
    flipped = Figure(**{**figure.model_dump(), "value": -figure.value})
    if figure.signed and figure.unit in ("%", "bp", "points") and matches(flipped, actual):
        return f"wrong direction: the move was {right}"
    return f"the store gives {right}"


def _also_noted(checked: Checked) -> Checked:
    if checked.claim.notes:
        checked.reason = "; ".join(checked.claim.notes)
    return checked


def _index_named(claim: Claim) -> bool:
    """The words name an index (not its fund) while the symbol is a fund's."""
    symbol = claim.symbol or ""
    return (
        names_index(claim.phrase, claim.clause)
        and symbol != claim.phrase.upper()
        and (info := lookup(symbol)) is not None
        and info.kind != "index"
    )


def value_in(figure: Figure, row: MeasureRow) -> float | None:
    """The row's value in the figure's unit (None when the units cannot meet)."""
    if row.value is None:
        return None
    if figure.unit == "sessions":
        return row.value if row.unit == "sessions" else None
    if figure.unit in ("$", "level"):
        return row.value if row.unit in ("$", "level") else None
    if figure.unit == "%":
        if row.unit == "%":
            return row.value
        return row.percent if row.unit == "points" else None
    if figure.unit == "bp":
        return row.value if row.unit == "bp" else None
    if row.unit == "points":
        return row.value
    if row.end_value is not None and row.base_value is not None:
        return row.end_value - row.base_value
    return None


def _why_none(figure: Figure, row: MeasureRow) -> str:
    if row.value is None:
        return row.note or "no observation in the window (the store's series is too sparse)"
    return f"the figure is in {figure.unit} but the store measures this in {row.unit}"


def matches(figure: Figure, actual: float) -> bool:
    """True when `actual` reads as the figure at the precision it is written."""
    claimed = figure.value
    if not figure.signed:
        actual, claimed = abs(actual), abs(claimed)
    if figure.comparator in (">", "<") and figure.unit in ("%", "bp", "points"):
        # "fell more than 2%": the move is beyond -2 in its direction
        same_side = (actual >= 0) == (claimed >= 0) or not figure.signed
        beyond = (
            abs(actual) > abs(claimed) if figure.comparator == ">" else abs(actual) < abs(claimed)
        )
        return same_side and beyond
    if figure.comparator == ">":
        return actual > claimed
    if figure.comparator == "<":
        return actual < claimed
    step = 10.0 ** (-figure.decimals)
    tolerance = step / 2 + 1e-9
    if figure.comparator == "~":
        tolerance = max(step, abs(claimed) * 0.05)
    return abs(round(actual, figure.decimals + 3) - claimed) <= tolerance


def shown(figure: Figure, value: float) -> str:
    decimals = max(figure.decimals, 2)
    if figure.unit == "%":
        return f"{value:+.{decimals}f}%"
    if figure.unit == "bp":
        return f"{value:+.0f} bp"
    if figure.unit == "points":
        return f"{value:+.2f} points"
    if figure.unit == "$":
        return f"${value:,.2f}"
    if figure.unit == "level":
        return f"{value:,.2f}"
    return _sessions(value)


def _sessions(value: float) -> str:
    return f"{int(value)} session" + ("" if int(value) == 1 else "s")


def _confusion(deps: ToolDeps, claim: Claim, actual: float) -> str:
    """Which classic confusion the wrong figure is, when it is one ('' when none fits)."""
    right = shown(claim.figure, actual)
    for finder in (_other_streak, _other_sector, _index_for_etf, _other_day):
        reason = finder(deps, claim, right)
        if reason:
            return reason
    return ""


def _run(deps: ToolDeps, claim: Claim, **changes: object) -> tuple[float | None, int | None]:
    assert claim.call is not None
    call = MeasureArgs.model_validate({**claim.call.model_dump(), **changes})
    computed = compute(deps, call)
    if computed.row is None:
        return None, None
    return value_in(claim.figure, computed.row), computed.source


def _other_streak(deps: ToolDeps, claim: Claim, right: str) -> str:
    """A streak is read both ways: closing higher (up) and beating SPY (beat)."""
    figure, symbol = claim.figure, claim.symbol
    if figure.streak not in ("up", "beat") or claim.call is None or symbol == "SPY":
        return ""
    if figure.streak == "up":
        value, source = _run(deps, claim, measure="beat_streak", versus="SPY")
        if value is None:
            return ""
        if matches(figure, value):
            return (
                f"relative outperformance called a winning streak: {symbol} beat SPY "
                f"{_sessions(value)} in a row [{source}], but closed higher only "
                f"{right} in a row"
            )
        return (
            f"neither streak matches: {symbol} closed higher {right} in a row; it beat "
            f"SPY {_sessions(value)} in a row [{source}]"
        )
    value, source = _run(deps, claim, measure="up_streak", versus=None)
    versus = claim.call.versus
    if value is None:
        return ""
    if matches(figure, value):
        return (
            f"its own winning streak called outperformance: {symbol} closed higher "
            f"{_sessions(value)} in a row [{source}], but beat {versus} only {right}"
        )
    return (
        f"neither streak matches: {symbol} beat {versus} {right} in a row; it closed "
        f"higher {_sessions(value)} in a row [{source}]"
    )


def _other_sector(deps: ToolDeps, claim: Claim, right: str) -> str:
    symbol = claim.symbol or ""
    sectors = sector_symbols()
    if symbol not in sectors or claim.figure.unit not in ("%", "$", "points"):
        return ""
    for other in sectors:
        if other == symbol:
            continue
        value, source = _run(deps, claim, symbols=[other])
        if value is not None and matches(claim.figure, value):
            info, mine = lookup(other), lookup(symbol)
            what = info.represents if info else other
            named = mine.represents if mine else symbol
            return (
                f"sector mapped to the wrong ETF: the figure is {other}'s ({what}) "
                f"[{source}]; {claim.phrase} is {symbol} ({named}), which moved {right}"
            )
    return ""


def _index_for_etf(deps: ToolDeps, claim: Claim, right: str) -> str:
    etf = ETF_OF_INDEX.get(claim.symbol or "")
    if etf is None or claim.figure.unit not in ("$", "level"):
        return ""
    value, source = _run(deps, claim, symbols=[etf])
    if value is not None and abs(claim.figure.value / value - 1) < 0.05:
        return (
            f"the ETF's price quoted for the index: {etf} closed at ${value:,.2f} "
            f"[{source}]; the {claim.phrase} index was {right}"
        )
    return ""


def _other_day(deps: ToolDeps, claim: Claim, right: str) -> str:
    """The figure of a session near the claimed one: 'a figure for another day'."""
    call = claim.call
    if call is None or call.sessions is not None:
        return ""
    if call.start is not None and call.start != call.end:
        return ""  # a multi-day window: no single adjacent session to try
    day = call.end or deps.as_of
    if day is None:
        return ""
    dates = _session_dates(deps, claim.symbol or "", day)
    for label, other in dates:
        start = other if call.start is not None or call.measure in ("return", "level") else None
        value, source = _run(deps, claim, start=start, end=other)
        if value is not None and matches(claim.figure, value):
            return (
                f"a figure for another day: it matches {other.isoformat()} ({label}) "
                f"[{source}]; on {day.isoformat()} it was {right}"
            )
    return ""


def _session_dates(deps: ToolDeps, symbol: str, day: date) -> list[tuple[str, date]]:
    """The two sessions before and after `day` in the symbol's data, nearest first."""
    values = deps.market.values(symbol, as_of=deps.as_of) if deps.market is not None else None
    if values is None or len(values) == 0:
        return []
    days = [d.date() if hasattr(d, "date") else d for d in values.index]
    before = [d for d in days if d < day][-2:]
    after = [d for d in days if d > day][:2]
    before.reverse()
    found: list[tuple[str, date]] = []
    for i in range(2):
        if i < len(before):
            found.append((("the session before", "two sessions before")[i], before[i]))
        if i < len(after):
            found.append((("the session after", "two sessions after")[i], after[i]))
    return found
