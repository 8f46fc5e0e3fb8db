"""Values: each of an event's text fields located in the article, leniently.

Assembly grounds what the model wrote (GroundingPolicy.LENIENT: a phrase with a word
dropped still counts); a value nowhere in the article is left empty (with a finding),
one outside the cited sentences is pointed to where it occurs. A place with no country gets the
country the article names around it (`countries.country_around`). The gate's strict
check of the same values is part of the citations rule's check.
"""

from __future__ import annotations

import calendar
import re

from ..article import Article
from ..checks.figurative import literal
from ..checks.grounding import GroundingPolicy, cited, locate
from ..countries import country_around
from ..schema import Check, Finding, GroundedValue, Span, Target
from .base import EventWork, Rule, before_foreign_letters, foreign_letters
from .incident import WEEKDAY, first_incident_word


def _in_headline(value: str, article: Article) -> bool:
    """The headline is the article's words too, though spans cannot point into it."""
    return bool(article.title) and value.strip().casefold() in (article.title or "").casefold()


# A kind of place, then the name it is in: "countryside of Deir al-Zour", "outskirts of
# Dara", "a village near Northtown" (the name with the small words names carry).
_NAMED_PART = re.compile(
    r"^(?:the\s+|a\s+)?[a-z][\w\s-]*?\s+(?:of|in|near|outside)\s+(?:the\s+)?"
    r"([A-Z][\w’'-]+(?:\s+(?:(?:of|al|el|de|la|du)[-\s]+)?[A-Z][\w’'-]+)*)$"
)


def ground(
    value: str | None, article: Article, ids: list[int], where: Target, findings: list[Finding]
) -> GroundedValue | None:
    """The value located in the article (None when absent), flagged where it is not cited."""
    if not value or not value.strip():
        return None

    def note(message: str, repaired: bool = False) -> None:
        findings.append(
            Finding.at(
                check=Check.GROUNDING,
                severity="warning",
                target=where,
                repaired=repaired,
                message=message,
            )
        )

    grounded, in_cited = locate(value, article, ids, GroundingPolicy.LENIENT)
    # The model's vocabulary leaked mid-value ("al-Mayadeen in东方"): what it wrote before
    # the leak is read, not the record dropped as invented.
    leaked = grounded.alignment == "none" and foreign_letters(value, article)
    if leaked and (kept := before_foreign_letters(value, article)):
        grounded, in_cited = locate(kept, article, ids, GroundingPolicy.LENIENT)
    if grounded.alignment == "none" and _in_headline(value, article):
        note(f"{value!r} occurs only in the headline (kept; no span to point to)")
    elif grounded.alignment == "none":
        # A value the article does not hold is the model's, not the article's (the
        # prompt example's "near Tarin", a guessed "the army"): the field stays empty.
        note(f"{value!r} does not occur in the article; left empty", repaired=True)
        return None
    elif grounded.evidence and foreign_letters(value, article):
        # A small model's vocabulary leaks another script into a value ("anti-恐怖" for
        # "anti-terror"); the article's own words, which the value was matched to, stand.
        words = grounded.evidence[0].text
        note(f"{value!r} mixes in another script; the article's words {words!r} kept", True)
        grounded = grounded.model_copy(update={"value": words})
    elif grounded.alignment == "fuzzy" and grounded.evidence:
        # A paraphrase located leniently ("U. S. Central Command" for "U.S. Central
        # Command", "the army" for "British army"): the record carries the article's
        # words, so a reader finds the value as written, with its span.
        words = grounded.evidence[0].text
        if words.casefold() != value.strip().casefold():
            grounded = grounded.model_copy(update={"value": words, "alignment": "exact"})
            note(f"{value!r} is written {words!r} in the article; the article's words kept", True)
    if grounded.alignment != "none" and not in_cited:
        note(
            f"{value!r} occurs in the article but not in the cited sentences; "
            "evidence points to where it occurs"
        )
    return grounded


def _country_near_place(work: EventWork) -> None:
    """Small models leave country empty; the article often says it next to the place."""
    place = work.grounded["location"]
    if work.grounded["country"] is not None or place is None or not place.evidence:
        return
    span = place.evidence[0]
    found = country_around(work.article.text, span.start, span.end)
    if found is None:
        return
    work.grounded["country"] = GroundedValue(
        value=found.text,
        evidence=[Span(start=found.start, end=found.end, text=found.text)],
        alignment="exact",
    )
    _filled(work, "country", f"country {found.text!r} filled from the words around the place")


def _filled(work: EventWork, name: str, message: str) -> None:
    """Note a field the rules filled from the article where the model left it empty."""
    work.findings.append(
        Finding.at(
            check=Check.GROUNDING,
            severity="info",
            target=work.at(name),
            repaired=True,
            message=message,
        )
    )


_FIRST_PLACE = re.compile(r",|\s+and\s+")


# A direction before a place: "northwestern", "the far south of", "central".
_DIRECTION = re.compile(
    r"^(?:the\s+)?(?:far\s+)?(?:north|south|east|west|central|north-?east|north-?west|"
    r"south-?east|south-?west)(?:ern)?\s+(?:part\s+of\s+|of\s+)?",
    re.IGNORECASE,
)


# Where a sentence places its incident: "in Kel", "near the town of Kel", "in
# restive Northland" (one lower-case word may qualify the name), after the incident word.
# The name must end the phrase (a comma, a stop, a preposition, a clause's word or the
# end): "in a Kel Front ambush", "in Southland air strikes", "near Ali Noor's convoy" name
# a doer or a person, not where.
_IN_PLACE = re.compile(
    r"\b(?:in|near|outside)\s+(?:the\s+)?(?:(?:town|city|village|district|province|"
    r"region|state)\s+of\s+)?(?:(?!an?\b)[a-z-]+\s+)?"
    r"(?P<place>[A-Z][\w’'-]*[\w-](?:\s+[A-Z][\w’'-]*[\w-]){0,3})(?![\w’'-])"
    r"(?=\s*(?:[,.;:)]|$|\s(?:on|in|at|near|after|before|during|when|as|where|while|and|"
    r"late|early|last|this|killing|wounding|injuring|police|officials|a|the)\b|"
    r"\s(?:province|region|district|state|city|town|village|county)\s+of\b))"
)
# Not a place: a month or a weekday ("in March"), a body that meets ("in Parliament"), a
# season of worship ("in Ramadan").
_NOT_PLACE_WORDS = re.compile(
    rf"^(?:{'|'.join(calendar.month_name[1:])}|{WEEKDAY}|Parliament|Congress|Senate|House|"
    r"Court|Council|Assembly|Ramadan|Eid|Christmas|Easter|Passover|Diwali)\b",
    re.IGNORECASE,
)


# "the southern Northland province of Kel": the place is the name after "of".
_UNIT_OF = re.compile(
    r"^\s+(?:province|region|district|state|city|town|village|county)\s+of\s+"
    r"(?P<place>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})"
)


def _place_of_incident(work: EventWork) -> None:
    """A record the model left unplaced, with a party or a toll of its own, takes the
    place its cited sentence names after the incident ("A civilian was killed in a
    grenade attack late Tuesday in Kel"): ACLED codes no event without a location, and
    the sentence gives it."""
    if work.grounded.get("location") is not None or (work.draft.location or "").strip():
        return
    # Only a record with something of its own (a party or a toll): an all-"unknown" one
    # is a small model's padding, which the unplaced rule drops.
    own = work.grounded.get("actor1") or work.grounded.get("target")
    if not own and work.fatalities is None and work.injuries is None:
        return
    for sentence in cited(work.article, work.ids):
        text = literal(sentence.text)
        first = first_incident_word(text)
        if first is None:
            continue
        for m in _IN_PLACE.finditer(sentence.text, first.start()):
            place = m.group("place")
            if unit := _UNIT_OF.match(sentence.text[m.end() :]):
                place = unit.group("place")
            if _NOT_PLACE_WORDS.match(place):
                continue
            grounded = ground(place, work.article, work.ids, work.at("location"), [])
            if grounded is None:
                continue
            work.grounded["location"] = grounded
            message = f"location filled from the incident's sentence {sentence.id}: {place!r}"
            _filled(work, "location", message)
            return


def repair_event(work: EventWork) -> None:
    ev = work.draft
    # In the order the Event lists them: the findings come in this order.
    values = {
        "date_text": ev.date_text,
        "actor1": work.actor1,
        "actor2": ev.actor2,
        "claimed_by": work.claimed_by,
        "target": ev.target,
        "location": ev.location,
        "country": ev.country,
    }
    for name, value in values.items():
        grounded = ground(value, work.article, work.ids, work.at(name), work.findings)
        if grounded is None and name == "location" and value and _FIRST_PLACE.search(value):
            # "Mosul, Iraq": the model adds the region or country; "Dara and other
            # cities": it sums up a list the article gives. The first place named is the
            # place (ACLED codes each place of a wave on its own; the first leads).
            town = _FIRST_PLACE.split(value)[0].strip()
            grounded = ground(town, work.article, work.ids, work.at(name), work.findings)
        if grounded is None and name == "location" and value and _DIRECTION.match(value):
            # "northwestern Dara" where the article says "northern Dara": the model
            # changed the direction; the place it qualifies is the article's.
            place = _DIRECTION.sub("", value).strip()
            grounded = ground(place, work.article, work.ids, work.at(name), work.findings)
        named = _NAMED_PART.findall(value or "") if name == "location" else []
        # A lenient match that lost the place's name ("countryside of Dara" matched to
        # "countryside of the") names no place.
        lost = grounded is not None and named and named[0] not in grounded.value
        if (grounded is None or lost) and named:
            # "countryside of Deir al-Zour" where the article says "the countryside of the
            # eastern province of Deir al-Zour": the model shortened the phrase; the name it
            # kept is the article's place.
            place = max(named, key=len)
            grounded = ground(place, work.article, work.ids, work.at(name), work.findings)
        work.grounded[name] = grounded
        if value and value.strip() and grounded is None:
            work.unfounded.append(name)
    _place_of_incident(work)
    _country_near_place(work)


RULE = Rule("values", repair_event=repair_event)
