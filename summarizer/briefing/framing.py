"""Which loaded terms each outlet used: over the whole article and inside an event's evidence."""

from __future__ import annotations

from ..schema import Span, SummaryResult
from .model import TermUse


def term_uses(article: int, source: str, result: SummaryResult) -> list[TermUse]:
    return [TermUse(article=article, source=source, **t.model_dump()) for t in result.loaded_terms]


def within(uses: list[TermUse], spans: list[Span]) -> list[TermUse]:
    """The uses that lie inside one of the spans (an event's supporting sentences)."""
    return [u for u in uses if any(s.start <= u.start and u.end <= s.end for s in spans)]


def by_category(uses: list[TermUse]) -> dict[str, dict[int, list[str]]]:
    """category -> article -> the distinct terms that outlet used, for side-by-side tables."""
    table: dict[str, dict[int, list[str]]] = {}
    for u in uses:
        terms = table.setdefault(u.category, {}).setdefault(u.article, [])
        label = f"“{u.text}”" if u.quoted else u.text
        if label.lower() not in (t.lower() for t in terms):
            terms.append(label)
    return table
