"""Hedges: a charge stays a charge in the summary.

News states an accusation with its hedge until a court rules ("X was charged with the
murder of ..."). A small model drops the hedge and writes the act as fact ("The murder
was carried out by X"): the sentence then says what the article does not. A summary
sentence whose cited sentences carry a legal hedge (data/language/legal_hedges.txt)
must keep one, or a speaker; otherwise it is dropped, with a finding. So is one that
states as fact what its sentences give as someone's view ("what he views as attempts to
cancel him").
"""

from __future__ import annotations

import re

from .. import language
from ..checks.attribution import SPEECH
from ..checks.grounding import cited
from ..schema import Check
from .base import Rule, SentenceWork, repaired

HEDGE = language.any_word("legal_hedges")
# A view told as someone's: "lashed out at what he views as attempts to cancel him",
# "what critics call a power grab". The thing viewed is the viewer's word for it; a
# sentence that states it (its first two words after the hedge) without the hedge makes
# the view a fact.
_VIEWED_AS = re.compile(
    r"\bwhat\s+(?:[\w’'-]+\s+){1,3}?"
    r"(?:(?:views?|viewed|sees?|saw|describes?|described|regards?|regarded|perceives?|"
    r"perceived)\s+as|considers?|considered|calls?|called|terms?|termed|dubs?|dubbed)\s+"
    r"(?P<thing>(?:an?\s+|the\s+)?[\w’'-]+\s+[\w’'-]+)",
    re.IGNORECASE,
)
_KEEPS_VIEW = re.compile(
    r"\b(?:views?|viewed|sees?|saw|calls?|called|describes?|described|considers?|regards?|"
    r"perceives?|terms?|termed|dubs?|dubbed)\b",
    re.IGNORECASE,
)


def _view_as_fact(text: str, evidence: str) -> str | None:
    """The viewed thing a sentence states without its viewer's hedge, if any."""
    if _KEEPS_VIEW.search(text) or SPEECH.search(text):
        return None
    for m in _VIEWED_AS.finditer(evidence):
        thing = re.sub(r"^(?:an?|the)\s+", "", m.group("thing"), flags=re.IGNORECASE)
        # Ending on a content word: "attack on" or "in the" names no view to state as
        # fact; "its largest" does ("what officials call its largest exercise").
        words = thing.split()
        stop = language.words("stop_words")
        if words[-1].casefold() in stop or all(w.casefold() in stop for w in words):
            continue
        if re.search(rf"\b{re.escape(thing)}\b", text, re.IGNORECASE):
            return thing
    return None


def repair_sentence(work: SentenceWork) -> None:
    evidence = " ".join(s.text for s in cited(work.article, work.ids))
    if thing := _view_as_fact(work.text, evidence):
        message = f"dropped: its sentences give {thing!r} as someone's view; it states it as fact"
        work.findings.append(repaired(Check.ATTRIBUTION, work.where, message))
        work.dropped = True
        return
    if not HEDGE.search(evidence) or HEDGE.search(work.text) or SPEECH.search(work.text):
        return
    message = "dropped: its sentences state a charge or suspicion, and it states it as fact"
    work.findings.append(repaired(Check.ATTRIBUTION, work.where, message))
    work.dropped = True


RULE = Rule("hedges", repair_sentence=repair_sentence)
