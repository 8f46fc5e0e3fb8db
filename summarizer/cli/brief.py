"""`summarizer brief`: many articles (files or folders) into one briefing."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress

from ..api import summarize_many
from ..article import read_article
from ..errors import SummarizerError
from .common import (
    BackendOpt,
    ConcurrencyOpt,
    ModelOpt,
    check_outputs,
    err,
    save_text,
    settings_from,
)

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


def brief(
    inputs: Annotated[
        list[str] | None, typer.Argument(help="article files (.txt, .json) or folders")
    ] = None,
    backend: BackendOpt = None,
    model: ModelOpt = None,
    out: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="OUT.md, OUT.html or OUT.json (default: md to stdout)"),
    ] = None,
    concurrency: ConcurrencyOpt = 1,
    title: Annotated[str, typer.Option(help="the briefing's title")] = "Briefing",
    db: Annotated[
        str | None, typer.Option("--db", help="brief from this event dataset, not from files")
    ] = None,
    since: Annotated[str | None, typer.Option(help="with --db: events from this date")] = None,
    until: Annotated[str | None, typer.Option(help="with --db: events up to this date")] = None,
) -> None:
    """Summarize many articles into one briefing: events merged across outlets."""
    from ..briefing import briefing_to_html, briefing_to_json, briefing_to_markdown
    from ..briefing.build import build_briefing

    fmt = BRIEF_FORMATS.get(out.suffix.lower()) if out else "md"
    if fmt is None:
        err.print(f"[red]error:[/red] output must end in .md, .html or .json, not {out}")
        raise typer.Exit(2)
    if db is not None:  # the dataset's stored results, no model call
        from .dataset import stored_results

        articles, outcomes = stored_results(db, since, until)
        names = []
    else:
        articles, outcomes, names = [], None, _article_files(inputs or [])
    settings = settings_from(backend, model)
    check_outputs(out, None, names)
    for name in names:
        try:
            articles.append(read_article(name))
        except SummarizerError as exc:  # one unreadable file does not stop the briefing
            err.print(f"[yellow]skipped:[/yellow] {exc}")
    if not articles:
        err.print("[red]error:[/red] no readable articles")
        raise typer.Exit(2)
    try:
        with Progress(console=err, transient=True, disable=outcomes is not None) as bar:
            task = bar.add_task("summarizing", total=len(articles))
            outcomes = outcomes or summarize_many(
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
        save_text(out, text, "; the briefing was not saved")
        err.print(f"{len(briefing.events)} event(s) from {len(articles)} article(s) -> {out}")
    else:
        sys.stdout.write(text)
    for e in briefing.errors:
        err.print(f"[yellow]failed:[/yellow] {articles[e['article']].path}: {e['message']}")
    if briefing.errors:
        raise typer.Exit(1)
