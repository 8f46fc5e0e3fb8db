"""A model's filler sentence: "The incident occurred in Dara." after the sentence that said so.

A small model asked for a summary of two sentences or more pads a one-sentence report
with a restatement of its place or day: "The incident occurred in Northland province.",
"The monitoring group said the attack occurred on Tuesday." The first tells nothing the
summary has not told; the second misdates the incident when the article's day is the
day of the statement ("..., a monitoring group said Tuesday"). A wire summary carries
neither. Such a sentence names the incident by a generic noun and says only that it
occurred, took place or happened (or was carried out by someone), in words the summary
has told already; one that adds how, why or a new place ("by a suicide bomber",
"during evening prayers") is no filler.
"""

from __future__ import annotations

import re

from .checks.attribution import SPEECH
from .checks.clauses import TRAILING_ATTRIBUTION
from .rules.incident import WEEKDAY

# "[The monitoring group said (that)] the incident occurred ..." (the speaker frame too).
_FILLER = re.compile(
    r"^(?:[A-Z][\w’'.-]*(?:\s+[\w’'.-]+){0,5}?\s+(?:said|says|reported|stated)\s+(?:that\s+)?)?"
    r"(?:the|this|that)\s+(?:[\w-]+\s+)?"
    r"(?:incident|attack|event|explosion|blast|strike|bombing|killing|clash|raid|shooting)s?\s+"
    r"(?:occurred|happened|took\s+place|was\s+carried\s+out)\b(?P<rest>.*)$",
    re.IGNORECASE,
)
_CAPITALISED_OR_FIGURE = re.compile(r"\b(?:[A-Z][\w’'-]+|\d[\d,.]*)\b")
# A weekday told as the day of a statement: "said Tuesday", "said on Tuesday".
_DAY_OF_SPEECH = re.compile(rf"(?:{SPEECH.pattern})\s+(?:on\s+)?(?P<day>{WEEKDAY})\b", re.I)


def _specifics(text: str) -> set[str]:
    found = {m.group(0).casefold() for m in _CAPITALISED_OR_FIGURE.finditer(text)}
    found |= {m.group(0).casefold() for m in re.finditer(rf"\b{WEEKDAY}\b", text, re.I)}
    return found - {"the", "this", "that"}


def filler_restatement(text: str, earlier: list[str], cited: str) -> str | None:
    """Why the summary sentence `text` is a filler restatement, or None. `earlier`: the
    summary's sentences before it; `cited`: the text of the article sentences it cites."""
    m = _FILLER.match(text.strip())
    if m is None:
        return None
    rest = m.group("rest")
    for day in re.finditer(rf"\b{WEEKDAY}\b", rest, re.IGNORECASE):
        told_on = {d.group("day").casefold() for d in _DAY_OF_SPEECH.finditer(cited)}
        if day.group(0).casefold() in told_on:
            return f"it dates the incident to {day.group(0)}, the day of a statement"
    if not earlier:
        return None
    rest = TRAILING_ATTRIBUTION.sub("", rest)  # the source it ends on
    if not re.search(r"\w", rest):
        return "it says only that the incident occurred"
    told = set().union(*(_specifics(s) for s in earlier))
    earlier_words = {w.casefold() for s in earlier for w in re.findall(r"[\w’'-]+", s)}
    if _specifics(rest) <= told and _only_told(rest, earlier_words):
        return "it restates where, when or by whom the incident occurred, told already"
    return None


# What a bare "where, when or who" says besides the summary's own words: prepositions,
# articles and the nouns of a place or a time ("in the city of Kel", "on Tuesday
# morning", "involved troops and rioters").
_WHERE_WHEN_WORDS = frozenset(
    [
        *("in", "on", "at", "near", "around", "the", "a", "an", "of", "by", "and", "with"),
        *("between", "involved", "involving", "city", "town", "village", "district"),
        *("province", "region", "state", "country", "capital", "area", "morning"),
        *("afternoon", "evening", "night", "early", "late"),
    ]
)


def _only_told(rest: str, earlier_words: set[str]) -> bool:
    """Is every word of the rest a place, a day, a name or a word the summary has told
    ("in Kel", "by the Kel Front's branch", not "by a suicide bomber" or "during evening
    prayers" when those are new)?"""
    words = re.findall(r"[\w’'-]+", rest)
    return bool(words) and all(
        w[:1].isupper()
        or w[:1].isdigit()
        or w.casefold() in _WHERE_WHEN_WORDS
        or w.casefold() in earlier_words
        or re.fullmatch(WEEKDAY, w, re.IGNORECASE)
        for w in words
    )
