"""Event values say who and what, in neutral words: no appositive, no loaded label.

News text names a party and then describes it: "The Islamic Resistance in Iraq, an
umbrella group of anti-terror fighters", "Hamas, which runs Gaza". A record's actor,
claimant or source is the party; the description is the outlet's, and often where its
loaded wording sits. A party value is cut at its first comma when what comes before is a
name (it opens with a capital letter). A loaded term left in any value is cut out when
what stands beside it is still a noun phrase of the article's own words ("US-occupied
military bases" -> "military bases", "Hamas terrorists" -> "Hamas"): the value stays a
span of the article, as ACLED's fields are. Only where no such piece is left is the term
replaced from the lexicon ("the terrorists" -> "the militants"). A location that is a
piece of a clause or names the act is no place, and a date with no time word is no
date: both are cleared; a target or a party that runs on into its verb ("... was",
"... said on Wednesday") is cut before it. Runs after the rules
that ground the values.
"""

from __future__ import annotations

import re

from .. import language
from ..checks.lexicon import find_loaded_terms, neutralise
from ..checks.wellformed import AUXILIARIES
from ..schema import Check, GroundedValue, Span
from .act_actor import names_a_weapon
from .base import EventWork, Rule, name_key, repaired

PARTY_FIELDS = ("actor1", "actor2", "claimed_by", "reported_by")
WORDED_FIELDS = ("actor1", "actor2", "claimed_by", "target", "location", "reported_by")
# A name: optionally "the", then a capitalised word.
_NAME_START = re.compile(r"^(?:[Tt]he\s+)?[A-Z]")


def _without_appositive(value: GroundedValue) -> GroundedValue | None:
    head, comma, _rest = value.value.partition(", ")
    head = head.strip()
    if not comma or not _NAME_START.match(head):
        return None
    return value.model_copy(update={"value": head, "evidence": _prefix_spans(value, head)})


# What cannot open a noun phrase left after a cut: a relative pronoun ("who attacked"), a
# participle ("linked to al-Qaeda", "backed by Iran"), a possessive's tail ("'s forces").
_NOT_A_HEAD = re.compile(r"^(?:who|which|that|whose|whom|where|\w+ed|\w+ing)\b|^['’]s\b", re.I)


def _phrase(text: str) -> bool:
    """Could `text` stand as a value: a content word, not opened by a preposition
    ("behind the attack"), a relative pronoun or a participle, nor ended by a function
    word ("the", "and")."""
    found = re.findall(r"[\w’'-]+", text.lower())
    return bool(
        found
        and found[0] not in language.words("prepositions")
        and not _NOT_A_HEAD.match(text)
        and found[-1] not in language.words("dangling_words")
        and any(w not in language.words("stop_words") for w in found)
    )


def neutral_piece(value: GroundedValue) -> GroundedValue | None:
    """The value's stretch beside its loaded terms that is still a phrase: a name before
    the first term ("Assad" of "Assad regime forces"), else the longer of the text after
    the last term and the text before the first. None when neither is a phrase."""
    terms = [t for t in find_loaded_terms(value.value) if not t.quoted]
    if not terms:
        return None
    after = value.value[terms[-1].end :].strip(" ,;")
    before = value.value[: terms[0].start].strip(" ,;")
    pieces = sorted((p for p in (after, before) if _phrase(p)), key=len, reverse=True)
    if before in pieces and before[:1].isupper():
        pieces.insert(0, before)  # a name names the party better than what follows
    if not pieces:
        return None
    piece = pieces[0]
    evidence = [
        Span(start=s.start + at, end=s.start + at + len(piece), text=piece)
        for s in value.evidence
        if (at := s.text.find(piece)) >= 0
    ]
    return value.model_copy(update={"value": piece, "evidence": evidence or value.evidence})


_ACT_NOUNS = re.compile(rf"\b(?:{language.alternatives('act_nouns')})$", re.IGNORECASE)


# A clause's participle and its preposition opening the value: "accused of cow
# smuggling", "charged with murder" describe a person, not where anything happened.
_PARTICIPLE_OPENING = re.compile(r"^[a-z]+ed\s+(?:of|with|for|by|to)\b")


def _not_a_place(place: str, work: EventWork) -> str | None:
    """Why a location value names no place: a stretch of a clause ("President Ali
    Noor was", with its verb; "accused of theft"), the act itself ("the complex attack"),
    or the record's own actor ("the warring groups" as where they met; a target may be
    the place, "the airport" struck, and so may the other side, "Kel" shelled)."""
    words = re.findall(r"[\w’'-]+", place)
    # Lower-case only: "Will County", "May Pen" are names.
    if any(w in AUXILIARIES for w in words) or _PARTICIPLE_OPENING.match(place):
        return "it holds a verb (a piece of a clause, not a place)"
    if _ACT_NOUNS.search(place.strip(" .,;")):
        return "it names the act, not where it happened"
    if _ONLY_A_TIME.match(place.strip(" .,;")):
        return "it names a time, not a place"
    actor = work.grounded.get("actor1")
    if actor and name_key(actor.value) == name_key(place):
        return "it names a party to the incident, not where it happened"
    return None


# A time run on after the place, "the area of Dara, on Friday", "Dara late Tuesday": the
# date field's words, not the place's.
# A day, a month or a part of the day, not a number ("on Highway 7", "the 10th district"
# are places).
_WHEN = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|"
    r"april|may|june|july|august|september|october|november|december|morning|afternoon|"
    r"evening|night|weekend|week|month|year|today|tonight|yesterday)"
)
# A value that is only a day or a holiday: "New Year's Day", "Christmas Eve", "Sunday".
_ONLY_A_TIME = re.compile(
    # Not a town named for a date: "6th of October", "10th of Ramadan".
    r"^(?!\S+\s+of\b)"
    rf"(?:the\s+)?(?:[\w'’-]+\s+){{0,3}}?(?:day|eve|{_WHEN}|christmas|easter|"
    r"thanksgiving|eid|ramadan|diwali|passover|hanukkah)$",
    re.IGNORECASE,
)
_TIME_AFTER_PLACE = re.compile(
    rf",?\s+(?:on|late|early|last|this|in the)\s+(?:\w+\s+)?{_WHEN}\b.*$"
    # A dateline's date run on after its city: "Bamako, March" of "Bamako, March 12".
    rf"|,\s*{_WHEN}(?:\s+\d{{1,2}})?\.?$",
    re.IGNORECASE,
)


# A named place, then "and" and lower-case words: "Dara and other cities" sums up a
# wave (ACLED codes each place; the first leads), "Tripoli and spread to other cities"
# runs into the clause's verb. Either way the place is the name before "and".
_NAME_THEN_AND = re.compile(r"^(?P<place>(?:the\s+)?[A-Z][^,;]*?)\s+and\s+[a-z]")


def _without_time(value: GroundedValue) -> GroundedValue | None:
    """The place without a time after it ("Kel, on Friday") or what follows its "and"."""
    m = _TIME_AFTER_PLACE.search(value.value)
    if m is not None and m.start() > 0:
        place = value.value[: m.start()]
    elif named := _NAME_THEN_AND.match(value.value):
        place = named.group("place")
    else:
        return None
    return value.model_copy(update={"value": place, "evidence": _prefix_spans(value, place)})


def _prefix_spans(value: GroundedValue, head: str) -> list[Span]:
    """The value's spans cut to `head`, its opening words; its spans where none opens so."""
    spans = [
        Span(start=s.start, end=s.start + len(head), text=s.text[: len(head)])
        for s in value.evidence
        if s.text.startswith(head)
    ]
    return spans or list(value.evidence)


_TIME_WORD = re.compile(rf"\b(?:{language.alternatives('time_words')})\b", re.IGNORECASE)
# A party value running on into its clause: "President Ali Noor was", "Interim
# Prime Minister Jane Doe said on Wednesday", "Northland blamed the rebels for the bombing"
# (the model's span took the verb). The
# party is what comes before the verb, when that is a name.
_PARTY_THEN_VERB = re.compile(
    r"^(?P<party>.+?)\s+(?P<verb>is|are|was|were|has|have|had|been|"
    rf"{language.alternatives('reporting_verbs')}|denied|denies|blamed|blames|accused|accuses)\b"
)
# A party named in lower case ("police", "local security officials") is cut only before a
# verb of saying ("police said Saturday"): it is a source run on into its attribution.
# Before other verbs a lower-case start may be a clause ("people who were there").
_SAYING = re.compile(r"^(?:said|says|told|tells|stated|announced|added|reported|denied|denies)$")


# A cut that leaves no party: "People who had gathered", "A group called X said".
# Lower-case only: "WHO said" is the agency.
_NO_PARTY_LEFT = re.compile(r"\b(?:who|that|which|whom|whose|called|named)$|^(?:[Aa]n?)\s")
# A verb that names what follows: "a group called the Kel Front" is one party.
_NAMING = re.compile(r"^\s+(?:called|named|dubbed|known as)\s+(?:the\s+)?[A-Z]")


def _no_party(text: str) -> bool:
    """Only function words, auxiliaries or a pronoun: "has" of "has reported", "It" of
    "It is understood"."""
    words = re.findall(r"[\w’'-]+", text)
    return not any(
        (len(w) > 1 and w.isupper())  # initials are a name: "WHO", "IS"
        or (
            w.lower() not in language.words("stop_words")
            and w.lower() not in AUXILIARIES
            and w.lower() not in _PRONOUNS
        )
        for w in words
    )


_PRONOUNS = frozenset(["it", "he", "she", "they", "we", "i", "you", "this", "that", "there"])


def _cut_at_verb(value: GroundedValue) -> GroundedValue | None:
    m = _PARTY_THEN_VERB.match(value.value)
    if not m or _NO_PARTY_LEFT.search(m.group("party")):
        return None
    if _NAMING.match(value.value[len(m.group("party")) :]):
        return None
    party = m.group("party")
    if not (_NAME_START.match(party) or _SAYING.match(m.group("verb"))) or _no_party(party):
        return None
    return value.model_copy(update={"value": party, "evidence": _prefix_spans(value, party)})


# A party run on into its partners: "the state forces of Northland with allied Kel
# militias", "the army backed by foreign troops", "Kel fighters alongside local gunmen".
# ACLED's actor is the lead party; its allies are associated actors, and a model's span
# often stops inside them ("... with allied"). The party is what comes before.
_WITH_ALLIES = re.compile(
    r"^(?P<party>.+?),?\s+(?:(?:together\s+)?with\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:allied|allies|support|help|backing|assistance)\b|(?:backed|supported|aided|assisted|"
    r"helped)\s+by\b|alongside\b|and\s+(?:its\s+|their\s+)?allie[sd]\b)"
)


def _without_allies(value: GroundedValue) -> GroundedValue | None:
    m = _WITH_ALLIES.match(value.value)
    if not m or not _phrase(m.group("party")) or _no_party(m.group("party")):
        return None
    party = m.group("party")
    return value.model_copy(update={"value": party, "evidence": _prefix_spans(value, party)})


def _bracket_completed(value: GroundedValue, text: str) -> GroundedValue | None:
    """A party value cut inside a bracketed abbreviation ("IS) militants" of "Islamic
    State (IS) militants"): the whole name as the article writes it."""
    if value.value.count(")") <= value.value.count("("):
        return None
    m = re.search(rf"((?:[A-Z][\w'’-]*\s+){{1,6}})\({re.escape(value.value)}", text)
    abbreviation = re.match(r"[A-Za-z]+", value.value)
    if m is None or abbreviation is None:
        return None
    # The name is the run of capitalised words whose initials spell the abbreviation
    # ("Kel Front (KF)" of "On Monday Kel Front (KF)"): never the words before it.
    words = m.group(1).split()
    letters = abbreviation.group(0).upper()
    for first in range(len(words)):
        if "".join(w[0] for w in words[first:]).upper() == letters:
            start = m.start(1) + len(" ".join(words[:first])) + (1 if first else 0)
            end = m.end(0)
            whole = Span(start=start, end=end, text=text[start:end])
            return value.model_copy(update={"value": whole.text, "evidence": [whole]})
    # No initials spell it ("Islamic State (ISIS)", "Kurdistan Workers' Party (PKK)"): the
    # capitalised run without the words that open a sentence ("On", "The", a day).
    first = 0
    while first < len(words) - 1 and _OPENING_WORD.match(words[first]):
        first += 1
    start = m.start(1) + len(" ".join(words[:first])) + (1 if first else 0)
    whole = Span(start=start, end=m.end(0), text=text[start : m.end(0)])
    return value.model_copy(update={"value": whole.text, "evidence": [whole]})


_OPENING_WORD = re.compile(
    rf"^(?:On|In|At|By|For|From|After|Before|The|A|An|Last|Early|Late|{_WHEN})$", re.IGNORECASE
)


def _field_hygiene(work: EventWork) -> None:
    """A place, a time, a target and a party are what their field says, or nothing."""
    place = work.grounded.get("location")
    if place and (placed := _without_time(place)):
        work.grounded["location"] = place = placed
        message = f"location cut to {placed.value!r}: the rest is a time or a clause's"
        work.findings.append(repaired(Check.GROUNDING, work.at("location"), message))
    if place and (why := _not_a_place(place.value, work)):
        work.grounded["location"] = None
        message = f"location {place.value!r} cleared: {why}"
        work.findings.append(repaired(Check.GROUNDING, work.at("location"), message))
    when = work.grounded.get("date_text")
    if when and not _TIME_WORD.search(when.value):
        work.grounded["date_text"] = None
        message = f"date {when.value!r} cleared: it names no time"
        work.findings.append(repaired(Check.GROUNDING, work.at("date_text"), message))
    target = work.grounded.get("target")
    if target and names_a_weapon(target.value):
        work.grounded["target"] = None
        message = f"target {target.value!r} cleared: it names the weapon, not who was hit"
        work.findings.append(repaired(Check.GROUNDING, work.at("target"), message))
    for name in PARTY_FIELDS:
        value = work.grounded.get(name)
        if value and (m := _PARTY_THEN_VERB.match(value.value)) and _no_party(m.group("party")):
            # "It is understood ...", "has reported": a clause, naming nobody.
            work.grounded[name] = None
            message = f"{name} {value.value!r} cleared: it names no one"
            work.findings.append(repaired(Check.GROUNDING, work.at(name), message))
    for name in PARTY_FIELDS:
        value = work.grounded.get(name)
        if value and (whole := _bracket_completed(value, work.article.text)):
            work.grounded[name] = value = whole
            message = f"{name} -> {whole.value!r}: the name whose bracket the value cut"
            work.findings.append(repaired(Check.GROUNDING, work.at(name), message))
        if value and (lead := _without_allies(value)):
            work.grounded[name] = lead
            message = f"{name} {value.value!r} -> {lead.value!r}: the lead party, not its allies"
            work.findings.append(repaired(Check.GROUNDING, work.at(name), message))
    for name in ("target", *PARTY_FIELDS):
        value = work.grounded.get(name)
        if value and (party := _cut_at_verb(value)):
            work.grounded[name] = party
            message = f"{name} {value.value!r} -> {party.value!r}: the party, not its clause"
            work.findings.append(repaired(Check.GROUNDING, work.at(name), message))


def repair_event(work: EventWork) -> None:
    _field_hygiene(work)
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
        if piece := neutral_piece(value):
            work.grounded[name] = piece
            message = f"{value.value!r} -> {piece.value!r}: the loaded wording cut out"
            work.findings.append(repaired(Check.NEUTRALITY, work.at(name), message))
            value = piece
        text, _left = neutralise(value.value)
        if text != value.value:
            work.grounded[name] = value.model_copy(update={"value": text})
            message = f"{value.value!r} -> {text!r}: loaded wording replaced"
            work.findings.append(repaired(Check.NEUTRALITY, work.at(name), message))


RULE = Rule("value_wording", repair_event=repair_event)
