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


BRIEF_FORMATS = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".json": "json"}


def _article_files(inputs: list[str]) -> list[str]:
    """Files as given; a folder stands for its .json and .txt files, sorted by name."""
    files: list[str] = []
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix in (".json", ".txt"))
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
    articles = []
    for name in _article_files(inputs):
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
        out.write_text(text, "utf-8")
        err.print(f"{len(briefing.events)} event(s) from {len(articles)} article(s) -> {out}")
    else:
        sys.stdout.write(text)
    for e in briefing.errors:
        err.print(f"[yellow]failed:[/yellow] {articles[e['article']].path}: {e['message']}")
    if briefing.errors:
        raise typer.Exit(1)


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
