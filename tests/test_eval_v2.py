"""Eval v2: the set's shape and split, the report's names, and the dev-split gate.

The gate replays the committed recordings of the `dev` split and compares them with
evals/baseline.v2.json; `check` is reported, never gated.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from summarizer.evaluation.cases import REPO_ROOT, load_cases
from summarizer.evaluation.v2.run import METRICS, gate, run_v2
from summarizer.settings import Settings

CASES = REPO_ROOT / "evals" / "data" / "cases.v2.jsonl"
BASELINE = REPO_ROOT / "evals" / "baseline.v2.json"
REQUIRED_METRICS = {
    "sentence_ok_rate", "broken_sentence_rate", "unattributed_rate", "distortion_rate",
    "loaded_leakage_outside", "key_fact_recall", "event_precision", "event_recall",
    "acc_actor1", "acc_responsibility", "acc_fatalities", "non_event_records",
    "foreign_script_outputs", "arousal_pos", "arousal_neg",
}  # fmt: skip


def test_the_set_has_what_the_issue_asks_for() -> None:
    cases = load_cases(CASES)
    kinds = Counter(c["kind"] for c in cases)
    assert len(cases) >= 80
    assert kinds["wikievents"] == 20
    non_violent_events = {c["group"] for c in cases if c["kind"] == "neus-nonviolent"}
    assert len(non_violent_events) >= 15
    assert all(c["labels"] for c in cases), "every case is labelled"
    assert sum(c["split"] == "check" for c in cases) >= 30


def test_both_sides_of_an_event_share_a_split() -> None:
    splits: dict[str, set[str]] = {}
    for c in load_cases(CASES):
        splits.setdefault(c["group"], set()).add(c["split"])
    assert all(len(s) == 1 for s in splits.values())


def test_non_incident_cases_have_no_gold_events() -> None:
    for c in load_cases(CASES):
        if c["labels"].get("incident") is False:
            assert c["labels"].get("events") == [], c["id"]


def test_report_names_are_the_ones_outside_scripts_read() -> None:
    assert set(METRICS) == REQUIRED_METRICS


def _report(**metrics: float) -> dict:
    return {"by_split": {"dev": {"pipeline": metrics}}, "n_errors": 0}


def test_gate_reads_the_dev_split_and_each_direction() -> None:
    base = _report(sentence_ok_rate=0.7, broken_sentence_rate=0.1, non_event_records=3)
    assert gate(_report(sentence_ok_rate=0.66, broken_sentence_rate=0.13,
                        non_event_records=3), base, 0.05) == []  # fmt: skip
    failures = gate(
        _report(sentence_ok_rate=0.6, broken_sentence_rate=0.2, non_event_records=4), base, 0.05
    )
    assert [f.split(":")[0] for f in failures] == [
        "sentence_ok_rate", "broken_sentence_rate", "non_event_records",
    ]  # fmt: skip


@pytest.mark.skipif(not BASELINE.is_file(), reason="no committed v2 baseline yet")
def test_replayed_dev_split_meets_the_committed_baseline(tmp_path: Path) -> None:
    baseline = json.loads(BASELINE.read_text("utf-8"))
    report = run_v2(load_cases(CASES), Settings(backend="replay", cache_dir=tmp_path),
                    split="dev")  # fmt: skip
    assert set(report["metrics"]) >= REQUIRED_METRICS
    assert "dev" in report["by_split"] and "check" not in report["by_split"]
    assert gate(report, baseline, 0.05) == []
