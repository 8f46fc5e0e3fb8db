"""Coverage: sentences reporting an incident no assembled event cites (a warning).

Runs on the assembled events, not in the gate: nothing the model could reliably be
asked to fix. The pipeline re-reads what it flags (reread.py).
"""

from __future__ import annotations

from ..checks.coverage import uncited_incidents
from .base import Rule

RULE = Rule("coverage", check_events=uncited_incidents)
