"""An empty doer takes who the article says did it: the claimant of a claimed attack, or
the unnamed attackers its report starts with ("Gunmen attacked an army base").

After the doer and act_actor rules clear a victim, a speaker or an act noun, a violent
record often has no actor1 though the article says who did it in the words ACLED codes:
a group that claimed the attack (ACLED codes the claimant as the actor of a claimed
attack), or "gunmen", "suspected militants" as the subject of the incident verb. Only
the cited sentences are read, only at a sentence's or clause's start (the subject), and
the value is grounded like every other. No gate check: nothing to re-ask.
"""

from __future__ import annotations

import re

from .. import language
from ..checks.grounding import cited
from ..schema import EVENT_TYPE_OF, VIOLENT_TYPES, Check
from .base import EventWork, Rule, repaired
from .values import ground

# Verbs of an attack beyond the incident verbs' list: a shooting, a stabbing, a blast.
_ATTACK_VERBS = r"opened fire|shot|stabbed|blew (?:himself|herself|themselves) up"

# Words that open a clause, capitalised at a sentence's start: no modifier of a noun.
_OPENERS = r"(?:As|After|When|While|If|But|And|Before|Since|Then|Once|Though|Although|The|A|An)"

# "Gunmen attacked", "Two suspected militants on motorbikes stormed", "..., a suicide
# bomber blew himself up", "police said gunmen opened fire": at a sentence's or clause's
# start (or a report's), counts and articles first (dropped from the value), then
# modifiers, the noun, up to four words (no comma: the clause ends there), an active
# incident verb.
_UNNAMED_ATTACKERS = re.compile(
    r"(?:^|[,;:]\s+|\b(?i:when|after|as|said|says|say)\s+(?i:that\s+)?)"
    r"(?i:(?:a|an|the|two|three|four|five|six|several|dozens of|\d+)\s+)*"
    # A modifier, never a clause's opening word ("As rebels retreated, ...").
    rf"(?P<who>(?:(?!{_OPENERS}\b)(?:{language.alternatives('perpetrator_modifiers')})\s+){{0,2}}"
    rf"(?i:{language.alternatives('perpetrator_nouns')}))\b"
    # Not the passive: "militants were killed" are the victims.
    r"(?:\s+(?!(?i:were|was|are|is|been|being)\b)[\w-]+){0,4}?\s+(?!(?i:were|was|are|is)\b)"
    rf"(?i:{language.alternatives('incident_verbs')}|{_ATTACK_VERBS})\b"
    # Nor the shortened passive: "three militants killed in the raid", "shot by police"
    # (a participle; "blew himself up at", "opened fire on" are active).
    r"(?!(?<=ed|ot)\s+(?i:in|by|during|at|near|on|when|while|after)\b)"
)


_PASSIVE_ACTS = r"murdered|shot dead|stabbed|abducted|kidnapped|lynched|beaten"

# The passive's agent: "seven people were murdered by vigilantes", "was shot dead by
# gunmen" (counts and articles dropped, as above).
_BY_ATTACKERS = re.compile(
    r"\b(?i:was|were|been)\s+(?:\w+\s+)?"
    rf"(?i:{language.alternatives('incident_verbs')}|{_PASSIVE_ACTS})\s+(?i:by)\s+"
    r"(?i:(?:a|an|the|a group of|two|three|several|\d+)\s+)*"
    rf"(?P<who>(?:(?!{_OPENERS}\b)(?:{language.alternatives('perpetrator_modifiers')})\s+){{0,2}}"
    rf"(?i:{language.alternatives('perpetrator_nouns')}))\b"
)


_ACT_VERB = re.compile(
    rf"\b(?:{language.alternatives('incident_verbs')}|{_ATTACK_VERBS}|{_PASSIVE_ACTS}|raided|freed)\b",
    re.IGNORECASE,
)
_OTHER_CLAUSE = re.compile(r",|\b(?:after|before|since|who|whom|which|that|when|while|as)\b", re.I)


def unnamed_attackers(sentence: str) -> str | None:
    """The unnamed attackers a sentence reports as the incident's subject, or as the
    agent of its passive, if any."""
    found = _UNNAMED_ATTACKERS.search(sentence)
    by = _BY_ATTACKERS.search(sentence) if found is None else None
    # The passive of the sentence's own act, not of a clause beside another act ("warplanes
    # bombed villages, two days after 12 soldiers were killed by militants"); after a
    # statement it is the act ("vowed an inquiry after seven were murdered by vigilantes").
    if by is not None and not _another_act_first(sentence[: by.start()]):
        found = by
    return found.group("who") if found else None


def _another_act_first(before: str) -> bool:
    """A clause opens before the passive, and the words before it report an act."""
    clause = _OTHER_CLAUSE.search(before)
    return clause is not None and bool(_ACT_VERB.search(before[: clause.start()]))


def repair_event(work: EventWork) -> None:
    if EVENT_TYPE_OF.get(work.sub_event_type) not in VIOLENT_TYPES or work.grounded.get("actor1"):
        return
    claimant = work.grounded.get("claimed_by")
    if work.responsibility == "claimed" and claimant is not None:
        work.grounded["actor1"] = claimant
        message = f"actor1 taken from the claimant {claimant.value!r} (ACLED codes who claims)"
        work.findings.append(repaired(Check.ATTRIBUTION, work.at("actor1"), message))
        return
    who = next(
        filter(None, (unnamed_attackers(s.text) for s in cited(work.article, work.ids))), None
    )
    if who is None:
        return
    value = ground(who, work.article, work.ids, work.at("actor1"), work.findings)
    if value is not None:
        work.grounded["actor1"] = value
        message = f"actor1 taken from the cited sentence's unnamed attackers {who!r}"
        work.findings.append(repaired(Check.ATTRIBUTION, work.at("actor1"), message))


RULE = Rule("perpetrator", repair_event=repair_event)
