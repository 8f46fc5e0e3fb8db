"""Greedy decoding under a JSON grammar without checking the grammar on every token.

llama-cpp-python's sampler chain applies the grammar to all ~152k candidates of the
vocabulary before picking the best one: ~20 ms a token on this machine, a fifth of an
article's time. With greedy decoding the answer is the same if we first take the
unconstrained best token and ask the grammar about that one token only; only when the
grammar rejects it (rare: the model mostly writes valid JSON) do we fall back to the
full chain. llama.cpp's own `common_sampler_sample` does the same ("grammar_first" off).

Taken only for chains we can prove greedy: [penalties, grammar, greedy] built by a call
whose penalties are no-ops, flagged by the backend through `greedy_call()`.
"""

from __future__ import annotations

import contextlib
import ctypes
import math
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import Any

import numpy as np

_GREEDY_CALL: ContextVar[bool] = ContextVar("greedy_call", default=False)
# llama.cpp names the penalties sampler "?penalties" in some builds.
_EXPECTED_CHAIN = (b"penalties", b"grammar", b"greedy")


class Stats:
    """How often the one-token check was enough (for the benchmark's figures)."""

    fast = 0
    fallback = 0


@contextlib.contextmanager
def greedy_call(enabled: bool) -> Iterator[None]:
    """Mark the samplers built inside this block as eligible for the fast path."""
    token = _GREEDY_CALL.set(enabled)
    try:
        yield
    finally:
        _GREEDY_CALL.reset(token)


def is_plain_greedy(kwargs: dict[str, Any]) -> bool:
    """True when a chat-completion request decodes greedily with no penalties."""
    return (
        kwargs.get("temperature") == 0
        and kwargs.get("repeat_penalty", 1.0) == 1.0
        and not kwargs.get("frequency_penalty")
        and not kwargs.get("presence_penalty")
        and not kwargs.get("logits_processor")
    )


def install(llama_cpp: Any, internals: Any) -> None:
    """Patch `LlamaSampler.sample` once per process."""
    sampler_cls = internals.LlamaSampler
    if getattr(sampler_cls.sample, "_greedy_grammar", False):
        return
    full_chain_sample: Callable[[Any, Any, int], int] = sampler_cls.sample

    def chain_names(chain: Any) -> tuple[bytes, ...]:
        count = llama_cpp.llama_sampler_chain_n(chain)
        return tuple(
            llama_cpp.llama_sampler_name(llama_cpp.llama_sampler_chain_get(chain, i)).lstrip(b"?")
            for i in range(count)
        )

    def sample(self: Any, ctx: Any, idx: int = -1) -> int:
        chain = self.sampler
        if not _GREEDY_CALL.get() or chain_names(chain) != _EXPECTED_CHAIN:
            return full_chain_sample(self, ctx, idx)
        logits = np.ctypeslib.as_array(
            llama_cpp.llama_get_logits_ith(ctx.ctx, idx), shape=(ctx.model.n_vocab(),)
        )
        best = int(logits.argmax())
        candidate = (llama_cpp.llama_token_data * 1)(
            llama_cpp.llama_token_data(best, float(logits[best]), 0.0)
        )
        one = llama_cpp.llama_token_data_array(candidate, 1, -1, False)
        grammar = llama_cpp.llama_sampler_chain_get(chain, 1)
        llama_cpp.llama_sampler_apply(grammar, ctypes.byref(one))
        if math.isinf(candidate[0].logit):  # the grammar rejects it: check them all
            Stats.fallback += 1
            return full_chain_sample(self, ctx, idx)
        Stats.fast += 1
        llama_cpp.llama_sampler_accept(chain, best)  # advances the grammar's state
        return best

    sample._greedy_grammar = True  # type: ignore[attr-defined]
    sampler_cls.sample = sample
