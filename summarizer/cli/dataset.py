"""`summarizer ingest`, `events` and `export`: the event dataset (needs the dataset extra)."""

from __future__ import annotations

import csv
import io
import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import Progress

from ..api import ItemError
from ..article import Article, read_article
from ..errors import SummarizerError
from ..schema import SummaryResult
from .brief import _article_files
from .common import BackendOpt, ConcurrencyOpt, ModelOpt, err, save_text, settings_from

DbOpt = Annotated[
    str | None,
    typer.Option("--db", help="SQLite file or SQLAlchemy URL (default: $SUMMARIZER_DB, events.db)"),
]
SinceOpt = Annotated[str | None, typer.Option(help="from this date (YYYY-MM-DD)")]
UntilOpt = Annotated[str | None, typer.Option(help="up to this date (YYYY-MM-DD)")]


def parse_day(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        err.print(f"[red]error:[/red] {name} must be a date like 2024-03-01, not {value!r}")
        raise typer.Exit(2) from None


def _store(db: str | None) -> Any:
    try:
        from ..dataset.store import open_store
    except ImportError as exc:  # the extra is not installed
        err.print(f"[red]error:[/red] {exc}; install it with pip install -e '.[dataset]'")
        raise typer.Exit(2) from None
    return open_store(db)


def ingest(
    inputs: Annotated[
        list[str], typer.Argument(help="article files or folders; with --from-jsonl, JSONL files")
    ],
    db: DbOpt = None,
    backend: BackendOpt = None,
    model: ModelOpt = None,
    concurrency: ConcurrencyOpt = 1,
    from_jsonl: Annotated[
        bool, typer.Option("--from-jsonl", help="load results written by summarize --jsonl")
    ] = False,
) -> None:
    """Add articles to the event dataset: summarise what is not stored yet, merge events."""
    from ..dataset.ingest import ingest_articles, ingest_results, read_results

    store = _store(db)
    if from_jsonl:
        results = [r for name in inputs for r in read_results(Path(name))]
        report = ingest_results(store, results)
    else:
        settings = settings_from(backend, model)
        articles = []
        for name in _article_files(inputs):
            try:
                articles.append(read_article(name, max_chars=settings.max_input_chars))
            except SummarizerError as exc:
                err.print(f"[yellow]skipped:[/yellow] {exc}")
        try:
            with Progress(console=err, transient=True, disable=len(articles) < 2) as bar:
                task = bar.add_task("ingesting", total=len(articles))
                report = ingest_articles(
                    store, articles, settings, concurrency=concurrency,
                    on_done=lambda: bar.advance(task),
                )  # fmt: skip
        except SummarizerError as exc:
            err.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(2) from None
    n = store.counts()
    err.print(
        f"stored {report.stored} result(s), {report.skipped} already stored; "
        f"{report.events_new} new event(s), {report.events_joined} report(s) joined an event. "
        f"Dataset: {n['articles']} article(s), {n['events']} event(s) from {n['sources']} "
        f"report(s), {n['multi_source_events']} event(s) with several sources"
    )
    for message in report.failed:
        err.print(f"[yellow]failed:[/yellow] {message}")
    if report.failed:
        raise typer.Exit(1)


def _rows(db: str | None, **filters: Any) -> list[dict[str, Any]]:
    from ..dataset.acled import Filters, rows

    store = _store(db)
    with store.engine.connect() as conn:
        return rows(conn, Filters(**filters))


def _csv(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> str:
    from ..dataset.acled import csv_value

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: csv_value(v) for k, v in r.items()} for r in rows)
    return out.getvalue()


def _table(rows: list[dict[str, Any]]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table("event", "date", "type", "country", "location", "killed", "sources")
    for r in rows:
        table.add_row(
            r["event_id_cnty"], r["event_date"], r["sub_event_type"], r["country"],
            r["location"], str(r["fatalities"]), str(r["n_sources"]),
        )  # fmt: skip
    Console().print(table)


def events(
    db: DbOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    country: Annotated[str | None, typer.Option(help="country name or ISO alpha-3")] = None,
    actor: Annotated[str | None, typer.Option(help="an actor's name, or part of it")] = None,
    kind: Annotated[str | None, typer.Option("--type", help="event or sub-event type")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv or json")] = "table",
) -> None:
    """Query the event dataset."""
    from ..dataset.acled import COLUMNS

    if fmt not in ("table", "csv", "json"):
        err.print(f"[red]error:[/red] --format must be table, csv or json, not {fmt!r}")
        raise typer.Exit(2)
    found = _rows(
        db, since=parse_day(since, "--since"), until=parse_day(until, "--until"),
        country=country, actor=actor, event_type=kind,
    )  # fmt: skip
    if fmt == "table":
        _table(found)
    elif fmt == "csv":
        sys.stdout.write(_csv(found, COLUMNS))
    else:
        sys.stdout.write(json.dumps(found, ensure_ascii=False, indent=2) + "\n")


def export(
    db: DbOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="acled-csv or jsonl")] = "acled-csv",
    out: Annotated[
        Path | None, typer.Option("--output", "-o", help="write here, not stdout")
    ] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
) -> None:
    """Export the dataset: ACLED's CSV columns (plus ours) or JSON Lines."""
    from ..dataset.acled import COLUMNS

    if fmt not in ("acled-csv", "jsonl"):
        err.print(f"[red]error:[/red] --format must be acled-csv or jsonl, not {fmt!r}")
        raise typer.Exit(2)
    found = _rows(db, since=parse_day(since, "--since"), until=parse_day(until, "--until"))
    if fmt == "acled-csv":
        text = _csv(found, COLUMNS)
    else:
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in found)
    if out is None:
        sys.stdout.write(text)
        return
    save_text(out, text)
    err.print(f"{len(found)} event(s) -> {out}")


def stored_results(
    db: str, since: str | None, until: str | None
) -> tuple[list[Article], list[SummaryResult | ItemError]]:
    """`brief --db`: the stored articles with an event in the dates, and their results."""
    from ..dataset.stored import results_between

    articles, results = results_between(
        _store(db), parse_day(since, "--since"), parse_day(until, "--until")
    )
    return articles, list(results)
