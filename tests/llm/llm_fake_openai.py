"""A real HTTP server on 127.0.0.1 that replays scripted OpenAI-format responses.

Each request to `/v1/chat/completions` takes the next `Reply` from the script (the last one
repeats); every request is recorded with its JSON body so tests can count retries and check what
was sent.
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

RECORDED = Path(__file__).parent / "recorded"


def recorded(name: str) -> str:
    return (RECORDED / name).read_text(encoding="utf-8")


@dataclass
class Reply:
    status: int = 200
    body: str = ""
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)
    hang_s: float = 0.0  # sleep before answering (a hanging server)
    stall_after: int | None = None  # send this many body bytes, then hang (a stalled stream)

    @classmethod
    def json(cls, body: Any, status: int = 200, **headers: str) -> Reply:
        text = body if isinstance(body, str) else json.dumps(body)
        return cls(status=status, body=text, headers=headers)

    @classmethod
    def sse(cls, body: str) -> Reply:
        return cls(body=body, content_type="text/event-stream")

    @classmethod
    def error(cls, status: int, message: str, **headers: str) -> Reply:
        payload = {"error": {"message": message, "type": "error", "param": None, "code": None}}
        return cls.json(payload, status, **headers)


@dataclass
class Request:
    path: str
    body: dict[str, Any]
    headers: dict[str, str]


class FakeOpenAIServer:
    def __init__(self) -> None:
        self.replies: list[Reply] = []
        self.requests: list[Request] = []
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
                headers = {k.lower(): v for k, v in self.headers.items()}
                reply = server._record(self.path, raw, headers)
                if reply.hang_s and server.stopping.wait(reply.hang_s):
                    return
                data = reply.body.encode("utf-8")
                try:
                    self.send_response(reply.status)
                    self.send_header("content-type", reply.content_type)
                    self.send_header("content-length", str(len(data)))
                    for key, value in reply.headers.items():
                        self.send_header(key.replace("_", "-"), value)
                    self.end_headers()
                    if reply.stall_after is not None:
                        self.wfile.write(data[: reply.stall_after])
                        self.wfile.flush()
                        server.stopping.wait(60)
                        return
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def _record(self, path: str, raw: bytes, headers: dict[str, str]) -> Reply:
        with self._lock:
            body = json.loads(raw) if raw else {}
            self.requests.append(Request(path, body, headers))
            if not self.replies:
                return Reply.error(500, "no scripted reply")
            return self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]

    def script(self, *replies: Reply) -> None:
        self.replies = list(replies)


@contextmanager
def fake_openai_server() -> Iterator[FakeOpenAIServer]:
    server = FakeOpenAIServer()
    thread = threading.Thread(target=server.httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.stopping.set()
        server.httpd.shutdown()
        server.httpd.server_close()
        thread.join(timeout=5)


def closed_port_url() -> str:
    """A loopback URL nothing listens on (connection refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"
