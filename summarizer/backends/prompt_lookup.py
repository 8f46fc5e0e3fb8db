"""Prompt-lookup speculative decoding sized for a CPU: guess the next tokens by copying.

The small model copies much of its answer from the prompt (sentences into the summary,
names into fields, JSON keys from the example and from its own earlier items). When the
last few generated tokens also occur earlier in the context, the tokens that followed
them there are a good guess for what comes next. llama.cpp checks such a guess in one
batched decode: every guessed token the model would have chosen itself is kept, the
first one it would not is replaced by its own choice.

llama-cpp-python has the loop (`Llama(draft_model=...)`) but then asks for logits of
every prompt token too (`logits_all`), and copies them into a numpy array sized
context x vocabulary: the seed went from 38.6 to 61 s. Here logits are asked for only
in the generation phase, and guesses are short, because on two cores a batch is not
free: decoding 3 tokens takes ~104 ms against ~47 ms for one.

Caveat, measured: a batched decode does not round exactly like a one-token decode
(llama.cpp's CPU code switches matrix kernels at 4 rows; smaller batches differed too),
so at a near-tie the model can pick another token and the answer goes another way.
With 2 guesses, 9 of 16 recorded requests got the same answer with and without guesses
and generation took 25% less (on the seed with re-reads, 0-5% less time overall); over the 31
eval cases live (first pass) event F1 was 0.783 against 0.754 without guesses, but
target and actor accuracy fell (0.77 -> 0.63, 0.78 -> 0.70). That is why it is opt-in
(`SUMMARIZER_DRAFT_TOKENS`, default 0).
"""

from __future__ import annotations

import time
import types
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

# Guess only after at least this many tokens repeat an earlier stretch: shorter matches
# guess wrong often enough that the extra batch rows cost more than they save (live, 2
# guesses, three recorded requests: generation 42.0 s at 3 against 48.3, 52.4 and 53.3 s
# at 1, 2 and 4).
MIN_MATCH = 3
_LONGEST_MATCH = 8


class PromptLookupDraft:
    """llama-cpp-python's `draft_model`, a callable on the context's tokens: proposes the
    tokens that followed the most recent earlier occurrence of the context's last
    `MIN_MATCH`+ tokens (the longest such match wins)."""

    def __init__(self, max_draft: int) -> None:
        self.max_draft = max_draft
        self.begin()

    def begin(self) -> None:
        """Start a request: its prompt is evaluated as usual, and counters restart."""
        self.active = False  # True from the request's first guess on
        self.drafted = 0  # tokens guessed
        self.decode_calls = 0  # batches decoded while generating
        self.decoded = 0  # tokens in them: kept ones and rejected guesses
        self.decode_s = 0.0

    def split_timings(self, timings: dict[str, float]) -> None:
        """Correct llama.cpp's counters for this request, in place, and add ours.

        llama.cpp files every batch of more than one token under prompt evaluation,
        checked guesses included: generation is split off by our own clock of it.
        """
        if not self.decode_calls:
            return
        decode_s = timings["prompt_eval_s"] + timings["generation_s"]
        # Generation rows llama.cpp counted as prompt: all but its one-token decodes.
        multi_token = max(0.0, self.decoded - timings["generated_tokens"])
        timings["generation_s"] = self.decode_s
        timings["prompt_eval_s"] = max(0.0, decode_s - self.decode_s)
        timings["prompt_eval_tokens"] -= multi_token
        timings["generated_tokens"] = float(self.decoded)
        timings["draft_tokens"] = float(self.drafted)
        timings["decode_calls"] = float(self.decode_calls)

    def __call__(self, input_ids: npt.NDArray[np.intc], /, **kwargs: Any) -> npt.NDArray[np.intc]:
        self.active = True  # called only once the prompt is evaluated
        guess = find_continuation(input_ids, self.max_draft)
        self.drafted += len(guess)
        return guess


def find_continuation(ids: npt.NDArray[np.intc], count: int) -> npt.NDArray[np.intc]:
    """Up to `count` tokens that followed the longest (then most recent) earlier match
    of the sequence's tail, or none when no match is `MIN_MATCH` tokens long."""
    length = len(ids)
    empty = np.array([], dtype=np.intc)
    if count <= 0 or length <= MIN_MATCH:
        return empty
    starts = np.flatnonzero(ids[:-1] == ids[-1])  # earlier positions of the last token
    if starts.size == 0:
        return empty
    matched = np.ones(starts.size, dtype=np.intc)
    for back in range(1, _LONGEST_MATCH):
        before = starts - back
        still = (matched == back) & (before >= 0)
        still[still] &= ids[before[still]] == ids[length - 1 - back]
        if not still.any():
            break
        matched[still] += 1
    best = int(matched.max())
    if best < MIN_MATCH:
        return empty
    follow = int(starts[np.flatnonzero(matched == best)[-1]]) + 1
    return np.asarray(ids[follow : follow + count], dtype=np.intc)


def install(llm: Any, max_draft: int) -> PromptLookupDraft:
    """Turn prompt-lookup decoding on for this `Llama` instance.

    Our `eval` asks llama.cpp for the logits of every token of a batch only once
    guessing has started (the prompt keeps last-token logits), and skips the copy into
    `scores` that llama-cpp-python makes under `logits_all`.
    """
    # A guess and the token before it must fit one llama.cpp batch (eval_tokens decodes
    # them in one call).
    draft = PromptLookupDraft(min(max_draft, llm.n_batch - 1))
    prompt_eval = llm.eval

    def eval_tokens(self: Any, tokens: Sequence[int]) -> None:
        if not draft.active:
            prompt_eval(tokens)
            return
        started = time.perf_counter()
        self._ctx.kv_cache_seq_rm(-1, self.n_tokens, -1)
        n_past = self.n_tokens
        self._batch.set_batch(batch=tokens, n_past=n_past, logits_all=True)
        self._ctx.decode(self._batch)
        self.input_ids[n_past : n_past + len(tokens)] = tokens
        self.n_tokens += len(tokens)
        self._requires_eval = False
        draft.decode_calls += 1
        draft.decoded += len(tokens)
        draft.decode_s += time.perf_counter() - started

    llm.draft_model = draft
    llm.eval = types.MethodType(eval_tokens, llm)
    return draft
