"""A dateline is not part of a summary sentence: "WASHINGTON — The threat from ...".

Wire and newspaper stories open on the place they were filed from, in capitals, with
the agency in brackets and a dash: "KABUL, Afghanistan (AP) — ", "NEW YORK (Reuters) - ".
The model copies it into its summary, and so does the lede filling. It is layout, and
where the story was filed is not where anything happened: a wire summary starts with
the sentence after it. The rest must start as a sentence does (a capital), so a
subject in capitals with a dash aside ("NATO — the alliance — said") is left alone.
"""

from __future__ import annotations

import re

from ..schema import Check
from .base import Rule, SentenceWork, repaired

_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*"  # the place, in capitals
    r"(?:,\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)?"  # ", Afghanistan"
    r"(?:\s+\([A-Za-z .-]+\))?"  # "(AP)"
    r"\s*(?:—|–|--?)\s+(?=[A-Z\"“‘])"
)


def repair_sentence(work: SentenceWork) -> None:
    if m := _DATELINE.match(work.text):
        work.text = work.text[m.end() :]
        message = f"removed the dateline {m.group(0).strip()!r}"
        work.findings.append(repaired(Check.STRUCTURE, work.where, message))


RULE = Rule("dateline", repair_sentence=repair_sentence)
