"""Markdown report and a PNG plot from the eval JSON."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from ..article import split_sentences
from .metrics import gated, metric, plotted, shown


def _fmt(v: Any) -> str:
    if v is None:
        return "–"
    return (
        f"{v:.3f}"
        if isinstance(v, float) and abs(v) < 10
        else f"{v:.0f}"
        if isinstance(v, float)
        else str(v)
    )


def systems(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {"pipeline": data["metrics"], **data.get("baselines", {})}


def case_quality(score: dict[str, Any]) -> float:
    """One number per case for ranking the worst: events, key facts, grounding, leakage."""
    parts = [score["event"]["f1"]]
    ok = sum(v[0] for v in score["fields"].values())
    n = sum(v[1] for v in score["fields"].values())
    if n:
        parts.append(ok / n)  # wrong fields on matched events count too
    for key in ("key_fact_recall", "grounding_rate"):
        if score.get(key) is not None:
            parts.append(score[key])
    parts.append(0.0 if score["loaded_terms"] or score["forbidden"] else 1.0)
    return float(sum(parts) / len(parts))


def verdict(name: str, ours: Any, theirs: Any) -> str:
    """'wins +0.12' / '**loses** -0.30' / 'ties', signed so that + is always better."""
    known = metric("v1", name)
    direction = known.direction if known else 1
    if ours is None or theirs is None or direction == 0:  # costs: no better side
        return ""
    delta = (theirs - ours) if direction < 0 else (ours - theirs)
    if abs(delta) < 1e-9:
        return "ties"
    return f"wins +{delta:.2f}" if delta > 0 else f"**loses** {delta:.2f}"


def summary_diff(before: str, after: str) -> list[str]:
    """Sentence-level diff: '-' only in the unchecked answer, '+' only in the pipeline's."""
    # The article's own splitter: 'U.S.' and 'Aug. 29' do not end a sentence.
    lines = list(
        difflib.ndiff(
            [x.text for x in split_sentences(before)], [x.text for x in split_sentences(after)]
        )
    )
    return [line for line in lines if line[:1] in "-+ "] or ["  (both empty)"]


def plot(data: dict[str, Any], out: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")  # no display on CI or servers
    import matplotlib.pyplot as plt

    sysm = systems(data)
    bars = plotted("v1")
    fig, ax = plt.subplots(figsize=(10, 4))
    width = 0.8 / len(sysm)
    for k, (name, metrics) in enumerate(sysm.items()):
        values = [metrics.get(m) or 0.0 for m in bars]
        ax.bar([i + k * width for i in range(len(bars))], values, width, label=name)
    ax.set_xticks([i + width * (len(sysm) - 1) / 2 for i in range(len(bars))])
    ax.set_xticklabels(bars, rotation=30, ha="right", fontsize=8)
    ax.set_ylim(0, 1)
    ax.set_title(f"{data['model']}: {data['n_scored']} scored cases (leakage: lower is better)")
    ax.legend()
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return out


def _events_table(
    gold: list[dict[str, Any]], pred: list[dict[str, Any]], raw: list[dict[str, Any]]
) -> list[str]:
    lines = [
        "| | sub-type | actor1 | target | location | fatalities | responsibility |",
        "|---|---|---|---|---|---|---|",
    ]
    for tag, events in (("gold", gold), ("pipeline", pred), ("unchecked", raw)):
        for e in events:

            def first(v: Any) -> Any:
                return v[0] if isinstance(v, list) and v else v

            lines.append(
                f"| {tag} | {e['sub_event_type']} | {_fmt(first(e.get('actor1')))} | "
                f"{_fmt(first(e.get('target')))} | {_fmt(first(e.get('location')))} | "
                f"{_fmt(e.get('fatalities'))} | {e.get('responsibility')} |"
            )
    return lines


def to_markdown(
    data: dict[str, Any], cases: list[dict[str, Any]], plot_name: str | None, worst: int = 5
) -> str:
    sysm = systems(data)
    names = list(sysm)
    out = [
        f"# Eval report: {data['model']} (prompt {data['prompt']['name']}."
        f"{data['prompt']['version']})",
        "",
        f"{data['n_cases']} cases, {data['n_scored']} scored, {data['n_errors']} errors "
        f"(backend {data['backend']}). All systems are scored on the same cases.",
        "",
    ]
    if plot_name:
        out += [f"![metrics per system]({plot_name})", ""]
    out += [
        "| metric | "
        + " | ".join(names)
        + " | "
        + " | ".join(f"pipeline vs {n}" for n in names[1:])
        + " |",
        "|---" * (2 * len(names)) + "|",
    ]
    gates = {m.name for m in gated("v1")}
    for m in shown("v1"):
        vals = [sysm[n].get(m) for n in names]
        verdicts = [verdict(m, vals[0], v) for v in vals[1:]]
        mark = " (gated)" if m in gates else ""
        out.append(
            f"| {m}{mark} | "
            + " | ".join(_fmt(v) for v in vals)
            + " | "
            + " | ".join(verdicts)
            + " |"
        )
    out += [
        "",
        "Reading it: lead-3 copies article sentences, so its grounding is 1.0 by "
        "construction and it has no events; its leakage shows how loaded the sources "
        "are. `unchecked` is the same model's first answer with no checks, re-ask or "
        "repairs (read from the recordings). Cost rows are recorded wall time on a shared "
        "CPU, not replay time.",
        "",
    ]
    outside = data.get("outside") or {}
    if outside.get("babe"):
        b = outside["babe"]
        out += [
            f"Outside check (not gated): our lexicon vs BABE expert labels on "
            f"{b['sentences']} sentences: word P/R {_fmt(b['word_precision'])}/"
            f"{_fmt(b['word_recall'])}, sentence P/R {_fmt(b['sentence_precision'])}/"
            f"{_fmt(b['sentence_recall'])}.",
            "",
        ]
    if outside.get("case2021"):
        c = outside["case2021"]
        out += [
            f"CASE 2021 sub-type accuracy on {c['n']} snippets: "
            f"{_fmt(c['sub_type_accuracy'])} ({c['answered']} answered).",
            "",
        ]
    errors = [r for r in data["cases"] if "error" in r]
    if errors:
        out += ["", "## Errors", ""]
        out += [
            f"- `{r['id']}`: {r['error']['type']}: {r['error']['message'][:160]}" for r in errors
        ]
    by_id = {c["id"]: c for c in cases}
    scored = [r for r in data["cases"] if "systems" in r]
    scored.sort(key=lambda r: case_quality(r["systems"]["pipeline"]["score"]))
    out += ["", f"## Worst {min(worst, len(scored))} cases (pipeline)", ""]
    for r in scored[:worst]:
        case = by_id[r["id"]]
        p = r["systems"]["pipeline"]
        u = r["systems"]["unchecked"]
        s = p["score"]
        out += [
            f"### `{r['id']}` (quality {case_quality(s):.2f})",
            "",
            f"Labeller's note: {case['note']}",
            "",
            f"- event P/R/F1 {s['event']['precision']:.2f}/{s['event']['recall']:.2f}/"
            f"{s['event']['f1']:.2f}; key facts {_fmt(s['key_fact_recall'])}; grounding "
            f"{_fmt(s['grounding_rate'])}; loaded terms {s['loaded_terms'] or 'none'}; "
            f"forbidden {s['forbidden'] or 'none'}",
            f"- pipeline summary: {p['summary'] or '(none)'}",
            "",
            "What our checks changed (unchecked first answer -> pipeline):",
            "",
            "```diff",
            *summary_diff(u["summary"], p["summary"]),
            "```",
            "",
        ]
        out += [*_events_table(case["gold_events"], p["events"], u["events"]), ""]
    return "\n".join(out) + "\n"


def write_report(data: dict[str, Any], cases: list[dict[str, Any]], out: Path) -> Path:
    png = out.with_suffix(".png")
    try:
        plot(data, png)
        plot_name: str | None = png.name
    except ImportError:  # matplotlib is in the `eval` extra only
        plot_name = None
    out.write_text(to_markdown(data, cases, plot_name), "utf-8")
    return out
