"""One article in, one grounded result out: windows -> drafts -> assembly -> re-read.

Each step has its module: the windows (chunking.py), one window's checked draft with
its re-asks and fallback (extract.py, on the structured request in
backends/structured.py), assembly of the drafts into events (here, from assemble.py's
parts), and the re-read of incident sentences no event cites (reread.py). `Pipeline.run`
puts them in order and reports the run.
"""

from __future__ import annotations

import time

from .article import Article
from .assemble import (
    MIN_SUMMARY,
    article_loaded_terms,
    build_event,
    build_summary,
    cover_events,
)
from .backends import Backend
from .backends.structured import CallLog, StructuredRequests
from .checks.grounding import STRICT_FIELDS
from .chunking import chunk_windows, max_chunk_chars, unread_warning
from .extract import WindowReader, drop_injected
from .prompts import PromptTemplate
from .reread import reread_missed
from .rules import check_events, repair_events
from .schema import (
    Check,
    Draft,
    Event,
    EventTarget,
    Finding,
    RunInfo,
    SummaryResult,
    SummarySentence,
    assembled_field,
    event_value,
)
from .settings import Settings

MAX_SUMMARY_SENTENCES = 5

# The draft fields the strict gate grounds, and where the assembled Event keeps each.
_STRICT_IN_EVENT = {(name,): assembled_field(name) for name in STRICT_FIELDS}

Assembled = tuple[list[SummarySentence], list[Event], list[Finding]]


def assemble_drafts(
    article: Article, drafts: list[Draft], min_summary: int = MIN_SUMMARY
) -> Assembled:
    """The drafts of an article's windows as one summary and one list of events."""
    findings: list[Finding] = []
    summary: list[SummarySentence] = []
    events: list[Event] = []
    for draft in drafts:
        s, f = build_summary(draft, article)
        summary.extend(s)
        findings.extend(f)
        for ev in draft.events:
            event, f = build_event(ev, len(events), article, article.published)
            findings.extend(f)
            if event is not None:
                events.append(event)
    if len(summary) > MAX_SUMMARY_SENTENCES:
        # Over several chunks: keep the earliest statements, as a wire story would.
        summary = sorted(summary, key=lambda s: min(s.sentence_ids or [0]))[:MAX_SUMMARY_SENTENCES]
    # Records naming nothing dropped, twins merged, background dropped.
    events, repaired = repair_events(events, article)
    findings.extend(repaired)
    summary, findings = cover_events(article, summary, events, min_summary, findings)
    findings.extend(check_events(article, events))
    return summary, events, findings


def mark_resolved(
    draft_findings: list[Finding], build_findings: list[Finding], events: list[Event]
) -> None:
    """Mark a draft's findings that assembly repaired, so `repaired` tells the final state."""
    repaired = {(f.check, f.target) for f in build_findings if f.repaired}
    for f in draft_findings:
        if (f.check, f.target) in repaired:
            f.repaired = True
            continue
        # A value the strict gate could not place, grounded when assembling (lenient match).
        where = f.target
        if (
            f.check is Check.GROUNDING
            and isinstance(where, EventTarget)
            and where.field in _STRICT_IN_EVENT
            and where.index is not None
            and where.index < len(events)
        ):
            value = event_value(events[where.index], _STRICT_IN_EVENT[where.field])
            if value is not None and value.alignment != "none":
                f.repaired = True


class Pipeline:
    def __init__(self, backend: Backend, prompt: PromptTemplate, settings: Settings) -> None:
        self.backend = backend
        self.prompt = prompt
        self.settings = settings
        requests = StructuredRequests(backend, prompt.info, settings)
        self.reader = WindowReader(requests, prompt, settings)

    def max_chunk_chars(self) -> int:
        return max_chunk_chars(self.settings)

    def run(self, article: Article) -> SummaryResult:
        started = time.perf_counter()
        log = CallLog()
        drafts, findings = self._read(article, log)
        min_summary = self.settings.min_summary_sentences
        summary, events, built = assemble_drafts(article, drafts, min_summary)
        rereads = 0
        if self.settings.rereads:
            offset = sum(len(d.events) for d in drafts)
            reread = reread_missed(self.reader, article, events, offset, log)
            findings.extend(reread.findings)
            rereads = reread.groups
            if reread.events:
                last = drafts[-1]
                drafts[-1] = last.model_copy(update={"events": [*last.events, *reread.events]})
                summary, events, built = assemble_drafts(article, drafts, min_summary)
        n_draft_events = sum(len(d.events) for d in drafts)
        # Event paths point into the draft: only comparable when nothing was merged.
        mark_resolved(findings, built, events if len(events) == n_draft_events else [])
        findings.extend(built)
        return SummaryResult(
            article=article.info(),
            summary=summary,
            events=events,
            loaded_terms=article_loaded_terms(article),
            run=self._run_info(log, started, len(drafts), rereads, findings, article),
        )

    def _read(self, article: Article, log: CallLog) -> tuple[list[Draft], list[Finding]]:
        """Each window's draft (injections dropped) and findings, while the budget lasts."""
        windows = chunk_windows(
            article.sentences,
            self.settings.chunk_sentences,
            self.settings.chunk_overlap,
            self.max_chunk_chars(),
        )
        drafts: list[Draft] = []
        findings: list[Finding] = []
        for window in windows:
            # The budget is the article's: each chunk gets what the earlier ones left,
            # and once it is spent no further chunk is sent.
            left = self.settings.token_budget - log.usage.total_tokens
            if left <= 0:
                break
            draft, found = self.reader.draft(article, window, log, left)
            drafts.append(drop_injected(draft, found))
            findings.extend(found)
        if len(drafts) < len(windows):
            budget = self.settings.token_budget
            findings.append(unread_warning(windows, len(drafts), budget, log.usage, log.attempts))
        return drafts, findings

    def _run_info(
        self,
        log: CallLog,
        started: float,
        chunks: int,
        rereads: int,
        findings: list[Finding],
        article: Article,
    ) -> RunInfo:
        return RunInfo(
            backend=self.backend.name,
            model=self.backend.model,
            prompt=self.prompt.info,
            attempts=log.attempts,
            usage=log.usage,
            seconds=round(time.perf_counter() - started, 3),
            model_seconds=log.model_seconds(),
            chunks=chunks,
            rereads=rereads,
            findings=findings,
            notes=list(article.notes),
        )


__all__ = [
    "MAX_SUMMARY_SENTENCES",
    "CallLog",
    "Pipeline",
    "assemble_drafts",
    "chunk_windows",
    "drop_injected",
    "mark_resolved",
]
