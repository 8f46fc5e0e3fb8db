"""Well-formedness: a summary sentence a wire editor could sign, by its surface shape.

Our edits (a loaded word deleted, a cut-off sentence trimmed) and the grammar's length
limit can leave a fragment: "... but only after a and deadly exit", "... related to.",
"... over the course of the...". These checks read only the sentence's shape (no parser,
so they run in the base install): terminal punctuation, the last word, a determiner
before a conjunction, balanced quotes and brackets, a capital to start, and a word that
can be a verb. A sentence with
any problem never reaches the output (rules/wellformed.py drops it).
"""

from __future__ import annotations

import itertools
import re

from .. import language

_DANGLING = language.words("dangling_words")
_VERB_FORMS = language.words("verb_forms")
_FUNCTION_WORDS = language.words("stop_words") | language.words("prepositions")
# A regular verb's endings: "killed", "killing", "kills", "fires" (a plural noun has
# them too, so this errs towards reading a word as a verb: only a line with no possible
# verb at all is flagged).
_REGULAR_VERB_ENDING = re.compile(r"(?:ed|ing|[^s']s)$")
_WORD = re.compile(r"[A-Za-z0-9][\w’'-]*")
_END = re.compile(r"[.!?][\"'”’)\]]*$")
_ELLIPSIS = re.compile(r"(\.\s*\.\s*\.|…)[\"'”’)\]]*$")
# A sentence that opens on the tail of an abbreviation ("Y., called the request ...",
# "Va., and Kyrsten Sinema ..."): a sentence splitter cut a name at its full stop.
_ABBREVIATION_TAIL = re.compile(r"^(?:[A-Z]\.){1,3},|^[A-Z][a-z]{0,2}\.,")
_DETERMINER_BEFORE_GAP = re.compile(
    r"\b(?:a|an|the)\s+(?:and|or|but|nor)\b|\b(?:a|an|the)\s*[,;.]", re.I
)
_CONJUNCTION_BEFORE_STOP = re.compile(r"\b(?:and|or|but|nor)\s*[,;.]", re.I)
_REPEATED_WORD = re.compile(r"\b(\w+)\s+\1\b", re.I)
_EMPTY_PAIR = re.compile(r"\"\s*\"|“\s*”|\(\s*\)|‘\s*’")
_STRAY_PUNCTUATION = re.compile(r"\s[,;:]|[,;:]\s*[,;:.]")
# Numbers repeat legitimately ("10 10-year-olds" is rare, "that that" is grammatical).
_REPEAT_ALLOWED = frozenset({"that", "had", "is"})
MIN_WORDS = 4


def problems(text: str) -> list[str]:
    """What makes this sentence a fragment; empty when it reads as a whole sentence."""
    text = text.strip()
    words = _WORD.findall(text)
    found: list[str] = []
    if len(words) < MIN_WORDS:
        found.append(f"fewer than {MIN_WORDS} words")
    if _ELLIPSIS.search(text):
        found.append("ends in an ellipsis (cut off)")
    elif not _END.search(text):
        found.append("no full stop at the end")
    if words and words[-1].lower() in _DANGLING:
        found.append(f"ends on {words[-1]!r}")
    if len(words) >= MIN_WORDS and not _has_possible_verb(words):
        found.append("no verb (a label or a name, not a sentence)")
    if text and not (text[0].isupper() or text[0].isdigit() or text[0] in "\"“‘'("):
        found.append("does not start a sentence")
    elif _ABBREVIATION_TAIL.match(text):
        found.append("starts on the tail of an abbreviation (a name cut in two)")
    for pattern, what in (
        (_DETERMINER_BEFORE_GAP, "a determiner with no noun"),
        (_CONJUNCTION_BEFORE_STOP, "a conjunction with nothing after it"),
        (_EMPTY_PAIR, "empty quotation marks or brackets"),
        (_STRAY_PUNCTUATION, "stray punctuation"),
    ):
        if m := pattern.search(text):
            found.append(f"{what} ({m.group(0).strip()!r})")
    repeated = [m.group(1) for m in _REPEATED_WORD.finditer(text)]
    if any(w.lower() not in _REPEAT_ALLOWED and not w.isdigit() for w in repeated):
        found.append("a word repeated")
    found.extend(_unbalanced(text))
    return found


# A contraction is an auxiliary ("didn't", "I'd", "they've"); "'s" is one after a pronoun.
_AUXILIARY_CONTRACTION = re.compile(r"(?:n't|'d|'ll|'ve|'re|'m)$")
# A subject pronoun has its verb beside it, often a bare regular one ("I cherish").
_SUBJECT_PRONOUNS = frozenset({"i", "we", "you", "they", "he", "she"})
_PRONOUNS_WITH_IS = frozenset({"it", "he", "she", "that", "there", "here", "what", "who", "how"})


# A bare verb ("the rules apply to", "the rebels control the town", "troops withdrew
# from") is a lower-case word with its object or complement after it. Not "of", "for",
# "in", "on", "at": a noun takes those ("ahead of", "a setback for").
_OBJECT_OPENERS = frozenset({"that", "the", "a", "an", "his", "her", "their", "its"}) | (
    language.words("prepositions") - {"of", "for", "in", "on", "at"}
)


def _has_possible_verb(words: list[str]) -> bool:
    if any(map(_possible_verb, words)):
        return True
    return any(
        word.islower() and word not in _FUNCTION_WORDS and following.lower() in _OBJECT_OPENERS
        for word, following in itertools.pairwise(words)
    )


def _possible_verb(word: str) -> bool:
    lowered = word.lower().replace("’", "'")
    if _AUXILIARY_CONTRACTION.search(lowered) or lowered in _SUBJECT_PRONOUNS:
        return True
    if lowered.endswith("'s"):
        return lowered[:-2] in _PRONOUNS_WITH_IS
    if lowered in _VERB_FORMS:
        return True
    # A capitalised word ending in -s is a name or a subject ("Reuters", "Protests in
    # Marseille ..."), hardly ever a finite verb: only lower-case words count by ending.
    return word[:1].islower() and bool(_REGULAR_VERB_ENDING.search(lowered))


def _unbalanced(text: str) -> list[str]:
    out = []
    if text.count("“") != text.count("”") or text.count('"') % 2:
        out.append("unbalanced quotation marks")
    if text.count("(") != text.count(")"):
        out.append("unbalanced brackets")
    return out
