"""Event values say who and what, in neutral words: no appositive, no loaded label.

News text names a party and then describes it: "The Islamic Resistance in Iraq, an
umbrella group of anti-terror fighters", "Hamas, which runs Gaza". A record's actor,
claimant or source is the party; the description is the outlet's, and often where its
loaded wording sits. A party value is cut at its first comma when what comes before is a
name (it opens with a capital letter). A loaded term left in any value is replaced from
the lexicon where a neutral alternative exists; the evidence keeps pointing at the
article's own words. Runs after the rules that ground the values.
"""

from __future__ import annotations

import re

from ..checks.lexicon import neutralise
from ..schema import Check, GroundedValue, Span
from .base import EventWork, Rule, repaired

PARTY_FIELDS = ("actor1", "actor2", "claimed_by", "reported_by")
WORDED_FIELDS = ("actor1", "actor2", "claimed_by", "target", "location", "reported_by")
# A name: optionally "the", then a capitalised word.
_NAME_START = re.compile(r"^(?:[Tt]he\s+)?[A-Z]")


def _without_appositive(value: GroundedValue) -> GroundedValue | None:
    head, comma, _rest = value.value.partition(", ")
    head = head.strip()
    if not comma or not _NAME_START.match(head):
        return None
    evidence = [
        Span(start=s.start, end=s.start + len(head), text=s.text[: len(head)])
        for s in value.evidence
        if s.text.startswith(head)
    ]
    return value.model_copy(update={"value": head, "evidence": evidence or value.evidence})


def repair_event(work: EventWork) -> None:
    for name in PARTY_FIELDS:
        value = work.grounded.get(name)
        trimmed = _without_appositive(value) if value else None
        if value and trimmed:
            work.grounded[name] = trimmed
            message = f"{value.value!r} -> {trimmed.value!r}: the party, not its description"
            work.findings.append(repaired(Check.NEUTRALITY, work.at(name), message))
    for name in WORDED_FIELDS:
        value = work.grounded.get(name)
        if value is None:
            continue
        text, _left = neutralise(value.value)
        if text != value.value:
            work.grounded[name] = value.model_copy(update={"value": text})
            message = f"{value.value!r} -> {text!r}: loaded wording replaced"
            work.findings.append(repaired(Check.NEUTRALITY, work.at(name), message))


RULE = Rule("value_wording", repair_event=repair_event)
