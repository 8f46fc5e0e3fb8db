"""An outlet's section label is not part of a summary sentence: "Why it matters: ...".

"Smart brevity" news (Axios, newsletters, live blogs) opens paragraphs with labels:
"Why it matters:", "The big picture:", "Driving the news:". The model copies them into
its summary, and so does the lede filling. The label is layout: a wire summary starts
with what follows it. Runs first, so the later rules read the sentence without it
(the specifics rule would otherwise take "Why" for a name). Labels:
data/language/section_labels.txt.
"""

from __future__ import annotations

import re

from .. import language
from ..schema import Check
from .base import Rule, SentenceWork, repaired

_SECTION_LABEL = re.compile(
    rf"^\s*(?:{language.alternatives('section_labels')})\s*:\s+(?=\S)", re.IGNORECASE
)


def repair_sentence(work: SentenceWork) -> None:
    if m := _SECTION_LABEL.match(work.text):
        rest = work.text[m.end() :]
        work.text = rest[:1].upper() + rest[1:]
        message = f"removed the outlet's section label {m.group(0).strip()!r}"
        work.findings.append(repaired(Check.STRUCTURE, work.where, message))


RULE = Rule("section_label", repair_sentence=repair_sentence)
