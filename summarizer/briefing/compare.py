"""For each field of a merged event: the versions the sources give, and who gives each.

Names are grouped by alias (so 'IS-K' and 'Islamic State Khorasan' are one version);
numbers and dates only when equal. Nothing is chosen: every version keeps its sources.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..schema import Event
from .aliases import group_names, same_name, value_of
from .merge import EventRef
from .model import FieldReport, Version

_gv = value_of


def _responsibility(ev: Event) -> str | None:
    """'claimed by X', 'confirmed as X', 'alleged to be X'; None when the report is silent."""
    who = _gv(ev.claimed_by) or _gv(ev.actors.actor1)
    if ev.responsibility == "unknown":
        return None
    link = {"claimed": "by", "confirmed": "as", "alleged": "to be"}[ev.responsibility]
    return f"{ev.responsibility} {link} {who}" if who else ev.responsibility


_RESP = re.compile(r"^(claimed|confirmed|alleged)(?: (?:by|as|to be) (.+))?$")


def _same_responsibility(a: str, b: str) -> bool:
    """Same status ('claimed', ...) and the same party under any alias."""
    ma, mb = _RESP.match(a), _RESP.match(b)
    if not ma or not mb or ma[1] != mb[1]:
        return a == b
    return ma[2] == mb[2] or same_name(ma[2], mb[2])


def _place(ev: Event) -> str | None:
    parts = [_gv(ev.location.place), _gv(ev.location.country)]
    return ", ".join(p for p in parts if p) or None


def _date(ev: Event) -> str | None:
    # Resolved dates only: 'Thursday' and 'yesterday' may be the same day.
    return ev.date.isoformat() if ev.date else None


def _number(value: int | None) -> str | None:
    return None if value is None else str(value)


# (field, reader's label, how to read it from an event, is a difference a disagreement?)
FIELDS: list[tuple[str, str, Callable[[Event], str | None], bool, bool]] = [
    ("sub_event_type", "kind", lambda e: e.sub_event_type, True, False),
    ("place", "place", _place, False, True),
    ("date", "date", _date, True, False),
    ("actor1", "actor", lambda e: _gv(e.actors.actor1), True, True),
    ("actor2", "other party", lambda e: _gv(e.actors.actor2), False, True),
    ("target", "target", lambda e: _gv(e.target), False, True),
    ("fatalities", "killed", lambda e: _number(e.fatalities), True, False),
    ("injuries", "injured", lambda e: _number(e.injuries), True, False),
    ("responsibility", "responsibility", _responsibility, True, True),
    ("reported_by", "reported by", lambda e: _gv(e.reported_by), False, True),
    ("stated_motive", "stated motive", lambda e: _gv(e.stated_motive), False, True),
]


def _versions(values: list[tuple[int, str]], name: str, by_alias: bool) -> list[Version]:
    if by_alias:
        same = _same_responsibility if name == "responsibility" else None
        groups = group_names([v for _, v in values], same)
    else:
        keyed: dict[str, list[int]] = {}
        for k, (_, v) in enumerate(values):
            keyed.setdefault(v, []).append(k)
        groups = list(keyed.values())
    versions = []
    for group in groups:
        # The version is named as most of its sources put it (first on ties).
        names = [values[k][1] for k in group]
        name = max(names, key=lambda n: (names.count(n), -names.index(n)))
        sources = list(dict.fromkeys(values[k][0] for k in group))
        versions.append(Version(value=name, sources=sources))
    # Most-reported version first; then in order of first source.
    versions.sort(key=lambda v: (-len(v.sources), v.sources[0]))
    return versions


def compare(refs: list[EventRef]) -> list[FieldReport]:
    reports = []
    for name, label, read, disputable, by_alias in FIELDS:
        values = [(r.article, v) for r in refs if (v := read(r.event))]
        if not values:
            continue
        given = {a for a, _ in values}
        unreported = list(dict.fromkeys(r.article for r in refs if r.article not in given))
        reports.append(
            FieldReport(
                name=name,
                label=label,
                versions=_versions(values, name, by_alias),
                unreported=unreported,
                disputable=disputable,
            )
        )
    return reports
