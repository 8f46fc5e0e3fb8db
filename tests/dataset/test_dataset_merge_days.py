# ruff: noqa: F811  (pytest fixtures imported from dataset_fixtures are parameters here)
"""Merging across days on labelled pairs of replayed events from real articles (NeuS
outlets on one story; different incidents at one place on other days; WikiEvents)."""

from __future__ import annotations

from dataset_fixtures import replayed  # noqa: F401  (fixtures)

from summarizer.briefing.merge import MERGE_SCORE, compatible, score
from summarizer.dataset.merge_days import Report, points
from summarizer.dataset.store import _report
from summarizer.schema import SummaryResult

# (article, event index, article, event index, same incident?)
PAIRS = [
    # One incident, two outlets.
    ("neus-5690-left.json", 0, "neus-5690-right.json", 0, True),
    ("neus-5746-left.json", 0, "neus-5746-right.json", 0, True),
    ("neus-5748-left.json", 0, "neus-5748-right.json", 0, True),
    ("neus-5750-left.json", 0, "neus-5750-right.json", 0, True),
    ("neus-6040-left.json", 0, "neus-6040-right.json", 0, True),
    ("neus-6054-left.json", 0, "neus-6054-right.json", 0, True),
    ("neus-5915-left.json", 0, "neus-5915-right.json", 0, True),
    # One incident, reported on different days (undated WikiEvents articles).
    ("wiki-20_VOA_EN_NW_2016.11.17.3601570.json", 0, "wiki-backpack_ied_13.json", 2, True),
    ("wiki-JC002YBW0.json", 0, "wiki-backpack_ied_20.json", 0, True),
    # Different incidents at one place, or one after another, on other days.
    ("neus-5750-left.json", 0, "neus-5746-left.json", 0, False),
    ("neus-5750-right.json", 0, "neus-5746-right.json", 0, False),
    ("neus-5690-left.json", 0, "neus-5746-left.json", 0, False),
    ("neus-5750-left.json", 0, "neus-5748-left.json", 0, False),
    ("neus-5750-right.json", 0, "neus-5748-right.json", 0, False),
    ("neus-5750-left.json", 0, "neus-5748-right.json", 0, False),
    ("neus-6040-left.json", 0, "neus-6054-left.json", 0, False),
    ("neus-6040-right.json", 0, "neus-6054-right.json", 0, False),
    ("neus-5690-right.json", 0, "neus-5748-left.json", 0, False),
    ("seed-000.json", 3, "neus-5915-left.json", 0, False),
    ("wiki-suicide_ied_100.json", 0, "neus-5750-left.json", 0, False),
    ("neus-6054-left.json", 0, "seed-000.json", 0, False),
]


def _report_of(replayed: dict[str, SummaryResult], name: str, k: int, n: int) -> Report:
    r = replayed[name]
    text = f"{r.article.title or ''}\n{r.article.text}"
    return _report(r.events[k], n, k, r.article.published, text)


def _decisions(replayed: dict[str, SummaryResult]) -> list[tuple[bool, bool, bool]]:
    """(label, ours, the briefing's rules alone) for each pair."""
    out = []
    for n, (a, i, b, j, same) in enumerate(PAIRS):
        ra, rb = _report_of(replayed, a, i, 2 * n), _report_of(replayed, b, j, 2 * n + 1)
        briefing = compatible(ra.ref, rb.ref) and score(ra.ref, rb.ref) >= MERGE_SCORE
        out.append((same, points(ra, rb) is not None, briefing))
    return out


def _precision_recall(pairs: list[tuple[bool, bool]]) -> tuple[float, float, float]:
    tp = sum(1 for label, said in pairs if label and said)
    fp = sum(1 for label, said in pairs if not label and said)
    fn = sum(1 for label, said in pairs if label and not said)
    right = sum(1 for label, said in pairs if label == said)
    return tp / max(1, tp + fp), tp / max(1, tp + fn), right / len(pairs)


def test_merge_across_days_on_labelled_pairs(replayed: dict[str, SummaryResult]) -> None:
    decisions = _decisions(replayed)
    ours = _precision_recall([(label, said) for label, said, _ in decisions])
    base = _precision_recall([(label, said) for label, _, said in decisions])
    different = [said for label, said, _ in decisions if not label]
    print(
        f"merge on {len(PAIRS)} labelled pairs ({sum(p[4] for p in PAIRS)} same): "
        f"ours precision {ours[0]:.2f} recall {ours[1]:.2f} accuracy {ours[2]:.2f}; "
        f"briefing rules alone precision {base[0]:.2f} recall {base[1]:.2f} "
        f"accuracy {base[2]:.2f}; different incidents kept apart "
        f"{different.count(False)}/{len(different)}"
    )
    assert ours[0] >= base[0]
    assert ours[0] >= 0.8
    assert different.count(True) <= 1
