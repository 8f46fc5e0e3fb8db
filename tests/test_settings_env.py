"""SUMMARIZER_* variables are parsed with clear errors."""

from __future__ import annotations

import pytest

from summarizer.backends.greedy_grammar import is_plain_greedy
from summarizer.errors import ConfigError
from summarizer.settings import Settings


@pytest.mark.parametrize(("raw", "expected"), [("0", False), ("off", False), ("TRUE", True)])
def test_boolean_settings_read_from_the_environment(raw: str, expected: bool) -> None:
    settings = Settings.from_env({"SUMMARIZER_FAST_GREEDY_GRAMMAR": raw})
    assert settings.fast_greedy_grammar is expected


def test_a_bad_boolean_names_the_variable() -> None:
    with pytest.raises(ConfigError, match="SUMMARIZER_FAST_GREEDY_GRAMMAR"):
        Settings.from_env({"SUMMARIZER_FAST_GREEDY_GRAMMAR": "maybe"})


@pytest.mark.parametrize(
    ("request_kwargs", "expected"),
    [
        ({"temperature": 0}, True),
        ({"temperature": 0.0, "repeat_penalty": 1.0}, True),
        ({"temperature": 0.2}, False),
        ({}, False),  # llama-cpp-python's default temperature is 0.2
        ({"temperature": 0, "repeat_penalty": 1.1}, False),
        ({"temperature": 0, "presence_penalty": 0.5}, False),
    ],
)
def test_only_plain_greedy_requests_take_the_fast_sampler(
    request_kwargs: dict[str, object], expected: bool
) -> None:
    assert is_plain_greedy(request_kwargs) is expected
