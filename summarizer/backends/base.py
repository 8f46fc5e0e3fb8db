"""The one protocol every backend follows: an OpenAI-shaped `create` plus a name.

instructor patches `create`, so the re-ask loop, parsing and usage accounting are
the same for every backend; only how a request reaches a model differs.
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

import instructor


@runtime_checkable
class Backend(Protocol):
    name: str  # "local", "openai", ... as recorded in every result
    model: str
    mode: instructor.Mode

    def create(self, **kwargs: Any) -> Any:
        """Take OpenAI chat-completion kwargs, return an OpenAI `ChatCompletion`."""
        ...

    def close(self) -> None: ...
