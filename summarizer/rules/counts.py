"""Counts: a casualty figure needs a figure (or a stated "nobody was hurt") behind it.

The gate's check (`checks.grounding.check_counts`) runs inside the citations rule's
per-event pass; the repair sets a count with nothing behind it in the cited sentences
to null. ACLED codes an event's total dead: where one clause gives the dead in groups
("killed 13 US troops and 72 Afghans") and the model took one group's figure, the
fatalities become the sum.
"""

from __future__ import annotations

import re

from .. import language
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


# "killed 13 US troops and 72 Afghans": a killing verb, then two figures each with its
# group, joined by "and" (never "and wounded 18": a verb, not a figure, follows "and").
_GROUPS = re.compile(
    rf"\b(?:{language.alternatives('killing_words')})\s+(\d+)\s+[A-Za-z.’'-]+(?:\s+[A-Za-z.’'-]+)?"
    r"\s+and\s+(\d+)\s+[A-Za-z]",
    re.IGNORECASE,
)


def _total(work: EventWork) -> None:
    if work.fatalities is None:
        return
    for m in _GROUPS.finditer(work.evidence_text):
        first, second = int(m.group(1)), int(m.group(2))
        if work.fatalities in (first, second) and work.fatalities != first + second:
            message = (
                f"fatalities {work.fatalities} -> {first + second}: the cited sentence gives "
                f"the dead in groups ({first} and {second}); ACLED codes the total"
            )
            work.findings.append(repaired(Check.GROUNDING, work.at("fatalities"), message))
            work.fatalities = first + second
            return


def repair_event(work: EventWork) -> None:
    work.fatalities = _count(work, work.fatalities, "fatalities")
    _total(work)
    work.injuries = _count(work, work.injuries, "injuries")


RULE = Rule("counts", repair_event=repair_event)
