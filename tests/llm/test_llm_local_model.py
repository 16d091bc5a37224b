"""The real embedded model, in-process and behind `python -m copilot.llm.serve` (slow: marked).

Run with `pytest -m local_model tests/llm`. Prompts and `max_tokens` are kept small: CI runs
these on 2 CPU cores.
"""

from __future__ import annotations

import importlib.util
import json
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from langchain_core.messages import AIMessage, HumanMessage
from langchain_core.tools import tool

from copilot.errors import ProviderError
from copilot.llm.base import ChatMessage
from copilot.llm.chat_models import TextToolChatModel
from copilot.llm.json_output import validate_json_output
from copilot.llm.openai_compat import OpenAICompatLLM
from copilot.settings import Settings

pytestmark = pytest.mark.local_model

SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "symbol": {"type": "string"},
        "direction": {"type": "string", "enum": ["up", "down"]},
        "sessions": {"type": "integer"},
    },
    "required": ["symbol", "direction", "sessions"],
}
FACT = "Small caps (symbol: IWM) closed higher for 9 sessions in a row."


@pytest.fixture(scope="session")
def model_path(bundled_model_path: Path) -> Path:
    return bundled_model_path


@pytest.fixture(scope="session")
def local_llm(model_path: Path) -> Any:
    from copilot.llm.local import LocalLLM

    return LocalLLM(model_path, n_ctx=2048)


def test_local_model_stops_when_told_and_the_conversation_goes_on(local_llm: Any) -> None:
    from copilot.llm.base import STOPPED
    from copilot.sentences import after_sentences

    messages = [ChatMessage(role="user", content="Write four short sentences about the sea.")]
    deltas: list[str] = []
    first = local_llm.stream(messages, deltas.append, max_tokens=200,
                             stop_when=after_sentences(1))  # fmt: skip
    assert first.finish_reason == STOPPED
    assert "".join(deltas) == first.text
    assert first.text.strip().endswith((".", "!")) and first.text.count(". ") == 0
    whole = local_llm.stream(messages, lambda _t: None, max_tokens=200)
    assert whole.text.startswith(first.text.strip()) and len(whole.text) > len(first.text)
    # The stopped turn continues cleanly: its KV state matches the kept text.
    follow = [*messages, ChatMessage(role="assistant", content=first.text),
              ChatMessage(role="user", content="Now one sentence about rivers.")]  # fmt: skip
    assert local_llm.complete(follow, max_tokens=60).text.strip()


def test_local_model_answers_a_short_prompt(local_llm: Any) -> None:
    deltas: list[str] = []
    messages = [
        ChatMessage(role="system", content="Answer in at most five words."),
        ChatMessage(role="user", content="What is the capital of France?"),
    ]
    response = local_llm.stream(messages, deltas.append, max_tokens=12)
    assert "Paris" in response.text
    assert "".join(deltas) == response.text
    assert response.prompt_tokens > 10 and 0 < response.completion_tokens <= 12
    assert response.first_token_seconds is not None
    assert 0 < response.first_token_seconds <= response.seconds
    assert response.model == "qwen2.5-coder-1.5b-instruct-q4_k_m"
    assert local_llm.count_prompt_tokens(messages) == response.prompt_tokens
    repeat = local_llm.complete(messages, max_tokens=12)
    assert repeat.text == response.text  # temperature 0
    assert repeat.prompt_tokens == response.prompt_tokens
    assert repeat.completion_tokens == response.completion_tokens
    timings = local_llm.last_timings
    assert timings is not None
    assert timings.prompt_tokens_evaluated < response.prompt_tokens  # the KV prefix was reused


@pytest.fixture(scope="session")
def parallel_llm(model_path: Path) -> Any:
    from copilot.llm.local import LocalLLM

    return LocalLLM(model_path, n_ctx=2048, parallel=3)  # as the app loads it


def _capital_of(country: str) -> list[ChatMessage]:
    return [ChatMessage(role="system", content="Answer with the city's name only."),
            ChatMessage(role="user", content=f"What is the capital of {country}?")]  # fmt: skip


def test_conversations_decoded_together_each_answer_their_own(parallel_llm: Any) -> None:
    # Not compared with one-by-one answers token for token: a batch's arithmetic may break a
    # near-tie the other way. Each answer must be its own question's, and the cache sound.
    countries = ["France", "Japan", "Italy"]
    announced: dict[int, Any] = {}
    answers = parallel_llm.complete_parallel(
        [_capital_of(c) for c in countries], max_tokens=12, on_answer=announced.__setitem__
    )
    assert [announced[i] for i in range(3)] == answers  # each announced as it finished
    texts = [a.text for a in answers]
    assert "Paris" in texts[0] and "Tokyo" in texts[1] and "Rome" in texts[2], texts
    assert all(a.finish_reason == "stop" and 0 < a.completion_tokens <= 12 for a in answers)
    assert [a.prompt_tokens for a in answers] == [
        parallel_llm.count_prompt_tokens(_capital_of(c)) for c in countries
    ]
    # The cache holds the first prompt alone, as after a single call: the next one reuses the
    # shared system prompt and gets its own answer.
    assert parallel_llm._llama.n_tokens == answers[0].prompt_tokens
    after = parallel_llm.complete(_capital_of("Germany"), max_tokens=12)
    assert "Berlin" in after.text
    timings = parallel_llm.last_timings
    assert timings is not None and timings.prompt_tokens_evaluated < after.prompt_tokens


def test_conversations_decoded_together_each_stop_when_told(parallel_llm: Any) -> None:
    from copilot.llm.base import STOPPED
    from copilot.sentences import after_sentences

    topics = ["the sea", "mountains", "the desert", "rivers"]  # three together, then one alone
    asks = [[ChatMessage(role="user", content=f"Write four short sentences about {t}.")]
            for t in topics]  # fmt: skip
    answers = parallel_llm.complete_parallel(asks, max_tokens=120, stop_when=after_sentences(1))
    for topic, answer in zip(topics, answers, strict=True):
        text = re.sub(r"^\d\.\s+", "", answer.text.strip())  # it may number its sentences
        assert answer.finish_reason == STOPPED, text
        assert text.endswith((".", "!")) and text.count(". ") == 0, text
        assert topic.removeprefix("the ").rstrip("s")[:5] in text.lower(), text


def _asked(question: str) -> list[ChatMessage]:
    return [ChatMessage(role="system", content="Answer yes or no."),
            ChatMessage(role="user", content=question)]  # fmt: skip


def test_yes_no_probabilities_read_together_are_each_their_own(parallel_llm: Any) -> None:
    # The cause judge's reading (`copilot.claims.cause_judge`): the first answer token's
    # probabilities, three conversations evaluated together, then one alone.
    asked = ["Is Paris the capital of France?", "Is Rome the capital of France?",
             "Is Tokyo in Japan?", "Is Berlin in Spain?"]  # fmt: skip
    found = parallel_llm.yes_probabilities([_asked(q) for q in asked])
    assert found[0] > 0.8 and found[1] < 0.2 and found[2] > 0.8 and found[3] < 0.2, found
    alone = parallel_llm.yes_probabilities([_asked(asked[1])])
    assert abs(alone[0] - found[1]) < 0.05  # a batch's arithmetic differs only slightly
    # The cache holds the first prompt alone afterwards: the next call gets its own answer.
    after = parallel_llm.complete(_capital_of("Germany"), max_tokens=12)
    assert "Berlin" in after.text


def test_prompt_longer_than_the_context_is_a_provider_error(local_llm: Any) -> None:
    long = ChatMessage(role="user", content="IWM rose. " * 1200)
    with pytest.raises(ProviderError, match="COPILOT_LOCAL_N_CTX"):
        local_llm.complete([long], max_tokens=4)


def test_local_model_json_schema_output(local_llm: Any) -> None:
    messages = [
        ChatMessage(role="system", content=FACT),
        ChatMessage(role="user", content="Summarise the streak as JSON."),
    ]
    response = local_llm.complete(messages, json_schema=SCHEMA, max_tokens=40)
    value = validate_json_output(response.text, SCHEMA)
    assert value["symbol"] == "IWM"
    assert value["direction"] == "up"
    assert value["sessions"] == 9


@tool
def price_return(symbol: str, start: str, end: str) -> str:
    """Percent price return of a symbol between two dates (YYYY-MM-DD)."""
    return "unused"


def test_local_model_writes_a_parseable_tool_call(local_llm: Any) -> None:
    model = TextToolChatModel(llm=local_llm, max_tokens=60).bind_tools([price_return])
    reply = model.invoke(
        [HumanMessage("What was the return of IWM from 2026-01-02 to 2026-01-22?")]
    )
    assert isinstance(reply, AIMessage)
    assert not reply.invalid_tool_calls, reply.invalid_tool_calls
    assert [c["name"] for c in reply.tool_calls] == ["price_return"]
    args = reply.tool_calls[0]["args"]
    assert args["symbol"] == "IWM"
    assert (args["start"], args["end"]) == ("2026-01-02", "2026-01-22")


# -- the same model behind an OpenAI-compatible server ---------------------------------------

SERVER_MODULES = ("fastapi", "sse_starlette", "starlette_context", "uvicorn", "pydantic_settings")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def llama_server(model_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    missing = [m for m in SERVER_MODULES if importlib.util.find_spec(m) is None]
    if missing:
        pytest.skip(
            f"llama_cpp.server needs {', '.join(missing)}: "
            "pip install 'llama-cpp-python[server]==0.3.36'"
        )
    port = _free_port()
    log = tmp_path_factory.mktemp("llama-server") / "server.log"
    command = [
        sys.executable, "-m", "copilot.llm.serve", "--model", str(model_path),
        "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "1024",
        "--model_alias", "local-qwen",
    ]  # fmt: skip
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    base_url = f"http://127.0.0.1:{port}/v1"
    try:
        _wait_ready(process, base_url, log)
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_ready(process: subprocess.Popen[bytes], base_url: str, log: Path) -> None:
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = log.read_text(errors="replace")[-2000:]
            pytest.fail(f"llama_cpp.server exited with {process.returncode}:\n{tail}")
        try:
            if httpx.get(f"{base_url}/models", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    pytest.fail(f"llama_cpp.server not ready after 180 s:\n{log.read_text(errors='replace')}")


@pytest.fixture
def server_llm(llama_server: str, tmp_path: Path) -> OpenAICompatLLM:
    settings = Settings(
        llm_provider="openai",
        openai_base_url=llama_server,
        openai_model="local-qwen",
        llm_timeout_s=120,
        llm_max_retries=1,
        data_dir=tmp_path,
        _env_file=None,
    )
    return OpenAICompatLLM(settings)


def test_openai_provider_against_llama_cpp_server(server_llm: OpenAICompatLLM) -> None:
    messages = [
        ChatMessage(role="system", content="Answer in at most five words."),
        ChatMessage(role="user", content="What is the capital of France?"),
    ]
    deltas: list[str] = []
    streamed = server_llm.stream(messages, deltas.append, max_tokens=12)
    assert "Paris" in streamed.text
    assert "".join(deltas) == streamed.text
    assert streamed.first_token_seconds is not None
    assert streamed.model == "local-qwen"
    completed = server_llm.complete(messages, max_tokens=12)
    assert completed.text == streamed.text
    assert completed.prompt_tokens > 10 and completed.completion_tokens > 0


def test_openai_provider_json_schema_against_llama_cpp_server(
    server_llm: OpenAICompatLLM,
) -> None:
    messages = [
        ChatMessage(role="system", content=FACT),
        ChatMessage(role="user", content="Summarise the streak as JSON."),
    ]
    response = server_llm.complete(messages, json_schema=SCHEMA, max_tokens=40)
    assert json.loads(response.text)["sessions"] == 9
    validate_json_output(response.text, SCHEMA)


def test_system_prompt_snapshot_is_reused_by_a_new_process(
    model_path: Path, tmp_path: Path
) -> None:
    """A fresh model loads the saved KV state of the system prompt and evaluates only the rest,
    answering exactly as the model that computed it did."""
    from copilot.llm.local import LocalLLM

    system = ChatMessage(role="system", content=f"You answer in JSON. Known fact: {FACT}")
    question = ChatMessage(role="user", content="Which symbol, which direction, how many sessions?")
    first = LocalLLM(model_path, n_ctx=2048, snapshot_dir=tmp_path)
    assert first.prime([system]) == "computed"
    assert first.prime([system]) == "held"
    assert len(list(tmp_path.glob("*.kv"))) == 1
    expected = first.complete([system, question], json_schema=SCHEMA, max_tokens=40)
    full_prompt = expected.prompt_tokens
    del first

    second = LocalLLM(model_path, n_ctx=2048, snapshot_dir=tmp_path)
    assert second.prime([system]) == "loaded"
    reused = second.complete([system, question], json_schema=SCHEMA, max_tokens=40)
    assert reused.text == expected.text
    assert second.last_timings is not None
    assert second.last_timings.prompt_tokens_evaluated < full_prompt - 10
    # A different system prompt misses the snapshot and is computed (and saved) afresh.
    other = ChatMessage(role="system", content="Answer in French.")
    assert second.prime([other]) == "computed"
    assert len(list(tmp_path.glob("*.kv"))) == 2
