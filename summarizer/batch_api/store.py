"""The job folder: what a batch job keeps on disk, each file written atomically.

    job.json             settings, limits, the job's id (written once)
    items.jsonl          the inputs, in input order (written once)
    state.json           rounds and parts: files, file and batch ids, statuses
    rounds/NN/part-PPP.in.jsonl       the request lines sent (never rewritten)
    rounds/NN/part-PPP.prompts.json   custom_id -> the prompt each was rendered from
    rounds/NN/part-PPP.out.jsonl      the batch's output file, as downloaded
    rounds/NN/part-PPP.err.jsonl      the batch's error file, as downloaded
    results.jsonl        one record per finished input, appended (batch.JsonlSink)

Every file but results.jsonl is written to a temporary name and renamed over the old
one, so a killed process leaves the old state or the new one, never half of either.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from pathlib import Path
from typing import Any

from ..article import Article
from ..errors import ConfigError
from ..settings import Settings

VERSION = 1


def write_atomic(path: Path, data: bytes | str) -> None:
    """Replace `path` with `data` whole: a temporary file, fsync, then rename."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    with tmp.open("wb") as fh:
        fh.write(raw)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def read_json(path: Path) -> Any:
    return json.loads(path.read_text("utf-8"))


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The whole lines of a JSONL file; a torn or foreign line is skipped."""
    rows: list[dict[str, Any]] = []
    if not path.is_file():
        return rows
    for line in path.read_text("utf-8", errors="replace").splitlines():
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(row, dict):
            rows.append(row)
    return rows


@dataclass(frozen=True)
class BatchLimits:
    """How requests are cut into input files and how many are in flight at once.

    OpenAI takes up to 50,000 lines or 200 MB per file; a line is 8-12 KB here, so the
    megabytes bind first. `wave`: input files in flight at once (0: all), to stay under
    a provider's enqueued-token limit with very large inputs.
    """

    max_lines: int = 50_000
    max_mb: float = 190.0
    wave: int = 0

    def __post_init__(self) -> None:
        if self.max_lines < 1 or not self.max_mb > 0 or self.wave < 0:
            raise ConfigError("max_lines must be >= 1, max_mb > 0 and wave >= 0")


@dataclass
class Part:
    """One input file of one round, and the batch that answers it."""

    round: int
    index: int
    lines: int
    bytes: int
    external: bool = False  # answered outside the Batch API (export / import)
    file_id: str | None = None
    batch_id: str | None = None
    status: str = "written"  # written, then the batch's status
    batch_errors: str | None = None
    output: str | None = None  # downloaded output file, relative to the job folder
    errors: str | None = None  # downloaded error file
    collected: bool = False

    @property
    def name(self) -> str:
        return f"rounds/{self.round:02d}/part-{self.index:03d}"

    @property
    def input(self) -> str:
        return f"{self.name}.in.jsonl"

    @property
    def prompts(self) -> str:
        return f"{self.name}.prompts.json"

    @property
    def in_flight(self) -> bool:
        return self.batch_id is not None and not self.collected


@dataclass
class State:
    round: int = 0
    parts: list[Part] = field(default_factory=list)
    finished: bool = False

    def of_round(self, n: int) -> list[Part]:
        return [p for p in self.parts if p.round == n]

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=1)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> State:
        parts = [Part(**p) for p in data.get("parts", [])]
        return cls(round=data.get("round", 0), parts=parts, finished=data.get("finished", False))


def settings_to_json(settings: Settings) -> dict[str, Any]:
    return {f.name: _plain(getattr(settings, f.name)) for f in fields(settings)}


def settings_from_json(data: dict[str, Any]) -> Settings:
    known = {f.name: f for f in fields(Settings)}
    values: dict[str, Any] = {
        k: Path(v) if v and "Path" in str(known[k].type) else v
        for k, v in data.items()
        if k in known
    }
    return Settings(**values)


def _plain(value: Any) -> Any:
    return str(value) if isinstance(value, Path) else value


def new_job_id() -> str:
    return "job_" + secrets.token_hex(8)


def article_to_json(article: Article) -> dict[str, Any]:
    data = asdict(article)
    data["published"] = article.published.isoformat() if article.published else None
    data["notes"] = list(article.notes)
    return data


def article_from_json(data: dict[str, Any]) -> Article:
    """The Article exactly as it was read (no second cleaning: the text is its hash)."""
    published = date.fromisoformat(data["published"]) if data.get("published") else None
    return Article(**{**data, "published": published, "notes": tuple(data.get("notes") or ())})
