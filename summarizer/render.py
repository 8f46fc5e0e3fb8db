"""Human-readable Markdown for one result.

Every text that comes from the article or the model goes through `markdown_text`, so an
article cannot put a live link or raw HTML into the document.
"""

from __future__ import annotations

from typing import Any

from .checks.lexicon import find_loaded_terms
from .markup import markdown_text
from .schema import Check, Event, GroundedValue, LoadedTerm, SummaryResult


def _v(value: GroundedValue | None) -> str:
    if not value:
        return "—"
    # Where the model paraphrased (a fuzzy match), show the article's own words it
    # matched: the reader gets the quote, not the model's slip ("anti-恐怖").
    text = value.evidence[0].text if value.alignment == "fuzzy" and value.evidence else value.value
    # A grounded value is the article's own words; when they carry a loaded label
    # ("US-occupied bases") the quotes say so instead of presenting it as ours.
    if any(not t.quoted for t in find_loaded_terms(text)):
        return f"“{markdown_text(text)}”"
    return markdown_text(text)


def _loaded_term_rows(terms: list[LoadedTerm]) -> list[str]:
    """One row per distinct term, with how often the article uses it (JSON keeps each use)."""
    rows: dict[tuple[str, str, str, bool], list[Any]] = {}  # key -> [first spelling, uses]
    for t in terms:
        key = (t.text.casefold(), t.category, t.neutral_alternative or "—", t.quoted)
        rows.setdefault(key, [t.text, 0])[1] += 1
    return [
        f"| {markdown_text(text)} | {category} | {markdown_text(alternative)} "
        f"| {'yes' if quoted else 'no'} | {uses} |"
        for (_, category, alternative, quoted), (text, uses) in rows.items()
    ]


def _event_line(i: int, ev: Event) -> str:
    who = _v(ev.actors.actor1)
    if ev.actors.actor2:
        who += f" vs {_v(ev.actors.actor2)}"
    resp: str = ev.responsibility
    if ev.claimed_by:
        resp += f" by {_v(ev.claimed_by)}"
    place = ", ".join(v.value for v in (ev.location.place, ev.location.country) if v)
    place = markdown_text(place) or "—"
    when = ev.date.isoformat() if ev.date else _v(ev.date_text)
    fat = "not reported" if ev.fatalities is None else str(ev.fatalities)
    return (
        f"{i}. **{ev.sub_event_type}** ({ev.event_type}): {who}; target {_v(ev.target)}; "
        f"{place}; {when}; responsibility {resp}; fatalities {fat}; "
        f"reported by {_v(ev.reported_by)} [sentences {', '.join(map(str, ev.sentence_ids))}]"
    )


def result_to_markdown(result: SummaryResult) -> str:
    title = result.article.title or result.article.path or "Article"
    lines = [f"# {markdown_text(' '.join(title.split()))}", "", "## Summary", ""]
    for s in result.summary:
        lines.append(f"- {markdown_text(s.text)} [{', '.join(map(str, s.sentence_ids))}]")
    lines += ["", "## Events", ""]
    lines += [_event_line(i, ev) for i, ev in enumerate(result.events, 1)] or ["(none)"]
    missed = [
        f.message
        for f in result.run.findings
        if f.check is Check.COVERAGE and f.severity == "warning"
    ]
    if missed:
        lines += ["", "Possibly missed (no record cites these):"]
        lines += [f"- {markdown_text(m)}" for m in missed]
    lines += ["", "## Loaded wording in the article", ""]
    if result.loaded_terms:
        lines += [
            "| term | category | neutral alternative | quoted | uses |",
            "|---|---|---|---|---|",
        ]
        lines += _loaded_term_rows(result.loaded_terms)
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
        f"{run.rereads} re-read window(s), "
        f"{run.usage.prompt_tokens} prompt + "
        f"{run.usage.completion_tokens} completion tokens, {run.seconds:.1f} s; "
        f"{len(run.findings)} findings ({len(errors)} unresolved errors).",
    ]
    lines += [f"- {f.severity}: `{f.path}` {markdown_text(f.message)}" for f in errors]
    return "\n".join(lines) + "\n"
