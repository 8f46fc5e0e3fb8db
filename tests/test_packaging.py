"""The wheel carries what the library reads at run time (issue 12, item 14).

Before the fix, package-data pointed at summarizer/prompts/, which does not exist (the
templates are in the top-level prompts/), so a wheel had no prompt and a non-editable
install failed with "no prompt named 'summarize'". The full install-and-run check is
scripts/wheel_smoke.sh (run by .ci/run); this builds the wheel only (~10 s).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from summarizer import prompts

ROOT = Path(__file__).resolve().parent.parent
# What the build reads (setup.py copies prompts/ in; MANIFEST.in is for the sdist).
BUILD_INPUTS = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "summarizer", "prompts")
OFFLINE_HINTS = ("Could not find a version", "No matching distribution", "NewConnectionError")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Iterator[zipfile.ZipFile]:
    """Build from a copy of the build inputs, so no build/ lands in the checkout."""
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    src.mkdir()
    for name in BUILD_INPUTS:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(path, src / name)
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    cmd = [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp / "dist")]
    proc = subprocess.run(
        [*cmd, str(src)], capture_output=True, text=True, timeout=300, env=env, check=False
    )
    if proc.returncode != 0:
        if any(hint in proc.stderr for hint in OFFLINE_HINTS):
            pytest.skip(f"cannot get the build backend (offline?): {proc.stderr[-300:]}")
        pytest.fail(f"pip wheel failed:\n{proc.stderr[-3000:]}")
    (built,) = (tmp / "dist").glob("news_summarizer-*.whl")
    with zipfile.ZipFile(built) as zf:
        yield zf


def test_wheel_ships_the_prompts_byte_for_byte(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    templates = sorted((ROOT / "prompts").glob("*.md"))
    assert templates
    for path in templates:
        shipped = f"summarizer/prompts/{path.name}"
        assert shipped in names, f"{shipped} missing from the wheel"
        # Bytes identical: the prompt's sha256 keys every recording.
        assert wheel.read(shipped) == path.read_bytes()
    assert "summarizer/prompts/summarize.v2.md" in names


def test_wheel_ships_the_lexicon_and_no_checkout_data(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    lexicon = ROOT / "summarizer" / "data" / "loaded_terms.csv"
    assert wheel.read("summarizer/data/loaded_terms.csv") == lexicon.read_bytes()
    assert "summarizer/prompts.py" in names  # the module is still there beside the folder
    top = {n.split("/", 1)[0] for n in names}
    assert top <= {"summarizer", *(n for n in top if n.startswith("news_summarizer-"))}, top


def test_unpacked_wheel_finds_its_prompts_outside_a_checkout(
    wheel: zipfile.ZipFile, tmp_path: Path
) -> None:
    """The wheel's files alone (no checkout beside them): the packaged prompt, same sha256;
    recordings default to ./recordings."""
    site = tmp_path / "site"
    wheel.extractall(site)
    code = (
        "import hashlib, summarizer\n"
        "from summarizer.prompts import load_prompt, prompts_dir\n"
        "from summarizer.settings import Settings\n"
        "print(summarizer.__file__); print(prompts_dir()); print(load_prompt().sha256)\n"
        "print(Settings().recordings_dir)\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("SUMMARIZER_")}
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**env, "PYTHONPATH": str(site)},
        timeout=60,
        check=True,
    )
    module, directory, sha, recordings = proc.stdout.split("\n")[:4]
    assert module.startswith(str(site))
    assert directory == str(site / "summarizer" / "prompts")
    newest = max((ROOT / "prompts").glob("summarize.v*.md"), key=lambda p: int(p.stem[11:]))
    assert sha == hashlib.sha256(newest.read_bytes()).hexdigest()
    assert recordings == "recordings"


def test_prompts_dir_order(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """SUMMARIZER_PROMPTS_DIR, else the checkout's prompts/ (what this test runs from)."""
    monkeypatch.delenv("SUMMARIZER_PROMPTS_DIR", raising=False)
    assert prompts.prompts_dir() == ROOT / "prompts"
    monkeypatch.setenv("SUMMARIZER_PROMPTS_DIR", str(tmp_path))
    assert prompts.prompts_dir() == tmp_path


def test_missing_prompt_dir_is_a_config_error(tmp_path: Path) -> None:
    from summarizer.errors import ConfigError

    with pytest.raises(ConfigError, match="SUMMARIZER_PROMPTS_DIR"):
        prompts.load_prompt(directory=tmp_path / "nowhere")


def test_eval_without_a_case_set_says_how_to_give_one(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Outside a checkout the default evals/data is absent: a clear error, not a traceback."""
    from typer.testing import CliRunner

    from summarizer.cli import app
    from summarizer.evaluation import cases

    monkeypatch.delenv("SUMMARIZER_EVAL_CASES", raising=False)
    monkeypatch.setattr(cases, "DEFAULT_CASES", tmp_path / "evals" / "data" / "cases.v1.jsonl")
    result = CliRunner().invoke(app, ["eval"])
    assert result.exit_code == 2
    assert not isinstance(result.exception, FileNotFoundError)
    text = " ".join(result.output.split())  # stderr is in output; rich wraps lines
    assert "Traceback" not in text
    assert "--cases-file" in text and "SUMMARIZER_EVAL_CASES" in text

    monkeypatch.setenv("SUMMARIZER_EVAL_CASES", str(tmp_path / "missing.jsonl"))
    result = CliRunner().invoke(app, ["eval"])
    assert result.exit_code == 2
    assert "missing.jsonl" in " ".join(result.output.split())


def test_wheel_ships_the_language_data(wheel: zipfile.ZipFile) -> None:
    """Every word list the rules read (summarizer/data/language/) is in the wheel, as is."""
    folder = ROOT / "summarizer" / "data" / "language"
    files = sorted(folder.glob("*.txt"))
    assert files
    for path in files:
        shipped = f"summarizer/data/language/{path.name}"
        assert wheel.read(shipped) == path.read_bytes(), shipped
