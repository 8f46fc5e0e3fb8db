"""brief(): summarize many articles, then merge their events into one briefing."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..api import ArticleLike, ItemError, summarize_many
from ..article import Article, as_article
from ..backends import Backend
from ..schema import Span, SummaryResult
from ..settings import Settings
from .account import account
from .compare import compare
from .framing import term_uses, within
from .merge import EventRef, cluster
from .model import Briefing, BriefingArticle, BriefingEvent, SourceRef, TermUse


def _evidence(result: SummaryResult, index: int) -> list[Span]:
    return sorted(result.events[index].evidence, key=lambda s: (s.start, s.end))


def _article_info(
    index: int, article: Article, outcome: SummaryResult | ItemError
) -> BriefingArticle:
    ok = isinstance(outcome, SummaryResult)
    # The same metadata every result carries (Article.info), plus the text for the HTML.
    metadata = article.info().model_dump(include={"title", "source", "url", "published", "path"})
    return BriefingArticle(
        index=index,
        text=article.text,
        ok=ok,
        error=None if isinstance(outcome, SummaryResult) else str(outcome.get("message")),
        **metadata,
    )


def _distinct_labels(articles: list[BriefingArticle]) -> None:
    """Two articles from one outlet get numbered labels so statements stay traceable."""
    counts: dict[str, int] = {}
    for a in articles:
        counts[a.label] = counts.get(a.label, 0) + 1
    seen: dict[str, int] = {}
    for a in articles:
        if counts[a.label] > 1 and a.source:
            seen[a.source] = seen.get(a.source, 0) + 1
            a.source = f"{a.source} ({seen[a.source]})"


def build_briefing(
    articles: Sequence[Article],
    outcomes: Sequence[SummaryResult | ItemError],
    *,
    title: str = "Briefing",
) -> Briefing:
    """The briefing from results already made (one outcome per article, same order)."""
    pairs = zip(articles, outcomes, strict=True)
    infos = [_article_info(i, a, o) for i, (a, o) in enumerate(pairs)]
    _distinct_labels(infos)
    results = {i: o for i, o in enumerate(outcomes) if isinstance(o, SummaryResult)}
    refs = [
        EventRef(
            i,
            k,
            ev,
            " ".join(s.text for s in ev.evidence),
            f"{articles[i].title or ''}\n{articles[i].text}",
        )
        for i, result in results.items()
        for k, ev in enumerate(result.events)
    ]
    uses = {i: term_uses(i, infos[i].label, r) for i, r in results.items()}
    briefing = Briefing(
        title=title,
        articles=infos,
        events=[],
        framing=[u for i in sorted(uses) for u in uses[i]],
        errors=[dict(o) | {"article": i} for i, o in enumerate(outcomes) if isinstance(o, dict)],
    )
    for n, group in enumerate(cluster(refs), 1):
        briefing.events.append(_event(f"e{n}", group, results, uses, briefing))
    return briefing


def _event(
    eid: str,
    group: list[EventRef],
    results: dict[int, SummaryResult],
    uses: dict[int, list[TermUse]],
    briefing: Briefing,
) -> BriefingEvent:
    sources = [
        SourceRef(
            article=r.article,
            source=briefing.label(r.article),
            event_index=r.index,
            sub_event_type=r.event.sub_event_type,
            anchor=f"{eid}-a{r.article}",
            spans=_evidence(results[r.article], r.index),
        )
        for r in group
    ]
    articles = list(dict.fromkeys(r.article for r in group))
    # Reports may differ on the type (same family); name the entry by the most common.
    types = [r.event.event_type for r in group]
    event_type = max(types, key=lambda t: (types.count(t), -types.index(t)))
    sub_types = list(dict.fromkeys(r.event.sub_event_type for r in group))
    fields = compare(group)
    statements = account(event_type, sub_types, fields, articles, briefing.labels)
    dates = sorted(r.event.date for r in group if r.event.date)
    places = next((f.versions[0].value for f in fields if f.name == "place"), None)
    headline = " / ".join(sub_types) + (f" — {places}" if places else "")
    framing = [u for s in sources for u in within(uses[s.article], s.spans)]
    return BriefingEvent(
        id=eid,
        event_type=event_type,
        sub_event_types=sub_types,
        headline=headline,
        date=dates[0] if dates else None,
        statements=statements,
        sources=sources,
        fields=fields,
        framing=framing,
    )


def brief(
    articles: Sequence[ArticleLike],
    *,
    backend: Backend | None = None,
    settings: Settings | None = None,
    concurrency: int = 1,
    on_done: Callable[[int, SummaryResult | ItemError], None] | None = None,
    title: str = "Briefing",
) -> Briefing:
    """Summarize every article, then merge events reported by several into one entry.

    Failed articles stay in `Briefing.errors` (and are listed, not hidden).
    """
    parsed = [as_article(a) for a in articles]
    outcomes = summarize_many(
        parsed, backend=backend, settings=settings, concurrency=concurrency, on_done=on_done
    )
    return build_briefing(parsed, outcomes, title=title)


__all__ = ["brief", "build_briefing"]
