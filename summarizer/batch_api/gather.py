"""One article through the unchanged pipeline, answered from the batches so far.

The pipeline is deterministic given the model's answers, so it is simply run again each
round (about 30 ms an article): every request it makes is answered from a batch line,
or noted as pending. An article that asked for nothing unanswered is finished, with
exactly the result a live run would give for those answers; otherwise its pending
requests go into the next round.

Round 1 must hold every chunk's first pass, not one chunk per round. A chunk's request
depends on the article alone (the token budget decides whether a chunk is sent, not what
is sent: instructor's `token_budget` never reaches the request), so while an article
waits, each of its windows is also asked for on its own. That may send a chunk a live
run would have skipped for a spent budget; its answer is then simply unused.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from dataclasses import dataclass

from ..api import ItemError, _run, error_record, pipeline_for
from ..article import Article
from ..backends.batch_answers import Answer, AnswerPending, BatchAnswerBackend, PendingRequest
from ..backends.modes import openai_mode
from ..backends.structured import CallLog
from ..chunking import chunk_windows
from ..schema import SummaryResult
from ..settings import Settings


@dataclass(frozen=True)
class Gathered:
    """An article's final outcome, or (outcome None) the requests it waits for."""

    outcome: SummaryResult | ItemError | None
    pending: dict[str, PendingRequest]


def batch_model(settings: Settings) -> str:
    return settings.model or "gpt-4o-mini"  # OpenAIBackend's default, so the same body


class Gatherer:
    """Runs articles against one set of answers (one backend and pipeline for all)."""

    def __init__(self, settings: Settings, answers: Mapping[str, Answer]) -> None:
        self.settings = settings
        self.answers = answers
        self.backend = BatchAnswerBackend(
            batch_model(settings), openai_mode(settings), answers, strict=False
        )
        self.pipeline = pipeline_for(settings, self.backend)

    def run(self, index: int, name: str | None, article: Article) -> Gathered:
        self.backend.reset()
        outcome: SummaryResult | ItemError | None
        try:
            outcome = _run(self.pipeline, article)  # the guards summarize_many applies
        except AnswerPending:
            outcome = None
        except Exception as exc:  # one article's failure is its record, as in summarize_many
            outcome = error_record(exc, index, name)
        if self.backend.pending:  # also when the re-read went on past a pending request
            self._first_passes(article)
            return Gathered(None, dict(self.backend.pending))
        batches = sorted({b for c in self.backend.used if (b := self.answers[c].batch)})
        if isinstance(outcome, SummaryResult) and batches:
            outcome.run.notes.append(f"answered by batch {', '.join(batches)}")
        elif isinstance(outcome, ItemError) and batches:
            outcome["batches"] = batches
        return Gathered(outcome, {})

    def _first_passes(self, article: Article) -> None:
        """Ask each window's first pass (and its re-asks) on its own; see the docstring."""
        s = self.settings
        windows = chunk_windows(
            article.sentences, s.chunk_sentences, s.chunk_overlap, self.pipeline.max_chunk_chars()
        )
        for window in windows:
            # Only the requests it notes matter; the run above decides the outcome.
            with contextlib.suppress(Exception):
                self.pipeline.reader.draft(article, window, CallLog(), s.token_budget)
