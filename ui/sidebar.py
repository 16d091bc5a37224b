"""The chat page's controls: the as-of date, the model, a new conversation, the notice."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import streamlit as st

from ui.conversation import clear
from ui.resources import (
    PROVIDERS,
    ModelChoice,
    StoreSummary,
    UISettings,
    default_choice,
    local_model_name,
)
from ui.safe import escape_markdown

AS_OF_KEY = "copilot.as_of"
# A widget's state is dropped on a page that does not draw it: the chosen date is kept here too,
# so Ask -> Data -> Research keeps it.
CHOSEN_AS_OF_KEY = "copilot.as_of.chosen"
OPENAI_URL = "https://api.openai.com/v1"
NOT_ADVICE = (
    "Market Copilot gives information, not investment advice. Every figure is computed from "
    "stored data or quoted from a stored article, cited, and checked."
)


@dataclass(frozen=True)
class Controls:
    as_of: date | None
    choice: ModelChoice


def initial_as_of(settings: UISettings, summary: StoreSummary) -> date:
    """`?as_of=YYYY-MM-DD` in the URL, else COPILOT_AS_OF, else the latest date the priced
    instruments share (not a later VIX or macro date), else the latest market date."""
    wanted = st.query_params.get("as_of")
    day: date | None = None
    if wanted:
        try:
            day = date.fromisoformat(wanted)
        except ValueError:
            day = None
    day = day or settings.as_of or summary.common or summary.last or date.today()
    if summary.first and day < summary.first:
        day = summary.first
    return min(day, date.today())


def data_span(summary: StoreSummary) -> str:
    """The stored span, and where the priced instruments end together when a longer series (the
    VIX to July) would make the span read as if every price ran that far."""
    span = f"Market data from {summary.first} to {summary.last}"
    if summary.common is not None and summary.common < (summary.last or summary.common):
        return f"{span}; every priced instrument has closes through {summary.common}."
    return f"{span}."


def render_sidebar(
    settings: UISettings, summary: StoreSummary, conversation: bool = True
) -> Controls:
    """The shared controls (the research page shows them too, without "New conversation")."""
    with st.sidebar:
        st.subheader("Answer as of" if conversation else "Research as of", divider="gray")
        if AS_OF_KEY not in st.session_state:
            chosen = st.session_state.get(CHOSEN_AS_OF_KEY)
            st.session_state[AS_OF_KEY] = chosen or initial_as_of(settings, summary)
        as_of = st.date_input(
            "As-of date", key=AS_OF_KEY, min_value=summary.first, max_value=date.today(),
            format="YYYY-MM-DD", help="Nothing after this date is visible to the tools or news.",
        )  # fmt: skip
        if isinstance(as_of, date):
            st.session_state[CHOSEN_AS_OF_KEY] = as_of
        if summary.last is not None:
            st.caption(data_span(summary))
        st.subheader("Model", divider="gray")
        choice = _model_choice(settings)
        if conversation:
            st.button("New conversation", on_click=clear, icon=":material/add_comment:")
        st.divider()
        st.caption(NOT_ADVICE)
    return Controls(as_of if isinstance(as_of, date) else None, choice)


def _model_choice(settings: UISettings) -> ModelChoice:
    default = default_choice(settings)
    options = list(PROVIDERS)
    if settings.llm_provider == "scripted":
        options.append("scripted")
    provider = st.selectbox(
        "Provider", options, index=options.index(default.provider), key="copilot.provider",
        format_func=lambda p: PROVIDERS.get(p, "Scripted (test hook)"),
    )  # fmt: skip
    if provider == "openai":
        return _openai_choice(settings)
    if provider == "local":
        name = local_model_name(settings)
        st.caption(f"`{name}` runs on this machine: no key, no network.")
        return ModelChoice("local", name)
    return ModelChoice(provider, provider)


def _openai_choice(settings: UISettings) -> ModelChoice:
    """The configured server, shown; a visitor may type another only where the settings allow
    it (COPILOT_UI_ALLOW_CUSTOM_ENDPOINT), and that one never gets the configured key."""
    configured = settings.openai_base_url or OPENAI_URL
    base_url = ""
    if settings.ui_allow_custom_endpoint:
        typed = st.text_input(
            "Server URL", value=configured, key="copilot.base_url",
            help="Any OpenAI-compatible endpoint: OpenAI, vLLM, Ollama, llama.cpp server. "
            "The configured API key is sent only to the configured server.",
        )  # fmt: skip
        base_url = typed.strip()
    else:
        st.caption(escape_markdown(f"Server: {configured}"))
    model = st.text_input("Model", value=settings.openai_model, key="copilot.model")
    if settings.openai_api_key is None:
        st.caption("No API key is set (COPILOT_OPENAI_API_KEY); local servers need none.")
    return ModelChoice("openai", model.strip(), base_url)
