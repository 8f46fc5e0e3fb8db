"""The seed, replayed from the committed real recording of the embedded model.

Replay is strict: if the prompt, schema or re-ask messages change, the recording no
longer matches and this test fails with the missing key; re-record as the README says.
"""

from __future__ import annotations

import pytest

from summarizer import Settings, read_article, summarize
from summarizer.checks.lexicon import find_loaded_terms
from tests.conftest import SEED

LOADED = (
    "anti-terror fighters",
    "US-occupied",
    "occupying regime",
    "bloody onslaught",
    "aggression",
    "resistance forces",
)


@pytest.fixture(scope="module")
def result():
    return summarize(read_article(SEED), settings=Settings(backend="replay"))


def test_recording_names_its_model_and_prompt(result) -> None:
    assert result.run.backend == "replay:local"
    assert result.run.model == "qwen2.5-coder-1.5b-instruct-q4_k_m"
    assert result.run.prompt.version == "v2"
    assert result.run.usage.completion_tokens > 0


def test_claimed_drone_attacks_are_separate_events(result) -> None:
    claimed = [e for e in result.events if e.responsibility == "claimed"]
    places = {e.location.place.value for e in claimed if e.location.place}
    assert any("al-Tanf" in p for p in places) and any("al-Shaddadi" in p for p in places)
    for event in claimed:
        assert event.sub_event_type == "Air/drone strike"
        assert event.claimed_by and "Islamic Resistance in Iraq" in event.claimed_by.value


def test_every_span_is_exact_and_no_figure_is_invented(result) -> None:
    text = read_article(SEED).text
    for sentence in result.summary:
        for span in sentence.evidence:
            assert text[span.start : span.end] == span.text
    for event in result.events:
        if event.responsibility == "claimed":
            assert event.fatalities is None  # the article gives no figure for these attacks
        values = [event.actors.actor1, event.claimed_by, event.target, event.location.place]
        for span in [*event.evidence, *(sp for v in values if v for sp in v.evidence)]:
            assert text[span.start : span.end] == span.text


def test_summary_keeps_no_unquoted_loaded_wording(result) -> None:
    for sentence in result.summary:
        assert not [t for t in find_loaded_terms(sentence.text) if not t.quoted]
        assert not any(term.lower() in sentence.text.lower() for term in LOADED)


def test_al_harir_attack_is_a_third_claimed_event(result) -> None:
    # Found by re-reading sentences 1-3 (the first pass stops after sentence 2's attacks).
    harir = [e for e in result.events if e.target and "al-Harir" in e.target.value]
    assert len(harir) == 1
    assert harir[0].sub_event_type == "Air/drone strike"
    assert harir[0].responsibility == "claimed"
    assert harir[0].claimed_by and "Islamic Resistance in Iraq" in harir[0].claimed_by.value
    assert len([e for e in result.events if e.responsibility == "claimed"]) == 3


def test_baghdad_strike_is_confirmed_by_the_pentagon_with_one_death(result) -> None:
    # Found by re-reading sentences 8-11: "The Pentagon confirmed ... the strike which
    # killed Mushtaq Jawad Kazim al-Jawari" (one named person: fatalities 1).
    strike = [e for e in result.events if e.responsibility == "confirmed"]
    assert len(strike) == 1
    event = strike[0]
    assert event.sub_event_type == "Air/drone strike"
    assert event.actors.actor1 and event.actors.actor1.value == "the Pentagon"
    assert event.location.place and event.location.place.value == "Baghdad"
    assert event.target and "al-Jawari" in event.target.value
    assert event.fatalities == 1
    assert 11 in event.sentence_ids
