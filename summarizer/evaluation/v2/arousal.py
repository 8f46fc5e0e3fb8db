"""The NeuS framing-bias metric (Lee et al., NAACL 2022): arousal of added emotive words.

For each summary, the words it uses that the neutral AllSides roundup does not use are
looked up in the NRC-VAD lexicon; the arousal of those with a positive valence (> 0.65)
and of those with a negative valence (< 0.35) is summed: `arousal_pos`, `arousal_neg`,
averaged over cases. Lower is more neutral. This follows `metric_code.ipynb` of
HLTCHKUST/framing-bias-metric so our figures can be set beside the paper's.

The lexicon is not ours to ship (NRC's terms): it is read at eval time from a path
(`--vad-lexicon` or SUMMARIZER_NRC_VAD), e.g. a clone of that repository's
`data/lexicons/NRC-VAD-Lexicon-Aug2018Release/NRC-VAD-Lexicon.txt`; without it the
metric is None.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

VAD_ENV = "SUMMARIZER_NRC_VAD"
POSITIVE_VALENCE = 0.65
NEGATIVE_VALENCE = 0.35
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?")


def lexicon_path(given: Path | None = None) -> Path | None:
    path = given or (Path(os.environ[VAD_ENV]) if os.environ.get(VAD_ENV) else None)
    return path if path and path.is_file() else None


@lru_cache(maxsize=2)
def _lexicon(path: str) -> dict[str, tuple[float, float]]:
    table: dict[str, tuple[float, float]] = {}
    for line in Path(path).read_text("utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 4:
            try:
                table[parts[0]] = (float(parts[1]), float(parts[2]))
            except ValueError:
                continue  # a header line
    return table


def _tokens(text: str) -> set[str]:
    return set(_TOKEN.findall(text.lower()))


def arousal(summary: str, reference: str, path: Path) -> tuple[float, float]:
    """(positive, negative) arousal of the summary's words missing from the reference."""
    table = _lexicon(str(path))
    added = _tokens(summary) - _tokens(reference)
    pos = sum(table[w][1] for w in added if w in table and table[w][0] > POSITIVE_VALENCE)
    neg = sum(table[w][1] for w in added if w in table and table[w][0] < NEGATIVE_VALENCE)
    return pos, neg
