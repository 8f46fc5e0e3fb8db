"""Write every replayed output the project can make offline into one folder, for diffing.

    python scripts/replay_snapshot.py OUT_DIR

The seed (JSON and Markdown), every eval article (v1 and v2) and the briefing example
(JSON, Markdown, HTML), replayed from the committed recordings. `run.seconds` (wall time
of this process) is set to 0, so two snapshots of unchanged behaviour are byte-identical:
`diff -r before/ after/` is the proof a behaviour-preserving change asks for.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from summarizer import Settings, read_article, summarize_many
from summarizer.api import ItemError
from summarizer.briefing import briefing_to_html, briefing_to_json, briefing_to_markdown
from summarizer.briefing.build import build_briefing
from summarizer.render import result_to_markdown

ROOT = Path(__file__).resolve().parent.parent


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    settings = Settings(backend="replay")
    files = [
        ROOT / "seeds/000_eb6b1eeda829eab8.txt",
        *sorted((ROOT / "evals/data/articles").glob("*.json")),
    ]
    articles = [read_article(f) for f in files]
    for path, outcome in zip(files, summarize_many(articles, settings=settings), strict=True):
        name = path.name
        if isinstance(outcome, ItemError):
            (out / f"{name}.error.json").write_text(json.dumps(dict(outcome), indent=1), "utf-8")
            continue
        outcome.run.seconds = 0.0
        (out / f"{name}.json").write_text(outcome.model_dump_json(indent=1), "utf-8")
        (out / f"{name}.md").write_text(result_to_markdown(outcome), "utf-8")
    example = sorted((ROOT / "seeds/briefing-example").glob("*.json"))
    brief_articles = [read_article(f) for f in example]
    briefing = build_briefing(brief_articles, summarize_many(brief_articles, settings=settings))
    (out / "briefing.json").write_text(briefing_to_json(briefing), "utf-8")
    (out / "briefing.md").write_text(briefing_to_markdown(briefing), "utf-8")
    (out / "briefing.html").write_text(briefing_to_html(briefing), "utf-8")
    print(f"{len(files)} articles and the briefing example -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
