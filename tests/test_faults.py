"""Faults through the real `openai` client against a scripted local HTTP server.

Every case must end in a bounded number of requests (asserted on the server's count)
and in either a result or one of our errors, never a hang or a raw library exception.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import openai._base_client as base_client
import pytest
from http_stub import Reply, StubServer, chat_body

from summarizer import BackendError, ConfigError, OutputValidationError, Settings, summarize
from summarizer.backends.openai_backend import OpenAIBackend

KEY = "sk-" + "test-faults-0123456789abcdef"  # built, so no file holds a key-shaped literal
ARTICLE = (
    "Police in Springfield arrested three men on Tuesday after a protest outside city hall, "
    "the mayor's office said.\n"
    "About 200 people gathered to protest a new parking fee, according to organisers.\n"
    "The mayor said the fee would be reviewed next month."
)
GOOD = json.dumps(
    {
        "summary": [
            {
                "text": "Police in Springfield arrested three men on Tuesday after a protest "
                "outside city hall, the mayor's office said.",
                "ids": [1],
            },
            {"text": "About 200 people protested a new parking fee, organisers said.", "ids": [2]},
        ],
        "events": [
            {
                "ids": [1],
                "sub_event_type": "Arrests",
                "actor1": "Police",
                "location": "Springfield",
                "date_text": "on Tuesday",
            }
        ],
    }
)
RETRIES = 2  # transport retries: every transient fault may cost 1 + RETRIES requests
OK = Reply(body=chat_body(GOOD))


@pytest.fixture(autouse=True)
def _fast_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    # The client's own exponential backoff starts at 0.5 s; shrink it so the suite is
    # fast. Retry-After is still honoured as sent (tested below).
    monkeypatch.setattr(base_client, "INITIAL_RETRY_DELAY", 0.01)
    monkeypatch.setattr(base_client, "MAX_RETRY_DELAY", 0.05)
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    monkeypatch.delenv("SUMMARIZER_OPENAI_MODE", raising=False)


def run(server: StubServer, **overrides: object) -> object:
    settings = Settings(
        backend="openai",
        openai_base_url=server.base_url,
        transport_retries=RETRIES,
        request_timeout_s=0.5,
        **overrides,  # type: ignore[arg-type]
    )
    backend = OpenAIBackend(settings)
    try:
        return summarize(ARTICLE, backend=backend, settings=settings)
    finally:
        backend.close()


def test_good_answer_is_one_request() -> None:
    with StubServer(OK) as server:
        result = run(server)
    assert server.count == 1
    assert result.run.attempts == 1  # type: ignore[attr-defined]
    assert server.requests[0]["headers"]["authorization"] == f"Bearer {KEY}"


def test_timeout_is_retried_then_fails_clearly() -> None:
    with StubServer(Reply(body=chat_body(GOOD), delay_s=2.0)) as server:
        started = time.perf_counter()
        with pytest.raises(BackendError, match=r"timed out after 0.5 s on each of 3 tries"):
            run(server)
        elapsed = time.perf_counter() - started
    assert server.count == 1 + RETRIES
    assert elapsed < 5  # three 0.5 s timeouts plus tiny backoffs, never the 2 s answer x3


def test_timeout_then_answer_recovers() -> None:
    with StubServer(Reply(body=chat_body(GOOD), delay_s=2.0), OK) as server:
        result = run(server)
    assert server.count == 2
    assert result.run.attempts == 1  # type: ignore[attr-defined]  # transport retry is no re-ask


def test_connection_reset_is_retried_then_fails_clearly() -> None:
    with StubServer(Reply(reset=True)) as server, pytest.raises(BackendError, match="unreachable"):
        run(server)
    assert server.count == 1 + RETRIES


def test_connection_reset_then_answer_recovers() -> None:
    with StubServer(Reply(reset=True), OK) as server:
        run(server)
    assert server.count == 2


def test_truncated_http_body_is_a_transport_error() -> None:
    with (
        StubServer(Reply(body=chat_body(GOOD), truncate=True)) as server,
        pytest.raises(BackendError, match="unreachable"),
    ):
        run(server)
    assert server.count == 1 + RETRIES


def test_429_with_retry_after_waits_as_told() -> None:
    limited = Reply(
        status=429, body={"error": {"message": "slow down"}}, headers={"retry-after": "0.6"}
    )
    with StubServer(limited, OK) as server:
        started = time.perf_counter()
        run(server)
        elapsed = time.perf_counter() - started
    assert server.count == 2
    assert elapsed >= 0.55  # honoured the server's Retry-After, not the tiny backoff


def test_429_without_retry_after_gives_up_after_retries() -> None:
    limited = Reply(status=429, body={"error": {"message": "rate limit reached"}})
    with StubServer(limited) as server, pytest.raises(BackendError, match="HTTP 429"):
        run(server)
    assert server.count == 1 + RETRIES


def test_huge_retry_after_is_not_waited_for() -> None:
    # A Retry-After above the client's 60 s cap: fail now rather than hang the batch.
    limited = Reply(
        status=429, body={"error": {"message": "quota"}}, headers={"retry-after": "3600"}
    )
    with StubServer(limited) as server, pytest.raises(BackendError, match="HTTP 429"):
        run(server)
    assert server.count == 1


def test_500_then_503_then_answer_recovers() -> None:
    with StubServer(
        Reply(status=500, body={"error": {"message": "boom"}}),
        Reply(status=503, body={"error": {"message": "overloaded"}}),
        OK,
    ) as server:
        result = run(server)
    assert server.count == 3
    assert result.run.usage.total_tokens == 150  # type: ignore[attr-defined]


def test_503_forever_fails_clearly() -> None:
    with (
        StubServer(Reply(status=503, body={"error": {"message": "overloaded"}})) as server,
        pytest.raises(BackendError, match=r"HTTP 503 after retries: .*overloaded"),
    ):
        run(server)
    assert server.count == 1 + RETRIES


def test_400_is_not_retried() -> None:
    with (
        StubServer(Reply(status=400, body={"error": {"message": "bad model"}})) as server,
        pytest.raises(BackendError, match="HTTP 400"),
    ):
        run(server)
    assert server.count == 1


@pytest.mark.parametrize("body", [b"{not json", b"<html><body>502 Bad Gateway</body></html>"])
def test_malformed_json_body_is_a_clear_backend_error(body: bytes) -> None:
    with (
        StubServer(Reply(body=body)) as server,
        pytest.raises(BackendError, match="not a chat completion"),
    ):
        run(server)
    assert server.count == 1  # not re-asked as if the model had written bad JSON


def test_empty_choices_is_a_clear_backend_error() -> None:
    with (
        StubServer(Reply(body=chat_body(None, choices=False))) as server,
        pytest.raises(BackendError, match="no choices"),
    ):
        run(server)
    assert server.count == 1


def test_truncated_output_finish_reason_length() -> None:
    cut = Reply(body=chat_body('{"summary": [{"text": "Police in', finish_reason="length"))
    with StubServer(cut) as server, pytest.raises(OutputValidationError) as info:
        run(server)
    assert server.count == 1  # a longer answer will not fit either: no re-ask
    err = info.value
    assert "cut off" in str(err)
    assert err.last_raw == '{"summary": [{"text": "Police in'
    assert err.attempts == 1
    assert err.usage["total_tokens"] == 150


def test_schema_violation_is_reasked_then_fails_with_last_raw() -> None:
    bad = Reply(body=chat_body('{"summary": []}'))
    with StubServer(bad) as server, pytest.raises(OutputValidationError) as info:
        run(server, max_reasks=1)
    assert server.count == 2  # first attempt + one re-ask
    err = info.value
    assert err.attempts == 2
    assert err.last_raw == '{"summary": []}'
    assert err.usage == {"prompt_tokens": 200, "completion_tokens": 100, "total_tokens": 300}
    # The re-ask told the model what was wrong.
    reask = server.requests[1]["json"]["messages"]
    assert len(reask) > len(server.requests[0]["json"]["messages"])


def test_schema_violation_then_valid_answer_recovers() -> None:
    with StubServer(Reply(body=chat_body("Sure! Here is the summary.")), OK) as server:
        result = run(server, max_reasks=2)
    assert server.count == 2
    assert result.run.attempts == 2  # type: ignore[attr-defined]
    assert result.run.usage.total_tokens == 300  # type: ignore[attr-defined]


def test_token_budget_bounds_reasks() -> None:
    # Many re-asks allowed, but each call costs 1000 tokens and the budget is 2500.
    bad = Reply(body=chat_body('{"summary": []}', prompt_tokens=900, completion_tokens=100))
    with StubServer(bad) as server, pytest.raises(OutputValidationError) as info:
        run(server, max_reasks=10, token_budget=2500)
    assert server.count <= 3
    assert info.value.usage["total_tokens"] <= 3000


def test_unreachable_port_fails_clearly() -> None:
    server = StubServer()  # bound but never serving: take its port, then close it
    url = server.base_url
    server._httpd.server_close()
    settings = Settings(
        backend="openai", openai_base_url=url, transport_retries=1, request_timeout_s=0.5
    )
    with pytest.raises(BackendError, match="unreachable"):
        summarize(ARTICLE, backend=OpenAIBackend(settings), settings=settings)


# --- the embedded backend: bad model files end in ConfigError naming the fix -----------


def _local(path: Path) -> object:
    from summarizer.backends.local import LocalBackend

    return LocalBackend(Settings(model_path=path))


def test_missing_model_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"does not exist.*SUMMARIZER_MODEL_PATH"):
        _local(tmp_path / "nope.gguf")


def test_model_file_not_gguf(tmp_path: Path) -> None:
    path = tmp_path / "model.gguf"
    path.write_bytes(b"<html>404 Not Found</html>")
    with pytest.raises(ConfigError, match=r"not a GGUF file.*SUMMARIZER_MODEL_PATH"):
        _local(path)


def test_empty_model_file(tmp_path: Path) -> None:
    path = tmp_path / "model.gguf"
    path.write_bytes(b"")
    with pytest.raises(ConfigError, match="not a GGUF file"):
        _local(path)


def test_gguf_magic_but_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "model.gguf"
    path.write_bytes(b"GGUF" + b"\x03\x00\x00\x00" + b"\x00" * 256)
    with pytest.raises(ConfigError, match="could not load"):
        _local(path)


def test_unknown_embedded_model(tmp_path: Path) -> None:
    from summarizer.backends.model_files import ensure_model_file

    with pytest.raises(ConfigError, match=r"unknown embedded model.*SUMMARIZER_MODEL_PATH"):
        ensure_model_file("no-such-model", tmp_path)
