"""`summarize --shard i/N`: every input in exactly one share, stable by its content."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.errors import ConfigError
from summarizer.shard import parse_shard, select_shard

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "evals/data/articles").glob("*.json"))


def test_every_input_is_in_exactly_one_share_whatever_the_order() -> None:
    files = [str(f) for f in ARTICLES]
    shares = [select_shard(files, f"{i}/4") for i in range(1, 5)]
    assert sorted(f for share in shares for f in share) == sorted(files)
    assert all(shares)  # 81 inputs spread over 4 shares
    assert select_shard(list(reversed(files)), "2/4") == list(reversed(shares[1]))


def test_a_copy_of_an_article_lands_in_the_same_share(tmp_path: Path) -> None:
    copy = tmp_path / "copy.json"
    shutil.copy(ARTICLES[0], copy)
    for i in (1, 2, 3):
        share = select_shard([str(ARTICLES[0]), str(copy)], f"{i}/3")
        assert len(share) in (0, 2)


@pytest.mark.parametrize("bad", ["0/3", "4/3", "x", "1/0", "1-3"])
def test_a_bad_shard_is_refused(bad: str) -> None:
    with pytest.raises(ConfigError):
        parse_shard(bad)


def test_summarize_shards_cover_the_inputs_once(tmp_path: Path) -> None:
    files = [str(f) for f in ARTICLES[:6]]
    seen: list[str] = []
    for i in (1, 2):
        out = tmp_path / f"shard{i}.jsonl"
        args = ["summarize", *files, "-b", "replay", "--shard", f"{i}/2", "--jsonl", str(out)]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, result.output
        seen += [json.loads(x)["input"] for x in out.read_text().splitlines()]
    assert sorted(seen) == sorted(files)
