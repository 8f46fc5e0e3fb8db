"""Command line: thin. Parse arguments, build Settings, call the library, print.

One module per command (`summarize`, `brief`, `eval`, the `batch` group); `common` holds
what they share.
The console entry point is `summarizer.cli:app`.
"""

from __future__ import annotations

import typer

from .batch import batch_app
from .brief import brief
from .dataset import events, export, ingest
from .eval import eval_command
from .summarize import summarize

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Neutral, source-grounded summaries and event records for news.",
)


@app.callback()
def _root() -> None:
    """Neutral, source-grounded summaries and event records for news."""


app.command()(summarize)
app.command()(brief)
app.command("eval")(eval_command)
app.command()(ingest)
app.command()(events)
app.command()(export)
app.add_typer(batch_app, name="batch")


def main() -> None:  # pragma: no cover - console entry point
    app()


__all__ = ["app", "main"]
