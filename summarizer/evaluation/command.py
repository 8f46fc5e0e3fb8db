"""`summarizer eval`: score the pipeline and the baselines, write JSON/Markdown, gate."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress

from ..errors import SummarizerError

BackendOpt = Annotated[
    str | None,
    typer.Option("--backend", "-b", help="replay (default), local, openai or record"),
]


def eval_command(
    backend: BackendOpt = "replay",
    cases: Annotated[
        list[str] | None, typer.Option("--cases", help="case ids or id prefixes (repeatable)")
    ] = None,
    cases_file: Annotated[
        Path | None, typer.Option("--cases-file", help="labelled set (JSONL)")
    ] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="write the JSON here")] = None,
    report: Annotated[
        Path | None, typer.Option("--report", help="write a Markdown report (+ .png plot)")
    ] = None,
    gate: Annotated[
        Path | None, typer.Option("--gate", help="fail when a metric drops below this baseline")
    ] = None,
    tolerance: Annotated[float, typer.Option(help="allowed drop for --gate")] = 0.05,
    write_baseline: Annotated[
        Path | None, typer.Option("--write-baseline", help="write metrics as the new baseline")
    ] = None,
    shared: Annotated[
        Path | None, typer.Option("--shared", help="third-party data (BABE, CASE 2021)")
    ] = None,
    outside: Annotated[
        bool, typer.Option("--outside/--no-outside", help="BABE detector check (no model)")
    ] = True,
    case2021: Annotated[
        int, typer.Option("--case2021", help="also run N CASE 2021 snippets (model calls)")
    ] = 0,
) -> None:
    """Score the pipeline and two baselines on the labelled set (strict replay by default)."""
    from ..cli import _settings, err  # the CLI imports this module: import back lazily
    from .cases import DEFAULT_CASES, DEFAULT_SHARED, load_cases
    from .outside import babe_detector, case2021_types
    from .report import write_report
    from .runner import gate as run_gate
    from .runner import run_eval

    settings = _settings(backend)
    baseline = json.loads(gate.read_text("utf-8")) if gate else None
    if baseline and settings.prompt_version is None:
        # Replay the prompt version the baseline was recorded with, not whatever is newest.
        settings = settings.with_(prompt_version=baseline["prompt"]["version"])
    shared = shared or DEFAULT_SHARED
    selected = load_cases(cases_file or DEFAULT_CASES, cases)
    if not selected:
        err.print("[red]error:[/red] no case matches --cases")
        raise typer.Exit(2)
    try:
        with Progress(console=err, transient=True) as bar:
            task = bar.add_task("eval", total=len(selected))
            data = run_eval(
                selected, settings, shared=shared, on_case=lambda _id: bar.advance(task)
            )
    except SummarizerError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    data["outside"] = {}
    if outside:
        data["outside"]["babe"] = babe_detector(shared)
    if case2021:
        data["outside"]["case2021"] = case2021_types(shared, settings, case2021)
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    if json_out:
        json_out.write_text(text, "utf-8")
    if report:
        write_report(data, selected, report)
    if not json_out and not report:
        sys.stdout.write(
            json.dumps(
                {k: data[k] for k in ("n_cases", "n_scored", "n_errors", "metrics", "baselines")},
                indent=1,
            )
        )
        sys.stdout.write("\n")
    summary = ", ".join(
        f"{k}={v}"
        for k, v in data["metrics"].items()
        if k in ("event_f1", "grounding_rate", "key_fact_recall", "loaded_term_leakage")
    )
    err.print(f"{data['n_scored']}/{data['n_cases']} cases scored; {summary}")
    if write_baseline:
        keep = (
            "n_cases",
            "n_scored",
            "n_errors",
            "backend",
            "model",
            "prompt",
            "metrics",
            "baselines",
        )
        write_baseline.write_text(
            json.dumps({k: data[k] for k in keep}, ensure_ascii=False, indent=1) + "\n", "utf-8"
        )
    if baseline:
        failures = run_gate(data, baseline, tolerance)
        for f in failures:
            err.print(f"[red]gate:[/red] {f}")
        if failures:
            raise typer.Exit(1)
        err.print("[green]gate passed[/green]")
