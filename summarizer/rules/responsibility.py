"""Responsibility: who claims, confirms or alleges is kept, as the article states it.

The check also asks that a summary sentence resting only on attributed sentences says
who said it (`checks/attribution.py`). The repair sets the responsibility the cited
sentences state; a "claimed" or "alleged" nobody in the article states becomes
"unknown" ("confirmed" where the cited sentences have a state's armed or defence body,
the doer, tell of its own air strike), and so does a "claimed" whose claimant no
sentence has claim anything; a claim's claimant comes from actor1 when the claim
sentence names it, else from the claim sentence's named subject ("X claimed
responsibility"); and a claimed attack's actor that is a loaded label becomes the
claimant (a neutrality finding: the label is what it repairs).
"""

from __future__ import annotations

import re

from .. import language
from ..article import Article
from ..checks.attribution import (
    ALLEGE,
    CLAIM,
    check_attribution,
    claimant_in,
    claims_responsibility,
    expected_responsibility,
)
from ..checks.clauses import verb_after_name
from ..checks.grounding import cited
from ..checks.lexicon import find_loaded_terms
from ..countries import country_mentions
from ..schema import Check, Draft, Finding, Responsibility
from .base import EventWork, Rule, RuleContext, repaired


def check(draft: Draft, ctx: RuleContext) -> list[Finding]:
    return check_attribution(draft, ctx.article, ctx.event_ids)


# What must occur somewhere in the article for a responsibility to stand. Not
# "confirmed": an actor reporting its own action ("police said they arrested") confirms
# it in words no pattern separates from any other statement.
_STATED = {
    "claimed": language.any_word("claim_mentions"),
    "alleged": ALLEGE,
}


def _lines(article: Article) -> list[str]:
    return [article.title or "", *(s.text for s in article.sentences)]


def _mentions_claim(line: str) -> bool:
    """A claim mention, not a claim denied ("No group has claimed responsibility")."""
    return bool(_STATED["claimed"].search(line)) and (
        not CLAIM.search(line) or claims_responsibility(line)
    )


def _stated_anywhere(responsibility: str, article: Article) -> bool:
    if responsibility == "claimed":
        return any(_mentions_claim(line) for line in _lines(article))
    pattern = _STATED.get(responsibility)
    return pattern is None or bool(pattern.search(f"{article.title or ''}\n{article.text}"))


def _claims_somewhere(claimant: str, article: Article) -> bool:
    """Some sentence (or the headline) names the claimant with a claim word."""
    # By its name's capitalised words ("Islamic State group" claims as "Islamic State"),
    # else by its words.
    words = [w for w in claimant.split() if w[:1].isupper() and w not in ("The", "A", "An")]
    words = words or claimant.split()
    return any(
        all(w.casefold() in line.casefold() for w in words) and _mentions_claim(line)
        for line in _lines(article)
    )


# A state's forces announce their own air strikes ("the command determined that its drone
# strike killed ..."): where nobody claims, the doer's own account is its confirmation.
# Only a state or armed body (a monitor or a rights group reports strikes it did not
# fly), telling of the strike itself (not "said it was investigating"), not denying it.
_TELLS = re.compile(
    verb_after_name(
        "said|says|announced|stated|reported|determined|concluded|found|confirmed|acknowledged"
    )
    + r"(?P<told>[^;]*)",
    re.IGNORECASE,
)
_STRIKE_WORDS = re.compile(r"\b(?:strikes?|struck|airstrikes?|bomb(?:ed|ing)|raids?)\b", re.I)
_ARMED = language.sections("armed_forces")
_STATE_BODY = re.compile(
    rf"\b(?:{'|'.join(_ARMED['bodies only'] + _ARMED['state bodies'])})\b", re.IGNORECASE
)
_DENIED = re.compile(r"\b(?:not|no|never|denied|denies|false)\b", re.IGNORECASE)


def _tells_own_act(work: EventWork) -> bool:
    """The record's doer, a state or its armed or defence body, tells of the air strike in its
    cited sentences ("X has determined that the drone strike killed ...")."""
    actor = (work.actor1 or "").strip()
    if work.sub_event_type != "Air/drone strike" or not (
        _STATE_BODY.search(actor) or country_mentions(actor)
    ):
        return False
    # Spacing as the model wrote it may differ ("U. S. Central Command").
    name = re.compile(r"\s*".join(map(re.escape, actor.split())), re.IGNORECASE)
    for text in (s.text for s in cited(work.article, work.ids)):
        for m in name.finditer(text):
            told = _TELLS.match(text[m.end() :])
            what = told["told"] if told else ""
            strike = _STRIKE_WORDS.search(what)
            # Denied: a negation between the verb and the strike ("said it had not ...").
            if strike and not _DENIED.search(what[: strike.start()]):
                return True
    return False


def repair_event(work: EventWork) -> None:
    ev, article = work.draft, work.article
    responsibility = work.responsibility
    expected = expected_responsibility(work.evidence_text)
    if expected and expected != responsibility:
        work.findings.append(
            repaired(
                Check.ATTRIBUTION,
                work.at("responsibility"),
                f"responsibility {responsibility!r} -> {expected!r}, as the cited sentences state",
            )
        )
        work.responsibility = expected
    elif not expected and not _stated_anywhere(responsibility, article):
        # "claimed" or "alleged" needs someone in the article to claim or accuse;
        # small models answer "claimed" by default. A doer that tells of its own act is
        # its confirmation.
        now: Responsibility = "confirmed" if _tells_own_act(work) else "unknown"
        why = (
            f"the cited sentences have {work.actor1!r} tell of its own act"
            if now == "confirmed"
            else "nobody in the article claims responsibility or accuses anyone"
        )
        work.findings.append(
            repaired(
                Check.ATTRIBUTION,
                work.at("responsibility"),
                f"responsibility {responsibility!r} -> {now!r}: {why}",
            )
        )
        work.responsibility, work.claimed_by = now, None
    if (
        work.responsibility == "claimed"
        and work.claimed_by
        and not _claims_somewhere(work.claimed_by, article)
    ):
        # A claimant is someone the article has claim: "the police" who responded to a
        # blast, in an article where another group claimed another attack, is not one.
        work.findings.append(
            repaired(
                Check.ATTRIBUTION,
                work.at("responsibility"),
                f"responsibility 'claimed' -> 'unknown': no sentence of the article has "
                f"{work.claimed_by!r} claim anything",
            )
        )
        work.responsibility, work.claimed_by = "unknown", None
    if work.responsibility == "claimed" and not work.claimed_by:
        # The claimant is whoever the claim sentence names; take actor1 only if it is there.
        claim_sentences = [s.text for s in cited(article, work.ids) if CLAIM.search(s.text)]
        named = next(filter(None, map(claimant_in, claim_sentences)), None)
        if ev.actor1 and any(ev.actor1.lower() in s.lower() for s in claim_sentences):
            work.claimed_by = ev.actor1
            work.findings.append(
                repaired(
                    Check.ATTRIBUTION,
                    work.at("claimed_by"),
                    f"claimed_by filled from actor1 {ev.actor1!r}",
                )
            )
        elif named:
            work.claimed_by = named
            message = f"claimed_by filled from the claim sentence's subject {named!r}"
            work.findings.append(repaired(Check.ATTRIBUTION, work.at("claimed_by"), message))
        else:
            work.findings.append(
                Finding.at(
                    check=Check.ATTRIBUTION,
                    severity="error",
                    target=work.at("claimed_by"),
                    message="responsibility 'claimed' but no claimant named",
                )
            )
    if work.responsibility != "claimed" and work.claimed_by:
        # A claimant belongs to a claim: a leadership that "confirmed", the
        # government that blamed the rebels, claimed nothing.
        message = (
            f"claimed_by {work.claimed_by!r} cleared: responsibility is {work.responsibility!r}"
        )
        work.findings.append(repaired(Check.ATTRIBUTION, work.at("claimed_by"), message))
        work.claimed_by = None
    actor1, claimed_by = work.actor1, work.claimed_by
    if (
        work.responsibility == "claimed"
        and claimed_by
        and actor1
        and any(not t.quoted for t in find_loaded_terms(actor1))
    ):
        # ACLED codes the claimant as the actor of a claimed attack; its own name is
        # neutral where the model copied a label ("resistance forces") from the article.
        work.findings.append(
            repaired(
                Check.NEUTRALITY,
                work.at("actor1"),
                f"actor {actor1!r} is a loaded label; used the claimant {claimed_by!r}",
            )
        )
        work.actor1 = claimed_by


RULE = Rule("responsibility", check=check, repair_event=repair_event)
