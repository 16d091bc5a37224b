"""A why-question's evidence: measure the move first, then read the news around it.

"Why did X move?" gets X's move over the window the question names — or, when it names none,
over the move that just happened (`copilot.market.recent_move`, which says why it chose that
window) — beside the S&P 500's over the same window, how many sessions in a row X beat it, and the
news published around the move (never after the as-of date). Direction matters: "why did gold
fall" looks for the fall.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Literal

import pandas as pd

from copilot.answering.anchor import anchored_move, own_measures
from copilot.answering.backdrop import moved_alongside, moved_with
from copilot.answering.gaps import names_missing
from copilot.answering.goes_on import since_call
from copilot.errors import CopilotError
from copilot.market.measure_model import MeasureArgs, Rank
from copilot.market.recent_move import (
    RecentMove,
    is_monthly,
    move_within,
    recent_move,
    span_words,
)
from copilot.market.symbols import is_yield, moves_against_stocks
from copilot.sentences import spoken_list
from copilot.tools import ToolDeps
from copilot.tools.measure_tool import compute
from copilot.understand.comparisons import direction_of
from copilot.understand.model import Understanding, Window

BENCHMARK = "SPY"
# Words that compare rather than move: "why did banks lag" can be asked of a smaller rise.
_RELATIVE = re.compile(
    r"\b(?:lag\w*|underperform\w*|outperform\w*|outpac\w*|beat\w*|best|worst|hardest|"
    r"strong\w*|weak\w*|held\s+up|hold\w*\s+up|trail\w*)\b",
    re.IGNORECASE,
)
MAX_SUBJECTS = 3
# Where one clause of a question ends and another, with a move of its own, begins: "why did
# platinum tank even though gold kept rising", "tech sank while utilities rallied".
_CONTRAST = re.compile(
    r"\b(?:even\s+though|even\s+as|although|though|while|whereas|but|despite|yet|and|"
    r"unlike|whilst)\b|[,;]",
    re.IGNORECASE,
)
_JOINS = {"and", ",", ";"}  # a clause they open shares the question's direction
# A gap shown as at most ±0.04 pp (it rounds to 0.0 at one decimal): no lead or lag to explain.
NEGLIGIBLE_GAP_PP = 0.05
# Words that say which of two did better: "why did the Nasdaq lag the S&P 500" claims it did worse.
_DID_WORSE = re.compile(r"\b(?:lag\w*|underperform\w*|trail\w*)\b", re.IGNORECASE)
# ("beating" left out: "which sector took a beating" is a fall, not a comparison)
_DID_BETTER = re.compile(r"\b(?:outperform\w*|outpac\w*|beat|beats)\b", re.IGNORECASE)


def why_calls(
    deps: ToolDeps, settled: Understanding, budget_tokens: int, max_drivers: int | None = None
) -> list[dict[str, Any]]:
    """The measure calls for the move and the news drivers around it (at most `max_drivers`
    articles sharing `budget_tokens`; default: the tool's own cap)."""
    store = deps.market
    named = [i.symbol for i in settled.instruments]
    ranking: dict[str, Any] | None = None
    rank = settled.intent.rank if settled.intent is not None else "none"
    if rank != "none" and len(named) > 1:
        # "Which sector took the biggest beating, and why?": the set ranked, then the move of
        # the one it asks about explained (was the first three of the set, alphabetically).
        first = _ranked_first(deps, settled, named, rank)
        if first is not None:
            ranking = {"symbols": named, "measure": "return", "rank": rank}
            named = [first]
    subjects = named[:MAX_SUBJECTS]
    spoken = list(subjects)  # as the question named them, the benchmark too
    if len(subjects) > 1 and BENCHMARK in subjects:
        subjects.remove(BENCHMARK)
    # "How far below its peak…, and what knocked it down?": the figure asked for is measured
    # and shown, and the move it points at (the fall since the peak) is the one explained.
    own = own_measures(settled.calls) if ranking is None else []
    move = _anchored(deps, settled, own, subjects[0]) if own else None
    # A ranking with no window named ranks the latest session (`_inside`): its first is
    # explained over that session too, never over a recent move of its own.
    move = move or _move(deps, settled, subjects[0], latest=ranking is not None)
    searched = subjects  # the instruments whose news is read
    if move is not None and ranking is None and len(spoken) > 1:
        # ("how is it possible that gold and stocks both rallied last week?" when SPY fell: the
        # benchmark the question named is held to its word too, though its news is not read)
        went = _went(deps, spoken, move)
        _any_against(settled, went)
        # "Why did platinum tank even though gold kept going?": gold's rise is measured and
        # said; its news is not searched for a fall it did not make. The move explained is the
        # first instrument's, whichever way it went: those that went its way are read.
        searched = [s for s in subjects if went.get(s) == move.direction] or subjects
    peers: list[str] = []
    if move is not None and len(searched) == 1:
        peers = moved_alongside(deps, searched[0], move.start, move.end)
        if peers:  # measured beside it, and their news read as its own
            settled.trace.append(f"peers: {searched[0]} moved with {', '.join(peers)}, the same "
                                 "way: their news is read as its own")  # fmt: skip
    window = {"start": move.start.isoformat(), "end": move.end.isoformat()} if move else {}
    proxy: str | None = None
    if move is None and settled.window_note and (asked := _news_window(settled)):
        # A monthly series with no observation in the days asked about is measured at their
        # end, so the tool says which observation stands for them (not "No window given").
        window = {"start": asked[0].isoformat(), "end": asked[1].isoformat()}
        proxy = _priced_proxy(deps, settled, subjects[0])
    priced = [s for s in subjects if store.table_of(s) == "bars"]
    # Held against the market the question names ("why did TLT outperform IEF?" was measured
    # against the S&P 500, and the gap asked about never shown), else against the S&P 500.
    versus = _versus(settled) if ranking is None else BENCHMARK
    named_versus = versus != BENCHMARK and versus in subjects
    compare = (
        bool(priced)
        and store.table_of(versus) is not None
        and (named_versus or versus not in subjects)
    )
    symbols = subjects + peers + ([versus] if compare and versus not in subjects else [])
    measured: dict[str, Any] = {"symbols": symbols, "measure": "return", **window}
    if compare:
        measured["versus"] = versus
    calls: list[dict[str, Any]] = [
        {"tool": "measure", "args": args.model_dump(mode="json", exclude_none=True)} for args in own
    ]
    calls.append({"tool": "measure", "args": measured})
    if proxy is not None:  # the daily prices of the bonds whose yield it is, over those days
        calls.append({"tool": "measure", "args": {"symbols": [proxy], "measure": "return",
                                                  **window}})  # fmt: skip
    if ranking is not None and move is not None:
        calls.insert(0, {"tool": "measure", "args": {**ranking, **window}})
    if move is not None and ranking is None and len(subjects) == 1:
        # "Is the small cap run still going?": the move since the run's last session, measured
        since = since_call(deps, settled, subjects[0], move.end)
        calls += [since] if since else []
    if len(priced) == 1 and move is not None and move.start < move.end:
        # The longest run inside the move's window: the run ending on its last session can be
        # 0 ("in January", asked the day after a lagging session) while the rally had 14. A
        # rise's run is of sessions beating the benchmark; a fall's, of sessions down ("XLU:
        # longest run of sessions beating SPY 1 session" said nothing of utilities' lag). A
        # one-day move has no run to tell.
        # Not for a gauge or a yield: "VIX: longest run of sessions beating SPY" compares a
        # fear gauge's daily change with stocks' return, which says nothing.
        # Nor under a lag asked about ("why did health care trail the market in the first half
        # of january?": XLV rose 1.40 % to SPY's 1.51 %, and "longest run of sessions beating
        # SPY 6 sessions" told the other side).
        lagged = _DID_WORSE.search(settled.question) is not None
        if move.direction == "up" and compare and not _moves_by_itself(priced[0]) and not lagged:
            streak = {"symbols": priced, "measure": "beat_streak", "versus": versus,
                      "aggregate": "max", **window}  # fmt: skip
            calls.append({"tool": "measure", "args": streak})
        elif move.direction == "down":
            streak = {"symbols": priced, "measure": "down_streak", "aggregate": "max", **window}
            calls.append({"tool": "measure", "args": streak})
    if deps.news is not None and move is not None:
        drivers = {"symbols": searched + peers, "direction": move.direction, **window,
                   "budget_tokens": budget_tokens}  # fmt: skip
        if settled.guess:
            drivers["guess"] = settled.guess
        if max_drivers is not None:
            drivers["max_drivers"] = max_drivers
        wider = moved_with(deps, searched[0], move.start, move.end) if len(searched) == 1 else []
        if wider:  # the day's wraps tell the market's cause and never name the sector
            drivers["backdrop"] = wider
            way = "the other way" if moves_against_stocks(searched[0]) else "the same way"
            settled.trace.append(f"backdrop: {searched[0]} moved with {', '.join(wider)}, {way}: "
                                 "articles on their move are read too")  # fmt: skip
        calls.append({"tool": "news_drivers", "args": drivers})
    if deps.news is not None and move is None and settled.window_note:
        # A monthly series with no observation in the days asked about ("what pushed treasury
        # yields up in the week of January 12?": the 10-year's monthly average): said so
        # (`_no_observation`), and the news of those days read for the way the question says
        # it went (both ways when it says none), as for a market the store lacks.
        calls += _news_of_the_days(settled, subjects, [], budget_tokens, max_drivers)
    return calls


# The stored fund whose daily prices move against a yield stored as a monthly average: "why
# did the 10 year yield climb in early january?" read the 10-year's monthly average, with no
# observation in those days, and the model wrote "rose from 2026-01-01 to 2026-01-10" over no
# measure at all. The 7-10 year Treasury fund's price over the same days is the move measured.
PRICE_OF_YIELD = {"US10Y": "IEF", "GS10": "IEF", "GS20": "TLT", "GS30": "TLT"}
# A move of the fund's price smaller than this says little of its yields' way: the interest it
# accrues and pays out moves the price by about a tenth of a percent in a week (IEF's price
# moves some 7 % per point of yield, so half a percent is about 7 bp).
FLAT_PRICE = 0.005


def _priced_proxy(deps: ToolDeps, settled: Understanding, subject: str) -> str | None:
    """The fund measured in place of a monthly yield over days it has no observation of, said
    in the window's note with the way its price went (in words: the figures are the measure's);
    None when the yield has none or the store lacks the fund."""
    proxy, asked = PRICE_OF_YIELD.get(subject), _news_window(settled)
    if proxy is None or asked is None or deps.market.table_of(proxy) != "bars":
        return None
    try:  # the measure tool's own move, the one the answer shows beside the note
        args = MeasureArgs(symbols=[proxy], measure="return", start=asked[0], end=asked[1])
        value = compute(deps, args).rows[0].value
    except (CopilotError, IndexError):
        return None
    if value is None:
        return None
    change = value / 100  # in %
    if abs(change) < FLAT_PRICE:
        went = ": its price barely moved over them, so the yields it holds changed little"
    elif change > 0:
        went = ": its price rose over them, so the yields it holds eased"
    else:
        went = ": its price fell over them, so the yields it holds rose"
    settled.window_note = (
        f"{settled.window_note.rstrip('.')}; {proxy}, a fund of the Treasuries that yield stands "
        f"for, whose price moves against it, is measured over those days instead{went}"
    )
    settled.trace.append(f"proxy: {subject} is monthly, so {proxy}'s daily closes measure the days")
    return proxy


def _moves_by_itself(symbol: str) -> bool:
    """Whether `symbol` is a fear gauge or a yield, whose moves beat no stock benchmark."""
    return moves_against_stocks(symbol) or is_yield(symbol)


@dataclass(frozen=True)
class _Move:
    start: date
    end: date
    direction: Literal["up", "down"]


def _anchored(
    deps: ToolDeps, settled: Understanding, own: list[MeasureArgs], subject: str
) -> _Move | None:
    """The move the first of the question's own measures that points at one points at (said
    in the trace), when it goes the question's way."""
    for args in own:
        anchor = anchored_move(deps, args, subject)
        # "How far above its trough is X, and why did it fall?": the rise since the trough is
        # not the fall asked about; the question's own window and word decide (`_move`).
        if anchor is not None and settled.direction in (None, anchor.direction):
            settled.trace.append(f"move: {anchor.reason}")
            return _Move(anchor.start, anchor.end, anchor.direction)
    return None


def _move(
    deps: ToolDeps, settled: Understanding, subject: str, latest: bool = False
) -> _Move | None:
    """The question's own window, else the recent move's (said in the trace), or with
    `latest` the latest session's, as dates."""
    try:
        values = deps.market.values(subject, as_of=deps.as_of).dropna()
    except CopilotError:
        return None
    if len(values) < 2:
        return None
    window = settled.window
    open_start = ""  # "before January 30, 2026": an end named, no start
    if (
        window is not None
        and window.explicit
        and window.start is None
        and window.end
        and not window.sessions
    ):
        # "Why did gold rally before the January 30 crash?": no start is named, so the move
        # explained is the recent one up to that end (the whole stored history is no move)
        values = values[values.index <= pd.Timestamp(window.end)]
        open_start, window = f"'{window.label}' names no start", None
        if len(values) < 2:
            return None
    if (window is not None and window.explicit) or latest:
        inside = _inside(values, settled)
        if len(inside) < 2:
            if window is not None:  # a monthly series: no observation of the days asked about
                settled.window_note = _no_observation(subject, values)
            return None
        change = float(inside.iloc[-1] / inside.iloc[0] - 1)
        start, end = inside.index[1].date(), inside.index[-1].date()
        if latest and settled.undated and window is None:
            # "who got hurt the most in the greenland selloff and why?" had been ranked over
            # the latest session and explained there, the event's words never said back
            settled.window_note = (
                f"The words '{settled.undated}' are not a period code can date, so the latest "
                f"session, {end}, is ranked and explained instead; to rank the event's days, "
                "name its day."
            )
        if change == 0:
            return _Move(start, end, settled.direction or "up")
        way: Literal["up", "down"] = "up" if change > 0 else "down"
        if _RELATIVE.search(settled.question) and settled.direction is not None:
            if _relative_premise(deps, settled, subject, start, end):
                return _Move(start, end, way)  # it did not lag: the move that happened
            if way == settled.direction or _went_its_way_relatively(deps, settled, subject,
                                                                    start, end):  # fmt: skip
                return _Move(start, end, settled.direction)  # "lagged" can be a smaller rise
            # "Why were utilities weak in mid-January?" when they rose and beat the market:
            # the word is wrong either way it is read, and is said to be, as below.
        loose = window is not None and window.loose
        if (
            loose
            and settled.direction == way
            and (inner := _understated(values, start, end, change))
        ):
            settled.trace.append(f"window: {inner.reason}")
            settled.window_note = _narrowed(subject, window, inner, against=False)
            return _Move(inner.start, inner.end, way)
        around = window is not None and window.around is not None
        # ("weak", "lagged": the whole period's standing, never a move inside it)
        plain = loose and not _RELATIVE.search(settled.question)
        if settled.direction not in (None, way) and (around or plain):
            # "What pushed transport stocks higher around Jan 21?" when the week around it
            # fell: the day was given loosely, so the rise inside it is the one asked about.
            # So with a part of a month ("what pushed oil lower in mid January?": WTI netted
            # +2.27% over Jan 12–20 and fell 4.38% on the 15th), when the move asked about is
            # at least the net move the other way; a smaller dip is no move to explain.
            inner = move_within(values, start, end, settled.direction)
            if inner is not None and (around or abs(inner.change) >= abs(change)):
                settled.trace.append(f"window: {inner.reason}")
                settled.window_note = _narrowed(subject, window, inner, against=True)
                return _Move(inner.start, inner.end, settled.direction)
        if settled.direction not in (None, way):
            # "Why did crude drop in mid-January?" when it rose: the news explains the move
            # that happened, and the answer says so first, in code's words.
            asked, did = ("fall", "rose") if way == "up" else ("rise", "fell")
            settled.direction_note = (
                f"{subject} did not {asked} over the period asked about: it {did}, as "
                "measured above."
            )
            settled.trace.append(f"direction: the question says {asked}; {subject} {did}")
        return _Move(start, end, way)
    # The default window ("the latest session's move") gives way to the move being explained.
    settled.trace[:] = [line for line in settled.trace if not line.startswith("window:")]
    # An event code cannot date ("since the rate cap news"): the recent move, said as a stand-in.
    undated = f"'{settled.undated}' is not a period code can date" if settled.undated else ""
    because = undated or open_start or "no period was named"
    recent = recent_move(values, settled.direction, because=because)
    if recent is None:
        settled.trace.append("window: no recent move in the asked direction")
        return None
    settled.trace.append(f"window: {recent.reason}")
    if undated:
        kind = "rise" if recent.change > 0 else "fall"
        settled.window_note = (
            f"The words {undated.replace(' is ', ' are ', 1)}, so {subject}'s most unusual recent "
            f"{kind} is explained instead: {span_words(recent)}; to measure from the event, name "
            "its day."
        )
    return _Move(recent.start, recent.end, "up" if recent.change > 0 else "down")


def _went(deps: ToolDeps, subjects: list[str], move: _Move) -> dict[str, Literal["up", "down"]]:
    """Which way each instrument went over the move's window, from the measure tool's own
    returns (the figures the answer shows); one that did not move or cannot be measured is
    left out."""
    args = MeasureArgs(symbols=subjects, measure="return", start=move.start, end=move.end)
    try:
        rows = compute(deps, args).rows
    except CopilotError:
        return {}
    return {r.symbol: "up" if r.value > 0 else "down" for r in rows if r.value}


def _any_against(settled: Understanding, went: dict[str, Literal["up", "down"]]) -> list[str]:
    """Each of several instruments that moved against the question's word for it over the
    move's window, said first as one would be: "Why did precious metals get hammered at the end
    of December?" when silver and platinum rose (gold alone fell). The word for an instrument is
    its own clause's ("why did platinum tank even though gold kept rising": gold's is "rising"),
    else the question's. Returns them (none: [])."""
    if settled.direction is None or _RELATIVE.search(settled.question):
        return []
    asked = _asked_directions(settled)
    claimed = {s: asked.get(s, settled.direction) for s in went}
    against = [s for s, way in went.items() if claimed[s] is not None and way != claimed[s]]
    if not against:
        return []
    ways = {claimed[s] for s in against}
    if len(ways) > 1:  # each against its own clause, both ways: no one sentence says it
        return against
    said_up = ways.pop() == "up"
    verb, did = ("rise", "fell") if said_up else ("fall", "rose")
    names = spoken_list(against)
    it = "they" if len(against) > 1 else "it"
    settled.direction_note = (
        f"{names} did not {verb} over the period asked about: {it} {did}, as measured above."
    )
    said = "direction: the question says"  # the first instrument's own line, if `_move` wrote it
    settled.trace[:] = [line for line in settled.trace if not line.startswith(said)]
    settled.trace.append(f"{said} {verb}; {names} {did}")
    return against


# A move inside the window this many times the window's own net move is the one asked about.
UNDERSTATED = 2.0


def _narrowed(subject: str, window: Window | None, inner: RecentMove, against: bool) -> str:
    """Code's words when a move inside the window named is the one explained (`against`: the
    window's net move went the other way): the answer's dates differ from the period asked,
    and the reader is told why ("tell me why biotech jumped in the first half of January":
    IBB netted +1.06%, the jump was January 6–7)."""
    kind = "rise" if inner.change > 0 else "fall"
    net = (
        ("fell" if kind == "rise" else "rose") + " on net"
        if against
        else f"netted a smaller {kind}"
    )
    label = f" ({window.label})" if window is not None else ""
    return (f"The days asked about{label} {net} for {subject}, so the {kind} inside them is the "
            f"one explained: {span_words(inner)}.")  # fmt: skip


def _understated(values: pd.Series, start: date, end: date, change: float) -> RecentMove | None:
    """The move inside [start, end] the window's net `change` understates: "why did silver
    collapse at the end of January?" measured -11.65% over Jan 21–30, a rally of 24% and the
    28.5% fall of Jan 30 netted out; the fall is the collapse asked about. None when no move
    the same way inside is `UNDERSTATED` times the net one. Used for a window named loosely
    ("the end of January"): a calendar period named outright ("October 2025") is measured
    whole."""
    way: Literal["up", "down"] = "up" if change > 0 else "down"
    inner = move_within(values, start, end, way)
    if inner is None or abs(inner.change) < UNDERSTATED * abs(change):
        return None
    span = f"{inner.start}" if inner.start == inner.end else f"{inner.start} to {inner.end}"
    return replace(inner, reason=(
        f"the days asked about netted {change * 100:+.2f}%, a move the other way inside them "
        f"offsetting it, so the {'rise' if way == 'up' else 'fall'} asked about is {span} "
        f"({inner.change * 100:+.2f}%)"
    ))  # fmt: skip


def _asked_directions(settled: Understanding) -> dict[str, Literal["up", "down"] | None]:
    """The direction the question gives each instrument in its own clause: "why did tech sink
    while utilities rallied" gives tech "down" and utilities "up". A clause without a move word
    inherits the question's direction ("why did gold and silver fall": gold's is "fall"),
    unless it sets the instrument against the move ("… even though gold kept going"): then the
    question claims nothing of it (None)."""
    text = settled.question
    cuts = list(_CONTRAST.finditer(text))
    asked: dict[str, Literal["up", "down"] | None] = {}
    for instrument in settled.instruments:
        at = text.lower().find(instrument.phrase.lower())
        if at < 0:
            continue
        opened = [c for c in cuts if c.start() <= at]
        start = opened[-1].start() if opened else 0
        end = next((c.start() for c in cuts if c.start() > at), len(text))
        way = direction_of(text[start:end])
        contrasted = bool(opened) and opened[-1].group(0).lower() not in _JOINS
        asked[instrument.symbol] = way if way is not None or contrasted else settled.direction
    return asked


def _relative_premise(
    deps: ToolDeps, settled: Understanding, subject: str, start: date, end: date
) -> bool:
    """Whether the question takes for granted a comparison the measures contradict ("why did
    the Nasdaq 100 lag the S&P 500" when it did better); if so, it is said first, in code's
    words, as a move that ran the other way is, and the news read is of the move that
    happened."""
    versus = _versus(settled)
    worse, better = _DID_WORSE.search(settled.question), _DID_BETTER.search(settled.question)
    ranked = settled.intent is not None and settled.intent.rank != "none"
    if versus == subject or bool(worse) == bool(better) or ranked:  # a ranking says its own
        return False
    try:  # the gap the answer shows ("+0.05 pp vs SPY"), from the measure tool itself
        args = MeasureArgs(symbols=[subject], measure="return", versus=versus, start=start, end=end)
        row = compute(deps, args).rows[0]
    except CopilotError:
        return False
    gap = row.difference
    if gap is None:
        return False
    if row.unit == "%" and abs(round(gap, 2)) < NEGLIGIBLE_GAP_PP:  # "-0.01 pp vs SPY"
        settled.direction_note = (
            f"{subject} and {versus} moved about the same over the period asked about "
            f"({gap:+.2f} pp), as measured above."
        )
        claim = worse or better
        assert claim is not None  # exactly one of the two, checked above
        said = claim.group(0).lower()
        settled.trace.append(
            f"comparison: the question says {subject} {said} {versus}; the gap is {gap:+.2f} pp"
        )
        return True
    if worse and gap > 0:
        said, did = worse.group(0).lower(), "better"
    elif better and gap < 0:
        said, did = better.group(0).lower(), "worse"
    else:
        return False
    settled.direction_note = (
        f"{subject} did not {_base_verb(said)} {versus} over the period asked about: it did "
        f"{did}, as measured above."
    )
    settled.trace.append(f"comparison: the question says {subject} {said} {versus}; it did {did}")
    return True


def _went_its_way_relatively(
    deps: ToolDeps, settled: Understanding, subject: str, start: date, end: date
) -> bool:
    """Whether `subject` did what the question's word says against the market, when it did not
    in itself: "weak" for a rise smaller than the S&P 500's, "strong" for a fall smaller than
    it; a ranking's word ("hardest") is its own. Unknown (no gap measured): taken as so."""
    versus = _versus(settled)
    if versus == subject or (settled.intent is not None and settled.intent.rank != "none"):
        return True
    gap = _gap(deps, subject, versus, start, end)
    return gap is None or (gap > 0) == (settled.direction == "up")


def _versus(settled: Understanding) -> str:
    """What the question compares its instrument with: its own word, else the S&P 500."""
    return settled.intent.versus if settled.intent and settled.intent.versus else BENCHMARK


def _gap(deps: ToolDeps, subject: str, versus: str, start: date, end: date) -> float | None:
    """The gap the answer shows ("+0.05 pp vs SPY"), from the measure tool itself."""
    try:
        args = MeasureArgs(symbols=[subject], measure="return", versus=versus, start=start, end=end)
        return compute(deps, args).rows[0].difference
    except (CopilotError, IndexError):
        return None


def _base_verb(word: str) -> str:
    """'lagged' → 'lag', 'underperforms' → 'underperform', 'outpaced' → 'outpace'."""
    for stem in ("underperform", "outperform", "outpace", "trail", "lag", "beat"):
        if word.startswith(stem):
            return stem
    return word


def _no_observation(subject: str, values: pd.Series) -> str:
    """Code's words when a sparse series has no observation inside the window asked about:
    "why did yields jump after the jobs numbers" read the 10-year's monthly average, whose
    latest value predates the report, and the answer showed it as if it were the move."""
    if not is_monthly(values):
        return ""
    # In words, with no figure or date: code's note is checked with the move's figures.
    return (
        f"{subject} is stored as a monthly series, with no observation inside the window asked "
        "about: the figures above are its latest observations, not a move over those days; a "
        "daily series of it would measure them"
    )


def _inside(values: pd.Series, settled: Understanding) -> pd.Series:
    """The closes of the question's explicit window, with the base close before it; the
    latest session's two closes when it names none."""
    window = settled.window
    if window is None or not window.explicit:
        return values.iloc[-2:]
    inside = values
    if window.end is not None:
        inside = inside[inside.index <= pd.Timestamp(window.end)]
    if window.sessions is not None:
        return inside.iloc[-(window.sessions + 1) :]
    if window.start is not None:
        before = inside[inside.index < pd.Timestamp(window.start)]
        inside = pd.concat([before.iloc[-1:], inside[inside.index >= pd.Timestamp(window.start)]])
    return inside


def _ranked_first(
    deps: ToolDeps, settled: Understanding, symbols: list[str], rank: Rank
) -> str | None:
    """The instrument a ranking question asks about: the first of the ranking the measure tool
    computes and shows ("which did best": the highest return; "which got hit hardest": the
    lowest) over the question's window, or the latest session when it names none. None when
    nothing can be measured."""
    try:
        inside = _inside(deps.market.values(symbols[0], as_of=deps.as_of).dropna(), settled)
        if len(inside) < 2:
            return None
        args = MeasureArgs(symbols=symbols, measure="return", rank=rank,
                           start=inside.index[1].date(), end=inside.index[-1].date())  # fmt: skip
        rows = compute(deps, args).rows
    except CopilotError:
        return None
    return rows[0].symbol if rows and rows[0].value is not None else None


def unmeasured_note(settled: Understanding) -> str:
    """Code's words for a why-question whose named market the store lacks but whose news can
    still be read ("why did natural gas surge in the week of January 19?", "what knocked the
    Dow lower on January 20?", "why did lumber fall on January 5?", a name no lookup knows):
    what is not measured and the command that would measure it. Empty when the question cannot
    be explained either (then it is refused as before): a problem with the question, or no
    dated window to search the news by."""
    if not settled.why or not settled.unknown or settled.problems:
        return ""
    if not settled.instruments and _news_window(settled) is None:
        return ""
    return names_missing(settled.unknown, "its move is not measured here")


def unmeasured_calls(
    settled: Understanding, budget_tokens: int, max_drivers: int | None = None
) -> list[dict[str, Any]]:
    """The news drivers of a move no stored prices can measure: searched by the question's
    dated window and its word for the direction (both ways when it has none: "what happened
    to Nvidia on January 20?"), under the names it used."""
    names = settled.unknown[:MAX_SUBJECTS]
    symbols = [name.symbol for name in names if name.symbol]
    return _news_of_the_days(settled, symbols, [name.phrase for name in names], budget_tokens,
                            max_drivers)  # fmt: skip


def _news_of_the_days(
    settled: Understanding,
    symbols: list[str],
    names: list[str],
    budget_tokens: int,
    max_drivers: int | None,
) -> list[dict[str, Any]]:
    """The news drivers of the question's own dated window, by its word for the direction
    (both ways when it has none); none without a dated window."""
    window = _news_window(settled)
    if window is None:
        return []
    calls: list[dict[str, Any]] = []
    for direction in [settled.direction] if settled.direction else ["up", "down"]:
        drivers: dict[str, Any] = {
            "symbols": symbols,
            "names": names,
            "direction": direction,
            "start": window[0].isoformat(),
            "end": window[1].isoformat(),
            "budget_tokens": budget_tokens,
        }
        if settled.guess:
            drivers["guess"] = settled.guess
        if max_drivers is not None:
            drivers["max_drivers"] = max_drivers
        calls.append({"tool": "news_drivers", "args": drivers})
    return calls


def _news_window(settled: Understanding) -> tuple[date, date] | None:
    """The question's own calendar dates (a window of sessions needs prices to date it)."""
    window = settled.window
    if window is None or not window.explicit:
        return None
    if window.start is None or window.start > settled.as_of:
        return None
    return window.start, min(window.end or settled.as_of, settled.as_of)  # None: "so far"


def narrow_loose_window(deps: ToolDeps, settled: Understanding) -> None:
    """A figure question about a loosely given day whose days ran the other way ("how much did
    oil fall around Jan 8?" when the week around it rose): its return calls measure the move
    the word names inside those days, as a why-question's do (said in the trace)."""
    window = settled.window
    if settled.why or window is None or window.around is None or settled.direction is None:
        return
    narrowed: list[MeasureArgs] = []
    for args in settled.calls:
        inner = _inner_move(deps, settled, args)
        if inner is not None:
            settled.trace.append(f"window: {args.symbols[0]}: {inner.reason}")
            args = args.model_copy(update={"start": inner.start, "end": inner.end})
        narrowed.append(args)
    settled.calls = narrowed


def _inner_move(deps: ToolDeps, settled: Understanding, args: MeasureArgs) -> RecentMove | None:
    """The move in the question's direction inside a return call's window, when the window as
    a whole moved the other way (else None)."""
    if args.measure != "return" or len(args.symbols) != 1 or args.start is None:
        return None
    assert settled.direction is not None  # checked by the caller
    try:
        values = deps.market.values(args.symbols[0], as_of=deps.as_of).dropna()
    except CopilotError:
        return None
    inside = _inside(values, settled)  # the window's closes with its base, as `_move` reads
    if len(inside) < 2:
        return None
    change = float(inside.iloc[-1] / inside.iloc[0] - 1)
    if change == 0 or (change > 0) == (settled.direction == "up"):
        return None
    end = inside.index[-1].date()
    return move_within(values, args.start, end, settled.direction)
