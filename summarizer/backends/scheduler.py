"""Continuous batching: the requests of several threads decoded together, one token each
per step, in one llama.cpp context.

On two CPU cores a decode of one token costs ~47 ms and a decode of four tokens (one
per sequence) ~117 ms: the weights are read once per step whatever the number of rows,
so several answers written side by side cost less per token. Each request gets a free
sequence (slot); its prompt reuses the longest prefix any sequence already holds (the
system prompt and example, copied with `llama_memory_seq_cp` instead of evaluated
again), the rest of the prompt is evaluated at once, and from then on the request adds
one row to every step until it stops; a freed slot takes the next waiting request.

Stopping follows llama-cpp-python's `_create_completion` (end-of-generation token,
stop strings, `max_tokens`, the multibyte rule), so a request's answer has the same
shape as the one-at-a-time path's. The tokens can differ at near-ties: a batched
decode rounds differently from a one-row decode (README, Performance).
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from .kv_sequences import Entry
from .sequence_grammar import SequenceGrammar


class Sequences(Protocol):
    """What the scheduler needs of the context (kv_sequences.KvSequences; a fake in tests)."""

    n_seq: int
    n_batch: int
    n_ctx_seq: int

    def decode(self, entries: Sequence[Entry]) -> int: ...
    def logits(self, index: int) -> Any: ...
    def copy_prefix(self, src: int, dst: int, length: int) -> None: ...
    def trim(self, seq: int, length: int) -> None: ...
    def close(self) -> None: ...


@dataclass
class Request:
    """A tokenised prompt and how to stop; `done` resolves to an `Outcome`."""

    prompt: list[int]
    grammar: Any  # llama_cpp.LlamaGrammar or None
    max_tokens: int
    stop: list[bytes]
    # llama-cpp-python's StoppingCriteriaList (the chat template's stop token ids):
    # called with the decoded tokens and the last logits, as `Llama.generate` does.
    stopping: Callable[[Any, Any], bool] | None = None
    done: Future[Outcome] = field(default_factory=Future)


@dataclass
class Outcome:
    tokens: list[int]
    finish_reason: str  # stop | length
    stop_text: bytes | None  # the text cut at a stop string, when one ended it
    timings: dict[str, float]


@dataclass
class SchedulerStats:
    """Where a run's time went, for the benchmark (seconds and counts, cumulative)."""

    prompt_s: float = 0.0  # decodes of prompt tokens
    prompt_tokens: int = 0
    generation_s: float = 0.0  # one-token-per-sequence decode steps
    steps: int = 0
    rows: int = 0  # sequences decoded, summed over steps
    sampling_s: float = 0.0  # argmax and grammar, in our Python
    busy_s: float = 0.0  # the scheduler's loop while it had work
    reused_tokens: int = 0  # prompt tokens copied from another sequence or kept


@dataclass
class _Slot:
    seq: int
    known: list[int] = field(default_factory=list)  # tokens whose KV the sequence holds
    request: Request | None = None
    grammar: SequenceGrammar | None = None
    generated: list[int] = field(default_factory=list)
    text: bytes = b""
    multibyte_fix: int = 0
    next_token: int = -1  # chosen, not yet decoded
    timings: dict[str, float] = field(default_factory=dict)


class Scheduler:
    """Owns the context; `submit` from any thread, a daemon thread does the decoding."""

    def __init__(self, llama_cpp: Any, llm: Any, sequences: Sequences) -> None:
        self._lib = llama_cpp
        self._llm = llm
        self._vocab = llm._model.vocab
        self._kv = sequences
        self._slots = [_Slot(seq) for seq in range(sequences.n_seq)]
        self._waiting: deque[Request] = deque()
        self._cond = threading.Condition()
        self._closing = False
        self.stats = SchedulerStats()
        self._thread = threading.Thread(target=self._loop, name="llama-scheduler", daemon=True)
        self._thread.start()

    @property
    def n_ctx_seq(self) -> int:
        return self._kv.n_ctx_seq

    def submit(self, request: Request) -> Future[Outcome]:
        with self._cond:
            if self._closing:
                raise RuntimeError("the scheduler is closed")
            self._waiting.append(request)
            self._cond.notify()
        return request.done

    def close(self) -> None:
        with self._cond:
            self._closing = True
            self._cond.notify()
        self._thread.join()
        for slot in self._slots:
            self._fail(slot, RuntimeError("the backend was closed"))
        while self._waiting:
            self._waiting.popleft().done.set_exception(RuntimeError("the backend was closed"))
        self._kv.close()

    # --- the loop ---------------------------------------------------------------------
    def _loop(self) -> None:
        while True:
            with self._cond:
                while not self._closing and not self._waiting and not self._active():
                    self._cond.wait()
                if self._closing:
                    return
                admitted = []
                for slot in self._slots:
                    if slot.request is None and self._waiting:
                        slot.request = self._waiting.popleft()
                        admitted.append(slot)
            started = time.perf_counter()
            try:
                for slot in admitted:
                    self._start(slot)
                if self._active():
                    self._step()
            except Exception as exc:  # a fault of llama.cpp or ours: fail, keep serving
                for slot in self._slots:
                    self._fail(slot, exc)
                    self._kv.trim(slot.seq, 0)  # what the sequences hold is unknown now
                    slot.known = []
            self.stats.busy_s += time.perf_counter() - started

    def _active(self) -> list[_Slot]:
        return [s for s in self._slots if s.request is not None]

    def _start(self, slot: _Slot) -> None:
        """Give the slot its request's prompt: reuse a held prefix, evaluate the rest,
        and choose the first token."""
        request = slot.request
        assert request is not None
        try:  # a grammar llama.cpp cannot parse fails its request, not the others
            grammar = (
                SequenceGrammar(self._lib, self._vocab, request.grammar)
                if request.grammar is not None
                else None
            )
        except Exception as exc:
            self._fail(slot, exc)
            return
        prompt = request.prompt
        source, reuse = self._best_prefix(slot, prompt)
        if source is slot or reuse == 0:
            self._kv.trim(slot.seq, reuse)
        else:
            self._kv.copy_prefix(source.seq, slot.seq, reuse)
        slot.known = prompt[:reuse]
        slot.generated, slot.text, slot.multibyte_fix = [], b"", 0
        slot.grammar = grammar
        self.stats.reused_tokens += reuse
        started = time.perf_counter()
        rest = prompt[reuse:]
        for begin in range(0, len(rest), self._kv.n_batch):
            chunk = rest[begin : begin + self._kv.n_batch]
            last = begin + len(chunk) == len(rest)
            pos = len(slot.known)
            entries = [
                Entry(slot.seq, token, pos + i, last and i == len(chunk) - 1)
                for i, token in enumerate(chunk)
            ]
            if self._kv.decode(entries):
                self._kv.trim(slot.seq, 0)
                slot.known = []
                self._fail(slot, ValueError("llama.cpp could not decode the prompt"))
                return
            slot.known.extend(chunk)
        seconds = time.perf_counter() - started
        self.stats.prompt_s += seconds
        self.stats.prompt_tokens += len(rest)
        slot.timings = {
            "prompt_eval_s": seconds,
            "prompt_eval_tokens": float(len(rest)),
            "generation_s": 0.0,
            "generated_tokens": 0.0,
            "prefix_tokens": float(reuse),
        }
        self._next(slot, self._kv.logits(len(entries) - 1))

    def _best_prefix(self, slot: _Slot, prompt: list[int]) -> tuple[_Slot, int]:
        """The sequence sharing the longest prefix with `prompt` (this slot on a tie),
        and how many tokens to reuse: never the whole prompt, whose last token must be
        decoded again to give the logits of the first answer token."""
        best, length = slot, _common(slot.known, prompt)
        for other in self._slots:
            shared = _common(other.known, prompt)
            if shared > length:
                best, length = other, shared
        return best, min(length, len(prompt) - 1)

    def _step(self) -> None:
        """One decode: the next token of every active sequence, then each one's choice."""
        active = self._active()
        entries = [Entry(s.seq, s.next_token, len(s.known), True) for s in active]
        started = time.perf_counter()
        status = self._kv.decode(entries)
        seconds = time.perf_counter() - started
        if status:
            for slot in active:
                self._fail(slot, ValueError(f"llama.cpp could not decode (status {status})"))
            return
        self.stats.generation_s += seconds
        self.stats.steps += 1
        self.stats.rows += len(active)
        for i, slot in enumerate(active):
            slot.known.append(slot.next_token)
            # Each sequence's share of the step: the per-article figures add up.
            slot.timings["generation_s"] += seconds / len(active)
            slot.timings["generated_tokens"] += 1.0
            self._next(slot, self._kv.logits(i))

    def _next(self, slot: _Slot, logits: Any) -> None:
        """Choose the next token from `logits`, then keep it or end the answer."""
        token = self._choose(slot, logits)
        stopping = slot.request.stopping if slot.request else None
        if stopping is not None and stopping(np.array(slot.known, dtype=np.intc), logits):
            self._finish(slot, "stop", None)
            return
        self._take(slot, token)

    def _choose(self, slot: _Slot, logits: Any) -> int:
        if slot.grammar is None:
            started = time.perf_counter()
            token = int(np.argmax(logits))
            self.stats.sampling_s += time.perf_counter() - started
            return token
        before = slot.grammar.seconds
        token = slot.grammar.pick(logits)
        self.stats.sampling_s += slot.grammar.seconds - before
        return token

    def _take(self, slot: _Slot, token: int) -> None:
        """Add the chosen token to the answer, or end it (llama-cpp-python's rules)."""
        request = slot.request
        assert request is not None
        if self._lib.llama_vocab_is_eog(self._vocab, token):
            self._finish(slot, "stop", None)
            return
        slot.generated.append(token)
        slot.text += self._llm.detokenize([token])
        # An incomplete UTF-8 character: no stop check until it is whole.
        for k, char in enumerate(slot.text[-3:]):
            k = 3 - k
            for num, pattern in ((2, 192), (3, 224), (4, 240)):
                if num > k and pattern & char == pattern:
                    slot.multibyte_fix = num - k
        slot.next_token = token
        if slot.multibyte_fix > 0:
            slot.multibyte_fix -= 1
            return
        stops = [s for s in request.stop if s in slot.text]
        if stops:
            self._finish(slot, "stop", slot.text[: slot.text.index(stops[0])])
        elif len(slot.generated) >= request.max_tokens:
            self._finish(slot, "length", None)

    def _finish(self, slot: _Slot, reason: str, stop_text: bytes | None) -> None:
        request = slot.request
        assert request is not None
        timings = dict(slot.timings)
        if slot.grammar is not None:
            timings["sampling_s"] = slot.grammar.seconds
            timings["grammar_whole_vocabulary"] = float(slot.grammar.whole_vocabulary)
        self._release(slot)
        request.done.set_result(Outcome(list(slot.generated), reason, stop_text, timings))

    def _fail(self, slot: _Slot, error: BaseException) -> None:
        request = slot.request
        if request is None:
            return
        self._release(slot)
        if not request.done.done():
            request.done.set_exception(error)

    def _release(self, slot: _Slot) -> None:
        # The sequence keeps its tokens: the next request may share a prefix with them.
        slot.request = None
        if slot.grammar is not None:
            slot.grammar.close()
            slot.grammar = None


def _common(a: list[int], b: list[int]) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n
