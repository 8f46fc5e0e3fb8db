"""Neutrality: no unquoted loaded wording in what we write (summary and event fields)."""

from __future__ import annotations

from ..checks.neutrality import check_neutrality
from ..schema import Draft, Finding
from .base import Rule, RuleContext


def check(draft: Draft, ctx: RuleContext) -> list[Finding]:
    return check_neutrality(draft)


RULE = Rule("neutrality", check=check)
