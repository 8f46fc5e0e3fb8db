"""The Markdown report: side-by-side table with signed verdicts, errors, worst cases."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from summarizer.article import Article
from summarizer.evaluation.baselines import lead3
from summarizer.evaluation.report import to_markdown, verdict, write_report
from summarizer.evaluation.runner import aggregate
from summarizer.evaluation.scoring import score_case

ARTICLE = Article(text="Shelling hit Avdiivka on Friday.\nThe governor said 12 civilians died.")
CASE = {
    "id": "c1",
    "note": "one shelling event",
    "article": {"text": ARTICLE.text},
    "gold_events": [
        {
            "event_type": "Explosions/Remote violence",
            "sub_event_type": "Shelling/artillery/missile attack",
            "actor1": None,
            "target": None,
            "location": ["Avdiivka"],
            "country": None,
            "fatalities": 12,
            "responsibility": "unknown",
        }
    ],
    "events_complete": True,
    "key_facts": [{"fact": "12 dead", "any": ["12"]}],
    "forbidden": [],
    "reference_summary": None,
}


def _data() -> dict:
    result = lead3(ARTICLE)
    score = score_case(result, CASE)
    system = {"summary": result.summary_text, "events": [], "score": score, "cost": {}}
    metrics = aggregate([score], [None])
    return {
        "model": "m",
        "prompt": {"name": "summarize", "version": "v2"},
        "backend": "replay",
        "n_cases": 2,
        "n_scored": 1,
        "n_errors": 1,
        "metrics": metrics,
        "baselines": {"lead3": {**metrics, "loaded_term_leakage": 0.5}},
        "cases": [
            {
                "id": "c1",
                "kind": "x",
                "systems": {"pipeline": system, "unchecked": system, "lead3": system},
            },
            {
                "id": "c2",
                "kind": "x",
                "error": {"type": "RecordingMissingError", "message": "no recording"},
            },
        ],
    }


def test_verdict_is_signed_so_that_plus_is_better() -> None:
    assert verdict("event_f1", 0.6, 0.4) == "wins +0.20"
    assert verdict("loaded_term_leakage", 0.1, 0.4) == "wins +0.30"
    assert verdict("loaded_term_leakage", 0.4, 0.1) == "**loses** -0.30"
    assert verdict("seconds_per_case", 3.0, 0.0) == ""


def test_report_lists_metrics_errors_and_worst_cases(tmp_path: Path) -> None:
    text = to_markdown(_data(), [CASE, {**CASE, "id": "c2"}], plot_name=None)
    assert "| event_f1 (gated) | 0.000 | 0.000 | ties |" in text
    assert "`c2`: RecordingMissingError" in text
    assert "### `c1`" in text and "| gold | Shelling/artillery/missile attack" in text
    out = write_report(_data(), [CASE, {**CASE, "id": "c2"}], tmp_path / "r.md")
    assert out.read_text("utf-8").startswith("# Eval report")
    if importlib.util.find_spec("matplotlib"):  # the plot needs the `eval` extra
        assert (tmp_path / "r.png").stat().st_size > 1000
