"""Limits that must hold whatever the endpoint does (issue 12, items 3, 8, 9 and 13).

A key given in code is scrubbed like one from the environment; the token budget covers
the whole article; request_timeout_s bounds a request's total time; a huge bad answer is
cut in error records; a failed model join leaves no temporary file; --rate counts every
HTTP request, the client's retries included. Offline: loopback servers and fakes only.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openai
import openai._base_client as base_client
import pytest
from fakes import FakeBackend
from http_stub import Reply, StubServer, chat_body

from summarizer import (
    BackendError,
    ConfigError,
    ItemError,
    OutputValidationError,
    Settings,
    summarize,
    summarize_many,
)
from summarizer.api import error_record
from summarizer.backends import model_files
from summarizer.backends.model_files import EmbeddedModel, ensure_model_file
from summarizer.backends.openai_backend import OpenAIBackend
from summarizer.batch import RateLimitedBackend, RateLimiter

ARTICLE = (
    "Police in Springfield arrested three men on Tuesday after a protest, the mayor said.\n"
    "About 200 people gathered to protest a new parking fee, according to organisers."
)
ANY_CHUNK = json.dumps(
    {
        "summary": [
            {"text": "Item 1 was listed.", "ids": [1]},
            {"text": "Item 2 too.", "ids": [2]},
        ],
        "events": [],
    }
)
MAX_RAW_CHARS = 20_000  # summarizer.errors.MAX_RAW_CHARS
GOOD = json.dumps(
    {
        "summary": [
            {"text": "Police in Springfield arrested three men, the mayor said.", "ids": [1]},
            {"text": "About 200 people protested a parking fee, organisers said.", "ids": [2]},
        ],
        "events": [],
    }
)


@pytest.fixture(autouse=True)
def _fast_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(base_client, "INITIAL_RETRY_DELAY", 0.01)
    monkeypatch.setattr(base_client, "MAX_RETRY_DELAY", 0.05)
    monkeypatch.delenv("SUMMARIZER_OPENAI_MODE", raising=False)


def _plain_key() -> str:
    # No "sk-" prefix and no "key=" around it: only knowing the value can scrub it.
    # Fresh per test, so one test's registration cannot make another pass.
    return "plain" + uuid.uuid4().hex + "XYZ"


# --- item 3: a key passed in code -----------------------------------------------------


def test_key_given_in_code_is_scrubbed_from_error_and_record(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    key = _plain_key()
    body = {"error": {"message": f"The token {key} is not valid for this project."}}
    with StubServer(Reply(status=401, body=body)) as server:
        client = openai.OpenAI(api_key=key, base_url=server.base_url, max_retries=0)
        backend = OpenAIBackend(Settings(backend="openai"), client=client)
        settings = Settings(backend="openai")
        with pytest.raises(BackendError) as info:
            summarize(ARTICLE, backend=backend, settings=settings)
        [outcome] = summarize_many([ARTICLE], backend=backend, settings=settings)
    assert server.requests[0]["headers"]["authorization"] == f"Bearer {key}"  # really sent
    assert "HTTP 401" in str(info.value)
    assert key not in str(info.value) and "[REDACTED]" in str(info.value)
    assert isinstance(outcome, ItemError)
    assert key not in json.dumps(outcome) and "[REDACTED]" in outcome["message"]


# --- item 8: the token budget covers the article -------------------------------------


def test_token_budget_covers_all_chunks_of_an_article() -> None:
    # 400 sentences in chunks of 40 (overlap 3): 11 chunks. Each request costs 150
    # tokens (FakeBackend), so a budget of 500 allows 4 requests, then no more.
    text = "\n".join(f"Item {i} was listed." for i in range(1, 401))
    # The same answer for every chunk: a well-formed draft, its failed checks flagged
    # (max_reasks=0), so every chunk costs exactly one request.
    backend = FakeBackend(*[ANY_CHUNK] * 20)
    settings = Settings(backend="local", max_reasks=0, rereads=0, token_budget=500)
    result = summarize(text, backend=backend, settings=settings)
    assert len(backend.requests) == 4  # 150 x 4 = 600 >= 500: the 5th chunk is not sent
    assert result.run.usage.total_tokens == 600
    assert result.run.chunks == 4
    [note] = [f for f in result.run.findings if "token budget" in f.message]
    assert note.severity == "warning"
    assert "after 4 of 11 chunks" in note.message and "7 chunks were skipped" in note.message


# --- item 9: request_timeout_s is a deadline on the whole request ---------------------


class DripServer:
    """Answers every request correctly, but one byte at a time, `interval` apart."""

    def __init__(self, body: bytes, *, interval: float, headers_too: bool) -> None:
        head = (
            b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
            + f"content-length: {len(body)}\r\n\r\n".encode()
        )
        self.response = head + body
        self.interval = interval
        self.headers_too = headers_too
        self.count = 0
        self._sock = socket.create_server(("127.0.0.1", 0))
        self._stop = threading.Event()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._sock.getsockname()[1]}/v1"

    def __enter__(self) -> DripServer:
        threading.Thread(target=self._serve, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._sock.close()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            self.count += 1
            threading.Thread(target=self._drip, args=(conn,), daemon=True).start()

    def _drip(self, conn: socket.socket) -> None:
        with conn:
            conn.recv(1 << 20)  # the request (small; its content is not checked)
            data = self.response
            if not self.headers_too:  # headers at once, then the body drips
                split = data.index(b"\r\n\r\n") + 4
                conn.sendall(data[:split])
                data = data[split:]
            for i in range(len(data)):
                if self._stop.is_set():
                    return
                try:
                    conn.sendall(data[i : i + 1])
                except OSError:
                    return  # the client gave up
                time.sleep(self.interval)


@pytest.mark.parametrize("headers_too", [False, True], ids=["body-drips", "headers-drip"])
def test_dripping_server_is_cut_off_at_the_deadline(
    headers_too: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # ~1,000 bytes at 20 ms each: ~20 s if only per-read timeouts applied (each byte
    # comes well within 1 s).
    monkeypatch.setenv("OPENAI_API_KEY", _plain_key())
    body = json.dumps(chat_body(GOOD)).encode() + b" " * 600
    with DripServer(body, interval=0.02, headers_too=headers_too) as server:
        settings = Settings(
            backend="openai",
            openai_base_url=server.base_url,
            request_timeout_s=1.0,
            transport_retries=0,
        )
        backend = OpenAIBackend(settings)
        started = time.perf_counter()
        with pytest.raises(BackendError) as info:
            summarize(ARTICLE, backend=backend, settings=settings)
        elapsed = time.perf_counter() - started
        backend.close()
    assert elapsed < 3
    assert server.count == 1
    assert "timed out after 1 s" in str(info.value)
    assert "unreachable" not in str(info.value)


def test_deadline_applies_to_each_retry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", _plain_key())
    body = json.dumps(chat_body(GOOD)).encode() + b" " * 600
    with DripServer(body, interval=0.02, headers_too=False) as server:
        settings = Settings(
            backend="openai",
            openai_base_url=server.base_url,
            request_timeout_s=0.5,
            transport_retries=1,
        )
        started = time.perf_counter()
        with pytest.raises(BackendError, match=r"timed out after 0.5 s on each of 2 tries"):
            summarize(ARTICLE, backend=OpenAIBackend(settings), settings=settings)
        elapsed = time.perf_counter() - started
    assert elapsed < 3


def test_a_fast_answer_is_untouched_by_the_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", _plain_key())
    with StubServer(Reply(body=chat_body(GOOD))) as server:
        settings = Settings(
            backend="openai", openai_base_url=server.base_url, request_timeout_s=1.0
        )
        for _ in range(3):  # keep-alive: later requests reuse the connection
            result = summarize(ARTICLE, backend=OpenAIBackend(settings), settings=settings)
            assert result.run.attempts == 1
    assert server.count == 3


# --- item 13: a huge bad answer is cut in error records ------------------------------


def test_huge_bad_answer_is_cut_in_the_error_and_its_record() -> None:
    huge = '{"summary": [' + "x" * 10_000_000
    backend = FakeBackend(huge, huge)
    settings = Settings(backend="local", max_reasks=0, rereads=0)
    with pytest.raises(OutputValidationError) as info:
        summarize(ARTICLE, backend=backend, settings=settings)
    raw = info.value.last_raw
    assert raw is not None and len(raw) < MAX_RAW_CHARS + 100
    assert raw.startswith('{"summary": [xxx') and "10,000,013 characters" in raw
    [outcome] = summarize_many([ARTICLE], backend=backend, settings=settings)
    assert isinstance(outcome, ItemError)
    assert len(json.dumps(outcome)) < MAX_RAW_CHARS + 1000


def test_error_record_cuts_any_exceptions_last_raw() -> None:
    exc = RuntimeError("boom")
    exc.last_raw = "y" * 1_000_000  # type: ignore[attr-defined]
    record = error_record(exc, 0, "a.txt")
    assert len(record["last_raw"]) < MAX_RAW_CHARS + 100
    assert "1,000,000 characters" in record["last_raw"]


def test_a_key_straddling_the_cut_leaves_no_fragment() -> None:
    from summarizer.errors import cap_raw

    key = "sk-" + "proj-" + uuid.uuid4().hex
    text = "a" * 95 + key + "b" * 200
    cut = cap_raw(text, limit=100)
    assert cut is not None and key[:5] not in cut and cut.startswith("a" * 95 + "[REDA")


# --- item 13: a failed or killed model join leaves no temporary file -----------------

DEAD_PID = 4_194_305  # above Linux's largest pid_max: no process can have it


@pytest.fixture
def fake_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A two-part 'model' in tmp_path, registered as `fake-model`; yields the cache dir."""
    parts = [tmp_path / "part01.bin", tmp_path / "part02.bin"]
    parts[0].write_bytes(b"GGUF" + b"a" * 5000)
    parts[1].write_bytes(b"b" * 5000)
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in parts)).hexdigest()
    model = EmbeddedModel("fake-model", "no_such_package_part", 2, digest, "pip install x")
    monkeypatch.setitem(model_files.EMBEDDED_MODELS, "fake-model", model)
    monkeypatch.setattr(model_files, "_part_paths", lambda _m: parts)
    cache = tmp_path / "cache"
    cache.mkdir()
    yield cache


def _tmp_files(cache: Path) -> list[str]:
    return sorted(p.name for p in cache.glob("*.gguf.tmp*"))


def test_stale_join_of_a_dead_process_is_removed(fake_model: Path) -> None:
    (fake_model / f"fake-model.gguf.tmp{DEAD_PID}").write_bytes(b"half a model")
    live = fake_model / f"other.gguf.tmp{os.getppid()}"  # a live process may be joining
    live.write_bytes(b"in progress")
    path = ensure_model_file("fake-model", fake_model)
    assert path.read_bytes().startswith(b"GGUF")
    assert _tmp_files(fake_model) == [live.name]


def test_a_join_that_fails_midway_leaves_no_tmp_file(
    fake_model: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parts = model_files._part_paths(None)  # type: ignore[arg-type]
    monkeypatch.setattr(model_files, "_part_paths", lambda _m: [parts[0], fake_model.parent])
    with pytest.raises(IsADirectoryError):  # the 2nd "part" cannot be read
        ensure_model_file("fake-model", fake_model)
    assert _tmp_files(fake_model) == []


class _FullDisk:
    """A file that takes a few bytes, then fails as a full disk does."""

    def __init__(self, fh: Any) -> None:
        self._fh = fh

    def __enter__(self) -> _FullDisk:
        return self

    def __exit__(self, *exc: object) -> None:
        self._fh.close()

    def write(self, data: bytes) -> int:
        self._fh.write(data[:100])
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_is_a_config_error_naming_the_cache_dir(
    fake_model: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = Path.open

    def open_(self: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        fh = real_open(self, mode, *args, **kwargs)
        return _FullDisk(fh) if ".gguf.tmp" in self.name and "w" in mode else fh

    monkeypatch.setattr(Path, "open", open_)
    with pytest.raises(ConfigError) as info:
        ensure_model_file("fake-model", fake_model)
    assert str(fake_model) in str(info.value)
    assert "no space left" in str(info.value) and "MB" in str(info.value)
    assert _tmp_files(fake_model) == []


# --- item 13: --rate holds while the client retries ----------------------------------


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


class CountingLimiter(RateLimiter):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.acquired = 0

    def acquire(self) -> float:
        self.acquired += 1
        return super().acquire()


def test_rate_limit_counts_every_http_request_including_retries(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", _plain_key())
    limited = Reply(
        status=429, body={"error": {"message": "slow down"}}, headers={"retry-after": "0"}
    )
    with StubServer(limited, limited, Reply(body=chat_body(GOOD))) as server:
        settings = Settings(backend="openai", openai_base_url=server.base_url, transport_retries=2)
        clock = FakeClock()
        limiter = CountingLimiter(1.0, clock=clock, sleep=clock.sleep)
        backend = RateLimitedBackend(OpenAIBackend(settings), limiter)
        result = summarize(ARTICLE, backend=backend, settings=settings)
    assert server.count == 3 and result.run.attempts == 1  # retries, not re-asks
    assert limiter.acquired == 3
    assert clock.slept == [1.0, 1.0]  # one token a second: the retries waited their turn


def test_rate_limit_still_takes_one_token_per_call_of_other_backends() -> None:
    clock = FakeClock()
    limiter = CountingLimiter(1.0, clock=clock, sleep=clock.sleep)
    backend = RateLimitedBackend(FakeBackend(GOOD, GOOD), limiter)
    settings = Settings(backend="local", max_reasks=0, rereads=0)
    summarize(ARTICLE, backend=backend, settings=settings)
    summarize(ARTICLE, backend=backend, settings=settings)
    assert limiter.acquired == 2
