"""Background, not an incident of the article: a record dated over a year before its time.

News recalls past incidents for context: a memoir of a 1974 bombing, a trial over a 2015
attack, the anniversary of a massacre. ACLED codes each incident from the reports of its
own time, and background is no event of the article. A record whose date (read from the
article's own words: "on November 21, 1974") falls more than a year before the article's
time is dropped, with a finding. The article's time is its publication date; without
one, the latest year the article tells as past ("left the group in 1993"), which the
article can only postdate. A record dated by a weekday or "last week" stays: without a
publication date it has no date, with one it is recent.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..article import Article
from ..schema import Event, Finding
from .base import Rule, drop_events
from .incident import MONTH_ABBRS, MONTHS

# Over a year: an incident months old may still be the news (a death toll revised, a
# suspect charged); one older than a year is told for context.
_BACKGROUND_AGE = timedelta(days=365)

# A year where a sentence puts a time: after "in", "since", "during the", a month or a
# day ("in 1993", "the 1981 hunger strike", "December 22, 1974"). A year after a name is
# part of the name ("Vision 2030", "Euro 2020"), and a year range or a share is no time.
_TOLD_YEAR = re.compile(
    rf"(?:\b(?:in|since|of|from|during|until|through|the|early|late|mid-?)\s+|"
    rf"\b(?:{MONTHS}|(?:{MONTH_ABBRS})\.?)\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?|"
    rf"\b\d{{1,2}}\s+(?:{MONTHS})\s+)"
    r"((?:19|20)\d\d)\b(?!\s*[-–/%]\s*\d)",
    re.IGNORECASE,
)
# A sentence about what is planned or expected tells a year that may not have come:
# "elections are due in 2027", "by 2030", "the talks will resume in 2026".
_NOT_YET = re.compile(
    r"\b(?:will|would|shall|could|may|might|plans?|planned|planning|scheduled|expected|"
    r"expects?|due|aims?|aiming|targets?|goals?|deadline|next|upcoming|coming|forecasts?|"
    r"projected|set to|by|until|before|hopes?|intends?|proposed)\b",
    re.IGNORECASE,
)


def article_time(article: Article) -> date | None:
    """When the article was written, or the earliest it can have been: its publication
    date, else the first day of the latest year it tells as past (`_TOLD_YEAR` in a
    sentence without `_NOT_YET`), else None."""
    if article.published is not None:
        return article.published
    years = [
        int(match[1])
        for sentence in article.sentences
        if not _NOT_YET.search(sentence.text)
        for match in _TOLD_YEAR.finditer(sentence.text)
    ]
    return date(max(years), 1, 1) if years else None


def _background(event: Event, article: Article, now: date | None) -> str | None:
    if now is None or event.date is None or now - event.date <= _BACKGROUND_AGE:
        return None
    if article.published is not None:
        told = f"published {now.isoformat()}"
    else:
        told = f"it tells of {now.year} as past"
    return (
        f"it is dated {event.date.isoformat()}, over a year before the article's time "
        f"({told}): background, not an incident the article reports"
    )


def drop_background(events: list[Event], article: Article) -> tuple[list[Event], list[Finding]]:
    """Drop records dated over a year before the article's time (`article_time`)."""
    now = article_time(article)
    return drop_events(events, lambda event: _background(event, article, now))


RULE = Rule("history", repair_events=drop_background)
