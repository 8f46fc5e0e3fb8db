"""Neutrality: no unquoted loaded wording in what we write (summary and event fields).

The repair rewrites a summary sentence from the lexicon where a neutral alternative
exists (what has none stays, as an error), and ends a sentence the grammar's length
limit cut off at its last full clause. (An event's actor that is a loaded label is
replaced by the claimant in the responsibility rule, which knows the claimant.)
"""

from __future__ import annotations

import re

from .. import language
from ..checks.clauses import trim_before
from ..checks.grounding import cited
from ..checks.lexicon import neutralise
from ..checks.neutrality import check_neutrality
from ..schema import Check, Draft, Finding
from .base import Rule, RuleContext, SentenceWork, repaired

_END = re.compile(r"[.!?…][\"'”’)]*$")


def check(draft: Draft, ctx: RuleContext) -> list[Finding]:
    return check_neutrality(draft)


_ADDED_ITEM = re.compile(r"[,;]\s+(?:as well as|and|or|including|along with|plus)\b")
_COMPOUND_MODIFIER = re.compile(r"\w-[a-z]+$")
_ORPHAN_QUOTE = re.compile(r'(?<=[.!?"”])\s+"$')
MAX_STUB_WORDS = 3


def complete_sentence(text: str) -> str:
    """A sentence cut off mid-clause (grammar length limit) ends at its last full clause:
    cut where a trailing clause opens ("..., which", "..., but"), never at any comma (a
    comma after a compound modifier, "between the Tripoli-based, UN-recognized
    government", leaves "between the Tripoli-based."). With no such clause, the stop is
    added and the sentence's own checks judge what is left."""
    text = text.strip()
    # A quotation mark left alone after the stop, a page's stray ('... office. "'), is no
    # part of the sentence.
    if text.count('"') % 2 and (orphan := _ORPHAN_QUOTE.search(text)):
        text = text[: orphan.start()]
    if not text or _END.search(text):
        return text
    if trimmed := trim_before(text, len(text)):
        return trimmed
    # An item added to a list, cut off: "strikes on the base in Tanf, near Jordan, as
    # well as the" ends at "Jordan".
    added = list(_ADDED_ITEM.finditer(text))
    if added and added[-1].start() > len(text) // 3:
        return text[: added[-1].start()].rstrip() + "."
    # Else at the last comma where what follows it is a stub ("..., killing six
    # civilians, a monitoring" ends at "civilians"): three words at most, or ending on a
    # function word. A longer tail is a clause that lacks only its stop ("An eyewitness
    # who spoke to the paper, claimed that twelve were killed"), and a compound modifier
    # before the comma still waits for its noun ("between the Kel-based, UN-recognised").
    cut: int = max(text.rfind(", "), text.rfind("; "))
    tail = text[cut + 2 :].split() if cut >= 0 else []
    # A tail that ends a list ("Northland, Dara and Kel") is the sentence's own end.
    ends_list = len(tail) >= 2 and tail[-2].casefold() in ("and", "or")
    stub = (len(tail) <= MAX_STUB_WORDS and not ends_list) or (
        bool(tail) and tail[-1].casefold() in language.words("dangling_words")
    )
    if cut > len(text) // 3 and stub and not _COMPOUND_MODIFIER.search(text[:cut]):
        return text[:cut].rstrip() + "."
    return text + "."


# Words a clause cannot end on: a function word, or a conjunction that opens a clause
# whose verb has not come ("officials said that"); not "how", "when", "why", which end
# a clause well ("police did not say how").
_OPENS_A_CLAUSE = frozenset(["that", "which", "because", "than", "whom", "whose"])


def _copied_mid_sentence(text: str, work: SentenceWork) -> bool:
    """Did the model stop copying a cited sentence mid-clause: at a quotation mark inside
    it (a small model stops there, "... to focus on how the plan" before '"lowers costs'),
    or on a word no clause ends on ("... officials said the")?"""
    words = text.split()
    if words and words[-1].casefold() in language.words("dangling_words") | _OPENS_A_CLAUSE:
        return True
    tail = " ".join(words[-4:])
    for source in cited(work.article, work.ids):
        at = source.text.find(tail)
        if at >= 0 and re.match(r"\s*[“\"‘]", source.text[at + len(tail) :]):
            return True
    return False


def repair_sentence(work: SentenceWork) -> None:
    original = work.text
    text, unrepaired = neutralise(original)
    neutralised = text != original
    whole = complete_sentence(text)
    if whole == text.strip() + "." and _copied_mid_sentence(text.strip(), work):
        # No clause to end at, and the article's sentence goes on: what is left is
        # half a clause, never a sentence.
        message = "dropped: it stops mid-sentence where the article's sentence goes on"
        work.findings.append(repaired(Check.STRUCTURE, work.where, message))
        work.dropped = True
        return
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
