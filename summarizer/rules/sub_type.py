"""Sub-type follows the weapon named: the model's sub-type, unless its cited sentences
describe another weapon only.

Small models answer "Air/drone strike" or "Shelling" for bombings; when the cited
sentences hold no word of the chosen sub-type but words of another, the words win.
No gate check: the model is not re-asked about it.
"""

from __future__ import annotations

import re

from .. import language
from ..schema import Check
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
    stated = next((sub for sub, cue in _SUB_TYPE_CUES.items() if cue.search(evidence)), None)
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
