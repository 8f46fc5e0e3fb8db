"""The public functions: summarize one article, many articles, or await one."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import Any

from .article import Article, as_article
from .backends import Backend, make_backend
from .batch import RateLimitedBackend, RateLimiter
from .errors import cap_raw
from .input_guard import check_size, language_note, max_chars_of
from .pipeline import Pipeline
from .prompts import load_prompt
from .schema import ArticleTarget, Check, Finding, SummaryResult
from .secrets import scrub
from .settings import Settings

ArticleLike = Article | str | dict[str, Any]

_BACKENDS: dict[Settings, Backend] = {}
_BACKENDS_LOCK = threading.Lock()


def get_backend(settings: Settings) -> Backend:
    """One backend per distinct Settings, kept for the process: the model loads once."""
    with _BACKENDS_LOCK:
        if settings not in _BACKENDS:
            _BACKENDS[settings] = make_backend(settings)
        return _BACKENDS[settings]


def pipeline_for(settings: Settings | None = None, backend: Backend | None = None) -> Pipeline:
    """The pipeline `summarize` runs for these settings (and backend, when given): the
    prompt they name, on the backend kept for them. The eval builds the same one."""
    settings = settings or Settings.from_env()
    backend = backend or get_backend(settings)
    prompt = load_prompt(settings.prompt_name, settings.prompt_version)
    return Pipeline(backend, prompt, settings)


def _run(pipeline: Pipeline, item: ArticleLike) -> SummaryResult:
    """Guard the input, run the pipeline, and report what the guards noticed."""
    article = as_article(item)
    where = article.path or "the article"
    check_size(len(article.text), where, max_chars_of(pipeline.settings))
    note = language_note(article.text, article.language)
    if note:
        article = article.with_notes(note)
    result = pipeline.run(article)
    if note:
        result.run.findings.append(
            Finding.at(ArticleTarget(), check=Check.INPUT, severity="warning", message=note)
        )
    return result


def summarize(
    article: ArticleLike, *, backend: Backend | None = None, settings: Settings | None = None
) -> SummaryResult:
    """Neutral summary, grounded events and a framing report for one article."""
    return _run(pipeline_for(settings, backend), article)


async def asummarize(
    article: ArticleLike, *, backend: Backend | None = None, settings: Settings | None = None
) -> SummaryResult:
    """`summarize` without blocking the event loop (runs in a worker thread)."""
    return await asyncio.to_thread(summarize, article, backend=backend, settings=settings)


class ItemError(dict[str, Any]):
    """The error record that stands in a batch where a result could not be made."""


def error_record(exc: BaseException, index: int, name: str | None = None) -> ItemError:
    data: dict[str, Any] = {
        "index": index,
        "input": name,
        "type": type(exc).__name__,
        "message": scrub(str(exc)),
    }
    for attr in ("attempts", "usage", "last_raw"):
        if hasattr(exc, attr):
            value = getattr(exc, attr)
            if attr == "last_raw" and isinstance(value, str):
                value = cap_raw(value)  # any exception's raw answer, not only ours
            data[attr] = scrub(value) if isinstance(value, str) else value
    return ItemError(data)


def summarize_many(
    items: Sequence[ArticleLike] | Iterable[ArticleLike],
    *,
    backend: Backend | None = None,
    settings: Settings | None = None,
    concurrency: int = 1,
    rate: float | None = None,
    on_done: Callable[[int, SummaryResult | ItemError], None] | None = None,
) -> list[SummaryResult | ItemError]:
    """One result or one error record per input, in input order; nothing is lost.

    `concurrency` threads share the backend: useful for HTTP endpoints; the embedded
    model serialises calls itself unless `settings.parallel` > 1, which runs that many
    articles at once (decoded together, backends/scheduler.py). `rate` caps model
    requests per second (re-asks included) to protect an endpoint.
    `on_done(index, outcome)` fires as each finishes. A KeyboardInterrupt stops the
    batch at once: items already finished have been reported through `on_done`,
    queued ones are cancelled, and it is re-raised.
    """
    items = list(items)
    pipeline = pipeline_for(settings, backend)
    if rate:
        pipeline = Pipeline(
            RateLimitedBackend(pipeline.backend, RateLimiter(rate)),
            pipeline.prompt,
            pipeline.settings,
        )
    if pipeline.settings.parallel > 1 and pipeline.settings.backend in ("local", "record"):
        # The embedded backend decodes this many requests together: one thread each.
        concurrency = max(concurrency, pipeline.settings.parallel)
    outcomes: list[SummaryResult | ItemError | None] = [None] * len(items)

    def work(index: int) -> None:
        item = items[index]
        name = getattr(item, "path", None) if isinstance(item, Article) else None
        try:
            outcome: SummaryResult | ItemError = _run(pipeline, item)
        except Exception as exc:  # any failure of one item is that item's record
            outcome = error_record(exc, index, name)
        outcomes[index] = outcome
        if on_done:
            on_done(index, outcome)

    if concurrency <= 1:
        for i in range(len(items)):
            work(i)
    else:
        _run_pool(work, len(items), concurrency)
    return [o for o in outcomes if o is not None]


def _run_pool(work: Callable[[int], None], n: int, concurrency: int) -> None:
    """Run work(0..n-1) on a pool; the first BaseException cancels what has not started."""
    pool = ThreadPoolExecutor(max_workers=concurrency)
    pending: set[Future[None]] = {pool.submit(work, i) for i in range(n)}
    try:
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                future.result()  # re-raises KeyboardInterrupt/SystemExit from a worker
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
