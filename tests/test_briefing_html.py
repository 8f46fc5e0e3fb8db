"""The briefing HTML as a real headless Chromium renders it: highlights and working links.

Needs the `chromium` binary (Debian: apt-get install -y chromium); skipped without it.
The screenshot is kept in test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from summarizer.briefing import briefing_to_html, build_briefing
from tests.test_briefing_fixtures import kabul_articles

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium binary not installed (apt-get install -y chromium)"
)


def _chromium(profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        *args,
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=90, check=False)


def test_rendered_dom_has_highlights_and_matching_link_targets(tmp_path: Path) -> None:
    page = tmp_path / "briefing.html"
    page.write_text(briefing_to_html(build_briefing(*kabul_articles())), "utf-8")
    url = page.as_uri()

    dom = _chromium(tmp_path / "profile", "--dump-dom", url)
    assert dom.returncode == 0, dom.stderr[-2000:]
    marks = re.findall(r"<mark\b[^>]*>", dom.stdout)
    assert len(marks) >= 4  # evidence in all three sources, plus the protest
    ids = set(re.findall(r'\sid="([^"]+)"', dom.stdout))
    targets = set(re.findall(r'href="#([^"]+)"', dom.stdout))
    assert {"e1-a0", "e1-a1", "e1-a2"} <= targets <= ids
    # The page's own script ran in the browser without breaking the DOM.
    assert "Where the sources differ" in dom.stdout

    artifacts = ROOT / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    shot = artifacts / "briefing.png"
    shot.unlink(missing_ok=True)
    run = _chromium(tmp_path / "profile2", f"--screenshot={shot}", "--window-size=1280,2000", url)
    assert run.returncode == 0, run.stderr[-2000:]
    assert shot.stat().st_size > 10_000  # a real picture, not an empty file
