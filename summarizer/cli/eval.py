"""`summarizer eval`: score the pipeline and the baselines, write JSON/Markdown, gate.

The scoring is `summarizer.evaluation`'s (v1: `runner`, `report`; v2: `v2.run`,
`v2.report`); this module parses the options, prints, writes the files and sets the exit
status. The evaluation package never imports the CLI.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import Progress

from ..errors import SummarizerError
from ..settings import Settings
from .common import err, settings_from

# Where the labelled set is when not given: the checkout's evals/data (not in the wheel).
CASES_ENV = "SUMMARIZER_EVAL_CASES"

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
        Path | None,
        typer.Option(
            "--cases-file",
            envvar=CASES_ENV,
            help="labelled set (JSONL); default: evals/data/cases.v1.jsonl in a checkout",
        ),
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
    case_set: Annotated[
        str, typer.Option("--set", help="v1 (word-overlap metrics) or v2 (outside judges)")
    ] = "v1",
    split: Annotated[str, typer.Option(help="v2: dev, check or all")] = "all",
    vad_lexicon: Annotated[
        Path | None,
        typer.Option("--vad-lexicon", envvar="SUMMARIZER_NRC_VAD", help="v2: NRC-VAD lexicon"),
    ] = None,
) -> None:
    """Score the pipeline and two baselines on the labelled set (strict replay by default)."""
    if case_set == "v2":
        _eval_v2(
            settings_from(backend),
            cases_file,
            split,
            json_out,
            report,
            gate,
            tolerance,
            write_baseline,
            shared,
            vad_lexicon,
        )
        return
    if case_set != "v1":
        err.print(f"[red]error:[/red] --set must be v1 or v2, not {escape(case_set)}")
        raise typer.Exit(2)
    from ..evaluation.cases import DEFAULT_CASES, DEFAULT_SHARED, load_cases
    from ..evaluation.outside import babe_detector, case2021_types
    from ..evaluation.report import write_report
    from ..evaluation.runner import gate as run_gate
    from ..evaluation.runner import run_eval

    cases_path = cases_file or DEFAULT_CASES
    if not cases_path.is_file():
        err.print(f"[red]error:[/red] {escape(_no_cases_message(cases_path, cases_file))}")
        raise typer.Exit(2)
    settings = settings_from(backend)
    try:
        baseline = json.loads(gate.read_text("utf-8")) if gate else None
    except (OSError, ValueError) as exc:
        err.print(f"[red]error:[/red] --gate {escape(str(gate))}: {escape(str(exc))}")
        raise typer.Exit(2) from None
    if baseline and settings.prompt_version is None:
        # Replay the prompt version the baseline was recorded with, not whatever is newest.
        settings = settings.with_(prompt_version=baseline["prompt"]["version"])
    shared = shared or DEFAULT_SHARED
    try:
        selected = load_cases(cases_path, cases)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        err.print(f"[red]error:[/red] case set {escape(str(cases_path))}: {escape(repr(exc))}")
        raise typer.Exit(2) from None
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


def _no_cases_message(path: Path, given: Path | None) -> str:
    """Say how to point the eval at a case set (the default one is in a checkout only)."""
    if given is not None:
        return f"case set {path} not found (from --cases-file or {CASES_ENV})"
    return (
        "no labelled case set: the default, evals/data/cases.v1.jsonl, is in a checkout of "
        "the source repository, and an installed package does not carry it. Point the eval "
        f"at a case set with --cases-file PATH or {CASES_ENV}=PATH (e.g. "
        "<checkout>/evals/data/cases.v1.jsonl), and replay at its recordings with "
        "SUMMARIZER_RECORDINGS_DIR=<checkout>/recordings"
    )


def _eval_v2(
    settings: Settings,
    cases_file: Path | None,
    split: str,
    json_out: Path | None,
    report: Path | None,
    baseline_path: Path | None,
    tolerance: float,
    write_baseline: Path | None,
    shared: Path | None,
    vad_lexicon: Path | None,
) -> None:
    """`summarizer eval --set v2`: run the v2 judges, print both splits, write JSON, gate."""
    from ..evaluation.cases import DEFAULT_CASES_V2, DEFAULT_SHARED, load_cases
    from ..evaluation.v2.report import table
    from ..evaluation.v2.run import gate, run_v2

    path = cases_file or DEFAULT_CASES_V2
    if not path.is_file():
        err.print(
            f"[red]error:[/red] case set {escape(str(path))} not found; pass --cases-file "
            "<checkout>/evals/data/cases.v2.jsonl"
        )
        raise typer.Exit(2)
    try:
        data = run_v2(
            load_cases(path),
            settings,
            split=split,
            shared=shared or DEFAULT_SHARED,
            vad_lexicon=vad_lexicon,
        )
    except (SummarizerError, ValueError) as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from None
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    if json_out:
        json_out.write_text(text, "utf-8")
    if report:
        report.write_text(table(data), "utf-8")
    if not json_out and not report:
        typer.echo(table(data))
    err.print(
        f"v2 {split}: {data['n_scored']}/{data['n_cases']} cases scored, "
        f"{data['n_errors']} without a recording, {data['n_unlabelled']} unlabelled"
    )
    if write_baseline:
        keep = ("set", "split", "n_cases", "n_scored", "n_errors", "metrics", "by_split")
        write_baseline.write_text(json.dumps({k: data[k] for k in keep}, indent=1) + "\n", "utf-8")
    if baseline_path:
        failures = gate(data, json.loads(baseline_path.read_text("utf-8")), tolerance)
        for f in failures:
            err.print(f"[red]gate:[/red] {escape(f)}")
        if failures:
            raise typer.Exit(1)
