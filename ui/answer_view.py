"""One finished turn on the page: the answer with chips and marks, its sources, charts, checks
and actions — or the readable error it ended with."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import streamlit as st

from ui.actions import answer_actions
from ui.answer_html import MARKS, answer_html
from ui.safe import escape_markdown
from ui.sources_view import render_sources

if TYPE_CHECKING:
    from copilot.answer import Answer, NumberCheck, ReasonCheck, ToolCallRecord
    from ui.conversation import Turn

NOT_ADVICE = "Information, not investment advice."
INTERRUPTED = "This answer was stopped before it finished (a new question or page change)."


def render_turn(turn: Turn) -> None:
    """The assistant side of `turn` (inside its chat message)."""
    if turn.answer is None:
        render_error(turn.error or INTERRUPTED, turn.hint)
        return
    answer = turn.answer
    key = f"turn{turn.id}"
    render_tool_log(answer.tool_calls, answer.timings.get("total", 0.0))
    render_answer_body(answer)
    render_sources(answer, key)
    for i, figure in enumerate(turn.charts):
        st.plotly_chart(figure, key=f"{key}-chart-{i}", config={"displaylogo": False})
    render_checks(answer)
    for action in answer_actions():
        st.button(action.label, key=f"{key}-{action.key}", icon=action.icon, help=action.help,
                  on_click=action.run, args=(turn,))  # fmt: skip
    render_footer(answer)


def render_answer_body(answer: Answer) -> None:
    """The top warning when a number could not be checked, then the marked, cited answer."""
    from copilot.render import REMOVED_LABEL, warning_line

    warning = warning_line(answer)
    if warning:
        st.warning(escape_markdown(warning), icon=":material/warning:")
    if answer.understanding:
        with st.expander("How the question was read", icon=":material/manage_search:"):
            st.markdown("\n".join(f"- {escape_markdown(line)}" for line in answer.understanding))
    st.markdown(answer_html(answer), unsafe_allow_html=True)
    for sentence in answer.removed:  # a figure, day or direction in it does not hold up
        st.caption(f"{REMOVED_LABEL}: {escape_markdown(sentence)}")
    for premise in answer.premises:
        note = f"{premise.text} — {premise.mark_note()}"
        st.caption(f"The question's figure, corrected: {escape_markdown(note)}")


def render_error(message: str, hint: str | None) -> None:
    st.error(escape_markdown(message), icon=":material/error:")
    if hint:
        st.caption(escape_markdown(hint))


def render_tool_log(calls: list[ToolCallRecord], seconds: float) -> None:
    """What the tools did, collapsed (the live status area, as it ended)."""
    if not calls:
        return
    failed = sum(c.error for c in calls)
    label = f"Used {len(calls)} tool{'s' if len(calls) > 1 else ''} · {seconds:.1f} s"
    if failed:
        label += f" · {failed} returned an error"
    with st.status(label, state="complete", expanded=False):
        for call in calls:
            st.markdown(f"`{call.name}` · {call.seconds * 1000:.0f} ms")
            st.code(json.dumps(call.arguments, default=str), language="json", wrap_lines=True)
            if call.error:
                st.caption(escape_markdown(call.output))


def check_row(check: NumberCheck) -> dict[str, str]:
    """One figure's check as a table row: the number, its mark, the source and the fact it was
    checked against."""
    return {
        "number": check.text,
        "check": f"{MARKS[check.status][0]} {check.status}",
        "source": f"[{check.source}]" if check.source is not None else "",
        "checked against": check.mark_note(),
    }


def reason_row(reason: ReasonCheck) -> dict[str, str]:
    mark = "✓ supported" if reason.status == "supported" else "⚠ unsupported"
    if reason.judged is not None and reason.status == "supported":  # read again: how surely
        mark += f" (read again: p(yes) {reason.judged:.2f})"
    return {
        "number": reason.text if reason.kind == "superlative" else f"reason: {reason.text}",
        "check": mark,
        "source": f"[{reason.source}]" if reason.source is not None else "",
        "checked against": reason.evidence,
    }


def check_rows(answer: Answer) -> list[dict[str, str]]:
    v = answer.verification
    rows = [check_row(c) for c in sorted(v.numbers, key=lambda n: n.start)]
    return rows + [reason_row(r) for r in v.reasons]


def render_checks(answer: Answer) -> None:
    v = answer.verification
    if not v.numbers and not v.invalid_citations and not v.reasons:
        return
    counts = {s: sum(n.status == s for n in v.figures) for s in MARKS}
    label = (
        f"Checks: {len(v.figures)} figures — {counts['verified']} verified ✓, "
        f"{counts['moved']} moved ↪, {counts['derived']} derived ≈, "
        f"{counts['contradicted']} contradicted ✗, {counts['unverified']} unverified ?"
    )
    if v.unsupported:
        label += f"; {len(v.unsupported)} unsupported reason(s) ⚠"
    with st.expander(label, icon=":material/fact_check:"):
        if v.numbers or v.reasons:
            st.dataframe(check_rows(answer), hide_index=True, width="stretch")
        if v.invalid_citations:
            removed = ", ".join(f"[{n}]" for n in v.invalid_citations)
            st.caption(f"Removed citations that matched no source: {escape_markdown(removed)}")
        if v.repaired:
            st.caption("The model was asked once to fix figures that did not check out.")


def render_footer(answer: Answer) -> None:
    from copilot.render import summary_line

    st.caption(escape_markdown(f"{summary_line(answer)} · {NOT_ADVICE}"))
