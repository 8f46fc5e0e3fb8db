"""Articles per hour with several articles decoded together (SUMMARIZER_PARALLEL).

    python benchmarks/run.py --parallel 1,2,4,8 --parallel-only --json out.json

Each setting runs in a fresh process (a clean context, and its own peak memory): the
first `--articles` eval cases through `summarize_many`, as a day's folder would go.
The parent scores each run's results with the eval's scorer and compares them with
the first setting's (the sequential run when the list starts with 1): greedy decoding
can pick another token at a near-tie when batching changes float rounding.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

# Metrics the README's noise figure (±0.05) applies to: the eval gate's.
_GATED = (
    "event_f1",
    "acc_sub_event_type",
    "acc_fatalities",
    "acc_responsibility",
    "loaded_term_leakage",
    "key_fact_recall",
    "forbidden_rate",
    "grounding_rate",
    "unsupported_sentence_rate",
)
NOISE = 0.05


class _Calls:
    """Wraps a backend to keep every call's timings and raw answer (threads included)."""

    def __init__(self, backend: Any) -> None:
        self.inner = backend
        self.name, self.model, self.mode = backend.name, backend.model, backend.mode
        self.calls: list[dict[str, float]] = []
        self.answers: dict[str, str] = {}  # request (messages) -> the model's raw answer
        self._lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def create(self, **kwargs: Any) -> Any:
        response = self.inner.create(**kwargs)
        key = hashlib.sha256(json.dumps(kwargs["messages"]).encode()).hexdigest()
        with self._lock:
            self.calls.append(dict(self.inner.last_timings))
            self.answers[key] = response.choices[0].message.content or ""
        return response


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def worker(model: str, parallel: int, n_articles: int, out: Path) -> None:
    """One setting, in this process: run the cases, write results and timings as JSON."""
    sys.path.insert(0, str(ROOT))
    from summarizer import Settings, summarize_many
    from summarizer.api import get_backend
    from summarizer.evaluation.cases import case_article, load_cases

    cases = load_cases()[:n_articles]
    settings = Settings(backend="local", model=model, parallel=parallel)
    started = time.perf_counter()
    backend = _Calls(get_backend(settings))
    load_s = time.perf_counter() - started
    started, cpu = time.perf_counter(), _cpu_seconds()
    outcomes = summarize_many(
        [case_article(c) for c in cases],
        backend=backend,
        settings=settings,
        concurrency=parallel,
    )
    wall, cpu = time.perf_counter() - started, _cpu_seconds() - cpu
    scheduler = getattr(backend.inner, "scheduler", None)
    data = {
        "parallel": parallel,
        "load_s": load_s,
        "seconds": wall,
        # Other processes on the machine slow llama.cpp's threads down a lot (they wait
        # for each other at every step): this share tells a run that had the cores.
        "cpu_share": cpu / (wall * (os.cpu_count() or 1)),
        "calls": backend.calls,
        "answers": backend.answers,
        "scheduler": scheduler.stats.__dict__ if scheduler is not None else None,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "cases": [c["id"] for c in cases],
        "outcomes": [o if isinstance(o, dict) else o.model_dump(mode="json") for o in outcomes],
    }
    out.write_text(json.dumps(data), "utf-8")


def _run_setting(model: str, parallel: int, n_articles: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "run.json"
        done = subprocess.run(
            [
                sys.executable,
                str(Path(__file__).resolve()),
                model,
                str(parallel),
                str(n_articles),
                str(out),
            ],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        if done.returncode:
            raise RuntimeError(f"parallel={parallel} failed:\n{done.stderr[-3000:]}")
        data: dict[str, Any] = json.loads(out.read_text("utf-8"))
        return data


def _answer(outcome: dict[str, Any]) -> str:
    """What a reader gets (summary and events), without the run's timings and counts."""
    return json.dumps({k: v for k, v in outcome.items() if k != "run"}, sort_keys=True)


def _row(data: dict[str, Any]) -> dict[str, Any]:
    calls = data["calls"]
    n = len(data["outcomes"])

    def total(key: str) -> float:
        return round(float(sum(c.get(key, 0.0) for c in calls)), 2)

    row = {
        "parallel": data["parallel"],
        "articles": n,
        "seconds": round(data["seconds"], 1),
        "articles_per_hour": round(3600 * n / data["seconds"], 1),
        # Prompt evaluation and generation by llama.cpp, and choosing tokens (the JSON
        # grammar); what is left of the wall time is ours: the pipeline's Python
        # between requests (threads hold the GIL) and the scheduler's loop.
        "prompt_s": total("prompt_eval_s"),
        "generation_s": total("generation_s"),
        "sampling_s": total("sampling_s"),
        "prompt_tokens_evaluated": int(total("prompt_eval_tokens")),
        "generated_tokens": int(total("generated_tokens")),
        "requests": len(calls),
        "peak_rss_mb": round(data["peak_rss_mb"], 1),
        "cpu_share": round(data["cpu_share"], 2),
        "load_s": round(data["load_s"], 2),
        "errors": sum(1 for o in data["outcomes"] if "type" in o and "summary" not in o),
    }
    row["other_s"] = round(
        row["seconds"] - row["prompt_s"] - row["generation_s"] - row["sampling_s"], 2
    )
    stats = data["scheduler"]
    if stats:
        row["steps"] = stats["steps"]
        row["rows_per_step"] = round(stats["rows"] / stats["steps"], 2) if stats["steps"] else 0
        row["ms_per_step"] = (
            round(1000 * stats["generation_s"] / stats["steps"], 1) if stats["steps"] else None
        )
        row["prefix_tokens_reused"] = stats["reused_tokens"]
        row["scheduler_python_s"] = round(
            stats["busy_s"] - stats["prompt_s"] - stats["generation_s"] - stats["sampling_s"], 2
        )
    return row


def _scores(data: dict[str, Any]) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT))
    from summarizer.evaluation.cases import DEFAULT_SHARED, load_cases
    from summarizer.evaluation.runner import aggregate
    from summarizer.evaluation.scoring import score_case
    from summarizer.schema import SummaryResult

    cases = {c["id"]: c for c in load_cases()}
    babe = DEFAULT_SHARED / "babe" / "bias_word_lexicon.csv"
    scores = []
    for case_id, outcome in zip(data["cases"], data["outcomes"], strict=True):
        if "summary" not in outcome:
            continue
        result = SummaryResult.model_validate(outcome)
        scores.append(score_case(result, cases[case_id], babe if babe.is_file() else None))
    metrics = aggregate(scores, [None] * len(scores))
    return {k: v for k, v in metrics.items() if not k.endswith("_per_case")}


def bench_parallel(model: str, settings: list[int], n_articles: int) -> dict[str, Any]:
    runs = [_run_setting(model, p, n_articles) for p in settings]
    base = runs[0]
    base_scores = _scores(base)
    rows = [_row(r) for r in runs]
    comparison = []
    for run, row in zip(runs, rows, strict=True):
        scores = base_scores if run is base else _scores(run)
        moved = {
            k: round(scores[k] - base_scores[k], 4)
            for k in _GATED
            if scores.get(k) is not None
            and base_scores.get(k) is not None
            and abs(scores[k] - base_scores[k]) > NOISE
        }
        differ = sum(
            1
            for a, b in zip(base["outcomes"], run["outcomes"], strict=True)
            if _answer(a) != _answer(b)
        )
        # The model's raw answers to the same requests: unlike the final outputs, not
        # moved by a rule edited between two runs.
        same_requests = base["answers"].keys() & run["answers"].keys()
        raw_differ = sum(1 for k in same_requests if base["answers"][k] != run["answers"][k])
        row["speedup"] = round(row["articles_per_hour"] / rows[0]["articles_per_hour"], 2)
        comparison.append(
            {
                "parallel": run["parallel"],
                "outputs_differing_from_first": differ,
                "requests_compared": len(same_requests),
                "raw_answers_differing": raw_differ,
                "gated_metrics_moved_beyond_noise": moved,
                "scores": scores,
            }
        )
    return {
        "model": model,
        "articles": n_articles,
        "cases": base["cases"],
        "rows": rows,
        "eval": comparison,
        "noise": NOISE,
    }


if __name__ == "__main__":  # one setting's worker process (see _run_setting)
    worker(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4]))
