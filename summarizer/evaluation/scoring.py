"""Pure scoring functions: one system output (a SummaryResult) against one labelled case.

Built so that gaming them does not pay:
- events: one-to-one alignment, so repeating an event earns one match and, where the
  labels are complete, a false positive for each copy;
- evidence is re-read from the article at the stated offsets: a span whose text does
  not match the article supports nothing;
- key facts are looked for only in the first MAX_SUMMARY_WORDS words, so pasting the
  whole article does not find them all;
- a loaded term counts as leaked unless it is inside quotation marks (reported speech).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from ..checks.grounding import MIN_SUPPORT, support
from ..checks.lexicon import find_loaded_terms, quoted_ranges
from ..schema import Event, GroundedValue, Span, SummaryResult

MAX_SUMMARY_WORDS = 120
FUZZY_RATIO = 88  # rapidfuzz ratio at or above which two names are the same spelling
EVENT_FIELDS = (
    "event_type",
    "sub_event_type",
    "actor1",
    "target",
    "location",
    "country",
    "fatalities",
    "responsibility",
)
_WORD_NUMBERS = {
    "zero": 0,
    "no": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_STOP = {"the", "a", "an", "of"}


# --------------------------------------------------------------------------- matching
def normalise(value: str) -> str:
    """Casefold, 'U.S.' -> 'us', punctuation and hyphens to spaces, articles dropped."""
    text = value.casefold().replace("’", "'")
    text = re.sub(r"\b([a-z])\.(?=[a-z]\.)", r"\1", text)  # u.s. -> us.
    text = re.sub(r"[^\w\s']|_", " ", text).replace("'s ", " ").replace("'", "")
    return " ".join(w for w in text.split() if w not in _STOP)


def value_matches(pred: str | None, gold: Sequence[str] | None) -> bool:
    """Same entity: exact after normalising, a close spelling, or one name inside the other
    where the shorter has at least half the words (so 'Iraq' is not 'Islamic Resistance in
    Iraq', but 'al-Tanf' is 'al-Tanf region')."""
    if not pred or not gold:
        return False
    p = normalise(pred)
    if not p:
        return False
    for alias in gold:
        g = normalise(alias)
        if not g:
            continue
        if p == g or fuzz.ratio(p, g) >= FUZZY_RATIO:
            return True
        pw, gw = p.split(), g.split()
        short, long_ = (pw, gw) if len(pw) <= len(gw) else (gw, pw)
        if set(short) <= set(long_) and len(short) / len(long_) >= 0.5:
            return True
    return False


def _gv(value: GroundedValue | None) -> str | None:
    return value.value if value else None


def event_values(event: Event) -> dict[str, Any]:
    return {
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": _gv(event.actors.actor1) or _gv(event.claimed_by),
        "target": _gv(event.target),
        "location": _gv(event.location.place),
        "country": _gv(event.location.country),
        "fatalities": event.fatalities,
        "responsibility": event.responsibility,
    }


def field_correct(name: str, pred: dict[str, Any], gold: dict[str, Any]) -> bool | None:
    """True/False, or None when the label does not score this field."""
    g = gold.get(name)
    if name in ("event_type", "sub_event_type", "responsibility"):
        return pred.get(name) == g
    if name == "fatalities":
        # null gold = the article gives no firm figure: a model figure is then wrong.
        allowed = g if isinstance(g, list) else [g]
        return pred.get(name) in allowed
    if g is None:
        return None
    return value_matches(pred.get(name), g)


# --------------------------------------------------------------------------- events
def pair_score(pred: dict[str, Any], gold: dict[str, Any]) -> float:
    """How well a predicted event fits a gold one; 0 when they cannot be the same."""
    type_score = (
        1.0
        if pred["sub_event_type"] == gold["sub_event_type"]
        else (0.5 if pred["event_type"] == gold["event_type"] else 0.0)
    )
    scored = [f for f in ("location", "target", "actor1") if gold.get(f)]
    if not scored:
        return type_score if type_score >= 0.5 else 0.0
    hits = sum(bool(value_matches(pred.get(f), gold[f])) for f in scored)
    if hits == 0:
        return 0.0
    return 0.3 * type_score + 0.7 * hits / len(scored)


def align_events(
    pred: Sequence[dict[str, Any]], gold: Sequence[dict[str, Any]]
) -> list[tuple[int, int, float]]:
    """Greedy one-to-one alignment on pair_score (best pairs first); ties by order."""
    pairs = sorted(
        ((pair_score(p, g), i, j) for i, p in enumerate(pred) for j, g in enumerate(gold)),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for score, i, j in pairs:
        if score <= 0 or i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j, score))
    return sorted(out, key=lambda t: t[1])


def event_f1(
    pred: Sequence[dict[str, Any]], gold: Sequence[dict[str, Any]], complete: bool = True
) -> dict[str, Any]:
    """tp/fp/fn and P/R/F1 for one case. Where the labels are not complete, unmatched
    predictions are not counted as false positives (they may be unlabelled events)."""
    aligned = align_events(pred, gold)
    tp = len(aligned)
    fn = len(gold) - tp
    fp = len(pred) - tp if complete else 0
    precision = tp / (tp + fp) if tp + fp else (1.0 if not gold else 0.0)
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "aligned": aligned,
    }


def micro_f1(counts: Iterable[dict[str, Any]]) -> dict[str, float]:
    tp = fp = fn = 0
    for c in counts:
        tp, fp, fn = tp + c["tp"], fp + c["fp"], fn + c["fn"]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def field_accuracy(
    pred: Sequence[dict[str, Any]],
    gold: Sequence[dict[str, Any]],
    aligned: Sequence[tuple[int, int, float]],
) -> dict[str, list[int]]:
    """Per field [correct, scored] over the aligned pairs."""
    out = {name: [0, 0] for name in EVENT_FIELDS}
    for i, j, _ in aligned:
        for name in EVENT_FIELDS:
            ok = field_correct(name, pred[i], gold[j])
            if ok is None:
                continue
            out[name][1] += 1
            out[name][0] += int(ok)
    return out


# --------------------------------------------------------------------------- summary
def capped(text: str, words: int = MAX_SUMMARY_WORDS) -> str:
    return " ".join(text.split()[:words])


def key_fact_recall(summary: str, key_facts: Sequence[dict[str, Any]]) -> float | None:
    """Share of key facts whose wording (any alias) occurs in the capped summary."""
    if not key_facts:
        return None
    text = normalise(capped(summary))
    found = 0
    for fact in key_facts:
        if any(normalise(a) and f" {normalise(a)}" in f" {text}" for a in fact["any"]):
            found += 1
    return found / len(key_facts)


def forbidden_hits(summary: str, forbidden: Sequence[str]) -> list[str]:
    """Forbidden phrases present outside quotation marks."""
    quotes = quoted_ranges(summary)
    hits = []
    for phrase in forbidden:
        for m in re.finditer(rf"(?<!\w){re.escape(phrase)}", summary, re.IGNORECASE):
            if not any(qs <= m.start() and m.end() <= qe for qs, qe in quotes):
                hits.append(phrase)
                break
    return hits


def our_loaded_terms(text: str) -> list[str]:
    return [t.text for t in find_loaded_terms(text) if not t.quoted]


@cache
def _babe_pattern(path: str) -> re.Pattern[str] | None:
    p = Path(path)
    if not p.is_file():
        return None
    words = [w.strip() for w in p.read_text("utf-8").splitlines() if w.strip()]
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def babe_loaded_terms(text: str, lexicon_path: str | Path) -> list[str] | None:
    """Unquoted words of the BABE bias lexicon (an outside judge); None if not available."""
    pattern = _babe_pattern(str(lexicon_path))
    if pattern is None:
        return None
    quotes = quoted_ranges(text)
    return [
        m.group(0)
        for m in pattern.finditer(text)
        if not any(qs <= m.start() and m.end() <= qe for qs, qe in quotes)
    ]


def loaded_term_leakage(found_per_summary: Sequence[Sequence[str] | None]) -> float | None:
    """Share of summaries with at least one unquoted loaded term."""
    scored = [f for f in found_per_summary if f is not None]
    if not scored:
        return None
    return sum(1 for f in scored if f) / len(scored)


_ROUGE = None


def rouge_l(summary: str, reference: str | None) -> float | None:
    """ROUGE-L F1 vs the reference; None without a reference or without the `eval` extra
    (ROUGE is reported, not gated, so the gate still runs where rouge-score is absent)."""
    if not reference or not summary.strip():
        return None if not reference else 0.0
    global _ROUGE
    if _ROUGE is None:
        try:
            from rouge_score import rouge_scorer
        except ImportError:
            return None
        _ROUGE = rouge_scorer.RougeScorer(["rougeL"], use_stemmer=True)
    return float(_ROUGE.score(reference, summary)["rougeL"].fmeasure)


# --------------------------------------------------------------------------- grounding
def span_valid(span: Span, article_text: str) -> bool:
    return 0 <= span.start < span.end <= len(article_text) and (
        article_text[span.start : span.end] == span.text
    )


def _evidence_text(spans: Sequence[Span], article_text: str) -> str | None:
    if not spans or not all(span_valid(s, article_text) for s in spans):
        return None
    return " ".join(s.text for s in spans)


def value_supported(value: GroundedValue, article_text: str) -> bool:
    evidence = _evidence_text(value.evidence, article_text)
    if evidence is None:
        return False
    v, e = normalise(value.value), normalise(evidence)
    return bool(v) and (v in e or fuzz.partial_ratio(v, e) >= 90)


def count_supported(value: int | None, evidence: str) -> bool:
    if value is None:
        return True
    numbers = {int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", evidence)}
    words = {
        _WORD_NUMBERS[w] for w in re.findall(r"[a-z]+", evidence.lower()) if w in _WORD_NUMBERS
    }
    return value in numbers | words


def grounding(result: SummaryResult, article_text: str) -> dict[str, int]:
    """Summary sentences and event fields whose evidence, re-read from the article,
    really supports them."""
    sentences_ok = sentences = fields_ok = fields = 0
    for sent in result.summary:
        sentences += 1
        evidence = _evidence_text(sent.evidence, article_text)
        if evidence is not None and support(sent.text, evidence) >= MIN_SUPPORT:
            sentences_ok += 1
    for event in result.events:
        values = [
            event.actors.actor1,
            event.actors.actor2,
            event.claimed_by,
            event.target,
            event.location.place,
            event.location.country,
            event.date_text,
            event.reported_by,
            event.stated_motive,
        ]
        for value in values:
            if value is None:
                continue
            fields += 1
            fields_ok += int(value_supported(value, article_text))
        for count in (event.fatalities, event.injuries):
            if count is None:
                continue
            fields += 1
            evidence = _evidence_text(event.evidence, article_text) or ""
            fields_ok += int(count_supported(count, evidence))
    return {
        "sentences": sentences,
        "sentences_supported": sentences_ok,
        "fields": fields,
        "fields_supported": fields_ok,
    }


def grounding_rate(g: dict[str, int]) -> float | None:
    total = g["sentences"] + g["fields"]
    return (g["sentences_supported"] + g["fields_supported"]) / total if total else None


def unsupported_sentence_rate(g: dict[str, int]) -> float | None:
    if not g["sentences"]:
        return None
    return 1 - g["sentences_supported"] / g["sentences"]


# --------------------------------------------------------------------------- one case
def score_case(
    result: SummaryResult, case: dict[str, Any], babe_lexicon: str | Path | None = None
) -> dict[str, Any]:
    """Every per-case metric for one output; aggregation is the runner's job."""
    article_text = case["article"]["text"]
    summary = result.summary_text
    pred = [event_values(e) for e in result.events]
    gold = case["gold_events"]
    ev = event_f1(pred, gold, complete=case.get("events_complete", True))
    g = grounding(result, article_text)
    ours = our_loaded_terms(summary)
    babe = babe_loaded_terms(summary, babe_lexicon) if babe_lexicon else None
    return {
        "event": {k: v for k, v in ev.items() if k != "aligned"},
        "aligned": [[i, j] for i, j, _ in ev["aligned"]],
        "fields": field_accuracy(pred, gold, ev["aligned"]),
        "loaded_terms": ours,
        "babe_terms": babe,
        "key_fact_recall": key_fact_recall(summary, case.get("key_facts", [])),
        "forbidden": forbidden_hits(summary, case.get("forbidden", [])),
        "grounding": g,
        "grounding_rate": grounding_rate(g),
        "unsupported_sentence_rate": unsupported_sentence_rate(g),
        "rouge_l": rouge_l(summary, case.get("reference_summary")),
    }
