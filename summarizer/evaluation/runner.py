"""Run the pipeline and the baselines over the labelled cases; aggregate; gate.

Replay is strict: a case whose request has no recording is an error for that case
(never a live call), and every system is scored on the same set of cases: those the
pipeline could answer.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..api import ItemError, pipeline_for
from ..backends.replay import ReplayBackend
from ..schema import GroundedValue, SummaryResult
from ..settings import Settings
from .baselines import Recordings, lead3, unchecked
from .cases import DEFAULT_SHARED, error_of, run_cases
from .metrics import gated
from .scoring import EVENT_FIELDS, loaded_term_leakage, micro_f1, score_case

SYSTEMS = ("pipeline", "unchecked", "lead3")


def _mean(values: list[float | None]) -> float | None:
    vals = [v for v in values if v is not None]
    return round(statistics.fmean(vals), 4) if vals else None


def aggregate(scores: list[dict[str, Any]], costs: list[dict[str, float] | None]) -> dict[str, Any]:
    """System-level metrics from per-case scores (micro F1; field accuracy over all aligned
    pairs; summary metrics as the mean over cases where the metric applies)."""
    ev = micro_f1(s["event"] for s in scores)
    metrics: dict[str, Any] = {
        "event_f1": round(ev["f1"], 4),
        "event_precision": round(ev["precision"], 4),
        "event_recall": round(ev["recall"], 4),
    }
    for name in EVENT_FIELDS:
        ok = sum(s["fields"][name][0] for s in scores)
        n = sum(s["fields"][name][1] for s in scores)
        metrics[f"acc_{name}"] = round(ok / n, 4) if n else None
    metrics["loaded_term_leakage"] = loaded_term_leakage([s["loaded_terms"] for s in scores])
    metrics["loaded_term_leakage_babe"] = loaded_term_leakage([s["babe_terms"] for s in scores])
    metrics["key_fact_recall"] = _mean([s["key_fact_recall"] for s in scores])
    metrics["forbidden_rate"] = _mean([float(bool(s["forbidden"])) for s in scores])
    metrics["grounding_rate"] = _mean([s["grounding_rate"] for s in scores])
    metrics["unsupported_sentence_rate"] = _mean([s["unsupported_sentence_rate"] for s in scores])
    metrics["rouge_l"] = _mean([s["rouge_l"] for s in scores])
    for key in ("seconds", "prompt_tokens", "completion_tokens", "attempts"):
        metrics[f"{key}_per_case"] = _mean([c[key] for c in costs if c])
    for key in ("loaded_term_leakage", "loaded_term_leakage_babe"):
        if metrics[key] is not None:
            metrics[key] = round(metrics[key], 4)
    return metrics


def _empty_like(result: SummaryResult) -> SummaryResult:
    return result.model_copy(update={"summary": [], "events": []})


def _value(grounded: GroundedValue | None) -> str | None:
    return grounded.value if grounded else None


def run_eval(
    cases: list[dict[str, Any]],
    settings: Settings,
    *,
    shared: Path = DEFAULT_SHARED,
    on_case: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Per-case outputs and scores for every system, and the aggregate metrics."""
    babe = shared / "babe" / "bias_word_lexicon.csv"
    ran = run_cases(cases, settings, on_case)
    pipeline = pipeline_for(settings)
    backend = pipeline.backend
    recordings = Recordings.of(pipeline)
    per_case: list[dict[str, Any]] = []
    scores: dict[str, list[dict[str, Any]]] = {s: [] for s in SYSTEMS}
    costs: dict[str, list[dict[str, float] | None]] = {s: [] for s in SYSTEMS}
    for case, article, outcome in ran:
        row: dict[str, Any] = {"id": case["id"], "kind": case["kind"]}
        answer: SummaryResult | None = None
        if isinstance(outcome, ItemError):
            row["error"] = error_of(outcome)
            if outcome.get("type") == "RecordingMissingError":
                per_case.append(row)  # not scored for any system: no answer to compare
                continue
        else:
            answer = outcome
        systems: dict[str, SummaryResult | None] = {
            "pipeline": answer,
            "unchecked": unchecked(pipeline, recordings, article),
            "lead3": lead3(article),
        }
        row["systems"] = {}
        for name, result in systems.items():
            if result is None:
                # A failed run scores as an empty answer, which is what a caller receives.
                result = _empty_like(lead3(article))
            s = score_case(result, case, babe)
            scores[name].append(s)
            if name == "pipeline":
                # Replayed: the model time recorded with each response the run used
                # (first pass, re-asks, re-reads); replay itself takes ~0 s.
                replayed = isinstance(backend, ReplayBackend) and answer is not None
                c = {
                    "seconds": (result.run.model_seconds or 0.0)
                    if replayed
                    else result.run.seconds,
                    "prompt_tokens": result.run.usage.prompt_tokens,
                    "completion_tokens": result.run.usage.completion_tokens,
                    "attempts": result.run.attempts + result.run.rereads,
                }
            elif name == "unchecked":
                c = {
                    "seconds": result.run.seconds,
                    "prompt_tokens": result.run.usage.prompt_tokens,
                    "completion_tokens": result.run.usage.completion_tokens,
                    "attempts": 1,
                }
            else:
                c = {"seconds": 0.0, "prompt_tokens": 0, "completion_tokens": 0, "attempts": 0}
            costs[name].append(c)
            row["systems"][name] = {
                "summary": result.summary_text,
                "events": [
                    e.model_dump(
                        mode="json",
                        include={"event_type", "sub_event_type", "responsibility", "fatalities"},
                    )
                    | {
                        "actor1": _value(e.actors.actor1 or e.claimed_by),
                        "target": e.target.value if e.target else None,
                        "location": e.location.place.value if e.location.place else None,
                    }
                    for e in result.events
                ],
                "score": s,
                "cost": c,
            }
        per_case.append(row)
    n_errors = sum(1 for r in per_case if "error" in r)
    return {
        "n_cases": len(cases),
        "n_scored": len(scores["pipeline"]),
        "n_errors": n_errors,
        "backend": settings.backend,
        "model": backend.model,
        "prompt": pipeline.prompt.info.model_dump(),
        "metrics": aggregate(scores["pipeline"], costs["pipeline"]),
        "baselines": {
            name: aggregate(scores[name], costs[name]) for name in SYSTEMS if name != "pipeline"
        },
        "cases": per_case,
    }


def gate(report: dict[str, Any], baseline: dict[str, Any], tolerance: float) -> list[str]:
    """Failures: each gated metric worse than the baseline by more than `tolerance`
    (absolute), and any case that lost its answer (more errors than the baseline had)."""
    failures = []
    for m in gated("v1"):
        name, direction = m.name, m.direction
        old = baseline.get("metrics", {}).get(name)
        new = report["metrics"].get(name)
        if old is None:
            continue
        if new is None:
            failures.append(f"{name}: missing (baseline {old})")
        elif (old - new) * direction > tolerance:
            failures.append(f"{name}: {new:.3f} vs baseline {old:.3f} (tolerance {tolerance})")
    if report["n_errors"] > baseline.get("n_errors", 0):
        failures.append(f"n_errors: {report['n_errors']} vs baseline {baseline['n_errors']}")
    if report["n_scored"] < baseline.get("n_scored", 0):
        failures.append(f"n_scored: {report['n_scored']} vs baseline {baseline['n_scored']}")
    return failures
