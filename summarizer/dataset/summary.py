"""One stored event's values, from all its sources: type, date, place, actors, toll.

An event is the reports that were merged into it; its columns are recomputed from them
whenever a report joins or leaves, so a query never reads a stale value.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..briefing.aliases import value_of
from ..briefing.merge import actor_names
from ..schema import Event
from . import tables as t
from .dates import event_date
from .geocode import Geo, geocode


@dataclass(frozen=True)
class Source:
    """One article's report of a stored event."""

    event_id: int
    article_id: int
    event_index: int
    event: Event
    outlet: str | None
    title: str | None
    url: str | None
    published: date | None
    path: str | None
    prompt: str  # "summarize/v2 (sha256 43c4d68edaf8)"
    model: str


def load_sources(conn: Connection, event_ids: Iterable[int]) -> dict[int, list[Source]]:
    """Each event's sources, in the order they were added."""
    ids = list(event_ids)
    src, art, res = t.event_sources, t.articles, t.results
    query = (
        sa.select(
            src,
            art.c.source,
            art.c.title,
            art.c.url,
            art.c.published,
            art.c.path,
            res.c.prompt_name,
            res.c.prompt_version,
            res.c.prompt_sha256,
            res.c.model,
        )
        .join(art, art.c.id == src.c.article_id)
        .join(res, res.c.id == src.c.result_id)
        .where(src.c.event_id.in_(ids))
        .order_by(src.c.id)
    )
    found: dict[int, list[Source]] = {i: [] for i in ids}
    for row in conn.execute(query):
        found[row.event_id].append(
            Source(
                event_id=row.event_id,
                article_id=row.article_id,
                event_index=row.event_index,
                event=Event.model_validate(row.event),
                outlet=row.source,
                title=row.title,
                url=row.url,
                published=row.published,
                path=row.path,
                prompt=f"{row.prompt_name}/{row.prompt_version} (sha256 {row.prompt_sha256[:12]})",
                model=row.model,
            )
        )
    return found


def label(source: Source) -> str:
    return source.outlet or source.title or source.path or f"article {source.article_id}"


def fatalities(sources: list[Source]) -> tuple[int | None, str | None]:
    """ACLED's conservative rule: the lowest figure a source reports; a disagreement is
    said in the notes, never averaged away. None when no source gives a figure."""
    given = [(s.event.fatalities, label(s)) for s in sources if s.event.fatalities is not None]
    if not given:
        return None, None
    lowest = min(n for n, _ in given)
    if len({n for n, _ in given}) == 1:
        return lowest, None
    said = "; ".join(f"{n} ({who})" for n, who in given)
    return lowest, f"Fatality counts differ: {said}; the lowest is coded."


def dating(sources: list[Source]) -> tuple[date | None, int | None]:
    """The most precise date any source gives (the earliest among equals)."""
    dated = [event_date(s.event, s.published) for s in sources]
    known = [(p, d) for d, p in dated if d is not None and p is not None]
    if not known:
        return None, None
    precision, day = min(known)
    return day, precision


def place(sources: list[Source]) -> Geo:
    """The most precise place any source's place and country geocode to."""
    geos = [
        geocode(value_of(s.event.location.place), value_of(s.event.location.country))
        for s in sources
    ]
    return min(geos, key=lambda g: (g.geo_precision or 9, g.latitude is None))


def main_type(sources: list[Source]) -> tuple[str, str]:
    """The event type most sources give, and its most given sub-type (first on ties)."""
    types = Counter(s.event.event_type for s in sources)
    event_type = types.most_common(1)[0][0]
    subs = Counter(s.event.sub_event_type for s in sources if s.event.event_type == event_type)
    return event_type, subs.most_common(1)[0][0]


def refresh_event(conn: Connection, event_id: int) -> None:
    """Recompute the event's columns from its sources; remove it if it has none."""
    sources = load_sources(conn, [event_id])[event_id]
    if not sources:
        conn.execute(sa.delete(t.events).where(t.events.c.id == event_id))
        return
    event_type, sub_type = main_type(sources)
    day, precision = dating(sources)
    geo = place(sources)
    names = dict.fromkeys(n for s in sources for n in actor_names(s.event))
    conn.execute(
        sa.update(t.events)
        .where(t.events.c.id == event_id)
        .values(
            event_type=event_type,
            sub_event_type=sub_type,
            event_date=day,
            time_precision=precision,
            country=geo.country,
            location=geo.location,
            actors="; ".join(names) or None,
            fatalities=fatalities(sources)[0],
            iso=geo.alpha3,
            admin1=geo.admin1,
            latitude=geo.latitude,
            longitude=geo.longitude,
            geo_precision=geo.geo_precision,
            updated_at=datetime.now(UTC),
        )
    )
