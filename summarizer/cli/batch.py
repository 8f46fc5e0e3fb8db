"""`summarizer batch ...`: many articles through a Batch API or `vllm run-batch`.

batch submit FILES... --job DIR      write round 1 and send it
batch status --job DIR [--watch]     rounds, batches, progress, tokens and cost
batch collect --job DIR [-o OUT]     fetch, finish what can be, send the next round
batch run FILES... --job DIR -o OUT  all of it, polling until done
batch export --job DIR [--round N]   a round's lines, for `vllm run-batch`
batch import --job DIR OUT.jsonl     its answers, as the round's output
batch recordings --job DIR           the answers as recordings (for replay, the eval)
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from ..api import ItemError, error_record
from ..article import Article, read_article
from ..batch import OutputError, write_output
from ..batch_api import BatchJob, BatchLimits, JobStatus, outcome_record
from ..errors import SummarizerError
from ..settings import Settings
from .common import ModelOpt, check_outputs, err, settings_from

batch_app = typer.Typer(
    no_args_is_help=True,
    help="Many articles at once: the OpenAI Batch API format, or vllm run-batch files.",
)

JobOpt = Annotated[Path, typer.Option("--job", help="the job folder (its whole state)")]
FilesArg = Annotated[list[str], typer.Argument(help="article files (.txt, .json)")]
OutOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="results as JSON Lines, in input order")
]
MaxLinesOpt = Annotated[int, typer.Option("--max-lines", min=1, help="lines per input file")]
MaxMbOpt = Annotated[float, typer.Option("--max-mb", min=0.001, help="MB per input file")]
WaveOpt = Annotated[int, typer.Option("--wave", min=0, help="input files in flight (0: all)")]
PollOpt = Annotated[float, typer.Option("--poll", min=0.0, help="seconds between polls")]


@contextmanager
def _errors_exit() -> Iterator[None]:
    """Our errors (configuration, the endpoint, the job folder) are a message and exit 2."""
    try:
        yield
    except (SummarizerError, OutputError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None


def _read(files: list[str], settings: Settings) -> list[Article | ItemError]:
    items: list[Article | ItemError] = []
    for i, name in enumerate(files):
        try:
            items.append(read_article(name, max_chars=settings.max_input_chars))
        except SummarizerError as exc:  # that input's error record; the others go on
            items.append(error_record(exc, i, name))
    return items


def _create(
    files: list[str], job: Path, model: str | None, limits: BatchLimits, external: bool
) -> BatchJob:
    settings = settings_from("openai", model)
    return BatchJob.create(
        job, _read(files, settings), settings, limits=limits, names=files, external=external
    )


def _show(status: JobStatus) -> None:
    for line in status.lines():
        err.print(line, highlight=False, markup=False)


def _write(job: BatchJob, out: Path | None) -> int:
    """Write the finished records in input order; the number of error records."""
    outcomes = job.results()
    names = job.names()
    failed = sum(isinstance(o, ItemError) for o in outcomes)
    if out is not None:
        text = "".join(
            json.dumps(outcome_record(i, names[i], o), ensure_ascii=False) + "\n"
            for i, o in enumerate(outcomes)
            if o is not None
        )
        write_output(out, text)
    return failed


@batch_app.command()
def submit(
    files: FilesArg,
    job: JobOpt,
    model: ModelOpt = None,
    max_lines: MaxLinesOpt = 50_000,
    max_mb: MaxMbOpt = 190.0,
    wave: WaveOpt = 0,
    external: Annotated[
        bool, typer.Option("--external", help="send nothing: export / import each round")
    ] = False,
) -> None:
    """Write the job (round 1: every chunk's first pass) and send it to the Batch API."""
    with _errors_exit():
        made = _create(files, job, model, BatchLimits(max_lines, max_mb, wave), external)
        made.submit()
        _show(made.status())


@batch_app.command()
def status(
    job: JobOpt,
    watch: Annotated[
        bool, typer.Option("--watch", help="poll until no batch is in flight")
    ] = False,
    poll: PollOpt = 30.0,
) -> None:
    """Where the job stands: rounds, files, batches, inputs done, tokens and cost."""
    with _errors_exit():
        opened = BatchJob(job)
        while True:
            if not opened.external:
                opened.refresh()
            _show(opened.status())
            if not watch or not any(p.in_flight for p in opened.state.parts):
                return
            time.sleep(poll)


@batch_app.command()
def collect(job: JobOpt, out: OutOpt = None) -> None:
    """Fetch finished batches, finish what their answers allow, send the next round."""
    with _errors_exit():
        check_outputs(out, None, [])
        opened = BatchJob(job)
        _show(opened.collect())
        _write(opened, out)


@batch_app.command()
def run(
    files: FilesArg,
    job: JobOpt,
    out: Annotated[Path, typer.Option("--output", "-o", help="results as JSON Lines")],
    model: ModelOpt = None,
    poll: PollOpt = 30.0,
    max_lines: MaxLinesOpt = 50_000,
    max_mb: MaxMbOpt = 190.0,
    wave: WaveOpt = 0,
) -> None:
    """Submit, wait and collect until every input has a result or an error record.

    Run again with the same --job after a kill: it goes on where it stopped.
    """
    check_outputs(out, None, files)
    with _errors_exit():
        if (job / "job.json").exists():
            opened = BatchJob(job)
            if opened.names() != files:
                err.print(f"[red]error:[/red] {job} holds a job for other inputs")
                raise typer.Exit(2)
        else:
            opened = _create(files, job, model, BatchLimits(max_lines, max_mb, wave), False)
        opened.run(poll_s=poll, on_status=_show)
        failed = _write(opened, out)
    if failed:
        err.print(f"[yellow]{failed} input(s) ended with an error record[/yellow] (see {out})")
        raise typer.Exit(1)


@batch_app.command()
def export(
    job: JobOpt,
    round_no: Annotated[
        int | None, typer.Option("--round", help="which round (default: the current one)")
    ] = None,
) -> None:
    """Print a round's request lines, for `vllm run-batch -i` or an air-gapped service."""
    with _errors_exit():
        for line in BatchJob(job).export(round_no):
            sys.stdout.write(line)


@batch_app.command("import")
def import_(
    job: JobOpt,
    answers: Annotated[Path, typer.Argument(help="the output file (vllm run-batch -o)")],
    out: OutOpt = None,
) -> None:
    """Take a round's output file as its answers; write the next round's lines."""
    with _errors_exit():
        check_outputs(out, None, [])
        opened = BatchJob(job)
        state = opened.import_output(answers)
        _show(state)
        if not state.finished:
            err.print(f"next: summarizer batch export --job {job} --round {state.round}")
        _write(opened, out)


@batch_app.command()
def recordings(
    job: JobOpt,
    into: Annotated[Path, typer.Option("--into", help="the recordings folder")] = Path(
        "recordings"
    ),
) -> None:
    """Write the job's answers as recordings of the openai backend (strict replay, eval)."""
    with _errors_exit():
        n = BatchJob(job).export_recordings(into)
        err.print(f"{n} recording(s) written under {into}")
