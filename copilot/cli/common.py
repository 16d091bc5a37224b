"""Helpers shared by the CLI commands: settings at the edge, opening stores, dates."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import typer

from copilot.errors import ConfigError
from copilot.market.store import MarketStore
from copilot.settings import Settings


def load_settings() -> Settings:
    """Settings from the environment and `.env`, built once at the entry point (which also sets
    the network retry policy from them)."""
    settings = Settings()
    configure_retries(settings)
    return settings


def configure_retries(settings: Settings) -> None:
    from copilot.retry import RetryPolicy, configure

    configure(RetryPolicy(attempts=settings.http_retries, max_s=settings.http_retry_max_s))


def open_market(
    settings: Settings,
    read_only: bool = True,
    wait_s: float | None = None,
    on_wait: Callable[[str], None] | None = None,
) -> MarketStore:
    """The market store; a busy store is waited for, then a one-line `StoreLockedError`."""
    return MarketStore.open(
        settings.market_db_path, read_only=read_only, wait_s=wait_s, on_wait=on_wait
    )


def parse_day(value: str | None, option: str) -> date | None:
    """A YYYY-MM-DD option value, or a clear usage error."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        message = f"{value!r} is not a date; use YYYY-MM-DD."
        raise typer.BadParameter(message, param_hint=option) from None


def require(condition: bool, message: str) -> None:
    if not condition:
        raise ConfigError(message)
