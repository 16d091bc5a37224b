"""The provider-fault matrix: `OpenAICompatLLM` against a misbehaving local server.

Every fault must end in an answer or a one-line `CopilotError` within its bound: the configured
timeout `llm_timeout_s` times the attempts (`llm_max_retries` + 1), plus the SDK's backoff
between attempts (at most 1 s each here), plus 1 s of slack for a loaded machine.

    python -m benchmarks.reliability.faults            # prints the Markdown table
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.reliability.fault_server import (
    Fault,
    FaultServer,
    answer_events,
    chunk,
    completion,
    error_body,
    fault_server,
)
from copilot.errors import CopilotError
from copilot.llm.base import ChatMessage
from copilot.llm.openai_compat import OpenAICompatLLM
from copilot.settings import Settings

TIMEOUT_S = 2.0
RETRIES = 1
BOUND_S = TIMEOUT_S * (RETRIES + 1) + RETRIES * 1.0 + 1.0
ANSWER = "Small caps rose for nine sessions in a row."
OVERFLOW = (
    "This model's maximum context length is 4096 tokens. However, you requested 9120 tokens "
    "(8608 in the messages, 512 in the completion). Please reduce the length of the messages."
)
SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"calls": {"type": "array", "items": {"type": "object"}}},
    "required": ["calls"],
}
ERROR_EVENT = 'event: error\ndata: {"error": {"message": "model worker crashed", "code": 500}}\n\n'
OVERFLOW_EVENT = (
    'data: {"error": {"message": "the request exceeds the available context size, try '
    'increasing it", "type": "exceed_context_size_error", "code": 400}}\n\n'
)


@dataclass(frozen=True)
class Case:
    name: str
    faults: tuple[Fault, ...]
    call: str  # "stream" | "complete" | "json"
    expect: str  # "answer", or a phrase the one-line error must contain


def _stream(*events: str, **kw: Any) -> Fault:
    return Fault(events=list(events), **kw)


CASES: tuple[Case, ...] = (
    Case("429 (rate limit), persistent", (Fault(429, error_body("Rate limit reached")),),
         "stream", "rate-limiting"),
    Case("429 then an answer", (Fault(429, error_body("Rate limit reached")),
                                _stream(*answer_events(ANSWER))), "stream", "answer"),
    Case("500, persistent", (Fault(500, error_body("internal error")),), "stream", "HTTP 500"),
    Case("500 then an answer", (Fault(500, error_body("internal error")),
                                _stream(*answer_events(ANSWER))), "stream", "answer"),
    Case("hang before answering", (Fault(delay_s=120),), "stream", "did not answer within"),
    Case("hang mid-stream", (_stream(*answer_events(ANSWER)[:2], *answer_events(ANSWER)[2:],
                                     gap_s=120),), "stream", "stalled mid-answer"),
    Case("slow stream (a word every 0.3 s)", (_stream(*answer_events(ANSWER * 3), gap_s=0.3),),
         "stream", "still streaming after"),
    Case("cut stream (server dies)", (_stream(*answer_events(ANSWER), cut_after=3),),
         "stream", "broke off mid-answer"),
    Case("stream ends without finishing", (_stream(*answer_events(ANSWER)[:3]),),
         "stream", "ended before the answer was finished"),
    Case("mid-stream error event", (Fault(raw_events=[f"data: {chunk('Small')}\n\n",
                                                      ERROR_EVENT]),),
         "stream", "reported an error mid-answer"),
    Case("malformed JSON in the stream", (_stream(chunk("Small"), "{not json", "[DONE]"),),
         "stream", "not valid JSON"),
    Case("chunk of the wrong shape", (_stream('{"choices": "oops"}', "[DONE]"),),
         "stream", "not a chat completion chunk"),
    Case("malformed JSON body", (Fault(body="<html>502 Bad Gateway</html>"),),
         "complete", "not JSON"),
    Case("JSON answer off its schema", (Fault(body=completion('{"plan": 1}')),),
         "json", "does not match the schema"),
    Case("invalid tool arguments (JSON that is not JSON)",
         (Fault(body=completion('{"calls": [{"tool": "streak", "args": {"symbol": ')),),
         "json", "not valid JSON"),
    Case("context overflow (HTTP 400)", (Fault(400, error_body(OVERFLOW,
                                                               "context_length_exceeded")),),
         "stream", "does not fit the context"),
    Case("context overflow (HTTP 400, JSON call)",
         (Fault(400, error_body(OVERFLOW, "context_length_exceeded")),),
         "json", "does not fit the context"),
    Case("context overflow (error event in stream)", (Fault(raw_events=[OVERFLOW_EVENT]),),
         "stream", "does not fit the context"),
)  # fmt: skip


@dataclass
class Outcome:
    case: Case
    seconds: float
    requests: int
    result: str  # "answer" | "error" | "crash"
    message: str

    @property
    def ok(self) -> bool:
        if self.seconds > BOUND_S or self.result == "crash" or "\n" in self.message:
            return False
        if self.case.expect == "answer":
            return self.result == "answer" and self.message == ANSWER
        return self.result == "error" and self.case.expect in self.message


def make_llm(base_url: str, data_dir: Path) -> OpenAICompatLLM:
    settings = Settings(
        llm_provider="openai", openai_base_url=base_url, openai_model="fault-model",
        llm_timeout_s=TIMEOUT_S, llm_max_retries=RETRIES, data_dir=data_dir, _env_file=None,
    )  # fmt: skip
    return OpenAICompatLLM(settings)


def run_case(server: FaultServer, case: Case, data_dir: Path) -> Outcome:
    server.play(*case.faults)
    llm = make_llm(server.base_url, data_dir)
    messages = [ChatMessage(role="user", content="Why did small caps rally?")]
    calls: dict[str, Callable[[], str]] = {
        "stream": lambda: llm.stream(messages, lambda _t: None).text,
        "complete": lambda: llm.complete(messages).text,
        "json": lambda: json.dumps(llm.complete(messages, json_schema=SCHEMA).text),
    }
    started = time.perf_counter()
    try:
        text, result = calls[case.call](), "answer"
    except CopilotError as exc:
        text, result = str(exc), "error"
    except Exception as exc:  # what the matrix exists to catch: an unmapped exception
        text, result = f"{type(exc).__name__}: {exc}", "crash"
    return Outcome(case, time.perf_counter() - started, len(server.requests), result, text)


def run_matrix(data_dir: Path) -> list[Outcome]:
    with fault_server() as server:
        return [run_case(server, case, data_dir) for case in CASES]


def markdown(outcomes: list[Outcome]) -> str:
    lines = [
        f"Client settings: `llm_timeout_s={TIMEOUT_S:g}`, `llm_max_retries={RETRIES}`; bound "
        f"{BOUND_S:g} s (timeout × attempts + backoff + 1 s slack). Machine: "
        f"{platform.machine()}, {platform.python_version()}, 2 shared cores.",
        "",
        "| fault | requests | resolved in | outcome | ok | message (start) |",
        "|---|---:|---:|---|---|---|",
    ]
    for o in outcomes:
        shown = o.message.replace("|", "\\|")[:110]
        lines.append(f"| {o.case.name} | {o.requests} | {o.seconds:.2f} s | {o.result} | "
                     f"{'✓' if o.ok else '✗'} | {shown} |")  # fmt: skip
    good = sum(o.ok for o in outcomes)
    lines += ["", f"{good} of {len(outcomes)} faults resolved as expected within the bound."]
    return "\n".join(lines)


def main() -> None:
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__)
    parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print(markdown(run_matrix(Path(tmp))))


if __name__ == "__main__":
    main()
