"""Stored events as rows with ACLED's columns (and ours that ACLED lacks).

ACLED's codebook names the columns and codes: time_precision 1-3, geo_precision 1-3, the
numeric ISO 3166 code in `iso`, `event_id_cnty` as the ISO alpha-3 code and a number,
fatalities 0 when no report gives a figure. Ours follow: responsibility, claimed_by, the
evidence spans of every source, the prompt and model that read them.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

import pycountry
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..briefing.aliases import value_of
from ..briefing.merge import FAMILY
from . import tables as t
from .regions import region_of
from .summary import Source, fatalities, label, load_sources

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2",
    "civilian_targeting", "iso", "region", "country", "admin1", "location", "latitude",
    "longitude", "geo_precision", "source", "notes", "fatalities", "timestamp",
)  # fmt: skip
OUR_COLUMNS = ("responsibility", "claimed_by", "n_sources", "evidence", "prompt_version", "model")
COLUMNS = ACLED_COLUMNS + OUR_COLUMNS
_NOTES_CHARS = 600


@dataclass(frozen=True)
class Filters:
    since: date | None = None
    until: date | None = None
    country: str | None = None
    actor: str | None = None
    event_type: str | None = None  # an event type or a sub-event type


def _query(filters: Filters) -> sa.Select[Any]:
    ev = t.events
    query = sa.select(ev).order_by(ev.c.event_date.is_(None), ev.c.event_date, ev.c.id)
    if filters.since:
        query = query.where(ev.c.event_date >= filters.since)
    if filters.until:
        query = query.where(ev.c.event_date <= filters.until)
    if filters.country:
        c = filters.country.lower()
        query = query.where(
            sa.func.lower(ev.c.country).contains(c, autoescape=True)
            | (sa.func.lower(ev.c.iso) == c)
        )
    if filters.actor:
        query = query.where(
            sa.func.lower(ev.c.actors).contains(filters.actor.lower(), autoescape=True)
        )
    if filters.event_type:
        kind = filters.event_type.lower()
        query = query.where(
            (sa.func.lower(ev.c.event_type) == kind) | (sa.func.lower(ev.c.sub_event_type) == kind)
        )
    return query


def _first(sources: list[Source], pick: Any) -> str:
    return next((v for s in sources if (v := pick(s))), "") or ""


def _associated(sources: list[Source]) -> str:
    names = dict.fromkeys(
        v for s in sources for a in s.event.actors.associated if (v := value_of(a))
    )
    return "; ".join(names)


def _responsibility(sources: list[Source]) -> str:
    said = Counter(s.event.responsibility for s in sources if s.event.responsibility != "unknown")
    return said.most_common(1)[0][0] if said else "unknown"


def _evidence(sources: list[Source]) -> list[dict[str, Any]]:
    return [
        {"article_id": s.article_id, "source": label(s), "start": sp.start, "end": sp.end,
         "text": sp.text}
        for s in sources
        for sp in sorted(s.event.evidence, key=lambda x: x.start)
    ]  # fmt: skip


def _notes(sources: list[Source], toll_note: str | None) -> str:
    first = " ".join(sp.text for sp in sorted(sources[0].event.evidence, key=lambda x: x.start))
    if len(first) > _NOTES_CHARS:
        first = first[: _NOTES_CHARS - 1].rstrip() + "…"
    parts = [first]
    if toll_note:
        parts.append(toll_note)
    elif all(s.event.fatalities is None for s in sources):
        parts.append("No source gives a fatality count (coded 0).")
    return " ".join(p for p in parts if p)


def row(event: Any, sources: list[Source]) -> dict[str, Any]:
    """One event as an ACLED row plus our columns (values as they go into a CSV)."""
    country = pycountry.countries.get(alpha_3=event.iso) if event.iso else None
    lowest, toll_note = fatalities(sources)
    day = event.event_date
    return {
        "event_id_cnty": f"{event.iso or 'XXX'}{event.id}",
        "event_date": day.isoformat() if day else "",
        "year": day.year if day else "",
        "time_precision": event.time_precision or "",
        "disorder_type": FAMILY[event.event_type].capitalize(),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": _first(sources, lambda s: value_of(s.event.actors.actor1)),
        "assoc_actor_1": _associated(sources),
        "actor2": _first(sources, lambda s: value_of(s.event.actors.actor2)),
        "assoc_actor_2": "",
        "civilian_targeting": (
            "Civilian targeting" if any(s.event.civilian_targeting for s in sources) else ""
        ),
        "iso": int(country.numeric) if country else "",
        "region": region_of(country.alpha_2 if country else None) or "",
        "country": event.country or "",
        "admin1": event.admin1 or "",
        "location": event.location or "",
        "latitude": event.latitude if event.latitude is not None else "",
        "longitude": event.longitude if event.longitude is not None else "",
        "geo_precision": event.geo_precision or "",
        "source": "; ".join(dict.fromkeys(label(s) for s in sources)),
        "notes": _notes(sources, toll_note),
        "fatalities": lowest if lowest is not None else 0,
        "timestamp": int(event.updated_at.timestamp()),
        "responsibility": _responsibility(sources),
        "claimed_by": _first(sources, lambda s: value_of(s.event.claimed_by)),
        "n_sources": len({s.article_id for s in sources}),
        "evidence": _evidence(sources),
        "prompt_version": "; ".join(dict.fromkeys(s.prompt for s in sources)),
        "model": "; ".join(dict.fromkeys(s.model for s in sources)),
    }


def rows(conn: Connection, filters: Filters | None = None) -> list[dict[str, Any]]:
    events = list(conn.execute(_query(filters or Filters())))
    sources = load_sources(conn, [e.id for e in events])
    return [row(e, sources[e.id]) for e in events if sources[e.id]]


def csv_value(value: Any) -> Any:
    """A CSV cell: lists (the evidence) as JSON."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list) else value
