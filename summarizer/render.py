"""Human-readable Markdown for one result."""

from __future__ import annotations

from .schema import Event, GroundedValue, SummaryResult


def _v(value: GroundedValue | None) -> str:
    return value.value if value else "—"


def _event_line(i: int, ev: Event) -> str:
    who = _v(ev.actors.actor1)
    if ev.actors.actor2:
        who += f" vs {_v(ev.actors.actor2)}"
    resp = ev.responsibility
    if ev.claimed_by:
        resp += f" by {_v(ev.claimed_by)}"
    place = ", ".join(v.value for v in (ev.location.place, ev.location.country) if v) or "—"
    when = ev.date.isoformat() if ev.date else _v(ev.date_text)
    fat = "not reported" if ev.fatalities is None else str(ev.fatalities)
    return (
        f"{i}. **{ev.sub_event_type}** ({ev.event_type}): {who}; target {_v(ev.target)}; "
        f"{place}; {when}; responsibility {resp}; fatalities {fat}; "
        f"reported by {_v(ev.reported_by)} [sentences {', '.join(map(str, ev.sentence_ids))}]"
    )


def result_to_markdown(result: SummaryResult) -> str:
    title = result.article.title or result.article.path or "Article"
    lines = [f"# {title}", "", "## Summary", ""]
    for s in result.summary:
        lines.append(f"- {s.text} [{', '.join(map(str, s.sentence_ids))}]")
    lines += ["", "## Events", ""]
    lines += [_event_line(i, ev) for i, ev in enumerate(result.events, 1)] or ["(none)"]
    lines += ["", "## Loaded wording in the article", ""]
    if result.loaded_terms:
        lines += ["| term | category | neutral alternative | quoted |", "|---|---|---|---|"]
        lines += [
            f"| {t.text} | {t.category} | {t.neutral_alternative or '—'} | "
            f"{'yes' if t.quoted else 'no'} |"
            for t in result.loaded_terms
        ]
    else:
        lines.append("(none found)")
    run = result.run
    errors = [f for f in run.findings if f.severity == "error" and not f.repaired]
    lines += [
        "",
        "## Run",
        "",
        f"{run.backend} / {run.model}, prompt {run.prompt.name} {run.prompt.version} "
        f"({run.prompt.sha256[:12]}), {run.attempts} attempt(s), "
        f"{run.usage.prompt_tokens} prompt + "
        f"{run.usage.completion_tokens} completion tokens, {run.seconds:.1f} s; "
        f"{len(run.findings)} findings ({len(errors)} unresolved errors).",
    ]
    lines += [f"- {f.severity}: `{f.path}` {f.message}" for f in errors]
    return "\n".join(lines) + "\n"
