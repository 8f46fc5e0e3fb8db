"""Prompt injection: output that follows instructions hidden in the article is an error.

What the check flags is removed from the draft before assembly (`extract.drop_injected`).
"""

from __future__ import annotations

from ..checks.injection import check_injection
from ..schema import Draft, Finding
from .base import Rule, RuleContext


def check(draft: Draft, ctx: RuleContext) -> list[Finding]:
    return check_injection(draft, ctx.article)


RULE = Rule("injection", check=check)
