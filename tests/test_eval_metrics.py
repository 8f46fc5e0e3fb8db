"""The metric registry: one entry per metric of each set, consistent across sets."""

from __future__ import annotations

from collections import Counter

from summarizer.evaluation.metrics import REGISTRY, gated, of_set, plotted, shown
from summarizer.evaluation.report import verdict


def test_a_name_appears_once_per_set_and_keeps_its_direction_across_sets() -> None:
    assert not [k for k, n in Counter((m.set, m.name) for m in REGISTRY).items() if n > 1]
    directions: dict[str, set[int]] = {}
    for m in REGISTRY:
        directions.setdefault(m.name, set()).add(m.direction)
    assert {name: d for name, d in directions.items() if len(d) > 1} == {}


def test_gated_metrics_are_shown_and_have_a_direction() -> None:
    for case_set in ("v1", "v2"):
        for m in gated(case_set):
            assert m.direction != 0 and m.name in shown(case_set), m


def test_the_plot_has_one_place_per_bar() -> None:
    places = sorted(m.plotted for m in of_set("v1") if m.plotted is not None)
    assert places == list(range(len(plotted("v1"))))
    assert not [m for m in of_set("v2") if m.plotted is not None]


def test_a_cost_gets_no_verdict() -> None:
    costs = [m.name for m in of_set("v1") if m.direction == 0]
    assert costs and all(name.endswith("_per_case") for name in costs)
    assert all(verdict(name, 1.0, 2.0) == "" for name in costs)
