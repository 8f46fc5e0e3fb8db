"""Command line: thin. Parse arguments, build Settings, call the library, print."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress

from .api import ItemError, error_record, summarize_many
from .article import read_article
from .batch import JsonlSink, OutputError, check_output, done_inputs, write_output
from .errors import SummarizerError
from .evaluation.command import eval_command
from .render import result_to_markdown
from .schema import SummaryResult
from .settings import Settings

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Neutral, source-grounded summaries and event records for news.",
)
err = Console(stderr=True)


@app.callback()
def _root() -> None:
    """Neutral, source-grounded summaries and event records for news."""


BackendOpt = Annotated[
    str | None,
    typer.Option("--backend", "-b", help="local (default), openai, replay or record"),
]


def _settings(backend: str | None, model: str | None = None) -> Settings:
    try:
        return Settings.from_env(backend=backend, model=model)
    except SummarizerError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None


def _outcome_json(outcome: SummaryResult | ItemError, name: str) -> str:
    if isinstance(outcome, SummaryResult):
        return outcome.model_dump_json()
    return json.dumps({"input": name, "error": dict(outcome)}, ensure_ascii=False)


def _names(names: list[str], limit: int = 10) -> str:
    """A list of inputs for a message, cut short in a huge batch."""
    shown = ", ".join(names[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")


def _check_outputs(out: Path | None, jsonl: Path | None, inputs: list[str]) -> None:
    """Refuse outputs that cannot be written before any request is paid for (exit 2)."""
    try:
        if out and jsonl and out.resolve() == jsonl.resolve():
            raise OutputError(out, "-o and --jsonl name the same file; choose two")
        if out:
            check_output(out, inputs)
        if jsonl:
            check_output(jsonl, inputs, parent_made=True)  # the sink creates folders
    except OutputError as exc:
        err.print(f"[red]error:[/red] cannot write {exc}")
        raise typer.Exit(2) from None


def _record(index: int, name: str, outcome: SummaryResult | ItemError) -> dict:
    """One line of the --jsonl stream: which input, and its result or its error."""
    if isinstance(outcome, SummaryResult):
        result = outcome.model_dump(mode="json")
        return {"index": index, "input": name, "ok": True, "result": result}
    return {"index": index, "input": name, "ok": False, "error": dict(outcome)}


@app.command()
def summarize(
    files: Annotated[list[str], typer.Argument(help="article files (.txt, .json) or - for stdin")],
    backend: BackendOpt = None,
    model: Annotated[str | None, typer.Option(help="model name for the backend")] = None,
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
    concurrency: Annotated[
        int, typer.Option("--concurrency", "-j", min=1, help="articles summarized at once")
    ] = 1,
    rate: Annotated[
        float | None,
        typer.Option("--rate", min=0.001, help="at most this many model requests a second"),
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
    settings = _settings(backend, model)
    _check_outputs(out, jsonl, files)
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
        try:
            write_output(out, text)
        except OutputError as exc:
            kept = f"there; they are in {streamed}" if streamed else "anywhere"
            err.print(
                f"[red]error:[/red] cannot write {exc}; the {len(shown)} result(s) of this "
                f"run were not saved {kept}"
            )
            raise typer.Exit(2) from None
    elif not streamed:  # with --jsonl the file is the output; keep stdout quiet
        sys.stdout.write(text)
    failed = [(name, o) for name, o in shown if isinstance(o, ItemError)]
    if len(files) > 1:
        for name, o in failed:
            err.print(f"[yellow]failed:[/yellow] {name}: {o['message']}")
    if failed:
        raise typer.Exit(1)


BRIEF_FORMATS = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".json": "json"}


def _article_files(inputs: list[str]) -> list[str]:
    """Files as given; a folder stands for its .json and .txt files, sorted by name."""
    files: list[str] = []
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            try:
                found = sorted(p for p in path.iterdir() if p.suffix in (".json", ".txt"))
            except OSError as exc:  # an unreadable folder is skipped like a bad file
                err.print(f"[yellow]skipped:[/yellow] {name}: {exc.strerror or exc}")
                continue
            files += [str(p) for p in found if p.is_file()]
        else:
            files.append(name)
    return files


@app.command()
def brief(
    inputs: Annotated[list[str], typer.Argument(help="article files (.txt, .json) or folders")],
    backend: BackendOpt = None,
    model: Annotated[str | None, typer.Option(help="model name for the backend")] = None,
    out: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="OUT.md, OUT.html or OUT.json (default: md to stdout)"),
    ] = None,
    concurrency: Annotated[
        int, typer.Option("--concurrency", "-j", min=1, help="articles summarized at once")
    ] = 1,
    title: Annotated[str, typer.Option(help="the briefing's title")] = "Briefing",
) -> None:
    """Summarize many articles into one briefing: events merged across outlets."""
    from .briefing import briefing_to_html, briefing_to_json, briefing_to_markdown
    from .briefing.build import build_briefing

    fmt = BRIEF_FORMATS.get(out.suffix.lower()) if out else "md"
    if fmt is None:
        err.print(f"[red]error:[/red] output must end in .md, .html or .json, not {out}")
        raise typer.Exit(2)
    settings = _settings(backend, model)
    names = _article_files(inputs)
    _check_outputs(out, None, names)
    articles = []
    for name in names:
        try:
            articles.append(read_article(name))
        except SummarizerError as exc:  # one unreadable file does not stop the briefing
            err.print(f"[yellow]skipped:[/yellow] {exc}")
    if not articles:
        err.print("[red]error:[/red] no readable articles")
        raise typer.Exit(2)
    try:
        with Progress(console=err, transient=True) as bar:
            task = bar.add_task("summarizing", total=len(articles))
            outcomes = summarize_many(
                articles,
                settings=settings,
                concurrency=concurrency,
                on_done=lambda _i, _o: bar.advance(task),
            )
    except SummarizerError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    briefing = build_briefing(articles, outcomes, title=title)
    render = {"md": briefing_to_markdown, "html": briefing_to_html, "json": briefing_to_json}
    text = render[fmt](briefing)
    if out:
        try:
            write_output(out, text)
        except OutputError as exc:
            err.print(f"[red]error:[/red] cannot write {exc}; the briefing was not saved")
            raise typer.Exit(2) from None
        err.print(f"{len(briefing.events)} event(s) from {len(articles)} article(s) -> {out}")
    else:
        sys.stdout.write(text)
    for e in briefing.errors:
        err.print(f"[yellow]failed:[/yellow] {articles[e['article']].path}: {e['message']}")
    if briefing.errors:
        raise typer.Exit(1)


# The eval command lives with the eval code; registered here so `summarizer eval` works.
app.command("eval")(eval_command)


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
