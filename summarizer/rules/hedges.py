"""Hedges: a charge stays a charge in the summary.

News states an accusation with its hedge until a court rules ("X was charged with the
murder of ..."). A small model drops the hedge and writes the act as fact ("The murder
was carried out by X"): the sentence then says what the article does not. A summary
sentence whose cited sentences carry a legal hedge (data/language/legal_hedges.txt)
must keep one, or a speaker; otherwise it is dropped, with a finding.
"""

from __future__ import annotations

from .. import language
from ..checks.attribution import SPEECH
from ..checks.grounding import cited
from ..schema import Check
from .base import Rule, SentenceWork, repaired

HEDGE = language.any_word("legal_hedges")


def repair_sentence(work: SentenceWork) -> None:
    evidence = " ".join(s.text for s in cited(work.article, work.ids))
    if not HEDGE.search(evidence) or HEDGE.search(work.text) or SPEECH.search(work.text):
        return
    message = "dropped: its sentences state a charge or suspicion, and it states it as fact"
    work.findings.append(repaired(Check.ATTRIBUTION, work.where, message))
    work.dropped = True


RULE = Rule("hedges", repair_sentence=repair_sentence)
