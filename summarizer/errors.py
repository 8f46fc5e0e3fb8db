"""The exceptions the library raises. Every one names the problem in plain words."""

from __future__ import annotations

from typing import Any

from .secrets import scrub

MAX_RAW_CHARS = 20_000


def cap_raw(text: str | None, limit: int = MAX_RAW_CHARS) -> str | None:
    """The start of a bad answer, enough to see what went wrong, and its full length.

    A runaway reply can be megabytes; copied whole it would bloat every error record
    and JSON line. A little more than `limit` is scrubbed before cutting, so a key
    straddling the cut cannot survive as a fragment.
    """
    if text is None or len(text) <= limit:
        return text
    head = scrub(text[: limit + 512])[:limit]
    return f"{head}... [cut: the answer had {len(text):,} characters]"


class SummarizerError(Exception):
    """Base class: catch this to handle any failure of the library."""


class ConfigError(SummarizerError):
    """A setting is missing or wrong (unknown backend, missing model file, bad value)."""


class InputError(SummarizerError):
    """The article itself cannot be used (empty, binary, unreadable)."""


class BackendError(SummarizerError):
    """The model endpoint or the embedded model failed after the transport retries."""


class RecordingMissingError(BackendError):
    """Strict replay found no recording for a request; the key says which one."""

    def __init__(self, key: str, path: str) -> None:
        super().__init__(
            f"no recording for key {key} in {path}; re-record with --backend record "
            "(see README, 'Recordings')"
        )
        self.key = key
        self.path = path


class OutputValidationError(SummarizerError):
    """The model never produced usable output. Keeps what was spent and the last raw text."""

    def __init__(
        self, message: str, *, last_raw: str | None, attempts: int, usage: dict[str, int]
    ) -> None:
        super().__init__(message)
        self.last_raw = cap_raw(last_raw)
        self.attempts = attempts
        self.usage = usage

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": type(self).__name__,
            "message": str(self),
            "last_raw": self.last_raw,
            "attempts": self.attempts,
            "usage": self.usage,
        }
