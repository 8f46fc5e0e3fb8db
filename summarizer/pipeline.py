"""One article in, one grounded result out: prompt -> backend -> checks (re-ask) -> result.

instructor drives the loop: the draft's validator runs our checks, and a failed check
is a validation error that instructor turns into a re-ask with our message. Only
validation errors re-ask; transport faults are retried inside the backend. After the
last attempt, the last raw output is parsed structurally, repaired where safe, and
whatever still fails is flagged in `run.findings`.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field
from typing import Any

import instructor
from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException
from instructor.v2.core.errors import TokenBudgetError
from instructor.v2.core.hooks import Hooks
from pydantic import ValidationError

from .article import Article, Sentence
from .assemble import (
    article_loaded_terms,
    build_event,
    build_summary,
    drop_unplaced_events,
    merge_duplicate_events,
)
from .backends import Backend
from .checks import reask_message, run_checks
from .checks.coverage import uncited_incident_sentences, uncited_incidents
from .checks.grounding import STRICT_FIELDS
from .errors import OutputValidationError, RecordingMissingError, SummarizerError
from .markup import MAX_PROMPT_SOURCE_CHARS, MAX_PROMPT_TITLE_CHARS, prompt_field
from .prompts import PromptTemplate
from .reread import events_citing, missed_groups, reread_done, shifted, skipped, window_for
from .schema import (
    Check,
    Draft,
    DraftEvent,
    DraftEvents,
    Event,
    EventTarget,
    Finding,
    RunInfo,
    RunTarget,
    SummaryResult,
    SummaryTarget,
    Usage,
    assembled_field,
    checks_gate,
    event_value,
)
from .settings import Settings

MAX_SUMMARY_SENTENCES = 5

# instructor logs each failed validation at ERROR level; the same facts are in
# run.findings. A NullHandler keeps them off stderr unless the application configures
# logging itself (the usual manners of a library).
logging.getLogger("instructor").addHandler(logging.NullHandler())

# instructor wraps a plain model in a new pydantic class on every call (~1 ms of CPU a
# request); wrapped once here, it is the same class, schema and request every time.
_DRAFT_MODEL = instructor.response_schema(Draft)
_EVENTS_MODEL = instructor.response_schema(DraftEvents)


@dataclass
class CallLog:
    """What every attempt cost and returned, whatever happens to the loop."""

    usage: Usage = field(default_factory=Usage)
    attempts: int = 0
    last_raw: str | None = None
    timings: list[dict[str, float]] = field(default_factory=list)

    def model_seconds(self) -> float | None:
        walls = [t["wall_s"] for t in self.timings if "wall_s" in t]
        return round(sum(walls), 3) if walls else None

    def on_response(self, response: Any) -> None:
        self.attempts += 1
        if getattr(response, "usage", None) is not None:
            self.usage.add(response.usage)
        choices = getattr(response, "choices", None) or []
        if choices:
            self.last_raw = choices[0].message.content


def chunk_windows(
    sentences: list[Sentence], size: int, overlap: int, max_chars: int
) -> list[list[Sentence]]:
    """Consecutive sentence windows that fit the model's context, overlapping a little."""
    chunks: list[list[Sentence]] = []
    i = 0
    while i < len(sentences):
        chunk: list[Sentence] = []
        chars = 0
        j = i
        while (
            j < len(sentences)
            and len(chunk) < size
            and (chars + len(sentences[j].text) <= max_chars or not chunk)
        ):
            chunk.append(sentences[j])
            chars += len(sentences[j].text)
            j += 1
        chunks.append(chunk)
        if j >= len(sentences):
            break
        i = max(j - overlap, i + 1)
    return chunks


# The draft fields the strict gate grounds, and where the assembled Event keeps each.
_STRICT_IN_EVENT = {(name,): assembled_field(name) for name in STRICT_FIELDS}


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


def drop_injected(draft: Draft, findings: list[Finding]) -> Draft:
    """Remove summary sentences and events that carry an injected instruction.

    What rests on instructions written inside the article is not news the article
    reports; keeping it flagged would still put the attacker's words in the output.
    """
    injected = [f for f in findings if f.check is Check.INJECTION]
    if not injected:
        return draft
    for f in injected:
        f.repaired = True
        f.add_to_message(" (removed from the output)")
    # The summary sentences and events the flagged text is in (an event's field or itself).
    summary = {f.target.index for f in injected if isinstance(f.target, SummaryTarget)}
    events = {f.target.index for f in injected if isinstance(f.target, EventTarget)}
    keep_summary = [s for k, s in enumerate(draft.summary) if k not in summary]
    keep_events = [e for k, e in enumerate(draft.events) if k not in events]
    return draft.model_copy(update={"summary": keep_summary, "events": keep_events})


def _about_one_event(finding: Finding) -> bool:
    return isinstance(finding.target, EventTarget) and finding.target.index is not None


class Pipeline:
    def __init__(self, backend: Backend, prompt: PromptTemplate, settings: Settings) -> None:
        self.backend = backend
        self.prompt = prompt
        self.settings = settings
        self.create = instructor.patch(create=self._send, mode=backend.mode)

    def _send(self, **kwargs: Any) -> Any:
        # instructor's request, with the prompt it was rendered from: recordings are kept
        # by prompt (backends/replay.py). instructor never sees the prompt.
        return self.backend.create(prompt=self.prompt.info, **kwargs)

    def max_chunk_chars(self) -> int:
        # ~3.5 characters a token for English news; leave room for the system prompt,
        # the numbering and the answer (and one re-ask).
        budget_tokens = self.settings.n_ctx - 2 * self.settings.max_output_tokens - 700
        return max(2000, int(budget_tokens * 3.2))

    def run(self, article: Article) -> SummaryResult:
        started = time.perf_counter()
        log = CallLog()
        drafts: list[Draft] = []
        findings: list[Finding] = []
        windows = chunk_windows(
            article.sentences,
            self.settings.chunk_sentences,
            self.settings.chunk_overlap,
            self.max_chunk_chars(),
        )
        for window in windows:
            # The budget is the article's: each chunk gets what the earlier ones left,
            # and once it is spent no further chunk is sent.
            left = self.settings.token_budget - log.usage.total_tokens
            if left <= 0:
                break
            draft, chunk_findings = self._extract(article, window, log, left)
            drafts.append(drop_injected(draft, chunk_findings))
            findings.extend(chunk_findings)
        if len(drafts) < len(windows):
            findings.append(self._unread(windows, len(drafts), log))
        summary, events, build_findings = self._assemble(article, drafts)
        rereads = 0
        if self.settings.rereads:
            offset = sum(len(d.events) for d in drafts)
            extra, reread_findings, rereads = self._reread(article, events, offset, log)
            findings.extend(reread_findings)
            if extra:
                drafts[-1] = drafts[-1].model_copy(update={"events": [*drafts[-1].events, *extra]})
                summary, events, build_findings = self._assemble(article, drafts)
        n_draft_events = sum(len(d.events) for d in drafts)
        # Event paths point into the draft: only comparable when nothing was merged.
        mark_resolved(findings, build_findings, events if len(events) == n_draft_events else [])
        findings.extend(build_findings)
        return SummaryResult(
            article=article.info(),
            summary=summary,
            events=events,
            loaded_terms=article_loaded_terms(article),
            run=RunInfo(
                backend=self.backend.name,
                model=self.backend.model,
                prompt=self.prompt.info,
                attempts=log.attempts,
                usage=log.usage,
                seconds=round(time.perf_counter() - started, 3),
                model_seconds=log.model_seconds(),
                chunks=len(drafts),
                rereads=rereads,
                findings=findings,
                notes=list(article.notes),
            ),
        )

    def _unread(self, windows: list[list[Sentence]], done: int, log: CallLog) -> Finding:
        """The warning for chunks left unread because the article's token budget ran out."""
        why = (
            f"the article's token budget ({self.settings.token_budget}) was spent "
            f"({log.usage.total_tokens} tokens) after {done} of {len(windows)} chunks"
        )
        if not done:  # Settings keeps the budget positive; never return an empty result
            raise OutputValidationError(
                why, last_raw=None, attempts=log.attempts, usage=log.usage.model_dump()
            )
        # Chunks overlap: the unread text starts after the last chunk that was read.
        first, last = windows[done - 1][-1].id + 1, windows[-1][-1].id
        return Finding.at(
            check=Check.COVERAGE,
            severity="warning",
            target=RunTarget(),
            message=f"{why}; {len(windows) - done} chunks were skipped, so sentences "
            f"{first}-{last} were not read",
        )

    def _assemble(self, article: Article, drafts: list[Draft]) -> tuple[list, list, list[Finding]]:
        findings: list[Finding] = []
        summary = []
        events = []
        for draft in drafts:
            s, f = build_summary(draft, article)
            summary.extend(s)
            findings.extend(f)
            for ev in draft.events:
                event, f = build_event(ev, len(events), article, article.published)
                events.append(event)
                findings.extend(f)
        if len(summary) > MAX_SUMMARY_SENTENCES:
            # Over several chunks: keep the earliest statements, as a wire story would.
            summary = sorted(summary, key=lambda s: min(s.sentence_ids or [0]))[
                :MAX_SUMMARY_SENTENCES
            ]
        events, dropped = drop_unplaced_events(events)
        findings.extend(dropped)
        events = merge_duplicate_events(events)
        findings.extend(uncited_incidents(article, events))
        return summary, events, findings

    def _reread(
        self, article: Article, events: list[Event], offset: int, log: CallLog
    ) -> tuple[list[DraftEvent], list[Finding], int]:
        """Events for the sentences no event cites, from a short window each (reread.py).

        `offset`: how many draft events come before, so findings name the right index.
        A re-read that fails leaves the sentences flagged; the first pass is kept.
        """
        flagged = uncited_incident_sentences(article, events)
        groups = missed_groups(list(flagged), self.settings.rereads)
        extra: list[DraftEvent] = []
        findings: list[Finding] = []
        for group in groups:
            window = window_for(article, group)
            where = f"sentences {window[0].id}-{window[-1].id}"
            reread_log = CallLog()  # its usage counts; its calls are not re-asks
            # The article's token budget covers its re-reads too.
            budget = self.settings.token_budget - log.usage.total_tokens
            if budget <= 0:
                findings.append(skipped(where, "the token budget is spent"))
                continue
            try:
                answer = self._ask(
                    _EVENTS_MODEL, article, window, reread_log, reasks=0, token_budget=budget
                )
            except (InstructorRetryException, IncompleteOutputException, TokenBudgetError) as exc:
                if isinstance(exc.__cause__, RecordingMissingError):
                    raise exc.__cause__ from None  # strict replay names the missing key
                findings.append(skipped(where, f"no usable answer ({type(exc).__name__})"))
                continue
            finally:
                log.usage.add(reread_log.usage)
                log.timings.extend(reread_log.timings)
            kept = events_citing(answer.events, group, article)
            events_only = Draft.model_construct(summary=[], events=kept)
            # The draft checks, for these events only (the re-read writes no summary).
            checked = [f for f in run_checks(events_only, article) if _about_one_event(f)]
            kept = drop_injected(events_only, checked).events
            start = offset + len(extra)
            findings.extend(shifted(f, start) for f in checked)
            extra.extend(kept)
            findings.append(reread_done(where, group, len(kept)))
        return extra, findings, len(groups)

    def _ask(
        self,
        response_model: Any,
        article: Article,
        window: list[Sentence],
        log: CallLog,
        reasks: int,
        token_budget: int | None = None,
    ) -> Any:
        """One structured request for a window of the article, its cost noted in `log`."""
        messages = self.prompt.render(
            # Metadata goes in as one plain line each: it cannot close <article> or add
            # numbered sentences (markup.py), and injection.py reads it like the body.
            title=prompt_field(article.title, MAX_PROMPT_TITLE_CHARS),
            source=prompt_field(article.source, MAX_PROMPT_SOURCE_CHARS),
            published=article.published.isoformat() if article.published else None,
            sentences=window,
        )
        hooks = Hooks()
        hooks.on("completion:response", log.on_response)
        hooks.on("completion:response", lambda _r: self._note_timings(log))
        return self.create(
            response_model=response_model,
            messages=messages,
            model=self.backend.model,
            max_retries=reasks,
            hooks=hooks,
            token_budget=token_budget or self.settings.token_budget,
            max_tokens=self.settings.max_output_tokens,
            temperature=self.settings.temperature,
            seed=self.settings.seed,
        )

    def _extract(
        self, article: Article, window: list[Sentence], log: CallLog, budget: int
    ) -> tuple[Draft, list[Finding]]:
        verdict: list[tuple[dict[str, Any], list[Finding]]] = []  # the gate's last one

        def gate(draft: Draft) -> None:
            findings = run_checks(draft, article)
            verdict[:] = [(draft.model_dump(), findings)]
            errors = [f for f in findings if f.severity == "error"]
            if errors:
                raise ValueError(reask_message(errors))

        try:
            with checks_gate(gate):
                draft = self._ask(
                    _DRAFT_MODEL, article, window, log, self.settings.reasks, token_budget=budget
                )
            return draft, _checked(draft, article, verdict)
        except InstructorRetryException as exc:
            if isinstance(exc.__cause__, SummarizerError):
                raise exc.__cause__ from None
            return self._fallback(article, log, "checks still failing after re-asks", verdict)
        except TokenBudgetError:
            return self._fallback(article, log, "token budget spent", verdict)
        except IncompleteOutputException:
            raise OutputValidationError(
                f"the model's output was cut off at max_tokens={self.settings.max_output_tokens}",
                last_raw=log.last_raw,
                attempts=log.attempts,
                usage=log.usage.model_dump(),
            ) from None

    def _note_timings(self, log: CallLog) -> None:
        timings = self.backend.last_timings
        if timings:
            log.timings.append(dict(timings))

    def _fallback(
        self,
        article: Article,
        log: CallLog,
        why: str,
        verdict: list[tuple[dict[str, Any], list[Finding]]],
    ) -> tuple[Draft, list[Finding]]:
        """Keep the last answer if it is at least well-formed; its failures become findings."""
        try:
            draft = Draft.model_validate_json(log.last_raw or "")
        except (ValidationError, json.JSONDecodeError) as exc:
            raise OutputValidationError(
                f"no valid output after {log.attempts} attempts ({why}): {str(exc)[:300]}",
                last_raw=log.last_raw,
                attempts=log.attempts,
                usage=log.usage.model_dump(),
            ) from None
        note = Finding.at(
            check=Check.STRUCTURE,
            severity="warning",
            target=RunTarget(),
            message=f"{why}; kept the last output and repaired or flagged the rest",
        )
        return draft, [note, *_checked(draft, article, verdict)]


def _checked(
    draft: Draft, article: Article, verdict: list[tuple[dict[str, Any], list[Finding]]]
) -> list[Finding]:
    """The gate's findings when it checked this same draft (checks are pure), else a run.

    The last answer usually is the one the gate just rejected: checking it twice was a
    quarter of our CPU time a request.
    """
    if verdict and verdict[0][0] == draft.model_dump():
        return verdict[0][1]
    return run_checks(draft, article)
