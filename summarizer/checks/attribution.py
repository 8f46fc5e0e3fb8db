"""Attribution: who claims, confirms or alleges is kept, in events and in the summary."""

from __future__ import annotations

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


def expected_responsibility(evidence: str) -> Responsibility | None:
    if CLAIM.search(evidence):
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
