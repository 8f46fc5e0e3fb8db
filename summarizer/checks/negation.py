"""Negation words, read one way everywhere (data/language/negation_words.txt).

"not", "no", "never" are whole words; only "n't" leans on the word before it
("didn't"). A pattern that let every negation attach to a word would read "governor",
"Filipino" and "donor" as negated.
"""

from __future__ import annotations

import re

from .. import language

_ENTRIES = language.entries("negation_words")
_ATTACHED = tuple(e for e in _ENTRIES if e.startswith("n["))  # "n't", "n’t"
_WHOLE = tuple(e for e in _ENTRIES if e not in _ATTACHED)

NEGATION = re.compile(
    rf"\b(?:{'|'.join(_WHOLE)})\b" + (rf"|(?<=\w)(?:{'|'.join(_ATTACHED)})\b" if _ATTACHED else ""),
    re.IGNORECASE,
)
# A negation up to three words before a point: "no group has yet [claimed]".
NEGATED_BEFORE = re.compile(rf"(?:{NEGATION.pattern})(?:\s+\w+){{0,3}}\s*$", re.IGNORECASE)

__all__ = ["NEGATED_BEFORE", "NEGATION"]
