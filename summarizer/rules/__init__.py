"""The product's rules, one module each, in one ordered table.

The re-ask gate runs each rule's `check` in the table's order; assembly applies each
rule's repairs in the table's order (a summary sentence's, an event's, then the list
of events'); `coverage` checks the assembled events. The order is part of the output:
findings are listed in the order the rules make them.
"""

from __future__ import annotations

from ..article import Article
from ..schema import Draft, Event, Finding
from . import (
    abbreviation_spacing,
    act_actor,
    attribution,
    citations,
    counts,
    coverage,
    dateline,
    doer,
    duplicates,
    field_roles,
    hedges,
    history,
    incident,
    injection,
    neutrality,
    perpetrator,
    responsibility,
    section_label,
    specifics,
    sub_type,
    unplaced,
    value_wording,
    values,
    wellformed,
)
from .base import EventWork, Rule, RuleContext, SentenceWork

# The order is the order of the findings: the gate lists citations' findings (with each
# event's values and counts) before neutrality's, neutrality's before responsibility's;
# assembly repairs a summary sentence's citation before its wording, and an event's
# citation, responsibility, sub-type, values, counts and field roles in that order.
RULES: tuple[Rule, ...] = (
    section_label.RULE,  # repair: an outlet's "Why it matters:" is not part of a sentence
    dateline.RULE,  # repair: "WASHINGTON — " is where the story was filed, not news
    abbreviation_spacing.RULE,  # repair: "U. S." written "U.S." as the article has it
    citations.RULE,  # check; repairs: a sentence's and an event's citation
    neutrality.RULE,  # check; repair: a sentence's wording (lexicon, cut-off clause)
    attribution.RULE,  # repair: a view, motive or quotation keeps its speaker
    hedges.RULE,  # repair: a charge is not stated as fact
    specifics.RULE,  # repair: the final wording's figures and names are in what it cites
    responsibility.RULE,  # check; repair: responsibility, claimant, a loaded actor label
    sub_type.RULE,  # repair: the sub-type its cited sentences tell (doer reads it)
    doer.RULE,  # repair: actor1 is not the victim nor only a speaker
    values.RULE,  # repair: values located leniently, country from around the place
    act_actor.RULE,  # repair: actor1 is a party, not the act
    perpetrator.RULE,  # repair: an empty actor1 takes the claimant or unnamed attackers
    counts.RULE,  # repair (its check runs inside citations' per-event pass)
    field_roles.RULE,  # repair: a source is cited, a motive is stated
    value_wording.RULE,  # repair: a party without its description, no loaded label
    wellformed.RULE,  # repair: a summary sentence that is not a whole sentence is dropped
    injection.RULE,  # check (what it flags is removed before assembly)
    incident.RULE,  # repair of the assembled events: records no sentence reports dropped
    unplaced.RULE,  # repair of the assembled events: records naming nothing dropped
    duplicates.RULE,  # repair of the assembled events: duplicates merged
    history.RULE,  # repair of the assembled events: records dated long before it dropped
    coverage.RULE,  # check of the assembled events (a warning)
)


def run_checks(draft: Draft, article: Article) -> list[Finding]:
    """Every rule's check of a draft, in the table's order (the re-ask gate's verdict)."""
    ctx = RuleContext.of(draft, article)
    return [f for rule in RULES if rule.check is not None for f in rule.check(draft, ctx)]


def repair_sentence(work: SentenceWork) -> None:
    """Every rule's repair of a summary sentence, in the table's order, until one drops it."""
    for rule in RULES:
        if rule.repair_sentence is not None:
            rule.repair_sentence(work)
            if work.dropped:
                return


def repair_event(work: EventWork) -> None:
    """Every rule's repair of an event, in the table's order."""
    for rule in RULES:
        if rule.repair_event is not None:
            rule.repair_event(work)


def repair_events(events: list[Event], article: Article) -> tuple[list[Event], list[Finding]]:
    """Every rule's repair of the assembled events, in the table's order."""
    findings: list[Finding] = []
    for rule in RULES:
        if rule.repair_events is not None:
            events, found = rule.repair_events(events, article)
            findings.extend(found)
    return events, findings


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
    "repair_event",
    "repair_events",
    "repair_sentence",
    "run_checks",
]
