"""The Batch API's files and batches (`/v1/files`, `/v1/batches`) through the `openai`
client: upload an input file, start a batch, look it up, download its output.

The client retries transport faults itself (settings.transport_retries), as for the
chat requests; whatever still fails is a BackendError with the key scrubbed.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openai

from ..errors import BackendError, ConfigError
from ..secrets import register_secret, scrub
from ..settings import Settings

TERMINAL = ("completed", "failed", "expired", "cancelled")
ENDPOINT = "/v1/chat/completions"
_NO_KEY = "no-key-needed"


@dataclass(frozen=True)
class BatchInfo:
    """What the job keeps of a batch object."""

    id: str
    status: str
    input_file_id: str | None = None
    output_file_id: str | None = None
    error_file_id: str | None = None
    errors: str | None = None  # the batch's own errors (a failed batch), in one line
    metadata: dict[str, str] = field(default_factory=dict)

    @property
    def done(self) -> bool:
        return self.status in TERMINAL


def _info(batch: Any) -> BatchInfo:
    errors = getattr(batch, "errors", None)
    data = getattr(errors, "data", None) or []
    messages = "; ".join(f"{e.code}: {e.message}" for e in data) or None
    return BatchInfo(
        id=batch.id,
        status=batch.status,
        input_file_id=batch.input_file_id,
        output_file_id=batch.output_file_id,
        error_file_id=batch.error_file_id,
        errors=messages,
        metadata=dict(batch.metadata or {}),
    )


class BatchTransport:
    """One Batch API endpoint (OpenAI, Azure, Together, ... or a stub)."""

    def __init__(self, settings: Settings, client: openai.OpenAI | None = None) -> None:
        if client is None:
            key = os.environ.get("OPENAI_API_KEY")
            if not key and not settings.openai_base_url:
                raise ConfigError(
                    "the Batch API needs OPENAI_API_KEY (or OPENAI_BASE_URL for a server "
                    "that takes no key)"
                )
            register_secret(key)
            client = openai.OpenAI(
                api_key=key or _NO_KEY,
                base_url=settings.openai_base_url,
                max_retries=settings.transport_retries,
                timeout=settings.request_timeout_s,
            )
        self.client = client

    def upload(self, path: Path) -> str:
        with path.open("rb") as fh:
            made = self._call(self.client.files.create, file=(path.name, fh), purpose="batch")
        return str(made.id)

    def start(self, file_id: str, metadata: dict[str, str]) -> BatchInfo:
        made = self._call(
            self.client.batches.create,
            input_file_id=file_id,
            endpoint=ENDPOINT,
            completion_window="24h",
            metadata=metadata,
        )
        return _info(made)

    def find(self, key: str, value: str) -> BatchInfo | None:
        """The batch whose metadata has key=value (one started before a crash), if any."""
        for batch in self._batches():
            if (batch.metadata or {}).get(key) == value:
                return _info(batch)
        return None

    def _batches(self) -> Iterator[Any]:
        yield from self._call(self.client.batches.list, limit=100)  # pages through all

    def get(self, batch_id: str) -> BatchInfo:
        return _info(self._call(self.client.batches.retrieve, batch_id))

    def download(self, file_id: str) -> bytes:
        content = self._call(self.client.files.content, file_id)
        return bytes(content.content)

    def close(self) -> None:
        self.client.close()

    @staticmethod
    def _call(method: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(*args, **kwargs)
        except openai.APIStatusError as exc:
            raise BackendError(
                f"Batch API answered HTTP {exc.status_code} after retries: "
                f"{scrub(exc.message)[:300]}"
            ) from None
        except openai.APIError as exc:  # connection, timeout, a body that is not JSON
            raise BackendError(
                f"Batch API unreachable after retries ({type(exc).__name__})"
            ) from None
