"""Outside checks, reported and never gated: BABE expert word labels, CASE 2021 types.

Both data sets are evaluation-only: they are read from ../shared/data at eval time and
never copied into the project.
"""

from __future__ import annotations

import ast
import csv
import random
import re
from pathlib import Path
from typing import Any

from ..backends import Backend
from ..checks.lexicon import find_loaded_terms
from ..settings import Settings

# CASE 2021 fine-grained labels -> our ACLED sub-event types.
CASE_TO_ACLED = {
    "ARMED_CLASH": "Armed clash",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "CHEM_WEAP": "Chemical weapon",
    "AIR_STRIKE": "Air/drone strike",
    "SUIC_BOMB": "Suicide bomb",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "REM_EXPLOS": "Remote explosive/landmine/IED",
    "GRENADE": "Grenade",
    "SEX_VIOL": "Sexual violence",
    "ATTACK": "Attack",
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "PEACE_PROTEST": "Peaceful protest",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "VIOL_DEMONSTR": "Violent demonstration",
    "MOB_VIOL": "Mob violence",
    "AGREEMENT": "Agreement",
    "ARREST": "Arrests",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "DISR_WEAP": "Disrupted weapons use",
    "HQ_ESTABLISHED": "Headquarters or base established",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory",
    "OTHER": "Other",
}


def _words(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[\w'-]+", text)}


def read_babe(path: Path) -> list[dict[str, Any]]:
    """`;`-separated, BOM, quoted multi-line fields; biased_words is a Python list string."""
    rows = []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh, delimiter=";"):
            try:
                words = ast.literal_eval(row.get("biased_words") or "[]")
            except (ValueError, SyntaxError):
                words = []
            rows.append(
                {
                    "text": row["text"],
                    "biased": row.get("label_bias") == "Biased",
                    "words": [str(w) for w in words],
                }
            )
    return rows


def babe_detector(shared: Path) -> dict[str, Any] | None:
    """Word-level P/R of our lexicon against BABE's expert biased words, and sentence-level
    P/R of 'has a loaded term' against the Biased label."""
    path = shared / "babe" / "final_labels_SG2.csv"
    if not path.is_file():
        return None
    tp = fp = fn = 0
    s_tp = s_fp = s_fn = 0
    rows = read_babe(path)
    for row in rows:
        found = set()
        for term in find_loaded_terms(row["text"]):
            found |= _words(term.text)
        gold = set()
        for w in row["words"]:
            gold |= _words(w)
        tp += len(found & gold)
        fp += len(found - gold)
        fn += len(gold - found)
        flagged = bool(found)
        s_tp += int(flagged and row["biased"])
        s_fp += int(flagged and not row["biased"])
        s_fn += int(not flagged and row["biased"])

    def ratio(a: int, b: int) -> float | None:
        return round(a / b, 4) if b else None

    return {
        "sentences": len(rows),
        "word_precision": ratio(tp, tp + fp),
        "word_recall": ratio(tp, tp + fn),
        "sentence_precision": ratio(s_tp, s_tp + s_fp),
        "sentence_recall": ratio(s_tp, s_tp + s_fn),
    }


def case2021_types(
    shared: Path, settings: Settings, n: int, seed: int = 0, backend: Backend | None = None
) -> dict[str, Any]:
    """Event-type accuracy on a fixed random sample of n snippets (needs model calls, or
    recordings of them when the backend is replay)."""
    from ..api import ItemError, summarize_many

    path = shared / "case2021" / "case2021_task2_even_ids.tsv"
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["SubType"] in CASE_TO_ACLED:
                rows.append(row)
    sample = random.Random(seed).sample(rows, min(n, len(rows)))
    outcomes = summarize_many(
        [r["EventSnippet"] for r in sample], settings=settings, backend=backend
    )
    correct = answered = 0
    for row, outcome in zip(sample, outcomes, strict=True):
        if isinstance(outcome, ItemError) or not outcome.events:
            continue
        answered += 1
        correct += int(outcome.events[0].sub_event_type == CASE_TO_ACLED[row["SubType"]])
    return {
        "n": len(sample),
        "answered": answered,
        "sub_type_accuracy": round(correct / len(sample), 4) if sample else None,
    }
