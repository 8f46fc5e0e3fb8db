"""One window of an article in, a checked draft and its findings out.

The request is backends/structured.py's; here is what the pipeline asks of it: the
prompt rendered for a window, the checks as the re-ask gate, and after the last attempt
the fallback: the last raw output parsed structurally, its failures kept as findings
(assembly repairs what it safely can). What rests on instructions written inside the
article is dropped from a draft before assembly (`drop_injected`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from .article import Article, Sentence
from .backends.structured import (
    AnswerCutOff,
    CallLog,
    Messages,
    RequestFailed,
    RetriesExhausted,
    StructuredRequests,
)
from .errors import OutputValidationError
from .markup import MAX_PROMPT_SOURCE_CHARS, MAX_PROMPT_TITLE_CHARS, prompt_field
from .prompts import PromptTemplate
from .rules import reask_message, run_checks
from .schema import Check, Draft, DraftEvents, EventTarget, Finding, RunTarget, SummaryTarget
from .settings import Settings

# The gate's last verdict: the draft it checked (dumped) and what the checks found.
Verdict = list[tuple[dict[str, Any], list[Finding]]]


@dataclass(frozen=True)
class WindowReader:
    """Asks the model about windows of an article, with one prompt and one settings."""

    requests: StructuredRequests
    prompt: PromptTemplate
    settings: Settings

    def messages(self, article: Article, window: list[Sentence]) -> Messages:
        """The prompt rendered for a window of the article."""
        return self.prompt.render(
            # Metadata goes in as one plain line each: it cannot close <article> or add
            # numbered sentences (markup.py), and injection.py reads it like the body.
            title=prompt_field(article.title, MAX_PROMPT_TITLE_CHARS),
            source=prompt_field(article.source, MAX_PROMPT_SOURCE_CHARS),
            published=article.published.isoformat() if article.published else None,
            sentences=window,
        )

    def draft(
        self, article: Article, window: list[Sentence], log: CallLog, budget: int
    ) -> tuple[Draft, list[Finding]]:
        """The window's draft, re-asked while the checks find errors, and its findings."""
        verdict: Verdict = []  # the gate's last one

        def gate(draft: Draft) -> None:
            findings = run_checks(draft, article)
            verdict[:] = [(draft.model_dump(), findings)]
            errors = [f for f in findings if f.severity == "error"]
            if errors:
                raise ValueError(reask_message(errors))

        try:
            draft = self.requests.draft(
                self.messages(article, window),
                log,
                gate=gate,
                reasks=self.settings.reasks,
                token_budget=budget,
            )
        except RequestFailed as exc:
            raise exc.error from None
        except AnswerCutOff:
            raise OutputValidationError(
                f"the model's output was cut off at max_tokens={self.settings.max_output_tokens}",
                last_raw=log.last_raw,
                attempts=log.attempts,
                usage=log.usage.model_dump(),
            ) from None
        except RetriesExhausted:
            return _fallback(article, log, "checks still failing after re-asks", verdict)
        return draft, _checked(draft, article, verdict)

    def events(
        self, article: Article, window: list[Sentence], log: CallLog, budget: int
    ) -> DraftEvents:
        """Events only, for a few sentences, in one attempt (the re-read's request)."""
        return self.requests.events(self.messages(article, window), log, token_budget=budget)


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


def _fallback(
    article: Article, log: CallLog, why: str, verdict: Verdict
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


def _checked(draft: Draft, article: Article, verdict: Verdict) -> list[Finding]:
    """The gate's findings when it checked this same draft (checks are pure), else a run.

    The last answer usually is the one the gate just rejected: checking it twice was a
    quarter of our CPU time a request.
    """
    if verdict and verdict[0][0] == draft.model_dump():
        return verdict[0][1]
    return run_checks(draft, article)
