"""Pure checks: each returns findings, none raises.

The draft checks below run inside the re-ask gate; `coverage` runs on the assembled
events (it can only warn: nothing the model could be asked to fix reliably).
"""

from __future__ import annotations

from ..article import Article
from ..schema import Draft, Finding
from .attribution import check_attribution
from .grounding import check_grounding, event_ids
from .injection import check_injection
from .neutrality import check_neutrality


def run_checks(draft: Draft, article: Article) -> list[Finding]:
    # Each event's evidence sentences (a fuzzy search of every sentence for its values),
    # worked out once for the two checks that need them.
    ids = [event_ids(ev, article) for ev in draft.events]
    return [
        *check_grounding(draft, article, ids),
        *check_neutrality(draft),
        *check_attribution(draft, article, ids),
        *check_injection(draft, article),
    ]


def reask_message(findings: list[Finding]) -> str:
    """The text the model sees on a re-ask: only errors, numbered, each naming its fix."""
    errors = [f for f in findings if f.severity == "error"]
    return "Fix these problems:\n" + "\n".join(f"{i}. {f.message}" for i, f in enumerate(errors, 1))


__all__ = ["reask_message", "run_checks"]
