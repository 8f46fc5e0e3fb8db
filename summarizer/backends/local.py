"""The embedded default: a GGUF model run in-process by llama.cpp, no key, no network.

llama-cpp-python ignores OpenAI's `response_format={"type": "json_schema", ...}`
(no grammar, prose answers, every attempt fails); we translate it to its own
`{"type": "json_object", "schema": ...}` so the JSON-schema grammar constrains
decoding. llama.cpp keeps the KV cache of the previous call and reuses the longest
shared token prefix, so the system prompt is evaluated once per process (and, through
prefix_cache.py, once per machine).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import instructor

from ..errors import BackendError, ConfigError
from ..schema import PromptInfo
from ..settings import Settings
from . import greedy_grammar, prompt_lookup
from .model_files import DEFAULT_EMBEDDED_MODEL, check_gguf, ensure_model_file
from .prefix_cache import PrefixCache


class _SamplingClock:
    """Seconds spent in libllama's sampler (the JSON grammar over the whole vocabulary).

    llama.cpp's perf counters cover decoding only and the sampler chain is freed after
    each generation, so we time the one C call that samples a token.
    """

    seconds = 0.0

    @classmethod
    def install(cls, internals: Any) -> None:
        sampler_cls = internals.LlamaSampler
        if getattr(sampler_cls.sample, "_timed", False):
            return
        original: Callable[[Any, Any, int], int] = sampler_cls.sample

        def timed(self: Any, ctx: Any, idx: int = -1) -> int:
            started = time.perf_counter()
            try:
                return original(self, ctx, idx)
            finally:
                cls.seconds += time.perf_counter() - started

        timed._timed = True  # type: ignore[attr-defined]
        sampler_cls.sample = timed


_SAMPLING_CLOCK = _SamplingClock


def _model_key(path: Path) -> str:
    """Names a model file's saved states: its name, size and modification time."""
    stat = path.stat()
    stamp = hashlib.sha256(f"{path.resolve()}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return f"{path.stem}-{stamp.hexdigest()[:8]}"


def import_llama_cpp() -> Any:
    try:
        import llama_cpp
    except ImportError as exc:
        raise ConfigError(
            "the local backend needs llama-cpp-python: run `pip install -e '.[local]'`"
        ) from exc
    return llama_cpp


def model_file(settings: Settings) -> tuple[str, Path]:
    """The model's name and its checked GGUF file (joined from its packages if needed)."""
    if settings.model_path:
        path = Path(settings.model_path)
        name = path.stem
    else:
        name = settings.model or DEFAULT_EMBEDDED_MODEL
        path = ensure_model_file(name, settings.cache_dir)
    check_gguf(path)
    return name, path


def llama_kwargs(kwargs: dict[str, Any]) -> dict[str, Any]:
    """instructor's OpenAI kwargs as llama-cpp-python's chat completion takes them."""
    kwargs.pop("model", None)
    fmt = kwargs.get("response_format")
    if isinstance(fmt, dict) and fmt.get("type") == "json_schema":
        kwargs["response_format"] = {
            "type": "json_object",
            "schema": fmt["json_schema"]["schema"],
        }
    for unsupported in ("stream_options", "parallel_tool_calls", "strict"):
        kwargs.pop(unsupported, None)
    return kwargs


class LocalBackend:
    name = "local"
    recorded_backend = "local"
    mode = instructor.Mode.JSON_SCHEMA
    rate_per_http_request = False  # no HTTP: a `--rate` token per call

    def __init__(self, settings: Settings) -> None:
        llama_cpp = import_llama_cpp()
        self.model, path = model_file(settings)
        self.path = path
        self._llama_cpp = llama_cpp
        from llama_cpp import _internals

        if settings.fast_greedy_grammar:
            greedy_grammar.install(llama_cpp, _internals)
        _SAMPLING_CLOCK.install(_internals)  # wraps whichever sampler is installed
        self._lock = threading.Lock()  # one llama context: calls must not interleave
        self.last_timings: dict[str, float] = {}
        threads = settings.n_threads or max(1, (os.cpu_count() or 2))
        try:
            self.llm = llama_cpp.Llama(
                model_path=str(path),
                n_ctx=settings.n_ctx,
                n_threads=threads,
                n_batch=512,
                seed=settings.seed,
                verbose=False,
            )
        except (ValueError, RuntimeError) as exc:
            raise ConfigError(f"llama.cpp could not load {path}: {exc}") from exc
        self.n_ctx = settings.n_ctx
        self._draft = (
            prompt_lookup.install(self.llm, settings.draft_tokens)
            if settings.draft_tokens
            else None
        )
        self._prefix = (
            PrefixCache(self.llm, llama_cpp, settings.cache_dir, _model_key(path))
            if settings.prefix_cache
            else None
        )

    def count_tokens(self, text: str) -> int:
        return len(self.llm.tokenize(text.encode("utf-8"), add_bos=False, special=True))

    def create(self, *, prompt: PromptInfo | None = None, **kwargs: Any) -> Any:
        kwargs = llama_kwargs(kwargs)
        with self._lock:
            self._reset_perf()
            _SAMPLING_CLOCK.seconds = 0.0
            if self._draft is not None:  # before the prefix: its eval is a prompt's
                self._draft.begin()
            started = time.perf_counter()
            prefix = self._prefix.prepare(kwargs["messages"]) if self._prefix else None
            try:
                with greedy_grammar.greedy_call(greedy_grammar.is_plain_greedy(kwargs)):
                    response = self.llm.create_chat_completion_openai_v1(**kwargs)
            except ValueError as exc:  # e.g. prompt longer than the context window
                raise BackendError(f"llama.cpp refused the request: {exc}") from exc
            self.last_timings = {"wall_s": time.perf_counter() - started, **self._perf()}
            if prefix is not None:
                self.last_timings["prefix_tokens"] = float(prefix.tokens)
                self.last_timings["prefix_from_file"] = float(prefix.source == "file")
        response.model = self.model
        return response

    def _reset_perf(self) -> None:
        with contextlib.suppress(AttributeError, TypeError):
            self._llama_cpp.llama_perf_context_reset(self.llm._ctx.ctx)

    def _perf(self) -> dict[str, float]:
        """llama.cpp's own clock for the last call: prompt evaluation and generation."""
        try:
            data = self._llama_cpp.llama_perf_context(self.llm._ctx.ctx)
        except (AttributeError, TypeError):
            return {}
        timings = {
            "prompt_eval_s": data.t_p_eval_ms / 1000.0,
            "generation_s": data.t_eval_ms / 1000.0,
            "prompt_eval_tokens": float(data.n_p_eval),
            "generated_tokens": float(data.n_eval),
        }
        if self._draft is not None:
            self._draft.split_timings(timings)
        timings["sampling_s"] = _SAMPLING_CLOCK.seconds
        return timings

    def close(self) -> None:
        llm = getattr(self, "llm", None)
        if llm is not None:
            llm.close()
