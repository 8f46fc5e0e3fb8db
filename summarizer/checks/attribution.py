"""Attribution: who claims, confirms or alleges is kept, in events and in the summary."""

from __future__ import annotations

import re

from .. import language
from ..article import Article
from ..schema import Check, Draft, EventTarget, Finding, Responsibility, SummaryTarget
from .grounding import cited, event_ids

# Who claims, confirms or alleges, and words that attribute a statement to a speaker
# (in an article sentence or in ours): word lists in summarizer/data/language/.
CLAIM = language.any_word("claim_responsibility")
CONFIRM = language.any_word("confirm_words")
ALLEGE = language.any_word("allege_words")
SPEECH = language.any_word("speech_words")


# "No group claimed responsibility", "has not yet claimed responsibility": a negation
# a few words before the claim words says nobody claimed (data/language/negation_words.txt).
_NEGATED_BEFORE = re.compile(
    rf"(?:\b|(?<=\w))(?:{language.alternatives('negation_words')})\b(?:\s+\w+){{0,3}}\s*$",
    re.IGNORECASE,
)


def claims_responsibility(text: str) -> bool:
    """Someone in `text` claims responsibility; a negated claim ("no group has claimed
    responsibility") is none."""
    return any(
        not _NEGATED_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
        for m in CLAIM.finditer(text)
    )


# Where a claim's subject starts: the clause's opening ("In a statement, the group ...",
# "... and the Northern Front claimed"), and the words between subject and verb ("has", "later").
_CLAUSE_START = re.compile(r".*(?:[,;:(\u2014\u2013]|\b(?:and|but|while|after|as)\b)\s*", re.S)
_BEFORE_VERB = re.compile(r"(?:\s+(?:has|have|had|later|also|quickly|swiftly|since|yet))+$", re.I)
# A pronoun, a negation or an indefinite ("A little-known group ...") is no name.
_NOT_A_NAME = re.compile(r"^(?:it|they|he|she|who|which|that|this|no|nobody|none|an?)\b", re.I)


def claimant_in(sentence: str) -> str | None:
    """The named subject of a claim of responsibility: "Jaish al-Dara claimed
    responsibility for the attack" -> "Jaish al-Dara"; None for a pronoun, a
    negated claim or a subject that is no name (no capitalised word)."""
    for m in CLAIM.finditer(sentence):
        before = sentence[: m.start()]
        if _NEGATED_BEFORE.search(before[-40:]):
            continue
        subject = _BEFORE_VERB.sub("", _CLAUSE_START.sub("", before, count=1).strip())
        subject = re.sub(r"^(?:the)\s+", "", subject, flags=re.I)
        words = subject.split()
        if 0 < len(words) <= 8 and words[0][:1].isupper() and not _NOT_A_NAME.match(subject):
            return subject
    return None


def expected_responsibility(evidence: str) -> Responsibility | None:
    if claims_responsibility(evidence):
        return "claimed"
    if CONFIRM.search(evidence):
        return "confirmed"
    if ALLEGE.search(evidence):
        return "alleged"
    return None


def check_attribution(
    draft: Draft, article: Article, ids_of: list[tuple[list[int], bool]] | None = None
) -> list[Finding]:
    """`ids_of`: `event_ids` of each event, when the caller has them already."""
    findings: list[Finding] = []
    for k, ev in enumerate(draft.events):
        where = EventTarget(k, ("responsibility",))
        ids = ids_of[k][0] if ids_of is not None else event_ids(ev, article)[0]
        evidence = " ".join(s.text for s in cited(article, ids))
        expected = expected_responsibility(evidence)
        if ev.responsibility == "claimed" and not ev.claimed_by:
            findings.append(
                Finding.numbered(
                    check=Check.ATTRIBUTION,
                    severity="error",
                    target=where,
                    detail="resp is 'claimed' but 'by' is empty; name who claimed it",
                )
            )
        if expected and ev.responsibility != expected:
            findings.append(
                Finding.numbered(
                    check=Check.ATTRIBUTION,
                    severity="error",
                    target=where,
                    detail=f"the cited sentences say responsibility was {expected}"
                    f" (not {ev.responsibility!r}); set resp '{expected}'"
                    + (" and 'by' to who claimed it" if expected == "claimed" else ""),
                )
            )
        elif ev.responsibility in ("claimed", "confirmed", "alleged") and not expected:
            findings.append(
                Finding.numbered(
                    check=Check.ATTRIBUTION,
                    severity="warning",
                    target=where,
                    detail=f"responsibility {ev.responsibility!r} but the cited sentences hold "
                    "no such statement",
                )
            )
    for k, sent in enumerate(draft.summary):
        sources = cited(article, sent.ids)
        attributed = [s.id for s in sources if SPEECH.search(s.text)]
        if attributed and len(attributed) == len(sources) and not SPEECH.search(sent.text):
            findings.append(
                Finding.at(
                    check=Check.ATTRIBUTION,
                    severity="error",
                    target=SummaryTarget(k),
                    message=f"summary sentence {k + 1} restates what sentence(s) {attributed} "
                    "attribute to a speaker; say who said or claimed it",
                )
            )
    return findings
