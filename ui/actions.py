"""Buttons under an answer that other features contribute — the slot for "research this in
depth" that the deep-research feature fills.

Nothing is registered here, so no button is shown (never a dead button). A feature adds one by
calling `register_answer_action(...)` from a module `ui/research.py`: `answer_actions()` imports
that module when it exists.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.conversation import Turn

PLUGIN_MODULES = ("ui.research",)


@dataclass(frozen=True)
class AnswerAction:
    """A button on every answer; `run(turn)` is its click callback (script thread)."""

    key: str
    label: str
    run: Callable[[Turn], None]
    icon: str | None = None
    help: str | None = None


_ACTIONS: dict[str, AnswerAction] = {}
_loaded = False


def register_answer_action(action: AnswerAction) -> None:
    _ACTIONS[action.key] = action


def answer_actions() -> list[AnswerAction]:
    """The registered actions (after importing the feature modules that exist)."""
    global _loaded
    if not _loaded:
        _loaded = True
        for name in PLUGIN_MODULES:
            if importlib.util.find_spec(name) is not None:
                importlib.import_module(name)
    return list(_ACTIONS.values())
