"""Attribution: who claims, confirms or alleges is kept, in events and in the summary."""

from __future__ import annotations

import re

from .. import language
from ..article import Article
from ..schema import Check, Draft, EventTarget, Finding, Responsibility, SummaryTarget
from .grounding import cited, event_ids
from .negation import NEGATED_BEFORE

# Who claims, confirms or alleges, and words that attribute a statement to a speaker
# (in an article sentence or in ours): word lists in summarizer/data/language/.
CLAIM = language.any_word("claim_responsibility")
CONFIRM = language.any_word("confirm_words")
ALLEGE = language.any_word("allege_words")
SPEECH = language.any_word("speech_words")


def claims_responsibility(text: str) -> bool:
    """Someone in `text` claims responsibility; a negated claim ("no group has claimed
    responsibility", a negation up to three words before) is none."""
    return any(
        not NEGATED_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
        for m in CLAIM.finditer(text)
    )


# Between a claim's subject and its verb: "has", "later" ("X has since claimed").
_BEFORE_VERB = re.compile(r"(?:\s+(?:has|have|had|later|also|quickly|swiftly|since|yet))+$", re.I)
# The words of a name: capitalised words, the small words inside names ("Movement for
# Justice and Equality", "Jaish al-Dara"), and a group's kind after its name ("the Dara
# Front group"). A lower-case verb or phrase ends it ("Police said the X", "X in a
# statement", "X denied") and leaves no name.
_NAME_WORD = re.compile(r"^(?:[A-Z][\w’'.-]*|al-[\w’'-]+|of|for|and|the|al|el|de|del)$")
_GROUP_KINDS = frozenset(
    "group movement militia faction organisation organization network brigade brigades".split()  # noqa: SIM905
)
_CONNECTORS = frozenset({"of", "for", "and", "the", "al", "el", "de", "del"})
# A capitalised pronoun or determiner opening a sentence is no name ("It claimed ...").
_PRONOUN = re.compile(r"^(?:It|They|He|She|We|This|That|These|Those|Who|Which|A|An)$")
# A capitalised word that opens a sentence's adverbial, never a name: "On Monday the
# Dara Front claimed ..." -> "Dara Front".
_NOT_IN_NAME = re.compile(
    r"^(?:On|In|At|By|Late|Early|Earlier|Later|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|"
    r"November|December)$"
)


def claimant_in(sentence: str) -> str | None:
    """The named subject of a claim of responsibility: "Jaish al-Dara claimed
    responsibility for the attack" -> "Jaish al-Dara"; None for a pronoun, a negated
    claim, or a subject that is no name or not right before the verb ("Police said the
    Dara Front claimed" -> "Dara Front"; "the Front in a statement claimed" -> None)."""
    for m in CLAIM.finditer(sentence):
        before = sentence[: m.start()]
        if NEGATED_BEFORE.search(before[-40:]):
            continue
        words = _BEFORE_VERB.sub("", before.rstrip()).split()
        kind = words.pop() if words and words[-1].lower() in _GROUP_KINDS else None
        name: list[str] = []
        while words and _NAME_WORD.match(words[-1]) and not _NOT_IN_NAME.match(words[-1]):
            name.insert(0, words.pop())
        while name and name[0].lower() in _CONNECTORS:
            name.pop(0)  # "the", "and" open no name
        if name and len(name) <= 8 and name[0][:1].isupper() and not _PRONOUN.match(name[0]):
            return " ".join([*name, kind] if kind else name)
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
