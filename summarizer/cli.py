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
from .errors import SummarizerError
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


@app.command()
def summarize(
    files: Annotated[list[str], typer.Argument(help="article files (.txt, .json) or - for stdin")],
    backend: BackendOpt = None,
    model: Annotated[str | None, typer.Option(help="model name for the backend")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="json or md")] = "json",
    out: Annotated[
        Path | None, typer.Option("--output", "-o", help="write here, not stdout")
    ] = None,
) -> None:
    """Summarize one or more articles. Several files give JSON Lines, one line per input."""
    if fmt not in ("json", "md"):
        err.print(f"[red]error:[/red] --format must be json or md, not {fmt!r}")
        raise typer.Exit(2)
    settings = _settings(backend, model)
    articles, outcomes = [], {}
    for i, name in enumerate(files):
        try:
            articles.append((i, read_article(name)))
        except SummarizerError as exc:
            outcomes[i] = error_record(exc, i, name)
            err.print(f"[red]error:[/red] {exc}")
    try:
        if articles:
            with Progress(console=err, transient=True, disable=len(articles) < 2) as bar:
                task = bar.add_task("summarizing", total=len(articles))
                results = summarize_many(
                    [a for _, a in articles],
                    settings=settings,
                    on_done=lambda _i, _o: bar.advance(task),
                )
            for (i, _), outcome in zip(articles, results, strict=True):
                outcomes[i] = outcome
    except SummarizerError as exc:  # configuration problems stop the whole run
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    ordered = [outcomes[i] for i in range(len(files))]
    if fmt == "md":
        text = "\n".join(
            result_to_markdown(o)
            if isinstance(o, SummaryResult)
            else f"# {files[i]}\n\nerror: {o['message']}\n"
            for i, o in enumerate(ordered)
        )
    elif len(files) == 1 and isinstance(ordered[0], SummaryResult):
        text = ordered[0].model_dump_json(indent=2) + "\n"
    else:
        text = "".join(_outcome_json(o, files[i]) + "\n" for i, o in enumerate(ordered))
    if out:
        out.write_text(text, "utf-8")
    else:
        sys.stdout.write(text)
    failed = [files[i] for i, o in enumerate(ordered) if isinstance(o, ItemError)]
    for i, o in enumerate(ordered):
        if isinstance(o, ItemError) and len(files) > 1:
            err.print(f"[yellow]failed:[/yellow] {files[i]}: {o['message']}")
    if failed:
        raise typer.Exit(1)


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
