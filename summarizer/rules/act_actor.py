"""An actor is a party, never the act: "suicide bombings" as actor1 is cleared, and so is
a weapon ("IEDs") or the record's own place ("the Dara" placed in Dara; "Cuba" as the
crowd of a protest in Cuba).

A small model fills actor1 with the incident's own noun ("suicide bombings", "the
attack"), or writes "suicide bomber" where the article says "suicide bombings" and the
lenient grounding then takes the article's words. ACLED's actor is a group or a person,
or unidentified; a value whose head is an act noun names what happened, not who did it.
Runs after the values rule, on the value the record will carry.
"""

from __future__ import annotations

import re

from .. import language
from ..schema import EVENT_TYPE_OF, VIOLENT_TYPES, Check
from .base import EventWork, Rule, name_key, repaired

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


# The weapon as the doer: "IEDs’", "rockets", "a car bomb" (the words of the unmanned
# weapons' sub-types in sub_type_cues.txt; a possessive or plural "’s" read as the
# plural). A weapon is the means, never the party that used it. Not aircraft ("Russian
# warplanes", "US drones"): news names a force by its planes, and the force is the doer.
# A poison ("chlorine gas", "sarin gas") is a weapon of the same kind.
_UNMANNED = (
    "Shelling/artillery/missile attack",
    "Grenade",
    "Remote explosive/landmine/IED",
    "Chemical weapon",
)
# Weapons found, seized or handed in: "arms", "ammunition" (a find's haul).
_WEAPON_WORDS = (
    *(cue for sub in _UNMANNED for cue in language.sections("sub_type_cues")[sub]),
    "weapons",
    "arms",
    "ammunition",
    "explosives",
)
# Lower-case, as news writes a weapon: "Royal Artillery" and "the 5th Artillery" are units.
# Up to two words before it ("suspected wartime grenades"), and a list after it
# ("grenades and a thousand rounds of ammunition").
_WEAPON = re.compile(
    rf"^(?:the |an? )?(?:(?!(?:with|carrying|using|and)\b)[\w-]+ ){{0,2}}"
    rf"(?:{'|'.join(_WEAPON_WORDS)})(?: and [^,]+)?$"
)


def names_a_weapon(value: str) -> bool:
    """Is the value a weapon ("IEDs", "rockets", "a car bomb")? Not aircraft (above)."""
    plain = re.sub(r"[’']s\b", "s", value.strip())
    return bool(_WEAPON.match(plain))


def _the_place(actor: str, work: EventWork) -> bool:
    """The record's own place as its doer ("the Dara" placed in Dara): a small
    model copies the place into the actor; a town is no party to an attack."""
    place = work.grounded.get("location")
    return place is not None and name_key(actor) == name_key(place.value)


def _not_a_party(actor: str, work: EventWork) -> str | None:
    """Why actor1 names no party (whoever did it, the act, the weapon, the place), if so."""
    if _whoever_did_it(actor):
        return "it describes whoever did it, naming no one"
    if names_an_act(actor):
        return "it names the act, not who carried it out"
    kind = EVENT_TYPE_OF.get(work.sub_event_type)
    # A country or town is no crowd either: "Cuba" marching in Cuba are its protesters.
    if kind in (*VIOLENT_TYPES, "Protests", "Riots") and _the_place(actor, work):
        return "it names the record's place, not who carried it out"
    # A weapon found or defused is the find, not the finder.
    disrupted = work.sub_event_type == "Disrupted weapons use"
    if (kind in VIOLENT_TYPES or disrupted) and names_a_weapon(actor):
        return "it names the weapon, not who carried it out"
    return None


def repair_event(work: EventWork) -> None:
    actor = work.grounded.get("actor1")
    if actor is None or (why := _not_a_party(actor.value, work)) is None:
        return
    work.findings.append(
        repaired(Check.ATTRIBUTION, work.at("actor1"), f"actor1 {actor.value!r} cleared: {why}")
    )
    work.grounded["actor1"] = None


RULE = Rule("act_actor", repair_event=repair_event)
