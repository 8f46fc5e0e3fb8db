"""One record per (sub-type, place) where the records also share a sentence, and one
protest per place and day.

Chunk overlap and over-eager models repeat an event; distinct places stay apart. A
small model also splits one protest into its phases ("protesters removed the fences" a
peaceful protest, "police fired tear gas to disperse them" one with intervention): ACLED
codes one protest event per place and day, typed by the most force used on it. The merge
says nothing in the findings (the event paths of draft findings are then not compared
with the assembled events: pipeline.mark_resolved).
"""

from __future__ import annotations

import re

from ..schema import Event, Finding
from .base import Rule


def _event_key(event: Event) -> tuple[str, str]:
    place = event.location.place.value.casefold() if event.location.place else ""
    return event.sub_event_type, place


# A protest's sub-types by the force used on it, least first: a merged protest takes the
# most. A crowd's own violence comes last: where protesters threw petrol bombs while
# police fired tear gas, ACLED codes the one event a violent demonstration (a riot).
_PROTEST_FORCE = (
    "Peaceful protest",
    "Protest with intervention",
    "Excessive force against protesters",
    "Violent demonstration",
)
# Two protest records at one place and day are one protest where their sentences are next
# to each other, their crowds are not named apart ("teachers" and "farmers" are two
# protests), and the later one does not move on in time ("two days later, police ...").
_PROTEST_SENTENCE_GAP = 1
_LATER = re.compile(
    r"\b(?:later|next day|following day|day after|days after|the next|overnight)\b", re.I
)


def _crowd(event: Event) -> str | None:
    actor = event.actors.actor1
    return actor.value.casefold() if actor else None


def _same_protest(a: Event, b: Event) -> bool:
    if a.sub_event_type not in _PROTEST_FORCE or b.sub_event_type not in _PROTEST_FORCE:
        return False
    if _event_key(a)[1] != _event_key(b)[1] or not _event_key(a)[1] or a.date != b.date:
        return False
    if _crowd(a) and _crowd(b) and _crowd(a) != _crowd(b):
        return False
    if any(_LATER.search(span.text) for span in b.evidence):
        return False
    gap = min(abs(i - j) for i in a.sentence_ids for j in b.sentence_ids)
    return gap <= _PROTEST_SENTENCE_GAP


def _twins(a: Event, b: Event) -> bool:
    shared = set(a.sentence_ids) & set(b.sentence_ids)
    return (_event_key(a) == _event_key(b) and bool(shared)) or _same_protest(a, b)


def merge_duplicate_events(events: list[Event]) -> list[Event]:
    merged: list[Event] = []
    for event in events:
        twin = next((m for m in merged if _twins(m, event)), None)
        if twin is None:
            merged.append(event)
            continue
        if twin.sub_event_type != event.sub_event_type:  # a protest's phases
            forces = _PROTEST_FORCE.index
            if forces(event.sub_event_type) > forces(twin.sub_event_type):
                twin.sub_event_type = event.sub_event_type
                twin.event_type = event.event_type
            if twin.actors.actor1 is None:
                twin.actors.actor1 = event.actors.actor1
            if twin.actors.actor2 is None:
                twin.actors.actor2 = event.actors.actor2
            for count in ("fatalities", "injuries"):
                figures = [n for n in (getattr(twin, count), getattr(event, count)) if n]
                if figures:
                    setattr(twin, count, max(figures))
        ids = sorted(set(twin.sentence_ids) | set(event.sentence_ids))
        spans = {(s.start, s.end): s for s in [*twin.evidence, *event.evidence]}
        twin.sentence_ids = ids
        twin.evidence = [spans[k] for k in sorted(spans)]
    return merged


def repair_events(events: list[Event]) -> tuple[list[Event], list[Finding]]:
    return merge_duplicate_events(events), []


RULE = Rule("duplicates", repair_events=repair_events)
