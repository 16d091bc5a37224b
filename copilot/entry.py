"""The console entry point (`market-copilot`, `python -m copilot`).

A fresh `market-copilot ask` spends ~2.6 s (2-core machine) importing chromadb, pandas and the
rest before `ask` runs; the embedded model's load (~1.5 s, mostly in C, which frees the GIL)
used to start only then and could keep the first model call waiting. For `ask` with the
settings' own provider, the load starts here, first thing, in a background thread, and runs on
the other core beside the imports; `ask` takes it over (`take_early_model`) when its settings
are the ones the load was started with. Any option that changes the provider or the model, or
`--help`, leaves the load to `ask`.
"""

from __future__ import annotations

import sys
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from copilot.llm.base import LLM
    from copilot.settings import Settings

# Options after which the settings `ask` builds are not the environment's own.
_OWN_SETTINGS_CHANGED = ("--provider", "--model", "--help")
_SETTINGS_WAIT_S = 60.0


class _EarlyLoad:
    """The model loading from the environment's settings (read in the thread, as `ask` reads
    them); `settings` is set, or left None when they do not validate, before `built` is."""

    def __init__(self, quiet: bool) -> None:
        from copilot.llm.loading import LoadingLLM

        self.quiet = quiet
        self.settings: Settings | None = None
        self.built = threading.Event()
        self.llm = LoadingLLM(self._load)

    def _load(self) -> LLM:
        try:
            from copilot.settings import Settings

            self.settings = settings = Settings()
        finally:
            self.built.set()  # a settings error is reported by `ask`'s own reading of them
        from copilot.model_progress import make_llm_with_progress

        return make_llm_with_progress(settings, self.quiet)


_early: _EarlyLoad | None = None


def start_early_model(argv: list[str]) -> None:
    """Start loading the model when `argv` runs `ask` with the environment's settings."""
    global _early
    args = argv[1:]
    if not args or args[0] != "ask":
        return
    if any(a.split("=", 1)[0] in _OWN_SETTINGS_CHANGED for a in args[1:]):
        return
    _early = _EarlyLoad(quiet="--json" in args[1:])


def take_early_model(settings: Settings) -> LLM | None:
    """The model started by `start_early_model`, when it was started with `settings` (once)."""
    global _early
    early, _early = _early, None
    if early is None or not early.built.wait(_SETTINGS_WAIT_S) or early.settings != settings:
        return None  # (a load started with other settings runs on, unused)
    return early.llm


def run() -> None:
    start_early_model(sys.argv)
    from copilot.cli import run as run_cli

    run_cli()
