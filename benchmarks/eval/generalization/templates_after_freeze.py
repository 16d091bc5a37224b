"""Templates added after the test half was frozen: pinned to dev (they never change test.jsonl).
They make sure the everyday words of issue #11 appear: "small caps", "banks", "chip stocks",
"gold", "since Dec 31". Standard library only."""

from __future__ import annotations

import random
from datetime import date, timedelta

from common import Ctx, Record, Template, numeric
from draw import move, session
from gold_rules import last_week, window
from phrasing import sentence

# The everyday name people use most for each (the registry maps them).
CASUAL = {"IWM": "small caps", "XLF": "banks", "SMH": "chip stocks", "GLD": "gold",
          "TLT": "long bonds", "XLE": "energy stocks"}  # fmt: skip


def since_year_end(ctx: Ctx, rng: random.Random) -> Record | None:
    symbol = rng.choice(list(CASUAL))
    as_of = session(ctx, rng, date(2026, 1, 7))
    name = CASUAL[symbol] if rng.random() < 0.7 else symbol
    verb = "have" if name.endswith("s") else "has"
    question = rng.choice([f"how much {'are' if verb == 'have' else 'is'} {name} up since Dec 31?",
                           f"{name} since December 31?",
                           f"What {verb} {name} returned since Dec 31, 2025?"])  # fmt: skip
    value = move(ctx, symbol, date(2026, 1, 1), as_of, as_of)
    return None if value is None else numeric(sentence(question), as_of, value, "%", [symbol])


def casual_names(ctx: Ctx, rng: random.Random) -> Record | None:
    symbol = rng.choice(list(CASUAL))
    as_of = session(ctx, rng, date(2025, 4, 1))
    name = CASUAL[symbol]
    span, start = rng.choice([
        ("so far this month", as_of.replace(day=1)),
        ("last week", last_week(as_of)[0]),
        ("over the past 3 weeks", None),
        ("this year", date(as_of.year, 1, 1)),
    ])  # fmt: skip
    if span == "last week":
        value = move(ctx, symbol, *last_week(as_of), as_of)
    elif start is None:  # "past 3 weeks": from the close on or before L - 21 days
        w = window(ctx.data[symbol], as_of - timedelta(days=20), as_of, as_of)
        value = None if w is None else (w.end[1] / w.base[1] - 1.0) * 100.0
    else:
        value = move(ctx, symbol, start, as_of, as_of)
    verb = "have" if name.endswith("s") else "has"
    asked = (
        f"how did {name} do {span}?" if span == "last week" else f"how {verb} {name} done {span}?"
    )
    question = rng.choice([asked, f"{name} {span}?", f"how did {name} do {span}"])
    return None if value is None else numeric(sentence(question), as_of, value, "%", [symbol])


TEMPLATES = [
    Template("since-dec-31", "move", since_year_end, pinned="dev"),
    Template("casual-names", "move", casual_names, pinned="dev"),
]
