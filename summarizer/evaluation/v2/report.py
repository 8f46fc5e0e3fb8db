"""The v2 report: a Markdown table of both splits and the most frequent failure kinds."""

from __future__ import annotations

from typing import Any

from ..metrics import shown
from .run import SPLITS, SYSTEMS


def table(data: dict[str, Any]) -> str:
    """Markdown: one row per metric, a column per split and system."""
    splits = [s for s in SPLITS if s in data["by_split"]]
    head = [f"{sp}:{sy}" for sp in splits for sy in SYSTEMS]
    lines = ["| metric | " + " | ".join(head) + " |", "|---" * (len(head) + 1) + "|"]
    for name in shown("v2"):
        cells = [data["by_split"][sp][sy].get(name) for sp in splits for sy in SYSTEMS]
        lines.append(
            f"| {name} | " + " | ".join("—" if c is None else str(c) for c in cells) + " |"
        )
    lines += ["", "Most frequent failure kinds (pipeline, all scored cases):", ""]
    lines += [f"- {kind}: {n}" for kind, n in data["failure_kinds"]]
    return "\n".join(lines) + "\n"
