"""Hand-built articles and SummaryResults for the briefing tests.

These are fixtures (pydantic models written here), not model output. Spans are
computed from the texts, so offsets always match.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from summarizer.article import Article
from summarizer.checks.lexicon import find_loaded_terms
from summarizer.schema import (
    EVENT_TYPE_OF,
    Actors,
    Event,
    GroundedValue,
    Location,
    PromptInfo,
    RunInfo,
    Span,
    SummaryResult,
    SummarySentence,
    Usage,
)


def span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start=start, end=start + len(part), text=part)


def gv(text: str, value: str | None) -> GroundedValue | None:
    if value is None:
        return None
    ev = [span(text, value)] if value in text else []
    return GroundedValue(value=value, evidence=ev, alignment="exact" if ev else "none")


def event(text: str, sentence: str, sub: str = "Suicide bomb", **f: Any) -> Event:
    """An event resting on `sentence` (a substring of `text`)."""
    return Event(
        event_type=EVENT_TYPE_OF[sub],
        sub_event_type=sub,
        date=f.get("date"),
        time_precision="day" if f.get("date") else "unknown",
        actors=Actors(actor1=gv(text, f.get("actor1")), actor2=gv(text, f.get("actor2"))),
        responsibility=f.get("responsibility", "unknown"),
        claimed_by=gv(text, f.get("claimed_by")),
        target=gv(text, f.get("target")),
        location=Location(place=gv(text, f.get("place")), country=gv(text, f.get("country"))),
        fatalities=f.get("fatalities"),
        injuries=f.get("injuries"),
        reported_by=gv(text, f.get("reported_by")),
        sentence_ids=[1],
        evidence=[span(text, sentence)],
    )


def result(article: Article, events: list[Event]) -> SummaryResult:
    first = article.sentences[0]
    return SummaryResult(
        article=article.info(),
        summary=[
            SummarySentence(
                text=first.text,
                sentence_ids=[1],
                evidence=[Span(start=first.start, end=first.end, text=first.text)],
            )
        ],
        events=events,
        loaded_terms=find_loaded_terms(article.text),
        run=RunInfo(
            backend="fixture",
            model="none",
            prompt=PromptInfo(name="summarize", version="0", sha256="0" * 64),
            attempts=1,
            usage=Usage(),
            seconds=0.0,
        ),
    )


DAY = date(2021, 8, 26)
A_TEXT = (
    "A suicide bomber killed 13 US troops and 72 Afghans near Abbey Gate at Kabul airport "
    "on Thursday. The jihadists of IS-K said they carried it out."
)
B_TEXT = (
    "Ninety people were killed in twin blasts at Kabul airport, Afghanistan. "
    "Islamic State Khorasan claimed the attack, officials said. Separately, protesters "
    "marched in Herat."
)
C_TEXT = (
    "At least 13 service members died after explosions at the Abbey Gate of the airport. "
    "The <b>Pentagon</b> & allies blamed terrorists."
)


def kabul_articles() -> tuple[list[Article], list[SummaryResult]]:
    """Three outlets on one bombing, with different tolls and responsibility wording."""
    a = Article(text=A_TEXT, title="Left", source="Outlet L", url="https://l.example/1")
    b = Article(text=B_TEXT, title="Center", source="Outlet C")
    c = Article(text=C_TEXT, title="Right <&>", source="Outlet R")
    ra = result(
        a,
        [
            event(
                A_TEXT,
                A_TEXT.split(". ")[0],
                actor1="IS-K",
                place="Abbey Gate",
                country=None,
                date=DAY,
                fatalities=85,
                responsibility="claimed",
                claimed_by="IS-K",
            )
        ],
    )
    rb = result(
        b,
        [
            event(
                B_TEXT,
                "Ninety people were killed in twin blasts at Kabul airport, Afghanistan.",
                place="Kabul airport",
                country="Afghanistan",
                date=DAY,
                fatalities=90,
                actor1="Islamic State Khorasan",
                responsibility="claimed",
                claimed_by="Islamic State Khorasan",
            ),
            event(
                B_TEXT,
                "protesters marched in Herat",
                sub="Peaceful protest",
                actor1="protesters",
                place="Herat",
                date=DAY,
            ),
        ],
    )
    rc = result(
        c,
        [
            event(
                C_TEXT,
                C_TEXT.split(". ")[0],
                sub="Remote explosive/landmine/IED",
                place="Abbey Gate",
                date=DAY,
                fatalities=13,
                reported_by="Pentagon",
            )
        ],
    )
    return [a, b, c], [ra, rb, rc]
