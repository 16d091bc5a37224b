"""Charts of the data an answer used: prices normalized over the window (a streak shaded), rate
series as lines, a day's sector returns as bars. Built once, when the answer arrives."""

from __future__ import annotations

import importlib
import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from copilot.errors import ModelFixableError
from copilot.facts import Fact
from copilot.sources import DataSource

if TYPE_CHECKING:
    from copilot.answer import Answer
    from copilot.market.store import MarketStore

PRICE_TOOLS = frozenset(
    {"streak", "price_return", "new_highs", "best_gain_since", "moving_average", "ytd_return",
     "risk_stats", "measure"}
)  # fmt: skip
SERIES_TOOLS = frozenset({"yield_change", "measure"})
STREAKS = frozenset({"beat_streak", "up_streak", "down_streak"})
LONGEST = frozenset(f"max_{m}" for m in STREAKS)  # the measure tool's aggregate "max" of a run
MIN_BARS = 4  # a ranking of this many instruments or more is drawn as bars
MAX_LINES = 4
CONTEXT_SESSIONS = 10  # sessions shown before the window, for context
SINGLE_DAY_LOOKBACK = timedelta(days=90)  # window shown for a one-day figure
PALETTE = ("#2456c7", "#e07b00", "#18864b", "#8e44ad")
UP, DOWN = "#18864b", "#c62828"


def plotly_go() -> Any:
    """plotly.graph_objects (plotly ships no type information)."""
    return importlib.import_module("plotly.graph_objects")


@dataclass(frozen=True)
class Window:
    symbols: list[str]
    start: date
    end: date
    shade: tuple[date | None, date, str] | None = None  # a streak to highlight
    shade_sessions: int = 0  # a shade given by its end: this many sessions ending there


def data_sources(answer: Answer) -> list[DataSource]:
    """Data sources, cited ones first."""
    cited = [answer.sources[n] for n in answer.verification.cited if n in answer.sources]
    rest = [s for n, s in sorted(answer.sources.items()) if n not in answer.verification.cited]
    return [s for s in [*cited, *rest] if isinstance(s, DataSource)]


def plan_window(
    sources: list[DataSource],
    table_of: Any,
    tools: frozenset[str],
    wanted: str = "bars",
    text: str = "",
) -> Window | None:
    """Symbols (stored in table `wanted`) and dates to chart from the sources made by `tools`;
    the symbols the answer's `text` names first, in the order it names them. A ranking lists
    its symbols in ranked order, and its first four were charted whatever the answer led with:
    "the biggest mover among bond funds" led with TLT, ranked fifth, and the chart showed four
    other funds."""
    picked = [s for s in sources if s.tool in tools and s.end is not None]
    symbols: list[str] = []
    for source in picked:
        for symbol in source.symbols:
            if symbol not in symbols and table_of(symbol) == wanted:
                symbols.append(symbol)
    if not symbols:
        return None
    symbols.sort(key=lambda symbol: _first_named(symbol, text))  # stable: the rest keep order
    ends = [s.end for s in picked if s.end is not None]
    starts = [s.start for s in picked if s.start is not None] or ends
    start, end = min(starts), max(ends)
    if start == end:
        start = end - SINGLE_DAY_LOOKBACK
    shade: tuple[date | None, date, str] | None = None
    sessions = 0
    for source in picked:
        longest = next((f for f in source.facts if f.measure in LONGEST and f.value > 0), None)
        if longest is not None and longest.on:  # the longest run in the window, by its end
            sessions = int(longest.value)
            shade = (None, longest.on, f"{_ran(longest)} {_in_a_row(sessions)}")
            break
        run = next((f for f in source.facts if f.measure in STREAKS and f.value > 0), None)
        if run is not None and run.start and run.end:
            shade = (run.start, run.end, f"{_ran(run)} {_in_a_row(int(run.value))}")
            break
        if source.tool == "streak" and source.start and source.end:
            length, last = source.values.get("sessions", ""), source.end
            if length == "0" and "previous run to" in source.values:  # the run that just ended
                length = source.values.get("previous run", "")
                last = date.fromisoformat(source.values["previous run to"])
            if length not in ("", "0"):
                who = " beat ".join(source.symbols[:2])
                verb = who if len(source.symbols) > 1 else f"{who} rose"
                shade = (source.start, last, f"{verb} {length} sessions in a row")
            break
    return Window(symbols[:MAX_LINES], start, end, shade, sessions)


def _first_named(symbol: str, text: str) -> int:
    """Where `text` first names `symbol` as a word (past its end when it never does)."""
    named = re.search(rf"(?<!\w){re.escape(symbol)}(?!\w)", text)
    return named.start() if named else len(text) + 1


def _ran(run: Fact) -> str:
    """Who ran, and which way: "IWM beat SPY", "XLK fell" (a losing run's longest had been
    captioned "GLD 1 sessions in a row", with no way said)."""
    if run.versus:
        return f"{run.subject} beat {run.versus}"
    return f"{run.subject} {'rose' if 'up_streak' in run.measure else 'fell'}"


def _in_a_row(sessions: int) -> str:
    return f"{sessions} session{'' if sessions == 1 else 's'} in a row"


def build_charts(answer: Answer, store: MarketStore | None) -> list[Any]:
    """Every chart the answer's data supports (plotly figures); a chart whose data cannot be
    read (e.g. no rows in its window) is left out, never an error."""
    figures: list[Any] = []
    sources = data_sources(answer)
    if store is not None:
        window = plan_window(sources, store.table_of, PRICE_TOOLS, text=answer.text)
        series = plan_window(sources, store.table_of, SERIES_TOOLS, "series", answer.text)
        try:
            if window is not None:
                figures.append(price_figure(store, window, answer.as_of))
            if series is not None:
                figures.append(series_figure(store, series, answer.as_of))
        except ModelFixableError:  # a date or symbol the store cannot serve
            pass
    sectors = next((s for s in reversed(sources) if s.tool == "sector_returns"), None)
    if sectors is not None and sectors.values:
        figures.append(sector_figure(sectors))
    ranked = next((s for s in reversed(sources) if _ranked_returns(s)), None)
    if ranked is not None and sectors is None:
        figures.append(ranking_figure(ranked))
    return [f for f in figures if f is not None]


def price_figure(store: MarketStore, window: Window, as_of: date | None) -> Any:
    """Closes normalized to 100 at the window's first session, with context before it."""
    import pandas as pd

    go = plotly_go()
    lead = timedelta(days=CONTEXT_SESSIONS * 2 + 7)
    closes = store.closes(window.symbols, window.start - lead, None, as_of=as_of).dropna()
    if closes.empty:
        return None
    first = min(int(closes.index.searchsorted(pd.Timestamp(window.start))), max(len(closes) - 1, 0))
    closes = closes.iloc[max(0, first - CONTEXT_SESSIONS) :]
    base_at = min(first, CONTEXT_SESSIONS)
    indexed = closes / closes.iloc[base_at] * 100
    figure = go.Figure()
    for i, symbol in enumerate(window.symbols):
        figure.add_trace(
            go.Scatter(
                x=indexed.index, y=indexed[symbol], name=symbol, mode="lines",
                line={"width": 2.6 if i == 0 else 2.0, "color": PALETTE[i % len(PALETTE)]},
                customdata=closes[symbol],
                hovertemplate=f"{symbol} %{{x|%b %d, %Y}}: %{{y:.2f}} "
                "(close %{customdata:,.2f})<extra></extra>",
            )
        )  # fmt: skip
    if window.shade is not None:
        lo, hi, label = window.shade
        if lo is None:  # the run's first session, counted back in the sessions charted
            last = int(closes.index.searchsorted(pd.Timestamp(hi), side="right")) - 1
            lo = closes.index[max(0, last - window.shade_sessions + 1)].date()
        figure.add_vrect(
            x0=lo - timedelta(hours=12), x1=hi + timedelta(hours=12), fillcolor="#18864b",
            opacity=0.09, line_width=0, annotation_text=label, annotation_position="top left",
        )  # fmt: skip
    figure.add_hline(y=100, line_dash="dot", line_color="#9aa3b2", line_width=1)
    base_day = closes.index[base_at]
    title = f"{' vs '.join(window.symbols)}, indexed to 100 on {base_day:%b %d, %Y}"
    return style_figure(figure, title, "Indexed close")


def series_figure(store: MarketStore, window: Window, as_of: date | None) -> Any:
    go = plotly_go()
    values = store.closes(window.symbols, window.start - timedelta(days=60), None, as_of=as_of)
    figure = go.Figure()
    for i, symbol in enumerate(window.symbols):
        column = values[symbol].dropna()
        figure.add_trace(
            go.Scatter(x=column.index, y=column, name=symbol, mode="lines",
                       line={"width": 2.2, "color": PALETTE[i % len(PALETTE)]})
        )  # fmt: skip
    return style_figure(figure, f"{', '.join(window.symbols)} (values as stored)", "Value")


def sector_figure(source: DataSource) -> Any:
    """One bar per sector ETF, best on top, green up and red down."""
    returns = {s: r for s, v in source.values.items() if (r := _percent(v)) is not None}
    return bars_figure(returns, f"Sector ETF returns on {source.end}")


def bars_figure(returns: dict[str, float], title: str) -> Any:
    """One bar per symbol, highest on top, green up and red down."""
    go = plotly_go()
    ranked = sorted(returns.items(), key=lambda x: x[1])
    figure = go.Figure(
        go.Bar(
            x=[r for _, r in ranked], y=[s for s, _ in ranked], orientation="h",
            marker_color=[UP if r >= 0 else DOWN for _, r in ranked],
            text=[f"{r:+.2f}%" for _, r in ranked], textposition="outside",
            hovertemplate="%{y}: %{x:+.2f}%<extra></extra>",
        )
    )  # fmt: skip
    figure.update_xaxes(
        ticksuffix="%", zeroline=True, zerolinecolor="#9aa3b2", range=_bar_range(returns.values())
    )
    return style_figure(figure, title, "", legend=False)


LABEL_ROOM = 0.35  # of the bars' span, left beside the longest bar each way for its label


def _bar_range(values: Collection[float]) -> list[float]:
    """The value axis with room for each bar's label outside its end: plotly sized the axis
    to the bars alone, and the label of the longest falling bar ("-1.31%") was cut at the
    chart's left edge."""
    low, high = min(0.0, *values), max(0.0, *values)
    if low == high:
        return [-1.0, 1.0]
    room = (high - low) * LABEL_ROOM
    return [low - room if low < 0 else 0.0, high + room if high > 0 else 0.0]


def _ranked_returns(source: DataSource) -> dict[str, float]:
    """A measure's ranked percent figures by symbol (empty unless it ranked enough of them)."""
    if source.tool != "measure" or not any(f.measure == "rank" for f in source.facts):
        return {}
    ranks = {f.subject for f in source.facts if f.measure == "rank"}
    values = {f.subject: f.value for f in source.facts
              if f.subject in ranks and f.unit == "%" and f.measure != "rank"}  # fmt: skip
    return values if len(values) >= MIN_BARS else {}


def ranking_figure(source: DataSource) -> Any:
    """A measure's ranking as bars."""
    one_day = any(f.measure == "window_sessions" and f.value == 1 for f in source.facts)
    span = f"{source.end}" if one_day else f"{source.start} to {source.end}"
    return bars_figure(_ranked_returns(source), f"Ranked returns, {span}")


def _percent(text: str) -> float | None:
    try:
        return float(text.replace("%", "").replace("+", "").replace("\u2212", "-").strip())
    except ValueError:
        return None


def style_figure(figure: Any, title: str, y_title: str, legend: bool = True) -> Any:
    figure.update_layout(
        title={"text": title, "font": {"size": 15}},
        height=340, margin={"l": 10, "r": 10, "t": 48, "b": 10}, showlegend=legend,
        legend={"orientation": "h", "y": 1.02, "x": 1, "xanchor": "right", "yanchor": "bottom"},
        yaxis_title=y_title, hovermode="x unified" if legend else "closest",
    )  # fmt: skip
    if legend:
        figure.update_xaxes(rangebreaks=[{"bounds": ["sat", "mon"]}])
    return figure
