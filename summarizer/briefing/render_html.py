"""One self-contained HTML page: inline CSS and JS, no network, evidence highlighted.

Every statement links (#anchor) to the highlighted spans in each source text that
support it; the article texts are escaped, highlighted by character offsets.
"""

from __future__ import annotations

from html import escape
from itertools import pairwise

from ..markup import safe_href
from .framing import by_category
from .model import Briefing, BriefingEvent, SourceRef, Statement, TermUse

_CSS = """
body{font:16px/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{margin-bottom:.2rem} .meta{color:#666;font-size:.9rem}
section.event{border:1px solid #ddd;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}
.src{font-size:.8rem;text-decoration:none;background:#eef;border-radius:3px;padding:0 .25rem}
.differ{background:#fff6e0;border-left:4px solid #e0a000;padding:.3rem .8rem}
table{border-collapse:collapse;margin:.5rem 0} td,th{border:1px solid #ccc;padding:.2rem .5rem}
article.source{border-top:2px solid #444;margin-top:2rem}
.text{white-space:pre-wrap}
mark.ev{background:#fff2a8}
mark.ev.focus,mark.ev:target{background:#ffc94d;outline:2px solid #e08a00}
.loaded{text-decoration:underline wavy #c33}
"""

# Clicking a link lights up every segment of the span it points to, not just the first.
_JS = """
function focusHash(){
document.querySelectorAll('mark.focus').forEach(m=>m.classList.remove('focus'));
var k=decodeURIComponent(location.hash.slice(1));if(!k)return;
document.querySelectorAll('mark[data-key~="'+CSS.escape(k)+'"]')
.forEach(m=>m.classList.add('focus'));}
window.addEventListener('hashchange',focusHash);focusHash();
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _target(ref: SourceRef) -> str:
    """The highlighted span, or the article itself when the event has no span there."""
    return ref.anchor if ref.spans else f"a{ref.article}"


def _links(briefing: Briefing, ev: BriefingEvent, articles: list[int]) -> str:
    refs = {r.article: r for r in ev.sources}
    out = []
    for a in articles:
        target = _target(refs[a]) if a in refs else f"a{a}"
        out.append(f'<a class="src" href="#{_e(target)}">{_e(briefing.label(a))}</a>')
    return " ".join(out)


def _statement(briefing: Briefing, ev: BriefingEvent, st: Statement) -> str:
    return f"{_e(st.text)} <sup>{_links(briefing, ev, st.sources)}</sup>"


def _framing(briefing: Briefing, uses: list[TermUse]) -> str:
    table = by_category(uses)
    if not table:
        return "<p>No loaded terms from our lexicon.</p>"
    outlets = [a.index for a in briefing.articles if any(a.index in r for r in table.values())]
    head = "".join(f'<th><a href="#a{i}">{_e(briefing.label(i))}</a></th>' for i in outlets)
    rows = "".join(
        f"<tr><th>{_e(cat)}</th>"
        + "".join(f"<td>{_e(', '.join(row.get(i, [])) or '—')}</td>" for i in outlets)
        + "</tr>"
        for cat, row in sorted(table.items())
    )
    return f"<table><tr><th>category</th>{head}</tr>{rows}</table>"


def _event(briefing: Briefing, ev: BriefingEvent) -> str:
    parts = [
        f'<section class="event" id="{_e(ev.id)}">',
        f"<h2>{_e(ev.id)}. {_e(ev.headline)}</h2>",
        f'<p class="meta">{_e(ev.event_type)}; {len(ev.sources)} source(s)</p>',
        "<p>" + " ".join(_statement(briefing, ev, s) for s in ev.statements) + "</p>",
    ]
    differ = [f for f in ev.fields if f.disagreement]
    if differ:
        items = "".join(
            f"<li><b>{_e(f.label)}</b>: "
            + "; ".join(f"{_e(v.value)} {_links(briefing, ev, v.sources)}" for v in f.versions)
            + "</li>"
            for f in differ
        )
        parts.append(f'<div class="differ"><b>Where the sources differ</b><ul>{items}</ul></div>')
    src = "".join(
        f'<li><a href="#{_e(_target(r))}">{_e(r.source)}</a> ({_e(r.sub_event_type)}): '
        + " … ".join(f"“{_e(s.text)}”" for s in r.spans)
        + "</li>"
        for r in ev.sources
    )
    parts.append(f"<h3>Sources</h3><ul>{src}</ul>")
    if ev.framing:
        parts.append("<h3>Wording in these reports</h3>" + _framing(briefing, ev.framing))
    parts.append("</section>")
    return "\n".join(parts)


def highlight(
    text: str, spans: list[tuple[int, int, str]], terms: list[tuple[int, int, str]]
) -> str:
    """Escaped text with <mark> over evidence spans (id on each span's first piece) and
    loaded terms underlined. Spans may overlap: the text is cut at every boundary."""
    n = len(text)
    spans = [(max(0, s), min(n, e), k) for s, e, k in spans if s < e]
    terms = [(max(0, s), min(n, e), t) for s, e, t in terms if s < e]
    cuts = sorted({0, n, *(p for s, e, _ in spans + terms for p in (s, e))})
    placed: set[str] = set()
    out = []
    for a, b in pairwise(cuts):
        seg = _e(text[a:b])
        for s, e, title in terms:
            if s <= a and b <= e:
                seg = f'<span class="loaded" title="{_e(title)}">{seg}</span>'
                break
        keys = list(dict.fromkeys(k for s, e, k in spans if s <= a and b <= e))
        if keys:
            new = [k for k in keys if k not in placed]
            placed.update(new)
            # One id per element: the first new key goes on the mark, others on empty anchors.
            anchors = "".join(f'<span id="{_e(k)}"></span>' for k in new[1:])
            ident = f' id="{_e(new[0])}"' if new else ""
            seg = f'{anchors}<mark class="ev"{ident} data-key="{_e(" ".join(keys))}">{seg}</mark>'
        out.append(seg)
    return "".join(out)


def _article(briefing: Briefing, index: int) -> str:
    a = briefing.articles[index]
    spans = [
        (s.start, s.end, r.anchor)
        for ev in briefing.events
        for r in ev.sources
        if r.article == index
        for s in r.spans
    ]
    terms = [
        (
            u.start,
            u.end,
            f"{u.category}"
            + (f"; neutral: {u.neutral_alternative}" if u.neutral_alternative else ""),
        )
        for u in briefing.framing
        if u.article == index
    ]
    title = _e(a.title or a.path or "untitled")
    href = safe_href(a.url)  # a javascript: or data: URL is shown as text, never linked
    shown = f' — <a href="{_e(href)}">{_e(href)}</a>' if href else f" — {_e(a.url)}"
    link = shown if a.url else ""
    state = "" if a.ok else f'<p class="differ">failed: {_e(a.error or "")}</p>'
    return (
        f'<article class="source" id="a{index}"><h3>{_e(a.label)}: {title}</h3>'
        f'<p class="meta">{_e(a.published or "")}{link}</p>{state}'
        f'<div class="text">{highlight(a.text, spans, terms)}</div></article>'
    )


def briefing_to_html(briefing: Briefing) -> str:
    body = [
        f"<h1>{_e(briefing.title)}</h1>",
        f'<p class="meta">{len(briefing.events)} event(s) from {len(briefing.articles)} '
        "article(s). Each statement links to the highlighted evidence in its sources.</p>",
        *(_event(briefing, ev) for ev in briefing.events),
        "<h2>Framing: loaded terms by outlet</h2>",
        _framing(briefing, briefing.framing),
        "<h2>Source texts</h2>",
        *(_article(briefing, a.index) for a in briefing.articles),
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{_e(briefing.title)}</title><style>{_CSS}</style></head><body>\n"
        + "\n".join(body)
        + f"\n<script>{_JS}</script></body></html>\n"
    )
