"""Does a new report join an event already in the dataset? The briefing's rules, across days.

Within one day of reporting the briefing's merge rules decide (briefing/merge.py: hard
rules `compatible`, evidence `score`). Across days they are too generous: the same place,
actors and event type recur ("another strike on Gaza City"), and the briefing's one-day
tolerance joins Monday's strike to Tuesday's. So when the two articles were published on
different days, two day-precise dates must be equal; a report whose day is not stated
is placed by its publication date (the event happened on or before it), must lie within a
week of the other, and needs one more point of evidence; a report with neither date
cannot be placed in time and joins no other article's event.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ..briefing.merge import MERGE_SCORE, EventRef, compatible, score


@dataclass(frozen=True)
class Report:
    """One article's report of an event, with that article's publication date."""

    ref: EventRef
    published: date | None


def _day(report: Report) -> date | None:
    event = report.ref.event
    return event.date if event.time_precision == "day" else None


_NEAR_DAYS = timedelta(days=7)


def _anchor(report: Report) -> date | None:
    """When the event happened at the latest: its stated day, else the report's date."""
    return _day(report) or report.published


def _out_of_time(a: Report, b: Report) -> bool:
    """Across days: the two reports cannot describe one incident by their dates."""
    day_a, day_b = _day(a), _day(b)
    if day_a and day_b:
        return day_a != day_b  # two stated days: two incidents
    anchor_a, anchor_b = _anchor(a), _anchor(b)
    if anchor_a is None or anchor_b is None:
        return True  # one report cannot be placed in time
    # A report cannot tell of an event after its own publication.
    if (day_a and b.published and day_a > b.published) or (
        day_b and a.published and day_b > a.published
    ):
        return True
    return abs(anchor_a - anchor_b) > _NEAR_DAYS


def _across_days(a: Report, b: Report) -> bool:
    return a.published != b.published or a.published is None


def conflict(a: Report, b: Report) -> bool:
    """The hard rules: the briefing's, plus the dates across days (_out_of_time)."""
    if not compatible(a.ref, b.ref):
        return True
    return _across_days(a, b) and _out_of_time(a, b)


def points(a: Report, b: Report) -> int | None:
    """The evidence that a and b are one incident, or None when it is not enough."""
    if conflict(a, b):
        return None
    found = score(a.ref, b.ref)
    if _across_days(a, b) and (_day(a) is None or _day(b) is None):
        found -= 1  # a day not stated on one side: the rest must say more
    return found if found >= MERGE_SCORE else None


def best_event(report: Report, events: Mapping[int, Sequence[Report]]) -> int | None:
    """The stored event the report joins (best evidence, then the oldest), or None.

    No source of that event may conflict with the report (complete linkage, as the
    briefing's clusters), and none may come from the report's own article."""
    best: tuple[int, int] | None = None
    for event_id, sources in sorted(events.items()):
        if not sources or any(
            s.ref.article == report.ref.article or conflict(report, s) for s in sources
        ):
            continue
        top = max((p for s in sources if (p := points(report, s)) is not None), default=None)
        if top is not None and (best is None or top > best[0]):
            best = (top, event_id)
    return best[1] if best else None
