"""Any OpenAI-compatible endpoint (OpenAI, vLLM, Ollama, llama.cpp server) via `openai`.

Transport faults (timeouts, connection errors, 429, 5xx) are retried by the openai
client itself, which backs off and honours Retry-After; instructor's loop only
re-asks on validation errors, so the two never multiply.
"""

from __future__ import annotations

import json
import os
from typing import Any

import openai

from ..errors import BackendError, ConfigError
from ..secrets import scrub
from ..settings import Settings
from .modes import openai_mode


class OpenAIBackend:
    name = "openai"

    def __init__(self, settings: Settings, client: openai.OpenAI | None = None) -> None:
        self.model = settings.model or "gpt-4o-mini"
        self.mode = openai_mode(settings)
        if client is None:
            key = os.environ.get("OPENAI_API_KEY")
            base_url = settings.openai_base_url
            if not key and not base_url:
                raise ConfigError(
                    "the openai backend needs OPENAI_API_KEY (or OPENAI_BASE_URL for a local "
                    "server that takes no key)"
                )
            client = openai.OpenAI(
                api_key=key or "no-key-needed",
                base_url=base_url,
                max_retries=settings.transport_retries,
                timeout=settings.request_timeout_s,
            )
        self.client = client

    def create(self, **kwargs: Any) -> Any:
        try:
            response = self.client.chat.completions.create(**kwargs)
        except openai.APIStatusError as exc:
            # 4xx other than 429 are not transient; 429/5xx arrive here after the retries.
            # Scrubbed: a 401 body often quotes the key that was sent.
            raise BackendError(
                f"{self.name} endpoint answered HTTP {exc.status_code} after retries: "
                f"{_short(scrub(exc.message))}"
            ) from None
        except (openai.APITimeoutError, openai.APIConnectionError) as exc:
            raise BackendError(
                f"{self.name} endpoint unreachable after retries ({type(exc).__name__})"
            ) from None
        except (json.JSONDecodeError, openai.APIResponseValidationError) as exc:
            # A 200 whose body is not JSON (a proxy's HTML page, a broken server): not the
            # model's fault, so it must not be re-asked as if it were a validation error.
            raise BackendError(
                f"{self.name} endpoint sent a body that is not a chat completion "
                f"({type(exc).__name__}); check openai_base_url"
            ) from None
        if not getattr(response, "choices", None):
            raise BackendError(
                f"{self.name} endpoint answered with no choices (model {self.model!r}); "
                "the server produced no completion"
            )
        return response

    def close(self) -> None:
        self.client.close()


def _short(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[:limit] + "..."
