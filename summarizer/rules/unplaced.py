"""Records naming nothing in the article are dropped (an assembled-events repair).

Such a record names no one and nothing the article mentions: it is not an incident the
article reports (small models pad their lists with "unknown" records). One grounded
value keeps a record: a paraphrased place ("Kabul airport") is common.
"""

from __future__ import annotations

from ..schema import Check, Event, EventTarget, Finding
from .base import Rule, repaired


def drop_unplaced_events(events: list[Event]) -> tuple[list[Event], list[Finding]]:
    """Drop records whose actor, target and place are all absent or nowhere in the article."""
    kept: list[Event] = []
    findings: list[Finding] = []
    for k, event in enumerate(events):
        grounded = [
            v
            for v in (event.actors.actor1, event.location.place, event.target)
            if v and v.alignment != "none"
        ]
        if grounded:
            kept.append(event)
            continue
        findings.append(
            repaired(
                Check.GROUNDING,
                EventTarget(k),
                "event dropped: none of its actor, target and place occurs in the article",
            )
        )
    return kept, findings


RULE = Rule("unplaced", repair_events=drop_unplaced_events)
