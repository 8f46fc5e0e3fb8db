"""The one protocol every backend follows: an OpenAI-shaped `create`, a name, and what
callers read after a call.

instructor patches `create` (backends/structured.py), so the re-ask loop, parsing and
usage accounting are the same for every backend; only how a request reaches a model
differs. Every member below is read by a caller, so every backend defines it (wrappers
pass their inner backend's on): nothing is looked up with `getattr`.
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

import instructor

from ..schema import PromptInfo


@runtime_checkable
class Backend(Protocol):
    name: str  # "local", "openai", ... as recorded in every result
    model: str
    mode: instructor.Mode

    @property
    def last_timings(self) -> dict[str, float]:
        """What the last `create` took (wall_s, prompt_eval_s, ...); {} when not measured.

        A replayed call gives the timings measured when it was recorded.
        """
        ...

    @property
    def recorded_backend(self) -> str:
        """The backend whose recordings hold this one's answers: the replayed backend's
        name for replay, the backend's own name otherwise."""
        ...

    @property
    def rate_per_http_request(self) -> bool:
        """True when the backend takes a `--rate` token for each HTTP request it sends
        itself (its client's retries included); RateLimitedBackend then takes none."""
        ...

    def count_tokens(self, text: str) -> int | None:
        """How many tokens `text` is for the model; None when the backend cannot tell."""
        ...

    def create(self, *, prompt: PromptInfo | None = None, **kwargs: Any) -> Any:
        """Take OpenAI chat-completion kwargs, return an OpenAI `ChatCompletion`.

        `prompt` names the prompt the messages were rendered from: recordings are kept
        by it (replay.py); it is never sent to a model.
        """
        ...

    def close(self) -> None: ...
