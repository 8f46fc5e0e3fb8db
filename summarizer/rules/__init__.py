"""The product's rules, one module each, in one ordered table.

The re-ask gate runs each rule's `check` in the table's order; assembly applies each
rule's repairs in the table's order (a summary sentence's, an event's, then the list
of events'); `coverage` checks the assembled events. The order is part of the output:
findings are listed in the order the rules make them.
"""

from __future__ import annotations

from ..article import Article
from ..schema import Draft, Event, Finding
from . import citations, coverage, injection, neutrality, responsibility
from .base import EventWork, Rule, RuleContext, SentenceWork

RULES: tuple[Rule, ...] = (
    citations.RULE,
    neutrality.RULE,
    responsibility.RULE,
    injection.RULE,
    coverage.RULE,
)


def run_checks(draft: Draft, article: Article) -> list[Finding]:
    """Every rule's check of a draft, in the table's order (the re-ask gate's verdict)."""
    ctx = RuleContext.of(draft, article)
    return [f for rule in RULES if rule.check is not None for f in rule.check(draft, ctx)]


def check_events(article: Article, events: list[Event]) -> list[Finding]:
    """Every rule's check of the assembled events, in the table's order (coverage)."""
    return [
        f
        for rule in RULES
        if rule.check_events is not None
        for f in rule.check_events(article, events)
    ]


def reask_message(findings: list[Finding]) -> str:
    """The text the model sees on a re-ask: only errors, numbered, each naming its fix."""
    errors = [f for f in findings if f.severity == "error"]
    return "Fix these problems:\n" + "\n".join(f"{i}. {f.message}" for i, f in enumerate(errors, 1))


__all__ = [
    "RULES",
    "EventWork",
    "Rule",
    "RuleContext",
    "SentenceWork",
    "check_events",
    "reask_message",
    "run_checks",
]
