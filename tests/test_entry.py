"""The console entry point starts the model's load before the imports, for `ask` only, and `ask`
takes it over only when its settings are the ones the load was started with."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from copilot import entry
from copilot.settings import Settings


class StandInLoad:
    """Records what `start_early_model` asked for; loads nothing."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.settings: Settings | None = Settings()
        self.built = threading.Event()
        self.built.set()
        self.llm: Any = object()


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[StandInLoad]:
    made: list[StandInLoad] = []

    def make(quiet: bool) -> StandInLoad:
        made.append(StandInLoad(quiet))
        return made[-1]

    monkeypatch.setattr(entry, "_EarlyLoad", make)
    monkeypatch.setattr(entry, "_early", None)
    return made


@pytest.mark.parametrize(
    ("argv", "quiet"),
    [
        (["market-copilot", "ask", "why did small caps rally?"], False),
        (["market-copilot", "ask", "why?", "--as-of", "2026-01-23", "--json"], True),
    ],
)
def test_ask_with_the_environments_settings_starts_the_load(
    started: list[StandInLoad], argv: list[str], quiet: bool
) -> None:
    entry.start_early_model(argv)
    assert [s.quiet for s in started] == [quiet]


@pytest.mark.parametrize(
    "argv",
    [
        ["market-copilot"],
        ["market-copilot", "research", "small caps"],
        ["market-copilot", "ui"],
        ["market-copilot", "ask", "why?", "--provider", "openai"],
        ["market-copilot", "ask", "why?", "--provider=openai"],
        ["market-copilot", "ask", "why?", "--model", "gpt-4o-mini"],
        ["market-copilot", "ask", "--help"],
    ],
)
def test_other_commands_or_changed_settings_start_nothing(
    started: list[StandInLoad], argv: list[str]
) -> None:
    entry.start_early_model(argv)
    assert started == []


def test_ask_takes_the_load_once_and_only_with_the_same_settings(
    started: list[StandInLoad],
) -> None:
    entry.start_early_model(["market-copilot", "ask", "why?"])
    assert entry.take_early_model(Settings()) is started[0].llm
    assert entry.take_early_model(Settings()) is None  # taken: a second ask loads its own
    entry.start_early_model(["market-copilot", "ask", "why?"])
    other = Settings().model_copy(update={"llm_provider": "openai"})
    assert entry.take_early_model(other) is None


def test_settings_that_do_not_validate_leave_the_load_to_ask(
    started: list[StandInLoad],
) -> None:
    entry.start_early_model(["market-copilot", "ask", "why?"])
    started[0].settings = None  # what the thread leaves when `Settings()` raised
    assert entry.take_early_model(Settings()) is None
