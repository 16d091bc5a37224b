"""Access control and error details: a token from settings, asked once per browser session and
required to bind beyond loopback; tracebacks only for a local browser."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import tomllib
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest
from ui_testkit import REPO, app

from copilot.safety.network import is_loopback

TOKEN = "t0ken-for-tests-8f3a"


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("localhost", True), ("::1", True), ("[::1]", True),
     ("127.8.9.10", True), ("0.0.0.0", False), ("::", False), ("192.168.1.5", False),
     ("example.com", False), ("", False)],
)  # fmt: skip
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_the_app_config_hides_tracebacks_and_binds_loopback() -> None:
    text = (REPO / "ui" / ".streamlit" / "config.toml").read_text(encoding="utf-8")
    settings = tomllib.loads(text)
    assert settings["client"]["showErrorDetails"] == "none"
    assert settings["server"]["address"] == "127.0.0.1"


@pytest.fixture
def token_env(market_env: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("COPILOT_UI_ACCESS_TOKEN", TOKEN)
    return market_env


def chat_inputs(at: AppTest) -> int:
    return len(at.chat_input)


def test_without_the_token_the_app_shows_nothing(token_env: Path) -> None:
    at = app()
    at.run()
    assert not at.exception and chat_inputs(at) == 0
    assert "needs its access token" in at.error[0].value
    at.query_params["token"] = "wrong-" + TOKEN
    at.run()
    assert chat_inputs(at) == 0 and "needs its access token" in at.error[0].value


def test_the_token_once_opens_the_session_and_leaves_the_url(token_env: Path) -> None:
    at = app()
    at.query_params["token"] = TOKEN
    at.run()
    assert not at.exception and chat_inputs(at) == 1 and not at.error
    assert "token" not in at.query_params
    at.run()  # the same session, later: no token in the URL any more, still in
    assert chat_inputs(at) == 1


@pytest.fixture
def bound_to_network() -> Iterator[None]:
    before = config.get_option("server.address")
    config.set_option("server.address", "0.0.0.0")
    yield
    config.set_option("server.address", before)


def test_bound_beyond_loopback_without_a_token_it_refuses(
    market_env: Path, bound_to_network: None
) -> None:
    at = app()
    at.run()
    assert chat_inputs(at) == 0 and "without access control" in at.error[0].value


def test_bound_beyond_loopback_with_a_token_it_asks_for_it(
    token_env: Path, bound_to_network: None
) -> None:
    at = app()
    at.run()
    assert chat_inputs(at) == 0 and "needs its access token" in at.error[0].value


def failing_page() -> None:
    from ui.guard import run_guarded

    def boom() -> None:
        raise RuntimeError("internal detail /srv/secret/path")

    run_guarded(boom)


def test_a_failure_shows_its_traceback_to_a_local_browser_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    local = AppTest.from_function(failing_page)
    local.run()
    assert "internal detail" in local.exception[0].message
    monkeypatch.setattr("ui.guard.browser_is_local", lambda: False)
    remote = AppTest.from_function(failing_page)
    remote.run()
    assert not remote.exception
    assert (
        remote.error[0].value == "Something went wrong on the server; the details are in its log."
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cli(args: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "copilot", "ui", *args], cwd=REPO, env=env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip


def test_the_real_command_refuses_a_network_bind_without_a_token(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COPILOT_")}
    env["COPILOT_DATA_DIR"] = str(tmp_path)
    done = cli(["--host", "0.0.0.0", "--port", str(free_port())], env)
    _, err = done.communicate(timeout=60)
    assert done.returncode == 1
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "COPILOT_UI_ACCESS_TOKEN" in lines[0], err


def test_the_real_server_starts_on_loopback_with_a_token(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COPILOT_")}
    env |= {"COPILOT_DATA_DIR": str(tmp_path), "COPILOT_UI_ACCESS_TOKEN": TOKEN}
    port = free_port()
    server = cli(["--host", "127.0.0.1", "--port", str(port)], env)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health") as r:
                    assert r.read() == b"ok"
                    break
            except OSError:
                assert server.poll() is None, server.communicate()[1]
                assert time.monotonic() < deadline, "the server did not start in 60 s"
                time.sleep(0.5)
    finally:
        server.terminate()
        server.wait(timeout=30)
