"""Fold text to what a reader sees, so that pattern checks cannot be dodged by spelling.

An instruction hidden in an article can be written so that it looks the same to a
reader (and to the model, whose tokenizer often normalises it back) while a plain
regular expression no longer matches it:
- zero-width and other invisible code points inside a word ("ig\u200bnore", a soft hyphen);
- compatibility forms (full-width "ｉｇｎｏｒｅ", ligatures, circled letters);
- look-alike letters from another script (Cyrillic "І" or "о" inside a Latin word).

`fold` undoes all three for matching only; the article and outputs keep their text.
Look-alikes come from the Unicode confusables table as shipped by the maintained
`confusable-homoglyphs` package, never from a hand table.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from confusable_homoglyphs import categories, confusables

# Default-ignorable code points (Unicode's DerivedCoreProperties) are drawn as nothing:
# the format controls (category Cf: zero-width space/joiners, soft hyphen, word joiner,
# BOM, bidi marks, tags) plus the few that are not Cf. Ranges from Unicode 15.
_IGNORABLE_NOT_CF = (
    (0x034F, 0x034F),  # combining grapheme joiner
    (0x115F, 0x1160),  # Hangul fillers
    (0x17B4, 0x17B5),  # Khmer inherent vowels
    (0x180B, 0x180F),  # Mongolian variation selectors
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),  # variation selectors
    (0xFFA0, 0xFFA0),
    (0xE0100, 0xE01EF),  # variation selectors supplement
)
_WORD = re.compile(r"\w+")


def _ignorable(ch: str) -> bool:
    if unicodedata.category(ch) == "Cf":
        return True
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _IGNORABLE_NOT_CF)


@lru_cache(maxsize=4096)
def _latin_lookalike(ch: str) -> str | None:
    """The ASCII letter or digit that `ch` is confusable with, if it has one."""
    if ch.isascii() or categories.alias(ch) == "LATIN":
        return None
    found = confusables.is_confusable(ch, preferred_aliases=["latin"], greedy=True)
    for entry in found or ():
        for glyph in entry["homoglyphs"]:
            twin = str(glyph["c"])
            if twin.isascii() and twin.isalnum():
                return twin
    return None


def _fold_word(word: str) -> str:
    """Latin look-alikes in a word that is a spoof: it mixes scripts ("Іgnore"), or every
    one of its letters has a Latin twin ("рrеvіоus" typed all in Cyrillic look-alikes).

    A genuine word of another script ("игнорируй") keeps its letters, so the checks'
    patterns for other languages still match it.
    """
    if word.isascii():
        return word
    twins = [_latin_lookalike(ch) for ch in word]
    has_latin = any(ch.isascii() and ch.isalpha() for ch in word)
    foreign = [t for ch, t in zip(word, twins, strict=True) if not ch.isascii()]
    if not (has_latin or all(t is not None for t in foreign)):
        return word
    return "".join(t or ch for ch, t in zip(word, twins, strict=True))


def fold(text: str) -> str:
    """NFKC, invisible code points removed, lower-cased, look-alike letters made Latin."""
    if text.isascii():
        return text.lower()
    text = "".join(ch for ch in unicodedata.normalize("NFKC", text) if not _ignorable(ch))
    # Case first: a small Cyrillic "і" has the twin "i", the capital "І" only "l".
    return _WORD.sub(lambda m: _fold_word(m.group()), text.casefold())
