"""Citations: what the model cites exists, is specific and holds what is claimed.

The gate's check covers the summary (2-5 sentences, each supported by the article and
by its cited sentences) and each event: its ids, the values the gate grounds strictly
(parties, places, sources), and its counts, in one pass per event (the counts rule's
check, `checks.grounding.check_counts`, runs inside it: its findings come per event).
"""

from __future__ import annotations

from ..checks.grounding import check_grounding
from ..schema import Draft, Finding
from .base import Rule, RuleContext


def check(draft: Draft, ctx: RuleContext) -> list[Finding]:
    return check_grounding(draft, ctx.article, ctx.event_ids)


RULE = Rule("citations", check=check)
