"""Records naming nothing in the article are dropped (an assembled-events repair).

Such a record names no one and nothing the article mentions: it is not an incident the
article reports (small models pad their lists with "unknown" records). One grounded
value keeps a record, the headline's included: a paraphrased place ("Dara airport") is
common.
"""

from __future__ import annotations

from ..article import Article
from ..schema import Event, Finding
from .base import Rule, drop_events


def _unplaced(event: Event) -> str | None:
    values = (event.actors.actor1, event.location.place, event.target)
    # A value kept with no span is one the headline holds ("Dara airport" in "... after
    # Dara airport attack"): the grounding drops every value the article lacks.
    if any(v for v in values):
        return None
    return "none of its actor, target and place occurs in the article"


def drop_unplaced_events(
    events: list[Event], article: Article
) -> tuple[list[Event], list[Finding]]:
    """Drop records whose actor, target and place are all absent or nowhere in the article."""
    return drop_events(events, _unplaced)


RULE = Rule("unplaced", repair_events=drop_unplaced_events)
