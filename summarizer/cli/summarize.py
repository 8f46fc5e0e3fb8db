"""`summarizer summarize`: one or more articles, JSON or Markdown, streamed with --jsonl."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import Progress

from ..api import ItemError, error_record, summarize_many
from ..article import read_article
from ..batch import JsonlSink, OutputError, done_inputs
from ..errors import SummarizerError
from ..render import result_to_markdown
from ..schema import SummaryResult
from ..shard import select_shard
from .common import (
    BackendOpt,
    ConcurrencyOpt,
    ModelOpt,
    check_outputs,
    err,
    save_text,
    settings_from,
)


def _outcome_json(outcome: SummaryResult | ItemError, name: str) -> str:
    if isinstance(outcome, SummaryResult):
        return outcome.model_dump_json()
    return json.dumps({"input": name, "error": dict(outcome)}, ensure_ascii=False)


def _names(names: list[str], limit: int = 10) -> str:
    """A list of inputs for a message, cut short in a huge batch."""
    shown = ", ".join(names[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")


def _record(index: int, name: str, outcome: SummaryResult | ItemError) -> dict[str, Any]:
    """One line of the --jsonl stream: which input, and its result or its error."""
    if isinstance(outcome, SummaryResult):
        result = outcome.model_dump(mode="json")
        return {"index": index, "input": name, "ok": True, "result": result}
    return {"index": index, "input": name, "ok": False, "error": dict(outcome)}


def summarize(
    files: Annotated[list[str], typer.Argument(help="article files (.txt, .json) or - for stdin")],
    backend: BackendOpt = None,
    model: ModelOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="json or md")] = "json",
    out: Annotated[
        Path | None, typer.Option("--output", "-o", help="write here, not stdout")
    ] = None,
    jsonl: Annotated[
        Path | None,
        typer.Option(
            "--jsonl", help="append one JSON line per input to this file as each finishes"
        ),
    ] = None,
    resume: Annotated[
        bool, typer.Option("--resume", help="with --jsonl: skip inputs already in that file")
    ] = False,
    concurrency: ConcurrencyOpt = 1,
    rate: Annotated[
        float | None,
        typer.Option("--rate", min=0.001, help="at most this many model requests a second"),
    ] = None,
    shard: Annotated[
        str | None,
        typer.Option("--shard", help="i/N: only this machine's share (stable by input hash)"),
    ] = None,
) -> None:
    """Summarize one or more articles. Several files give JSON Lines, one line per input.

    With --jsonl OUT every input gets one line in OUT the moment it finishes (result or
    error); a killed run restarted with --resume skips the inputs OUT already holds a
    result for and runs the ones that failed again. Only one run may write OUT at a time.
    """
    if fmt not in ("json", "md"):
        err.print(f"[red]error:[/red] --format must be json or md, not {fmt!r}")
        raise typer.Exit(2)
    if resume and jsonl is None:
        err.print("[red]error:[/red] --resume needs --jsonl OUT")
        raise typer.Exit(2)
    settings = settings_from(backend, model)
    if shard:  # N machines, one endpoint replica each: each takes its share of the inputs
        try:
            files = select_shard(files, shard)
        except SummarizerError as exc:
            err.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(2) from None
    check_outputs(out, jsonl, files)
    sink = None
    if jsonl:
        try:  # opened (and locked) before the file is read back or anything is paid for
            sink = JsonlSink(jsonl)
        except OutputError as exc:
            err.print(f"[red]error:[/red] cannot write {exc}")
            raise typer.Exit(2) from None
    # Only results count as done: an input whose latest line is an error runs again.
    previous = done_inputs(jsonl) if resume and jsonl else {}
    todo = [i for i, name in enumerate(files) if not previous.get(name)]
    if previous:
        n_failed = sum(1 for name in files if previous.get(name) is False)
        err.print(
            f"resuming: {len(files) - len(todo)} done, {n_failed} failed before and will run again"
        )
    outcomes: dict[int, SummaryResult | ItemError] = {}
    saved: list[str] = []  # inputs of this run whose line is on disk

    def finish(i: int, outcome: SummaryResult | ItemError) -> None:
        outcomes[i] = outcome
        if sink:
            sink.append(_record(i, files[i], outcome))
            saved.append(files[i])

    articles = []
    try:
        for i in todo:
            try:
                articles.append((i, read_article(files[i], max_chars=settings.max_input_chars)))
            except SummarizerError as exc:
                finish(i, error_record(exc, i, files[i]))
                err.print(f"[red]error:[/red] {exc}")
        if articles:
            with Progress(console=err, transient=True, disable=len(articles) < 2) as bar:
                task = bar.add_task("summarizing", total=len(articles))

                def done(k: int, outcome: SummaryResult | ItemError) -> None:
                    finish(articles[k][0], outcome)
                    bar.advance(task)

                summarize_many(
                    [a for _, a in articles],
                    settings=settings,
                    concurrency=concurrency,
                    rate=rate,
                    on_done=done,
                )
    except OutputError as exc:  # the disk filled (or failed): stop paying, say what is safe
        _report_stopped(exc, files, todo, saved, outcomes)
        raise typer.Exit(2) from None
    except SummarizerError as exc:  # configuration problems stop the whole run
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        where = f"; rerun with --jsonl {jsonl} --resume to finish" if jsonl else ""
        err.print(f"[yellow]interrupted[/yellow] after {len(outcomes)} input(s){where}")
        raise typer.Exit(130) from None
    finally:
        if sink:
            sink.close()
    _write_outputs(files, [outcomes.get(i) for i in range(len(files))], fmt, out, jsonl)


def _report_stopped(
    exc: OutputError,
    files: list[str],
    todo: list[int],
    saved: list[str],
    outcomes: dict[int, SummaryResult | ItemError],
) -> None:
    """After a failed --jsonl write: which inputs are safe in the file, which are not."""
    before = len(files) - len(todo)
    lost = [files[i] for i in todo if i in outcomes and files[i] not in saved]
    not_run = [files[i] for i in todo if i not in outcomes]
    safe = f"{len(saved) + before} input(s) are safe in {exc.path}"
    if saved:
        safe += f" ({_names(saved)}" + (f", and {before} from before)" if before else ")")
    err.print(
        f"[red]error:[/red] cannot write {exc}; stopped. {safe}. "
        f"Finished but not written, so lost: {len(lost)} ({_names(lost)}). "
        f"Not run: {len(not_run)} ({_names(not_run)}). When the file can be written "
        f"again, rerun with --jsonl {exc.path} --resume to run only what is missing."
    )


def _write_outputs(
    files: list[str],
    ordered: list[SummaryResult | ItemError | None],
    fmt: str,
    out: Path | None,
    streamed: Path | None,
) -> None:
    """Print or write the outcomes in input order; None means skipped by --resume.

    `streamed` is the --jsonl file, if any: then stdout stays quiet.
    """
    shown = [(files[i], o) for i, o in enumerate(ordered) if o is not None]
    if fmt == "md":
        text = "\n".join(
            result_to_markdown(o)
            if isinstance(o, SummaryResult)
            else f"# {name}\n\nerror: {o['message']}\n"
            for name, o in shown
        )
    elif len(files) == 1 and shown and isinstance(shown[0][1], SummaryResult):
        text = shown[0][1].model_dump_json(indent=2) + "\n"
    else:
        text = "".join(_outcome_json(o, name) + "\n" for name, o in shown)
    if out:
        kept = f"there; they are in {streamed}" if streamed else "anywhere"
        save_text(out, text, f"; the {len(shown)} result(s) of this run were not saved {kept}")
    elif not streamed:  # with --jsonl the file is the output; keep stdout quiet
        sys.stdout.write(text)
    failed = [(name, o) for name, o in shown if isinstance(o, ItemError)]
    if len(files) > 1:
        for name, o in failed:
            err.print(f"[yellow]failed:[/yellow] {name}: {o['message']}")
    if failed:
        raise typer.Exit(1)
