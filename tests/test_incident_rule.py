"""No incident sentence, no record; no value the article does not hold (issue #15).

Fake answers here are hand-written fixtures, not model output: they play a model that
codes a speech as a clash and copies the prompt's example into its records.
"""

from __future__ import annotations

import json
import re

import pytest
from fakes import FakeBackend

from summarizer import Settings, summarize, summarize_many
from summarizer.evaluation.cases import DEFAULT_CASES_V2, case_article, load_cases
from summarizer.prompts import load_prompt

SETTINGS = Settings(backend="local", max_reasks=0, rereads=0)
SPEECH = {
    "title": "Leader warns of wider war in televised speech",
    "text": "The group's leader warned on Friday that his fighters would fight without "
    "limits if a full-scale war began.\nOfficials did not immediately comment.",
}
BOMBING = {
    "title": "Bomb kills two at a bus station",
    "text": "A bomb exploded at the main bus station in Dire Dawa on Monday, killing two "
    "people, police said.\nNo group has claimed responsibility.",
}


def _answer(events: list[dict[str, object]], text: str) -> dict[str, object]:
    first = text.splitlines()[0]
    return {"summary": [{"text": first, "ids": [1]}, {"text": first, "ids": [1]}], "events": events}


def test_a_threat_in_a_speech_is_not_an_armed_clash() -> None:
    clash = {"ids": [1], "type": "Armed clash", "actor": "his fighters", "place": "Friday"}
    result = summarize(SPEECH, backend=FakeBackend(_answer([clash], SPEECH["text"])),
                       settings=SETTINGS)  # fmt: skip
    assert result.events == []
    assert any("no incident sentence, no record" in f.message for f in result.run.findings)


def test_a_reported_bombing_stays() -> None:
    bomb = {"ids": [1], "type": "Remote explosive/landmine/IED", "place": "Dire Dawa",
            "target": "the main bus station", "killed": 2}  # fmt: skip
    result = summarize(BOMBING, backend=FakeBackend(_answer([bomb], BOMBING["text"])),
                       settings=SETTINGS)  # fmt: skip
    assert [e.location.place.value for e in result.events if e.location.place] == ["Dire Dawa"]


def test_values_copied_from_the_prompt_example_never_reach_the_output() -> None:
    # The record a careless model writes from the few-shot example, on an article that
    # names none of it: every copied value is left empty or the record dropped.
    copied = {"ids": [1], "type": "Air/drone strike", "actor": "the army", "resp": "confirmed",
              "target": "a depot", "place": "near Tarin", "when": "on Sunday",
              "why": "revenge for the brutal siege of Tarin", "source": "the army"}  # fmt: skip
    result = summarize(BOMBING, backend=FakeBackend(_answer([copied], BOMBING["text"])),
                       settings=SETTINGS)  # fmt: skip
    dumped = json.dumps([e.model_dump(mode="json") for e in result.events])
    for value in ("Tarin", "the army", "a depot", "on Sunday", "revenge"):
        assert value not in dumped


def _example_values() -> set[str]:
    """The values of the prompt's own few-shot answer."""
    example = dict(load_prompt("summarize").examples)["assistant"]
    values: set[str] = set()
    for event in json.loads(example)["events"]:
        values |= {v for v in event.values() if isinstance(v, str) and len(v) > 3}
    return values - {
        "claimed",
        "confirmed",
        "Air/drone strike",
        "Shelling/artillery/missile attack",
    }


@pytest.mark.parametrize("split", ["dev", "check"])
def test_no_replayed_record_holds_a_value_of_the_example_its_article_lacks(split: str) -> None:
    cases = [c for c in load_cases(DEFAULT_CASES_V2) if c["split"] == split]
    articles = [case_article(c) for c in cases]
    example = _example_values()
    assert "near Tarin" in example
    results = summarize_many(articles, settings=Settings(backend="replay"))
    for article, result in zip(articles, results, strict=True):
        assert not isinstance(result, dict), result
        words = set(re.findall(r"\w+", f"{article.title or ''} {article.text}".casefold()))
        dumped = json.dumps(
            [e.model_dump(mode="json", exclude={"evidence"}) for e in result.events]
        )
        for value in example:
            # A value whose words the article does not all hold came from the example.
            if not set(re.findall(r"\w+", value.casefold())) <= words:
                assert value not in dumped, (article.path, value)
