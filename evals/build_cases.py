"""Build evals/data/cases.v1.jsonl and evals/data/articles/*.json from the hand labels.

Usage: python evals/build_cases.py [--shared ../shared/data]

Labels live in evals/cases_short.py and evals/cases_wikievents.py (hand-checked);
this script only adds the article text and provenance from the source files, so the
recorder (`summarizer summarize evals/data/articles/*.json --backend record`) and the
runner see byte-identical articles and the recording keys match.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from cases_short import HARD_CASES, NEUS, NEUS_CASES, SEED, SEED_CASE, SYNTH  # noqa: E402
from cases_wikievents import WIKI_CASES, WIKIEVENTS  # noqa: E402

ARTICLE_KEYS = ("title", "source", "published", "text")


def seed_case(root: Path) -> dict[str, Any]:
    raw = (root / SEED["file"]).read_text("utf-8").strip("\n")
    head, _, body = raw.partition("\n")
    return {
        **SEED_CASE,
        "article": {
            "title": head.strip(),
            "source": None,
            "published": None,
            "text": body.strip("\n"),
        },
    }


def neus_cases(shared: Path) -> list[dict[str, Any]]:
    rows = {}
    for line in (shared / "neus_allsides/conflict_foreign_subset.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        rows[str(row["id"])] = row
    out = []
    for label in NEUS_CASES:
        row = rows[label["event"]]
        news = row["news"][label["side"]]
        out.append(
            {
                "id": f"neus-{label['event']}-{label['side']}",
                "kind": "neus",
                "provenance": {
                    **NEUS,
                    "source_id": label["event"],
                    "side": label["side"],
                    "outlet": news["newsSource"],
                    "url": news.get("newsLink"),
                },
                "note": label["note"],
                "article": {
                    "title": news["newsTitle"],
                    "source": news["newsSource"],
                    "published": row["date"][:10],
                    "text": "\n".join(p.strip() for p in news["newBody"] if p.strip()),
                },
                "events_complete": True,
                "gold_events": label["gold_events"],
                "reference_summary": " ".join(p.strip() for p in row["roundup"]),
                "key_facts": label["key_facts"],
                "forbidden": label["forbidden"],
            }
        )
    return out


def hard_cases() -> list[dict[str, Any]]:
    return [
        {
            "kind": "synthetic",
            "provenance": {**SYNTH, "source_id": c["id"]},
            "reference_summary": None,
            **c,
        }
        for c in HARD_CASES
    ]


def wiki_cases(shared: Path) -> list[dict[str, Any]]:
    docs = {}
    for line in (shared / "wikievents/test.jsonl").open(encoding="utf-8"):
        doc = json.loads(line)
        docs[doc["doc_id"]] = doc
    out = []
    for label in WIKI_CASES:
        doc = docs[label["doc_id"]]
        # The raw text glues sentences together ("GuiltyAccused"): one sentence a line.
        text = "\n".join(sent[1].strip() for sent in doc["sentences"] if sent[1].strip())
        out.append(
            {
                "id": f"wiki-{label['doc_id'][:40]}",
                "kind": "wikievents",
                "provenance": {**WIKIEVENTS, "source_id": label["doc_id"]},
                "note": label["note"],
                "article": {
                    "title": None,
                    "source": None,
                    "published": label.get("published"),
                    "text": text,
                },
                "events_complete": label.get("events_complete", False),
                "gold_events": label["gold_events"],
                "reference_summary": None,
                "key_facts": label["key_facts"],
                "forbidden": label.get("forbidden", []),
            }
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=HERE / "data")
    args = parser.parse_args()
    cases = [
        seed_case(HERE.parent),
        *hard_cases(),
        *neus_cases(args.shared),
        *wiki_cases(args.shared),
    ]
    articles = args.out / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    with (args.out / "cases.v1.jsonl").open("w", encoding="utf-8") as fh:
        for case in cases:
            case["article_file"] = f"evals/data/articles/{case['id']}.json"
            fh.write(json.dumps(case, ensure_ascii=False) + "\n")
            art = {k: case["article"][k] for k in ARTICLE_KEYS if case["article"].get(k)}
            (articles / f"{case['id']}.json").write_text(
                json.dumps(art, ensure_ascii=False, indent=1) + "\n", "utf-8"
            )
    print(f"{len(cases)} cases -> {args.out / 'cases.v1.jsonl'}")


if __name__ == "__main__":
    main()
