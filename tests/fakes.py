"""A fake backend for unit tests: answers from a queue of hand-written JSON strings.

These strings are test fixtures that exercise our code paths, not model output;
real model output lives only in recordings/ (see tests/test_seed_recording.py).
"""

from __future__ import annotations

import json
from typing import Any

import instructor
from openai.types.chat import ChatCompletion
from openai.types.chat.chat_completion import Choice
from openai.types.chat.chat_completion_message import ChatCompletionMessage
from openai.types.completion_usage import CompletionUsage

from summarizer import Settings, summarize
from summarizer.schema import Event, PromptInfo


def completion(
    content: str,
    *,
    prompt_tokens: int = 100,
    completion_tokens: int = 50,
    finish_reason: str = "stop",
    model: str = "fake",
) -> ChatCompletion:
    return ChatCompletion(
        id="fake",
        object="chat.completion",
        created=0,
        model=model,
        choices=[
            Choice(
                index=0,
                finish_reason=finish_reason,  # type: ignore[arg-type]
                message=ChatCompletionMessage(role="assistant", content=content),
            )
        ],
        usage=CompletionUsage(
            prompt_tokens=prompt_tokens,
            completion_tokens=completion_tokens,
            total_tokens=prompt_tokens + completion_tokens,
        ),
    )


class FakeBackend:
    name = "fake"
    recorded_backend = "fake"
    model = "fake-model"
    mode = instructor.Mode.JSON_SCHEMA
    rate_per_http_request = False

    def __init__(self, *answers: str | dict[str, Any] | Exception) -> None:
        self.answers = list(answers)
        self.requests: list[dict[str, Any]] = []  # as a model would get them
        self.prompts: list[PromptInfo | None] = []  # the prompt each was rendered from
        self.last_timings: dict[str, float] = {}

    def count_tokens(self, text: str) -> int | None:
        return None

    def create(self, *, prompt: PromptInfo | None = None, **kwargs: Any) -> ChatCompletion:
        self.requests.append(kwargs)
        self.prompts.append(prompt)
        if not self.answers:
            raise AssertionError("FakeBackend ran out of queued answers")
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        text = answer if isinstance(answer, str) else json.dumps(answer)
        return completion(text)

    def close(self) -> None:
        pass


# A model whose summary is fixed and whose events are the test's: what the event rules
# make of them, with no re-ask, re-read or lede filling to change the picture.
_EVENT_TEST_SETTINGS = Settings(backend="local", max_reasks=0, rereads=0, min_summary_sentences=0)
_EVENT_TEST_SUMMARY = [{"text": "A bomb exploded in Dara on Monday, police said.", "ids": [1]}] * 2


def events_of(text: str | dict[str, Any], *events: dict[str, Any]) -> list[Event]:
    """The assembled events of `text` when the model answers `events`."""
    answer = {"summary": _EVENT_TEST_SUMMARY, "events": list(events)}
    return summarize(text, backend=FakeBackend(answer), settings=_EVENT_TEST_SETTINGS).events


# A model whose summary is the test's and that names no events: which of its sentences
# survive the summary rules, as written, with no lede filling to change the picture.
_SUMMARY_TEST_SETTINGS = Settings(backend="local", max_reasks=0, rereads=0, min_summary_sentences=0)


def summary_of(article: str | dict[str, Any], *sentences: tuple[str, list[int]]) -> list[str]:
    """The summary's sentences when the model answers `sentences` (text, cited ids)."""
    answer = {"summary": [{"text": t, "ids": ids} for t, ids in sentences], "events": []}
    result = summarize(article, backend=FakeBackend(answer), settings=_SUMMARY_TEST_SETTINGS)
    return [s.text for s in result.summary]
