"""Our lexicon of loaded and partisan wording: find terms with spans, tell quoted from not."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .. import language
from ..countries import demonym_pattern
from ..schema import LoadedTerm

# Opening and closing quotation marks we recognise (data/language/quote_marks.txt).
_QUOTE_PAIRS = {pair[0]: pair[1] for pair in language.entries("quote_marks")}
_OPENING = re.compile("[" + "".join(_QUOTE_PAIRS) + "]")


@dataclass(frozen=True)
class LexiconEntry:
    term: str
    category: str
    neutral_alternative: str | None
    pattern: re.Pattern[str]
    first_word: str  # lower-case, for a cheap pre-check


@cache
def load_lexicon() -> tuple[LexiconEntry, ...]:
    """Longest terms first, so 'occupying regime' wins over 'regime'."""
    text = resources.files("summarizer.data").joinpath("loaded_terms.csv").read_text("utf-8")
    entries = []
    for row in csv.DictReader(text.splitlines()):
        term = row["term"].strip()
        # Hyphens and spaces inside a term match either; word boundaries at both ends.
        body = r"[\s-]+".join(re.escape(w) for w in re.split(r"[\s-]+", term))
        # "(?<![\w-])" + body, with the look-behind moved past the first character (same
        # matches): a leading look-behind stops the regex engine skipping ahead to that
        # character, and searching an article for each term took 2-3x as long.
        c = re.escape(term[0])
        pattern = re.compile(rf"{c}(?<![\w-]{c}){body[len(c) :]}(?![\w-])", re.IGNORECASE)
        first = re.split(r"[\s-]+", term)[0].lower()
        entries.append(
            LexiconEntry(term, row["category"], row["neutral_alternative"] or None, pattern, first)
        )
    return tuple(sorted(entries, key=lambda e: -len(e.term)))


@cache
def alternative_words() -> frozenset[str]:
    """Every word of the lexicon's neutral alternatives, lower-case: words we write."""
    return frozenset(
        w.casefold() for e in load_lexicon() for w in (e.neutral_alternative or "").split()
    )


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks (the quote marks included)."""
    ranges: list[tuple[int, int]] = []
    i = 0
    # Jump from one opening mark to the next: a Python loop over every character took
    # ~0.35 ms an article, 25x as long.
    while m := _OPENING.search(text, i):
        i = m.start()
        close = _QUOTE_PAIRS[text[i]]
        # A ‘ that is an apostrophe (letter before it) does not open a quote.
        if not (text[i] == "‘" and i > 0 and text[i - 1].isalpha()):
            j = text.find(close, i + 1)
            if j != -1:
                ranges.append((i, j + 1))
                i = j + 1
                continue
        i += 1
    return ranges


# The physical sense of a lexicon verb ("a bomb ripped through", "small blasts were
# heard"): data/language/literal_verb_contexts.txt.
_LITERAL = language.sections("literal_verb_contexts")
_LITERAL_AFTER = re.compile(rf"^\s+(?:{'|'.join(_LITERAL['after'])})\b", re.IGNORECASE)
_LITERAL_BEFORE = re.compile(rf"\b(?:{'|'.join(_LITERAL['before'])})\s+$", re.IGNORECASE)


_LEGAL_BEFORE = re.compile(
    rf"\b(?:{'|'.join(_LITERAL['legal category before'])})[\s-]+$", re.IGNORECASE
)
_LET_IN_BEFORE = re.compile(rf"\b(?:{'|'.join(_LITERAL['loaded verb before'])})\s+$", re.IGNORECASE)
_LET_IN_AFTER = re.compile(rf"^\s+(?:{'|'.join(_LITERAL['loaded verb after'])})", re.IGNORECASE)


def _literal_use(entry: LexiconEntry, text: str, start: int, end: int) -> bool:
    """An emotive verb used in its physical sense, a loaded verb in its plain one
    ("were admitted to hospital") or an emotive noun as a legal category ("hate
    crimes"): not loaded. Only one-word verbs have one: "tore
    through", "lashed out" are the lexicon's phrases as written."""
    if " " in entry.term:
        return False
    if entry.category == "emotive framing" and _LEGAL_BEFORE.search(text[:start]):
        return True  # "hate crimes": a category of the law
    if entry.category == "loaded verb":
        return bool(_LET_IN_BEFORE.search(text[:start]) or _LET_IN_AFTER.match(text[end:]))
    return entry.category == "emotive verb" and bool(
        _LITERAL_AFTER.match(text[end:]) or _LITERAL_BEFORE.search(text[:start])
    )


# Where a sentence starts: the text's start, or after a stop and a space.
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"'”’)]*\s+)$")


def _in_a_name(entry: LexiconEntry, text: str, start: int) -> bool:
    """A lower-case term written capitalised mid-sentence is part of a name ("the
    Covid-19 Hate Crimes Act", "the Tulsa Race Massacre"): a name is not wording to
    repair, and "Hate actions Act" would be a name that does not exist."""
    return (
        entry.term[:1].islower()
        and text[start : start + 1].isupper()
        and not _SENTENCE_START.search(text[:start])
    )


def find_loaded_terms(text: str, offset: int = 0) -> list[LoadedTerm]:
    """Every lexicon term in `text`, non-overlapping, longest first, in text order."""
    if not text:
        return []
    lowered = text.lower()
    quotes: list[tuple[int, int]] | None = None
    taken: list[tuple[int, int]] = []
    found: list[LoadedTerm] = []
    for entry in load_lexicon():
        # A plain substring test first: most terms are absent, and `in` is far cheaper.
        if entry.first_word not in lowered:
            continue
        for m in entry.pattern.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken) or _literal_use(entry, text, s, e):
                continue
            if _in_a_name(entry, text, s):
                continue
            if quotes is None:
                quotes = quoted_ranges(text)
            taken.append((s, e))
            found.append(
                LoadedTerm(
                    text=m.group(0),
                    start=s + offset,
                    end=e + offset,
                    category=entry.category,
                    neutral_alternative=entry.neutral_alternative,
                    quoted=any(qs <= s and e <= qe for qs, qe in quotes),
                )
            )
    return sorted(found, key=lambda t: t.start)


# An adjective or adverb deleted from a coordination takes its conjunction with it:
# "a chaotic and deadly exit" -> "a deadly exit", never "a and deadly exit".
_CONJUNCTION_AFTER = re.compile(r"^\s*(?:,\s*)?(?:and|or|but)\s+|^\s*,\s+(?=\w)", re.IGNORECASE)
_CONJUNCTION_BEFORE = re.compile(r"\s*(?:,\s*)?\b(?:and|or)\s*$|\s*,\s*$", re.IGNORECASE)
# ... unless what the conjunction joins are nouns, not modifiers: "civilians and innocent
# people" -> "civilians and people", never "civilians people". A plural (not an "-ous"
# adjective), a plural without "s" or a person's or place's name before the conjunction
# is a noun: a given name ("Ali and innocent villagers"), or a capitalised word
# mid-sentence, not after "a", "an" or "the", that is no demonym ("an Islamist and brutal
# regime", "a Northlandian and brutal crackdown" join modifiers).
_NOUN_CONJUNCT = re.compile(
    r"(?:\b[a-z]+[^su\W]s|\b(?:men|women|children|people|police|staff|personnel))\s*$"
)
_LAST_CAPITALISED = re.compile(r"(?:^|(?<=\s))([A-Z][\w'’-]*)\s*$")
_AFTER_AN_ARTICLE = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+[A-Z][\w'’-]*\s*$")
_ADJECTIVE_ENDING = re.compile(r"(?:ian|ean|ese|ish|ist|ic|al|ous|ly|ful|ive|less)$")


def _names_a_noun(before: str) -> bool:
    """Does `before` (the text up to a conjunction) end on a noun: a plural, or a name?"""
    if _NOUN_CONJUNCT.search(before):
        return True
    last = _LAST_CAPITALISED.search(before)
    if last is None or _AFTER_AN_ARTICLE.search(before):
        return False
    word = last.group(1)
    # An adjective's ending or a demonym ("Christian", "Islamist", "Kurdish", "Houthi"):
    # a modifier, whatever its capital.
    if _ADJECTIVE_ENDING.search(word) or re.fullmatch(demonym_pattern(), word):
        return False
    starts = not before[: last.start(1)].strip() or before[: last.start(1)].rstrip()[-1] in ".:;!?"
    if starts:  # a sentence's first word is capitalised anyway: only a given name is one
        return word in language.words("given_names")
    return not word.endswith("i") or word in language.words("given_names")


# What may follow a deletable modifier: a word (the noun or adjective it modified).
_WORD_AFTER = re.compile(r"^\s*[\w\"“‘(-]")
_INDEFINITE = re.compile(r"\b([Aa]n?)\s+$")
_VOWEL_SOUND = re.compile(r"^\s*[aeiouAEIOU]")


_COPULA_BEFORE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|seems?|seemed|remains?|remained|became|becomes|"
    r"looks?|looked)\s+(?:(?:so|very|too|also|not|still|clearly)\s+)?$",
    re.IGNORECASE,
)


# What ends a predicate adjective: the clause's end or a conjunction ("was illegitimate.",
# "was illegitimate and called for"), not a verb it modifies ("were indeed used").
_PREDICATE_END = re.compile(r"^\s*(?:[,.;:!?]|$|(?:and|or|but)\b)", re.IGNORECASE)


def _deletable(term: LoadedTerm) -> bool:
    """Intensifiers and other loaded modifiers ("illegitimate forces", "so-called
    experts"): deleting one leaves the sentence whole."""
    return term.category.endswith(("intensifier", "modifier", "scare quotes"))


def _delete(text: str, start: int, end: int) -> str | None:
    """`text` without the modifier at start:end, or None where deleting it would leave a
    fragment (a predicate adjective: "the attack was brutal.")."""
    before, after = text[:start], text[end:]
    if _COPULA_BEFORE.search(before) and _PREDICATE_END.match(after):
        return None  # a predicate ("the vote was illegitimate and ..."): it is the claim
    if m := _CONJUNCTION_AFTER.match(after):
        after = after[m.end() :]
    elif (
        (m := _CONJUNCTION_BEFORE.search(before))
        and _WORD_AFTER.match(after)
        and not _names_a_noun(before[: m.start()])
    ):
        before = before[: m.start()] + " "
    if not _WORD_AFTER.match(after):
        return None
    following = re.match(r"\s*([\w’'-]+)", after)
    if following and following.group(1).lower() in language.words("dangling_words"):
        return None  # a noun use ("the evil of war"): deleting it leaves "the of war"
    return _agree_article(before.rstrip() + " ", after.lstrip())


def _agree_article(before: str, after: str) -> str:
    """before + after, with "a"/"an" ending `before` agreeing with what now follows it:
    "a massive explosion" -> "an explosion", "a resistance group" -> "an armed group"."""
    if m := _INDEFINITE.search(before):
        article = "an" if _VOWEL_SOUND.match(after) else "a"
        if m.group(1)[0].isupper():
            article = article.capitalize()
        before = before[: m.start(1)] + article + " "
    return before + after


# "said" takes a clause, not an object: a confession verb before a clause ("admitted
# that ...", "admitted he was", "admitted on Tuesday that", "admitted to reporters that":
# "that", a stop or a finite verb within a few words) becomes "said"; before an object or
# a gerund ("admitted the attack", "conceded defeat", "admitted to landing a drone",
# "admitted to the charges") it becomes "acknowledged", never "said to landing".
_CLAUSE_AFTER = re.compile(
    r"^(?:\s*(?:that\b|[,.;:!?]|$)|\s+(?:[\w’'-]+\s+){0,4}?"
    r"(?:that|was|were|is|are|had|has|have|would|will|could|did|should|might|must|can)\b)",
    re.IGNORECASE,
)
_TO_GERUND = re.compile(r"^\s+to\s+(?=\w+ing\b)", re.IGNORECASE)
_TO = re.compile(r"^\s+to(?=\s)", re.IGNORECASE)


def _fitted(replacement: str, after: str) -> tuple[str, str]:
    """The neutral alternative and the text after it, fitted to the construction."""
    if replacement != "said":
        return replacement, after
    if m := _TO_GERUND.match(after):
        return "acknowledged", " " + after[m.end() :]  # "admitted to landing a drone"
    if _CLAUSE_AFTER.match(after):
        return replacement, after  # "admitted (to reporters) that ..."
    return "acknowledged", _TO.sub("", after, count=1)  # "admitted (to) the charges"


def neutralise(text: str) -> tuple[str, list[LoadedTerm]]:
    """Replace unquoted loaded terms that have a neutral alternative; delete intensifiers
    where the sentence stays whole.

    Returns the new text and the terms that could not be repaired safely.
    """
    unrepaired: list[LoadedTerm] = []
    out = text
    # Right to left so earlier offsets stay valid.
    for term in sorted(find_loaded_terms(text), key=lambda t: -t.start):
        if term.quoted:
            continue
        if term.neutral_alternative:
            replacement, after = _fitted(term.neutral_alternative, out[term.end :])
            if term.text[:1].isupper() and _SENTENCE_START.search(out[: term.start]):
                replacement = replacement[:1].upper() + replacement[1:]
            out = _agree_article(out[: term.start], replacement + after)
            continue
        deleted = _delete(out, term.start, term.end) if _deletable(term) else None
        if deleted is None:
            unrepaired.append(term)
            continue
        out = deleted
    out = re.sub(r"\s{2,}", " ", out).replace(" ,", ",").replace(" .", ".").strip()
    if out and out[0].islower() and text[:1].isupper():
        out = out[0].upper() + out[1:]
    return out, unrepaired
