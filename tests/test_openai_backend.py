"""The real `openai` client against a local HTTP server: the request really goes over HTTP."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from summarizer import Settings, summarize
from summarizer.backends.openai_backend import OpenAIBackend
from tests.test_pipeline import CLEAN, TEXT


class _Handler(BaseHTTPRequestHandler):
    bodies: ClassVar[list[dict]] = []
    answers: ClassVar[list[tuple[int, dict, dict]]] = []

    def do_POST(self) -> None:
        length = int(self.headers["Content-Length"])
        type(self).bodies.append(json.loads(self.rfile.read(length)))
        status, headers, payload = type(self).answers.pop(0)
        data = json.dumps(payload).encode()
        self.send_response(status)
        for k, v in {"Content-Type": "application/json", **headers}.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


def _chat(content: str) -> dict:
    return {
        "id": "x",
        "object": "chat.completion",
        "created": 0,
        "model": "m",
        "choices": [
            {
                "index": 0,
                "finish_reason": "stop",
                "message": {"role": "assistant", "content": content},
            }
        ],
        "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
    }


@pytest.fixture
def server():
    _Handler.bodies, _Handler.answers = [], []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()


def test_structured_request_over_http_with_429_retry(server, monkeypatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "test-key-not-secret")
    _Handler.answers = [
        (429, {"Retry-After": "0"}, {"error": {"message": "slow down"}}),
        (200, {}, _chat(json.dumps(CLEAN))),
    ]
    settings = Settings(
        backend="openai",
        model="m",
        transport_retries=2,
        openai_base_url=f"http://127.0.0.1:{server.server_port}/v1",
    )
    result = summarize(TEXT, backend=OpenAIBackend(settings), settings=settings)
    assert len(_Handler.bodies) == 2  # one transport retry, no re-ask
    body = _Handler.bodies[-1]
    assert body["response_format"]["type"] == "json_schema"
    assert "Draft" in body["response_format"]["json_schema"]["name"]
    assert body["messages"][1]["content"].count("[1]") == 1
    assert result.run.backend == "openai" and result.run.attempts == 1
    assert result.events[0].responsibility == "claimed"
