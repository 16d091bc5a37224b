"""A dated move asked about as undone: "has XLK made back its January 20 losses?", "did gold
erase the January 29 drop?", "how much of the selloff on Jan 20 has tech recovered?".

The window named is the move's day (or period), and measured alone it answered nothing: the
question is whether the market has since come back past where it stood before the move. So a
second call measures from the same base close (the last before the move) to the latest: at or
above it, a fall has been made back; at or below, a rise erased. Asked why ("what helped
regional banks recover from the January 20 selloff?"), the move explained is the one undoing
it: from the session after the named move to the latest (the named day's fall had been
explained)."""

from __future__ import annotations

from datetime import date

from copilot.understand.model import Understanding, Window
from copilot.understand.sessions import session_after
from copilot.understand.vocabulary import undid, undone_then


def since_the_move_call(result: Understanding, latest: date) -> None:
    """Add the move from the named move's base close to the latest, when one instrument's move
    over a dated window that ended before the latest close is asked about as undone."""
    way = undid(result.question)
    window, intent = result.window, result.intent
    if (
        way is None
        or undone_then(result.question)
        or len(result.calls) != 1
        or len(result.instruments) != 1
        or intent is None
        or (intent.measure, intent.rank) != ("return", "none")
        or result.each
        or window is None
        or not window.explicit
        or window.start is None
        or window.end is None
        or window.end >= latest
    ):
        return
    if result.why:
        after = session_after(window.end)
        label = f"since {window.label}, the move undoing it"
        result.calls = [result.calls[0].model_copy(
            update={"start": after, "end": None, "sessions": None})]  # fmt: skip
        result.window_restated(
            Window(start=after, end=None, label=label, explicit=True),
            f"window: {label} → from the {window.end.isoformat()} close to the latest close "
            f"({latest.isoformat()})",
            read_as=f"window: {window.label}",
        )
        result.trace.append(
            f"undone: the move explained is the one after it, from {after.isoformat()} to the "
            f"latest close ({latest.isoformat()})"
        )
        return
    result.calls.append(result.calls[0].model_copy(update={"end": latest, "sessions": None}))
    result.trace.append(
        f"undone: and the move from the same base close to the latest ({latest.isoformat()}), "
        f"which tells whether the {'fall' if way == 'up' else 'rise'} has been "
        f"{'made back' if way == 'up' else 'erased'}"
    )
