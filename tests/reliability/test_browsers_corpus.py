"""The browsers corpus's own parts, without a browser: the echo model answers each prompt from
its own evidence (through the real OpenAI-compatible client), and the judge fails an answer that
crossed into another session or lost its figure."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.reliability.browser_pages import Asked
from benchmarks.reliability.browsers import judge
from benchmarks.reliability.echo_server import EchoServer, Served, echo_server
from copilot.errors import CopilotError
from copilot.llm.base import ChatMessage
from copilot.llm.openai_compat import OpenAICompatLLM
from copilot.settings import Settings

PROMPT = """Question: How much did GLD return over the last 10 sessions?
Evidence:
[1] GLD: return +11.30% over 10 sessions, from the 2026-01-08 close 411.49 to the 2026-01-23 close 458.00.
"""  # noqa: E501


def client(base_url: str, data_dir: Path) -> OpenAICompatLLM:
    settings = Settings(llm_provider="openai", openai_base_url=base_url, openai_model="echo",
                        llm_max_retries=0, data_dir=data_dir, _env_file=None)  # fmt: skip
    return OpenAICompatLLM(settings)


def test_the_echo_model_writes_its_own_prompts_figures(tmp_path: Path) -> None:
    with echo_server(word_gap_s=0.0) as server:
        tokens: list[str] = []
        llm = client(server.base_url, tmp_path)
        reply = llm.stream([ChatMessage(role="user", content=PROMPT)], tokens.append)
        with pytest.raises(CopilotError):
            llm.stream([ChatMessage(role="user", content="Question: hi\n")], tokens.append)
    assert reply.text == (
        "GLD returned +11.30% [1] over 10 sessions, from the 2026-01-08 close of 411.49 [1] "
        "to the 2026-01-23 close of 458.00 [1]."
    )
    assert "".join(tokens).startswith(reply.text)
    assert next(s.question for s in server.served) == (
        "How much did GLD return over the last 10 sessions?"
    )
    assert server.served[0].answered and not server.served[-1].answered


def _asked(session: int, symbol: str, text: str) -> Asked:
    question = f"How much did {symbol} return over the last 5 sessions?"
    return Asked(session, symbol, 5, question, submitted=1.0, done=3.0, text=text, verified=4)


def test_the_judge_fails_a_crossed_or_wrong_answer(shared_data: Path) -> None:
    # GLD over the last 5 sessions to 2026-01-23 (Jan 19 a holiday): 423.33 (Jan 15) → 458.00
    prices = shared_data / "market" / "prices"
    own = _asked(0, "GLD", "GLD returned +8.19% [1] over 5 sessions.")
    crossed = _asked(1, "TLT", "GLD returned +8.19% [1] over 5 sessions.")
    model = EchoServer()
    model.served = [Served(own.question, 1.5, 3.0, True), Served(crossed.question, 3.1, 3.5, True)]
    rows = judge([own, crossed], model, prices)
    assert rows[0]["ok"] is True, rows[0]["checks"]
    assert rows[1]["checks"]["own instrument"] is False
    assert rows[1]["checks"]["figure from the CSV"] is False
    assert rows[1]["checks"]["queue label shown"] is False  # asked while GLD's answer ran
    assert rows[1]["ok"] is False
    model.httpd.server_close()
