"""An abbreviation is written as the article writes it: "U.S.", never "U. S."; "Nov. 8"
where the article says "Nov. 8".

The embedded model's tokenizer sometimes splits a dotted abbreviation and its summary
says "U. S. Central Command" or "the U. N. Security Council". A wire editor would never
sign that spacing. The letters are closed up where the article writes them so, and only
there (the article's own form wins). Likewise a date: wire style abbreviates a month
before a day ("Aug. 29"), and a summary that spells it out ("August 29") no longer says
what the article says in its words; the article's form is kept.
"""

from __future__ import annotations

import calendar
import re

from ..schema import Check
from .base import Rule, SentenceWork, repaired

# Two to four capital letters, each with its full stop, spaced apart: "U. S.", "D. C.".
_SPACED = re.compile(r"\b(?:[A-Z]\.\s){1,3}[A-Z]\.")


# A month spelled out before a day: "November 8".
_FULL_MONTH_DAY = re.compile(
    rf"\b(?P<month>{'|'.join(calendar.month_name[1:])})\s+(?P<day>\d{{1,2}})\b"
)


def _article_date_form(m: re.Match[str], article_text: str) -> str:
    """The article's way of writing this month and day, when it abbreviates the month."""
    month, day = m.group("month"), m.group("day")
    if f"{month} {day}" in article_text:
        return m.group(0)
    abbreviated = re.search(rf"\b{month[:3]}[a-z]?\.?\s+{day}\b", article_text)
    return abbreviated.group(0) if abbreviated else m.group(0)


def repair_sentence(work: SentenceWork) -> None:
    def close_up(m: re.Match[str]) -> str:
        closed = re.sub(r"\s", "", m.group(0))
        return closed if closed in work.article.text else m.group(0)

    text = _SPACED.sub(close_up, work.text)
    text = _FULL_MONTH_DAY.sub(lambda m: _article_date_form(m, work.article.text), text)
    if text != work.text:
        work.text = text
        message = "wrote an abbreviation or a date as the article writes it"
        work.findings.append(repaired(Check.STRUCTURE, work.where, message))


RULE = Rule("abbreviation_spacing", repair_sentence=repair_sentence)
