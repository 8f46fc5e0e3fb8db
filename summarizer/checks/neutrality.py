"""Neutrality: no unquoted loaded wording in what we write (summary and event fields)."""

from __future__ import annotations

from ..schema import Draft, Finding, key_of
from .lexicon import find_loaded_terms


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
                Finding(
                    check="neutrality",
                    severity="error",
                    path=f"summary[{k}]",
                    message=f"summary sentence {k + 1} uses loaded wording: {listed}",
                )
            )
    for k, ev in enumerate(draft.events):
        for name in ("actor1", "actor2", "claimed_by", "target", "motive"):
            value = getattr(ev, name)
            terms = [t for t in find_loaded_terms(value or "") if not t.quoted]
            if terms:
                listed = ", ".join(_describe(t.text, t.neutral_alternative) for t in terms)
                findings.append(
                    Finding(
                        check="neutrality",
                        severity="warning",
                        path=f"events[{k}].{name}",
                        message=f"event {k + 1}: {key_of(name)} uses loaded wording: {listed}",
                    )
                )
    return findings
