"""The model fills only what code could not settle, through constrained JSON.

`copilot.understand` settles instruments, window and measure from the question's words. When one
of them stays open (no instrument or no measure word), the model is asked for exactly that slot,
with a JSON schema whose enums are the stored symbols and the measure names, and what code did
settle is stated to it as fact. Code then builds the measure calls from both.
"""

from __future__ import annotations

import json
from typing import Any, get_args

from pydantic import ValidationError

from copilot.market.measure_model import Aggregate, MeasureArgs, MeasureName
from copilot.understand.model import Understanding

NONE = "NONE"  # the model's way to say no stored instrument fits


def slot_schema(open_slots: list[str], symbols: list[str]) -> dict[str, Any]:
    """A JSON schema asking for exactly the open slots."""
    properties: dict[str, Any] = {}
    if "instruments" in open_slots:
        properties["symbols"] = {
            "type": "array",
            "items": {"enum": [*symbols, NONE]},
            "minItems": 1,
            "maxItems": 4,
        }
    if "window" in open_slots:  # a period words cannot date ("since the election")
        # [0-9], not \d: llama.cpp's schema-to-grammar converter turns "\d{4}" into the literal
        # text "\dddd" (and its C++ parser rejects the escape), so a date slot could not be filled.
        day = {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
        properties["start"] = day
        properties["end"] = day
    if "measure" in open_slots:
        properties["measure"] = {"enum": list(get_args(MeasureName))}
        properties["aggregate"] = {"enum": list(get_args(Aggregate))}
    return {"type": "object", "properties": properties, "required": list(properties)}


def settled_lines(understanding: Understanding) -> str:
    """What code settled, said to the model as fact (not as a hint it may override)."""
    return "\n".join(f"- {line}" for line in understanding.trace) or "- nothing"


def calls_from_slots(understanding: Understanding, reply: str) -> list[MeasureArgs] | None:
    """The measure calls from what code settled plus the model's JSON reply: None when the
    reply is not the JSON asked for (ask again), [] when it names no stored instrument."""
    try:
        filled = json.loads(reply)
    except ValueError:
        return None
    if not isinstance(filled, dict):
        return None
    symbols = [i.symbol for i in understanding.instruments]
    chosen = filled.get("symbols")
    if isinstance(chosen, list):
        symbols = [s for s in chosen if isinstance(s, str) and s != NONE] or symbols
    if not symbols:
        return []
    intent = understanding.intent
    window = understanding.window
    fields: dict[str, Any] = {
        "symbols": symbols,
        "measure": filled.get("measure") or (intent.measure if intent else "return"),
        "aggregate": filled.get("aggregate") or (intent.aggregate if intent else "last"),
    }
    if intent is not None:
        fields.update(rank=intent.rank, versus=intent.versus)
    if window is not None:
        fields.update(start=window.start, end=window.end, sessions=window.sessions)
    if "window" in understanding.open_slots:
        fields.update(start=filled.get("start"), end=filled.get("end"), sessions=None)
    try:
        return [MeasureArgs.model_validate(fields)]
    except ValidationError:
        return []


def guessed_window_note(undated: str, call: MeasureArgs) -> str:
    """Code's words for a window the model chose for an event code could not date: "which
    sector fell the most during the greenland selloff?" was answered over the model's guess
    of its days, and said to be the selloff's, every figure ✓ (session 63's app round)."""
    if call.start is not None and call.end is not None:
        days = f"{call.start}" if call.start == call.end else f"{call.start} to {call.end}"
    else:
        days = "the latest session"
    return (
        f"The words '{undated}' are not a period code can date: the figures above are over "
        f"{days}, the model's guess at its days, not checked against the event; to measure "
        "the event, name its day."
    )
