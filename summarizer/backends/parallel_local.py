"""The embedded model decoding several requests at once (`SUMMARIZER_PARALLEL` > 1).

Callers do not change: `summarize_many` runs one thread per article, each thread's
`create` blocks while the scheduler (scheduler.py) decodes its request in a batch with
the other threads' requests. The request is built exactly as on the one-at-a-time path:
llama-cpp-python's own chat handler renders the messages, tokenises them and compiles
the JSON-schema grammar, then calls `create_completion` on the object it was given;
here that object is `_SubmittingLlama`, which hands the prompt to the scheduler
instead of generating, and returns the completion in llama-cpp-python's shape.

Greedy only (temperature 0, no penalties): that is what the pipeline asks, and what
lets each sequence's grammar check one token (sequence_grammar.py). Prompt-lookup
guesses (`SUMMARIZER_DRAFT_TOKENS`) and the on-disk prefix state are not used here:
the system prompt is evaluated once per process and copied to every sequence.
"""

from __future__ import annotations

import os
import threading
import time
import uuid
from typing import Any, cast

import instructor

from ..errors import BackendError, ConfigError
from ..schema import PromptInfo
from ..settings import Settings
from .kv_sequences import KvSequences
from .local import import_llama_cpp, llama_kwargs, model_file
from .scheduler import Outcome, Request, Scheduler


class _SubmittingLlama:
    """The `llama` a chat handler is given: everything is the real Llama's, except
    `create_completion`, which goes through the scheduler."""

    def __init__(self, llm: Any, backend: ParallelLocalBackend) -> None:
        self._llm = llm
        self._backend = backend

    def __getattr__(self, name: str) -> Any:
        return getattr(self._llm, name)

    def create_completion(
        self,
        prompt: list[int],
        *,
        max_tokens: int | None = 16,
        temperature: float = 0.8,
        stop: str | list[str] | None = None,
        repeat_penalty: float = 1.0,
        frequency_penalty: float = 0.0,
        presence_penalty: float = 0.0,
        logits_processor: Any = None,
        logit_bias: Any = None,
        stopping_criteria: Any = None,
        stream: bool = False,
        logprobs: Any = None,
        grammar: Any = None,
        model: str | None = None,
        **_sampling: Any,  # top_k, top_p, ...: no effect on a greedy choice
    ) -> dict[str, Any]:
        plain = (
            temperature == 0
            and repeat_penalty == 1.0
            and not frequency_penalty
            and not presence_penalty
            and logits_processor is None
            and logit_bias is None
            and not stream
            and logprobs is None
        )
        if not plain:
            raise ValueError("parallel decoding is greedy only (temperature 0, no penalties)")
        n_ctx = self._backend.scheduler.n_ctx_seq
        if len(prompt) >= n_ctx:
            raise ValueError(f"Requested tokens ({len(prompt)}) exceed context window of {n_ctx}")
        # llama-cpp-python's bounds: no limit means up to the context's end.
        if max_tokens is None or max_tokens <= 0 or max_tokens + len(prompt) >= n_ctx:
            max_tokens = n_ctx - len(prompt)
        stops = [stop] if isinstance(stop, str) else list(stop or [])
        request = Request(
            list(prompt), grammar, max_tokens, [s.encode("utf-8") for s in stops], stopping_criteria
        )
        outcome = self._backend.scheduler.submit(request).result()
        self._backend.note(outcome)
        return self._completion(prompt, outcome, model)

    def _completion(self, prompt: list[int], outcome: Outcome, model: str | None) -> dict[str, Any]:
        text = (
            outcome.stop_text
            if outcome.stop_text is not None
            else self._llm.detokenize(outcome.tokens, prev_tokens=prompt)
        )
        return {
            "id": f"cmpl-{uuid.uuid4()}",
            "object": "text_completion",
            "created": int(time.time()),
            "model": model if model is not None else self._llm.model_path,
            "choices": [
                {
                    "text": text.decode("utf-8", errors="ignore"),
                    "index": 0,
                    "logprobs": None,
                    "finish_reason": outcome.finish_reason,
                }
            ],
            "usage": {
                "prompt_tokens": len(prompt),
                "completion_tokens": len(outcome.tokens),
                "total_tokens": len(prompt) + len(outcome.tokens),
            },
        }


class ParallelLocalBackend:
    name = "local"
    recorded_backend = "local"
    mode = instructor.Mode.JSON_SCHEMA
    rate_per_http_request = False

    def __init__(self, settings: Settings) -> None:
        if settings.temperature != 0:
            raise ConfigError("SUMMARIZER_PARALLEL > 1 decodes greedily: set temperature 0")
        llama_cpp = import_llama_cpp()
        from llama_cpp import _internals

        self.model, self.path = model_file(settings)
        threads = settings.n_threads or max(1, (os.cpu_count() or 2))
        try:
            # The Llama holds the weights, tokenizer and chat handler; its own context is
            # left small and unused: the sequences get a context of their own.
            self.llm = llama_cpp.Llama(
                model_path=str(self.path),
                n_ctx=512,
                n_threads=threads,
                n_batch=512,
                seed=settings.seed,
                verbose=False,
            )
            sequences = KvSequences(
                llama_cpp, _internals, self.llm, settings.parallel, settings.n_ctx
            )
        except (ValueError, RuntimeError) as exc:
            raise ConfigError(f"llama.cpp could not load {self.path}: {exc}") from exc
        self.scheduler = Scheduler(llama_cpp, self.llm, sequences)
        self._proxy = _SubmittingLlama(self.llm, self)
        self._mine = threading.local()  # each thread reads its own request's timings
        self._closed = False

    @property
    def last_timings(self) -> dict[str, float]:
        timings: dict[str, float] = getattr(self._mine, "timings", {})
        return timings

    def note(self, outcome: Outcome) -> None:
        self._mine.outcome_timings = outcome.timings

    def count_tokens(self, text: str) -> int:
        return len(self.llm.tokenize(text.encode("utf-8"), add_bos=False, special=True))

    def create(self, *, prompt: PromptInfo | None = None, **kwargs: Any) -> Any:
        from llama_cpp import Llama
        from openai.types.chat import ChatCompletion

        kwargs = llama_kwargs(kwargs)
        self._mine.outcome_timings = {}
        started = time.perf_counter()
        try:
            # llama-cpp-python's own chat path, on the proxy: same prompt, same grammar.
            data = cast(Any, Llama).create_chat_completion(self._proxy, **kwargs)
        except ValueError as exc:  # e.g. prompt longer than the context window
            raise BackendError(f"llama.cpp refused the request: {exc}") from exc
        self._mine.timings = {
            "wall_s": time.perf_counter() - started,
            **self._mine.outcome_timings,
        }
        response = ChatCompletion(**data)
        response.model = self.model
        return response

    def close(self) -> None:
        if getattr(self, "_closed", True):
            return
        self._closed = True
        self.scheduler.close()
        self.llm.close()
