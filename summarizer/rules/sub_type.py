"""Sub-type follows the words: the model's sub-type, unless its cited sentences describe
another weapon, another side taking ground, or a protest nobody intervened in.

Small models answer "Air/drone strike" or "Shelling" for bombings, "Government regains
territory" for an armed group sweeping into a capital, "Protest with intervention" for a
march; when the cited sentences hold no word of the chosen sub-type but words of
another of the same event type, the words win.
No gate check: the model is not re-asked about it.
"""

from __future__ import annotations

import re

from .. import language
from ..schema import EVENT_TYPE_OF, Check
from .base import EventWork, Rule, repaired

# Words a sub-type's report uses, first match wins (data/language/sub_type_cues.txt). Only
# for sub-types with their own vocabulary: a suicide bombing is a "bomb" too, so it comes
# before the IED row.
_SUB_TYPE_CUES: dict[str, re.Pattern[str]] = {
    sub: re.compile(rf"\b(?:{'|'.join(cues)})\b", re.IGNORECASE)
    for sub, cues in language.sections("sub_type_cues").items()
}


def repair_event(work: EventWork) -> None:
    sub_event_type, evidence = work.sub_event_type, work.evidence_text
    own = _SUB_TYPE_CUES.get(sub_event_type)
    if own is None or own.search(evidence):
        return
    # Within the record's event type: a protest's sentences that mention a bombing do
    # not make it a bombing (the incident rule judges whether it is a protest at all).
    kind = EVENT_TYPE_OF[sub_event_type]
    stated = next(
        (
            sub
            for sub, cue in _SUB_TYPE_CUES.items()
            if EVENT_TYPE_OF.get(sub) == kind and cue.search(evidence)
        ),
        None,
    )
    if stated is None:
        return
    work.findings.append(
        repaired(
            Check.ATTRIBUTION,
            work.at("sub_event_type"),
            f"sub-type {sub_event_type!r} -> {stated!r}: the cited sentences describe the latter",
        )
    )
    work.sub_event_type = stated


RULE = Rule("sub_type", repair_event=repair_event)
