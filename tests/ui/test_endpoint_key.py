"""The configured API key goes to the configured server only. A visitor's "Server URL" is off
unless COPILOT_UI_ALLOW_CUSTOM_ENDPOINT=true, and then it gets no key. Checked with a real HTTP
listener on 127.0.0.1 that records the Authorization header of every request it receives."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import streamlit as st
import ui_flagship as flagship
from ui_testkit import app

from copilot.errors import ConfigError
from copilot.llm.endpoint import same_endpoint, settings_for_endpoint
from copilot.settings import Settings

SECRET = "sk-secret-configured-key-4242"
REPLY = {
    "id": "x", "object": "chat.completion", "created": 0, "model": "m",
    "choices": [{"index": 0, "finish_reason": "stop",
                 "message": {"role": "assistant", "content": "Hello."}}],
    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
}  # fmt: skip


class Listener:
    """An OpenAI-compatible stand-in that records each request's Authorization header."""

    def __init__(self) -> None:
        seen: list[str] = []
        self.seen = seen

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                seen.append(self.headers.get("Authorization", ""))
                self.rfile.read(int(self.headers.get("Content-Length", "0")))
                body = json.dumps(REPLY).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    server = Listener()
    yield server
    server.close()


def ui_llm(base_url: str, **settings: object):  # type: ignore[no-untyped-def]
    """The model the UI builds for a visitor's choice (the sidebar's path)."""
    from ui.resources import ModelChoice, UISettings, _llm

    configured = UISettings(  # type: ignore[call-arg]
        _env_file=None, llm_max_retries=0, llm_timeout_s=5, openai_api_key=SECRET, **settings
    )
    return _llm("openai", "m", ModelChoice("openai", "m", base_url).base_url, configured)


def ask(llm) -> None:  # type: ignore[no-untyped-def]
    llm.complete([{"role": "user", "content": "hi"}], max_tokens=5)


def test_a_visitor_url_is_refused_by_default_and_nothing_is_sent(listener: Listener) -> None:
    st.cache_resource.clear()
    with pytest.raises(ConfigError, match="COPILOT_UI_ALLOW_CUSTOM_ENDPOINT"):
        ask(ui_llm(listener.url, openai_base_url="https://api.configured.example/v1"))
    assert listener.seen == []


def test_an_allowed_visitor_url_never_gets_the_configured_key(listener: Listener) -> None:
    st.cache_resource.clear()
    llm = ui_llm(listener.url, openai_base_url="https://api.configured.example/v1",
                 ui_allow_custom_endpoint=True)  # fmt: skip
    ask(llm)
    assert len(listener.seen) == 1 and SECRET not in listener.seen[0]


def test_the_configured_server_gets_the_configured_key(listener: Listener) -> None:
    st.cache_resource.clear()
    ask(ui_llm(listener.url + "/", openai_base_url=listener.url))  # same server, trailing slash
    assert listener.seen == [f"Bearer {SECRET}"]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("https://API.openai.com/v1/", "https://api.openai.com:443/v1", True),
        ("http://127.0.0.1:8000/v1", "http://127.0.0.1:8001/v1", False),
        ("https://api.openai.com/v1", "http://api.openai.com/v1", False),
        ("https://api.openai.com/v1", "https://api.openai.com.evil.example/v1", False),
        ("https://api.openai.com/v1", "https://api.openai.com/v1@evil.example", False),
        ("https://api.openai.com/v1", "https://user@api.openai.com/v2", False),
    ],
)
def test_same_endpoint(a: str, b: str, same: bool) -> None:
    assert same_endpoint(a, b) is same


def test_the_cli_path_keeps_the_key_and_a_non_http_url_is_refused() -> None:
    settings = Settings(_env_file=None, openai_api_key=SECRET, ui_allow_custom_endpoint=True)  # type: ignore[call-arg]
    assert settings_for_endpoint(settings, "", from_ui=False) is settings
    with pytest.raises(ConfigError, match="not a server URL"):
        settings_for_endpoint(settings, "file:///etc/passwd", from_ui=True)


def test_the_sidebar_has_no_server_url_box_unless_allowed(
    market_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COPILOT_OPENAI_BASE_URL", "https://api.configured.example/v1")
    at = app()
    at.run()
    at.selectbox(key="copilot.provider").select("openai").run()
    assert "copilot.base_url" not in [t.key for t in at.text_input]
    assert any("api\\.configured\\.example" in c.value for c in at.caption)
    assert flagship.QUESTION  # the chat still works with the configured server (no visitor URL)


def test_an_allowed_box_takes_a_visitor_url_without_the_key(
    market_env: Path, monkeypatch: pytest.MonkeyPatch, listener: Listener
) -> None:
    monkeypatch.setenv("COPILOT_UI_ALLOW_CUSTOM_ENDPOINT", "true")
    monkeypatch.setenv("COPILOT_OPENAI_API_KEY", SECRET)
    monkeypatch.setenv("COPILOT_LLM_MAX_RETRIES", "0")
    at = app()
    at.run()
    at.selectbox(key="copilot.provider").select("openai").run()
    at.text_input(key="copilot.base_url").set_value(listener.url).run()
    at.chat_input[0].set_value(flagship.QUESTION).run()
    assert listener.seen and all(SECRET not in header for header in listener.seen)
