"""The conversation kept in the session: one `Turn` per question, with what it produced."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

import streamlit as st

if TYPE_CHECKING:
    from copilot.answer import Answer

HISTORY_KEY = "copilot.history"
FOLLOW_UP_CONTEXT = 2  # earlier questions passed along with a follow-up


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


def engine_question(question: str, earlier: list[Turn]) -> str:
    """What the engine is asked. It answers one question at a time, so a follow-up ("and how
    long did that last?") carries the previous questions along, which lets the plan resolve
    what "that" is; the chat still shows only what the user typed."""
    previous = [t.question for t in earlier if t.answer is not None][-FOLLOW_UP_CONTEXT:]
    if not previous:
        return question
    context = "; ".join(f'"{q}"' for q in previous)
    return f"{question}\n(Follow-up in a conversation; earlier questions: {context})"
