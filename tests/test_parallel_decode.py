"""Several requests decoded together (backends/scheduler.py), on a fake context.

The fake "model" picks each next token from a hash of the whole sequence it holds, so
an answer comes out right only if the scheduler kept every sequence's KV contents in
order: prompt, copied prefix and generated tokens, at the right positions. Each answer
is compared with the same fake run one request at a time.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Sequence
from concurrent.futures import Future
from typing import Any

import numpy as np
import pytest
from test_batch import EchoBackend, article

from summarizer import Settings, SummaryResult, summarize_many
from summarizer.backends.kv_sequences import Entry
from summarizer.backends.parallel_local import _SubmittingLlama
from summarizer.backends.scheduler import Outcome, Request, Scheduler
from summarizer.errors import ConfigError

VOCAB = 64
EOG = VOCAB - 1


def next_token(history: list[int]) -> int:
    """The fake model: deterministic in the whole history; ends after a few tokens."""
    digest = hashlib.sha256(repr(history).encode()).digest()
    return EOG if digest[0] % 9 == 0 else 1 + digest[1] % (VOCAB - 2)


class FakeSequences:
    """KvSequences' interface over plain lists, checking positions as llama.cpp would."""

    def __init__(self, n_seq: int, n_batch: int = 8) -> None:
        self.n_seq, self.n_batch, self.n_ctx_seq = n_seq, n_batch, 4096
        self.held: dict[int, list[int]] = {s: [] for s in range(n_seq)}
        self.rows: list[list[int]] = []  # logits rows of the last batch
        self.batch_sizes: list[int] = []
        self.decoded_tokens = 0
        self.fail_next = False

    def decode(self, entries: Sequence[Entry]) -> int:
        assert 0 < len(entries) <= self.n_batch
        if self.fail_next:
            self.fail_next = False
            return 1
        self.batch_sizes.append(len(entries))
        self.decoded_tokens += len(entries)
        self.rows = []
        for e in entries:
            assert e.pos == len(self.held[e.seq]), "positions must follow on"
            self.held[e.seq].append(e.token)
            self.rows.append(list(self.held[e.seq]) if e.logits else [])
        return 0

    def logits(self, index: int) -> Any:
        row = np.zeros(VOCAB, dtype=np.float32)
        row[next_token(self.rows[index])] = 1.0
        return row

    def copy_prefix(self, src: int, dst: int, length: int) -> None:
        self.held[dst] = list(self.held[src][:length])

    def trim(self, seq: int, length: int) -> None:
        del self.held[seq][length:]

    def close(self) -> None:
        pass


class FakeLib:
    @staticmethod
    def llama_vocab_is_eog(vocab: Any, token: int) -> bool:
        return token == EOG


class FakeLlm:
    model_path = "fake.gguf"

    class _model:  # the attribute name llama-cpp-python uses
        vocab = None

    @staticmethod
    def detokenize(tokens: list[int], prev_tokens: Any = None) -> bytes:
        return b"".join(bytes([32 + t]) for t in tokens)


def reference(prompt: list[int], max_tokens: int) -> list[int]:
    """One request alone: what every batched answer must equal."""
    history, answer = list(prompt), list[int]()
    while len(answer) < max_tokens:
        token = next_token(history)
        if token == EOG:
            break
        answer.append(token)
        history.append(token)
    return answer


def run_all(scheduler: Scheduler, requests: list[Request]) -> list[Outcome]:
    futures = [scheduler.submit(r) for r in requests]
    return [f.result(timeout=10) for f in futures]


@pytest.fixture
def sequences() -> FakeSequences:
    return FakeSequences(n_seq=3)


@pytest.fixture
def scheduler(sequences: FakeSequences) -> Any:
    s = Scheduler(FakeLib(), FakeLlm(), sequences)
    yield s
    s.close()


def prompts(n: int) -> list[list[int]]:
    shared = [5, 6, 7, 8, 9, 10, 11, 12, 13, 14]  # the "system prompt"
    return [[*shared, 20 + i, 30 + i, 40 + i] for i in range(n)]


def test_more_requests_than_sequences_all_answered_as_alone(
    scheduler: Scheduler, sequences: FakeSequences
) -> None:
    requests = [Request(p, None, 12, []) for p in prompts(7)]
    outcomes = run_all(scheduler, requests)
    for request, outcome in zip(requests, outcomes, strict=True):
        assert outcome.tokens == reference(request.prompt, 12)
        assert outcome.finish_reason == ("length" if len(outcome.tokens) == 12 else "stop")
    assert max(sequences.batch_sizes) > 1  # some steps decoded several sequences


def test_shared_prefix_is_copied_not_evaluated_again(
    scheduler: Scheduler, sequences: FakeSequences
) -> None:
    first = run_all(scheduler, [Request(prompts(1)[0], None, 4, [])])[0]
    assert first.timings["prefix_tokens"] == 0
    outcomes = run_all(scheduler, [Request(p, None, 4, []) for p in prompts(3)[1:]])
    for outcome in outcomes:
        assert outcome.timings["prefix_tokens"] == 10  # the shared ten tokens
        assert outcome.timings["prompt_eval_tokens"] == 3
    assert scheduler.stats.reused_tokens == 20


def test_a_prompt_held_whole_still_decodes_its_last_token(scheduler: Scheduler) -> None:
    prompt = prompts(1)[0]
    again = run_all(scheduler, [Request(prompt, None, 5, []) for _ in range(2)])
    assert again[0].tokens == again[1].tokens == reference(prompt, 5)


def test_stop_string_cuts_the_text_like_llama_cpp_python(scheduler: Scheduler) -> None:
    prompt = next(p for p in prompts(20) if len(reference(p, 40)) >= 3)
    answer = reference(prompt, 40)
    stop = FakeLlm.detokenize(answer[1:3])
    outcome = run_all(scheduler, [Request(prompt, None, 40, [stop])])[0]
    assert outcome.finish_reason == "stop"
    assert outcome.stop_text is not None and stop not in outcome.stop_text
    full = FakeLlm.detokenize(answer)
    assert outcome.stop_text == full[: full.index(stop)]


def test_stopping_criteria_sees_the_decoded_tokens(scheduler: Scheduler) -> None:
    seen: list[int] = []

    def stop_after_two(tokens: Any, logits: Any) -> bool:
        seen.append(len(tokens))
        return len(seen) == 2

    prompt = prompts(1)[0]
    outcome = run_all(scheduler, [Request(prompt, None, 40, [], stop_after_two)])[0]
    assert outcome.finish_reason == "stop"
    assert seen == [len(prompt), len(prompt) + 1]
    assert outcome.tokens == reference(prompt, 1)


def test_a_failed_decode_fails_that_request_and_the_next_one_works(
    scheduler: Scheduler, sequences: FakeSequences
) -> None:
    sequences.fail_next = True
    failed = scheduler.submit(Request(prompts(1)[0], None, 5, []))
    with pytest.raises(ValueError, match="could not decode"):
        failed.result(timeout=10)
    ok = run_all(scheduler, [Request(prompts(2)[1], None, 5, [])])[0]
    assert ok.tokens == reference(prompts(2)[1], 5)


def test_a_bad_grammar_fails_its_request_only(scheduler: Scheduler) -> None:
    bad = scheduler.submit(Request(prompts(1)[0], object(), 5, []))  # the fake has no sampler
    good = run_all(scheduler, [Request(prompts(2)[1], None, 5, [])])[0]
    with pytest.raises(AttributeError):
        bad.result(timeout=10)
    assert good.tokens == reference(prompts(2)[1], 5)


def test_close_fails_what_is_still_waiting(sequences: FakeSequences) -> None:
    scheduler = Scheduler(FakeLib(), FakeLlm(), sequences)
    scheduler.close()
    with pytest.raises(RuntimeError, match="closed"):
        scheduler.submit(Request([1, 2], None, 3, []))


# --- the request as llama-cpp-python's chat handler hands it over ------------------------
class _Backend:
    def __init__(self) -> None:
        self.submitted: list[Request] = []
        self.scheduler = self
        self.n_ctx_seq = 100
        self.noted: dict[str, float] = {}

    def submit(self, request: Request) -> Future[Outcome]:
        self.submitted.append(request)
        done: Future[Outcome] = Future()
        done.set_result(Outcome([1, 2, 3], "stop", None, {"generation_s": 1.0}))
        return done

    def note(self, outcome: Outcome) -> None:
        self.noted = outcome.timings


def test_completion_has_llama_cpp_pythons_shape_and_bounds() -> None:
    backend = _Backend()
    proxy = _SubmittingLlama(FakeLlm(), backend)  # type: ignore[arg-type]
    data = proxy.create_completion([7] * 90, max_tokens=900, temperature=0, stop="</s>")
    request = backend.submitted[0]
    assert request.max_tokens == 10  # cut to what the context has left
    assert request.stop == [b"</s>"]
    assert data["choices"][0]["text"] == FakeLlm.detokenize([1, 2, 3]).decode()
    assert data["choices"][0]["finish_reason"] == "stop"
    assert data["usage"] == {"prompt_tokens": 90, "completion_tokens": 3, "total_tokens": 93}
    assert backend.noted == {"generation_s": 1.0}


@pytest.mark.parametrize(
    "kwargs",
    [
        {"temperature": 0.7},
        {"temperature": 0, "repeat_penalty": 1.1},
        {"temperature": 0, "stream": True},
    ],
)
def test_only_greedy_requests_are_batched(kwargs: dict[str, Any]) -> None:
    proxy = _SubmittingLlama(FakeLlm(), _Backend())  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="greedy"):
        proxy.create_completion([1, 2], **kwargs)


def test_a_prompt_longer_than_a_sequence_is_refused() -> None:
    proxy = _SubmittingLlama(FakeLlm(), _Backend())  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="exceed context window"):
        proxy.create_completion([1] * 100, temperature=0)


# --- settings and summarize_many --------------------------------------------------------
def test_parallel_setting_from_the_environment() -> None:
    assert Settings.from_env({}).parallel == 1
    assert Settings.from_env({"SUMMARIZER_PARALLEL": "4"}).parallel == 4
    with pytest.raises(ConfigError, match="SUMMARIZER_PARALLEL"):
        Settings.from_env({"SUMMARIZER_PARALLEL": "0"})


def test_summarize_many_runs_parallel_articles_at_once_for_the_embedded_backend() -> None:
    backend = EchoBackend(delay_s=0.05)
    settings = Settings(backend="local", max_reasks=0, rereads=0, parallel=3)
    outcomes = summarize_many([article(i) for i in range(6)], backend=backend, settings=settings)
    assert all(isinstance(o, SummaryResult) for o in outcomes)
    assert backend.max_active == 3


def test_parallel_does_not_change_the_request() -> None:
    """Recordings are keyed by the request: SUMMARIZER_PARALLEL must not enter it."""
    seen: list[dict[str, Any]] = []
    lock = threading.Lock()

    class Keep(EchoBackend):
        def create(self, **kwargs: Any) -> Any:
            with lock:
                seen.append(kwargs)
            return super().create(**kwargs)

    for parallel in (1, 2):
        settings = Settings(backend="local", max_reasks=0, rereads=0, parallel=parallel)
        summarize_many([article(1)], backend=Keep(), settings=settings)
    assert seen[0] == seen[1]
