"""Language-model providers behind one interface (`LLM`, see `base.py`).

`make_llm(settings)` picks the provider named by `settings.llm_provider`:

* `local` — `LocalLLM`: the embedded GGUF (bundled Qwen2.5-Coder-1.5B-Instruct, or
  `local_model_path`), run in-process by llama-cpp-python;
* `openai` — `OpenAICompatLLM`: any OpenAI-compatible endpoint;
* `scripted` — not built from settings: tests construct a `ScriptedLLM` (see `testing.py`).

This package is the only place that imports provider SDKs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from copilot.errors import ConfigError
from copilot.llm.base import LLM, ChatMessage, LLMResponse, Role, TokenCallback, ToolCall
from copilot.llm.json_output import ModelOutputError, validate_json_output
from copilot.llm.model_files import ModelAssemblyError, ProgressCallback, ensure_local_model
from copilot.llm.scripted import ScriptedLLM, ScriptedTurn
from copilot.llm.toolcalls import (
    MalformedToolCall,
    MalformedToolCallError,
    ParsedToolCalls,
    parse_tool_calls,
)
from copilot.settings import Settings

if TYPE_CHECKING:
    from copilot.llm.local import LocalLLM
    from copilot.llm.openai_compat import OpenAICompatLLM

__all__ = [
    "LLM",
    "ChatMessage",
    "LLMResponse",
    "LocalLLM",
    "MalformedToolCall",
    "MalformedToolCallError",
    "ModelAssemblyError",
    "ModelOutputError",
    "OpenAICompatLLM",
    "ParsedToolCalls",
    "ProgressCallback",
    "Role",
    "ScriptedLLM",
    "ScriptedTurn",
    "TokenCallback",
    "ToolCall",
    "ensure_local_model",
    "make_llm",
    "parse_tool_calls",
    "validate_json_output",
]


def make_llm(settings: Settings, on_model_progress: ProgressCallback | None = None) -> LLM:
    """The provider `settings.llm_provider` names; `on_model_progress(done, total)` reports the
    one-time assembly of the bundled model file (bytes)."""
    if settings.llm_provider == "local":
        from copilot.llm.local import LocalLLM

        return LocalLLM.from_settings(settings, on_model_progress)
    if settings.llm_provider == "openai":
        from copilot.llm.openai_compat import OpenAICompatLLM

        return OpenAICompatLLM(settings)
    raise ConfigError(
        "llm_provider 'scripted' is for tests: build a ScriptedLLM with "
        "copilot.llm.testing.scripted(turns) instead of make_llm"
    )


def __getattr__(name: str) -> object:
    """`LocalLLM` and `OpenAICompatLLM` load their SDKs only when first used."""
    if name == "LocalLLM":
        from copilot.llm.local import LocalLLM

        return LocalLLM
    if name == "OpenAICompatLLM":
        from copilot.llm.openai_compat import OpenAICompatLLM

        return OpenAICompatLLM
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
