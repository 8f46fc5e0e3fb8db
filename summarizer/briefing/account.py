"""The neutral account of a merged event: deterministic sentences from its fields.

No model call: each sentence restates grounded values and says who reports them
("According to X, ..."). Where sources differ, every version is given with its
source; none is preferred.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from ..schema import EVENT_TYPE_OF
from .model import FieldReport, Statement, Version


def _article(word: str) -> str:
    return ("an " if word[:1].lower() in "aeiou" else "a ") + word


def _lower(kind: str) -> str:
    """'Remote explosive/landmine/IED' -> 'remote explosive/landmine/IED' (acronyms kept)."""
    return re.sub(
        r"[A-Za-z]+", lambda m: m[0] if m[0].isupper() and len(m[0]) > 1 else m[0].lower(), kind
    )


def _when(iso: str) -> str:
    try:
        d = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{d.day} {d.strftime('%B %Y')}"


def _mid_sentence(value: str) -> str:
    """A value that opened its article sentence ("A police spokesperson said"),
    set inside ours: its leading article lower-case."""
    return re.sub(r"^(A|An|The)(?= )", lambda m: m[0].lower(), value)


# How one version of a field reads after "According to X, ..."
_PHRASES: dict[str, Callable[[str], str]] = {
    "actor1": lambda v: f"the actor named is {_mid_sentence(v)}",
    "actor2": lambda v: f"the other party named is {_mid_sentence(v)}",
    "target": lambda v: f"the target was {_mid_sentence(v)}",
    "fatalities": lambda v: f"{v} {'person was' if v == '1' else 'people were'} killed",
    "injuries": lambda v: f"{v} {'person was' if v == '1' else 'people were'} injured",
    "responsibility": lambda v: f"responsibility is {v}",
    "reported_by": lambda v: f"the information comes from {_mid_sentence(v)}",
    "stated_motive": lambda v: f"the stated motive was {v}",
}
# What a disagreement is about, for the sentence that introduces the versions.
_ABOUT = {
    "fatalities": "the number killed",
    "injuries": "the number injured",
    "responsibility": "responsibility",
    "actor1": "who carried it out",
    "date": "the date",
}


def _according(names: Callable[[list[int]], str], version: Version) -> str:
    return f"according to {names(version.sources)}"


def _field_statement(report: FieldReport, names: Callable[[list[int]], str]) -> Statement:
    phrase = _PHRASES[report.name]
    sources = [a for v in report.versions for a in v.sources]
    if len(report.versions) == 1:
        only = report.versions[0]
        text = f"According to {names(only.sources)}, {phrase(only.value)}."
    else:
        parts = [f"{_according(names, v)}, {phrase(v.value)}" for v in report.versions]
        lead = f"Reports differ on {_ABOUT[report.name]}: " if report.disagreement else ""
        body = "; ".join(parts)
        text = lead + (body[0].upper() + body[1:] if not lead else body) + "."
    if report.unreported and report.name in ("fatalities", "injuries"):
        text += f" {names(report.unreported)} give{'s' if len(report.unreported) == 1 else ''}"
        text += " no figure."
        sources += report.unreported
    return Statement(text=text, sources=list(dict.fromkeys(sources)))


def _opening(
    event_type: str,
    sub_types: list[str],
    fields: dict[str, FieldReport],
    sources: list[int],
    names: Callable[[list[int]], str],
) -> Statement:
    # One kind for all sources reads as one; several are told apart in _kinds, and the
    # opening names what they share (their ACLED event type), not "an incident".
    if len(sub_types) == 1:
        kind = _kind(event_type, sub_types[0])
    elif all(EVENT_TYPE_OF.get(sub_type) == event_type for sub_type in sub_types):
        kind = _SHARED_KIND.get(event_type, "an incident")
    else:
        kind = "an incident"  # a family of types: no noun fits every outlet's report
    text = f"According to {names(sources)}, there was {kind}"
    place = fields.get("place")
    if place and len(place.versions) == 1:
        text += f" in {place.versions[0].value}"
    when = fields.get("date")
    if when and len(when.versions) == 1:
        text += f" on {_when(when.versions[0].value)}"
    return Statement(text=text + ".", sources=sources)


# An ACLED event type as the noun a wire lede uses for it, where sources give different
# sub-types of it ("a suicide bomb", "an IED": "an explosion").
_SHARED_KIND = {
    "Explosions/Remote violence": "an explosion",
    "Battles": "fighting",
    "Violence against civilians": "an attack on civilians",
    "Protests": "a protest",
    "Riots": "a riot",
}


def _kind(event_type: str, sub_type: str) -> str:
    # "Other" alone says nothing: name it by its event type instead.
    if sub_type == "Other":
        return f"an event ({_lower(event_type)}, other)"
    return _article(_lower(sub_type))


def _kinds(kinds: FieldReport, event_type: str, names: Callable[[list[int]], str]) -> Statement:
    parts = [
        f"according to {names(v.sources)}, {_kind(event_type, v.value)}" for v in kinds.versions
    ]
    return Statement(
        text="Reports differ on what kind: " + "; ".join(parts) + ".",
        sources=list(dict.fromkeys(a for v in kinds.versions for a in v.sources)),
    )


def _places(place: FieldReport, names: Callable[[list[int]], str]) -> Statement:
    parts = [
        f"{names(v.sources)} give{'s' if len(v.sources) == 1 else ''} the place as {v.value}"
        for v in place.versions
    ]
    text = "; ".join(parts)
    return Statement(
        text=text[0].upper() + text[1:] + ".",
        sources=list(dict.fromkeys(a for v in place.versions for a in v.sources)),
    )


def _dates(when: FieldReport, names: Callable[[list[int]], str]) -> Statement:
    parts = [f"according to {names(v.sources)}, on {_when(v.value)}" for v in when.versions]
    return Statement(
        text="Reports differ on the date: " + "; ".join(parts) + ".",
        sources=list(dict.fromkeys(a for v in when.versions for a in v.sources)),
    )


def account(
    event_type: str,
    sub_types: list[str],
    reports: list[FieldReport],
    sources: list[int],
    names: Callable[[list[int]], str],
) -> list[Statement]:
    """The statements of one event's paragraph, in a fixed order."""
    fields = {r.name: r for r in reports}
    out = [_opening(event_type, sub_types, fields, sources, names)]
    if "sub_event_type" in fields and len(fields["sub_event_type"].versions) > 1:
        out.append(_kinds(fields["sub_event_type"], event_type, names))
    if "place" in fields and len(fields["place"].versions) > 1:
        out.append(_places(fields["place"], names))
    if "date" in fields and len(fields["date"].versions) > 1:
        out.append(_dates(fields["date"], names))
    for report in reports:
        if report.name in _PHRASES:
            out.append(_field_statement(report, names))
    return out
