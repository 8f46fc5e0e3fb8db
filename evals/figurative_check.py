"""How the incident rule's figurative-use filter reads news it was not tuned on.

Two outside samples from ../shared/data (read in place, never copied):
  * AllSides 2021 roundups outside the conflict subset: US political and social news,
    where an incident word is mostly figurative ("a partisan battle", "booster shots");
  * CASE 2021 task 2 snippets: ACLED-style incidents, none of which should lose its
    incident word, and distractor types outside ACLED (NATURAL_DISASTER, ...), which may.
Prints how many sentences hold an incident word before and after the filter, and the
CASE types of the snippets that lose theirs.

    python evals/figurative_check.py [--shared ../shared/data]
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import Counter
from pathlib import Path

from summarizer.article import split_sentences
from summarizer.checks.figurative import literal
from summarizer.evaluation.cases import DEFAULT_SHARED
from summarizer.rules.incident import has_incident_word


def _political_sentences(shared: Path) -> list[str]:
    folder = shared / "neus_allsides"
    conflict = {
        json.loads(line)["id"]
        for line in (folder / "conflict_foreign_subset.jsonl").read_text("utf-8").splitlines()
    }
    out = []
    for line in (folder / "allsides_roundups_2021.jsonl").read_text("utf-8").splitlines():
        event = json.loads(line)
        if event["id"] in conflict:
            continue
        for side in event["news"].values():
            for paragraph in side.get("newBody", []):
                out += [s.text for s in split_sentences(paragraph)]
    return out


def _incident_snippets(shared: Path) -> list[tuple[str, str]]:
    """(snippet, CASE type) pairs; the types outside ACLED's (NATURAL_DISASTER, ...) are
    in the set as distractors."""
    path = shared / "case2021" / "case2021_task2_even_ids.tsv"
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    return [(row[1], row[2]) for row in rows if len(row) >= 3 and row[0] != "id"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    shared = parser.parse_args().shared
    political = _political_sentences(shared)
    before = sum(has_incident_word(t) for t in political)
    after = sum(has_incident_word(literal(t)) for t in political)
    print(
        f"AllSides political sentences: {len(political)}; "
        f"with an incident word {before}, after the filter {after}"
    )
    snippets = _incident_snippets(shared)
    lost = Counter(
        kind
        for text, kind in snippets
        if has_incident_word(text) and not has_incident_word(literal(text))
    )
    worded = sum(has_incident_word(text) for text, _ in snippets)
    print(
        f"CASE 2021 snippets: {len(snippets)}; with an incident word {worded}; "
        f"losing it to the filter, by CASE type: {dict(lost) or 'none'}"
    )


if __name__ == "__main__":
    main()
