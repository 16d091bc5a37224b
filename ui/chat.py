"""The chat page: ask, watch the tools run, read a streamed, cited, checked answer."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import streamlit as st

from copilot.errors import ConfigError, ContextOverflowError, CopilotError, ProviderError
from ui import style
from ui.conversation import Turn, history, memory, new_turn
from ui.market_gate import StoreBusyError
from ui.resources import (
    UISettings,
    get_llm,
    get_settings,
    market_gate,
    model_progress,
    model_queue,
    news_store,
    start_warmup,
    store_summary,
)
from ui.runner import AskRun
from ui.safe import escape_markdown
from ui.sidebar import Controls, render_sidebar

if TYPE_CHECKING:
    from streamlit.elements.lib.mutable_status_container import StatusContainer

    from copilot.answer import AgentEvent

PENDING_KEY = "copilot.pending"
APP_ICON = Path(__file__).resolve().parent / "assets" / "icon.png"
USER_AVATAR = ":material/person:"
FLAGSHIP = "why did small caps rally?"
SUGGESTIONS = (
    FLAGSHIP,
    "How did the sector ETFs do on the latest day?",
    "How far is SPY above its 200-day average?",
)
PHASES = {
    "plan": "Planning which data to look up…",
    "write": "Writing the answer…",
    "repair": "Some figures did not check out: asking the model to fix them…",
}


def page(typed: str | None) -> None:
    """The chat page; `typed` is what the chat input (drawn first, see ui.navigation) returned."""
    style.inject()
    settings = get_settings()
    try:
        summary = store_summary()
    except StoreBusyError as exc:  # an import is writing: say so, and ask to come back
        st.title("Market Copilot", anchor=False)
        st.warning(escape_markdown(str(exc)), icon=":material/hourglass:")
        return
    question = typed or st.session_state.pop(PENDING_KEY, None)
    question = question.strip() if question else None
    controls = render_sidebar(settings, summary)
    st.title("Market Copilot", anchor=False)
    if summary.empty:
        first_run(settings, question)
        return
    st.caption(
        escape_markdown(f"Answering as of {controls.as_of} with {controls.choice.label()}.")
        + " Every figure is cited and checked; change the date or model in the sidebar."
    )
    turns = history()
    if turns:
        from ui.answer_view import render_turn  # not needed (nor imported) for the first page

        for turn in turns:
            with st.chat_message("user", avatar=USER_AVATAR):
                st.markdown(escape_markdown(turn.question))
            with st.chat_message("assistant", avatar=str(APP_ICON)):
                render_turn(turn)
    elif not question:
        suggestions()
    if question:
        ask(question, controls, settings)
    start_warmup()


def suggestions() -> None:
    st.markdown("**Try one of these:**")
    with st.container(horizontal=True, gap="small"):
        for i, text in enumerate(SUGGESTIONS):
            st.button(text, key=f"copilot.suggest.{i}", on_click=_queue, args=(text,))


def _queue(question: str) -> None:
    st.session_state[PENDING_KEY] = question


def first_run(settings: UISettings, question: str | None) -> None:
    """What to do when there is nothing to answer from yet (also the reply to a question)."""
    from ui.navigation import data_page

    if question:
        with st.chat_message("user", avatar=USER_AVATAR):
            st.markdown(escape_markdown(question))
    st.info(
        "**Welcome! There is no market data here yet.** Market Copilot answers only from data "
        "stored on this machine, so import some first — it takes a few seconds.",
        icon=":material/database:",
    )
    st.markdown(
        "Open the **Data** page to import a folder of CSV files (or download the default "
        "symbols online), or run from a terminal:"
    )
    shared = settings.shared_data_dir
    st.code(
        f"market-copilot ingest market {shared / 'market'}\n"
        f"market-copilot ingest news {shared / 'news'}",
        language="bash",
    )
    st.page_link(data_page(), label="Go to the Data page", icon=":material/arrow_forward:")


def ask(question: str, controls: Controls, settings: UISettings) -> None:
    """Answer `question` live: a status area for the tools, the streamed text, then the full
    rendering (which is also what every later rerun shows)."""
    from ui.answer_view import render_turn

    turn = new_turn(question, controls.as_of, controls.choice.label())
    with st.chat_message("user", avatar=USER_AVATAR):
        st.markdown(escape_markdown(question))
    with st.chat_message("assistant", avatar=str(APP_ICON)):
        slot = st.empty()
        with slot.container():
            _answer_live(turn, controls, settings)
        with slot.container():
            render_turn(turn)


def _answer_live(turn: Turn, controls: Controls, settings: UISettings) -> None:
    from copilot.agent import Copilot
    from copilot.sources import SourceLedger
    from copilot.tools import ToolDeps

    status = st.status(PHASES["plan"], expanded=True)
    gate = market_gate()
    try:
        llm = get_llm(controls.choice, model_progress(status))
        news = news_store()
        gate.acquire_read()
    except (CopilotError, FileNotFoundError) as exc:
        _fail(turn, exc, status)
        return
    store = None
    try:
        store = gate.open_reader()
    except CopilotError as exc:
        gate.release_read()
        _fail(turn, exc, status)
        return

    def cleanup() -> None:
        if store is not None:
            store.close()
        gate.release_read()

    deps = ToolDeps(settings, SourceLedger(), market=store, news=news, as_of=controls.as_of)
    queue = model_queue(controls.choice.label())
    engine = Copilot(deps, llm)
    run = AskRun(engine, turn.question, controls.as_of, cleanup, queue, memory()).start()
    st.write_stream(_tokens(run, status))
    if run.error is not None:
        if not isinstance(run.error, CopilotError | FileNotFoundError):
            raise run.error  # a bug: let it show as one
        _fail(turn, run.error, status)
        return
    turn.answer = run.answer
    turn.charts = _charts(turn)
    status.update(label="Done", state="complete", expanded=False)


def _tokens(run: AskRun, status: StatusContainer) -> Iterator[str]:
    """The answer's tokens as literal text; tool events go to the status area. Closed early
    (the session went away, or a rerun), it cancels the run so the model stops decoding."""
    try:
        for event in run.events():
            if event.kind == "token":
                yield escape_markdown(event.text)
            else:
                _show_event(event, status)
    finally:
        run.cancel()


def _show_event(event: AgentEvent, status: StatusContainer) -> None:
    if event.kind == "phase" and event.name == "queued":
        status.update(label=event.text)
    elif event.kind == "phase":
        status.update(label=PHASES.get(event.name, "Working…"))
    elif event.kind == "understood" and event.text:
        status.markdown("\n".join(f"- {escape_markdown(line)}" for line in event.text.splitlines()))
    elif event.kind == "tool_started":
        status.update(label=f"Running {event.name}…")
        status.markdown(f"→ `{event.name}`")
        status.code(json.dumps(event.arguments, default=str), language="json", wrap_lines=True)
    elif event.kind == "tool_finished" and event.error:
        status.caption(escape_markdown(event.text))


def _charts(turn: Turn) -> list[object]:
    from ui.charts import build_charts

    if turn.answer is None:
        return []
    try:
        with market_gate().reader() as store:
            return build_charts(turn.answer, store)
    except StoreBusyError:
        return []


def _fail(turn: Turn, exc: BaseException, status: StatusContainer) -> None:
    """Keep the error on the turn: `ask` renders the turn right after (rendered here too, the
    hint was shown twice under one error)."""
    turn.error = str(exc) or type(exc).__name__
    turn.hint = hint_for(exc)
    status.update(label="Could not answer", state="error", expanded=False)


def hint_for(exc: BaseException) -> str:
    if isinstance(exc, ContextOverflowError):  # reached, and told too much at once
        return (
            "The question's evidence was too long for the model's context: ask about fewer "
            "markets or a shorter period, or raise COPILOT_LOCAL_N_CTX."
        )
    if isinstance(exc, ProviderError):
        return (
            "The language model could not be reached or failed. Check the model settings in "
            "the sidebar (is the server running? is the model name right?), or switch to the "
            "embedded model."
        )
    if isinstance(exc, ConfigError):
        return "Check the settings (COPILOT_* environment variables or the .env file)."
    if isinstance(exc, StoreBusyError):
        return "Wait for the import to finish, then ask again."
    if isinstance(exc, FileNotFoundError):
        return "Import data on the Data page, then ask again."
    return "Try rephrasing the question, or pick another as-of date."
