"""Recorded real model responses: strict replay, and a recorder that wraps a live backend.

A recording is one JSON file per request, keyed by backend, model, prompt sha256 and
a hash of the exact request (messages, schema, sampling). Replay is strict: a request
with no recording raises RecordingMissingError naming the key; it never goes live.
Recordings are scrubbed of secrets before they are written.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

import instructor
from openai.types.chat import ChatCompletion

from ..errors import RecordingMissingError
from ..schema import PromptInfo
from ..secrets import scrub_obj
from .base import Backend

_KEYED_ARGS = (
    "messages",
    "response_format",
    "tools",
    "tool_choice",
    "temperature",
    "seed",
    "max_tokens",
)


def request_hash(kwargs: dict[str, Any]) -> str:
    keyed = {k: kwargs.get(k) for k in _KEYED_ARGS}
    blob = json.dumps(keyed, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "._-" else "_" for c in name)


def _prompt_sha(prompt: PromptInfo | None) -> str:
    return prompt.sha256[:12] if prompt else "noprompt"


Messages = list[dict[str, Any]]


def _turns(messages: Messages) -> list[tuple[str, str]]:
    return [(m.get("role", ""), m.get("content") or "") for m in messages]


class Recorded(NamedTuple):
    """One recording file and what it holds (key, request, response, timings, ...)."""

    path: Path
    record: dict[str, Any]


class RecordingStore:
    """The layout of the recordings: root/<backend>__<model>/<prompt sha>/<request>.json."""

    def __init__(self, root: Path, backend: str, model: str) -> None:
        self.root = root
        self.backend = backend
        self.model = model
        # Per prompt folder: the recordings indexed under each of their user turns.
        self._by_user: dict[Path, dict[str, list[Recorded]]] = {}

    def folder(self, prompt: PromptInfo | None) -> Path:
        """The folder that holds every recording of `prompt` for this backend and model."""
        return self.root / _safe(f"{self.backend}__{self.model}") / _prompt_sha(prompt)

    def key(self, kwargs: dict[str, Any], prompt: PromptInfo | None) -> tuple[str, Path]:
        """The key of one request of `prompt`, and the file its recording is kept in."""
        digest = request_hash(kwargs)[:20]
        key = f"{self.backend}/{self.model}/{_prompt_sha(prompt)}/{digest}"
        return key, self.folder(prompt) / f"{digest}.json"

    def recorded(self, prompt: PromptInfo | None) -> Iterator[Recorded]:
        """Every recording of `prompt`, in file-name order."""
        folder = self.folder(prompt)
        for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
            yield Recorded(path, json.loads(path.read_text("utf-8")))

    def attempts(self, prompt: PromptInfo | None, rendered: Messages) -> list[Recorded]:
        """The recorded attempts of one rendered request, first attempt first.

        A run's attempts are the recordings whose messages start with the rendered
        prompt (system, few-shot turns, user); re-asks append turns after it, so the
        first attempt is the one with nothing appended. The folder is read once.
        """
        folder = self.folder(prompt)
        if folder not in self._by_user:
            index: dict[str, list[Recorded]] = defaultdict(list)
            for rec in self.recorded(prompt):
                for m in rec.record.get("request", {}).get("messages") or []:
                    if m.get("role") == "user":
                        # Index under every user turn; the whole prefix is checked below.
                        index[m.get("content") or ""].append(rec)
            self._by_user[folder] = index
        prefix = _turns(rendered)
        found = {
            id(rec): rec
            for rec in self._by_user[folder].get(rendered[-1]["content"], [])
            if _turns(rec.record["request"]["messages"])[: len(prefix)] == prefix
        }
        return sorted(found.values(), key=lambda rec: len(rec.record["request"]["messages"]))

    def load(
        self, kwargs: dict[str, Any], prompt: PromptInfo | None
    ) -> tuple[ChatCompletion, dict[str, float]]:
        """The recorded response, and the timings measured when it was recorded."""
        key, path = self.key(kwargs, prompt)
        if not path.is_file():
            raise RecordingMissingError(key, str(path))
        data = json.loads(path.read_text("utf-8"))
        return ChatCompletion.model_validate(data["response"]), dict(data.get("timings") or {})

    def save(
        self,
        kwargs: dict[str, Any],
        response: Any,
        timings: dict[str, float],
        prompt: PromptInfo | None,
    ) -> Path:
        key, path = self.key(kwargs, prompt)
        record = {
            "key": key,
            "backend": self.backend,
            "model": self.model,
            "prompt": prompt.model_dump() if prompt else None,
            "request_sha256": request_hash(kwargs),
            "recorded_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "timings": timings,
            "request": {k: kwargs.get(k) for k in _KEYED_ARGS if k in kwargs},
            "response": response.model_dump(mode="json"),
        }
        self._by_user.pop(path.parent, None)  # read the folder again for attempts()
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        tmp.write_text(json.dumps(scrub_obj(record), ensure_ascii=False, indent=1), "utf-8")
        tmp.replace(path)
        return path


class ReplayBackend:
    """Answers from recordings only, as the recorded backend and model."""

    def __init__(self, root: Path, backend: str, model: str, mode: instructor.Mode) -> None:
        self.name = f"replay:{backend}"  # results say what was replayed, e.g. "replay:local"
        self.store = RecordingStore(root, backend, model)
        self.model = model
        self.recorded_backend = backend
        self.mode = mode
        # What the recorded call took (wall_s, ...): replay itself takes ~0 s.
        self.last_timings: dict[str, float] = {}

    rate_per_http_request = False  # no endpoint: RateLimitedBackend takes the tokens

    def count_tokens(self, text: str) -> int | None:
        return None  # no tokenizer, only answers

    def create(self, *, prompt: PromptInfo | None = None, **kwargs: Any) -> ChatCompletion:
        response, self.last_timings = self.store.load(kwargs, prompt)
        return response

    def close(self) -> None:
        pass


class RecordingBackend:
    """Passes requests to a live backend and stores the real responses.

    With `keep_existing`, a request that already has a recording is answered from it
    (the same real response) and only missing ones go live.
    """

    def __init__(self, live: Backend, root: Path, *, keep_existing: bool = False) -> None:
        self.live = live
        self.name = live.name
        self.model = live.model
        self.mode = live.mode
        self.store = RecordingStore(root, live.name, live.model)
        self.recorded_backend = live.name  # what it records is replayed as this backend
        self.keep_existing = keep_existing
        self.last_timings: dict[str, float] = {}

    @property
    def rate_per_http_request(self) -> bool:
        return self.live.rate_per_http_request

    def count_tokens(self, text: str) -> int | None:
        return self.live.count_tokens(text)

    def create(self, *, prompt: PromptInfo | None = None, **kwargs: Any) -> Any:
        if self.keep_existing:
            try:
                response, self.last_timings = self.store.load(kwargs, prompt)
                return response
            except RecordingMissingError:
                pass
        response = self.live.create(prompt=prompt, **kwargs)
        # This request's own timings: with SUMMARIZER_PARALLEL, other threads' requests
        # may set `last_timings` before the save.
        timings = dict(self.live.last_timings)
        self.last_timings = timings
        self.store.save(kwargs, response, timings, prompt)
        return response

    def close(self) -> None:
        self.live.close()
