"""A real HTTP server on 127.0.0.1 that misbehaves like a real OpenAI-compatible one can.

Each request to `/v1/chat/completions` takes the next `Fault` of the script (the last repeats).
Streams go out in HTTP/1.1 chunked encoding, one SSE event a chunk, so a server that dies
mid-answer (`cut_after`) looks on the wire exactly as it does in life: a body that stops.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

MODEL = "fault-model"


def chunk(content: str | None = None, finish: str | None = None) -> str:
    """One `chat.completion.chunk` as JSON."""
    delta = {} if content is None else {"content": content}
    return json.dumps({
        "id": "chatcmpl-fault", "object": "chat.completion.chunk", "created": 1, "model": MODEL,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    })  # fmt: skip


def answer_events(text: str) -> list[str]:
    """The SSE data payloads of a normal streamed answer, word by word, then [DONE]."""
    words = text.split(" ")
    deltas = [w if i == 0 else " " + w for i, w in enumerate(words)]
    return [chunk(d) for d in deltas] + [chunk(finish="stop"), "[DONE]"]


def completion(text: str) -> str:
    return json.dumps({
        "id": "chatcmpl-fault", "object": "chat.completion", "created": 1, "model": MODEL,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                     "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
    })  # fmt: skip


def error_body(message: str, code: str | None = None) -> str:
    return json.dumps({"error": {"message": message, "type": "error", "param": None, "code": code}})


@dataclass
class Fault:
    """What the server does with one request."""

    status: int = 200
    body: str = ""  # a whole (non-stream) body
    events: list[str] | None = None  # SSE data payloads: the answer is a stream
    raw_events: list[str] | None = None  # whole SSE events as written (e.g. `event: error`)
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0  # before the status line (a hang when long)
    gap_s: float = 0.0  # between stream events (a slow stream)
    cut_after: int | None = None  # send this many events, then drop the connection


class FaultServer:
    def __init__(self) -> None:
        self.script: list[Fault] = []
        self.requests: list[dict[str, Any]] = []
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                raw = self.rfile.read(length) if length else b""
                fault = server._next(raw)
                if fault.delay_s and server.stopping.wait(fault.delay_s):
                    return
                try:
                    if fault.events is None and fault.raw_events is None:
                        self._whole(fault)
                    else:
                        self._stream(fault)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def _whole(self, fault: Fault) -> None:
                data = fault.body.encode()
                self.send_response(fault.status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                for key, value in fault.headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(data)

            def _stream(self, fault: Fault) -> None:
                self.send_response(fault.status)
                self.send_header("content-type", "text/event-stream")
                self.send_header("transfer-encoding", "chunked")
                self.end_headers()
                events = fault.raw_events or [f"data: {e}\n\n" for e in fault.events or []]
                for index, event in enumerate(events):
                    if fault.cut_after is not None and index >= fault.cut_after:
                        self.wfile.flush()
                        self.connection.shutdown(socket.SHUT_RDWR)  # the server died
                        self.close_connection = True
                        return
                    if index and fault.gap_s and server.stopping.wait(fault.gap_s):
                        return
                    data = event.encode()
                    self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
                    self.wfile.flush()
                self.wfile.write(b"0\r\n\r\n")

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def _next(self, raw: bytes) -> Fault:
        with self._lock:
            self.requests.append({"at": time.monotonic(), "body": json.loads(raw or b"{}")})
            if not self.script:
                return Fault(status=500, body=error_body("no scripted fault"))
            return self.script.pop(0) if len(self.script) > 1 else self.script[0]

    def play(self, *faults: Fault) -> None:
        with self._lock:
            self.script = list(faults)
            self.requests = []


@contextmanager
def fault_server() -> Iterator[FaultServer]:
    server = FaultServer()
    thread = threading.Thread(target=server.httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.stopping.set()
        server.httpd.shutdown()
        server.httpd.server_close()
        thread.join(timeout=5)
