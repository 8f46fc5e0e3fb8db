"""A batch job: many articles through the Batch API (or `vllm run-batch`) in rounds.

Round 1 is every first pass of every chunk of every article; when a round's batches are
all back, each unfinished article is run again through the unchanged pipeline on the
answers so far (gather.py): it finishes, or asks for its re-asks and re-reads, which
are round 2; and so on. Requests are sent once (custom_id = content hash).

Crash safety: every step is saved in the job folder before the next is taken. A batch
is started only after its state says "starting"; a re-run that finds that state looks
the batch up by its metadata before starting another, so nothing is paid twice. Output
files are downloaded whole before a part counts as collected; results are appended
line by line, and a re-run skips the inputs already there.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..api import ArticleLike, ItemError, error_record
from ..article import as_article
from ..backends.batch_answers import (
    Answer,
    BatchAnswerBackend,
    PendingRequest,
    completion_of,
)
from ..backends.batch_transport import BatchTransport
from ..backends.modes import openai_mode
from ..backends.replay import RecordingStore
from ..batch import JsonlSink
from ..errors import ConfigError, SummarizerError
from ..prompts import load_prompt
from ..schema import PromptInfo, SummaryResult
from ..settings import Settings
from . import answers as collected
from .gather import Gatherer, batch_model
from .lines import split_lines
from .prices import batch_cost
from .status import JobStatus, round_statuses
from .store import (
    VERSION,
    BatchLimits,
    Part,
    State,
    article_from_json,
    article_to_json,
    new_job_id,
    read_json,
    read_jsonl,
    settings_from_json,
    settings_to_json,
    write_atomic,
)

Outcome = SummaryResult | ItemError
_META = "summarizer_part"  # the batch metadata key that names the job and the part


def outcome_record(index: int, name: str | None, outcome: Outcome) -> dict[str, Any]:
    """One line of the results, as `summarize --jsonl` writes it."""
    if isinstance(outcome, SummaryResult):
        return {
            "index": index,
            "input": name,
            "ok": True,
            "result": outcome.model_dump(mode="json"),
        }
    return {"index": index, "input": name, "ok": False, "error": dict(outcome)}


def _item_row(index: int, name: str | None, item: ArticleLike | ItemError) -> dict[str, Any]:
    if isinstance(item, ItemError):
        return {"index": index, "name": name, "error": dict(item)}
    try:
        article = as_article(item)
    except SummarizerError as exc:
        return {"index": index, "name": name, "error": dict(error_record(exc, index, name))}
    return {"index": index, "name": name or article.path, "article": article_to_json(article)}


class BatchJob:
    """One job folder. `create` it, then `submit`, `collect` until finished, `results`."""

    def __init__(self, folder: Path, transport: BatchTransport | None = None) -> None:
        self.folder = Path(folder)
        config = read_json(self.folder / "job.json")
        if config.get("version") != VERSION:
            raise ConfigError(f"{folder}: not a batch job of this version")
        self.id: str = config["id"]
        self.settings = settings_from_json(config["settings"])
        self.limits = BatchLimits(**config["limits"])
        self.external: bool = config["external"]
        state_file = self.folder / "state.json"
        self.state = State.from_json(read_json(state_file)) if state_file.is_file() else State()
        self._transport = transport

    # --- making and opening a job ------------------------------------------------------

    @classmethod
    def create(
        cls,
        folder: Path | str,
        items: Sequence[ArticleLike | ItemError],
        settings: Settings,
        *,
        limits: BatchLimits | None = None,
        names: Sequence[str | None] | None = None,
        external: bool = False,
        transport: BatchTransport | None = None,
    ) -> BatchJob:
        """Write the job folder and round 1's input files (nothing is sent yet).

        `external`: the rounds are answered outside the Batch API (`export` each round,
        run it through `vllm run-batch`, `import_output` the answers).
        """
        folder = Path(folder)
        if (folder / "job.json").exists():
            raise ConfigError(f"{folder} already holds a batch job; open it instead")
        # The prompt is pinned: a new version in prompts/ must not change later rounds.
        prompt = load_prompt(settings.prompt_name, settings.prompt_version)
        settings = settings.with_(prompt_version=prompt.info.version)
        names = list(names) if names is not None else [None] * len(items)
        rows = [_item_row(i, names[i], item) for i, item in enumerate(items)]
        write_atomic(
            folder / "items.jsonl",
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
        )
        config = {
            "version": VERSION,
            "id": new_job_id(),
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "settings": settings_to_json(settings),
            "limits": limits.__dict__ if limits else BatchLimits().__dict__,
            "external": external,
        }
        write_atomic(folder / "job.json", json.dumps(config, indent=1))  # last: the job exists
        job = cls(folder, transport)
        with job._locked():
            job._advance()
        return job

    @property
    def transport(self) -> BatchTransport:
        if self._transport is None:
            self._transport = BatchTransport(self.settings)
        return self._transport

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """One command at a time on a job: two would both start (and pay for) a batch."""
        with (self.folder / ".lock").open("w") as fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                raise ConfigError(
                    f"another summarizer batch command is working on {self.folder}"
                ) from None
            yield

    def _save(self) -> None:
        write_atomic(self.folder / "state.json", self.state.to_json())

    # --- the Batch API route ---------------------------------------------------------------

    def submit(self) -> None:
        """Send the current round's files not sent yet (no more than the wave at once)."""
        if self.external:
            return
        with self._locked():
            self._submit()

    def _submit(self) -> None:
        parts = self.state.of_round(self.state.round)
        for part in parts:
            in_flight = sum(p.in_flight for p in parts)
            if part.batch_id or part.collected:
                continue
            if self.limits.wave and in_flight >= self.limits.wave:
                break
            self._send(part)

    def _send(self, part: Part) -> None:
        if part.file_id is None:  # an upload lost to a crash costs nothing: upload again
            part.file_id = self.transport.upload(self.folder / part.input)
            self._save()
        tag = f"{self.id}/{part.name}"
        found = self.transport.find(_META, tag) if part.status == "starting" else None
        if found is None:
            part.status = "starting"
            self._save()  # before the batch exists: a crash now is found by its metadata
            found = self.transport.start(part.file_id, {_META: tag})
        part.batch_id, part.status = found.id, found.status
        self._save()

    def refresh(self) -> None:
        """Ask the Batch API how the batches in flight are doing (downloads nothing)."""
        with self._locked():
            for part in self.state.parts:
                if part.in_flight and part.batch_id:
                    part.status = self.transport.get(part.batch_id).status
            self._save()

    def collect(self) -> JobStatus:
        """Download what finished; when a round is whole, finish what can be finished and
        start the next round. Safe to kill and run again at any point."""
        with self._locked():
            for part in self.state.of_round(self.state.round):
                if part.in_flight:
                    self._collect(part)
            self._advance_if_whole()
            if not self.external:
                self._submit()
        return self.status()

    def _collect(self, part: Part) -> None:
        assert part.batch_id is not None
        info = self.transport.get(part.batch_id)
        part.status = info.status
        if not info.done:
            return
        for file_id, suffix, attr in (
            (info.output_file_id, "out", "output"),
            (info.error_file_id, "err", "errors"),
        ):
            if file_id:
                name = f"{part.name}.{suffix}.jsonl"
                write_atomic(self.folder / name, self.transport.download(file_id))
                setattr(part, attr, name)
        part.batch_errors = info.errors
        part.collected = True
        self._save()

    def run(
        self,
        *,
        poll_s: float = 30.0,
        on_status: Callable[[JobStatus], None] | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> list[Outcome | None]:
        """Submit, then collect every `poll_s` seconds until every input is finished."""
        if self.external:
            raise ConfigError("this job is answered outside the Batch API: export / import")
        self.submit()
        while True:
            status = self.collect()
            if on_status:
                on_status(status)
            if status.finished:
                return self.results()
            sleep(poll_s)

    # --- the vllm run-batch (or air-gapped) route ------------------------------------

    def export(self, round_no: int | None = None) -> Iterator[str]:
        """The request lines of a round (default: the current one), for `vllm run-batch`."""
        n = self.state.round if round_no is None else round_no
        parts = self.state.of_round(n)
        if not parts:
            raise ConfigError(f"the job has no round {n} (it is at round {self.state.round})")
        for part in parts:
            with (self.folder / part.input).open("r", encoding="utf-8") as fh:
                yield from fh

    def import_output(self, path: Path) -> JobStatus:
        """Take an output file (vLLM's or a Batch API's) as the current round's answers."""
        with self._locked():
            parts = [p for p in self.state.of_round(self.state.round) if not p.collected]
            if not parts:
                raise ConfigError(f"round {self.state.round} has nothing waiting for answers")
            sent = [p.batch_id for p in parts if p.batch_id]
            if sent:
                raise ConfigError(
                    f"round {self.state.round} is at the Batch API ({sent[0]}); collect it instead"
                )
            name = f"rounds/{self.state.round:02d}/import.out.jsonl"
            write_atomic(self.folder / name, Path(path).read_bytes())
            for part in parts:
                part.output, part.status, part.collected = name, "imported", True
            self._save()
            self._advance_if_whole()
        return self.status()

    # --- rounds ------------------------------------------------------------------------

    def _advance_if_whole(self) -> None:
        if not self.state.finished and all(
            p.collected for p in self.state.of_round(self.state.round)
        ):
            self._advance()

    def _answers(self) -> collected.Collected:
        return collected.load(self.folder, self.state.parts, self.settings.transport_retries)

    def _advance(self) -> None:
        """Finish every input the answers allow; write the next round of what is pending."""
        got = self._answers()
        done = {r["index"] for r in read_jsonl(self.folder / "results.jsonl")}
        gatherer = Gatherer(self.settings, got.answers)
        pending: dict[str, PendingRequest] = {}
        with JsonlSink(self.folder / "results.jsonl") as sink:
            for row in read_jsonl(self.folder / "items.jsonl"):
                index, name = row["index"], row["name"]
                if index in done:
                    continue
                if "error" in row:
                    sink.append(outcome_record(index, name, ItemError(row["error"])))
                    continue
                gathered = gatherer.run(index, name, article_from_json(row["article"]))
                if gathered.outcome is not None:
                    sink.append(outcome_record(index, name, gathered.outcome))
                for cid, request in gathered.pending.items():
                    pending.setdefault(cid, request)
        if not pending:
            self.state.finished = True
            self._save()
            return
        n = self.state.round + 1
        for k, lines in enumerate(split_lines(pending.items(), self.limits)):
            part = Part(round=n, index=k, lines=len(lines.lines), bytes=lines.size)
            part.external = self.external
            write_atomic(self.folder / part.input, "".join(lines.lines))
            write_atomic(self.folder / part.prompts, json.dumps(lines.prompts))
            self.state.parts.append(part)
        self.state.round = n
        self._save()  # the round exists from here on; before, a re-run writes it again

    # --- reading the job ----------------------------------------------------------------

    def results(self) -> list[Outcome | None]:
        """Each input's result or error record, in input order; None while unfinished."""
        n = len(read_jsonl(self.folder / "items.jsonl"))
        out: list[Outcome | None] = [None] * n
        for row in read_jsonl(self.folder / "results.jsonl"):
            if row.get("ok"):
                out[row["index"]] = SummaryResult.model_validate(row["result"])
            else:
                out[row["index"]] = ItemError(row["error"])
        return out

    def names(self) -> list[str | None]:
        return [row["name"] for row in read_jsonl(self.folder / "items.jsonl")]

    def status(self) -> JobStatus:
        got = self._answers()
        results = read_jsonl(self.folder / "results.jsonl")
        finished = {r["index"]: bool(r.get("ok")) for r in results}
        model = batch_model(self.settings)
        return JobStatus(
            job_id=self.id,
            round=self.state.round,
            finished=self.state.finished,
            items=len(read_jsonl(self.folder / "items.jsonl")),
            done=len(finished),
            failed=sum(not ok for ok in finished.values()),
            rounds=round_statuses(self.state),
            usage=got.usage,
            answered_lines=got.answered_lines,
            cost_usd=batch_cost(model, got.usage),
        )

    # --- the outputs as recordings ------------------------------------------------------

    def replay_backend(self) -> BatchAnswerBackend:
        """Strict replay of the job's batch outputs: a request with no line is an error
        naming its key, never a live call."""
        answers: dict[str, Answer] = self._answers().answers
        return BatchAnswerBackend(
            batch_model(self.settings),
            openai_mode(self.settings),
            answers,
            strict=True,
            where=str(self.folder),
        )

    def export_recordings(self, root: Path) -> int:
        """Write every answered line as a recording of the openai backend under `root`
        (recordings/ layout), so `--backend replay` and the eval gate read it."""
        store = RecordingStore(Path(root), "openai", batch_model(self.settings))
        got = self._answers().answers
        written = 0
        for part in self.state.parts:
            if not part.collected:
                continue
            prompts = read_json(self.folder / part.prompts)
            for row in read_jsonl(self.folder / part.input):
                answer = got.get(row["custom_id"])
                if answer is None or answer.body is None:
                    continue
                info = prompts.get(row["custom_id"])
                prompt = PromptInfo.model_validate(info) if info else None
                store.save(row["body"], completion_of(answer), {}, prompt)
                written += 1
        return written
