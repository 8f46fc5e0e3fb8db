"""API keys never reach recordings, error messages, error records or logs."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import openai._base_client as base_client
import pytest
from fakes import FakeBackend, completion
from http_stub import Reply, StubServer
from test_batch import EchoBackend

from summarizer import BackendError, ItemError, Settings, summarize, summarize_many
from summarizer.api import error_record
from summarizer.backends.openai_backend import OpenAIBackend
from summarizer.backends.replay import RecordingBackend
from summarizer.secrets import scrub, scrub_obj

KEY = "sk-" + "proj-SECRETsecret0123456789abcdef"  # built: no key-shaped literal in git
ARTICLE = (
    "Police in Springfield arrested three men on Tuesday after a protest, the mayor said.\n"
    "About 200 people gathered to protest a new parking fee, according to organisers."
)


@pytest.fixture(autouse=True)
def _key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    monkeypatch.setattr(base_client, "INITIAL_RETRY_DELAY", 0.01)


class LeakyBackend(EchoBackend):
    """A live backend whose response (and request) echo the key, as a buggy proxy might."""

    name = "leaky"

    def create(self, **kwargs: Any) -> Any:
        kwargs["extra_headers"] = {"Authorization": f"Bearer {KEY}"}
        response = super().create(**kwargs)
        draft = json.loads(response.choices[0].message.content)
        draft["summary"][0]["text"] += f" (api_key={KEY})"
        response = completion(json.dumps(draft))
        response.id = f"resp-{KEY}"
        return response


def test_recordings_are_scrubbed_on_write(tmp_path: Path) -> None:
    recorder = RecordingBackend(LeakyBackend(), tmp_path)
    summarize(ARTICLE, backend=recorder, settings=Settings(backend="local", max_reasks=0))
    files = list(tmp_path.rglob("*.json"))
    assert files, "nothing was recorded"
    for path in files:
        text = path.read_text("utf-8")
        assert KEY not in text
        assert "SECRETsecret" not in text
        assert "[REDACTED]" in text  # the echoed key was there, and was replaced


def test_401_error_message_is_scrubbed() -> None:
    body = {"error": {"message": f"Incorrect API key provided: {KEY}.", "code": "invalid_api_key"}}
    with StubServer(Reply(status=401, body=body)) as server:
        settings = Settings(backend="openai", openai_base_url=server.base_url, transport_retries=0)
        with pytest.raises(BackendError) as info:
            summarize(ARTICLE, backend=OpenAIBackend(settings), settings=settings)
    assert server.count == 1
    assert "HTTP 401" in str(info.value)
    assert KEY not in str(info.value) and "[REDACTED]" in str(info.value)
    # The key was really sent, so the test proves scrubbing, not absence.
    assert server.requests[0]["headers"]["authorization"] == f"Bearer {KEY}"


def test_401_leaves_no_key_in_logs(caplog: pytest.LogCaptureFixture) -> None:
    body = {"error": {"message": f"Incorrect API key provided: {KEY}."}}
    caplog.set_level(logging.DEBUG)
    with StubServer(Reply(status=401, body=body)) as server:
        settings = Settings(backend="openai", openai_base_url=server.base_url, transport_retries=0)
        with pytest.raises(BackendError):
            summarize(ARTICLE, backend=OpenAIBackend(settings), settings=settings)
    # openai's own DEBUG logs print request options but not headers or response bodies;
    # everything we (and instructor) log comes from our scrubbed messages.
    assert KEY not in caplog.text


def test_batch_error_records_are_scrubbed() -> None:
    backend = FakeBackend(RuntimeError(f"proxy said: bad key {KEY}"))
    [outcome] = summarize_many([ARTICLE], backend=backend, settings=Settings(backend="local"))
    assert isinstance(outcome, ItemError)
    assert KEY not in json.dumps(outcome)


def test_error_record_scrubs_last_raw() -> None:
    from summarizer import OutputValidationError

    exc = OutputValidationError(
        f"bad output {KEY}", last_raw=f'{{"key": "{KEY}"}}', attempts=1, usage={}
    )
    record = error_record(exc, 0, "a.txt")
    assert KEY not in json.dumps(record)


@pytest.mark.parametrize(
    "text",
    [
        f"key {KEY} here",
        "Authorization: Bearer " + "abcdefghijklmnop1234",
        'api_key="zzzzzzzzzzzzzzzz"',
        "api-key: qqqqqqqqqqqqqqqqqqqq",
    ],
)
def test_scrub_patterns(text: str) -> None:
    out = scrub(text)
    assert "[REDACTED]" in out
    for secret in (KEY, "abcdefghijklmnop1234", "zzzzzzzzzzzzzzzz", "qqqqqqqqqqqqqqqqqqqq"):
        assert secret not in out


def test_scrub_obj_drops_auth_headers() -> None:
    data = {"headers": {"Authorization": "anything", "api-key": "x"}, "list": [f"k={KEY}"]}
    cleaned = scrub_obj(data)
    assert cleaned["headers"] == {"Authorization": "[REDACTED]", "api-key": "[REDACTED]"}
    assert KEY not in json.dumps(cleaned)
