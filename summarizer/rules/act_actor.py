"""An actor is a party, never the act: "suicide bombings" as actor1 is cleared.

A small model fills actor1 with the incident's own noun ("suicide bombings", "the
attack"), or writes "suicide bomber" where the article says "suicide bombings" and the
lenient grounding then takes the article's words. ACLED's actor is a group or a person,
or unidentified; a value whose head is an act noun names what happened, not who did it.
Runs after the values rule, on the value the record will carry.
"""

from __future__ import annotations

import re

from .. import language
from ..schema import Check
from .base import EventWork, Rule, repaired

_ACT_NOUN = re.compile(rf"\b(?:{language.alternatives('act_nouns')})$", re.IGNORECASE)


def names_an_act(value: str) -> bool:
    """Is the act noun the value's head: the last word before any preposition? "suicide
    bombings", "air strikes by the coalition" name acts; "the masterminds behind the
    attack" names a party."""
    words = re.findall(r"[\w’'-]+", value)
    prepositions = language.words("prepositions")
    head = next((i for i, w in enumerate(words) if w.lower() in prepositions), len(words))
    return head > 0 and bool(_ACT_NOUN.search(" ".join(words[:head])))


# "The masterminds behind the attack", "those responsible for the bombing": a description
# of whoever did it, naming no one (no capitalised word). ACLED codes the doer as
# unidentified; the article's description is no party.
_WHOEVER_DID_IT = re.compile(
    rf"^(?:the |those )?[\w\s-]*?\b(?:behind|responsible for)\s+(?:the |this |that |these )?"
    rf"(?:\w+\s+)?(?:{language.alternatives('act_nouns')})$",
    re.IGNORECASE,
)


def _whoever_did_it(value: str) -> bool:
    words = [w for w in value.split() if w.lower() not in ("the", "those")]
    return bool(_WHOEVER_DID_IT.match(value.strip())) and not any(w[:1].isupper() for w in words)


def repair_event(work: EventWork) -> None:
    actor = work.grounded.get("actor1")
    if actor is not None and _whoever_did_it(actor.value):
        message = f"actor1 {actor.value!r} cleared: it describes whoever did it, naming no one"
        work.findings.append(repaired(Check.ATTRIBUTION, work.at("actor1"), message))
        work.grounded["actor1"] = None
        return
    if actor is None or not names_an_act(actor.value):
        return
    message = f"actor1 {actor.value!r} cleared: it names the act, not who carried it out"
    work.findings.append(repaired(Check.ATTRIBUTION, work.at("actor1"), message))
    work.grounded["actor1"] = None


RULE = Rule("act_actor", repair_event=repair_event)
