"""Run eval v2: the pipeline, its unchecked first answer and lead-3, judged per split.

Replay is strict, as in v1: a case with no recording is an error row (never a live call)
and is left out of every system's figures. The report shows `dev` and `check` side by
side whatever was asked for, so a gap between them (over-fitting to `dev`) is visible.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ...api import ItemError
from ...schema import SummaryResult
from ...settings import Settings
from ..baselines import lead3, unchecked_runner
from ..cases import DEFAULT_SHARED, case_article, error_of, run_cases
from ..metrics import gated, of_set
from . import arousal as vad
from . import wellformed
from .judges import (
    babe_words,
    event_values_foreign,
    judge_events,
    key_facts_found,
    summary_judgments,
)

SYSTEMS = ("pipeline", "unchecked", "lead3")
SPLITS = ("dev", "check")
# The set's own metrics, name -> (direction, gated on the dev split): the names outside
# scripts read. The rows with no direction (acc_claimed_by, ..., n_records) are shown too.
METRICS: dict[str, tuple[int, bool]] = {
    m.name: (m.direction, m.gated) for m in of_set("v2") if m.direction
}


def select(cases: list[dict[str, Any]], split: str) -> list[dict[str, Any]]:
    if split not in (*SPLITS, "all"):
        raise ValueError(f"split must be dev, check or all, not {split!r}")
    return [c for c in cases if c.get("labels") and split in ("all", c["split"])]


def judge_case(
    result: SummaryResult, case: dict[str, Any], babe: frozenset[str], vad_path: Path | None
) -> dict[str, Any]:
    article = case_article(case)
    labels = case["labels"]
    sentences = summary_judgments(result, article, labels, babe)
    facts = key_facts_found([s.text for s in result.summary], labels.get("key_facts", []))
    events = judge_events(result.events, labels, article)
    row: dict[str, Any] = {
        "sentences": len(sentences),
        "ok": sum(s.ok for s in sentences),
        "broken": sum(bool(s.broken) for s in sentences),
        "broken_measured": all(s.broken is not None for s in sentences),
        "unattributed": sum(bool(s.unattributed) for s in sentences),
        "distorted": sum(bool(s.distorted) for s in sentences),
        "loaded_summary": any(s.loaded for s in sentences),
        "facts": len(facts),
        "facts_found": sum(facts),
        "events": events.__dict__,
        "foreign": sum(s.foreign for s in sentences) + event_values_foreign(result.events, article),
        "failures": [k for s in sentences for k in s.failure_kinds()] + events.false_records,
        "problems": [
            {"text": s.text, "why": s.failure_kinds(), "detail": s.distorted + s.unattributed}
            for s in sentences
            if not s.ok
        ],
    }
    reference = case.get("reference_summary")
    if vad_path and reference:
        row["arousal"] = vad.arousal(result.summary_text, reference, vad_path)
    return row


def _rate(num: float, den: float) -> float | None:
    return round(num / den, 4) if den else None


def aggregate(rows: list[dict[str, Any]]) -> dict[str, Any]:
    total = sum(r["sentences"] for r in rows)
    ev = [r["events"] for r in rows]
    predicted = sum(e["predicted"] for e in ev) - sum(e["unjudged"] for e in ev)
    roles: dict[str, list[bool]] = {}
    for e in ev:
        for name, oks in e["roles"].items():
            roles.setdefault(name, []).extend(oks)
    ar = [r["arousal"] for r in rows if "arousal" in r]
    measured = all(r["broken_measured"] for r in rows)
    return {
        "sentence_ok_rate": _rate(sum(r["ok"] for r in rows), total),
        "broken_sentence_rate": _rate(sum(r["broken"] for r in rows), total) if measured else None,
        "unattributed_rate": _rate(sum(r["unattributed"] for r in rows), total),
        "distortion_rate": _rate(sum(r["distorted"] for r in rows), total),
        "loaded_leakage_outside": _rate(sum(r["loaded_summary"] for r in rows), len(rows)),
        "key_fact_recall": _rate(
            sum(r["facts_found"] for r in rows), sum(r["facts"] for r in rows)
        ),
        "event_precision": _rate(sum(e["true_positive"] for e in ev), predicted),
        "event_recall": _rate(sum(e["found"] for e in ev), sum(e["gold"] for e in ev)),
        "acc_actor1": _rate(sum(roles.get("actor1", [])), len(roles.get("actor1", []))),
        "acc_responsibility": _rate(
            sum(roles.get("responsibility", [])), len(roles.get("responsibility", []))
        ),
        "acc_fatalities": _rate(sum(roles.get("fatalities", [])), len(roles.get("fatalities", []))),
        "acc_claimed_by": _rate(sum(roles.get("claimed_by", [])), len(roles.get("claimed_by", []))),
        "acc_reported_by": _rate(
            sum(roles.get("reported_by", [])), len(roles.get("reported_by", []))
        ),
        "non_event_records": sum(e["non_event_records"] for e in ev),
        "foreign_script_outputs": sum(r["foreign"] for r in rows),
        "arousal_pos": round(sum(a[0] for a in ar) / len(ar), 4) if ar else None,
        "arousal_neg": round(sum(a[1] for a in ar) / len(ar), 4) if ar else None,
        "n_sentences": total,
        "n_records": sum(e["predicted"] for e in ev),
    }


def run_v2(
    cases: list[dict[str, Any]],
    settings: Settings,
    *,
    split: str = "all",
    shared: Path = DEFAULT_SHARED,
    vad_lexicon: Path | None = None,
    on_case: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    selected = select(cases, split)
    babe = babe_words(str(shared / "babe" / "bias_word_lexicon.csv"))
    vad_path = vad.lexicon_path(vad_lexicon)
    ran = run_cases(selected, settings, on_case)
    first_answer = unchecked_runner(settings)
    per_case: list[dict[str, Any]] = []
    for case, article, outcome in ran:
        row: dict[str, Any] = {"id": case["id"], "kind": case["kind"], "split": case["split"]}
        if isinstance(outcome, ItemError):
            row["error"] = error_of(outcome)
            per_case.append(row)
            continue
        systems = {"pipeline": outcome, "unchecked": first_answer(article), "lead3": lead3(article)}
        row["systems"] = {
            name: judge_case(result, case, babe, vad_path)
            for name, result in systems.items()
            if result is not None
        }
        row["summary"] = outcome.summary_text
        per_case.append(row)
    scored = [r for r in per_case if "systems" in r]
    by_split = {
        sp: {
            name: aggregate(
                [r["systems"][name] for r in scored if r["split"] == sp and name in r["systems"]]
            )
            for name in SYSTEMS
        }
        for sp in SPLITS
        if any(r["split"] == sp for r in scored)
    }
    systems_all = {
        name: aggregate([r["systems"][name] for r in scored if name in r["systems"]])
        for name in SYSTEMS
    }
    failures = Counter(k for r in scored for k in r["systems"]["pipeline"]["failures"])
    return {
        "set": "v2",
        "split": split,
        "n_cases": len(selected),
        "n_scored": len(scored),
        "n_errors": len(per_case) - len(scored),
        "n_unlabelled": sum(1 for c in cases if not c.get("labels")),
        "backend": settings.backend,
        "judges": {
            "wellformed": f"spaCy {wellformed.MODEL_PACKAGE}" if wellformed.available() else None,
            "babe_lexicon_words": len(babe),
            "nrc_vad": str(vad_path) if vad_path else None,
        },
        "metrics": systems_all["pipeline"],
        "systems": systems_all,
        "baselines": {k: v for k, v in systems_all.items() if k != "pipeline"},
        "by_split": by_split,
        "failure_kinds": failures.most_common(10),
        "cases": per_case,
    }


def gate(report: dict[str, Any], baseline: dict[str, Any], tolerance: float) -> list[str]:
    """Gated metrics of the dev split worse than the baseline's by more than `tolerance`
    (rates) or by any amount (counts)."""
    failures = []
    new_dev = report.get("by_split", {}).get("dev", {}).get("pipeline", {})
    old_dev = baseline.get("by_split", {}).get("dev", {}).get("pipeline", {})
    for m in gated("v2"):
        name, direction = m.name, m.direction
        old, new = old_dev.get(name), new_dev.get(name)
        if old is None:
            continue
        allowed = 0 if isinstance(old, int) else tolerance
        if new is None:
            failures.append(f"{name}: missing (baseline {old})")
        elif (old - new) * direction > allowed:
            failures.append(f"{name}: {new} vs baseline {old} on dev (tolerance {allowed})")
    if report["n_errors"] > baseline.get("n_errors", 0):
        failures.append(f"n_errors: {report['n_errors']} vs baseline {baseline['n_errors']}")
    return failures
