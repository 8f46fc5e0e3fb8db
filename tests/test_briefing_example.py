"""The committed example: three outlets on the Kabul airport bombing, replayed offline.

The recordings in recordings/ are real embedded-model output; if a prompt or schema
change leaves them stale, these tests fail with 'no recording' (re-record, see
seeds/briefing-example/README.md).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer import Settings, brief, read_article
from summarizer.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds" / "briefing-example"
OUTLETS = {"The Guardian", "BBC News", "Washington Examiner"}


def _settings() -> Settings:
    return Settings(backend="replay", recordings_dir=ROOT / "recordings")


@pytest.fixture(scope="module")
def recorded() -> None:
    """Fail, saying why, when the example has no recordings for the current prompt."""
    articles = [read_article(str(p)) for p in sorted(SEEDS.glob("*.json"))]
    missing = [
        e
        for e in brief(articles, settings=_settings()).errors
        if e.get("type") == "RecordingMissingError"
    ]
    if missing:
        pytest.fail(
            f"{len(missing)} example article(s) have no recording for the current prompt; "
            "re-record as seeds/briefing-example/README.md says"
        )


@pytest.mark.usefixtures("recorded")
def test_brief_api_merges_the_bombing_across_all_three_outlets() -> None:
    articles = [read_article(str(p)) for p in sorted(SEEDS.glob("*.json"))]
    briefing = brief(articles, settings=_settings())
    assert briefing.errors == []
    top = briefing.events[0]
    assert {s.source for s in top.sources} == OUTLETS
    assert top.event_type == "Explosions/Remote violence"
    # Each outlet's report keeps spans that are exact slices of its text.
    for s in top.sources:
        text = briefing.articles[s.article].text
        assert all(text[sp.start : sp.end] == sp.text for sp in s.spans)


@pytest.mark.usefixtures("recorded")
def test_a_kind_the_outlets_disagree_on_is_told_per_outlet() -> None:
    # The model read the bombing as an attack (BBC), a suicide bomb (Guardian) and an
    # air/drone strike (Examiner; "twin explosions", no aircraft named, so the sub-type
    # rule makes it a remote explosive); the account prefers none and says who says which.
    articles = [read_article(str(p)) for p in sorted(SEEDS.glob("*.json"))]
    top = brief(articles, settings=_settings()).events[0]
    assert top.account.startswith(
        "According to BBC News, The Guardian and Washington Examiner, there was an incident "
    )
    assert (
        "Reports differ on what kind: according to BBC News, an attack; according to "
        "The Guardian, a suicide bomb; according to Washington Examiner, a remote "
        "explosive/landmine/IED."
    ) in top.account
    kind = next(f for f in top.fields if f.name == "sub_event_type")
    assert kind.disagreement and len(kind.versions) == 3


@pytest.mark.usefixtures("recorded")
def test_brief_command_writes_all_three_formats(tmp_path: Path) -> None:
    runner = CliRunner()
    for ext in ("md", "html", "json"):
        out = tmp_path / f"briefing.{ext}"
        res = runner.invoke(app, ["brief", str(SEEDS), "--backend", "replay", "-o", str(out)])
        assert res.exit_code == 0, res.output
    data = json.loads((tmp_path / "briefing.json").read_text("utf-8"))
    assert {s["source"] for s in data["events"][0]["sources"]} == OUTLETS
    md = (tmp_path / "briefing.md").read_text("utf-8")
    assert all(name in md.split("## e2.")[0] for name in OUTLETS)
    page = (tmp_path / "briefing.html").read_text("utf-8")
    assert page.count("<mark") >= 3 and 'href="#e1-a0"' in page


def test_brief_command_rejects_an_unknown_output_format(tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["brief", str(SEEDS), "-o", str(tmp_path / "x.pdf")])
    assert res.exit_code == 2
