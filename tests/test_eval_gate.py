"""The CI gate: the committed recordings, replayed, must not score below evals/baseline.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer.evaluation.cases import REPO_ROOT, load_cases
from summarizer.evaluation.runner import gate, run_eval
from summarizer.settings import Settings

BASELINE = REPO_ROOT / "evals" / "baseline.json"
TOLERANCE = 0.05


def _report(**metrics: float) -> dict:
    return {"metrics": metrics, "n_errors": 0, "n_scored": 10}


def test_gate_fails_on_a_drop_beyond_tolerance_in_either_direction() -> None:
    base = _report(event_f1=0.60, loaded_term_leakage=0.10)
    assert gate(_report(event_f1=0.57, loaded_term_leakage=0.14), base, 0.05) == []
    failures = gate(_report(event_f1=0.50, loaded_term_leakage=0.20), base, 0.05)
    assert [f.split(":")[0] for f in failures] == ["event_f1", "loaded_term_leakage"]


def test_gate_fails_when_cases_lose_their_recordings() -> None:
    base = _report(event_f1=0.6)
    worse = {**_report(event_f1=0.6), "n_errors": 2, "n_scored": 8}
    assert len(gate(worse, base, 0.05)) == 2


@pytest.mark.skipif(not BASELINE.is_file(), reason="no committed baseline yet")
def test_replayed_eval_meets_the_committed_baseline(tmp_path: Path) -> None:
    baseline = json.loads(BASELINE.read_text("utf-8"))
    # Replay the prompt version the baseline was recorded with, not whatever is newest.
    settings = Settings(
        backend="replay", prompt_version=baseline["prompt"]["version"], cache_dir=tmp_path
    )
    report = run_eval(load_cases(), settings)
    assert gate(report, baseline, TOLERANCE) == []
