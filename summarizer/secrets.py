"""Keep API keys out of everything we write: errors, logs, recordings, outputs."""

from __future__ import annotations

import os
import re
from typing import Any

_PATTERNS = [
    re.compile(r"sk-[A-Za-z0-9_\-]{8,}"),
    re.compile(r"(Bearer\s+)[A-Za-z0-9._\-]{8,}", re.IGNORECASE),
    re.compile(
        r"((?:api[_-]?key|authorization)[\"']?\s*[:=]\s*[\"']?)[^\s\"',}]{6,}", re.IGNORECASE
    ),
]
_ENV_KEYS = ("OPENAI_API_KEY", "SUMMARIZER_API_KEY")


def scrub(text: str) -> str:
    for name in _ENV_KEYS:
        value = os.environ.get(name)
        if value and len(value) >= 6:
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
