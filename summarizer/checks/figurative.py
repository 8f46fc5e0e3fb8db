"""Violence words used figuratively, blanked out before a text is read for incidents.

Politics, business and sport borrow the words of war: "a partisan battle", "the senator
attacked the bill", "teachers went on strike", "booster shots", "anti-drone systems".
None reports an incident. The phrases are patterns in data/language/figurative_uses.txt;
`literal` replaces each with spaces, so offsets into the text stay valid.
Measured from outside (evals/figurative_check.py): of 4,670 sentences of US political
news (AllSides 2021), 658 hold an incident word and 547 after blanking; of the 432 CASE
2021 snippets with one, only 3 lose it, all of distractor types outside ACLED (two
NATURAL_DISASTER, one DIPLO: a Security Council statement on missile tests).
"""

from __future__ import annotations

from .. import language

_FIGURATIVE = language.any_word("figurative_uses")
# Web copy puts no-break and thin spaces between words ("deaths attributed to\xa0coronavirus");
# the patterns are written with plain spaces. One character for one: offsets hold.
_SPACES = str.maketrans(dict.fromkeys("\u00a0\u2007\u2009\u200a\u202f", " "))


def literal(text: str) -> str:
    """The text with its figurative uses of violence words blanked out (same length)."""
    return _FIGURATIVE.sub(lambda m: " " * len(m.group(0)), text.translate(_SPACES))
