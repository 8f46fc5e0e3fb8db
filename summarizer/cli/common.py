"""What the commands share: the stderr console, Settings from the options, option types,
and the check that outputs can be written before anything is paid for."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from ..batch import OutputError, check_output, write_output
from ..errors import SummarizerError
from ..settings import Settings

err = Console(stderr=True)

BackendOpt = Annotated[
    str | None,
    typer.Option("--backend", "-b", help="local (default), openai, replay or record"),
]
ModelOpt = Annotated[str | None, typer.Option(help="model name for the backend")]
ConcurrencyOpt = Annotated[
    int, typer.Option("--concurrency", "-j", min=1, help="articles summarized at once")
]


def settings_from(backend: str | None, model: str | None = None) -> Settings:
    """Settings from the environment and the options; a bad value exits 2 with a message."""
    try:
        return Settings.from_env(backend=backend, model=model)
    except SummarizerError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None


def check_outputs(out: Path | None, jsonl: Path | None, inputs: list[str]) -> None:
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


def save_text(out: Path, text: str, lost: str = "") -> None:
    """Write a command's output file whole; when it cannot be written, say so (with what
    was `lost`, e.g. "; the briefing was not saved") and exit 2."""
    try:
        write_output(out, text)
    except OutputError as exc:
        err.print(f"[red]error:[/red] cannot write {exc}{lost}")
        raise typer.Exit(2) from None
