"""One sequence's JSON grammar, picking its next token greedily.

The same rule as greedy_grammar.py, for a sequence decoded in a shared batch: take the
unconstrained best token and ask the grammar about that one token; only when it is
rejected apply the grammar to the whole vocabulary and take the best token left. The
answer is the one llama-cpp-python's [penalties (no-ops), grammar, greedy] chain gives
(the greedy sampler and `argmax` both keep the first of equal logits).
"""

from __future__ import annotations

import ctypes
import math
import time
from typing import Any

import numpy as np
import numpy.typing as npt

# llama_token_data, as numpy sees it: the whole-vocabulary check fills it without a loop.
_TOKEN_DATA = np.dtype([("id", np.int32), ("logit", np.float32), ("p", np.float32)])


class SequenceGrammar:
    """A grammar sampler of its own per sequence: each keeps its own parse state."""

    def __init__(self, llama_cpp: Any, vocab: Any, grammar: Any) -> None:
        self._lib = llama_cpp
        self._sampler = llama_cpp.llama_sampler_init_grammar(
            vocab, grammar._grammar.encode("utf-8"), grammar._root.encode("utf-8")
        )
        if not self._sampler:
            raise ValueError("llama.cpp could not parse the response grammar")
        self.seconds = 0.0  # time spent choosing tokens (argmax and grammar)
        self.whole_vocabulary = 0  # picks that needed the full check

    def pick(self, logits: npt.NDArray[np.float32]) -> int:
        """The best token the grammar allows; the grammar's state advances past it."""
        started = time.perf_counter()
        best = int(logits.argmax())
        if not self._allows(best, float(logits[best])):
            self.whole_vocabulary += 1
            best = self._best_allowed(logits)
        self._lib.llama_sampler_accept(self._sampler, best)
        self.seconds += time.perf_counter() - started
        return best

    def _allows(self, token: int, logit: float) -> bool:
        lib = self._lib
        one = (lib.llama_token_data * 1)(lib.llama_token_data(token, logit, 0.0))
        array = lib.llama_token_data_array(one, 1, -1, False)
        lib.llama_sampler_apply(self._sampler, ctypes.byref(array))
        return not math.isinf(one[0].logit)

    def _best_allowed(self, logits: npt.NDArray[np.float32]) -> int:
        lib = self._lib
        data = np.empty(len(logits), dtype=_TOKEN_DATA)
        data["id"] = np.arange(len(logits), dtype=np.int32)
        data["logit"] = logits
        data["p"] = 0.0
        array = lib.llama_token_data_array(
            data.ctypes.data_as(lib.llama_token_data_p), len(data), -1, False
        )
        lib.llama_sampler_apply(self._sampler, ctypes.byref(array))
        # The grammar may reorder or shrink the candidates: read what it left.
        left = data[: array.size]
        return int(left["id"][int(left["logit"].argmax())])

    def close(self) -> None:
        if self._sampler:
            self._lib.llama_sampler_free(self._sampler)
            self._sampler = None
