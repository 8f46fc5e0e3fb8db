"""A scripted OpenAI-compatible HTTP server on 127.0.0.1 for fault tests.

Each request to /v1/chat/completions takes the next `Reply` from a queue (the last one
repeats), so a test says exactly what the endpoint does on the 1st, 2nd, ... call and
then asserts how many calls the client made. Runs in a daemon thread; stdlib only.
"""

from __future__ import annotations

import json
import socket
import struct
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    status: int = 200
    body: bytes | str | dict[str, Any] = b"{}"
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0  # sleep before answering: a slow or hung endpoint
    reset: bool = False  # close the socket with RST instead of answering
    truncate: bool = False  # announce a longer body than is sent, then close


def chat_body(
    content: str | None,
    *,
    finish_reason: str = "stop",
    prompt_tokens: int = 100,
    completion_tokens: int = 50,
    choices: bool = True,
) -> dict[str, Any]:
    """A chat.completion JSON body as an OpenAI-compatible server sends it."""
    return {
        "id": "chatcmpl-stub",
        "object": "chat.completion",
        "created": 0,
        "model": "stub-model",
        "choices": [
            {
                "index": 0,
                "finish_reason": finish_reason,
                "message": {"role": "assistant", "content": content},
            }
        ]
        if choices
        else [],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


class StubServer:
    def __init__(self, *replies: Reply) -> None:
        self.replies = list(replies) or [Reply()]
        self.requests: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/v1"

    @property
    def count(self) -> int:
        with self._lock:
            return len(self.requests)

    def __enter__(self) -> StubServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def _next(self, record: dict[str, Any]) -> Reply:
        with self._lock:
            self.requests.append(record)
            i = len(self.requests) - 1
            return self.replies[min(i, len(self.replies) - 1)]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # keep pytest output clean
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                raw = self.rfile.read(length)
                try:
                    payload = json.loads(raw or b"{}")
                except json.JSONDecodeError:
                    payload = {"_raw": raw.decode("utf-8", "replace")}
                reply = stub._next(
                    {"path": self.path, "headers": dict(self.headers), "json": payload}
                )
                if reply.delay_s:
                    time.sleep(reply.delay_s)
                if reply.reset:
                    # SO_LINGER 0 makes close() send RST: "connection reset by peer".
                    self.connection.setsockopt(
                        socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                    )
                    self.connection.close()
                    self.close_connection = True
                    return
                body = reply.body
                if isinstance(body, dict):
                    body = json.dumps(body)
                data = body.encode("utf-8") if isinstance(body, str) else body
                try:
                    self.send_response(reply.status)
                    self.send_header("content-type", "application/json")
                    announced = len(data) + (100 if reply.truncate else 0)
                    self.send_header("content-length", str(announced))
                    for k, v in reply.headers.items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(data)
                    self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout); nothing to answer
                if reply.truncate:
                    self.close_connection = True

        return Handler
