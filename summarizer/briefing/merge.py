"""Group events from different articles that report the same happening.

Rules (general, no knowledge of any one story):
- hard: same ACLED disorder family (political violence, demonstrations, strategic
  developments), different articles, compatible country and date. Not the exact event
  type: small models confuse "Attack" on civilians with "Explosions/Remote violence"
  (ACLED coders decide that by the weapon); a same event type scores instead;
- then a score from the evidence: the place or actor of one report named in the
  other's fields or supporting sentences (less if only elsewhere in the other article),
  same date, same toll, a figure both supporting texts give; a place that the other
  article never mentions counts against.
Pairs are joined best score first (greedy agglomerative), and a group never takes
two events from one article: that article itself told them apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..schema import Event
from .aliases import mentioned_in, same_name, value_of

MERGE_SCORE = 3  # the least score at which two reports are one event
FAMILY = {
    "Battles": "political violence",
    "Explosions/Remote violence": "political violence",
    "Violence against civilians": "political violence",
    "Protests": "demonstrations",
    "Riots": "demonstrations",
    "Strategic developments": "strategic developments",
}
# A weapon defused or intercepted is the attack another outlet reports as launched
# ("rockets fired at the airport" / "the military shot down rockets aimed at it"): for
# merging, that strategic development is in the family of the violence it stopped.
_STOPPED_ATTACK = "Disrupted weapons use"


def merge_family(event: Event) -> str:
    """The family two reports must share to describe one event."""
    if event.sub_event_type == _STOPPED_ATTACK:
        return FAMILY["Explosions/Remote violence"]
    return FAMILY[event.event_type]


# Figures in supporting text: tolls and counts, not years or small numbers.
_FIGURE = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})*|\d+)(?![\d.,]?\d)")
_DAY_TOLERANCE = {"day": 1, "week": 7, "month": 31, "year": 366, "unknown": 3}


@dataclass(frozen=True)
class EventRef:
    """One event in one article, with the text of its supporting sentences."""

    article: int
    index: int  # position in that article's result.events
    event: Event
    evidence_text: str
    article_text: str = ""  # title and whole text: weaker evidence than the cited sentences


_v = value_of


def actor_names(ev: Event) -> list[str]:
    names = [_v(ev.actors.actor1), _v(ev.actors.actor2), _v(ev.claimed_by)]
    names += [_v(a) for a in ev.actors.associated]
    return [n for n in names if n]


def _dates_compatible(a: Event, b: Event) -> bool:
    if a.date is None or b.date is None:
        return True
    tolerance = max(_DAY_TOLERANCE[a.time_precision], _DAY_TOLERANCE[b.time_precision])
    return abs((a.date - b.date).days) <= tolerance


def _name_match(x: str | None, y: str | None, x_text: str, y_text: str) -> bool:
    """Aliases of each other, or one report's name appears in the other's evidence."""
    if not x or not y:
        return bool(x and mentioned_in(x, y_text)) or bool(y and mentioned_in(y, x_text))
    return same_name(x, y) or mentioned_in(x, y_text) or mentioned_in(y, x_text)


def _countries_compatible(a: EventRef, b: EventRef) -> bool:
    ca, cb = _v(a.event.location.country), _v(b.event.location.country)
    if not ca or not cb:
        return True
    return _name_match(ca, cb, a.evidence_text, b.evidence_text)


def compatible(a: EventRef, b: EventRef) -> bool:
    """The hard rules: could these two reports describe one event at all?"""
    return (
        a.article != b.article
        and merge_family(a.event) == merge_family(b.event)
        and _dates_compatible(a.event, b.event)
        and _countries_compatible(a, b)
    )


def _place_score(a: EventRef, b: EventRef) -> int:
    pa, pb = _v(a.event.location.place), _v(b.event.location.place)
    if not pa and not pb:
        return 0
    if _name_match(pa, pb, a.evidence_text, b.evidence_text):
        return 2
    if mentioned_in(pa, b.article_text) or mentioned_in(pb, a.article_text):
        return 1  # named somewhere in the other article (a headline, another paragraph)
    # Known on both sides and neither article mentions the other's place.
    return -2 if pa and pb else 0


def figures(text: str) -> set[int]:
    """Counts written as digits (13, 1,200), leaving out years and numbers below 3."""
    found = {int(m.group(1).replace(",", "")) for m in _FIGURE.finditer(text)}
    return {n for n in found if n >= 3 and not 1900 <= n <= 2100}


def score(a: EventRef, b: EventRef) -> int:
    """How strongly the evidence says the two reports are one event (no hard rules)."""
    ea, eb = a.event, b.event
    points = 0
    # Same event type, not only same sub-type: small models confuse the weapon (a
    # suicide bombing reported as a drone strike), less often the kind of event.
    if ea.event_type == eb.event_type:
        points += 1
    points += _place_score(a, b)
    ca, cb = _v(ea.location.country), _v(eb.location.country)
    if ca and cb:
        points += 1  # compatible() already rejected different countries
    names_a, names_b = actor_names(ea), actor_names(eb)
    if (
        any(_name_match(x, None, "", b.evidence_text) for x in names_a)
        or any(_name_match(y, None, "", a.evidence_text) for y in names_b)
        or any(same_name(x, y) for x in names_a for y in names_b)
    ):
        points += 2
    if _name_match(_v(ea.target), _v(eb.target), a.evidence_text, b.evidence_text):
        points += 1
    if ea.date and eb.date and ea.date == eb.date:
        points += 1
    if ea.fatalities and ea.fatalities == eb.fatalities:
        points += 1
    elif figures(a.evidence_text) & figures(b.evidence_text):
        points += 1  # the same count appears in both reports' supporting sentences
    return points


def cluster(refs: list[EventRef], threshold: int = MERGE_SCORE) -> list[list[EventRef]]:
    """Groups of reports of one event, each group in article order; singletons included."""
    group_of = list(range(len(refs)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(refs))}
    pairs = [
        (score(refs[i], refs[j]), i, j)
        for i in range(len(refs))
        for j in range(i + 1, len(refs))
        if compatible(refs[i], refs[j])
    ]
    # Best evidence first; ties by input order so the result is deterministic.
    for points, i, j in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if points < threshold:
            break
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        joined = members[gi] + members[gj]
        # Every pair in the joined group must pass the hard rules (complete linkage).
        if not all(compatible(refs[x], refs[y]) for x in members[gi] for y in members[gj]):
            continue
        for k in members.pop(gj):
            group_of[k] = gi
        members[gi] = joined
    groups = [sorted(m, key=lambda k: (refs[k].article, refs[k].index)) for m in members.values()]
    groups.sort(key=lambda m: (-len(m), _first_date(refs, m), m[0]))
    return [[refs[k] for k in m] for m in groups]


def _first_date(refs: list[EventRef], group: list[int]) -> date:
    dates = [d for k in group if (d := refs[k].event.date) is not None]
    return min(dates) if dates else date.max
