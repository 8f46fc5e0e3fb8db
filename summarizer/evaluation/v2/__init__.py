"""Eval v2: outside judges, the runner and its report (see README, "Eval v2")."""
