"""Markdown for reading and diffing: one section per merged event, then the framing."""

from __future__ import annotations

from ..markup import markdown_link, markdown_text
from .framing import by_category
from .model import Briefing, BriefingEvent, TermUse


def _cell(text: str) -> str:
    # One line, the article's own markup characters escaped, a literal '|' let through.
    return markdown_text(" ".join(text.split())).replace("|", "\\|")


def _framing_table(briefing: Briefing, uses: list[TermUse]) -> list[str]:
    table = by_category(uses)
    if not table:
        return ["(no loaded terms from our lexicon)"]
    outlets = [a.index for a in briefing.articles if any(a.index in row for row in table.values())]
    lines = [
        "| category | " + " | ".join(_cell(briefing.label(i)) for i in outlets) + " |",
        "|---|" + "---|" * len(outlets),
    ]
    for category, row in sorted(table.items()):
        cells = [", ".join(row.get(i, [])) or "—" for i in outlets]
        lines.append(f"| {_cell(category)} | " + " | ".join(_cell(c) for c in cells) + " |")
    return lines


def _event(briefing: Briefing, ev: BriefingEvent) -> list[str]:
    lines = [f"## {ev.id}. {_cell(ev.headline)}", ""]
    names = _cell(briefing.labels([s.article for s in ev.sources]))
    lines += [f"*{ev.event_type}; reported by {len(ev.sources)} source(s): {names}*", ""]
    lines += [markdown_text(ev.account), ""]
    if ev.disagreements:
        lines += ["**Where the sources differ**", ""]
        for f in ev.fields:
            if f.disagreement:
                versions = "; ".join(
                    f"{_cell(v.value)} ({_cell(briefing.labels(v.sources))})" for v in f.versions
                )
                lines.append(f"- {f.label}: {versions}")
        lines.append("")
    lines += ["**Sources**", ""]
    for s in ev.sources:
        quotes = " … ".join(f"“{_cell(sp.text)}” [{sp.start}–{sp.end}]" for sp in s.spans)
        lines.append(f"- {_cell(s.source)} ({s.sub_event_type}): {quotes or '(no span)'}")
    if ev.framing:
        lines += ["", "**Wording in these reports**", ""]
        lines += _framing_table(briefing, ev.framing)
    return [*lines, ""]


def briefing_to_markdown(briefing: Briefing) -> str:
    lines = [f"# {briefing.title}", ""]
    lines.append(
        f"{len(briefing.events)} event(s) from {len(briefing.articles)} article(s); "
        "every statement says which source reports it."
    )
    lines.append("")
    for ev in briefing.events:
        lines += _event(briefing, ev)
    lines += ["## Framing: loaded terms by outlet", ""]
    lines += _framing_table(briefing, briefing.framing)
    lines += ["", "## Articles", ""]
    for a in briefing.articles:
        title = " ".join((a.title or a.path or "untitled").split())
        link = markdown_link(title, a.url)  # only an http(s) URL becomes a link
        state = "" if a.ok else f" — **failed**: {_cell(a.error or '')}"
        lines.append(f"{a.index + 1}. {_cell(a.label)}: {link}{state}")
    return "\n".join(lines) + "\n"
