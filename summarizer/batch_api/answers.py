"""Everything the collected batches answered, read back from the job folder.

Per custom_id: a chat completion, a final error (a 4xx), or nothing yet. A line that
came back in the error file with a transient status, or not at all (an expired,
cancelled or failed batch), counts one failed try; past the transport retry count it
becomes a final error too, so every input ends with a result or an error record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..backends.batch_answers import Answer, LineOutcome, read_line
from ..schema import Usage
from .store import Part, read_json, read_jsonl


@dataclass
class Collected:
    answers: dict[str, Answer] = field(default_factory=dict)
    failed_tries: dict[str, int] = field(default_factory=dict)
    usage: Usage = field(default_factory=Usage)  # summed over every answered line: the bill
    answered_lines: int = 0


def part_ids(folder: Path, part: Part) -> list[str]:
    """The custom_ids a part sent (the keys of its prompts file, in line order)."""
    return list(read_json(folder / part.prompts))


def _outcomes(folder: Path, part: Part) -> dict[str, LineOutcome]:
    found: dict[str, LineOutcome] = {}
    for name in (part.errors, part.output):  # an output line wins over an error line
        for row in read_jsonl(folder / name) if name else []:
            outcome = read_line(row, part.batch_id)
            found[outcome.custom_id] = outcome
    return found


def load(folder: Path, parts: list[Part], retries: int) -> Collected:
    """What the collected parts answered; transient failures past `retries` are final."""
    got = Collected()
    why: dict[str, str] = {}
    for part in parts:
        if not part.collected:
            continue
        outcomes = _outcomes(folder, part)
        for cid in part_ids(folder, part):
            if cid in got.answers:
                continue
            outcome = outcomes.get(cid)
            if outcome is not None and outcome.answer is not None:
                got.answers[cid] = outcome.answer
                body = outcome.answer.body
                if body is not None:
                    got.usage.add(Usage.model_validate(body.get("usage") or {}))
                    got.answered_lines += 1
                continue
            got.failed_tries[cid] = got.failed_tries.get(cid, 0) + 1
            why[cid] = (
                outcome.retry_reason
                if outcome is not None and outcome.retry_reason
                else f"no line in batch {part.batch_id or 'output'} ({part.status}"
                + (f": {part.batch_errors})" if part.batch_errors else ")")
            )
    for cid, tries in got.failed_tries.items():
        if cid not in got.answers and tries > retries:
            got.answers[cid] = Answer(
                error=f"openai batch request failed on each of {tries} tries; last: {why[cid]}"
            )
    return got
