"""Ingest: summarise what the store lacks (or read result JSONL) and add it, merging events."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..api import ItemError, summarize_many
from ..article import Article
from ..prompts import load_prompt
from ..schema import SummaryResult
from ..settings import Settings
from .store import Added, Store


@dataclass
class Report:
    """What one ingest did."""

    skipped: int = 0  # already stored (same article hash and prompt)
    stored: int = 0
    events_new: int = 0
    events_joined: int = 0
    failed: list[str] = field(default_factory=list)

    def count(self, added: Added) -> None:
        if added.stored:
            self.stored += 1
            self.events_new += added.events_new
            self.events_joined += added.events_joined
        else:
            self.skipped += 1


def ingest_articles(
    store: Store,
    articles: list[Article],
    settings: Settings,
    *,
    concurrency: int = 1,
    on_done: Callable[[], None] | None = None,
) -> Report:
    """Summarise the articles the store has no result for (this prompt and model), and
    add each result as it finishes: a killed ingest keeps what it finished."""
    prompt = load_prompt(settings.prompt_name, settings.prompt_version)
    stored = store.stored_hashes(prompt.sha256, settings.model)
    report = Report()
    todo: list[Article] = []
    for article in articles:
        if article.sha256 in stored:
            report.skipped += 1
        else:
            stored.add(article.sha256)  # the same text twice in one run is summarised once
            todo.append(article)
    lock = threading.Lock()  # on_done fires from worker threads; counts stay consistent

    def done(index: int, outcome: SummaryResult | ItemError) -> None:
        with lock:
            if isinstance(outcome, SummaryResult):
                report.count(store.add(outcome))
            else:
                report.failed.append(f"{todo[index].path}: {outcome.get('message')}")
            if on_done:
                on_done()

    if todo:
        summarize_many(todo, settings=settings, concurrency=concurrency, on_done=done)
    return report


def read_results(path: Path) -> Iterable[SummaryResult | str]:
    """Results from a JSONL file: `summarize --jsonl` records or bare results; an error
    line or a result without its article text comes back as a message."""
    with path.open(encoding="utf-8") as lines:
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            data = json.loads(line)
            if "result" in data or data.get("ok") is False:
                if not data.get("ok", True) or data.get("result") is None:
                    yield f"{path}:{n}: an error record ({data.get('input')})"
                    continue
                data = data["result"]
            result = SummaryResult.model_validate(data)
            if not result.article.text:
                yield f"{path}:{n}: no article text: its spans cannot be kept"
                continue
            yield result


def ingest_results(store: Store, results: Iterable[SummaryResult | str]) -> Report:
    report = Report()
    for result in results:
        if isinstance(result, str):
            report.failed.append(result)
        else:
            report.count(store.add(result))
    return report
