"""What the sub-type rule makes of an "Armed clash" on news it was not tuned on.

A small model types most violence "Armed clash"; rules/sub_type.py turns one side's
violence into Attack, force used on a protest into Protest with intervention or
Excessive force against protesters, and protesters' violence into Violent demonstration
(data/language/clash_sides.txt). This plays a model that answers "Armed clash" for every
CASE 2021 task 2 snippet (ACLED-style, labelled by sub-type; read in place from
../shared/data, never copied) and prints, per labelled sub-type, what the rule leaves:
"keep" is Armed clash. Right for ARMED_CLASH is keep; for the other violent sub-types,
any change moves the record nearer its label than Armed clash was.

A second table plays a model that types every snippet "Air/drone strike" and prints
what `ground_kind` makes of it: a remote-violence label (air strike, shelling, bombs,
grenades) must keep it; a ground attack (ARMED_CLASH, ATTACK) is right when moved to
its label. A third plays a model that types every protest "Peaceful protest" and prints
what the protest rules make of it (a riot's words, force used on the protest). A fourth
counts, per label, the snippets whose words make a remote-violence record a "Chemical
weapon" (right for CHEM_WEAP; others are statements or disasters that name a poison).

    python evals/clash_check.py [--shared ../shared/data]
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter, defaultdict
from pathlib import Path

from summarizer.evaluation.cases import DEFAULT_SHARED
from summarizer.rules.sub_type import ground_kind, one_sided_kind, poison_kind, protest_kind

# CASE 2021 labels and the ACLED sub-types they name, for the rows this check reads.
CASE_SUB_TYPES = {
    "ARMED_CLASH": "Armed clash",
    "ATTACK": "Attack",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "VIOL_DEMONSTR": "Violent demonstration",
    "PEACE_PROTEST": "Peaceful protest",
    "MOB_VIOL": "Mob violence",
}

# CASE 2021 labels of remote violence: a model's "Air/drone strike" for these must stand.
REMOTE_LABELS = ("AIR_STRIKE", "ART_MISS_ATTACK", "REM_EXPLOS", "SUIC_BOMB", "GRENADE", "CHEM_WEAP")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    path = parser.parse_args().shared / "case2021" / "case2021_task2_even_ids.tsv"
    with path.open(encoding="utf-8") as handle:
        rows = [r for r in csv.reader(handle, delimiter="\t") if len(r) >= 3 and r[0] != "id"]
    made: dict[str, Counter[str]] = defaultdict(Counter)
    grounded: dict[str, Counter[str]] = defaultdict(Counter)
    protested: dict[str, Counter[str]] = defaultdict(Counter)
    poisoned: Counter[str] = Counter()
    snippets: Counter[str] = Counter()
    for _id, snippet, label in (r[:3] for r in rows):
        if label in CASE_SUB_TYPES:
            made[label][one_sided_kind(snippet) or "Armed clash"] += 1
        grounded[label][ground_kind(snippet) or "keep"] += 1
        protested[label][protest_kind(snippet) or "Peaceful protest"] += 1
        snippets[label] += 1
        poisoned[label] += poison_kind(snippet) is not None
    print("CASE label | snippets | typed as the label after the rule | what the rule made")
    for label, sub_type in CASE_SUB_TYPES.items():
        counts = made[label]
        total = sum(counts.values())
        print(f"{label} | {total} | {counts[sub_type]} | {dict(counts.most_common())}")
    print()
    print("CASE label | snippets | kept 'Air/drone strike' | what ground_kind made")
    for label in (*REMOTE_LABELS, "ARMED_CLASH", "ATTACK"):
        counts = grounded[label]
        total = sum(counts.values())
        print(f"{label} | {total} | {counts['keep']} | {dict(counts.most_common())}")
    print()
    print("CASE label | snippets | typed as the label | what the protest rules made")
    for label in ("PEACE_PROTEST", "PROTEST_WITH_INTER", "FORCE_AGAINST_PROTEST", "VIOL_DEMONSTR"):
        counts = protested[label]
        total = sum(counts.values())
        print(f"{label} | {total} | {counts[CASE_SUB_TYPES[label]]} | {dict(counts.most_common())}")
    print()
    print("CASE label | snippets | typed 'Chemical weapon' by the words (poison_kind)")
    for label in sorted(poisoned, key=lambda k: (k != "CHEM_WEAP", -poisoned[k], k)):
        if poisoned[label] or label == "CHEM_WEAP":
            print(f"{label} | {snippets[label]} | {poisoned[label]}")


if __name__ == "__main__":
    main()
