"""Neutrality: no unquoted loaded wording in what we write (summary and event fields).

The repair rewrites a summary sentence from the lexicon where a neutral alternative
exists (what has none stays, as an error), and ends a sentence the grammar's length
limit cut off at its last full clause. (An event's actor that is a loaded label is
replaced by the claimant in the responsibility rule, which knows the claimant.)
"""

from __future__ import annotations

import re

from ..checks.lexicon import neutralise
from ..checks.neutrality import check_neutrality
from ..schema import Check, Draft, Finding
from .base import Rule, RuleContext, SentenceWork, repaired

_END = re.compile(r"[.!?…][\"'”’)]*$")


def check(draft: Draft, ctx: RuleContext) -> list[Finding]:
    return check_neutrality(draft)


def complete_sentence(text: str) -> str:
    """A sentence cut off mid-clause (grammar length limit) ends at its last full clause."""
    text = text.strip()
    if not text or _END.search(text):
        return text
    cut = max(text.rfind(", "), text.rfind("; "))
    if cut > len(text) // 3:
        return text[:cut].rstrip() + "."
    return text + "."


def repair_sentence(work: SentenceWork) -> None:
    original = work.text
    text, unrepaired = neutralise(original)
    neutralised = text != original
    whole = complete_sentence(text)
    if whole != text:
        work.findings.append(
            repaired(
                Check.STRUCTURE,
                work.where,
                "the sentence was cut off (length limit); trimmed to its last clause",
            )
        )
        text = whole
    if neutralised:
        work.findings.append(
            repaired(Check.NEUTRALITY, work.where, "replaced loaded wording with neutral terms")
        )
    for term in unrepaired:
        work.findings.append(
            Finding.at(
                check=Check.NEUTRALITY,
                severity="error",
                target=work.where,
                message=f"loaded term {term.text!r} left in (no safe alternative)",
            )
        )
    work.text = text


RULE = Rule("neutrality", check=check, repair_sentence=repair_sentence)
