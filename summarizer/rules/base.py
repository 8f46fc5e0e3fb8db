"""What a rule is, and what it is given: the context of a check, the state of a repair.

A rule (one module each in this package) offers any of
  * `check(draft, ctx)`: findings about a draft, run by the re-ask gate;
  * `repair_sentence(work)`: a safe repair of one summary sentence, at assembly;
  * `repair_event(work)`: a safe repair of one event, at assembly;
  * `repair_events(events, article)`: a repair of the assembled list of events;
  * `check_events(article, events)`: findings about the assembled events (a warning only).
The table in `summarizer/rules/__init__.py` says in which order they run.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from ..article import Article
from ..checks.grounding import cited, event_ids
from ..schema import (
    Check,
    Draft,
    DraftEvent,
    Event,
    EventTarget,
    Finding,
    GroundedValue,
    Responsibility,
    SummaryTarget,
    Target,
    assembled_field,
)


@dataclass(frozen=True)
class RuleContext:
    """What the checks of one draft share: the article and each event's evidence ids."""

    article: Article
    # Per draft event: its evidence sentences and whether they were re-cited from where
    # its values occur (`event_ids`: a fuzzy search of every sentence, worked out once).
    event_ids: list[tuple[list[int], bool]]

    @classmethod
    def of(cls, draft: Draft, article: Article) -> RuleContext:
        return cls(article, [event_ids(ev, article) for ev in draft.events])


@dataclass
class SentenceWork:
    """A summary sentence while assembly repairs it; a rule may drop it."""

    k: int
    article: Article
    text: str
    ids: list[int]
    findings: list[Finding] = field(default_factory=list)
    dropped: bool = False
    # Who claimed the draft's incidents (as the article names them): the speaker of a
    # motive the sentence states.
    claimants: tuple[str, ...] = ()

    @property
    def where(self) -> SummaryTarget:
        return SummaryTarget(self.k)


@dataclass
class EventWork:
    """A draft event while assembly repairs it, rule by rule, before it becomes an Event.

    `grounded` holds each text field located in the article (draft field name -> value),
    filled by the rules that ground them.
    """

    k: int
    draft: DraftEvent
    article: Article
    ids: list[int]
    responsibility: Responsibility
    claimed_by: str | None
    actor1: str | None
    sub_event_type: str
    fatalities: int | None
    injuries: int | None
    grounded: dict[str, GroundedValue | None] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    # Draft fields whose value the article does not hold (the model's, not the article's).
    unfounded: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, ev: DraftEvent, k: int, article: Article) -> EventWork:
        return cls(
            k=k,
            draft=ev,
            article=article,
            ids=list(ev.ids),
            responsibility=ev.responsibility,
            claimed_by=ev.claimed_by,
            actor1=ev.actor1,
            sub_event_type=ev.sub_event_type,
            fatalities=ev.fatalities,
            injuries=ev.injuries,
        )

    def at(self, name: str) -> EventTarget:
        """Where the assembled Event keeps a draft field of this event."""
        return EventTarget(self.k, assembled_field(name))

    @property
    def evidence_text(self) -> str:
        return " ".join(s.text for s in cited(self.article, self.ids))


def repaired(check: Check, target: Target, message: str) -> Finding:
    """A warning about something assembly changed: the output says what it did."""
    return Finding.at(
        check=check, severity="warning", target=target, repaired=True, message=message
    )


def drop_events(
    events: list[Event], why_dropped: Callable[[Event], str | None]
) -> tuple[list[Event], list[Finding]]:
    """Keep the events `why_dropped` has nothing against; a finding for each one dropped."""
    kept: list[Event] = []
    findings: list[Finding] = []
    for k, event in enumerate(events):
        why = why_dropped(event)
        if why is None:
            kept.append(event)
        else:
            findings.append(repaired(Check.GROUNDING, EventTarget(k), f"event dropped: {why}"))
    return kept, findings


_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def name_key(name: str) -> str:
    """A party's name for comparison: "the Islamic Resistance" and "Islamic Resistance"
    name one party."""
    return _LEADING_ARTICLE.sub("", name.strip()).casefold()


def _scripts(text: str) -> set[str]:
    """Scripts of a text's letters, by the first word of each letter's Unicode name."""
    return {unicodedata.name(ch, "?").split(" ")[0] for ch in text if ch.isalpha()}


def foreign_letters(text: str, article: Article) -> bool:
    """Letters of a script the article does not use: a small model's vocabulary leaking."""
    return bool(_scripts(text) - _scripts(article.text) - {"LATIN"})


def before_foreign_letters(text: str, article: Article) -> str:
    """`text` up to its first letter of a script the article does not use, without the
    small words left hanging ("... al-Mayadeen in东方" -> "... al-Mayadeen"): what the
    model had written in the article's words before its vocabulary leaked."""
    allowed = _scripts(article.text) | {"LATIN"}
    for i, ch in enumerate(text):
        if ch.isalpha() and unicodedata.name(ch, "?").split(" ")[0] not in allowed:
            glued = re.search(r"(\w+)$", text[:i])
            if glued and not _SMALL_WORD.fullmatch(glued.group(1)):
                return ""  # the leak is inside a word ("Nor东town"): no word to keep
            text = text[:i]
            break
    kept = re.sub(rf"(?:[\s,;:-]+|\b{_SMALL_WORD.pattern}$)+$", "", text, flags=re.I).strip()
    # Something that names a place or a party: a capitalised word, or two words.
    named = re.search(r"\b[A-Z][\w'’-]{2,}", kept) or len(re.findall(r"\w{3,}", kept)) >= 2
    return kept if named else ""


# The small words after which a model's leak starts a new word ("al-Mayadeen in东方").
_SMALL_WORD = re.compile(r"(?:in|of|at|on|near|the|a|an|and|to)", re.IGNORECASE)


DraftCheck = Callable[[Draft, RuleContext], list[Finding]]
SentenceRepair = Callable[[SentenceWork], None]
EventRepair = Callable[[EventWork], None]
EventsRepair = Callable[[list[Event], Article], tuple[list[Event], list[Finding]]]
EventsCheck = Callable[[Article, list[Event]], list[Finding]]


@dataclass(frozen=True)
class Rule:
    """One rule of the product: its name and the steps it offers (any may be absent)."""

    name: str
    check: DraftCheck | None = None
    repair_sentence: SentenceRepair | None = None
    repair_event: EventRepair | None = None
    repair_events: EventsRepair | None = None
    check_events: EventsCheck | None = None
