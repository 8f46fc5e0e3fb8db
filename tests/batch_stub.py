"""A stub of the OpenAI Batch API (/v1/files, /v1/batches) on 127.0.0.1 for tests.

Every line is answered with the recorded real response to its request
(scripts/answer_batch.py: no model output is made up here). What a batch does is set
per batch, in the order batches are created (the last mode repeats):

    Mode("completed")                every line answered
    Mode("partial", every=3)         every 3rd line in the error file (status 500)
    Mode("partial", every=3, status=400)   ... a 4xx: final for that request
    Mode("expired", after=2)         2 lines answered, the rest `batch_expired`
    Mode("failed")                   no output, the batch's own errors
    Mode("slow", polls=3)            in_progress for 3 retrieves, then completed

`sent` lists every custom_id of every batch created, so a test can assert that nothing
was paid twice. Stdlib only; a daemon thread.
"""

from __future__ import annotations

import importlib.util
import json
import threading
from dataclasses import dataclass
from email.parser import BytesParser
from email.policy import default as email_policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _answer_batch_module() -> Any:
    spec = importlib.util.spec_from_file_location(
        "answer_batch", ROOT / "scripts" / "answer_batch.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


RecordedAnswers = _answer_batch_module().RecordedAnswers


@dataclass(frozen=True)
class Mode:
    kind: str = "completed"
    every: int = 3
    status: int = 500
    after: int = 0
    polls: int = 0


class BatchStub:
    def __init__(self, *modes: Mode, recordings: Path = ROOT / "recordings") -> None:
        self.modes = list(modes) or [Mode()]
        self.answers = RecordedAnswers(recordings)
        self.files: dict[str, bytes] = {}
        self.batches: dict[str, dict[str, Any]] = {}
        self.sent: list[list[str]] = []  # custom_ids of each batch created
        self.retrieves = 0
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/v1"

    def __enter__(self) -> BatchStub:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    # --- the API -------------------------------------------------------------------------

    def _file(self, data: bytes, name: str = "out.jsonl", purpose: str = "batch") -> dict[str, Any]:
        file_id = f"file-{len(self.files) + 1}"
        self.files[file_id] = data
        return {
            "id": file_id,
            "object": "file",
            "bytes": len(data),
            "created_at": 0,
            "filename": name,
            "purpose": purpose,
            "status": "processed",
        }

    def upload(self, content_type: str, raw: bytes) -> dict[str, Any]:
        head = f"Content-Type: {content_type}\r\n\r\n".encode()
        message = BytesParser(policy=email_policy).parsebytes(head + raw)
        for part in message.iter_parts():
            if part.get_param("name", header="content-disposition") == "file":
                data = part.get_payload(decode=True)
                return self._file(data, part.get_filename() or "in.jsonl")
        raise ValueError("no file in the upload")

    def create(self, payload: dict[str, Any]) -> dict[str, Any]:
        lines = self.files[payload["input_file_id"]].decode("utf-8").splitlines()
        mode = self.modes[min(len(self.sent), len(self.modes) - 1)]
        self.sent.append([json.loads(x)["custom_id"] for x in lines])
        batch_id = f"batch_{len(self.batches) + 1}"
        self.batches[batch_id] = {
            "id": batch_id,
            "object": "batch",
            "endpoint": payload["endpoint"],
            "input_file_id": payload["input_file_id"],
            "completion_window": payload["completion_window"],
            "status": "validating",
            "created_at": 0,
            "metadata": payload.get("metadata") or {},
            "output_file_id": None,
            "error_file_id": None,
            "errors": None,
            "_mode": mode,
            "_lines": [json.loads(x) for x in lines],
            "_polls": 0,
        }
        return self._public(self.batches[batch_id])

    def retrieve(self, batch_id: str) -> dict[str, Any]:
        batch = self.batches[batch_id]
        self.retrieves += 1
        batch["_polls"] += 1
        mode: Mode = batch["_mode"]
        if batch["status"] in ("validating", "in_progress"):
            if mode.kind == "slow" and batch["_polls"] <= mode.polls:
                batch["status"] = "in_progress"
            else:
                self._finish(batch, mode)
        return self._public(batch)

    def _finish(self, batch: dict[str, Any], mode: Mode) -> None:
        if mode.kind == "failed":
            batch["status"] = "failed"
            error = {"code": "invalid_request", "message": "stub: the batch failed", "line": None}
            batch["errors"] = {"object": "list", "data": [error]}
            return
        out, err = [], []
        for n, line in enumerate(batch["_lines"]):
            answered = self.answers.answer(line, n)
            if mode.kind == "partial" and n % mode.every == mode.every - 1:
                answered["response"] = {
                    "status_code": mode.status,
                    "request_id": f"req_{n}",
                    "body": {"error": {"message": "stub: server error", "type": "server_error"}},
                }
                answered["error"] = None
            elif mode.kind == "expired" and n >= mode.after:
                answered["response"] = None
                answered["error"] = {"code": "batch_expired", "message": "stub: expired"}
            good = (answered["response"] or {}).get("status_code") == 200
            (out if good else err).append(json.dumps(answered) + "\n")
        batch["status"] = "expired" if mode.kind == "expired" else "completed"
        if out:
            batch["output_file_id"] = self._file("".join(out).encode())["id"]
        if err:
            batch["error_file_id"] = self._file("".join(err).encode())["id"]

    @staticmethod
    def _public(batch: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in batch.items() if not k.startswith("_")}

    def listing(self) -> dict[str, Any]:
        data = [self._public(b) for b in reversed(list(self.batches.values()))]
        return {"object": "list", "data": data, "has_more": False}

    # --- HTTP --------------------------------------------------------------------------------

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def _send(self, status: int, body: bytes | dict[str, Any]) -> None:
                data = json.dumps(body).encode() if isinstance(body, dict) else body
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("content-length") or 0))
                path = self.path.split("?")[0]
                with stub._lock:
                    if path == "/v1/files":
                        self._send(200, stub.upload(self.headers["content-type"], raw))
                    elif path == "/v1/batches":
                        self._send(200, stub.create(json.loads(raw)))
                    else:
                        self._send(404, {"error": {"message": f"no route {path}"}})

            def do_GET(self) -> None:
                path = self.path.split("?")[0]
                parts = path.strip("/").split("/")
                with stub._lock:
                    if path == "/v1/batches":
                        self._send(200, stub.listing())
                    elif parts[:2] == ["v1", "batches"] and len(parts) == 3:
                        self._send(200, stub.retrieve(parts[2]))
                    elif parts[:2] == ["v1", "files"] and parts[3:] == ["content"]:
                        self._send(200, stub.files[parts[2]])
                    else:
                        self._send(404, {"error": {"message": f"no route {path}"}})

        return Handler
