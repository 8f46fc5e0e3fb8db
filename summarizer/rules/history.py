"""Background, not an incident of the article: a record dated over a year before its time.

News recalls past incidents for context: a memoir of a 1974 bombing, a trial over a 2015
attack, the anniversary of a massacre. ACLED codes each incident from the reports of its
own time, and background is no event of the article. A record whose date (read from the
article's own words: "on November 21, 1974") falls more than a year before the article's
time is dropped, with a finding. The article's time is its publication date; without
one, the latest year the article ties to a past verb ("left the group in 1993"), which
the article can only postdate. A record dated by a weekday or "last week" stays: without a
publication date it has no date, with one it is recent.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..article import Article
from ..schema import Event, Finding
from .base import Rule, drop_events
from .incident import MONTHS

# Over a year (a leap year's too): an incident months old may still be the news (a death
# toll revised, a suspect charged); one older than a year is told for context.
_BACKGROUND_AGE = timedelta(days=366)

# A year the article ties to something done: a past verb, then (a few words on) "in",
# "since" or "during" and the year, a month between or not ("left the group in 1975",
# "broke with it for good in 1993", "was recruited in January 1970"). A year of a plan,
# a schedule or a name ("the term ends in 2029", "the 2027 election", "Vision 2030"), a
# street number or a clock time is no time the article has seen.
_PAST_VERB = (
    r"(?:was|were|had|did|\w{2,}ed|left|broke|began|came|took|went|won|lost|met|led|fled|"
    r"rose|held|became|fought|struck|shot|told|said|saw|made|gave|sent|ran|wrote|sold|"
    r"built|brought|found|kept|spent|stood|paid|fell|quit|split|set)"
)
# "named host of the Olympics in 2032": the year of a scheduled event is its name's.
_NOT_AN_EVENTS_NAME = "".join(
    rf"(?<!{name}\s)"
    for name in ("Olympics", "Games", "Cup", "election", "elections", "Expo", "summit", "census")
)
_TOLD_YEAR = re.compile(
    rf"\b{_PAST_VERB}\b(?:[\s,]+[\w'’-]+){{0,6}}?\s+{_NOT_AN_EVENTS_NAME}(?:in|since|during)\s+"
    rf"(?:(?:{MONTHS})\s+)?((?:19|20)\d\d)\b(?!\s*(?:[-–/%]\s*\d|hours|hrs|GMT|UTC|block))",
    re.IGNORECASE,
)
# A sentence about what is planned or expected tells a year that may not have come:
# "elections are due in 2027", "the talks will resume in 2026".
_NOT_YET = re.compile(
    r"\b(?:will|would|shall|could|may|might|plans?|planned|planning|scheduled|expected|"
    r"expects?|due|aims?|aiming|targets?|goals?|deadline|next|upcoming|coming|forecasts?|"
    r"projected|set to|by|until|through|before|hopes?|intends?|proposed)\b",
    re.IGNORECASE,
)


def article_time(article: Article) -> date | None:
    """When the article was written, or the earliest it can have been: its publication
    date, else the first day of the latest year it ties to something done (`_TOLD_YEAR`,
    in a sentence without `_NOT_YET`), else None."""
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
