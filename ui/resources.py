"""Everything heavy, created once per process with `st.cache_resource`: settings, the market
store gate, the news store (embedding model inside), the language models.

Test hooks (documented, read only here):

* in-process (`AppTest`): put an `LLM` (e.g. a `ScriptedLLM`) in
  `st.session_state[LLM_OVERRIDE_KEY]`; every question in that session uses it;
* out of process (the browser test, the benchmark): `COPILOT_LLM_PROVIDER=scripted` and
  `COPILOT_SCRIPTED_TURNS=turns.json` (a JSON list of turns: a string is a reply, an object
  `{"error": "…"}` raises a `ProviderError`); every question replays the whole list.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import streamlit as st
from pydantic import Field

from copilot.errors import ConfigError, ProviderError
from copilot.market.store_schema import common_date_sql
from copilot.settings import Settings
from ui.market_gate import MarketGate

if TYPE_CHECKING:
    from collections.abc import Callable

    from streamlit.elements.lib.mutable_status_container import StatusContainer

    from copilot.answering.model_queue import ModelQueue
    from copilot.llm.base import LLM

LLM_OVERRIDE_KEY = "copilot.llm_override"
PROVIDERS = {"local": "Embedded model (offline)", "openai": "OpenAI-compatible server"}


class UISettings(Settings):
    """The library settings plus the UI's test hook."""

    scripted_turns: Path | None = Field(
        None, description="Test hook: JSON list of turns replayed when llm_provider=scripted."
    )


@st.cache_resource(show_spinner=False)
def get_settings() -> UISettings:
    """Settings from the environment and `.env`, built once per process (with the network
    retry policy they set)."""
    from copilot.cli.common import configure_retries

    settings = UISettings()
    configure_retries(settings)
    return settings


@st.cache_resource(show_spinner=False)
def _gate(path: str) -> MarketGate:
    return MarketGate(Path(path))


def market_gate() -> MarketGate:
    return _gate(str(get_settings().market_db_path.resolve()))


@dataclass(frozen=True)
class StoreSummary:
    """What the chat page needs to know about the market store (read without pandas)."""

    first: date | None
    last: date | None
    symbols: int
    common: date | None = None  # the latest date the priced instruments share: the default

    @property
    def empty(self) -> bool:
        return self.symbols == 0


_SUMMARY_SQL = """
SELECT min(first), max(last), sum(n) FROM (
    SELECT min(date) AS first, max(date) AS last, count(DISTINCT symbol) AS n FROM bars
    UNION ALL SELECT NULL, NULL, count(DISTINCT symbol) FROM series)
"""


@st.cache_data(show_spinner=False, max_entries=16)
def _summary(path: str, stamp: tuple[int, int]) -> StoreSummary:
    import duckdb

    try:
        rows = _gate(path).fetch(_SUMMARY_SQL)
    except duckdb.CatalogException:  # a file without our tables
        rows = []
    first, last, count = rows[0] if rows else (None, None, 0)
    common = _gate(path).fetch(common_date_sql(False))[0][0] if rows else None
    return StoreSummary(
        first if isinstance(first, date) else None,
        last if isinstance(last, date) else None,
        int(count) if isinstance(count, int | float) else 0,
        common if isinstance(common, date) else None,
    )


def store_summary() -> StoreSummary:
    """Cached until the store file changes."""
    gate = market_gate()
    if not gate.exists():
        return StoreSummary(None, None, 0)
    wal = gate.path.with_name(gate.path.name + ".wal")
    stamp = (gate.path.stat().st_mtime_ns, wal.stat().st_mtime_ns if wal.exists() else 0)
    return _summary(str(gate.path), stamp)


def _news_key(settings: Settings) -> str:
    where = settings.chroma_host or str(settings.news_path.resolve())
    return f"{where}:{settings.chroma_port}/{settings.news_collection}/{settings.embedding_model}"


@st.cache_resource(show_spinner=False, validate=lambda store: store is not None)
def _news_store(key: str, _settings: Settings) -> Any:
    import copilot.tools.news  # noqa: F401  (registers the search_news tool)
    from copilot.runtime import open_news

    return open_news(_settings)


def news_store() -> Any:
    """The news store (its embedding model loaded once), or None when nothing is ingested."""
    settings = get_settings()
    return _news_store(_news_key(settings), settings)


def forget_news_store() -> None:
    """After an ingest: the next use reopens the store."""
    _news_store.clear()


@dataclass(frozen=True)
class ModelChoice:
    provider: str
    model: str = ""
    base_url: str = ""

    def label(self) -> str:
        if self.provider == "openai":
            return f"{self.model} at {self.base_url or 'the configured server'}"
        return self.model or self.provider


def default_choice(settings: UISettings) -> ModelChoice:
    if settings.llm_provider == "openai":
        return ModelChoice("openai", settings.openai_model, settings.openai_base_url or "")
    if settings.llm_provider == "scripted":
        return ModelChoice("scripted", "scripted")
    return ModelChoice("local", local_model_name(settings))


BUNDLED_MODEL = "bundled Qwen2.5-Coder-1.5B-Instruct"


def local_model_name(settings: Settings) -> str:
    """A label for the local model (without importing the model code: the first page must be
    quick)."""
    if settings.local_model_path is not None:
        return settings.local_model_path.name
    return BUNDLED_MODEL


@st.cache_resource(show_spinner=False, max_entries=4)
def _llm(provider: str, model: str, base_url: str, _settings: Settings) -> LLM:
    from copilot.llm import make_llm
    from copilot.llm.endpoint import settings_for_endpoint

    settings = _settings.model_copy(update={"llm_provider": provider})
    if provider == "openai":  # the configured key goes to the configured server only
        settings = settings_for_endpoint(settings, base_url, from_ui=True)
        settings = settings.model_copy(update={"openai_model": model})
    return make_llm(settings)


def model_progress(status: StatusContainer) -> Callable[[int, int], None]:
    """A progress bar in `status` while the embedded model is assembled (first run only)."""
    bar = None

    def on_progress(done: int, total: int) -> None:
        nonlocal bar
        text = "Preparing the embedded model (first run only)…"
        if bar is None:
            bar = status.progress(0.0, text=text)
        bar.progress(min(done / total, 1.0) if total else 0.0, text=text)

    return on_progress


def get_llm(choice: ModelChoice, on_progress: Callable[[int, int], None] | None = None) -> LLM:
    """The model for `choice`: the session's test override, a scripted model from the test hook,
    or the process-wide cached provider (the local model is assembled on first use)."""
    override: LLM | None = st.session_state.get(LLM_OVERRIDE_KEY)
    if override is not None:
        return override
    settings = get_settings()
    if choice.provider == "scripted":
        return scripted_from_file(settings.scripted_turns)
    if choice.provider == "local":
        from copilot.llm.model_files import ensure_local_model

        ensure_local_model(settings, on_progress)  # quick when the verified file exists
    return _llm(choice.provider, choice.model, choice.base_url, settings)


def scripted_from_file(path: Path | None) -> LLM:
    """A fresh `ScriptedLLM` replaying the turns in `path` (the out-of-process test hook)."""
    from copilot.llm.scripted import ScriptedLLM, ScriptedTurn

    if path is None or not path.is_file():
        raise ConfigError(
            "llm_provider 'scripted' needs COPILOT_SCRIPTED_TURNS=<a JSON file of turns>."
        )
    raw = json.loads(path.read_text(encoding="utf-8"))
    turns: list[ScriptedTurn] = [
        ProviderError(str(t["error"])) if isinstance(t, dict) else str(t) for t in raw
    ]
    return ScriptedLLM(turns, model_id="scripted")


WARMUP_DELAY_S = 2.0  # let the first page reach the browser before competing for the CPU
_WARM_MODULES = (
    "copilot.agent",
    "copilot.tools",
    "copilot.render",
    "copilot.tools.news",
    "ui.answer_view",
    "ui.charts",
)


@st.cache_resource(show_spinner=False)
def start_warmup() -> threading.Thread:
    """Once per process, shortly after the first page is drawn: import what the first question
    needs in the background, so the page is interactive first and the first answer is quicker."""

    def warm() -> None:
        import importlib
        import time

        time.sleep(WARMUP_DELAY_S)
        for name in _WARM_MODULES:
            try:
                importlib.import_module(name)
            except ImportError:  # an optional part (e.g. the news side) is not installed
                continue

    thread = threading.Thread(target=warm, name="copilot-warmup", daemon=True)
    thread.start()
    return thread


@st.cache_resource(show_spinner=False, max_entries=8)
def model_queue(model_label: str) -> ModelQueue:
    """One FIFO queue per model, shared by every browser session of this process."""
    from copilot.answering.model_queue import ModelQueue

    return ModelQueue()
