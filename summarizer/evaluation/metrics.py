"""Every metric the eval reports, once: which way is better, what is gated, shown, plotted.

`runner` (v1 gate), `report` (v1 table, verdicts and plot), `v2.run` (v2 gate) and
`v2.report` (v2 table) read what they need to know about a metric from these entries.

One entry per metric of each case set, in the order the set's report lists them; the
gate checks them in that order too, and the v1 plot places its bars by `plotted`. v1 and
v2 share some names (`key_fact_recall`, `event_precision`, ...) but not their use:
`event_precision` is gated in v2 only, and the two tables order them differently, so each
set has its own entries; a name has the same direction in both (tests/test_eval_metrics.py).

`direction` is +1 when higher is better, -1 when lower is better, and 0 for a figure
with no better side: a cost (recorded time, tokens) or a size, or a row reported beside
the set's own metrics without a direction. The v1 report gives no verdict on those.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Direction = Literal[1, -1, 0]


@dataclass(frozen=True)
class Metric:
    name: str
    direction: Direction
    set: str  # the case set whose runner computes it: "v1" or "v2"
    gated: bool = False  # `--gate` fails when it gets worse than the baseline's
    shown: bool = True  # a row of the set's report table
    plotted: int | None = None  # its bar's place on the v1 plot, left to right (0..1 values)


def _v1(name: str, direction: Direction, **kw: Any) -> Metric:
    return Metric(name, direction, "v1", **kw)


def _v2(name: str, direction: Direction, **kw: Any) -> Metric:
    return Metric(name, direction, "v2", **kw)


REGISTRY: tuple[Metric, ...] = (
    # v1: word-overlap scoring against labelled events and key facts (evaluation/runner.py)
    _v1("event_f1", 1, gated=True, plotted=0),
    _v1("event_precision", 1),
    _v1("event_recall", 1),
    _v1("acc_event_type", 1, shown=False),
    _v1("acc_sub_event_type", 1, gated=True, plotted=1),
    _v1("acc_actor1", 1),
    _v1("acc_target", 1),
    _v1("acc_location", 1),
    _v1("acc_country", 1, shown=False),
    _v1("acc_fatalities", 1, gated=True),
    _v1("acc_responsibility", 1, gated=True, plotted=2),
    _v1("loaded_term_leakage", -1, gated=True, plotted=5),
    _v1("loaded_term_leakage_babe", -1, plotted=6),
    _v1("key_fact_recall", 1, gated=True, plotted=3),
    _v1("forbidden_rate", -1, gated=True),
    _v1("grounding_rate", 1, gated=True, plotted=4),
    _v1("unsupported_sentence_rate", -1, gated=True),
    _v1("rouge_l", 1, plotted=7),
    _v1("seconds_per_case", 0),
    _v1("prompt_tokens_per_case", 0),
    _v1("completion_tokens_per_case", 0),
    _v1("attempts_per_case", 0),
    # v2: outside judges, gated on the dev split (evaluation/v2/run.py)
    _v2("sentence_ok_rate", 1, gated=True),
    _v2("broken_sentence_rate", -1, gated=True),
    _v2("unattributed_rate", -1, gated=True),
    _v2("distortion_rate", -1, gated=True),
    _v2("loaded_leakage_outside", -1, gated=True),
    _v2("key_fact_recall", 1, gated=True),
    _v2("event_precision", 1, gated=True),
    _v2("event_recall", 1, gated=True),
    _v2("acc_actor1", 1, gated=True),
    _v2("acc_responsibility", 1, gated=True),
    _v2("acc_fatalities", 1, gated=True),
    _v2("non_event_records", -1, gated=True),
    _v2("foreign_script_outputs", -1, gated=True),
    _v2("arousal_pos", -1),
    _v2("arousal_neg", -1),
    _v2("acc_claimed_by", 0),
    _v2("acc_reported_by", 0),
    _v2("n_sentences", 0),
    _v2("n_records", 0),
)


def of_set(case_set: str) -> tuple[Metric, ...]:
    """The metrics of one case set, in report order."""
    return tuple(m for m in REGISTRY if m.set == case_set)


def metric(case_set: str, name: str) -> Metric | None:
    return next((m for m in of_set(case_set) if m.name == name), None)


def gated(case_set: str) -> tuple[Metric, ...]:
    return tuple(m for m in of_set(case_set) if m.gated)


def shown(case_set: str) -> tuple[str, ...]:
    return tuple(m.name for m in of_set(case_set) if m.shown)


def plotted(case_set: str) -> tuple[str, ...]:
    """The plot's bars, left to right."""
    bars = [m for m in of_set(case_set) if m.plotted is not None]
    return tuple(m.name for m in sorted(bars, key=lambda m: m.plotted or 0))
