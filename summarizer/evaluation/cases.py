"""The labelled cases: load the JSONL, build the exact Article the recorder saw, run them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..api import ItemError, summarize_many
from ..article import Article, article_from_dict
from ..schema import SummaryResult
from ..settings import Settings

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CASES = REPO_ROOT / "evals" / "data" / "cases.v1.jsonl"
DEFAULT_CASES_V2 = REPO_ROOT / "evals" / "data" / "cases.v2.jsonl"
DEFAULT_SHARED = REPO_ROOT.parent / "shared" / "data"
ARTICLE_KEYS = ("title", "source", "published", "text")


def load_cases(
    path: Path | str = DEFAULT_CASES, only: list[str] | None = None
) -> list[dict[str, Any]]:
    """Cases in file order; `only` keeps ids equal to, or starting with, one of its items."""
    cases = [
        json.loads(line) for line in Path(path).read_text("utf-8").splitlines() if line.strip()
    ]
    if only:
        cases = [c for c in cases if any(c["id"] == o or c["id"].startswith(o) for o in only)]
    return cases


def case_article(case: dict[str, Any]) -> Article:
    """Same fields, same order as evals/data/articles/<id>.json (what `record` was given):
    the request hash, hence the recording key, depends on them."""
    data = {k: case["article"][k] for k in ARTICLE_KEYS if case["article"].get(k)}
    return article_from_dict(data, path=case.get("article_file"))


def run_cases(
    cases: list[dict[str, Any]],
    settings: Settings,
    on_case: Callable[[str], None] | None = None,
) -> list[tuple[dict[str, Any], Article, SummaryResult | ItemError]]:
    """Each case with its article and the pipeline's outcome (a result or an error record)."""
    articles = [case_article(c) for c in cases]
    outcomes = summarize_many(
        articles,
        settings=settings,
        on_done=(lambda i, _o: on_case(cases[i]["id"])) if on_case else None,
    )
    return list(zip(cases, articles, outcomes, strict=True))


def error_of(outcome: ItemError) -> dict[str, Any]:
    """What a case's row says of a failed run."""
    return {"type": outcome.get("type"), "message": outcome.get("message")}
