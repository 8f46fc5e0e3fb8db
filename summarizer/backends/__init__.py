"""Backends, chosen from a small table by name."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import instructor

from ..settings import Settings
from .base import Backend
from .model_files import DEFAULT_EMBEDDED_MODEL
from .replay import RecordingBackend, ReplayBackend


def _local(settings: Settings) -> Backend:
    from .local import LocalBackend  # imports llama_cpp: only when asked for

    return LocalBackend(settings)


def _openai(settings: Settings) -> Backend:
    from .openai_backend import OpenAIBackend

    return OpenAIBackend(settings)


LIVE_BACKENDS: dict[str, Callable[[Settings], Backend]] = {"local": _local, "openai": _openai}


def _replay(settings: Settings) -> Backend:
    source = os.environ.get("SUMMARIZER_REPLAY_OF", "local")
    model = settings.model or (
        Path(settings.model_path).stem if settings.model_path else DEFAULT_EMBEDDED_MODEL
    )
    mode = instructor.Mode.JSON_SCHEMA
    return ReplayBackend(Path(settings.recordings_dir), source, model, mode)


def _record(settings: Settings) -> Backend:
    source = os.environ.get("SUMMARIZER_RECORD_FROM", "local")
    return RecordingBackend(LIVE_BACKENDS[source](settings), Path(settings.recordings_dir))


BACKEND_FACTORIES: dict[str, Callable[[Settings], Backend]] = {
    **LIVE_BACKENDS,
    "replay": _replay,
    "record": _record,
}


def make_backend(settings: Settings) -> Backend:
    return BACKEND_FACTORIES[settings.backend](settings)


__all__ = ["BACKEND_FACTORIES", "Backend", "make_backend"]
