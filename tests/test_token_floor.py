"""The hand-written lower bound in benchmarks/token_floor.py stays a fair answer to the seed."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from summarizer import read_article
from summarizer.schema import Draft
from tests.conftest import SEED

_PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "token_floor.py"


def _floor() -> dict:
    spec = importlib.util.spec_from_file_location("token_floor", _PATH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.HAND_WRITTEN


def test_hand_written_bound_is_a_valid_draft_citing_the_seeds_four_incidents() -> None:
    answer = _floor()
    draft = Draft.model_validate(answer)
    article = read_article(SEED)
    assert len(draft.events) == 4
    for event in draft.events:
        cited = " ".join(article.sentence(i).text for i in event.ids)
        # Every value it gives is the article's own words in a cited sentence.
        for value in (event.target, event.location):
            assert value and value in cited, value
