"""A backend that answers from Batch API output lines instead of an endpoint.

A batch output file (OpenAI's Batch API, `vllm run-batch`) holds one line per request:
`{custom_id, response: {status_code, body}, error}`. The custom_id is the request's
content hash (`request_hash`), so the line that answers a request is found from the
request itself, exactly as replay finds a recording.

Two uses. Strict, it is replay of a batch output: a request with no line raises
RecordingMissingError naming the key, never a live call. Gathering (the batch job's
rounds), a request with no line is noted in `pending` and raises AnswerPending: the
pipeline stops or skips that step, and the job sends the noted requests next round.
AnswerPending is not a RecordingMissingError on purpose: the re-read moves on to its
next group after it, so every re-read of an article is gathered in one round.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import instructor
from openai.types.chat import ChatCompletion
from pydantic import ValidationError

from ..errors import BackendError, RecordingMissingError
from ..schema import PromptInfo
from .replay import request_hash

# 4xx that are worth sending again (timeout, conflict, rate limit), as the openai client
# retries them; any other 4xx is the request's fault and final.
_TRANSIENT_4XX = (408, 409, 429)


@dataclass(frozen=True)
class Answer:
    """What a batch gave for one custom_id: a chat completion body, or a final error."""

    body: dict[str, Any] | None = None
    error: str | None = None
    batch: str | None = None  # the batch id the line came from (run.notes names it)


@dataclass(frozen=True)
class LineOutcome:
    """One output or error line, read: an answer, or a failure worth sending again."""

    custom_id: str
    answer: Answer | None
    retry_reason: str | None = None


@dataclass(frozen=True)
class PendingRequest:
    """A request the pipeline asked for that no batch has answered yet."""

    body: dict[str, Any]
    prompt: PromptInfo | None


class AnswerPending(BackendError):
    """The request is not answered yet; the batch job sends it in the next round."""

    def __init__(self, custom_id: str) -> None:
        super().__init__(f"request {custom_id} is waiting for a batch answer")
        self.custom_id = custom_id


def custom_id(body: dict[str, Any]) -> str:
    """The line's custom_id: the request's content hash (identical requests, one line)."""
    return request_hash(body)


def _error_message(line: dict[str, Any]) -> str:
    error = line.get("error")
    if isinstance(error, dict):
        return str(error.get("message") or error.get("code") or error)
    if error:
        return str(error)
    body = (line.get("response") or {}).get("body")
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        return str(body["error"].get("message") or body["error"])
    return "no answer in the line"


def read_line(line: dict[str, Any], batch: str | None) -> LineOutcome:
    """One line of an output or error file, as an answer or a failure to send again."""
    cid = str(line.get("custom_id"))
    response = line.get("response") or {}
    status = response.get("status_code")
    if status == 200 and not line.get("error") and isinstance(response.get("body"), dict):
        return LineOutcome(cid, Answer(body=response["body"], batch=batch))
    message = _error_message(line)
    if isinstance(status, int) and 400 <= status < 500 and status not in _TRANSIENT_4XX:
        # As OpenAIBackend words it: the article's error record names the status.
        error = f"openai endpoint answered HTTP {status} (batch {batch}): {message[:300]}"
        return LineOutcome(cid, Answer(error=error, batch=batch))
    return LineOutcome(cid, None, f"HTTP {status}: {message[:300]}" if status else message)


def completion_of(answer: Answer) -> ChatCompletion:
    """The answer's chat completion; its final error (or a body that is none) raised."""
    if answer.error is not None:
        raise BackendError(answer.error)
    try:
        return ChatCompletion.model_validate(answer.body)
    except ValidationError:
        raise BackendError(
            f"batch {answer.batch} answered with a body that is not a chat completion"
        ) from None


class BatchAnswerBackend:
    """Answers each request from the batch line its content hash names."""

    name = "openai"  # the answers are the openai endpoint's, as a live run would record
    recorded_backend = "openai"
    rate_per_http_request = False

    def __init__(
        self,
        model: str,
        mode: instructor.Mode,
        answers: Mapping[str, Answer],
        *,
        strict: bool,
        where: str = "the batch output",
    ) -> None:
        self.model = model
        self.mode = mode
        self.answers = answers
        self.strict = strict
        self.where = where
        self.last_timings: dict[str, float] = {}  # a batch line carries no timings
        self.pending: dict[str, PendingRequest] = {}
        self.used: list[str] = []  # custom_ids answered, in the order asked

    def reset(self) -> None:
        """Forget what the last article asked (one backend serves every article)."""
        self.pending = {}
        self.used = []

    def count_tokens(self, text: str) -> int | None:
        return None

    def create(self, *, prompt: PromptInfo | None = None, **kwargs: Any) -> ChatCompletion:
        cid = custom_id(kwargs)
        answer = self.answers.get(cid)
        if answer is None:
            if self.strict:
                raise RecordingMissingError(f"batch/{self.model}/{cid}", self.where)
            self.pending.setdefault(cid, PendingRequest(dict(kwargs), prompt))
            raise AnswerPending(cid)
        self.used.append(cid)
        response = completion_of(answer)
        if not response.choices:
            raise BackendError(
                f"openai endpoint answered with no choices (model {self.model!r}, "
                f"batch {answer.batch})"
            )
        return response

    def close(self) -> None:
        pass
