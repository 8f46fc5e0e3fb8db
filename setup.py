"""Ships the top-level prompts/ inside the wheel as summarizer/prompts/.

prompts/ stays where it is (the source of truth, next to recordings/ and evals/), and a
package-data glob cannot reach outside the package, so build_py copies the templates into
the build, byte for byte: the prompt's sha256, which keys every recording, is unchanged.
An editable install skips the copy; summarizer.prompts.prompts_dir() reads prompts/ from
the checkout. Everything else is in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

PROMPTS = Path(__file__).resolve().parent / "prompts"


class BuildPyWithPrompts(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        templates = sorted(PROMPTS.glob("*.md"))
        if not templates:
            raise SystemExit(f"no prompt templates in {PROMPTS}; the wheel would not run")
        target = Path(self.build_lib) / "summarizer" / "prompts"
        shutil.rmtree(target, ignore_errors=True)  # a reused build/ keeps no stale copy
        target.mkdir(parents=True)
        for path in templates:
            shutil.copyfile(path, target / path.name)  # bytes unchanged: same sha256


setup(cmdclass={"build_py": BuildPyWithPrompts})
