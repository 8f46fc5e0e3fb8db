"""Grounding: cited sentence ids exist, are specific, and really hold what is claimed.

`locate` finds where a value occurs in the cited sentences (exact, then fuzzy with
rapidfuzz), so every field of the output carries real character spans.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import Enum
from functools import lru_cache

from rapidfuzz import fuzz

from .. import language
from ..article import Article, Sentence
from ..schema import (
    Check,
    Draft,
    DraftEvent,
    EventTarget,
    Finding,
    GroundedValue,
    Span,
    SummaryTarget,
    key_of,
    text_fields,
)

FUZZY_MIN = 85.0  # partial-ratio score for a fuzzy match (aliases, inflections)
MAX_EVENT_IDS = 4  # an event resting on more sentences than this is not specific
MIN_SUPPORT = 0.5  # share of a summary sentence's content words found in its evidence

# Word lists are data (summarizer/data/language/); the grammar around them is here.
_STOPWORDS = language.words("stop_words")
# A figure: digits, or a number written as a word ("three", "dozens", "a few").
FIGURE = re.compile(rf"\b(?:\d[\d,.]*|{language.alternatives('number_words')})\b", re.IGNORECASE)
_NONE_REPORTED = language.any_word("none_hurt")
_KILL_WORDS = language.any_word("killing_words")


def content_words(text: str) -> list[str]:
    return list(_content_words(text))


@lru_cache(maxsize=8192)
def _content_words(text: str) -> tuple[str, ...]:
    return tuple(
        w
        for w in re.findall(r"[^\W_]+", text.lower())
        if len(w) > 2 and w not in _STOPWORDS and not w.isdigit()
    )


def valid_ids(article: Article, ids: Iterable[int]) -> list[int]:
    """The ids that name a sentence of the article, each once, in the model's order."""
    return [i for i in dict.fromkeys(ids) if article.sentence(i) is not None]


def cited(article: Article, ids: Iterable[int]) -> list[Sentence]:
    return [s for i in dict.fromkeys(ids) if (s := article.sentence(i)) is not None]


def spans_of(sentences: Iterable[Sentence]) -> list[Span]:
    return [Span(start=s.start, end=s.end, text=s.text) for s in sentences]


@lru_cache(maxsize=8192)
def _fold(text: str) -> str:
    """Lower-case without changing length, so alignment offsets fit the original text."""
    lowered = text.lower()
    if len(lowered) == len(text):  # the usual case: no 'İ'-like characters
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


LENIENT_MIN = 75.0  # with every content word present: a phrase with a word dropped


class GroundingPolicy(Enum):
    """How closely a value must match the article's words to count as grounded.

    STRICT: exactly, or fuzzily at FUZZY_MIN (the re-ask gate, whose verdicts the
    recordings depend on, and the eval's unchecked baseline). LENIENT: also a phrase
    with a word dropped, at LENIENT_MIN with every content word present (assembly).
    """

    STRICT = "strict"
    LENIENT = "lenient"


@lru_cache(maxsize=4096)
def _literal(value: str) -> re.Pattern[str]:
    # Compiled once per value: each is searched in every sentence, several times a request.
    return re.compile(re.escape(value), re.IGNORECASE)


def _align_in(
    value: str, sentence: Sentence, policy: GroundingPolicy, fuzzy: bool = True
) -> tuple[str, Span] | None:
    # Search the original text case-insensitively: lower() can change lengths ('İ').
    m = _literal(value).search(sentence.text)
    if m:
        start = sentence.start + m.start()
        return "exact", Span(start=start, end=sentence.start + m.end(), text=m.group(0))
    if len(value) < 4 or not fuzzy:
        return None
    # The cutoff lets rapidfuzz skip hopeless windows (half the time); below it the
    # answer is None, above it the same alignment as without.
    lenient = policy is GroundingPolicy.LENIENT
    cutoff = LENIENT_MIN if lenient else FUZZY_MIN
    al = fuzz.partial_ratio_alignment(_fold(value), _fold(sentence.text), score_cutoff=cutoff)
    if al is None:
        return None
    if al.score < FUZZY_MIN and not (
        lenient
        and al.score >= LENIENT_MIN
        and set(content_words(value)) <= set(content_words(sentence.text))
    ):
        return None
    s, e = _snap(sentence.text, al.dest_start, al.dest_end, value)
    return "fuzzy", Span(start=sentence.start + s, end=sentence.start + e, text=sentence.text[s:e])


def _snap(text: str, s: int, e: int, value: str) -> tuple[int, int]:
    """Widen a fuzzy window to whole words, from the value's first word to its last."""
    words = re.findall(r"[^\W_]+", value)
    if words:
        slack = len(value) // 2
        head = re.search(re.escape(words[0]), text[max(0, s - slack) : e], re.IGNORECASE)
        if head:
            s = max(0, s - slack) + head.start()
        tails = list(re.finditer(re.escape(words[-1]), text[s : e + slack], re.IGNORECASE))
        if tails:
            e = s + tails[-1].end()
    while s > 0 and (text[s - 1].isalnum() or text[s - 1] == "-"):
        s -= 1
    while e < len(text) and (text[e].isalnum() or text[e] == "-"):
        e += 1
    return s, e


def locate(
    value: str, article: Article, ids: Iterable[int], policy: GroundingPolicy
) -> tuple[GroundedValue, bool]:
    """Ground `value` in the cited sentences; fall back to the whole article.

    Returns the grounded value and whether it was found inside the cited sentences.
    `policy`: how close a match counts (GroundingPolicy; every caller names its own).
    """
    value = value.strip()
    # The value as written in any cited sentence before a near match in an earlier one
    # ("the militants" is in the third sentence; "of militants" in the first is only near).
    for sentences, in_cited in ((cited(article, ids), True), (article.sentences, False)):
        for fuzzy in (False, True):
            for sentence in sentences:
                hit = _align_in(value, sentence, policy, fuzzy)
                if hit:
                    grounded = GroundedValue(value=value, evidence=[hit[1]], alignment=hit[0])
                    return grounded, in_cited
    return GroundedValue(value=value, evidence=[], alignment="none"), False


def support(text: str, evidence: str) -> float:
    """Share of the sentence's content words that occur (as a prefix stem) in the evidence."""
    words = content_words(text)
    if not words:
        return 1.0
    pool = set(content_words(evidence))
    stems = {w[:5] for w in pool}
    hits = sum(1 for w in words if w in pool or w[:5] in stems)
    return hits / len(words)


# Fields the gate demands in the article's words; dates and motives are only located
# when assembling, never re-asked for.
STRICT_FIELDS = text_fields("party", "place", "source")


def best_supporting(text: str, article: Article, limit: int = 3) -> list[int]:
    """Fewest sentences (by overlap, in article order) that together support `text`."""
    ranked = sorted(article.sentences, key=lambda s: -support(text, s.text))
    chosen: list[Sentence] = []
    for sentence in ranked[:limit]:
        chosen.append(sentence)
        if support(text, " ".join(c.text for c in chosen)) >= MIN_SUPPORT:
            break
    return sorted(c.id for c in chosen)


def value_sentences(values: Iterable[str | None], article: Article) -> list[int]:
    """Sentences where the event's own values (place, target, actor) occur, best first."""
    counts: dict[int, int] = {}
    for value in values:
        if not value:
            continue
        for sentence in article.sentences:
            if _align_in(value, sentence, GroundingPolicy.STRICT):
                counts[sentence.id] = counts.get(sentence.id, 0) + 1
    return sorted(counts, key=lambda i: (-counts[i], i))


def event_ids(ev: DraftEvent, article: Article) -> tuple[list[int], bool]:
    """The event's evidence sentences: its citation, unless that holds none of its values.

    Returns the ids and whether they were re-cited from where the values occur.
    """
    ids = valid_ids(article, ev.ids)
    holders = value_sentences([ev.location, ev.target, ev.actor1, ev.claimed_by], article)
    if holders and not set(ids) & set(holders):
        return sorted(holders[:2]), True
    return ids, False


def check_grounding(
    draft: Draft, article: Article, ids_of: list[tuple[list[int], bool]] | None = None
) -> list[Finding]:
    """`ids_of`: `event_ids` of each event, when the caller has them already."""
    findings = _check_summary(draft, article)
    for k, ev in enumerate(draft.events):
        ids, recited = ids_of[k] if ids_of is not None else event_ids(ev, article)
        findings.extend(_check_event(k, ev, ids, recited, article))
    return findings


def _check_summary(draft: Draft, article: Article) -> list[Finding]:
    """The summary has 2-5 sentences, each citing real sentences that support it."""
    findings: list[Finding] = []
    n = len(article.sentences)

    def bad_ids(ids: list[int]) -> list[int]:
        return [i for i in ids if not 1 <= i <= n]

    if not 2 <= len(draft.summary) <= 5 and n >= 2:
        findings.append(
            Finding.at(
                check=Check.STRUCTURE,
                severity="error",
                target=SummaryTarget(),
                message=f"the summary has {len(draft.summary)} sentences; write 2 to 5",
            )
        )
    for k, sent in enumerate(draft.summary):
        where = SummaryTarget(k)
        if not sent.ids or bad_ids(sent.ids):
            findings.append(
                Finding.at(
                    check=Check.GROUNDING,
                    severity="error",
                    target=where,
                    message=f"cite existing sentence numbers 1-{n} in ids",
                )
            )
            continue
        evidence = " ".join(s.text for s in cited(article, sent.ids))
        if support(sent.text, article.text) < MIN_SUPPORT:
            findings.append(
                Finding.at(
                    check=Check.GROUNDING,
                    severity="error",
                    target=where,
                    message=f"summary sentence {k + 1} says things the article does not say: "
                    "say only what the article says",
                )
            )
        elif support(sent.text, evidence) < MIN_SUPPORT:
            # Wrong citation only: the code re-cites by content, no re-ask needed.
            findings.append(
                Finding.at(
                    check=Check.GROUNDING,
                    severity="warning",
                    target=where,
                    message=f"summary sentence {k + 1} is not supported by sentences {sent.ids}",
                )
            )
    return findings


def _check_event(
    k: int, ev: DraftEvent, ids: list[int], recited: bool, article: Article
) -> list[Finding]:
    """An event's citation, the values the gate grounds strictly, then its counts."""
    findings: list[Finding] = []
    n = len(article.sentences)
    if not ids:
        findings.append(
            Finding.numbered(
                check=Check.GROUNDING,
                severity="error",
                target=EventTarget(k),
                detail=f"cite existing sentence numbers 1-{n}",
            )
        )
        return findings
    if recited:
        findings.append(
            Finding.numbered(
                check=Check.GROUNDING,
                severity="warning",
                target=EventTarget(k, ("ids",)),
                detail=f"sentences {ev.ids} hold none of its values; they occur in {ids}",
            )
        )
    if len(set(ids)) > MAX_EVENT_IDS and len(set(ids)) > n // 3:
        findings.append(
            Finding.at(
                check=Check.GROUNDING,
                severity="error",
                target=EventTarget(k, ("ids",)),
                message=f"event {k + 1} cites {len(set(ids))} sentences; cite only the 1-3 "
                "sentences that describe this one event",
            )
        )
    for name in STRICT_FIELDS:
        value = getattr(ev, name)
        if not value:
            continue
        grounded, in_cited = locate(value, article, ids, GroundingPolicy.STRICT)
        if grounded.alignment == "none":
            findings.append(
                Finding.numbered(
                    check=Check.GROUNDING,
                    severity="error",
                    target=EventTarget(k, (name,)),
                    detail=f"{key_of(name)} {value!r} does not occur in the article; "
                    "use the article's own words or null",
                )
            )
        elif not in_cited:
            findings.append(
                Finding.numbered(
                    check=Check.GROUNDING,
                    severity="warning",
                    target=EventTarget(k, (name,)),
                    detail=f"{key_of(name)} {value!r} is not in the cited sentences",
                )
            )
    evidence = " ".join(s.text for s in cited(article, ids))
    findings.extend(check_counts(k, ev.fatalities, "fatalities", evidence))
    findings.extend(check_counts(k, ev.injuries, "injuries", evidence))
    return findings


def check_counts(k: int, value: int | None, name: str, evidence: str) -> list[Finding]:
    where = EventTarget(k, (name,))
    if value is None:
        return []
    if value == 0 and not _NONE_REPORTED.search(evidence):
        return [
            Finding.numbered(
                check=Check.GROUNDING,
                severity="error",
                target=where,
                detail=f"{key_of(name)} 0 but the cited sentences do not say "
                "that nobody was hurt; use null when no figure is reported",
            )
        ]
    if value > 0 and not FIGURE.search(evidence):
        single_kill = value == 1 and name == "fatalities" and _KILL_WORDS.search(evidence)
        if not single_kill:
            return [
                Finding.numbered(
                    check=Check.GROUNDING,
                    severity="error",
                    target=where,
                    detail=f"{key_of(name)} {value} has no figure in the cited "
                    "sentences; use null when no figure is reported",
                )
            ]
    return []
