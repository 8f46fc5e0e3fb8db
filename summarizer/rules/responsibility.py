"""Responsibility: who claims, confirms or alleges is kept, as the article states it.

The check also asks that a summary sentence resting only on attributed sentences says
who said it (`checks/attribution.py`).
"""

from __future__ import annotations

from ..checks.attribution import check_attribution
from ..schema import Draft, Finding
from .base import Rule, RuleContext


def check(draft: Draft, ctx: RuleContext) -> list[Finding]:
    return check_attribution(draft, ctx.article, ctx.event_ids)


RULE = Rule("responsibility", check=check)
