"""Print the recording files the eval cases use (to commit exactly those).

Usage: python evals/list_recordings.py [--prompt-version v2] | xargs git add
"""

from __future__ import annotations

import argparse
from pathlib import Path

from summarizer.api import pipeline_for
from summarizer.evaluation.baselines import Recordings, rendered_prompts
from summarizer.evaluation.cases import case_article, load_cases
from summarizer.settings import Settings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--prompt-version", default=None)
    args = parser.parse_args()
    settings = Settings.from_env(backend="replay", prompt_version=args.prompt_version)
    pipeline = pipeline_for(settings)
    recordings = Recordings.of(pipeline)
    used: set[Path] = set()
    for case in load_cases():
        for rendered in rendered_prompts(pipeline, case_article(case)):
            used.update(recordings.files(rendered))
    for path in sorted(used):
        print(path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path)


if __name__ == "__main__":
    main()
