"""An abbreviation is written as the article writes it: "U.S.", never "U. S.".

The embedded model's tokenizer sometimes splits a dotted abbreviation and its summary
says "U. S. Central Command" or "the U. N. Security Council". A wire editor would never
sign that spacing. The letters are closed up where the article writes them so, and only
there (the article's own form wins).
"""

from __future__ import annotations

import re

from ..schema import Check
from .base import Rule, SentenceWork, repaired

# Two to four capital letters, each with its full stop, spaced apart: "U. S.", "D. C.".
_SPACED = re.compile(r"\b(?:[A-Z]\.\s){1,3}[A-Z]\.")


def repair_sentence(work: SentenceWork) -> None:
    def close_up(m: re.Match[str]) -> str:
        closed = re.sub(r"\s", "", m.group(0))
        return closed if closed in work.article.text else m.group(0)

    text = _SPACED.sub(close_up, work.text)
    if text != work.text:
        work.text = text
        message = "closed up a spaced abbreviation as the article writes it"
        work.findings.append(repaired(Check.STRUCTURE, work.where, message))


RULE = Rule("abbreviation_spacing", repair_sentence=repair_sentence)
