"""What `batch status` reports: rounds, their files and batches, progress and the bill."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..schema import Usage
from .store import State


@dataclass(frozen=True)
class RoundStatus:
    round: int
    files: int
    lines: int
    statuses: dict[str, int]
    batch_ids: list[str]


@dataclass(frozen=True)
class JobStatus:
    job_id: str
    round: int
    finished: bool
    items: int
    done: int  # inputs with a result or an error record
    failed: int  # of those, error records
    rounds: list[RoundStatus] = field(default_factory=list)
    usage: Usage = field(default_factory=Usage)
    answered_lines: int = 0
    cost_usd: float | None = None

    def lines(self) -> list[str]:
        """The status as short lines for a terminal."""
        head = f"{self.job_id}: round {self.round}, {self.done}/{self.items} inputs done"
        head += f" ({self.failed} error records)" if self.failed else ""
        head += ", finished" if self.finished else ""
        out = [head]
        for r in self.rounds:
            states = ", ".join(f"{k} {v}" for k, v in sorted(r.statuses.items()))
            ids = f" [{', '.join(r.batch_ids)}]" if r.batch_ids else ""
            out.append(f"  round {r.round}: {r.lines} lines in {r.files} file(s): {states}{ids}")
        cost = f", US${self.cost_usd:.4f} at batch prices" if self.cost_usd is not None else ""
        out.append(
            f"  usage: {self.answered_lines} answered lines, {self.usage.prompt_tokens} prompt "
            f"+ {self.usage.completion_tokens} completion tokens{cost}"
        )
        return out


def round_statuses(state: State) -> list[RoundStatus]:
    rounds = sorted({p.round for p in state.parts})
    return [
        RoundStatus(
            round=n,
            files=len(parts),
            lines=sum(p.lines for p in parts),
            statuses=dict(Counter(p.status for p in parts)),
            batch_ids=[p.batch_id for p in parts if p.batch_id],
        )
        for n in rounds
        for parts in [state.of_round(n)]
    ]
