"""The public functions: summarize one article, many articles, or await one."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from .article import Article, as_article
from .backends import Backend, make_backend
from .errors import SummarizerError
from .pipeline import Pipeline
from .prompts import load_prompt
from .schema import SummaryResult
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


def _pipeline(backend: Backend | None, settings: Settings | None) -> Pipeline:
    settings = settings or Settings.from_env()
    backend = backend or get_backend(settings)
    prompt = load_prompt(settings.prompt_name, settings.prompt_version)
    return Pipeline(backend, prompt, settings)


def summarize(
    article: ArticleLike, *, backend: Backend | None = None, settings: Settings | None = None
) -> SummaryResult:
    """Neutral summary, grounded events and a framing report for one article."""
    return _pipeline(backend, settings).run(as_article(article))


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
            data[attr] = scrub(value) if isinstance(value, str) else value
    return ItemError(data)


def summarize_many(
    items: Sequence[ArticleLike] | Iterable[ArticleLike],
    *,
    backend: Backend | None = None,
    settings: Settings | None = None,
    concurrency: int = 1,
    on_done: Callable[[int, SummaryResult | ItemError], None] | None = None,
) -> list[SummaryResult | ItemError]:
    """One result or one error record per input, in input order; nothing is lost.

    `concurrency` threads share the backend: useful for HTTP endpoints; the embedded
    model serialises calls itself. `on_done(index, outcome)` fires as each finishes.
    """
    items = list(items)
    pipeline = _pipeline(backend, settings)
    outcomes: list[SummaryResult | ItemError | None] = [None] * len(items)

    def work(index: int) -> None:
        item = items[index]
        name = getattr(item, "path", None) if isinstance(item, Article) else None
        try:
            outcome: SummaryResult | ItemError = pipeline.run(as_article(item))
        except SummarizerError as exc:
            outcome = error_record(exc, index, name)
        except Exception as exc:
            outcome = error_record(exc, index, name)
        outcomes[index] = outcome
        if on_done:
            on_done(index, outcome)

    if concurrency <= 1:
        for i in range(len(items)):
            work(i)
    else:
        with ThreadPoolExecutor(max_workers=concurrency) as pool:
            list(pool.map(work, range(len(items))))
    return [o for o in outcomes if o is not None]
