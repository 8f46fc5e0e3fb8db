"""An event's date and ACLED time_precision from its date words and the article's date.

The pipeline resolves the date words already (assemble.resolve_date); one case it gets
wrong for a dataset: a weekday named in an article published on that weekday ("on
Saturday" in Saturday's paper) is that day, not a week earlier. Without date words the
event happened on or before the publication date: ACLED codes such an event at the
report's date with the widest precision, 3.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..schema import Event

# ACLED's codes: 1 the day is known, 2 the week, 3 the month (or only "reported on").
PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b")
# Words that move a weekday off the latest one: "last Monday", "next Friday", a full date.
_NOT_LATEST = re.compile(r"\d|\b(?:last|next|previous|following|week|month|year)\b")


def latest_weekday(text: str, published: date) -> date | None:
    """The day a lone weekday name means in an article of that date (that day included)."""
    lowered = text.lower()
    names = set(_WEEKDAY.findall(lowered))
    if len(names) != 1 or _NOT_LATEST.search(lowered):
        return None
    back = (published.weekday() - _WEEKDAYS.index(names.pop())) % 7
    return published - timedelta(days=back)


def event_date(event: Event, published: date | None) -> tuple[date | None, int | None]:
    """(event_date, ACLED time_precision); (None, None) when neither date is known."""
    words = event.date_text.value if event.date_text else None
    if words and published:
        day = latest_weekday(words, published)
        if day is not None:
            return day, 1
    if event.date is not None:
        return event.date, PRECISION.get(event.time_precision, 3)
    if published is not None:
        return published, 3  # only "reported on this day": the event is at most this recent
    return None, None


def merge_dating(event: Event, published: date | None) -> Event:
    """The event with the date the merge rules should compare: the weekday fix above,
    the pipeline's date otherwise, and no date when the words give none."""
    words = event.date_text.value if event.date_text else None
    day = latest_weekday(words, published) if words and published else None
    if day is not None:
        return event.model_copy(update={"date": day, "time_precision": "day"})
    return event
