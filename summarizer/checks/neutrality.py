"""Neutrality: no unquoted loaded wording in what we write (summary and event fields)."""

from __future__ import annotations

from ..schema import Check, Draft, EventTarget, Finding, SummaryTarget, key_of, text_fields
from .lexicon import find_loaded_terms

# The fields whose words the model chooses: names of the parties, and reasons. Places,
# dates and sources are names the article gives.
WORDED_FIELDS = text_fields("party", "reason")


def _describe(term_text: str, alternative: str | None) -> str:
    # No replacement word is suggested: small models paste it into names and fields.
    return f"{term_text!r} (rephrase neutrally, or quote it and name who said it)"


def check_neutrality(draft: Draft) -> list[Finding]:
    findings: list[Finding] = []
    for k, sent in enumerate(draft.summary):
        terms = [t for t in find_loaded_terms(sent.text) if not t.quoted]
        if terms:
            listed = ", ".join(_describe(t.text, t.neutral_alternative) for t in terms)
            findings.append(
                Finding.at(
                    check=Check.NEUTRALITY,
                    severity="error",
                    target=SummaryTarget(k),
                    message=f"summary sentence {k + 1} uses loaded wording: {listed}",
                )
            )
    for k, ev in enumerate(draft.events):
        for name in WORDED_FIELDS:
            value = getattr(ev, name)
            terms = [t for t in find_loaded_terms(value or "") if not t.quoted]
            if terms:
                listed = ", ".join(_describe(t.text, t.neutral_alternative) for t in terms)
                findings.append(
                    Finding.numbered(
                        check=Check.NEUTRALITY,
                        severity="warning",
                        target=EventTarget(k, (name,)),
                        detail=f"{key_of(name)} uses loaded wording: {listed}",
                    )
                )
    return findings
