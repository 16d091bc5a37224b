"""The conversation kept in the session: one `Turn` per question, with what it produced."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

import streamlit as st

from copilot.answering.memory import Memory

if TYPE_CHECKING:
    from copilot.answer import Answer

HISTORY_KEY = "copilot.history"
MEMORY_KEY = "copilot.memory"


@dataclass
class Turn:
    """A question and its outcome: an answer (with charts) or a readable error."""

    id: int
    question: str
    as_of: date | None
    model: str = ""
    answer: Answer | None = None
    charts: list[Any] = field(default_factory=list)  # plotly figures, built once
    error: str | None = None
    hint: str | None = None


def history() -> list[Turn]:
    turns: list[Turn] = st.session_state.setdefault(HISTORY_KEY, [])
    return turns


def new_turn(question: str, as_of: date | None, model: str) -> Turn:
    turns = history()
    turn = Turn(id=len(turns) + 1, question=question, as_of=as_of, model=model)
    turns.append(turn)
    return turn


def clear() -> None:
    st.session_state[HISTORY_KEY] = []
    st.session_state[MEMORY_KEY] = Memory()


def memory() -> Memory:
    """What earlier turns settled (instruments, window, measure), for follow-ups ("and QQQ?",
    "what about the week before?"): the engine reads and extends it."""
    kept: Memory = st.session_state.setdefault(MEMORY_KEY, Memory())
    return kept
