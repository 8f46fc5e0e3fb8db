"""One record per (sub-type, place) where the records also share a sentence, one
protest per place and day, and no second record for a detail of an incident's scene or
a later sentence that re-tells it.

Chunk overlap and over-eager models repeat an event; distinct places stay apart. A
small model also splits one protest into its phases ("protesters removed the fences" a
peaceful protest, "police fired tear gas to disperse them" one with intervention): ACLED
codes one protest event per place and day, typed by the most force used on it. The merge
says nothing in the findings (the event paths of draft findings are then not compared
with the assembled events: pipeline.mark_resolved).
"""

from __future__ import annotations

import re

from ..article import Article
from ..schema import EVENT_TYPE_OF, VIOLENT_TYPES, Event, Finding, Span
from .base import Rule, name_key


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
    r"\b(?:later|next day|following day|day after|days after|the next|overnight|hours? after|"
    r"after the \w+ ended|in the evening|that night|separate|elsewhere)\b",
    re.I,
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
    riot = "Violent demonstration" in (a.sub_event_type, b.sub_event_type)
    if riot:
        # A riot joins a protest only when told in one sentence with it ("police fired tear
        # gas as crowds marched, with protesters throwing petrol bombs"); lethal force on
        # a peaceful crowd stays its own record.
        excessive = "Excessive force against protesters" in (a.sub_event_type, b.sub_event_type)
        return not excessive and bool(set(a.sentence_ids) & set(b.sentence_ids))
    gap = min(abs(i - j) for i in a.sentence_ids for j in b.sentence_ids)
    return gap <= _PROTEST_SENTENCE_GAP


def _unnamed_place(event: Event) -> bool:
    """A place named by no proper name: "the stage", "a parade", "the market"."""
    place = event.location.place
    return place is not None and not re.search(r"[A-Z0-9]", place.value)


def _detail_of(a: Event, b: Event) -> bool:
    """`b` tells more of `a`'s incident: the same sub-type on the same day, `b` placed only
    by a common noun ("the stage", "the parade" of a drone attack placed in the capital),
    naming no other doer and no other toll. Later sentences of a report describe its
    incident's scene; a second incident is told with its own town, doer or toll."""
    if a.sub_event_type != b.sub_event_type or a.date != b.date or not _unnamed_place(b):
        return False
    if _crowd(b) and _crowd(b) != _crowd(a):
        return False
    if _ANOTHER.search(b.location.place.value if b.location.place else ""):
        return False  # "a nearby village", "another school": a second place
    if any(_SECOND_INCIDENT.search(span.text) for span in b.evidence):
        return False
    return b.fatalities is None and b.injuries is None


# A second place told as such: "another village", "a nearby town".
_ANOTHER = re.compile(r"\b(?:another|other|second|third|nearby|neighbou?ring)\b", re.IGNORECASE)
# A second incident told as such: "in the second attack", "a separate bombing",
# "separately", "elsewhere", "came a day after", "two days before".
_SECOND_INCIDENT = re.compile(
    r"\b(?:another|other|second|third|separate|previous|earlier|similar|latest)\s+(?:[\w-]+\s+)?"
    r"(?:attacks?|bombings?|blasts?|explosions?|incidents?|strikes?|raids?|shootings?|"
    r"ambush(?:es)?)\b|\b(?:separately|elsewhere)\b|"
    r"\b(?:came|comes|days?|hours?|weeks?)\s+(?:\w+\s+){0,2}?(?:after|before)\b",
    re.IGNORECASE,
)
# An incident referred back to: "the attack", "the complex attack", "the car bomb",
# "the twin bombings". A later sentence that names its incident so re-tells the one the
# article already reported.
_REFERRED_BACK = re.compile(
    r"\bthe\s+(?:[\w-]+\s+){0,2}?(?:attacks?|bombings?|blasts?|explosions?|bombs?|"
    r"assaults?|raids?|strikes?|airstrikes?|ambush(?:es)?|shootings?)\b",
    re.IGNORECASE,
)


def _retold(a: Event, b: Event) -> bool:
    """`b` re-tells `a`'s violent incident: its sentences refer back to it ("killed in the
    complex attack", "claimed responsibility for the attack"), on no other day, and where
    `b` names a place, it is `a`'s (one within the other's name). A small model
    re-reading a report's later sentences files its tolls, claims and statements as new
    incidents of any kind; a second incident is told with its own place or day."""
    violent = (EVENT_TYPE_OF.get(a.sub_event_type), EVENT_TYPE_OF.get(b.sub_event_type))
    if not all(kind in VIOLENT_TYPES for kind in violent) or b.date not in (None, a.date):
        return False
    if not any(_REFERRED_BACK.search(span.text) for span in b.evidence):
        return False
    if any(_SECOND_INCIDENT.search(span.text) for span in b.evidence):
        return False  # "In the second attack", "a day after", "separately"
    if b.location.place is None or a.location.place is None:
        return b.location.place is None
    # One place within the other's name ("Maidan Shahr" and "the centre of Maidan Shahr");
    # a place only named in `a`'s sentences may be another incident's of a list.
    a_key, b_key = name_key(a.location.place.value), name_key(b.location.place.value)
    if a_key and b_key and (a_key in b_key or b_key in a_key):
        return True
    return _told_as_one_place(
        a.location.place.value, b.location.place.value, [*a.evidence, *b.evidence]
    )


# A region's kind after its name: "Northtown, Dara province" tells a town in its province.
_ADMIN = r"(?:province|district|state|region|county|governorate)\b"


def _told_as_one_place(first: str, second: str, evidence: list[Span]) -> bool:
    """The cited sentences tell one place inside the other: "the marathon finish line in
    Copley Square", "a market in Northtown, Dara province". A report names the spot and
    the square or district it lies in; a list of incidents joins its places with commas
    and "and", never with "in" nor a region's kind."""
    for inner, outer in ((first, second), (second, first)):
        name = re.escape(outer.strip())
        # The region's kind is in the value ("Dara province") or follows it in the text.
        kind = "" if re.search(rf"\b{_ADMIN}$", outer.strip(), re.IGNORECASE) else rf"\s+{_ADMIN}"
        told = re.compile(
            rf"\b{re.escape(inner.strip())}"
            rf"(?:\s+(?:in|at|on)\s+(?:the\s+)?{name}\b|,\s+(?:the\s+)?{name}{kind})",
            re.IGNORECASE,
        )
        if any(told.search(span.text) for span in evidence):
            return True
    return False


def _nested_places(a: Event, b: Event) -> bool:
    """Two records of one kind from one sentence, placed at a spot and at the region the
    sentence puts it in ("discovered ... along the Dara road in Kel State")."""
    if a.sub_event_type != b.sub_event_type or not a.location.place or not b.location.place:
        return False
    if a.date != b.date or (_crowd(a) and _crowd(b) and _crowd(a) != _crowd(b)):
        return False  # another day, another doer: another incident
    spans = [*a.evidence, *b.evidence]
    if any(_SECOND_INCIDENT.search(s.text) or _LATER.search(s.text) for s in spans):
        return False  # "elsewhere in Dara province", "two days after another bomb"
    first, second = a.location.place.value, b.location.place.value
    # Regions of one kind side by side are a list ("Kel district, Dara district").
    kinds = {m.group(0).lower() for p in (first, second) if (m := re.search(_ADMIN, p, re.I))}
    if len(kinds) == 1 and all(re.search(_ADMIN, p, re.I) for p in (first, second)):
        return False
    shared = set(a.sentence_ids) & set(b.sentence_ids)
    return bool(shared) and _told_as_one_place(first, second, spans)


def _twins(a: Event, b: Event) -> bool:
    shared = set(a.sentence_ids) & set(b.sentence_ids)
    return (
        (_event_key(a) == _event_key(b) and bool(shared))
        or _same_protest(a, b)
        or _detail_of(a, b)
        or _nested_places(a, b)
    )


def merge_duplicate_events(events: list[Event]) -> list[Event]:
    merged: list[Event] = []
    for event in events:
        twin = next((m for m in merged if _twins(m, event)), None)
        if twin is None:
            # A re-telling joins the one incident it can be about; where several earlier
            # records could be meant, it stays apart rather than join the wrong one.
            retold = [m for m in merged if _retold(m, event)]
            one = retold[0] if len(retold) == 1 else None
            # Two tolls are two incidents ("killed 5" and "killed 3").
            tolls = {one.fatalities, event.fatalities} - {None} if one else set()
            twin = one if len(tolls) <= 1 else None
        if twin is None:
            merged.append(event)
            continue
        phases = {twin.sub_event_type, event.sub_event_type} <= set(_PROTEST_FORCE)
        if twin.sub_event_type != event.sub_event_type and phases:  # a protest's phases
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
        else:
            # One incident told twice: a toll only the later telling gives is its toll.
            for count in ("fatalities", "injuries"):
                if getattr(twin, count) is None:
                    setattr(twin, count, getattr(event, count))
        ids = sorted(set(twin.sentence_ids) | set(event.sentence_ids))
        spans = {(s.start, s.end): s for s in [*twin.evidence, *event.evidence]}
        twin.sentence_ids = ids
        twin.evidence = [spans[k] for k in sorted(spans)]
    return merged


def repair_events(events: list[Event], article: Article) -> tuple[list[Event], list[Finding]]:
    return merge_duplicate_events(events), []


RULE = Rule("duplicates", repair_events=repair_events)
