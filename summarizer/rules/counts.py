"""Counts: a casualty figure needs a figure (or a stated "nobody was hurt") behind it.

The gate's check (`checks.grounding.check_counts`) runs inside the citations rule's
per-event pass; the repair sets a count with nothing behind it in the cited sentences
to null.
"""

from __future__ import annotations

from ..checks.grounding import check_counts
from ..schema import Check
from .base import EventWork, Rule, repaired


def _count(work: EventWork, value: int | None, name: str) -> int | None:
    if check_counts(0, value, name, work.evidence_text):
        work.findings.append(
            repaired(
                Check.GROUNDING,
                work.at(name),
                f"{name} {value} had no figure behind it; set to null",
            )
        )
        return None
    return value


def repair_event(work: EventWork) -> None:
    work.fatalities = _count(work, work.fatalities, "fatalities")
    work.injuries = _count(work, work.injuries, "injuries")


RULE = Rule("counts", repair_event=repair_event)
