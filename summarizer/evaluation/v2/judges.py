"""Eval v2's judges: what a wire editor and an ACLED coder would check, from outside.

None of this imports the pipeline's checks, assembly or lexicon: a judge that shares
code or word lists with the repairs it grades would pass them by construction. Every
judge reads the hand labels (evals/v2/LABELS.md), the article, and the system's output.

Per summary sentence: broken (parse), unattributed (a labelled claim without its
speaker), distorted (a labelled "must not say", or a number, name or negation that its
cited sentences do not carry), loaded (an outside-list word outside quotation marks),
foreign script. A sentence is OK when none of these holds.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ...article import Article
from ...schema import Event, SummaryResult
from ..scoring import align_events, event_values, value_matches
from . import wellformed

# Quotation spans, found independently of the pipeline's lexicon.
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|‘[^’]*’")
_NUMBER = re.compile(r"\b\d[\d,.]*\b")
_NUMBER_WORD = re.compile(
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundreds?|thousands?|dozens?|million)\b"
)
# A negation in the judge's own terms: a summary that drops or adds one reverses meaning.
_NEGATION = re.compile(
    r"\b(not|no|never|none|nobody|neither|nor|without|denied|denies|deny|n't)\b|n't\b", re.I
)
# Capitalised words that open sentences or are ordinary words when capitalised.
_COMMON_CAPS = {
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "it",
    "he",
    "she",
    "they",
    "we",
    "this",
    "that",
    "there",
    "his",
    "her",
    "their",
    "its",
    "after",
    "before",
    "but",
    "and",
    "according",
    "officials",
    "police",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "president",
    "prime",
    "minister",
    "mr",
    "ms",
    "mrs",
}


def _norm(text: str) -> str:
    return " ".join(text.casefold().replace("’", "'").replace("-", " ").split())


@lru_cache(maxsize=4096)
def _phrase_re(phrase: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in _norm(phrase).split()]
    # Word boundaries; an optional plural or possessive ending on the last word.
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?:s|es|'s)?(?!\w)")


def has(text: str, phrase: str) -> bool:
    return bool(phrase.strip()) and bool(_phrase_re(phrase).search(_norm(text)))


def has_any(text: str, phrases: Iterable[str]) -> bool:
    return any(has(text, p) for p in phrases)


def unquoted(text: str) -> str:
    return _QUOTED.sub(" ", text)


def _scripts(text: str) -> set[str]:
    """Unicode scripts of the letters in a text (by the first word of each letter's name)."""
    found = set()
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            found.add(name.split(" ")[0] if name else "UNKNOWN")
    return found


def foreign_script(text: str, article_scripts: set[str]) -> bool:
    return bool(_scripts(text) - article_scripts)


@dataclass
class SentenceJudgment:
    text: str
    broken: list[str] | None = None
    unattributed: list[str] = field(default_factory=list)
    distorted: list[str] = field(default_factory=list)
    loaded: list[str] = field(default_factory=list)
    foreign: bool = False

    @property
    def ok(self) -> bool:
        return not (
            self.broken or self.unattributed or self.distorted or self.loaded or self.foreign
        )

    def failure_kinds(self) -> list[str]:
        """Kinds to count across cases: the reason without its particular words."""
        kinds = [f"broken: {_kind(p)}" for p in self.broken or []]
        kinds += ["unattributed claim"] * bool(self.unattributed)
        kinds += [f"distortion: {_kind(d.split(':')[0])}" for d in self.distorted]
        kinds += ["loaded wording unquoted"] * bool(self.loaded)
        kinds += ["foreign script"] * self.foreign
        return kinds


def _kind(reason: str) -> str:
    """'ends on 'the' (PRON)' -> 'ends on'; 'unsupported name 'X' not in…' -> 'unsupported name'."""
    return re.split(r" ['\"(]| not in", reason, maxsplit=1)[0].strip()


def _specifics(sentence: str) -> tuple[set[str], set[str]]:
    """Numbers (digits or number words) and capitalised names in a summary sentence."""
    numbers = {n.strip(".,") for n in _NUMBER.findall(sentence)}
    numbers |= set(_NUMBER_WORD.findall(sentence.lower()))
    names = set()
    # Each capitalised part of a compound counts ("US-held": "US"; the rest is wording).
    for m in re.finditer(r"\b[A-Z][\w']+", sentence):
        word = m.group().removesuffix("'s").removesuffix("’s").strip("'")
        if word.lower() not in _COMMON_CAPS and len(word) > 1:
            names.add(word)
    return numbers, names


def unsupported_specifics(sentence: str, cited_text: str) -> list[str]:
    """Numbers, names and negations the sentence carries but its cited sentences do not."""
    cited = _norm(cited_text)
    numbers, names = _specifics(sentence)
    missing = [
        f"number {n!r} not in cited sentences"
        for n in sorted(numbers)
        if _norm(n) not in cited and _norm(n).replace(",", "") not in cited
    ]
    missing += [
        f"name {n!r} not in cited sentences"
        for n in sorted(names)
        if not has(cited_text, n) and not has(cited_text, n.rstrip("s"))
    ]
    if _NEGATION.search(sentence) and not _NEGATION.search(cited_text):
        missing.append("negation not in cited sentences")
    return missing


def judge_sentence(
    text: str,
    cited_text: str,
    labels: dict[str, Any],
    babe: frozenset[str],
    article_scripts: set[str],
) -> SentenceJudgment:
    j = SentenceJudgment(text=text)
    j.broken = wellformed.problems(text)
    for item in labels.get("attribute", []):
        if has_any(text, item.get("content", [])) and not has_any(text, item.get("speakers", [])):
            j.unattributed.append(item.get("what", ""))
    for item in labels.get("must_not_say", []):
        groups = item.get("all", [])
        said = groups and all(has_any(text, g) for g in groups)
        if said and not has_any(text, item.get("unless", [])):
            j.distorted.append(f"must not say: {item.get('what', '')}")
    j.distorted += [f"unsupported {m}" for m in unsupported_specifics(text, cited_text)]
    plain = unquoted(text)
    j.loaded = [p for p in labels.get("loaded", []) if has(plain, p)]
    j.loaded += sorted({w for w in re.findall(r"[a-z]+", plain.lower()) if w in babe})
    j.foreign = foreign_script(text, article_scripts)
    return j


# Where a clause of a summary sentence ends: punctuation, or a conjunction or relative
# word that opens the next ("..., but he did not meet his goal", "as authorities had
# ordered people to evacuate").
_CLAUSE_BREAK = re.compile(
    r"[,;:—–()]|\s-\s|\b(?:but|while|although|though|whereas|as|after|before|because|which|"
    r"who)\b",
    re.IGNORECASE,
)


def _fact_negated(sentence: str, groups: Sequence[Sequence[str]]) -> bool:
    """Is the fact negated where the sentence tells it: a negation in a clause that holds
    one of its words. A negation in another clause is about something else: "the party
    won, but he did not meet his goal" affirms the win."""
    clauses = [c for c in _CLAUSE_BREAK.split(sentence) if c and c.strip()]
    return any(
        _NEGATION.search(_without_fact_words(c, groups))
        for c in clauses
        if any(has_any(c, g) for g in groups)
    )


def _without_fact_words(clause: str, groups: Sequence[Sequence[str]]) -> str:
    """The clause with the fact's own words taken out: a fact worded with a negation
    ("no justice dissented", "fell short") carries it as content, not as polarity."""
    text = _norm(clause)
    for group in groups:
        for phrase in group:
            if phrase.strip():
                text = _phrase_re(phrase).sub(" ", text)
    return text


def key_facts_found(sentences: Sequence[str], facts: Sequence[dict[str, Any]]) -> list[bool]:
    """Each fact: one sentence carries an alternative of every group, with its polarity
    (read in the clauses that tell the fact)."""
    found = []
    for fact in facts:
        groups = fact.get("all", [])
        negated = fact.get("polarity", "affirmed") == "negated"
        found.append(
            any(
                groups
                and all(has_any(s, g) for g in groups)
                and _fact_negated(s, groups) == negated
                for s in sentences
            )
        )
    return found


@lru_cache(maxsize=2)
def babe_words(path: str) -> frozenset[str]:
    """The BABE expert bias lexicon, read from the shared data (AGPL: never copied)."""
    p = Path(path)
    if not p.is_file():
        return frozenset()
    return frozenset(w.strip().lower() for w in p.read_text("utf-8-sig").splitlines() if w.strip())


# ------------------------------------------------------------------------------ events
@dataclass
class EventJudgment:
    predicted: int = 0
    true_positive: int = 0
    false_records: list[str] = field(default_factory=list)  # why each false record is false
    unjudged: int = 0  # unmatched on a partly labelled article: neither true nor false
    gold: int = 0
    found: int = 0
    roles: dict[str, list[bool]] = field(default_factory=dict)
    non_event_records: int = 0


def _in_article(value: str | None, article: Article) -> bool:
    return value is None or has(article.text, value) or has(article.title or "", value)


def _role_right(name: str, pred: dict[str, Any], gold: dict[str, Any]) -> bool | None:
    if name == "responsibility":
        return pred.get("responsibility") == gold.get("responsibility")
    if name == "fatalities":
        # A list: the article's sources give different tolls, each an acceptable figure.
        allowed = gold.get("fatalities")
        return pred.get("fatalities") in (allowed if isinstance(allowed, list) else [allowed])
    wanted = gold.get(name) or []
    if not wanted:
        return not pred.get(name)  # nobody labelled: a named doer/claimant is wrong
    return value_matches(pred.get(name), wanted)


def judge_events(
    events: Sequence[Event], labels: dict[str, Any], article: Article
) -> EventJudgment:
    j = EventJudgment(predicted=len(events))
    gold = labels.get("events", []) if labels.get("incident", True) else []
    j.gold = len(gold)
    preds = [
        event_values(e)
        | {
            "claimed_by": e.claimed_by.value if e.claimed_by else None,
            "reported_by": e.reported_by.value if e.reported_by else None,
        }
        for e in events
    ]
    if not labels.get("incident", True):
        j.non_event_records = len(events)
        j.false_records = ["no incident in the article"] * len(events)
        return j
    invented = {
        i
        for i, p in enumerate(preds)
        if not all(_in_article(p.get(f), article) for f in ("location", "actor1", "target"))
    }
    usable = [i for i in range(len(preds)) if i not in invented]
    aligned = align_events([preds[i] for i in usable], gold)
    matched = {usable[i]: g for i, g, _ in aligned}
    j.true_positive = j.found = len(matched)
    for i, _p in enumerate(preds):
        if i in invented:
            j.false_records.append("a place, actor or target the article does not name")
        elif i not in matched:
            if labels.get("events_complete", True):
                j.false_records.append("not a labelled incident (or a duplicate)")
            else:
                j.unjudged += 1
    for i, g in matched.items():
        for role in ("actor1", "claimed_by", "reported_by", "responsibility", "fatalities"):
            ok = _role_right(role, preds[i], gold[g])
            if ok is not None:
                j.roles.setdefault(role, []).append(ok)
    return j


def summary_judgments(
    result: SummaryResult, article: Article, labels: dict[str, Any], babe: frozenset[str]
) -> list[SentenceJudgment]:
    scripts = _scripts(article.text) | {"LATIN"}
    out = []
    for s in result.summary:
        cited = " ".join(
            article.sentences[i - 1].text for i in s.sentence_ids if 0 < i <= len(article.sentences)
        )
        # The headline is the article's own words too, and cannot be cited by number.
        support = f"{article.title or ''}\n{cited or article.text}"
        out.append(judge_sentence(s.text, support, labels, babe, scripts))
    return out


def event_values_foreign(events: Sequence[Event], article: Article) -> int:
    """Event values in a script the article does not use (the model's vocabulary leaking)."""
    scripts = _scripts(article.text) | {"LATIN"}
    count = 0
    for e in events:
        for v in (
            e.actors.actor1,
            e.actors.actor2,
            e.claimed_by,
            e.target,
            e.location.place,
            e.location.country,
            e.reported_by,
            e.stated_motive,
            e.date_text,
        ):
            if v is not None and foreign_script(v.value, scripts):
                count += 1
    return count


__all__ = [
    "EventJudgment",
    "SentenceJudgment",
    "babe_words",
    "event_values_foreign",
    "foreign_script",
    "has",
    "judge_events",
    "judge_sentence",
    "key_facts_found",
    "summary_judgments",
    "unsupported_specifics",
]
