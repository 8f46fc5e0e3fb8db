"""No incident sentence, no record: a record's cited sentences must report its kind of event.

A small model gives every article events: a speech becomes an "Armed clash", a vote an
"Agreement", a court step a strike. ACLED codes incidents that happened, and news text
reports them with words of their kind ("killed", "blast", "protesters", "signed").
A record whose cited sentences hold no such word for its event type is not an incident
the article reports, and is dropped (with a finding). Words: data/language/
event_type_cues.txt. No gate check: the model is not re-asked about it.
"""

from __future__ import annotations

import re

from .. import language
from ..schema import Event, Finding
from .base import Rule, drop_events

_SECTIONS = language.sections("event_type_cues")
_VIOLENT = ("Explosions/Remote violence", "Battles", "Violence against civilians")
# A threat, plan or charge just before the word: "would fight", "charged with ... bombings".
_LEAD_IN = re.compile(
    rf"\b(?:{language.alternatives('unreported_lead_ins')})\b(?:\W+\w+){{0,3}}\W*$",
    re.IGNORECASE,
)


def _cue(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{'|'.join(words)})\b", re.IGNORECASE)


# Each kind's words, by ACLED event type or, where it has its own section, sub-type; the
# violent types also accept the words of any violence.
_CUES: dict[str, re.Pattern[str]] = {
    kind: _cue(words + (_SECTIONS["Any violence"] if kind in _VIOLENT else ()))
    for kind, words in _SECTIONS.items()
    if kind != "Any violence"
}


_ANY_VIOLENCE = _cue(_SECTIONS["Any violence"])


def _says(cue: re.Pattern[str], event: Event) -> bool:
    """A cue word in the cited sentences, not led in by a threat, plan or charge."""
    return any(
        not _LEAD_IN.search(span.text[: match.start()])
        for span in event.evidence
        for match in cue.finditer(span.text)
    )


def reported(event: Event) -> bool:
    """Do the record's cited sentences report an incident: one of its kind, or violence?

    Violence counts for every kind: a real attack the model filed under "Other" is a
    wrongly typed incident, not an invented one.
    """
    cue = _CUES.get(event.sub_event_type) or _CUES.get(event.event_type)
    return cue is None or _says(cue, event) or _says(_ANY_VIOLENCE, event)


def _unreported(event: Event) -> str | None:
    if reported(event):
        return None
    return (
        f"its cited sentences report no {event.event_type.lower()} "
        "(no incident sentence, no record)"
    )


def drop_unreported(events: list[Event]) -> tuple[list[Event], list[Finding]]:
    return drop_events(events, _unreported)


RULE = Rule("incident", repair_events=drop_unreported)
