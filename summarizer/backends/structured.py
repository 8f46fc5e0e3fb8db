"""One structured request: rendered messages in, a validated pydantic answer out.

The only place outside the transports that knows instructor. instructor drives the
attempts: the draft's validator runs the caller's gate (our checks), and a failed check
is a validation error that instructor turns into a re-ask with the gate's message. Only
validation errors re-ask; transport faults are retried inside the backend. Here are
instructor's patch of the backend's `create`, the hooks that note what every attempt
cost and returned (`CallLog`), the gate, and the mapping of instructor's exceptions to
ours (`NoUsableAnswer` and its kinds), so no caller imports instructor.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

import instructor
from instructor.core import (
    HookName,
    Hooks,
    IncompleteOutputException,
    InstructorRetryException,
)
from pydantic import model_validator

from .. import schema
from ..errors import SummarizerError
from ..schema import DraftEvents, PromptInfo, Usage
from ..settings import Settings
from .base import Backend

Messages = list[dict[str, Any]]
Gate = Callable[[schema.Draft], None]

# instructor logs each failed validation at ERROR level; the same facts are in
# run.findings. A NullHandler keeps them off stderr unless the application configures
# logging itself (the usual manners of a library).
logging.getLogger("instructor").addHandler(logging.NullHandler())


@dataclass
class CallLog:
    """What every attempt cost and returned, whatever happens to the loop."""

    usage: Usage = field(default_factory=Usage)
    attempts: int = 0
    last_raw: str | None = None
    timings: list[dict[str, float]] = field(default_factory=list)

    def model_seconds(self) -> float | None:
        walls = [t["wall_s"] for t in self.timings if "wall_s" in t]
        return round(sum(walls), 3) if walls else None

    def on_response(self, response: Any) -> None:
        self.attempts += 1
        if getattr(response, "usage", None) is not None:
            self.usage.add(response.usage)
        choices = getattr(response, "choices", None) or []
        if choices:
            self.last_raw = choices[0].message.content

    def note_timings(self, timings: dict[str, float]) -> None:
        if timings:
            self.timings.append(dict(timings))


# --- the re-ask gate --------------------------------------------------------------------
# The gate reaches the validator through a context variable, not instructor's
# `context=`: given a context, instructor renders every message as a Jinja template, so
# an article containing "{{" or "{%" was silently altered or raised a template error.
_GATE: ContextVar[Gate | None] = ContextVar("draft_gate", default=None)


@contextlib.contextmanager
def _gated(gate: Gate) -> Iterator[None]:
    token = _GATE.set(gate)
    try:
        yield
    finally:
        _GATE.reset(token)


class Draft(schema.Draft):
    # schema.Draft, checked by the active gate whenever instructor validates it. The same
    # name, docstring and fields, so the same JSON schema and request; a Draft parsed
    # anywhere else (the fallback, the eval's baselines) stays structural.
    __doc__ = schema.Draft.__doc__

    @model_validator(mode="after")
    def _run_gate(self) -> Draft:
        gate = _GATE.get()
        if gate is not None:
            gate(self)
        return self


# instructor wraps a plain model in a new pydantic class on every call (~1 ms of CPU a
# request); wrapped once here, it is the same class, schema and request every time.
_DRAFT_MODEL = instructor.response_schema(Draft)
_EVENTS_MODEL = instructor.response_schema(DraftEvents)


# --- what a request that returns no answer raises ---------------------------------------
class NoUsableAnswer(Exception):
    """No validated answer came back. `kind` names instructor's error, as messages say it."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


class AnswerCutOff(NoUsableAnswer):
    """The answer stopped at max_tokens before it was whole."""


class RequestFailed(NoUsableAnswer):
    """One of our errors was raised inside the request (the backend's: transport,
    a missing recording); `error` is that error."""

    def __init__(self, kind: str, error: SummarizerError) -> None:
        super().__init__(kind, str(error))
        self.error = error


class RetriesExhausted(NoUsableAnswer):
    """The re-asks or the token budget ran out with the gate still failing (or another
    error ended instructor's loop)."""


class StructuredRequests:
    """Structured requests to one backend, for one prompt, with the settings' sampling."""

    def __init__(self, backend: Backend, prompt: PromptInfo, settings: Settings) -> None:
        self.backend = backend
        self.prompt = prompt
        self.settings = settings
        self._create = instructor.patch(create=self._send, mode=backend.mode)

    def _send(self, **kwargs: Any) -> Any:
        # instructor's request, with the prompt it was rendered from: recordings are kept
        # by prompt (replay.py). instructor never sees the prompt; the model never gets it.
        return self.backend.create(prompt=self.prompt, **kwargs)

    def draft(
        self, messages: Messages, log: CallLog, *, gate: Gate, reasks: int, token_budget: int
    ) -> schema.Draft:
        """A Draft that `gate` accepts, re-asking up to `reasks` times with its message."""
        with _gated(gate):
            answer: schema.Draft = self._ask(_DRAFT_MODEL, messages, log, reasks, token_budget)
        return answer

    def events(self, messages: Messages, log: CallLog, *, token_budget: int) -> DraftEvents:
        """Events only, in one attempt (the re-read's request)."""
        answer: DraftEvents = self._ask(_EVENTS_MODEL, messages, log, 0, token_budget)
        return answer

    def _ask(
        self,
        response_model: Any,
        messages: Messages,
        log: CallLog,
        reasks: int,
        token_budget: int,
    ) -> Any:
        """One structured request, its cost noted in `log`; instructor's errors as ours."""
        hooks = Hooks()
        hooks.on(HookName.COMPLETION_RESPONSE, log.on_response)
        hooks.on(
            HookName.COMPLETION_RESPONSE, lambda _r: log.note_timings(self.backend.last_timings)
        )
        try:
            return self._create(
                response_model=response_model,
                messages=messages,
                model=self.backend.model,
                max_retries=reasks,
                hooks=hooks,
                token_budget=token_budget,
                max_tokens=self.settings.max_output_tokens,
                temperature=self.settings.temperature,
                seed=self.settings.seed,
            )
        except IncompleteOutputException as exc:
            raise AnswerCutOff(type(exc).__name__, str(exc)) from exc
        except InstructorRetryException as exc:  # instructor's TokenBudgetError included
            kind = type(exc).__name__
            if isinstance(exc.__cause__, SummarizerError):
                raise RequestFailed(kind, exc.__cause__) from exc.__cause__
            raise RetriesExhausted(kind, str(exc)) from exc
