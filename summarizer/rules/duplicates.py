"""One record per (sub-type, place) where the records also share a sentence.

Chunk overlap and over-eager models repeat an event; distinct places stay apart. The
merge says nothing in the findings (the event paths of draft findings are then not
compared with the assembled events: pipeline.mark_resolved).
"""

from __future__ import annotations

from ..schema import Event, Finding
from .base import Rule


def _event_key(event: Event) -> tuple[str, str]:
    place = event.location.place.value.casefold() if event.location.place else ""
    return event.sub_event_type, place


def merge_duplicate_events(events: list[Event]) -> list[Event]:
    merged: list[Event] = []
    for event in events:
        twin = next(
            (
                m
                for m in merged
                if _event_key(m) == _event_key(event)
                and set(m.sentence_ids) & set(event.sentence_ids)
            ),
            None,
        )
        if twin is None:
            merged.append(event)
            continue
        ids = sorted(set(twin.sentence_ids) | set(event.sentence_ids))
        spans = {(s.start, s.end): s for s in [*twin.evidence, *event.evidence]}
        twin.sentence_ids = ids
        twin.evidence = [spans[k] for k in sorted(spans)]
    return merged


def repair_events(events: list[Event]) -> tuple[list[Event], list[Finding]]:
    return merge_duplicate_events(events), []


RULE = Rule("duplicates", repair_events=repair_events)
