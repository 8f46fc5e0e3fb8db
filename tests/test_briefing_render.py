"""The three briefing formats: Markdown, JSON and the self-contained HTML page."""

from __future__ import annotations

import json
import re

from summarizer.briefing import (
    briefing_to_html,
    briefing_to_json,
    briefing_to_markdown,
    build_briefing,
)
from summarizer.briefing.render_html import highlight
from tests.test_briefing_fixtures import kabul_articles


def _briefing():  # type: ignore[no-untyped-def]
    return build_briefing(*kabul_articles(), title="Kabul <test>")


def test_markdown_lists_each_version_with_its_source() -> None:
    md = briefing_to_markdown(_briefing())
    assert "## e1. " in md and "reported by 3 source(s): Outlet L, Outlet C and Outlet R" in md
    assert "- killed: 85 (Outlet L); 90 (Outlet C); 13 (Outlet R)" in md
    assert "| delegitimizing label |" in md  # the framing table


def test_json_has_events_with_sources_and_spans() -> None:
    data = json.loads(briefing_to_json(_briefing()))
    first = data["events"][0]
    assert [s["source"] for s in first["sources"]] == ["Outlet L", "Outlet C", "Outlet R"]
    assert all(s["spans"] for s in first["sources"])
    assert "fatalities" in first["disagreements"] and first["account"].startswith("According")


def test_highlight_escapes_and_handles_overlapping_spans() -> None:
    text = "a <b> & c d"
    html = highlight(text, [(0, 7, "k1"), (4, 11, "k2")], [(2, 5, "loaded")])
    assert "<b>" not in html
    assert "&lt;b" in html and "&gt;" in html and "&amp;" in html
    assert html.count('id="k1"') == 1 and html.count('id="k2"') == 1
    # Removing the tags gives back the text.
    plain = re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">")
    assert plain.replace("&amp;", "&") == text


def test_html_is_self_contained_and_links_resolve() -> None:
    page = briefing_to_html(_briefing())
    assert "Kabul &lt;test&gt;" in page and "Right &lt;&amp;&gt;" in page
    # No resource is fetched: no src= and no external stylesheet.
    assert not re.search(r"\ssrc=|<link\b", page)
    ids = set(re.findall(r'\sid="([^"]+)"', page))
    targets = set(re.findall(r'href="#([^"]+)"', page))
    assert targets and targets <= ids
    assert {"e1-a0", "e1-a1", "e1-a2"} <= targets
