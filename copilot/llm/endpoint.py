"""Which OpenAI-compatible endpoint a request may go to, and with which key.

The configured key (`COPILOT_OPENAI_API_KEY`) belongs to the configured server
(`COPILOT_OPENAI_BASE_URL`, default OpenAI): it is never sent anywhere else. An endpoint typed in
the UI is refused unless `COPILOT_UI_ALLOW_CUSTOM_ENDPOINT=true`, and even then it carries no
configured key (a visitor's URL could be their own listener, or an address inside the network).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from copilot.errors import ConfigError
from copilot.settings import Settings

OPENAI_DEFAULT_BASE_URL = "https://api.openai.com/v1"


def same_endpoint(a: str, b: str) -> bool:
    """The same server and path: scheme and host compared case-insensitively, default ports and a
    trailing slash ignored."""

    def key(url: str) -> tuple[str, str, int | None, str]:
        parts = urlsplit(url.strip())
        scheme = parts.scheme.lower()
        try:
            port = parts.port
        except ValueError:
            port = -1
        default = {"http": 80, "https": 443}.get(scheme)
        return (
            scheme,
            (parts.hostname or "").lower(),
            None if port == default else port,
            (parts.path.rstrip("/")),
        )

    return key(a) == key(b)


def configured_base_url(settings: Settings) -> str:
    return settings.openai_base_url or OPENAI_DEFAULT_BASE_URL


def settings_for_endpoint(settings: Settings, base_url: str, *, from_ui: bool) -> Settings:
    """`settings` aimed at `base_url` ("" = the configured one): the configured key only when it
    is the configured server; a different server from the UI only when allowed, keyless."""
    wanted = base_url.strip()
    if not wanted or same_endpoint(wanted, configured_base_url(settings)):
        return settings
    if from_ui and not settings.ui_allow_custom_endpoint:
        raise ConfigError(
            "custom model servers are off in this app; the administrator can set "
            "COPILOT_UI_ALLOW_CUSTOM_ENDPOINT=true (the configured key is never sent to them)."
        )
    parts = urlsplit(wanted)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"{wanted!r} is not a server URL; use e.g. http://localhost:8000/v1")
    return settings.model_copy(update={"openai_base_url": wanted, "openai_api_key": None})
