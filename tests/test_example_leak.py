"""The prompt's own example never reaches an output (issue #15): 0, ever.

A small model copies its few-shot example into answers ("near Tarin", "the army",
"on Sunday" in records of articles that never say them). Every replayed output of the
seed and the 81 eval v2 articles is checked against the example of the prompt in
force: no event value equal to one of the example's values with a word the article
lacks, and no name of the example
(a capitalised word the example's article uses mid-sentence), unless the article says
it too. Real recordings, strict replay.
"""

from __future__ import annotations

import json
import re
from functools import cache

import pytest

from summarizer import Settings
from summarizer.evaluation.cases import DEFAULT_CASES_V2, load_cases, run_cases
from summarizer.prompts import load_prompt
from summarizer.schema import SummaryResult

_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


@cache
def _example() -> tuple[set[str], set[str]]:
    """The example's event values and its names, lower-case."""
    prompt = load_prompt()
    users = [c for role, c in prompt.examples if role == "user"]
    answers = [json.loads(c) for role, c in prompt.examples if role == "assistant"]
    values = {
        v.casefold()
        for answer in answers
        for event in answer.get("events", [])
        for v in event.values()
        if isinstance(v, str) and len(v) > 3
    }
    names = {
        m.group(1).casefold()
        for text in users
        for m in re.finditer(r"(?<=[a-z,] )([A-Z][a-z]+(?: [A-Z][a-z]+)*)", text)
        if m.group(1).casefold() not in _WEEKDAYS
    }
    return values, names


def _words_in(value: str, article: str) -> bool:
    return all(re.search(rf"\b{re.escape(w)}\b", article) for w in value.casefold().split())


def _leaks(result: SummaryResult, article_text: str) -> list[str]:
    values, names = _example()
    article = article_text.casefold()
    found: list[str] = []
    for event in result.events:
        data = event.model_dump(mode="json")
        strings = [s for s in re.findall(r'"value": "([^"]*)"', json.dumps(data))]
        # A value the example holds is a leak when a word of it is not the article's ("near
        # Tarin"); "the army" for the article's "British army" is the article's words.
        found += [s for s in strings if s.casefold() in values and not _words_in(s, article)]
    output = (
        result.summary_text + " " + json.dumps([e.model_dump(mode="json") for e in result.events])
    ).casefold()
    found += [n for n in names if re.search(rf"\b{re.escape(n)}\b", output) and n not in article]
    return found


def test_the_example_has_names_and_values_to_look_for() -> None:
    values, names = _example()
    assert len(values) >= 5 and len(names) >= 2  # the check below looks for something


@pytest.mark.parametrize("split", ["dev", "check"])
def test_no_output_copies_the_prompts_example(split: str) -> None:
    cases = [c for c in load_cases(DEFAULT_CASES_V2) if c["split"] == split]
    ran = run_cases(cases, Settings.from_env(backend="replay"))
    leaks = {
        case["id"]: found
        for case, article, outcome in ran
        if isinstance(outcome, SummaryResult) and (found := _leaks(outcome, article.text))
    }
    assert not [c for c, a, o in ran if not isinstance(o, SummaryResult)]
    assert leaks == {}
