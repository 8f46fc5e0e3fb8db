"""A daily briefing from a folder of articles: one Markdown, HTML and JSON file per day.

    python scripts/daily_briefing.py seeds/briefing-example --backend replay --out out/

Articles are the .json/.txt files of the folder; with --day only those published on
that day (by their `published` field) are used, and the day goes into the file names.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.progress import Progress

from summarizer import Settings, read_article
from summarizer.api import summarize_many
from summarizer.briefing import briefing_to_html, briefing_to_json, briefing_to_markdown
from summarizer.briefing.build import build_briefing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--backend", default=None, help="local, openai, replay or record")
    parser.add_argument("--day", type=date.fromisoformat, default=None, help="YYYY-MM-DD")
    parser.add_argument("--out", type=Path, default=Path("out"))
    parser.add_argument("--concurrency", type=int, default=1)
    args = parser.parse_args(argv)
    console = Console(stderr=True)

    files = sorted(p for p in args.folder.iterdir() if p.suffix in (".json", ".txt"))
    articles = [read_article(str(p)) for p in files]
    if args.day:
        articles = [a for a in articles if a.published == args.day]
    if not articles:
        console.print(f"no articles in {args.folder}" + (f" for {args.day}" if args.day else ""))
        return 1
    day = args.day or max((a.published for a in articles if a.published), default=date.today())

    started = time.perf_counter()
    with Progress(console=console, transient=True) as bar:
        task = bar.add_task("summarizing", total=len(articles))
        outcomes = summarize_many(
            articles,
            settings=Settings.from_env(backend=args.backend),
            concurrency=args.concurrency,
            on_done=lambda _i, _o: bar.advance(task),
        )
    briefing = build_briefing(articles, outcomes, title=f"Daily briefing, {day.isoformat()}")
    seconds = time.perf_counter() - started

    args.out.mkdir(parents=True, exist_ok=True)
    stem = args.out / f"briefing-{day.isoformat()}"
    for suffix, render in (
        (".md", briefing_to_markdown),
        (".html", briefing_to_html),
        (".json", briefing_to_json),
    ):
        stem.with_suffix(suffix).write_text(render(briefing), "utf-8")
    merged = sum(1 for e in briefing.events if len(e.sources) > 1)
    console.print(
        f"{len(articles)} article(s) -> {len(briefing.events)} event(s), {merged} reported by "
        f"several outlets, {len(briefing.errors)} failed; {seconds:.1f} s; "
        f"wrote {stem}.md/.html/.json"
    )
    sys.stdout.write(briefing_to_markdown(briefing))
    return 1 if briefing.errors else 0


if __name__ == "__main__":
    sys.exit(main())
