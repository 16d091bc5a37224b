"""The report's chart: the studied symbols' closes rebased to 100, as an inline SVG.

The series are computed from the market store during the run and saved in the record, so the
chart re-renders on replay without any store.
"""

from __future__ import annotations

from datetime import date
from html import escape

from copilot.research.models import ChartSeries, StepRecord
from copilot.tools import ToolDeps

COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e")
MAX_SERIES = 4


def chart_series(deps: ToolDeps, steps: list[StepRecord], as_of: date) -> list[ChartSeries]:
    """Rebased closes of the symbols of successful price steps, from the earliest start."""
    if deps.market is None:
        return []
    symbols: list[str] = []
    starts: list[date] = []
    for step in steps:
        if step.status == "ok" and step.tool == "price_return" and "start" in step.data:
            symbol = str(step.args.get("symbol", "")).upper()
            if symbol and symbol not in symbols:
                symbols.append(symbol)
                starts.append(date.fromisoformat(str(step.data["start"])))
    series = []
    for symbol in symbols[:MAX_SERIES]:
        values = deps.market.values(symbol, as_of=as_of)
        window = values[values.index >= _ts(min(starts))]
        if len(window) < 2:
            continue
        base = float(window.iloc[0])
        series.append(ChartSeries(
            symbol=symbol, dates=[_day(i) for i in window.index],
            values=[round(float(v) / base * 100, 3) for v in window],
        ))  # fmt: skip
    return series


def _ts(day: date) -> object:
    import pandas as pd

    return pd.Timestamp(day)


def _day(index: object) -> str:
    return str(index)[:10]


def svg_chart(series: list[ChartSeries], width: int = 640, height: int = 280) -> str:
    """A line chart as SVG markup (our template: the symbols and dates are escaped)."""
    if not series:
        return ""
    pad_l, pad_r, pad_t, pad_b = 48, 16, 16, 40
    lo = min(min(s.values) for s in series)
    hi = max(max(s.values) for s in series)
    span = (hi - lo) or 1.0
    n = max(len(s.values) for s in series)

    def x(i: int) -> float:
        return pad_l + (width - pad_l - pad_r) * (i / max(1, n - 1))

    def y(v: float) -> float:
        return pad_t + (height - pad_t - pad_b) * (1 - (v - lo) / span)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" aria-label="Rebased closes">',
             f'<rect width="{width}" height="{height}" fill="#ffffff"/>']  # fmt: skip
    for v in (lo, (lo + hi) / 2, hi):
        parts.append(f'<line x1="{pad_l}" x2="{width - pad_r}" y1="{y(v):.1f}" y2="{y(v):.1f}" '
                     f'stroke="#ddd"/><text x="4" y="{y(v) + 4:.1f}" font-size="11">'
                     f"{v:.1f}</text>")  # fmt: skip
    first, last = series[0].dates[0], series[0].dates[-1]
    parts.append(f'<text x="{pad_l}" y="{height - 8}" font-size="11">{escape(first)}</text>')
    parts.append(f'<text x="{width - pad_r}" y="{height - 8}" font-size="11" '
                 f'text-anchor="end">{escape(last)}</text>')  # fmt: skip
    for k, s in enumerate(series):
        color = COLORS[k % len(COLORS)]
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(s.values))
        parts.append(f'<polyline fill="none" stroke="{color}" stroke-width="2" '
                     f'points="{points}"/>')  # fmt: skip
        parts.append(f'<text x="{pad_l + 8 + 70 * k}" y="{height - 22}" font-size="12" '
                     f'fill="{color}">{escape(s.symbol)} {s.values[-1]:.1f}</text>')  # fmt: skip
    parts.append("</svg>")
    return "\n".join(parts)
