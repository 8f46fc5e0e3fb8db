"""Build eval v2: evals/data/cases.v2.jsonl and the new article files.

    python evals/v2/build.py [--shared ../shared/data]

The set (see evals/README.md, "Eval v2"):
- every v1 case (seed, hard cases, NeuS conflict pairs, 11 WikiEvents documents), same
  article files, so their recordings still answer;
- the other 9 WikiEvents test documents (all 20);
- NeuS left/right pairs of 15 events that are not violence (elections, Congress, courts,
  public health, immigration, the economy), picked by a fixed rule, not by reading them;
- hand-written hard cases, one failure kind each (hard_articles.py).
Labels are hand-written per case in evals/v2/labels/<id>.json and merged here. The split
(`dev` / `check`) is fixed by a hash of the case's group (a NeuS event keeps its two
sides together), so nobody chooses which cases land in `check`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))

from hard_articles import HARD_ARTICLES_V2  # noqa: E402

ARTICLE_KEYS = ("title", "source", "published", "text")
# NeuS topics for events that are not violence, and how many events from each; within a
# topic, events are taken in id order, skipping opinion round-ups ("Perspectives: ...").
NON_VIOLENT_TOPICS = {
    "Elections": 3,
    "US Senate": 2,
    "US House": 2,
    "Supreme Court": 2,
    "Coronavirus": 2,
    "Economic Policy": 2,
    "Immigration": 2,
}
CHECK_SHARE = 0.45  # of groups, by hash


def split_of(group: str) -> str:
    bucket = int(hashlib.sha256(group.encode("utf-8")).hexdigest()[:8], 16) / 0xFFFFFFFF
    return "check" if bucket < CHECK_SHARE else "dev"


def v1_cases() -> list[dict[str, Any]]:
    cases = []
    for line in (ROOT / "evals/data/cases.v1.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            c = json.loads(line)
            group = f"neus-{c['provenance']['source_id']}" if c["kind"] == "neus" else c["id"]
            cases.append(
                {
                    "id": c["id"],
                    "kind": c["kind"],
                    "group": group,
                    "provenance": c["provenance"],
                    "article": c["article"],
                    "article_file": c["article_file"],
                    "reference_summary": c.get("reference_summary"),
                }
            )
    return cases


def wiki_cases(shared: Path, have: set[str]) -> list[dict[str, Any]]:
    out = []
    for line in (shared / "wikievents/test.jsonl").open(encoding="utf-8"):
        doc = json.loads(line)
        case_id = f"wiki-{doc['doc_id'][:40]}"
        if case_id in have:
            continue
        # The raw text glues sentences together ("GuiltyAccused"): one sentence a line.
        text = "\n".join(s[1].strip() for s in doc["sentences"] if s[1].strip())
        out.append(
            {
                "id": case_id,
                "kind": "wikievents",
                "group": case_id,
                "provenance": {
                    "repo": "raspberryice/gen-arg",
                    "commit": "16d8f908",
                    "file": "data/wikievents/test.jsonl",
                    "license": "MIT; VOA articles are US public domain",
                    "source_id": doc["doc_id"],
                },
                "article": {"title": None, "source": None, "published": None, "text": text},
                "reference_summary": None,
            }
        )
    return out


def neus_cases(shared: Path) -> list[dict[str, Any]]:
    rows = [
        json.loads(line)
        for line in (shared / "neus_allsides/allsides_roundups_2021.jsonl").open(encoding="utf-8")
    ]
    out = []
    for topic, n in NON_VIOLENT_TOPICS.items():
        picked = [
            r
            for r in sorted(rows, key=lambda r: int(r["id"]))
            if r["topic"] == topic
            and not r["issue"].startswith("Perspectives")
            and all(r["news"].get(side, {}).get("newBody") for side in ("left", "right"))
        ][:n]
        for row in picked:
            for side in ("left", "right"):
                news = row["news"][side]
                out.append(
                    {
                        "id": f"neus-{row['id']}-{side}",
                        "kind": "neus-nonviolent",
                        "group": f"neus-{row['id']}",
                        "provenance": {
                            "repo": "HLTCHKUST/framing-bias-metric",
                            "commit": "1586f55a",
                            "file": "allsides_roundups_2021.jsonl",
                            "license": "research use; text belongs to AllSides and publishers",
                            "source_id": str(row["id"]),
                            "side": side,
                            "topic": topic,
                            "outlet": news["newsSource"],
                            "url": news.get("newsLink"),
                        },
                        "article": {
                            "title": news["newsTitle"],
                            "source": news["newsSource"],
                            "published": row["date"][:10],
                            "text": "\n".join(p.strip() for p in news["newBody"] if p.strip()),
                        },
                        "reference_summary": " ".join(p.strip() for p in row["roundup"]),
                    }
                )
    return out


def hard_cases() -> list[dict[str, Any]]:
    return [
        {
            "id": a["id"],
            "kind": "synthetic",
            "group": a["id"],
            "provenance": {
                "repo": "news-summarizer",
                "file": "evals/v2/hard_articles.py",
                "license": "project's own text",
                "source_id": a["id"],
                "failure_kind": a["kind"],
            },
            "article": {
                "title": a["title"],
                "source": "Synthetic wire report",
                "published": a["published"],
                "text": a["text"],
            },
            "reference_summary": None,
        }
        for a in HARD_ARTICLES_V2
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    old = v1_cases()
    new = [*wiki_cases(args.shared, {c["id"] for c in old}), *neus_cases(args.shared)]
    new += hard_cases()
    labels_dir = HERE / "labels"
    cases = []
    for case in [*old, *new]:
        if "article_file" not in case:
            case["article_file"] = f"evals/data/articles/{case['id']}.json"
            art = {k: case["article"][k] for k in ARTICLE_KEYS if case["article"].get(k)}
            path = ROOT / case["article_file"]
            path.write_text(json.dumps(art, ensure_ascii=False, indent=1) + "\n", "utf-8")
        case["split"] = split_of(case["group"])
        label_file = labels_dir / f"{case['id']}.json"
        case["labels"] = json.loads(label_file.read_text("utf-8")) if label_file.is_file() else None
        cases.append(case)
    with (ROOT / "evals/data/cases.v2.jsonl").open("w", encoding="utf-8") as fh:
        for case in cases:
            fh.write(json.dumps(case, ensure_ascii=False) + "\n")
    n_check = sum(c["split"] == "check" for c in cases)
    labelled = sum(c["labels"] is not None for c in cases)
    print(
        f"{len(cases)} cases ({len(new)} new): {len(cases) - n_check} dev, {n_check} check; "
        f"{labelled} labelled"
    )


if __name__ == "__main__":
    main()
