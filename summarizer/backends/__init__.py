"""Backends, chosen from a small table by name."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import instructor

from ..settings import Settings
from .base import Backend
from .model_files import DEFAULT_EMBEDDED_MODEL
from .modes import openai_mode
from .replay import RecordingBackend, ReplayBackend


def _local(settings: Settings) -> Backend:
    if settings.parallel > 1:  # several requests decoded together (scheduler.py)
        from .parallel_local import ParallelLocalBackend

        return ParallelLocalBackend(settings)
    from .local import LocalBackend  # imports llama_cpp: only when asked for

    return LocalBackend(settings)


def _openai(settings: Settings) -> Backend:
    from .openai_backend import OpenAIBackend

    return OpenAIBackend(settings)


LIVE_BACKENDS: dict[str, Callable[[Settings], Backend]] = {"local": _local, "openai": _openai}


def _replay(settings: Settings) -> Backend:
    model = settings.model or (
        Path(settings.model_path).stem if settings.model_path else DEFAULT_EMBEDDED_MODEL
    )
    # Replay must build requests exactly as the recorded backend did.
    mode = openai_mode(settings) if settings.replay_of == "openai" else instructor.Mode.JSON_SCHEMA
    return ReplayBackend(Path(settings.recordings_dir), settings.replay_of, model, mode)


def _record(settings: Settings) -> Backend:
    live = LIVE_BACKENDS[settings.record_from](settings)
    return RecordingBackend(
        live, Path(settings.recordings_dir), keep_existing=settings.record_keep_existing
    )


BACKEND_FACTORIES: dict[str, Callable[[Settings], Backend]] = {
    **LIVE_BACKENDS,
    "replay": _replay,
    "record": _record,
}


def make_backend(settings: Settings) -> Backend:
    return BACKEND_FACTORIES[settings.backend](settings)


__all__ = ["BACKEND_FACTORIES", "Backend", "make_backend"]
