"""Sentences that report an incident no event record cites: a warning, never a repair.

The embedded 1.5B model often stops after the first incidents of an article (on the seed
it misses the al-Harir attack and the Baghdad strike). The pipeline re-reads flagged
sentences in a short window of their own (reread.py); whatever is still uncited then
stays a warning that says where to look. A sentence is flagged when it
  * says something was done ("targeted", "killed", "carried out the strike", ...), not
    that it is being done or might be ("are targeted", "more attacks"), and not in a
    figurative use ("attacked the bill": checks/figurative.py);
  * is not background (a year, "anniversary", "years ago"), a heading, or said inside a
    quotation;
  * names something (a capitalised word after the first) that no cited sentence names:
    a sentence that only restates a recorded incident names nothing new.
Measured on the 31-case eval (replay): 5 sentences flagged, 4 of them incidents with no
record (the seed's three sentences, a second bombing), 1 a detail of a recorded bombing.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence

from .. import language
from ..article import Article, Sentence
from ..countries import country_mentions
from ..schema import Check, Event, EventTarget, Finding
from .figurative import literal
from .lexicon import quoted_ranges

# Incident verbs (data/language/incident_verbs.txt), not after a present-tense
# auxiliary: "are targeted" says what is being done, not what was.
_DONE = re.compile(
    rf"(?<!\bare )(?<!\bis )(?<!\bbe )\b(?:{language.alternatives('incident_verbs')})\b",
    re.IGNORECASE,
)
_BACKGROUND = language.any_word("background_cues")
# English weekday and month names (the C locale's): dates, not names of anything.
_CALENDAR = frozenset([*calendar.day_name, *calendar.month_name[1:]])
# A capitalised word (or an Arabic "al-" name) after the sentence's first word.
_NAME = re.compile(r"(?<=\s)(?:[A-Z][\w’'-]*[a-z][\w’'-]*|al-[A-Z][\w’'-]+)")


def _names(text: str) -> list[str]:
    """Names in a sentence in order, less weekdays, months, countries and their demonyms."""
    countries = [m.text for m in country_mentions(text)]
    found: dict[str, None] = {}
    for match in _NAME.finditer(text):
        word = re.sub(r"[’']s?$", "", match.group(0))
        # Demonyms share their country's first letters: Iraqi/Iraq, Syrian/Syria.
        if word in _CALENDAR or any(word.startswith(c[:4]) for c in countries):
            continue
        found[word] = None
    return list(found)


def _reports_new_incident(sentence: Sentence, cited_text: str) -> list[str]:
    text = sentence.text.strip()
    done = _DONE.search(literal(text))
    if not done or _BACKGROUND.search(text) or text.startswith("=="):
        return []
    # "They killed our brothers," the group said: the speaker's words, not a report.
    if any(start <= done.start() < end for start, end in quoted_ranges(text)):
        return []
    return [n for n in _names(text) if n not in cited_text]


def uncited_incident_sentences(article: Article, events: Sequence[Event]) -> dict[int, list[str]]:
    """Sentence id -> the new names it holds, for sentences reporting an uncited incident."""
    if not events:  # no incident found at all: opinion or analysis, nothing to compare
        return {}
    cited_ids = {i for event in events for i in event.sentence_ids}
    cited_text = " ".join(s.text for s in article.sentences if s.id in cited_ids)
    found = {}
    for sentence in article.sentences:
        if sentence.id not in cited_ids:
            new_names = _reports_new_incident(sentence, cited_text)
            if new_names:
                found[sentence.id] = new_names
    return found


def uncited_incidents(article: Article, events: Sequence[Event]) -> list[Finding]:
    """One warning per sentence that seems to report an incident no event cites."""
    return [
        Finding.at(
            check=Check.COVERAGE,
            severity="warning",
            target=EventTarget(),
            message=(
                f"sentence [{sentence_id}] seems to report an incident that no event cites "
                f"(it names {', '.join(names[:4])}); the model may have missed it"
            ),
        )
        for sentence_id, names in uncited_incident_sentences(article, events).items()
    ]
