"""Keep API keys out of everything we write: errors, logs, recordings, outputs."""

from __future__ import annotations

import os
import re
import threading
from typing import Any

_PATTERNS = [
    re.compile(r"sk-[A-Za-z0-9_\-]{8,}"),
    re.compile(r"(Bearer\s+)[A-Za-z0-9._\-]{8,}", re.IGNORECASE),
    re.compile(
        r"((?:api[_-]?key|authorization)[\"']?\s*[:=]\s*[\"']?)[^\s\"',}]{6,}", re.IGNORECASE
    ),
]
_ENV_KEYS = ("OPENAI_API_KEY", "SUMMARIZER_API_KEY")
# Keys handed to us in code (a client built by the caller): the environment does not
# name them and they need not look like "sk-...", so they are scrubbed by value.
_REGISTERED: set[str] = set()
_REGISTERED_LOCK = threading.Lock()


def register_secret(value: str | None) -> None:
    """Scrub this value from every text from now on (shorter values are not secrets)."""
    if value and len(value) >= 6:
        with _REGISTERED_LOCK:
            _REGISTERED.add(value)


def scrub(text: str) -> str:
    with _REGISTERED_LOCK:
        known = set(_REGISTERED)
    known.update(v for v in (os.environ.get(n) for n in _ENV_KEYS) if v and len(v) >= 6)
    for value in sorted(known, key=len, reverse=True):  # a key inside a longer one: longest first
        text = text.replace(value, "[REDACTED]")
    for pattern in _PATTERNS:
        text = pattern.sub(lambda m: (m.group(1) if m.groups() else "") + "[REDACTED]", text)
    return text


def scrub_obj(value: Any) -> Any:
    """Scrub every string inside nested dicts and lists; drop auth headers outright."""
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, dict):
        return {
            k: (
                "[REDACTED]"
                if str(k).lower() in ("authorization", "api_key", "api-key")
                else scrub_obj(v)
            )
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [scrub_obj(v) for v in value]
    return value
