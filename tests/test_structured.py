"""The structured request (backends/structured.py): the request it sends, the gate, and
instructor's errors mapped to ours."""

from __future__ import annotations

import json

import pytest
from openai.types.chat import ChatCompletion

from summarizer import schema
from summarizer.backends.structured import (
    AnswerCutOff,
    CallLog,
    Draft,
    RequestFailed,
    RetriesExhausted,
    StructuredRequests,
)
from summarizer.errors import BackendError
from summarizer.prompts import load_prompt
from summarizer.settings import Settings
from tests.fakes import FakeBackend, completion
from tests.test_pipeline import CLEAN

MESSAGES = [{"role": "user", "content": "Sentence 1."}]
PROMPT = load_prompt("summarize", "v1").info


def _requests(backend: FakeBackend, **settings: object) -> StructuredRequests:
    return StructuredRequests(backend, PROMPT, Settings(backend="replay", **settings))


def test_the_gated_draft_sends_schema_drafts_schema() -> None:
    backend = FakeBackend(CLEAN)
    _requests(backend).draft(MESSAGES, CallLog(), gate=lambda d: None, reasks=0, token_budget=9)
    fmt = backend.requests[0]["response_format"]["json_schema"]
    assert fmt["name"] == "Draft"
    assert fmt["schema"] == schema.Draft.model_json_schema()
    assert backend.prompts == [PROMPT]


def test_the_gate_runs_only_inside_a_draft_request() -> None:
    seen: list[schema.Draft] = []
    backend = FakeBackend(CLEAN)
    log = CallLog()
    draft = _requests(backend).draft(MESSAGES, log, gate=seen.append, reasks=0, token_budget=10_000)
    assert len(seen) == 1 and isinstance(draft, schema.Draft)
    Draft.model_validate(CLEAN)  # no gate outside: plain parsing stays structural
    assert len(seen) == 1
    assert log.attempts == 1 and log.usage.total_tokens == 150
    assert log.last_raw == json.dumps(CLEAN)


def test_a_gate_that_keeps_failing_ends_in_retries_exhausted() -> None:
    def gate(_draft: schema.Draft) -> None:
        raise ValueError("fix it")

    backend = FakeBackend(CLEAN, CLEAN)
    log = CallLog()
    with pytest.raises(RetriesExhausted) as caught:
        _requests(backend).draft(MESSAGES, log, gate=gate, reasks=1, token_budget=10_000)
    assert caught.value.kind == "InstructorRetryException"
    assert log.attempts == 2
    assert "fix it" in backend.requests[1]["messages"][-1]["content"]  # the re-ask


def test_our_errors_inside_the_request_come_out_as_request_failed() -> None:
    backend = FakeBackend(BackendError("endpoint down"))
    with pytest.raises(RequestFailed) as caught:
        _requests(backend).events(MESSAGES, CallLog(), token_budget=10_000)
    assert isinstance(caught.value.error, BackendError)


def test_an_answer_cut_off_at_max_tokens() -> None:
    class Truncating(FakeBackend):
        def create(self, **kwargs: object) -> ChatCompletion:
            super().create(**kwargs)
            return completion('{"events": [', finish_reason="length")

    with pytest.raises(AnswerCutOff) as caught:
        _requests(Truncating("x")).events(MESSAGES, CallLog(), token_budget=10_000)
    assert caught.value.kind == "IncompleteOutputException"


def test_a_raw_line_break_inside_a_string_is_read_not_lost() -> None:
    # The embedded model once ended a value with a raw line break ("... from Af<LF>"):
    # strict JSON rejects it and the article was lost; the answer is read instead.
    raw = json.dumps(CLEAN)
    text = CLEAN["summary"][0]["text"]
    broken = raw.replace(text, text[:-1] + "\n", 1)
    assert "\n" in broken
    draft = _requests(FakeBackend(broken)).draft(
        MESSAGES, CallLog(), gate=lambda d: None, reasks=0, token_budget=10_000
    )
    assert draft.summary[0].text == text[:-1] + "\n"
    # What is not JSON at all stays an error.
    with pytest.raises(ValueError):
        schema.Draft.model_validate_json('{"summary": [')
