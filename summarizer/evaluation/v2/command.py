"""`summarizer eval --set v2`: run the v2 judges, print both splits, write JSON, gate."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer
from rich.markup import escape

from ...errors import SummarizerError
from ...settings import Settings
from ..cases import DEFAULT_SHARED, REPO_ROOT, load_cases
from .run import METRICS, SPLITS, SYSTEMS, gate, run_v2

DEFAULT_CASES_V2 = REPO_ROOT / "evals" / "data" / "cases.v2.jsonl"


def table(data: dict[str, Any]) -> str:
    """Markdown: one row per metric, a column per split and system."""
    splits = [s for s in SPLITS if s in data["by_split"]]
    head = [f"{sp}:{sy}" for sp in splits for sy in SYSTEMS]
    lines = ["| metric | " + " | ".join(head) + " |", "|---" * (len(head) + 1) + "|"]
    names = [*METRICS, "acc_claimed_by", "acc_reported_by", "n_sentences", "n_records"]
    for name in names:
        cells = [data["by_split"][sp][sy].get(name) for sp in splits for sy in SYSTEMS]
        lines.append(
            f"| {name} | " + " | ".join("—" if c is None else str(c) for c in cells) + " |"
        )
    lines += ["", "Most frequent failure kinds (pipeline, all scored cases):", ""]
    lines += [f"- {kind}: {n}" for kind, n in data["failure_kinds"]]
    return "\n".join(lines) + "\n"


def eval_v2(
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
    err: Any,
) -> None:
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
