"""Field roles: a source is someone cited, a motive a stated reason.

Each value is grounded like the others (the values rule's `ground`), then dropped, with
a finding, when the article does not present it in its field's role
(`summarizer/field_roles.py`). An empty source takes the speaker the cited sentences
name ("..., the ministry said").
"""

from __future__ import annotations

from collections.abc import Callable

from ..article import Article
from ..checks.clauses import speaker_of
from ..checks.grounding import cited
from ..field_roles import is_cited_source, is_stated_motive
from ..schema import Check, GroundedValue
from .base import EventWork, Rule, repaired
from .values import ground

# Fields whose value must also play its role, and how the article shows it.
_ROLES: dict[str, tuple[Callable[[GroundedValue, Article, list[int]], bool], str]] = {
    "reported_by": (
        is_cited_source,
        "a source: its sentence has no 'said', 'according to' or the like",
    ),
    "motive": (
        is_stated_motive,
        "a reason: no 'in retaliation for', 'to protest' or the like introduces it",
    ),
}


def _speaker_of_report(work: EventWork) -> None:
    """An empty source takes the speaker the cited sentences attribute the report to
    ("Gunmen attacked ..., the defence ministry said": the defence ministry)."""
    if work.grounded.get("reported_by") is not None:
        return
    speaker = next(filter(None, (speaker_of(s.text) for s in cited(work.article, work.ids))), None)
    if speaker is None:
        return
    where = work.at("reported_by")
    value = ground(speaker, work.article, work.ids, where, work.findings)
    if value is not None:
        work.grounded["reported_by"] = value
        message = f"reported_by taken from the cited sentence's speaker {speaker!r}"
        work.findings.append(repaired(Check.ATTRIBUTION, where, message))


def repair_event(work: EventWork) -> None:
    for field, (plays_role, role) in _ROLES.items():
        where = work.at(field)
        value = getattr(work.draft, field)
        grounded = ground(value, work.article, work.ids, where, work.findings)
        if grounded is not None and not plays_role(grounded, work.article, work.ids):
            message = f"{grounded.value!r} is not given as {role}; dropped"
            work.findings.append(repaired(Check.ATTRIBUTION, where, message))
            grounded = None
        work.grounded[field] = grounded
    _speaker_of_report(work)


RULE = Rule("field_roles", repair_event=repair_event)
