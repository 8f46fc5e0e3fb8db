"""Articles and results back out of the store, as the briefing builds from them."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa

from ..article import Article
from ..schema import SummaryResult
from . import tables as t
from .store import Store


def results_between(
    store: Store, since: date | None, until: date | None
) -> tuple[list[Article], list[SummaryResult]]:
    """The articles with an event dated in [since, until], each with its newest result."""
    ev, src, res, art = t.events, t.event_sources, t.results, t.articles
    # Distinct ids first: PostgreSQL's json type has no equality for DISTINCT.
    ids = sa.select(src.c.result_id).join(ev, ev.c.id == src.c.event_id).distinct()
    if since:
        ids = ids.where(ev.c.event_date >= since)
    if until:
        ids = ids.where(ev.c.event_date <= until)
    query = (
        sa.select(art, res.c.result)
        .join(res, res.c.article_id == art.c.id)
        .where(res.c.id.in_(ids))
        .order_by(art.c.published, art.c.id)
    )
    articles: list[Article] = []
    results: list[SummaryResult] = []
    with store.engine.connect() as conn:
        for row in conn.execute(query):
            body = dict(row.result)
            body["article"] = dict(body["article"], text=row.text)
            results.append(SummaryResult.model_validate(body))
            articles.append(
                Article(
                    text=row.text,
                    title=row.title,
                    source=row.source,
                    url=row.url,
                    published=row.published,
                    language=row.language or "en",
                    path=row.path,
                )
            )
    return articles, results
