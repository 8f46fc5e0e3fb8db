"""Prompt-lookup guesses (backends/prompt_lookup.py), without a model."""

from __future__ import annotations

import numpy as np
import pytest

from summarizer import Settings
from summarizer.backends.prompt_lookup import MIN_MATCH, PromptLookupDraft, find_continuation
from summarizer.errors import ConfigError


def ids(*tokens: int) -> np.ndarray:
    return np.array(tokens, dtype=np.intc)


def test_guesses_what_followed_the_earlier_occurrence_of_the_tail() -> None:
    # ... 5 6 7 [8 9] ... 5 6 7 -> 8 9
    assert find_continuation(ids(1, 5, 6, 7, 8, 9, 2, 5, 6, 7), 2).tolist() == [8, 9]


def test_the_longest_match_wins_then_the_most_recent() -> None:
    # "4 6 7" matches 3 tokens before 11, "6 7" only 2 before 12 and 13: 11 wins.
    seq = ids(4, 6, 7, 11, 0, 6, 7, 12, 0, 6, 7, 13, 0, 4, 6, 7)
    assert find_continuation(seq, 1).tolist() == [11]
    # Two equally long matches: the later one, which is closer to what is being written.
    seq = ids(4, 6, 7, 11, 0, 4, 6, 7, 12, 0, 4, 6, 7)
    assert find_continuation(seq, 1).tolist() == [12]


def test_no_guess_below_the_minimum_match_or_without_any_match() -> None:
    short = list(range(100, 100 + MIN_MATCH - 1))
    seq = ids(*short, 55, 0, *short)  # the tail repeats one token short of the minimum
    assert find_continuation(seq, 2).size == 0
    assert find_continuation(ids(1, 2, 3, 4, 5), 2).size == 0
    assert find_continuation(ids(1, 2, 3, 1, 2, 3), 0).size == 0


def test_guess_is_cut_at_the_end_of_the_sequence_and_counted() -> None:
    draft = PromptLookupDraft(max_draft=5)
    guess = draft(ids(1, 2, 3, 9, 1, 2, 3))  # only "9 1 2 3" follows the match
    assert guess.tolist() == [9, 1, 2, 3]
    assert draft.active and draft.drafted == 4
    draft.begin()
    assert not draft.active and draft.drafted == 0 and draft.decode_calls == 0


def test_negative_draft_size_is_refused() -> None:
    with pytest.raises(ConfigError, match="draft_tokens"):
        Settings(draft_tokens=-1)
