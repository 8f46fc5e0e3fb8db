"""The briefing's data: merged events, each value with the sources that report it.

Every statement keeps the article indices it rests on, so each renderer can link a
statement to the highlighted evidence in its sources.
"""

from __future__ import annotations

from datetime import date as Date
from typing import Any

from pydantic import BaseModel, Field, computed_field

from ..schema import Span


class BriefingArticle(BaseModel):
    index: int
    title: str | None = None
    source: str | None = None  # the outlet
    url: str | None = None
    published: Date | None = None
    path: str | None = None
    text: str  # kept so the HTML can highlight evidence spans in it
    ok: bool = True
    error: str | None = None

    @property
    def label(self) -> str:
        """How the outlet is named in statements: the outlet, else title or path."""
        return self.source or self.title or self.path or f"article {self.index + 1}"


class SourceRef(BaseModel):
    """One article's report of a merged event, with the spans that support it."""

    article: int
    source: str
    event_index: int  # index into that article's result.events
    sub_event_type: str
    anchor: str  # HTML id of the first highlighted span, e.g. "e1-a2"
    spans: list[Span]


class Version(BaseModel):
    """One value of a field as given by some of the sources."""

    value: str
    sources: list[int]  # article indices


class FieldReport(BaseModel):
    name: str  # schema field, e.g. "fatalities"
    label: str  # for readers, e.g. "killed"
    versions: list[Version]
    unreported: list[int] = Field(default_factory=list)  # sources that give no value
    disputable: bool = False  # a difference here is a disagreement, not just detail

    @computed_field  # type: ignore[prop-decorator]
    @property
    def disagreement(self) -> bool:
        return self.disputable and len(self.versions) > 1


class Statement(BaseModel):
    text: str
    sources: list[int]


class TermUse(BaseModel):
    """A loaded term one outlet used, with where it stands in that article."""

    article: int
    source: str
    text: str
    category: str
    neutral_alternative: str | None = None
    quoted: bool = False
    start: int
    end: int


class BriefingEvent(BaseModel):
    id: str  # "e1", "e2", ... in briefing order
    event_type: str
    sub_event_types: list[str]
    headline: str
    date: Date | None = None
    statements: list[Statement]
    sources: list[SourceRef]
    fields: list[FieldReport]
    framing: list[TermUse] = Field(default_factory=list)  # terms inside this event's evidence

    @computed_field  # type: ignore[prop-decorator]
    @property
    def account(self) -> str:
        """The neutral one-paragraph account: the statements joined."""
        return " ".join(s.text for s in self.statements)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def disagreements(self) -> list[str]:
        return [f.name for f in self.fields if f.disagreement]


class Briefing(BaseModel):
    title: str = "Briefing"
    articles: list[BriefingArticle]
    events: list[BriefingEvent]
    framing: list[TermUse] = Field(default_factory=list)
    errors: list[dict[str, Any]] = Field(default_factory=list)

    def label(self, article: int) -> str:
        return self.articles[article].label

    def labels(self, articles: list[int]) -> str:
        return join_names([self.label(i) for i in articles])


def join_names(names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    names = list(dict.fromkeys(names))
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
