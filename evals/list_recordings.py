"""Print the recording files the eval cases use (to commit exactly those).

Usage: python evals/list_recordings.py [--prompt-version v2] | xargs git add
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from summarizer.api import _pipeline
from summarizer.backends.replay import _safe
from summarizer.evaluation.baselines import rendered_prompts
from summarizer.evaluation.cases import case_article, load_cases
from summarizer.settings import Settings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--prompt-version", default=None)
    args = parser.parse_args()
    settings = Settings.from_env(backend="replay", prompt_version=args.prompt_version)
    pipeline = _pipeline(None, settings)
    folder = (
        Path(settings.recordings_dir)
        / _safe(
            f"{pipeline.backend.recorded_backend}__{pipeline.backend.model}"  # type: ignore[attr-defined]
        )
        / pipeline.prompt.info.sha256[:12]
    )
    wanted = {}
    for case in load_cases():
        for rendered in rendered_prompts(pipeline, case_article(case)):
            wanted[rendered[-1]["content"]] = [(m["role"], m["content"]) for m in rendered]
    for path in sorted(folder.glob("*.json")):
        messages = json.loads(path.read_text("utf-8"))["request"]["messages"]
        turns = [(m["role"], m.get("content") or "") for m in messages]
        for prefix in wanted.values():
            if turns[: len(prefix)] == prefix:
                print(path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path)
                break


if __name__ == "__main__":
    main()
