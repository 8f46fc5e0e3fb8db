"""Citations: what the model cites exists, is specific and holds what is claimed.

The gate's check covers the summary (2-5 sentences, each supported by the article and
by its cited sentences) and each event: its ids, the values the gate grounds strictly
(parties, places, sources), and its counts, in one pass per event (the counts rule's
check, `checks.grounding.check_counts`, runs inside it: its findings come per event).
"""

from __future__ import annotations

import re

from ..checks.grounding import (
    MIN_SUPPORT,
    best_supporting,
    check_grounding,
    cited,
    event_ids,
    support,
    valid_ids,
)
from ..checks.wellformed import is_heading
from ..schema import Check, Draft, Finding
from .base import EventWork, Rule, RuleContext, SentenceWork, repaired


def check(draft: Draft, ctx: RuleContext) -> list[Finding]:
    return check_grounding(draft, ctx.article, ctx.event_ids)


def repair_sentence(work: SentenceWork) -> None:
    """Drop a sentence the article does not support; re-cite one its citation does not."""
    article = work.article
    ids = valid_ids(article, work.ids)
    if support(work.text, article.text) < MIN_SUPPORT:
        work.findings.append(
            Finding.at(
                check=Check.GROUNDING,
                severity="error",
                target=work.where,
                repaired=True,
                message="dropped: the sentence is not supported by the article",
            )
        )
        work.dropped = True
        return
    cited_text = " ".join(s.text for s in cited(article, ids))
    if not ids or support(work.text, cited_text) < MIN_SUPPORT:
        # Small models miscount sentence numbers: re-cite by content instead.
        old = ids
        ids = best_supporting(work.text, article)
        work.findings.append(
            repaired(
                Check.GROUNDING, work.where, f"citation {old} did not support it; re-cited {ids}"
            )
        )
    work.ids = ids
    sources = cited(article, ids)
    if sources and all(_reports_nothing(s.text) for s in sources):
        message = "dropped: it rests only on headings or labels, which report nothing"
        work.findings.append(repaired(Check.GROUNDING, work.where, message))
        work.dropped = True


# A label line: "Aliases: Abu X, Abu Y, Saleh" (a short name, a colon, a list of short
# names), "Images" (a line too short to say anything). Not "Why it matters: The suit
# argues ..." (a section label before a sentence: section_label cuts the label).
_LABEL = re.compile(r"^\s*[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,2}\s*:\s+(?P<items>.+)$")
_TOO_SHORT = re.compile(r"^\W*\w+(?:\s+\w+)?\s*$")  # no full stop: "Images", not "Three died."


def _label_line(text: str) -> bool:
    if _TOO_SHORT.match(text):
        return True
    label = _LABEL.match(text)
    if label is None:
        return False
    # A list of short items ("Aliases: A, B, C"); not one report ("Death toll: 14",
    # "Update: Police say two people died.").
    items = [item.strip() for item in re.split(r"[,;]", label.group("items"))]
    return len(items) >= 2 and all(
        item[:1].isupper() and len(item.split()) <= 5 for item in items
    )  # names, not figures: "Casualties: 12 dead, 30 wounded" reports


def _reports_nothing(text: str) -> bool:
    """A heading in title case ("Murder of ...; Conspiracy to ...") or a label line: a
    page's parts, not a report. A summary sentence resting only on them states what no
    sentence of the article reports (a wanted notice's charges as the acts done)."""
    return is_heading(text) or _label_line(text)


def repair_event(work: EventWork) -> None:
    """An event's evidence: its citation, unless that holds none of its values."""
    ids, recited = event_ids(work.draft, work.article)
    work.ids = ids
    if recited:
        # Small models miscount sentence numbers: cite where the event's values occur.
        work.findings.append(
            repaired(
                Check.GROUNDING,
                work.at("ids"),
                f"cited {work.draft.ids} hold none of the event's values; re-cited {ids}",
            )
        )


RULE = Rule("citations", check=check, repair_sentence=repair_sentence, repair_event=repair_event)
