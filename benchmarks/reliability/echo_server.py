"""An OpenAI-compatible server on 127.0.0.1 that answers each question from its own prompt.

The browser-sessions corpus needs a model that several sessions share and whose every answer
can only have come from that session's question: this one reads the measured evidence lines of
the write prompt (`[n] GLD: return +11.30% over 10 sessions, from the 2026-01-08 close 411.49 to
the 2026-01-23 close 458.00.`) and writes them back as a sentence with their [n]. An answer that
crossed into another session would carry the other instrument and its figures. It streams word by
word with a small gap (a model that takes a while), and it records when each request came and
went, so the corpus can see that answers took turns on the one model.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from benchmarks.reliability.fault_server import answer_events, error_body

EVIDENCE_RE = re.compile(
    r"^\[(?P<n>\d+)\] (?P<symbol>[A-Z^.=-]+): return (?P<figure>[+\-−]?[\d.,]+%) over "
    r"(?P<sessions>\d+) sessions?, from the (?P<base_date>\d{4}-\d\d-\d\d) close "
    r"(?P<base>[\d.,]+) to the (?P<end_date>\d{4}-\d\d-\d\d) close (?P<end>[\d.,]+)\.",
    re.MULTILINE,
)


def answer_from_prompt(prompt: str) -> str | None:
    """One sentence per measured return in `prompt`, its figures copied with their [n]; None
    when the prompt holds no such line (a call this server does not know how to answer)."""
    sentences = [
        f"{m['symbol']} returned {m['figure']} [{m['n']}] over {m['sessions']} sessions, from "
        f"the {m['base_date']} close of {m['base']} [{m['n']}] to the {m['end_date']} close of "
        f"{m['end']} [{m['n']}]."
        for m in EVIDENCE_RE.finditer(prompt)
    ]
    return " ".join(sentences) or None


@dataclass
class Served:
    """One request: its question line, when it arrived and when its last byte went out."""

    question: str
    arrived: float
    finished: float = 0.0
    answered: bool = False


@dataclass
class EchoServer:
    word_gap_s: float = 0.03
    served: list[Served] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.httpd.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def handle(self) -> None:
                with suppress(ConnectionResetError):  # a client closed its kept-alive connection
                    super().handle()

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                with suppress(BrokenPipeError, ConnectionResetError):
                    server._answer(self, body)

        return Handler

    def _answer(self, handler: BaseHTTPRequestHandler, body: dict[str, Any]) -> None:
        prompt = str((body.get("messages") or [{}])[-1].get("content", ""))
        question = next((line for line in prompt.splitlines() if line.startswith("Question:")), "")
        record = Served(question.removeprefix("Question: "), time.monotonic())
        with self._lock:
            self.served.append(record)
        text = answer_from_prompt(prompt)
        if text is None or not body.get("stream"):
            data = error_body(f"echo server: no measured evidence in this prompt: {prompt[:80]!r}")
            _send(handler, 500, "application/json", [data])
        else:
            _send(handler, 200, "text/event-stream",
                  [f"data: {e}\n\n" for e in answer_events(text)], self.word_gap_s)  # fmt: skip
            record.answered = True
        record.finished = time.monotonic()


def _send(
    handler: BaseHTTPRequestHandler, status: int, kind: str, parts: list[str], gap_s: float = 0.0
) -> None:
    """`parts` in HTTP/1.1 chunked encoding, one chunk each, `gap_s` apart."""
    handler.send_response(status)
    handler.send_header("content-type", kind)
    handler.send_header("transfer-encoding", "chunked")
    handler.end_headers()
    for index, part in enumerate(parts):
        if index and gap_s:
            time.sleep(gap_s)
        data = part.encode()
        handler.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        handler.wfile.flush()
    handler.wfile.write(b"0\r\n\r\n")


@contextmanager
def echo_server(word_gap_s: float = 0.03) -> Iterator[EchoServer]:
    server = EchoServer(word_gap_s)
    thread = threading.Thread(target=server.httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.stopping.set()
        server.httpd.shutdown()
        server.httpd.server_close()
        thread.join(timeout=5)
