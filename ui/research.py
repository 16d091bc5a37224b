"""The "Research this in depth" button on every chat answer (see `ui.actions`): it opens the
Research page with the answer's question as the topic and the answer's as-of date.

Kept light — it is imported on the first answer; the page itself is `ui.research_page`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from ui.actions import AnswerAction, register_answer_action
from ui.navigation import research_page
from ui.sidebar import AS_OF_KEY

if TYPE_CHECKING:
    from ui.conversation import Turn

TOPIC_KEY = "copilot.research.topic"
ACTION_KEY = "research"
ACTION_LABEL = "Research this in depth"


def research_this(turn: Turn) -> None:
    """Click callback: prefill the topic and the as-of date, then open the Research page."""
    st.session_state[TOPIC_KEY] = turn.question
    as_of = turn.answer.as_of if turn.answer is not None else turn.as_of
    if as_of is not None:
        st.session_state[AS_OF_KEY] = as_of
    st.switch_page(research_page())


register_answer_action(
    AnswerAction(
        key=ACTION_KEY,
        label=ACTION_LABEL,
        run=research_this,
        icon=":material/travel_explore:",
        help="Plan and write a cited, checked research report on this question.",
    )
)
